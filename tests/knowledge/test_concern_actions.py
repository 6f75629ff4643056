"""Issue #15, item 2: a concern's action text matches the urgency it was raised at, one text
per level, so an emergency banner never sits above "book an appointment" and a consult-level
concern never says "see a doctor today"."""

from __future__ import annotations

import re

import pytest
import yaml
from pydantic import ValidationError

from crampcheck.contract.vocabulary import Urgency
from crampcheck.knowledge.base import default_data_dir
from crampcheck.knowledge.concerns import ConcernsFile
from crampcheck.knowledge.loading import load_knowledge_base

KNOWLEDGE = load_knowledge_base()

# What each level's text must say, and what it must not (English source texts).
_SAYS: dict[str, re.Pattern[str]] = {
    "emergency": re.compile(r"emergency|ambulance", re.I),
    "urgent": re.compile(r"\btoday\b", re.I),
    "consult": re.compile(r"book an appointment|see your doctor|medication review", re.I),
}
_NEVER: dict[str, re.Pattern[str]] = {
    "urgent": re.compile(r"call emergency services now(?! if)|book an appointment", re.I),
    "consult": re.compile(r"\bnow\b|emergency", re.I),
    "self_care": re.compile(r"\btoday\b|emergency|\bnow\b", re.I),
}
_LEVELS = [(c.id, level, text) for c in KNOWLEDGE.concerns for level, text in c.actions.items()]


@pytest.mark.parametrize(("concern", "level", "text"), _LEVELS, ids=lambda v: str(v)[:24])
def test_each_level_s_action_says_what_that_level_means(
    concern: str, level: Urgency, text: str
) -> None:
    if level in _SAYS:
        assert _SAYS[level].search(text), (concern, level, text)
    if level in _NEVER:
        # The first sentence is the action; a later one may be a safety net ("Get seen today
        # if the calf swells").
        action = text.split(". ")[0]
        assert not _NEVER[level].search(action), (concern, level, text)


def test_every_level_a_rule_raises_has_its_text_and_no_other() -> None:
    for concern in KNOWLEDGE.concerns:
        assert set(concern.actions) == {rule.urgency for rule in concern.rules}, concern.id


def _concerns_yaml() -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load((default_data_dir() / "concerns.yaml").read_text())
    return data


def test_a_level_without_its_text_is_refused_at_load() -> None:
    data = _concerns_yaml()
    concerns = data["concerns"]
    assert isinstance(concerns, list)
    stroke = next(c for c in concerns if c["id"] == "stroke_or_tia")
    del stroke["actions"]["urgent"]
    with pytest.raises(ValidationError, match="actions: no text for urgent"):
        ConcernsFile.model_validate(data)


def test_a_text_for_a_level_no_rule_raises_is_refused_at_load() -> None:
    data = _concerns_yaml()
    concerns = data["concerns"]
    assert isinstance(concerns, list)
    dvt = next(c for c in concerns if c["id"] == "dvt")
    dvt["actions"]["self_care"] = "Rest."
    with pytest.raises(ValidationError, match="self_care is not a level"):
        ConcernsFile.model_validate(data)
