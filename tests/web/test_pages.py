"""The web app in a real Chromium against the real server: interview, results, lookups."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import check_accessibility, screenshots
from tests.web.interview_driver import (
    SELF_CARE,
    answer_all,
    current_question,
    fill_answer,
    submit,
)

pytestmark = pytest.mark.browser


def test_home_explains_and_offers_first_aid_one_tap_away(page: Any) -> None:
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "does not diagnose" in page.inner_text("main")
    check_accessibility(page)
    screenshots(page, "home")
    page.click("main >> text=Having a cramp right now?")
    assert page.url.endswith("/first-aid")
    body = page.inner_text("main")
    assert "Stretch the cramping muscle" in body
    assert "Shortness of breath" in body  # the emergency signs
    assert "Evidence: E3" in body
    check_accessibility(page)
    screenshots(page, "first-aid")


def test_a_self_care_assessment_ends_in_a_full_result(page: Any) -> None:
    page.goto("/assessment")
    check_accessibility(page)
    screenshots(page, "question-age")
    seen = answer_all(page, SELF_CARE)
    assert seen[:3] == ["age", "sex", "breathing"]  # red-flag screens straight after about-you
    assert "pregnancy_weeks" not in seen
    banner = page.inner_text(".banner").lower()
    assert "self-care is appropriate" in banner
    main = page.inner_text("main")
    for heading in ("What your answers point to", "First aid during a cramp", "What not to do"):
        assert heading in main
    assert "Ordinary night cramps" in main
    assert page.locator("svg.chart title").count() >= 1 or "body system" in main
    check_accessibility(page)
    screenshots(page, "result-self-care")
    weight = len(page.content().encode())
    for asset in ("/static/style.css", "/static/app.js"):
        weight += len(page.request.get(asset).body())
    assert weight <= 150 * 1024


def test_breathlessness_stops_the_interview_with_the_emergency_screen(page: Any) -> None:
    page.goto("/assessment")
    for question, answer in [("age", "52"), ("sex", "male")]:
        assert current_question(page) == question
        fill_answer(page, answer)
        submit(page, "button[value=next]")
    assert current_question(page) == "breathing"
    fill_answer(page, ["shortness_of_breath"])
    page.click("button[value=next]")
    assert current_question(page) is None
    text = page.inner_text("main")
    call = page.locator("a.call-now")
    assert call.get_attribute("href", timeout=1000).startswith("tel:")
    assert call.inner_text().startswith("Call ")
    assert "We stopped the questions" in text
    # The browser's country's number (en-US: 911), the same in the link and the text.
    assert call.get_attribute("href") == "tel:911" and "Call 911 for an ambulance" in text
    assert "999" not in text
    assert "While you wait for help" in text
    check_accessibility(page)
    screenshots(page, "emergency")


def test_back_keeps_answers_and_a_changed_answer_changes_the_questions(page: Any) -> None:
    page.goto("/assessment")
    fill_answer(page, "34")
    page.click("button[value=next]")
    fill_answer(page, "male")
    page.click("button[value=next]")
    assert current_question(page) == "breathing"
    page.click("button[value=back]")
    assert current_question(page) == "sex"
    assert page.is_checked('input[name=answer][value="male"]')  # the answer was kept
    page.click("button[value=back]")
    assert page.input_value("#answer") == "34"
    page.click("button[value=next]")
    page.check('input[name=answer][value="female"]')
    page.click("button[value=next]")
    assert current_question(page) == "pregnancy_weeks"  # asked only now


def test_an_invalid_answer_is_explained_next_to_the_field(page: Any) -> None:
    page.goto("/assessment")
    page.fill("#answer", "two hundred")
    page.click("button[value=next]")
    assert current_question(page) == "age"
    error = page.locator("#answer-error")
    assert "expected a number" in error.inner_text()
    assert "answer-error" in (page.get_attribute("#answer", "aria-describedby") or "")
    check_accessibility(page)
    screenshots(page, "question-error")


def test_the_assessment_works_without_javascript(page_without_js: Any) -> None:
    page = page_without_js
    page.goto("/assessment")
    answer_all(page, SELF_CARE)
    assert "self-care is appropriate" in page.inner_text(".banner").lower()
    # The summary and Keep work; the details wait, closed, and open with a tap.
    assert "In short" in page.inner_text("main")
    assert page.locator("button:has-text('Keep this result')").is_visible()
    assert not page.locator("button.js-print").is_visible()  # printing needs the script
    first = page.locator("main details").first
    assert first.get_attribute("open") is None
    first.locator("summary").click()
    assert first.get_attribute("open") is not None


def test_keyboard_only_completion(page: Any) -> None:
    page.goto("/assessment")
    for _ in range(60):
        question = current_question(page)
        if question is None:
            break
        _answer_by_keyboard(page, SELF_CARE.get(question))
    assert "self-care is appropriate" in page.inner_text(".banner").lower()


def _focused(page: Any) -> tuple[str, str, str]:
    name, kind, value = page.evaluate(
        "() => [document.activeElement.name || '', document.activeElement.type || '',"
        " document.activeElement.value || '']"
    )
    return str(name), str(kind), str(value)


def _answer_by_keyboard(page: Any, answer: Any) -> None:
    """From the top of the page: Tab to the answer, answer with Space, arrows or typing,
    Tab to Next and press Enter."""
    for _ in range(40):
        page.keyboard.press("Tab")
        name, kind, _value = _focused(page)
        if name != "answer":
            continue
        if kind == "radio" and answer is not None:
            for _ in range(page.locator("input[name=answer]").count()):
                if _focused(page)[2] == answer:
                    break
                page.keyboard.press("ArrowDown")  # moves within the radio group
            page.keyboard.press("Space")
        elif kind == "checkbox" and isinstance(answer, list):
            for _ in range(page.locator("input[name=answer]").count()):
                if _focused(page)[2] in answer:
                    page.keyboard.press("Space")
                page.keyboard.press("Tab")
        elif kind == "text" and answer:
            page.keyboard.type(str(answer))
        break
    for _ in range(40):
        if _focused(page)[2] == "next":
            break
        page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_keep_reopen_and_delete_a_result(page: Any) -> None:
    page.goto("/assessment")
    answer_all(page, SELF_CARE)
    submit(page, "text=Keep this result")
    assert "/results/" in page.url
    link = page.url
    token = link.rsplit("/", 1)[1]
    assert len(token) >= 30  # unguessable
    assert "This result is saved" in page.inner_text("main")
    check_accessibility(page)
    screenshots(page, "saved-result")
    page.goto(link)
    assert "self-care is appropriate" in page.inner_text(".banner").lower()
    submit(page, "text=Delete this saved result")
    assert "was deleted" in page.inner_text("main")
    check_accessibility(page)
    response = page.goto(link)
    assert response.status == 404
    page.errors.messages.clear()  # the browser logs the expected 404


def test_medication_check(page: Any) -> None:
    page.goto("/medications")
    check_accessibility(page)
    page.fill("#names", "Lipitor, water tablets, zzqx")
    page.click("main button[type=submit]")
    text = page.inner_text("main")
    assert "atorvastatin" in text
    assert "Not recognised" in text
    check_accessibility(page)
    screenshots(page, "medications")


def test_myths_page_shows_the_safer_advice_for_unsafe_claims(page: Any) -> None:
    page.goto("/myths")
    check_accessibility(page)
    page.fill("#q", "quinine tonic water")
    page.click("main button[type=submit]")
    assert page.locator(".verdict-unsafe .safer").count() >= 1
    assert "Do this instead" in page.inner_text(".verdict-unsafe .safer >> nth=0")
    check_accessibility(page)
    screenshots(page, "myths")
