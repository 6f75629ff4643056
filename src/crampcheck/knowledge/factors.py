"""Contributing factors, grouped by the body system through which they act."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crampcheck.knowledge.common import Identifier, KnowledgeItem, SourceKey, Strength
from crampcheck.knowledge.expressions import Expression


class BodySystem(StrEnum):
    """The systems whose interaction produces cramps (seed article 000, made explicit)."""

    MUSCLE = "muscle"
    NERVES = "nerves"
    AUTONOMIC_STRESS = "autonomic_stress"
    FLUIDS_ELECTROLYTES = "fluids_electrolytes"
    BLOOD_VESSELS = "blood_vessels"
    MEDICATION = "medication"
    METABOLISM_HORMONES = "metabolism_hormones"
    LIFESTYLE_ENVIRONMENT = "lifestyle_environment"


class SystemDescription(KnowledgeItem):
    """A body system's name and how it takes part in cramps."""

    id: BodySystem
    name: str
    role: str
    sources: list[SourceKey] = Field(min_length=1)


class Factor(KnowledgeItem):
    """Something in a person's answers that makes cramps more likely."""

    id: Identifier
    system: BodySystem
    name: str
    strength: Strength
    explanation: str
    when: Expression
    sources: list[SourceKey] = Field(min_length=1)


class FactorsFile(BaseModel):
    """The layout of factors.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    systems: list[SystemDescription]
    factors: list[Factor]
