"""Answering the web interview in a browser, one screen at a time."""

from __future__ import annotations

from typing import Any

from tests.web.result_cases import SELF_CARE, AnswerMap

__all__ = ["SELF_CARE", "AnswerMap", "answer_all", "current_question", "fill_answer", "submit"]

MAX_SCREENS = 80


def current_question(page: Any) -> str | None:
    """The id of the question on screen, or None on a result or emergency page."""
    field = page.locator("input[name=question]")
    return field.get_attribute("value") if field.count() else None


def fill_answer(page: Any, answer: str | list[str] | None) -> None:
    """Put `answer` into the form on screen (nothing given: leave checklists unticked)."""
    if answer is None:
        return
    if isinstance(answer, list):
        for value in answer:
            page.check(f'input[name=answer][value="{value}"]')
    elif page.locator("input[type=radio][name=answer]").count():
        page.check(f'input[name=answer][value="{answer}"]')
    else:
        page.fill("#answer", answer)


def submit(page: Any, selector: str) -> None:
    """Click a button that posts a form and wait until the answer page has loaded.

    (Waiting for the load state after the click could see the old page, already loaded,
    when the machine is busy: a race that made tests fail now and then.)
    """
    with page.expect_navigation():
        page.click(selector)


def answer_all(page: Any, answers: AnswerMap) -> list[str]:
    """Answer every screen until the interview ends; the question ids seen, in order."""
    seen: list[str] = []
    for _ in range(MAX_SCREENS):
        question = current_question(page)
        if question is None:
            return seen
        seen.append(question)
        fill_answer(page, answers.get(question))
        submit(page, "button[value=next]")
    raise AssertionError(f"the interview did not end: {seen}")
