"""Help numbers by country: the data file is validated on load, and `help_numbers` picks the
right numbers for a country and a language."""

from __future__ import annotations

from pathlib import Path

import pytest

from crampcheck.errors import KnowledgeBaseError
from crampcheck.i18n import SUPPORTED_LANGUAGES
from crampcheck.knowledge.help_numbers import (
    HelpNumbers,
    fill_numbers,
    help_numbers,
    load_help_numbers,
)


@pytest.mark.parametrize(
    ("country", "emergency", "non_emergency"),
    [
        ("DE", "112", "116117"),
        ("SE", "112", "1177"),
        ("RU", "112", "103"),  # the Russian ambulance
        ("GB", "999", "111"),
        ("US", "911", None),
        ("NO", "113", "116117"),  # in Norway 112 is the police
        ("AU", "000", "1800 022 222"),
    ],
)
def test_the_numbers_of_a_country(country: str, emergency: str, non_emergency: str | None) -> None:
    numbers = help_numbers(country, "en")
    assert numbers.country == country
    assert (numbers.emergency, numbers.non_emergency) == (emergency, non_emergency)
    assert numbers.emergency_uri == f"tel:{emergency}"
    if non_emergency is None:
        assert numbers.non_emergency_uri is None and numbers.non_emergency_name is None
    else:
        assert numbers.non_emergency_uri == "tel:" + non_emergency.replace(" ", "")
        assert numbers.non_emergency_name


def test_a_country_is_read_in_any_case_and_wins_over_the_language() -> None:
    assert help_numbers(" gb ", "de").country == "GB"
    assert help_numbers("se", "ru").non_emergency == "1177"


@pytest.mark.parametrize(("language", "country"), [("de", "DE"), ("ru", "RU"), ("sv", "SE")])
def test_without_a_country_the_language_picks_it(language: str, country: str) -> None:
    assert help_numbers(None, language).country == country


def test_english_without_a_country_gets_the_international_112_and_no_advice_line() -> None:
    numbers = help_numbers(None, "en")
    assert numbers == HelpNumbers(
        country=None,
        emergency="112",
        emergency_name=numbers.emergency_name,
        emergency_uri="tel:112",
    )


def test_a_country_that_is_not_listed_gets_the_international_numbers() -> None:
    numbers = help_numbers("JP", "en")
    assert (numbers.country, numbers.emergency, numbers.non_emergency) == (None, "112", None)


@pytest.mark.parametrize("country", ["UK", "XX", "Deutschland", "", "E1"])
def test_a_code_that_is_not_iso_3166_is_refused(country: str) -> None:
    with pytest.raises(ValueError, match="ISO 3166"):
        help_numbers(country, "en")


def test_every_supported_language_has_a_default_and_every_entry_is_sourced() -> None:
    data = load_help_numbers()
    assert set(data.language_countries) == set(SUPPORTED_LANGUAGES)
    for entry in data.countries:
        assert entry.sources, entry.country
        assert help_numbers(entry.country, "en").country == entry.country


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "help_numbers.yaml").write_text(text, encoding="utf-8")
    return tmp_path


GOOD_HEAD = """
international: {emergency: "112", emergency_name: GSM, sources: ["https://example.org"]}
language_countries: {en: null, de: DE, ru: null, sv: null}
countries:
"""
GERMANY = """
  - country: DE
    emergency: "112"
    emergency_name: Notruf
    sources: ["https://www.116117.de/"]
"""


def test_a_valid_file_loads(tmp_path: Path) -> None:
    data = load_help_numbers(_write(tmp_path, GOOD_HEAD + GERMANY))
    assert help_numbers(None, "de", data=data).emergency_name == "Notruf"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (GERMANY + GERMANY, "countries listed more than once: ['DE']"),
        (GERMANY.replace("DE\n", "UK\n"), "'UK' is not an ISO 3166-1 alpha-2 country code"),
        (GERMANY.replace("country: DE", 'country: "NO"'), "language_countries name countries"),
        (GERMANY.replace('"112"', '"11-2"'), "String should match pattern"),
        (GERMANY + '    non_emergency: "116117"\n', "non_emergency and non_emergency_name"),
        (GERMANY.replace("Notruf", "Notruf\n    phone: 1"), "Extra inputs are not permitted"),
    ],
)
def test_an_invalid_file_names_the_file_line_and_problem(
    tmp_path: Path, body: str, problem: str
) -> None:
    with pytest.raises(KnowledgeBaseError) as raised:
        load_help_numbers(_write(tmp_path, GOOD_HEAD + body))
    assert problem in str(raised.value)
    assert str(raised.value).startswith("help_numbers.yaml:")


def test_every_country_is_documented_with_its_numbers_and_verify_mark() -> None:
    documented = (Path(__file__).resolve().parents[2] / "docs" / "help-numbers.md").read_text(
        encoding="utf-8"
    )
    for entry in load_help_numbers().countries:
        flag = " **[verify]**" if entry.verify else ""
        row = f"| {entry.country}{flag} | {entry.emergency} ("
        assert row in documented, entry.country
        if entry.non_emergency:
            assert f"| {entry.non_emergency} ({entry.non_emergency_name}) |" in documented


def test_texts_name_the_persons_numbers() -> None:
    text = "Call {emergency} now, or {advice_line}. Keep {this} as it is."
    swedish = fill_numbers(text, help_numbers("SE", "en"), str)
    assert swedish == "Call 112 now, or 1177 Vårdguiden. Keep {this} as it is."
    british = fill_numbers(text, help_numbers("GB", "en"), str)
    assert british.startswith("Call 999 now, or NHS 111.")


def test_without_a_country_112_comes_with_the_local_number_hint() -> None:
    filled = fill_numbers("Call {emergency}.", help_numbers(None, "en"), str)
    assert filled == "Call 112 (or your local emergency number)."
