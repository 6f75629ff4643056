"""The plausible ranges every diary entrance enforces: dates, ids and free text.

A date far outside a human life (year 1 or 9999) is always a typing or file mistake, and at
the edges of Python's calendar the day arithmetic of the analysis overflows; so each entrance
(web forms, CLI, import) refuses it with a message that names the range. The analysis still
tolerates any stored extreme (`analysis.inputs.diary_day_of`, `diary.times.from_storage`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from crampcheck.errors import InvalidValue

EARLIEST_DAY = date(1900, 1, 1)
"""No diary entry (cramp, check-in, medication start or stop) is older than this."""
FUTURE_SLACK = timedelta(days=1)
"""How far ahead of now an entry may be: time zones and clocks differ, plans do not count."""
MAX_ID = 2**63 - 1
"""The largest row id a database stores (signed 64-bit); larger ids name no row."""
MAX_TEXT = 10_000
"""Longest free text (notes, what helped, an experiment's options) in characters."""
MAX_FACTOR_NAME = 100
"""Longest custom factor name (the database column's size)."""
MAX_NAME = 200
"""Longest medication or experiment name (the database column's size)."""
PLAN_AHEAD = timedelta(days=366)
"""How far ahead an experiment may be planned to start."""


def latest_day(today: date | None = None) -> date:
    """The last day an entry may be on: tomorrow (in any time zone, some place is there)."""
    return (today or datetime.now(UTC).date()) + FUTURE_SLACK


def check_start(start: datetime) -> datetime:
    """`start` (aware) if it lies between 1900-01-01 and now + 1 day; InvalidValue otherwise.

    Checked on the local date first, so year-1 or year-9999 times never reach the UTC
    arithmetic that would overflow.
    """
    within_days = EARLIEST_DAY <= start.date() <= latest_day()
    if within_days and start.astimezone(UTC) <= datetime.now(UTC) + FUTURE_SLACK:
        return start
    raise InvalidValue(
        "must be a date-time from {earliest} to {latest}, got {text}",
        earliest=EARLIEST_DAY.isoformat(),
        latest=latest_day().isoformat(),
        text=start.isoformat(),
    )


def check_day(day: date, *, ahead: timedelta = FUTURE_SLACK) -> date:
    """`day` if it lies between 1900-01-01 and today + `ahead` (default: tomorrow);
    InvalidValue otherwise."""
    latest = datetime.now(UTC).date() + ahead
    if EARLIEST_DAY <= day <= latest:
        return day
    raise InvalidValue(
        "must be a date from {earliest} to {latest}, got {text}",
        earliest=EARLIEST_DAY.isoformat(),
        latest=latest.isoformat(),
        text=day.isoformat(),
    )


def check_text(text: str, limit: int = MAX_TEXT) -> str:
    """Free text as given, unless it holds a NUL character (PostgreSQL cannot store it) or is
    longer than `limit` characters; InvalidValue then."""
    if "\x00" in text:
        raise InvalidValue("must not contain a NUL character (\\0)")
    if len(text) > limit:
        raise InvalidValue("is too long: at most {limit} characters", limit=limit)
    return text


def is_storable_id(value: int) -> bool:
    """Whether a row can have this id (1 to 2^63 - 1); others name no row."""
    return 1 <= value <= MAX_ID
