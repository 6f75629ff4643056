"""Finding 4: files readable by others. The data folder is 0700 and the database, the CSV and
JSON exports and the reports are 0600 — even with umask 0, and over an existing 0644 file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.security.conftest import run


@pytest.fixture
def umask_zero() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_folder_and_database_are_private(tmp_path: Path, umask_zero: None) -> None:
    database = tmp_path / "data" / "crampcheck" / "diary.db"
    result = run("diary", "add", "--db", f"sqlite:///{database}")
    assert result.exit_code == 0, result.output
    assert mode(database.parent) == 0o700
    assert mode(database) == 0o600


def test_an_existing_database_is_made_private(tmp_path: Path, umask_zero: None) -> None:
    database = tmp_path / "diary.db"
    assert run("diary", "add", "--db", f"sqlite:///{database}").exit_code == 0
    database.chmod(0o644)
    assert run("diary", "list", "--db", f"sqlite:///{database}").exit_code == 0
    assert mode(database) == 0o600


def test_exports_are_private(tmp_path: Path, umask_zero: None) -> None:
    url = f"sqlite:///{tmp_path / 'diary.db'}"
    assert run("diary", "add", "--notes", "private", "--db", url).exit_code == 0
    assert run("diary", "checkin", "--sleep-hours", "7", "--db", url).exit_code == 0
    episodes, checkins, everything = (tmp_path / name for name in ("e.csv", "c.csv", "d.json"))
    episodes.write_text("old", encoding="utf-8")
    episodes.chmod(0o644)  # an earlier export, readable by everyone
    result = run(
        "diary", "export", "--episodes", str(episodes), "--checkins", str(checkins),
        "--json", str(everything), "--db", url,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for path in (episodes, checkins, everything):
        assert mode(path) == 0o600, path
    assert "private" in episodes.read_text(encoding="utf-8")


def test_reports_are_private(tmp_path: Path, umask_zero: None) -> None:
    url = f"sqlite:///{tmp_path / 'diary.db'}"
    target = tmp_path / "report.html"
    result = run("report", "-o", str(target), "--db", url)
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o600


def test_the_default_data_folder_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_zero: None
) -> None:
    data = tmp_path / "crampcheck"
    data.mkdir(mode=0o755)  # made by an older version
    monkeypatch.setenv("CRAMPCHECK_DATA_DIR", str(data))
    monkeypatch.delenv("CRAMPCHECK_DATABASE_URL", raising=False)
    result = run("diary", "add")
    assert result.exit_code == 0, result.output
    assert mode(data) == 0o700
    assert mode(data / "crampcheck.db") == 0o600


def test_batch_assessments_are_private(tmp_path: Path, umask_zero: None) -> None:
    source, output = tmp_path / "people.jsonl", tmp_path / "results.jsonl"
    source.write_text('{"age": 70}\n', encoding="utf-8")
    output.write_text("", encoding="utf-8")
    output.chmod(0o644)
    result = run("batch", str(source), "-o", str(output))
    assert result.exit_code == 0, result.output
    assert mode(output) == 0o600 and output.read_text(encoding="utf-8").startswith("{")
