"""Advice: first aid, prevention, treatments to discuss with a doctor, and what not to do."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crampcheck.knowledge.common import EvidenceGrade, Identifier, KnowledgeItem, SourceKey
from crampcheck.knowledge.expressions import Expression


class InterventionKind(StrEnum):
    """Where an item appears in a result."""

    FIRST_AID = "first_aid"
    PREVENTION = "prevention"
    DOCTOR = "doctor"
    AVOID = "avoid"


class Intervention(KnowledgeItem):
    """One piece of advice.

    `when` says whom it suits (absent: everyone with cramps); `contraindicated_when` says when
    it must not be given — the item then moves to the "don't" list with `avoid_reason`.
    """

    id: Identifier
    kind: InterventionKind
    title: str
    text: str
    steps: list[str] = Field(default_factory=list)
    grade: EvidenceGrade
    grade_note: str | None = None
    when: Expression | None = None
    contraindicated_when: Expression | None = None
    avoid_reason: str | None = None
    priority: int = Field(default=50, ge=0, le=100, description="Higher comes first.")
    sources: list[SourceKey] = Field(min_length=1)


class InterventionsFile(BaseModel):
    """The layout of interventions.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    interventions: list[Intervention]
