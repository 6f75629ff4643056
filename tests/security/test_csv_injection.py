"""Finding 5: CSV injection. Exported free-text cells and header names that a spreadsheet
would run as a formula get a leading ' (OWASP); numbers are left alone, and the import keeps
whatever a person wrote."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.security.conftest import run

FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x.example","y")', "+1+1", "-2+3",
            "@SUM(A1:A2)", "\tTAB", "\rCR"]  # fmt: skip


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("formula", FORMULAS)
def test_free_text_cells_are_neutralised(tmp_path: Path, sqlite_url: str, formula: str) -> None:
    added = run(
        "diary", "add", "--start", "2025-03-01T03:00+01:00", "--notes", formula,
        "--helped", formula, "--db", sqlite_url,
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    target = tmp_path / "episodes.csv"
    assert run("diary", "export", "--episodes", str(target), "--db", sqlite_url).exit_code == 0
    header, row = _rows(target)
    cells = dict(zip(header, row, strict=True))
    assert cells["notes"] == "'" + formula
    assert cells["helped"] == "'" + formula
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_factor_names_in_the_header_are_neutralised_and_numbers_kept(
    tmp_path: Path, sqlite_url: str
) -> None:
    checkin = run(
        "diary", "checkin", "--date", "2025-03-01", "--factor", "@risk=-2",
        "--factor", "-cmd|calc=1.5", "--factor", "+sum=true", "--db", sqlite_url,
    )  # fmt: skip
    assert checkin.exit_code == 0, checkin.output
    target = tmp_path / "checkins.csv"
    assert run("diary", "export", "--checkins", str(target), "--db", sqlite_url).exit_code == 0
    header, row = _rows(target)
    assert {"'@risk", "'-cmd|calc", "'+sum"} <= set(header)
    assert not any(name.startswith(("=", "+", "-", "@")) for name in header)
    cells = dict(zip(header, row, strict=True))
    assert cells["'@risk"] == "-2"  # a number, not text: left as it is


def test_a_normal_round_trip_still_works(tmp_path: Path, sqlite_url: str) -> None:
    run(
        "diary", "add", "--start", "2025-03-01T03:00+01:00", "--notes", "calf, -3 °C outside",
        "--duration", "2", "--severity", "4", "--db", sqlite_url,
    )  # fmt: skip
    run("diary", "checkin", "--date", "2025-03-01", "--factor", "temperature=-3.5",
        "--sleep-hours", "7", "--db", sqlite_url)  # fmt: skip
    episodes, checkins = tmp_path / "e.csv", tmp_path / "c.csv"
    exported = run(
        "diary", "export", "--episodes", str(episodes), "--checkins", str(checkins),
        "--db", sqlite_url,
    )  # fmt: skip
    assert exported.exit_code == 0, exported.output
    copy = f"sqlite:///{tmp_path / 'copy.db'}"
    imported = run(
        "diary", "import", "--episodes", str(episodes), "--checkins", str(checkins),
        "--db", copy,
    )  # fmt: skip
    assert imported.exit_code == 0, imported.output
    original = json.loads(run("diary", "list", "--format", "json", "--db", sqlite_url).output)
    again = json.loads(run("diary", "list", "--format", "json", "--db", copy).output)
    for document in (original, again):
        for episode in document["episodes"]:
            episode.pop("id")
    assert again == original
    assert again["checkins"][0]["factors"] == {"temperature": -3.5}


def test_import_keeps_what_a_person_wrote(tmp_path: Path, sqlite_url: str) -> None:
    source = tmp_path / "episodes.csv"
    source.write_text(
        "start,notes,helped\n2025-03-01T03:00+01:00,'=quoted on purpose,=SUM(1)\n",
        encoding="utf-8",
    )
    result = run("diary", "import", "--episodes", str(source), "--db", sqlite_url)
    assert result.exit_code == 0, result.output
    [episode] = json.loads(run("diary", "list", "--format", "json", "--db", sqlite_url).output)[
        "episodes"
    ]
    assert episode["notes"] == "'=quoted on purpose"
    assert episode["helped"] == "=SUM(1)"
