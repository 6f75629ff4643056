"""Medical safety rules: unsafe advice only as "don't", contraindications, wording, safety net."""

from __future__ import annotations

import re
from typing import Any

import pytest

from crampcheck import assess
from crampcheck.assessment.result import Assessment
from crampcheck.knowledge.loading import load_knowledge_base
from tests.support.shared import vignettes

BY_ID = {v["id"]: v for v in vignettes()}


def _positive(result: Assessment) -> set[str]:
    lists = [result.first_aid, result.prevention_plan, result.discuss_with_doctor]
    return {item.id for items in lists for item in items}


def _avoided(result: Assessment) -> set[str]:
    return {item.id for item in result.do_not}


# For each vignette's unsafe advice: the advice items that must NOT be given (and, where the
# knowledge base has one, the "don't" item that must be shown instead).
UNSAFE_ADVICE: list[tuple[str, set[str], set[str]]] = [
    ("V011", {"massage_during_cramp", "heat_for_soreness"}, {"massage_during_cramp"}),
    ("V013", set(), {"no_self_quinine"}),
    (
        "V023",
        {"massage_during_cramp", "stretch_during_cramp", "stand_and_walk"},
        {"stand_and_walk"},
    ),
    ("V027", {"massage_during_cramp", "nightly_stretching"}, {"massage_during_cramp"}),
    ("V037", set(), {"no_self_quinine"}),
    ("V048", {"sensible_fluids"}, {"no_potassium_supplements", "no_self_quinine"}),
    ("V052", {"warm_foot_bath", "heat_for_soreness"}, {"no_hot_foot_soaks", "no_self_quinine"}),
    (
        "V054",
        {"heat_for_soreness", "stand_and_walk", "massage_during_cramp", "warm_foot_bath"},
        {"heat_for_soreness", "stand_and_walk", "no_leg_elevation_ischaemia", "no_hot_foot_soaks"},
    ),
    ("V071", set(), {"no_swimming_alone_cold"}),
    ("V072", set(), {"no_stopping_medicine", "no_self_quinine"}),
    (
        "V085",
        {"massage_during_cramp", "stretch_during_cramp", "nightly_stretching"},
        {"massage_during_cramp", "stretch_during_cramp", "no_self_quinine"},
    ),
    ("V096", set(), {"no_waiting"}),
    (
        "V100",
        {"heat_for_soreness", "massage_during_cramp", "stand_and_walk"},
        {"heat_for_soreness", "massage_during_cramp", "no_leg_elevation_ischaemia"},
    ),
]


@pytest.mark.parametrize(("vignette", "never", "shown_as_dont"), UNSAFE_ADVICE)
def test_unsafe_advice_for_the_case_is_never_given(
    vignette: str, never: set[str], shown_as_dont: set[str]
) -> None:
    result = assess(BY_ID[vignette]["input"])
    assert not never & _positive(result)
    assert shown_as_dont <= _avoided(result)


def test_urgent_and_emergency_results_say_not_to_wait_and_how_to_get_help() -> None:
    for vignette in BY_ID.values():
        result = assess(vignette["input"])
        first = result.first_aid[0].id if result.first_aid else None
        if result.urgency == "emergency":
            assert first == "call_emergency_services", vignette["id"]
        if result.urgency in ("urgent", "emergency"):
            assert "no_waiting" in _avoided(result), vignette["id"]


def test_unsafe_remedies_from_the_articles_appear_only_as_donts() -> None:
    unsafe = {
        "no_pricking",
        "no_self_quinine",
        "no_self_anticonvulsants",
        "no_alcohol_remedies",
        "no_potassium_supplements",
    }
    for vignette in BY_ID.values():
        result = assess(vignette["input"])
        # In an emergency the result lists only the don'ts that matter until help comes.
        assert (unsafe <= _avoided(result)) == (result.urgency != "emergency"), vignette["id"]
        for item in result.do_not:
            assert item.grade in ("X", "E0") and item.text, item.id
        positive = (result.first_aid, result.prevention_plan, result.discuss_with_doctor)
        texts = " ".join(i.title + i.text for items in positive for i in items)
        assert not re.search(r"quinine|phenytoin|tolperisone|diltiazem|verapamil", texts, re.I)


def test_potassium_and_magnesium_are_never_suggested_with_kidney_disease() -> None:
    result = assess(
        {
            "age": 70,
            "sex": "female",
            "pregnancy_weeks": None,
            "conditions": ["chronic_kidney_disease"],
            "cramps": {"when": ["night"], "per_week": 4},
        }
    )
    assert "no_potassium_supplements" in _avoided(result)
    assert "no_magnesium_kidney" in _avoided(result)
    pregnant_ckd = assess(
        {"age": 30, "pregnancy_weeks": 24, "conditions": ["chronic_kidney_disease"]}
    )
    assert "magnesium_pregnancy" in _avoided(pregnant_ckd)
    assert "magnesium_pregnancy" not in _positive(pregnant_ckd)


def test_vitamin_k_is_not_suggested_with_warfarin() -> None:
    base: dict[str, Any] = {"age": 72, "cramps": {"when": ["night"], "per_week": 4}}
    assert "vitamin_k2" in _positive(assess({**base, "medications": []}))
    on_warfarin = assess({**base, "medications": ["warfarin 3 mg"]})
    assert "vitamin_k2" not in _positive(on_warfarin)
    assert "vitamin_k2" in _avoided(on_warfarin)


