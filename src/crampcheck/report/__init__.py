"""The doctor's report: gather the content, render it as HTML, write it as PDF.

report = gather_report(session, start=..., end=..., assessment=..., disclaimer=..., produced=...,
                       translator=translator)
write_pdf(render_report_html(report, translator), Path("report.pdf"))

or, to overlap loading the PDF libraries with reading the diary (what the CLI does):

with PdfRenderer() as renderer:
    renderer.write(gather_report(..., translator=translator), translator.language, Path(...))

The names are imported on first use: the PDF helper process needs the content classes but
not the database code that gathering them takes (SQLAlchemy alone is 0.3 s to load).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "DiarySummary",
    "ExperimentReport",
    "KeptAssessment",
    "PdfRenderer",
    "ReportData",
    "default_period",
    "gather_report",
    "latest_kept_assessment",
    "render_report_html",
    "write_pdf",
]

if TYPE_CHECKING:
    from crampcheck.report.content import (
        DiarySummary,
        ExperimentReport,
        KeptAssessment,
        ReportData,
    )
    from crampcheck.report.gathering import default_period, gather_report, latest_kept_assessment
    from crampcheck.report.html import render_report_html
    from crampcheck.report.pdf import write_pdf
    from crampcheck.report.renderer import PdfRenderer

_HOMES = {
    "DiarySummary": "content",
    "ExperimentReport": "content",
    "KeptAssessment": "content",
    "ReportData": "content",
    "default_period": "gathering",
    "gather_report": "gathering",
    "latest_kept_assessment": "gathering",
    "render_report_html": "html",
    "write_pdf": "pdf",
    "PdfRenderer": "renderer",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(name)
    return getattr(import_module(f"crampcheck.report.{_HOMES[name]}"), name)
