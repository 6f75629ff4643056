"""A small but complete diary, built through the public diary and experiment functions."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from crampcheck.assessment.engine import assess
from crampcheck.diary import EpisodeRecord, add_episode, record_checkin
from crampcheck.experiments import create_experiment, schedule_of
from crampcheck.storage import SavedAssessmentRow, session_scope
from crampcheck.storage.engine import create_engine_for, session_factory
from crampcheck.storage.migrate import upgrade_database

FIRST_DAY = date(2025, 12, 1)
DAYS = 70  # ten weeks: enough for the trend (56 days) and the factor (14 days per group)
LAST_DAY = FIRST_DAY + timedelta(days=DAYS - 1)
EXPERIMENT_START = date(2026, 1, 5)
CET = timezone(timedelta(hours=1))
PERSON: dict[str, Any] = {
    "age": 67,
    "sex": "female",
    "cramps": {"when": ["night"], "per_week": 3},
    "medications": ["atorvastatin 20mg", "furosemide"],
}


def build_diary(url: str, *, keep_assessment: bool = True) -> str:
    """Fill the database at `url`: check-ins with a tracked factor, cramps at night (more on
    days without stretching and on the experiment's B days), an experiment and, optionally, a
    kept assessment. Returns the experiment's id."""
    engine = create_engine_for(url)
    upgrade_database(engine)
    try:
        with session_scope(session_factory(engine)) as session:
            experiment = create_experiment(
                session, name="stretching", option_a="stretch before bed",
                option_b="no stretching", period_days=3, blocks=3, washout_days=1,
                start=EXPERIMENT_START, seed=7,
            )  # fmt: skip
            options = {entry.day: entry.option for entry in schedule_of(experiment)}
            for index in range(DAYS):
                day = FIRST_DAY + timedelta(days=index)
                stretched = options.get(day, "a" if index % 2 else "b") == "a"
                record_checkin(
                    session, day, {"fluid_litres": 1.0 + (index % 3) * 0.5},
                    {"stretched": stretched},
                )  # fmt: skip
                cramps = (index % 2) if stretched else 1 + (index % 3 == 0)
                for number in range(cramps):
                    start = datetime.combine(day, time(23, 10 + number * 20), CET)
                    add_episode(session, EpisodeRecord(start=start, muscle="calf", side="left"))
            if keep_assessment:
                session.add(
                    SavedAssessmentRow(
                        token="kept-for-the-report",
                        created=datetime(2026, 2, 1, 9, 0, tzinfo=UTC).replace(tzinfo=None),
                        input_json=PERSON,
                        result_json=assess(PERSON).to_dict(),
                    )
                )
            experiment_id = experiment.id
    finally:
        engine.dispose()
    return experiment_id


def write_person(path: Path) -> Path:
    """The contract document of `PERSON` as a file for `--assessment`."""
    path.write_text(json.dumps(PERSON), encoding="utf-8")
    return path
