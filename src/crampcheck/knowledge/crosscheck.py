"""Consistency checks across knowledge-base files, each reported with file, line and item.

Besides references (sources, concern and factor ids), these enforce the safety invariants
the assessment relies on:

- a rule above self-care contains no `not`, so adding an answer can never lower urgency;
- concern rules do not refer to other concerns, factors or the urgency (no cycles);
- every symptom of the contract is asked by exactly one interview question.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from crampcheck.contract import vocabulary as vocab
from crampcheck.contract.answers import ANSWER_KINDS, NotAsked
from crampcheck.errors import KnowledgeBaseError, KnowledgeBaseProblem
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.common import EvidenceGrade, KnowledgeItem
from crampcheck.knowledge.expressions import CONTEXT_KINDS, Atom, Node, atoms, has_negation
from crampcheck.knowledge.interventions import InterventionKind
from crampcheck.knowledge.questions import QuestionKind
from crampcheck.knowledge.withholding import AdviceCategory

# Effect tags the engine derives from a drug's cramp association (see assessment.medicines).
DERIVED_EFFECTS = frozenset({"cramp_link", "cramp_link_strong"})


class _Problems:
    def __init__(self) -> None:
        self.found: list[KnowledgeBaseProblem] = []

    def add(self, file: str, item: KnowledgeItem | None, item_id: str | None, text: str) -> None:
        line = item.source_line if item is not None else None
        self.found.append(KnowledgeBaseProblem(file, line, item_id, text))

    def raise_if_any(self) -> None:
        if self.found:
            raise KnowledgeBaseError(self.found)


def check_core(knowledge: KnowledgeBase) -> None:
    """Cross-check the files the assessment uses; raise `KnowledgeBaseError` on any problem."""
    problems = _Problems()
    _check_sources(knowledge, problems)
    _check_concerns(knowledge, problems)
    _check_factor_and_intervention_references(knowledge, problems)
    _check_interventions(knowledge, problems)
    _check_questions(knowledge, problems)
    _check_withholding(knowledge, problems)
    problems.raise_if_any()


def _check_withholding(knowledge: KnowledgeBase, problems: _Problems) -> None:
    """Every category of clinical.md §i.4 says once when it is withheld."""
    ids = [category.id for category in knowledge.withholding]
    for duplicate in _duplicates(ids):
        problems.add("withholding.yaml", None, duplicate, "category defined twice")
    for missing in sorted(set(AdviceCategory) - set(ids)):
        problems.add("withholding.yaml", None, missing, "category has no withholding rule")


def check_medication_references(
    knowledge: KnowledgeBase, classes: set[str], effects: set[str]
) -> None:
    """Every med_class/med_effect a condition names must exist in medications.yaml."""
    problems = _Problems()
    known = {"class": classes, "effect": effects | DERIVED_EFFECTS}
    for file, item, item_id, node in _all_conditions(knowledge):
        for atom in atoms(node):
            if isinstance(atom, Atom) and atom.kind.startswith("med_"):
                vocabulary = known["class" if "class" in atom.kind else "effect"]
                for value in atom.values:
                    if value not in vocabulary:
                        problems.add(file, item, item_id, f"{atom.kind}: unknown {value!r}")
    problems.raise_if_any()


def _all_conditions(knowledge: KnowledgeBase) -> Iterable[tuple[str, KnowledgeItem, str, Node]]:
    for concern in knowledge.concerns:
        for rule in concern.rules:
            yield "concerns.yaml", rule, rule.id, rule.when
    for factor in knowledge.factors:
        yield "factors.yaml", factor, factor.id, factor.when
    for item in knowledge.interventions:
        for node in (item.when, item.withhold_when):
            if node is not None:
                yield "interventions.yaml", item, item.id, node
    for question in knowledge.questions:
        if question.ask_when is not None:
            yield "questions.yaml", question, question.id, question.ask_when
    for category in knowledge.withholding:
        yield "withholding.yaml", category, category.id, category.when


def _cited(
    knowledge: KnowledgeBase,
) -> Iterable[tuple[str, KnowledgeItem | None, str, list[str]]]:
    for concern in knowledge.concerns:
        yield "concerns.yaml", concern, concern.id, concern.sources
    for category in knowledge.withholding:
        yield "withholding.yaml", category, category.id, category.sources
        for rule in concern.rules:
            yield "concerns.yaml", rule, rule.id, rule.sources
    for system in knowledge.systems:
        yield "factors.yaml", system, system.id, system.sources
    for factor in knowledge.factors:
        yield "factors.yaml", factor, factor.id, factor.sources
    for item in knowledge.interventions:
        yield "interventions.yaml", item, item.id, item.sources
    for text in knowledge.texts.urgency:
        yield "texts.yaml", text, text.id, text.sources
    yield "texts.yaml", None, "safety_net", knowledge.texts.safety_net_sources


def _check_sources(knowledge: KnowledgeBase, problems: _Problems) -> None:
    for file, item, item_id, keys in _cited(knowledge):
        for key in keys:
            if key not in knowledge.sources:
                problems.add(file, item, item_id, f"source {key!r} is not in bibliography.yaml")


def _duplicates(ids: Iterable[str]) -> list[str]:
    return [name for name, count in Counter(ids).items() if count > 1]


def _check_concerns(knowledge: KnowledgeBase, problems: _Problems) -> None:
    ids = [concern.id for concern in knowledge.concerns]
    for missing in sorted(set(vocab.CONCERN_IDS) - set(ids)):
        problems.add("concerns.yaml", None, missing, "concern of the contract has no entry")
    for duplicate in _duplicates(ids):
        problems.add("concerns.yaml", None, duplicate, "concern defined twice")
    for duplicate in _duplicates(rule.id for _, rule in knowledge.rules()):
        problems.add("concerns.yaml", None, duplicate, "rule id used twice")
    for _concern, rule in knowledge.rules():
        if rule.urgency != "self_care" and has_negation(rule.when):
            problems.add(
                "concerns.yaml", rule, rule.id,
                "rules above self_care may not use `not` (urgency must never fall when "
                "an answer is added)",
            )  # fmt: skip
        for atom in atoms(rule.when):
            if isinstance(atom, Atom) and (atom.kind in CONTEXT_KINDS or atom.kind == "factor"):
                problems.add("concerns.yaml", rule, rule.id, f"rules may not test {atom.kind!r}")


def _check_factor_and_intervention_references(
    knowledge: KnowledgeBase, problems: _Problems
) -> None:
    factor_ids = {factor.id for factor in knowledge.factors}
    for duplicate in _duplicates(factor.id for factor in knowledge.factors):
        problems.add("factors.yaml", None, duplicate, "factor defined twice")
    for file, item, item_id, node in _all_conditions(knowledge):
        for atom in atoms(node):
            if not isinstance(atom, Atom):
                continue
            if atom.kind == "factor":
                for value in atom.values:
                    if value not in factor_ids:
                        problems.add(file, item, item_id, f"unknown factor {value!r}")
            # Concerns report this themselves; only advice may look at conclusions.
            only_advice = atom.kind in CONTEXT_KINDS | {"factor"}
            advice_files = ("interventions.yaml", "concerns.yaml", "withholding.yaml")
            if only_advice and file not in advice_files:
                problems.add(file, item, item_id, f"only advice may test {atom.kind!r}")


def _check_interventions(knowledge: KnowledgeBase, problems: _Problems) -> None:
    for duplicate in _duplicates(item.id for item in knowledge.interventions):
        problems.add("interventions.yaml", None, duplicate, "intervention defined twice")
    for item in knowledge.interventions:
        is_avoid = item.kind is InterventionKind.AVOID
        harmful = item.grade in (EvidenceGrade.X, EvidenceGrade.E0)
        if is_avoid and not harmful:
            problems.add(
                "interventions.yaml", item, item.id, "a 'don't' item must be graded X or E0"
            )
        if not is_avoid and item.grade is EvidenceGrade.X:
            problems.add("interventions.yaml", item, item.id, "X-graded advice must be kind avoid")


# The fields a choice question fills: those of answer kinds with one field of their own.
_CHOICE_VOCABULARY: dict[str, tuple[str, ...]] = {
    kind.path: kind.values
    for kind in ANSWER_KINDS.values()
    if kind.not_asked is NotAsked.WHEN_FIELD_MISSING and not kind.field_per_value
}
_NUMBER_FIELDS = set(vocab.values(vocab.NumericField))
_YES_NO_FIELDS = {"cramps.wakes_from_sleep", "lifestyle.exercise_recently_increased"}
_TEXT_FIELDS = {"medications", "medications_started_recently", "medications_stopped_recently"}
_FLAG_FIELDS = {ANSWER_KINDS["habit"].path_of(flag) for flag in ANSWER_KINDS["habit"].values}


def _check_questions(knowledge: KnowledgeBase, problems: _Problems) -> None:
    for duplicate in _duplicates(question.id for question in knowledge.questions):
        problems.add("questions.yaml", None, duplicate, "question defined twice")
    asked: list[str] = []
    for question in knowledge.questions:
        values = [option.value for option in question.options]
        if question.kind is QuestionKind.SYMPTOMS:
            asked += values
            allowed: Iterable[str] = vocab.SYMPTOMS
        elif question.kind is QuestionKind.FLAGS:
            allowed = _FLAG_FIELDS
        else:
            field_values = _allowed_for_field(question.kind, question.field)
            if field_values is None:
                problems.add(
                    "questions.yaml", question, question.id, f"bad field {question.field!r}"
                )
                continue
            allowed = field_values
        for value in values:
            if value not in allowed:
                problems.add(
                    "questions.yaml", question, question.id, f"option {value!r} not allowed"
                )
    for symptom in sorted(set(vocab.SYMPTOMS) - set(asked)):
        problems.add("questions.yaml", None, symptom, "symptom is asked by no question")
    for symptom in _duplicates(asked):
        problems.add("questions.yaml", None, symptom, "symptom is asked by two questions")


def _allowed_for_field(kind: QuestionKind, field: str | None) -> Iterable[str] | None:
    if field is None:
        return None
    if kind in (QuestionKind.CHOICE, QuestionKind.MULTI):
        return _CHOICE_VOCABULARY.get(field)
    valid = {
        QuestionKind.NUMBER: _NUMBER_FIELDS,
        QuestionKind.YES_NO: _YES_NO_FIELDS,
        QuestionKind.TEXT_LIST: _TEXT_FIELDS,
    }[kind]
    return () if field in valid else None
