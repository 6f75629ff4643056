"""`crampcheck diary` through its command-line runner."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from crampcheck.cli import cli
from tests.support.files import EPISODES_HEADER, many_episode_lines, write_lines


def run(url: str, *arguments: str) -> Result:
    return CliRunner().invoke(cli, ["diary", *arguments, "--db", url])


def listed(url: str, *filters: str) -> dict[str, Any]:
    result = run(url, "list", "--format", "json", *filters)
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.output)
    return document


def test_add_with_no_options_logs_a_cramp_now(sqlite_url: str) -> None:
    result = run(sqlite_url, "add")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Logged cramp #1")
    [episode] = listed(sqlite_url)["episodes"]
    assert episode["start"] and episode["muscle"] is None


def test_add_carries_muscle_and_side_forward(sqlite_url: str) -> None:
    first = ["--start", "2026-03-14T22:00", "--tz", "Europe/Berlin", "--muscle", "calf"]
    assert run(sqlite_url, "add", *first, "--side", "left").exit_code == 0
    assert (
        run(sqlite_url, "add", "--start", "2026-03-15T03:00+01:00", "--severity", "4").exit_code
        == 0
    )
    second = listed(sqlite_url)["episodes"][1]
    assert (second["muscle"], second["side"], second["severity"]) == ("calf", "left", 4)


def test_add_ago_and_start_with_zone(sqlite_url: str) -> None:
    result = run(sqlite_url, "add", "--start", "2026-07-01T03:00", "--tz", "America/New_York")
    assert result.exit_code == 0, result.output
    assert "(diary day 2026-06-30)" in result.output
    assert run(sqlite_url, "add", "--ago", "1h30m").exit_code == 0
    starts = [episode["start"] for episode in listed(sqlite_url)["episodes"]]
    assert starts[0] == "2026-07-01T03:00:00-04:00"
    assert len(starts) == 2


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--severity", "11"], "must be a whole number from 0 to 10"),
        (["--muscle", "knee"], "'calf', 'foot', 'thigh', 'hamstring', 'other'"),
        (["--ago", "yesterday"], "use e.g. 2h, 45m, 1h30m or 1d"),
        (["--start", "soon"], "not an ISO 8601 date-time"),
        (["--tz", "Mars/Olympus"], "unknown time zone"),
        (["--start", "2026-01-01T00:00", "--ago", "2h"], "either --start or --ago"),
    ],
)
def test_bad_input_exits_2_with_what_is_allowed(
    sqlite_url: str, arguments: list[str], expected: str
) -> None:
    result = run(sqlite_url, "add", *arguments)
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output


def test_the_same_start_twice_is_refused(sqlite_url: str) -> None:
    arguments = ("add", "--start", "2026-03-15T03:00+01:00")
    assert run(sqlite_url, *arguments).exit_code == 0
    result = run(sqlite_url, *arguments)
    assert result.exit_code == 2
    assert "already in the diary (id 1)" in result.output


def test_checkin_creates_then_updates_the_day(sqlite_url: str) -> None:
    first = ["--date", "2026-03-14", "--fluid-litres", "2", "--stretched", "--factor", "steps=800"]
    assert run(sqlite_url, "checkin", *first).exit_code == 0
    second = [
        "--date",
        "2026-03-14",
        "--sleep-hours",
        "7",
        "--factor",
        "steps=",
        "--factor",
        "mg=true",
    ]
    assert run(sqlite_url, "checkin", *second).exit_code == 0
    [checkin] = listed(sqlite_url)["checkins"]
    assert checkin == {
        "date": "2026-03-14",
        "fluid_litres": 2.0,
        "sleep_hours": 7.0,
        "stretched_before_bed": True,
        "factors": {"mg": True},
    }


def test_checkin_rejects_bad_factors(sqlite_url: str) -> None:
    result = run(sqlite_url, "checkin", "--factor", "steps=lots", "--factor", "sleep_hours=1")
    assert result.exit_code == 2
    assert "--factor: must be true, false or a number, got 'lots'" in result.output
    assert "a custom factor needs a name other than" in result.output


def test_list_filters_by_diary_day(sqlite_url: str) -> None:
    for start in ("2026-03-14T12:00+00:00", "2026-03-15T03:00+00:00", "2026-03-15T07:00+00:00"):
        assert run(sqlite_url, "add", "--start", start).exit_code == 0
    episodes = listed(sqlite_url, "--from", "2026-03-14", "--to", "2026-03-14")["episodes"]
    assert [episode["start"][11:16] for episode in episodes] == ["12:00", "03:00"]
    text = run(sqlite_url, "list").output
    assert "Cramps (3)" in text and "#3" in text


def test_edit_and_delete(sqlite_url: str) -> None:
    assert (
        run(sqlite_url, "add", "--start", "2026-03-15T03:00+01:00", "--notes", "x").exit_code == 0
    )
    result = run(sqlite_url, "edit", "1", "--severity", "9", "--clear", "notes")
    assert result.exit_code == 0, result.output
    [episode] = listed(sqlite_url)["episodes"]
    assert (episode["severity"], episode["notes"]) == (9, None)
    assert run(sqlite_url, "edit", "7", "--severity", "1").exit_code == 2
    assert run(sqlite_url, "delete", "1").exit_code == 0
    assert listed(sqlite_url)["episodes"] == []
    assert "no cramp with id 1" in run(sqlite_url, "delete", "1").output


def test_delete_all_erases_everything(sqlite_url: str, tmp_path: Path) -> None:
    run(sqlite_url, "add")
    run(sqlite_url, "checkin", "--fluid-litres", "1")
    run(sqlite_url, "meds", "start", "Quinine")
    assert run(sqlite_url, "delete", "--all").exit_code == 1  # confirmation refused (no input)
    assert len(listed(sqlite_url)["episodes"]) == 1
    result = run(sqlite_url, "delete", "--all", "--yes")
    assert result.exit_code == 0, result.output
    assert listed(sqlite_url) == {"episodes": [], "checkins": []}
    exported = tmp_path / "all.json"
    assert run(sqlite_url, "export", "--json", str(exported)).exit_code == 0
    document = json.loads(exported.read_text())
    assert (document["medications"], document["experiments"]) == ([], [])


def test_meds_start_stop_list(sqlite_url: str) -> None:
    assert run(sqlite_url, "meds", "start", "Amlodipine", "--date", "2026-01-01").exit_code == 0
    assert run(sqlite_url, "meds", "stop", "Amlodipine", "--date", "2026-02-01").exit_code == 0
    assert run(sqlite_url, "meds", "stop", "Amlodipine").exit_code == 2
    result = run(sqlite_url, "meds", "list", "--format", "json")
    assert json.loads(result.output) == [
        {"name": "Amlodipine", "started": "2026-01-01", "stopped": "2026-02-01"}
    ]


def test_import_reports_bad_rows_and_exits_2(sqlite_url: str, tmp_path: Path) -> None:
    episodes = write_lines(
        tmp_path / "e.csv", [EPISODES_HEADER, "2026-03-15T03:00,,,,,,,", "2026-03-16,,,,12,,,"]
    )
    result = run(sqlite_url, "import", "--episodes", str(episodes), "--tz", "Europe/Berlin")
    assert result.exit_code == 2
    assert "e.csv line 3, column severity: must be a whole number from 0 to 10" in result.output
    assert listed(sqlite_url)["episodes"] == []
    skipping = ("import", "--episodes", str(episodes), "--skip-bad-rows")
    result = run(sqlite_url, *skipping)
    assert result.exit_code == 0
    assert "Imported 1 cramp (0 were already in the diary) and 0 check-ins; skipped 1 bad row." in (
        result.output
    )


def test_import_speaks_the_chosen_language(
    sqlite_url: str, tmp_path: Path, german_catalog: object
) -> None:
    episodes = write_lines(
        tmp_path / "e.csv", [EPISODES_HEADER, "2026-03-15T03:00,,,,,,,", "2026-03-16,,,,12,,,"]
    )
    german = {"CRAMPCHECK_LANGUAGE": "de"}
    importing = ["diary", "import", "--episodes", str(episodes), "--db", sqlite_url]
    cell = "e.csv Zeile 3, Spalte severity: muss eine ganze Zahl von 0 bis 10 sein, angegeben: '12'"
    result = CliRunner().invoke(cli, importing, env=german)
    assert result.exit_code == 2
    assert f"Fehler: {cell}" in result.output
    result = CliRunner().invoke(cli, [*importing, "--skip-bad-rows"], env=german)
    assert result.exit_code == 0, result.output
    assert f"Übersprungen: {cell}" in result.output
    summary = "Importiert: 1 Krampf (0 waren schon im Tagebuch) und 0 Check-ins; übersprungen: "
    assert summary + "1 fehlerhafte Zeile." in result.output


def test_import_needs_a_file_and_a_readable_one(sqlite_url: str, tmp_path: Path) -> None:
    assert "give --episodes FILE" in run(sqlite_url, "import").output
    result = run(sqlite_url, "import", "--episodes", str(tmp_path / "missing.csv"))
    assert result.exit_code == 2
    assert "cannot read the file" in result.output


def test_large_import_shows_progress_and_export_round_trips(
    sqlite_url: str, tmp_path: Path
) -> None:
    source = write_lines(tmp_path / "e.csv", many_episode_lines(6000))
    result = run(sqlite_url, "import", "--episodes", str(source))
    assert result.exit_code == 0, result.output
    assert "Importing" in result.stderr
    exported = tmp_path / "out.csv"
    assert run(sqlite_url, "export", "--episodes", str(exported)).exit_code == 0
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert "Imported 6000 cramps" in run(other, "import", "--episodes", str(exported)).output
    assert listed(other) == listed(sqlite_url)


def import_march(url: str, folder: Path) -> None:
    """28 check-ins (stretching every other day) and 14 cramps, on the days without it."""
    checkins = ["date,stretched_before_bed"] + [
        f"2026-03-{day:02d},{'true' if day % 2 else 'false'}" for day in range(1, 29)
    ]
    episodes = [EPISODES_HEADER] + [f"2026-03-{day:02d}T23:00,,,,,,," for day in range(2, 29, 2)]
    arguments = ["--episodes", str(write_lines(folder / "e.csv", episodes))]
    arguments += ["--checkins", str(write_lines(folder / "c.csv", checkins)), "--tz", "UTC"]
    assert run(url, "import", *arguments).exit_code == 0


def test_analyze_answers_the_spec(sqlite_url: str, tmp_path: Path) -> None:
    import_march(sqlite_url, tmp_path)
    result = run(sqlite_url, "analyze", "--format", "json", "--from", "2026-03-01")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert (document["days"], document["episodes"]) == (28, 14)
    assert {"rate_per_week", "factors"} <= set(document)


def test_analyze_reads_as_text_by_default(sqlite_url: str, tmp_path: Path) -> None:
    import_march(sqlite_url, tmp_path)
    result = run(sqlite_url, "analyze", "--from", "2026-03-01")
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith("DIARY ANALYSIS\nDiary days Mar 1, 2026 to Mar 28, 2026")  # Babel
    assert "Over 28 diary days with a check-in you recorded 14 cramps" in text
    assert "FACTORS: rate ratio (95% interval)" in text and "HOW THIS WAS CALCULATED" in text
    assert "{" not in text  # no JSON fragments in the human output
    factor = re.search(
        r"^  days \S+ was .*?(\d\.\d\d  \(\d\.\d\d–\d\.\d\d\)|not enough data)", text, re.M | re.S
    )
    assert factor, text


def test_analyze_refuses_a_period_that_ends_before_it_starts(sqlite_url: str) -> None:
    result = run(sqlite_url, "analyze", "--from", "2026-03-10", "--to", "2026-03-01")
    assert result.exit_code == 2
    assert "--from: 2026-03-10 is after --to 2026-03-01" in result.output


def test_analyze_speaks_the_chosen_language(
    sqlite_url: str, tmp_path: Path, german_catalog: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_march(sqlite_url, tmp_path)
    english = json.loads(run(sqlite_url, "analyze", "--format", "json").output)
    german = json.loads(run(sqlite_url, "analyze", "--format", "json", "--language", "de").output)
    overview = "In 28 Tagebuchtagen mit Check-in hast du 14 Krämpfe notiert (3,5 pro Woche)."
    assert german["summary"][0] == overview
    assert english["summary"][0].startswith("Over 28 diary days")
    # The same fields and numbers in every language.
    assert german.keys() == english.keys()
    assert german["factors"][0].keys() == english["factors"][0].keys()
    assert german["rate_per_week"] == english["rate_per_week"]
    # Without --language, CRAMPCHECK_LANGUAGE decides.
    monkeypatch.setenv("CRAMPCHECK_LANGUAGE", "de")
    text = run(sqlite_url, "analyze").output
    assert overview in text


def test_the_database_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    result = CliRunner().invoke(cli, ["diary", "add", "--muscle", "foot"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.db").exists()


def test_the_commands_work_on_both_databases(db_url: str) -> None:
    assert (
        run(db_url, "add", "--start", "2026-03-15T03:00+01:00", "--muscle", "calf").exit_code == 0
    )
    assert run(db_url, "checkin", "--date", "2026-03-14", "--factor", "mg=true").exit_code == 0
    document = listed(db_url, "--from", "2026-03-14", "--to", "2026-03-14")
    assert [episode["muscle"] for episode in document["episodes"]] == ["calf"]
    assert document["checkins"][0]["factors"] == {"mg": True}
    assert run(db_url, "delete", "--all", "--yes").exit_code == 0


def test_an_unreachable_database_exits_1_without_a_traceback(tmp_path: Path) -> None:
    result = run(f"postgresql://nobody@/nodb?host={tmp_path}&port=1", "list")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot prepare the database")
