"""Hypothesis strategies for valid contract inputs."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from crampcheck.contract import vocabulary as vocab

MEDICINE_NAMES = [
    "Lipitor 20 mg",
    "furosemide",
    "HCTZ 25 mg",
    "salmeterol",
    "Evista",
    "warfarin",
    "omeprazole",
    "ciprofloxacin",
    "Microgynon",
    "spironolactone",
    "Торвакард",
    "blood thinner",
    "bisoprolol",
    "xyzzyplex",
]


def _subset(values: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), unique=True, max_size=6)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


cramps = st.fixed_dictionaries(
    {},
    optional={
        "muscles": _subset(vocab.values(vocab.Muscle)),
        "side": st.sampled_from(vocab.values(vocab.Side)),
        "when": _subset(vocab.values(vocab.Timing)),
        "per_week": st.floats(0, 500, allow_nan=False),
        "typical_minutes": st.floats(0, 20160, allow_nan=False),
        "longest_minutes": st.floats(0, 20160, allow_nan=False),
        "weeks_since_onset": st.floats(0, 5200, allow_nan=False),
        "severity": st.integers(0, 10),
        "wakes_from_sleep": st.booleans(),
        "relieved_by_stretching": st.sampled_from(vocab.values(vocab.StretchRelief)),
    },
)
lifestyle = st.fixed_dictionaries(
    {},
    optional={
        "alcohol_units_per_week": st.floats(0, 500, allow_nan=False),
        "caffeine_cups_per_day": st.floats(0, 100, allow_nan=False),
        "fluid_litres_per_day": st.floats(0, 20, allow_nan=False),
        "exercise": st.sampled_from(vocab.values(vocab.ExerciseLevel)),
        **{flag: st.booleans() for flag in vocab.values(vocab.LifestyleFlag)},
    },
)
medicines = st.lists(st.sampled_from(MEDICINE_NAMES), max_size=4)


@st.composite
def valid_inputs(draw: st.DrawFn) -> dict[str, Any]:
    """A valid assessment input; `symptoms_denied` never repeats a reported symptom."""
    document = draw(
        st.fixed_dictionaries(
            {"age": st.integers(0, 120)},
            optional={
                "sex": st.sampled_from(vocab.values(vocab.Sex)),
                "pregnancy_weeks": _maybe(st.integers(0, 45)),
                "postpartum_weeks": _maybe(st.integers(0, 52)),
                "cramps": cramps,
                "symptoms": _subset(vocab.SYMPTOMS),
                "conditions": _subset(vocab.CONDITIONS),
                "medications": medicines,
                "medications_started_recently": medicines,
                "medications_stopped_recently": medicines,
                "recent_events": _subset(vocab.RECENT_EVENTS),
                "lifestyle": lifestyle,
            },
        )
    )
    if draw(st.booleans()):
        reported = set(document.get("symptoms", []))
        denied = [s for s in draw(_subset(vocab.SYMPTOMS)) if s not in reported]
        document["symptoms_denied"] = denied
    return document
