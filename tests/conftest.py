"""Shared fixtures: the databases every storage test runs against (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from crampcheck.storage import create_engine_for, session_factory, upgrade_database
from tests.support.postgres import PostgresServer, running_server

pytest_plugins = ["tests.support.catalogs", "tests.support.page_catalogs"]  # test catalogs


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole run; fails clearly when the binaries are missing."""
    try:
        with running_server() as server:
            yield server
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database, once SQLite (a temp file) and once PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'diary.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a SQLite file in the test's temporary directory (for CLI tests)."""
    return f"sqlite:///{tmp_path / 'diary.db'}"


@pytest.fixture
def sessions(db_url: str) -> Iterator[sessionmaker[Session]]:
    """A session factory on a migrated empty database (both backends)."""
    engine = create_engine_for(db_url)
    upgrade_database(engine)
    yield session_factory(engine)
    engine.dispose()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what needs a system service, so `-m "not postgres"` or `-m "not browser"` can
    leave it out: a test that uses the PostgreSQL server, or Chromium."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "postgres_server" in fixtures or "postgresql" in item.name:
            item.add_marker(pytest.mark.postgres)
        if fixtures & {"chromium", "page", "page_without_js"}:
            item.add_marker(pytest.mark.browser)
