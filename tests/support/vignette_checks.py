"""The checks every vignette file shares: the outcome of assessing a case, and the shape of
an entry (see ../shared/eval/README.md for the format)."""

from __future__ import annotations

from typing import Any

from crampcheck import assess
from crampcheck.assessment.result import Assessment
from crampcheck.contract.vocabulary import CONCERN_IDS, URGENCY_RANK


def check_outcome(vignette: dict[str, Any]) -> Assessment:
    """Acceptable urgency, every required concern raised, no forbidden one; the result."""
    result = assess(vignette["input"])
    raised = {concern.id for concern in result.concerns}
    assert result.urgency in vignette["acceptable_urgency"], vignette["rationale"]
    assert set(vignette["required_concerns"]) <= raised, vignette["rationale"]
    assert not set(vignette.get("forbidden_concerns") or []) & raised, vignette["rationale"]
    return result


def check_entry(vignette: dict[str, Any]) -> None:
    """A well-formed case: consistent urgencies, known concerns, and its reasons written."""
    assert vignette["expected_urgency"] in vignette["acceptable_urgency"], vignette["id"]
    if vignette["expected_urgency"] in ("urgent", "emergency"):
        # Never lower than expected for urgent and emergency cases (shared/eval/README.md).
        floor = URGENCY_RANK[vignette["expected_urgency"]]
        assert all(URGENCY_RANK[u] >= floor for u in vignette["acceptable_urgency"])
    forbidden = set(vignette.get("forbidden_concerns") or [])
    assert {*vignette["required_concerns"], *forbidden} <= set(CONCERN_IDS), vignette["id"]
    assert not set(vignette["required_concerns"]) & forbidden, vignette["id"]
    assert vignette["narrative"] and vignette["rationale"] and vignette["source"]
