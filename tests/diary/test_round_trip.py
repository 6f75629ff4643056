"""Export then import into an empty database gives the same diary, on both databases."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session, sessionmaker

from crampcheck.diary import EpisodeRecord, add_episode, record_checkin
from crampcheck.diary.csv_tables import read_table
from crampcheck.diary.exporting import diary_document, export_checkins_csv, export_episodes_csv
from crampcheck.diary.importing import import_tables
from crampcheck.storage import create_engine_for, session_factory, session_scope, upgrade_database
from tests.support.postgres import PostgresServer


def _fill(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        add_episode(
            session,
            EpisodeRecord(
                start=datetime(2026, 3, 15, 3, 20, 5, tzinfo=ZoneInfo("Europe/Berlin")),
                time_zone="Europe/Berlin",
                duration_minutes=2.5,
                muscle="calf",
                side="left",
                severity=7,
                woke_from_sleep=True,
                helped='stretching, "walking"',
                notes="line one\nline two, ünïcödé",
            ),
        )
        add_episode(
            session,
            EpisodeRecord(start=datetime(2026, 3, 16, 23, 0, tzinfo=timezone(timedelta(hours=-5)))),
        )
        values = {
            "fluid_litres": 1.75,
            "exercise_intensity": "intense",
            "stretched_before_bed": False,
        }
        record_checkin(session, date(2026, 3, 14), values, {"magnesium": True, "steps": 12345.0})
        record_checkin(session, date(2026, 3, 15), {"sleep_hours": 0.1}, {"steps": 0.5})


def _empty_database_like(db_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if db_url.startswith("postgresql"):
        server: PostgresServer = request.getfixturevalue("postgres_server")
        return server.create_database()
    return f"sqlite:///{tmp_path / 'empty.db'}"


def test_export_then_import_gives_identical_data(
    sessions: sessionmaker[Session], db_url: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    _fill(sessions)
    episodes, checkins = tmp_path / "episodes.csv", tmp_path / "checkins.csv"
    with session_scope(sessions) as session:
        export_episodes_csv(session, episodes)
        export_checkins_csv(session, checkins)
        original = diary_document(session)

    engine = create_engine_for(_empty_database_like(db_url, request, tmp_path))
    upgrade_database(engine)
    fresh = session_factory(engine)
    with session_scope(fresh) as session:
        zone = ZoneInfo("Asia/Tokyo")  # must not matter: every exported start has its offset
        import_tables(
            session, read_table(episodes), read_table(checkins), zone, False, lambda _n: None
        )
    with session_scope(fresh) as session:
        copy = diary_document(session)
    engine.dispose()
    assert json.dumps(copy, sort_keys=True) == json.dumps(original, sort_keys=True)
    assert len(original["episodes"]) == 2 and len(original["checkins"]) == 2
