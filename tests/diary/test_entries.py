"""Episodes, check-ins and medications through the diary's functions, on both databases."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session, sessionmaker

from crampcheck.diary import (
    CheckInRecord,
    EpisodeRecord,
    add_episode,
    delete_episode,
    erase_everything,
    list_checkins,
    list_episodes,
    list_medications,
    load_diary_data,
    record_checkin,
    start_medication,
    stop_medication,
    update_episode,
)
from crampcheck.errors import InputError
from crampcheck.storage import session_scope

BERLIN = ZoneInfo("Europe/Berlin")


def _at(hour: int, day: int = 15) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=BERLIN)


def test_add_list_edit_delete(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        row = add_episode(session, EpisodeRecord(start=_at(3), muscle="calf", severity=6))
        episode_id = row.id
    with session_scope(sessions) as session:
        update_episode(session, episode_id, {"severity": 8, "notes": "stretching helped"})
    with session_scope(sessions) as session:
        [stored] = list_episodes(session)
        record = EpisodeRecord.from_row(stored)
        assert (record.severity, record.notes, record.muscle) == (8, "stretching helped", "calf")
        assert record.start == _at(3)
        delete_episode(session, episode_id)
    with session_scope(sessions) as session:
        assert list_episodes(session) == []
        with pytest.raises(InputError, match="no cramp with id"):
            delete_episode(session, episode_id)


def test_adding_the_same_start_twice_is_refused(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        add_episode(session, EpisodeRecord(start=_at(3)))
    with pytest.raises(InputError, match="already in the diary"), session_scope(sessions) as s:
        add_episode(s, EpisodeRecord(start=_at(3)))


def test_a_3am_cramp_belongs_to_the_previous_diary_day(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        add_episode(session, EpisodeRecord(start=_at(3, day=15)))
        add_episode(session, EpisodeRecord(start=_at(7, day=15)))
    with session_scope(sessions) as session:
        on_14th = list_episodes(session, date(2026, 3, 14), date(2026, 3, 14))
        data = load_diary_data(session)
    assert [EpisodeRecord.from_row(row).start.hour for row in on_14th] == [3]
    assert [episode.diary_day for episode in data.episodes] == [
        date(2026, 3, 14),
        date(2026, 3, 15),
    ]
    assert data.episodes[0].local_start.utcoffset() == _at(3).utcoffset()


def test_checkin_again_updates_only_the_given_fields(sessions: sessionmaker[Session]) -> None:
    day = date(2026, 3, 14)
    with session_scope(sessions) as session:
        record_checkin(session, day, {"fluid_litres": 2.0}, {"magnesium": True, "steps": 8000.0})
    with session_scope(sessions) as session:
        record_checkin(session, day, {"sleep_hours": 7.0}, {"steps": None, "magnesium": False})
    with session_scope(sessions) as session:
        [row] = list_checkins(session)
        record = CheckInRecord.from_row(row)
    assert record.values == {"fluid_litres": 2.0, "sleep_hours": 7.0}
    assert record.factors == {"magnesium": False}


def test_load_diary_data_gives_the_statistics_plain_values(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        values = {"exercise_intensity": "moderate", "stretched_before_bed": True}
        record_checkin(session, date(2026, 3, 14), values, {"steps": 5000.0})
        record_checkin(session, date(2026, 3, 20), {}, {})
        start_medication(session, "Amlodipine", date(2026, 1, 1))
    with session_scope(sessions) as session:
        data = load_diary_data(session, date(2026, 3, 1), date(2026, 3, 15))
    [checkin] = data.checkins
    assert dict(checkin.factors) == {
        "exercise_intensity": 2.0,
        "stretched_before_bed": True,
        "steps": 5000.0,
    }
    assert [(m.name, m.started, m.stopped) for m in data.medications] == [
        ("Amlodipine", date(2026, 1, 1), None)
    ]


def test_medication_periods(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        start_medication(session, "Quinine", date(2026, 1, 1))
        with pytest.raises(InputError, match="already being taken"):
            start_medication(session, "Quinine", date(2026, 1, 2))
        with pytest.raises(InputError, match="on or after"):
            stop_medication(session, "Quinine", date(2025, 12, 1))
        stop_medication(session, "Quinine", date(2026, 2, 1))
        with pytest.raises(InputError, match="not being taken"):
            stop_medication(session, "Quinine", date(2026, 2, 2))
        [period] = list_medications(session)
    assert (period.started, period.stopped) == (date(2026, 1, 1), date(2026, 2, 1))


def test_erase_everything(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        add_episode(session, EpisodeRecord(start=_at(3)))
        record_checkin(session, date(2026, 3, 14), {}, {"steps": 1.0})
        start_medication(session, "Quinine", date(2026, 1, 1))
    with session_scope(sessions) as session:
        erase_everything(session)
    with session_scope(sessions) as session:
        data = load_diary_data(session)
    assert (data.episodes, data.checkins, data.medications) == ([], [], [])
