"""Cramp times: parsing what people type, and storing instants without losing local time.

An episode is stored as a naive UTC instant plus the UTC offset the person was at, so the
local clock time (which decides the diary day) is rebuilt exactly even after travelling.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crampcheck.diary.bounds import check_start
from crampcheck.errors import InvalidValue

_AGO_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|m|min)", re.IGNORECASE)
_AGO_UNITS = {"d": "days", "h": "hours", "m": "minutes", "min": "minutes"}


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone called `name`; ValueError names what is allowed when it is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise InvalidValue(
            "unknown time zone {name}; use an IANA name such as Europe/Berlin", name=repr(name)
        ) from error


def machine_zone() -> tzinfo:
    """The computer's time zone, as an IANA zone when it can be found (DST-correct back-dating),
    else the current fixed offset."""
    for name in (os.environ.get("TZ", "").lstrip(":"), _etc_timezone(), _etc_localtime()):
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    fixed = datetime.now().astimezone().tzinfo
    return fixed if fixed is not None else UTC


def _etc_timezone() -> str:
    try:
        return Path("/etc/timezone").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _etc_localtime() -> str:
    target = os.path.realpath("/etc/localtime")
    _, found, name = target.partition("zoneinfo/")
    return name if found else ""


def zone_name(zone: tzinfo) -> str | None:
    """The IANA name of a zone, or None for a bare offset."""
    return zone.key if isinstance(zone, ZoneInfo) else None


def parse_start(text: str, zone: tzinfo) -> datetime:
    """An aware date-time from ISO 8601 text; without an offset it is local time in `zone`.
    InvalidValue unless it lies between 1900-01-01 and now + 1 day (`bounds.check_start`)."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidValue(
            "not an ISO 8601 date-time: {text} (e.g. 2026-03-14T03:20 or "
            "2026-03-14T03:20:00+01:00)",
            text=repr(text),
        ) from error
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return check_start(parsed)


def parse_ago(text: str) -> timedelta:
    """A duration such as ``2h``, ``45m``, ``1h30m`` or ``1d`` (how long ago a cramp began)."""
    compact = text.strip().replace(" ", "")
    parts = _AGO_PART.findall(compact)
    if not parts or "".join(f"{n}{u}" for n, u in parts).lower() != compact.lower():
        raise InvalidValue("not a duration: {text}; use e.g. 2h, 45m, 1h30m or 1d", text=repr(text))
    total = timedelta()
    try:
        for number, unit in parts:
            total += timedelta(**{_AGO_UNITS[unit.lower()]: float(number)})
    except OverflowError:  # more days than a calendar holds
        total = timedelta.max
    return total


def to_storage(start: datetime) -> tuple[datetime, int]:
    """An aware start as (naive UTC instant, UTC offset in minutes) for the database."""
    offset = start.utcoffset()
    if offset is None:
        raise ValueError("start time needs a time zone")
    try:
        utc = start.astimezone(UTC).replace(tzinfo=None)
    except OverflowError as error:  # 0001-01-01T00:00+14:00 is before the first UTC instant
        raise check_start_error(start) from error
    return utc, round(offset.total_seconds() / 60)


def check_start_error(start: datetime) -> ValueError:
    """The error `bounds.check_start` gives for `start` (which is out of bounds)."""
    try:
        check_start(start)
    except ValueError as error:
        return error
    return ValueError("start time out of range")


def from_storage(start_utc: datetime, offset_minutes: int) -> datetime:
    """The aware local start a person saw on their clock, rebuilt from storage.

    Never fails: a stored offset that no zone has, or an instant at the very edge of the
    calendar (saved before the entrances were bounded), gives the start in UTC instead."""
    instant = start_utc.replace(tzinfo=UTC)
    try:
        return instant.astimezone(timezone(timedelta(minutes=offset_minutes)))
    except (OverflowError, ValueError):
        return instant
