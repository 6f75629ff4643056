"""Keeping a result (only when the person presses "Keep this result"), re-opening, deleting."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from crampcheck.assessment.engine import assess
from crampcheck.assessment.result import load_assessment
from crampcheck.interview import build_document
from crampcheck.storage import SavedAssessmentRow
from crampcheck.web.deps import ContextDep, SessionDep
from crampcheck.web.language import request_country, request_language
from crampcheck.web.pages.common import CheckedFormDep, render_page
from crampcheck.web.pages.interview import load_progress

router = APIRouter()
TOKEN_BYTES = 24
NOT_FOUND = "There is no saved result at this address (it may have been deleted)."


@router.post("/results")
def keep_result(
    request: Request, context: ContextDep, session: SessionDep, form: CheckedFormDep
) -> Response:
    """Store the result of the answers on the form and go to its own address."""
    progress = load_progress(context, form.get("progress"))
    document = build_document(context.knowledge, progress.answers)
    if "age" not in document:
        raise HTTPException(400, "There is no result to keep yet.")
    language = request_language(request)
    result = assess(
        document,
        knowledge=context.knowledge,
        language=language,
        country=request_country(request),
    )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(
        SavedAssessmentRow(
            token=token,
            created=datetime.now(UTC).replace(tzinfo=None),
            input_json=document,
            result_json=result.to_dict(),
        )
    )
    return RedirectResponse(f"/results/{token}", status_code=303)


def _find(session: SessionDep, token: str) -> SavedAssessmentRow:
    row = session.scalar(select(SavedAssessmentRow).where(SavedAssessmentRow.token == token))
    if row is None:
        raise HTTPException(404, NOT_FOUND)
    return row


@router.get("/results/{token}", response_class=HTMLResponse)
def saved_result(
    request: Request, token: str, context: ContextDep, session: SessionDep
) -> HTMLResponse:
    """A kept result, as it was when it was kept."""
    row = _find(session, token)
    result = load_assessment(row.result_json)
    return render_page(
        request,
        context,
        "result.html",
        {
            "result": result,
            "progress": None,
            "saved_token": token,
            "saved_at": row.created,
            "stopped_early": False,
        },
    )


@router.post("/results/{token}/delete", response_class=HTMLResponse)
def delete_result(
    request: Request, token: str, context: ContextDep, session: SessionDep, form: CheckedFormDep
) -> HTMLResponse:
    """Delete a kept result for good."""
    session.delete(_find(session, token))
    return render_page(request, context, "deleted.html")
