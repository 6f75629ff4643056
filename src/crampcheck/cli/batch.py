"""`crampcheck batch`: assess many documents, one JSON object per line."""

from __future__ import annotations

import json
import os
import sys
from typing import IO

import click

from crampcheck.assessment.engine import assess
from crampcheck.assessment.input import parse_input_json
from crampcheck.cli.common import language_option, translator
from crampcheck.errors import InputError


def _error_line(number: int, error: InputError) -> str:
    problems = [{"path": p.path, "message": p.message} for p in error.errors]
    return json.dumps({"line": number, "error": {"type": "input_error", "problems": problems}})


def assess_line(number: int, line: str, language: str) -> tuple[str, bool]:
    """One output line and whether it is an assessment (else an error naming the line)."""
    try:
        person = parse_input_json(line)
    except InputError as error:
        return _error_line(number, error), False
    return assess(person, language=language).to_json(), True


@click.command("batch")
@click.argument("source", type=click.File("r", encoding="utf-8"), metavar="IN.jsonl")
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8", atomic=True),
    required=True,
    help="Where to write the results (JSON Lines, one per input line, in order).",
)
@language_option
def batch_command(source: IO[str], output: IO[str], language: str | None) -> None:
    """Assess every line of a JSON Lines file.

    Each input line gives one output line, in order: the assessment, or
    {"line": N, "error": {...}} when that line is invalid. The run goes on after bad lines;
    a summary and a progress bar go to stderr. The output file is written atomically.
    """
    words = translator(language)
    lang = words.language
    size = _size(source)
    ok = bad = 0
    label = words.gettext("assessing")
    with click.progressbar(length=size, label=label, file=sys.stderr) as bar:
        for number, line in enumerate(source, start=1):
            bar.update(len(line.encode("utf-8")))
            result, assessed = assess_line(number, line, lang)
            ok, bad = ok + assessed, bad + (not assessed)
            output.write(result + "\n")
    summary = words.gettext("{ok} assessed, {bad} invalid line(s)")
    click.echo(summary.format(ok=ok, bad=bad), err=True)


def _size(source: IO[str]) -> int:
    try:
        return os.fstat(source.fileno()).st_size
    except (OSError, ValueError, AttributeError):
        return 0
