"""GET /api/v1/questionnaire: the interview as a FHIR R4B Questionnaire."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from crampcheck.i18n import SUPPORTED_LANGUAGES, load_translator
from crampcheck.web.api.questionnaire import build_questionnaire
from crampcheck.web.deps import KnowledgeDep, TranslatorDep
from crampcheck.web.language import mark_language

router = APIRouter(tags=["questionnaire"])
FHIR_JSON = "application/fhir+json"


@router.get(
    "/questionnaire",
    summary="The interview as a FHIR Questionnaire",
    response_class=JSONResponse,
    responses={
        200: {
            "description": "A FHIR R4B Questionnaire resource.",
            "content": {FHIR_JSON: {"schema": {"type": "object"}}},
        }
    },
)
def get_questionnaire(knowledge: KnowledgeDep, translator: TranslatorDep) -> JSONResponse:
    """Every interview question, grouped by topic in interview order, with its options and
    when it is asked (enableWhen, plus the condition as text in an extension). Texts follow
    Accept-Language and carry their other languages in FHIR's translation extension."""
    others = [load_translator(language) for language in SUPPORTED_LANGUAGES]
    data: dict[str, Any] = build_questionnaire(knowledge, translator, others)
    response = JSONResponse(data, media_type=FHIR_JSON)
    mark_language(response, translator.text_language)  # the texts follow Accept-Language
    return response
