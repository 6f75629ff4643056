"""Plain-language sentences about a diary analysis that never claim more than the intervals.

A difference is only described as "fewer" or "more" cramps when the 95% interval excludes 1;
every such sentence says it is an association, and one that does not survive the Holm
adjustment says it could be chance among the many factors checked.
"""

from __future__ import annotations

from collections.abc import Sequence

from crampcheck.analysis.factors import FactorEffect, MultipleComparisons
from crampcheck.analysis.medications import MedicationChange
from crampcheck.analysis.rates import NightDay, Trend

ASSOCIATION = "This is an association in your diary, not proof."
YES_NO_PHRASES = {"stretched_before_bed": "you stretched before bed"}
NUMERIC_NOUNS = {
    "fluid_litres": "fluid",
    "alcohol_units": "alcohol",
    "caffeine_cups": "caffeine",
    "exercise_minutes": "exercise",
    "exercise_intensity": "exercise intensity",
    "standing_hours": "time standing",
    "sitting_hours": "time sitting",
    "sleep_hours": "sleep",
}


def interval_text(ratio: float, low: float, high: float) -> str:
    return f"rate ratio {ratio:.2f}, 95% CI {low:.2f}–{high:.2f}"


def overview(days: int, episodes: int, per_week: float | None) -> str:
    if per_week is None:
        return "There are no diary days with a check-in in this period yet."
    return (
        f"Over {days} diary days with a check-in you recorded {episodes} cramps "
        f"({per_week:.1f} per week)."
    )


def night_sentence(night_day: NightDay) -> str | None:
    if night_day.night_share is None:
        return None
    return (
        f"{night_day.night_episodes} of {night_day.night_episodes + night_day.day_episodes} "
        f"cramps ({night_day.night_share:.0%}) started at night or woke you."
    )


def trend_sentence(trend: Trend) -> str | None:
    if trend.rate_ratio_per_4_weeks is None or trend.ci_low is None or trend.ci_high is None:
        return None
    numbers = interval_text(trend.rate_ratio_per_4_weeks, trend.ci_low, trend.ci_high)
    if trend.ci_high < 1:
        return f"Your cramps became less frequent over this period ({numbers} per 4 weeks)."
    if trend.ci_low > 1:
        return f"Your cramps became more frequent over this period ({numbers} per 4 weeks)."
    return f"The diary shows no clear change in cramp frequency over time ({numbers} per 4 weeks)."


def factor_sentence(row: FactorEffect) -> str | None:
    """A sentence for a factor whose interval excludes 1; None otherwise."""
    if row.rate_ratio is None or row.ci_low is None or row.ci_high is None:
        return None
    if row.ci_low <= 1 <= row.ci_high:
        return None
    direction = "fewer" if row.ci_high < 1 else "more"
    sentence = (
        f"{_when(row)} you had {direction} cramps "
        f"({interval_text(row.rate_ratio, row.ci_low, row.ci_high)}). {ASSOCIATION}"
    )
    if row.significant_after_adjustment is False:
        sentence += " Given how many factors were checked, this could also be chance."
    return sentence


def _when(row: FactorEffect) -> str:
    if row.kind == "true/false":
        phrase = YES_NO_PHRASES.get(row.factor, f"when '{row.factor}' was true")
        return f"On days after {phrase}" if row.lag else f"On days {phrase}"
    noun = NUMERIC_NOUNS.get(row.factor, f"'{row.factor}'")
    if row.threshold == 0 and "above" in row.comparison and "at or above" not in row.comparison:
        amount = f"any {noun}"
    else:
        relation = "at or above" if "at or above" in row.comparison else "above"
        unit = f" {row.unit}" if row.unit else ""
        amount = f"{noun} {relation} your median ({row.threshold:g}{unit})"
    return f"After days with {amount}" if row.lag else f"On days with {amount}"


def no_difference_sentence(rows: Sequence[FactorEffect]) -> str | None:
    unclear = {
        NUMERIC_NOUNS.get(row.factor, row.factor.replace("_", " "))
        for row in rows
        if row.enough_data and factor_sentence(row) is None
    }
    if not unclear:
        return None
    names = ", ".join(sorted(unclear))
    return f"For {names} the diary shows no clear difference so far."


def medication_sentence(change: MedicationChange) -> str | None:
    if change.rate_ratio is None or change.ci_low is None or change.ci_high is None:
        return None
    numbers = interval_text(change.rate_ratio, change.ci_low, change.ci_high)
    event = "starting" if change.event == "start" else "stopping"
    window = f"the {change.window_days} days after {event} {change.medication}"
    if change.ci_low <= 1 <= change.ci_high:
        return f"In {window} the diary shows no clear change in cramps ({numbers})."
    direction = "fewer" if change.ci_high < 1 else "more"
    return (
        f"In {window} you had {direction} cramps than in the {change.window_days} days before "
        f"({numbers}). Cramps come and go on their own, so this is not proof."
    )


def summarise(
    overview_line: str,
    night_day: NightDay,
    trend: Trend,
    factors: Sequence[FactorEffect],
    comparisons: MultipleComparisons,
    medications: Sequence[MedicationChange],
) -> list[str]:
    lines: list[str | None] = [overview_line, night_sentence(night_day), trend_sentence(trend)]
    lines += [factor_sentence(row) for row in factors]
    lines.append(no_difference_sentence(factors))
    if comparisons.factors_tested > 1:
        lines.append(comparisons.note)
    lines += [medication_sentence(change) for change in medications]
    return [line for line in lines if line]
