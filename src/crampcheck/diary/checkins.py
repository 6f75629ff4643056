"""Daily check-ins: the factors a person records for one diary day."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crampcheck.diary.bounds import check_day
from crampcheck.diary.fields import CHECKIN_COLUMNS, check_factor_name
from crampcheck.diary.records import CheckInValue, FactorValue
from crampcheck.errors import InputError, field_error_from
from crampcheck.storage.models import CheckInRow, CustomFactorRow


def record_checkin(
    session: Session,
    day: date,
    values: Mapping[str, CheckInValue],
    factors: Mapping[str, FactorValue | None],
) -> CheckInRow:
    """Create the day's check-in or update it: only the given fields change; a factor given
    as None is removed (not recorded). InputError when the day is out of bounds (1900-01-01
    to tomorrow) or a factor's name is not allowed."""
    try:
        check_day(day)
    except ValueError as error:
        raise InputError([field_error_from("date", error)]) from error
    for name in (name for name, value in factors.items() if value is not None):
        try:
            check_factor_name(name)
        except ValueError as error:
            raise InputError([field_error_from("factor", error)]) from error
    row = session.scalar(select(CheckInRow).where(CheckInRow.day == day))
    if row is None:
        row = CheckInRow(day=day)
        session.add(row)
    for name, value in values.items():
        if name not in CHECKIN_COLUMNS:
            raise ValueError(f"not a check-in field: {name}")
        setattr(row, name, value)
    by_name = {factor.name: factor for factor in row.factors}
    for name, factor_value in factors.items():
        _set_factor(row, by_name.get(name), name, factor_value)
    session.flush()
    return row


def _set_factor(
    row: CheckInRow, existing: CustomFactorRow | None, name: str, value: FactorValue | None
) -> None:
    if value is None:
        if existing is not None:
            row.factors.remove(existing)
        return
    factor = existing or CustomFactorRow(name=name)
    if existing is None:
        row.factors.append(factor)
    # bool is a subclass of int: test it first so true stays a flag, not the number 1.
    factor.flag, factor.number = (value, None) if isinstance(value, bool) else (None, float(value))


def list_checkins(
    session: Session, first_day: date | None = None, last_day: date | None = None
) -> list[CheckInRow]:
    """Check-ins for diary days in [first_day, last_day], oldest first, with their custom
    factors (loaded in one more query, not one per day)."""
    query = select(CheckInRow).options(selectinload(CheckInRow.factors)).order_by(CheckInRow.day)
    if first_day is not None:
        query = query.where(CheckInRow.day >= first_day)
    if last_day is not None:
        query = query.where(CheckInRow.day <= last_day)
    return list(session.scalars(query).all())
