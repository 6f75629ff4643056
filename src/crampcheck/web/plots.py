"""Putting the analysis plots (`crampcheck.analysis.plots`, matplotlib SVG) inline in a page.

The pages' Content-Security-Policy allows no inline styles, so matplotlib's `style="..."`
attributes become SVG presentation attributes (`fill="..."`), which the policy does not
touch; its `<style>` element, metadata and XML prolog are dropped. Ids get a per-plot prefix
so two plots on one page never share one. Text is drawn as paths (matplotlib's default), so
the figure carries no person-typed text; the page gives the numbers in a table as well.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

_STYLE = re.compile(r'style="([^"]*)"')
_ID = re.compile(r'id="([^"]+)"')
_REFERENCE = re.compile(r'(href="#|url\(#)([^")]+)')
_DROPPED = re.compile(r"<metadata>.*?</metadata>|<style[^>]*>.*?</style>", re.DOTALL)
_ROOT = re.compile(r"<svg\b[^>]*>")
# matplotlib's stylesheet, as inherited attributes on the root element
_ROOT_DEFAULTS = 'stroke-linejoin="round" stroke-linecap="butt"'


def _attributes(match: re.Match[str]) -> str:
    pairs = (part.split(":", 1) for part in match.group(1).split(";") if ":" in part)
    return " ".join(f'{name.strip()}="{escape(value.strip())}"' for name, value in pairs)


def inline_svg(svg: str, prefix: str, title: str) -> Markup:
    """The SVG text as an accessible inline `<svg role="img">` titled `title`."""
    start = svg.find("<svg")
    if start < 0:
        raise ValueError("not SVG text")
    body = _DROPPED.sub("", svg[start:])
    body = _STYLE.sub(_attributes, body)
    body = _ID.sub(lambda match: f'id="{prefix}-{match.group(1)}"', body)
    body = _REFERENCE.sub(lambda match: f"{match.group(1)}{prefix}-{match.group(2)}", body)
    root = _ROOT.search(body)
    assert root is not None  # found above
    viewbox = re.search(r'viewBox="([^"]+)"', root.group(0))
    opening = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'viewBox="{viewbox.group(1) if viewbox else "0 0 576 252"}" class="plot" role="img" '
        f'aria-labelledby="{prefix}-title" {_ROOT_DEFAULTS}>'
        f'<title id="{prefix}-title">{escape(title)}</title>'
    )
    return Markup(opening + body[root.end() :])
