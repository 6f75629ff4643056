"""How many randomised blocks an N-of-1 experiment needs.

Poisson approximation (deterministic, no simulation): with n blocks, option B's periods hold
on average mu_b = baseline/7 * period_days cramps per block and option A's mu_a = (1 -
reduction) * mu_b. The log rate ratio's variance is about (1/mu_a + 1/mu_b) / n, so a
two-sided test at `alpha` reaches `power` when

    n >= (z_{1-alpha/2} + z_{power})^2 * (1/mu_a + 1/mu_b) / log(1 - reduction)^2.

It assumes every day gets a check-in and cramps are Poisson; missed check-ins or day-to-day
clustering need more blocks. tests/analysis/test_planning.py checks it by simulation.
"""

from __future__ import annotations

import math
from statistics import NormalDist

from crampcheck.errors import InputError, field_error


def blocks_needed(
    baseline_rate_per_week: float,
    period_days: int,
    reduction: float = 0.30,
    power: float = 0.8,
    alpha: float = 0.05,
) -> int:
    """Blocks (one period of A and one of B each) to detect a drop of `reduction` in the rate.

    `baseline_rate_per_week` is the person's own cramps per week without the change. Raises
    InputError naming the argument when a value is out of range. Always at least 1.
    """
    _check(baseline_rate_per_week, period_days, reduction, power, alpha)
    per_block_b = baseline_rate_per_week / 7.0 * period_days
    per_block_a = per_block_b * (1.0 - reduction)
    z_total = NormalDist().inv_cdf(1 - alpha / 2) + NormalDist().inv_cdf(power)
    variance_one_block = 1.0 / per_block_a + 1.0 / per_block_b
    blocks = z_total**2 * variance_one_block / math.log(1.0 - reduction) ** 2
    return max(1, math.ceil(blocks - 1e-9))


def _check(
    baseline_rate_per_week: float, period_days: int, reduction: float, power: float, alpha: float
) -> None:
    problems = []
    if not (baseline_rate_per_week > 0 and math.isfinite(baseline_rate_per_week)):
        problems.append(field_error("baseline_rate_per_week", "must be a number above 0"))
    if period_days < 1:
        problems.append(field_error("period_days", "must be a whole number of days, at least 1"))
    if not 0 < reduction < 1:
        problems.append(field_error("reduction", "must lie between 0 and 1 (0.3 = 30% fewer)"))
    if not 0 < power < 1:
        problems.append(field_error("power", "must lie between 0 and 1"))
    if not 0 < alpha < 1:
        problems.append(field_error("alpha", "must lie between 0 and 1"))
    if problems:
        raise InputError(problems)
