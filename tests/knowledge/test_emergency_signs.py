"""The listed emergency signs and the engine agree, both ways: every emergency rule is behind a
listed sign, and every listed sign, answered, makes the result an emergency."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from crampcheck.assessment.engine import assess
from crampcheck.contract.answers import ANSWER_KINDS
from crampcheck.i18n.translator import load_translator
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.emergency_signs import (
    MEDICINE_KINDS,
    NUMBER,
    EmergencySign,
    SignAnswer,
    SignWords,
    emergency_signs,
)
from crampcheck.knowledge.loading import load_knowledge_base
from crampcheck.medications.catalog import load_medication_catalog

BASE_INPUT: dict[str, Any] = {"age": 40, "sex": "male"}
STEP = {"gt": 1.0, "gte": 0.0, "lt": -1.0, "lte": 0.0}  # from the threshold to a number beyond


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="module")
def signs(knowledge: KnowledgeBase) -> list[EmergencySign]:
    return emergency_signs(knowledge)


def _medicine_with(class_or_effect: str) -> str:
    """A medicine of the catalogue of that class or with that effect (its own or its class')."""
    catalog = load_medication_catalog().data
    classes = {drug_class.id: drug_class for drug_class in catalog.classes}
    for drug in catalog.drugs:
        effects = set(drug.effects).union(*(classes[c].effects for c in drug.classes))
        if class_or_effect in drug.classes or class_or_effect in effects:
            return drug.generic
    raise AssertionError(f"no medicine in the catalogue has {class_or_effect}")


def _put(document: dict[str, Any], path: str, value: Any, *, into_list: bool) -> None:
    *sections, name = path.split(".")
    target = document
    for section in sections:
        target = target.setdefault(section, {})
    if into_list:
        target.setdefault(name, []).append(value)
    else:
        target[name] = value


def input_for(answers: list[SignAnswer]) -> dict[str, Any]:
    """The smallest assessment input that gives these answers."""
    document: dict[str, Any] = {**BASE_INPUT}
    for answer in answers:
        if answer.kind == NUMBER:
            assert answer.op is not None and answer.threshold is not None
            _put(document, answer.value, answer.threshold + STEP[answer.op], into_list=False)
        elif answer.kind in MEDICINE_KINDS:
            medicine = _medicine_with(answer.value)
            _put(document, "medications", medicine, into_list=True)
        else:
            kind = ANSWER_KINDS[answer.kind]
            value = True if answer.kind == "habit" else answer.value
            _put(document, kind.path_of(answer.value), value, into_list=kind.is_list)
    return document


def ways_to_answer(sign: EmergencySign) -> Iterator[list[SignAnswer]]:
    """Every alternative of every part, each with the first alternative of the other parts."""
    first = [part[0] for part in sign.parts]
    for index, part in enumerate(sign.parts):
        for alternative in part:
            yield [*first[:index], alternative, *first[index + 1 :]]


def test_every_emergency_rule_is_behind_a_listed_sign(
    knowledge: KnowledgeBase, signs: list[EmergencySign]
) -> None:
    emergency_rules = {rule.id for _, rule in knowledge.rules() if rule.urgency == "emergency"}
    listed = {rule for sign in signs for rule in sign.rules}
    assert emergency_rules and listed == emergency_rules


def test_every_listed_sign_answered_makes_the_result_an_emergency(
    knowledge: KnowledgeBase, signs: list[EmergencySign]
) -> None:
    not_emergency = []
    for sign in signs:
        for answers in ways_to_answer(sign):
            document = input_for(answers)
            if assess(document, knowledge=knowledge).urgency != "emergency":
                not_emergency.append(document)
    assert not_emergency == []


def test_a_single_answer_sign_needs_nothing_else(signs: list[EmergencySign]) -> None:
    singles = [sign for sign in signs if not sign.is_combination]
    assert {"shortness_of_breath", "chest_pain", "face_drooping"} <= {
        sign.parts[0][0].value for sign in singles
    }
    assert all(len(sign.parts) == 1 and len(sign.parts[0]) == 1 for sign in singles)


def test_the_signs_read_as_the_interview_s_words(
    knowledge: KnowledgeBase, signs: list[EmergencySign]
) -> None:
    catalog = load_medication_catalog().data
    words = SignWords.for_catalog(knowledge, load_translator("en").gettext, catalog)
    lines = [words.describe(sign) for sign in signs]
    assert "Shortness of breath" in lines
    combined = next(line for line in lines if line.startswith("Time in great heat together"))
    assert "Confusion or unusual drowsiness" in combined
    raw_ids = [line for line in lines if "_" in line]  # an option value, not its label
    assert raw_ids == []
    # A medicine reads as a sign, not as advice about it ("... needs urgent care" inside a
    # list of reasons to call an ambulance would contradict it).
    assert any("Taking a medicine that can lower blood sodium" in line for line in lines)
    assert not any("urgent care" in line or "This medicine" in line for line in lines)


def test_every_medicine_effect_an_emergency_rule_tests_has_its_sign_wording(
    signs: list[EmergencySign],
) -> None:
    effects = {effect.id: effect for effect in load_medication_catalog().data.effects}
    tested = {
        answer.value
        for sign in signs
        for part in sign.parts
        for answer in part
        if answer.kind.startswith("med_effect")
    }
    assert tested and all(effects[value].sign for value in tested), tested


def test_a_rule_that_cannot_be_listed_is_named(knowledge: KnowledgeBase) -> None:
    from crampcheck.knowledge.concerns import Rule
    from crampcheck.knowledge.expressions import Atom, Not

    class OneRule:
        def rules(self) -> list[tuple[None, Rule]]:
            when = Not(Atom("symptom", ("fever",)))
            rule = Rule(id="odd_rule", urgency="emergency", when=when, reason="r")
            return [(None, rule)]

    with pytest.raises(ValueError, match="odd_rule"):
        emergency_signs(OneRule())  # type: ignore[arg-type]
