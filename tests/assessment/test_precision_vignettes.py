"""Precision vignettes (tests/assessment/data/precision-vignettes.json).

Benign and common presentations written like the development vignettes, each with the concerns a
clinician would call clearly wrong for the case (`forbidden_concerns`), plus a few control cases
that must stay high. They are checked as the development vignettes are: acceptable urgency,
required concerns raised, no forbidden concern raised.

`KNOWN_OVER_TRIAGE` lists cases the rules still over-triage on purpose: narrowing the rule that
fires would need `not` above self_care or would lower urgency for a picture that can be
dangerous, so the decision is left to a clinician. They are strict xfails: if a rule change makes
one pass, the test says so and the entry must be removed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crampcheck import assess
from tests.support.vignette_checks import check_entry, check_outcome

DATA = Path(__file__).parent / "data" / "precision-vignettes.json"
VIGNETTES: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))

KNOWN_OVER_TRIAGE: dict[str, str] = {
    "P042": "rhabdo_after_exertion_or_lie: aching muscles after unaccustomed exercise (delayed "
    "soreness) is urgent rhabdomyolysis even with normal urine and strength (clinical.md row 4 "
    "says SAME-DAY 'otherwise')",
    "P043": "heat_stroke_signs: heat exposure with diarrhoea alone is an emergency",
    "P044": "seizure_generalised_spasms_with_confusion_or_incontinence: long-standing "
    "incontinence with hand cramps reads as a convulsion",
    "P045": "cauda_bladder_with_back_or_leg_signs: long-standing bladder symptoms with diabetic "
    "numb feet and no back pain is cauda equina",
    "P047": "dvt_persistent_pain_with_risk: soreness in both calves after running, on the pill, "
    "is a DVT (the rule does not ask for one leg)",
}


def _params() -> list[Any]:
    return [
        pytest.param(
            v,
            id=v["id"],
            marks=[pytest.mark.xfail(reason=KNOWN_OVER_TRIAGE[v["id"]], strict=True)]
            if v["id"] in KNOWN_OVER_TRIAGE
            else [],
        )
        for v in VIGNETTES
    ]


@pytest.mark.parametrize("vignette", _params())
def test_precision_vignette(vignette: dict[str, Any]) -> None:
    check_outcome(vignette)


def test_the_precision_vignettes_are_well_formed() -> None:
    ids = [v["id"] for v in VIGNETTES]
    assert len(ids) == len(set(ids)) and len(ids) >= 30
    assert set(KNOWN_OVER_TRIAGE) <= set(ids)
    for vignette in VIGNETTES:
        check_entry(vignette)


def test_the_control_cases_stay_high() -> None:
    """Controls (urgent or emergency) must never be reached by a precision fix."""
    controls = [v for v in VIGNETTES if v["expected_urgency"] in ("urgent", "emergency")]
    assert len(controls) >= 5
    for vignette in controls:
        assert assess(vignette["input"]).urgency in vignette["acceptable_urgency"], vignette["id"]
