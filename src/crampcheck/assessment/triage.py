"""Concerns and urgency: fire the rules, apply exclusions, find what was not asked."""

from __future__ import annotations

from typing import NamedTuple

from crampcheck.assessment.rulebook import Rulebook
from crampcheck.assessment.tokens import Evaluator, Mask
from crampcheck.assessment.vocabulary import URGENCY_RANK
from crampcheck.knowledge.concerns import Concern, Rule


class RaisedConcern(NamedTuple):
    """A concern with the rules that raised it and the answers behind them."""

    concern: Concern
    urgency: str
    rules: tuple[Rule, ...]
    evidence: Mask


# An unasked answer that, if yes, would fire a rule and raise the urgency: (leaf id, rule
# number), both the rulebook's. Also the key of its not-asked item: it always reads the same.
UnaskedRule = tuple[int, int]


def raise_concerns(book: Rulebook, evaluator: Evaluator) -> list[RaisedConcern]:
    """Every concern whose rules hold, at the highest urgency among them, after exclusions."""
    raised: dict[str, RaisedConcern] = {}
    rules, heads = book.rules, book.rule_heads
    for number, evidence in sorted(evaluator.satisfied(book.rule_index).items()):
        concern_id, urgency = heads[number]
        previous = raised.get(concern_id)
        if previous is None:
            concern, rule, _ = rules[number]
            raised[concern_id] = RaisedConcern(concern, urgency, (rule,), evidence)
        else:
            urgency = max(previous.urgency, urgency, key=URGENCY_RANK.__getitem__)
            raised[concern_id] = RaisedConcern(
                previous.concern,
                urgency,
                (*previous.rules, rules[number][1]),
                previous.evidence | evidence,
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


def find_unasked(book: Rulebook, evaluator: Evaluator, urgency: str) -> list[UnaskedRule]:
    """Single unasked answers that would raise the urgency above `urgency`, most urgent first;
    each with the first of the most urgent rules it would fire."""
    rank = book.rule_rank
    best: dict[int, int] = {}  # leaf id -> rule number
    for number, leaf_id in evaluator.single_missing(book.above[urgency]):
        known = best.get(leaf_id)
        if known is None or rank[number] > rank[known]:
            best[leaf_id] = number
    return sorted(best.items(), key=lambda pair: -rank[pair[1]])
