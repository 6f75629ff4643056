"""Words of a result that do not depend on the person: cached per knowledge base and language.

The engine decides which items a person gets; this module holds their fixed texts (translated
once per language) as JSON templates, the JSON of answers already worded, and the small
helpers that name answers and medicines.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import cache
from typing import Any, TypeVar

import orjson

from crampcheck.assessment.bits import set_bits
from crampcheck.assessment.evidence import Answer, Evidence
from crampcheck.assessment.labels import Labels
from crampcheck.assessment.medicines import LINKED, MedicineEntry
from crampcheck.assessment.result import Citation
from crampcheck.i18n import Translator, gettext_noop
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.bibliography import Source
from crampcheck.knowledge.factors import BodySystem
from crampcheck.knowledge.interventions import Intervention
from crampcheck.knowledge.withholding import AdviceCategory, WithholdCategory

Value = TypeVar("Value")
# Bounds the caches whose keys come from what people write (answers, medicine names): a
# server sees endless combinations, so a full cache starts again (cheap, and rare). Full,
# the worded answers take ~3 MB (measured over 8,000 different people).
MAX_CACHED_ITEMS = 5_000
# Marks where an item's person-dependent parts go in its JSON template.
WHY, EVIDENCE, _LIST = "\x00why", "\x00evidence", "\x00list"


class ItemCache(dict[Hashable, Value]):
    """Values by key, at most `MAX_CACHED_ITEMS` of them."""

    def keep(self, key: Hashable, value: Value) -> Value:
        """Keep `value` under `key` (after starting again when full) and return it."""
        if len(self) >= MAX_CACHED_ITEMS:
            self.clear()
        self[key] = value
        return value


# An item's JSON cut around its answers: before `why`, between `why` and `evidence`, after.
Pieces = tuple[bytes, bytes, bytes]
# Answers as JSON: the `why` lines and the `evidence` list.
WhyJson = tuple[bytes, bytes]
# Sources as bits: bit i set means the i-th source of the bibliography sorted by key
# (`SharedWords.sources`).
SourceMask = int


def template(item: dict[str, Any]) -> Pieces:
    """The JSON of an item whose `why` and `evidence` are `WHY` and `EVIDENCE`, cut there."""
    head, rest = orjson.dumps(item).split(orjson.dumps(WHY))
    middle, tail = rest.split(orjson.dumps(EVIDENCE))
    return head, middle, tail


def add_item(out: list[bytes], pieces: Pieces, why: WhyJson) -> None:
    """Append to `out` an item's JSON (its template with the answers put in) and a comma."""
    out += (pieces[0], why[0], pieces[1], why[1], pieces[2], b",")


def list_template(item: dict[str, Any], field: str) -> tuple[bytes, bytes]:
    """The JSON of an item cut where the list `field` goes (e.g. a system's factors)."""
    head, tail = orjson.dumps({**item, field: _LIST}).split(orjson.dumps(_LIST))
    return head, tail


def field_key(name: str) -> bytes:
    """What comes before a field's value in a JSON object, after its first field."""
    return b"," + orjson.dumps(name) + b":"


def begin_list(out: list[bytes]) -> int:
    """Start a JSON list in `out` (its items follow, each with a comma): where it starts."""
    out.append(b"[")
    return len(out)


def end_list(out: list[bytes], start: int) -> None:
    """End the list that `begin_list` started at `start`: the last comma becomes `]`."""
    if len(out) > start:
        out[-1] = b"]"
    else:
        out.append(b"]")


def add_list(out: list[bytes], items: list[bytes]) -> None:
    """Append to `out` the JSON of the list of these items' JSON."""
    out += (b"[", b",".join(items), b"]")


