"""When advice must be withheld: the kinds of "do" advice that can harm some people, each with
the situations in which it must not be offered (clinical.md §i.4).

Every advice item to do names its categories; the engine withholds it whenever one of them
(or the item's own `withhold_when`) applies, and shows it only as a "don't" with the reason.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crampcheck.knowledge.common import KnowledgeItem, SourceKey
from crampcheck.knowledge.expressions import Expression


class AdviceCategory(StrEnum):
    """The kinds of advice of clinical.md §i.4's table."""

    ACTIVITY = "activity"  # stand up and walk, keep active, walking programmes
    STRETCH_MASSAGE = "stretch_massage"
    HEAT = "heat"  # warm bath, heat pad, warm foot bath
    NSAID = "nsaid"  # ibuprofen and other anti-inflammatory painkillers
    FLUIDS = "fluids"  # drink more, rehydration solution, sports drinks
    POTASSIUM = "potassium"
    MAGNESIUM = "magnesium"
    VITAMIN_K = "vitamin_k"
    SUPPLEMENT = "supplement"  # vitamins and other supplements
    QUININE = "quinine"
    REASSURANCE = "reassurance"  # "it will pass", "you should feel better soon"


class WithholdCategory(KnowledgeItem):
    """One kind of advice and when it must not be offered as something to do."""

    id: AdviceCategory
    name: str = Field(description="The kind of advice, in words (shown as 'Not now: ...').")
    when: Expression
    reason: str = Field(description="Why it is withheld, in plain words.")
    sources: list[SourceKey] = Field(min_length=1)


class WithholdingFile(BaseModel):
    """The layout of withholding.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    categories: list[WithholdCategory]
