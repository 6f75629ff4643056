"""Interview logic shared by the terminal and the web app. Pure functions of the answers.

Answers are kept by question id (`Answers`); `build_document` turns them into the contract
input. Questions come topic by topic (red flags first); a follow-up is asked only when its
`ask_when` holds for the answers so far; the interview stops early once the answers already
make the result an emergency.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from crampcheck.assessment.engine import assess
from crampcheck.assessment.evaluate import Context, evaluate
from crampcheck.assessment.facts import Facts
from crampcheck.assessment.input import parse_input
from crampcheck.assessment.result import Assessment
from crampcheck.errors import InputError, field_error
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.questions import Question, QuestionKind, Topic

AnswerValue = float | str | bool | list[str] | None
Answers = dict[str, AnswerValue]
TOPIC_ORDER = list(Topic)


def _ordered(knowledge: KnowledgeBase) -> list[Question]:
    return sorted(knowledge.questions, key=lambda q: TOPIC_ORDER.index(q.topic))


def build_document(knowledge: KnowledgeBase, answers: Answers) -> dict[str, Any]:
    """The contract input for the answers given so far (unanswered fields are left out)."""
    document: dict[str, Any] = {}
    for question in _ordered(knowledge):
        if question.id in answers:
            _write(document, question, answers[question.id])
    return document


def _set(document: dict[str, Any], path: str, value: Any) -> None:
    section, _, name = path.rpartition(".")
    target = document.setdefault(section, {}) if section else document
    target[name] = value


def _write(document: dict[str, Any], question: Question, value: AnswerValue) -> None:
    options = [option.value for option in question.options]
    if question.kind is QuestionKind.SYMPTOMS:
        ticked = list(value) if isinstance(value, list) else []
        document.setdefault("symptoms", []).extend(ticked)
        denied = [option for option in options if option not in ticked]
        document.setdefault("symptoms_denied", []).extend(denied)
    elif question.kind is QuestionKind.FLAGS:
        ticked = list(value) if isinstance(value, list) else []
        for option in options:
            _set(document, option, option in ticked)
    elif question.field is not None:
        if question.kind is QuestionKind.NUMBER and isinstance(value, float) and value.is_integer():
            value = int(value) if question.field in _INTEGER_FIELDS else value
        _set(document, question.field, value)


_INTEGER_FIELDS = {"age", "pregnancy_weeks", "postpartum_weeks", "cramps.severity"}


def _asked_now(knowledge: KnowledgeBase, question: Question, answers: Answers) -> bool:
    if question.ask_when is None:
        return True
    document = build_document(knowledge, answers)
    if "age" not in document:
        return False
    truth, _ = evaluate(question.ask_when, Context(Facts(parse_input(document))))
    return truth is True


def next_question(knowledge: KnowledgeBase, answers: Answers) -> Question | None:
    """The next question to ask, or None when the interview is complete."""
    for question in _ordered(knowledge):
        if question.id not in answers and _asked_now(knowledge, question, answers):
            return question
    return None


@dataclass(frozen=True)
class InterviewState:
    """Where an interview stands: the next question (None: done) and the current result."""

    question: Question | None
    assessment: Assessment | None
    stopped_early: bool
    answered: int
    remaining_estimate: int


def interview_state(
    knowledge: KnowledgeBase, answers: Answers, language: str = "en", country: str | None = None
) -> InterviewState:
    """The next question, or the result (in `language`, with the help numbers of `country`)
    when complete or already an emergency."""
    document = build_document(knowledge, answers)
    result = (
        assess(document, knowledge=knowledge, language=language, country=country)
        if "age" in document
        else None
    )
    if result is not None and result.urgency == "emergency":
        return InterviewState(None, result, True, len(answers), 0)
    question = next_question(knowledge, answers)
    remaining = sum(1 for q in knowledge.questions if q.id not in answers)
    return InterviewState(question, result, False, len(answers), remaining)


def parse_answer(question: Question, raw: str) -> AnswerValue:
    """Parse typed text for one question; InputError names the question and what is allowed."""
    text = raw.strip()
    if question.kind is QuestionKind.NUMBER:
        return _parse_number(question, text)
    if question.kind is QuestionKind.YES_NO:
        return _parse_yes_no(question, text)
    if question.kind is QuestionKind.TEXT_LIST:
        return [part.strip() for part in text.split(",") if part.strip()]
    return _parse_options(question, text)


def _path(question: Question) -> str:
    return question.field or question.id


def _parse_number(question: Question, text: str) -> float | None:
    if question.none_option and text.lower() in ("", "no", "n", "none", "0 - no"):
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        not_a_number = field_error(
            _path(question), "expected a number, got {text}", text=repr(text)
        )
        raise InputError([not_a_number]) from None
    low = question.minimum if question.minimum is not None else -math.inf
    high = question.maximum if question.maximum is not None else math.inf
    if not math.isfinite(number) or not low <= number <= high:
        outside = field_error(
            _path(question), "must be between {low} and {high}", low=f"{low:g}", high=f"{high:g}"
        )
        raise InputError([outside])
    return number


def _parse_yes_no(question: Question, text: str) -> bool:
    lowered = text.lower()
    if lowered in ("y", "yes", "true", "1"):
        return True
    if lowered in ("n", "no", "false", "0"):
        return False
    raise InputError([field_error(_path(question), "answer yes or no")])


def _parse_options(question: Question, text: str) -> str | list[str]:
    """Options by number (1-based) or value; several separated by commas; 0 or empty: none."""
    values = [option.value for option in question.options]
    picked: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if part in ("", "0"):
            continue
        if part.isdigit() and 1 <= int(part) <= len(values):
            picked.append(values[int(part) - 1])
        elif part in values:
            picked.append(part)
        else:
            not_an_option = field_error(
                _path(question),
                "{part} is not an option; allowed: 1-{count}, or one of: {values}",
                part=repr(part),
                count=len(values),
                values=", ".join(values),
            )
            raise InputError([not_an_option])
    if question.kind is QuestionKind.CHOICE:
        if len(picked) != 1:
            raise InputError([field_error(_path(question), "choose exactly one option")])
        return picked[0]
    return list(dict.fromkeys(picked))
