"""A small Swedish catalog of page texts, and a fixture dropping it in as if locales/sv.po
had landed. The Swedish is the tests' own: what matters is that pages, the API and the
language switch use it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crampcheck.i18n import Translator, load_translator
from crampcheck.i18n import translator as translator_module

SWEDISH_PAGES_PO = r"""
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Skip to main content"
msgstr "Hoppa till huvudinnehållet"

msgid "Language"
msgstr "Språk"

msgid "Having a cramp right now?"
msgstr "Har du kramp just nu?"

msgid "crampcheck informs; it does not diagnose. In an emergency call {emergency}."
msgstr "crampcheck informerar; det ställer ingen diagnos. Ring {emergency} vid nödsituation."

msgid "For medical advice that is not an emergency call {service}."
msgstr "Ring {service} för sjukvårdsrådgivning som inte är akut."

msgid "Call {emergency} now if you have any of these"
msgstr "Ring {emergency} nu om du har något av detta"

msgid "Quinine (tablets, or tonic water) prevents night leg cramps"
msgstr "Kinin (tabletter eller tonic) förebygger nattliga vadkramper"

msgid "Sorry, that did not work"
msgstr "Tyvärr, det gick inte"
"""


@pytest.fixture
def swedish_pages() -> Iterator[Translator]:
    """`load_translator("sv")` reads SWEDISH_PAGES_PO (for apps created inside the test)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            translator_module,
            "_catalog_text",
            lambda language: SWEDISH_PAGES_PO if language == "sv" else None,
        )
        load_translator.cache_clear()
        yield load_translator("sv")
    load_translator.cache_clear()
