"""`crampcheck claims` through click's runner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from crampcheck.cli import cli


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["claims", *args])
    return result.exit_code, result.output


def test_search_text_shows_verdict_explanation_safer_advice_and_sources() -> None:
    code, output = run("search", "does", "a", "needle", "prick", "stop", "a", "cramp?")
    assert code == 0
    first = output.split("\n\n")[0]
    assert first.splitlines()[0].startswith(("C094  UNSAFE", "C240  UNSAFE"))
    assert "Why:" in first
    assert "Instead: Never puncture the skin" in first
    assert "Sources:" in first


def test_search_json_is_a_list_of_claims_with_scores() -> None:
    code, output = run("search", "magnesium", "--format", "json", "--limit", "3")
    assert code == 0
    items = json.loads(output)
    assert len(items) == 3
    for item in items:
        assert {"id", "claim", "verdict", "sources", "explanation", "safer_advice", "score"} <= set(
            item
        )
        assert "magnesium" in (item["claim"] + item["explanation"]).lower()


def test_search_without_matches_says_so() -> None:
    code, output = run("search", "the", "a")
    assert code == 0
    assert "No matching claims." in output


def test_show_prints_one_claim_in_full() -> None:
    code, output = run("show", "c143")
    assert code == 0
    assert output.startswith("C143  UNSAFE")
    assert "vodka" in output
    assert "Instead: No alcohol remedies" in output


def test_show_json_carries_every_field() -> None:
    code, output = run("show", "C001", "--format", "json")
    assert code == 0
    item = json.loads(output)
    assert item["id"] == "C001"
    assert item["verdict"] == "supported"
    assert item["sources"] == ["CKS", "NHS-LC"]
    assert item["seed"] == "000"


def test_list_unsafe_has_the_sixteen_unsafe_claims() -> None:
    code, output = run("list", "--verdict", "unsafe", "--format", "json")
    assert code == 0
    items = json.loads(output)
    assert len(items) == 16
    assert all(item["verdict"] == "unsafe" and item["safer_advice"] for item in items)


def test_list_filters_combine() -> None:
    code, output = run("list", "--seed", "004", "--category", "first_aid", "--format", "json")
    assert code == 0
    ids = [item["id"] for item in json.loads(output)]
    assert ids and all("C222" <= claim_id <= "C254" for claim_id in ids)
    assert "C240" in ids


def test_list_text_labels_verdicts() -> None:
    code, output = run("list", "--seed", "000")
    assert code == 0
    assert "Supported" in output and "Weak evidence" in output and "Not supported" in output


def test_unknown_id_exits_2_and_names_argument_and_pattern() -> None:
    code, output = run("show", "C999")
    assert code == 2
    assert "ID" in output
    assert "C001–C254" in output


def test_empty_query_exits_2_with_a_clear_message() -> None:
    code, output = run("search", "  ")
    assert code == 2
    assert "TEXT" in output and "empty" in output


def test_missing_query_exits_2() -> None:
    code, _ = run("search")
    assert code == 2


def test_search_answers_questions_in_the_seed_articles_languages() -> None:
    for words in (["Hilft", "Chinin?"], ["хинин"], ["hjälper", "kinin"]):
        code, output = run("search", *words, "--format", "json", "--limit", "1")
        assert code == 0
        assert [item["id"] for item in json.loads(output)] == ["T001"], words


def test_show_json_quotes_the_seed_file() -> None:
    code, output = run("show", "C094", "--format", "json")
    assert code == 0
    assert "prick the leg with a needle" in json.loads(output)["seed_text"]
