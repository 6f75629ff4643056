""" "Not asked": the questions the person was not asked whose "yes" would raise the urgency.

Triage finds (leaf, rule) pairs: an answer not given that would make a rule above the
result's urgency hold (`triage.find_unasked`, most urgent first). A person reads questions,
not leaves, so this module turns the pairs into one entry per question: a leaf that tests
several symptoms becomes one question per symptom, a symptom the person denied is dropped
(it was asked: the answer was "no"), and a question that several rules wait for is listed
once, at the highest urgency it could raise to, naming every concern and rule concerned.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from crampcheck.assessment.compiled import Leaf
from crampcheck.assessment.labels import Labels
from crampcheck.assessment.result import NotAsked
from crampcheck.assessment.rulebook import Rulebook
from crampcheck.assessment.triage import UnaskedRule
from crampcheck.contract.answers import ANSWER_KINDS, MEDICATION_KINDS
from crampcheck.contract.answers import NotAsked as AnswerNotAsked
from crampcheck.contract.vocabulary import Urgency
from crampcheck.i18n import Translator, gettext_noop
from crampcheck.knowledge.expressions import Atom, Compare

_COMPARISON_SYMBOLS = {"gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}
_TAKING_MEDICINES = gettext_noop("Which medicines do you take?")
_SENTENCE = gettext_noop(
    "Not asked: {questions} — a yes would point to {concern} and change the advice to: {urgency}."
)


class Question(NamedTuple):
    """One question a leaf asks: the input field, the answer that would count as "yes",
    the question as the interview words it, and the symptom (None: not a symptom)."""

    field: str
    answer: str | float | bool | None
    text: str
    symptom: str | None


class _Asked(NamedTuple):
    """One question of a (leaf, rule) pair, as the entry it makes on its own."""

    entry: NotAsked
    symptom: str | None  # the symptom asked about (None: not a symptom)


class UnaskedQuestions:
    """The not-asked entries of one knowledge base in one language (questions and
    finished entries are kept: many people leave the same questions open)."""

    def __init__(
        self,
        book: Rulebook,
        labels: Labels,
        translator: Translator,
        titles: Mapping[str, str],
        concern_names: Mapping[str, str],
    ) -> None:
        self.book, self.labels, self.translator = book, labels, translator
        self.titles = titles  # urgency level -> its title, in this language
        self.concern_names = concern_names  # concern id -> its name, in this language
        self._questions: dict[int, tuple[Question, ...]] = {}  # by leaf id
        self._asked: dict[UnaskedRule, tuple[_Asked, ...]] = {}  # by (leaf id, rule number)
        # Entries for a question several rules wait for, by (question, concerns, rules).
        self._merged: dict[tuple[object, ...], NotAsked] = {}

    def entries(
        self, unasked: list[UnaskedRule], denied: frozenset[str], given: frozenset[str]
    ) -> tuple[NotAsked, ...]:
        """One entry per question, most urgent first (as `unasked` is ordered). Left out:
        questions about a symptom in `denied`, and questions about another field in `given`.
        (A leaf still "not asked" can hold answered questions: "pregnant or postpartum" with
        only `pregnancy_weeks` given; a medicine list given with a medicine the catalogue
        does not know leaves its class unknown, though the question was answered, and the
        result's notes say so.)"""
        found: dict[str, NotAsked] = {}
        for pair in unasked:
            for entry, symptom in self._asked.get(pair) or self._pair_questions(pair):
                if symptom in denied if symptom is not None else entry.field in given:
                    continue
                known = found.get(entry.question)
                if known is None:  # the first pair is the most urgent
                    found[entry.question] = entry
                elif entry.rules[0] not in known.rules:
                    found[entry.question] = self._with_rule(known, entry)
        return tuple(found.values())

    def _pair_questions(self, pair: UnaskedRule) -> tuple[_Asked, ...]:
        leaf_id, number = pair
        compiled = self.book.rules[number]
        asked = tuple(
            _Asked(
                self._entry(
                    question, compiled.urgency, (compiled.concern_id,), (compiled.rule.id,)
                ),
                question.symptom,
            )
            for question in self.questions(leaf_id)
        )
        self._asked[pair] = asked
        return asked

    def _with_rule(self, known: NotAsked, other: NotAsked) -> NotAsked:
        """`known` (the more urgent) with the concern and rule of `other` added."""
        concerns = tuple(dict.fromkeys((*known.concerns, *other.concerns)))
        rules = (*known.rules, *other.rules)
        key = (known.question, known.would_raise_to, concerns, rules)
        merged = self._merged.get(key)
        if merged is None:
            if len(self._merged) >= 5_000:  # bounded, as the other item caches
                self._merged.clear()
            question = Question(known.field, known.answer, known.question, None)
            merged = self._merged[key] = self._entry(
                question, known.would_raise_to, concerns, rules
            )
        return merged

    def questions(self, leaf_id: int) -> tuple[Question, ...]:
        """The questions whose "yes" would make leaf `leaf_id` true."""
        known = self._questions.get(leaf_id)
        if known is None:
            known = self._questions[leaf_id] = self._leaf_questions(self.book.leaves[leaf_id])
        return known

    def _leaf_questions(self, leaf: Leaf) -> tuple[Question, ...]:
        if isinstance(leaf, Compare):
            symbol = _COMPARISON_SYMBOLS[leaf.op]
            text = f"{self.labels.question_for(leaf.field, None)} ({symbol} {leaf.threshold:g})"
            return (Question(leaf.field, leaf.threshold, text, None),)
        assert isinstance(leaf, Atom)
        if leaf.kind in MEDICATION_KINDS:  # one question about the list, whatever the class
            path = MEDICATION_KINDS[leaf.kind][0]
            if path == "medications":
                text = self.translator.gettext(_TAKING_MEDICINES)
            else:
                text = self.labels.question_for(path, None)
            return (Question(path, leaf.values[0], text, None),)
        kind = ANSWER_KINDS[leaf.kind]
        symptom = kind.not_asked is AnswerNotAsked.UNLESS_DENIED
        return tuple(
            Question(
                kind.path_of(value),
                value,
                self.labels.question_for(kind.path_of(value), value),
                value if symptom else None,
            )
            for value in leaf.values
        )

    def _entry(
        self,
        question: Question,
        urgency: Urgency,
        concerns: tuple[str, ...],
        rules: tuple[str, ...],
    ) -> NotAsked:
        _ = self.translator.gettext
        text = _(_SENTENCE).format(
            questions=question.text,
            concern=", ".join(self.concern_names[concern_id] for concern_id in concerns),
            urgency=self.titles[urgency],
        )
        return NotAsked(
            field=question.field,
            answer=question.answer,
            question=question.text,
            would_raise_to=urgency,
            concerns=concerns,
            rules=rules,
            text=text,
        )
