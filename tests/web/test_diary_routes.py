"""The diary pages in-process: every route, CSRF, bad input shown again with nothing stored."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from crampcheck.cli import cli
from crampcheck.config import Settings
from crampcheck.web import create_app


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'diary.db'}"


@pytest.fixture
def client(tmp_path: Path, database: str) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path, database_url=database, secret_key="test-key")
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as test_client:
        yield test_client


def _token(client: TestClient, path: str = "/diary/log") -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found
    return found.group(1)


def _post(client: TestClient, path: str, data: dict[str, object]) -> str:
    response = client.post(path, data={"csrf_token": _token(client), **data})
    assert response.status_code == 200, response.text
    return response.text


def _export(client: TestClient) -> dict[str, list[dict[str, object]]]:
    document: dict[str, list[dict[str, object]]] = client.get("/diary/export.json").json()
    return document


def test_every_diary_page_answers(client: TestClient) -> None:
    for path in ("/diary", "/diary/log", "/diary/checkin", "/diary/delete-all"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["cache-control"] == "no-store"
    assert "Your diary is empty" in client.get("/diary").text
    assert client.get("/diary/episodes/99/edit").status_code == 404
    assert client.get("/diary/checkin?date=not-a-date").status_code == 404


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/diary/log", {"action": "now"}),
        ("/diary/checkin", {"date": "2025-01-01", "sleep_hours": "7"}),
        ("/diary/medications/start", {"name": "Amlodipine"}),
        ("/diary/delete-all", {"confirm": "yes"}),
    ],
)
def test_a_form_without_the_csrf_token_is_refused(
    client: TestClient, path: str, data: dict[str, str]
) -> None:
    client.get("/diary")  # the browser has its cookie, but the form carries no token
    assert client.post(path, data=data).status_code == 403
    assert client.post(path, data={**data, "csrf_token": "forged"}).status_code == 403
    assert _export(client)["episodes"] == []
    assert _export(client)["checkins"] == []


def test_one_tap_carries_muscle_and_side_forward_and_undo_deletes(client: TestClient) -> None:
    _post(client, "/diary/log", {"start": "2025-03-01T22:10", "muscle": "foot", "side": "right"})
    page = _post(client, "/diary/log", {"action": "now"})
    assert "Cramp logged" in page and "Foot" in page and "Right" in page
    episodes = _export(client)["episodes"]
    assert [(item["muscle"], item["side"]) for item in episodes] == [("foot", "right")] * 2
    number = re.search(r"/diary/episodes/(\d+)/delete", page)
    assert number
    page = _post(client, f"/diary/episodes/{number.group(1)}/delete", {"next": "log"})
    assert "removed from the diary" in page
    assert len(_export(client)["episodes"]) == 1


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("severity", "11", "How bad"),
        ("severity", "2.5", "How bad"),
        ("duration_minutes", "-3", "How long it lasted"),
        ("start", "yesterday", "When it started"),
        ("start", "2999-01-01T00:00", "When it started"),
        ("muscle", "neck", "Muscle"),
    ],
)
def test_bad_cramp_input_shows_the_form_again_naming_the_field(
    client: TestClient, field: str, value: str, named: str
) -> None:
    page = _post(client, "/diary/log", {"action": "details", field: value})
    assert "Nothing was saved" in page
    error = re.search(rf'<p id="{field}-error" class="error">([^<]*)</p>', page)
    assert error and error.group(1).startswith(named), page
    assert 'aria-invalid="true"' in page and f"{field}-error" in page
    assert _export(client)["episodes"] == []


def test_editing_a_cramp_keeps_its_zone_unless_the_start_changes(client: TestClient) -> None:
    _post(
        client,
        "/diary/log",
        {"start": "2025-03-01T22:10", "time_zone": "America/New_York", "severity": "3"},
    )
    number = re.search(r"/diary/episodes/(\d+)/edit", client.get("/diary").text)
    assert number
    path = f"/diary/episodes/{number.group(1)}/edit"
    form = client.get(path).text
    assert 'value="2025-03-01T22:10"' in form and 'value="America/New_York"' in form
    _post(client, path, {"start": "2025-03-01T22:10", "severity": "6", "helped": "walking"})
    (episode,) = _export(client)["episodes"]
    assert episode["start"] == "2025-03-01T22:10:00-05:00"
    assert episode["severity"] == 6 and episode["helped"] == "walking"
    page = _post(client, path, {"start": "2025-03-01T22:10", "severity": "11"})
    assert "severity-error" in page
    assert _export(client)["episodes"][0]["severity"] == 6


def test_a_checkin_saved_again_updates_the_day(client: TestClient) -> None:
    day = {"date": "2025-02-10", "fluid_litres": "1.5", "exercise_intensity": "light"}
    factors = {"factor_name": ["magnesium", "stairs"], "factor_value": ["true", "12"]}
    page = _post(client, "/diary/checkin", {**day, **factors, "stretched": "yes"})
    assert "Saved" in page
    changed = {"factor_name": ["magnesium"], "factor_value": ["false"]}
    _post(client, "/diary/checkin", {"date": "2025-02-10", "fluid_litres": "2", **changed})
    (checkin,) = _export(client)["checkins"]
    assert checkin == {"date": "2025-02-10", "fluid_litres": 2.0, "factors": {"magnesium": False}}


@pytest.mark.parametrize(
    ("data", "error_id"),
    [
        ({"sleep_hours": "25"}, "sleep_hours-error"),
        ({"fluid_litres": "lots"}, "fluid_litres-error"),
        ({"factor_name": ["sleep_hours"], "factor_value": ["1"]}, "factor-0-error"),
        ({"factor_name": ["stairs"], "factor_value": ["many"]}, "factor-0-error"),
    ],
)
def test_bad_checkin_input_stores_nothing(
    client: TestClient, data: dict[str, object], error_id: str
) -> None:
    page = _post(client, "/diary/checkin", {"date": "2025-02-11", **data})
    assert f'id="{error_id}"' in page and "Nothing was saved" in page
    assert _export(client)["checkins"] == []


def test_a_checkin_can_be_deleted(client: TestClient) -> None:
    _post(client, "/diary/checkin", {"date": "2025-02-12", "sleep_hours": "8"})
    _post(client, "/diary/checkins/2025-02-12/delete", {})
    assert _export(client)["checkins"] == []
    response = client.post("/diary/checkins/2025-02-12/delete", data={"csrf_token": _token(client)})
    assert response.status_code == 404


def test_medications_start_and_stop_with_errors_named(client: TestClient) -> None:
    _post(client, "/diary/medications/start", {"name": "Amlodipine", "date": "2025-01-05"})
    page = _post(client, "/diary/medications/start", {"name": "Amlodipine"})
    assert "already being taken" in page and 'id="medication-error"' in page
    page = _post(client, "/diary/medications/stop", {"name": "Amlodipine", "date": "2024-12-01"})
    assert "on or after the day it was started" in page
    _post(client, "/diary/medications/stop", {"name": "Amlodipine", "date": "2025-02-01"})
    (medication,) = client.get("/diary/export.json").json()["medications"]
    assert medication == {"name": "Amlodipine", "started": "2025-01-05", "stopped": "2025-02-01"}


def test_the_diary_page_shows_the_analysis_and_plots(client: TestClient) -> None:
    for day in range(1, 29):
        data = {"date": f"2025-02-{day:02d}", "factor_name": ["late_meal"]}
        _post(client, "/diary/checkin", {**data, "factor_value": [str(day % 2 == 0).lower()]})
        if day % 3 == 0:
            _post(client, "/diary/log", {"start": f"2025-02-{day:02d}T23:00"})
    page = client.get("/diary").text
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') >= 1
    assert ' style="' not in page  # the Content-Security-Policy allows no inline style
    assert "Cramps per week" in page and "late_meal" in page
    assert "not enough data yet" in page  # 14 days each side is the minimum


def test_the_analysis_on_the_diary_page_is_in_the_apps_language(
    tmp_path: Path, database: str, german_catalog: object
) -> None:
    settings = Settings(
        data_dir=tmp_path, database_url=database, secret_key="test-key", language="de"
    )
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as german:
        for day in range(1, 29):
            _post(german, "/diary/checkin", {"date": f"2025-02-{day:02d}"})
            if day % 2 == 0:
                _post(german, "/diary/log", {"start": f"2025-02-{day:02d}T23:00"})
        page = german.get("/diary").text
    assert "In 28 Tagebuchtagen mit Check-in hast du 14 Krämpfe notiert (3,5 pro Woche)." in page
    assert "Over 28 diary days" not in page
    assert "(14 Krämpfe an 28 Tagebuchtagen mit Check-in)" in page  # a sentence, not pieces


def test_the_export_is_what_the_cli_writes(
    client: TestClient, database: str, tmp_path: Path
) -> None:
    _post(client, "/diary/log", {"start": "2025-03-01T22:10", "time_zone": "Europe/Berlin"})
    _post(client, "/diary/checkin", {"date": "2025-03-01", "sleep_hours": "7"})
    response = client.get("/diary/export.json")
    assert response.headers["content-type"].startswith("application/json")
    assert "attachment" in response.headers["content-disposition"]
    target = tmp_path / "cli.json"
    result = CliRunner().invoke(cli, ["diary", "export", "--json", str(target), "--db", database])
    assert result.exit_code == 0, result.output
    assert response.content == target.read_bytes()
    assert json.loads(response.content)["episodes"][0]["time_zone"] == "Europe/Berlin"


def test_the_report_for_the_doctor_downloads_as_pdf(client: TestClient, tmp_path: Path) -> None:
    assert 'href="/diary/report.pdf"' in client.get("/diary").text
    for back in range(1, 21):
        day = date.today() - timedelta(days=back)
        _post(client, "/diary/checkin", {"date": day.isoformat()})
        if back % 4 == 0:
            _post(client, "/diary/log", {"start": f"{day.isoformat()}T23:00"})
    response = client.get("/diary/report.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith('attachment; filename="crampcheck-')
    assert response.headers["cache-control"] == "no-store"
    assert response.content.startswith(b"%PDF-")
    target = tmp_path / "report.pdf"
    target.write_bytes(response.content)
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True
        ).stdout.split()
    )
    assert "crampcheck report" in text and "Diary summary" in text
    assert "Diary days with a check-in 20 Cramp-days 5 Cramps 5" in text, text


def test_delete_all_needs_the_box_ticked(client: TestClient) -> None:
    _post(client, "/diary/log", {"action": "now"})
    page = _post(client, "/diary/delete-all", {})
    assert 'id="confirm-error"' in page
    assert len(_export(client)["episodes"]) == 1
    page = _post(client, "/diary/delete-all", {"confirm": "yes"})
    assert "All your data was deleted" in page
    assert _export(client)["episodes"] == []
