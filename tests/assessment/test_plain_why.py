"""Issue #15, item 5: "why" reads as words ("You said: One calf is swollen"), never as
field names, JSON paths or vocabulary codes, in every language; programs keep the paths in
`evidence`."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings

from crampcheck.assessment.engine import assess
from crampcheck.assessment.evidence import Answer
from crampcheck.assessment.labels import Labels
from crampcheck.assessment.result import AnswerRef
from crampcheck.contract import vocabulary as vocab
from crampcheck.contract.answers import ANSWER_KINDS
from crampcheck.i18n import load_translator
from crampcheck.knowledge.loading import load_knowledge_base
from tests.assessment.strategies import valid_inputs
from tests.support.shared import vignettes

# Every input path and every vocabulary code a "why" line must not show.
_PATHS = {kind.path for kind in ANSWER_KINDS.values() if kind.path} | {
    "age",
    "sex",
    "pregnancy_weeks",
    "postpartum_weeks",
    "symptoms_denied",
    "medications",
    "medications_started_recently",
    "medications_stopped_recently",
}
_CODES = {
    code
    for codes in (vocab.SYMPTOMS, vocab.CONDITIONS, vocab.RECENT_EVENTS)
    for code in codes
    if "_" in code
}
_CODE_PATTERN = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


def _why_lines(result: Any) -> list[str]:
    items: list[Any] = [*result.concerns, *result.first_aid, *result.prevention_plan]
    items += [*result.discuss_with_doctor, *result.do_not]
    items += [factor for group in result.factors for factor in group.factors]
    return [line for item in items for line in item.why]


def _assert_plain(line: str) -> None:
    assert not any(line.startswith(f"{path}:") or f" {path}:" in line for path in _PATHS), line
    assert not (_CODE_PATTERN.findall(line) and set(_CODE_PATTERN.findall(line)) & _CODES), line
    assert " — " not in line, line


@pytest.mark.parametrize("language", ["en", "de", "ru", "sv"])
def test_why_is_plain_words_for_every_development_vignette(language: str) -> None:
    for vignette in vignettes():
        for line in _why_lines(assess(vignette["input"], language=language)):
            _assert_plain(line)


@settings(max_examples=60, deadline=None)
@given(valid_inputs())
def test_why_is_plain_words_for_generated_people(document: dict[str, Any]) -> None:
    result = assess(document)
    for line in _why_lines(result):
        _assert_plain(line)


def test_the_paths_stay_in_evidence_for_programs() -> None:
    result = assess({"age": 67, "symptoms": ["calf_swelling_one_side"]})
    dvt = next(c for c in result.concerns if c.id == "dvt")
    assert "You said: One calf is swollen (compared with the other)" in dvt.why
    assert AnswerRef("symptoms", "calf_swelling_one_side") in dvt.evidence


def test_numbers_are_sentences_written_the_language_s_way() -> None:
    document = {"age": 70, "cramps": {"per_week": 4.5, "when": ["night"]}}
    english = {line for c in assess(document).concerns for line in c.why}
    german = {line for c in assess(document, language="de").concerns for line in c.why}
    assert "About 4.5 cramps a week" in english
    assert any("4,5" in line for line in german)
    assert not any("4.5" in line for line in german)


def test_a_brand_is_shown_with_the_generic_it_was_matched_to() -> None:
    result = assess({"age": 70, "medications": ["Furix 40"], "cramps": {"when": ["night"]}})
    lines = [line for line in _why_lines(result) if "Furix" in line]
    assert lines and all(line == "You take Furix 40 (furosemide)" for line in lines)


def test_a_fraction_takes_the_form_of_two() -> None:
    """1.5 cups are "cups" (gettext picks forms by whole numbers: int(1.5) gave "cup")."""
    labels = Labels(load_knowledge_base(), load_translator("en"))
    line = labels.sentence(Answer("lifestyle.caffeine_cups_per_day", 1.5))
    assert "1.5 cups" in line, line
    assert "1 cup" in labels.sentence(Answer("lifestyle.caffeine_cups_per_day", 1))
