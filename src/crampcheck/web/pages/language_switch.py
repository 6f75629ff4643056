"""The language switch: ``GET /language?lang=sv&next=/first-aid`` remembers the choice in a
cookie and goes back to the page. A link, not a form: it works without JavaScript, from the
keyboard, and needs no CSRF token (choosing a language changes nothing of the reader's data)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse

from crampcheck.i18n import SUPPORTED_LANGUAGES
from crampcheck.web.language import set_language_cookie

router = APIRouter()


def safe_next(path: str) -> str:
    """`path` when it is a path on this site, else the home page (no open redirect: never
    another host, ``//host`` or ``/\\host``)."""
    if path.startswith("/") and not path.startswith(("//", "/\\")) and "\n" not in path:
        return path
    return "/"


@router.get("/language")
def choose_language(
    request: Request,
    lang: Annotated[str, Query(max_length=10)],
    next_page: Annotated[str, Query(alias="next", max_length=500)] = "/",
) -> RedirectResponse:
    """Remember `lang` for this browser and show the page `next` in it."""
    if lang not in SUPPORTED_LANGUAGES:
        raise HTTPException(404, "There is no such language.")
    response = RedirectResponse(safe_next(next_page), status_code=303)
    set_language_cookie(request, response, lang)
    return response
