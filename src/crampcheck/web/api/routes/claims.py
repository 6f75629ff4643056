"""GET /api/v1/claims: "is it true that ...?" — claims about cramps and their verdicts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from crampcheck.claims import load_claim_index
from crampcheck.i18n import Translator, load_translator
from crampcheck.web.api.schemas import ClaimPublic
from crampcheck.web.language import mark_language, request_language
from crampcheck.web.problems import problem_responses

router = APIRouter(tags=["claims"])


def search_claims(
    query: str, limit: int, translator: Translator | None = None
) -> list[ClaimPublic]:
    """The best-matching claims, best first, their texts in `translator`'s language (shared
    with the myths page; ids, verdicts and sources stay as they are)."""
    _ = (translator or load_translator("en")).gettext
    found = []
    for hit in load_claim_index().search(query, limit):
        claim = ClaimPublic.model_validate(hit.model_dump(mode="json"))
        found.append(
            claim.model_copy(
                update={
                    "claim": _(claim.claim),
                    "explanation": _(claim.explanation),
                    "safer_advice": _(claim.safer_advice) if claim.safer_advice else None,
                }
            )
        )
    return found


@router.get(
    "/claims",
    response_model=list[ClaimPublic],
    summary="Search claims about cramps",
    responses=problem_responses(422),
)
def list_claims(
    request: Request,
    response: Response,
    q: Annotated[str, Query(min_length=1, max_length=500, description="A question or words.")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[ClaimPublic]:
    """Claims that answer `q`, each with its verdict, explanation, sources and (for unsafe
    claims) the safer advice; the texts in the language of `Accept-Language`."""
    translator = load_translator(request_language(request))
    mark_language(response, translator.text_language)
    return search_claims(q, limit, translator)
