"""Finding 1: one implausible date bricked the diary. Every entrance refuses dates outside
1900-01-01 .. now + 1 day, ids beyond 2^63 - 1 are 404, and the pages and commands survive
any extreme already stored (rows inserted directly into the database)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from crampcheck.storage import (
    CheckInRow,
    EpisodeRow,
    MedicationRow,
    create_engine_for,
    upgrade_database,
)
from tests.security.conftest import assert_clean_failure, csrf_token, run

EXTREME_STARTS = [
    ("0001-01-01T00:00:00+14:00", "0001-01-01T00:30:00"),
    ("9999-12-31T23:59:00-12:00", "9999-12-31T12:00:00"),
]


@pytest.mark.parametrize(
    "start", ["0001-01-01T00:00:00+14:00", "0001-01-01T00:30", "9999-12-31", "1899-12-31T23:00"]
)
def test_cli_add_refuses_an_implausible_start(sqlite_url: str, start: str) -> None:
    result = run("diary", "add", "--start", start, "--db", sqlite_url)
    assert_clean_failure(result, "--start", "1900-01-01")


def test_cli_add_refuses_an_ago_beyond_the_calendar(sqlite_url: str) -> None:
    result = run("diary", "add", "--ago", "99999999999d", "--db", sqlite_url)
    assert_clean_failure(result, "--ago", "1900-01-01")


def test_cli_edit_refuses_an_implausible_start(sqlite_url: str) -> None:
    assert run("diary", "add", "--db", sqlite_url).exit_code == 0
    result = run("diary", "edit", "1", "--start", "0001-01-01T00:00+14:00", "--db", sqlite_url)
    assert_clean_failure(result, "--start")


@pytest.mark.parametrize(
    "command",
    [
        ["diary", "checkin", "--date", "9999-12-31", "--sleep-hours", "7"],
        ["diary", "checkin", "--date", "0001-01-01", "--sleep-hours", "7"],
        ["diary", "meds", "start", "Amlodipine", "--date", "9999-12-31"],
        ["diary", "meds", "stop", "Amlodipine", "--date", "0001-01-01"],
    ],
)
def test_cli_entry_dates_are_bounded(sqlite_url: str, command: list[str]) -> None:
    assert_clean_failure(run(*command, "--db", sqlite_url), "--date", "1900-01-01")


def test_cli_ids_beyond_64_bits_name_no_cramp(sqlite_url: str) -> None:
    for command in (["edit", str(2**63), "--severity", "3"], ["delete", str(2**64)]):
        assert_clean_failure(run("diary", *command, "--db", sqlite_url), "no cramp with id")


@pytest.mark.parametrize(
    ("header", "row", "column"),
    [
        ("start,notes", "0001-01-01T00:00:00+14:00,x", "start"),
        ("start,notes", "9999-12-31T23:00:00-12:00,x", "start"),
        ("date,sleep_hours", "9999-12-31,7", "date"),
        ("date,sleep_hours", "0001-01-01,7", "date"),
    ],
)
def test_an_implausible_csv_row_is_a_clear_error(
    tmp_path: Path, sqlite_url: str, header: str, row: str, column: str
) -> None:
    csv_file = tmp_path / "rows.csv"
    csv_file.write_text(f"{header}\n{row}\n", encoding="utf-8")
    option = "--episodes" if header.startswith("start") else "--checkins"
    result = run("diary", "import", option, str(csv_file), "--db", sqlite_url)
    assert_clean_failure(result, f"rows.csv line 2, column {column}", "1900-01-01")


@pytest.mark.parametrize(
    "data",
    [
        {"start": "0001-01-01T00:30", "time_zone": "Pacific/Kiritimati"},
        {"start": "9999-12-31T23:59", "time_zone": "Etc/GMT+12"},
        {"start": "1899-12-31T23:00"},
    ],
)
def test_the_log_form_refuses_an_implausible_start(
    client: TestClient, data: dict[str, str]
) -> None:
    response = client.post("/diary/log", data={"csrf_token": csrf_token(client), **data})
    assert response.status_code == 200
    assert "Nothing was saved" in response.text
    assert client.get("/diary/export.json").json()["episodes"] == []


def test_the_edit_form_refuses_an_implausible_start(client: TestClient) -> None:
    token = csrf_token(client)
    client.post("/diary/log", data={"csrf_token": token, "action": "now"})
    response = client.post(
        "/diary/episodes/1/edit", data={"csrf_token": token, "start": "0001-01-01T00:00"}
    )
    assert response.status_code == 200
    assert "Nothing was saved" in response.text or "1900-01-01" in response.text


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/diary/checkin", {"date": "9999-12-31", "sleep_hours": "7"}),
        ("/diary/medications/start", {"name": "Amlodipine", "date": "9999-12-31"}),
        ("/diary/medications/start", {"name": "Amlodipine", "date": "0001-01-01"}),
    ],
)
def test_the_day_forms_refuse_an_implausible_date(
    client: TestClient, path: str, data: dict[str, str]
) -> None:
    response = client.post(path, data={"csrf_token": csrf_token(client), **data})
    assert response.status_code == 200
    assert "1900-01-01" in response.text
    document = client.get("/diary/export.json").json()
    assert document["checkins"] == [] and document["medications"] == []


@pytest.mark.parametrize("episode_id", [2**63, 2**63 - 1, 2**64 + 5, 10**30])
def test_ids_beyond_64_bits_are_404(client: TestClient, episode_id: int) -> None:
    token = csrf_token(client)
    assert client.get(f"/diary/episodes/{episode_id}/edit").status_code == 404
    assert client.get(f"/diary/episodes/{episode_id}/logged").status_code == 404
    for action in ("edit", "delete"):
        response = client.post(f"/diary/episodes/{episode_id}/{action}", data={"csrf_token": token})
        assert response.status_code == 404


def _store_extremes(url: str) -> None:
    engine = create_engine_for(url)
    upgrade_database(engine)
    with engine.begin() as connection:
        connection.execute(
            insert(EpisodeRow),
            [
                {"start_utc": datetime(1, 1, 1, 0, 0), "utc_offset_minutes": 840},
                {"start_utc": datetime(1, 1, 1, 0, 30), "utc_offset_minutes": 0},
                {"start_utc": datetime(9999, 12, 31, 23, 59), "utc_offset_minutes": 840},
                {"start_utc": datetime(9999, 12, 31, 23, 0), "utc_offset_minutes": -720},
                {"start_utc": datetime(2026, 1, 1, 3, 0), "utc_offset_minutes": 99999},
            ],
        )
        connection.execute(
            insert(CheckInRow), [{"day": date(1, 1, 1)}, {"day": date(9999, 12, 31)}]
        )
        connection.execute(
            insert(MedicationRow),
            [
                {"name": "Early", "started": date(1, 1, 1), "stopped": date(9999, 12, 31)},
                {"name": "Late", "started": date(9999, 12, 31), "stopped": None},
            ],
        )
    engine.dispose()


def test_stored_extremes_do_not_break_the_diary_page(client: TestClient, sqlite_url: str) -> None:
    _store_extremes(sqlite_url)
    for path in ("/diary", "/diary/export.json", "/diary/log", "/diary/checkin"):
        assert client.get(path).status_code == 200, path
    assert client.get("/diary/episodes/1/edit").status_code == 200
    assert client.get("/diary/report.pdf").status_code == 200


@pytest.mark.slow
def test_stored_extremes_do_not_break_the_commands(tmp_path: Path, sqlite_url: str) -> None:
    _store_extremes(sqlite_url)
    commands = [
        ["diary", "list"],
        ["diary", "list", "--format", "json"],
        [
            "diary",
            "export",
            "--episodes",
            str(tmp_path / "e.csv"),
            "--json",
            str(tmp_path / "d.json"),
        ],
        ["diary", "export", "--checkins", str(tmp_path / "c.csv")],
        ["diary", "analyze"],
        ["diary", "analyze", "--format", "json"],
        ["diary", "meds", "list"],
    ]
    for command in commands:
        result = run(*command, "--db", sqlite_url)
        assert result.exit_code == 0, (command, result.output, result.exception)


@pytest.mark.parametrize(
    "command",
    [
        ["diary", "list", "--from", "0001-01-01"],
        ["diary", "list", "--to", "9999-12-31", "--format", "json"],
        ["diary", "analyze", "--from", "0001-01-01", "--to", "9999-12-31"],
    ],
)
def test_extreme_date_filters_mean_everything(sqlite_url: str, command: list[str]) -> None:
    assert (
        run("diary", "add", "--start", "2025-03-01T03:00+01:00", "--db", sqlite_url).exit_code == 0
    )
    result = run(*command, "--db", sqlite_url)
    assert result.exit_code == 0, (result.output, result.exception)


def test_extreme_days_in_page_addresses(client: TestClient) -> None:
    for day in ("0001-01-01", "9999-12-31"):
        assert client.get(f"/diary/checkin?date={day}").status_code == 200
        token = csrf_token(client)
        response = client.post(f"/diary/checkins/{day}/delete", data={"csrf_token": token})
        assert response.status_code == 404


@pytest.mark.parametrize("start", ["9999-12-25", "0001-01-01"])
def test_an_experiment_start_is_bounded(sqlite_url: str, start: str) -> None:
    result = run(
        "experiment", "plan", "--name", "x", "--a", "a", "--b", "b", "--period-days", "3",
        "--blocks", "2", "--start", start, "--db", sqlite_url,
    )  # fmt: skip
    assert_clean_failure(result, "start", "1900-01-01")
