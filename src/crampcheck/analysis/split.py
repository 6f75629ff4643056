"""Rate ratio between two groups of diary days, with the rule for "enough data".

Every factor, lag and medication comparison in the analysis is a split of counted days into
a group *with* something and a group *without* it. Enough data means at least 14 days in each
group, at least one cramp in each group (otherwise the ratio is 0 or infinite and a Wald
interval does not exist) and a count model that converged. Which of these is missing is a
`Shortage` code; the factor and medication comparisons word it for the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from crampcheck.analysis.countmodel import RateRatioFit, fit_rate_ratio
from crampcheck.analysis.daytable import FloatArray
from crampcheck.i18n import Translator

MIN_DAYS_PER_GROUP = 14
BoolArray = np.ndarray[tuple[int], np.dtype[np.bool_]]
Shortage = Literal[
    "few days with",  # fewer than MIN_DAYS_PER_GROUP days in the group with it
    "few days without",
    "no cramps",  # no cramp in either group
    "no cramps with",  # none in the group with it: the ratio would be 0
    "no cramps without",  # none in the group without it: the ratio would be infinite
    "no fit",  # the count model did not converge
]


# For each shortage, the sentence that says why there is no estimate; "{days}" and "{needed}"
# are filled in for the two "few days" cases. Each comparison words "with" and "without" its
# own way (a factor's days, or the days after and before a medication date).
ShortageSentences = dict[Shortage, str]


@dataclass(frozen=True)
class SplitResult:
    """The fit (None when there is not enough data, with `shortage` saying why) and group sizes."""

    fit: RateRatioFit | None
    days_with: int
    days_without: int
    episodes_with: int
    episodes_without: int
    shortage: Shortage | None


def compare_split(counts: FloatArray, with_it: BoolArray, without_it: BoolArray) -> SplitResult:
    """Rate on `with_it` days divided by the rate on `without_it` days (disjoint masks)."""
    days_with, days_without = int(with_it.sum()), int(without_it.sum())
    episodes_with = int(counts[with_it].sum())
    episodes_without = int(counts[without_it].sum())
    shortage = _shortage(days_with, days_without, episodes_with, episodes_without)
    fit = None
    if shortage is None:
        used = with_it | without_it
        fit = fit_rate_ratio(counts[used], with_it[used].astype(float))
        if fit is None:
            shortage = "no fit"
    return SplitResult(fit, days_with, days_without, episodes_with, episodes_without, shortage)


def _shortage(
    days_with: int, days_without: int, episodes_with: int, episodes_without: int
) -> Shortage | None:
    if days_with < MIN_DAYS_PER_GROUP:
        return "few days with"
    if days_without < MIN_DAYS_PER_GROUP:
        return "few days without"
    if episodes_with == 0 and episodes_without == 0:
        return "no cramps"
    if episodes_with == 0:
        return "no cramps with"
    if episodes_without == 0:
        return "no cramps without"
    return None


def shortage_text(
    result: SplitResult, sentences: ShortageSentences, translator: Translator
) -> str | None:
    """Why a comparison has no estimate, in `translator`'s language; None when it has one."""
    if result.shortage is None:
        return None
    days = result.days_with if result.shortage == "few days with" else result.days_without
    sentence = translator.gettext(sentences[result.shortage])
    return sentence.format(days=days, needed=MIN_DAYS_PER_GROUP)
