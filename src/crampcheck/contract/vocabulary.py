"""The value sets of the assessment contract (../shared/spec/assessment-contract.md).

Kept as Literal types so that both pydantic and mypy know them; a test checks that they are
exactly the sets of the shared JSON schema.
"""

from __future__ import annotations

from typing import Literal, get_args

Urgency = Literal["self_care", "consult", "urgent", "emergency"]
URGENCY_ORDER: tuple[Urgency, ...] = ("self_care", "consult", "urgent", "emergency")
URGENCY_RANK: dict[str, int] = {level: rank for rank, level in enumerate(URGENCY_ORDER)}

Sex = Literal["female", "male", "other", "unknown"]
Muscle = Literal["calf", "foot", "thigh", "hamstring", "other"]
Side = Literal["left", "right", "both", "alternating"]
Timing = Literal["night", "rest_day", "during_exercise", "after_exercise", "walking", "swimming"]
StretchRelief = Literal["yes", "no", "unknown"]
ExerciseLevel = Literal["none", "light", "moderate", "intense"]
Symptom = Literal[
    "calf_swelling_one_side",
    "calf_redness",
    "calf_warmth",
    "calf_pain_between_cramps",
    "swelling_behind_knee",
    "shortness_of_breath",
    "chest_pain",
    "coughing_blood",
    "muscle_weakness",
    "muscle_wasting",
    "muscle_twitching",
    "numbness_tingling_feet",
    "tingling_around_mouth_or_fingers",
    "back_pain_radiating_to_leg",
    "dark_urine",
    "widespread_muscle_pain",
    "fever",
    "cold_pale_foot",
    "foot_wounds_slow_healing",
    "pain_walking_relieved_by_rest",
    "sudden_pop_in_calf",
    "cannot_stand_on_tiptoe",
    "severe_pain_tense_swelling",
    "urge_to_move_legs",
    "visible_varicose_veins",
    "leg_heaviness",
    "fatigue",
    "weight_gain",
    "feeling_cold",
    "excessive_thirst_urination",
    "confusion",
    "loss_of_consciousness",
    "difficulty_swallowing_or_speaking",
    "cramps_in_hands_or_other_muscles",
    "vomiting_or_diarrhoea",
    "heavy_sweating",
    "swelling_both_legs",
    "weight_loss",
    "bladder_or_bowel_problems",
    "saddle_numbness",
    "low_urine_output",
    "palpitations",
    "dizziness",
    "headache",
    "visual_disturbance",
    "cannot_move_foot_or_toes",
    "snap_at_heel",
    "pain_walking_relieved_by_sitting_or_bending",
    "limp_or_refusing_to_walk",
    "calf_bruising",
    "hard_painful_vein",
    "sudden_one_sided_weakness_or_numbness",
    "face_drooping",
]
Condition = Literal[
    "diabetes",
    "chronic_kidney_disease",
    "dialysis",
    "liver_cirrhosis",
    "heart_failure",
    "peripheral_artery_disease",
    "varicose_veins",
    "previous_dvt",
    "active_cancer",
    "hypothyroidism",
    "hyperthyroidism",
    "parkinsons",
    "peripheral_neuropathy",
    "multiple_sclerosis",
    "motor_neuron_disease",
    "spinal_stenosis",
    "alcohol_use_disorder",
    "addisons_disease",
    "hypertension",
    "flat_feet",
    "obesity",
    "atrial_fibrillation",
]
RecentEvent = Literal[
    "long_travel",
    "surgery",
    "leg_injury",
    "immobilisation",
    "started_hormonal_contraception",
    "intense_unaccustomed_exercise",
    "heat_exposure",
    "long_lie_after_fall",
    "plaster_cast",
    "stopped_drinking_alcohol",
    "missed_dialysis",
]
ConcernId = Literal[
    "pulmonary_embolism",
    "dvt",
    "compartment_syndrome",
    "acute_limb_ischaemia",
    "rhabdomyolysis",
    "seizure",
    "cellulitis",
    "muscle_tear",
    "achilles_rupture",
    "electrolyte_disturbance",
    "dehydration",
    "statin_muscle_symptoms",
    "medication_side_effect",
    "peripheral_artery_disease",
    "radiculopathy",
    "peripheral_neuropathy",
    "motor_neuron_disease",
    "hypothyroidism",
    "restless_legs",
    "venous_insufficiency",
    "bakers_cyst",
    "frequent_cramps",
    "pregnancy_cramps",
    "exercise_associated_cramps",
    "idiopathic_nocturnal_cramps",
    "uncontrolled_diabetes",
    "superficial_thrombophlebitis",
    "heat_illness",
    "cauda_equina_syndrome",
    "stroke_or_tia",
]
LifestyleFlag = Literal[
    "exercise_recently_increased",
    "prolonged_standing",
    "prolonged_sitting",
    "high_heels",
    "cold_exposure",
    "poor_sleep_or_stress",
    "smoker",
]
NumericField = Literal[
    "age",
    "pregnancy_weeks",
    "postpartum_weeks",
    "cramps.per_week",
    "cramps.typical_minutes",
    "cramps.longest_minutes",
    "cramps.weeks_since_onset",
    "cramps.severity",
    "lifestyle.alcohol_units_per_week",
    "lifestyle.caffeine_cups_per_day",
    "lifestyle.fluid_litres_per_day",
]


def values(literal: object) -> tuple[str, ...]:
    """The allowed values of a Literal type, in declaration order."""
    return tuple(str(value) for value in get_args(literal))


SYMPTOMS = values(Symptom)
CONDITIONS = values(Condition)
RECENT_EVENTS = values(RecentEvent)
CONCERN_IDS = values(ConcernId)
