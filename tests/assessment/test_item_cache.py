"""The engine's caches: bounded, and a kept item is the item the engine would make anew."""

from __future__ import annotations

import pytest

from crampcheck import assess
from crampcheck.assessment import wording
from crampcheck.assessment.evidence import Answer
from crampcheck.assessment.result import AnswerRef
from crampcheck.assessment.wording import ItemCache
from crampcheck.knowledge.help_numbers import help_numbers


def _words() -> wording.SharedWords:
    from crampcheck.i18n import load_translator
    from crampcheck.knowledge.loading import load_knowledge_base

    return wording.SharedWords(load_knowledge_base(), load_translator("en"))


def test_answers_are_worded_once_and_kept() -> None:
    words = _words()
    answers = (Answer("symptoms", "fever"), Answer("age", 67.0))
    worded = words.why(answers, {})
    assert worded.evidence == (AnswerRef("symptoms", "fever"), AnswerRef("age", 67.0))
    assert worded.why == ("You said: Fever or shivers", "You are 67 years old")
    assert words.why(answers, {}) is worded


def test_a_kept_advice_item_carries_the_answers_it_was_asked_with() -> None:
    from crampcheck.assessment.rulebook import rulebook_for
    from crampcheck.knowledge.loading import load_knowledge_base

    words = _words()
    numbers = help_numbers("GB", "en")
    number, advice = next(enumerate(rulebook_for(load_knowledge_base()).advice))
    calf = words.why((Answer("cramps.muscles", "calf"),), {})
    foot = words.why((Answer("cramps.muscles", "foot"),), {})
    first = words.advice_item(number, advice.item, False, calf, numbers)
    second = words.advice_item(number, advice.item, False, foot, numbers)
    assert first.id == second.id == advice.item.id
    assert (first.evidence, second.evidence) == (calf.evidence, foot.evidence)
    assert words.advice_item(number, advice.item, False, calf, numbers) is first
    withheld = words.advice_item(number, advice.item, True, calf, numbers)
    assert withheld.title.startswith("Not now") and withheld.grade == "X"


def test_a_kept_item_names_the_help_numbers_of_each_persons_country() -> None:
    """Items that name help numbers are kept per country: the second country's reader never
    gets the first one's numbers from the cache."""
    emergency = {"age": 60, "symptoms": ["chest_pain"]}
    texts = {}
    for country in ("SE", "GB", "AU", "SE"):
        result = assess({**emergency, "country": country})
        texts[country] = " ".join(item.text for item in result.first_aid)
        assert result.urgency_action.startswith(f"Call {result.help_numbers.emergency} ")
    assert "Call 112 " in texts["SE"] and "999" not in texts["SE"]
    assert "Call 999 " in texts["GB"] and "112" not in texts["GB"]
    assert "Call 000 " in texts["AU"]


def test_a_full_cache_starts_again_instead_of_growing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wording, "MAX_CACHED_ITEMS", 3)
    cache: ItemCache[dict[str, int]] = ItemCache()
    for number in range(3):
        cache.keep(number, {"n": number})
    assert len(cache) == 3
    cache.keep(3, {"n": 3})
    assert list(cache) == [3]
