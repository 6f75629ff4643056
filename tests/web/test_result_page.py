"""The result page on a phone (360×640, a British reader: 999 and NHS 111): what to do comes
first, the details wait in closed sections that printing opens."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import PHONE, check_accessibility, screenshots
from tests.web.interview_driver import answer_all, submit
from tests.web.result_cases import RESULT_CASES

pytestmark = pytest.mark.browser

MAX_SCREENS = 4
# The help numbers a reader in Great Britain gets (knowledge/data/help_numbers.yaml).
EMERGENCY_CALL = "tel:999"
NON_EMERGENCY_CALL = "tel:111"


def _result_page(phone: Any, case: str) -> Any:
    phone.goto("/assessment")
    answer_all(phone, RESULT_CASES[case])
    assert phone.locator(".banner").count() == 1, "the interview did not end on a result"
    return phone


def _on_first_screen(page: Any, selector: str) -> bool:
    """Whether the (first) element `selector` is shown wholly within the first 640 px."""
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["height"] > 0 and box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("case", list(RESULT_CASES))
def test_the_first_screen_says_how_urgent_what_to_do_and_offers_keep_and_print(
    phone: Any, case: str
) -> None:
    page = _result_page(phone, case)
    level = page.inner_text(".banner .urgency-level")
    expected = {"emergency": "emergency", "urgent": "urgent", "self_care": "self-care"}[case]
    assert expected in level.lower()  # in words, not by colour alone
    assert _on_first_screen(page, ".banner .urgency-level")
    assert page.inner_text(".banner h1").strip()  # what to do now
    assert _on_first_screen(page, ".banner h1")
    assert _on_first_screen(page, "button:has-text('Keep this result')")
    assert _on_first_screen(page, "button.js-print")
    assert _on_first_screen(page, ".summary h2")
    check_accessibility(page)
    screenshots(page, f"result-first-screen-{case}")


def test_an_emergency_offers_the_emergency_number_as_a_call_link_first(phone: Any) -> None:
    page = _result_page(phone, "emergency")
    call = page.locator(f".call-for-help a[href='{EMERGENCY_CALL}']")
    assert call.count() == 1
    assert "999" in call.inner_text()
    assert _on_first_screen(page, f".call-for-help a[href='{EMERGENCY_CALL}']")
    # What to do names the same number as the link (not 112 / 999 / 911 for everyone).
    assert "Call 999 " in page.inner_text(".banner h1")


def test_an_urgent_result_offers_the_advice_line_and_the_emergency_number(phone: Any) -> None:
    page = _result_page(phone, "urgent")
    advice_line = f".call-for-help a[href='{NON_EMERGENCY_CALL}']"
    if_worse = f".call-for-help a[href='{EMERGENCY_CALL}']"
    assert "NHS 111" in page.inner_text(advice_line)
    assert "NHS 111" in page.inner_text(".banner h1")
    assert "If it gets worse" in page.inner_text(".call-for-help")
    assert _on_first_screen(page, advice_line)
    assert _on_first_screen(page, if_worse)


def test_a_self_care_result_has_no_call_link(phone: Any) -> None:
    page = _result_page(phone, "self_care")
    assert page.locator(".call-for-help").count() == 0
    assert page.locator("main a[href^='tel:']").count() == 0


@pytest.mark.parametrize("case", list(RESULT_CASES))
def test_details_are_closed_and_the_page_is_at_most_four_screens(phone: Any, case: str) -> None:
    page = _result_page(phone, case)
    details = page.locator("main details")
    assert details.count() >= 3
    assert page.locator("main details[open]").count() == 0
    assert not page.locator("main details .cards li").first.is_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= MAX_SCREENS * PHONE["height"], f"{height} px"


def test_printing_opens_every_detail_and_closes_them_after(phone: Any) -> None:
    page = _result_page(phone, "urgent")
    count = page.locator("main details").count()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("main details[open]").count() == count
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("main details[open]").count() == 0


def test_print_media_shows_the_details_even_without_the_script(phone: Any) -> None:
    page = _result_page(phone, "self_care")
    page.emulate_media(media="print")
    assert page.locator("main details[open]").count() == 0  # no beforeprint event here
    assert page.locator("main details .cards li").first.is_visible()
    assert not page.locator("button:has-text('Keep this result')").is_visible()


def test_a_kept_result_keeps_the_first_screen(phone: Any) -> None:
    page = _result_page(phone, "urgent")
    submit(page, "button:has-text('Keep this result')")
    assert "/results/" in page.url
    assert _on_first_screen(page, ".banner h1")
    assert _on_first_screen(page, f".call-for-help a[href='{NON_EMERGENCY_CALL}']")
    assert _on_first_screen(page, "button.js-print")
    assert page.locator("main details[open]").count() == 0
    check_accessibility(page)


def test_a_link_to_a_source_opens_its_section(phone: Any) -> None:
    page = _result_page(phone, "self_care")
    page.locator("main details").first.locator("summary").click()
    source = page.locator("main details[open] a[href^='#src-']").first
    source.click()
    target = page.locator(source.get_attribute("href") or "")
    assert target.is_visible()
