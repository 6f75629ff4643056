"""The assessment input: one person's situation, validated exactly as the contract says.

`parse_input` accepts already-decoded JSON, `parse_input_json` raw text. Both raise
`InputError` naming every field at fault and what is allowed; neither ever lets a pydantic
or JSON traceback escape.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Annotated, Any, TypeVar

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from crampcheck.assessment.input_errors import field_errors, json_path, shown_value
from crampcheck.contract.vocabulary import (
    Condition,
    ExerciseLevel,
    Muscle,
    RecentEvent,
    Sex,
    Side,
    StretchRelief,
    Symptom,
    Timing,
)
from crampcheck.errors import FieldError, InputError, InvalidValue, field_error, field_error_from
from crampcheck.i18n.countries import parse_country

MAX_DOCUMENT_BYTES = 1_000_000

Item = TypeVar("Item")
MedicationName = Annotated[str, Field(min_length=1, max_length=200)]
Number = Annotated[float, Field(allow_inf_nan=False)]


def _unique(items: list[Item] | None) -> list[Item] | None:
    # The usual answer, no repeats, is told by a set at once; the loop finds the repeat.
    if items is not None and len(set(items)) < len(items):
        seen: list[Item] = []
        for item in items:
            if item in seen:
                raise InvalidValue(
                    "{item} is listed twice; each value may appear once (got {got})",
                    item=repr(item),
                    got=shown_value(items),
                )
            seen.append(item)
    return items


class _Strict(BaseModel):
    # Strict: "67" is not an age and 1 is not `true`; extra fields are allowed by the contract.
    model_config = ConfigDict(strict=True, extra="allow", frozen=True)


def _integral(value: Any) -> Any:
    # JSON Schema counts 67.0 as an integer; pydantic's strict mode would not.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class CrampsInput(_Strict):
    """What the cramps are like."""

    muscles: list[Muscle] | None = None
    side: Side | None = None
    when: list[Timing] | None = None
    per_week: Annotated[Number, Field(ge=0, le=500)] | None = None
    typical_minutes: Annotated[Number, Field(ge=0, le=20160)] | None = None
    longest_minutes: Annotated[Number, Field(ge=0, le=20160)] | None = None
    weeks_since_onset: Annotated[Number, Field(ge=0, le=5200)] | None = None
    severity: Annotated[int, Field(ge=0, le=10)] | None = None
    wakes_from_sleep: bool | None = None
    relieved_by_stretching: StretchRelief | None = None

    _unique_lists = field_validator("muscles", "when")(_unique)
    _integers = field_validator("severity", mode="before")(_integral)


class LifestyleInput(_Strict):
    """Habits and surroundings."""

    alcohol_units_per_week: Annotated[Number, Field(ge=0, le=500)] | None = None
    caffeine_cups_per_day: Annotated[Number, Field(ge=0, le=100)] | None = None
    fluid_litres_per_day: Annotated[Number, Field(ge=0, le=20)] | None = None
    exercise: ExerciseLevel | None = None
    exercise_recently_increased: bool | None = None
    prolonged_standing: bool | None = None
    prolonged_sitting: bool | None = None
    high_heels: bool | None = None
    cold_exposure: bool | None = None
    poor_sleep_or_stress: bool | None = None
    smoker: bool | None = None


class AssessmentInput(_Strict):
    """One person's situation (the contract's input). A missing field means "not asked"."""

    age: Annotated[int, Field(ge=0, le=120)]
    sex: Sex | None = None
    pregnancy_weeks: Annotated[int, Field(ge=0, le=45)] | None = None
    postpartum_weeks: Annotated[int, Field(ge=0, le=52)] | None = None
    cramps: CrampsInput | None = None
    symptoms: list[Symptom] | None = None
    symptoms_denied: list[Symptom] | None = None
    conditions: list[Condition] | None = None
    medications: Annotated[list[MedicationName], Field(max_length=100)] | None = None
    medications_started_recently: Annotated[list[MedicationName], Field(max_length=100)] | None = (
        None
    )
    medications_stopped_recently: Annotated[list[MedicationName], Field(max_length=100)] | None = (
        None
    )
    recent_events: list[RecentEvent] | None = None
    lifestyle: LifestyleInput | None = None
    # Ours, not the contract's (which lets programs add fields): the country whose emergency
    # and medical-advice numbers the answer gives (ISO 3166-1 alpha-2; "se" is read as SE).
    country: Annotated[str, Field(max_length=60)] | None = None

    _unique_lists = field_validator("symptoms", "symptoms_denied", "conditions", "recent_events")(
        _unique
    )
    _integers = field_validator("age", "pregnancy_weeks", "postpartum_weeks", mode="before")(
        _integral
    )
    _country = field_validator("country")(parse_country)


# Fields the schema allows to be null; every other field must be absent rather than null.
_NULLABLE = {("pregnancy_weeks",), ("postpartum_weeks",)}


def _null_errors(data: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[FieldError]:
    errors = []
    for key, value in data.items():
        loc = (*prefix, key)
        known = key in (AssessmentInput.model_fields if not prefix else _SUB_FIELDS[prefix[0]])
        if value is None and known and loc not in _NULLABLE:
            errors.append(field_error(json_path(loc), "may not be null; leave it out if not asked"))
        elif isinstance(value, dict) and not prefix and key in _SUB_FIELDS:
            errors.extend(_null_errors(value, loc))
    return errors


# What a document that is not an object is, in JSON's words ("got array", not "got list").
_JSON_TYPES = {
    type(None): "null",
    bool: "boolean",
    int: "number",
    float: "number",
    str: "string",
    list: "array",
}
_SUB_FIELDS = {"cramps": CrampsInput.model_fields, "lifestyle": LifestyleInput.model_fields}


def _has_null(data: dict[str, Any]) -> bool:
    """Whether any top-level or section value is null."""
    sections = (data.get(name) for name in _SUB_FIELDS)
    return None in data.values() or any(
        isinstance(section, dict) and None in section.values() for section in sections
    )


# A name this close to a known field is taken as a misspelling of it (contract: "Unknown
# field names"): a misspelt red-flag field must never quietly become "not asked".
MAX_MISSPELLING_DISTANCE = 2


def _meant_field(name: str, known: Iterable[str]) -> str | None:
    """The known field that `name` most likely misspells, if any is close enough."""
    from rapidfuzz.distance import Levenshtein

    folded = name.strip().lower().replace("-", "_").replace(" ", "_")
    best = min(known, key=lambda field: Levenshtein.distance(folded, field))
    limit = MAX_MISSPELLING_DISTANCE if len(best) > 5 else 1
    return best if Levenshtein.distance(folded, best) <= limit else None


def _misspelt_fields(data: dict[str, Any]) -> list[FieldError]:
    """An error for each unknown field name close to a known one of the same object."""
    objects: list[tuple[str, dict[str, Any], Iterable[str]]] = [
        ("", data, AssessmentInput.model_fields)
    ]
    objects += [
        (f"{name}.", data[name], fields)
        for name, fields in _SUB_FIELDS.items()
        if isinstance(data.get(name), dict)
    ]
    errors = []
    for prefix, values, fields in objects:
        for name in values:
            if name in fields or not isinstance(name, str):
                continue
            meant = _meant_field(name, fields)
            if meant is not None:
                errors.append(
                    field_error(
                        f"{prefix}{name}",
                        "is not a field of the contract; did you mean {meant}?",
                        meant=f"{prefix}{meant}",
                    )
                )
    return errors


def unknown_fields(person: AssessmentInput) -> list[str]:
    """The fields of the input that the contract does not know (accepted, and ignored)."""
    found = [*(person.model_extra or {})]
    for name in _SUB_FIELDS:
        section = getattr(person, name)
        if section is not None:
            found += [f"{name}.{extra}" for extra in section.model_extra or {}]
    return found


def parse_input(data: Any) -> AssessmentInput:
    """Validate decoded JSON against the contract; raise `InputError` naming every bad field."""
    if not isinstance(data, dict):
        kind = _JSON_TYPES.get(type(data), type(data).__name__)
        raise InputError([field_error("$", "must be a JSON object, got {kind}", kind=kind)])
    misspelt = _misspelt_fields(data)
    if misspelt:
        raise InputError(misspelt)
    nulls = _null_errors(data) if _has_null(data) else []
    try:
        parsed = AssessmentInput.model_validate(data)
    except ValidationError as error:
        raise InputError(nulls + field_errors(error)) from None
    if nulls:
        raise InputError(nulls)
    return parsed


def parse_input_json(text: str | bytes) -> AssessmentInput:
    """Decode and validate one JSON document (at most 1 MB)."""
    if len(text) > MAX_DOCUMENT_BYTES:
        too_large = field_error(
            "$",
            "document too large ({size} bytes; at most {limit} bytes)",
            size=f"{len(text):,}",
            limit=f"{MAX_DOCUMENT_BYTES:,}",
        )
        raise InputError([too_large])
    if not text or text.isspace():  # (not `strip()`: that copies the whole document)
        raise InputError([field_error("$", "empty document; expected a JSON object")])
    return parse_document(text, _decode)


def parse_document(text: str | bytes, decode: Callable[[str | bytes], Any]) -> AssessmentInput:
    """Decode a JSON document with orjson and validate it; `decode` is the standard-library
    decoding whose errors the caller wants (see `_decode`).

    orjson is several times faster than `json.loads`. A document it refuses (bad JSON, NaN,
    a lone surrogate, a byte-order mark, UTF-16, nesting deeper than 1,024) goes to `decode`,
    so what is accepted and every error message stay the standard library's. So does an
    invalid one: orjson reads an integer beyond 64 bits as a float, and the message must show
    the number as written. (No field of the contract holds such a number: all are bounded.
    In a field the contract does not know, orjson's float stands: such values are never
    used, only the field's name, in `input_notes`.)
    """
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        return parse_input(decode(text))
    try:
        return parse_input(data)
    except InputError:
        return parse_input(decode(text))


def _decode(text: str | bytes) -> Any:
    """`json.loads`, its errors as `InputError`."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except InvalidValue as error:
        raise InputError([field_error_from("$", error)]) from None
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError) as error:
        # The decoder's own text (position and what it expected) is given as it is.
        raise InputError([field_error("$", "not valid JSON: {reason}", reason=error)]) from None
    except RecursionError:
        raise InputError([field_error("$", "not valid JSON: nested too deeply")]) from None


def _reject_constant(name: str) -> Any:
    raise InvalidValue("not valid JSON: {name} is not allowed in JSON", name=name)
