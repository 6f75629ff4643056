"""Engines and sessions. Nothing connects at import time; callers build what they need."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from crampcheck.errors import DatabaseBusy, StorageError
from crampcheck.files import make_private_file, make_private_folder


def create_engine_for(url: str) -> Engine:
    """An engine for a SQLAlchemy URL; for a SQLite file its directory is created first
    (0700) and the file is private (0600: SQLite gives its journal files the same mode)."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StorageError(f"not a database URL: {url!r} (e.g. sqlite:///path.db)") from error
    if parsed.drivername == "postgresql":
        # SQLAlchemy's default PostgreSQL driver is psycopg2; we ship psycopg 3.
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        _create_sqlite_directory(parsed.database)
    try:
        # hide_parameters: an error or a log line shows the SQL, never the values in it —
        # they are a person's health notes.
        engine = create_engine(
            parsed, hide_parameters=True, connect_args=_connect_arguments(parsed.drivername)
        )
    except (SQLAlchemyError, ImportError) as error:
        raise StorageError(f"cannot use database {parsed.render_as_string()}: {error}") from error
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _prepare_sqlite_connection)
    return engine


# How long a SQLite connection waits for another writer's lock before giving up (an import
# of 100,000 rows commits in a few seconds; the web answers 503 + Retry-After after this).
SQLITE_BUSY_SECONDS = 5.0


def _connect_arguments(driver: str) -> dict[str, Any]:
    return {"timeout": SQLITE_BUSY_SECONDS} if driver.startswith("sqlite") else {}


def is_busy(error: BaseException) -> bool:
    """Whether a database error means "another program holds the lock" (SQLite's "database
    is locked" after the busy timeout), rather than a real fault."""
    if not isinstance(error, OperationalError):
        return False
    text = str(error.orig).lower()
    return "database is locked" in text or "database table is locked" in text


def busy_error(error: BaseException) -> DatabaseBusy:
    """The DatabaseBusy to raise for a lock error."""
    return DatabaseBusy(
        "the database is busy: another crampcheck program (an import?) is writing to it; "
        "nothing was changed, try again in a moment"
    )


def _create_sqlite_directory(database: str | None) -> None:
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database).expanduser()
        try:
            make_private_folder(path.parent)
            make_private_file(path)
        except OSError as error:
            reason = error.strerror or error
            raise StorageError(f"cannot create the database {path}: {reason}") from error


def _prepare_sqlite_connection(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    # SQLite ignores ON DELETE CASCADE unless asked, per connection.
    cursor.execute("PRAGMA foreign_keys=ON")
    # Write-ahead log: readers (the diary page, exports) go on while a writer, such as a
    # long import, holds its lock; the mode is kept in the file, so this is cheap after the
    # first time. An in-memory database answers "memory" and stays as it is.
    with contextlib.suppress(sqlite3.OperationalError):  # locked now: a later connection sets it
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session maker bound to `engine`; objects stay readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back if it raises."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
