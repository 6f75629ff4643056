"""Time analyze_diary on a 10-year diary (~3,650 days, ~4,000 cramps, 10 factors).

Target: at most 1 s for the analysis itself (statsmodels' one-off import is printed apart).
Run: PYTHONPATH=src python bench/bench_analysis.py
"""

from __future__ import annotations

import time
from datetime import date

from crampcheck.analysis.inputs import DiaryData, MedicationPeriod
from crampcheck.analysis.simulation import simulate_diary

NUMERIC = (
    "fluid_litres",
    "alcohol_units",
    "caffeine_cups",
    "exercise_minutes",
    "exercise_intensity",
    "sleep_hours",
)
EFFECTS = {"stretched_before_bed": 0.8, "doubles": 2.0, "no_effect": 1.0, "halves": 0.5}


def main() -> None:
    started = time.perf_counter()
    import statsmodels.api  # noqa: F401 - the one-off import, timed on its own

    from crampcheck.analysis.diary import analyze_diary
    from crampcheck.analysis.plots import plot_factor_forest
    from crampcheck.i18n import load_translator

    print(f"import (numpy, statsmodels): {time.perf_counter() - started:.2f} s")
    diary = simulate_diary(
        3653,
        seed=10,
        baseline_per_week=8.0,
        effects=EFFECTS,
        numeric_factors=NUMERIC,
        checkin_probability=1.0,
    )
    medications = [MedicationPeriod("magnesium", date(2027, 3, 1), date(2028, 1, 1))]
    diary = DiaryData(diary.checkins, diary.episodes, medications)
    print(f"diary: {len(diary.checkins)} days, {len(diary.episodes)} cramps, 10 factors")
    english = load_translator("en")
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        analysis = analyze_diary(diary, translator=english)
        timings.append(time.perf_counter() - started)
    print(f"analyze_diary: best {min(timings):.3f} s, worst {max(timings):.3f} s (target <= 1 s)")
    print(f"factor rows: {len(analysis.factors)} (with lags)")
    started = time.perf_counter()
    plot_factor_forest(analysis, translator=english)
    print(f"forest plot (SVG): {time.perf_counter() - started:.3f} s")


if __name__ == "__main__":
    main()
