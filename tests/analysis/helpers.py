"""Small hand-built diaries whose answers can be worked out on paper."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone

from crampcheck.analysis.inputs import CheckIn, DiaryData, Episode, FactorValue, MedicationPeriod
from crampcheck.i18n import load_translator

ZONE = timezone(timedelta(hours=1))
FIRST = date(2026, 1, 1)
ENGLISH = load_translator("en")


def cramp_on(day: date, at: time = time(23, 0)) -> Episode:
    """A cramp belonging to diary day `day` (times before 06:00 go on the next calendar day)."""
    calendar_day = day + timedelta(days=1) if at < time(6, 0) else day
    return Episode(local_start=datetime.combine(calendar_day, at, ZONE))


def diary(
    days: list[tuple[Mapping[str, FactorValue], int]],
    medications: tuple[MedicationPeriod, ...] = (),
) -> DiaryData:
    """One check-in per consecutive day from FIRST with its factors and number of cramps."""
    checkins, episodes = [], []
    for offset, (factors, cramps) in enumerate(days):
        day = FIRST + timedelta(days=offset)
        checkins.append(CheckIn(day=day, factors=dict(factors)))
        episodes += [cramp_on(day) for _ in range(cramps)]
    return DiaryData(checkins=checkins, episodes=episodes, medications=medications)
