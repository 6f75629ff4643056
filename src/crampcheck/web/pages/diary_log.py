"""Logging a cramp: one tap ("Log a cramp now"), the optional details, undo, edit, delete.

The start is the browser's local time: the page script puts the browser's IANA zone into a
hidden field; without JavaScript this computer's zone is used (the diary server is meant to
run on the person's own machine, so that is their zone).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from crampcheck.diary import (
    EpisodeRecord,
    add_episode,
    delete_episode,
    get_episode,
    latest_episode,
    update_episode,
)
from crampcheck.errors import InputError
from crampcheck.storage.models import EpisodeRow
from crampcheck.web.context import WebContext
from crampcheck.web.deps import ContextDep, SessionDep
from crampcheck.web.pages.common import CheckedFormDep, render_page
from crampcheck.web.pages.diary_forms import (
    MUSCLE_LABELS,
    SIDE_LABELS,
    EpisodeForm,
    _,
    read_episode_form,
    shown_episode,
    zone_of,
)

router = APIRouter()
NO_SUCH_CRAMP = "There is no cramp with this number in the diary (it may have been deleted)."
ALREADY_LOGGED = _("A cramp starting at that minute is already in the diary.")
RETURN_TO = {"log": "/diary/log?removed=1", "diary": "/diary?removed=1"}


def _find(session: Session, episode_id: int) -> EpisodeRow:
    try:
        return get_episode(session, episode_id)
    except InputError:
        raise HTTPException(404, NO_SUCH_CRAMP) from None


def _choices() -> dict[str, Any]:
    return {"muscles": MUSCLE_LABELS, "sides": SIDE_LABELS}


def _log_page(
    request: Request,
    context: WebContext,
    session: Session,
    form: EpisodeForm | None = None,
) -> HTMLResponse:
    previous = latest_episode(session)
    return render_page(
        request,
        context,
        "diary_log.html",
        {
            "previous": EpisodeRecord.from_row(previous) if previous else None,
            "form": form or EpisodeForm(shown={}),
            "removed": request.query_params.get("removed") == "1",
            **_choices(),
        },
    )


@router.get("/diary/log", response_class=HTMLResponse)
def log_page(request: Request, context: ContextDep, session: SessionDep) -> HTMLResponse:
    """The one-tap button and, folded away, the details form."""
    return _log_page(request, context, session)


@router.post("/diary/log")
def log_cramp(
    request: Request, context: ContextDep, session: SessionDep, form: CheckedFormDep
) -> Response:
    """Log a cramp: "now" with the previous muscle and side, or the details on the form."""
    zone = zone_of(form.get("time_zone"))
    now = datetime.now(zone).replace(microsecond=0)
    if form.get("action") == "now":
        entry = EpisodeForm(shown={}, time_zone=read_episode_form({}, zone, now).time_zone)
        previous = latest_episode(session)
        if previous is not None:
            entry.changes = {"muscle": previous.muscle, "side": previous.side}
    else:
        entry = read_episode_form(form, zone, now)
        if entry.errors:
            return _log_page(request, context, session, entry)
    record = entry.record(now)
    try:
        row = add_episode(session, record)
    except InputError:
        if form.get("action") == "now":  # a double tap: it is the same cramp
            return _redirect_to_same_start(session, record)
        entry.errors["start"] = ALREADY_LOGGED
        return _log_page(request, context, session, entry)
    session.commit()  # before the redirect is followed
    return RedirectResponse(f"/diary/episodes/{row.id}/logged", status_code=303)


def _redirect_to_same_start(session: Session, record: EpisodeRecord) -> Response:
    start_utc = record.columns()["start_utc"]
    existing = session.scalar(select(EpisodeRow.id).where(EpisodeRow.start_utc == start_utc))
    return RedirectResponse(f"/diary/episodes/{existing}/logged", status_code=303)


@router.get("/diary/episodes/{episode_id}/logged", response_class=HTMLResponse)
def logged_page(
    request: Request, episode_id: int, context: ContextDep, session: SessionDep
) -> HTMLResponse:
    """The confirmation: what was logged, "undo" and "add details"."""
    record = EpisodeRecord.from_row(_find(session, episode_id))
    return render_page(
        request,
        context,
        "diary_logged.html",
        {"episode_id": episode_id, "episode": record, **_choices()},
    )


@router.get("/diary/episodes/{episode_id}/edit", response_class=HTMLResponse)
def edit_page(
    request: Request, episode_id: int, context: ContextDep, session: SessionDep
) -> HTMLResponse:
    """The details form of a logged cramp."""
    row = _find(session, episode_id)
    form = EpisodeForm(shown=shown_episode(EpisodeRecord.from_row(row)))
    return _edit_form(request, context, episode_id, row, form)


def _edit_form(
    request: Request,
    context: WebContext,
    episode_id: int,
    row: EpisodeRow,
    form: EpisodeForm,
) -> HTMLResponse:
    return render_page(
        request,
        context,
        "diary_edit.html",
        {"episode_id": episode_id, "form": form, "zone": row.time_zone or "", **_choices()},
    )


@router.post("/diary/episodes/{episode_id}/edit")
def edit_cramp(
    request: Request,
    episode_id: int,
    context: ContextDep,
    session: SessionDep,
    form: CheckedFormDep,
) -> Response:
    """Save the details; an unchanged start keeps the zone it was logged in."""
    row = _find(session, episode_id)
    stored = EpisodeRecord.from_row(row)
    zone = zone_of(form.get("time_zone")) if form.get("time_zone") else stored.start.tzinfo
    assert zone is not None  # from_storage always gives an aware start
    entry = read_episode_form(form, zone, datetime.now(zone))
    if entry.errors:
        return _edit_form(request, context, episode_id, row, entry)
    changes = dict(entry.changes)
    if entry.shown["start"] != shown_episode(stored)["start"] and entry.start is not None:
        changes["start"] = entry.start
        changes["time_zone"] = entry.time_zone
    try:
        update_episode(session, episode_id, changes)
    except InputError:
        entry.errors["start"] = ALREADY_LOGGED
        return _edit_form(request, context, episode_id, row, entry)
    session.commit()
    return RedirectResponse("/diary#cramps", status_code=303)


@router.post("/diary/episodes/{episode_id}/delete")
def delete_cramp(
    request: Request,
    episode_id: int,
    context: ContextDep,
    session: SessionDep,
    form: CheckedFormDep,
) -> Response:
    """Remove a cramp (the "undo" of the confirmation, or "delete" in the diary)."""
    _find(session, episode_id)
    delete_episode(session, episode_id)
    session.commit()
    back = RETURN_TO.get(str(form.get("next", "")), RETURN_TO["diary"])
    return RedirectResponse(back, status_code=303)
