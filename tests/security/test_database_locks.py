"""Finding 6: database locks. While another program holds SQLite's write lock, the server
keeps answering other requests (database work runs in the thread pool), a write gets 503
problem+json with Retry-After, the CLI says the database is busy (no traceback), and a locked
database is never taken for a new one and migrated."""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import httpx
import pytest

from crampcheck.config import Settings
from crampcheck.storage import create_engine_for, upgrade_database
from crampcheck.storage import engine as storage_engine
from tests.security.conftest import run
from tests.support.server import running_server

# Processes and locks that take seconds: left out of `scripts/test --quick`.
pytestmark = pytest.mark.slow

BUSY_SECONDS = 1.0


@pytest.fixture(autouse=True)
def short_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    # The same behaviour as the real 5 s wait, sooner.
    monkeypatch.setattr(storage_engine, "SQLITE_BUSY_SECONDS", BUSY_SECONDS)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "diary.db"
    engine = create_engine_for(f"sqlite:///{path}")
    upgrade_database(engine)
    engine.dispose()
    return path


@contextmanager
def write_lock(path: Path, *, block_readers: bool = False) -> Iterator[None]:
    """Another program's write transaction on `path` (with `block_readers`, the rollback
    journal's exclusive lock, which stops readers too)."""
    connection = sqlite3.connect(path, isolation_level=None)
    if block_readers:
        connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("BEGIN EXCLUSIVE")
    connection.execute("INSERT INTO checkins (day) VALUES ('2020-01-01')")
    try:
        yield
    finally:
        connection.execute("ROLLBACK")
        connection.close()


def test_the_server_answers_while_a_write_waits_for_the_lock(database: Path) -> None:
    settings = Settings(data_dir=database.parent, database_url=f"sqlite:///{database}")
    with running_server(settings) as url, httpx.Client(base_url=url, timeout=30) as client:
        page = client.get("/diary/log").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token
        answers: list[httpx.Response] = []
        with write_lock(database):
            writer = threading.Thread(
                target=lambda: answers.append(
                    client.post("/diary/log", data={"csrf_token": token.group(1), "action": "now"})
                )
            )
            writer.start()
            time.sleep(0.2)  # the POST is now waiting for the lock
            began = time.monotonic()
            assert client.get("/healthz").status_code == 200
            assessed = client.post("/api/v1/assessments", json={"age": 50})
            assert assessed.status_code == 200
            assert time.monotonic() - began < BUSY_SECONDS / 2
            assert client.get("/diary").status_code == 200  # readers go on (write-ahead log)
            writer.join()
        [busy] = answers
        assert busy.status_code == 503, busy.text
        assert busy.headers["content-type"] == "application/problem+json"
        assert int(busy.headers["retry-after"]) >= 1
        assert busy.headers["x-content-type-options"] == "nosniff"
        again = client.post("/diary/log", data={"csrf_token": token.group(1), "action": "now"})
        assert again.status_code == 303
        assert len(client.get("/diary/export.json").json()["episodes"]) == 1


@pytest.mark.parametrize("block_readers", [False, True])
def test_the_cli_says_the_database_is_busy(database: Path, block_readers: bool) -> None:
    url = f"sqlite:///{database}"
    with write_lock(database, block_readers=block_readers):
        began = time.monotonic()
        result = run("diary", "add", "--notes", "during an import", "--db", url)
        waited = time.monotonic() - began
    assert result.exit_code == 1, result.output
    assert "database is busy" in result.output
    assert "cannot prepare" not in result.output and "Traceback" not in result.output
    assert waited >= BUSY_SECONDS * 0.9
    assert run("diary", "add", "--db", url).exit_code == 0  # and afterwards it works


def _revisions(path: Path) -> list[tuple[str]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchall()


def test_a_locked_database_is_not_migrated(database: Path) -> None:
    before = _revisions(database)
    with write_lock(database, block_readers=True):
        result = run("diary", "list", "--db", f"sqlite:///{database}")
    assert result.exit_code == 1 and "database is busy" in result.output
    assert "cannot prepare" not in result.output
    assert _revisions(database) == before
