"""Issue #17: a German, Russian or Swedish reader gets no English in the answer to any
development or clinical vignette: every string of the result and of the full text output
(sources aside: a paper's title stays in its language) is checked for English function
words."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crampcheck.assessment.engine import assess
from crampcheck.render.text import render_text
from tests.support.catalogs import with_unfinished_marked
from tests.support.shared import vignettes

# Words that are English and no word of German, Russian or Swedish; two in one line is
# English text, not a name.
_ENGLISH = re.compile(
    r"\b(the|and|your|you|with|of|to|or|not|is|are|this|that|if|when|may|can|should)\b"
)
# Not read by a person as prose, or the person's own words.
_SKIPPED_KEYS = {"evidence", "rules", "sources", "citations", "id", "concern", "rule", "field"}
_CLINICAL = Path(__file__).parents[1] / "assessment" / "data" / "clinical-vignettes.json"


def _inputs() -> list[dict[str, Any]]:
    clinical = json.loads(_CLINICAL.read_text())
    cases = clinical if isinstance(clinical, list) else clinical["vignettes"]
    return [case["input"] for case in [*vignettes(), *cases]]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _SKIPPED_KEYS:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _english_lines(texts: Iterator[str], own_words: set[str]) -> list[str]:
    found = []
    for text in texts:
        for word in own_words:  # medicine names as the person wrote them
            text = text.replace(word, "")
        if len(set(_ENGLISH.findall(text))) >= 2:
            found.append(text)
    return found


def _own_words(document: dict[str, Any]) -> set[str]:
    fields = ("medications", "medications_started_recently", "medications_stopped_recently")
    return {name for field in fields for name in document.get(field, [])}


@pytest.mark.parametrize("language", with_unfinished_marked(["de", "ru", "sv"]))
def test_no_english_in_any_vignette_s_answer(language: str) -> None:
    english: dict[str, int] = {}
    for document in _inputs():
        result = assess(document, language=language)
        texts = [*_strings(result.to_dict())]
        texts += render_text(result, full=True, show_sources=False).split("\n")
        texts += render_text(result).split("\n")
        for line in _english_lines(iter(texts), _own_words(document)):
            english[line] = english.get(line, 0) + 1
    assert english == {}, sorted(english, key=english.__getitem__, reverse=True)[:10]
