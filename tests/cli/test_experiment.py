"""`crampcheck experiment` through its command-line runner."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner, Result

from crampcheck.cli import cli

PLAN = [
    "plan", "--name", "stretching", "--a", "stretch before bed", "--b", "no stretching",
    "--period-days", "3", "--blocks", "2", "--washout-days", "1", "--start", "2026-01-05",
    "--seed", "7",
]  # fmt: skip


def run(url: str, *arguments: str) -> Result:
    return CliRunner().invoke(cli, ["experiment", *arguments, "--db", url])


def planned(url: str) -> dict[str, Any]:
    result = run(url, *PLAN, "--format", "json")
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.output)
    return document


def test_plan_answers_the_spec_shape(sqlite_url: str) -> None:
    document = planned(sqlite_url)
    schedule = document["schedule"]
    assert isinstance(document["id"], str) and document["id"]
    assert len(schedule) == 2 * 2 * 3 + 3 * 1
    assert schedule[0]["date"] == "2026-01-05" and schedule[-1]["date"] == "2026-01-19"
    assert {entry["option"] for entry in schedule} == {"a", "b", "washout"}
    assert [entry["option"] for entry in schedule].count("a") == 6
    assert (document["seed"], document["a"], document["b"]) == (
        7,
        "stretch before bed",
        "no stretching",
    )


def test_plan_is_saved_and_reproducible(sqlite_url: str) -> None:
    first, second = planned(sqlite_url), planned(sqlite_url)
    assert first["schedule"] == second["schedule"] and first["id"] != second["id"]
    listing = json.loads(run(sqlite_url, "list", "--format", "json").output)
    assert {document["id"] for document in listing} == {first["id"], second["id"]}


def test_show_gives_todays_instruction(sqlite_url: str) -> None:
    document = planned(sqlite_url)
    first = document["schedule"][0]
    result = run(sqlite_url, "show", document["id"], "--date", first["date"])
    assert result.exit_code == 0, result.output
    text = "A (stretch before bed)" if first["option"] == "a" else "B (no stretching)"
    assert f"today: do {text}" in result.output
    washout = run(sqlite_url, "show", document["id"], "--date", "2026-01-08")
    assert "today: wash-out day" in washout.output
    outside = run(sqlite_url, "show", document["id"], "--date", "2027-01-01")
    assert "no instruction (the experiment runs 2026-01-05 to 2026-01-19)" in outside.output


def test_bad_plans_and_unknown_ids_exit_2(sqlite_url: str) -> None:
    result = run(sqlite_url, *PLAN[:-2], "--blocks", "0")
    assert result.exit_code == 2
    assert "blocks: must be a whole number ≥ 1, got 0" in result.output
    assert run(sqlite_url, "show", "nope").exit_code == 2
    assert run(sqlite_url, "analyze", "nope").exit_code in (1, 2)


def followed(url: str) -> str:
    """A planned experiment with a check-in every day and a cramp on each B day; its id."""
    document = planned(url)
    diary = CliRunner()
    for entry in document["schedule"]:
        day = entry["date"]
        diary.invoke(cli, ["diary", "checkin", "--date", day, "--sleep-hours", "7", "--db", url])
        if entry["option"] == "b":
            start = f"{day}T23:00+00:00"
            diary.invoke(cli, ["diary", "add", "--start", start, "--db", url])
    experiment_id: str = document["id"]
    return experiment_id


def test_analyze_answers_the_spec(sqlite_url: str) -> None:
    result = run(sqlite_url, "analyze", followed(sqlite_url), "--format", "json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert {"rate_ratio", "ci_low", "ci_high", "probability_a_better"} <= set(answer)
    assert answer["probability_a_better"] > 0.5


def test_analyze_reads_as_text_by_default(sqlite_url: str) -> None:
    result = run(sqlite_url, "analyze", followed(sqlite_url))
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith("EXPERIMENT RESULT\n\nCompared with no stretching, stretch before bed")
    assert "Option A (stretch before bed), days with a check-in" in text
    assert "Probability that A has the lower cramp rate" in text and "Prior: " in text
    assert "{" not in text


def test_analyze_speaks_the_chosen_language(sqlite_url: str, german_catalog: object) -> None:
    experiment_id = followed(sqlite_url)
    english = json.loads(run(sqlite_url, "analyze", experiment_id, "--format", "json").output)
    result = run(sqlite_url, "analyze", experiment_id, "--format", "json", "--language", "de")
    german = json.loads(result.output)
    assert german["verdict"].startswith(
        "Verglichen mit no stretching hilft stretch before bed wahrscheinlich"
    )
    assert german["verdict"].endswith("sagt nichts darüber, wie es bei anderen wirkt.")
    assert german.keys() == english.keys()
    assert german["rate_ratio"] == english["rate_ratio"]
