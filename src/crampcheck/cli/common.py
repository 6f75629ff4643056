"""Helpers shared by the CLI commands: output format option, errors, translator."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

import click

from crampcheck.config import Settings
from crampcheck.errors import FieldError, InputError, InvalidValue
from crampcheck.i18n import SUPPORTED_LANGUAGES, Translator, load_translator

EXIT_BAD_INPUT = 2

# click.ParamType became generic only in recent click releases; subscript it for mypy alone.
if TYPE_CHECKING:
    _ParamType = click.ParamType[Any]
else:
    _ParamType = click.ParamType

format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Human-readable text or JSON for programs.",
)


LANGUAGE_KEY = "crampcheck.language"  # where --language is kept in click's shared `meta`
COUNTRY_KEY = "crampcheck.country"


def _remember(key: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        if value is not None:
            ctx.meta[key] = value  # `meta` is shared by a command and its parent groups
        return value

    return callback


class CountryType(_ParamType):
    """An ISO 3166-1 alpha-2 country code, any case (``se`` → ``SE``)."""

    name = "country"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from crampcheck.i18n.countries import parse_country

        try:
            return parse_country(str(value))
        except ValueError as error:
            self.fail(describe_invalid(error), param, ctx)


def _language(expose: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--language",
        type=click.Choice(SUPPORTED_LANGUAGES, case_sensitive=False),
        default=None,
        expose_value=expose,
        is_eager=True,  # before --help when given first: the help page is in that language
        callback=_remember(LANGUAGE_KEY),
        help="Language of the output (default: CRAMPCHECK_LANGUAGE, else en).",
    )


country_option = click.option(
    "--country",
    type=CountryType(),
    default=None,
    expose_value=False,
    callback=_remember(COUNTRY_KEY),
    help="ISO 3166 country whose emergency and medical-advice numbers to show, e.g. SE "
    "(default: CRAMPCHECK_COUNTRY, else the language's country).",
)


def language_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """--language (passed to the command as `language`, None when not given: the command
    asks `translator(language)`), and --country (read with `chosen_country`)."""
    return country_option(_language(expose=True)(function))


def chooses_language(function: Callable[..., Any]) -> Callable[..., Any]:
    """--language and --country for a command that does not take them as arguments: its
    messages read them through `say`, `translator()` and `chosen_country()`."""
    return country_option(_language(expose=False)(function))


def chosen_language() -> str:
    """The running command's --language, else CRAMPCHECK_LANGUAGE (else English).

    Raises `InputError` when CRAMPCHECK_LANGUAGE is not supported (the `crampcheck` group
    reports it: exit code 2).
    """
    context = click.get_current_context(silent=True)
    if context is not None and isinstance(context.meta.get(LANGUAGE_KEY), str):
        return str(context.meta[LANGUAGE_KEY])
    return Settings().language


def chosen_country() -> str | None:
    """The running command's --country, else CRAMPCHECK_COUNTRY, else None (the language's
    country: see `crampcheck.knowledge.help_numbers.help_numbers`)."""
    context = click.get_current_context(silent=True)
    if context is not None and isinstance(context.meta.get(COUNTRY_KEY), str):
        return str(context.meta[COUNTRY_KEY])
    return Settings().country


def translator(language: str | None = None) -> Translator:
    """The translator for `language`, by default the chosen one (`chosen_language`)."""
    return load_translator(language or chosen_language())


def safe_translator() -> Translator:
    """The chosen language's translator, or English when the setting itself is at fault."""
    try:
        return translator()
    except InputError:
        return load_translator("en")


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


def report_input_error(error: InputError) -> None:
    """Every problem of `error` on stderr (``error: path: message``), in the chosen language
    or, when the language setting is itself the problem, in English."""
    words = safe_translator()
    template = words.gettext("error: {problem}")
    for problem in error.errors:
        click.echo(template.format(problem=problem.translated(words)), err=True)


def fail_input(error: InputError, source: str | None = None) -> NoReturn:
    """Report bad input on stderr (every field and what is allowed, in the chosen language)
    and exit with code 2."""
    where = f"{source}: " if source else ""
    template = translator().gettext("error: {problem}")
    for problem in error.errors:
        click.echo(template.format(problem=f"{where}{describe_problem(problem)}"), err=True)
    sys.exit(EXIT_BAD_INPUT)
