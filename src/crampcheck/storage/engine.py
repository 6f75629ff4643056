"""Engines and sessions. Nothing connects at import time; callers build what they need."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from crampcheck.errors import StorageError
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
        engine = create_engine(parsed)
    except (SQLAlchemyError, ImportError) as error:
        raise StorageError(f"cannot use database {parsed.render_as_string()}: {error}") from error
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def _create_sqlite_directory(database: str | None) -> None:
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database).expanduser()
        try:
            make_private_folder(path.parent)
            make_private_file(path)
        except OSError as error:
            reason = error.strerror or error
            raise StorageError(f"cannot create the database {path}: {reason}") from error


def _enable_sqlite_foreign_keys(connection: Any, _record: Any) -> None:
    # SQLite ignores ON DELETE CASCADE unless asked, per connection.
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
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
