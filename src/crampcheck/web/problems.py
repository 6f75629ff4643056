"""RFC 9457 problem details: the body of every 4xx answer of the API.

Every problem has `type`, `title`, `status`, `detail` and `errors` — one entry per field at
fault, with its JSON path (``cramps.muscles[0]``; ``$`` for the whole document).

A problem is small whatever the request: at most `MAX_FIELD_ERRORS` field errors (the detail
says how many there were), each path and message cut to a few hundred characters, and the
whole document at most `MAX_PROBLEM_BYTES` (a 60 KB body of bad symptoms once gave 18 MB).

Problems are for programs: `detail` and every `message` are English whatever the app's
language (`FieldError.message`, never its translation), so clients can log and match them and
they do not change when a catalog is added. Pages that show an input error to a person
translate it instead (`FieldError.translated_message`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from crampcheck.errors import FieldError

PROBLEM_MEDIA_TYPE = "application/problem+json"
MAX_FIELD_ERRORS = 50
MAX_PROBLEM_BYTES = 16 * 1024
MAX_PATH_CHARACTERS = 120
MAX_MESSAGE_CHARACTERS = 160
INVALID_INPUT = "urn:crampcheck:problem:invalid-input"
NOT_JSON = "urn:crampcheck:problem:not-json"


class FieldProblem(BaseModel):
    """One field at fault and what is allowed."""

    path: str = Field(description="JSON path of the field, e.g. cramps.muscles[0]; $ = all.")
    message: str = Field(description="What is wrong and what is allowed, always in English.")


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[FieldProblem] = Field(default_factory=list)


def problem_response(
    status: int,
    detail: str,
    *,
    errors: Iterable[FieldError] = (),
    type_: str = "about:blank",
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """A problem+json response; the title is the standard phrase of `status`. At most
    MAX_FIELD_ERRORS field errors and MAX_PROBLEM_BYTES in all (see the module's docstring)."""
    listed: list[FieldProblem] = []
    total = 0
    for error in errors:
        total += 1
        if len(listed) < MAX_FIELD_ERRORS:
            path = _cut(error.path, MAX_PATH_CHARACTERS)
            listed.append(
                FieldProblem(path=path, message=_cut(error.message, MAX_MESSAGE_CHARACTERS))
            )
    if total > len(listed):
        detail = f"{detail} ({total} fields at fault; the first {len(listed)} are listed.)"
    problem = Problem(
        type=type_,
        title=HTTPStatus(status).phrase,
        status=status,
        detail=_cut(detail, MAX_MESSAGE_CHARACTERS * 4),
        errors=listed,
    )
    response = JSONResponse(
        problem.model_dump(), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )
    while len(response.body) > MAX_PROBLEM_BYTES and problem.errors:
        problem.errors = problem.errors[: len(problem.errors) // 2]
        response = JSONResponse(
            problem.model_dump(), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
        )
    return response


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries documenting problem answers with these statuses."""
    schema = {"$ref": "#/components/schemas/Problem"}
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": schema}},
        }
        for status in statuses
    }


def json_path(location: Sequence[int | str]) -> str:
    """``("cramps", "muscles", 0)`` → ``cramps.muscles[0]``; empty → ``$``."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "$"


def validation_errors(error: RequestValidationError) -> list[FieldError]:
    """FastAPI's validation errors as field errors (``query.limit``, body paths without body)."""
    problems = []
    for detail in error.errors():
        location = list(detail.get("loc", ()))
        if location and location[0] == "body":
            location = location[1:]
        # FastAPI's own English text: not ours to translate, and the API answers in English.
        problems.append(FieldError(json_path(location), str(detail.get("msg", "invalid"))))
    return problems
