"""`crampcheck meds check` through click's test runner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from crampcheck.cli import cli


def test_text_output_has_one_line_per_name() -> None:
    result = CliRunner().invoke(cli, ["meds", "check", "Lipitor 20mg", "xyzzyplex"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 2
    assert "atorvastatin" in lines[0] and "moderate" in lines[0]
    assert "unknown" in lines[1] and "pharmacist" in lines[1]


def test_text_output_shows_suggestions_for_near_misses() -> None:
    result = CliRunner().invoke(cli, ["meds", "check", "hydroxyzine"])
    assert result.exit_code == 0
    assert "did you mean" in result.output


def test_json_output_lists_matches() -> None:
    result = CliRunner().invoke(cli, ["meds", "check", "--format", "json", "Evista", "HRT"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [item["input"] for item in data] == ["Evista", "HRT"]
    assert data[0]["generic"] == "raloxifene"
    assert data[0]["drug_class"] == "serm"
    assert data[0]["cramp_association"] == "strong"
    assert data[1]["generic"] is None and data[1]["status"] == "class_only"


def test_empty_name_is_a_usage_error_naming_the_argument() -> None:
    result = CliRunner().invoke(cli, ["meds", "check", "Lasix", "  "])
    assert result.exit_code == 2
    assert "NAME" in result.output
    assert "empty" in result.output


def test_no_name_is_a_usage_error() -> None:
    assert CliRunner().invoke(cli, ["meds", "check"]).exit_code == 2
