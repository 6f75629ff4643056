"""The result names the person's own help numbers (issue #17 item 4): the input's `country`,
else the reader's setting, else the language's country; never a placeholder, never a list
of other countries' numbers."""

from __future__ import annotations

import re
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from crampcheck.assessment.engine import assess
from crampcheck.cli import cli
from tests.assessment.strategies import valid_inputs
from tests.support.shared import vignettes

CLOT = {"age": 60, "symptoms": ["calf_swelling_one_side", "shortness_of_breath"]}
ONE_SWOLLEN_CALF = {"age": 60, "symptoms": ["calf_swelling_one_side"]}
PLACEHOLDER = re.compile(r"\{(emergency|advice_line)\}")


def _texts(document: dict[str, Any], **options: Any) -> str:
    return assess(document, **options).to_json()


def test_an_emergency_names_the_countrys_number_in_the_action_summary_and_first_aid() -> None:
    result = assess({**CLOT, "country": "us"})
    assert result.urgency == "emergency"
    assert result.urgency_action.startswith("Call 911 ")
    assert "Call 911 " in result.summary.text
    assert any(item.text.startswith("Call 911 ") for item in result.first_aid)
    assert result.help_numbers is not None and result.help_numbers.emergency == "911"
    assert not re.search(r"\b(999|112)\b", result.to_json())  # not everyone's numbers


def test_urgent_offers_the_countrys_advice_line_where_there_is_one() -> None:
    assert "Call NHS 111" in assess({**ONE_SWOLLEN_CALF, "country": "GB"}).urgency_action
    assert "1177" in assess(ONE_SWOLLEN_CALF, language="sv").urgency_action  # sv → SE
    assert "116117" in assess(ONE_SWOLLEN_CALF, country="DE").urgency_action
    english = assess(ONE_SWOLLEN_CALF)  # English, no country: no advice line to name
    assert "Not sure" not in english.urgency_action and "NHS 111" not in english.to_json()


def test_the_inputs_country_wins_over_the_readers_setting() -> None:
    result = assess({**CLOT, "country": "SE"}, country="GB", language="de")
    assert result.help_numbers is not None and result.help_numbers.country == "SE"
    assert "112" in result.urgency_action and "999" not in result.urgency_action


def test_without_any_country_112_comes_with_the_local_number_hint() -> None:
    assert "112 (or your local emergency number)" in assess(CLOT).urgency_action


@pytest.mark.parametrize("language", ["en", "de", "ru", "sv"])
def test_no_vignette_answer_holds_a_placeholder(language: str) -> None:
    for vignette in vignettes():
        assert not PLACEHOLDER.search(_texts(vignette["input"], language=language))


@settings(max_examples=100, deadline=None)
@given(valid_inputs())
def test_no_generated_answer_holds_a_placeholder(document: dict[str, Any]) -> None:
    assert not PLACEHOLDER.search(_texts(document, country="GB"))


def test_the_command_line_takes_the_country(tmp_path: Any) -> None:
    path = tmp_path / "clot.json"
    path.write_text('{"age": 60, "symptoms": ["calf_swelling_one_side", "shortness_of_breath"]}')
    result = CliRunner().invoke(cli, ["assess", str(path), "--country", "US"])
    assert result.exit_code == 0, result.output
    assert "Call 911 " in result.output
