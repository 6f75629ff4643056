"""The daily check-in: one form per diary day (06:00 to 06:00); saving again updates the day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from crampcheck.analysis.inputs import diary_day_of
from crampcheck.diary import CheckInRecord, record_checkin
from crampcheck.diary.fields import CHECKIN_NUMBERS, parse_day
from crampcheck.diary.times import machine_zone
from crampcheck.storage.models import CheckInRow
from crampcheck.web.context import WebContext
from crampcheck.web.deps import ContextDep, SessionDep
from crampcheck.web.pages.common import CheckedFormDep, render_page
from crampcheck.web.pages.diary_forms import (
    CHECKIN_LABELS,
    INTENSITY_LABELS,
    CheckInForm,
    read_checkin_form,
    shown_checkin,
    with_blank_rows,
)

router = APIRouter()
NO_SUCH_CHECKIN = "There is no check-in for this day in the diary."


def today() -> date:
    """The current diary day on this computer's clock (before 06:00 it is yesterday)."""
    return diary_day_of(datetime.now(machine_zone()))


def _stored(session: Session, day: date) -> CheckInRecord | None:
    row = session.scalar(select(CheckInRow).where(CheckInRow.day == day))
    return CheckInRecord.from_row(row) if row is not None else None


def _checkin_page(
    request: Request,
    context: WebContext,
    form: CheckInForm,
    *,
    exists: bool,
    saved: bool = False,
) -> HTMLResponse:
    return render_page(
        request,
        context,
        "diary_checkin.html",
        {
            "form": form,
            "factor_rows": with_blank_rows(form.factor_rows),
            "numbers": [(name, CHECKIN_LABELS[name]) for name in CHECKIN_NUMBERS],
            "intensities": INTENSITY_LABELS,
            "exists": exists,
            "saved": saved,
            "is_today": form.day == today(),
        },
    )


@router.get("/diary/checkin", response_class=HTMLResponse)
def checkin_page(
    request: Request,
    context: ContextDep,
    session: SessionDep,
    day: Annotated[str, Query(alias="date", max_length=20)] = "",
    saved: Annotated[str, Query(max_length=1)] = "",
) -> HTMLResponse:
    """The check-in of `date` (default: today's diary day), filled in when it is stored."""
    try:
        wanted = parse_day(day) if day else today()
    except ValueError:
        raise HTTPException(404, "That is not a date; use the form to choose a day.") from None
    stored = _stored(session, wanted)
    form = shown_checkin(wanted, stored.values if stored else {}, stored.factors if stored else {})
    return _checkin_page(
        request, context, form, exists=stored is not None, saved=saved == "1" and bool(stored)
    )


@router.post("/diary/checkin")
def save_checkin(
    request: Request, context: ContextDep, session: SessionDep, form: CheckedFormDep
) -> Response:
    """Save the form as the whole record of its day (creating or updating it)."""
    day_text = form.get("date")
    try:
        day = parse_day(day_text) if isinstance(day_text, str) else None
    except ValueError:
        day = None
    stored = _stored(session, day) if day is not None else None
    entry = read_checkin_form(form, stored.factors if stored else {})
    if entry.errors or entry.day is None:
        return _checkin_page(request, context, entry, exists=stored is not None)
    record_checkin(session, entry.day, entry.values, entry.factors)
    session.commit()
    return RedirectResponse(f"/diary/checkin?date={entry.day.isoformat()}&saved=1", status_code=303)


@router.post("/diary/checkins/{day}/delete")
def delete_checkin(
    request: Request, day: str, context: ContextDep, session: SessionDep, form: CheckedFormDep
) -> Response:
    """Remove one day's check-in (its custom factors go with it)."""
    try:
        wanted = parse_day(day)
    except ValueError:
        raise HTTPException(404, NO_SUCH_CHECKIN) from None
    row = session.scalar(select(CheckInRow).where(CheckInRow.day == wanted))
    if row is None:
        raise HTTPException(404, NO_SUCH_CHECKIN)
    session.delete(row)
    session.commit()
    return RedirectResponse("/diary?removed=1#checkins", status_code=303)
