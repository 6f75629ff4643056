"""The knowledge base's conditions, compiled once per loaded knowledge base.

Every distinct leaf gets an integer id; a compiled condition is a tuple of conjunctions of
(leaf id, wanted truth). `leaves_by_kind` maps an answer (its kind and value) to the ids of
the leaves it makes true, so one person's leaves are found by looking at their own answers
only.

Rules, factors and advice are numbered in file order (advice: in priority order); a
`Rulebook` holds one record per item (`CompiledRule`, `CompiledFactor`, `CompiledAdvice`)
under its number, and the indexes refer to items by these numbers.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain
from typing import NamedTuple

from crampcheck.assessment.compiled import CompiledCondition, Leaf, compile_condition
from crampcheck.contract.answers import ANSWER_KINDS, NotAsked
from crampcheck.contract.vocabulary import URGENCY_ORDER, URGENCY_RANK, Urgency
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.common import Strength
from crampcheck.knowledge.concerns import Concern, Rule
from crampcheck.knowledge.expressions import CONTEXT_KINDS, AnyOf, Atom, Compare
from crampcheck.knowledge.factors import BodySystem, Factor
from crampcheck.knowledge.interventions import Intervention, InterventionKind
from crampcheck.knowledge.withholding import AdviceCategory, WithholdCategory


@dataclass(frozen=True, slots=True)
class IndexedConjunct:
    """One alternative of a condition: leaves that must be true (as a bit mask and as ids)
    and leaves that must be false."""

    required: int  # bit i set: leaf i must be true
    positives: tuple[int, ...]
    negatives: tuple[int, ...]


IndexedCondition = tuple[IndexedConjunct, ...]


class IndexedEntry(NamedTuple):
    """One conjunct of an item's condition, filed under one of its leaves.

    `others`: the required leaves but the one it is filed under (which is true whenever the
    entry is looked at), as a mask; for most conjuncts that leaves none, and no big-integer
    test at all.
    """

    item: int  # the item's number
    others: int
    positives: tuple[int, ...]  # leaves that must be true
    negatives: tuple[int, ...]  # leaves that must be false


@dataclass(frozen=True)
class ConditionIndex:
    """Many conditions (one per item), indexed for finding the satisfied ones quickly.

    A conjunct can only hold when its lowest required leaf is true, so each conjunct is
    filed under that leaf; conjuncts that require no true leaf are always examined.
    """

    by_leaf: dict[int, tuple[IndexedEntry, ...]]
    always: tuple[IndexedEntry, ...]

    @classmethod
    def build(cls, conditions: list[IndexedCondition | None]) -> ConditionIndex:
        by_leaf: dict[int, list[IndexedEntry]] = {}
        always: list[IndexedEntry] = []
        for item, condition in enumerate(conditions):
            for conjunct in condition or ():
                required, positives, negatives = (
                    conjunct.required,
                    conjunct.positives,
                    conjunct.negatives,
                )
                if required:
                    lowest = required & -required
                    entry = IndexedEntry(item, required ^ lowest, positives, negatives)
                    by_leaf.setdefault(lowest.bit_length() - 1, []).append(entry)
                else:
                    always.append(IndexedEntry(item, 0, positives, negatives))
        return cls({leaf: tuple(found) for leaf, found in by_leaf.items()}, tuple(always))


class SingleLeafConjunct(NamedTuple):
    """A conjunct of one leaf: one more "yes" to that leaf satisfies it."""

    order: int  # the conjunct's place among all of the index's (rule order)
    rule: int  # the rule's number
    leaf: int  # the leaf's id
    # A symptom leaf's values, to test "asked" (all denied) without a lookup; else None.
    symptoms: frozenset[str] | None


class MultiLeafConjunct(NamedTuple):
    """A conjunct of several leaves: one answer short when all but one of them are true."""

    order: int
    rule: int
    conjunct: IndexedConjunct
    size: int  # how many leaves must be true


@dataclass(frozen=True)
class RaisingIndex:
    """The conjuncts of the rules above one urgency, arranged to find those that a single
    more "yes" would satisfy. Rules above self-care have no `not` (the cross-check enforces
    it), so a conjunct is one answer short exactly when all but one of its leaves are true.
    Conjuncts of several leaves are found through `by_leaf` from the person's true leaves.
    """

    singles: tuple[SingleLeafConjunct, ...]
    multi: tuple[MultiLeafConjunct, ...]
    by_leaf: dict[int, tuple[int, ...]]  # leaf id -> positions in `multi`

    @classmethod
    def build(
        cls, conjuncts: list[tuple[int, IndexedConjunct]], leaves: tuple[Leaf, ...]
    ) -> RaisingIndex:
        singles: list[SingleLeafConjunct] = []
        multi: list[MultiLeafConjunct] = []
        by_leaf: dict[int, list[int]] = {}
        for order, (number, conjunct) in enumerate(conjuncts):
            size = conjunct.required.bit_count()
            if size == 1 and not conjunct.negatives:
                leaf_id = conjunct.required.bit_length() - 1
                leaf = leaves[leaf_id]
                symptom = isinstance(leaf, Atom) and leaf.kind == "symptom"
                symptoms = frozenset(leaf.values) if isinstance(leaf, Atom) and symptom else None
                singles.append(SingleLeafConjunct(order, number, leaf_id, symptoms))
            elif size:
                for leaf_id in set(conjunct.positives):
                    by_leaf.setdefault(leaf_id, []).append(len(multi))
                multi.append(MultiLeafConjunct(order, number, conjunct, size))
        return cls(tuple(singles), tuple(multi), {k: tuple(v) for k, v in by_leaf.items()})


# Within a body system, factors are listed strongest association first.
FACTOR_STRENGTH_ORDER = (
    Strength.STRONG,
    Strength.MODERATE,
    Strength.CONTESTED,
    Strength.WEAK,
    Strength.INDIRECT,
    Strength.NOT_ESTABLISHED,
)
_STRENGTH_RANK = {strength: rank for rank, strength in enumerate(FACTOR_STRENGTH_ORDER)}

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}
# A number leaf: (leaf id, comparison, threshold); grouped by the field they read.
Comparison = tuple[int, Callable[[float, float], bool], float]
# The number leaves of one field: (its path, its section of the input or "", its name, leaves).
NumberLeaves = tuple[str, str, str, tuple[Comparison, ...]]


# How an evaluator tells "not asked" from "no" for a leaf that is not true:
# ASKED_IF_DENIED: a symptom is asked only when every one of its values was denied;
# ASKED_IF_GIVEN: a list or number answer is asked when its field is given;
# ASKED_BY_EVALUATION: the reference evaluator decides (medicines, flags, habits...).
ASKED_IF_DENIED, ASKED_IF_GIVEN, ASKED_BY_EVALUATION = 0, 1, 2


class AskedTest(NamedTuple):
    """How to tell "not asked" from "no" for one leaf."""

    test: int  # ASKED_IF_DENIED, ASKED_IF_GIVEN or ASKED_BY_EVALUATION
    section: str  # ASKED_IF_GIVEN: the field's section of the input ("" for the top level)
    name: str  # ASKED_IF_GIVEN: the field's name
    symptoms: frozenset[str]  # ASKED_IF_DENIED: the symptom values


def _asked_test(leaf: Leaf) -> AskedTest:
    if isinstance(leaf, Compare):
        return AskedTest(ASKED_IF_GIVEN, *_section_and_name(leaf.field), frozenset())
    kind = ANSWER_KINDS.get(leaf.kind)
    if kind is not None and kind.not_asked is NotAsked.UNLESS_DENIED:
        return AskedTest(ASKED_IF_DENIED, "", "", frozenset(leaf.values))
    # A list is "not asked" exactly when it is missing. (A single value can also be
    # "unknown", and flags and medicines are derived: the reference evaluator decides.)
    if kind is not None and kind.not_asked is NotAsked.WHEN_FIELD_MISSING and kind.is_list:
        return AskedTest(ASKED_IF_GIVEN, *kind.section_and_name(), frozenset())
    return AskedTest(ASKED_BY_EVALUATION, "", "", frozenset())


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A concern's rule with its condition compiled. The concern's id and the rule's urgency
    are kept as plain strings: triage reads them for every rule that fires."""

    concern: Concern
    rule: Rule
    condition: IndexedCondition
    concern_id: str
    urgency: Urgency
    urgency_rank: int  # URGENCY_RANK of `urgency`


