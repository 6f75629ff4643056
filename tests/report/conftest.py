"""Where report tests leave the page images a person looks at (gitignored)."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "report"


@pytest.fixture
def artifacts() -> Path:
    """`test-artifacts/report/`, created when needed."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
