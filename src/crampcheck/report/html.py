"""`render_report_html`: the report as one self-contained HTML document (print stylesheet,
inline SVG charts, no external resources). It lays out `ReportData`; it decides nothing."""

from __future__ import annotations

from markupsafe import Markup

from crampcheck.analysis.plots import plot_factor_forest, plot_weekly_rates
from crampcheck.i18n import Translator
from crampcheck.render.templating import template_environment
from crampcheck.report.gathering import ReportData


def render_report_html(report: ReportData, translator: Translator) -> str:
    """The HTML of `report` in the translator's language."""
    environment = template_environment("crampcheck.report", translator)
    analysis = report.diary.analysis
    weekly_chart = _inline(plot_weekly_rates(analysis)) if analysis.weekly else None
    forest_chart = _inline(plot_factor_forest(analysis)) if report.diary.factors else None
    return environment.get_template("report.html").render(
        report=report, weekly_chart=weekly_chart, forest_chart=forest_chart
    )


def _inline(svg: str) -> Markup:
    """An SVG document as an element to place in HTML (without its XML prolog and doctype)."""
    return Markup(svg[svg.index("<svg") :])
