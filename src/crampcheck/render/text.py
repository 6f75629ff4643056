"""The assessment as terminal text, most important first."""

from __future__ import annotations

import textwrap

from crampcheck.assessment.result import AdviceItem, Assessment
from crampcheck.i18n import load_translator

WIDTH = 88
MARKERS = {"emergency": "!!!", "urgent": "!!", "consult": "!", "self_care": "·"}


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=first if first is not None else indent, subsequent_indent=indent
    )


def render_text(result: Assessment, *, show_sources: bool = True) -> str:
    """A readable report of one assessment (in the result's language)."""
    _ = load_translator(result.language).gettext
    marker = MARKERS[result.urgency]
    lines = [f"{marker} {result.urgency_title.upper()} {marker}", _wrap(result.urgency_action, "")]
    lines += ["", _wrap(result.disclaimer, "")]
    if result.concerns:
        lines += ["", _("YOUR ANSWERS POINT TO")]
        for concern in result.concerns:
            lines += ["", f"* {concern['name']} [{concern['urgency']}]", _wrap(concern["summary"])]
            lines += [_wrap(_("What to do: {action}").format(action=concern["action"]))]
            lines += [_wrap(_("Because: {answers}").format(answers="; ".join(concern["why"])))]
    lines += _advice_section(_("FIRST AID"), result.first_aid)
    lines += _advice_section(_("DO NOT"), result.do_not)
    if result.factors:
        lines += ["", _("WHAT MAY CONTRIBUTE, BY BODY SYSTEM")]
        for group in result.factors:
            names = ", ".join(f"{f['name']} ({f['strength']})" for f in group["factors"])
            lines += [_wrap(f"{group['name']}: {names}", "    ", "  - ")]
    lines += _advice_section(_("YOUR PREVENTION PLAN"), result.prevention_plan)
    lines += _advice_section(_("TO DISCUSS WITH A DOCTOR"), result.discuss_with_doctor)
    shown = [m for m in result.medications if m["notes"] or m["status"] == "unknown"]
    if shown:
        lines += ["", _("YOUR MEDICINES")]
        for med in shown:
            name = med["generic"] or _("not recognised")
            line = f"{med['input']} → {name}: " + " ".join(med["notes"])
            lines += [_wrap(line, "    ", "  - ")]
    lines += ["", _("WHEN TO SEEK HELP")] + [
        _wrap(line, "    ", "  - ") for line in result.safety_net
    ]
    if result.not_asked:
        lines += ["", _("NOT ASKED — THESE ANSWERS WOULD CHANGE THE RESULT")]
        lines += [_wrap(item["text"], "    ", "  - ") for item in result.not_asked]
    if result.input_notes:
        lines += ["", _("NOTES ON YOUR INPUT")] + [
            _wrap(n, "    ", "  - ") for n in result.input_notes
        ]
    if show_sources and result.citations:
        lines += ["", _("SOURCES")]
        for citation in result.citations:
            flag = _(" [to be verified]") if citation["verify"] else ""
            text = f"[{citation['key']}] {citation['citation']}{flag}"
            lines += [_wrap(text, "      ", "  ")]
    return "\n".join(lines) + "\n"


def _advice_section(title: str, items: list[AdviceItem]) -> list[str]:
    if not items:
        return []
    lines = ["", title]
    for item in items:
        grade = f"[{item['grade']}; {', '.join(item['sources'])}]"
        lines += [_wrap(f"{item['title']} {grade}", "    ", "  - ")]
        lines += [_wrap(item["text"], "    ")]
        lines += [_wrap(step, "        ", "      · ") for step in item["steps"]]
    return lines
