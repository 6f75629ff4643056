"""Advice for one person: suitable items by kind; contraindicated ones become "don't"s."""

from __future__ import annotations

from crampcheck.assessment.evaluator import Evaluator, Mask
from crampcheck.assessment.rulebook import Rulebook
from crampcheck.knowledge.interventions import InterventionKind

# One chosen item: (advice number in the rulebook, contraindicated, the answers behind it).
ChosenAdvice = tuple[int, bool, Mask]


def choose_advice(
    book: Rulebook, evaluator: Evaluator, general: Mask, emergency: bool
) -> dict[InterventionKind, list[ChosenAdvice]]:
    """Advice by list, highest priority first. Unknown contraindications do not exclude.

    Contraindicated advice moves to the "don't"s. Among those, the ones this person's answers
    call for (contraindicated advice and "don't"s with a condition) come before the general
    ones. Advice that suits everyone is backed by `general` (the answers about the cramps).
    In an emergency, first aid keeps only what is safe while waiting for help.
    """
    chosen: dict[InterventionKind, list[ChosenAdvice]] = {kind: [] for kind in InterventionKind}
    suited = evaluator.satisfied(book.advice_index)
    against = evaluator.satisfied(book.contraindication_index)
    advice = book.advice
    situational: list[ChosenAdvice] = []
    general_avoid: list[ChosenAdvice] = []
    # Priority order (advice is numbered in it), so every list comes out in it; items without
    # a condition suit everyone.
    for number in sorted((*book.advice_for_everyone, *suited)):
        compiled = advice[number]
        kind = compiled.kind
        reasons_against = against.get(number)
        if reasons_against is not None:
            contraindicated = kind is not InterventionKind.AVOID  # a "don't" stays one as it is
            situational.append((number, contraindicated, reasons_against or general))
        elif kind is InterventionKind.AVOID:
            avoid = (number, False, suited.get(number) or general)
            (situational if compiled.when is not None else general_avoid).append(avoid)
        elif (
            kind is InterventionKind.FIRST_AID
            and emergency
            and not compiled.item.safe_while_waiting
        ):
            continue
        else:
            chosen[kind].append((number, False, suited.get(number) or general))
    chosen[InterventionKind.AVOID] = situational + general_avoid
    return chosen
