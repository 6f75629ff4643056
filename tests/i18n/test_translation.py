"""One translation mechanism: every string is in the template; a catalog needs no code change."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crampcheck import assess
from crampcheck.assessment.input import parse_input, parse_input_json
from crampcheck.diary.csv_parsing import parse_episodes
from crampcheck.diary.csv_tables import read_table
from crampcheck.errors import FieldError, InputError
from crampcheck.experiments.schedule import plan_schedule
from crampcheck.i18n import load_translator
from crampcheck.i18n import translator as translator_module
from crampcheck.i18n.extract import (
    build_template,
    code_messages,
    knowledge_messages,
    template_path,
)
from crampcheck.interview import parse_answer
from crampcheck.knowledge.loading import load_knowledge_base
from crampcheck.knowledge.questions import Question


def test_the_committed_template_is_current() -> None:
    # Fails when a string was added to the code or the knowledge base without
    # re-running scripts/extract-messages, so translators would never see it.
    assert template_path().read_bytes() == build_template()


def test_every_knowledge_base_text_is_offered_for_translation() -> None:
    template = template_path().read_text(encoding="utf-8")
    knowledge = load_knowledge_base()
    for concern in knowledge.concerns:
        assert concern.summary in knowledge_messages()
    assert 'msgid "Stretch the cramping muscle"' in template
    assert len(knowledge_messages()) > 900


@pytest.fixture
def german_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    knowledge = load_knowledge_base()
    dvt = knowledge.concern("dvt")
    po = f'''
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

msgid "{dvt.name}"
msgstr "Tiefe Venenthrombose (ein Blutgerinnsel in einer Beinvene)"

msgid "Not now: {{title}}"
msgstr "Jetzt nicht: {{title}}"

msgid "Massage the muscle"
msgstr "Den Muskel massieren"
'''
    monkeypatch.setattr(translator_module, "_catalog_text", lambda language: po)
    load_translator.cache_clear()
    yield
    load_translator.cache_clear()


def test_a_dropped_in_catalog_translates_results(german_catalog: None) -> None:
    result = assess({"age": 50, "symptoms": ["calf_swelling_one_side"]}, language="de")
    assert result.language == "de"
    dvt = next(c for c in result.concerns if c.id == "dvt")
    assert dvt.name.startswith("Tiefe Venenthrombose")
    titles = {item.id: item.title for item in result.do_not}
    assert titles["massage_during_cramp"] == "Jetzt nicht: Den Muskel massieren"
    # Untranslated text falls back to English rather than disappearing.
    assert result.urgency_title == "Urgent: see a doctor today"


def test_english_needs_no_catalog() -> None:
    assert load_translator("en").gettext("Massage the muscle") == "Massage the muscle"


def _problems(action: Callable[[], object]) -> list[FieldError]:
    with pytest.raises(InputError) as caught:
        action()
    return caught.value.errors


def test_input_error_sentences_are_offered_for_translation(tmp_path: Path) -> None:
    # Every way an input error is built must name its sentence where extraction finds it
    # (field_error, plural_field_error, InvalidValue, ngettext_noop/gettext_noop tables).
    table = tmp_path / "e.csv"
    table.write_text("start,severity,muscle\n2026-13-01T03:00,12,knee\n,,\n", encoding="utf-8")
    problems = [
        *_problems(lambda: parse_input({"cramps": [], "sex": "f", "medications": [""] * 101})),
        *_problems(lambda: parse_input({"age": 1.5, "symptoms": ["fever", "fever"]})),
        *_problems(lambda: parse_input_json('{"age": NaN}')),
        *_problems(lambda: plan_schedule(date(2026, 1, 5), 400, 400, 0, 1)),
        *_problems(lambda: plan_schedule(date(2026, 1, 5), 0, 0, -1, 1)),
        *_problems(lambda: parse_answer(age_question(), "many")),
        *parse_episodes(read_table(table), ZoneInfo("UTC"), lambda _: None).problems,
    ]
    extracted = code_messages()
    for problem in problems:
        assert problem.wording is not None, str(problem)
        wording = problem.wording
        message = wording.template if wording.plural is None else (wording.template, wording.plural)
        assert message in extracted, str(problem)
        if problem.path_wording is not None:
            assert problem.path_wording.template in extracted


def age_question() -> Question:
    return next(q for q in load_knowledge_base().questions if q.id == "age")
