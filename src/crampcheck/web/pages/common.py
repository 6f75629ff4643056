"""Rendering a page: the template in the request's language, the CSRF token of the browser,
the help numbers of the reader's country, the right headers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData

from crampcheck.i18n import Translator
from crampcheck.knowledge.help_numbers import help_numbers
from crampcheck.web.context import WebContext
from crampcheck.web.deps import ContextDep
from crampcheck.web.language import (
    LANGUAGE_NAMES,
    mark_language,
    request_country,
    request_language,
)
from crampcheck.web.security import CSRF_FIELD


def page_translator(request: Request, context: WebContext) -> Translator:
    """The translator of the request's language (for text a page builds in code)."""
    return context.translator_for(request_language(request))


def page_context(request: Request) -> dict[str, Any]:
    """What every page's frame (base.html) shows: the current path, the language switch and
    the help numbers of the reader's country in the request's language."""
    language = request_language(request)
    return {
        "path": request.url.path,
        "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        "chosen_language": language,
        "language_names": LANGUAGE_NAMES,
        "help": help_numbers(request_country(request), language),
    }


def render_page(
    request: Request,
    context: WebContext,
    template: str,
    values: dict[str, Any] | None = None,
    *,
    status: int = 200,
) -> HTMLResponse:
    """The page `template` with `values`, the CSRF token, the current path, the language
    switch and the help numbers, in the request's language (`request_language`)."""
    language = request_language(request)
    pages = context.pages_for(language)
    token = context.csrf.token_for(request)
    html = pages.render(
        template,
        {"csrf_field": CSRF_FIELD, "csrf_token": token, **page_context(request), **(values or {})},
    )
    response = HTMLResponse(html, status_code=status)
    mark_language(response, pages.translator.text_language)
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
