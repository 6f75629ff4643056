"""A kill (SIGKILL) in the middle of a large import leaves the database exactly as before."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from crampcheck.diary import EpisodeRecord, add_episode, record_checkin
from crampcheck.storage import (
    CheckInRow,
    EpisodeRow,
    create_engine_for,
    session_factory,
    session_scope,
    upgrade_database,
)
from tests.support.files import many_episode_lines, write_lines

# Processes and locks that take seconds: left out of `scripts/test --quick`.
pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[2] / "src"


def _counts(url: str) -> tuple[int, int]:
    engine = create_engine_for(url)
    with engine.connect() as connection:
        counts = tuple(
            connection.scalar(sa.select(sa.func.count()).select_from(table)) or 0
            for table in (EpisodeRow, CheckInRow)
        )
    engine.dispose()
    return counts[0], counts[1]


def _writing_has_begun(url: str) -> bool:
    """Whether the importing process has started writing rows (inside its transaction)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # Write-ahead-log mode: the transaction's pages go to the -wal file (empty until a
        # writer appends to it), never to the database itself before the commit.
        wal = Path(f"{parsed.database}-wal")
        return wal.exists() and wal.stat().st_size > 0
    query = parsed.query
    with psycopg.connect(
        host=str(query["host"]),
        port=int(str(query["port"])),
        user="postgres",
        dbname=parsed.database,
    ) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
        ).fetchone()
    return bool(row and row[0])


def _start_import(url: str, csv_path: Path) -> subprocess.Popen[bytes]:
    command = "from crampcheck.cli import main; main()"
    arguments = ["diary", "import", "--episodes", str(csv_path), "--tz", "UTC", "--db", url]
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, "-c", command, *arguments],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_killing_a_large_import_changes_nothing(db_url: str, tmp_path: Path) -> None:
    engine = create_engine_for(db_url)
    upgrade_database(engine)
    with session_scope(session_factory(engine)) as session:
        start = datetime(2019, 6, 1, 3, 0, tzinfo=ZoneInfo("UTC"))
        add_episode(session, EpisodeRecord(start=start, muscle="calf"))
        record_checkin(session, date(2019, 6, 1), {"sleep_hours": 7.0}, {})
    engine.dispose()
    before = _counts(db_url)
    # 100,000 cramps 7 h apart span 80 years: begin in 1930 so none lies in the future.
    first = datetime(1930, 1, 1, 3, 0)
    csv_path = write_lines(tmp_path / "big.csv", many_episode_lines(100_000, first))

    process = _start_import(db_url, csv_path)
    deadline = time.monotonic() + 60
    while not _writing_has_begun(db_url):
        assert process.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline, "the import never started writing"
        time.sleep(0.02)
    time.sleep(0.2)  # let it write a few thousand rows first
    assert process.poll() is None, "the import ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert process.returncode == -signal.SIGKILL
    assert _counts(db_url) == before
