"""`crampcheck report`: the doctor's report (PDF or HTML) of the diary, the latest assessment
and the experiments."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

import click

from crampcheck.assessment.engine import assess
from crampcheck.assessment.input import parse_input_json
from crampcheck.cli.assess import read_document
from crampcheck.cli.common import chosen_country, fail_input, language_option, say, translator
from crampcheck.cli.database import FieldType, db_option, open_database, reports_errors
from crampcheck.diary import fields
from crampcheck.errors import InputError, OutputError, field_error
from crampcheck.files import is_special_file
from crampcheck.storage import session_scope

DAY = FieldType("date", fields.parse_day)
FORMATS = ("pdf", "html")


@click.command("report")
@click.option(
    "-o", "--output", "target", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="File to write, e.g. report.pdf or report.html; - for standard output.",
)  # fmt: skip
@click.option(
    "--format", "output_format", type=click.Choice(FORMATS), default=None,
    help="pdf or html (default: from the file's suffix, else pdf).",
)  # fmt: skip
@click.option("--from", "first_day", type=DAY, help="First diary day (default: 12 weeks ago).")
@click.option("--to", "last_day", type=DAY, help="Last diary day (default: today).")
@click.option(
    "--assessment", "assessment_file", type=click.File("r", encoding="utf-8"),
    help="Contract JSON document to assess now (default: the latest kept assessment).",
)  # fmt: skip
@language_option
@db_option
@reports_errors
def report_command(
    target: Path,
    output_format: str | None,
    first_day: date | None,
    last_day: date | None,
    assessment_file: click.File | None,
    language: str | None,
    db_url: str | None,
) -> None:
    """Write a one- or two-page report for a doctor: the latest assessment, the diary's rates
    and trend, factor rate ratios, experiment results, evidence grades and sources."""
    from crampcheck.knowledge.loading import load_knowledge_base
    from crampcheck.report import (
        KeptAssessment,
        PdfRenderer,
        default_period,
        gather_report,
        latest_kept_assessment,
        render_report_html,
    )
    from crampcheck.report.files import write_whole

    chosen = output_format or ("html" if target.suffix.lower() in (".html", ".htm") else "pdf")
    to_stdout = str(target) == "-"
    if not to_stdout and is_special_file(target):
        raise InputError(
            [
                field_error(
                    "--output",
                    "{path} is not a regular file (a device, pipe or folder); give a file "
                    "name, or - for standard output",
                    path=str(target),
                )
            ]
        )
    today = date.today()
    default_start, default_end = default_period(today)
    start, end = first_day or default_start, last_day or default_end
    if start > end:
        after = field_error(
            "--from",
            "{start} is after --to {end}",
            start=start.isoformat(),
            end=end.isoformat(),
        )
        raise InputError([after])
    words = translator(language)
    knowledge = load_knowledge_base()
    given = None
    if assessment_file is not None:
        name = getattr(assessment_file, "name", "-")
        try:
            person = parse_input_json(read_document(assessment_file))
        except InputError as error:
            fail_input(error, name)
        given = KeptAssessment(
            assess(person, knowledge=knowledge, language=words.language, country=chosen_country()),
            today,
        )
    with ExitStack() as stack:
        # Started before the diary is read: the helper loads the PDF libraries meanwhile.
        renderer = stack.enter_context(PdfRenderer()) if chosen == "pdf" else None
        with open_database(db_url) as factory, session_scope(factory) as session:
            report = gather_report(
                session,
                start=start,
                end=end,
                assessment=given or latest_kept_assessment(session),
                disclaimer=words.gettext(knowledge.texts.disclaimer),
                produced=today,
                translator=words,
            )
        written = target
        if to_stdout:  # rendered whole into a private folder, then copied out
            written = Path(stack.enter_context(TemporaryDirectory())) / "report"
        if renderer is None:
            html = render_report_html(report, words)
            try:
                write_whole(written, lambda partial: partial.write_text(html, encoding="utf-8"))
            except OSError as error:
                reason = error.strerror or error
                raise OutputError(
                    say("cannot write {path}: {reason}", path=target, reason=reason)
                ) from error
        else:
            renderer.write(report, words.language, written)
        if to_stdout:
            sys.stdout.buffer.write(written.read_bytes())
            sys.stdout.buffer.flush()
            return
    click.echo(say("wrote {path}", path=target), err=True)
