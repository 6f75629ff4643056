"""The contributing factors as a picture: an inline SVG drawn on the server.

One row per body system, one block per factor, shaded by the strength of its link with
cramps and labelled with the strength in words, so colour is never the only cue. The SVG has
a title and a description that say the same in text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from crampcheck.assessment.result import SystemFactors

# Fill and text colour per strength; each pair has a contrast of at least 4.5:1.
STRENGTH_STYLE = {
    "strong": ("#7a1f1f", "#ffffff"),
    "moderate": ("#b3471d", "#ffffff"),
    "contested": ("#5b4a8a", "#ffffff"),
    "weak": ("#f0d9a8", "#1a1a1a"),
    "indirect": ("#d5e3ef", "#1a1a1a"),
    "not_established": ("#e8e8e8", "#1a1a1a"),
}
STRENGTH_WORDS = {
    "strong": "strong",
    "moderate": "moderate",
    "contested": "contested",
    "weak": "weak",
    "indirect": "indirect",
    "not_established": "not established",
}
LABEL_WIDTH = 200
BLOCK_WIDTH = 170
ROW_HEIGHT = 44
GAP = 6
MAX_CHARS = 20  # of a factor name in a block (13 px bold)
LABEL_CHARS = 21  # per line of a system name (15 px bold, two lines at most)


def _short(text: str, limit: int = MAX_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label_lines(text: str) -> list[str]:
    lines: list[str] = [""]
    for word in text.split():
        candidate = f"{lines[-1]} {word}".strip()
        if len(candidate) <= LABEL_CHARS or not lines[-1]:
            lines[-1] = candidate
        elif len(lines) == 1:
            lines.append(word)
        else:
            lines[-1] = candidate
    return [_short(line, LABEL_CHARS) for line in lines]


def factor_chart(groups: Sequence[SystemFactors], gettext: Callable[[str], str]) -> Markup:
    """The SVG chart of `groups` (empty markup when there are none)."""
    if not groups:
        return Markup("")
    _ = gettext
    widest = max(len(group.factors) for group in groups)
    width = LABEL_WIDTH + widest * (BLOCK_WIDTH + GAP)
    height = len(groups) * ROW_HEIGHT + GAP
    summary = "; ".join(
        f"{group.name}: "
        + ", ".join(
            f"{f.name} ({_(STRENGTH_WORDS.get(f.strength, f.strength))})" for f in group.factors
        )
        for group in groups
    )
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(_("Contributing factors by body system"))}</title>',
        f'<desc id="chart-desc">{escape(summary)}</desc>',
    ]
    for row, group in enumerate(groups):
        y = GAP + row * ROW_HEIGHT
        lines = _label_lines(group.name)
        first_y = y + (24 if len(lines) == 1 else 16)
        spans = "".join(
            f'<tspan x="0" y="{first_y + index * 17}">{escape(line)}</tspan>'
            for index, line in enumerate(lines)
        )
        parts.append(f'<text class="chart-system">{spans}</text>')
        for column, factor in enumerate(group.factors):
            x = LABEL_WIDTH + column * (BLOCK_WIDTH + GAP)
            fill, ink = STRENGTH_STYLE.get(factor.strength, STRENGTH_STYLE["not_established"])
            strength = _(STRENGTH_WORDS.get(factor.strength, factor.strength))
            parts.append(
                f"<g><title>{escape(factor.name)} — {escape(strength)}</title>"
                f'<rect x="{x}" y="{y}" width="{BLOCK_WIDTH}" height="{ROW_HEIGHT - GAP}" '
                f'rx="4" fill="{fill}" stroke="#1a1a1a" stroke-width="0.5"/>'
                f'<text x="{x + 8}" y="{y + 16}" fill="{ink}" class="chart-factor">'
                f"{escape(_short(factor.name))}</text>"
                f'<text x="{x + 8}" y="{y + 32}" fill="{ink}" class="chart-strength">'
                f"{escape(strength)}</text></g>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))
