"""Popular claims from the seed articles, each with a verdict."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crampcheck.knowledge.common import KnowledgeItem, SourceKey


class Verdict(StrEnum):
    """How well a claim holds up (seed-claims.md "mixed/weak" is `weak`)."""

    SUPPORTED = "supported"
    WEAK = "weak"
    UNSUPPORTED = "unsupported"
    UNSAFE = "unsafe"


class ClaimCategory(StrEnum):
    """What a claim is about."""

    CAUSE = "cause"
    MECHANISM = "mechanism"
    PREVENTION = "prevention"
    TREATMENT = "treatment"
    FIRST_AID = "first_aid"
    RED_FLAG = "red_flag"
    DIET = "diet"
    POPULATION = "population"
    OTHER = "other"


class Claim(KnowledgeItem):
    """One claim of a seed article."""

    id: str = Field(pattern=r"^C\d{3}$")
    seed: str = Field(pattern=r"^00[0-4]$")
    claim: str
    category: ClaimCategory
    verdict: Verdict
    explanation: str = Field(description="One line: why the verdict.")
    safer_advice: str | None = Field(
        default=None, description="For unsafe claims: what to do instead."
    )
    keywords: list[str] = Field(
        default_factory=list, description="Words people would use when asking about it."
    )
    sources: list[SourceKey] = Field(
        min_length=1, description="Evidence for the verdict; SEED-AUDIT where none was found."
    )


class ClaimsFile(BaseModel):
    """The layout of claims.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    claims: list[Claim]
