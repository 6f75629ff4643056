"""The PDF helper process and whole-file writing: a report appears complete or not at all."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from crampcheck.cli import cli
from crampcheck.errors import OutputError
from crampcheck.i18n import load_translator
from crampcheck.report import PdfRenderer, gather_report
from crampcheck.report.content import ReportData
from crampcheck.report.files import write_whole
from crampcheck.storage import session_scope
from crampcheck.storage.engine import create_engine_for, session_factory
from crampcheck.storage.migrate import upgrade_database
from tests.report.builders import FIRST_DAY, LAST_DAY, build_diary

# Processes and locks that take seconds: left out of `scripts/test --quick`.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report_data(tmp_path_factory: pytest.TempPathFactory) -> ReportData:
    url = f"sqlite:///{tmp_path_factory.mktemp('renderer') / 'diary.db'}"
    build_diary(url)
    engine = create_engine_for(url)
    upgrade_database(engine)
    try:
        with session_scope(session_factory(engine)) as session:
            return gather_report(
                session,
                start=FIRST_DAY,
                end=LAST_DAY,
                assessment=None,
                disclaimer="crampcheck informs; it does not diagnose.",
                produced=date(2026, 2, 10),
                translator=load_translator("en"),
            )
    finally:
        engine.dispose()


@pytest.fixture
def second_thread() -> Iterator[None]:
    """Another thread running, as in a server: the helper must then be spawned, not forked."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    yield
    stop.set()
    thread.join()


def test_the_helper_writes_a_pdf(report_data: ReportData, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    with PdfRenderer() as renderer:
        renderer.write(report_data, "en", target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left


@pytest.mark.usefixtures("second_thread")
def test_a_spawned_helper_writes_the_same_pdf(report_data: ReportData, tmp_path: Path) -> None:
    assert threading.active_count() > 1
    target = tmp_path / "report.pdf"
    with PdfRenderer() as renderer:
        renderer.write(report_data, "en", target)
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_missing_folder_is_an_output_error(report_data: ReportData, tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "report.pdf"
    with PdfRenderer() as renderer, pytest.raises(OutputError, match="no such folder"):
        renderer.write(report_data, "en", target)


@pytest.mark.parametrize("name", ["report.pdf", "report.html"])
def test_the_command_names_a_target_it_cannot_write(tmp_path: Path, name: str) -> None:
    target = tmp_path / "missing" / name
    arguments = ["report", "--db", f"sqlite:///{tmp_path / 'd.db'}", "-o", str(target)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 1
    assert f"Error: cannot write {target}" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the report of last week")

    def fail_halfway(partial: Path) -> None:
        partial.write_bytes(b"%PDF- half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_whole(target, fail_halfway)
    assert target.read_bytes() == b"the report of last week"
    assert list(tmp_path.iterdir()) == [target]


def test_a_written_report_is_private_to_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_whole(target, lambda partial: partial.write_text("<!doctype html>"))
    assert target.read_text() == "<!doctype html>"
    assert target.stat().st_mode & 0o077 == 0
