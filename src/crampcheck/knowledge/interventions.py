"""Advice: first aid, prevention, treatments to discuss with a doctor, and what not to do."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from crampcheck.knowledge.common import EvidenceGrade, Identifier, KnowledgeItem, SourceKey
from crampcheck.knowledge.expressions import Expression
from crampcheck.knowledge.help_numbers import EMERGENCY, check_number_placeholders
from crampcheck.knowledge.withholding import AdviceCategory


class InterventionKind(StrEnum):
    """Where an item appears in a result."""

    FIRST_AID = "first_aid"
    PREVENTION = "prevention"
    DOCTOR = "doctor"
    AVOID = "avoid"


class Intervention(KnowledgeItem):
    """One piece of advice.

    `when` says whom it suits (absent: everyone with cramps). An item to do names its
    `categories` (clinical.md §i.4; `[]` when none applies): it is withheld whenever one of
    them applies to the person, or its own `withhold_when` holds, and then appears only as a
    "don't" with the reasons. A "don't" names the categories it `forbids` as things to do.
    In an emergency, first aid keeps only items `safe_while_waiting` for help.
    """

    id: Identifier
    kind: InterventionKind
    title: str
    text: str
    steps: list[str] = Field(default_factory=list)
    grade: EvidenceGrade
    grade_note: str | None = None
    when: Expression | None = None
    categories: list[AdviceCategory] | None = Field(
        default=None, description="Required for advice to do: the §i.4 kinds it belongs to."
    )
    withhold_when: Expression | None = None
    withhold_reason: str | None = None
    forbids: list[AdviceCategory] = Field(default_factory=list)
    safe_while_waiting: bool = False
    priority: int = Field(default=50, ge=0, le=100, description="Higher comes first.")
    sources: list[SourceKey] = Field(min_length=1)

    @model_validator(mode="after")
    def _says_when_it_is_withheld(self) -> Intervention:
        if self.kind is not InterventionKind.AVOID and self.categories is None:
            raise ValueError(
                "advice to do must list its categories (clinical.md §i.4: "
                f"{', '.join(AdviceCategory)}; [] when none applies), so that the rules for "
                "withholding it apply"
            )
        if self.withhold_when is not None and not self.withhold_reason:
            raise ValueError("an item with withhold_when needs a withhold_reason")
        # Only the text is filled in per person (the engine's `_with_numbers`).
        check_number_placeholders(self.text, "text", allowed=(EMERGENCY,))
        for field, texts in (("title", [self.title]), ("steps", self.steps)):
            for text in texts:
                check_number_placeholders(text, field, allowed=())
        return self


class InterventionsFile(BaseModel):
    """The layout of interventions.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    interventions: list[Intervention]
