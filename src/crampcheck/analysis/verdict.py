"""Plain-language verdict of an N-of-1 experiment, graded by the posterior probability.

probability A has the lower rate  ->  wording
  >= 0.95                        "A likely helps" (compared with B)
  0.80 - 0.95                    "A may help"
  0.20 - 0.80                    "no clear difference"
  0.05 - 0.20                    "B may help"
  <= 0.05                        "B likely helps"
Every verdict ends with the reminder that one person's experiment says nothing about others.
"""

from __future__ import annotations

from crampcheck.analysis.blocks import BlockCount

ONLY_YOU = (
    "This result is about you only: one person's experiment says nothing about how it works "
    "for others."
)


def verdict(
    probability: float | None,
    ci_low: float | None,
    ci_high: float | None,
    a_label: str,
    b_label: str,
    blocks: BlockCount,
    reason: str | None,
) -> str:
    if probability is None or ci_low is None or ci_high is None:
        return f"Not enough data yet: {reason}. {ONLY_YOU}"
    numbers = (
        f"(95% credible interval of the rate ratio {ci_low:.2f}–{ci_high:.2f}; probability "
        f"that {a_label} has the lower cramp rate {probability:.2f})"
    )
    parts = [f"{_grade(probability, a_label, b_label)} {numbers}."]
    if blocks.completed < blocks.planned:
        parts.append(
            f"Only {blocks.completed} of the {blocks.planned} planned blocks "
            f"{'is' if blocks.completed == 1 else 'are'} complete, so this is an interim result."
        )
    parts.append(ONLY_YOU)
    return " ".join(parts)


def _grade(probability: float, a_label: str, b_label: str) -> str:
    if probability >= 0.95:
        return f"Compared with {b_label}, {a_label} likely helps: fewer cramps on {a_label} days"
    if probability >= 0.8:
        return f"Compared with {b_label}, {a_label} may help"
    if probability > 0.2:
        return f"No clear difference between {a_label} and {b_label} so far"
    if probability > 0.05:
        return f"Compared with {a_label}, {b_label} may help"
    return f"Compared with {a_label}, {b_label} likely helps: fewer cramps on {b_label} days"
