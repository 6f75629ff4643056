"""GET /api/v1/medications/check: what the knowledge base knows about medicine names."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from crampcheck.i18n import Translator, load_translator
from crampcheck.medications import load_medication_catalog, match_medication
from crampcheck.web.api.schemas import MedicationMatchPublic
from crampcheck.web.language import mark_language, request_language
from crampcheck.web.problems import problem_responses

router = APIRouter(tags=["medications"])

MAX_NAMES = 50

NameList = Annotated[
    list[Annotated[str, Query(min_length=1, max_length=200)]],
    Query(min_length=1, max_length=MAX_NAMES, description="A medicine name; repeat for more."),
]


def check_medications(
    names: list[str], translator: Translator | None = None
) -> list[MedicationMatchPublic]:
    """One match per name, in order, its note in `translator`'s language (shared with the
    medication page; names, ids and codes stay as they are)."""
    _ = (translator or load_translator("en")).gettext
    catalog = load_medication_catalog()
    matches = []
    for name in names:
        match = MedicationMatchPublic.model_validate(
            match_medication(name, catalog).model_dump(mode="json")
        )
        matches.append(match.model_copy(update={"note": _(match.note) if match.note else None}))
    return matches


@router.get(
    "/medications/check",
    response_model=list[MedicationMatchPublic],
    summary="Check medicine names",
    responses=problem_responses(422),
)
def check_medication_names(
    request: Request, response: Response, name: NameList
) -> list[MedicationMatchPublic]:
    """Recognise each name (brand, generic, misspelling or lay term) and say whether the
    medicine is linked to cramps. Unknown names are reported as unknown, never guessed.
    Notes are in the language of `Accept-Language`."""
    translator = load_translator(request_language(request))
    mark_language(response, translator.text_language)
    return check_medications(name, translator)
