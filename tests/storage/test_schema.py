"""The schema: migrations, the unique cramp start, and transactions that roll back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from crampcheck.storage import Base, EpisodeRow, create_engine_for, session_scope, upgrade_database

TABLES = {
    "episodes",
    "checkins",
    "checkin_factors",
    "medications",
    "experiments",
    "experiment_days",
    "assessments",
}


def test_migrations_create_every_table_and_can_run_again(db_url: str) -> None:
    engine = create_engine_for(db_url)
    upgrade_database(engine)
    upgrade_database(engine)  # already current: must be a no-op, not an error
    assert set(sa.inspect(engine).get_table_names()) >= TABLES
    engine.dispose()


def _episode(start: datetime) -> EpisodeRow:
    return EpisodeRow(start_utc=start, utc_offset_minutes=60, time_zone="Europe/Berlin")


def test_the_same_start_cannot_be_stored_twice(sessions: sessionmaker[Session]) -> None:
    start = datetime(2026, 3, 14, 2, 20)
    with session_scope(sessions) as session:
        session.add(_episode(start))
    with pytest.raises(IntegrityError), session_scope(sessions) as session:
        session.add(_episode(start))
        session.flush()


def test_a_failing_transaction_leaves_nothing_behind(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(RuntimeError), session_scope(sessions) as session:
        session.add(_episode(datetime(2026, 3, 14, 2, 20)))
        session.flush()
        raise RuntimeError("crash mid-way")
    with session_scope(sessions) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(EpisodeRow)) == 0


def test_sqlite_directory_is_created(tmp_path: Path) -> None:
    target = tmp_path / "new" / "dir" / "c.db"
    engine = create_engine_for(f"sqlite:///{target}")
    upgrade_database(engine)
    engine.dispose()
    assert target.exists()


def test_the_migrations_describe_the_models_exactly(db_url: str) -> None:
    engine = create_engine_for(db_url)
    upgrade_database(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == [], "a model changed without a migration"


def test_the_known_head_revision_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from crampcheck.storage.migrate import HEAD_REVISION, alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_an_older_database_is_still_upgraded(db_url: str) -> None:
    from alembic import command

    from crampcheck.storage.migrate import alembic_config

    engine = create_engine_for(db_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    upgrade_database(engine)  # must notice it is behind and migrate, not skip
    with engine.connect() as connection:
        version = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert version == "0002"
    engine.dispose()
