"""The assessment result. `urgency` and `concerns[]` are the contract; the rest is ours.

Every item carries `why` (the answers that led to it, as ``path: value — label``), the ids of
the rules that produced it and its sources, so each line can be traced back to the input and
to the knowledge base. Nested items are TypedDicts: the engine writes the result's JSON
directly (fast), and pydantic still documents, validates and serialises the whole result.
"""

from __future__ import annotations

import orjson
from pydantic import BaseModel, ConfigDict, PrivateAttr
from typing_extensions import TypedDict

from crampcheck.contract.vocabulary import Urgency


class Summary(TypedDict):
    """What a person reads first (contract: `summary.text`, at most 120 words)."""

    text: str
    what_to_do_now: str
    concerns: list[str]
    do: list[str]
    do_not: list[str]
    get_help_sooner: str


class AnswerRef(TypedDict):
    """One answer of the input that supports an item."""

    field: str
    value: str | float | bool


class ConcernResult(TypedDict):
    """A concern the answers point to (contract: id, urgency, why)."""

    id: str
    urgency: Urgency
    why: list[str]
    name: str
    summary: str
    action: str
    safety_net: str
    reasons: list[str]
    rules: list[str]
    evidence: list[AnswerRef]
    sources: list[str]
    verify: bool


class FactorResult(TypedDict):
    """A contributing factor found in the answers."""

    id: str
    name: str
    strength: str
    explanation: str
    why: list[str]
    evidence: list[AnswerRef]
    sources: list[str]


class SystemFactors(TypedDict):
    """The factors acting through one body system."""

    system: str
    name: str
    role: str
    factors: list[FactorResult]


class AdviceItem(TypedDict):
    """One piece of advice (first aid, prevention, doctor, or don't)."""

    id: str
    title: str
    text: str
    steps: list[str]
    grade: str
    grade_note: str | None
    why: list[str]
    evidence: list[AnswerRef]
    sources: list[str]
    verify: bool


class MedicationResult(TypedDict):
    """A medicine named in the input and what the knowledge base knows about it."""

    input: str
    field: str
    status: str
    generic: str | None
    generics: list[str]
    drug_class: str | None
    cramp_association: str | None
    linked_to_cramps: bool
    effects: list[str]
    notes: list[str]


class UnaskedAnswer(TypedDict):
    """An answer that was not given, phrased as the question that asks it."""

    field: str
    value: str | float | bool | None
    question: str


class NotAsked(TypedDict):
    """An answer not given that would raise the urgency if it were "yes"."""

    answers: list[UnaskedAnswer]
    would_raise_to: Urgency
    concern: str
    rule: str
    text: str


class Citation(TypedDict):
    """A source cited by the result."""

    key: str
    citation: str
    url: str | None
    verify: bool


class Assessment(BaseModel):
    """The whole result of one assessment."""

    # The engine constructs results without validation; the schema is built only when needed
    # (validation in tests, OpenAPI, model_dump), not on every command start.
    model_config = ConfigDict(frozen=True, defer_build=True)

    urgency: Urgency
    urgency_title: str
    urgency_action: str
    summary: Summary
    concerns: list[ConcernResult]
    factors: list[SystemFactors]
    first_aid: list[AdviceItem]
    prevention_plan: list[AdviceItem]
    discuss_with_doctor: list[AdviceItem]
    do_not: list[AdviceItem]
    medications: list[MedicationResult]
    safety_net: list[str]
    not_asked: list[NotAsked]
    citations: list[Citation]
    disclaimer: str
    input_notes: list[str]
    language: str

    # The JSON this result was read from (see `from_json`): written once, by the engine. The
    # model is frozen, so the fields cannot drift from it; `model_copy(update=...)` would keep
    # it, so a changed copy must be made with `model_validate` instead.
    _raw: bytes | None = PrivateAttr(default=None)

    @classmethod
    def from_json(cls, raw: bytes) -> Assessment:
        """The result whose JSON the engine wrote (trusted: not validated again)."""
        result = cls.model_construct(**orjson.loads(raw))
        result._raw = raw
        return result

    def to_json(self, indent: bool = False) -> str:
        """The result as JSON (the same as model_dump_json, several times faster)."""
        return self.to_json_bytes(indent).decode("utf-8")

    def to_json_bytes(self, indent: bool = False) -> bytes:
        """`to_json` as UTF-8 bytes, for writing to a file or a response without a copy."""
        if indent:
            return orjson.dumps(self.__dict__, option=orjson.OPT_INDENT_2)
        return self._raw if self._raw is not None else orjson.dumps(self.__dict__)
