"""analyze_diary on hand-built diaries: contract fields, day rule, exact ratios, thin data."""

from __future__ import annotations

import json
import math
from datetime import date, time, timedelta

import pytest

from crampcheck.analysis.diary import analyze_diary
from crampcheck.analysis.inputs import CheckIn, DiaryData, MedicationPeriod

from .helpers import ENGLISH, FIRST, cramp_on, diary

CONTRACT_FACTOR_FIELDS = {
    "factor",
    "rate_ratio",
    "ci_low",
    "ci_high",
    "enough_data",
    "model",
    "days_with",
    "days_without",
    "lag",
}


def stretch_diary() -> DiaryData:
    # 20 stretching days with 1 cramp each, 20 other days with 2: ratio exactly 0.5.
    days = [({"stretched_before_bed": True}, 1)] * 20 + [({"stretched_before_bed": False}, 2)] * 20
    return diary(days)


def test_contract_fields_and_json() -> None:
    answer = analyze_diary(stretch_diary(), translator=ENGLISH).model_dump(mode="json")
    json.dumps(answer)
    assert answer["days"] == 40
    assert answer["episodes"] == 60
    assert answer["rate_per_week"] == pytest.approx(7 * 60 / 40)
    (row,) = answer["factors"]
    assert row.keys() >= CONTRACT_FACTOR_FIELDS
    assert row["factor"] == "stretched_before_bed"
    assert row["enough_data"] is True


def test_yes_no_ratio_is_rate_true_over_rate_false() -> None:
    (row,) = analyze_diary(stretch_diary(), translator=ENGLISH).factors
    assert row.rate_ratio == pytest.approx(0.5)
    assert row.ci_low is not None and row.ci_high is not None
    assert row.ci_low < 0.5 < row.ci_high
    assert (row.days_with, row.days_without) == (20, 20)
    assert (row.episodes_with, row.episodes_without) == (20, 40)
    assert row.model == "poisson"


def test_cramp_before_six_belongs_to_previous_diary_day() -> None:
    checkins = [CheckIn(day=FIRST)]
    # 03:00 on the 2nd belongs to the 1st; 07:00 on the 2nd belongs to the 2nd (no check-in).
    early = cramp_on(FIRST, time(3, 0))
    late = cramp_on(FIRST + timedelta(days=1), time(7, 0))
    answer = analyze_diary(DiaryData(checkins=checkins, episodes=[early, late]), translator=ENGLISH)
    assert (answer.days, answer.episodes) == (1, 1)
    assert answer.night.night_episodes == 1


def test_range_limits_days_and_episodes() -> None:
    answer = analyze_diary(stretch_diary(), start=FIRST + timedelta(days=20), translator=ENGLISH)
    assert (answer.days, answer.episodes) == (20, 40)
    answer = analyze_diary(stretch_diary(), end=FIRST + timedelta(days=9), translator=ENGLISH)
    assert (answer.days, answer.episodes) == (10, 10)


@pytest.mark.parametrize(
    "data",
    [
        DiaryData(checkins=[], episodes=[]),
        DiaryData(checkins=[], episodes=[cramp_on(FIRST)]),
        diary([({}, 0)] * 5),
        diary([({"stretched_before_bed": True}, 1)] * 3),
    ],
    ids=["empty", "no-checkins", "no-cramps", "few-days"],
)
def test_thin_diaries_give_nulls_not_errors(data: DiaryData) -> None:
    answer = analyze_diary(data, translator=ENGLISH)
    json.dumps(answer.model_dump(mode="json"))
    assert answer.trend.enough_data is False
    assert answer.trend.rate_ratio_per_4_weeks is None
    for row in answer.factors:
        assert row.enough_data is False
        assert (row.rate_ratio, row.ci_low, row.ci_high) == (None, None, None)
    assert answer.summary


def test_factor_true_every_day_has_no_estimate() -> None:
    (row,) = analyze_diary(
        diary([({"stretched_before_bed": True}, 1)] * 60), translator=ENGLISH
    ).factors
    assert row.enough_data is False
    assert (row.rate_ratio, row.ci_low, row.ci_high) == (None, None, None)
    assert row.reason is not None and "without" in row.reason


def test_no_cramps_on_one_side_has_no_estimate() -> None:
    days = [({"stretched_before_bed": True}, 0)] * 20 + [({"stretched_before_bed": False}, 1)] * 20
    (row,) = analyze_diary(diary(days), translator=ENGLISH).factors
    assert row.enough_data is False
    assert row.rate_ratio is None


