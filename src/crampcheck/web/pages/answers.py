"""Reading one interview screen's form into an answer, and showing an answer again."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData

from crampcheck.interview import parse_answer
from crampcheck.interview.flow import AnswerValue
from crampcheck.knowledge.questions import Question, QuestionKind

CHECKLISTS = (QuestionKind.MULTI, QuestionKind.SYMPTOMS, QuestionKind.FLAGS)


def _texts(form: FormData, name: str) -> list[str]:
    return [value for value in form.getlist(name) if isinstance(value, str)]


def read_answer(question: Question, form: FormData) -> AnswerValue:
    """The answer on the form for `question`; `InputError` says what is wrong with it."""
    values = _texts(form, "answer")
    if question.kind in CHECKLISTS:
        return parse_answer(question, ",".join(values))
    if question.kind is QuestionKind.NUMBER and question.none_option and _texts(form, "none"):
        return None
    raw = values[0] if values else ""
    if question.kind is QuestionKind.CHOICE and len(values) > 1:
        raw = ",".join(values)  # parse_answer then says "choose exactly one option"
    if question.kind is QuestionKind.TEXT_LIST:
        raw = raw.replace("\n", ",")
    return parse_answer(question, raw)


def shown_value(question: Question, value: Any) -> dict[str, Any]:
    """What the form shows for a previous answer: the text, the ticked options, none ticked."""
    if value is None:
        return {"text": "", "checked": set(), "none": question.none_option is not None}
    if isinstance(value, bool):
        return {"text": "yes" if value else "no", "checked": set(), "none": False}
    if isinstance(value, int | float):
        return {"text": f"{value:g}", "checked": set(), "none": False}
    if isinstance(value, list):
        if question.kind is QuestionKind.TEXT_LIST:
            return {"text": ", ".join(map(str, value)), "checked": set(), "none": False}
        return {"text": "", "checked": set(map(str, value)), "none": False}
    return {"text": str(value), "checked": {str(value)}, "none": False}
