"""Adding, finding, changing and removing cramp episodes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crampcheck.analysis.inputs import diary_day_of
from crampcheck.diary.bounds import check_start, check_text, is_storable_id
from crampcheck.diary.records import EPISODE_FIELDS, EpisodeRecord
from crampcheck.diary.times import to_storage
from crampcheck.errors import FieldError, InputError, field_error, field_error_from
from crampcheck.storage.models import EpisodeRow

# Local time is at most 14 h from UTC and a diary day starts at 06:00: a margin of two days
# around the wanted range is enough to find every episode by its UTC start.
_UTC_MARGIN = timedelta(days=2)


def add_episode(session: Session, record: EpisodeRecord) -> EpisodeRow:
    """Store a new cramp; InputError if one with the same start is already stored, or if its
    start or free text is out of bounds (`diary.bounds`)."""
    _check_fields({"start": record.start, "helped": record.helped, "notes": record.notes})
    columns = record.columns()
    existing = session.scalar(
        select(EpisodeRow).where(EpisodeRow.start_utc == columns["start_utc"])
    )
    if existing is not None:
        raise InputError(
            [
                field_error(
                    "start",
                    "a cramp starting then is already in the diary (id {id})",
                    id=existing.id,
                )
            ]
        )
    row = EpisodeRow(**columns)
    session.add(row)
    session.flush()
    return row


def latest_episode(session: Session) -> EpisodeRow | None:
    """The most recent cramp, whose muscle and side a quick new entry carries forward."""
    return session.scalar(select(EpisodeRow).order_by(EpisodeRow.start_utc.desc()).limit(1))


def get_episode(session: Session, episode_id: int) -> EpisodeRow:
    """The episode with this id; InputError if there is none (also for ids no row can have)."""
    row = session.get(EpisodeRow, episode_id) if is_storable_id(episode_id) else None
    if row is None:
        raise InputError(
            [field_error("id", "no cramp with id {id}; see `diary list`", id=episode_id)]
        )
    return row


def update_episode(session: Session, episode_id: int, changes: Mapping[str, Any]) -> EpisodeRow:
    """Change the given fields (`start` an aware datetime, `time_zone`, or episode fields)."""
    row = get_episode(session, episode_id)
    _check_fields(changes)
    for name, value in changes.items():
        if name == "start":
            start_utc, offset = to_storage(value)
            clash = session.scalar(
                select(EpisodeRow.id).where(
                    EpisodeRow.start_utc == start_utc, EpisodeRow.id != episode_id
                )
            )
            if clash is not None:
                raise InputError(
                    [field_error("start", "another cramp (id {id}) starts at that time", id=clash)]
                )
            row.start_utc, row.utc_offset_minutes = start_utc, offset
        elif name in (*EPISODE_FIELDS, "time_zone"):
            setattr(row, name, value)
        else:
            raise InputError([field_error(name, "not a field of a cramp episode")])
    session.flush()
    return row


def _check_fields(values: Mapping[str, Any]) -> None:
    """InputError naming every field whose value is out of bounds: the start (1900-01-01 to
    now + 1 day) and the free texts (no NUL, not too long)."""
    problems: list[FieldError] = []
    for name, value in values.items():
        try:
            if name == "start" and isinstance(value, datetime):
                check_start(value)
            elif name in ("helped", "notes") and isinstance(value, str):
                check_text(value)
        except ValueError as error:
            problems.append(field_error_from(name, error))
    if problems:
        raise InputError(problems)


def delete_episode(session: Session, episode_id: int) -> None:
    """Remove one cramp; InputError if there is none with this id."""
    session.delete(get_episode(session, episode_id))
    session.flush()


def list_episodes(
    session: Session, first_day: date | None = None, last_day: date | None = None
) -> list[EpisodeRow]:
    """Stored episodes (rows) whose diary day lies in [first_day, last_day], oldest first."""
    query = select(EpisodeRow).order_by(EpisodeRow.start_utc)
    if first_day is not None:
        query = query.where(EpisodeRow.start_utc >= _shifted(_midnight(first_day), -_UTC_MARGIN))
    if last_day is not None:
        query = query.where(EpisodeRow.start_utc < _shifted(_midnight(last_day), 2 * _UTC_MARGIN))
    rows = session.scalars(query).all()
    return [row for row in rows if _within(EpisodeRecord.from_row(row).start, first_day, last_day)]


def _shifted(moment: datetime, delta: timedelta) -> datetime:
    # A range from 0001-01-01 or to 9999-12-31 is "everything": held at the calendar's ends.
    try:
        return moment + delta
    except OverflowError:
        return datetime.min if delta < timedelta(0) else datetime.max


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _within(local_start: datetime, first_day: date | None, last_day: date | None) -> bool:
    day = diary_day_of(local_start)
    return (first_day is None or day >= first_day) and (last_day is None or day <= last_day)