def test_numeric_factor_splits_at_median() -> None:
    days = [({"fluid_litres": 1.0}, 2)] * 20 + [({"fluid_litres": 2.5}, 1)] * 21
    (row,) = analyze_diary(diary(days), translator=ENGLISH).factors
    assert row.kind == "numeric"
    assert row.threshold == 2.5  # median is the top value, so "at or above" vs below
    assert "at or above" in row.comparison
    assert row.rate_ratio == pytest.approx(0.5)


def test_alcohol_also_gets_lag_one() -> None:
    # Alcohol every other day; cramps only on the day after drinking.
    days = [({"alcohol_units": 3.0 * (i % 2 == 0)}, int(i % 2 == 1)) for i in range(60)]
    days[1] = ({"alcohol_units": 0.0}, 2)  # avoid zero cramps on one side of the lag-0 split
    rows = {row.lag: row for row in analyze_diary(diary(days), translator=ENGLISH).factors}
    assert set(rows) == {0, 1}
    lagged = rows[1]
    # Day 0 has no day before it; cramps fall only after drinking days, so no finite ratio.
    assert lagged.days_with + lagged.days_without == 59
    assert lagged.enough_data is False
    assert lagged.reason is not None and "without" in lagged.reason


def test_medication_start_before_after() -> None:
    days = [({}, 2)] * 28 + [({}, 1)] * 28
    start = FIRST + timedelta(days=28)
    answer = analyze_diary(diary(days, (MedicationPeriod("magnesium", start),)), translator=ENGLISH)
    (change,) = answer.medications
    assert change.event == "start"
    assert change.rate_ratio == pytest.approx(0.5)
    assert (change.days_before, change.days_after) == (28, 28)
    assert any("magnesium" in line for line in answer.summary)


def test_medication_without_data_is_null() -> None:
    medication = MedicationPeriod("x", date(2030, 1, 1))
    answer = analyze_diary(diary([({}, 1)] * 10, (medication,)), translator=ENGLISH)
    (change,) = answer.medications
    assert change.enough_data is False and change.rate_ratio is None


def test_summary_never_claims_a_difference_when_interval_includes_one() -> None:
    days = [({"stretched_before_bed": True}, 1)] * 20 + [({"stretched_before_bed": False}, 1)] * 20
    answer = analyze_diary(diary(days), translator=ENGLISH)
    (row,) = answer.factors
    assert row.ci_low is not None and row.ci_low < 1 < (row.ci_high or 0)
    assert not any("fewer cramps" in line or "more cramps" in line for line in answer.summary)


def test_summary_sentence_says_association() -> None:
    answer = analyze_diary(stretch_diary(), translator=ENGLISH)
    sentence = next(line for line in answer.summary if "stretched" in line)
    assert "fewer cramps" in sentence and "not proof" in sentence


def test_weekly_rates_and_trend() -> None:
    # Cramps fall from 2 a day to none over 16 weeks.
    days = [({}, 2 if i < 56 else int(i % 4 == 0)) for i in range(112)]
    answer = analyze_diary(diary(days), translator=ENGLISH)
    assert sum(week.days for week in answer.weekly) == 112
    assert sum(week.episodes for week in answer.weekly) == answer.episodes
    trend = answer.trend
    assert trend.enough_data and trend.ci_high is not None and trend.ci_high < 1
    assert math.isfinite(trend.rate_ratio_per_4_weeks or math.nan)


def test_holm_flags_only_what_survives_adjustment() -> None:
    from crampcheck.analysis.factors import FactorEffect, holm_flags

    def row(name: str, p_value: float | None) -> FactorEffect:
        return FactorEffect(
            factor=name, lag=0, kind="true/false", comparison="", threshold=None, unit=None,
            rate_ratio=None, ci_low=None, ci_high=None, p_value=p_value,
            enough_data=p_value is not None, model=None, days_with=0, days_without=0,
            episodes_with=0, episodes_without=0,
        )  # fmt: skip

    # Holm with 3 tests: 0.01 <= 0.05/3 passes, 0.03 > 0.05/2 stops, so 0.04 fails too.
    flagged = holm_flags([row("a", 0.03), row("b", 0.01), row("c", 0.04), row("d", None)])
    assert [r.significant_after_adjustment for r in flagged] == [False, True, False, None]
