"""The Jinja2 environment every HTML renderer shares (web pages and the doctor's report).

Partials both use (`_result_parts.html`, `_advice.html`) live in `render/templates/`; each
renderer adds its own template folder in front of them. The translator is `_` (`ngettext`
for a count); a sentence is translated whole, then filled in:
``_("{night} of {total}").format(night=..., total=...)``. Output is autoescaped and an undefined
name is an error, never an empty string.
"""

from __future__ import annotations

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape

from crampcheck.i18n import Translator
from crampcheck.i18n.formatting import format_day, format_number
from crampcheck.render.words import GRADE_NAMES, STRENGTH_WORDS, URGENCY_WORDS

URGENCY_ICONS = {"emergency": "!!!", "urgent": "!!", "consult": "!", "self_care": "✓"}


def template_environment(package: str, translator: Translator) -> Environment:
    """An environment loading `package`'s `templates/` folder, then the shared partials."""
    environment = Environment(
        loader=ChoiceLoader(
            [PackageLoader(package, "templates"), PackageLoader("crampcheck.render", "templates")]
        ),
        autoescape=select_autoescape(["html", "svg"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Numbers and days as the page's language writes them: {{ rate | number(1) }}, {{ d | day }}.
    language = translator.text_language
    environment.filters["number"] = lambda value, decimals=0: format_number(
        value, decimals, language
    )
    environment.filters["day"] = lambda value: format_day(value, language)
    environment.globals.update(
        _=translator.gettext,
        ngettext=translator.ngettext,  # a count's form: ngettext(singular, plural, n).format(...)
        lang=translator.text_language,  # <html lang>: the language the text is in
        grade_names=GRADE_NAMES,
        urgency_icons=URGENCY_ICONS,
        urgency_words=URGENCY_WORDS,  # codes as words: _(urgency_words[level])
        strength_words=STRENGTH_WORDS,
    )
    return environment