@dataclass(frozen=True, slots=True)
class CompiledFactor:
    """A contributing factor with its condition compiled."""

    factor: Factor
    condition: IndexedCondition
    id: str
    system: BodySystem
    strength_rank: int  # its place in FACTOR_STRENGTH_ORDER: factors are listed by it


@dataclass(frozen=True, slots=True)
class CompiledAdvice:
    """An advice item with its conditions compiled: when it suits (None: everyone) and when
    it must be withheld (None: never)."""

    item: Intervention
    when: IndexedCondition | None
    contraindicated_when: IndexedCondition | None
    kind: InterventionKind


@dataclass(frozen=True)
class Rulebook:
    """Rules, factors and advice with their conditions in compiled form, in file order."""

    leaves: tuple[Leaf, ...]
    all_leaves: int  # the mask with every leaf's bit set
    # The answer leaves by kind and value: the leaves an answer makes true.
    leaves_by_kind: dict[str, dict[str, tuple[int, ...]]]
    # Number leaves (evaluated directly, not from tokens), by the field they read.
    comparisons: tuple[NumberLeaves, ...]
    # Leaves about what the assessment concluded (concern, factor, urgency): once the
    # conclusions are in, such a leaf is false exactly when it is not true.
    conclusion_leaves: frozenset[int]
    rules: tuple[CompiledRule, ...]  # by rule number (file order)
    # By concern id, for the concerns that others can hide: the ids of those others.
    excluded_by: dict[str, tuple[str, ...]]
    factors: tuple[CompiledFactor, ...]  # by factor number (file order)
    advice: tuple[CompiledAdvice, ...]  # by advice number: in priority order, highest first
    advice_for_everyone: tuple[int, ...]  # advice numbers without a `when`
    # Lifestyle habits that leaves test: (field name, answer path, leaf ids), in reading order.
    habits: tuple[tuple[str, str, tuple[int, ...]], ...]
    # Flags that leaves test, with their leaf ids, in reading order.
    flags: tuple[tuple[str, tuple[int, ...]], ...]
    rule_index: ConditionIndex
    factor_index: ConditionIndex
    advice_index: ConditionIndex  # `when` of each advice item (None: suits everyone)
    contraindication_index: ConditionIndex
    # For each urgency: the conjuncts of every rule above it, for the not-asked list.
    above: dict[str, RaisingIndex]
    # By leaf id: how to tell "not asked" from "no" when the leaf is not true (`AskedTest`).
    asked_tests: tuple[AskedTest, ...]
    _medicine_leaves: dict[tuple[tuple[str, str], ...], tuple[int, ...]] = field(
        default_factory=dict
    )

    def medicine_leaves(self, tokens: tuple[tuple[str, str], ...]) -> tuple[int, ...]:
        """The leaves a medicine's tokens make true (found once per set of tokens)."""
        known = self._medicine_leaves.get(tokens)
        if known is None:
            found = chain.from_iterable(
                self.leaves_by_kind.get(kind, {}).get(value, ()) for kind, value in tokens
            )
            known = self._medicine_leaves[tokens] = tuple(dict.fromkeys(found))
        return known


