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


def choose_advice(book: Rulebook, evaluator: Evaluator) -> dict[InterventionKind, list[Advice]]:
    """Advice by list, highest priority first. Unknown contraindications do not exclude."""
    chosen: dict[InterventionKind, list[Advice]] = {kind: [] for kind in InterventionKind}
    suited = evaluator.satisfied(book.advice_index)
    against = evaluator.satisfied(book.contraindication_index)
    # Priority order, so every list comes out in it; items without a condition suit everyone.
    for number in sorted((*book.advice_for_everyone, *suited), key=book.advice_rank.__getitem__):
        item = book.advice[number].item
        if number in against:
            chosen[InterventionKind.AVOID].append(Advice(item, against[number], avoid=True))
            continue
        why = suited.get(number, ())
        chosen[item.kind].append(Advice(item, why, avoid=item.kind is InterventionKind.AVOID))
    # Among the "don't"s, those this person's answers call for come before the general ones.
    chosen[InterventionKind.AVOID].sort(key=lambda advice: not _situational(advice))
    return chosen


def _situational(advice: Advice) -> bool:
    return advice.item.kind is not InterventionKind.AVOID or advice.item.when is not None
