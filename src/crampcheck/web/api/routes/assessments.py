"""POST /api/v1/assessments: the contract input in, the assessment out (as the CLI's JSON)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request, Response

from crampcheck.assessment.engine import assess
from crampcheck.assessment.input import parse_document
from crampcheck.assessment.result import Assessment
from crampcheck.errors import FieldError, InputError, InvalidValue, field_error, field_error_from
from crampcheck.web.deps import ContextDep
from crampcheck.web.language import request_country, request_language
from crampcheck.web.problems import INVALID_INPUT, NOT_JSON, problem_response, problem_responses

router = APIRouter(tags=["assessments"])


def contract_schema() -> dict[str, Any]:
    """The contract's JSON Schema (read when the OpenAPI document is first built)."""
    text = (
        resources.files("crampcheck.contract")
        .joinpath("assessment-input.schema.json")
        .read_text(encoding="utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    schema.pop("$schema", None)
    schema.pop("$id", None)
    return schema


# The body is read by hand (to answer bad JSON with a problem, not a 500), so it is
# documented here; the schema itself is added to the components by `create_app`.
CONTRACT_SCHEMA_NAME = "AssessmentInput"
_REQUEST_BODY_DOCS = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{CONTRACT_SCHEMA_NAME}"}}
        },
    }
}


def _reject_constant(name: str) -> Any:
    raise InvalidValue("{name} is not allowed in JSON", name=name)


class _NotJson(Exception):
    """The body is not a JSON document (answered 400, not 422)."""

    def __init__(self, problem: FieldError) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _decode_body(body: str | bytes) -> Any:
    """The standard library's reading of a body, for the problems it finds."""
    try:
        if not body.strip():
            raise InvalidValue("the body is empty; expected a JSON object")
        return json.loads(body, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as error:
        problem = (
            field_error("$", "not valid JSON")
            if isinstance(error, RecursionError)
            else field_error_from("$", error)  # the decoder's own text, when it is not ours
        )
        raise _NotJson(problem) from None


@router.post(
    "/assessments",
    response_model=Assessment,
    summary="Assess one person",
    responses=problem_responses(400, 413, 422),
    openapi_extra=_REQUEST_BODY_DOCS,
)
async def create_assessment(request: Request, context: ContextDep) -> Response:
    """Assess one person from the contract input document.

    The answer is exactly the JSON of `crampcheck assess --format json`. Invalid input gets a
    problem document naming every field at fault (422); a body that is not JSON gets 400.
    Problem messages are English whatever CRAMPCHECK_LANGUAGE says: programs read them;
    the result is in the language `Accept-Language` asks for (the result names it).
    """
    try:
        person = parse_document(await request.body(), _decode_body)
    except _NotJson as error:
        return problem_response(
            400, "The body is not a JSON document.", errors=[error.problem], type_=NOT_JSON
        )
    except InputError as error:
        return problem_response(
            422,
            "The input does not follow the assessment contract.",
            errors=error.errors,
            type_=INVALID_INPUT,
        )
    # On the event loop: an assessment takes well under a millisecond of CPU, less than a
    # hop to the thread pool and back would add (bench/bench_web.py measures both).
    result = assess(
        person,
        knowledge=context.knowledge,
        language=request_language(request),
        country=request_country(request),  # unless the input names its own
    )
    return Response(result.to_json_bytes(), media_type="application/json")
