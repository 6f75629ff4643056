"""The person's medicines as the rules see them: matched names, classes and effect tags."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from crampcheck.assessment.input import AssessmentInput

if TYPE_CHECKING:
    from crampcheck.medications import MedicationCatalog, MedicationMatch

# Associations that count as "linked to cramps" (clinical.md §c.3).
LINKED = frozenset({"strong", "moderate", "weak"})
LIST_FIELDS = ("medications", "medications_started_recently", "medications_stopped_recently")
# The token kinds a medicine in each list gives: one started recently is also being taken.
_TOKEN_SUFFIXES = {
    "medications": ("",),
    "medications_started_recently": ("", "_started"),
    "medications_stopped_recently": ("_stopped",),
}


@dataclass(frozen=True, slots=True)
class MedicineEntry:
    """One medicine name of the input and what the knowledge base knows of it."""

    field: str
    text: str
    match: MedicationMatch
    effect_notes: tuple[str, ...] = ()
    classes: frozenset[str] = dataclasses.field(init=False)
    # The drug's effect tags plus tags derived from its cramp association.
    effects: frozenset[str] = dataclasses.field(init=False)
    # What the rules test: ("med_class", "statin"), ("med_effect_started", "cramp_link"), ...
    tokens: tuple[tuple[str, str], ...] = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        derived = set()
        association = self.match.cramp_association
        if association is not None and str(association) in LINKED:
            derived.add("cramp_link")
            if str(association) == "strong":
                derived.add("cramp_link_strong")
        object.__setattr__(self, "classes", frozenset(self.match.classes))
        object.__setattr__(self, "effects", frozenset(self.match.effects) | derived)
        # Sorted: token order decides evidence order, which must not depend on hashing.
        tokens = [
            (f"med_{kind}{suffix}", value)
            for suffix in _TOKEN_SUFFIXES[self.field]
            for kind, values in (("class", self.classes), ("effect", self.effects))
            for value in sorted(values)
        ]
        object.__setattr__(self, "tokens", tuple(tokens))

    @property
    def known(self) -> bool:
        return self.match.status != "unknown"


def match_medicines(data: AssessmentInput) -> tuple[MedicineEntry, ...]:
    """Match every medicine name in the input; loads the catalog only when there are some."""
    names = [(field, text) for field in LIST_FIELDS for text in getattr(data, field) or ()]
    if not names:
        return ()
    load_catalog, _ = _matcher()
    catalog = load_catalog()
    return tuple(_entry(field, text, catalog) for field, text in names)


@cache
def _matcher() -> tuple[
    Callable[[], MedicationCatalog], Callable[[str, MedicationCatalog], MedicationMatch]
]:
    """The catalog loader and the matcher, imported on first use: an assessment of someone
    who takes no medicines (e.g. `crampcheck assess` on one file) need not load them."""
    from crampcheck.medications import load_medication_catalog, match_medication

    return load_medication_catalog, match_medication


@lru_cache(maxsize=16384)
def _entry(field: str, text: str, catalog: MedicationCatalog) -> MedicineEntry:
    """One name's entry; entries are immutable, so people who write the same name share it."""
    _, match_medication = _matcher()
    match = match_medication(text, catalog)
    # The effects' plain-language texts come from medications.yaml, not from code.
    notes = tuple(catalog.effects[e].text for e in match.effects if e in catalog.effects)
    return MedicineEntry(field, text, match, notes)
