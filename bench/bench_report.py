"""Time `crampcheck report -o x.pdf` end to end on a year's diary (~365 days, ~400 cramps).

The diary (check-ins with three factors, night cramps, a medication, an experiment and a kept
assessment) goes into a temporary SQLite database through the public diary functions; the
report then runs as its own process, so imports and start-up count (and its PDF helper
process, which loads WeasyPrint and matplotlib on the second core). Target: at most 5 s.
Run: PYTHONPATH=src python bench/bench_report.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta, timezone
from datetime import time as clock
from pathlib import Path

import numpy as np

from crampcheck.assessment.engine import assess
from crampcheck.diary import EpisodeRecord, add_episode, record_checkin
from crampcheck.diary.medications import start_medication
from crampcheck.experiments import create_experiment
from crampcheck.storage import SavedAssessmentRow, session_scope
from crampcheck.storage.engine import create_engine_for, session_factory
from crampcheck.storage.migrate import upgrade_database

FIRST_DAY = date(2025, 1, 1)
DAYS = 365
ZONE = timezone(timedelta(hours=1))
PERSON = {"age": 71, "cramps": {"when": ["night"], "per_week": 8}, "medications": ["furosemide"]}
SRC = Path(__file__).resolve().parents[1] / "src"


def build(url: str) -> int:
    """A year of diary in the database at `url`; returns the number of cramps."""
    rng = np.random.default_rng(2025)
    engine = create_engine_for(url)
    upgrade_database(engine)
    cramps = 0
    with session_scope(session_factory(engine)) as session:
        start_medication(session, "furosemide", FIRST_DAY + timedelta(days=120))
        create_experiment(
            session, name="magnesium", option_a="magnesium", option_b="nothing",
            period_days=7, blocks=4, washout_days=2, start=FIRST_DAY + timedelta(days=200),
            seed=3,
        )  # fmt: skip
        for index in range(DAYS):
            day = FIRST_DAY + timedelta(days=index)
            stretched = bool(rng.random() < 0.5)
            values = {"fluid_litres": round(float(rng.uniform(0.8, 2.5)), 1),
                      "sleep_hours": round(float(rng.uniform(5, 9)), 1)}  # fmt: skip
            record_checkin(session, day, values, {"stretched": stretched})
            for number in range(int(rng.poisson(0.8 if stretched else 1.4))):
                start = datetime.combine(day, clock(23, 5 * number), ZONE)
                add_episode(session, EpisodeRecord(start=start, muscle="calf", side="left"))
                cramps += 1
        session.add(
            SavedAssessmentRow(
                token="bench",
                created=datetime.now(UTC).replace(tzinfo=None),
                input_json=PERSON,
                result_json=assess(PERSON).model_dump(mode="json"),
            )
        )
    engine.dispose()
    return cramps


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'diary.db'}"
        cramps = build(url)
        target = Path(folder) / "x.pdf"
        last_day = FIRST_DAY + timedelta(days=DAYS - 1)
        command = [
            sys.executable, "-m", "crampcheck", "report", "--db", url, "-o", str(target),
            "--from", FIRST_DAY.isoformat(), "--to", last_day.isoformat(),
        ]  # fmt: skip
        environment = {**os.environ, "PYTHONPATH": str(SRC)}
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run(command, check=True, env=environment, capture_output=True)
            timings.append(time.perf_counter() - started)
        print(f"diary: {DAYS} days, {cramps} cramps, 1 experiment, 1 kept assessment")
        print(f"report -o x.pdf end to end: best {min(timings):.2f} s, "
              f"median {sorted(timings)[1]:.2f} s of 3 runs (target <= 5 s)")  # fmt: skip
        print(f"PDF size: {target.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
