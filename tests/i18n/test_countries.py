"""ISO 3166-1 alpha-2 country codes as people type them."""

from __future__ import annotations

import pytest

from crampcheck.errors import InvalidValue
from crampcheck.i18n.countries import country_codes, country_name, parse_country


@pytest.mark.parametrize(
    ("text", "code"), [("se", "SE"), (" DE ", "DE"), ("gb", "GB"), ("No", "NO")]
)
def test_a_code_in_any_case_is_read(text: str, code: str) -> None:
    assert parse_country(text) == code


@pytest.mark.parametrize("text", ["EU", "UN", "ZZ", "XK", "XA", "QO", "IC", "SWE", "1", ""])
def test_groupings_private_use_and_other_text_are_not_countries(text: str) -> None:
    with pytest.raises(InvalidValue, match="ISO 3166"):
        parse_country(text)


def test_uk_is_refused_with_the_right_code() -> None:
    with pytest.raises(InvalidValue, match="United Kingdom is GB"):
        parse_country("uk")


def test_the_list_is_iso_3166_sized() -> None:
    # ISO 3166-1 assigns 249 alpha-2 codes; CLDR may lag or lead by a code or two.
    assert 245 <= len(country_codes()) <= 252
    assert {"DE", "SE", "RU", "GB", "US", "AX", "SJ"} <= country_codes()


def test_country_names_in_a_language() -> None:
    assert country_name("SE", "de") == "Schweden"
    assert country_name("DE", "sv") == "Tyskland"
