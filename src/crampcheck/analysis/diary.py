"""`analyze_diary`: everything the diary can say about one person's cramps.

The answer follows ../shared/spec/diary-csv.md (`days`, `episodes`, `rate_per_week`,
`factors[]` with `factor`, `rate_ratio`, `ci_low`, `ci_high`, `enough_data`); the other fields
are this project's additions. Methods are documented in `countmodel` (Poisson or negative
binomial GLM), `split` (enough-data rule), `factors` (numeric factors: above vs at-or-below the
person's median; lags; Holm), `rates` (trend) and `medications` (28 days before vs after).
Every sentence in the answer (summary, methods, reasons, comparisons, note) is in the language
of the translator passed in; numbers and identifiers are the same in every language.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from crampcheck.analysis.daytable import build_day_table
from crampcheck.analysis.factors import (
    FactorEffect,
    MultipleComparisons,
    factor_effects,
    multiple_comparisons,
)
from crampcheck.analysis.inputs import DiaryData
from crampcheck.analysis.medications import MedicationChange, medication_changes
from crampcheck.analysis.rates import (
    NightDay,
    Trend,
    WeeklyRate,
    night_and_day,
    rate_per_week,
    trend,
    weekly_rates,
)
from crampcheck.analysis.summary import overview, summarise
from crampcheck.i18n import Translator, gettext_noop

METHODS = gettext_noop(
    "Counts per diary day (06:00 to 06:00) on days with a check-in, exposure 1 day each. "
    "Rate ratios come from a Poisson GLM, refitted as a negative binomial when the data are "
    "overdispersed (the 'model' field says which), with 95% Wald intervals. True/false factors "
    "compare days it was true with days it was false; numeric factors compare days above the "
    "person's median with days at or below it. Enough data: at least 14 days in each group, "
    "cramps in both groups and a converged model."
)


class DiaryAnalysis(BaseModel):
    """The diary analysis answer; `model_dump(mode="json")` is the JSON contract."""

    days: int
    episodes: int
    rate_per_week: float | None
    first_day: date | None
    last_day: date | None
    night: NightDay
    weekly: list[WeeklyRate]
    trend: Trend
    factors: list[FactorEffect]
    multiple_comparisons: MultipleComparisons
    medications: list[MedicationChange]
    methods: str
    summary: list[str]


def analyze_diary(
    data: DiaryData,
    start: date | None = None,
    end: date | None = None,
    *,
    translator: Translator,
) -> DiaryAnalysis:
    """Analyse the diary days from `start` to `end` (inclusive; None = open), worded in the
    language of `translator`.

    Never raises on thin data: whatever cannot be estimated has `enough_data` false, null
    numbers and a `reason`.
    """
    table = build_day_table(data, start, end)
    per_week = rate_per_week(table.total, len(table.days))
    night_day = night_and_day(table)
    time_trend = trend(table, translator)
    factors = factor_effects(table, translator)
    comparisons = multiple_comparisons(factors, translator)
    medications = medication_changes(table, data.medications, translator)
    return DiaryAnalysis(
        days=len(table.days),
        episodes=table.total,
        rate_per_week=per_week,
        first_day=table.days[0] if table.days else None,
        last_day=table.days[-1] if table.days else None,
        night=night_day,
        weekly=weekly_rates(table),
        trend=time_trend,
        factors=factors,
        multiple_comparisons=comparisons,
        medications=medications,
        methods=translator.gettext(METHODS),
        summary=summarise(
            overview(len(table.days), table.total, per_week, translator),
            night_day,
            time_trend,
            factors,
            comparisons,
            medications,
            translator,
        ),
    )
