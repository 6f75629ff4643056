"""In a German app people read input errors in German; the API's problems stay English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from crampcheck.config import Settings
from crampcheck.web import create_app

PROBLEM = "application/problem+json"


@pytest.fixture
def german(tmp_path: Path, german_catalog: object) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'web.db'}",
        secret_key="test-key",
        language="de",
    )
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        yield client


def test_the_apis_problem_messages_stay_english(german: TestClient) -> None:
    response = german.post("/api/v1/assessments", json={"sex": "f"})
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["errors"] == [
        {"path": "age", "message": "Field required"},
        {
            "path": "sex",
            "message": "Input should be 'female', 'male', 'other' or 'unknown' (got 'f')",
        },
    ]
    not_json = german.post("/api/v1/assessments", content=b'{"age": NaN}')
    assert not_json.status_code == 400
    assert not_json.json()["errors"] == [{"path": "$", "message": "NaN is not allowed in JSON"}]


def test_an_interview_answer_error_is_shown_in_the_apps_language(german: TestClient) -> None:
    page = german.get("/assessment").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    progress = re.search(r'name="progress" value="([^"]+)"', page)
    assert token and progress
    answer = {"csrf_token": token[1], "progress": progress[1], "question": "age"}
    response = german.post("/assessment", data={**answer, "answer": "viele"})
    assert response.status_code == 200
    assert "erwartet wird eine Zahl, angegeben: &#39;viele&#39;" in response.text
    assert "expected a number" not in response.text
