"""Rendering a page: the template, the CSRF token of the browser, the right headers."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from crampcheck.web.context import WebContext
from crampcheck.web.security import CSRF_FIELD


def render_page(
    request: Request,
    context: WebContext,
    template: str,
    values: dict[str, Any] | None = None,
    *,
    status: int = 200,
) -> HTMLResponse:
    """The page `template` with `values`, the CSRF token and the current path."""
    token = context.csrf.token_for(request)
    html = context.pages.render(
        template,
        {"csrf_field": CSRF_FIELD, "csrf_token": token, "path": request.url.path, **(values or {})},
    )
    response = HTMLResponse(html, status_code=status)
    context.csrf.set_cookie(request, response)
    return response


async def require_csrf(request: Request, context: WebContext) -> None:
    """Refuse (403) a form POST whose token does not match the browser's cookie."""
    form = await request.form()
    if not context.csrf.is_valid(request, form.get(CSRF_FIELD)):
        raise HTTPException(
            403,
            "This form has expired or did not come from this site. Go back, reload the page "
            "and try again.",
        )
