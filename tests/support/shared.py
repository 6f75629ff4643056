"""The shared/ folder beside the repository: contracts, vignettes, clinical reference."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[3] / "shared"


def vignettes() -> list[dict[str, Any]]:
    """The development vignettes (../shared/eval/dev-vignettes.json)."""
    data: list[dict[str, Any]] = json.loads((SHARED / "eval" / "dev-vignettes.json").read_text())
    return data


def input_schema() -> dict[str, Any]:
    """The contract's input JSON schema."""
    schema: dict[str, Any] = json.loads(
        (SHARED / "spec" / "assessment-input.schema.json").read_text()
    )
    return schema
