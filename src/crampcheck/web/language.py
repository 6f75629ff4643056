"""Which language a request is answered in: the language switch's cookie, else the browser's
``Accept-Language``, else the app's language (CRAMPCHECK_LANGUAGE).

Babel's `negotiate_locale` matches the browser's preferences to the supported languages
(``de-CH`` → ``de``, case-insensitive); this module only splits the header into its tags by
quality, which Babel does not do. A page or API answer that depends on the choice says so
with ``Vary: Accept-Language, Cookie`` and ``Content-Language``.
"""

from __future__ import annotations

from typing import cast

from starlette.requests import HTTPConnection
from starlette.responses import Response

from crampcheck.i18n import SUPPORTED_LANGUAGES

LANGUAGE_COOKIE = "crampcheck_language"
COOKIE_MAX_AGE = 365 * 24 * 3600  # a year: a reader's language rarely changes
MAX_TAGS = 20  # a longer header is cut: nobody ranks 20 languages
# The names people look for in a language switch: each language in itself.
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "ru": "Русский", "sv": "Svenska"}


def accepted_languages(header: str) -> list[str]:
    """The language tags of an ``Accept-Language`` header, most wanted first (by ``q``, then
    by order); tags with ``q=0``, an unreadable ``q`` and ``*`` are left out."""
    weighted: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")[:MAX_TAGS]):
        tag, _, parameters = item.partition(";")
        tag = tag.strip()
        quality = 1.0
        name, _, value = parameters.partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                continue
        if tag and tag != "*" and 0 < quality <= 1:
            weighted.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def negotiate_language(header: str | None, default: str) -> str:
    """The supported language that best fits an ``Accept-Language`` header, else `default`."""
    if not header:
        return default
    from babel import negotiate_locale

    wanted = [tag.lower() for tag in accepted_languages(header)]
    chosen = negotiate_locale(wanted, SUPPORTED_LANGUAGES, sep="-")
    return str(chosen) if chosen in SUPPORTED_LANGUAGES else default


def cookie_language(connection: HTTPConnection) -> str | None:
    """The language the reader chose with the language switch, if any (and still supported)."""
    chosen = connection.cookies.get(LANGUAGE_COOKIE)
    return chosen if chosen in SUPPORTED_LANGUAGES else None


def request_language(request: HTTPConnection) -> str:
    """The language to answer `request` in: the language switch's cookie, else the best
    match of its ``Accept-Language`` header, else the app's language (CRAMPCHECK_LANGUAGE).

    Always one of `SUPPORTED_LANGUAGES`. Works for pages and the API alike, as a FastAPI
    dependency (``Depends(request_language)``) or called directly, e.g. in
    ``POST /api/v1/assessments``: ``assess(person, ..., language=request_language(request))``.
    """
    cached = request.scope.get("crampcheck.language")
    if isinstance(cached, str):
        return cached
    settings = request.app.state.context.settings
    language = cookie_language(request) or negotiate_language(
        request.headers.get("accept-language"), cast(str, settings.language)
    )
    request.scope["crampcheck.language"] = language
    return language


def request_country(request: HTTPConnection) -> str | None:
    """The country whose help numbers `request` gets: CRAMPCHECK_COUNTRY, else the region of
    the first ``Accept-Language`` tag in the request's language (``en-GB`` → GB, ``de-AT`` →
    AT), else None (`help_numbers` then goes by the language)."""
    from crampcheck.i18n.countries import is_country_code

    configured = request.app.state.context.settings.country
    if configured:
        return cast(str, configured)
    language = request_language(request)
    for tag in accepted_languages(request.headers.get("accept-language", "")):
        first, *rest = tag.replace("_", "-").split("-")
        if first.lower() != language:
            continue
        for part in rest:
            if len(part) == 2 and part.isalpha() and is_country_code(part.upper()):
                return part.upper()
    return None


def mark_language(response: Response, language: str) -> None:
    """Say on `response` which language it is in and that it depends on the request's."""
    response.headers["Content-Language"] = language
    vary = [part.strip() for part in response.headers.get("Vary", "").split(",") if part.strip()]
    for header in ("Accept-Language", "Cookie"):
        if header not in vary:
            vary.append(header)
    response.headers["Vary"] = ", ".join(vary)


def set_language_cookie(request: HTTPConnection, response: Response, language: str) -> None:
    """Remember the reader's choice (a preference, not personal data: no consent needed)."""
    response.set_cookie(
        LANGUAGE_COOKIE,
        language,
        max_age=COOKIE_MAX_AGE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
