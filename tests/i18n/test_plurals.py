"""Plural messages: English's two forms, a catalog's forms chosen by its language's rule."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crampcheck.i18n import load_translator, parse_catalog
from crampcheck.i18n import translator as translator_module
from crampcheck.i18n.extract import code_messages, template_path

SINGULAR, PLURAL = "{count} cramp", "{count} cramps"
HEADER = """
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"
"""
RUSSIAN = (
    HEADER
    + """
msgid "{count} cramp"
msgid_plural "{count} cramps"
msgstr[0] "{count} судорога"
msgstr[1] "{count} судороги"
msgstr[2] "{count} судорог"

msgid "{count} day"
msgid_plural "{count} days"
msgstr[0] ""
msgstr[1] ""
msgstr[2] ""
"""
)


def cramps(language: str, count: int) -> str:
    return load_translator(language).ngettext(SINGULAR, PLURAL, count).format(count=count)


@pytest.fixture
def russian_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # No Plural-Forms header: babel supplies Russian's rule (three forms).
    monkeypatch.setattr(
        translator_module, "_catalog_text", lambda language: RUSSIAN if language == "ru" else None
    )
    load_translator.cache_clear()
    yield
    load_translator.cache_clear()


def test_english_uses_the_singular_only_for_one() -> None:
    assert [cramps("en", n) for n in (0, 1, 2, 21)] == [
        "0 cramps",
        "1 cramp",
        "2 cramps",
        "21 cramps",
    ]


def test_russian_has_three_forms(russian_catalog: None) -> None:
    shown = {n: cramps("ru", n) for n in (1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111, 0)}
    assert shown == {
        1: "1 судорога",
        21: "21 судорога",
        101: "101 судорога",
        2: "2 судороги",
        4: "4 судороги",
        22: "22 судороги",
        5: "5 судорог",
        11: "11 судорог",
        12: "12 судорог",
        25: "25 судорог",
        111: "111 судорог",
        0: "0 судорог",
    }


def test_untranslated_plurals_fall_back_to_english(russian_catalog: None) -> None:
    russian = load_translator("ru")
    assert russian.ngettext("{count} day", "{count} days", 1) == "{count} day"
    assert russian.ngettext("{count} day", "{count} days", 5) == "{count} days"
    assert russian.ngettext("{count} week", "{count} weeks", 2) == "{count} weeks"


def test_the_catalogs_plural_forms_header_decides() -> None:
    # A German catalog that states its rule; fuzzy entries are not used.
    german = parse_catalog(
        "de",
        """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "{count} cramp"
msgid_plural "{count} cramps"
msgstr[0] "{count} Krampf"
msgstr[1] "{count} Krämpfe"

#, fuzzy
msgid "{count} day"
msgid_plural "{count} days"
msgstr[0] "{count} Tag"
msgstr[1] "{count} Tage"
""",
    )
    assert german.ngettext(SINGULAR, PLURAL, 1).format(count=1) == "1 Krampf"
    assert german.ngettext(SINGULAR, PLURAL, 0).format(count=0) == "0 Krämpfe"
    assert german.ngettext("{count} day", "{count} days", 3) == "{count} days"


def test_plural_messages_are_extracted_with_both_forms() -> None:
    messages = code_messages()
    assert (SINGULAR, PLURAL) in messages
    assert SINGULAR not in messages  # a catalog could not hold it twice
    plural = [message for message in messages if isinstance(message, tuple)]
    assert all(len(message) == 2 and message[0] != message[1] for message in plural)
    template = template_path().read_text(encoding="utf-8")
    assert 'msgid "{count} cramp"\nmsgid_plural "{count} cramps"\n' in template