class _Indexer:
    def __init__(self) -> None:
        self.ids: dict[Leaf, int] = {}

    def condition(self, compiled: CompiledCondition) -> IndexedCondition:
        conjuncts = []
        for conjunct in compiled.conjuncts:
            ids = [(self.ids.setdefault(leaf, len(self.ids)), pos) for leaf, pos in conjunct]
            positives = tuple(i for i, pos in ids if pos)
            negatives = tuple(i for i, pos in ids if not pos)
            required = sum(1 << i for i in set(positives))
            conjuncts.append(IndexedConjunct(required, positives, negatives))
        return tuple(conjuncts)


def _build(knowledge: KnowledgeBase) -> Rulebook:
    index = _Indexer()

    def compiled(node: object) -> IndexedCondition:
        return index.condition(compile_condition(node))  # type: ignore[arg-type]

    rank = URGENCY_RANK
    rules = tuple(
        CompiledRule(c, r, compiled(r.when), c.id, r.urgency, rank[r.urgency])
        for c, r in knowledge.rules()
    )
    factors = tuple(
        CompiledFactor(f, compiled(f.when), f.id, f.system, _STRENGTH_RANK[f.strength])
        for f in knowledge.factors
    )
    # Advice is numbered in priority order (highest first; among equals, the files' order),
    # so that sorting advice numbers sorts advice by priority.
    by_priority = sorted(knowledge.interventions, key=lambda item: -item.priority)
    categories = {category.id: category for category in knowledge.withholding}
    advice = tuple(
        CompiledAdvice(
            item,
            compiled(item.when) if item.when is not None else None,
            _withhold_condition(item, categories, compiled),
            item.kind,
        )
        for item in by_priority
    )
    leaves = tuple(index.ids)
    token_leaves: dict[tuple[str, str], list[int]] = {}
    for leaf_id, leaf in enumerate(leaves):
        if isinstance(leaf, Atom):
            for value in leaf.values:
                token_leaves.setdefault((leaf.kind, value), []).append(leaf_id)
    computed = tuple(i for i, leaf in enumerate(leaves) if not isinstance(leaf, Atom))
    comparisons: dict[str, list[Comparison]] = {}
    for leaf_id in computed:
        leaf = leaves[leaf_id]
        assert isinstance(leaf, Compare)
        comparisons.setdefault(leaf.field, []).append((leaf_id, _COMPARE[leaf.op], leaf.threshold))
    above: dict[str, RaisingIndex] = {
        level: RaisingIndex.build(
            [
                (number, conjunct)
                for number, compiled_rule in enumerate(rules)
                if compiled_rule.urgency_rank > rank[level]
                for conjunct in compiled_rule.condition
            ],
            leaves,
        )
        for level in URGENCY_ORDER
    }
    habit = ANSWER_KINDS["habit"]
    habits = tuple(
        (name, habit.path_of(name), tuple(token_leaves[("habit", name)]))
        for name in habit.values
        if ("habit", name) in token_leaves
    )
    flags = tuple(
        (flag, tuple(token_leaves[("flag", flag)]))
        for flag in ANSWER_KINDS["flag"].values
        if ("flag", flag) in token_leaves
    )
    return Rulebook(
        leaves=leaves,
        all_leaves=(1 << len(leaves)) - 1,
        habits=habits,
        flags=flags,
        leaves_by_kind=_by_kind(token_leaves),
        conclusion_leaves=frozenset(
            i
            for i, leaf in enumerate(leaves)
            if isinstance(leaf, Atom) and leaf.kind in CONTEXT_KINDS
        ),
        comparisons=tuple(
            (field, *_section_and_name(field), tuple(found)) for field, found in comparisons.items()
        ),
        rules=rules,
        excluded_by={c.id: tuple(c.excluded_by) for c in knowledge.concerns if c.excluded_by},
        factors=factors,
        advice=advice,
        advice_for_everyone=tuple(n for n, compiled in enumerate(advice) if compiled.when is None),
        rule_index=ConditionIndex.build([rule.condition for rule in rules]),
        factor_index=ConditionIndex.build([factor.condition for factor in factors]),
        advice_index=ConditionIndex.build([a.when for a in advice]),
        contraindication_index=ConditionIndex.build([a.contraindicated_when for a in advice]),
        above=above,
        asked_tests=tuple(_asked_test(leaf) for leaf in leaves),
    )


