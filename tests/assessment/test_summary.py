"""The summary (contract: `summary.text`): at most 120 words, urgency first, what to do now,
only advice the result offers, no field names or citations."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from crampcheck import assess
from crampcheck.knowledge.loading import load_knowledge_base
from tests.assessment.strategies import valid_inputs
from tests.support.shared import vignettes

CLINICAL = Path(__file__).parent / "data" / "clinical-vignettes.json"
ALL = [*vignettes(), *json.loads(CLINICAL.read_text(encoding="utf-8"))]
FIELD_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b|\[[A-Z][A-Za-z0-9-]+\]")


def _check(document: dict[str, Any]) -> None:
    result = assess(document)
    summary = result.summary
    text = summary.text
    assert len(text.split()) <= 120
    label = next(t.label for t in load_knowledge_base().texts.urgency if t.id == result.urgency)
    # The urgency in a word, then what to do: said once (the title would repeat the action).
    assert text.startswith(f"{label}: {result.urgency_action}")
    assert text.count(result.urgency_action) == 1 and result.urgency_title not in text
    assert summary.get_help_sooner in text
    assert not FIELD_NAME.search(text), FIELD_NAME.search(text)
    offered = {item.title for items in (result.first_aid, result.prevention_plan) for item in items}
    assert set(summary.do) <= offered
    assert set(summary.do_not) <= {item.title for item in result.do_not}
    assert len(summary.do) <= 3 and len(summary.do_not) <= 3
    assert len(summary.concerns) <= 2


@settings(max_examples=200, deadline=None)
@given(valid_inputs())
def test_the_summary_holds_on_generated_people(document: dict[str, Any]) -> None:
    _check(document)


@pytest.mark.parametrize("vignette", ALL, ids=lambda v: v["id"])
def test_the_summary_holds_in_the_vignettes(vignette: dict[str, Any]) -> None:
    _check(vignette["input"])


def test_an_emergency_summary_offers_only_first_aid() -> None:
    result = assess({"age": 58, "symptoms": ["calf_swelling_one_side", "shortness_of_breath"]})
    assert result.urgency == "emergency"
    assert set(result.summary.do) <= {item.title for item in result.first_aid}
