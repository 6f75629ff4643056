"""The adaptive interview: red flags first, follow-ups when relevant, early stop, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crampcheck.cli import cli
from crampcheck.errors import InputError
from crampcheck.i18n import load_translator
from crampcheck.interview import build_document, interview_state, next_question, parse_answer
from crampcheck.knowledge.loading import load_knowledge_base
from crampcheck.knowledge.questions import Question, QuestionKind, Topic


def _neutral(question: Question) -> object:
    """A harmless answer of the right kind."""
    if question.kind is QuestionKind.CHOICE:
        return question.options[0].value
    if question.kind is QuestionKind.YES_NO:
        return False
    if question.kind is QuestionKind.NUMBER:
        return question.minimum or 0.0
    return []


def test_red_flag_questions_come_before_the_cramp_questions() -> None:
    knowledge = load_knowledge_base()
    answers: dict[str, object] = {"age": 70.0, "sex": "male"}
    topics = []
    while (question := next_question(knowledge, answers)) is not None:  # type: ignore[arg-type]
        topics.append(question.topic)
        answers[question.id] = _neutral(question)
    first_cramp_question = topics.index(Topic.THE_CRAMPS)
    assert Topic.EMERGENCY_SIGNS in topics[:first_cramp_question]
    assert Topic.URGENT_SIGNS in topics[:first_cramp_question]


def test_pregnancy_is_asked_only_when_relevant() -> None:
    knowledge = load_knowledge_base()
    assert next_question(knowledge, {"age": 30.0, "sex": "female"}).id == "pregnancy_weeks"  # type: ignore[union-attr]
    assert next_question(knowledge, {"age": 30.0, "sex": "male"}).id == "breathing"  # type: ignore[union-attr]
    assert next_question(knowledge, {"age": 80.0, "sex": "female"}).id == "breathing"  # type: ignore[union-attr]


def test_an_emergency_answer_stops_the_interview() -> None:
    knowledge = load_knowledge_base()
    state = interview_state(knowledge, {"age": 50.0, "sex": "male", "breathing": ["chest_pain"]})
    assert state.question is None and state.stopped_early
    assert state.assessment is not None and state.assessment.urgency == "emergency"


def test_unticked_symptoms_are_recorded_as_denied() -> None:
    knowledge = load_knowledge_base()
    document = build_document(knowledge, {"age": 50.0, "breathing": ["chest_pain"]})
    assert document["symptoms"] == ["chest_pain"]
    assert set(document["symptoms_denied"]) == {"shortness_of_breath", "coughing_blood"}
    assert document["age"] == 50


def test_answers_are_parsed_with_clear_errors() -> None:
    knowledge = load_knowledge_base()
    questions = {q.id: q for q in knowledge.questions}
    assert parse_answer(questions["muscles"], "1, 2") == ["calf", "foot"]
    assert parse_answer(questions["side"], "left") == "left"
    assert parse_answer(questions["pregnancy_weeks"], "") is None
    assert parse_answer(questions["wakes_from_sleep"], "y") is True
    with pytest.raises(InputError, match=r"cramps\.side"):
        parse_answer(questions["side"], "9")
    with pytest.raises(InputError, match="between 0 and 120"):
        parse_answer(questions["age"], "200")


def test_terminal_interview_stops_early_and_saves_contract_json(tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    typed = "\n".join(["abc", "64", "2", "1"]) + "\n"  # a bad age first, then male, then breathless
    result = CliRunner().invoke(cli, ["interview", "--save", str(saved)], input=typed)
    assert result.exit_code == 0, result.output
    assert "expected a number" in result.output
    assert "Stopped early" in result.output and "EMERGENCY" in result.output
    document = json.loads(saved.read_text())
    assert document["symptoms"] == ["shortness_of_breath"] and document["age"] == 64


def test_terminal_interview_can_go_back(tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    typed = "\n".join(["64", "2", "b", "1", "1"]) + "\n"  # male, back, female, then breathless
    result = CliRunner().invoke(cli, ["interview", "--save", str(saved)], input=typed)
    assert result.exit_code == 0, result.output
    document = json.loads(saved.read_text())
    assert document["sex"] == "female"


def test_the_result_comes_in_the_interview_s_language() -> None:
    # The web interview shows this result as it is: its own words must be in the page's
    # language, not only the page around them.
    knowledge = load_knowledge_base()
    answers = {"age": 50.0, "sex": "male", "breathing": ["chest_pain"]}
    emergency = next(level for level in knowledge.texts.urgency if level.id == "emergency")
    german = load_translator("de").gettext(emergency.title)
    assert german != emergency.title  # the real German catalog has it
    state = interview_state(knowledge, answers, "de")
    assert state.assessment is not None and state.assessment.urgency_title == german
    english = interview_state(knowledge, answers).assessment
    assert english is not None and english.urgency_title == emergency.title
