"""Three-valued evaluation of knowledge-base conditions against the facts of one input."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from crampcheck.assessment.evidence import Answer, Evidence, merge
from crampcheck.assessment.facts import Facts, Finding
from crampcheck.contract.answers import ANSWER_KINDS, MEDICATION_KINDS
from crampcheck.contract.vocabulary import URGENCY_RANK
from crampcheck.knowledge.expressions import AllOf, AnyOf, Atom, Compare, Node, Not

# A completion: a set of leaves that, answered "yes", would make a condition true.
Completion = frozenset[Atom | Compare]
MAX_COMPLETIONS = 64


@dataclass(frozen=True)
class Context:
    """Facts plus, for advice items, what the assessment has already concluded."""

    facts: Facts
    concerns: dict[str, Evidence] = field(default_factory=dict)
    concern_urgency: dict[str, str] = field(default_factory=dict)
    factors: dict[str, Evidence] = field(default_factory=dict)
    urgency: str | None = None


def evaluate(node: Node, context: Context) -> Finding:
    """Whether `node` holds (True / False / None for "not asked") and the answers why."""
    if isinstance(node, Atom):
        return _atom(node, context)
    if isinstance(node, Compare):
        return _compare(node, context.facts)
    if isinstance(node, Not):
        truth, evidence = evaluate(node.child, context)
        return (None if truth is None else not truth), evidence
    findings = [evaluate(child, context) for child in node.children]
    trues = [evidence for truth, evidence in findings if truth]
    unknown = sum(truth is None for truth, _ in findings)
    if isinstance(node, AllOf):
        if any(truth is False for truth, _ in findings):
            return False, ()
        return (True, merge(*trues)) if not unknown else (None, ())
    needed = 1 if isinstance(node, AnyOf) else node.n
    if len(trues) >= needed:
        return True, merge(*trues)
    return (False, ()) if len(trues) + unknown < needed else (None, ())


def _atom(atom: Atom, context: Context) -> Finding:
    kind = ANSWER_KINDS.get(atom.kind)
    if kind is not None:
        return context.facts.answer(kind, atom.values)
    if atom.kind in MEDICATION_KINDS:
        return context.facts.medicine(atom.kind, atom.values)
    return _context_atom(atom, context)


def _context_atom(atom: Atom, context: Context) -> Finding:
    if atom.kind == "urgency":
        # Evidence: the answers behind every concern at or above that urgency.
        level = URGENCY_RANK[atom.values[0]]
        behind = [
            context.concerns[concern]
            for concern, urgency in context.concern_urgency.items()
            if URGENCY_RANK[urgency] >= level
        ]
        return (True, merge(*behind)) if behind else (False, ())
    found = context.concerns if atom.kind == "concern" else context.factors
    hits = [found[value] for value in atom.values if value in found]
    return (True, merge(*hits)) if hits else (False, ())


def _compare(node: Compare, facts: Facts) -> Finding:
    value = facts.number(node.field)
    if value is None:  # null ("not pregnant") compares as no; a missing field is not asked
        return (False, ()) if facts.said_none(node.field) else (None, ())
    holds = {
        "gt": value > node.threshold,
        "gte": value >= node.threshold,
        "lt": value < node.threshold,
        "lte": value <= node.threshold,
    }[node.op]
    return holds, ((Answer(node.field, value),) if holds else ())


def completions(node: Node, context: Context) -> list[Completion]:
    """The smallest sets of unasked leaves that, answered yes, would make `node` true.

    Only meaningful for conditions without `not` (all rules above self-care).
    """
    truth, _ = evaluate(node, context)
    if truth is True:
        return [frozenset()]
    if truth is False or isinstance(node, Not):
        return []
    if isinstance(node, Atom | Compare):
        return [frozenset({node})]
    options = [completions(child, context) for child in node.children]
    if isinstance(node, AnyOf):
        return _smallest([item for option in options for item in option])
    if isinstance(node, AllOf):
        return _smallest(_combine(options))
    results: list[Completion] = []
    for chosen in itertools.combinations(options, node.n):
        results += _combine(list(chosen))
    return _smallest(results)


def _combine(options: list[list[Completion]]) -> list[Completion]:
    combined: list[Completion] = [frozenset()]
    for option in options:
        if not option:
            return []
        combined = [a | b for a in combined for b in option][:MAX_COMPLETIONS]
    return combined


def _smallest(items: list[Completion]) -> list[Completion]:
    unique = sorted(set(items), key=lambda item: (len(item), sorted(map(repr, item))))
    return unique[:MAX_COMPLETIONS]
