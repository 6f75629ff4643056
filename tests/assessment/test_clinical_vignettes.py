"""Clinical-coverage vignettes (tests/assessment/data/clinical-vignettes.json).

Written like the development vignettes, with expectations taken from the clinical reference
(../shared/clinical/clinical.md), not from what the engine does: every concern of the contract
in typical and atypical presentations, plus near-miss negatives. Each case is checked as the
development vignettes are (acceptable urgency, required concerns raised, forbidden ones not),
and its `unsafe_if_advised` phrases are checked against the advice actually given.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crampcheck import assess
from crampcheck.assessment.result import AdviceItem, Assessment
from crampcheck.contract.vocabulary import CONCERN_IDS, URGENCY_RANK
from tests.support.vignette_checks import check_entry, check_outcome

DATA = Path(__file__).parent / "data" / "clinical-vignettes.json"
VIGNETTES: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Unsafe:
    """What giving one unsafe piece of advice would look like in a result.

    `items`: advice ids that recommend it, so they must not appear in first aid, prevention or
    "discuss with a doctor" (they may appear under "do not"); `pattern`: words that no positive
    item may contain; `at_least`: the urgency the result must reach, for advice to wait.
    """

    items: frozenset[str] = frozenset()
    pattern: str | None = None
    at_least: str | None = None


def _unsafe(*items: str, pattern: str | None = None, at_least: str | None = None) -> Unsafe:
    return Unsafe(frozenset(items), pattern, at_least)


MASSAGE = _unsafe("massage_during_cramp")
STRETCH = _unsafe("stretch_during_cramp", "nightly_stretching")
HEAT = _unsafe("heat_for_soreness", "warm_foot_bath")
WALK = _unsafe("stand_and_walk", "regular_activity", "walking_programme_pad")
WAIT = _unsafe(at_least="urgent")
NOTHING_RECOMMENDS_IT = _unsafe()  # no advice item says it; listed so that the phrase is known
QUININE = _unsafe(pattern=r"quinine|tonic water")

# Every phrase used in the vignettes' unsafe_if_advised, and how it would show.
UNSAFE_ADVICE: dict[str, Unsafe] = {
    "massage the calf": MASSAGE,
    "massage the calf hard": MASSAGE,
    "massage the vein": MASSAGE,
    "stretch it out": STRETCH,
    "vigorous calf stretching": STRETCH,
    "apply heat or a hot water bottle": HEAT,
    "soak the feet in hot water": HEAT,
    "walk it off": WALK,
    "keep exercising through the pain": WALK,
    "elevate the leg high": _unsafe("cool_down_heat"),  # the only advice that raises the legs
    "bed rest until the pain goes": _unsafe("rest_protect_injury"),
    "rest the leg and avoid walking": _unsafe("rest_protect_injury"),
    "wear compression stockings": _unsafe("compression_stockings"),
    "take ibuprofen": _unsafe("painkillers_afterwards"),
    "drink lots of extra fluid": _unsafe("sensible_fluids", "oral_rehydration"),
    "take magnesium supplements": _unsafe("magnesium_pregnancy"),
    "take magnesium tablets to prevent them": _unsafe("magnesium_pregnancy"),
    "take magnesium and wait": _unsafe("magnesium_pregnancy", at_least="consult"),
    "take vitamin B complex without asking the midwife": _unsafe("vitamin_b_complex"),
    "give the child vitamin supplements": _unsafe("vitamin_b_complex"),
    "take vitamin K2": _unsafe("vitamin_k2"),
    "take quinine": QUININE,
    "take extra quinine": QUININE,
    "keep taking quinine without review": _unsafe(pattern=r"quinine", at_least="consult"),
    "take tolperisone or gabapentin": _unsafe(
        pattern=r"tolperisone|gabapentin|phenytoin|diltiazem|verapamil"
    ),
    "take potassium supplements": _unsafe(pattern=r"potassium supplement|salt substitute"),
    "rub in camphor or vodka": _unsafe(pattern=r"camphor|vodka|tincture"),
    "take alcohol tinctures": _unsafe(pattern=r"camphor|vodka|tincture"),
    "wait for a routine appointment": WAIT,
    "wait and see if painkillers work": _unsafe("painkillers_afterwards", at_least="urgent"),
    "wait to see if the bladder problem goes away": WAIT,
    "rest in bed and wait for a GP appointment": WAIT,
    "rest and wait for the next antenatal appointment": WAIT,
    "give calpol and wait a few days": WAIT,
    "reassure it is growing pains": WAIT,
    "keep taking both and see": WAIT,
    "drink a lot and wait to see": WAIT,
    "give him lots of plain water and let him sleep it off": WAIT,
    "drink lots of plain water": NOTHING_RECOMMENDS_IT,
    "take salt tablets and rest at home": NOTHING_RECOMMENDS_IT,
    "keep working in the heat": NOTHING_RECOMMENDS_IT,
    "drink alcohol to settle the shakes": NOTHING_RECOMMENDS_IT,
    "restart old tablets from the cupboard": NOTHING_RECOMMENDS_IT,
    "stop the statin without advice": NOTHING_RECOMMENDS_IT,
    "stop the acid tablet without advice": NOTHING_RECOMMENDS_IT,
    "stop the antidepressant without advice": NOTHING_RECOMMENDS_IT,
    "stop the inhaler without advice": NOTHING_RECOMMENDS_IT,
    "stop the water tablets without advice": NOTHING_RECOMMENDS_IT,
}


def _positive(result: Assessment) -> list[AdviceItem]:
    return [
        item
        for items in (result.first_aid, result.prevention_plan, result.discuss_with_doctor)
        for item in items
    ]


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v["id"] for v in VIGNETTES])
def test_clinical_vignette(vignette: dict[str, Any]) -> None:
    check_outcome(vignette)


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v["id"] for v in VIGNETTES])
def test_clinical_vignette_unsafe_advice_is_not_given(vignette: dict[str, Any]) -> None:
    result = assess(vignette["input"])
    positive = _positive(result)
    given = {item.id for item in positive}
    texts = " ".join(f"{item.title} {item.text} {' '.join(item.steps)}" for item in positive)
    for phrase in vignette.get("unsafe_if_advised") or []:
        unsafe = UNSAFE_ADVICE[phrase]
        assert not unsafe.items & given, phrase
        if unsafe.pattern:
            assert not re.search(unsafe.pattern, texts, re.IGNORECASE), phrase
        if unsafe.at_least:
            assert URGENCY_RANK[result.urgency] >= URGENCY_RANK[unsafe.at_least], phrase


def test_the_vignettes_are_well_formed_and_cover_every_concern_twice() -> None:
    ids = [v["id"] for v in VIGNETTES]
    assert len(ids) == len(set(ids)) and len(ids) >= 60
    required = Counter(c for vignette in VIGNETTES for c in vignette["required_concerns"])
    assert [concern for concern in CONCERN_IDS if required[concern] < 2] == []
    for vignette in VIGNETTES:
        check_entry(vignette)
        for phrase in vignette.get("unsafe_if_advised") or []:
            assert phrase in UNSAFE_ADVICE, f"{vignette['id']}: unknown unsafe advice {phrase!r}"


def test_every_unsafe_phrase_is_used() -> None:
    used = {phrase for v in VIGNETTES for phrase in v.get("unsafe_if_advised") or []}
    assert set(UNSAFE_ADVICE) == used
