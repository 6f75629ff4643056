"""One translation mechanism for code strings and knowledge-base text.

The English text is the message id (gettext convention). A language is added by dropping a
``locales/<lang>.po`` catalog next to this file (``scripts/extract-messages`` writes the
template with every string of the code and the knowledge base); no code changes are needed.
Untranslated messages fall back to English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

SUPPORTED_LANGUAGES = ("en", "de", "ru")


@dataclass(frozen=True, eq=False)  # one per language (cached): identity is enough
class Translator:
    """Translates English source strings into one language."""

    language: str = "en"
    catalog: dict[str, str] = field(default_factory=dict)

    def gettext(self, message: str) -> str:
        """The translation of `message`, or `message` itself when there is none."""
        return self.catalog.get(message) or message


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
    from io import BytesIO

    from babel.messages.pofile import read_po

    po = read_po(BytesIO(text.encode("utf-8")), locale=language)
    messages = {str(m.id): str(m.string) for m in po if m.id and m.string and not m.fuzzy}
    return Translator(language, messages)
