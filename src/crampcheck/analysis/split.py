"""Rate ratio between two groups of diary days, with the rule for "enough data".

Every factor, lag and medication comparison in the analysis is a split of counted days into
a group *with* something and a group *without* it. Enough data means at least 14 days in each
group, at least one cramp in each group (otherwise the ratio is 0 or infinite and a Wald
interval does not exist) and a count model that converged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crampcheck.analysis.countmodel import RateRatioFit, fit_rate_ratio
from crampcheck.analysis.daytable import FloatArray

MIN_DAYS_PER_GROUP = 14
BoolArray = np.ndarray[tuple[int], np.dtype[np.bool_]]


@dataclass(frozen=True)
class SplitResult:
    """The fit (None when there is not enough data, with `reason` saying why) and group sizes."""

    fit: RateRatioFit | None
    days_with: int
    days_without: int
    episodes_with: int
    episodes_without: int
    reason: str | None


def compare_split(counts: FloatArray, with_it: BoolArray, without_it: BoolArray) -> SplitResult:
    """Rate on `with_it` days divided by the rate on `without_it` days (disjoint masks)."""
    days_with, days_without = int(with_it.sum()), int(without_it.sum())
    episodes_with = int(counts[with_it].sum())
    episodes_without = int(counts[without_it].sum())
    reason = _shortage(days_with, days_without, episodes_with, episodes_without)
    fit = None
    if reason is None:
        used = with_it | without_it
        fit = fit_rate_ratio(counts[used], with_it[used].astype(float))
        if fit is None:
            reason = "the model did not converge on these days"
    return SplitResult(fit, days_with, days_without, episodes_with, episodes_without, reason)


def _shortage(
    days_with: int, days_without: int, episodes_with: int, episodes_without: int
) -> str | None:
    if days_with < MIN_DAYS_PER_GROUP:
        return f"not enough days with it yet ({days_with} of {MIN_DAYS_PER_GROUP} needed)"
    if days_without < MIN_DAYS_PER_GROUP:
        return f"not enough days without it yet ({days_without} of {MIN_DAYS_PER_GROUP} needed)"
    if episodes_with == 0 and episodes_without == 0:
        return "no cramps recorded on these days"
    if episodes_with == 0:
        return "no cramps on days with it yet, so no ratio can be estimated"
    if episodes_without == 0:
        return "no cramps on days without it yet, so no ratio can be estimated"
    return None
