"""Advice for one person: suitable items by kind; contraindicated ones become "don't"s."""

from __future__ import annotations

from typing import NamedTuple

from crampcheck.assessment.evidence import Evidence
from crampcheck.assessment.rulebook import Rulebook
from crampcheck.assessment.tokens import Evaluator
from crampcheck.knowledge.interventions import Intervention, InterventionKind


class Advice(NamedTuple):
    """An intervention chosen for this person; `avoid` when it appears as a "don't"."""

    item: Intervention
    evidence: Evidence
    avoid: bool


_KINDS = tuple(InterventionKind)  # iterating the enum class itself costs ~4 µs a time
_AVOID = InterventionKind.AVOID


def choose_advice(book: Rulebook, evaluator: Evaluator) -> dict[InterventionKind, list[Advice]]:
    """Advice by list, highest priority first. Unknown contraindications do not exclude.

    Among the "don't"s, those this person's answers call for (contraindicated advice and
    "don't"s with a condition) come before the general ones.
    """
    chosen: dict[InterventionKind, list[Advice]] = {kind: [] for kind in _KINDS}
    suited = evaluator.satisfied(book.advice_index)
    against = evaluator.satisfied(book.contraindication_index)
    compiled = book.advice
    situational: list[Advice] = []
    general: list[Advice] = []
    # Priority order, so every list comes out in it; items without a condition suit everyone.
    for number in sorted((*book.advice_for_everyone, *suited), key=book.advice_rank.__getitem__):
        item = compiled[number].item
        reasons_against = against.get(number)
        if reasons_against is not None:
            situational.append(Advice(item, reasons_against, True))
        elif item.kind is _AVOID:
            advice = Advice(item, suited.get(number, ()), True)
            (general if item.when is None else situational).append(advice)
        else:
            chosen[item.kind].append(Advice(item, suited.get(number, ()), False))
    chosen[_AVOID] = situational + general
    return chosen
