"""Rate ratios of check-in factors, with lags and a Holm adjustment for testing many at once.

How factors are compared (one row per counted diary day, exposure 1 day, see `countmodel`):

* true/false factors: rate on days it was true divided by the rate on days it was false.
* numeric factors (fluid, alcohol, exercise minutes, intensity 0-3, hours, custom numbers):
  rate on days *above the person's own median* divided by the rate on days at or below it.
  When no value lies above the median (the median is the largest value), days at or above the
  median are compared with days below it. A median split needs no assumption about the shape
  of a dose-response and reads the same for every unit; the threshold and wording are in
  each row (`threshold`, `comparison`).
* lag 1 ("the day before") is also estimated for exercise minutes, exercise intensity and
  alcohol: the factor's value on the previous calendar day's check-in.

Days on which a factor was not recorded are left out of that factor's comparison.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from pydantic import BaseModel

from crampcheck.analysis.daytable import DayTable, FloatArray
from crampcheck.analysis.split import BoolArray, compare_split

LAGGED_FACTORS = ("exercise_minutes", "exercise_intensity", "alcohol_units")
KNOWN_ORDER = (
    "stretched_before_bed",
    "fluid_litres",
    "alcohol_units",
    "caffeine_cups",
    "exercise_minutes",
    "exercise_intensity",
    "standing_hours",
    "sitting_hours",
    "sleep_hours",
)
UNITS = {
    "fluid_litres": "litres",
    "alcohol_units": "units",
    "caffeine_cups": "cups",
    "exercise_minutes": "minutes",
    "exercise_intensity": "on the 0-3 scale",
    "standing_hours": "hours",
    "sitting_hours": "hours",
    "sleep_hours": "hours",
}
ADJUSTED_ALPHA = 0.05


class FactorEffect(BaseModel):
    """One factor's rate ratio. The three numbers are null when `enough_data` is false."""

    factor: str
    lag: int
    kind: str  # "true/false" or "numeric"
    comparison: str
    threshold: float | None
    unit: str | None
    rate_ratio: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    enough_data: bool
    model: str | None
    days_with: int
    days_without: int
    episodes_with: int
    episodes_without: int
    significant_after_adjustment: bool | None = None
    reason: str | None = None


class MultipleComparisons(BaseModel):
    factors_tested: int
    method: str
    significant_after_adjustment: int
    note: str


def factor_names(table: DayTable) -> list[str]:
    """Every factor recorded on a counted day: known ones first, then custom ones by name."""
    seen = {name for day in table.days for name in table.checkins[day].factors}
    known = [name for name in KNOWN_ORDER if name in seen]
    return known + sorted(seen - set(KNOWN_ORDER))


def factor_effects(table: DayTable) -> list[FactorEffect]:
    """One row per factor (and per lag for the lagged ones), Holm-flagged."""
    rows = []
    for name in factor_names(table):
        rows.append(factor_effect(table, name, lag=0))
        if name in LAGGED_FACTORS:
            rows.append(factor_effect(table, name, lag=1))
    return holm_flags(rows)


def factor_effect(table: DayTable, name: str, lag: int) -> FactorEffect:
    values = table.factor_values(name, lag)
    yes_no = _is_yes_no(table, name)
    threshold = None if yes_no else _median(values)
    with_it, without_it, comparison = _groups(values, threshold, name, lag)
    result = compare_split(table.counts, with_it, without_it)
    fit = result.fit
    return FactorEffect(
        factor=name,
        lag=lag,
        kind="true/false" if yes_no else "numeric",
        comparison=comparison,
        threshold=threshold,
        unit=None if yes_no else UNITS.get(name),
        rate_ratio=None if fit is None else fit.rate_ratio,
        ci_low=None if fit is None else fit.ci_low,
        ci_high=None if fit is None else fit.ci_high,
        p_value=None if fit is None else fit.p_value,
        enough_data=fit is not None,
        model=None if fit is None else fit.model,
        days_with=result.days_with,
        days_without=result.days_without,
        episodes_with=result.episodes_with,
        episodes_without=result.episodes_without,
        reason=result.reason,
    )


def _is_yes_no(table: DayTable, name: str) -> bool:
    recorded = [
        table.checkins[day].factors[name]
        for day in table.days
        if name in table.checkins[day].factors
    ]
    return bool(recorded) and all(isinstance(value, bool) for value in recorded)


def _median(values: FloatArray) -> float | None:
    recorded = values[~np.isnan(values)]
    return None if recorded.size == 0 else float(np.median(recorded))


def _groups(
    values: FloatArray, threshold: float | None, name: str, lag: int
) -> tuple[BoolArray, BoolArray, str]:
    recorded = ~np.isnan(values)
    when = "the day before" if lag else "that day"
    if threshold is None:
        with_it = recorded & (values == 1.0)
        return with_it, recorded & ~with_it, f"days {name} was true {when} vs false"
    unit = UNITS.get(name, "")
    with_it = recorded & (values > threshold)
    if with_it.any():
        text = f"days {name} was above the median of {threshold:g} {unit} {when} vs at or below"
        return with_it, recorded & ~with_it, " ".join(text.split())
    with_it = recorded & (values >= threshold)
    text = f"days {name} was at or above the median of {threshold:g} {unit} {when} vs below"
    return with_it, recorded & ~with_it, " ".join(text.split())


def holm_flags(rows: Iterable[FactorEffect]) -> list[FactorEffect]:
    """Set `significant_after_adjustment` by Holm's step-down method at 5% familywise."""
    rows = list(rows)
    tested = sorted(
        (row.p_value, index) for index, row in enumerate(rows) if row.p_value is not None
    )
    count = len(tested)
    still_rejecting = True
    flagged = []
    for rank, (p_value, index) in enumerate(tested):
        still_rejecting = still_rejecting and p_value <= ADJUSTED_ALPHA / (count - rank)
        flagged.append((index, still_rejecting))
    updates = dict(flagged)
    return [
        row.model_copy(update={"significant_after_adjustment": updates[index]})
        if index in updates
        else row
        for index, row in enumerate(rows)
    ]


def multiple_comparisons(rows: list[FactorEffect]) -> MultipleComparisons:
    tested = sum(1 for row in rows if row.enough_data)
    significant = sum(1 for row in rows if row.significant_after_adjustment)
    note = (
        f"{tested} factor comparisons were tested. With many comparisons, some 95% intervals "
        "exclude 1 by chance alone (about 1 in 20 when there is no real effect); "
        "'significant_after_adjustment' marks those that still stand after a Holm correction."
    )
    return MultipleComparisons(
        factors_tested=tested,
        method="holm",
        significant_after_adjustment=significant,
        note=note,
    )
