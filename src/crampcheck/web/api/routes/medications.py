"""GET /api/v1/medications/check: what the knowledge base knows about medicine names."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from crampcheck.medications import load_medication_catalog, match_medication
from crampcheck.web.api.schemas import MedicationMatchPublic
from crampcheck.web.problems import problem_responses

router = APIRouter(tags=["medications"])

MAX_NAMES = 50

NameList = Annotated[
    list[Annotated[str, Query(min_length=1, max_length=200)]],
    Query(min_length=1, max_length=MAX_NAMES, description="A medicine name; repeat for more."),
]


def check_medications(names: list[str]) -> list[MedicationMatchPublic]:
    """One match per name, in order (shared with the medication page)."""
    catalog = load_medication_catalog()
    return [
        MedicationMatchPublic.model_validate(
            match_medication(name, catalog).model_dump(mode="json")
        )
        for name in names
    ]


@router.get(
    "/medications/check",
    response_model=list[MedicationMatchPublic],
    summary="Check medicine names",
    responses=problem_responses(422),
)
def check_medication_names(name: NameList) -> list[MedicationMatchPublic]:
    """Recognise each name (brand, generic, misspelling or lay term) and say whether the
    medicine is linked to cramps. Unknown names are reported as unknown, never guessed."""
    return check_medications(name)
