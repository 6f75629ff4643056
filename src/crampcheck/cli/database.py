"""What every diary and experiment command shares: `--db`, opening the database, and turning
crampcheck errors into a message and an exit code (2: bad input, 1: anything else)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import click
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from crampcheck.analysis.inputs import diary_day_of
from crampcheck.cli.common import describe_invalid, describe_problem, say
from crampcheck.config import Settings
from crampcheck.diary.times import machine_zone, zone_named
from crampcheck.errors import CrampcheckError, InputError, StorageError
from crampcheck.files import make_private_folder
from crampcheck.storage import create_engine_for, session_factory, upgrade_database
from crampcheck.storage.engine import busy_error, is_busy

P = ParamSpec("P")
R = TypeVar("R")
FuncT = TypeVar("FuncT", bound=Callable[..., Any])

# click.ParamType became generic only in recent click releases; subscript it for mypy alone.
if TYPE_CHECKING:
    _ParamType = click.ParamType[Any]
else:
    _ParamType = click.ParamType


def db_option(function: FuncT) -> FuncT:
    """Add `--db URL` (default: CRAMPCHECK_DATABASE_URL, else SQLite in the data directory)."""
    return click.option(
        "--db",
        "db_url",
        metavar="URL",
        default=None,
        help="SQLAlchemy database URL (default: $CRAMPCHECK_DATABASE_URL, else SQLite in the "
        "data directory).",
    )(function)


def tz_option(function: FuncT) -> FuncT:
    """Add `--tz ZONE`: the IANA zone of local times given without an offset."""
    return click.option(
        "--tz",
        "zone",
        type=ZoneType(),
        default=None,
        help="IANA time zone of times given without offset, e.g. Europe/Berlin "
        "(default: this computer's zone).",
    )(function)


@contextmanager
def open_database(db_url: str | None) -> Iterator[sessionmaker[Session]]:
    """A session factory for the chosen database, its schema brought up to date."""
    settings = Settings()
    if db_url is None and settings.uses_data_dir():
        make_private_folder(settings.data_dir, tighten=True)
    url = db_url or settings.resolved_database_url()
    engine = create_engine_for(url)
    try:
        upgrade_database(engine)
        yield session_factory(engine)
    except SQLAlchemyError as error:
        # After SQLite's wait for a lock (a few seconds), say so plainly; never a traceback.
        if is_busy(error):
            raise busy_error(error) from error
        raise StorageError(f"the database could not be read or written: {error}") from error
    finally:
        engine.dispose()


def reports_errors(function: Callable[P, R]) -> Callable[P, R]:
    """Run a command, turning crampcheck errors into a message on stderr and an exit code."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except InputError as error:
            for problem in error.errors:
                click.echo(say("Error: {problem}", problem=describe_problem(problem)), err=True)
            raise SystemExit(2) from None
        except CrampcheckError as error:
            click.echo(say("Error: {problem}", problem=error), err=True)
            raise SystemExit(1) from None

    return wrapper


class ZoneType(_ParamType):
    """An IANA time-zone name."""

    name = "zone"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, tzinfo):
            return value
        try:
            return zone_named(str(value))
        except ValueError as error:
            self.fail(describe_invalid(error), param, ctx)


class FieldType(_ParamType):
    """A value checked by one of the diary's field parsers (their message says what is allowed)."""

    def __init__(self, name: str, parse: Callable[[str], Any]) -> None:
        self.name = name
        self._parse = parse

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self._parse(value)
        except ValueError as error:
            self.fail(describe_invalid(error), param, ctx)


def current_diary_day(zone: tzinfo | None) -> date:
    """Today's diary day in `zone` (default: this computer's): before 06:00 it is yesterday."""
    return diary_day_of(datetime.now(zone or machine_zone()))
