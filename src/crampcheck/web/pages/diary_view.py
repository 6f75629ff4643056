"""The diary page (recent cramps and check-ins, medications, the analysis), the JSON export
and "Delete all my data"."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from crampcheck.analysis.diary import DiaryAnalysis, analyze_diary
from crampcheck.analysis.inputs import diary_day_of
from crampcheck.diary import (
    CheckInRecord,
    EpisodeRecord,
    erase_everything,
    list_checkins,
    list_episodes,
    list_medications,
    load_diary_data,
    start_medication,
    stop_medication,
)
from crampcheck.diary.bounds import check_day
from crampcheck.diary.exporting import diary_document
from crampcheck.diary.fields import parse_day
from crampcheck.errors import InputError
from crampcheck.i18n import Translator
from crampcheck.web.context import WebContext
from crampcheck.web.deps import ContextDep, SessionDep
from crampcheck.web.pages.common import CheckedFormDep, page_translator, render_page
from crampcheck.web.pages.diary_checkin import today
from crampcheck.web.pages.diary_forms import (
    FACTOR_LABELS,
    MUSCLE_LABELS,
    SIDE_LABELS,
    _,
    factor_text,
)
from crampcheck.web.plots import inline_svg

router = APIRouter()
RECENT_EPISODES = 30
RECENT_CHECKINS = 14
EXPORT_NAME = "crampcheck-diary.json"
MEDICATION_NAME_NEEDED = _("Name: a medication needs a name.")
MEDICATION_DATE_BAD = _("Date: must be a date such as 2026-03-14.")
MEDICATION_ALREADY = _("Name: this medication is already being taken; stop it first.")
MEDICATION_NOT_TAKEN = _("Name: this medication is not being taken.")
MEDICATION_STOP_EARLY = _("Date: must be on or after the day it was started.")
MEDICATION_DATE_RANGE = _("Date: must be a date from 1900-01-01 to tomorrow.")
MEDICATION_NAME_NUL = _("Name: must not contain a NUL character.")
CONFIRM_NEEDED = _("Tick the box to confirm that everything should be deleted.")


WEEKLY_TITLE = _("Cramps per week (the numbers are in the table below)")
FOREST_TITLE = _("Rate ratio of each factor with its 95% interval (the numbers are in the table)")


def _plots(analysis: DiaryAnalysis, translator: Translator) -> dict[str, Any]:
    """The two plots as inline SVG (matplotlib is imported only when there is something)."""
    from crampcheck.analysis.plots import plot_factor_forest, plot_weekly_rates

    gettext = translator.gettext
    weekly = forest = None
    if analysis.weekly:
        svg = plot_weekly_rates(analysis, translator=translator)
        weekly = inline_svg(svg, "weekly", gettext(WEEKLY_TITLE))
    if any(row.rate_ratio is not None for row in analysis.factors):
        svg = plot_factor_forest(analysis, translator=translator)
        forest = inline_svg(svg, "forest", gettext(FOREST_TITLE))
    return {"weekly_svg": weekly, "forest_svg": forest}


def _diary_page(
    request: Request,
    context: WebContext,
    session: Session,
    *,
    medication_error: str | None = None,
    medication_shown: dict[str, str] | None = None,
) -> HTMLResponse:
    episodes = [
        (row.id, EpisodeRecord.from_row(row))
        for row in reversed(list_episodes(session)[-RECENT_EPISODES:])
    ]
    checkins = [
        CheckInRecord.from_row(row) for row in reversed(list_checkins(session)[-RECENT_CHECKINS:])
    ]
    medications = list_medications(session)
    words = page_translator(request, context)
    analysis = analyze_diary(load_diary_data(session), translator=words)
    empty = not episodes and not checkins and not medications
    values: dict[str, Any] = {
        "episodes": [(number, record, diary_day_of(record.start)) for number, record in episodes],
        "checkins": checkins,
        "medications": medications,
        "analysis": analysis,
        "empty": empty,
        "muscles": MUSCLE_LABELS,
        "sides": SIDE_LABELS,
        "factor_text": factor_text,
        "factor_labels": FACTOR_LABELS,
        "today": today().isoformat(),
        "removed": request.query_params.get("removed") == "1",
        "medication_error": medication_error,
        "medication_shown": medication_shown or {},
        "weekly_svg": None,
        "forest_svg": None,
    }
    if analysis.days:
        values.update(_plots(analysis, words))
    return render_page(request, context, "diary.html", values)


@router.get("/diary", response_class=HTMLResponse)
def diary_page(request: Request, context: ContextDep, session: SessionDep) -> HTMLResponse:
    """Everything recorded and what it shows; an empty diary explains how to start."""
    return _diary_page(request, context, session)


def _medication_form(form: Any) -> tuple[str, date | None, str | None]:
    name = str(form.get("name", "")).strip()[:200]
    day_text = str(form.get("date", "")).strip()
    if not name:
        return name, None, MEDICATION_NAME_NEEDED
    if "\x00" in name:
        return name.replace("\x00", ""), None, MEDICATION_NAME_NUL
    try:
        day = parse_day(day_text) if day_text else today()
    except ValueError:
        return name, None, MEDICATION_DATE_BAD
    try:
        return name, check_day(day), None
    except ValueError:
        return name, None, MEDICATION_DATE_RANGE


@router.post("/diary/medications/start")
def start_medication_page(
    request: Request, context: ContextDep, session: SessionDep, form: CheckedFormDep
) -> Response:
    """Record that a medication was started (default: today)."""
    return _change_medication(
        request,
        context,
        session,
        form,
        start_medication,
        lambda _: MEDICATION_ALREADY,
        show_form=True,
    )


@router.post("/diary/medications/stop")
def stop_medication_page(
    request: Request, context: ContextDep, session: SessionDep, form: CheckedFormDep
) -> Response:
    """Record that a medication was stopped (default: today)."""

    def refusal(problem: InputError) -> str:
        paths = {item.path for item in problem.errors}
        return MEDICATION_STOP_EARLY if "date" in paths else MEDICATION_NOT_TAKEN

    return _change_medication(
        request, context, session, form, stop_medication, refusal, show_form=False
    )


def _change_medication(
    request: Request,
    context: WebContext,
    session: Session,
    form: FormData,
    change: Callable[[Session, str, date], object],
    refusal: Callable[[InputError], str],
    *,
    show_form: bool,
) -> Response:
    """Apply a start or stop from the form; on a problem, the diary page again with it named
    (and, with `show_form`, what was typed)."""
    name, day, error = _medication_form(form)
    if error is None and day is not None:
        try:
            change(session, name, day)
        except InputError as problem:
            error = refusal(problem)
    if error is not None:
        shown = {"name": name, "date": str(form.get("date", ""))[:20]} if show_form else None
        return _diary_page(
            request, context, session, medication_error=error, medication_shown=shown
        )
    session.commit()
    return RedirectResponse("/diary#medications", status_code=303)


@router.get("/diary/export.json")
def export_diary(context: ContextDep, session: SessionDep) -> Response:
    """Everything recorded as one JSON file (the same as `crampcheck diary export --json`)."""
    text = json.dumps(diary_document(session), indent=2, ensure_ascii=False) + "\n"
    return Response(
        text.encode("utf-8"),
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="{EXPORT_NAME}"'},
    )


@router.get("/diary/report.pdf")
def doctor_report(request: Request, context: ContextDep, session: SessionDep) -> Response:
    """The report for a doctor as PDF, the same as `crampcheck report -o report.pdf`: the
    last 12 weeks of the diary, the latest kept result and the experiments."""
    from crampcheck.report import (
        default_period,
        gather_report,
        latest_kept_assessment,
        render_report_html,
    )
    from crampcheck.report.pdf import pdf_bytes

    translator = page_translator(request, context)
    start, end = default_period(today())
    report = gather_report(
        session,
        start=start,
        end=end,
        assessment=latest_kept_assessment(session),
        disclaimer=translator.gettext(context.knowledge.texts.disclaimer),
        produced=today(),
        translator=translator,
    )
    pdf = pdf_bytes(render_report_html(report, translator, raster_charts=True))
    name = f"crampcheck-report-{end.isoformat()}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.get("/diary/delete-all", response_class=HTMLResponse)
def erase_page(request: Request, context: ContextDep) -> HTMLResponse:
    """What "Delete all my data" removes, and the confirmation form."""
    return render_page(request, context, "diary_erase.html", {"error": None})


@router.post("/diary/delete-all", response_class=HTMLResponse)
def erase_data(
    request: Request, context: ContextDep, session: SessionDep, form: CheckedFormDep
) -> HTMLResponse:
    """Delete everything, once the box is ticked."""
    if form.get("confirm") != "yes":
        return render_page(request, context, "diary_erase.html", {"error": CONFIRM_NEEDED})
    erase_everything(session)
    session.commit()
    return render_page(request, context, "diary_erased.html")
