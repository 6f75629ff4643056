"""A reproducible population of distinct, plausible people for the speed benchmarks.

The development vignettes are only 20 documents; repeated, they would let any cache look
perfect. This draws thousands of different people (seeded, so every run sees the same ones)
the way the interview produces them: most report a few symptoms and deny the red flags they
were asked about, some skip sections, about half take medicines written as people write them.
"""

from __future__ import annotations

import random
from typing import Any, get_args

from crampcheck.contract import vocabulary

SYMPTOMS = list(get_args(vocabulary.Symptom))
CONDITIONS = list(get_args(vocabulary.Condition))
EVENTS = list(get_args(vocabulary.RecentEvent))
MUSCLES = list(get_args(vocabulary.Muscle))
TIMINGS = list(get_args(vocabulary.Timing))
# Generic and brand names, doses, typos and Cyrillic, as in medication lists people type.
MEDICINES = [
    "Lipitor 20mg", "atorvastatin", "simvastatin 40 mg", "Crestor", "furosemid", "Lasix",
    "HCTZ", "hydrochlorothiazide 25mg", "amlodipine", "Norvasc", "ramipril", "lisinopril",
    "metformin", "omeprazole", "Nexium", "pantoprazole", "salbutamol inhaler", "levothyroxine",
    "Торвакард", "Конкор", "bisoprolol", "spironolactone", "ciprofloxacin", "warfarin",
    "apixaban", "Eliquis", "zolpidem", "pregabalin", "gabapentin", "sertraline", "ibuprofen",
    "paracetamol", "vitamin D", "magnesium", "teriparatide", "raloxifene", "donepezil",
    "tamsulosin", "atorvastatine", "Xarelto", "prednisolone", "lithium", "unknownium 5mg",
]  # fmt: skip
LIFESTYLE_FLAGS = [
    "exercise_recently_increased", "prolonged_standing", "prolonged_sitting", "high_heels",
    "cold_exposure", "poor_sleep_or_stress", "smoker",
]  # fmt: skip


def population(size: int, seed: int = 2026) -> list[dict[str, Any]]:
    """`size` different contract input documents (the same ones for the same seed)."""
    rng = random.Random(seed)
    return [_person(rng) for _ in range(size)]


def _person(rng: random.Random) -> dict[str, Any]:
    age = rng.randint(16, 95)
    person: dict[str, Any] = {"age": age, "sex": rng.choice(["female", "male", "female", "male",
                                                             "other", "unknown"])}  # fmt: skip
    if person["sex"] == "female" and age < 45 and rng.random() < 0.15:
        person["pregnancy_weeks"] = rng.randint(6, 40)
    if rng.random() < 0.9:
        person["cramps"] = _cramps(rng)
    symptoms = _some(rng, SYMPTOMS, mean=1.2)
    if symptoms or rng.random() < 0.7:
        person["symptoms"] = symptoms
    if rng.random() < 0.6:  # asked about red flags: denies those not reported
        person["symptoms_denied"] = [s for s in _some(rng, SYMPTOMS, mean=12) if s not in symptoms]
    if rng.random() < 0.8:
        person["conditions"] = _some(rng, CONDITIONS, mean=0.8)
    if rng.random() < 0.8:
        person["medications"] = _some(rng, MEDICINES, mean=1.5 if age > 50 else 0.5)
    if rng.random() < 0.15:
        person["medications_started_recently"] = _some(rng, MEDICINES, mean=1.0) or ["ramipril"]
    if rng.random() < 0.6:
        person["recent_events"] = _some(rng, EVENTS, mean=0.4)
    if rng.random() < 0.7:
        person["lifestyle"] = _lifestyle(rng)
    return person


def _cramps(rng: random.Random) -> dict[str, Any]:
    cramps: dict[str, Any] = {
        "muscles": _some(rng, MUSCLES, mean=1.3) or ["calf"],
        "when": _some(rng, TIMINGS, mean=1.2) or ["night"],
        "per_week": rng.choice([0.5, 1, 2, 3, 5, 7, 14]),
        "typical_minutes": rng.choice([0.5, 1, 2, 5, 10, 30]),
        "wakes_from_sleep": rng.random() < 0.6,
    }
    if rng.random() < 0.8:
        cramps["side"] = rng.choice(["left", "right", "both", "alternating"])
    if rng.random() < 0.7:
        cramps["relieved_by_stretching"] = rng.choice(["yes", "yes", "no", "unknown"])
    if rng.random() < 0.5:
        cramps["weeks_since_onset"] = rng.choice([1, 4, 12, 52, 260])
    if rng.random() < 0.5:
        cramps["severity"] = rng.randint(2, 10)
    return cramps


def _lifestyle(rng: random.Random) -> dict[str, Any]:
    lifestyle: dict[str, Any] = {
        flag: rng.random() < 0.25 for flag in LIFESTYLE_FLAGS if rng.random() < 0.7
    }
    lifestyle["exercise"] = rng.choice(["none", "light", "moderate", "intense"])
    if rng.random() < 0.6:
        lifestyle["alcohol_units_per_week"] = rng.choice([0, 2, 7, 14, 30])
    if rng.random() < 0.6:
        lifestyle["fluid_litres_per_day"] = rng.choice([0.5, 1, 1.5, 2, 3])
    return lifestyle


def _some(rng: random.Random, choices: list[str], mean: float) -> list[str]:
    """A few distinct choices: each is taken with the chance that gives `mean` of them."""
    chance = min(mean / len(choices), 1.0)
    return [choice for choice in choices if rng.random() < chance]
