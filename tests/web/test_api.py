"""The JSON API in-process: every endpoint, problem details, limits and headers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from fhir.resources.R4B.questionnaire import Questionnaire

from crampcheck.cli import cli
from crampcheck.config import Settings
from crampcheck.web import create_app
from crampcheck.web.security import CSRF_COOKIE, MAX_REQUEST_BYTES

VIGNETTES = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev-vignettes.json"
V039 = {
    "age": 67,
    "sex": "male",
    "cramps": {
        "muscles": ["foot", "calf"],
        "when": ["night"],
        "per_week": 2,
        "typical_minutes": 2,
        "relieved_by_stretching": "yes",
    },
    "symptoms_denied": ["calf_swelling_one_side", "calf_redness", "pain_walking_relieved_by_rest"],
}
PROBLEM = "application/problem+json"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'api.db'}")
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as test_client:
        yield test_client


def _inputs() -> list[dict[str, Any]]:
    if VIGNETTES.exists():
        return [entry["input"] for entry in json.loads(VIGNETTES.read_text(encoding="utf-8"))]
    return [V039]


def test_health(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize("document", [*_inputs()[:6], V039])
def test_the_api_answers_exactly_what_the_cli_prints(
    client: TestClient, document: dict[str, Any]
) -> None:
    text = json.dumps(document)
    cli_result = CliRunner().invoke(cli, ["assess", "--format", "json", "-"], input=text)
    assert cli_result.exit_code == 0, cli_result.output
    response = client.post("/api/v1/assessments", content=text)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == json.loads(cli_result.output)


def test_v039_is_self_care(client: TestClient) -> None:
    result = client.post("/api/v1/assessments", json=V039).json()
    assert result["urgency"] == "self_care"
    assert "idiopathic_nocturnal_cramps" in [concern["id"] for concern in result["concerns"]]


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ({"age": "67"}, "age"),
        ({"age": 67, "sex": "robot"}, "sex"),
        ({"age": 67, "cramps": {"muscles": ["calf", "nose"]}}, "cramps.muscles[1]"),
        ({"age": 67, "cramps": {"per_week": -1}}, "cramps.per_week"),
        ({"sex": "male"}, "age"),
        ([1, 2], "$"),
    ],
)
def test_invalid_input_is_a_problem_naming_the_field(
    client: TestClient, document: Any, path: str
) -> None:
    response = client.post("/api/v1/assessments", json=document)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 422
    assert {"type", "title", "detail", "errors"} <= set(problem)
    assert path in [error["path"] for error in problem["errors"]], problem


@pytest.mark.parametrize("body", [b"", b"   ", b"{not json", b"NaN", '{"age": 6\u00e9'.encode()])
def test_a_body_that_is_not_json_is_a_400_problem(client: TestClient, body: bytes) -> None:
    response = client.post(
        "/api/v1/assessments", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["errors"][0]["path"] == "$"


def test_an_oversized_body_is_a_413_problem(client: TestClient) -> None:
    body = json.dumps({"age": 50, "padding": "x" * MAX_REQUEST_BYTES})
    response = client.post("/api/v1/assessments", content=body)
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM


def test_an_oversized_streamed_body_is_a_413_problem(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"age": 50, "padding": "'
        for _ in range(20):
            yield b"x" * 8192
        yield b'"}'

    response = client.post("/api/v1/assessments", content=chunks())
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM


def test_medication_check(client: TestClient) -> None:
    response = client.get(
        "/api/v1/medications/check", params=[("name", "Lipitor 20mg"), ("name", "zzqxv")]
    )
    assert response.status_code == 200
    first, second = response.json()
    assert first["generic"] == "atorvastatin"
    assert first["cramp_association"] is not None
    assert second["status"] == "unknown"


def test_medication_check_needs_a_name(client: TestClient) -> None:
    response = client.get("/api/v1/medications/check")
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["errors"][0]["path"] == "query.name"


def test_claims_search(client: TestClient) -> None:
    response = client.get("/api/v1/claims", params={"q": "quinine", "limit": 3})
    assert response.status_code == 200
    hits = response.json()
    assert 1 <= len(hits) <= 3
    assert {"id", "claim", "verdict", "sources", "explanation", "safer_advice"} <= set(hits[0])
    assert any(hit["verdict"] == "unsafe" and hit["safer_advice"] for hit in hits)


def test_claims_limit_is_checked(client: TestClient) -> None:
    response = client.get("/api/v1/claims", params={"q": "magnesium", "limit": "lots"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["path"] == "query.limit"


def test_the_questionnaire_is_valid_fhir(client: TestClient) -> None:
    response = client.get("/api/v1/questionnaire")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/fhir+json")
    data = response.json()
    questionnaire = Questionnaire.model_validate(data)
    groups = questionnaire.item or []
    assert [group.linkId for group in groups][:2] == ["about_you", "emergency_signs"]
    items = {item.linkId: item for group in groups for item in group.item or []}
    assert items["sex"].answerOption and len(items["sex"].answerOption) == 4
    # pregnancy is asked only for some answers: conditions in enableWhen or the extension
    pregnancy = items["pregnancy_weeks"]
    assert pregnancy.extension and "age" in (pregnancy.extension[0].valueString or "")
    assert any(item.enableWhen for item in items.values())


def test_unknown_paths_are_problems(client: TestClient) -> None:
    response = client.get("/api/v1/nothing")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM


def test_security_headers_on_pages_and_api(client: TestClient) -> None:
    for path in ("/", "/healthz", "/api/v1/claims?q=salt", "/static/style.css"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert "camera=()" in headers["permissions-policy"]
    assert client.get("/assessment").headers["cache-control"] == "no-store"


def test_a_form_post_without_the_csrf_token_is_refused(client: TestClient) -> None:
    page = client.get("/assessment", headers={"accept": "text/html"})
    assert CSRF_COOKIE in page.cookies
    response = client.post(
        "/assessment", data={"question": "age", "answer": "40"}, headers={"accept": "text/html"}
    )
    assert response.status_code == 403
    forged = client.post(
        "/results", data={"csrf_token": "guess", "progress": ""}, headers={"accept": "text/html"}
    )
    assert forged.status_code == 403


def test_a_form_post_with_the_token_is_accepted(client: TestClient) -> None:
    page = client.get("/assessment").text
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post(
        "/assessment", data={"csrf_token": token, "question": "age", "answer": "40"}
    )
    assert response.status_code == 200
    assert 'name="question" value="sex"' in response.text


def test_the_openapi_document_describes_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/assessments",
        "/api/v1/medications/check",
        "/api/v1/claims",
        "/api/v1/questionnaire",
        "/healthz",
    ):
        assert path in paths
    post = paths["/api/v1/assessments"]["post"]
    assert "422" in post["responses"] and PROBLEM in post["responses"]["422"]["content"]
    assert "AssessmentInput" in spec["components"]["schemas"]
    assert "Assessment" in spec["components"]["schemas"]
