"""`crampcheck diary`: log cramps in seconds, record daily check-ins and medications, list,
edit, delete, import, export and analyse."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, tzinfo
from typing import Any

import click

from crampcheck.cli.common import chooses_language, say
from crampcheck.cli.database import (
    FieldType,
    current_diary_day,
    db_option,
    open_database,
    reports_errors,
    tz_option,
)
from crampcheck.cli.diary_meds import meds_group
from crampcheck.cli.diary_transfer import analyze_command, export_command, import_command
from crampcheck.cli.help_text import HelpGroup
from crampcheck.diary import (
    CheckInRecord,
    EpisodeRecord,
    add_episode,
    delete_episode,
    erase_everything,
    fields,
    latest_episode,
    list_checkins,
    list_episodes,
    record_checkin,
    update_episode,
)
from crampcheck.diary.bounds import check_start
from crampcheck.diary.exporting import checkin_json, episode_json
from crampcheck.diary.times import machine_zone, parse_ago, parse_start, zone_name
from crampcheck.errors import InputError, InvalidValue, field_error, field_error_from
from crampcheck.storage import session_scope

DAY = FieldType("date", fields.parse_day)
ENTRY_DAY = FieldType("date", fields.parse_entry_day)
NUMBER = FieldType("number", fields.parse_number)


@click.group("diary", cls=HelpGroup)
def diary_group() -> None:
    """Your cramp diary: cramps, daily check-ins and medications."""


def episode_options(function: Any) -> Any:
    """The optional fields of a cramp, shared by `add` and `edit`."""
    options = [
        click.option("--start", help="When it began: ISO date-time, with or without offset."),
        tz_option,
        click.option("--duration", "duration_minutes", type=NUMBER, help="Minutes it lasted."),
        click.option("--muscle", type=click.Choice(fields.MUSCLES, case_sensitive=False)),
        click.option("--side", type=click.Choice(fields.SIDES, case_sensitive=False)),
        click.option(
            "--severity", type=FieldType("0-10", fields.parse_severity), help="0 (none) to 10."
        ),
        click.option("--woke/--no-woke", "woke_from_sleep", default=None, help="Woke you up?"),
        click.option("--helped", help="What helped (free text)."),
        click.option("--notes", help="Anything else (free text)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@diary_group.command("add")
@chooses_language
@episode_options
@click.option("--ago", help="Instead of --start: how long ago it began, e.g. 2h, 45m, 1h30m.")
@db_option
@reports_errors
def add_command(
    start: str | None, zone: tzinfo | None, ago: str | None, db_url: str | None, **values: Any
) -> None:
    """Log a cramp. Every option is optional: the start defaults to now, muscle and side to
    those of your previous cramp."""
    when = _start_of(start, ago, zone)
    named = zone_name(zone or machine_zone()) if start is None or _is_naive(start) else None
    with open_database(db_url) as factory, session_scope(factory) as session:
        previous = latest_episode(session)
        for carried in ("muscle", "side"):
            if values[carried] is None and previous is not None:
                values[carried] = getattr(previous, carried)
        row = add_episode(session, EpisodeRecord(start=when, time_zone=named, **values))
        click.echo(
            say(
                "Logged cramp #{id}: {what}", id=row.id, what=_describe(EpisodeRecord.from_row(row))
            )
        )


def _start_of(start: str | None, ago: str | None, zone: tzinfo | None) -> datetime:
    if start is not None and ago is not None:
        raise InputError([field_error("--ago", "give either --start or --ago, not both")])
    local_zone = zone or machine_zone()
    now = datetime.now(local_zone).replace(microsecond=0)
    try:
        if start is not None:
            return parse_start(start, local_zone)
        if ago is None:
            return now
        back = parse_ago(ago)
        try:
            began = now - back
        except OverflowError:  # before year 1: the bounds check names the allowed range
            began = datetime.min.replace(tzinfo=UTC)
        return check_start(began)
    except ValueError as error:
        raise InputError([field_error_from("--start" if start else "--ago", error)]) from error


def _is_naive(start: str) -> bool:
    try:
        return datetime.fromisoformat(start.strip()).tzinfo is None
    except ValueError:
        return False


def _describe(record: EpisodeRecord) -> str:
    # Separate items of a list (two spaces apart), each one translated whole.
    start = record.start.strftime("%Y-%m-%d %H:%M %z")
    parts = [start, say("(diary day {day})", day=_diary_day(record).isoformat())]
    parts += [value for value in (record.muscle, record.side) if value]  # contract values
    if record.severity is not None:
        parts.append(say("severity {severity}", severity=record.severity))
    if record.duration_minutes is not None:
        parts.append(say("{minutes} min", minutes=f"{record.duration_minutes:g}"))
    if record.woke_from_sleep:
        parts.append(say("woke you"))
    return "  ".join(parts)


def _diary_day(record: EpisodeRecord) -> date:
    from crampcheck.analysis.inputs import diary_day_of

    return diary_day_of(record.start)


@diary_group.command("checkin")
@chooses_language
@click.option(
    "--date", "day", type=ENTRY_DAY, help="Diary day YYYY-MM-DD (default: the current one)."
)
@click.option("--fluid-litres", type=NUMBER)
@click.option("--alcohol-units", type=NUMBER)
@click.option("--caffeine-cups", type=NUMBER)
@click.option("--exercise-minutes", type=NUMBER)
@click.option("--exercise-intensity", type=click.Choice(fields.INTENSITIES, case_sensitive=False))
@click.option("--standing-hours", type=NUMBER)
@click.option("--sitting-hours", type=NUMBER)
@click.option("--sleep-hours", type=NUMBER)
@click.option("--stretched/--no-stretched", "stretched_before_bed", default=None)
@click.option(
    "--factor",
    "factor_texts",
    multiple=True,
    metavar="NAME=VALUE",
    help="A factor you track: true, false or a number; NAME= removes it. Repeatable.",
)
@tz_option
@db_option
@reports_errors
def checkin_command(
    day: date | None,
    factor_texts: tuple[str, ...],
    zone: tzinfo | None,
    db_url: str | None,
    **values: Any,
) -> None:
    """Record a diary day (06:00 to 06:00); running it again for that day updates it."""
    factors = _parse_factors(factor_texts)
    given = {name: value for name, value in values.items() if value is not None}
    the_day = day or current_diary_day(zone)
    with open_database(db_url) as factory, session_scope(factory) as session:
        row = record_checkin(session, the_day, given, factors)
        record = CheckInRecord.from_row(row)
    click.echo(
        say("Check-in for {day}: {what}", day=the_day.isoformat(), what=_describe_checkin(record))
    )


def _parse_factors(texts: tuple[str, ...]) -> dict[str, bool | float | None]:
    factors: dict[str, bool | float | None] = {}
    problems = []
    for text in texts:
        name, equals, value = text.partition("=")
        try:
            if not equals:
                raise InvalidValue("must look like NAME=VALUE, got {text}", text=repr(text))
            checked = fields.check_factor_name(name)
            factors[checked] = fields.parse_factor_value(value) if value.strip() else None
        except ValueError as error:
            problems.append(field_error_from("--factor", error))
    if problems:
        raise InputError(problems)
    return factors


def _describe_checkin(record: CheckInRecord) -> str:
    items = {**record.values, **record.factors}
    if not items:
        return say("nothing recorded")
    return ", ".join(f"{name}={_text(value)}" for name, value in items.items())


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if isinstance(value, float) else str(value)


@diary_group.command("list")
@chooses_language
@click.option("--from", "first_day", type=DAY, help="First diary day YYYY-MM-DD.")
@click.option("--to", "last_day", type=DAY, help="Last diary day YYYY-MM-DD.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@db_option
@reports_errors
def list_command(
    first_day: date | None, last_day: date | None, output: str, db_url: str | None
) -> None:
    """Show cramps and check-ins, oldest first."""
    with open_database(db_url) as factory, session_scope(factory) as session:
        episodes = [
            (row.id, EpisodeRecord.from_row(row))
            for row in list_episodes(session, first_day, last_day)
        ]
        checkins = [
            CheckInRecord.from_row(row) for row in list_checkins(session, first_day, last_day)
        ]
    if output == "json":
        document = {
            "episodes": [episode_json(record, episode_id) for episode_id, record in episodes],
            "checkins": [checkin_json(record) for record in checkins],
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    click.echo(say("Cramps ({count})", count=len(episodes)))
    for episode_id, record in episodes:
        click.echo(f"  #{episode_id}  {_describe(record)}")
    click.echo(say("Check-ins ({count})", count=len(checkins)))
    for checkin in checkins:
        click.echo(f"  {checkin.day.isoformat()}  {_describe_checkin(checkin)}")


# --clear names -> episode fields
_CLEAR_FIELDS = {
    "duration": "duration_minutes",
    "muscle": "muscle",
    "side": "side",
    "severity": "severity",
    "woke": "woke_from_sleep",
    "helped": "helped",
    "notes": "notes",
}


@diary_group.command("edit")
@chooses_language
@click.argument("episode_id", type=int, metavar="ID")
@episode_options
@click.option(
    "--clear",
    multiple=True,
    type=click.Choice(tuple(_CLEAR_FIELDS)),
    help="Erase a field. Repeatable.",
)
@db_option
@reports_errors
def edit_command(
    episode_id: int,
    start: str | None,
    zone: tzinfo | None,
    clear: tuple[str, ...],
    db_url: str | None,
    **values: Any,
) -> None:
    """Change a cramp: give the fields to change (see `diary list` for ids)."""
    changes: dict[str, Any] = {name: value for name, value in values.items() if value is not None}
    changes.update({_CLEAR_FIELDS[name]: None for name in clear})
    if start is not None:
        changes["start"] = _start_of(start, None, zone)
        # A start with an explicit offset says nothing about the zone: forget the old name.
        named = zone_name(zone or machine_zone()) if _is_naive(start) else None
        changes["time_zone"] = named
    if not changes:
        raise InputError(
            [field_error("ID", "nothing to change: give e.g. --severity 5 or --clear notes")]
        )
    with open_database(db_url) as factory, session_scope(factory) as session:
        row = update_episode(session, episode_id, changes)
        click.echo(
            say(
                "Changed cramp #{id}: {what}",
                id=row.id,
                what=_describe(EpisodeRecord.from_row(row)),
            )
        )


@diary_group.command("delete")
@chooses_language
@click.argument("episode_id", type=int, required=False, metavar="[ID]")
@click.option("--all", "everything", is_flag=True, help="Erase ALL your data in this database.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (with --all).")
@db_option
@reports_errors
def delete_command(episode_id: int | None, everything: bool, yes: bool, db_url: str | None) -> None:
    """Delete one cramp by id, or with --all every cramp, check-in, medication and experiment."""
    if everything == (episode_id is not None):
        raise InputError([field_error("ID", "give either a cramp id or --all")])
    if everything and not yes:
        click.confirm(
            say("Erase all your diary data in this database? This cannot be undone"), abort=True
        )
    with open_database(db_url) as factory, session_scope(factory) as session:
        if episode_id is not None:
            delete_episode(session, episode_id)
            click.echo(say("Deleted cramp #{id}.", id=episode_id))
        else:
            erase_everything(session)
            click.echo(say("Deleted all diary data."))


diary_group.add_command(meds_group)
diary_group.add_command(import_command)
diary_group.add_command(export_command)
diary_group.add_command(analyze_command)
