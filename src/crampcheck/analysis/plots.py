"""Charts of a diary analysis: weekly rate over time and a forest plot of factor rate ratios.

Each function returns SVG text and, given `png_path`, also writes a PNG (with `svg=False`
only the PNG is drawn and "" is returned: the PDF report needs no SVG). matplotlib is
imported inside the functions (importing crampcheck stays fast) and figures are drawn on the
Agg canvas directly, so no global pyplot state or display is involved. Titles, axis labels and
notes are in the language of the translator passed in.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from crampcheck.analysis.diary import DiaryAnalysis
from crampcheck.i18n import Translator

if TYPE_CHECKING:
    from matplotlib.figure import Figure


_PLAUSIBLE = (date(1900, 1, 1), date(2200, 1, 1))


def plot_weekly_rates(
    analysis: DiaryAnalysis,
    png_path: Path | None = None,
    *,
    translator: Translator,
    svg: bool = True,
) -> str:
    """Cramps per week for every week with a check-in."""
    _ = translator.gettext
    figure = _figure(8.0, 3.5)
    axes = figure.add_subplot()
    import numpy as np

    weeks = np.array([week.week_start for week in analysis.weekly], dtype="datetime64[D]")
    axes.plot(weeks, [week.rate_per_week for week in analysis.weekly], marker=".", linewidth=1)
    axes.set_ylabel(_("cramps per week"))
    axes.set_title(_("Cramps per week"))
    axes.set_ylim(bottom=0)
    starts = [week.week_start for week in analysis.weekly]
    if starts and (min(starts) < _PLAUSIBLE[0] or max(starts) > _PLAUSIBLE[1]):
        # A year-1 or year-9999 entry (saved before dates were bounded): the usual margins
        # would reach beyond the dates matplotlib can draw.
        axes.set_xlim(weeks.min(), weeks.max())
    figure.autofmt_xdate()
    return _render(figure, png_path, svg)


def plot_factor_forest(
    analysis: DiaryAnalysis,
    png_path: Path | None = None,
    *,
    translator: Translator,
    svg: bool = True,
) -> str:
    """Rate ratio and 95% interval of every factor with enough data, on a log axis."""
    _ = translator.gettext
    rows = [row for row in analysis.factors if row.rate_ratio is not None]
    figure = _figure(7.0, 1.0 + 0.4 * max(len(rows), 1))
    axes = figure.add_subplot()
    for position, row in enumerate(reversed(rows)):
        ratio, low, high = row.rate_ratio, row.ci_low, row.ci_high
        assert ratio is not None and low is not None and high is not None
        axes.plot([low, high], [position, position], color="tab:blue")
        axes.plot([ratio], [position], "o", color="tab:blue")
    labels = [
        _("{factor} (day before)").format(factor=row.factor) if row.lag else row.factor
        for row in reversed(rows)
    ]
    axes.set_yticks(range(len(rows)), labels)
    axes.axvline(1.0, color="grey", linestyle="--", linewidth=1)
    axes.set_xscale("log")
    axes.set_xlabel(_("rate ratio (95% CI); below 1 = fewer cramps"))
    if not rows:
        axes.text(0.5, 0.5, _("not enough data yet"), transform=axes.transAxes, ha="center")
    figure.tight_layout()
    return _render(figure, png_path, svg)


def _figure(width: float, height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    FigureCanvasAgg(figure)
    return figure


def _render(figure: Figure, png_path: Path | None, svg: bool) -> str:
    if png_path is not None:
        figure.savefig(png_path, format="png", dpi=120)
    if not svg:
        return ""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    return buffer.getvalue()
