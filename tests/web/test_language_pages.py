"""The language switch and the help numbers in a real Chromium against the real server: the
switch works from the keyboard and without JavaScript, the choice is remembered, every page
says its language, and the emergency numbers are tel: links of the reader's country."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crampcheck.config import Settings
from crampcheck.i18n import load_translator
from crampcheck.i18n import translator as translator_module
from tests.support.page_catalogs import SWEDISH_PAGES_PO
from tests.support.server import running_server
from tests.web.conftest import check_accessibility, screenshots

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def swedish_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose Swedish catalog is the tests' small one (as if sv.po had landed)."""
    data: Path = tmp_path_factory.mktemp("language-web")
    settings = Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'web.db'}",
        secret_key="browser-test-key",
        language="en",
        country=None,
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            translator_module,
            "_catalog_text",
            lambda language: SWEDISH_PAGES_PO if language == "sv" else None,
        )
        load_translator.cache_clear()
        with running_server(settings) as url:
            yield url
    load_translator.cache_clear()


def _page(chromium: Any, url: str, **options: Any) -> Iterator[Any]:
    context = chromium.new_context(base_url=url, viewport={"width": 1280, "height": 900}, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def english_us_page(chromium: Any, swedish_server: str) -> Iterator[Any]:
    """A tab of a browser set to American English."""
    yield from _page(chromium, swedish_server, locale="en-US")


@pytest.fixture
def swedish_page_without_js(chromium: Any, swedish_server: str) -> Iterator[Any]:
    """A tab of a Swedish browser with JavaScript off."""
    yield from _page(chromium, swedish_server, locale="sv-SE", java_script_enabled=False)


def _tel(page: Any) -> list[tuple[str, str]]:
    links = page.locator("a[href^='tel:']")
    return [
        (links.nth(i).get_attribute("href"), links.nth(i).inner_text())
        for i in range(links.count())
    ]


def test_the_browsers_language_and_region_pick_the_page_and_the_numbers(
    english_us_page: Any,
) -> None:
    page = english_us_page
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert ("tel:911", "911") in _tel(page)
    current = page.locator(".language-switch a[aria-current='true']")
    assert current.inner_text() == "English"
    check_accessibility(page)


def test_the_switch_works_from_the_keyboard_and_is_remembered(english_us_page: Any) -> None:
    page = english_us_page
    page.goto("/first-aid")
    swedish = page.locator(".language-switch a[lang='sv']")
    swedish.focus()
    assert page.evaluate("document.activeElement.textContent") == "Svenska"
    page.keyboard.press("Enter")
    page.wait_for_url("**/first-aid")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator(".language-switch").get_attribute("aria-label") == "Språk"
    assert "Ring 112 nu om du har något av detta" in page.inner_text("main")
    assert ("tel:1177", "1177 Vårdguiden") in _tel(page)
    check_accessibility(page)
    screenshots(page, "first-aid-sv")
    page.goto("/medications")  # the choice holds on the next page
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator(".language-switch a[aria-current='true']").inner_text() == "Svenska"


def test_the_switch_works_without_javascript(swedish_page_without_js: Any) -> None:
    page = swedish_page_without_js
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert "Hoppa till huvudinnehållet" in page.content()
    page.click(".language-switch a[lang='en']")
    page.wait_for_url("**/")
    assert page.locator("html").get_attribute("lang") == "en"
    # Back to English, but still Sweden's numbers? No: English has no country, and the
    # browser's region (SE) belongs to Swedish, so the international 112 without advice line.
    assert [href for href, _ in _tel(page)] == ["tel:112", "tel:112"]
    # (no axe run here: it is a script, and scripts are off in this tab)
