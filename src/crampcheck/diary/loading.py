"""The diary as the statistics read it (`crampcheck.analysis.inputs.DiaryData`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from crampcheck.analysis.inputs import CheckIn, DiaryData, Episode, FactorValue, MedicationPeriod
from crampcheck.diary.checkins import list_checkins
from crampcheck.diary.episodes import list_episodes
from crampcheck.diary.fields import INTENSITIES
from crampcheck.diary.medications import list_medications
from crampcheck.diary.records import CheckInRecord, EpisodeRecord


def load_diary_data(
    session: Session, start: date | None = None, end: date | None = None
) -> DiaryData:
    """Check-ins, cramps and medication periods for diary days in [start, end] (both optional).

    Episodes carry their start in the person's local time at the moment of the cramp;
    `exercise_intensity` becomes 0 (none) to 3 (intense); unrecorded factors are absent.
    """
    checkins = [_checkin(CheckInRecord.from_row(row)) for row in list_checkins(session, start, end)]
    episodes = [_episode(EpisodeRecord.from_row(row)) for row in list_episodes(session, start, end)]
    medications = [
        MedicationPeriod(name=row.name, started=row.started, stopped=row.stopped)
        for row in list_medications(session)
    ]
    return DiaryData(checkins=checkins, episodes=episodes, medications=medications)


def _checkin(record: CheckInRecord) -> CheckIn:
    factors: dict[str, FactorValue] = {}
    for name, value in record.values.items():
        if isinstance(value, str):
            factors[name] = float(INTENSITIES.index(value))
        elif value is not None:
            factors[name] = value
    factors.update(record.factors)
    return CheckIn(day=record.day, factors=factors)


def _episode(record: EpisodeRecord) -> Episode:
    return Episode(
        local_start=record.start,
        duration_minutes=record.duration_minutes,
        muscle=record.muscle,
        side=record.side,
        severity=record.severity,
        woke_from_sleep=record.woke_from_sleep,
    )
