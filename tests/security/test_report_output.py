"""Finding 8: `report -o` onto a device replaced the device (as root), and `-o -` wrote a
file named "-". Only regular files are replaced; `-` is standard output."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from crampcheck.cli import cli
from tests.security.conftest import assert_clean_failure, run


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_a_device_is_refused(tmp_path: Path, device: str) -> None:
    target = _private_copy_of(device, tmp_path)
    result = run("report", "-o", target, "--format", "html", "--db", _url(tmp_path))
    assert_clean_failure(result, "--output", target, "not a regular file")
    assert Path(target).is_char_device()


def _private_copy_of(device: str, tmp_path: Path) -> str:
    """A node for the same device inside tmp_path, so a regression replaces only the copy.

    The real /dev/null was once replaced by a PDF while this test ran as root; only root can
    make device nodes, and only root could replace the real one, so without root the real
    device is a safe target."""
    copy = tmp_path / Path(device).name
    try:
        os.mknod(copy, 0o666 | stat.S_IFCHR, os.stat(device).st_rdev)
    except PermissionError:
        return device
    return str(copy)


def test_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    result = run("report", "-o", str(fifo), "--db", _url(tmp_path))
    assert_clean_failure(result, "not a regular file")
    assert fifo.is_fifo()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "reports.html"
    folder.mkdir()
    result = run("report", "-o", str(folder), "--format", "html", "--db", _url(tmp_path))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert folder.is_dir()


def test_dash_writes_the_report_to_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["report", "-o", "-", "--format", "html", "--db", _url(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "<html" in result.stdout
    assert not (tmp_path / "-").exists()


@pytest.mark.slow
def test_dash_writes_a_pdf_to_standard_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "-o", "-", "--db", _url(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"%PDF")


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'diary.db'}"
