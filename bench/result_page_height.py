"""How tall the result page is on a phone: an emergency, an urgent and a self-care result.

Starts the real server on a free loopback port (temporary database), answers the web
interview of each case of `tests/web/result_cases.py` in Debian's Chromium (Playwright) at
360×640 px, and measures the finished page with its `<details>` sections as they open by
default (closed). Prints the height in px and in screens of 640 px (target: at most 4).

Run: PYTHONPATH=src python bench/result_page_height.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the cases and the test server live in tests/

from tests.support.server import running_server  # noqa: E402
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE  # noqa: E402
from tests.web.interview_driver import answer_all  # noqa: E402
from tests.web.result_cases import RESULT_CASES  # noqa: E402

from crampcheck.config import Settings  # noqa: E402

TARGET_SCREENS = 4


def page_heights() -> dict[str, int]:
    """The full height in px of each case's result page at 360 px, details closed."""
    heights: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(
            data_dir=Path(data),
            database_url=f"sqlite:///{Path(data) / 'bench.db'}",
            secret_key="bench-key",
        )
        with running_server(settings) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for name, answers in RESULT_CASES.items():
                context = browser.new_context(base_url=url, viewport=PHONE)
                page = context.new_page()
                page.goto("/assessment")
                answer_all(page, answers)
                if not page.locator(".banner").count():
                    raise RuntimeError(f"{name}: the interview did not end on a result page")
                heights[name] = page.evaluate("document.documentElement.scrollHeight")
                context.close()
            browser.close()
    return heights


def main() -> None:
    print(f"result page at {PHONE['width']} px, details closed (screen = {PHONE['height']} px)")
    for name, height in page_heights().items():
        screens = height / PHONE["height"]
        verdict = "ok" if screens <= TARGET_SCREENS else f"over {TARGET_SCREENS}"
        print(f"  {name:<10} {height:>6} px  {screens:5.1f} screens  {verdict}")


if __name__ == "__main__":
    main()
