"""`crampcheck diary meds`: when you started and stopped a medication."""

from __future__ import annotations

import json
from datetime import date

import click

from crampcheck.cli.common import chooses_language, say
from crampcheck.cli.database import FieldType, db_option, open_database, reports_errors
from crampcheck.cli.help_text import HelpGroup
from crampcheck.diary import list_medications, start_medication, stop_medication
from crampcheck.diary.fields import parse_entry_day
from crampcheck.storage import session_scope

DAY = FieldType("date", parse_entry_day)


@click.group("meds", cls=HelpGroup)
def meds_group() -> None:
    """Medication periods (they matter: some medicines cause cramps)."""


@meds_group.command("start")
@chooses_language
@click.argument("name")
@click.option("--date", "day", type=DAY, help="YYYY-MM-DD (default: today).")
@db_option
@reports_errors
def start_command(name: str, day: date | None, db_url: str | None) -> None:
    """Record that you started taking NAME."""
    with open_database(db_url) as factory, session_scope(factory) as session:
        row = start_medication(session, name, day or date.today())
        click.echo(say("Started {name} on {day}.", name=row.name, day=row.started))


@meds_group.command("stop")
@chooses_language
@click.argument("name")
@click.option("--date", "day", type=DAY, help="YYYY-MM-DD (default: today).")
@db_option
@reports_errors
def stop_command(name: str, day: date | None, db_url: str | None) -> None:
    """Record that you stopped taking NAME."""
    with open_database(db_url) as factory, session_scope(factory) as session:
        row = stop_medication(session, name, day or date.today())
        click.echo(say("Stopped {name} on {day}.", name=row.name, day=row.stopped))


@meds_group.command("list")
@chooses_language
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@db_option
@reports_errors
def list_command(output: str, db_url: str | None) -> None:
    """Show every medication period."""
    with open_database(db_url) as factory, session_scope(factory) as session:
        periods = [
            {
                "name": row.name,
                "started": row.started.isoformat() if row.started else None,
                "stopped": row.stopped.isoformat() if row.stopped else None,
            }
            for row in list_medications(session)
        ]
    if output == "json":
        click.echo(json.dumps(periods, indent=2, ensure_ascii=False))
        return
    for period in periods:
        click.echo(
            say(
                "{name}: {start} to {stop}",
                name=period["name"],
                start=period["started"] or "?",
                stop=period["stopped"] or say("now"),
            )
        )
