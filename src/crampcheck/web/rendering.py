"""Jinja2 templates with the translator as `_`; autoescaped, loaded from the package."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from crampcheck.i18n import Translator
from crampcheck.web.chart import factor_chart

GRADE_NAMES = {
    "E1": "Good evidence",
    "E2": "Some evidence",
    "E3": "Expert advice",
    "E0": "Tested, not shown to work",
    "X": "Harmful or unsafe for self-care",
}
URGENCY_ICONS = {"emergency": "!!!", "urgent": "!!", "consult": "!", "self_care": "✓"}


class PageRenderer:
    """Renders the page templates in one language."""

    def __init__(self, translator: Translator) -> None:
        self.translator = translator
        self.environment = Environment(
            loader=PackageLoader("crampcheck.web", "templates"),
            autoescape=select_autoescape(["html", "svg"]),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.environment.globals.update(
            _=translator.gettext,
            lang=translator.language,
            grade_names=GRADE_NAMES,
            urgency_icons=URGENCY_ICONS,
            factor_chart=lambda groups: factor_chart(groups, translator.gettext),
        )

    def render(self, template: str, values: dict[str, Any]) -> str:
        """The HTML of `template` with `values`."""
        return self.environment.get_template(template).render(values)
