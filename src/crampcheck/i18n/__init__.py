"""Translation of every user-visible string (English source text, gettext catalogs)."""

from crampcheck.i18n.translator import (
    SUPPORTED_LANGUAGES,
    Translator,
    gettext_noop,
    load_translator,
    ngettext_noop,
    parse_catalog,
)

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Translator",
    "gettext_noop",
    "load_translator",
    "ngettext_noop",
    "parse_catalog",
]
