"""The input seen as facts that a condition can test, with three values: yes, no, not asked.

A missing field is "not asked" (the contract): `None` here, never `False`. A symptom is "no"
only when it is in `symptoms_denied`; a condition or event is "no" when its list was given
and does not contain it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crampcheck.assessment.evidence import Answer, Evidence
from crampcheck.assessment.input import AssessmentInput
from crampcheck.assessment.medicines import MedicineEntry
from crampcheck.contract.answers import MEDICATION_KINDS, AnswerKind

Truth = bool | None  # None: not asked / unknown
Finding = tuple[Truth, Evidence]

_NOT_ASKED: Finding = (None, ())


@dataclass(frozen=True)
class Facts:
    """What an assessment knows about one person."""

    data: AssessmentInput
    medicines: tuple[MedicineEntry, ...] = ()
    symptoms: frozenset[str] = field(init=False)
    denied: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "symptoms", frozenset(self.data.symptoms or ()))
        # A symptom both reported and denied counts as reported: never under-triage.
        denied = frozenset(self.data.symptoms_denied or ()) - self.symptoms
        object.__setattr__(self, "denied", denied)

    def given_fields(self) -> frozenset[str]:
        """The paths of the fields the input answers, sections by their own fields
        ("cramps.when", not "cramps"). Null is an answer ("pregnancy_weeks": null: not
        pregnant); "unknown" is not (as for `single`)."""
        data = self.data
        given = {name for name in data.model_fields_set if getattr(data, name) != "unknown"}
        for section_name in ("cramps", "lifestyle"):
            given.discard(section_name)
            section = getattr(data, section_name)
            if section is not None:
                given.update(
                    f"{section_name}.{name}"
                    for name in section.model_fields_set
                    if getattr(section, name) != "unknown"
                )
        return frozenset(given)

    def symptom(self, values: tuple[str, ...]) -> Finding:
        present = tuple(Answer("symptoms", value) for value in values if value in self.symptoms)
        if present:
            return True, present
        if all(value in self.denied for value in values):
            return False, tuple(Answer("symptoms_denied", value) for value in values)
        return _NOT_ASKED

    def answer(self, kind: AnswerKind, values: tuple[str, ...]) -> Finding:
        """An answer of one of the contract's kinds (`contract.answers`)."""
        if kind.name == "symptom":
            return self.symptom(values)
        if kind.name == "habit":
            return self.habit(values)
        if kind.name == "flag":
            return self.flag(values)
        given = self.value_at(kind.path)
        if kind.is_list:
            return self.listed(kind.path, given, values)  # type: ignore[arg-type]
        return self.single(kind.path, given, values)  # type: ignore[arg-type]

    def value_at(self, path: str) -> object:
        """The input's value at a contract path such as `cramps.when` (None: not given)."""
        section, _, name = path.rpartition(".")
        owner = getattr(self.data, section) if section else self.data
        return getattr(owner, name) if owner is not None else None

    def listed(self, path: str, given: list[str] | None, values: tuple[str, ...]) -> Finding:
        """A list answer (conditions, recent events, cramps.muscles, cramps.when)."""
        if given is None:
            return _NOT_ASKED
        present = tuple(Answer(path, value) for value in values if value in given)
        return (True, present) if present else (False, ())

    def single(self, path: str, given: str | None, values: tuple[str, ...]) -> Finding:
        """A one-value answer (sex, cramps.side, lifestyle.exercise, stretch relief)."""
        if given is None or (given == "unknown" and "unknown" not in values):
            return _NOT_ASKED
        return (given in values), ((Answer(path, given),) if given in values else ())

    def habit(self, flags: tuple[str, ...]) -> Finding:
        lifestyle = self.data.lifestyle
        answers = [getattr(lifestyle, flag, None) if lifestyle else None for flag in flags]
        present = tuple(
            Answer(f"lifestyle.{flag}", True)
            for flag, given in zip(flags, answers, strict=True)
            if given
        )
        if present:
            return True, present
        return (False, ()) if all(given is False for given in answers) else _NOT_ASKED

    def flag(self, flags: tuple[str, ...]) -> Finding:
        findings = [self.flag_finding(name) for name in flags]
        present = tuple(answer for truth, evidence in findings if truth for answer in evidence)
        if present:
            return True, present
        return (False, ()) if all(truth is False for truth, _ in findings) else _NOT_ASKED

    def flag_finding(self, name: str) -> Finding:
        """One flag: wakes_from_sleep, pregnant, postpartum or has_medications."""
        data = self.data
        if name == "wakes_from_sleep":
            wakes = data.cramps.wakes_from_sleep if data.cramps else None
            return (wakes, (Answer("cramps.wakes_from_sleep", True),) if wakes else ())
        if name == "has_medications":
            if data.medications is None:
                return _NOT_ASKED
            return bool(data.medications), tuple(Answer("medications", m) for m in data.medications)
        weeks_field = "pregnancy_weeks" if name == "pregnant" else "postpartum_weeks"
        weeks = getattr(data, weeks_field)
        if weeks is not None:
            return True, (Answer(weeks_field, float(weeks)),)
        if weeks_field in data.model_fields_set or data.sex == "male":
            return False, ()
        return _NOT_ASKED

    def number(self, path: str) -> float | None:
        """The number at a contract path (None: not given)."""
        value = self.value_at(path)
        return None if value is None else float(value)  # type: ignore[arg-type]

    def said_none(self, path: str) -> bool:
        """Whether the input gives `path` as null: an answer ("not pregnant" for
        `pregnancy_weeks`), not a missing field."""
        section, _, name = path.rpartition(".")
        owner = getattr(self.data, section) if section else self.data
        return owner is not None and name in owner.model_fields_set and getattr(owner, name) is None

    def medicine(self, kind: str, values: tuple[str, ...]) -> Finding:
        """med_class / med_effect with the optional _started / _stopped suffix."""
        fields = MEDICATION_KINDS[kind]
        attribute = "class" if kind.startswith("med_class") else "effect"
        if all(getattr(self.data, name) is None for name in fields):
            return _NOT_ASKED
        entries = [entry for entry in self.medicines if entry.field in fields]
        wanted = set(values)
        present = tuple(
            Answer(entry.field, entry.text)
            for entry in entries
            if wanted & (entry.classes if attribute == "class" else entry.effects)
        )
        if present:
            return True, present
        return (None, ()) if any(not entry.known for entry in entries) else (False, ())
