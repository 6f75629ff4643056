"""Medication periods: when the person started and stopped taking something."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from crampcheck.diary.bounds import MAX_NAME, check_day, check_text
from crampcheck.errors import InputError, field_error, field_error_from
from crampcheck.storage.models import MedicationRow


def start_medication(session: Session, name: str, started: date) -> MedicationRow:
    """Record that the person started taking `name` on `started` (1900-01-01 to tomorrow)."""
    cleaned = _checked_name(name)
    _check_date(started)
    if not cleaned:
        raise InputError([field_error("name", "a medication needs a name")])
    if _open_period(session, cleaned) is not None:
        raise InputError(
            [field_error("name", "{name} is already being taken; stop it first", name=cleaned)]
        )
    row = MedicationRow(name=cleaned, started=started)
    session.add(row)
    session.flush()
    return row


def stop_medication(session: Session, name: str, stopped: date) -> MedicationRow:
    """Close the open period of `name` on `stopped` (from its start to tomorrow)."""
    _check_date(stopped)
    row = _open_period(session, _checked_name(name))
    if row is None:
        raise InputError(
            [field_error("name", "{name} is not being taken; see `diary meds list`", name=name)]
        )
    if row.started is not None and stopped < row.started:
        raise InputError(
            [
                field_error(
                    "date",
                    "must be on or after the start, {start}",
                    start=row.started.isoformat(),
                )
            ]
        )
    row.stopped = stopped
    session.flush()
    return row


def _checked_name(name: str) -> str:
    try:
        return check_text(name.strip(), MAX_NAME)
    except ValueError as error:
        raise InputError([field_error_from("name", error)]) from error


def _check_date(day: date) -> None:
    try:
        check_day(day)
    except ValueError as error:
        raise InputError([field_error_from("date", error)]) from error


def list_medications(session: Session) -> list[MedicationRow]:
    """Every medication period, oldest first."""
    query = select(MedicationRow).order_by(MedicationRow.started, MedicationRow.id)
    return list(session.scalars(query).all())


def _open_period(session: Session, name: str) -> MedicationRow | None:
    query = select(MedicationRow).where(MedicationRow.name == name, MedicationRow.stopped.is_(None))
    return session.scalars(query).first()
