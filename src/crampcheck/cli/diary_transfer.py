"""`crampcheck diary import|export|analyze`: moving a diary in and out, and its statistics."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, tzinfo
from pathlib import Path
from typing import Any

import click

from crampcheck.cli.common import (
    chooses_language,
    describe_problem,
    language_option,
    say,
    say_count,
    translator,
)
from crampcheck.cli.database import FieldType, db_option, open_database, reports_errors, tz_option
from crampcheck.diary.csv_tables import read_table
from crampcheck.diary.exporting import export_checkins_csv, export_episodes_csv, export_json
from crampcheck.diary.fields import parse_day
from crampcheck.diary.importing import ImportSummary, import_tables, import_work
from crampcheck.diary.loading import load_diary_data
from crampcheck.diary.times import machine_zone
from crampcheck.errors import InputError, field_error
from crampcheck.storage import session_scope

DAY = FieldType("date", parse_day)
FILE = click.Path(dir_okay=False, path_type=Path)
PROGRESS_FROM = 5000  # progress steps: smaller imports finish before a bar is worth showing


@click.command("import")
@chooses_language
@click.option("--episodes", "episodes_path", type=FILE, help="Episodes CSV (see the docs).")
@click.option("--checkins", "checkins_path", type=FILE, help="Check-ins CSV (see the docs).")
@tz_option
@click.option("--skip-bad-rows", is_flag=True, help="Import the good rows, report the bad ones.")
@db_option
@reports_errors
def import_command(
    episodes_path: Path | None,
    checkins_path: Path | None,
    zone: tzinfo | None,
    skip_bad_rows: bool,
    db_url: str | None,
) -> None:
    """Import CSV files in one transaction: nothing is imported if any row is bad, unless
    --skip-bad-rows. Cramps already in the diary (same start) are not added twice."""
    if episodes_path is None and checkins_path is None:
        raise InputError([field_error("--episodes", "give --episodes FILE and/or --checkins FILE")])
    episodes = read_table(episodes_path) if episodes_path else None
    checkins = read_table(checkins_path) if checkins_path else None
    with (
        open_database(db_url) as factory,
        session_scope(factory) as session,
        _progress(import_work(episodes, checkins)) as advance,
    ):
        summary = import_tables(
            session, episodes, checkins, zone or machine_zone(), skip_bad_rows, advance
        )
    _report(summary)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    if total < PROGRESS_FROM:
        yield lambda _steps: None
        return
    with click.progressbar(length=total, label=say("Importing"), file=sys.stderr) as bar:
        yield bar.update


def _report(summary: ImportSummary) -> None:
    for problem in summary.skipped_problems:
        click.echo(say("Skipped: {problem}", problem=describe_problem(problem)), err=True)
    # One sentence; each count is its own plural entry, so every language can agree with it.
    click.echo(
        say(
            "Imported {cramps} ({present}) and {checkins}; skipped {bad_rows}.",
            cramps=say_count("{count} cramp", "{count} cramps", summary.episodes_added),
            present=say_count(
                "{count} was already in the diary",
                "{count} were already in the diary",
                summary.episodes_already_present,
            ),
            checkins=say_count("{count} check-in", "{count} check-ins", summary.checkins_written),
            bad_rows=say_count("{count} bad row", "{count} bad rows", summary.bad_rows),
        )
    )


@click.command("export")
@chooses_language
@click.option("--episodes", "episodes_path", type=FILE, help="Write cramps to this CSV file.")
@click.option("--checkins", "checkins_path", type=FILE, help="Write check-ins to this CSV file.")
@click.option("--json", "json_path", type=FILE, help="Write everything to this JSON file.")
@db_option
@reports_errors
def export_command(
    episodes_path: Path | None,
    checkins_path: Path | None,
    json_path: Path | None,
    db_url: str | None,
) -> None:
    """Export the diary: CSV in the import format, or JSON with everything (also medications
    and experiments)."""
    if episodes_path is None and checkins_path is None and json_path is None:
        raise InputError([field_error("--episodes", "give --episodes, --checkins and/or --json")])
    with open_database(db_url) as factory, session_scope(factory) as session:
        try:
            if episodes_path:
                count = export_episodes_csv(session, episodes_path)
                click.echo(
                    say_count(
                        "Wrote {count} cramp to {path}.",
                        "Wrote {count} cramps to {path}.",
                        count,
                        path=episodes_path,
                    )
                )
            if checkins_path:
                count = export_checkins_csv(session, checkins_path)
                click.echo(
                    say_count(
                        "Wrote {count} check-in to {path}.",
                        "Wrote {count} check-ins to {path}.",
                        count,
                        path=checkins_path,
                    )
                )
            if json_path:
                export_json(session, json_path)
                click.echo(say("Wrote the whole diary to {path}.", path=json_path))
        except OSError as error:
            # The system's reason ("Permission denied") is given as it is.
            unwritable = field_error(
                str(error.filename), "cannot write: {reason}", reason=error.strerror
            )
            raise InputError([unwritable]) from error


@click.command("analyze")
@click.option("--from", "first_day", type=DAY, help="First diary day YYYY-MM-DD.")
@click.option("--to", "last_day", type=DAY, help="Last diary day YYYY-MM-DD.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@language_option
@db_option
@reports_errors
def analyze_command(
    first_day: date | None,
    last_day: date | None,
    output: str,
    language: str | None,
    db_url: str | None,
) -> None:
    """Cramp rate and how each factor you track goes with it (rate ratios, 95% intervals)."""
    from crampcheck.analysis.diary import analyze_diary  # statistics load only when used
    from crampcheck.render.analysis_text import render_diary_analysis

    if first_day and last_day and first_day > last_day:
        after = field_error(
            "--from", "{first} is after --to {last}", first=first_day, last=last_day
        )
        raise InputError([after])
    with open_database(db_url) as factory, session_scope(factory) as session:
        data = load_diary_data(session, first_day, last_day)
    words = translator(language)
    analysis = analyze_diary(data, translator=words)
    if output == "json":
        show_json(analysis)
    else:
        click.echo(render_diary_analysis(analysis, words))


def show_json(result: Any) -> None:
    """Print an analysis result (a pydantic model) as indented JSON."""
    document = result.model_dump(mode="json")
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))
