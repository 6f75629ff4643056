"""Validated diary entries before they reach the database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from crampcheck.diary.times import from_storage, to_storage
from crampcheck.storage.models import CheckInRow, EpisodeRow

CheckInValue = float | str | bool | None
FactorValue = bool | float

EPISODE_FIELDS = (
    "duration_minutes",
    "muscle",
    "side",
    "severity",
    "woke_from_sleep",
    "helped",
    "notes",
)


@dataclass(frozen=True)
class EpisodeRecord:
    """One cramp; `start` is aware, `time_zone` the IANA zone it was logged in, if known."""

    start: datetime
    time_zone: str | None = None
    duration_minutes: float | None = None
    muscle: str | None = None
    side: str | None = None
    severity: int | None = None
    woke_from_sleep: bool | None = None
    helped: str | None = None
    notes: str | None = None

    def columns(self) -> dict[str, Any]:
        """The episode as column values of the `episodes` table (without id)."""
        start_utc, offset = to_storage(self.start)
        values = {name: getattr(self, name) for name in EPISODE_FIELDS}
        return {
            "start_utc": start_utc,
            "utc_offset_minutes": offset,
            "time_zone": self.time_zone,
            **values,
        }

    @classmethod
    def from_row(cls, row: EpisodeRow) -> EpisodeRecord:
        """The record of a stored episode, its start in the person's local time."""
        values = {name: getattr(row, name) for name in EPISODE_FIELDS}
        start = from_storage(row.start_utc, row.utc_offset_minutes)
        return cls(start=start, time_zone=row.time_zone, **values)


@dataclass(frozen=True)
class CheckInRecord:
    """One diary day: standard fields by column name (absent: not recorded) and custom factors."""

    day: date
    values: Mapping[str, CheckInValue] = field(default_factory=dict)
    factors: Mapping[str, FactorValue] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: CheckInRow) -> CheckInRecord:
        from crampcheck.diary.fields import CHECKIN_COLUMNS

        values = {name: getattr(row, name) for name in CHECKIN_COLUMNS}
        factors: dict[str, FactorValue] = {}
        for factor in row.factors:
            if factor.flag is not None:
                factors[factor.name] = factor.flag
            elif factor.number is not None:
                factors[factor.name] = factor.number
        present = {name: value for name, value in values.items() if value is not None}
        return cls(day=row.day, values=present, factors=factors)
