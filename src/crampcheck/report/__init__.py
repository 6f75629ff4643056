"""The doctor's report: gather the content, render it as HTML, write it as PDF.

report = gather_report(session, start=..., end=..., assessment=..., disclaimer=..., produced=...)
write_pdf(render_report_html(report, translator), Path("report.pdf"))
"""

from crampcheck.report.gathering import (
    DiarySummary,
    ExperimentReport,
    KeptAssessment,
    ReportData,
    default_period,
    gather_report,
    latest_kept_assessment,
)
from crampcheck.report.html import render_report_html
from crampcheck.report.pdf import write_pdf

__all__ = [
    "DiarySummary",
    "ExperimentReport",
    "KeptAssessment",
    "ReportData",
    "default_period",
    "gather_report",
    "latest_kept_assessment",
    "render_report_html",
    "write_pdf",
]
