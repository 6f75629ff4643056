"""The diary as one row per counted day: the shape every count model in the analysis reads.

Only days with a check-in count (a day without one may simply be a day the person did not
write anything). Cramps are attached to diary days by the 06:00 rule of `inputs.diary_day_of`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from crampcheck.analysis.inputs import CheckIn, DiaryData

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class DayTable:
    """Counted diary days in date order with their cramp counts.

    `counts[i]` and `night_counts[i]` belong to `days[i]`; `checkins` maps every check-in
    of the whole diary (also outside the range) by day, so a lag can look one day back.
    """

    days: tuple[date, ...]
    counts: FloatArray
    night_counts: FloatArray
    checkins: Mapping[date, CheckIn]

    @property
    def total(self) -> int:
        return int(self.counts.sum())

    def factor_values(self, name: str, lag: int = 0) -> FloatArray:
        """Values of one factor per counted day (NaN when not recorded), `lag` days back."""
        values = np.full(len(self.days), np.nan)
        for index, day in enumerate(self.days):
            try:
                checkin = self.checkins.get(day - timedelta(days=lag))
            except OverflowError:  # before the calendar's first day: nothing recorded
                continue
            if checkin is not None and name in checkin.factors:
                values[index] = float(checkin.factors[name])
        return values

    def window(self, first: date, last: date) -> np.ndarray[tuple[int], np.dtype[np.bool_]]:
        """Mask of counted days from `first` to `last` inclusive."""
        return np.array([first <= day <= last for day in self.days], dtype=bool)


def build_day_table(
    data: DiaryData, start: date | None = None, end: date | None = None
) -> DayTable:
    """Reduce a diary to counted days between `start` and `end` (inclusive, either open)."""
    checkins = {checkin.day: checkin for checkin in data.checkins}
    days = tuple(
        sorted(
            day
            for day in checkins
            if (start is None or day >= start) and (end is None or day <= end)
        )
    )
    counted = set(days)
    all_cramps: Counter[date] = Counter()
    night_cramps: Counter[date] = Counter()
    for episode in data.episodes:
        day = episode.diary_day
        if day in counted:
            all_cramps[day] += 1
            if episode.at_night:
                night_cramps[day] += 1
    return DayTable(
        days=days,
        counts=np.array([all_cramps[day] for day in days], dtype=float),
        night_counts=np.array([night_cramps[day] for day in days], dtype=float),
        checkins=checkins,
    )
