"""Vocabulary shared by all knowledge-base files: evidence grades, strengths, base models."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=80)]
SourceKey = Annotated[str, Field(pattern=r"^[A-Z0-9][A-Za-z0-9-]*$", max_length=40)]


class EvidenceGrade(StrEnum):
    """Evidence grades of ../shared/clinical/clinical.md §0.1."""

    E1 = "E1"  # benefit shown in a systematic review / several consistent RCTs
    E2 = "E2"  # some RCT support or guideline "possibly effective"
    E3 = "E3"  # expert opinion, physiology, observational data; plausible and low risk
    E0 = "E0"  # tested and not shown to work
    X = "X"  # harmful or unsafe to recommend for self-care


class Strength(StrEnum):
    """Strength of an association (clinical.md §c)."""

    STRONG = "strong"
    MODERATE = "moderate"
    WEAK = "weak"
    CONTESTED = "contested"
    INDIRECT = "indirect"
    NOT_ESTABLISHED = "not_established"


class KnowledgeItem(BaseModel):
    """Base of every knowledge-base item: strict fields, sources, the line it was read from."""

    # defer_build: schemas are built only when a file is validated, not on every start
    # (a started command usually loads the validated knowledge from the cache).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    source_line: int | None = Field(default=None, exclude=True, repr=False)
    verify: bool = Field(
        default=False, description="A fact marked [verify] in the clinical reference."
    )

    @model_validator(mode="before")
    @classmethod
    def _remember_line(cls, data: Any) -> Any:
        line = getattr(data, "line", None)
        if line is not None and isinstance(data, dict):
            return {**data, "source_line": line}
        return data
