"""The kinds of answer a knowledge-base condition can test: the one table of them.

Each kind names where its answer lives in the contract input, whether that field holds one
value or a list, which values it allows, and how "not asked" is told from "no". The
knowledge base validates conditions against it, the engine reads answers through it, and the
wording, the interview and the FHIR Questionnaire find an answer's field in it. A new kind of
answer is one row here (plus the input model's field).

The rows are in the order the engine reads answers, which is the order a result lists them
in its "why" lines: symptoms, the lists, the single values, the lifestyle habits, the flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from crampcheck.contract import vocabulary as vocab


class NotAsked(StrEnum):
    """How the engine tells "not asked" from "no" for an answer that is not "yes"."""

    # A symptom is "no" only when every value tested is in `symptoms_denied`.
    UNLESS_DENIED = "unless_denied"
    # A list or a single value is "no" when its field is given without the value.
    WHEN_FIELD_MISSING = "when_field_missing"
    # Derived from several fields (flags, medicines): the engine's facts decide.
    DERIVED = "derived"


@dataclass(frozen=True)
class AnswerKind:
    """One kind of answer. `path` is its field in the input ("" for derived flags); for
    `habit` the field is `lifestyle.<value>` (one yes/no field per value)."""

    name: str
    path: str
    values: tuple[str, ...]
    is_list: bool
    not_asked: NotAsked

    @property
    def field_per_value(self) -> bool:
        """Whether each value is a field of its own (habits: `lifestyle.smoker`; flags: the
        field each is read from) rather than a value of the one field `path`."""
        return self.name in ("habit", "flag")

    def path_of(self, value: str) -> str:
        """The input field that holds `value` of this kind."""
        if self.name == "flag":
            return FLAG_FIELDS[value]
        return f"{self.path}.{value}" if self.name == "habit" else self.path

    def section_and_name(self) -> tuple[str, str]:
        """`path` as (its section of the input, "" at the top level; the field's name)."""
        section, _, name = self.path.rpartition(".")
        return section, name


# Flags the engine derives from the answers, each with the field it is read from (and in the
# order they are read).
FLAG_FIELDS = {
    "wakes_from_sleep": "cramps.wakes_from_sleep",
    "pregnant": "pregnancy_weeks",
    "postpartum": "postpartum_weeks",
    "has_medications": "medications",
}

ANSWER_KINDS: dict[str, AnswerKind] = {
    kind.name: kind
    for kind in (
        AnswerKind("symptom", "symptoms", vocab.SYMPTOMS, True, NotAsked.UNLESS_DENIED),
        AnswerKind("condition", "conditions", vocab.CONDITIONS, True, NotAsked.WHEN_FIELD_MISSING),
        AnswerKind(
            "event", "recent_events", vocab.RECENT_EVENTS, True, NotAsked.WHEN_FIELD_MISSING
        ),
        AnswerKind(
            "timing", "cramps.when", vocab.values(vocab.Timing), True, NotAsked.WHEN_FIELD_MISSING
        ),
        AnswerKind(
            "muscle",
            "cramps.muscles",
            vocab.values(vocab.Muscle),
            True,
            NotAsked.WHEN_FIELD_MISSING,
        ),
        AnswerKind("sex", "sex", vocab.values(vocab.Sex), False, NotAsked.WHEN_FIELD_MISSING),
        AnswerKind(
            "side", "cramps.side", vocab.values(vocab.Side), False, NotAsked.WHEN_FIELD_MISSING
        ),
        AnswerKind(
            "stretch_relief",
            "cramps.relieved_by_stretching",
            vocab.values(vocab.StretchRelief),
            False,
            NotAsked.WHEN_FIELD_MISSING,
        ),
        AnswerKind(
            "exercise",
            "lifestyle.exercise",
            vocab.values(vocab.ExerciseLevel),
            False,
            NotAsked.WHEN_FIELD_MISSING,
        ),
        AnswerKind(
            "habit",
            "lifestyle",
            vocab.values(vocab.LifestyleFlag),
            False,
            NotAsked.WHEN_FIELD_MISSING,
        ),
        AnswerKind("flag", "", tuple(FLAG_FIELDS), False, NotAsked.DERIVED),
    )
}

# Medicine kinds: a class or effect tag of a medicine taken now (or started recently), started
# in the last 3 months, or stopped in the last 3 months; values are the catalogue's.
MEDICATION_KINDS: dict[str, tuple[str, ...]] = {
    "med_class": ("medications", "medications_started_recently"),
    "med_effect": ("medications", "medications_started_recently"),
    "med_class_started": ("medications_started_recently",),
    "med_effect_started": ("medications_started_recently",),
    "med_class_stopped": ("medications_stopped_recently",),
    "med_effect_stopped": ("medications_stopped_recently",),
}

# What the assessment concluded, testable only by advice (after triage).
CONCLUSION_KINDS: dict[str, tuple[str, ...]] = {
    "concern": vocab.CONCERN_IDS,
    "factor": (),  # the knowledge base's factor ids, cross-checked at load
    "urgency": vocab.URGENCY_ORDER,
}

NUMERIC_FIELDS = vocab.values(vocab.NumericField)
