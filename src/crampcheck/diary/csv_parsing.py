"""Turning CSV rows into validated diary records, collecting every problem with its line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import Any, Generic, TypeVar

from crampcheck.diary import fields
from crampcheck.diary.bounds import check_text
from crampcheck.diary.csv_tables import CsvTable
from crampcheck.diary.records import CheckInRecord, CheckInValue, EpisodeRecord, FactorValue
from crampcheck.diary.times import parse_start, zone_name, zone_named
from crampcheck.errors import FieldError, InvalidValue, Wording, from_wording
from crampcheck.i18n import gettext_noop

Advance = Callable[[int], None]

# Optional episode columns and how each is read; `time_zone` is our own extra column so an
# export keeps the zone a cramp was logged in.
_EPISODE_PARSERS: dict[str, Callable[[str], Any]] = {
    "duration_minutes": fields.parse_number,
    "muscle": lambda text: fields.parse_choice(text, fields.MUSCLES),
    "side": lambda text: fields.parse_choice(text, fields.SIDES),
    "severity": fields.parse_severity,
    "woke_from_sleep": fields.parse_bool,
    "helped": check_text,  # kept as written (no NUL, not too long)
    "notes": check_text,
}
_CHECKIN_PARSERS: dict[str, Callable[[str], CheckInValue]] = {
    **dict.fromkeys(fields.CHECKIN_NUMBERS, fields.parse_number),
    "exercise_intensity": lambda text: fields.parse_choice(text, fields.INTENSITIES),
    "stretched_before_bed": fields.parse_bool,
}
_PROGRESS_STEP = 1000

RecordT = TypeVar("RecordT")


@dataclass
class Parsed(Generic[RecordT]):
    """The good records of a file and one problem per bad cell; `bad_rows` counts rows."""

    records: list[RecordT] = field(default_factory=list)
    problems: list[FieldError] = field(default_factory=list)
    bad_rows: int = 0


# Where a problem is: a sentence itself, so that "line" and "column" are translated too.
CELL = gettext_noop("{file} line {line}, column {column}")


def _problem(table: CsvTable, line: int, column: str, error: ValueError) -> FieldError:
    cell = Wording(CELL, {"file": table.name, "line": line, "column": column})
    if isinstance(error, InvalidValue):
        return from_wording(cell.english(), error.wording, cell)
    return FieldError(cell.english(), str(error), path_wording=cell)


def _missing_column(table: CsvTable, column: str) -> Parsed[Any] | None:
    if column in table.header:
        return None
    error = InvalidValue("the header row must have a {column} column", column=repr(column))
    return Parsed(problems=[_problem(table, 1, column, error)], bad_rows=len(table.rows))


def parse_episodes(
    table: CsvTable, default_zone: tzinfo, advance: Advance
) -> Parsed[EpisodeRecord]:
    """Episode records from an episodes CSV; a start without offset is local time in the row's
    `time_zone` column if given, else in `default_zone`."""
    missing = _missing_column(table, "start")
    if missing is not None:
        return missing
    parsed: Parsed[EpisodeRecord] = Parsed()
    for index, (line, cells) in enumerate(table.rows, start=1):
        problems: list[FieldError] = []
        record = _episode(table, line, cells, default_zone, problems)
        _collect(parsed, record, problems)
        if index % _PROGRESS_STEP == 0:
            advance(_PROGRESS_STEP)
    advance(len(table.rows) % _PROGRESS_STEP)
    return parsed


def _collect(parsed: Parsed[RecordT], record: RecordT | None, problems: list[FieldError]) -> None:
    if problems or record is None:
        parsed.problems.extend(problems)
        parsed.bad_rows += 1
    else:
        parsed.records.append(record)


def _episode(
    table: CsvTable,
    line: int,
    cells: dict[str, str],
    default_zone: tzinfo,
    problems: list[FieldError],
) -> EpisodeRecord | None:
    values: dict[str, Any] = {}
    for column, parse in _EPISODE_PARSERS.items():
        text = (cells.get(column) or "").strip()
        if not text:
            continue
        try:
            values[column] = parse(text)
        except ValueError as error:
            problems.append(_problem(table, line, column, error))
    zone = default_zone
    zone_text = (cells.get("time_zone") or "").strip()
    if zone_text:
        try:
            zone = zone_named(zone_text)
        except ValueError as error:
            problems.append(_problem(table, line, "time_zone", error))
    start_text = (cells.get("start") or "").strip()
    if not start_text:
        required = InvalidValue("required: the date-time the cramp began")
        problems.append(_problem(table, line, "start", required))
        return None
    try:
        start = parse_start(start_text, zone)
    except ValueError as error:
        problems.append(_problem(table, line, "start", error))
        return None
    named = zone_name(zone) if zone_text or start.tzinfo is zone else None
    return EpisodeRecord(start=start, time_zone=named, **values)


def parse_checkins(table: CsvTable, advance: Advance) -> Parsed[CheckInRecord]:
    """Check-in records from a check-ins CSV: standard columns per the spec, any other column a
    custom factor (true/false or a number; empty: not recorded). One row per date."""
    missing = _missing_column(table, "date")
    if missing is not None:
        return missing
    parsed: Parsed[CheckInRecord] = Parsed()
    seen: dict[date, int] = {}
    for index, (line, cells) in enumerate(table.rows, start=1):
        problems: list[FieldError] = []
        record = _checkin(table, line, cells, problems)
        if record is not None and record.day in seen:
            twice = InvalidValue(
                "{day} is already given on line {line}",
                day=record.day.isoformat(),
                line=seen[record.day],
            )
            problems.append(_problem(table, line, "date", twice))
        elif record is not None:
            seen[record.day] = line
        _collect(parsed, record, problems)
        if index % _PROGRESS_STEP == 0:
            advance(_PROGRESS_STEP)
    advance(len(table.rows) % _PROGRESS_STEP)
    return parsed


def _checkin(
    table: CsvTable, line: int, cells: dict[str, str], problems: list[FieldError]
) -> CheckInRecord | None:
    values: dict[str, CheckInValue] = {}
    factors: dict[str, FactorValue] = {}
    for column, raw in cells.items():
        text = (raw or "").strip()
        if column == "date" or not column or not text:
            continue
        parse = _CHECKIN_PARSERS.get(column, fields.parse_factor_value)
        try:
            if column not in _CHECKIN_PARSERS:
                fields.check_factor_name(column)
            value = parse(text)
        except ValueError as error:
            problems.append(_problem(table, line, column, error))
            continue
        if column in _CHECKIN_PARSERS:
            values[column] = value
        else:
            assert isinstance(value, bool | float)
            factors[column] = value
    try:
        day = fields.parse_entry_day(cells.get("date") or "")
    except ValueError as error:
        problems.append(_problem(table, line, "date", error))
        return None
    return CheckInRecord(day=day, values=values, factors=factors)
