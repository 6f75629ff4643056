"""Medications: drug classes, drugs with brand names per market, combination products, lay terms."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crampcheck.knowledge.common import Identifier, KnowledgeItem, SourceKey, Strength


class Market(StrEnum):
    """Markets whose brand names the knowledge base lists."""

    US = "US"
    UK = "UK"
    DE = "DE"
    SE = "SE"
    RU = "RU"


class MedicationEffect(KnowledgeItem):
    """A clinically relevant effect tag that rules can test (e.g. ``vte_risk``)."""

    id: Identifier
    text: str
    sign: str | None = Field(
        default=None,
        description="How taking such a medicine reads in a list of emergency signs "
        "('Taking a medicine that can lower blood sodium'); needed when an emergency rule "
        "tests the effect, since `text` is advice about the medicine, not a sign.",
    )
    sources: list[SourceKey] = Field(min_length=1)


class DrugClass(KnowledgeItem):
    """A drug class and its association with cramps."""

    id: Identifier
    name: str
    cramp_association: Strength
    association_note: str
    effects: list[Identifier] = Field(default_factory=list)
    sources: list[SourceKey] = Field(min_length=1)


class Drug(KnowledgeItem):
    """One active substance (INN, lower case) with its names as people write them."""

    generic: Identifier
    classes: list[Identifier] = Field(min_length=1)
    brands: dict[Market, list[str]] = Field(default_factory=dict)
    synonyms: list[str] = Field(
        default_factory=list, description="Other spellings: USAN, Cyrillic INN, abbreviations."
    )
    effects: list[Identifier] = Field(default_factory=list)
    cramp_association: Strength | None = Field(
        default=None, description="Overrides the class association for this drug."
    )
    note: str | None = None
    sources: list[SourceKey] = Field(min_length=1)


class CombinationProduct(KnowledgeItem):
    """A brand that contains several active substances."""

    id: Identifier
    names: list[str] = Field(min_length=1)
    markets: list[Market] = Field(default_factory=list)
    components: list[Identifier] = Field(min_length=2)
    sources: list[SourceKey] = Field(min_length=1)


class LayTerm(KnowledgeItem):
    """Words people use for a kind of medicine without naming it ("water tablet")."""

    id: Identifier
    terms: list[str] = Field(min_length=1)
    classes: list[Identifier] = Field(min_length=1)
    sources: list[SourceKey] = Field(min_length=1)


class MedicationsFile(BaseModel):
    """The layout of medications.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    effects: list[MedicationEffect]
    classes: list[DrugClass]
    drugs: list[Drug]
    combinations: list[CombinationProduct] = Field(default_factory=list)
    lay_terms: list[LayTerm] = Field(default_factory=list)
