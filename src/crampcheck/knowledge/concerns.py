"""Concerns: the conditions and situations an assessment can point to, with their rules."""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from crampcheck.contract.vocabulary import ConcernId, Urgency
from crampcheck.knowledge.common import Identifier, KnowledgeItem, SourceKey
from crampcheck.knowledge.expressions import Expression


class Rule(KnowledgeItem):
    """When `when` holds, the concern is raised at `urgency`; `reason` explains it."""

    id: Identifier
    urgency: Urgency
    when: Expression
    reason: str
    sources: list[SourceKey] = Field(default_factory=list)


class Concern(KnowledgeItem):
    """One concern of the contract, with the rules that raise it."""

    id: ConcernId
    name: str
    summary: str = Field(description='Plain words, "your answers point to..." style.')
    actions: dict[Urgency, str] = Field(
        min_length=1,
        description="What to do, one text for each urgency this concern's rules raise it at: "
        "a concern raised at consult must not say 'see a doctor today', nor one raised in an "
        "emergency 'book an appointment'.",
    )
    safety_net: str = Field(description="When to seek help, specific to this concern.")
    excluded_by: list[ConcernId] = Field(
        default_factory=list,
        description="Not raised when one of these is raised at the same or higher urgency.",
    )
    sources: list[SourceKey] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_action_per_level(self) -> Self:
        raised = {rule.urgency for rule in self.rules}
        missing = sorted(str(level) for level in raised - set(self.actions))
        unused = sorted(str(level) for level in set(self.actions) - raised)
        if missing:
            raise ValueError(f"actions: no text for {', '.join(missing)}, a level its rules raise")
        if unused:
            raise ValueError(f"actions: {', '.join(unused)} is not a level any of its rules raise")
        return self

    def action_at(self, urgency: Urgency) -> str:
        """What to do when this concern is raised at `urgency`."""
        return self.actions[urgency]


class ConcernsFile(BaseModel):
    """The layout of concerns.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    concerns: list[Concern]
