"""How well the analysis recovers known effects from simulated diaries (tests and benchmarks).

Coverage: the share of runs whose 95% interval contains the true ratio. Detection: the share
of runs whose interval excludes 1. Runs without enough data count as not covering and not
detecting, so thin diaries are not flattered. Seeds are fixed: results are reproducible.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from crampcheck.analysis.diary import analyze_diary
from crampcheck.analysis.experiment import analyze_experiment
from crampcheck.analysis.simulation import (
    DEFAULT_EFFECTS,
    simulate_diary,
    simulate_experiment_diary,
    simulate_schedule,
)
from crampcheck.i18n import load_translator


@dataclass(frozen=True)
class Performance:
    """Coverage and detection of one true ratio over `runs` simulated diaries."""

    label: str
    true_ratio: float
    runs: int
    estimated: int
    coverage: float
    detection: float
    mean_probability_a_better: float | None = None


def factor_performance(
    n_days: int,
    runs: int,
    seed: int = 0,
    effects: Mapping[str, float] = DEFAULT_EFFECTS,
    frailty_variance: float = 0.0,
) -> list[Performance]:
    """Coverage and detection for each simulated yes/no factor in diaries of `n_days`."""
    hits = {name: [0, 0, 0] for name in effects}  # estimated, covered, detected
    english = load_translator("en")  # only the numbers are used
    for run in range(runs):
        diary = simulate_diary(
            n_days, seed + run, effects=effects, frailty_variance=frailty_variance
        )
        rows = {
            row.factor: row
            for row in analyze_diary(diary, translator=english).factors
            if row.lag == 0
        }
        for name, truth in effects.items():
            row = rows.get(name)
            if row is None or row.ci_low is None or row.ci_high is None:
                continue
            hits[name][0] += 1
            hits[name][1] += row.ci_low <= truth <= row.ci_high
            hits[name][2] += not row.ci_low <= 1.0 <= row.ci_high
    return [
        Performance(name, effects[name], runs, estimated, covered / runs, detected / runs)
        for name, (estimated, covered, detected) in hits.items()
    ]


def experiment_performance(
    blocks: int,
    period_days: int,
    ratio_a: float,
    runs: int,
    seed: int = 0,
    baseline_per_week: float = 3.0,
) -> Performance:
    """Credible-interval coverage, detection and mean probability_a_better of experiments."""
    estimated = covered = detected = 0
    probabilities = 0.0
    english = load_translator("en")  # only the numbers are used
    for run in range(runs):
        schedule = simulate_schedule(blocks, period_days, seed + run)
        diary = simulate_experiment_diary(
            schedule, seed + run, baseline_per_week=baseline_per_week, ratio_a=ratio_a
        )
        answer = analyze_experiment(schedule, diary, as_of=schedule[-1][0], translator=english)
        if answer.ci_low is None or answer.ci_high is None:
            continue
        estimated += 1
        covered += answer.ci_low <= ratio_a <= answer.ci_high
        detected += not answer.ci_low <= 1.0 <= answer.ci_high
        probabilities += answer.probability_a_better or 0.0
    return Performance(
        label=f"{blocks} blocks of 2 x {period_days} days",
        true_ratio=ratio_a,
        runs=runs,
        estimated=estimated,
        coverage=covered / runs,
        detection=detected / runs,
        mean_probability_a_better=probabilities / estimated if estimated else None,
    )
