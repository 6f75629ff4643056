"""Words of a result that do not depend on the person: cached per knowledge base and language.

The engine decides which items a person gets; this module holds their fixed texts (translated
once per language), the items already built for a given piece of evidence, and the small
helpers that name answers and medicines. Results share these parts (lists and dicts
included): treat an `Assessment` as read-only.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import cache
from typing import Any, TypeVar, cast

from crampcheck.assessment.labels import Labels
from crampcheck.assessment.medicines import LINKED, MedicineEntry
from crampcheck.assessment.result import (
    AdviceItem,
    Citation,
    ConcernResult,
    FactorResult,
    MedicationResult,
    NotAsked,
    PreSerialized,
    SystemFactors,
)
from crampcheck.i18n import Translator
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.interventions import Intervention

Value = TypeVar("Value")
# Built items are kept per distinct key (item and evidence). People share most of them: the
# same advice for the same answers reads the same. The bound keeps memory flat in a server
# that sees endless combinations; when full, a cache starts again (cheap, and rare). With
# 2,000 per kind, 20,000 different people grew memory by ~34 MB, with 79-99% of items found
# kept (20,000 per kind: ~150 MB for a few points more).
MAX_CACHED_ITEMS = 2_000


def pre_serialized(item: Value) -> Value:
    """`item` (a result TypedDict) with its JSON kept beside it."""
    return cast(Value, PreSerialized(cast(dict[str, Any], item)))


class ItemCache(dict[Hashable, Value]):
    """Built result items by key, at most `MAX_CACHED_ITEMS` of them."""

    def keep(self, key: Hashable, value: Value) -> Value:
        """Keep `value` with its JSON (made here unless it is already `PreSerialized`)."""
        if len(self) >= MAX_CACHED_ITEMS:
            self.clear()
        kept = self[key] = value if isinstance(value, PreSerialized) else pre_serialized(value)
        return kept


class SharedWords:
    """What every assessment with one knowledge base and language can reuse.

    An item's key holds everything its text depends on: the knowledge-base item, the rules
    and the answers behind it (a medicine answer's note depends on its text alone).
    """

    def __init__(self, knowledge: KnowledgeBase, translator: Translator) -> None:
        self.labels = Labels(knowledge, translator)
        self.translator = translator
        self._advice: dict[tuple[str, bool], PreSerialized] = {}
        self.not_asked: dict[tuple[int, int], NotAsked] = {}  # by (leaf id, rule number)
        self.advice_items: ItemCache[AdviceItem] = ItemCache()
        self.concerns: ItemCache[ConcernResult] = ItemCache()
        self.factors: ItemCache[FactorResult] = ItemCache()
        self.systems: ItemCache[SystemFactors] = ItemCache()
        self.medications: ItemCache[MedicationResult] = ItemCache()
        self.citations: dict[str, Citation] = {
            key: pre_serialized(Citation(key=key, citation=s.citation, url=s.url, verify=s.verify))
            for key, s in knowledge.sources.items()
        }

    def static_advice(self, item: Intervention, contraindicated: bool) -> PreSerialized:
        """The fixed part of an advice item, with its JSON."""
        key = (item.id, contraindicated)
        if key not in self._advice:
            self._advice[key] = PreSerialized(static_advice(item, self.translator, contraindicated))
        return self._advice[key]


@cache
def shared_words(knowledge: KnowledgeBase, translator: Translator) -> SharedWords:
    """The reusable words for one knowledge base and language."""
    return SharedWords(knowledge, translator)


def static_advice(
    item: Intervention, translator: Translator, contraindicated: bool
) -> dict[str, Any]:
    """The parts of an advice item that do not depend on the person (cached per language)."""
    _ = translator.gettext
    if contraindicated:
        return {
            "id": item.id,
            "title": _("Not now: {title}").format(title=_(item.title)),
            "text": _(item.avoid_reason) if item.avoid_reason else "",
            "steps": [],
            "grade": "X",
            "grade_note": None,
            "sources": list(item.sources),
            "verify": item.verify,
        }
    return {
        "id": item.id,
        "title": _(item.title),
        "text": _(item.text),
        "steps": [_(step) for step in item.steps],
        "grade": item.grade.value,
        "grade_note": _(item.grade_note) if item.grade_note else None,
        "sources": list(item.sources),
        "verify": item.verify,
    }


ATOM_PATHS = {
    "symptom": "symptoms",
    "condition": "conditions",
    "event": "recent_events",
    "timing": "cramps.when",
    "muscle": "cramps.muscles",
    "side": "cramps.side",
    "stretch_relief": "cramps.relieved_by_stretching",
    "exercise": "lifestyle.exercise",
    "sex": "sex",
    "flag": "flags",
    "habit": "lifestyle",
    "med_class": "medications",
    "med_effect": "medications",
    "med_class_started": "medications_started_recently",
    "med_effect_started": "medications_started_recently",
    "med_class_stopped": "medications_stopped_recently",
    "med_effect_stopped": "medications_stopped_recently",
}


def medicine_note(entry: MedicineEntry) -> str:
    match = entry.match
    if not entry.known:
        return "not in the knowledge base"
    name = " + ".join(match.generics) if match.generics else (match.generic or "")
    kind = match.drug_class or ""
    return f"{name} ({kind})" if name else kind


def effect_notes(entry: MedicineEntry) -> list[str]:
    notes = list(entry.effect_notes)
    if entry.match.cramp_association and str(entry.match.cramp_association) in LINKED:
        notes.insert(0, f"Linked to cramps ({entry.match.cramp_association} association).")
    return notes
