"""Advice withheld as data (clinical.md §i.4), checked on generated people and every vignette:

- nothing offered as a "do" is withheld for that person (its categories' conditions and its
  own `withhold_when`, evaluated by the reference evaluator, not the engine's index);
- no "do" shares a category with a "do not" of the same result (a category that withholds
  an item shown as "Not now", or one that a "don't" forbids);
- in an emergency, first aid holds only what is safe while waiting for help;
- a concern's action is the text for the urgency it was raised at.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from crampcheck import assess
from crampcheck.assessment.evaluate import Context, evaluate
from crampcheck.assessment.facts import Facts
from crampcheck.assessment.input import parse_input
from crampcheck.assessment.medicines import match_medicines
from crampcheck.assessment.result import AdviceItem, Assessment
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.expressions import Node
from crampcheck.knowledge.interventions import Intervention, InterventionKind
from crampcheck.knowledge.loading import load_knowledge_base
from crampcheck.knowledge.withholding import AdviceCategory
from tests.assessment.strategies import valid_inputs
from tests.support.shared import vignettes

KNOWLEDGE = load_knowledge_base()
ITEMS = {item.id: item for item in KNOWLEDGE.interventions}
CATEGORIES = {category.id: category for category in KNOWLEDGE.withholding}


def _context(document: dict[str, Any], result: Assessment) -> Context:
    """What the advice conditions see: the answers and the result's conclusions."""
    person = parse_input(document)
    facts = Facts(person, match_medicines(person))
    concerns: dict[str, Any] = {concern.id: ((),) for concern in result.concerns}
    return Context(
        facts,
        concerns={key: () for key in concerns},
        concern_urgency={concern.id: concern.urgency for concern in result.concerns},
        factors={factor.id: () for system in result.factors for factor in system.factors},
    )


def _withheld(item: Intervention, context: Context) -> list[str]:
    """The reasons (category ids or "own") that withhold `item` for this person."""
    conditions: list[tuple[str, Node]] = [
        (str(name), CATEGORIES[name].when) for name in item.categories or ()
    ]
    if item.withhold_when is not None:
        conditions.append(("own", item.withhold_when))
    return [name for name, node in conditions if evaluate(node, context)[0] is True]


def _offered(result: Assessment) -> list[AdviceItem]:
    lists = (result.first_aid, result.prevention_plan, result.discuss_with_doctor)
    return [item for items in lists for item in items]


def _check(document: dict[str, Any], knowledge: KnowledgeBase = KNOWLEDGE) -> None:
    result = assess(document, knowledge=knowledge)
    context = _context(document, result)
    offered = _offered(result)
    do_categories: set[AdviceCategory] = set()
    for shown in offered:
        item = ITEMS[shown.id]
        assert not _withheld(item, context), (item.id, _withheld(item, context))
        do_categories |= set(item.categories or ())
    for shown in result.do_not:
        item = ITEMS[shown.id]
        ruled_out = set(item.forbids)
        if item.kind is not InterventionKind.AVOID:  # a withheld "do", shown as "Not now"
            reasons = _withheld(item, context)
            assert reasons, item.id  # shown as "Not now" only when something withholds it
            ruled_out |= {AdviceCategory(name) for name in reasons if name != "own"}
        assert not ruled_out & do_categories, (item.id, ruled_out & do_categories)
    if result.urgency == "emergency":
        unsafe = [item.id for item in result.first_aid if not ITEMS[item.id].safe_while_waiting]
        assert unsafe == [], unsafe
    for concern in result.concerns:
        known = KNOWLEDGE.concern(concern.id)
        assert concern.action == known.action_at(concern.urgency)


@settings(max_examples=300, deadline=None)
@given(valid_inputs())
def test_no_do_is_withheld_or_contradicted_on_generated_people(document: dict[str, Any]) -> None:
    _check(document)


CLINICAL = Path(__file__).parent / "data" / "clinical-vignettes.json"
ALL_VIGNETTES = [*vignettes(), *json.loads(CLINICAL.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("vignette", ALL_VIGNETTES, ids=lambda v: v["id"])
def test_no_do_is_withheld_or_contradicted_in_the_vignettes(vignette: dict[str, Any]) -> None:
    _check(vignette["input"])


def test_every_advice_item_to_do_says_when_it_is_withheld() -> None:
    for item in KNOWLEDGE.interventions:
        if item.kind is not InterventionKind.AVOID:
            assert item.categories is not None, item.id


def test_advice_of_a_risky_kind_carries_that_category() -> None:
    # A reviewer's net: words that name a §i.4 kind of advice must come with its category.
    words = {
        AdviceCategory.ACTIVITY: ("walk",),
        AdviceCategory.STRETCH_MASSAGE: ("stretch", "massage", "knead"),
        AdviceCategory.HEAT: ("bath", "shower", "heat pad", "hot-water", "warm pad", "warmth"),
        AdviceCategory.NSAID: ("ibuprofen", "naproxen", "nsaid"),
        AdviceCategory.VITAMIN_K: ("vitamin k",),
        AdviceCategory.MAGNESIUM: ("magnesium",),
    }
    for item in KNOWLEDGE.interventions:
        if item.kind is InterventionKind.AVOID or item.kind is InterventionKind.DOCTOR:
            continue  # "don't"s name what not to do; doctor items are discussed, not done
        if item.id in MENTIONS_NOT_ADVICE:
            continue
        text = f"{item.title} {item.text} {' '.join(item.steps)}".lower()
        for category, found in words.items():
            if any(word in text for word in found) and not _only_as_warning(item, found):
                assert category in (item.categories or ()), (item.id, category)


# Items that name a kind of advice without advising it.
MENTIONS_NOT_ADVICE = {"keep_diary"}  # lists what to note in the diary ("stretching")


def _only_as_warning(item: Intervention, words: tuple[str, ...]) -> bool:
    """Whether every mention of the words is in a warning ("do not ... walk on it")."""
    text = f"{item.title}. {item.text}. {'. '.join(item.steps)}".lower()
    for sentence in re.split(r"[.;:]", text):
        for word in words:
            at = sentence.find(word)
            if at >= 0 and not re.search(r"\b(not|avoid|neither|no)\b", sentence[:at]):
                return False
    return True


def test_the_knowledge_base_refuses_advice_without_categories() -> None:
    with pytest.raises(ValueError, match="must list its categories"):
        Intervention.model_validate(
            {
                "id": "walk_more",
                "kind": "prevention",
                "title": "Walk more",
                "text": "Walk every day.",
                "grade": "E3",
                "sources": ["CLINREF"],
            }
        )


def test_waran_withholds_vitamin_k2_like_warfarin() -> None:
    base = {
        "age": 72,
        "cramps": {"when": ["night"], "per_week": 4, "muscles": ["calf"]},
        "symptoms_denied": ["calf_swelling_one_side"],
    }
    for name in ("warfarin", "Waran", "Marcumar"):
        result = assess({**base, "medications": [name]})
        assert "vitamin_k2" not in {item.id for item in _offered(result)}, name
        assert "painkillers_afterwards" not in {item.id for item in _offered(result)}, name
