"""The doctor's report as PDF and HTML, built from a real diary and read back with poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crampcheck.assessment.engine import assess
from crampcheck.cli import cli
from crampcheck.i18n.formatting import format_day
from tests.report.builders import FIRST_DAY, LAST_DAY, PERSON, build_diary, write_person

HEADINGS = [
    "crampcheck report",
    "Latest assessment",
    "Concerns and why",
    "Medicines linked to cramps",
    "To discuss with the doctor",
    "Diary summary",
    "Factor findings",
    "Experiment results",
    "Evidence grades and sources",
    "Sources cited",
]
PERIOD = ["--from", FIRST_DAY.isoformat(), "--to", LAST_DAY.isoformat()]


def poppler(tool: str, *arguments: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: run scripts/system-deps (Debian poppler-utils)")
    done = subprocess.run([tool, *arguments], check=True, capture_output=True, text=True)
    return done.stdout


def report(url: str, target: Path, *arguments: str) -> Result:
    result = CliRunner().invoke(cli, ["report", "--db", url, "-o", str(target), *arguments])
    assert result.exit_code == 0, result.output
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def diary_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("report")
    url = f"sqlite:///{folder / 'diary.db'}"
    build_diary(url)
    target = folder / "report.pdf"
    report(url, target, *PERIOD)
    return target, flat(poppler("pdftotext", "-layout", str(target), "-"))


def test_the_pdf_has_every_section_on_one_or_two_pages(diary_pdf: tuple[Path, str]) -> None:
    target, text = diary_pdf
    for heading in HEADINGS:
        assert heading in text, heading
    pages = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", str(target))).group(1))  # type: ignore[union-attr]
    assert pages in (1, 2)


def test_the_pdf_gives_the_assessment_the_diary_and_its_statistics(
    diary_pdf: tuple[Path, str],
) -> None:
    _, text = diary_pdf
    assert "Urgency: Book a doctor's appointment" in text
    assert "Frequent cramps" in text and "does not diagnose" in text
    assert "atorvastatin 20mg" in text and "linked to cramps" in text
    assert "Ask for a medication review" in text
    # Days as English writes them (Babel, per locale), not ISO.
    period = f"{format_day(FIRST_DAY, 'en')} to {format_day(LAST_DAY, 'en')}"
    assert f"Period covered: {period}" in text
    # a factor row with its rate ratio and interval, and the multiple-comparisons note
    assert re.search(r"stretched days stretched was true .* \d+\.\d\d \d+\.\d\d–\d+\.\d\d", text)
    assert "Holm correction" in text
    assert "stretch before bed may help" in text  # the experiment's verdict
    assert "E3 — Expert advice" in text and "GARR12" in text  # grade and a source key


def summary_text(result: object) -> str:
    """The result's `summary.text` (the one place this test reads a field of a result)."""
    summary = getattr(result, "summary")  # noqa: B009 - a dict today, an object soon
    return str(summary.text if hasattr(summary, "text") else summary["text"])


def test_the_summary_leads_right_after_the_title(diary_pdf: tuple[Path, str]) -> None:
    _, text = diary_pdf
    summary = flat(summary_text(assess(PERSON)))
    order = [
        text.index("crampcheck report"),
        text.index("Urgency: Book a doctor's appointment"),
        text.index("In short:"),
        text.index(summary[:60]),
        text.index(summary[-40:]),
        text.index("Produced"),
        text.index("Latest assessment"),
        text.index("Concerns and why"),
    ]
    assert order == sorted(order), order
    assert text.count("Urgency:") == 1  # said once, at the top


def test_the_first_page_is_saved_as_an_image_to_look_at(
    diary_pdf: tuple[Path, str], artifacts: Path
) -> None:
    target, _ = diary_pdf
    prefix = artifacts / "report"
    poppler(
        "pdftoppm",
        "-png",
        "-r",
        "60",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        str(target),
        str(prefix),
    )
    image = prefix.with_suffix(".png")
    assert image.stat().st_size > 10_000


def test_html_output_has_the_same_sections(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'diary.db'}"
    build_diary(url, keep_assessment=False)
    target = tmp_path / "report.html"
    report(url, target, *PERIOD, "--assessment", str(write_person(tmp_path / "person.json")))
    html = target.read_text(encoding="utf-8")
    for heading in HEADINGS:
        assert heading in html, heading
    assert html.count("<svg") == 2  # both charts inline
    assert not re.search(r"(src|href)=\"https?:|@import|url\((?!#)", html)  # nothing external
    assert "Frequent cramps" in html and "Made on" in html


def test_an_empty_database_gives_a_report_saying_so(tmp_path: Path) -> None:
    target = tmp_path / "empty.pdf"
    report(f"sqlite:///{tmp_path / 'empty.db'}", target)
    text = flat(poppler("pdftotext", str(target), "-"))
    assert "No diary entries yet." in text
    assert "No assessment was made." in text
    assert "not enough data yet" in text and "No experiments yet." in text


def test_the_pdf_writer_loads_nothing_from_outside(tmp_path: Path) -> None:
    from weasyprint.urls import FatalURLFetchingError

    from crampcheck.report import write_pdf

    with pytest.raises(FatalURLFetchingError):
        write_pdf('<img src="https://example.org/x.png">', tmp_path / "x.pdf")
    write_pdf('<img alt="" src="data:image/png;base64,iVBORw0KGgo=">', tmp_path / "ok.pdf")
