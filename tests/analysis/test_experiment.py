"""analyze_experiment: exact answers on small cases, thin data, and simulated behaviour.

Simulated (baseline 3 cramps/week, 90% check-ins, periods of 14 days, 200 runs each):
* no effect, 4 blocks: credible-interval coverage 0.945, mean probability_a_better 0.52;
* true ratio 0.7, 4 blocks: coverage 0.96 (detected in only 0.18 of runs: too few blocks);
* true ratio 0.5 over blocks_needed(3, 14, 0.5) = 9 blocks: coverage 0.965, interval
  excludes 1 in 0.85 of runs, mean probability_a_better 0.98.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from crampcheck.analysis.experiment import analyze_experiment
from crampcheck.analysis.inputs import CheckIn, DiaryData
from crampcheck.analysis.performance import experiment_performance
from crampcheck.errors import InputError

from .helpers import ENGLISH, cramp_on

START = date(2026, 2, 2)


def plan(*options: str) -> list[tuple[date, str]]:
    return [(START + timedelta(days=index), option) for index, option in enumerate(options)]


def diary_for(schedule: list[tuple[date, str]], cramps: dict[str, int]) -> DiaryData:
    """A check-in every day and `cramps[option]` cramps on each day of that option."""
    checkins = [CheckIn(day=day) for day, _ in schedule]
    episodes = [cramp_on(day) for day, option in schedule for _ in range(cramps.get(option, 0))]
    return DiaryData(checkins=checkins, episodes=episodes)


def test_counts_ratio_and_exact_posterior() -> None:
    schedule = plan(*(["a"] * 10 + ["washout"] * 3 + ["b"] * 10))
    answer = analyze_experiment(
        schedule, diary_for(schedule, {"a": 1, "b": 2, "washout": 5}), translator=ENGLISH
    )
    assert (answer.days_a, answer.days_b, answer.washout_days) == (10, 10, 3)
    assert (answer.episodes_a, answer.episodes_b) == (10, 20)
    assert answer.rate_ratio == pytest.approx(0.5)
    assert answer.enough_data and answer.blocks_completed == 1
    # Monte Carlo check of the exact Beta-prime formulas.
    rng = np.random.default_rng(7)
    shape, rate = answer.prior.shape, answer.prior.rate
    ratio = rng.gamma(shape + 10, 1 / (rate + 10), 400_000) / rng.gamma(
        shape + 20, 1 / (rate + 10), 400_000
    )
    assert answer.probability_a_better == pytest.approx(float(np.mean(ratio < 1)), abs=0.005)
    assert answer.ci_low == pytest.approx(float(np.quantile(ratio, 0.025)), rel=0.02)
    assert answer.ci_high == pytest.approx(float(np.quantile(ratio, 0.975)), rel=0.02)
    assert "one person" in answer.verdict


def test_prior_is_stated_and_centred_on_pooled_rate() -> None:
    schedule = plan(*(["a"] * 7 + ["b"] * 7))
    answer = analyze_experiment(schedule, diary_for(schedule, {"a": 1, "b": 1}), translator=ENGLISH)
    assert answer.prior.mean_per_week == pytest.approx(7.0)
    assert "pooled" in answer.prior.description


def test_no_cramps_on_b_days_reports_posterior_median() -> None:
    schedule = plan(*(["a"] * 7 + ["b"] * 7))
    answer = analyze_experiment(schedule, diary_for(schedule, {"a": 1}), translator=ENGLISH)
    assert answer.rate_ratio_estimate == "posterior median"
    assert answer.probability_a_better is not None and answer.probability_a_better < 0.05
    assert answer.rate_ratio is not None and answer.rate_ratio > 1


@pytest.mark.parametrize(
    "data",
    [DiaryData(checkins=[], episodes=[]), DiaryData(checkins=[CheckIn(day=START)], episodes=[])],
    ids=["empty", "first-day-only"],
)
def test_no_complete_block_gives_nulls(data: DiaryData) -> None:
    answer = analyze_experiment(plan(*(["a"] * 7 + ["b"] * 7)), data, translator=ENGLISH)
    assert answer.enough_data is False
    assert (answer.rate_ratio, answer.ci_low, answer.ci_high) == (None, None, None)
    assert answer.probability_a_better is None
    assert "Not enough data" in answer.verdict


def test_incomplete_blocks_are_mentioned() -> None:
    schedule = plan(*(["a"] * 7 + ["b"] * 7 + ["b"] * 7 + ["a"] * 7))
    answer = analyze_experiment(
        schedule, diary_for(schedule[:14], {"a": 1, "b": 2}), translator=ENGLISH
    )
    assert (answer.blocks_planned, answer.blocks_completed) == (2, 1)
    assert answer.period_days == 7
    assert "1 of the 2 planned blocks" in answer.verdict


def test_unknown_option_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"schedule\[1\]\.option"):
        analyze_experiment(plan("a", "c"), DiaryData(checkins=[], episodes=[]), translator=ENGLISH)


def test_graded_verdicts() -> None:
    schedule = plan(*(["a"] * 14 + ["b"] * 14))
    clear = analyze_experiment(
        schedule, diary_for(schedule, {"a": 0, "b": 1}), a_label="stretch", translator=ENGLISH
    )
    assert "stretch likely helps" in clear.verdict
    same = analyze_experiment(schedule, diary_for(schedule, {"a": 1, "b": 1}), translator=ENGLISH)
    assert "No clear difference" in same.verdict


def test_no_effect_probability_near_half_and_coverage() -> None:
    result = experiment_performance(4, 14, ratio_a=1.0, runs=200, seed=100)
    assert 0.90 <= result.coverage <= 0.99
    assert result.mean_probability_a_better is not None
    assert 0.4 <= result.mean_probability_a_better <= 0.6


def test_real_halving_over_enough_blocks_is_found() -> None:
    result = experiment_performance(9, 14, ratio_a=0.5, runs=200, seed=200)
    assert 0.90 <= result.coverage <= 0.99
    assert result.mean_probability_a_better is not None
    assert result.mean_probability_a_better >= 0.9
    assert result.detection >= 0.75
