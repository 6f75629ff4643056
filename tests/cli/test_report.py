"""`crampcheck report` options and errors through the command-line runner."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from crampcheck.cli import cli


def test_a_bad_from_date_exits_2_naming_the_option(sqlite_url: str, tmp_path: Path) -> None:
    arguments = ["report", "--db", sqlite_url, "-o", str(tmp_path / "r.pdf"), "--from", "May"]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 2
    assert "--from" in result.output and "YYYY-MM-DD" in result.output
    assert not (tmp_path / "r.pdf").exists()


def test_from_after_to_exits_2(sqlite_url: str, tmp_path: Path) -> None:
    arguments = ["--from", "2026-03-01", "--to", "2026-02-01"]
    result = CliRunner().invoke(
        cli, ["report", "--db", sqlite_url, "-o", str(tmp_path / "r.pdf"), *arguments]
    )
    assert result.exit_code == 2 and "--from" in result.output


def test_a_bad_assessment_file_exits_2_naming_the_field(sqlite_url: str, tmp_path: Path) -> None:
    person = tmp_path / "person.json"
    person.write_text('{"age": "old"}', encoding="utf-8")
    arguments = ["-o", str(tmp_path / "r.html"), "--assessment", str(person)]
    result = CliRunner().invoke(cli, ["report", "--db", sqlite_url, *arguments])
    assert result.exit_code == 2 and "age" in result.output


def test_format_overrides_the_suffix(sqlite_url: str, tmp_path: Path) -> None:
    target = tmp_path / "report.out"
    arguments = ["-o", str(target), "--format", "html"]
    result = CliRunner().invoke(cli, ["report", "--db", sqlite_url, *arguments])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
