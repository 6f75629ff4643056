"""Settings: the one place crampcheck reads its environment (prefix ``CRAMPCHECK_``)."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """The user's data directory for crampcheck (created on first write, not here)."""
    return Path(platformdirs.user_data_dir("crampcheck", appauthor=False))


class Settings(BaseSettings):
    """Runtime settings. Build one with ``Settings()``; nothing is read at import time."""

    model_config = SettingsConfigDict(env_prefix="CRAMPCHECK_", extra="ignore")

    language: str = Field(default="en", description="Language of user-visible text (en, de, ru).")
    data_dir: Path = Field(
        default_factory=default_data_dir, description="Where the embedded database lives."
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database; default: SQLite in data_dir.",
    )

    secret_key: str | None = Field(
        default=None,
        description=(
            "Key that signs the web app's cookies and interview forms; default: a random key "
            "per server start (an interview in progress then does not survive a restart)."
        ),
    )

    def resolved_database_url(self) -> str:
        """The database URL to use: the configured one, else SQLite in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'crampcheck.db'}"
