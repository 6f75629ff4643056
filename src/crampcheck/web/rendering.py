"""Jinja2 templates with the translator as `_`; autoescaped, loaded from the package."""

from __future__ import annotations

from typing import Any

from crampcheck.i18n import Translator
from crampcheck.render.templating import template_environment
from crampcheck.web.chart import factor_chart


class PageRenderer:
    """Renders the page templates in one language."""

    def __init__(self, translator: Translator) -> None:
        self.translator = translator
        self.environment = template_environment("crampcheck.web", translator)
        self.environment.globals["factor_chart"] = lambda groups: factor_chart(
            groups, translator.gettext
        )

    def render(self, template: str, values: dict[str, Any]) -> str:
        """The HTML of `template` with `values`."""
        return self.environment.get_template(template).render(values)
