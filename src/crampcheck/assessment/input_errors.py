"""Pydantic's validation errors as crampcheck's own translatable input-error sentences.

Every pydantic error type the contract can produce maps to a whole English sentence with
placeholders. The English is pydantic's wording, so `FieldError.message` (what the batch output
and the REST API show) stays as it was; the bound, the allowed values and what was given
("(got ...)") are values, never translated. A type not listed here keeps pydantic's English
message untranslated; tests/assessment/test_input.py checks that fuzzed documents never reach
that fallback.
"""

from __future__ import annotations

import re
import reprlib
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from crampcheck.errors import FieldError, InvalidValue, Wording, from_wording
from crampcheck.i18n import gettext_noop, ngettext_noop

SHOWN_CHARACTERS = 60  # of the given value, in "(got ...)"

# Types whose sentence names no bound: the template alone.
_SENTENCES = {
    "missing": gettext_noop("Field required"),
    "extra_forbidden": gettext_noop("Extra inputs are not permitted"),
    "int_type": gettext_noop("Input should be a valid integer (got {got})"),
    "int_parsing": gettext_noop("Input should be a valid integer (got {got})"),
    "int_from_float": gettext_noop("Input should be a valid integer (got {got})"),
    "float_type": gettext_noop("Input should be a valid number (got {got})"),
    "float_parsing": gettext_noop("Input should be a valid number (got {got})"),
    "finite_number": gettext_noop("Input should be a finite number (got {got})"),
    "bool_type": gettext_noop("Input should be a valid boolean (got {got})"),
    "bool_parsing": gettext_noop("Input should be a valid boolean (got {got})"),
    "string_type": gettext_noop("Input should be a valid string (got {got})"),
    "list_type": gettext_noop("Input should be a valid list (got {got})"),
    # pydantic says "a valid dictionary or instance of CrampsInput": a Python class name.
    "dict_type": gettext_noop("Input should be a JSON object (got {got})"),
    "model_type": gettext_noop("Input should be a JSON object (got {got})"),
    "model_attributes_type": gettext_noop("Input should be a JSON object (got {got})"),
}
# Types whose sentence names the bound (the ctx key of the same name).
_BOUNDS = {
    "greater_than": gettext_noop("Input should be greater than {gt} (got {got})"),
    "greater_than_equal": gettext_noop("Input should be greater than or equal to {ge} (got {got})"),
    "less_than": gettext_noop("Input should be less than {lt} (got {got})"),
    "less_than_equal": gettext_noop("Input should be less than or equal to {le} (got {got})"),
}
# Length limits: the ctx value that is the limit, and the sentence's two forms by the limit.
_LENGTHS = {
    "string_too_short": (
        "min_length",
        ngettext_noop(
            "String should have at least {count} character (got {got})",
            "String should have at least {count} characters (got {got})",
        ),
    ),
    "string_too_long": (
        "max_length",
        ngettext_noop(
            "String should have at most {count} character (got {got})",
            "String should have at most {count} characters (got {got})",
        ),
    ),
    "too_short": (
        "min_length",
        ngettext_noop(
            "List should have at least {count} item after validation, not {actual} (got {got})",
            "List should have at least {count} items after validation, not {actual} (got {got})",
        ),
    ),
    "too_long": (
        "max_length",
        ngettext_noop(
            "List should have at most {count} item after validation, not {actual} (got {got})",
            "List should have at most {count} items after validation, not {actual} (got {got})",
        ),
    ),
}
ONE_ALLOWED = gettext_noop("Input should be {expected} (got {got})")
SEVERAL_ALLOWED = gettext_noop("Input should be {choices} or {last} (got {got})")
_QUOTED = re.compile(r"'([^']*)'")


def json_path(loc: tuple[int | str, ...]) -> str:
    """``("cramps", "muscles", 0)`` → ``cramps.muscles[0]``; empty → ``$``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "$"


def _shallow_repr() -> reprlib.Repr:
    # Nested lists and objects are shown three levels deep and a few items wide ("[[[...]]]"):
    # a 1,000-deep document must give an input error, not a RecursionError from repr().
    shallow = reprlib.Repr()
    shallow.maxlevel = 3
    shallow.maxlist = shallow.maxtuple = shallow.maxdict = shallow.maxset = 6
    shallow.maxstring = shallow.maxlong = shallow.maxother = SHOWN_CHARACTERS + 2
    return shallow


_SHALLOW = _shallow_repr()


def shown_value(value: Any) -> str:
    """A given value as "(got ...)" shows it: its repr, at most SHOWN_CHARACTERS long. Safe
    for any nesting depth and size (containers are shown only a few levels deep)."""
    flat = value is None or isinstance(value, str | int | float | bool)
    shown = repr(value) if flat else _SHALLOW.repr(value)
    return shown[:SHOWN_CHARACTERS] + ("…" if len(shown) > SHOWN_CHARACTERS else "")


def field_errors(error: ValidationError) -> list[FieldError]:
    """One FieldError per pydantic error, in pydantic's order."""
    errors = []
    for detail in error.errors(include_url=False):
        loc = tuple(part for part in detail["loc"] if not str(part).startswith("function-"))
        path = json_path(loc)
        wording = _wording(detail)
        errors.append(from_wording(path, wording) if wording else _untranslated(path, detail))
    return errors


def _wording(detail: ErrorDetails) -> Wording | None:
    kind, ctx = detail["type"], detail.get("ctx", {})
    got = shown_value(detail.get("input"))
    if kind in _SENTENCES:
        return Wording(_SENTENCES[kind], {"got": got})
    if kind in _BOUNDS:
        bound = next(name for name in ("gt", "ge", "lt", "le") if name in ctx)
        return Wording(_BOUNDS[kind], {bound: _number(ctx[bound]), "got": got})
    if kind in _LENGTHS and ctx.get("field_type", "List") == "List":
        limit, (singular, plural) = _LENGTHS[kind]
        values = {"count": int(ctx[limit]), "actual": ctx.get("actual_length"), "got": got}
        return Wording(singular, values, plural)
    if kind in ("literal_error", "enum"):
        return _allowed(str(ctx.get("expected", "")), got)
    validator_error = ctx.get("error")
    if kind == "value_error" and isinstance(validator_error, InvalidValue):
        return validator_error.wording  # our validators' own sentence (it shows the value)
    return None


def _allowed(expected: str, got: str) -> Wording:
    # pydantic lists the allowed values as "'a', 'b' or 'c'"; the values are the contract's
    # identifiers, shown as they are, and "or" belongs to the sentence.
    values = _QUOTED.findall(expected)
    if len(values) < 2:
        return Wording(ONE_ALLOWED, {"expected": expected, "got": got})
    choices = ", ".join(f"'{value}'" for value in values[:-1])
    return Wording(SEVERAL_ALLOWED, {"choices": choices, "last": f"'{values[-1]}'", "got": got})


def _number(value: Any) -> str:
    # A bound of a float field arrives as 0.0; pydantic writes it, as we do, as 0.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _untranslated(path: str, detail: ErrorDetails) -> FieldError:
    message = detail["msg"].removeprefix("Value error, ")
    if detail["type"] not in {"missing", "extra_forbidden"} and "input" in detail:
        message += f" (got {shown_value(detail['input'])})"
    return FieldError(path, message)
