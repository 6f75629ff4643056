"""Numbers, percentages and dates the way each supported language writes them."""

from __future__ import annotations

from datetime import date

import pytest

from crampcheck.i18n import Translator
from crampcheck.i18n.formatting import format_day, format_number, format_percent

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "ratio", "thousands", "percent", "day"),
    [
        ("en", "0.80", "1,234.5", "37%", "Mar 5, 2026"),
        ("de", "0,80", "1.234,5", f"37{NBSP}%", "05.03.2026"),
        ("sv", "0,80", f"1{NBSP}234,5", f"37{NBSP}%", "5 mars 2026"),
        ("ru", "0,80", f"1{NBSP}234,5", f"37{NBSP}%", "5 мар. 2026\u202fг."),
    ],
)
def test_each_language_writes_its_own_numbers_and_dates(
    language: str, ratio: str, thousands: str, percent: str, day: str
) -> None:
    assert format_number(0.8, 2, language) == ratio
    assert format_number(1234.5, 1, language).replace("\u202f", NBSP) == thousands
    assert format_percent(0.37, language).replace("\u202f", NBSP) == percent
    assert format_day(date(2026, 3, 5), language) == day


def test_decimals_are_exact_and_rounded() -> None:
    assert format_number(7, 1, "en") == "7.0"
    assert format_number(0.125, 0, "de") == "0"
    assert format_number(2.346, 2, "sv") == "2,35"


def test_templates_format_in_the_language_their_text_is_in(swedish_pages: Translator) -> None:
    from crampcheck.i18n import load_translator
    from crampcheck.render.templating import template_environment

    template = "{{ rate | number(1) }} / {{ when | day }}"
    values = {"rate": 3.5, "when": date(2026, 3, 5)}
    swedish = template_environment("crampcheck.web", swedish_pages).from_string(template)
    assert swedish.render(values) == "3,5 / 5 mars 2026"
    # German without its catalog reads English, numbers included: no "3,5" in English text.
    german = template_environment("crampcheck.web", load_translator("de")).from_string(template)
    assert german.render(values) == "3.5 / Mar 5, 2026"
