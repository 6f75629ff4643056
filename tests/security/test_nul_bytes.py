"""Finding 7: PostgreSQL and logs. A NUL character in free text was a 500 (DataError) whose
log line printed the SQL parameters — personal health text. NUL is an input error at every
entrance, and the engine never shows parameters. Run against a real PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError

from crampcheck.config import Settings
from crampcheck.storage import EpisodeRow, create_engine_for, upgrade_database
from crampcheck.web import create_app
from tests.security.conftest import LOOPBACK, assert_clean_failure, run
from tests.support.postgres import PostgresServer

pytestmark = pytest.mark.postgres
SECRET = "my private note\x00about my legs"


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture
def pg_client(tmp_path: Path, postgres_url: str) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path, database_url=postgres_url, secret_key="test-key")
    with TestClient(create_app(settings), base_url=LOOPBACK) as client:
        yield client


def _token(client: TestClient) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/diary/log").text)
    assert found
    return found.group(1)


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/diary/log", {"helped": SECRET}),
        ("/diary/checkin", {"date": "2025-01-01", "factor_name": "mag\x00nesium",
                            "factor_value": "1"}),
        ("/diary/medications/start", {"name": "Amlo\x00dipine"}),
    ],
)  # fmt: skip
def test_a_nul_in_a_form_is_an_input_error(
    pg_client: TestClient, path: str, data: dict[str, str]
) -> None:
    response = pg_client.post(path, data={"csrf_token": _token(pg_client), **data})
    assert response.status_code == 200, response.text
    assert "NUL" in response.text
    document = pg_client.get("/diary/export.json").json()
    assert document["episodes"] == document["checkins"] == document["medications"] == []
    assert pg_client.get("/diary").status_code == 200


@pytest.mark.parametrize(
    "arguments",
    [
        ["diary", "add", "--notes", SECRET],
        ["diary", "add", "--helped", "stretch\x00ing"],
        ["diary", "checkin", "--factor", "mag\x00nesium=1"],
        ["diary", "meds", "start", "Amlo\x00dipine"],
    ],
)
def test_a_nul_on_the_command_line_is_an_input_error(
    postgres_url: str, arguments: list[str]
) -> None:
    assert_clean_failure(run(*arguments, "--db", postgres_url), "NUL")


def test_a_nul_in_an_imported_row_is_an_input_error(tmp_path: Path, postgres_url: str) -> None:
    source = tmp_path / "episodes.csv"
    source.write_text(f"start,notes\n2025-01-01T03:00+01:00,{SECRET}\n", encoding="utf-8")
    result = run("diary", "import", "--episodes", str(source), "--db", postgres_url)
    assert_clean_failure(result, "episodes.csv line 2, column notes", "NUL")
    assert "about my legs" not in result.output


def test_the_engine_never_shows_parameters(postgres_url: str) -> None:
    engine = create_engine_for(postgres_url)
    upgrade_database(engine)
    row = {"start_utc": datetime(2025, 1, 1, 2), "utc_offset_minutes": 60, "notes": SECRET}
    with pytest.raises(DBAPIError) as raised, engine.begin() as connection:
        connection.execute(insert(EpisodeRow), [row])
    engine.dispose()
    assert "private note" not in str(raised.value)
    assert "hidden" in str(raised.value)


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["diary", "meds", "start", "x" * 300], "at most 200"),
        (["diary", "checkin", "--factor", "x" * 150 + "=1"], "at most 100"),
        (["experiment", "plan", "--name", "trial\x00", "--a", "a", "--b", "b",
          "--period-days", "3", "--blocks", "2", "--start", "2025-01-01"], "NUL"),
        (["experiment", "plan", "--name", "x" * 300, "--a", "a", "--b", "b\x00",
          "--period-days", "3", "--blocks", "2", "--start", "2025-01-01"], "at most 200"),
    ],
)  # fmt: skip
def test_texts_beyond_the_columns_are_input_errors(
    postgres_url: str, arguments: list[str], expected: str
) -> None:
    assert_clean_failure(run(*arguments, "--db", postgres_url), expected)


def test_a_long_factor_column_in_an_import_is_an_input_error(
    tmp_path: Path, postgres_url: str
) -> None:
    source = tmp_path / "checkins.csv"
    source.write_text(f"date,{'f' * 150}\n2025-01-01,1\n", encoding="utf-8")
    result = run("diary", "import", "--checkins", str(source), "--db", postgres_url)
    assert_clean_failure(result, "checkins.csv line 2", "at most 100")


def test_odd_experiment_ids_name_no_experiment(postgres_url: str) -> None:
    for experiment_id in ("a\x00b", "x" * 50):
        result = run("experiment", "show", experiment_id, "--db", postgres_url)
        assert_clean_failure(result, "no experiment with id")
