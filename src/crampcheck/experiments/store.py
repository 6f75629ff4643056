"""Saving and finding experiments and their day-by-day schedules."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crampcheck.diary.bounds import MAX_NAME, MAX_TEXT, PLAN_AHEAD, check_day, check_text
from crampcheck.errors import InputError, field_error, field_error_from
from crampcheck.experiments.schedule import ScheduleDay, plan_schedule
from crampcheck.storage.models import ExperimentDayRow, ExperimentRow

MAX_ID_LENGTH = 32  # the column's size: a longer id names no experiment


def create_experiment(
    session: Session,
    *,
    name: str,
    option_a: str,
    option_b: str,
    period_days: int,
    blocks: int,
    washout_days: int,
    start: date,
    seed: int,
) -> ExperimentRow:
    """Plan and store an experiment; its id is short and random, easy to type. InputError
    when a text is not storable (NUL, too long) or the start is not from 1900-01-01 to a
    year ahead."""
    _check_plan(name=name, option_a=option_a, option_b=option_b, start=start)
    schedule = plan_schedule(start, period_days, blocks, washout_days, seed)
    row = ExperimentRow(
        id=secrets.token_hex(4),
        name=name,
        option_a=option_a,
        option_b=option_b,
        period_days=period_days,
        blocks=blocks,
        washout_days=washout_days,
        start=start,
        seed=seed,
        created=datetime.now(UTC).replace(tzinfo=None, microsecond=0),
        days=[ExperimentDayRow(day=entry.day, option=entry.option) for entry in schedule],
    )
    session.add(row)
    session.flush()
    return row


def _check_plan(*, name: str, option_a: str, option_b: str, start: date) -> None:
    problems = []
    texts = {"name": (name, MAX_NAME), "a": (option_a, MAX_TEXT), "b": (option_b, MAX_TEXT)}
    for field, (text, limit) in texts.items():
        try:
            check_text(text, limit)
        except ValueError as error:
            problems.append(field_error_from(field, error))
    try:
        check_day(start, ahead=PLAN_AHEAD)
    except ValueError as error:
        problems.append(field_error_from("start", error))
    if problems:
        raise InputError(problems)


def list_experiments(session: Session) -> list[ExperimentRow]:
    """Every experiment, newest first."""
    query = select(ExperimentRow).order_by(ExperimentRow.created.desc(), ExperimentRow.id)
    return list(session.scalars(query).all())


def get_experiment(session: Session, experiment_id: str) -> ExperimentRow:
    """The experiment with this id; InputError if there is none."""
    storable = len(experiment_id) <= MAX_ID_LENGTH and "\x00" not in experiment_id
    row = session.get(ExperimentRow, experiment_id) if storable else None
    if row is None:
        unknown = field_error(
            "id", "no experiment with id {id}; see `experiment list`", id=repr(experiment_id)
        )
        raise InputError([unknown])
    return row


def schedule_of(row: ExperimentRow) -> list[ScheduleDay]:
    """The stored day-by-day schedule of an experiment, in date order."""
    return [ScheduleDay(day.day, day.option) for day in row.days]


def experiment_document(row: ExperimentRow) -> dict[str, Any]:
    """An experiment as JSON (the spec's `id` and `schedule`, plus its plan)."""
    return {
        "id": row.id,
        "name": row.name,
        "a": row.option_a,
        "b": row.option_b,
        "period_days": row.period_days,
        "blocks": row.blocks,
        "washout_days": row.washout_days,
        "start": row.start.isoformat(),
        "seed": row.seed,
        "created": row.created.isoformat() + "Z",
        "schedule": [
            {"date": entry.day.isoformat(), "option": entry.option} for entry in schedule_of(row)
        ],
    }
