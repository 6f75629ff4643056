"""A throwaway PostgreSQL server for the tests, started from the Debian server binaries.

CI installs them with scripts/system-deps. As root, the server runs as the `postgres` user
(PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url


def server_binaries() -> Path:
    """The newest installed PostgreSQL bin directory; RuntimeError saying how to get one."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if not found:
        raise RuntimeError(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb); "
            "run scripts/system-deps (apt-get install postgresql) to install them"
        )
    return Path(found[-1]).parent


def _version(path: str) -> int:
    try:
        return int(Path(path).parent.parent.name.split(".")[0])
    except ValueError:
        return 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


class PostgresServer:
    """A running server; `database_url(name)` is a SQLAlchemy URL over its unix socket."""

    def __init__(self, socket_dir: Path, port: int) -> None:
        self.socket_dir = socket_dir
        self.port = port
        self._count = 0

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user="postgres",
            dbname="postgres",
            autocommit=True,
        )

    def create_database(self) -> str:
        """A fresh empty database; returns its SQLAlchemy URL."""
        self._count += 1
        name = f"test_{self._count}"
        with self._admin() as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.database_url(name)

    def drop_database(self, url: str) -> None:
        name = make_url(url).database
        with self._admin() as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def database_url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@/{name}?host={self.socket_dir}&port={self.port}"


@contextmanager
def running_server() -> Iterator[PostgresServer]:
    """Start a server in a new temporary directory; stop and remove it afterwards."""
    binaries = server_binaries()
    # Not under pytest's tmp dir: that is private to root and the server user must enter it.
    base = Path(tempfile.mkdtemp(prefix="crampcheck-pg-"))
    base.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    data, port = base / "data", _free_port()
    run = _runner(base)
    run(
        [
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ]
    )
    options = f"-p {port} -k {base} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    run(
        [
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(base / "log"),
            "-w",
            "start",
        ]
    )
    try:
        yield PostgresServer(base, port)
    finally:
        run([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(base, ignore_errors=True)


def _runner(base: Path) -> Callable[[list[str]], None]:
    def run(command: list[str]) -> None:
        result = subprocess.run(
            _as_server_user(command), capture_output=True, text=True, cwd=base, check=False
        )
        if result.returncode != 0:
            log = base / "log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{command[0]} failed: {result.stderr}{result.stdout}{tail}")

    return run
