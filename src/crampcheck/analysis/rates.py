"""Overall, weekly and night/day cramp rates, and the trend over time."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import numpy as np
from pydantic import BaseModel

from crampcheck.analysis.countmodel import fit_rate_ratio
from crampcheck.analysis.daytable import DayTable
from crampcheck.i18n import Translator

TREND_PERIOD_DAYS = 28
TREND_MIN_DAYS = 56


class WeeklyRate(BaseModel):
    """One calendar week (Monday to Sunday) of counted diary days."""

    week_start: date
    days: int
    episodes: int
    rate_per_week: float


class Trend(BaseModel):
    """Change of the cramp rate over time: rate ratio per 4 weeks (28 days).

    From a count model of the daily count on the day index (see `countmodel`). Below 1 means
    cramps became less frequent. Needs at least 56 counted days spanning 56 calendar days.
    """

    rate_ratio_per_4_weeks: float | None
    ci_low: float | None
    ci_high: float | None
    enough_data: bool
    model: str | None
    reason: str | None = None


class NightDay(BaseModel):
    """Cramps that started at night (22:00-06:00 or woke the person) vs during the day."""

    night_episodes: int
    day_episodes: int
    night_share: float | None


def rate_per_week(episodes: float, days: int) -> float | None:
    """Cramps per 7 counted days; None without counted days."""
    return None if days == 0 else 7.0 * episodes / days


def weekly_rates(table: DayTable) -> list[WeeklyRate]:
    """Rates per calendar week, for weeks with at least one counted day."""
    days_in: dict[date, int] = defaultdict(int)
    cramps_in: dict[date, int] = defaultdict(int)
    for day, count in zip(table.days, table.counts, strict=True):
        monday = day - timedelta(days=day.weekday())
        days_in[monday] += 1
        cramps_in[monday] += int(count)
    return [
        WeeklyRate(
            week_start=monday,
            days=days_in[monday],
            episodes=cramps_in[monday],
            rate_per_week=7.0 * cramps_in[monday] / days_in[monday],
        )
        for monday in sorted(days_in)
    ]


def night_and_day(table: DayTable) -> NightDay:
    night = int(table.night_counts.sum())
    total = table.total
    return NightDay(
        night_episodes=night,
        day_episodes=total - night,
        night_share=None if total == 0 else night / total,
    )


def trend(table: DayTable, translator: Translator) -> Trend:
    """Rate ratio per 28 days from a count model on the day index (a missing estimate's
    reason worded by `translator`)."""
    _ = translator.gettext
    if not table.days:
        return _no_trend(_("no diary days yet"))
    span = (table.days[-1] - table.days[0]).days + 1
    if len(table.days) < TREND_MIN_DAYS or span < TREND_MIN_DAYS:
        text = _("needs at least {days} diary days over {weeks} weeks")
        return _no_trend(text.format(days=TREND_MIN_DAYS, weeks=TREND_MIN_DAYS // 7))
    if table.total == 0:
        return _no_trend(_("no cramps recorded"))
    # Covariate in units of 4 weeks, so exp(beta) is directly the ratio per 4 weeks.
    index = np.array([(day - table.days[0]).days for day in table.days], dtype=float)
    fit = fit_rate_ratio(table.counts, index / TREND_PERIOD_DAYS)
    if fit is None:
        return _no_trend(_("the model did not converge"))
    return Trend(
        rate_ratio_per_4_weeks=fit.rate_ratio,
        ci_low=fit.ci_low,
        ci_high=fit.ci_high,
        enough_data=True,
        model=fit.model,
    )


def _no_trend(reason: str) -> Trend:
    return Trend(
        rate_ratio_per_4_weeks=None,
        ci_low=None,
        ci_high=None,
        enough_data=False,
        model=None,
        reason=reason,
    )
