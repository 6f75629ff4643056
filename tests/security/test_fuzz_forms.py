"""Hypothesis fuzzing of every diary form and of the CSV import: arbitrary text, dates and
numbers never give a 500 or a traceback, and nothing they store breaks a page (/diary and the
export still answer 200 afterwards)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crampcheck.config import Settings
from crampcheck.diary.exporting import EPISODE_COLUMNS
from crampcheck.diary.fields import CHECKIN_COLUMNS
from crampcheck.web import create_app
from tests.security.conftest import LOOPBACK, run

pytestmark = pytest.mark.slow
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Anything a form or file can carry (lone surrogates cannot be encoded as UTF-8 at all).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
DATES = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31))
DATE_TEXT = st.one_of(
    DATES.map(lambda moment: moment.isoformat(timespec="minutes")),
    DATES.map(lambda moment: moment.date().isoformat()),
    DATES.map(lambda moment: moment.isoformat() + "+14:00"),
    DATES.map(lambda moment: moment.isoformat() + "-12:00"),
    TEXT,
)
NUMBER_TEXT = st.one_of(
    st.floats().map(str),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["1e308", "-0", "nan", "inf", "1_000", "٣", "0x10", ""]),
    TEXT,
)
ANY_VALUE = st.one_of(DATE_TEXT, NUMBER_TEXT, TEXT)
ZONES = st.one_of(
    st.sampled_from(["Pacific/Kiritimati", "Etc/GMT+12", "Europe/Berlin", "UTC", ""]), TEXT
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "diary.db"


@pytest.fixture(scope="module")
def client(database: Path) -> Iterator[TestClient]:
    settings_ = Settings(
        data_dir=database.parent, database_url=f"sqlite:///{database}", secret_key="k"
    )
    with TestClient(create_app(settings_), base_url=LOOPBACK) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def token(client: TestClient) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/diary/log").text)
    assert found
    return found.group(1)


def _post(client: TestClient, token: str, path: str, data: dict[str, object]) -> None:
    response = client.post(path, data={"csrf_token": token, **data})
    assert response.status_code in (200, 303, 404), (path, data, response.text[:500])
    assert "Traceback" not in response.text


def _pages_still_answer(client: TestClient) -> None:
    for path in ("/diary", "/diary/export.json", "/diary/log", "/diary/checkin"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:500])


EPISODE_FORM = st.fixed_dictionaries(
    {
        "start": DATE_TEXT,
        "duration_minutes": NUMBER_TEXT,
        "muscle": st.one_of(st.sampled_from(["calf", "foot", ""]), TEXT),
        "side": st.one_of(st.sampled_from(["left", "both"]), TEXT),
        "severity": NUMBER_TEXT,
        "woke": st.one_of(st.sampled_from(["yes", "no", ""]), TEXT),
        "helped": TEXT,
        "time_zone": ZONES,
        "action": st.sampled_from(["details", "now", ""]),
    }
)


@given(form=EPISODE_FORM)
@FUZZ
def test_the_log_form(client: TestClient, token: str, form: dict[str, str]) -> None:
    _post(client, token, "/diary/log", form)
    _pages_still_answer(client)


@given(form=EPISODE_FORM, episode_id=st.integers(min_value=-5, max_value=2**70))
@FUZZ
def test_the_edit_and_delete_forms(
    client: TestClient, token: str, form: dict[str, str], episode_id: int
) -> None:
    client.post("/diary/log", data={"csrf_token": token, "action": "now"})
    _post(client, token, f"/diary/episodes/{episode_id}/edit", form)
    _post(client, token, "/diary/episodes/1/edit", form)
    _post(client, token, f"/diary/episodes/{episode_id}/delete", {"next": form["helped"]})
    _pages_still_answer(client)


@given(
    values=st.fixed_dictionaries(
        {
            "date": DATE_TEXT,
            **{name: NUMBER_TEXT for name in CHECKIN_COLUMNS[:7]},
            "exercise_intensity": st.one_of(st.sampled_from(["none", "intense"]), TEXT),
            "stretched": st.one_of(st.sampled_from(["yes", "no"]), TEXT),
        }
    ),
    factors=st.lists(st.tuples(TEXT, NUMBER_TEXT), max_size=4),
)
@FUZZ
def test_the_checkin_form(
    client: TestClient, token: str, values: dict[str, str], factors: list[tuple[str, str]]
) -> None:
    data: dict[str, object] = {
        **values,
        "factor_name": [name for name, _ in factors],
        "factor_value": [value for _, value in factors],
    }
    _post(client, token, "/diary/checkin", data)
    _post(client, token, f"/diary/checkins/{quote(values['date'], safe='')}/delete", {})
    _pages_still_answer(client)


@given(name=TEXT, day=DATE_TEXT, action=st.sampled_from(["start", "stop"]))
@FUZZ
def test_the_medication_forms(
    client: TestClient, token: str, name: str, day: str, action: str
) -> None:
    _post(client, token, f"/diary/medications/{action}", {"name": name, "date": day})
    _pages_still_answer(client)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


@given(
    episodes=st.lists(
        st.tuples(DATE_TEXT, NUMBER_TEXT, TEXT, TEXT, NUMBER_TEXT, TEXT, TEXT, TEXT, ZONES),
        max_size=5,
    ),
    checkins=st.lists(st.tuples(DATE_TEXT, *[ANY_VALUE] * 9, NUMBER_TEXT), max_size=5),
    factor=TEXT,
    skip=st.booleans(),
)
@FUZZ
def test_the_import(
    client: TestClient,
    database: Path,
    tmp_path_factory: pytest.TempPathFactory,
    episodes: list[tuple[str, ...]],
    checkins: list[tuple[str, ...]],
    factor: str,
    skip: bool,
) -> None:
    folder = tmp_path_factory.mktemp("import")
    episodes_file, checkins_file = folder / "episodes.csv", folder / "checkins.csv"
    episodes_file.write_text(
        _csv(list(EPISODE_COLUMNS), [list(row) for row in episodes]), encoding="utf-8"
    )
    header = ["date", *CHECKIN_COLUMNS, factor]
    checkins_file.write_text(_csv(header, [list(row) for row in checkins]), encoding="utf-8")
    arguments = ["diary", "import", "--episodes", str(episodes_file)]
    arguments += ["--checkins", str(checkins_file), "--tz", "UTC", "--db", f"sqlite:///{database}"]
    result = run(*arguments, *(["--skip-bad-rows"] if skip else []))
    assert result.exit_code in (0, 2), (result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    _pages_still_answer(client)
    listed = run("diary", "list", "--format", "json", "--db", f"sqlite:///{database}")
    assert listed.exit_code == 0, (listed.output, listed.exception)
