"""Browser-test fixtures: the real server on a free port with a temporary SQLite database,
and Debian's Chromium driven by Playwright (Playwright's own browser download is not used)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crampcheck.config import Settings
from tests.support.server import running_server

playwright_api = pytest.importorskip("playwright.sync_api")

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 640}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a running server with an empty, migrated SQLite database."""
    data = tmp_path_factory.mktemp("web-data")
    settings = Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'web.db'}",
        secret_key="browser-test-key",
    )
    with running_server(settings) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole run."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageErrors:
    """Console errors (e.g. a Content-Security-Policy violation) seen by a page."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, message: Any) -> None:
        if message.type == "error":
            self.messages.append(message.text)


def _new_page(chromium: Any, server_url: str, **options: Any) -> Iterator[Any]:
    context = chromium.new_context(base_url=server_url, **options)
    page = context.new_page()
    errors = PageErrors()
    page.on("console", errors)
    page.errors = errors
    yield page
    context.close()
    assert errors.messages == [], errors.messages


@pytest.fixture
def page(chromium: Any, server_url: str) -> Iterator[Any]:
    """A fresh browser tab (its own cookies) at desktop width; fails on console errors."""
    yield from _new_page(chromium, server_url, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone(chromium: Any, server_url: str) -> Iterator[Any]:
    """A fresh tab on a small phone (360×640 px) whose browser asks for British English, so
    the help numbers are known: 999 for emergencies, NHS 111 for medical advice."""
    yield from _new_page(chromium, server_url, viewport=PHONE, locale="en-GB")


@pytest.fixture
def page_without_js(chromium: Any, server_url: str) -> Iterator[Any]:
    """A fresh tab with JavaScript disabled."""
    yield from _new_page(
        chromium, server_url, viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )


def check_accessibility(page: Any) -> None:
    """Run axe-core on the page (WCAG 2.x A/AA rules and best practices); no violations."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run npm ci")
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("async () => await axe.run(document)")
    violations = [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]
    assert violations == [], json.dumps(violations, indent=1)


def screenshots(page: Any, name: str) -> None:
    """Full-page screenshots at phone (360 px) and desktop (1280 px) widths."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^a-z0-9-]+", "-", name.lower())
    original = page.viewport_size
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=str(SCREENSHOTS / f"{safe}-{width}.png"), full_page=True)
    page.set_viewport_size(original)
