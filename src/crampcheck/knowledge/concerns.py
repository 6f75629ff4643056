"""Concerns: the conditions and situations an assessment can point to, with their rules."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

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
    action: str = Field(description="What to do about it.")
    action_by_urgency: dict[Urgency, str] = Field(
        default_factory=dict,
        description="What to do when raised at this urgency, where it differs from `action`.",
    )
    safety_net: str = Field(description="When to seek help, specific to this concern.")
    excluded_by: list[ConcernId] = Field(
        default_factory=list,
        description="Not raised when one of these is raised at the same or higher urgency.",
    )
    sources: list[SourceKey] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)


class ConcernsFile(BaseModel):
    """The layout of concerns.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    concerns: list[Concern]
