"""`crampcheck serve` as a person starts it: a real process on a free port."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from crampcheck.cli import cli
from tests.support.server import free_port

# Processes and locks that take seconds: left out of `scripts/test --quick`.
pytestmark = pytest.mark.slow


@contextmanager
def serving(tmp_path: Path, *options: str) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "crampcheck", "serve", "--port", str(port)]
    command += ["--db", f"sqlite:///{tmp_path / 'serve.db'}", *options]
    url = f"http://127.0.0.1:{port}"
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as process:
        try:
            deadline = time.monotonic() + 40
            while True:
                try:
                    if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"crampcheck serve did not start: {process.stderr.read()}")  # type: ignore[union-attr]
                time.sleep(0.2)
            yield url
        finally:
            process.terminate()
            process.wait(20)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_answers_pages_and_the_api(tmp_path: Path, workers: str) -> None:
    with serving(tmp_path, "--workers", workers) as url:
        home = httpx.get(url)
        assert home.status_code == 200 and "crampcheck" in home.text
        assert home.headers["content-security-policy"].startswith("default-src 'self'")
        for _ in range(4):  # with two workers, both get some of these
            answer = httpx.post(f"{url}/api/v1/assessments", json={"age": 67})
            assert answer.status_code == 200 and answer.json()["urgency"] == "self_care"
    assert (tmp_path / "serve.db").exists()  # migrated before serving


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_runs_on_the_standard_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    # uvloop (libuv) accepts one new connection per loop turn, so a burst of new connections
    # waits behind every busy one: worst-round p99 ~100 ms in bench/bench_web.py, ~15 ms here.
    started: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.append(options))
    # Not in the test process: it would freeze every object pytest holds, for good.
    monkeypatch.setattr("crampcheck.web.app.freeze_startup_objects", lambda app: None)
    database = f"sqlite:///{tmp_path / 'loop.db'}"
    # With workers, serve hands these to them through the environment: restored afterwards.
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", database)
    monkeypatch.setenv("CRAMPCHECK_SECRET_KEY", "test")
    result = CliRunner().invoke(cli, ["serve", "--db", database, "--workers", workers])
    assert result.exit_code == 0, result.output
    assert [options["loop"] for options in started] == ["asyncio"]
