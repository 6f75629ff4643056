"""`PdfRenderer`: writes report PDFs in a helper process that loads its libraries at once.

WeasyPrint and matplotlib take about 1.3 s to import, and the diary statistics (statsmodels
and scipy) about 1.5 s more; one after the other they are most of `crampcheck report`'s time.
The helper is started before the diary is read, so it loads the drawing libraries on another
core while this process reads the diary and fits the models; it then draws the charts and lays
out the PDF. On a machine with one core the overlap is lost; the helper's start is the only
cost.

    with PdfRenderer() as renderer:
        report = gather_report(..., translator=words)
        renderer.write(report, words.language, Path("report.pdf"))
"""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import TracebackType

from crampcheck.errors import OutputError
from crampcheck.processes import process_context
from crampcheck.report.content import ReportData
from crampcheck.report.files import write_whole


class PdfRenderer:
    """A helper process for one or more PDFs; close it (or use `with`) when done."""

    def __init__(self) -> None:
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=process_context())
        self._loaded: Future[None] = self._pool.submit(_load_libraries)

    def write(self, report: ReportData, language: str, target: Path) -> None:
        """Write `report` as PDF in `language` to `target` (whole, or not at all).

        Raises `OutputError` when the file cannot be written or the helper stopped.
        """
        try:
            self._loaded.result()
        except BrokenProcessPool as error:
            raise OutputError("the PDF helper process stopped unexpectedly") from error
        except (OSError, ImportError) as error:  # e.g. the system's Pango library is missing
            raise OutputError(f"the PDF libraries could not be loaded: {error}") from error
        try:
            self._pool.submit(_write_pdf, report, language, target).result()
        except BrokenProcessPool as error:
            raise OutputError("the PDF helper process stopped unexpectedly") from error
        except OSError as error:
            raise OutputError(f"cannot write {target}: {error.strerror or error}") from error

    def close(self) -> None:
        """Stop the helper (waits for what it is doing, at most its library loading)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PdfRenderer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _load_libraries() -> None:
    """Runs first in the helper, while the diary is still being analysed: import what drawing
    and layout need, and draw once (fonts, font caches and layout code are loaded on first
    use: ~0.5 s that would otherwise come after the analysis)."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from weasyprint import HTML

    import crampcheck.report.html  # noqa: F401

    figure = Figure(figsize=(1, 1))
    FigureCanvasAgg(figure)
    figure.add_subplot().plot([0, 1], [0, 1], marker=".")
    figure.savefig(io.BytesIO(), format="png", dpi=30)
    style = 'html { font: 8pt "DejaVu Sans", "Liberation Sans", sans-serif; }'
    HTML(string=f"<style>{style}</style><h1>crampcheck</h1><p><b>warm-up</b></p>").write_pdf()


def _write_pdf(report: ReportData, language: str, target: Path) -> None:
    from crampcheck.i18n import load_translator
    from crampcheck.report.html import render_report_html
    from crampcheck.report.pdf import write_pdf

    html = render_report_html(report, load_translator(language), raster_charts=True)
    write_whole(target, lambda partial: write_pdf(html, partial))
