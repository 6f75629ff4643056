"""GET /api/v1/claims: "is it true that ...?" — claims about cramps and their verdicts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from crampcheck.claims import load_claim_index
from crampcheck.web.api.schemas import ClaimPublic
from crampcheck.web.problems import problem_responses

router = APIRouter(tags=["claims"])


def search_claims(query: str, limit: int) -> list[ClaimPublic]:
    """The best-matching claims, best first (shared with the myths page)."""
    return [
        ClaimPublic.model_validate(hit.model_dump(mode="json"))
        for hit in load_claim_index().search(query, limit)
    ]


@router.get(
    "/claims",
    response_model=list[ClaimPublic],
    summary="Search claims about cramps",
    responses=problem_responses(422),
)
def list_claims(
    q: Annotated[str, Query(min_length=1, max_length=500, description="A question or words.")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[ClaimPublic]:
    """Claims that answer `q`, each with its verdict, explanation, sources and (for unsafe
    claims) the safer advice."""
    return search_claims(q, limit)