def test_no_calf_massage_or_heat_while_a_clot_is_suspected() -> None:
    result = assess({"age": 50, "symptoms": ["calf_swelling_one_side"]})
    assert {"dvt"} <= {c.id for c in result.concerns}
    assert not {"massage_during_cramp", "heat_for_soreness"} & _positive(result)
    assert {"massage_during_cramp", "heat_for_soreness"} <= _avoided(result)


@pytest.mark.parametrize(
    ("symptom", "concern"),
    [
        ("shortness_of_breath", "pulmonary_embolism"),
        ("cannot_move_foot_or_toes", "acute_limb_ischaemia"),
        ("severe_pain_tense_swelling", "compartment_syndrome"),
        ("loss_of_consciousness", "seizure"),
        ("saddle_numbness", "cauda_equina_syndrome"),
    ],
)
def test_each_emergency_sign_alone_escalates_whatever_else_was_said(
    symptom: str, concern: str
) -> None:
    reassuring = BY_ID["V039"]["input"]
    result = assess({**reassuring, "symptoms": [symptom]})
    assert result.urgency == "emergency"
    assert concern in {c.id for c in result.concerns}


def test_dark_urine_with_muscle_pain_after_hard_exercise_is_an_emergency() -> None:
    result = assess(
        {
            "age": 24,
            "symptoms": ["dark_urine", "widespread_muscle_pain"],
            "recent_events": ["intense_unaccustomed_exercise"],
        }
    )
    assert result.urgency == "emergency"
    assert "rhabdomyolysis" in {c.id for c in result.concerns}


def test_unasked_red_flags_are_named_with_the_answer_that_would_change_the_result() -> None:
    result = assess({"age": 60, "cramps": {"when": ["night"]}})
    assert result.urgency == "self_care"
    breathless = [item for item in result.not_asked if item.answer == "shortness_of_breath"]
    assert breathless and breathless[0].would_raise_to == "emergency"
    assert breathless[0].field == "symptoms"
    assert "pulmonary_embolism" in breathless[0].concerns
    asked = assess(
        {
            **BY_ID["V039"]["input"],
            "symptoms_denied": ["shortness_of_breath", "chest_pain", "coughing_blood"],
        }
    )
    assert not any("pe_chest_or_breath" in item.rules for item in asked.not_asked)


def test_results_inform_and_never_diagnose() -> None:
    knowledge = load_knowledge_base()
    texts = [c.summary for c in knowledge.concerns] + [r.reason for _, r in knowledge.rules()]
    for text in texts:
        assert not re.search(r"(?<!if )(?<!said )\byou (have|suffer from)\b", text, re.I), text
    for concern in knowledge.concerns:
        if concern.id not in ("pregnancy_cramps", "frequent_cramps"):
            assert re.search(r"your (answers|cramps)", concern.summary, re.I), concern.id


def test_every_result_carries_when_to_seek_help() -> None:
    for document in [{"age": 5}, *[v["input"] for v in BY_ID.values()]]:
        result = assess(document)
        assert result.safety_net and "emergency" in result.safety_net[0].lower()
        assert result.disclaimer


@pytest.mark.parametrize(
    ("document", "urgency", "concern"),
    [
        (  # vomiting and headache after long exercise: exercise-associated hyponatraemia
            {
                "age": 35,
                "cramps": {"when": ["after_exercise"]},
                "symptoms": ["vomiting_or_diarrhoea", "headache"],
            },
            "emergency",
            "electrolyte_disturbance",
        ),
        (  # dark urine after a hard session
            {"age": 28, "cramps": {"when": ["after_exercise"]}, "symptoms": ["dark_urine"]},
            "emergency",
            "rhabdomyolysis",
        ),
        ({"age": 80, "symptoms": ["low_urine_output"]}, "urgent", "dehydration"),
        ({"age": 7, "cramps": {"when": ["night"]}, "symptoms": ["fever"]}, "urgent", "cellulitis"),
        (
            {"age": 70, "medications": ["furosemide"], "symptoms": ["palpitations", "dizziness"]},
            "emergency",
            "electrolyte_disturbance",
        ),
    ],
)
def test_red_flags_beyond_the_development_vignettes(
    document: dict[str, Any], urgency: str, concern: str
) -> None:
    result = assess(document)
    assert result.urgency == urgency
    assert concern in {c.id for c in result.concerns}


def test_typical_growing_pains_stay_self_care() -> None:
    child = {
        "age": 7,
        "cramps": {"when": ["night"], "side": "both"},
        "symptoms_denied": ["fever", "limp_or_refusing_to_walk"],
    }
    assert assess(child).urgency == "self_care"


def test_a_symptom_both_reported_and_denied_counts_as_reported_and_is_noted() -> None:
    result = assess({"age": 50, "symptoms": ["chest_pain"], "symptoms_denied": ["chest_pain"]})
    assert result.urgency == "emergency"
    assert any("chest_pain" in note for note in result.input_notes)


def test_unknown_medicines_are_reported_never_guessed() -> None:
    result = assess({"age": 50, "medications": ["zzzqqq"]})
    assert result.medications[0].status == "unknown"
    assert result.medications[0].generic is None
    assert any("zzzqqq" in note for note in result.input_notes)


def test_an_emergency_lists_only_the_donts_that_matter_until_help_comes() -> None:
    result = assess(BY_ID["V100"]["input"])
    avoided = _avoided(result)
    assert {"massage_during_cramp", "heat_for_soreness", "no_leg_elevation_ischaemia"} <= avoided
    assert not {"no_self_quinine", "no_pricking", "no_potassium_supplements"} & avoided
