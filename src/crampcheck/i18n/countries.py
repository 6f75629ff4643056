"""Country codes (ISO 3166-1 alpha-2) as people type them: ``se``, `` DE ``, ``gb``.

The list of codes is CLDR's, through Babel (already a dependency), less the codes CLDR adds
that ISO 3166-1 does not assign to a country: the unknown region, groupings (EU, UN) and
the exceptionally reserved or private-use codes (Ascension, Canary Islands, pseudo-locales,
Kosovo's provisional XK). "UK" is not ISO (the code is GB); it is refused with that hint.
"""

from __future__ import annotations

from functools import cache

from crampcheck.errors import InvalidValue

# In CLDR's territory list but not country codes of ISO 3166-1.
_NOT_ISO_3166 = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "ZZ"})


@cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code (upper case)."""
    from babel import Locale

    codes = [code for code in Locale("en").territories if isinstance(code, str)]
    return frozenset(
        code
        for code in codes
        if len(code) == 2 and code.isalpha() and code not in _NOT_ISO_3166 and code[0] != "X"
    )


def is_country_code(code: str) -> bool:
    """Whether `code` is an ISO 3166-1 alpha-2 code as written (upper case)."""
    return code in country_codes()


def parse_country(text: str) -> str:
    """The ISO 3166-1 alpha-2 code `text` names (``"se"`` → ``"SE"``).

    Raises `InvalidValue` (translatable) for anything else, with examples of valid codes.
    """
    code = text.strip().upper()
    if is_country_code(code):
        return code
    if code == "UK":
        raise InvalidValue("'UK' is not an ISO 3166 country code; the United Kingdom is GB")
    raise InvalidValue(
        "'{text}' is not an ISO 3166 alpha-2 country code (two letters, e.g. DE, SE, RU, GB, US)",
        text=text,
    )


def country_name(code: str, language: str) -> str:
    """The country's name in `language` (CLDR's), e.g. ``country_name("SE", "de")`` → Schweden."""
    from babel import Locale

    name: str = Locale.parse(language).territories.get(code, code)
    return name
