"""What each diary field accepts, shared by the CLI and the CSV import (spec: diary-csv.md).

Each parser takes the text a person or file gave and returns the value, or raises
`InvalidValue` (a ValueError) whose message says what is allowed, translatable where it is shown.
"""

from __future__ import annotations

import math
from datetime import date

from crampcheck.diary.bounds import MAX_FACTOR_NAME, check_day, check_text
from crampcheck.errors import InvalidValue

MUSCLES = ("calf", "foot", "thigh", "hamstring", "other")
SIDES = ("left", "right", "both")
INTENSITIES = ("none", "light", "moderate", "intense")
SEVERITY_RANGE = (0, 10)

CHECKIN_NUMBERS = (
    "fluid_litres",
    "alcohol_units",
    "caffeine_cups",
    "exercise_minutes",
    "standing_hours",
    "sitting_hours",
    "sleep_hours",
)
CHECKIN_COLUMNS = (*CHECKIN_NUMBERS, "exercise_intensity", "stretched_before_bed")


def parse_number(text: str) -> float:
    """A finite number ≥ 0."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise InvalidValue("must be a number ≥ 0, got {text}", text=repr(text))
    return value


def parse_bool(text: str) -> bool:
    """``true`` or ``false`` (any case)."""
    lowered = text.strip().lower()
    if lowered not in ("true", "false"):
        raise InvalidValue("must be true or false, got {text}", text=repr(text))
    return lowered == "true"


def parse_severity(text: str) -> int:
    """A whole number from 0 to 10."""
    low, high = SEVERITY_RANGE
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not low <= value <= high:
        raise InvalidValue(
            "must be a whole number from {low} to {high}, got {text}",
            low=low,
            high=high,
            text=repr(text),
        )
    return value


def parse_choice(text: str, allowed: tuple[str, ...]) -> str:
    """One of `allowed` (any case)."""
    lowered = text.strip().lower()
    if lowered not in allowed:
        raise InvalidValue(
            "must be one of {allowed}, got {text}", allowed=", ".join(allowed), text=repr(text)
        )
    return lowered


def parse_day(text: str) -> date:
    """A calendar date ``YYYY-MM-DD``."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidValue("must be a date YYYY-MM-DD, got {text}", text=repr(text)) from error


def parse_entry_day(text: str) -> date:
    """The date of a diary entry (check-in, medication start or stop): ``YYYY-MM-DD`` from
    1900-01-01 to tomorrow."""
    return check_day(parse_day(text))


def parse_factor_value(text: str) -> bool | float:
    """A custom factor's value: ``true``/``false`` or a number."""
    lowered = text.strip().lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    try:
        value = float(lowered)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise InvalidValue("must be true, false or a number, got {text}", text=repr(text))
    return value


def check_factor_name(name: str) -> str:
    """A custom factor's name: not empty and not one of the standard check-in fields."""
    cleaned = check_text(name.strip(), MAX_FACTOR_NAME)
    if not cleaned or cleaned == "date" or cleaned in CHECKIN_COLUMNS:
        raise InvalidValue(
            "a custom factor needs a name other than date or a standard field: {name}",
            name=repr(name),
        )
    return cleaned
