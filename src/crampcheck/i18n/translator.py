"""One translation mechanism for code strings and knowledge-base text.

The English text is the message id (gettext convention). A language is added by dropping a
``locales/<lang>.po`` catalog next to this file (``scripts/extract-messages`` writes the
template with every string of the code and the knowledge base); no code changes are needed.
Untranslated messages fall back to English.

Plurals (`Translator.ngettext`) follow gettext: a plural entry has one translation per plural
form, and the catalog's ``Plural-Forms`` expression picks the form for a count. When the
catalog does not state that expression, babel supplies the usual one for the language (Russian:
three forms). Babel's `Locale.plural_form(n)` names a CLDR category ("few"), not a form index,
so it cannot index a catalog's ``msgstr[i]``; the gettext expression can.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# English (the source), German, Russian and Swedish: the languages of the seed articles. A
# language without its catalog yet reads English (`load_translator`).
SUPPORTED_LANGUAGES = ("en", "de", "ru", "sv")


def english_plural(count: int) -> int:
    """English (and the fallback) picks the singular for exactly 1, else the plural."""
    return 0 if count == 1 else 1


def gettext_noop(message: str) -> str:
    """Marks `message` for extraction without translating it (for constants that are
    translated where they are shown)."""
    return message


def ngettext_noop(singular: str, plural: str) -> tuple[str, str]:
    """Marks a plural message for extraction (as `ngettext` would) without choosing a form;
    the caller passes both to `Translator.ngettext` with the count where it is shown."""
    return singular, plural


@dataclass(frozen=True, eq=False)  # one per language (cached): identity is enough
class Translator:
    """Translates English source strings into one language.

    `catalog` maps a message to its translation; `plurals` maps the singular of a plural
    message to its translated forms, indexed by `plural_index(count)`.
    """

    language: str = "en"
    catalog: Mapping[str, str] = field(default_factory=dict)
    plurals: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    plural_index: Callable[[int], int] = english_plural

    @property
    def text_language(self) -> str:
        """The language the text is really in: `language` once its catalog has landed, English
        before (what a page's ``lang`` and ``Content-Language`` should say)."""
        return self.language if self.catalog or self.plurals else "en"

    def gettext(self, message: str) -> str:
        """The translation of `message`, or `message` itself when there is none."""
        return self.catalog.get(message) or message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form of a message that fits `count` (not yet filled in: the caller formats it).

        Without a translation: `singular` when `count` is 1, else `plural`.
        """
        forms = self.plurals.get(singular, ())
        index = self.plural_index(count)
        if 0 <= index < len(forms) and forms[index]:
            return forms[index]
        return singular if count == 1 else plural


def _catalog_text(language: str) -> str | None:
    catalog = resources.files("crampcheck.i18n").joinpath("locales", f"{language}.po")
    return catalog.read_text(encoding="utf-8") if catalog.is_file() else None


@cache
def load_translator(language: str = "en") -> Translator:
    """The translator for `language` (cached); English or an unknown catalog means identity."""
    if language == "en":
        return Translator("en")
    text = _catalog_text(language)
    if text is None:
        return Translator(language)
    return parse_catalog(language, text)


def parse_catalog(language: str, text: str) -> Translator:
    """A translator from the text of a ``.po`` catalog (fuzzy and empty entries are skipped).

    Raises ValueError when the catalog's ``Plural-Forms`` expression is not a valid one.
    """
    import gettext
    from io import BytesIO

    from babel.messages.pofile import read_po

    po = read_po(BytesIO(text.encode("utf-8")), locale=language)
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for message in po:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            forms = tuple(str(form) for form in message.string or ())
            if any(forms):
                plurals[str(message.id[0])] = forms
        elif message.string:
            messages[str(message.id)] = str(message.string)
    # plural_expr is the catalog's Plural-Forms, or babel's rule for the language without one.
    return Translator(language, messages, plurals, gettext.c2py(po.plural_expr))
