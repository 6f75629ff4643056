"""Words for the codes a result carries (urgency levels, evidence grades, strengths of a
link), marked for translation so that no code reaches a reader as English or as an
identifier. Renderers translate them with `_(...)` when they show them."""

from __future__ import annotations

from crampcheck.i18n import gettext_noop

GRADE_NAMES = {
    "E1": gettext_noop("Good evidence"),
    "E2": gettext_noop("Some evidence"),
    "E3": gettext_noop("Expert advice"),
    "E0": gettext_noop("Tested, not shown to work"),
    "X": gettext_noop("Harmful or unsafe for self-care"),
}
URGENCY_WORDS = {
    "emergency": gettext_noop("emergency"),
    "urgent": gettext_noop("see a doctor today"),
    "consult": gettext_noop("book a doctor's appointment"),
    "self_care": gettext_noop("self-care"),
}
STRENGTH_WORDS = {
    "strong": gettext_noop("strong"),
    "moderate": gettext_noop("moderate"),
    "weak": gettext_noop("weak"),
    "contested": gettext_noop("contested"),
    "indirect": gettext_noop("indirect"),
    "not_established": gettext_noop("not established"),
}
