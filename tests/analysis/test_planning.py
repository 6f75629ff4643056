"""blocks_needed: direction of its answers, input checks, and a simulation check."""

from __future__ import annotations

import pytest

from crampcheck.analysis.performance import experiment_performance
from crampcheck.analysis.planning import blocks_needed
from crampcheck.errors import InputError


def test_known_values() -> None:
    assert blocks_needed(3.0, 14) == 25
    assert blocks_needed(3.0, 14, reduction=0.5) == 9


def test_more_blocks_when_cramps_are_rarer_or_the_effect_smaller() -> None:
    assert blocks_needed(1.0, 14) > blocks_needed(3.0, 14) > blocks_needed(10.0, 14)
    assert blocks_needed(3.0, 14, reduction=0.2) > blocks_needed(3.0, 14, reduction=0.5)
    assert blocks_needed(3.0, 14, power=0.9) > blocks_needed(3.0, 14, power=0.8)
    assert blocks_needed(3.0, 7) > blocks_needed(3.0, 28)
    assert blocks_needed(100.0, 28) == 1


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"baseline_rate_per_week": 0.0, "period_days": 14}, "baseline_rate_per_week"),
        ({"baseline_rate_per_week": 3.0, "period_days": 0}, "period_days"),
        ({"baseline_rate_per_week": 3.0, "period_days": 14, "reduction": 1.0}, "reduction"),
    ],
)
def test_bad_input_names_the_field(arguments: dict[str, float], field: str) -> None:
    with pytest.raises(InputError) as caught:
        blocks_needed(**arguments)  # type: ignore[arg-type]
    assert caught.value.errors[0].path == field


def test_planned_blocks_give_roughly_the_promised_power() -> None:
    # 50% reduction at 3/week and 14-day periods: 9 blocks promised for 80% power (with every
    # day checked in; the simulation checks in on 90% of days, so slightly less is fine).
    result = experiment_performance(blocks_needed(3.0, 14, 0.5), 14, 0.5, runs=200, seed=300)
    assert 0.70 <= result.detection <= 0.95