class SharedWords:
    """What every assessment with one knowledge base and language can reuse: translated
    fixed texts and the JSON templates of items, and the JSON of answers already worded.

    A template's key holds everything its text depends on (the knowledge-base item, the
    rules); the answers are put in per person.
    """

    def __init__(self, knowledge: KnowledgeBase, translator: Translator) -> None:
        self.labels = Labels(knowledge, translator)
        self.categories = {category.id: category for category in knowledge.withholding}
        self.translator = translator
        # Advice templates by advice number (the rulebook's): as advised, and as a "Not now"
        # when contraindicated.
        self.advice: dict[int, tuple[Pieces, SourceMask]] = {}
        self.advice_not_now: dict[int, tuple[Pieces, SourceMask]] = {}
        self.concerns: ItemCache[tuple[Pieces, SourceMask]] = ItemCache()
        # Factors by number (the rulebook's) and systems by id: their templates and sources.
        self.factors: dict[int, tuple[Pieces, SourceMask]] = {}
        self.systems: dict[BodySystem, tuple[bytes, bytes, SourceMask]] = {}
        self.system_ids = tuple(system.id for system in knowledge.systems)
        self.not_asked: dict[tuple[int, int], bytes] = {}  # by (leaf id, rule number)
        self.medications: ItemCache[bytes] = ItemCache()
        self.whys: ItemCache[WhyJson] = ItemCache()
        # Cited sources are a bit mask over the bibliography sorted by key (bit i: its i-th
        # source), so a person's citations are one `|` per cited item, and come out as a
        # reference list in the order of its keys.
        keys = sorted(knowledge.sources)
        self.citations = [_citation_json(key, knowledge.sources[key]) for key in keys]
        self._source_bits = {key: 1 << number for number, key in enumerate(keys)}
        _ = translator.gettext
        general = [_("general advice for anyone with leg cramps")]
        self.general_why: WhyJson = (orjson.dumps(general), b"[]")
        texts = knowledge.texts
        # By urgency: the result's JSON up to its first list (the urgency, its title and what
        # to do), and their sources.
        self.urgency: dict[str, tuple[bytes, SourceMask]] = {
            text.id: (
                _result_head(text.id, _(text.title), _(text.action)),
                self.sources(text.sources),
            )
            for text in texts.urgency
        }
        self.safety_net_sources = self.sources(texts.safety_net_sources)
        self.disclaimer_json = field_key("disclaimer") + orjson.dumps(_(texts.disclaimer))
        # The result's last field, and its end.
        self.language_json_end = field_key("language") + orjson.dumps(translator.language) + b"}"
        self.safety_net = [_(line) for line in texts.safety_net]
        self.concern_safety_net = {c.id: _(c.safety_net) for c in knowledge.concerns}

    def sources(self, keys: Iterable[str]) -> SourceMask:
        """The mask of these bibliography keys (a key not in the bibliography has no bit)."""
        bits = self._source_bits
        mask = 0
        for key in keys:
            mask |= bits.get(key, 0)
        return mask

    def cited(self, mask: SourceMask) -> list[bytes]:
        """The citations' JSON of the sources in `mask`, in the order of their keys."""
        citations = self.citations
        return [citations[position] for position in set_bits(mask)]

    def why(self, answers: Evidence, notes: dict[Answer, str]) -> WhyJson:
        """The JSON of `why` and `evidence` for these answers (in this order)."""
        known = self.whys.get(answers)
        if known is None:
            lines = self.labels.why(answers, notes)
            refs = [{"field": answer.path, "value": answer.value} for answer in answers]
            known = self.whys.keep(answers, (orjson.dumps(lines), orjson.dumps(refs)))
        return known

    def advice_template(
        self, number: int, item: Intervention, contraindicated: bool
    ) -> tuple[Pieces, SourceMask]:
        """The template of advice item `number` (of the rulebook), with its sources."""
        kept = self.advice_not_now if contraindicated else self.advice
        known = kept.get(number)
        if known is None:
            fixed = static_advice(item, self.translator, contraindicated, self.categories)
            pieces = template({**fixed, "why": WHY, "evidence": EVIDENCE})
            known = kept[number] = (pieces, self.sources(item.sources))
        return known


def _citation_json(key: str, source: Source) -> bytes:
    return orjson.dumps(
        Citation(key=key, citation=source.citation, url=source.url, verify=source.verify)
    )


def _result_head(urgency: str, title: str, action: str) -> bytes:
    head = {"urgency": urgency, "urgency_title": title, "urgency_action": action}
    return orjson.dumps(head)[:-1]  # without the closing brace: the other fields follow


@cache
def shared_words(knowledge: KnowledgeBase, translator: Translator) -> SharedWords:
    """The reusable words for one knowledge base and language."""
    return SharedWords(knowledge, translator)


def withhold_reasons(
    item: Intervention, categories: dict[AdviceCategory, WithholdCategory]
) -> list[str]:
    """Why an item is withheld: its own reason and its categories' (in English)."""
    reasons = [item.withhold_reason] if item.withhold_reason else []
    reasons += [categories[name].reason for name in item.categories or ()]
    return list(dict.fromkeys(reasons))


def static_advice(
    item: Intervention,
    translator: Translator,
    contraindicated: bool,
    categories: dict[AdviceCategory, WithholdCategory],
) -> dict[str, Any]:
    """The parts of an advice item that do not depend on the person (cached per language)."""
    _ = translator.gettext
    if contraindicated:
        return {
            "id": item.id,
            "title": _("Not now: {title}").format(title=_(item.title)),
            "text": " ".join(_(reason) for reason in withhold_reasons(item, categories)),
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
    """The generic name(s) a medicine answer was matched to, for its "why" line ("" when the
    name matched only a class of medicines, or nothing)."""
    match = entry.match
    if not entry.known:
        return ""
    return " + ".join(match.generics) if match.generics else (match.generic or "")


# Whole sentences, so that each language can say them its own way (marked, translated later).
_LINK_NOTES = {
    "strong": gettext_noop("Strongly linked to cramps."),
    "moderate": gettext_noop("Moderately linked to cramps."),
    "weak": gettext_noop("Weakly linked to cramps."),
}


def effect_notes(entry: MedicineEntry) -> list[str]:
    """What a medicine is known to do that matters here, in English (translated by the
    caller): how strongly it is linked to cramps first, then its effects."""
    notes = list(entry.effect_notes)
    association = entry.match.cramp_association
    if association and str(association) in LINKED:
        notes.insert(0, _LINK_NOTES[str(association)])
    return notes
