"""CSV import per the exchange spec: all-or-nothing, bad rows named, duplicates, time zones."""

from __future__ import annotations

from datetime import date, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session, sessionmaker

from crampcheck.diary import CheckInRecord, EpisodeRecord, list_checkins, list_episodes
from crampcheck.diary.csv_tables import read_table
from crampcheck.diary.importing import ImportSummary, import_tables
from crampcheck.diary.loading import load_diary_data
from crampcheck.errors import InputError
from crampcheck.storage import session_scope
from tests.support.files import EPISODES_HEADER, write_lines

BERLIN = ZoneInfo("Europe/Berlin")
CHECKINS = [
    "date,fluid_litres,exercise_intensity,stretched_before_bed,magnesium,steps",
    "2026-03-14,2.5,light,true,true,8000",
    "2026-03-15,,none,false,,",
]


def _import(
    sessions: sessionmaker[Session],
    episodes: Path | None = None,
    checkins: Path | None = None,
    zone: tzinfo = BERLIN,
    skip_bad_rows: bool = False,
) -> ImportSummary:
    tables = (
        read_table(episodes) if episodes else None,
        read_table(checkins) if checkins else None,
    )
    with session_scope(sessions) as session:
        return import_tables(session, *tables, zone, skip_bad_rows, lambda _steps: None)


def _episodes(sessions: sessionmaker[Session]) -> list[EpisodeRecord]:
    with session_scope(sessions) as session:
        return [EpisodeRecord.from_row(row) for row in list_episodes(session)]


