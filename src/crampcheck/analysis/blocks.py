"""The block structure of an N-of-1 schedule: periods of A and B, which blocks are complete.

A schedule is one entry per day: "a", "b" or "washout". A period is a run of days with the
same option; two periods of the same option can touch across a block boundary (A B | B A),
so runs are cut into periods of the schedule's period length (the greatest common divisor of
the run lengths unless given). Consecutive periods pair into blocks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from crampcheck.errors import InputError, field_error

OPTIONS = ("a", "b", "washout")


@dataclass(frozen=True)
class Period:
    option: str
    first: date
    last: date


@dataclass(frozen=True)
class BlockCount:
    period_days: int
    planned: int
    completed: int


def check_schedule(schedule: Sequence[tuple[date, str]]) -> list[tuple[date, str]]:
    """The schedule sorted by date; InputError for an unknown option or a repeated day."""
    problems = [
        field_error(
            f"schedule[{index}].option",
            "{option} is not one of a, b, washout",
            option=f"'{option}'",
        )
        for index, (_, option) in enumerate(schedule)
        if option not in OPTIONS
    ]
    days = [day for day, _ in schedule]
    if len(set(days)) != len(days):
        problems.append(field_error("schedule", "each day may appear only once"))
    if problems:
        raise InputError(problems)
    return sorted(schedule)


def periods(schedule: Sequence[tuple[date, str]], period_days: int | None = None) -> list[Period]:
    """A and B periods in date order (washout days and gaps end a run)."""
    runs = _runs(schedule)
    length = period_days or _common_length(runs)
    cut = []
    for run in runs:
        total = (run.last - run.first).days + 1
        for start in range(0, total, length):
            first = run.first + timedelta(days=start)
            last = min(run.last, first + timedelta(days=length - 1))
            cut.append(Period(run.option, first, last))
    return cut


def count_blocks(
    schedule: Sequence[tuple[date, str]], observed_until: date | None, period_days: int | None
) -> BlockCount:
    """Blocks planned and blocks whose two periods ended on or before `observed_until`."""
    cut = periods(schedule, period_days)
    length = period_days or _common_length(_runs(schedule))
    pairs = [cut[index : index + 2] for index in range(0, len(cut) - 1, 2)]
    blocks = [pair for pair in pairs if {period.option for period in pair} == {"a", "b"}]
    completed = sum(
        1
        for pair in blocks
        if observed_until is not None and max(period.last for period in pair) <= observed_until
    )
    return BlockCount(period_days=length, planned=len(blocks), completed=completed)


def _runs(schedule: Sequence[tuple[date, str]]) -> list[Period]:
    runs: list[Period] = []
    for day, option in sorted(schedule):
        if option == "washout":
            continue
        previous = runs[-1] if runs else None
        if previous and previous.option == option and previous.last + timedelta(days=1) == day:
            runs[-1] = Period(option, previous.first, day)
        else:
            runs.append(Period(option, day, day))
    return runs


def _common_length(runs: Sequence[Period]) -> int:
    lengths = [(run.last - run.first).days + 1 for run in runs]
    return math.gcd(*lengths) if lengths else 1
