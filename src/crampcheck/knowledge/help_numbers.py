"""Who to call, by country: the emergency number and the non-emergency medical advice line.

The numbers are data (``data/help_numbers.yaml``, validated when loaded: ISO 3166 country
codes, each country once, a name with every number, a default country for every supported
language). `help_numbers(country, language)` picks the numbers for a person; renderers show
them, as text and as ``tel:`` links.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from crampcheck.i18n.countries import is_country_code, parse_country
from crampcheck.i18n.translator import SUPPORTED_LANGUAGES
from crampcheck.knowledge.common import KnowledgeItem

DATA_FILE = "help_numbers.yaml"

# Digits, single spaces between groups as the service writes them ("1800 022 222").
PhoneNumber = Annotated[str, Field(pattern=r"^[0-9]+( [0-9]+)*$", max_length=20)]
SourceUrl = Annotated[str, Field(pattern=r"^https?://\S+$")]


def _country_code(code: str) -> str:
    if not is_country_code(code):
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (upper case)")
    return code


class InternationalNumbers(KnowledgeItem):
    """The numbers used when no country is known."""

    emergency: PhoneNumber
    emergency_name: str
    sources: list[SourceUrl] = Field(min_length=1)


class CountryNumbers(KnowledgeItem):
    """One country's emergency number and (where there is a national one) its medical
    advice line."""

    country: str
    emergency: PhoneNumber
    emergency_name: str
    non_emergency: PhoneNumber | None = None
    non_emergency_name: str | None = None
    note: str | None = None
    sources: list[SourceUrl] = Field(min_length=1)

    @field_validator("country")
    @classmethod
    def _iso_3166(cls, code: str) -> str:
        return _country_code(code)

    @model_validator(mode="after")
    def _named(self) -> Self:
        if (self.non_emergency is None) != (self.non_emergency_name is None):
            raise ValueError("non_emergency and non_emergency_name go together")
        return self


class HelpNumbersFile(BaseModel):
    """The layout of help_numbers.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    international: InternationalNumbers
    language_countries: dict[str, str | None] = Field(
        description="The country assumed for each language when none is given (null: none)."
    )
    countries: list[CountryNumbers] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        codes = [entry.country for entry in self.countries]
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            raise ValueError(f"countries listed more than once: {twice}")
        if set(self.language_countries) != set(SUPPORTED_LANGUAGES):
            raise ValueError(
                "language_countries must name exactly the supported languages "
                f"{list(SUPPORTED_LANGUAGES)}, got {sorted(self.language_countries)}"
            )
        unlisted = sorted(
            f"{language}: {code}"
            for language, code in self.language_countries.items()
            if code is not None and code not in codes
        )
        if unlisted:
            raise ValueError(f"language_countries name countries not listed: {unlisted}")
        return self

    def for_country(self, code: str) -> CountryNumbers | None:
        """The entry of `code` (ISO 3166-1 alpha-2, upper case), None when not listed."""
        return next((entry for entry in self.countries if entry.country == code), None)


class HelpNumbers(BaseModel):
    """The numbers to show one person. `country` is the country they belong to (None: the
    international numbers, when no country is known or the country is not listed); a
    `*_uri` is the number as a ``tel:`` link. Numbers are strings: leading zeros count."""

    model_config = ConfigDict(frozen=True)

    country: str | None
    emergency: str
    emergency_name: str
    emergency_uri: str
    non_emergency: str | None = None
    non_emergency_name: str | None = None
    non_emergency_uri: str | None = None
    non_emergency_label: str | None = Field(
        default=None,
        description='The name with the number, as shown: "healthdirect (1800 022 222)".',
    )
    verify: bool = Field(default=False, description="The numbers await confirmation.")


def _label(number: str | None, name: str | None) -> str | None:
    if number is None or name is None:
        return None
    return name if number in name else f"{name} ({number})"


def tel_uri(number: str) -> str:
    """The ``tel:`` URI (RFC 3966, a local number) of a number as written: ``tel:1800022222``."""
    return "tel:" + number.replace(" ", "")


@cache
def load_help_numbers(data_dir: Path | None = None) -> HelpNumbersFile:
    """The validated help_numbers.yaml (kept in memory, and in the knowledge cache between
    runs like the rest of the knowledge base: reading YAML is most of a cold start's cost).

    Raises `KnowledgeBaseError` with file, line and problem when the file is invalid.
    """
    from crampcheck.knowledge.base import default_data_dir
    from crampcheck.knowledge.cache import cached

    path = (data_dir or default_data_dir()) / DATA_FILE

    def build() -> HelpNumbersFile:
        from crampcheck.knowledge.yaml_source import load_file  # only when the cache misses

        return load_file(path, HelpNumbersFile)

    return cached("help_numbers", [path], build)


def help_numbers(
    country: str | None, language: str, *, data: HelpNumbersFile | None = None
) -> HelpNumbers:
    """The emergency and non-emergency numbers for a person in `country` (ISO 3166-1
    alpha-2, any case) who reads `language`.

    Without a country, the language's country (de → DE, ru → RU, sv → SE; en → none). A
    country that is not listed, or none at all, gives the international numbers: 112 and no
    non-emergency line. Raises `InvalidValue` (a ValueError) when `country` is not an ISO
    3166 code.
    """
    data = data or load_help_numbers()
    code = parse_country(country) if country is not None else None
    if code is None:
        code = data.language_countries.get(language)
    entry = data.for_country(code) if code is not None else None
    if entry is None:
        world = data.international
        return HelpNumbers(
            country=None,
            emergency=world.emergency,
            emergency_name=world.emergency_name,
            emergency_uri=tel_uri(world.emergency),
            verify=world.verify,
        )
    return HelpNumbers(
        country=entry.country,
        emergency=entry.emergency,
        emergency_name=entry.emergency_name,
        emergency_uri=tel_uri(entry.emergency),
        non_emergency=entry.non_emergency,
        non_emergency_name=entry.non_emergency_name,
        non_emergency_uri=tel_uri(entry.non_emergency) if entry.non_emergency else None,
        non_emergency_label=_label(entry.non_emergency, entry.non_emergency_name),
        verify=entry.verify,
    )


# The numbers a knowledge-base text may name: {emergency} (always known) and {advice_line}
# (only where the country has one: texts that name it are used only then).
EMERGENCY = "{emergency}"
ADVICE_LINE = "{advice_line}"


def check_number_placeholders(text: str, field: str, allowed: tuple[str, ...]) -> None:
    """Raise ValueError (a knowledge-base error at load) when `text` has a placeholder other
    than the `allowed` help numbers: it would reach a reader unfilled."""
    for placeholder in re.findall(r"\{[^{}]*\}", text):
        if placeholder not in allowed:
            raise ValueError(
                f"{field}: {placeholder} is not a help number this text may name "
                f"(allowed: {', '.join(allowed)})"
            )


def fill_numbers(text: str, numbers: HelpNumbers, gettext: Callable[[str], str]) -> str:
    """`text` (already translated) with its help-number placeholders filled in for one person.

    Replaces only these placeholders, so a text's other braces are left alone. Without a known
    country the emergency number is 112 "(or your local emergency number)".
    """
    if "{" not in text:
        return text
    emergency = numbers.emergency
    if numbers.country is None:
        emergency = gettext("{number} (or your local emergency number)").format(number=emergency)
    filled = text.replace(EMERGENCY, emergency)
    return filled.replace(ADVICE_LINE, numbers.non_emergency_label or "")
