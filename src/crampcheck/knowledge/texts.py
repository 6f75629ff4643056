"""Fixed texts: urgency levels, the safety net, the not-a-diagnosis notice."""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from crampcheck.contract.vocabulary import Urgency
from crampcheck.knowledge.common import KnowledgeItem, SourceKey
from crampcheck.knowledge.help_numbers import ADVICE_LINE, EMERGENCY, check_number_placeholders


class UrgencyText(KnowledgeItem):
    """How an urgency level is named and what the person should do."""

    id: Urgency
    title: str
    label: str = Field(
        description="One or two words that lead the summary before the action "
        "(the title would repeat the action)."
    )
    action: str = Field(description="May name {emergency}, the person's emergency number.")
    with_advice_line: str | None = Field(
        default=None,
        description="A sentence added to the action where the person's country has a medical "
        "advice line; it names {advice_line}.",
    )
    sources: list[SourceKey] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_only_known_numbers(self) -> Self:
        check_number_placeholders(self.action, "action", allowed=(EMERGENCY,))
        if self.with_advice_line is not None:
            check_number_placeholders(
                self.with_advice_line, "with_advice_line", allowed=(EMERGENCY, ADVICE_LINE)
            )
            if ADVICE_LINE not in self.with_advice_line:
                raise ValueError("with_advice_line must name {advice_line}")
        return self


class TextsFile(BaseModel):
    """The layout of texts.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    urgency: list[UrgencyText]
    disclaimer: str
    safety_net: list[str] = Field(min_length=1, description="Shown with every result.")
    safety_net_sources: list[SourceKey] = Field(min_length=1)
