"""Synthetic diaries with known effects, for the simulation tests and the benchmarks.

Each calendar day gets a check-in with probability `checkin_probability`; yes/no factors are
true with probability `prevalence` independently of each other; the day's cramp count is
Poisson with mean baseline/7 times the effect of every true factor (optionally times a
Gamma day-level frailty with variance `frailty_variance`, which makes the counts negative
binomial). Cramps get a random local start within their diary day (06:00 to 06:00).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta, timezone

import numpy as np

from crampcheck.analysis.inputs import CheckIn, DiaryData, Episode, FactorValue

DEFAULT_EFFECTS: Mapping[str, float] = {"doubles": 2.0, "no_effect": 1.0, "halves": 0.5}
LOCAL_ZONE = timezone(timedelta(hours=1))


def simulate_diary(
    n_days: int,
    seed: int,
    baseline_per_week: float = 3.0,
    effects: Mapping[str, float] = DEFAULT_EFFECTS,
    prevalence: float = 0.5,
    checkin_probability: float = 0.9,
    frailty_variance: float = 0.0,
    numeric_factors: Sequence[str] = (),
    first_day: date = date(2024, 1, 1),
) -> DiaryData:
    """A diary of `n_days` calendar days; `numeric_factors` are recorded but have no effect."""
    rng = np.random.default_rng(seed)
    checkins: list[CheckIn] = []
    episodes: list[Episode] = []
    for offset in range(n_days):
        day = first_day + timedelta(days=offset)
        factors: dict[str, FactorValue] = {
            name: bool(rng.random() < prevalence) for name in effects
        }
        factors.update({name: _numeric_value(name, rng) for name in numeric_factors})
        mean = baseline_per_week / 7.0
        mean *= float(np.prod([effects[name] for name in effects if factors[name]]))
        if frailty_variance > 0:
            mean *= rng.gamma(1.0 / frailty_variance, frailty_variance)
        episodes += [_episode(day, rng) for _ in range(int(rng.poisson(mean)))]
        if rng.random() < checkin_probability:
            checkins.append(CheckIn(day=day, factors=factors))
    return DiaryData(checkins=checkins, episodes=episodes)


def _episode(day: date, rng: np.random.Generator) -> Episode:
    minutes_into_day = int(rng.integers(0, 24 * 60))
    start = datetime.combine(day, time(6, 0), LOCAL_ZONE) + timedelta(minutes=minutes_into_day)
    return Episode(local_start=start, duration_minutes=float(rng.integers(1, 10)))


def _numeric_value(name: str, rng: np.random.Generator) -> float:
    if name == "exercise_intensity":
        return float(rng.integers(0, 4))
    if name == "alcohol_units":
        return float(rng.poisson(0.8))
    if name == "exercise_minutes":
        return float(rng.choice([0, 0, 20, 30, 45, 60]))
    return round(float(rng.gamma(4.0, 0.5)), 1)


def simulate_schedule(
    blocks: int,
    period_days: int,
    seed: int,
    washout_days: int = 0,
    first_day: date = date(2025, 1, 6),
) -> list[tuple[date, str]]:
    """A randomised schedule: each block one period of A and one of B in random order."""
    rng = np.random.default_rng(seed)
    schedule: list[tuple[date, str]] = []
    day = first_day
    for _ in range(blocks):
        order = ("a", "b") if rng.random() < 0.5 else ("b", "a")
        for option in order:
            for _ in range(washout_days):
                schedule.append((day, "washout"))
                day += timedelta(days=1)
            for _ in range(period_days):
                schedule.append((day, option))
                day += timedelta(days=1)
    return schedule


def simulate_experiment_diary(
    schedule: Sequence[tuple[date, str]],
    seed: int,
    baseline_per_week: float = 3.0,
    ratio_a: float = 1.0,
    checkin_probability: float = 0.9,
) -> DiaryData:
    """Cramps for a schedule: B days at the baseline rate, A days at `ratio_a` times it."""
    rng = np.random.default_rng(seed)
    checkins: list[CheckIn] = []
    episodes: list[Episode] = []
    for day, option in schedule:
        mean = baseline_per_week / 7.0 * (ratio_a if option == "a" else 1.0)
        episodes += [_episode(day, rng) for _ in range(int(rng.poisson(mean)))]
        if rng.random() < checkin_probability:
            checkins.append(CheckIn(day=day))
    return DiaryData(checkins=checkins, episodes=episodes)
