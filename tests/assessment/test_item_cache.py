"""The engine's caches and templates: bounded, and an item's JSON is the JSON of the item."""

from __future__ import annotations

import orjson
import pytest

from crampcheck.assessment import wording
from crampcheck.assessment.evidence import Answer
from crampcheck.assessment.wording import (
    EVIDENCE,
    WHY,
    ItemCache,
    add_item,
    begin_list,
    end_list,
    template,
)


def test_items_written_into_a_list_are_the_json_of_the_list() -> None:
    item = {"id": "stretch_calf", "why": WHY, "title": "Stretch", "evidence": EVIDENCE, "n": 1}
    why = ["cramps.muscles: calf — Calf", 'a "quoted" line']
    evidence = [{"field": "cramps.muscles", "value": "calf"}]
    out: list[bytes] = []
    start = begin_list(out)
    for _ in range(2):
        add_item(out, template(item), (orjson.dumps(why), orjson.dumps(evidence)))
    end_list(out, start)
    whole = {**item, "why": why, "evidence": evidence}
    assert b"".join(out) == orjson.dumps([whole, whole])


def test_an_empty_list_is_written_as_one() -> None:
    out = [b'{"a":']
    end_list(out, begin_list(out))
    out.append(b"}")
    assert orjson.loads(b"".join(out)) == {"a": []}


def test_answers_are_worded_once_and_kept() -> None:
    from crampcheck.i18n import load_translator
    from crampcheck.knowledge.loading import load_knowledge_base

    words = wording.SharedWords(load_knowledge_base(), load_translator("en"))
    answers = (Answer("symptoms", "fever"), Answer("age", 67.0))
    why, evidence = words.why(answers, {})
    assert orjson.loads(evidence) == [
        {"field": "symptoms", "value": "fever"},
        {"field": "age", "value": 67.0},
    ]
    assert orjson.loads(why) == ["You said: Fever or shivers", "You are 67 years old"]
    assert words.why(answers, {}) is words.whys[answers]


def test_a_full_cache_starts_again_instead_of_growing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wording, "MAX_CACHED_ITEMS", 3)
    cache: ItemCache[dict[str, int]] = ItemCache()
    for number in range(3):
        cache.keep(number, {"n": number})
    assert len(cache) == 3
    cache.keep(3, {"n": 3})
    assert list(cache) == [3]
