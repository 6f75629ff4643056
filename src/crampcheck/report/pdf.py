"""`write_pdf`: HTML to PDF with WeasyPrint, offline (fonts from the system, no fetching)."""

from __future__ import annotations

from pathlib import Path


def write_pdf(html: str, target: Path) -> None:
    """Write `html` (a self-contained document) to `target` as PDF (A4, per its stylesheet).

    Only data: URLs (the embedded charts) may be loaded; any other URL stops the rendering —
    the report is self-contained, so a fetch would be a bug, never a download.
    """
    target.write_bytes(pdf_bytes(html))


def pdf_bytes(html: str) -> bytes:
    """`write_pdf`, returning the PDF instead of writing it (e.g. to send it as a download)."""
    from weasyprint import HTML  # imported here: loading pango takes a while
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf()
    return pdf
