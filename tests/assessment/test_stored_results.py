"""Stored results open again: a kept result (web `/results/{token}`, the report's latest
assessment) is JSON in the database, and `load_assessment` reads it back as the result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from crampcheck import assess
from crampcheck.assessment.result import AdviceItem, Assessment, load_assessment

# A `result_json` exactly as the web app stored it before results were dataclasses (written
# by `Assessment.model_dump(mode="json")` of the pydantic model, commit ad47950).
BEFORE = Path(__file__).parent / "data" / "kept-result-before-dataclasses.json"


def test_a_row_written_before_results_were_dataclasses_still_opens() -> None:
    row = json.loads(BEFORE.read_text(encoding="utf-8"))
    result = load_assessment(row)
    assert isinstance(result, Assessment)
    assert result.urgency == row["urgency"] == "urgent"
    assert [c.id for c in result.concerns] == [c["id"] for c in row["concerns"]]
    assert isinstance(result.first_aid[0], AdviceItem)
    assert result.concerns[0].evidence[0].field == row["concerns"][0]["evidence"][0]["field"]
    # Nothing lost or added on the way; `not_asked` was then one entry per leaf and rule.
    old_unasked = row.pop("not_asked")
    # help_numbers came later: an old row has none
    old_fields = {
        k: v for k, v in result.to_dict().items() if k not in ("not_asked", "help_numbers")
    }
    assert old_fields == row and result.help_numbers is None
    assert len(result.not_asked) == len(old_unasked)
    first, old = result.not_asked[0], old_unasked[0]
    assert (first.question, first.concerns, first.rules, first.text) == (
        old["answers"][0]["question"],
        (old["concern"],),
        (old["rule"],),
        old["text"],
    )


def test_a_result_kept_now_opens_as_the_same_result() -> None:
    result = assess({"age": 70, "cramps": {"when": ["night"]}, "medications": ["Furix 40"]})
    stored = json.loads(json.dumps(result.to_dict()))  # as a JSON column gives it back
    assert load_assessment(stored) == result
    assert load_assessment(result.to_json_bytes()) == result


def test_something_that_is_not_a_result_is_refused() -> None:
    row = json.loads(BEFORE.read_text(encoding="utf-8"))
    del row["concerns"]
    with pytest.raises(ValidationError):
        load_assessment(row)
