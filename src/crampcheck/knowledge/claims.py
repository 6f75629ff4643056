"""Popular claims from the seed articles, each with a verdict."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

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


class ClaimLanguage(StrEnum):
    """The seed articles' languages: claims are indexed in English and searchable in all."""

    EN = "en"
    DE = "de"
    RU = "ru"
    SV = "sv"


def _no_english_key(value: dict[ClaimLanguage, Any]) -> dict[ClaimLanguage, Any]:
    # English words belong in `keywords` and the claim text, which are indexed as English.
    if ClaimLanguage.EN in value:
        raise ValueError("English words go in the English fields, not under 'en'")
    return value


OtherLanguages = Annotated[dict[ClaimLanguage, list[str]], AfterValidator(_no_english_key)]


class Statement(KnowledgeItem):
    """What claims and topics share: a popular statement, its verdict and how to search it."""

    claim: str
    category: ClaimCategory
    verdict: Verdict
    explanation: str = Field(min_length=1, description="One line: why the verdict.")
    safer_advice: str | None = Field(
        default=None, description="For unsafe claims: what to do instead."
    )
    safer_advice_sources: list[SourceKey] = Field(
        default_factory=list, description="Sources of the safer advice (audit's UNSAFE table)."
    )
    keywords: list[str] = Field(
        default_factory=list, description="Words people would use when asking about it."
    )
    keywords_by_language: OtherLanguages = Field(
        default_factory=dict,
        description="Words people use in German, Russian or Swedish when asking about it.",
    )
    sources: list[SourceKey] = Field(
        min_length=1, description="Evidence for the verdict; SEED-AUDIT where none was found."
    )

    @model_validator(mode="after")
    def _unsafe_needs_safer_advice(self) -> Statement:
        # The tool must never state an unsafe claim without saying what to do instead.
        if self.verdict is Verdict.UNSAFE and not self.safer_advice:
            raise ValueError("an unsafe claim needs safer_advice")
        return self


class Claim(Statement):
    """One claim of a seed article."""

    id: str = Field(pattern=r"^C\d{3}$")
    seed: str = Field(pattern=r"^00[0-4]$")
    seed_text: str | None = Field(
        default=None,
        description=(
            "The seed file's own words for the claim, verbatim. The seed files hold English"
            " translations; the article's language is in `ClaimsFile.seeds`."
        ),
    )


class Topic(Statement):
    """A popular remedy people ask about that none of the seed articles states.

    Kept apart from `Claim` so that the seed audit's counts stay exact; the content comes from
    the audit's UNSAFE table and the clinical reference.
    """

    id: str = Field(pattern=r"^T\d{3}$")


class Synonyms(BaseModel):
    """Search vocabulary: words a person may use for the same thing."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    groups: list[list[str]] = Field(
        default_factory=list, description="Words that mean the same; each finds the others."
    )
    expansions: dict[str, list[str]] = Field(
        default_factory=dict, description="One-way: a word that should also find these words."
    )


class SeedArticle(BaseModel):
    """One seed article: the language it was written in and the title of its seed file."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    language: ClaimLanguage
    title: str = Field(min_length=1, description="The first line of the seed file.")


class ClaimsFile(BaseModel):
    """The layout of claims.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    seeds: dict[str, SeedArticle] = Field(
        default_factory=dict, description="The seed articles by number (``000``-``004``)."
    )
    claims: list[Claim]
    topics: list[Topic] = Field(default_factory=list)
    synonyms: Synonyms = Field(default_factory=Synonyms)
    glossary: Annotated[
        dict[ClaimLanguage, dict[str, list[str]]], AfterValidator(_no_english_key)
    ] = Field(
        default_factory=dict,
        description="Per language: an English search term and the words people use for it.",
    )
