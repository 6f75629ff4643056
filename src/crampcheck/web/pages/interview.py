"""The adaptive interview: one question per screen, Back and Next, answers in a signed field.

Nothing is stored on the server: the answers travel in the page as a signed hidden field.
The interview stops with the result page as soon as the answers make it an emergency.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from crampcheck.errors import InputError
from crampcheck.interview import interview_state
from crampcheck.knowledge.questions import QuestionKind
from crampcheck.web.api.questionnaire import TOPIC_TITLES
from crampcheck.web.context import WebContext
from crampcheck.web.deps import ContextDep
from crampcheck.web.language import request_country, request_language
from crampcheck.web.pages.answers import CHECKLISTS, read_answer, shown_value
from crampcheck.web.pages.common import page_translator, render_page, require_csrf
from crampcheck.web.signing import InterviewProgress

router = APIRouter()
HINTS = {
    QuestionKind.CHOICE: "Choose one.",
    QuestionKind.YES_NO: "Choose yes or no.",
    QuestionKind.MULTI: "Tick all that apply. Leave all unticked if none apply.",
    QuestionKind.SYMPTOMS: "Tick all that apply. Leave all unticked if none apply.",
    QuestionKind.FLAGS: "Tick all that apply. Leave all unticked if none apply.",
    QuestionKind.TEXT_LIST: "Names separated by commas. Leave empty if none.",
    QuestionKind.NUMBER: "A number.",
}


@router.get("/assessment", response_class=HTMLResponse)
def start_interview(request: Request, context: ContextDep) -> HTMLResponse:
    """The first question of a new interview."""
    return interview_screen(request, context, InterviewProgress())


@router.post("/assessment", response_class=HTMLResponse)
async def answer_question(request: Request, context: ContextDep) -> HTMLResponse:
    """Take the answer on the form (Next) or step back one question (Back)."""
    await require_csrf(request, context)
    form = await request.form()
    progress = load_progress(context, form.get("progress"))
    if form.get("action") == "back":
        if progress.history:
            question_id = progress.history.pop()
            progress.drafts[question_id] = progress.answers.pop(question_id, None)
        return interview_screen(request, context, progress)
    question = interview_state(context.knowledge, progress.answers).question
    if question is None or form.get("question") != question.id:
        # A stale form (e.g. sent twice): show where the interview really stands.
        return interview_screen(request, context, progress)
    try:
        value = read_answer(question, form)
        # An answer the form accepts may still be one the assessment refuses (an age of
        # 67.5): ask the question again with the reason rather than end in "Start again".
        interview_state(context.knowledge, {**progress.answers, question.id: value})
    except InputError as error:
        # A person reads this one: in the page's language (the API keeps English).
        words = page_translator(request, context)
        message = "; ".join(problem.translated_message(words) for problem in error.errors)
        return interview_screen(request, context, progress, error=message, form_values=form)
    progress.answers[question.id] = value
    progress.history.append(question.id)
    progress.drafts.pop(question.id, None)
    return interview_screen(request, context, progress)


def load_progress(context: WebContext, signed: Any) -> InterviewProgress:
    progress = context.interview_signer.loads(signed if isinstance(signed, str) else None)
    known = {question.id for question in context.knowledge.questions}
    if progress is None or not set(progress.answers) <= known:
        raise HTTPException(400, "This interview form was changed or has expired. Start again.")
    return progress


def interview_screen(
    request: Request,
    context: WebContext,
    progress: InterviewProgress,
    *,
    error: str | None = None,
    form_values: Any = None,
) -> HTMLResponse:
    """The next question or the result (early, once the answers make it an emergency)."""
    try:
        # The result's own words (urgency, concerns, advice) in the page's language.
        state = interview_state(
            context.knowledge,
            progress.answers,
            request_language(request),
            request_country(request),
        )
    except InputError:
        raise HTTPException(400, "These answers cannot be assessed. Start again.") from None
    signed = context.interview_signer.dumps(progress)
    if state.question is None and state.assessment is not None:
        # An emergency that stopped the questions early gets the same page, saying so.
        return render_page(
            request,
            context,
            "result.html",
            {
                "result": state.assessment,
                "progress": signed,
                "saved_token": None,
                "stopped_early": state.stopped_early,
            },
        )
    question = state.question
    if question is None:  # no age yet cannot happen (age is asked first), but never crash
        raise HTTPException(400, "These answers cannot be assessed. Start again.")
    if form_values is not None:
        shown = {
            "text": str(form_values.get("answer", "")),
            "checked": {str(value) for value in form_values.getlist("answer")},
            "none": bool(form_values.get("none")),
        }
    else:
        shown = shown_value(question, progress.previous_value(question.id))
    return render_page(
        request,
        context,
        "question.html",
        {
            "question": question,
            "checklist": question.kind in CHECKLISTS,
            "topic_title": TOPIC_TITLES[question.topic],
            "hint": HINTS[question.kind],
            "shown": shown,
            "error": error,
            "progress": signed,
            "step": len(progress.history) + 1,
            "can_go_back": bool(progress.history),
            "red_flag": question.topic.value in ("emergency_signs", "urgent_signs"),
        },
    )
