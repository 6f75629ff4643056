"""The assessment as terminal text, most important first."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from crampcheck.assessment.result import AdviceItem, Assessment
from crampcheck.i18n import load_translator
from crampcheck.render.words import STRENGTH_WORDS, URGENCY_WORDS

WIDTH = 88
MARKERS = {"emergency": "!!!", "urgent": "!!", "consult": "!", "self_care": "·"}


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=first if first is not None else indent, subsequent_indent=indent
    )


# Not-asked questions shown by default (the full view shows them all).
MAX_NOT_ASKED_SHOWN = 5


def render_text(result: Assessment, *, show_sources: bool = True, full: bool = False) -> str:
    """One assessment as text in the result's language: by default the summary and short
    sections (what matters now); with `full`, every detail."""
    _ = load_translator(result.language).gettext
    marker = MARKERS[result.urgency]
    lines = [f"{marker} {result.urgency_title.upper()} {marker}"]
    if not full:  # the summary starts with the urgency and what to do now
        lines += [_wrap(result.summary.text, "")]
        return "\n".join(lines + _short_sections(result)) + "\n"
    lines += [_wrap(result.urgency_action, ""), "", _wrap(result.summary.text, "")]
    lines += ["", _wrap(result.disclaimer, "")]
    if result.concerns:
        lines += ["", _("YOUR ANSWERS POINT TO")]
        for concern in result.concerns:
            level = _(URGENCY_WORDS[concern.urgency])
            lines += ["", f"* {concern.name} [{level}]", _wrap(concern.summary)]
            lines += [_wrap(_("What to do: {action}").format(action=concern.action))]
            lines += [_wrap(_("Because: {answers}").format(answers="; ".join(concern.why)))]
    lines += _advice_section(_("FIRST AID"), result.first_aid)
    lines += _advice_section(_("DO NOT"), result.do_not)
    if result.factors:
        lines += ["", _("WHAT MAY CONTRIBUTE, BY BODY SYSTEM")]
        for group in result.factors:
            names = ", ".join(f"{f.name} ({_(STRENGTH_WORDS[f.strength])})" for f in group.factors)
            lines += [_wrap(f"{group.name}: {names}", "    ", "  - ")]
    lines += _advice_section(_("YOUR PREVENTION PLAN"), result.prevention_plan)
    lines += _advice_section(_("TO DISCUSS WITH A DOCTOR"), result.discuss_with_doctor)
    shown = [m for m in result.medications if m.notes or m.status == "unknown"]
    if shown:
        lines += ["", _("YOUR MEDICINES")]
        for med in shown:
            name = med.generic or _("not recognised")
            line = f"{med.input} → {name}: " + " ".join(med.notes)
            lines += [_wrap(line, "    ", "  - ")]
    lines += ["", _("WHEN TO SEEK HELP")] + [
        _wrap(line, "    ", "  - ") for line in result.safety_net
    ]
    if result.not_asked:
        lines += ["", _("NOT ASKED — THESE ANSWERS WOULD CHANGE THE RESULT")]
        lines += [_wrap(item.text, "    ", "  - ") for item in result.not_asked]
    if result.input_notes:
        lines += ["", _("NOTES ON YOUR INPUT")] + [
            _wrap(n, "    ", "  - ") for n in result.input_notes
        ]
    if show_sources and result.citations:
        lines += ["", _("SOURCES")]
        for citation in result.citations:
            flag = _(" [to be verified]") if citation.verify else ""
            text = f"[{citation.key}] {citation.citation}{flag}"
            lines += [_wrap(text, "      ", "  ")]
    return "\n".join(lines) + "\n"


def _short_sections(result: Assessment) -> list[str]:
    """The default view after the summary: each concern's action, the questions that could
    change the result (each once), and how to see everything."""
    _ = load_translator(result.language).gettext
    lines: list[str] = []
    if result.concerns:
        lines += ["", _("YOUR ANSWERS POINT TO")]
        for concern in result.concerns:
            lines += [_wrap(f"{concern.name}: {concern.action}", "    ", "  - ")]
    if result.not_asked:  # one entry per question, most urgent first
        lines += ["", _("NOT ASKED — A YES WOULD MAKE IT MORE URGENT")]
        for item in result.not_asked[:MAX_NOT_ASKED_SHOWN]:
            level = _(URGENCY_WORDS[item.would_raise_to])
            lines += [_wrap(f"{item.question} → {level}", "    ", "  - ")]
    lines += ["", _wrap(result.disclaimer, "")]
    lines += ["", _("Every detail (why, factors, prevention plan, sources): add --full.")]
    return lines


def _advice_section(title: str, items: Sequence[AdviceItem]) -> list[str]:
    if not items:
        return []
    lines = ["", title]
    for item in items:
        grade = f"[{item.grade}; {', '.join(item.sources)}]"
        lines += [_wrap(f"{item.title} {grade}", "    ", "  - ")]
        lines += [_wrap(item.text, "    ")]
        lines += [_wrap(step, "        ", "      · ") for step in item.steps]
    return lines
