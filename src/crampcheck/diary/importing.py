"""Importing episode and check-in CSV files: all-or-nothing, or skipping bad rows on request.

Everything is written in the caller's one transaction with bulk inserts (100,000 episodes in a
few seconds); a crash or a kill mid-way leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any, TypeVar

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from crampcheck.diary.csv_parsing import Advance, Parsed, parse_checkins, parse_episodes
from crampcheck.diary.csv_tables import CsvTable
from crampcheck.diary.fields import CHECKIN_COLUMNS
from crampcheck.diary.records import CheckInRecord, EpisodeRecord
from crampcheck.errors import FieldError, InputError
from crampcheck.storage.models import CheckInRow, CustomFactorRow, EpisodeRow

_CHUNK = 5000  # rows per executemany: big enough to be fast, small enough to show progress
_KEY_CHUNK = 500  # values per IN (...) list, well below every database's parameter limit
ItemT = TypeVar("ItemT")


@dataclass(frozen=True)
class ImportSummary:
    """What an import did; `skipped_problems` lists the bad cells of rows left out."""

    episodes_added: int = 0
    episodes_already_present: int = 0
    checkins_written: int = 0
    bad_rows: int = 0
    skipped_problems: list[FieldError] = field(default_factory=list)


def import_work(episodes: CsvTable | None, checkins: CsvTable | None) -> int:
    """How many progress steps `import_tables` reports: each row is read once and saved once."""
    return 2 * sum(len(table.rows) for table in (episodes, checkins) if table is not None)


def import_tables(
    session: Session,
    episodes: CsvTable | None,
    checkins: CsvTable | None,
    zone: tzinfo,
    skip_bad_rows: bool,
    advance: Advance,
) -> ImportSummary:
    """Validate both files, then save them; InputError listing every bad cell (file, line,
    column, what is allowed) when any row is bad and `skip_bad_rows` is false."""
    parsed_episodes = parse_episodes(episodes, zone, advance) if episodes else Parsed()
    parsed_checkins = parse_checkins(checkins, advance) if checkins else Parsed()
    problems = [*parsed_episodes.problems, *parsed_checkins.problems]
    if problems and not skip_bad_rows:
        raise InputError(problems)
    added, present = save_episodes(session, parsed_episodes.records, advance)
    written = save_checkins(session, parsed_checkins.records, advance)
    advance(parsed_episodes.bad_rows + parsed_checkins.bad_rows)
    return ImportSummary(
        episodes_added=added,
        episodes_already_present=present,
        checkins_written=written,
        bad_rows=parsed_episodes.bad_rows + parsed_checkins.bad_rows,
        skipped_problems=problems,
    )


def save_episodes(
    session: Session, records: Sequence[EpisodeRecord], advance: Advance
) -> tuple[int, int]:
    """Insert episodes whose start is not stored yet; returns (added, already present)."""
    rows = _unique_by_start(record.columns() for record in records)
    known = _stored_starts(session, [row["start_utc"] for row in rows])
    new_rows = [row for row in rows if row["start_utc"] not in known]
    connection = session.connection()
    for chunk in _chunks(new_rows, _CHUNK):
        connection.execute(insert(EpisodeRow), chunk)
        advance(len(chunk))
    advance(len(records) - len(new_rows))
    return len(new_rows), len(records) - len(new_rows)


def _unique_by_start(rows: Iterator[dict[str, Any]]) -> list[dict[str, Any]]:
    # Two rows for the same instant in one file are one cramp: the first one wins.
    unique: dict[datetime, dict[str, Any]] = {}
    for row in rows:
        unique.setdefault(row["start_utc"], row)
    return list(unique.values())


def _stored_starts(session: Session, starts: list[datetime]) -> set[datetime]:
    if not starts:
        return set()
    query = select(EpisodeRow.start_utc).where(
        EpisodeRow.start_utc >= min(starts), EpisodeRow.start_utc <= max(starts)
    )
    return set(session.scalars(query).all())


def save_checkins(session: Session, records: Sequence[CheckInRecord], advance: Advance) -> int:
    """Write check-ins; a day already stored is replaced by the file's row (the row is the
    day's whole record). Returns how many days were written."""
    days = [record.day for record in records]
    _delete_checkins(session, days)
    connection = session.connection()
    for chunk in _chunks(list(records), _CHUNK):
        connection.execute(insert(CheckInRow), [_checkin_columns(record) for record in chunk])
        ids = _checkin_ids(session, [record.day for record in chunk])
        factors = [
            {"checkin_id": ids[record.day], "name": name, **_factor_columns(value)}
            for record in chunk
            for name, value in record.factors.items()
        ]
        if factors:
            connection.execute(insert(CustomFactorRow), factors)
        advance(len(chunk))
    return len(records)


def _checkin_columns(record: CheckInRecord) -> dict[str, Any]:
    return {"day": record.day, **{name: record.values.get(name) for name in CHECKIN_COLUMNS}}


def _factor_columns(value: bool | float) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"flag": value, "number": None}
    return {"flag": None, "number": value}


def _delete_checkins(session: Session, days: list[date]) -> None:
    for chunk in _chunks(days, _KEY_CHUNK):
        ids = list(_checkin_ids(session, chunk).values())
        if ids:
            session.execute(delete(CustomFactorRow).where(CustomFactorRow.checkin_id.in_(ids)))
            session.execute(delete(CheckInRow).where(CheckInRow.id.in_(ids)))


def _checkin_ids(session: Session, days: list[date]) -> dict[date, int]:
    found: dict[date, int] = {}
    for chunk in _chunks(days, _KEY_CHUNK):
        query = select(CheckInRow.day, CheckInRow.id).where(CheckInRow.day.in_(chunk))
        found.update({row.day: row.id for row in session.execute(query)})
    return found


def _chunks(items: list[ItemT], size: int) -> Iterator[list[ItemT]]:
    for begin in range(0, len(items), size):
        yield items[begin : begin + size]
