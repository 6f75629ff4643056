"""Protections every response gets: loopback Host only, security headers, a request size
limit, CSRF tokens.

The pages use no external resource at all, so the Content-Security-Policy allows only this
origin; no inline script is ever sent (the small script is a static file).
"""

from __future__ import annotations

import hmac
import logging
import secrets

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crampcheck.web.problems import problem_response

MAX_REQUEST_BYTES = 64 * 1024
_log = logging.getLogger("crampcheck.web")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "permissions-policy": (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
    ),
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
STATIC_PREFIX = "/static/"


class SecurityHeadersMiddleware:
    """Adds the security headers; everything but static files is `Cache-Control: no-store`
    (pages hold answers, results and form tokens, none of which may linger in a cache)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith(STATIC_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if not static:
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})
"""The names the personal server answers to (any port)."""


def is_loopback_host(host: str) -> bool:
    """Whether a Host header names this computer: localhost, 127.0.0.1 or [::1], with or
    without a port."""
    name = host.strip().lower()
    if name.startswith("["):  # [::1] or [::1]:8000
        name = name[: name.find("]") + 1] if "]" in name else name
    else:
        name = name.partition(":")[0]
    return name in LOOPBACK_HOSTS


class LoopbackHostMiddleware:
    """Answers 400 to a request whose Host is not this computer.

    The diary has no accounts: the server trusts whoever reaches it on the loopback
    interface. A web page in another tab may make the browser send requests to 127.0.0.1
    under its own name (DNS rebinding); those carry that name as Host and are refused here,
    before any route reads the diary.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
        if not is_loopback_host(host):
            detail = "This server answers only to localhost, 127.0.0.1 or [::1] as Host."
            await problem_response(400, detail)(scope, receive, send)
            return
        await self.app(scope, receive, send)


class UnexpectedErrorMiddleware:
    """Turns an exception no handler took into a 500 problem+json (no traceback, no text of
    the error: it may quote personal data), and logs it for whoever runs the server.

    It sits inside `SecurityHeadersMiddleware`, so the 500 carries the security headers too
    (Starlette's own last-resort handler sits outside every middleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            _log.exception("unexpected error answering %s %s", scope["method"], scope["path"])
            if started:  # part of an answer is out: all that is left is to end the connection
                raise
            detail = (
                "Something went wrong on the server. Try again; if it keeps happening, the "
                "server log says why."
            )
            await problem_response(500, detail)(scope, receive, send)


class RequestTooLarge(HTTPException):
    """The request body is larger than allowed (becomes a 413 problem)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit:,} bytes.")


class BodySizeLimitMiddleware:
    """Refuses request bodies over `max_bytes`, whether announced or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            response = problem_response(413, RequestTooLarge(self.max_bytes).detail)
            await response(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # An HTTPException passes FastAPI's body parsing unchanged.
                    raise RequestTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited_receive, send)


# -- CSRF ---------------------------------------------------------------------------------
CSRF_COOKIE = "crampcheck_csrf"
CSRF_FIELD = "csrf_token"
_CSRF_SALT = "csrf"


class CsrfProtection:
    """Double-submit tokens: a random token in a signed, HttpOnly, SameSite=Strict cookie and
    the same token in a hidden field of every form; a POST must carry both, matching."""

    def __init__(self, secret_key: str) -> None:
        self._serializer = URLSafeSerializer(secret_key, salt=_CSRF_SALT)

    def _cookie_token(self, request: Request) -> str | None:
        cookie = request.cookies.get(CSRF_COOKIE)
        if not cookie:
            return None
        try:
            token = self._serializer.loads(cookie)
        except BadSignature:
            return None
        return token if isinstance(token, str) else None

    def token_for(self, request: Request) -> str:
        """The token of this browser session (a new one when it has none yet)."""
        token = getattr(request.state, "csrf_token", None) or self._cookie_token(request)
        if token is None:
            token = secrets.token_urlsafe(32)
            request.state.csrf_new = True
        request.state.csrf_token = token
        return token

    def set_cookie(self, request: Request, response: Response) -> None:
        """Send the cookie when `token_for` made a new token during this request."""
        if getattr(request.state, "csrf_new", False):
            response.set_cookie(
                CSRF_COOKIE,
                self._serializer.dumps(request.state.csrf_token),
                httponly=True,
                samesite="strict",
                secure=request.url.scheme == "https",
                path="/",
            )

    def is_valid(self, request: Request, sent: object) -> bool:
        """Whether the form's token matches the cookie's."""
        expected = self._cookie_token(request)
        if expected is None or not isinstance(sent, str):
            return False
        return hmac.compare_digest(expected.encode(), sent.encode())
