"""The development vignettes: urgency acceptable, required concerns raised, none forbidden."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.shared import vignettes
from tests.support.vignette_checks import check_outcome

VIGNETTES = vignettes()


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v["id"] for v in VIGNETTES])
def test_vignette(vignette: dict[str, Any]) -> None:
    check_outcome(vignette)


def test_there_are_vignettes_to_run() -> None:
    assert len(VIGNETTES) >= 20
