"""`write_pdf`: HTML to PDF with WeasyPrint, offline (fonts from the system, no fetching)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

from crampcheck.errors import CrampcheckError


def _refuse(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    # The report is self-contained; anything it would fetch is a bug, never a download.
    raise CrampcheckError(f"the report must not load external resources: {url}")


def write_pdf(html: str, target: Path) -> None:
    """Write `html` (a self-contained document) to `target` as PDF (A4, per its stylesheet)."""
    from weasyprint import HTML  # imported here: loading pango takes a while

    HTML(string=html, url_fetcher=_refuse).write_pdf(target)
