"""Jinja2 templates with the translator as `_`; autoescaped, loaded from the package."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from crampcheck.i18n import Translator
from crampcheck.render.templating import template_environment
from crampcheck.web.chart import factor_chart


def fill_links(sentence: str, **links: tuple[str, str]) -> Markup:
    """A translated `sentence` with each ``{name}`` replaced by a link: ``name=(href, text)``.

    The sentence is translated whole (``_("Call {emergency} now")``) and escaped; the links
    are built here, so a translation never carries markup.
    """
    anchors = {
        name: Markup('<a href="{href}">{text}</a>').format(href=href, text=text)
        for name, (href, text) in links.items()
    }
    return escape(sentence).format(**anchors)


class PageRenderer:
    """Renders the page templates in one language."""

    def __init__(self, translator: Translator) -> None:
        self.translator = translator
        self.environment = template_environment("crampcheck.web", translator)
        self.environment.globals["factor_chart"] = lambda groups: factor_chart(
            groups, translator.gettext
        )
        self.environment.globals["fill_links"] = fill_links

    def render(self, template: str, values: dict[str, Any]) -> str:
        """The HTML of `template` with `values`."""
        return self.environment.get_template(template).render(values)
