"""The three interviews whose result pages the browser tests and `bench/result_page_height.py`
look at: one ending in an emergency, one urgent, one self-care (answers by question id, as
typed or ticked on the web form)."""

from __future__ import annotations

AnswerMap = dict[str, str | list[str]]

# A 67-year-old man with ordinary night cramps (dev vignette V039), every question answered.
SELF_CARE: AnswerMap = {
    "age": "67",
    "sex": "male",
    "muscles": ["foot", "calf"],
    "side": "both",
    "when": ["night"],
    "per_week": "2",
    "typical_minutes": "2",
    "longest_minutes": "2",
    "relieved_by_stretching": "yes",
    "wakes_from_sleep": "yes",
    "severity": "5",
    "weeks_since_onset": "52",
    "medications": "",
    "medications_stopped_recently": "",
    "exercise": "light",
    "exercise_recently_increased": "no",
    "alcohol": "2",
    "caffeine": "2",
    "fluids": "1.5",
}

# The same man after a long flight, with one swollen, painful calf: a possible clot (urgent).
URGENT: AnswerMap = {
    **SELF_CARE,
    "side": "left",
    "calf_signs": ["calf_swelling_one_side", "calf_pain_between_cramps"],
    "recent_events": ["long_travel"],
}

# Short of breath: the interview stops at the red-flag screen with an emergency.
EMERGENCY: AnswerMap = {"age": "52", "sex": "male", "breathing": ["shortness_of_breath"]}

RESULT_CASES: dict[str, AnswerMap] = {
    "emergency": EMERGENCY,
    "urgent": URGENT,
    "self_care": SELF_CARE,
}
