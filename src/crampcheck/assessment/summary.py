"""The summary a person reads first: the whole answer on one phone screen (at most 120 words).

Built from parts the engine has already chosen as safe for this person: the urgency and what
to do now, the one or two most urgent concerns, up to three things to do (offered advice,
never a withheld item) and three not to do, and when to get help sooner. When the words run
over the limit, the lists are shortened first; the urgency and the safety net always stay.
"""

from __future__ import annotations

from dataclasses import dataclass

from crampcheck.assessment.result import Summary
from crampcheck.i18n import Translator

MAX_WORDS = 120
MAX_CONCERNS = 2
MAX_ITEMS = 3


@dataclass
class SummaryParts:
    """What the summary may say, most important first in each list (already translated)."""

    urgency_label: str  # "Urgent": the action says the rest
    urgency_action: str
    concerns: list[str]
    to_do: list[str]
    not_to_do: list[str]
    get_help_sooner: str


def summarise(parts: SummaryParts, translator: Translator) -> Summary:
    """The result's `summary`: `text` (at most `MAX_WORDS` words) and its structured parts."""
    concerns = parts.concerns[:MAX_CONCERNS]
    to_do = _unique(parts.to_do)[:MAX_ITEMS]
    not_to_do = _unique(parts.not_to_do)[:MAX_ITEMS]
    text = _text(parts, concerns, to_do, not_to_do, translator)
    # Shorten the longest list first, then the concerns, until it fits.
    while len(text.split()) > MAX_WORDS and (to_do or not_to_do or len(concerns) > 1):
        if to_do or not_to_do:
            longer = to_do if len(to_do) >= len(not_to_do) else not_to_do
            longer.pop()
        else:
            concerns.pop()
        text = _text(parts, concerns, to_do, not_to_do, translator)
    return Summary(
        text=text,
        what_to_do_now=parts.urgency_action,
        concerns=tuple(concerns),
        do=tuple(to_do),
        do_not=tuple(not_to_do),
        get_help_sooner=parts.get_help_sooner,
    )


def _text(
    parts: SummaryParts,
    concerns: list[str],
    to_do: list[str],
    not_to_do: list[str],
    translator: Translator,
) -> str:
    _ = translator.gettext
    sentences = [
        _("{urgency}: {action}").format(urgency=parts.urgency_label, action=parts.urgency_action)
    ]
    if concerns:
        sentences.append(
            _("Your answers point to: {concerns}.").format(concerns="; ".join(concerns))
        )
    if to_do:
        sentences.append(_("What you can do: {items}.").format(items="; ".join(to_do)))
    sentences += not_to_do  # each a whole sentence ("Do not ...", "Not now: ...")
    sentences.append(parts.get_help_sooner)  # a whole sentence saying when to get help sooner
    return " ".join(_sentence(text) for text in sentences)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
