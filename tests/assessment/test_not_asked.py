""" "Not asked": one entry per question whose "yes" would raise the urgency, never a question
that was answered or denied, most urgent first (#15 item 5)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from crampcheck import assess
from crampcheck.contract.vocabulary import URGENCY_RANK
from tests.assessment.strategies import valid_inputs

RED_FLAGS_DENIED = ["shortness_of_breath", "chest_pain", "coughing_blood", "cold_pale_foot"]


def _answered(document: dict[str, Any], field: str) -> bool:
    """Whether the person answered the field (a missing field is "not asked")."""
    owner: Any = document
    for part in field.split("."):
        if not isinstance(owner, dict) or part not in owner:
            return False
        owner = owner[part]
    return True


@settings(max_examples=200, deadline=None)
@given(valid_inputs())
def test_no_entry_asks_what_was_answered_and_no_question_comes_twice(
    document: dict[str, Any],
) -> None:
    result = assess(document)
    given_symptoms = set(document.get("symptoms", [])) | set(document.get("symptoms_denied", []))
    questions = [item.question for item in result.not_asked]
    assert len(questions) == len(set(questions)), questions
    for item in result.not_asked:
        if item.field == "symptoms":  # asked one by one: answered when reported or denied
            assert item.answer not in given_symptoms, item
        else:
            assert not _answered(document, item.field), item
        assert URGENCY_RANK[item.would_raise_to] > URGENCY_RANK[result.urgency], item
        assert item.concerns and item.rules and item.question in item.text
    ranks = [URGENCY_RANK[item.would_raise_to] for item in result.not_asked]
    assert ranks == sorted(ranks, reverse=True)  # most urgent first


def test_denied_red_flags_are_not_asked_again_and_the_rest_are_one_question_each() -> None:
    result = assess({"age": 60, "cramps": {"when": ["night"]}, "symptoms_denied": RED_FLAGS_DENIED})
    answers = [item.answer for item in result.not_asked]
    assert not set(RED_FLAGS_DENIED) & set(answers)
    # "cannot move the foot" is waited for by two rules: one question naming both.
    foot = [item for item in result.not_asked if item.answer == "cannot_move_foot_or_toes"]
    assert len(foot) == 1 and foot[0].would_raise_to == "emergency"
    assert {"ali_cannot_move_foot"} <= set(foot[0].rules)


def test_an_entry_says_in_words_what_a_yes_would_change() -> None:
    result = assess({"age": 60, "cramps": {"when": ["night"]}})
    first = result.not_asked[0]
    assert first.would_raise_to == "emergency"
    assert first.text.startswith("Not asked: " + first.question)
    assert "Emergency" in first.text


def test_the_short_text_view_shows_at_most_five_questions() -> None:
    from crampcheck.render.text import MAX_NOT_ASKED_SHOWN, render_text

    result = assess({"age": 60, "cramps": {"when": ["night"]}})
    assert len(result.not_asked) > MAX_NOT_ASKED_SHOWN == 5
    short = " ".join(render_text(result).split())  # lines are wrapped
    shown = [item.question for item in result.not_asked if item.question in short]
    assert shown == [item.question for item in result.not_asked[:5]]
    assert render_text(result, full=True).count("Not asked: ") == len(result.not_asked)


def test_a_null_pregnancy_is_an_answer_not_a_question_left_open() -> None:
    """ "pregnancy_weeks": null says "not pregnant" (the contract): never "not asked" again
    (hypothesis found {"age": 3, "pregnancy_weeks": null, "symptoms": ["headache"]})."""
    result = assess({"age": 3, "pregnancy_weeks": None, "symptoms": ["headache"]})
    fields = {item.field for item in result.not_asked}
    assert "pregnancy_weeks" not in fields and "postpartum_weeks" in fields


def test_a_field_given_as_null_is_answered_and_one_given_as_unknown_is_not() -> None:
    from crampcheck.assessment.facts import Facts
    from crampcheck.assessment.input import parse_input

    person = parse_input(
        {
            "age": 50,
            "pregnancy_weeks": None,
            "cramps": {"relieved_by_stretching": "unknown", "side": "left"},
            "lifestyle": {"smoker": False},
        }
    )
    assert Facts(person).given_fields() == {
        "age",
        "pregnancy_weeks",
        "cramps.side",
        "lifestyle.smoker",
    }


def test_a_pregnancy_answered_as_none_is_not_asked_again() -> None:
    """ "pregnancy_weeks": null means not pregnant: the question whether she is pregnant is
    answered, though "pregnant or recently given birth" still waits for the second part."""
    result = assess(
        {"age": 30, "sex": "female", "pregnancy_weeks": None, "symptoms": ["calf_redness"]}
    )
    fields = {item.field for item in result.not_asked}
    assert "pregnancy_weeks" not in fields
    assert "postpartum_weeks" in fields


def test_an_option_of_a_one_choice_question_is_asked_with_its_question() -> None:
    """A bare option ("Left?") says nothing to a reader; the question comes with it."""
    result = assess({"age": 31, "symptoms": ["calf_redness"]})
    sides = {item.answer: item.question for item in result.not_asked if item.field == "cramps.side"}
    assert sides == {"left": "Which leg? Left", "right": "Which leg? Right"}
    assert all(not item.question.startswith(("Left", "Right")) for item in result.not_asked)
