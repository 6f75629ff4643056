"""Cramp rate before and after a medication was started or stopped.

For each start (and stop) date: counted diary days in the 28 days before the date versus the
28 days from the date on; the rate ratio is *after / before* (below 1: fewer cramps after).
Same count model and "enough data" rule as the factors (`split`). A change in rate after a
start date may have other causes (cramps come and go, other changes at the same time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel

from crampcheck.analysis.daytable import DayTable
from crampcheck.analysis.inputs import MedicationPeriod, shift_day
from crampcheck.analysis.split import ShortageSentences, compare_split, shortage_text
from crampcheck.i18n import Translator, gettext_noop

WINDOW_DAYS = 28


class MedicationChange(BaseModel):
    """Rate ratio after vs before one start or stop date; numbers null without enough data."""

    medication: str
    event: str  # "start" or "stop"
    date: dt.date
    window_days: int
    rate_ratio: float | None
    ci_low: float | None
    ci_high: float | None
    enough_data: bool
    model: str | None
    days_before: int
    days_after: int
    episodes_before: int
    episodes_after: int
    reason: str | None = None


def medication_changes(
    table: DayTable, medications: Sequence[MedicationPeriod], translator: Translator
) -> list[MedicationChange]:
    """One before/after comparison per start and stop date; reasons worded by `translator`."""
    changes = []
    for period in medications:
        if period.started is not None:
            changes.append(before_after(table, period.name, "start", period.started, translator))
        if period.stopped is not None:
            changes.append(before_after(table, period.name, "stop", period.stopped, translator))
    return changes


def before_after(
    table: DayTable, name: str, event: str, when: date, translator: Translator
) -> MedicationChange:
    """Rate in the 28 days from `when` divided by the rate in the 28 days before it."""
    before = table.window(shift_day(when, -WINDOW_DAYS), shift_day(when, -1))
    after = table.window(when, shift_day(when, WINDOW_DAYS - 1))
    result = compare_split(table.counts, after, before)
    fit = result.fit
    return MedicationChange(
        medication=name,
        event=event,
        date=when,
        window_days=WINDOW_DAYS,
        rate_ratio=None if fit is None else fit.rate_ratio,
        ci_low=None if fit is None else fit.ci_low,
        ci_high=None if fit is None else fit.ci_high,
        enough_data=fit is not None,
        model=None if fit is None else fit.model,
        days_before=result.days_without,
        days_after=result.days_with,
        episodes_before=result.episodes_without,
        episodes_after=result.episodes_with,
        reason=shortage_text(result, SHORTAGES, translator),
    )


# Why a before/after comparison has no estimate ("with it" is after the date).
SHORTAGES: ShortageSentences = {
    "few days with": gettext_noop("not enough days after the date yet ({days} of {needed} needed)"),
    "few days without": gettext_noop(
        "not enough days before the date yet ({days} of {needed} needed)"
    ),
    "no cramps": gettext_noop("no cramps recorded on these days"),
    "no cramps with": gettext_noop("no cramps on the days after yet, so no ratio can be estimated"),
    "no cramps without": gettext_noop(
        "no cramps on the days before yet, so no ratio can be estimated"
    ),
    "no fit": gettext_noop("the model did not converge on these days"),
}
