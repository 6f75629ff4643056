"""Finding 9: error paths that failed. Deep JSON is an input error everywhere (assess, batch,
the API), batch goes on after any bad line, problems stay small, a 500 is a problem+json with
the security headers, and a fractional age asks the question again."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from crampcheck.assessment.input_errors import shown_value
from crampcheck.config import Settings
from crampcheck.web import create_app
from crampcheck.web.problems import MAX_FIELD_ERRORS, MAX_PROBLEM_BYTES
from tests.security.conftest import LOOPBACK, csrf_token, run


def deep_list(depth: int) -> str:
    return '{"age": 50, "symptoms": ' + "[" * depth + "]" * depth + "}"


def deep_object(depth: int) -> str:
    return '{"age": ' + '{"a": ' * depth + "1" + "}" * depth + "}"


DEEP_DOCUMENTS = [deep_list(990), deep_list(1000), deep_list(5000), deep_object(990),
                  deep_object(1000), deep_list(400)]  # fmt: skip


def test_shown_value_is_depth_safe() -> None:
    nested: list[object] = []
    for _ in range(100_000):
        nested = [nested]
    assert shown_value(nested).startswith("[[[")
    assert len(shown_value(list(range(10**6)))) <= 61
    assert shown_value("x" * 100) == repr("x" * 100)[:60] + "…"


@pytest.mark.parametrize("document", DEEP_DOCUMENTS)
def test_assess_gives_an_input_error_for_deep_json(tmp_path: Path, document: str) -> None:
    source = tmp_path / "deep.json"
    source.write_text(document, encoding="utf-8")
    result = run("assess", str(source))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "RecursionError" not in result.output


def test_batch_goes_on_after_every_bad_line(tmp_path: Path) -> None:
    good = json.dumps({"age": 50})
    lines = [good, *DEEP_DOCUMENTS, "not json", "[]", '"\\ud800"', good]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = run("batch", str(source), "-o", str(output))
    assert result.exit_code == 0, result.output
    results = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(results) == len(lines)
    assert "error" not in results[0] and "error" not in results[-1]
    assert all(item["error"]["type"] == "input_error" for item in results[1:-1])
    assert [item["line"] for item in results[1:-1]] == list(range(2, len(lines)))


@pytest.fixture
def api(tmp_path: Path) -> TestClient:
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'a.db'}")
    return TestClient(create_app(settings, migrate=False), base_url=LOOPBACK)


@pytest.mark.parametrize("document", DEEP_DOCUMENTS)
def test_the_api_answers_deep_json_with_a_problem(api: TestClient, document: str) -> None:
    response = api.post(
        "/api/v1/assessments", content=document, headers={"content-type": "application/json"}
    )
    assert response.status_code in (400, 422), response.text
    assert response.headers["content-type"] == "application/problem+json"


def test_problems_are_capped(api: TestClient) -> None:
    symptoms = [f"not_a_symptom_{index}_" + "x" * 40 for index in range(1000)]
    body = json.dumps({"age": 50, "symptoms": symptoms})
    assert len(body) < 64 * 1024
    response = api.post(
        "/api/v1/assessments", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert len(response.content) <= MAX_PROBLEM_BYTES
    problem = response.json()
    assert 1 <= len(problem["errors"]) <= MAX_FIELD_ERRORS
    assert "1000 fields at fault" in problem["detail"]


def test_a_server_error_is_a_problem_with_the_security_headers(tmp_path: Path) -> None:
    app: FastAPI = create_app(Settings(database_url="sqlite://"), migrate=False)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("personal text that must not be shown")

    client = TestClient(app, base_url=LOOPBACK, raise_server_exceptions=False)
    for headers in ({}, {"accept": "text/html"}):
        response = client.get("/boom", headers=headers)
        assert response.status_code == 500
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert response.json()["status"] == 500
        assert "personal text" not in response.text and "Traceback" not in response.text


def test_a_fractional_age_asks_again(client: TestClient) -> None:
    page = client.get("/assessment").text
    progress = re.search(r'name="progress" value="([^"]*)"', page)
    question = re.search(r'name="question" value="([^"]*)"', page)
    assert progress and question and question.group(1) == "age"
    response = client.post(
        "/assessment",
        data={
            "csrf_token": csrf_token(client, "/assessment"),
            "progress": progress.group(1),
            "question": "age",
            "answer": "67.5",
            "action": "next",
        },
    )
    assert response.status_code == 200, response.text
    assert 'name="question" value="age"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert "Start again" not in response.text
