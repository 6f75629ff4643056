"""Randomised block schedules: each block holds one period of option a and one of option b,
in an order drawn from `random.Random(seed)`, with optional wash-out days between periods."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from crampcheck.errors import InputError, field_error, plural_field_error

OPTIONS = ("a", "b")
WASHOUT = "washout"
MAX_DAYS = 3660  # ten years: anything longer is a typo, not an experiment


@dataclass(frozen=True)
class ScheduleDay:
    """What to do on `day`: option "a", option "b", or "washout" (neither counts)."""

    day: date
    option: str


def plan_schedule(
    start: date, period_days: int, blocks: int, washout_days: int, seed: int
) -> list[ScheduleDay]:
    """One entry per day from `start`; the same arguments always give the same schedule.

    Wash-out days separate consecutive periods (also across blocks), none after the last.
    """
    _check(period_days, blocks, washout_days)
    rng = random.Random(seed)
    periods = [option for _ in range(blocks) for option in rng.sample(OPTIONS, k=len(OPTIONS))]
    options: list[str] = []
    for index, option in enumerate(periods):
        if index > 0:
            options.extend([WASHOUT] * washout_days)
        options.extend([option] * period_days)
    return [ScheduleDay(start + timedelta(days=n), option) for n, option in enumerate(options)]


def _check(period_days: int, blocks: int, washout_days: int) -> None:
    problems = []
    if period_days < 1:
        problems.append(
            field_error("period_days", "must be a whole number ≥ 1, got {value}", value=period_days)
        )
    if blocks < 1:
        problems.append(
            field_error("blocks", "must be a whole number ≥ 1, got {value}", value=blocks)
        )
    if washout_days < 0:
        problems.append(
            field_error(
                "washout_days", "must be a whole number ≥ 0, got {value}", value=washout_days
            )
        )
    total = blocks * 2 * period_days + (blocks * 2 - 1) * washout_days
    if not problems and total > MAX_DAYS:
        problems.append(
            plural_field_error(
                "blocks",
                "the schedule would last {count} day; at most {most}",
                "the schedule would last {count} days; at most {most}",
                count=total,
                most=MAX_DAYS,
            )
        )
    if problems:
        raise InputError(problems)
