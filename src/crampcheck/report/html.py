"""`render_report_html`: the report as one self-contained HTML document (print stylesheet,
inline charts, no external resources). It lays out `ReportData`; it decides nothing.

Charts are vector SVG in HTML. For the PDF they are embedded as PNG images: WeasyPrint takes
over a second to draw matplotlib's SVG paths, and a PNG at print resolution looks the same."""

from __future__ import annotations

import base64
import tempfile
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from crampcheck.analysis.diary import DiaryAnalysis
from crampcheck.analysis.plots import plot_factor_forest, plot_weekly_rates
from crampcheck.i18n import Translator
from crampcheck.render.templating import template_environment
from crampcheck.report.content import ReportData


def render_report_html(
    report: ReportData, translator: Translator, *, raster_charts: bool = False
) -> str:
    """The HTML of `report` in the translator's language (charts as PNG with `raster_charts`)."""
    environment = template_environment("crampcheck.report", translator)
    analysis = report.diary.analysis
    chart = _raster if raster_charts else _vector
    weekly_chart = chart(plot_weekly_rates, analysis, translator) if analysis.weekly else None
    forest_chart = chart(plot_factor_forest, analysis, translator) if report.diary.factors else None
    return environment.get_template("report.html").render(
        report=report, weekly_chart=weekly_chart, forest_chart=forest_chart
    )


Plot = Callable[..., str]


def _vector(plot: Plot, analysis: DiaryAnalysis, translator: Translator) -> Markup:
    return _inline(plot(analysis, translator=translator))


def _raster(plot: Plot, analysis: DiaryAnalysis, translator: Translator) -> Markup:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chart.png"
        plot(analysis, png_path=path, translator=translator, svg=False)
        encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    return Markup(f'<img alt="" src="data:image/png;base64,{encoded}">')


def _inline(svg: str) -> Markup:
    """An SVG document as an element to place in HTML (without its XML prolog and doctype)."""
    return Markup(svg[svg.index("<svg") :])
