"""Conditions compiled once into disjunctive normal form, for fast evaluation.

`evaluate.evaluate` walks a condition tree with three-valued logic; it is the reference. For
speed the assessment compiles every condition once into DNF — a list of conjunctions of
literals (leaf, wanted truth) — and evaluates each distinct leaf only once per person from a
set of tokens (`evaluator.Evaluator`). A property test checks that both give the same answers.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from crampcheck.knowledge.expressions import AllOf, AnyOf, AtLeast, Atom, Compare, Node, Not

Leaf = Atom | Compare
Literal = tuple[Leaf, bool]  # the leaf and whether it must be true (False: must be false)
Conjunct = tuple[Literal, ...]


@dataclass(frozen=True)
class CompiledCondition:
    """A condition as alternatives (`conjuncts`); it holds when one conjunct's literals all do."""

    conjuncts: tuple[Conjunct, ...]


def compile_condition(node: Node) -> CompiledCondition:
    """DNF of a condition; `not` is pushed down to the leaves (De Morgan)."""
    conjuncts = _dnf(node, positive=True)
    unique = tuple(dict.fromkeys(tuple(dict.fromkeys(conjunct)) for conjunct in conjuncts))
    return CompiledCondition(unique)


def _dnf(node: Node, positive: bool) -> list[Conjunct]:
    if isinstance(node, Atom | Compare):
        return [((node, positive),)]
    if isinstance(node, Not):
        return _dnf(node.child, not positive)
    if isinstance(node, AtLeast):
        if not positive:
            raise ValueError("`not` around `at_least` is not supported")
        options = [AllOf(tuple(chosen)) for chosen in itertools.combinations(node.children, node.n)]
        return _dnf(AnyOf(tuple(options)), True)
    parts = [_dnf(child, positive) for child in node.children]
    # AllOf stays a conjunction when positive; a negated AnyOf becomes one (De Morgan).
    if isinstance(node, AllOf) == positive:
        combined: list[Conjunct] = [()]
        for part in parts:
            combined = [left + right for left in combined for right in part]
        return combined
    return [conjunct for part in parts for conjunct in part]


def leaves(condition: CompiledCondition) -> set[Leaf]:
    """Every distinct leaf of a compiled condition."""
    return {leaf for conjunct in condition.conjuncts for leaf, _ in conjunct}
