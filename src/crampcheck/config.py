"""Settings: the one place crampcheck reads its environment (prefix ``CRAMPCHECK_``).

A plain dataclass rather than pydantic-settings: reading four variables does not justify
the 80 ms that library adds to every command's start.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from crampcheck.errors import InputError, field_error, field_error_from
from crampcheck.i18n.translator import SUPPORTED_LANGUAGES

ENV_PREFIX = "CRAMPCHECK_"
LANGUAGES = SUPPORTED_LANGUAGES


def default_data_dir() -> Path:
    """The user's data directory for crampcheck (created on first write, not here)."""
    return Path(platformdirs.user_data_dir("crampcheck", appauthor=False))


def _env(name: str) -> str | None:
    value = os.environ.get(ENV_PREFIX + name.upper())
    return value if value else None


def parse_language(text: str, name: str = ENV_PREFIX + "LANGUAGE") -> str:
    """The supported language `text` names (``"SV"`` → ``"sv"``).

    Raises `InputError` naming `name` (the variable or option) and the supported languages,
    which the CLI reports with exit code 2.
    """
    language = text.strip().lower()
    if language not in SUPPORTED_LANGUAGES:
        problem = field_error(
            name,
            "'{language}' is not a supported language; supported: {allowed}",
            language=text,
            allowed=", ".join(SUPPORTED_LANGUAGES),
        )
        raise InputError([problem])
    return language


def parse_country_setting(text: str, name: str = ENV_PREFIX + "COUNTRY") -> str:
    """The ISO 3166-1 alpha-2 code `text` names; `InputError` naming `name` when it is none."""
    from crampcheck.i18n.countries import parse_country  # loads Babel's territory list

    try:
        return parse_country(text)
    except ValueError as error:
        raise InputError([field_error_from(name, error)]) from None


def _language() -> str:
    return parse_language(_env("language") or "en")


def _country() -> str | None:
    text = _env("country")
    return None if text is None else parse_country_setting(text)


@dataclass(frozen=True)
class Settings:
    """Runtime settings; each field defaults to its ``CRAMPCHECK_<NAME>`` variable.

    Build one with ``Settings()`` (reads the environment then, never at import time) or pass
    values explicitly, as tests and the web app factory do. An unsupported
    CRAMPCHECK_LANGUAGE or a CRAMPCHECK_COUNTRY that is not a country code raises
    `InputError` naming the variable and what is allowed.
    """

    language: str = field(default_factory=_language)
    """Language of user-visible text: en, de, ru or sv (CRAMPCHECK_LANGUAGE); a language whose
    catalog has not landed yet reads English."""
    country: str | None = field(default_factory=_country)
    """ISO 3166-1 alpha-2 country whose emergency and medical-advice numbers are shown
    (CRAMPCHECK_COUNTRY); default: the language's country (`crampcheck.knowledge.help_numbers`)."""
    data_dir: Path = field(default_factory=lambda: Path(_env("data_dir") or default_data_dir()))
    """Where the embedded SQLite database lives (CRAMPCHECK_DATA_DIR)."""
    database_url: str | None = field(default_factory=lambda: _env("database_url"))
    """SQLAlchemy URL of the database; default SQLite in data_dir (CRAMPCHECK_DATABASE_URL)."""
    secret_key: str | None = field(default_factory=lambda: _env("secret_key"))
    """Key that signs the web app's cookies and interview forms (CRAMPCHECK_SECRET_KEY);
    default: a random key per server start."""

    def uses_data_dir(self) -> bool:
        """Whether the database is the default SQLite file in `data_dir` (crampcheck's own
        folder, kept private)."""
        return not self.database_url

    def resolved_database_url(self) -> str:
        """The database URL to use: the configured one, else SQLite in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'crampcheck.db'}"
