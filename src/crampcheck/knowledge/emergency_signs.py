"""The "call emergency services now" signs, derived from the knowledge base's emergency rules.

The home and first-aid pages list these signs, so the list can never promise more or less
than the engine does: every sign, when answered, makes the result an emergency, and every
emergency rule is behind at least one listed sign.

A rule that one answer satisfies gives one sign per answer that satisfies it ("Chest pain").
A rule that needs several answers gives a combination ("Dark urine together with muscle
weakness or ..."), unless one of its parts consists only of single signs already listed:
anyone that rule fires for already has a listed sign, so the combination adds nothing.
The words are the interview's own option and question labels, translated like every
knowledge-base message; the joining words are translated here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from crampcheck.contract.answers import ANSWER_KINDS, MEDICATION_KINDS
from crampcheck.i18n import gettext_noop
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.concerns import Rule
from crampcheck.knowledge.expressions import AllOf, AnyOf, Atom, Compare, Node
from crampcheck.knowledge.medications import MedicationsFile
from crampcheck.knowledge.questions import Question, option_labels

EMERGENCY = "emergency"
NUMBER = "number"  # a `SignAnswer` kind: a number beyond a threshold
# Medicines taken now or started recently ("a medicine you take"), from the contract's table.
MEDICINE_KINDS = tuple(
    kind
    for kind, fields in MEDICATION_KINDS.items()
    if "medications_stopped_recently" not in fields
)

_COMPARISON_WORDS = {
    "gt": gettext_noop("{question}: more than {number}"),
    "gte": gettext_noop("{question}: {number} or more"),
    "lt": gettext_noop("{question}: less than {number}"),
    "lte": gettext_noop("{question}: {number} or less"),
}


@dataclass(frozen=True)
class SignAnswer:
    """One answer that counts towards a sign: `value` of the answer `kind`
    (``symptom: chest_pain``), a medicine of the class or with the effect `value` (kinds
    ``med_class``, ``med_effect``), or
    the number field `value` beyond `threshold` (kind ``number``, `op` one of gt/gte/lt/lte)."""

    kind: str
    value: str
    op: str | None = None
    threshold: float | None = None


@dataclass(frozen=True)
class EmergencySign:
    """Answers that together make the result an emergency: one answer of every part (the
    answers of a part are alternatives). `rules` are the emergency rules it stands for."""

    parts: tuple[tuple[SignAnswer, ...], ...]
    rules: tuple[str, ...]

    @property
    def is_combination(self) -> bool:
        """Whether it takes several answers together (otherwise any one answer is enough)."""
        return len(self.parts) > 1


def emergency_signs(knowledge: KnowledgeBase) -> list[EmergencySign]:
    """The signs behind the knowledge base's emergency rules: single answers first (in rule
    order), then the combinations. Raises ValueError naming a rule whose condition cannot
    be listed as signs (one with `not` or `at_least`, or alternatives of combinations)."""
    rules = [rule for _, rule in knowledge.rules() if rule.urgency == EMERGENCY]
    parts_of = {rule.id: _parts(rule) for rule in rules}
    singles: dict[SignAnswer, list[str]] = {}
    for rule in rules:
        if len(parts_of[rule.id]) == 1:
            for answer in parts_of[rule.id][0]:
                singles.setdefault(answer, []).append(rule.id)
    combinations = []
    for rule in rules:
        parts = parts_of[rule.id]
        if len(parts) == 1:
            continue
        covering = next((part for part in parts if all(a in singles for a in part)), None)
        if covering is None:
            combinations.append(EmergencySign(parts, (rule.id,)))
        else:
            for answer in covering:
                singles[answer].append(rule.id)
    listed = [EmergencySign(((answer,),), tuple(ids)) for answer, ids in singles.items()]
    return listed + combinations


def _parts(rule: Rule) -> tuple[tuple[SignAnswer, ...], ...]:
    try:
        return _node_parts(rule.when)
    except ValueError as problem:
        raise ValueError(f"emergency rule {rule.id}: {problem}") from None


def _node_parts(node: Node) -> tuple[tuple[SignAnswer, ...], ...]:
    """The parts (all needed) of a condition, each a tuple of alternative answers."""
    if isinstance(node, Atom):
        return (tuple(SignAnswer(node.kind, value) for value in node.values),)
    if isinstance(node, Compare):
        return ((SignAnswer(NUMBER, node.field, node.op, node.threshold),),)
    if isinstance(node, AllOf):
        return tuple(part for child in node.children for part in _node_parts(child))
    if isinstance(node, AnyOf):
        alternatives: list[SignAnswer] = []
        for child in node.children:
            child_parts = _node_parts(child)
            if len(child_parts) != 1:
                raise ValueError("'any' of combinations cannot be listed as signs")
            alternatives.extend(child_parts[0])
        return (tuple(dict.fromkeys(alternatives)),)
    raise ValueError(f"a {type(node).__name__} condition cannot be listed as signs")


@dataclass(frozen=True)
class SignWords:
    """Puts signs into words: the interview's labels, translated by `gettext`. `medicines`
    names each medicine class and effect a rule can test (the catalogue's class names and
    effect texts); `medicine_signs` holds the effects' own wording as a sign, used whole."""

    knowledge: KnowledgeBase
    gettext: Callable[[str], str]
    medicines: Mapping[str, str]
    medicine_signs: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def for_catalog(
        cls, knowledge: KnowledgeBase, gettext: Callable[[str], str], catalog: MedicationsFile
    ) -> SignWords:
        """Words for the signs, medicines named from the medication catalogue's data."""
        medicines = {effect.id: effect.text for effect in catalog.effects}
        medicines.update({drug_class.id: drug_class.name for drug_class in catalog.classes})
        signs = {effect.id: effect.sign for effect in catalog.effects if effect.sign}
        return cls(knowledge, gettext, medicines, signs)

    def describe(self, sign: EmergencySign) -> str:
        """The sign as one line: "A together with B and (one of: C; D)"."""
        _ = self.gettext
        parts = [self._alternatives(part) for part in sign.parts]
        if len(parts) == 1:
            return parts[0]
        others = (
            parts[1]
            if len(parts) == 2
            else _("{items} and {last}").format(items=", ".join(parts[1:-1]), last=parts[-1])
        )
        return _("{first} together with {others}").format(first=parts[0], others=others)

    def _alternatives(self, part: tuple[SignAnswer, ...]) -> str:
        words = [self._answer(answer) for answer in part]
        if len(words) == 1:
            return words[0]
        # Labels hold commas and "or" themselves: semicolons keep the alternatives apart.
        return self.gettext("(any of: {items})").format(items="; ".join(words))

    def _answer(self, answer: SignAnswer) -> str:
        _ = self.gettext
        if answer.kind == NUMBER:
            return self._number(answer)
        if answer.kind in MEDICINE_KINDS:
            if answer.value in self.medicine_signs:
                return _(self.medicine_signs[answer.value])
            name = _(self.medicines.get(answer.value, answer.value)).rstrip(".")
            return _("a medicine you take: {name}").format(name=name)
        kind = ANSWER_KINDS.get(answer.kind)
        path = kind.path_of(answer.value) if kind is not None else answer.kind
        return _(self._option_labels.get((path, answer.value), answer.value))

    def _number(self, answer: SignAnswer) -> str:
        _ = self.gettext
        question = self._questions.get(answer.value)
        text = _(question.text).rstrip("?") if question else answer.value
        number = f"{answer.threshold:g}"
        if question is not None and question.unit:
            number = f"{number} {_(question.unit)}"
        return _(_COMPARISON_WORDS[str(answer.op)]).format(question=text, number=number)

    @cached_property
    def _option_labels(self) -> dict[tuple[str, str], str]:
        return option_labels(self.knowledge.questions)

    @cached_property
    def _questions(self) -> dict[str, Question]:
        return {q.field: q for q in self.knowledge.questions if q.field is not None}
