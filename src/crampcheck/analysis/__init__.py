"""Statistics on a person's own cramp diary: rates, factor rate ratios, N-of-1 experiments.

Public API (loaded on first use, so importing this package stays light):

    analyze_diary(data, start=None, end=None, *, translator) -> DiaryAnalysis    (diary.py)
    analyze_experiment(schedule, data, ..., translator) -> ExperimentAnalysis   (experiment.py)
    blocks_needed(baseline_rate_per_week, period_days, ...) -> int              (planning.py)
    plot_weekly_rates / plot_factor_forest(analysis, png_path=None, *, translator) -> SVG text

Inputs are the plain types of `crampcheck.analysis.inputs` (DiaryData and friends). Every
sentence of an answer or chart is in the language of the `crampcheck.i18n.Translator` passed
in (`load_translator("en")` for English); numbers, field names and identifiers are not.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "DiaryAnalysis",
    "ExperimentAnalysis",
    "analyze_diary",
    "analyze_experiment",
    "blocks_needed",
    "plot_factor_forest",
    "plot_weekly_rates",
]

_HOMES = {
    "DiaryAnalysis": "diary",
    "analyze_diary": "diary",
    "ExperimentAnalysis": "experiment",
    "analyze_experiment": "experiment",
    "blocks_needed": "planning",
    "plot_factor_forest": "plots",
    "plot_weekly_rates": "plots",
}


def __getattr__(name: str) -> Any:
    # Lazy exports: numpy, scipy and statsmodels load only when an analysis is run.
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
