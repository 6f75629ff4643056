"""Concerns and urgency: fire the rules, apply exclusions, find what was not asked."""

from __future__ import annotations

from dataclasses import dataclass

from crampcheck.assessment.evaluate import Context, completions, evaluate
from crampcheck.assessment.evidence import Evidence, merge
from crampcheck.assessment.vocabulary import URGENCY_RANK
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.concerns import Concern, Rule
from crampcheck.knowledge.expressions import Atom, Compare

MAX_UNASKED_ANSWERS = 1  # report what a single further answer would change


@dataclass(frozen=True)
class RaisedConcern:
    """A concern with the rules that raised it and the answers behind them."""

    concern: Concern
    urgency: str
    rules: tuple[Rule, ...]
    evidence: Evidence


@dataclass(frozen=True)
class Unasked:
    """Leaves that, answered yes, would fire `rule` and raise the urgency."""

    leaves: frozenset[Atom | Compare]
    rule: Rule
    concern: Concern


def raise_concerns(knowledge: KnowledgeBase, context: Context) -> list[RaisedConcern]:
    """Every concern whose rules hold, at the highest urgency among them, after exclusions."""
    raised: dict[str, RaisedConcern] = {}
    for concern, rule in knowledge.rules():
        truth, evidence = evaluate(rule.when, context)
        if truth is not True:
            continue
        previous = raised.get(concern.id)
        if previous is None:
            raised[concern.id] = RaisedConcern(concern, rule.urgency, (rule,), evidence)
        else:
            urgency = max(previous.urgency, rule.urgency, key=URGENCY_RANK.__getitem__)
            raised[concern.id] = RaisedConcern(
                concern, urgency, (*previous.rules, rule), merge(previous.evidence, evidence)
            )
    return [item for item in raised.values() if not _excluded(item, raised)]


def _excluded(item: RaisedConcern, raised: dict[str, RaisedConcern]) -> bool:
    # Only a concern at the same or higher urgency can hide another: urgency never falls.
    rank = URGENCY_RANK[item.urgency]
    return any(
        other in raised and URGENCY_RANK[raised[other].urgency] >= rank
        for other in item.concern.excluded_by
    )


def overall_urgency(raised: list[RaisedConcern]) -> str:
    """The highest urgency among the concerns; self-care when there are none."""
    return max((item.urgency for item in raised), key=URGENCY_RANK.__getitem__, default="self_care")


def find_unasked(knowledge: KnowledgeBase, context: Context, urgency: str) -> list[Unasked]:
    """Unasked answers that would raise the urgency above `urgency`, most urgent first."""
    found: dict[frozenset[Atom | Compare], Unasked] = {}
    for concern, rule in knowledge.rules():
        if URGENCY_RANK[rule.urgency] <= URGENCY_RANK[urgency]:
            continue
        for leaves in completions(rule.when, context):
            if not leaves or len(leaves) > MAX_UNASKED_ANSWERS:
                continue
            known = found.get(leaves)
            if known is None or URGENCY_RANK[rule.urgency] > URGENCY_RANK[known.rule.urgency]:
                found[leaves] = Unasked(leaves, rule, concern)
    # Drop a pair when one of its answers alone already raises the urgency as far.
    singles = {next(iter(item.leaves)): item for item in found.values() if len(item.leaves) == 1}
    kept = [
        item
        for item in found.values()
        if len(item.leaves) == 1
        or not any(
            leaf in singles
            and URGENCY_RANK[singles[leaf].rule.urgency] >= URGENCY_RANK[item.rule.urgency]
            for leaf in item.leaves
        )
    ]
    return sorted(kept, key=lambda item: (-URGENCY_RANK[item.rule.urgency], len(item.leaves)))
