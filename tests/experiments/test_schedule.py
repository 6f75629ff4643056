"""Randomised block schedules: every block holds one period of a and one of b."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crampcheck.errors import InputError
from crampcheck.experiments import WASHOUT, plan_schedule


@given(
    period_days=st.integers(1, 14),
    blocks=st.integers(1, 8),
    washout_days=st.integers(0, 5),
    seed=st.integers(0, 2**31),
)
def test_each_block_holds_one_period_of_a_and_one_of_b(
    period_days: int, blocks: int, washout_days: int, seed: int
) -> None:
    start = date(2026, 1, 5)
    schedule = plan_schedule(start, period_days, blocks, washout_days, seed)
    assert [entry.day for entry in schedule] == [
        start + timedelta(days=n) for n in range(len(schedule))
    ]
    options = [entry.option for entry in schedule if entry.option != WASHOUT]
    periods = [options[n : n + period_days] for n in range(0, len(options), period_days)]
    assert all(len(set(period)) == 1 for period in periods)
    firsts = [period[0] for period in periods]
    assert all(sorted(firsts[n : n + 2]) == ["a", "b"] for n in range(0, len(firsts), 2))
    washouts = sum(entry.option == WASHOUT for entry in schedule)
    assert washouts == (2 * blocks - 1) * washout_days
    assert schedule[-1].option != WASHOUT


def test_the_same_seed_gives_the_same_schedule_and_seeds_differ() -> None:
    start = date(2026, 1, 5)
    assert plan_schedule(start, 3, 6, 1, 42) == plan_schedule(start, 3, 6, 1, 42)
    orders = {tuple(e.option for e in plan_schedule(start, 1, 6, 0, seed)) for seed in range(20)}
    assert len(orders) > 1


def test_impossible_plans_name_the_field() -> None:
    with pytest.raises(InputError) as caught:
        plan_schedule(date(2026, 1, 5), 0, 0, -1, 1)
    assert [problem.path for problem in caught.value.errors] == [
        "period_days",
        "blocks",
        "washout_days",
    ]
