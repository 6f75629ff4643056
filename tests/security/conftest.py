"""Fixtures of the security tests: the app in-process on a loopback base URL, the CLI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fastapi.testclient import TestClient

from crampcheck.cli import cli
from crampcheck.config import Settings
from crampcheck.web import create_app

LOOPBACK = "http://127.0.0.1"


@pytest.fixture
def client(tmp_path: Path, sqlite_url: str) -> Iterator[TestClient]:
    """The app on a migrated SQLite file, as the browser on this computer reaches it."""
    settings = Settings(data_dir=tmp_path, database_url=sqlite_url, secret_key="test-key")
    with TestClient(create_app(settings), base_url=LOOPBACK) as test_client:
        yield test_client


def csrf_token(client: TestClient, path: str = "/diary/log") -> str:
    """The form token of the client's browser session."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found
    return found.group(1)


def run(*arguments: str, input_text: str | None = None) -> Result:
    """`crampcheck ARGUMENTS` through click's runner."""
    return CliRunner().invoke(cli, list(arguments), input=input_text)


def assert_clean_failure(result: Result, *expected: str) -> None:
    """Exit 2 with a message naming each of `expected`, and no traceback."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    for text in expected:
        assert text in result.output, result.output
