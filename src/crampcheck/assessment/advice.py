"""Advice for one person: suitable items by kind; contraindicated ones become "don't"s."""

from __future__ import annotations

from dataclasses import dataclass

from crampcheck.assessment.evaluate import Context, evaluate
from crampcheck.assessment.evidence import Evidence
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.interventions import Intervention, InterventionKind


@dataclass(frozen=True)
class Advice:
    """An intervention chosen for this person; `avoid` when it appears as a "don't"."""

    item: Intervention
    evidence: Evidence
    avoid: bool


def choose_advice(
    knowledge: KnowledgeBase, context: Context
) -> dict[InterventionKind, list[Advice]]:
    """Advice by list, highest priority first. Unknown contraindications do not exclude."""
    chosen: dict[InterventionKind, list[Advice]] = {kind: [] for kind in InterventionKind}
    for item in knowledge.interventions:
        suits, why = (True, ()) if item.when is None else evaluate(item.when, context)
        if suits is not True:
            continue
        if item.contraindicated_when is not None:
            against, reasons = evaluate(item.contraindicated_when, context)
            if against is True:
                chosen[InterventionKind.AVOID].append(Advice(item, reasons, avoid=True))
                continue
        chosen[item.kind].append(Advice(item, why, avoid=item.kind is InterventionKind.AVOID))
    for items in chosen.values():
        items.sort(key=lambda advice: -advice.item.priority)
    return chosen
