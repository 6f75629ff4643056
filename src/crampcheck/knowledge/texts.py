"""Fixed texts: urgency levels, the safety net, the not-a-diagnosis notice."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from crampcheck.contract.vocabulary import Urgency
from crampcheck.knowledge.common import KnowledgeItem, SourceKey


class UrgencyText(KnowledgeItem):
    """How an urgency level is named and what the person should do."""

    id: Urgency
    title: str
    label: str = Field(
        description="One or two words that lead the summary before the action "
        "(the title would repeat the action)."
    )
    action: str
    sources: list[SourceKey] = Field(min_length=1)


class TextsFile(BaseModel):
    """The layout of texts.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    urgency: list[UrgencyText]
    disclaimer: str
    safety_net: list[str] = Field(min_length=1, description="Shown with every result.")
    safety_net_sources: list[SourceKey] = Field(min_length=1)
