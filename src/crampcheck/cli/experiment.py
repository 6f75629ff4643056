"""`crampcheck experiment`: plan an N-of-1 experiment, follow it day by day, analyse it."""

from __future__ import annotations

import json
import secrets
from datetime import date, datetime, tzinfo

import click

from crampcheck.cli.common import chooses_language, language_option, say, translator
from crampcheck.cli.database import (
    FieldType,
    db_option,
    open_database,
    reports_errors,
    tz_option,
)
from crampcheck.cli.diary_transfer import show_json
from crampcheck.cli.help_text import HelpGroup
from crampcheck.diary.fields import parse_day
from crampcheck.diary.loading import load_diary_data
from crampcheck.diary.times import machine_zone
from crampcheck.experiments import (
    WASHOUT,
    create_experiment,
    experiment_document,
    get_experiment,
    list_experiments,
    schedule_of,
)
from crampcheck.storage import ExperimentRow, session_scope

DAY = FieldType("date", parse_day)
OUTPUT = click.Choice(["text", "json"])


@click.group("experiment", cls=HelpGroup)
def experiment_group() -> None:
    """N-of-1 experiments: does option A or option B give you fewer cramps?"""


@experiment_group.command("plan")
@chooses_language
@click.option("--name", required=True, help="What the experiment is about.")
@click.option("--a", "option_a", required=True, help="Option A, e.g. 'stretch before bed'.")
@click.option("--b", "option_b", required=True, help="Option B, e.g. 'no stretching'.")
@click.option("--period-days", type=int, required=True, help="Days of each period (≥ 1).")
@click.option("--blocks", type=int, required=True, help="Blocks of one A and one B period (≥ 1).")
@click.option(
    "--washout-days", type=int, default=0, show_default=True, help="Days between periods."
)
@click.option("--start", "start", type=DAY, required=True, help="First day YYYY-MM-DD.")
@click.option("--seed", type=int, help="Random seed (default: random; stored either way).")
@click.option("--format", "output", type=OUTPUT, default="text")
@db_option
@reports_errors
def plan_command(
    name: str,
    option_a: str,
    option_b: str,
    period_days: int,
    blocks: int,
    washout_days: int,
    start: date,
    seed: int | None,
    output: str,
    db_url: str | None,
) -> None:
    """Plan and save a randomised block schedule: each block holds one period of A and one of
    B, in random order."""
    with open_database(db_url) as factory, session_scope(factory) as session:
        row = create_experiment(
            session,
            name=name,
            option_a=option_a,
            option_b=option_b,
            period_days=period_days,
            blocks=blocks,
            washout_days=washout_days,
            start=start,
            seed=seed if seed is not None else secrets.randbelow(2**31),
        )
        document = experiment_document(row)
    if output == "json":
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    click.echo(say("Planned experiment {id}: {name}", id=row.id, name=row.name))
    _echo_schedule(row)


def _echo_schedule(row: ExperimentRow) -> None:
    labels = {
        "a": say("A ({option})", option=row.option_a),
        "b": say("B ({option})", option=row.option_b),
        WASHOUT: say("wash-out"),
    }
    for entry in schedule_of(row):
        click.echo(f"  {entry.day.isoformat()}  {labels[entry.option]}")


@experiment_group.command("list")
@chooses_language
@click.option("--format", "output", type=OUTPUT, default="text")
@db_option
@reports_errors
def list_command(output: str, db_url: str | None) -> None:
    """Show every planned experiment."""
    with open_database(db_url) as factory, session_scope(factory) as session:
        documents = [experiment_document(row) for row in list_experiments(session)]
    if output == "json":
        click.echo(json.dumps(documents, indent=2, ensure_ascii=False))
        return
    for document in documents:
        first, last = document["schedule"][0]["date"], document["schedule"][-1]["date"]
        line = say(
            "{id}  {name}  {first} to {last}  A: {a}  B: {b}",
            id=document["id"],
            name=document["name"],
            first=first,
            last=last,
            a=document["a"],
            b=document["b"],
        )
        click.echo(line)


@experiment_group.command("show")
@chooses_language
@click.argument("experiment_id", metavar="ID")
@click.option("--date", "day", type=DAY, help="Which day to instruct (default: today).")
@tz_option
@click.option("--format", "output", type=OUTPUT, default="text")
@db_option
@reports_errors
def show_command(
    experiment_id: str, day: date | None, zone: tzinfo | None, output: str, db_url: str | None
) -> None:
    """Show an experiment and what to do today."""
    the_day = day or datetime.now(zone or machine_zone()).date()
    with open_database(db_url) as factory, session_scope(factory) as session:
        row = get_experiment(session, experiment_id)
        document = experiment_document(row)
        instruction = today_instruction(row, the_day)
        if output == "json":
            document["today"] = {"date": the_day.isoformat(), "instruction": instruction}
            click.echo(json.dumps(document, indent=2, ensure_ascii=False))
            return
        click.echo(say("Experiment {id}: {name}", id=row.id, name=row.name))
        click.echo(say("today: {instruction}", instruction=instruction))
        _echo_schedule(row)


def today_instruction(row: ExperimentRow, day: date) -> str:
    """What the schedule asks of the person on `day`, in words (CRAMPCHECK_LANGUAGE)."""
    options = {entry.day: entry.option for entry in schedule_of(row)}
    option = options.get(day)
    if option is None:
        first, last = min(options), max(options)
        return say(
            "no instruction (the experiment runs {first} to {last})",
            first=first.isoformat(),
            last=last.isoformat(),
        )
    if option == WASHOUT:
        return say("wash-out day (neither option counts)")
    if option == "a":
        return say("do A ({option})", option=row.option_a)
    return say("do B ({option})", option=row.option_b)


@experiment_group.command("analyze")
@click.argument("experiment_id", metavar="ID")
@click.option("--format", "output", type=OUTPUT, default="text")
@language_option
@db_option
@reports_errors
def analyze_command(
    experiment_id: str, output: str, language: str | None, db_url: str | None
) -> None:
    """Compare the cramp rate on A days with that on B days (check-in days only)."""
    from crampcheck.analysis.experiment import analyze_experiment

    with open_database(db_url) as factory, session_scope(factory) as session:
        row = get_experiment(session, experiment_id)
        schedule = schedule_of(row)
        data = load_diary_data(session, schedule[0].day, schedule[-1].day)
        a_label, b_label, period_days = row.option_a, row.option_b, row.period_days
    from crampcheck.render.analysis_text import render_experiment_analysis

    days = [(entry.day, entry.option) for entry in schedule]
    words = translator(language)
    # Blocks count as complete up to today, not only up to the last check-in.
    result = analyze_experiment(
        days,
        data,
        a_label=a_label,
        b_label=b_label,
        period_days=period_days,
        as_of=date.today(),
        translator=words,
    )
    if output == "json":
        show_json(result)
    else:
        click.echo(render_experiment_analysis(result, words, a_label, b_label))
