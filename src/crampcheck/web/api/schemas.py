"""API schemas named by role (`...Public` = what the API returns)."""

from __future__ import annotations

from pydantic import BaseModel


class HealthPublic(BaseModel):
    """The answer of /healthz."""

    status: str


class MedicationMatchPublic(BaseModel):
    """What the knowledge base knows about one medicine name."""

    input: str
    status: str
    generic: str | None
    generics: list[str]
    drug_class: str | None
    classes: list[str]
    cramp_association: str | None
    effects: list[str]
    matched_name: str | None
    score: float
    suggestions: list[str]
    note: str | None


class ClaimPublic(BaseModel):
    """One claim about cramps and how well it holds up."""

    id: str
    claim: str
    verdict: str
    category: str
    explanation: str
    safer_advice: str | None
    sources: list[str]
    score: float
