"""`gather_report`: everything the doctor's report shows, decided here and nowhere else.

The renderers only lay out what this module chose: which assessment, which factors have
enough data, which medicines matter, which advice is shown and which sources it cites.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from crampcheck.analysis.diary import analyze_diary
from crampcheck.analysis.experiment import analyze_experiment
from crampcheck.assessment.result import AdviceItem, Assessment, Citation, load_assessment
from crampcheck.diary.loading import load_diary_data
from crampcheck.experiments import list_experiments, schedule_of
from crampcheck.i18n import Translator
from crampcheck.report.content import DiarySummary, ExperimentReport, KeptAssessment, ReportData
from crampcheck.storage.models import SavedAssessmentRow

DEFAULT_WEEKS = 12


def default_period(today: date) -> tuple[date, date]:
    """The last 12 weeks up to and including `today`."""
    return today - timedelta(days=7 * DEFAULT_WEEKS - 1), today


def latest_kept_assessment(session: Session) -> KeptAssessment | None:
    """The most recently kept assessment in the database, as it was kept; None if none."""
    query = select(SavedAssessmentRow).order_by(
        SavedAssessmentRow.created.desc(), SavedAssessmentRow.id.desc()
    )
    row = session.scalars(query.limit(1)).first()
    if row is None:
        return None
    return KeptAssessment(load_assessment(row.result_json), row.created.date())


def gather_report(
    session: Session,
    *,
    start: date,
    end: date,
    assessment: KeptAssessment | None,
    disclaimer: str,
    produced: date,
    translator: Translator,
) -> ReportData:
    """The report's content: diary days `start` to `end` (inclusive), every experiment and
    `assessment` (None: the report says no assessment was made). The analyses' sentences are
    in `translator`'s language, which should be the one the report is rendered in."""
    result = assessment.result if assessment else None
    advice = list(result.discuss_with_doctor) if result else []
    return ReportData(
        produced=produced,
        start=start,
        end=end,
        disclaimer=disclaimer,
        assessment=assessment,
        medicines=[
            medicine
            for medicine in (result.medications if result else [])
            if medicine.linked_to_cramps or medicine.effects
        ],
        advice=advice,
        citations=_cited(result, advice),
        diary=_diary(session, start, end, translator),
        experiments=_experiments(session, produced, translator),
    )


def _diary(session: Session, start: date, end: date, translator: Translator) -> DiarySummary:
    data = load_diary_data(session, start, end)
    analysis = analyze_diary(data, start, end, translator=translator)
    counted = {checkin.day for checkin in data.checkins}
    cramp_days = {episode.diary_day for episode in data.episodes} & counted
    return DiarySummary(
        has_entries=bool(data.checkins or data.episodes),
        cramp_days=len(cramp_days),
        analysis=analysis,
        factors=[row for row in analysis.factors if row.enough_data],
    )


def _experiments(session: Session, today: date, translator: Translator) -> list[ExperimentReport]:
    reports = []
    for row in reversed(list_experiments(session)):  # oldest first
        schedule = schedule_of(row)
        if not schedule:
            continue
        first_day, last_day = schedule[0].day, schedule[-1].day
        data = load_diary_data(session, first_day, last_day)
        analysis = analyze_experiment(
            [(entry.day, entry.option) for entry in schedule],
            data,
            a_label=row.option_a,
            b_label=row.option_b,
            period_days=row.period_days,
            as_of=today,
            translator=translator,
        )
        reports.append(
            ExperimentReport(row.name, row.option_a, row.option_b, first_day, last_day, analysis)
        )
    return reports


def _cited(result: Assessment | None, advice: list[AdviceItem]) -> list[Citation]:
    if result is None:
        return []
    keys = {key for concern in result.concerns for key in concern.sources}
    keys |= {key for item in advice for key in item.sources}
    return [citation for citation in result.citations if citation.key in keys]
