"""The bibliography: every source the knowledge base cites, by key."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from crampcheck.knowledge.common import KnowledgeItem, SourceKey


class SourceKind(StrEnum):
    """What kind of document a source is (for weighing it)."""

    GUIDELINE = "guideline"
    SYSTEMATIC_REVIEW = "systematic_review"
    TRIAL = "trial"
    OBSERVATIONAL = "observational"
    REVIEW = "review"
    REGULATOR = "regulator"
    TEXTBOOK = "textbook"
    PATIENT_INFORMATION = "patient_information"
    CASE_REPORT = "case_report"
    LOW_AUTHORITY = "low_authority"


class Source(KnowledgeItem):
    """One cited document."""

    key: SourceKey
    citation: str
    url: str | None = None
    kind: SourceKind
    note: str | None = None


class BibliographyFile(BaseModel):
    """The layout of bibliography.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    sources: list[Source]
