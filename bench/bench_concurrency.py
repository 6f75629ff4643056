"""Concurrent writers during a large import: nothing lost, no server error.

Starts the real server (`crampcheck serve`, uvicorn) on a free loopback port with a fresh
SQLite diary, then at the same time:

- imports a CSV of 200,000 cramps (`crampcheck diary import`, one transaction);
- 4 CLI writers each run `crampcheck diary add` one after another (a new process each time,
  as a person would); an add that finds the database busy exits 1 and is tried again;
- 1 web writer logs cramps through the form (POST /diary/log); a 503 is tried again after
  its Retry-After;
- 1 prober asks GET /healthz every 50 ms (it must not stall while SQLite waits for a lock).

The writers go on until the import has finished and each has added a few entries after it.
Then every acknowledged entry is looked up in the database. Prints the import time, per
writer kind the entries acknowledged, busy answers and errors, the /healthz latencies, and
the final count against the expected one (lost must be 0, server errors 0).

Run: PYTHONPATH=src python bench/bench_concurrency.py [--rows N] [--cli-writers N]

Two runs on the 2-core development machine (2026-12-05): import 8.7 s / 7.9 s; CLI writers
48 / 43 entries, web writer 839 / 699 entries, 0 busy answers, 0 errors; /healthz p50
1.3 / 1.7 ms, p99 25.9 / 12.2 ms, max 43.2 / 12.8 ms; lost 0 of 200,887 / 200,742.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
AFTER_IMPORT = 3  # entries each writer adds once the import is done
MAX_TRIES = 20


@dataclass
class Tally:
    """What one kind of writer saw."""

    acknowledged: list[str] = field(default_factory=list)  # starts the writer was told are in
    busy: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _environment(data: Path) -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "CRAMPCHECK_DATA_DIR": str(data)}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _write_csv(path: Path, rows: int) -> None:
    # Three hours apart from 1930 on: 200,000 cramps end in 1998, far from the writers' 2020s.
    first = datetime(1930, 1, 1, 3, 0)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("start,duration_minutes,muscle,side,severity,notes\n")
        for number in range(rows):
            start = (first + timedelta(hours=3 * number)).isoformat()
            handle.write(f"{start}+00:00,{number % 15},calf,left,{number % 11},import {number}\n")


@contextmanager
def _server(url: str, environment: dict[str, str]) -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, "-m", "crampcheck", "serve", "--port", str(port), "--db", url]
    base = f"http://127.0.0.1:{port}"
    with subprocess.Popen(command, env=environment, stderr=subprocess.PIPE, text=True) as server:
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start: {server.stderr.read()}")  # type: ignore[union-attr]
                time.sleep(0.1)
            yield base
        finally:
            server.terminate()
            server.wait(30)


def _cli_writer(
    index: int, url: str, environment: dict[str, str], import_done: threading.Event, tally: Tally
) -> None:
    added_after = 0
    number = 0
    while added_after < AFTER_IMPORT:
        finished_before = import_done.is_set()
        start = (datetime(2021, 1, 1) + timedelta(days=index, minutes=number)).isoformat()
        number += 1
        command = [sys.executable, "-m", "crampcheck", "diary", "add", "--start", start + "+00:00"]
        command += ["--notes", f"cli {index}", "--db", url]
        for _ in range(MAX_TRIES):
            done = subprocess.run(command, env=environment, capture_output=True, text=True)
            if done.returncode == 0:
                with tally.lock:
                    tally.acknowledged.append(start)
                break
            with tally.lock:
                if "database is busy" in done.stderr:
                    tally.busy += 1
                else:
                    tally.errors[done.stderr.strip()[:120] or f"exit {done.returncode}"] += 1
                    break
        added_after += finished_before


def _web_writer(base: str, import_done: threading.Event, tally: Tally) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/diary/log").text)
        assert token is not None
        added_after = 0
        number = 0
        while added_after < AFTER_IMPORT * 4:
            finished_before = import_done.is_set()
            start = (datetime(2022, 1, 1) + timedelta(minutes=number)).isoformat(timespec="minutes")
            number += 1
            form = {"csrf_token": token.group(1), "start": start, "time_zone": "UTC"}
            for _ in range(MAX_TRIES):
                response = client.post("/diary/log", data=form)
                if response.status_code == 303:
                    with tally.lock:
                        tally.acknowledged.append(start)
                    break
                with tally.lock:
                    if response.status_code == 503:
                        tally.busy += 1
                        time.sleep(float(response.headers.get("retry-after", "1")))
                        continue
                    tally.errors[f"HTTP {response.status_code}"] += 1
                    break
            added_after += finished_before


def _prober(base: str, stop: threading.Event, latencies: list[float], errors: Counter[str]) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        while not stop.is_set():
            began = time.perf_counter()
            status = client.get("/healthz").status_code
            latencies.append(time.perf_counter() - began)
            if status != 200:
                errors[f"HTTP {status}"] += 1
            time.sleep(0.05)


def _stored(database: Path) -> tuple[int, set[str]]:
    with closing(sqlite3.connect(database)) as connection:
        total = connection.execute("SELECT count(*) FROM episodes").fetchone()[0]
        starts = {
            row[0][:16].replace(" ", "T")
            for row in connection.execute(
                "SELECT start_utc FROM episodes WHERE start_utc >= '2020'"
            )
        }
    return int(total), starts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="rows in the imported CSV")
    parser.add_argument("--cli-writers", type=int, default=4)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crampcheck-bench-") as folder:
        data = Path(folder)
        database = data / "diary.db"
        url = f"sqlite:///{database}"
        environment = _environment(data)
        csv_path = data / "big.csv"
        _write_csv(csv_path, options.rows)
        subprocess.run(
            [sys.executable, "-m", "crampcheck", "diary", "list", "--db", url],
            env=environment, check=True, capture_output=True,
        )  # fmt: skip
        cli, web = Tally(), Tally()
        latencies: list[float] = []
        probe_errors: Counter[str] = Counter()
        import_done, stop = threading.Event(), threading.Event()
        with _server(url, environment) as base:
            threads = [
                threading.Thread(target=_cli_writer, args=(n, url, environment, import_done, cli))
                for n in range(options.cli_writers)
            ]
            threads.append(threading.Thread(target=_web_writer, args=(base, import_done, web)))
            prober = threading.Thread(target=_prober, args=(base, stop, latencies, probe_errors))
            prober.start()
            began = time.monotonic()
            importer = subprocess.Popen(
                [sys.executable, "-m", "crampcheck", "diary", "import", "--episodes",
                 str(csv_path), "--tz", "UTC", "--db", url],
                env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            for thread in threads:
                thread.start()
            out, err = importer.communicate()
            import_seconds = time.monotonic() - began
            import_done.set()
            for thread in threads:
                thread.join()
            stop.set()
            prober.join()
            total_seconds = time.monotonic() - began
        total, starts = _stored(database)
    acknowledged = len(cli.acknowledged) + len(web.acknowledged)
    missing = [start for start in cli.acknowledged + web.acknowledged if start[:16] not in starts]
    expected = options.rows + acknowledged if importer.returncode == 0 else acknowledged
    print(f"import: {options.rows:,} rows in {import_seconds:.1f} s, exit {importer.returncode}")
    print(f"  {out.strip() or err.strip()[:200]}")
    for name, tally in (("cli writers", cli), ("web writer", web)):
        errors = dict(tally.errors) or "none"
        print(
            f"{name}: {len(tally.acknowledged)} acknowledged, {tally.busy} busy answers "
            f"(tried again), errors: {errors}"
        )
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else 0.0
    print(
        f"/healthz: {len(latencies)} probes, p50 {statistics.median(latencies) * 1000:.1f} ms, "
        f"p99 {p99 * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms, "
        f"errors: {dict(probe_errors) or 'none'}"
    )
    print(f"episodes stored: {total:,}, expected {expected:,}; lost: {len(missing)}")
    print(f"wall time: {total_seconds:.1f} s")
    server_errors = sum(count for key, count in web.errors.items() if key.startswith("HTTP 5"))
    if missing or total != expected or server_errors or probe_errors or importer.returncode:
        raise SystemExit("FAILED: an entry was lost, or the server answered with an error")


if __name__ == "__main__":
    main()
