"""Bring a database's schema up to date with the migrations shipped in this package."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from crampcheck.errors import StorageError
from crampcheck.storage.engine import busy_error, is_busy

if TYPE_CHECKING:
    from alembic.config import Config

# A package resource location, so no alembic.ini is needed once installed.
SCRIPT_LOCATION = "crampcheck.storage:migrations"
# The newest migration (tests check it is Alembic's head). Knowing it lets a command skip
# importing Alembic — 0.6 s — when the database is already current, as it nearly always is.
HEAD_REVISION = "0002"


def alembic_config() -> Config:
    """The Alembic configuration, built in code."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def _is_current(engine: Engine) -> bool:
    # Only a database without the alembic_version table is new. Any other failure (above all
    # a lock held by an import) is raised: taking a locked database for a new one and
    # migrating it is how "cannot prepare the database" used to end a `diary add`.
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return False
            revisions = connection.execute(text("SELECT version_num FROM alembic_version"))
            return [row[0] for row in revisions] == [HEAD_REVISION]
    except SQLAlchemyError as error:
        if is_busy(error):
            raise busy_error(error) from error
        raise StorageError(f"cannot prepare the database: {error}") from error


def upgrade_database(engine: Engine) -> None:
    """Apply every migration the database has not had yet (a no-op when it is current)."""
    if _is_current(engine):
        return
    from alembic import command

    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as error:
        if is_busy(error):
            raise busy_error(error) from error
        raise StorageError(f"cannot prepare the database: {error}") from error
