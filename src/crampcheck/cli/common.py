"""Helpers shared by the CLI commands: output format option, errors, translator."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from crampcheck.config import Settings
from crampcheck.errors import InputError
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


def translator(language: str | None = None) -> Translator:
    """The translator for the chosen language."""
    return load_translator(language or Settings().language)


def say(template: str, **values: object) -> str:
    """`template` translated into the chosen language, then filled with `values`."""
    return translator().gettext(template).format(**values)


def fail_input(error: InputError, source: str | None = None) -> NoReturn:
    """Report bad input on stderr (every field and what is allowed) and exit with code 2."""
    where = f"{source}: " if source else ""
    template = translator().gettext("error: {problem}")
    for problem in error.errors:
        click.echo(template.format(problem=f"{where}{problem}"), err=True)
    sys.exit(EXIT_BAD_INPUT)
