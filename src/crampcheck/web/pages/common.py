"""Rendering a page: the template, the CSRF token of the browser, the right headers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData

from crampcheck.web.context import WebContext
from crampcheck.web.deps import ContextDep
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


async def checked_form(request: Request, context: ContextDep) -> FormData:
    """The POSTed form, once its CSRF token is checked (403 otherwise).

    Reading the body is the only part of a form POST that must be `async`; with it in this
    dependency the endpoints are plain `def`, so their database work runs in the thread
    pool and never blocks the event loop (other requests, /healthz, the API) while SQLite
    waits for another writer's lock."""
    await require_csrf(request, context)
    return await request.form()


CheckedFormDep = Annotated[FormData, Depends(checked_form)]
