"""What the analysis reads: a diary reduced to plain values, independent of any database.

The storage layer (``crampcheck.diary``) builds a `DiaryData`; the analysis and experiment
code never touch the database. A *diary day* D runs from 06:00 local time on D to 06:00 on
D+1 (../shared/spec/diary-csv.md), so a cramp at 03:00 on the 15th belongs to the 14th.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

DIARY_DAY_STARTS = time(6, 0)
NIGHT_STARTS = time(22, 0)

FactorValue = bool | float


def diary_day_of(local_start: datetime) -> date:
    """The diary day a cramp belongs to, from its start in the person's local time.

    Never fails: before 06:00 on the calendar's first day (0001-01-01) it is that day."""
    since_day_start = timedelta(hours=DIARY_DAY_STARTS.hour, minutes=DIARY_DAY_STARTS.minute)
    try:
        return (local_start - since_day_start).date()
    except OverflowError:
        return local_start.date()


def shift_day(day: date, days: int) -> date:
    """`day` moved by `days`, held at the calendar's first or last day instead of overflowing
    (a diary may hold a year-1 or year-9999 entry saved before dates were bounded)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def is_night(local_start: datetime) -> bool:
    """Whether a cramp started at night (22:00 to 06:00 local time)."""
    clock = local_start.timetz().replace(tzinfo=None)
    return clock >= NIGHT_STARTS or clock < DIARY_DAY_STARTS


@dataclass(frozen=True)
class Episode:
    """One cramp. `local_start` is aware and expressed in the person's own time zone."""

    local_start: datetime
    duration_minutes: float | None = None
    muscle: str | None = None
    side: str | None = None
    severity: int | None = None
    woke_from_sleep: bool | None = None

    @property
    def diary_day(self) -> date:
        return diary_day_of(self.local_start)

    @property
    def at_night(self) -> bool:
        return bool(self.woke_from_sleep) or is_night(self.local_start)


@dataclass(frozen=True)
class CheckIn:
    """One diary day's check-in. `factors` holds every recorded value by name
    (fluid_litres, alcohol_units, caffeine_cups, exercise_minutes, exercise_intensity as
    0-3, standing_hours, sitting_hours, sleep_hours, stretched_before_bed, custom factors);
    a factor that was not recorded that day is absent, not zero."""

    day: date
    factors: Mapping[str, FactorValue] = field(default_factory=dict)


@dataclass(frozen=True)
class MedicationPeriod:
    """A medication the person took from `started` until `stopped` (None: still taking)."""

    name: str
    started: date | None
    stopped: date | None = None


@dataclass(frozen=True)
class DiaryData:
    """A whole diary: check-ins (the days that count), cramps and medication periods."""

    checkins: Sequence[CheckIn]
    episodes: Sequence[Episode]
    medications: Sequence[MedicationPeriod] = ()