def _withhold_condition(
    item: Intervention,
    categories: dict[AdviceCategory, WithholdCategory],
    compiled: Callable[[object], IndexedCondition],
) -> IndexedCondition | None:
    """When `item` must be withheld: any of its categories' conditions (withholding.yaml)
    or its own `withhold_when`."""
    reasons = [categories[name].when for name in item.categories or ()]
    if item.withhold_when is not None:
        reasons.append(item.withhold_when)
    return compiled(AnyOf(tuple(reasons))) if reasons else None


def _by_kind(
    token_leaves: dict[tuple[str, str], list[int]],
) -> dict[str, dict[str, tuple[int, ...]]]:
    by_kind: dict[str, dict[str, tuple[int, ...]]] = {}
    for (kind, value), leaf_ids in token_leaves.items():
        by_kind.setdefault(kind, {})[value] = tuple(leaf_ids)
    return by_kind


def _section_and_name(path: str) -> tuple[str, str]:
    section, _, name = path.rpartition(".")
    return section, name


_compiled: dict[int, tuple[KnowledgeBase, Rulebook]] = {}


def rulebook_for(knowledge: KnowledgeBase) -> Rulebook:
    """The compiled conditions of `knowledge` (compiled on first use, then reused)."""
    cached = _compiled.get(id(knowledge))
    if cached is not None and cached[0] is knowledge:
        return cached[1]
    book = _build(knowledge)
    _compiled[id(knowledge)] = (knowledge, book)
    return book
