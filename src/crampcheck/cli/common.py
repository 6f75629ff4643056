"""Helpers shared by the CLI commands: output format option, errors, translator."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from crampcheck.config import Settings
from crampcheck.errors import FieldError, InputError, InvalidValue
from crampcheck.i18n import SUPPORTED_LANGUAGES, Translator, load_translator

EXIT_BAD_INPUT = 2

format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Human-readable text or JSON for programs.",
)


def language_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """--language, defaulting to CRAMPCHECK_LANGUAGE or English."""
    return click.option(
        "--language",
        type=click.Choice(SUPPORTED_LANGUAGES),
        default=None,
        help="Language of the output (default: CRAMPCHECK_LANGUAGE, else en).",
    )(function)


def chosen_language() -> str:
    """The running command's --language (or a parent group's), else CRAMPCHECK_LANGUAGE."""
    context = click.get_current_context(silent=True)
    while context is not None:
        language = context.params.get("language")
        if isinstance(language, str):
            return language
        context = context.parent
    return Settings().language


def translator(language: str | None = None) -> Translator:
    """The translator for `language`, by default the chosen one (`chosen_language`)."""
    return load_translator(language or chosen_language())


def say(template: str, **values: object) -> str:
    """`template` translated into the chosen language, then filled with `values`."""
    return translator().gettext(template).format(**values)


def say_count(singular: str, plural: str, count: int, **values: object) -> str:
    """The form of a plural message that fits `count`, translated, filled with `count` and
    `values` (``say_count("{count} cramp", "{count} cramps", n)``)."""
    return translator().ngettext(singular, plural, count).format(count=count, **values)


def describe_problem(problem: FieldError) -> str:
    """``path: message`` of one input problem, in the chosen language."""
    return problem.translated(translator())


def describe_invalid(error: ValueError) -> str:
    """What a parser's ValueError says, in the chosen language when it is an `InvalidValue`."""
    return error.wording.translated(translator()) if isinstance(error, InvalidValue) else str(error)


def fail_input(error: InputError, source: str | None = None) -> NoReturn:
    """Report bad input on stderr (every field and what is allowed, in the chosen language)
    and exit with code 2."""
    where = f"{source}: " if source else ""
    template = translator().gettext("error: {problem}")
    for problem in error.errors:
        click.echo(template.format(problem=f"{where}{describe_problem(problem)}"), err=True)
    sys.exit(EXIT_BAD_INPUT)
