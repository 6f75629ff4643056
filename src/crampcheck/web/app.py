"""`create_app(settings)`: the FastAPI app — pages, JSON API, static files, protections."""

from __future__ import annotations

import gc
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from crampcheck.assessment.engine import prepare
from crampcheck.config import Settings
from crampcheck.errors import DatabaseBusy
from crampcheck.i18n import load_translator
from crampcheck.knowledge.loading import load_knowledge_base
from crampcheck.storage import upgrade_database
from crampcheck.storage.engine import is_busy
from crampcheck.web.api import api_router
from crampcheck.web.api.routes.assessments import CONTRACT_SCHEMA_NAME, contract_schema
from crampcheck.web.api.schemas import HealthPublic
from crampcheck.web.context import WebContext
from crampcheck.web.language import mark_language, request_language
from crampcheck.web.pages import pages_router
from crampcheck.web.pages.common import page_context
from crampcheck.web.problems import INVALID_INPUT, problem_response, validation_errors
from crampcheck.web.rendering import PageRenderer
from crampcheck.web.security import (
    BodySizeLimitMiddleware,
    CsrfProtection,
    LoopbackHostMiddleware,
    SecurityHeadersMiddleware,
    UnexpectedErrorMiddleware,
)
from crampcheck.web.signing import InterviewSigner

RETRY_AFTER_SECONDS = 2  # a 503 for a locked database: when to try again


def _static_dir() -> Path:
    return Path(str(resources.files("crampcheck.web").joinpath("static")))


def create_app(settings: Settings | None = None, *, migrate: bool = True) -> FastAPI:
    """A new app for `settings`. With `migrate`, the database schema is brought up to date
    when the app starts (the pages that save results need it; the API does not)."""
    settings = settings or Settings()
    translator = load_translator(settings.language)
    secret_key = settings.secret_key or secrets.token_urlsafe(32)
    context = WebContext(
        settings=settings,
        knowledge=load_knowledge_base(),
        translator=translator,
        pages=PageRenderer(translator),
        csrf=CsrfProtection(secret_key),
        interview_signer=InterviewSigner(secret_key),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if migrate:
            upgrade_database(context.engine)
        yield
        if "engine" in context.__dict__:
            context.engine.dispose()

    app = FastAPI(
        title="crampcheck",
        summary="Leg-cramp self-assessment: is it dangerous, why, and what helps.",
        description="crampcheck informs; it does not diagnose.",
        version="0.1.0",
        lifespan=lifespan,
        # The interactive docs load scripts from a CDN; the pages allow no external resource.
        docs_url=None,
        redoc_url=None,
    )
    app.state.context = context
    app.add_middleware(BodySizeLimitMiddleware)
    # The last added runs first: the security headers wrap everything, then a foreign Host
    # is refused before the body is read or any route runs.
    app.add_middleware(LoopbackHostMiddleware)
    app.add_middleware(UnexpectedErrorMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=_static_dir()), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    _add_error_handlers(app, context)
    _document_contract(app)

    @app.get("/healthz", response_model=HealthPublic, tags=["health"])
    async def health() -> HealthPublic:  # async: no thread-pool hop for a constant answer
        """Whether the server answers."""
        return HealthPublic(status="ok")

    return app


def create_app_for_workers() -> FastAPI:
    """The app of one `crampcheck serve --workers N` process (settings from the environment;
    the parent has migrated the database already)."""
    app = create_app(Settings(), migrate=False)
    freeze_startup_objects(app)
    return app


def freeze_startup_objects(app: FastAPI) -> None:
    """Keep what exists at start (the knowledge base, the compiled rules, the medication
    catalog, the app, the libraries: ~10^5 objects that live as long as the server) out of
    the garbage collector's scans from now on.

    Otherwise every full collection walks all of them while requests wait, which shows as
    latency spikes. For a long-running server process only; not for tests or libraries.
    """
    context: WebContext = app.state.context
    prepare(context.knowledge, context.translator.language)
    gc.collect()
    gc.freeze()


def _document_contract(app: FastAPI) -> None:
    """Put the contract's JSON Schema into the OpenAPI components (built on first request)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components[CONTRACT_SCHEMA_NAME] = contract_schema()
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/healthz", "/static/", "/openapi")):
        return False
    return "text/html" in request.headers.get("accept", "")


def _add_error_handlers(app: FastAPI, context: WebContext) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        detail = str(error.detail)
        if _wants_html(request):
            language = request_language(request)
            pages = context.pages_for(language)
            detail = pages.translator.gettext(detail)
            values = {"status": error.status_code, "detail": detail, **page_context(request)}
            html = pages.render("error.html", values)
            response = HTMLResponse(html, status_code=error.status_code, headers=error.headers)
            mark_language(response, pages.translator.text_language)
            return response
        return problem_response(error.status_code, detail, headers=error.headers)

    @app.exception_handler(DatabaseBusy)
    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, error: Exception) -> Response:
        if isinstance(error, DatabaseBusy) or is_busy(error):
            # Another program (an import) holds the write lock: nothing was changed, and the
            # same request will work shortly.
            detail = "The diary is busy (another program is writing to it). Try again shortly."
            headers = {"retry-after": str(RETRY_AFTER_SECONDS)}
            return problem_response(503, detail, headers=headers)
        raise error  # a real fault: the 500 problem of UnexpectedErrorMiddleware

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        return problem_response(
            422,
            "The request is not valid.",
            errors=validation_errors(error),
            type_=INVALID_INPUT,
        )
