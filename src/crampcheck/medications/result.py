"""The result of matching one medicine name against the catalog."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crampcheck.knowledge.common import Strength


class MatchStatus(StrEnum):
    """How a name was recognised."""

    EXACT = "exact"  # a catalog name, after normalisation
    FUZZY = "fuzzy"  # a close spelling of one catalog name
    CLASS_ONLY = "class_only"  # a lay term for a kind of medicine ("water tablet")
    UNKNOWN = "unknown"  # not recognised; never guessed


class MedicationMatch(BaseModel):
    """What the knowledge base knows about one medicine as a person wrote it.

    For combination products `generic` is the first component and `generics` lists all.
    `cramp_association` is the drug's own override, else the strongest of its classes (for a
    combination, the strongest of its components); it is null only for unknown input.
    `effects` is the sorted union of class and drug effect tags.
    """

    model_config = ConfigDict(frozen=True)

    input: str
    status: MatchStatus
    generic: str | None = None
    generics: tuple[str, ...] = ()
    drug_class: str | None = None
    classes: tuple[str, ...] = ()
    cramp_association: Strength | None = None
    effects: tuple[str, ...] = ()
    matched_name: str | None = None
    score: float = Field(default=0.0, ge=0, le=100)
    suggestions: tuple[str, ...] = ()
    note: str | None = None

    @property
    def is_known(self) -> bool:
        """Whether the input was recognised at all (by name or as a kind of medicine)."""
        return self.status is not MatchStatus.UNKNOWN
