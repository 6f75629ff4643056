"""The assessment result. `urgency` and `concerns[]` are the contract; the rest is ours.

Every item carries `why` (the answers that led to it, in words), `evidence` (the same answers
as contract paths and values), the ids of the rules that produced it and its sources, so each
line can be traced back to the input and to the knowledge base.

The engine builds these objects directly and they are serialised once (`to_json_bytes`):
orjson writes a dataclass's fields in declaration order, so the order of the JSON is the order
of the fields below and is defined nowhere else. Results are frozen and hold tuples, because
the engine reuses an item that reads the same for many people (say, general first aid).

They are dataclasses without `__slots__`: orjson serialises a dataclass with a `__dict__`
about four times faster than a slotted one (measured: 30 ten-field items, 3.7 µs against
16 µs), and serialising is most of what a batch or the REST API does with a result.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import orjson

from crampcheck.contract.vocabulary import Urgency

if TYPE_CHECKING:
    from pydantic import TypeAdapter


@dataclass(frozen=True)
class Summary:
    """What a person reads first (contract: `summary.text`, at most 120 words)."""

    text: str
    what_to_do_now: str
    concerns: tuple[str, ...]
    do: tuple[str, ...]
    do_not: tuple[str, ...]
    get_help_sooner: str


@dataclass(frozen=True)
class AnswerRef:
    """One answer of the input that supports an item."""

    field: str
    value: str | float | bool


@dataclass(frozen=True)
class ConcernResult:
    """A concern the answers point to (contract: id, urgency, why)."""

    id: str
    urgency: Urgency
    why: tuple[str, ...]
    name: str
    summary: str
    action: str
    safety_net: str
    reasons: tuple[str, ...]
    rules: tuple[str, ...]
    evidence: tuple[AnswerRef, ...]
    sources: tuple[str, ...]
    verify: bool


@dataclass(frozen=True)
class FactorResult:
    """A contributing factor found in the answers."""

    id: str
    name: str
    strength: str
    explanation: str
    why: tuple[str, ...]
    evidence: tuple[AnswerRef, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SystemFactors:
    """The factors acting through one body system."""

    system: str
    name: str
    role: str
    factors: tuple[FactorResult, ...]


@dataclass(frozen=True)
class AdviceItem:
    """One piece of advice (first aid, prevention, doctor, or don't)."""

    id: str
    title: str
    text: str
    steps: tuple[str, ...]
    grade: str
    grade_note: str | None
    why: tuple[str, ...]
    evidence: tuple[AnswerRef, ...]
    sources: tuple[str, ...]
    verify: bool


@dataclass(frozen=True)
class MedicationResult:
    """A medicine named in the input and what the knowledge base knows about it."""

    input: str
    field: str
    status: str
    generic: str | None
    generics: tuple[str, ...]
    drug_class: str | None
    cramp_association: str | None
    linked_to_cramps: bool
    effects: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class NotAsked:
    """A question not asked whose "yes" would raise the urgency: one entry per question.

    `field` and `answer`: where the answer goes in the input and the answer that would
    change the result (a symptom, a condition, a number's threshold; for a medicine, the
    class or effect looked for). `would_raise_to`: the highest urgency a yes could lead to;
    `concerns` and `rules`: what it would raise, most urgent first; `text`: a sentence.
    """

    field: str
    answer: str | float | bool | None
    question: str
    would_raise_to: Urgency
    concerns: tuple[str, ...]
    rules: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Citation:
    """A source cited by the result."""

    key: str
    citation: str
    url: str | None
    verify: bool


@dataclass(frozen=True)
class HelpNumbersResult:
    """Who to call, for the country the result was written for (`country` None: none known,
    the international emergency number and no advice line). The texts name the same numbers."""

    country: str | None
    emergency: str
    emergency_name: str
    non_emergency: str | None
    non_emergency_name: str | None


@dataclass(frozen=True)
class Assessment:
    """The whole result of one assessment."""

    urgency: Urgency
    urgency_title: str
    urgency_action: str
    summary: Summary
    concerns: tuple[ConcernResult, ...]
    factors: tuple[SystemFactors, ...]
    first_aid: tuple[AdviceItem, ...]
    prevention_plan: tuple[AdviceItem, ...]
    discuss_with_doctor: tuple[AdviceItem, ...]
    do_not: tuple[AdviceItem, ...]
    medications: tuple[MedicationResult, ...]
    safety_net: tuple[str, ...]
    not_asked: tuple[NotAsked, ...]
    citations: tuple[Citation, ...]
    disclaimer: str
    input_notes: tuple[str, ...]
    language: str
    # Last and optional: results kept before help numbers were part of them still load.
    help_numbers: HelpNumbersResult | None = None

    def to_json_bytes(self, indent: bool = False) -> bytes:
        """The result as UTF-8 JSON (what `crampcheck assess --format json` prints, the REST
        API answers and a kept result stores)."""
        return orjson.dumps(self, option=orjson.OPT_INDENT_2 if indent else None)

    def to_json(self, indent: bool = False) -> str:
        """`to_json_bytes` as text."""
        return self.to_json_bytes(indent).decode("utf-8")

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON values (dicts and lists), e.g. for a JSON database column."""
        data: dict[str, Any] = orjson.loads(self.to_json_bytes())
        return data


def load_assessment(data: dict[str, Any] | bytes | str) -> Assessment:
    """A result stored as JSON (a kept result's `result_json`, or its text), validated.

    Rows written before results were dataclasses have the same JSON but for `not_asked`,
    whose entries then held a list of `answers` and one concern and rule: they are read as
    entries of today's shape. Raises `pydantic.ValidationError` when the data is not a result.
    """
    stored: Any = data if isinstance(data, dict) else orjson.loads(data)
    unasked = stored.get("not_asked") if isinstance(stored, dict) else None
    if isinstance(unasked, list):
        stored = {**stored, "not_asked": [_entry_of_today(entry) for entry in unasked]}
    return _adapter().validate_python(stored)


def _entry_of_today(entry: Any) -> Any:
    """A `not_asked` entry as written before one entry per question (kept as it is when it
    is already of today's shape or is not an entry at all: validation then judges it)."""
    if not isinstance(entry, dict) or "answers" not in entry or not entry["answers"]:
        return entry
    first = entry["answers"][0]
    return {
        "field": first.get("field"),
        "answer": first.get("value"),
        "question": first.get("question"),
        "would_raise_to": entry.get("would_raise_to"),
        "concerns": [entry.get("concern")],
        "rules": [entry.get("rule")],
        "text": entry.get("text"),
    }


@cache
def _adapter() -> TypeAdapter[Assessment]:
    # Built on first use: pydantic's schema for the whole result takes a while to build and
    # only stored results (and tests) need it.
    from pydantic import TypeAdapter

    return TypeAdapter(Assessment)
