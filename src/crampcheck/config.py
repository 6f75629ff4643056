"""Settings: the one place crampcheck reads its environment (prefix ``CRAMPCHECK_``).

A plain dataclass rather than pydantic-settings: reading four variables does not justify
the 80 ms that library adds to every command's start.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

ENV_PREFIX = "CRAMPCHECK_"
LANGUAGES = ("en", "de", "ru")


def default_data_dir() -> Path:
    """The user's data directory for crampcheck (created on first write, not here)."""
    return Path(platformdirs.user_data_dir("crampcheck", appauthor=False))


def _env(name: str) -> str | None:
    value = os.environ.get(ENV_PREFIX + name.upper())
    return value if value else None


def _language() -> str:
    language = _env("language") or "en"
    if language not in LANGUAGES:
        allowed = ", ".join(LANGUAGES)
        raise ValueError(f"{ENV_PREFIX}LANGUAGE={language!r} is not supported; allowed: {allowed}")
    return language


@dataclass(frozen=True)
class Settings:
    """Runtime settings; each field defaults to its ``CRAMPCHECK_<NAME>`` variable.

    Build one with ``Settings()`` (reads the environment then, never at import time) or pass
    values explicitly, as tests and the web app factory do.
    """

    language: str = field(default_factory=_language)
    """Language of user-visible text: en, de or ru (CRAMPCHECK_LANGUAGE)."""
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
