"""`crampcheck assess` and `crampcheck batch` through the CLI runner."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from click.testing import CliRunner

from crampcheck import assess
from crampcheck.cli import cli
from tests.support.shared import vignettes

LANGUAGE = "CRAMPCHECK_LANGUAGE"
V039 = next(v for v in vignettes() if v["id"] == "V039")
V023 = next(v for v in vignettes() if v["id"] == "V023")


def test_assess_file_text_output(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(V023["input"]))
    result = CliRunner().invoke(cli, ["assess", str(path)])
    assert result.exit_code == 0
    assert "EMERGENCY" in result.output and "Pulmonary embolism" in result.output
    sooner = assess(V023["input"]).summary.get_help_sooner
    assert sooner.split(",")[0] in result.output and "--full" in result.output
    assert "SOURCES" not in result.output  # details only with --full
    full = CliRunner().invoke(cli, ["assess", str(path), "--full"])
    assert "WHEN TO SEEK HELP" in full.output and "SOURCES" in full.output


def test_the_default_text_is_short_and_starts_with_the_summary() -> None:
    # Issue 15: median <= 300 words, none over 450, on the development vignettes.
    counts = []
    for vignette in vignettes():
        result = CliRunner().invoke(cli, ["assess", "-"], input=json.dumps(vignette["input"]))
        answer = json.loads(
            CliRunner()
            .invoke(cli, ["assess", "-", "--format", "json"], input=json.dumps(vignette["input"]))
            .output
        )
        assert answer["summary"]["text"].split()[:3] == result.output.split("\n")[1].split()[:3]
        counts.append(len(result.output.split()))
    assert statistics.median(counts) <= 300 and max(counts) <= 450


def test_assess_stdin_json_output_follows_the_contract() -> None:
    result = CliRunner().invoke(
        cli, ["assess", "-", "--format", "json"], input=json.dumps(V039["input"])
    )
    assert result.exit_code == 0
    answer = json.loads(result.output)
    assert answer["urgency"] == "self_care"
    assert {"id", "urgency", "why"} <= set(answer["concerns"][0])


def test_bad_input_exits_2_naming_the_field_and_allowed_values() -> None:
    bad = {"age": 67, "cramps": {"side": "up"}}
    result = CliRunner().invoke(cli, ["assess", "-"], input=json.dumps(bad))
    assert result.exit_code == 2
    assert "cramps.side: Input should be 'left', 'right', 'both' or 'alternating'" in result.output
    assert "Traceback" not in result.output


def test_bad_input_is_reported_in_the_chosen_language(german_catalog: object) -> None:
    bad = json.dumps({"age": 67, "sex": "f"})
    german = (
        "Fehler: <stdin>: sex: Erlaubt sind 'female', 'male', 'other' oder 'unknown' "
        "(angegeben: 'f')"
    )
    result = CliRunner().invoke(cli, ["assess", "-", "--language", "de"], input=bad)
    assert result.exit_code == 2
    assert german in result.output
    from_settings = CliRunner().invoke(cli, ["assess", "-"], input=bad, env={LANGUAGE: "de"})
    assert german in from_settings.output
    # --language wins over the setting.
    english = CliRunner().invoke(
        cli, ["assess", "-", "--language", "en"], input=bad, env={LANGUAGE: "de"}
    )
    assert (
        "error: <stdin>: sex: Input should be 'female', 'male', 'other' or 'unknown' (got 'f')"
        in (english.output)
    )


def test_empty_non_json_and_huge_input_exit_2() -> None:
    for text in ["", "not json", '{"age": 1, "x": "' + "a" * 1_100_000 + '"}']:
        result = CliRunner().invoke(cli, ["assess", "-"], input=text)
        assert result.exit_code == 2, text[:20]
        assert result.output.startswith("error: ")


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["assess", str(tmp_path / "nope.json")])
    assert result.exit_code == 2


def test_batch_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [
        json.dumps(V039["input"]),
        "{broken",
        json.dumps({"age": 500}),
        json.dumps(V023["input"]),
    ]
    source.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(cli, ["batch", str(source), "-o", str(target)])
    assert result.exit_code == 0
    answers = [json.loads(line) for line in target.read_text().splitlines()]
    assert [a.get("urgency") for a in answers] == ["self_care", None, None, "emergency"]
    assert answers[1]["line"] == 2 and answers[1]["error"]["problems"][0]["path"] == "$"
    assert answers[2]["error"]["problems"][0]["path"] == "age"
    assert "2 assessed, 2 invalid" in result.output


def test_batch_reports_a_line_that_is_not_utf8_and_goes_on(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(b'{"age": 50}\n{"age": "\xff\xfe"}\n{"age": 60}\n')
    result = CliRunner().invoke(cli, ["batch", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [a.get("urgency") for a in answers] == ["self_care", None, "self_care"]
    assert (
        answers[1]["line"] == 2
        and "not valid JSON" in answers[1]["error"]["problems"][0]["message"]
    )


def test_batch_error_objects_stay_english_in_every_language(
    tmp_path: Path, german_catalog: object
) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"age": 67, "sex": "f"}) + "\n" + "{}\n")
    result = CliRunner().invoke(cli, ["batch", str(source), "-o", str(target), "--language", "de"])
    assert result.exit_code == 0, result.output
    errors = [json.loads(line)["error"] for line in target.read_text().splitlines()]
    assert [error["problems"] for error in errors] == [
        [
            {
                "path": "sex",
                "message": "Input should be 'female', 'male', 'other' or 'unknown' (got 'f')",
            }
        ],
        [{"path": "age", "message": "Field required"}],
    ]


def test_batch_with_workers_gives_the_same_bytes(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    documents = [json.dumps(V039["input"]), "{broken", json.dumps(V023["input"])] * 150
    source.write_text("\n".join(documents) + "\n")  # 450 lines: three chunks
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}.jsonl"
        result = CliRunner().invoke(cli, ["batch", str(source), "-o", str(target), "-j", jobs])
        assert result.exit_code == 0, result.output
        assert "300 assessed, 150 invalid" in result.output
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    lines = outputs[1].decode().splitlines()
    assert len(lines) == 450 and json.loads(lines[448])["line"] == 449


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for command in [
        "assess",
        "batch",
        "interview",
        "kb",
        "kb check",
        "meds",
        "meds check",
        "claims",
        "claims search",
    ]:
        result = runner.invoke(cli, [*command.split(), "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, command


def test_kb_check_reports_coverage() -> None:
    result = CliRunner().invoke(cli, ["kb", "check", "--format", "json"])
    assert result.exit_code == 0
    coverage = json.loads(result.output)
    assert coverage["medications"]["drugs"] > 100
    assert set(coverage["brand names by market"]) == {"US", "UK", "DE", "RU", "SE"}
