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

The texts of a row (`comparison`, `reason`) and the multiple-comparisons `note` are whole
sentences in the translator's language; `kind`, `unit` and `model` stay fixed identifiers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from crampcheck.analysis.daytable import DayTable, FloatArray
from crampcheck.analysis.split import (
    BoolArray,
    ShortageSentences,
    compare_split,
    shortage_text,
)
from crampcheck.i18n import Translator, gettext_noop

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
# A numeric factor's threshold with its unit, as a phrase (translated where it is used).
AMOUNTS = {
    "fluid_litres": gettext_noop("{value} litres"),
    "alcohol_units": gettext_noop("{value} units"),
    "caffeine_cups": gettext_noop("{value} cups"),
    "exercise_minutes": gettext_noop("{value} minutes"),
    "exercise_intensity": gettext_noop("{value} on the 0-3 scale"),
    "standing_hours": gettext_noop("{value} hours"),
    "sitting_hours": gettext_noop("{value} hours"),
    "sleep_hours": gettext_noop("{value} hours"),
}
# (relation to the threshold, lag) -> what was compared; "true" for true/false factors.
COMPARISONS = {
    ("true", 0): gettext_noop("days {factor} was true that day vs false"),
    ("true", 1): gettext_noop("days {factor} was true the day before vs false"),
    ("above", 0): gettext_noop(
        "days {factor} was above the median of {amount} that day vs at or below"
    ),
    ("above", 1): gettext_noop(
        "days {factor} was above the median of {amount} the day before vs at or below"
    ),
    ("at or above", 0): gettext_noop(
        "days {factor} was at or above the median of {amount} that day vs below"
    ),
    ("at or above", 1): gettext_noop(
        "days {factor} was at or above the median of {amount} the day before vs below"
    ),
}
Relation = Literal["true", "above", "at or above"]
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
    # How the days were split, for the summary's wording; not part of the JSON answer.
    relation: Relation | None = Field(default=None, exclude=True)


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


def factor_effects(table: DayTable, translator: Translator) -> list[FactorEffect]:
    """One row per factor (and per lag for the lagged ones), Holm-flagged, worded by
    `translator`."""
    rows = []
    for name in factor_names(table):
        rows.append(factor_effect(table, name, 0, translator))
        if name in LAGGED_FACTORS:
            rows.append(factor_effect(table, name, 1, translator))
    return holm_flags(rows)


def factor_effect(table: DayTable, name: str, lag: int, translator: Translator) -> FactorEffect:
    values = table.factor_values(name, lag)
    yes_no = _is_yes_no(table, name)
    threshold = None if yes_no else _median(values)
    with_it, without_it, relation = _groups(values, threshold)
    result = compare_split(table.counts, with_it, without_it)
    fit = result.fit
    return FactorEffect(
        factor=name,
        lag=lag,
        kind="true/false" if yes_no else "numeric",
        comparison=comparison_text(name, lag, relation, threshold, translator),
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
        reason=shortage_text(result, SHORTAGES, translator),
        relation=relation,
    )


def comparison_text(
    name: str, lag: int, relation: Relation, threshold: float | None, translator: Translator
) -> str:
    """Which days were compared with which, e.g. "days fluid_litres was above the median of
    1.5 litres that day vs at or below"."""
    _ = translator.gettext
    amount = "" if threshold is None else amount_text(name, threshold, translator)
    return _(COMPARISONS[relation, min(lag, 1)]).format(factor=name, amount=amount)


def amount_text(name: str, value: float, translator: Translator) -> str:
    """A value of a factor with its unit, e.g. "1.5 litres" (custom factors have no unit)."""
    template = AMOUNTS.get(name)
    number = f"{value:g}"
    return translator.gettext(template).format(value=number) if template else number


# Why a factor has no estimate.
SHORTAGES: ShortageSentences = {
    "few days with": gettext_noop("not enough days with it yet ({days} of {needed} needed)"),
    "few days without": gettext_noop("not enough days without it yet ({days} of {needed} needed)"),
    "no cramps": gettext_noop("no cramps recorded on these days"),
    "no cramps with": gettext_noop("no cramps on days with it yet, so no ratio can be estimated"),
    "no cramps without": gettext_noop(
        "no cramps on days without it yet, so no ratio can be estimated"
    ),
    "no fit": gettext_noop("the model did not converge on these days"),
}


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


def _groups(values: FloatArray, threshold: float | None) -> tuple[BoolArray, BoolArray, Relation]:
    recorded = ~np.isnan(values)
    if threshold is None:
        with_it = recorded & (values == 1.0)
        return with_it, recorded & ~with_it, "true"
    with_it = recorded & (values > threshold)
    if with_it.any():
        return with_it, recorded & ~with_it, "above"
    with_it = recorded & (values >= threshold)
    return with_it, recorded & ~with_it, "at or above"


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


def multiple_comparisons(rows: list[FactorEffect], translator: Translator) -> MultipleComparisons:
    tested = sum(1 for row in rows if row.enough_data)
    significant = sum(1 for row in rows if row.significant_after_adjustment)
    note = translator.ngettext(
        "{count} factor comparison was tested. With many comparisons, some 95% intervals "
        "exclude 1 by chance alone (about 1 in 20 when there is no real effect); "
        "'significant_after_adjustment' marks those that still stand after a Holm correction.",
        "{count} factor comparisons were tested. With many comparisons, some 95% intervals "
        "exclude 1 by chance alone (about 1 in 20 when there is no real effect); "
        "'significant_after_adjustment' marks those that still stand after a Holm correction.",
        tested,
    ).format(count=tested)
    return MultipleComparisons(
        factors_tested=tested,
        method="holm",
        significant_after_adjustment=significant,
        note=note,
    )
