"""Alembic environment: runs on the connection `upgrade_database` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from crampcheck.storage.models import Base


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them.
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through crampcheck.storage.upgrade_database")
run_migrations(connection)
