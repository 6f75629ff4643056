"""The adaptive interview: which question comes next, and the contract document it builds."""

from crampcheck.interview.flow import (
    Answers,
    InterviewState,
    build_document,
    interview_state,
    next_question,
    parse_answer,
)

__all__ = [
    "Answers",
    "InterviewState",
    "build_document",
    "interview_state",
    "next_question",
    "parse_answer",
]
