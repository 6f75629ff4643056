"""The development vignettes: urgency acceptable, required concerns raised, none forbidden."""

from __future__ import annotations

from typing import Any

import pytest

from crampcheck import assess
from tests.support.shared import vignettes

VIGNETTES = vignettes()


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v["id"] for v in VIGNETTES])
def test_vignette(vignette: dict[str, Any]) -> None:
    result = assess(vignette["input"])
    raised = {concern["id"] for concern in result.concerns}
    assert result.urgency in vignette["acceptable_urgency"], vignette["rationale"]
    assert set(vignette["required_concerns"]) <= raised
    assert not set(vignette.get("forbidden_concerns") or []) & raised


def test_there_are_vignettes_to_run() -> None:
    assert len(VIGNETTES) >= 20
