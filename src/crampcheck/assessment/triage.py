"""Concerns and urgency: fire the rules, apply exclusions, find what was not asked."""

from __future__ import annotations

from typing import NamedTuple

from crampcheck.assessment.evaluator import Evaluator, Mask
from crampcheck.assessment.rulebook import Rulebook
from crampcheck.contract.vocabulary import URGENCY_ORDER, URGENCY_RANK, Urgency
from crampcheck.knowledge.concerns import Concern, Rule


class RaisedConcern(NamedTuple):
    """A concern with the rules that raised it and the answers behind them."""

    concern: Concern
    urgency: Urgency
    rules: tuple[Rule, ...]
    evidence: Mask


# An unasked answer that, if yes, would fire a rule and raise the urgency: (leaf id, rule
# number), both the rulebook's. Also the key of its not-asked item: it always reads the same.
UnaskedRule = tuple[int, int]


def raise_concerns(book: Rulebook, evaluator: Evaluator) -> list[RaisedConcern]:
    """Every concern whose rules hold, at the highest urgency among them, after exclusions."""
    raised: dict[str, RaisedConcern] = {}
    rules = book.rules
    for number, evidence in sorted(evaluator.satisfied(book.rule_index).items()):
        compiled = rules[number]
        concern_id, urgency = compiled.concern_id, compiled.urgency
        previous = raised.get(concern_id)
        if previous is None:
            raised[concern_id] = RaisedConcern(
                compiled.concern, urgency, (compiled.rule,), evidence
            )
        else:
            urgency = max(previous.urgency, urgency, key=URGENCY_RANK.__getitem__)
            rules_so_far = (*previous.rules, compiled.rule)
            raised[concern_id] = RaisedConcern(
                previous.concern, urgency, rules_so_far, previous.evidence | evidence
            )
    excluded_by = book.excluded_by
    return [
        item
        for concern_id, item in raised.items()
        if concern_id not in excluded_by or not _excluded(item, excluded_by[concern_id], raised)
    ]


def _excluded(item: RaisedConcern, by: tuple[str, ...], raised: dict[str, RaisedConcern]) -> bool:
    # Only a concern at the same or higher urgency can hide another: urgency never falls.
    rank = URGENCY_RANK[item.urgency]
    for other in by:
        found = raised.get(other)
        if found is not None and URGENCY_RANK[found.urgency] >= rank:
            return True
    return False


def overall_urgency(raised: list[RaisedConcern]) -> Urgency:
    """The highest urgency among the concerns; self-care when there are none."""
    return max((item.urgency for item in raised), key=URGENCY_RANK.__getitem__, default="self_care")


def find_unasked(book: Rulebook, evaluator: Evaluator, urgency: Urgency) -> list[UnaskedRule]:
    """Single unasked answers that would raise the urgency above `urgency`, most urgent first;
    each with the first of the most urgent rules it would fire."""
    rules = book.rules
    best: dict[int, int] = {}  # leaf id -> rule number
    for number, leaf_id in evaluator.single_missing(book.above[urgency]):
        known = best.get(leaf_id)
        if known is None or rules[number].urgency_rank > rules[known].urgency_rank:
            best[leaf_id] = number
    # Most urgent first, and in rule order within an urgency (as `best` holds them).
    by_rank: list[list[UnaskedRule]] = [[] for _ in URGENCY_ORDER]
    for leaf_id, number in best.items():
        by_rank[rules[number].urgency_rank].append((leaf_id, number))
    return [pair for level in reversed(by_rank) for pair in level]
