"""`crampcheck assess`: assess one contract JSON document."""

from __future__ import annotations

import click

from crampcheck.assessment.engine import assess
from crampcheck.assessment.input import MAX_DOCUMENT_BYTES, parse_input_json
from crampcheck.cli.common import (
    chosen_country,
    fail_input,
    format_option,
    language_option,
    translator,
)
from crampcheck.errors import InputError, field_error
from crampcheck.render.text import render_text


def read_document(source: click.File) -> str:
    """Read at most one document's worth of text (larger input is an input error)."""
    text: str = source.read(MAX_DOCUMENT_BYTES + 1)  # type: ignore[attr-defined]
    return text


@click.command("assess")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-", metavar="[FILE|-]")
@format_option
@language_option
@click.option("--no-sources", is_flag=True, help="Leave the list of sources out of text output.")
@click.option(
    "--full", is_flag=True, help="Every detail in text output (default: the summary first, short)."
)
def assess_command(
    source: click.File, output_format: str, language: str | None, no_sources: bool, full: bool
) -> None:
    """Assess one person from a contract JSON document (FILE, or - for standard input).

    Prints the urgency, what to do now and a short summary, then each concern's action and
    the unasked questions that could change the result; --full adds the concerns with why,
    first aid, the prevention plan, what not to do, factors, medicines and sources. The
    texts name the help numbers of the input's optional "country" (ISO 3166), else of
    --country. Exit code 0 on success, 2 when the input is invalid.
    """
    name = getattr(source, "name", "-")
    try:
        person = parse_input_json(read_document(source))
    except InputError as error:
        fail_input(error, name)
    except UnicodeDecodeError:
        fail_input(InputError([field_error("$", "the file is not UTF-8 text")]), name)
    result = assess(person, language=translator(language).language, country=chosen_country())
    if output_format == "json":
        click.echo(result.to_json(indent=True))
    else:
        click.echo(render_text(result, show_sources=not no_sources, full=full))