def test_good_files_are_imported(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    episodes = write_lines(
        tmp_path / "e.csv",
        [
            EPISODES_HEADER,
            "2026-03-15T03:20:00+01:00,2,calf,left,7,true,stretching,",
            "2026-03-16T22:00,,foot,,,,,",
        ],
    )
    checkins = write_lines(tmp_path / "c.csv", CHECKINS)
    summary = _import(sessions, episodes, checkins)
    assert (summary.episodes_added, summary.checkins_written, summary.bad_rows) == (2, 2, 0)
    first, second = _episodes(sessions)
    assert (first.muscle, first.side, first.severity, first.woke_from_sleep) == (
        "calf",
        "left",
        7,
        True,
    )
    assert second.start.isoformat() == "2026-03-16T22:00:00+01:00"
    with session_scope(sessions) as session:
        records = [CheckInRecord.from_row(row) for row in list_checkins(session)]
    assert records[0].values == {
        "fluid_litres": 2.5,
        "exercise_intensity": "light",
        "stretched_before_bed": True,
    }
    assert records[0].factors == {"magnesium": True, "steps": 8000.0}
    assert (records[1].values, records[1].factors) == (
        {"exercise_intensity": "none", "stretched_before_bed": False},
        {},
    )


def test_bad_rows_are_all_reported_and_nothing_is_written(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    episodes = write_lines(
        tmp_path / "e.csv",
        [
            EPISODES_HEADER,
            "2026-03-15T03:20:00+01:00,2,calf,left,7,true,,",
            "yesterday,2,calf,left,7,true,,",
            "2026-03-16T03:20:00+01:00,-1,knee,left,11,maybe,,",
        ],
    )
    checkins = write_lines(tmp_path / "c.csv", [*CHECKINS, "2026-02-30,1,,,,"])
    with pytest.raises(InputError) as caught:
        _import(sessions, episodes, checkins)
    reported = [str(problem) for problem in caught.value.errors]
    assert reported[0].startswith("e.csv line 3, column start: not an ISO 8601 date-time")
    columns = [
        problem.path for problem in caught.value.errors if problem.path.startswith("e.csv line 4")
    ]
    assert columns == [
        "e.csv line 4, column duration_minutes",
        "e.csv line 4, column muscle",
        "e.csv line 4, column severity",
        "e.csv line 4, column woke_from_sleep",
    ]
    assert "calf, foot, thigh, hamstring, other" in str(caught.value)
    assert "c.csv line 4, column date: must be a date YYYY-MM-DD, got '2026-02-30'" in reported
    assert _episodes(sessions) == []
    with session_scope(sessions) as session:
        assert list_checkins(session) == []


def test_skip_bad_rows_imports_the_good_ones(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    episodes = write_lines(
        tmp_path / "e.csv",
        [EPISODES_HEADER, "2026-03-15T03:20:00+01:00,,,,,,,", "2026-03-16T03:20,,,,eleven,,,"],
    )
    summary = _import(sessions, episodes, skip_bad_rows=True)
    assert (summary.episodes_added, summary.bad_rows) == (1, 1)
    assert [problem.path for problem in summary.skipped_problems] == [
        "e.csv line 3, column severity"
    ]
    assert len(_episodes(sessions)) == 1


def test_importing_the_same_episodes_twice_does_not_double_them(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    lines = [EPISODES_HEADER, "2026-03-15T03:20:00+01:00,,,,,,,", "2026-03-15T02:20:00Z,,,,,,,"]
    episodes = write_lines(tmp_path / "e.csv", lines)  # the second row is the same instant
    first = _import(sessions, episodes)
    again = _import(sessions, episodes)
    assert (first.episodes_added, first.episodes_already_present) == (1, 1)
    assert (again.episodes_added, again.episodes_already_present) == (0, 2)
    assert len(_episodes(sessions)) == 1


def test_an_offset_wins_over_tz_and_local_times_use_tz(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    episodes = write_lines(
        tmp_path / "e.csv",
        [EPISODES_HEADER, "2026-07-01T03:00:00-04:00,,,,,,,", "2026-07-02T03:00,,,,,,,"],
    )
    _import(sessions, episodes, zone=ZoneInfo("Asia/Tokyo"))
    with_offset, local = _episodes(sessions)
    assert with_offset.start.isoformat() == "2026-07-01T03:00:00-04:00"
    assert with_offset.time_zone is None
    assert local.start.isoformat() == "2026-07-02T03:00:00+09:00"
    assert local.time_zone == "Asia/Tokyo"


def test_a_3am_cramp_counts_for_the_evening_before(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    episodes = write_lines(tmp_path / "e.csv", [EPISODES_HEADER, "2026-03-15T03:00,,,,,,,"])
    checkins = write_lines(tmp_path / "c.csv", CHECKINS)
    _import(sessions, episodes, checkins)
    with session_scope(sessions) as session:
        data = load_diary_data(session, date(2026, 3, 14), date(2026, 3, 14))
    assert [checkin.day for checkin in data.checkins] == [date(2026, 3, 14)]
    assert [episode.diary_day for episode in data.episodes] == [date(2026, 3, 14)]


def test_a_checkin_file_replaces_the_days_it_holds(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    _import(sessions, checkins=write_lines(tmp_path / "c.csv", CHECKINS))
    _import(
        sessions, checkins=write_lines(tmp_path / "d.csv", ["date,sleep_hours", "2026-03-14,6"])
    )
    with session_scope(sessions) as session:
        first = CheckInRecord.from_row(list_checkins(session)[0])
    assert (first.values, first.factors) == ({"sleep_hours": 6.0}, {})


def test_missing_required_column_and_repeated_dates(
    tmp_path: Path, sessions: sessionmaker[Session]
) -> None:
    episodes = write_lines(tmp_path / "e.csv", ["when,muscle", "2026-03-15T03:00,calf"])
    checkins = write_lines(tmp_path / "c.csv", ["date,steps", "2026-03-14,1", "2026-03-14,2"])
    with pytest.raises(InputError) as caught:
        _import(sessions, episodes, checkins)
    assert [str(problem) for problem in caught.value.errors] == [
        "e.csv line 1, column start: the header row must have a 'start' column",
        "c.csv line 3, column date: 2026-03-14 is already given on line 2",
    ]
