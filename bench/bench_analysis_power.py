"""Coverage and detection of the diary and experiment analyses on simulated data.

Prints, for diaries of 60/90/180/365 days (baseline 3 cramps/week, 90% check-ins, yes/no
factors with true ratios 2, 1 and 0.5), the 95% interval coverage of the true ratio and the
share of runs whose interval excludes 1; then the same for N-of-1 experiments.
Run: PYTHONPATH=src python bench/bench_analysis_power.py [runs]
"""

from __future__ import annotations

import sys
import time

from crampcheck.analysis.performance import experiment_performance, factor_performance
from crampcheck.analysis.planning import blocks_needed


def main(runs: int) -> None:
    started = time.perf_counter()
    print(f"Diary factors ({runs} simulated diaries per length)")
    print(f"{'days':>5} {'factor':<10} {'true':>5} {'coverage':>9} {'detected':>9}")
    for n_days in (60, 90, 180, 365):
        for row in factor_performance(n_days, runs, seed=10_000 + n_days):
            print(
                f"{n_days:>5} {row.label:<10} {row.true_ratio:>5.2f} "
                f"{row.coverage:>9.3f} {row.detection:>9.3f}"
            )
    print(f"\nN-of-1 experiments, 14-day periods, 3 cramps/week ({runs} runs each)")
    print(f"{'blocks':>6} {'true':>5} {'coverage':>9} {'detected':>9} {'mean P(a better)':>17}")
    cases = [(4, 1.0), (4, 0.7), (blocks_needed(3.0, 14, 0.3), 0.7), (4, 0.5)]
    cases.append((blocks_needed(3.0, 14, 0.5), 0.5))
    for blocks, ratio in cases:
        result = experiment_performance(blocks, 14, ratio, runs, seed=20_000 + blocks)
        probability = result.mean_probability_a_better or float("nan")
        print(
            f"{blocks:>6} {ratio:>5.2f} {result.coverage:>9.3f} "
            f"{result.detection:>9.3f} {probability:>17.3f}"
        )
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
