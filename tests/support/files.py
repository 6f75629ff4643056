"""Writing diary CSV files for tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

EPISODES_HEADER = "start,duration_minutes,muscle,side,severity,woke_from_sleep,helped,notes"


def write_lines(path: Path, lines: Iterable[str]) -> Path:
    """Write `lines` as a UTF-8 file; returns `path`."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def many_episode_lines(count: int, first: datetime | None = None) -> list[str]:
    """A header and `count` valid episode rows, one every 7 hours (offsets included)."""
    start = first or datetime(2020, 1, 1, 3, 0)
    rows = [
        f"{(start + timedelta(hours=7 * n)).isoformat()}+01:00,{n % 15},calf,left,{n % 11},"
        f"{'true' if n % 2 else 'false'},stretching,row {n}"
        for n in range(count)
    ]
    return [EPISODES_HEADER, *rows]
