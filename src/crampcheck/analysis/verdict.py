"""Plain-language verdict of an N-of-1 experiment, graded by the posterior probability.

probability A has the lower rate  ->  wording
  >= 0.95                        "A likely helps" (compared with B)
  0.80 - 0.95                    "A may help"
  0.20 - 0.80                    "no clear difference"
  0.05 - 0.20                    "B may help"
  <= 0.05                        "B likely helps"
Every verdict ends with the reminder that one person's experiment says nothing about others.
Each sentence is translated whole, then filled in.
"""

from __future__ import annotations

from crampcheck.analysis.blocks import BlockCount
from crampcheck.i18n import Translator, gettext_noop

ONLY_YOU = gettext_noop(
    "This result is about you only: one person's experiment says nothing about how it works "
    "for others."
)
# The graded sentences, from "A likely helps" to "B likely helps".
A_LIKELY_HELPS = gettext_noop(
    "Compared with {b}, {a} likely helps: fewer cramps on {a} days (95% credible interval of "
    "the rate ratio {low}–{high}; probability that {a} has the lower cramp rate {probability})."
)
A_MAY_HELP = gettext_noop(
    "Compared with {b}, {a} may help (95% credible interval of the rate ratio {low}–{high}; "
    "probability that {a} has the lower cramp rate {probability})."
)
NO_CLEAR_DIFFERENCE = gettext_noop(
    "No clear difference between {a} and {b} so far (95% credible interval of the rate ratio "
    "{low}–{high}; probability that {a} has the lower cramp rate {probability})."
)
B_MAY_HELP = gettext_noop(
    "Compared with {a}, {b} may help (95% credible interval of the rate ratio {low}–{high}; "
    "probability that {a} has the lower cramp rate {probability})."
)
B_LIKELY_HELPS = gettext_noop(
    "Compared with {a}, {b} likely helps: fewer cramps on {b} days (95% credible interval of "
    "the rate ratio {low}–{high}; probability that {a} has the lower cramp rate {probability})."
)


def verdict(
    probability: float | None,
    ci_low: float | None,
    ci_high: float | None,
    a_label: str,
    b_label: str,
    blocks: BlockCount,
    reason: str | None,
    translator: Translator,
) -> str:
    """The verdict in `translator`'s language; `reason` (already worded) says why there is
    no estimate when `probability` is None."""
    _ = translator.gettext
    if probability is None or ci_low is None or ci_high is None:
        shortage = _("Not enough data yet: {reason}.").format(reason=reason)
        return f"{shortage} {_(ONLY_YOU)}"
    sentences = [
        _(_grade(probability)).format(
            a=a_label,
            b=b_label,
            low=f"{ci_low:.2f}",
            high=f"{ci_high:.2f}",
            probability=f"{probability:.2f}",
        )
    ]
    if blocks.completed < blocks.planned:
        interim = translator.ngettext(
            "Only {completed} of the {planned} planned blocks is complete, so this is an "
            "interim result.",
            "Only {completed} of the {planned} planned blocks are complete, so this is an "
            "interim result.",
            blocks.completed,
        )
        sentences.append(interim.format(completed=blocks.completed, planned=blocks.planned))
    sentences.append(_(ONLY_YOU))
    return " ".join(sentences)


def _grade(probability: float) -> str:
    if probability >= 0.95:
        return A_LIKELY_HELPS
    if probability >= 0.8:
        return A_MAY_HELP
    if probability > 0.2:
        return NO_CLEAR_DIFFERENCE
    if probability > 0.05:
        return B_MAY_HELP
    return B_LIKELY_HELPS
