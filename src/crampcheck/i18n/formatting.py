"""Numbers, percentages and dates written the way a language writes them (Babel, CLDR data):
``0.80`` in English is ``0,80`` in German, Russian and Swedish; ``37%`` is ``37 %`` in German.

Small functions for the renderers and the analysis sentences; the values themselves (JSON,
CSV) keep their machine form.
"""

from __future__ import annotations

from datetime import date


def format_number(value: float, decimals: int, language: str) -> str:
    """`value` with exactly `decimals` decimals and the language's separators."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return str(format_decimal(value, format=pattern, locale=language))


def format_percent(share: float, language: str) -> str:
    """`share` (0.37) as a whole percentage in the language's style (``37%``, ``37 %``)."""
    from babel.numbers import format_percent as babel_percent

    return str(babel_percent(share, format=None, locale=language))


def format_day(day: date, language: str) -> str:
    """A calendar day in the language's medium style (``Mar 5, 2026``, ``05.03.2026``,
    ``5 mars 2026``)."""
    from babel.dates import format_date

    return str(format_date(day, format="medium", locale=language))
