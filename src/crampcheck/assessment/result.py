"""The assessment result. `urgency` and `concerns[]` are the contract; the rest is ours.

Every item carries `why` (the answers that led to it, as ``path: value — label``), the ids of
the rules that produced it and its sources, so each line can be traced back to the input and
to the knowledge base.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from crampcheck.assessment.vocabulary import Urgency


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class AnswerRef(_Out):
    """One answer of the input that supports an item."""

    field: str
    value: str | float | bool


class ConcernResult(_Out):
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
    verify: bool = False


class FactorResult(_Out):
    """A contributing factor found in the answers."""

    id: str
    name: str
    strength: str
    explanation: str
    why: list[str]
    evidence: list[AnswerRef]
    sources: list[str]


class SystemFactors(_Out):
    """The factors acting through one body system."""

    system: str
    name: str
    role: str
    factors: list[FactorResult]


class AdviceItem(_Out):
    """One piece of advice (first aid, prevention, doctor, or don't)."""

    id: str
    title: str
    text: str
    steps: list[str] = Field(default_factory=list)
    grade: str
    grade_note: str | None = None
    why: list[str]
    evidence: list[AnswerRef]
    sources: list[str]
    verify: bool = False


class MedicationResult(_Out):
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


class UnaskedAnswer(_Out):
    """An answer that was not given, phrased as the question that asks it."""

    field: str
    value: str | float | bool | None
    question: str


class NotAsked(_Out):
    """Answers not given that would raise the urgency if they were "yes"."""

    answers: list[UnaskedAnswer]
    would_raise_to: Urgency
    concern: str
    rule: str
    text: str


class Citation(_Out):
    """A source cited by the result."""

    key: str
    citation: str
    url: str | None
    verify: bool = False


class Assessment(_Out):
    """The whole result of one assessment."""

    urgency: Urgency
    urgency_title: str
    urgency_action: str
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
