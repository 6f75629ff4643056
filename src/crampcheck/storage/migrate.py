"""Bring a database's schema up to date with the migrations shipped in this package."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from crampcheck.errors import StorageError

# A package resource location, so no alembic.ini is needed once installed.
SCRIPT_LOCATION = "crampcheck.storage:migrations"


def alembic_config() -> Config:
    """The Alembic configuration, built in code."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def upgrade_database(engine: Engine) -> None:
    """Apply every migration the database has not had yet (a no-op when it is current)."""
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as error:
        raise StorageError(f"cannot prepare the database: {error}") from error
