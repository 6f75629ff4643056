"""One translation mechanism: every string is in the template; a catalog needs no code change."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crampcheck import assess
from crampcheck.i18n import load_translator
from crampcheck.i18n import translator as translator_module
from crampcheck.i18n.extract import build_template, knowledge_messages, template_path
from crampcheck.knowledge.base import load_knowledge_base


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
    dvt = next(c for c in result.concerns if c["id"] == "dvt")
    assert dvt["name"].startswith("Tiefe Venenthrombose")
    titles = {item["id"]: item["title"] for item in result.do_not}
    assert titles["massage_during_cramp"] == "Jetzt nicht: Den Muskel massieren"
    # Untranslated text falls back to English rather than disappearing.
    assert result.urgency_title == "Urgent: see a doctor today"


def test_english_needs_no_catalog() -> None:
    assert load_translator("en").gettext("Massage the muscle") == "Massage the muscle"
