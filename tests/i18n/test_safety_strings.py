"""Issue #17 item 2: the safety-critical strings are chosen by their source, and the
back-translation check round-trips: export (translations only), back-translation, table."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from crampcheck.i18n.safety_strings import (
    CODE_SOURCES,
    KNOWLEDGE_SOURCES,
    SafetyString,
    comparison_table,
    export_for_back_translation,
    parse_numbered,
    read_template,
    select,
    unlisted,
)
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.interventions import InterventionKind
from crampcheck.knowledge.loading import load_knowledge_base

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="module")
def chosen(knowledge: KnowledgeBase) -> list[SafetyString]:
    return select(read_template(), knowledge)


@pytest.fixture(scope="module")
def english(chosen: list[SafetyString]) -> set[str]:
    return {string.english for string in chosen}


def test_the_emergency_action_and_level_are_in(knowledge: KnowledgeBase, english: set[str]) -> None:
    emergency = next(level for level in knowledge.texts.urgency if level.id == "emergency")
    assert emergency.action.startswith("Call {emergency} for an ambulance")
    assert {emergency.title, emergency.action} <= english
    assert {"emergency", "see a doctor today"} <= english  # the urgency words on concerns


def test_every_do_not_and_withheld_advice_reason_is_in(
    knowledge: KnowledgeBase, english: set[str]
) -> None:
    avoid = [item for item in knowledge.interventions if item.kind is InterventionKind.AVOID]
    assert avoid
    for item in avoid:
        assert {item.title, item.text, *item.steps} <= english, item.id
    for item in knowledge.interventions:
        if item.withhold_reason:
            assert item.withhold_reason in english, item.id
    for category in knowledge.withholding:
        assert {category.name, category.reason} <= english, category.id
    assert "Not now: {title}" in english


def test_concern_actions_safety_nets_and_stroke_signs_are_in(
    knowledge: KnowledgeBase, english: set[str]
) -> None:
    for concern in knowledge.concerns:
        assert set(concern.actions.values()) <= english, concern.id
        assert concern.safety_net in english, concern.id
    assert set(knowledge.texts.safety_net) <= english
    stroke = next(question for question in knowledge.questions if question.id == "stroke_signs")
    assert {option.label for option in stroke.options} <= english


def test_every_summary_template_and_the_emergency_banner_are_in(english: set[str]) -> None:
    summary = [
        message.id
        for message in read_template()
        if "assessment/summary.py" in (file for file, _line in message.locations)
    ]
    assert len(summary) == 3  # urgency and action, concerns, what you can do
    assert set(summary) <= english
    assert "Emergency: call for help now" in english and "Call {number} now" in english


def test_ordinary_texts_are_out(knowledge: KnowledgeBase, english: set[str]) -> None:
    assert knowledge.factors[0].explanation not in english
    assert knowledge.concerns[0].name not in english
    assert "Back: I gave a wrong answer" not in english  # on the emergency page, but harmless
    assert len(english) < len(read_template()) / 5  # a short list a person can check


def test_the_template_offers_every_safety_critical_text_under_its_source(
    knowledge: KnowledgeBase,
) -> None:
    # Fails when a listed message was reworded or moved: the rules must follow it, or the
    # string would silently leave the back-translation check.
    assert unlisted(read_template(), knowledge) == []
    assert all(source.why for source in CODE_SOURCES)


def _string(number: int, english: str) -> SafetyString:
    catalog = Catalog()
    catalog.add(english, locations=[("texts.yaml", 0)])
    return SafetyString(number, catalog[english], "test")


@pytest.fixture
def german() -> tuple[list[SafetyString], Catalog]:
    strings = [
        _string(1, "Emergency: get help now"),
        _string(2, "Do not | massage"),
        _string(3, "See a doctor today"),
        _string(4, "Self-care is appropriate"),
    ]
    catalog = Catalog(locale="de")
    catalog.add("Emergency: get help now", "Notfall: sofort Hilfe holen")
    catalog.add("Do not | massage", "Nicht\nmassieren")
    catalog.add("See a doctor today", "Heute zum Arzt", flags=["fuzzy"])
    return strings, catalog


def test_the_export_holds_only_reviewed_translations_under_stable_numbers(
    german: tuple[list[SafetyString], Catalog],
) -> None:
    strings, catalog = german
    exported = export_for_back_translation(strings, catalog)
    assert exported == "1. Notfall: sofort Hilfe holen\n2. Nicht massieren\n"
    assert "Emergency" not in exported and "doctor" not in exported


def test_the_table_joins_english_translation_and_back_translation(
    german: tuple[list[SafetyString], Catalog],
) -> None:
    strings, catalog = german
    back = "1. Emergency: get help at once\n\n2. Do not massage\n"
    table = comparison_table(strings, catalog, "de", back).splitlines()
    assert table[0] == "| n | English | de | back-translation | verdict |"
    assert table[2] == (
        "| 1 | Emergency: get help now | Notfall: sofort Hilfe holen | "
        "Emergency: get help at once |  |"
    )
    assert table[3] == "| 2 | Do not \\| massage | Nicht massieren | Do not massage |  |"
    assert table[4] == "| 3 | See a doctor today | *(not translated yet)* |  |  |"
    assert len(table) == 2 + len(strings)


def test_a_back_translation_of_another_list_is_refused(
    german: tuple[list[SafetyString], Catalog],
) -> None:
    strings, catalog = german
    with pytest.raises(ValueError, match="not among the 4"):
        comparison_table(strings, catalog, "de", "7. Something else\n")
    with pytest.raises(ValueError, match="twice"):
        parse_numbered("1. one\n1. again\n")


@pytest.mark.slow  # three runs of the script, each a new interpreter
def test_the_script_round_trips_a_real_catalog(tmp_path: Path, chosen: list[SafetyString]) -> None:
    script = REPO / "scripts" / "safety-strings"
    out = tmp_path / "sv.txt"
    subprocess.run([script, "export", "sv", out], check=True, capture_output=True)
    exported = parse_numbered(out.read_text(encoding="utf-8"))
    assert exported and set(exported) <= {string.number for string in chosen}
    # A back-translator's answer: here the Swedish itself, which the table puts beside it.
    table = subprocess.run(
        [script, "table", "sv", out], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert len(table) == 2 + len(chosen)
    first = min(exported)
    row = table[1 + first].split(" | ")
    assert row[0] == f"| {first}" and row[2] == row[3] == exported[first]
    refused = subprocess.run([script, "export", "xx", out], capture_output=True, text=True)
    assert refused.returncode != 0 and "supported: de, ru, sv" in refused.stderr


def test_the_docs_name_every_source() -> None:
    docs = (REPO / "docs" / "translation-check.md").read_text(encoding="utf-8")
    files = {source.file for source in KNOWLEDGE_SOURCES} | {
        source.file.rsplit("/", 1)[-1] for source in CODE_SOURCES
    }
    assert [file for file in sorted(files) if file not in docs] == []
