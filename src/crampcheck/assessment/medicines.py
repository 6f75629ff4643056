"""The person's medicines as the rules see them: matched names, classes and effect tags."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from crampcheck.assessment.input import AssessmentInput

if TYPE_CHECKING:
    from crampcheck.medications import MedicationMatch

# Associations that count as "linked to cramps" (clinical.md §c.3).
LINKED = frozenset({"strong", "moderate", "weak"})
LIST_FIELDS = ("medications", "medications_started_recently", "medications_stopped_recently")


@dataclass(frozen=True, slots=True)
class MedicineEntry:
    """One medicine name of the input and what the knowledge base knows of it."""

    field: str
    text: str
    match: MedicationMatch
    effect_notes: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return self.match.status != "unknown"

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(self.match.classes)

    @property
    def effects(self) -> frozenset[str]:
        """The drug's effect tags plus tags derived from its cramp association."""
        derived = set()
        association = self.match.cramp_association
        if association is not None and str(association) in LINKED:
            derived.add("cramp_link")
            if str(association) == "strong":
                derived.add("cramp_link_strong")
        return frozenset(self.match.effects) | derived


def match_medicines(data: AssessmentInput) -> tuple[MedicineEntry, ...]:
    """Match every medicine name in the input; loads the catalog only when there are some."""
    names = [(field, text) for field in LIST_FIELDS for text in getattr(data, field) or ()]
    if not names:
        return ()
    from crampcheck.medications import load_medication_catalog, match_medication

    catalog = load_medication_catalog()
    entries = []
    for field, text in names:
        match = match_medication(text, catalog)
        # The effects' plain-language texts come from medications.yaml, not from code.
        notes = tuple(catalog.effects[e].text for e in match.effects if e in catalog.effects)
        entries.append(MedicineEntry(field, text, match, notes))
    return tuple(entries)
