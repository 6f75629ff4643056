"""The engine's caches: bounded, and a kept item is the item the engine would make anew."""

from __future__ import annotations

import pytest

from crampcheck.assessment import wording
from crampcheck.assessment.evidence import Answer
from crampcheck.assessment.result import AnswerRef
from crampcheck.assessment.wording import ItemCache


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
    number, advice = next(enumerate(rulebook_for(load_knowledge_base()).advice))
    calf = words.why((Answer("cramps.muscles", "calf"),), {})
    foot = words.why((Answer("cramps.muscles", "foot"),), {})
    first = words.advice_item(number, advice.item, False, calf)
    second = words.advice_item(number, advice.item, False, foot)
    assert first.id == second.id == advice.item.id
    assert (first.evidence, second.evidence) == (calf.evidence, foot.evidence)
    assert words.advice_item(number, advice.item, False, calf) is first
    withheld = words.advice_item(number, advice.item, True, calf)
    assert withheld.title.startswith("Not now") and withheld.grade == "X"


def test_a_full_cache_starts_again_instead_of_growing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wording, "MAX_CACHED_ITEMS", 3)
    cache: ItemCache[dict[str, int]] = ItemCache()
    for number in range(3):
        cache.keep(number, {"n": number})
    assert len(cache) == 3
    cache.keep(3, {"n": 3})
    assert list(cache) == [3]
