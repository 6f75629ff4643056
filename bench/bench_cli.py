"""Command-line start-up: `crampcheck --help` and `crampcheck assess FILE`, cold.

    PYTHONPATH=src .venv/bin/python bench/bench_cli.py [--runs 9]

Each run is a new process (nothing of crampcheck imported or cached in memory; the
operating system's file cache is warm, as it is for anyone who runs the command twice).
Prints the median wall time of each command, and the slowest run. Target (issue #16):
each at most 0.3 s. It asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 0.3
DOCUMENT = {"age": 67, "cramps": {"when": ["night"], "per_week": 3}, "medications": ["Lasix"]}


def wall_times(command: list[str], runs: int) -> list[float]:
    """Wall seconds of `runs` fresh runs of `command` (after one unmeasured run)."""
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per command")
    args = parser.parse_args()
    cli = str(Path(sys.executable).with_name("crampcheck"))
    with tempfile.TemporaryDirectory() as folder:
        document = os.path.join(folder, "person.json")
        Path(document).write_text(json.dumps(DOCUMENT), encoding="utf-8")
        for label, command in (
            ("crampcheck --help", [cli, "--help"]),
            ("crampcheck assess FILE", [cli, "assess", document]),
        ):
            times = wall_times(command, args.runs)
            print(
                f"{label + ':':26}{statistics.median(times):7.3f} s median of {args.runs}, "
                f"slowest {max(times):.3f} s (target <= {TARGET_SECONDS})"
            )


if __name__ == "__main__":
    main()
