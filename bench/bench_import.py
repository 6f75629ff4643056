"""How long `crampcheck diary import` takes for 100,000 generated episodes (target: ≤ 15 s).

Usage: python bench/bench_import.py [--rows N] [--db URL]   (default: a new SQLite file)
Prints the seconds for reading+validating, saving, and the whole command end to end.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from crampcheck.diary.csv_parsing import parse_episodes
from crampcheck.diary.csv_tables import read_table
from crampcheck.diary.importing import save_episodes
from crampcheck.storage import create_engine_for, session_factory, session_scope, upgrade_database

HEADER = "start,duration_minutes,muscle,side,severity,woke_from_sleep,helped,notes"
TARGET_SECONDS = 15.0


def write_episodes(path: Path, rows: int) -> None:
    """`rows` valid episodes, one every 7 hours, half with an offset and half local."""
    first = datetime(2000, 1, 1, 3, 0)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER + "\n")
        for n in range(rows):
            start = (first + timedelta(hours=7 * n)).isoformat()
            offset = "+01:00" if n % 2 else ""
            handle.write(f"{start}{offset},{n % 15},calf,left,{n % 11},true,stretching,row {n}\n")


def time_functions(csv_path: Path, url: str) -> tuple[float, float, int]:
    """Seconds to read+validate and to save, and the number of rows saved."""
    engine = create_engine_for(url)
    upgrade_database(engine)
    began = time.perf_counter()
    parsed = parse_episodes(read_table(csv_path), ZoneInfo("Europe/Berlin"), lambda _n: None)
    parsed_at = time.perf_counter()
    with session_scope(session_factory(engine)) as session:
        added, _present = save_episodes(session, parsed.records, lambda _n: None)
    saved_at = time.perf_counter()
    engine.dispose()
    return parsed_at - began, saved_at - parsed_at, added


def time_command(csv_path: Path, url: str) -> float:
    """Seconds for the real command in a fresh process (start-up and migrations included)."""
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "from crampcheck.cli import main; main()", "diary", "import",
         "--episodes", str(csv_path), "--tz", "Europe/Berlin", "--db", url],
        check=True, capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", help="database URL for the function timing (default: SQLite)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        csv_path = Path(directory) / "episodes.csv"
        write_episodes(csv_path, arguments.rows)
        url = arguments.db or f"sqlite:///{Path(directory) / 'functions.db'}"
        parse_seconds, save_seconds, added = time_functions(csv_path, url)
        command_seconds = time_command(csv_path, f"sqlite:///{Path(directory) / 'cli.db'}")
    print(f"rows: {arguments.rows}, saved: {added}, database: {url.split(':')[0]}")
    print(f"read+validate: {parse_seconds:.2f} s")
    print(f"save:          {save_seconds:.2f} s")
    print(f"total:         {parse_seconds + save_seconds:.2f} s")
    print(f"CLI end to end (SQLite, new process): {command_seconds:.2f} s")
    verdict = "ok" if command_seconds <= TARGET_SECONDS else "TOO SLOW"
    print(f"target ≤ {TARGET_SECONDS:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
