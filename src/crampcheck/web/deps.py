"""Typed dependencies for the routes (`ContextDep`, `SessionDep`, `KnowledgeDep`, ...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, cast

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from crampcheck.i18n import Translator
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.storage import session_scope
from crampcheck.web.context import WebContext
from crampcheck.web.language import request_language


# The dependencies that only look something up are `async`: FastAPI runs a plain `def`
# dependency in the thread pool, a hop that costs more than the lookup (bench/bench_web.py).
async def get_context(request: Request) -> WebContext:
    """The running app's context (set by `create_app`)."""
    return cast(WebContext, request.app.state.context)


ContextDep = Annotated[WebContext, Depends(get_context)]


async def get_knowledge(context: ContextDep) -> KnowledgeBase:
    """The loaded knowledge base."""
    return context.knowledge


async def get_translator(request: Request, context: ContextDep) -> Translator:
    """The translator of the request's language (`request_language`)."""
    return context.translator_for(request_language(request))


def get_session(context: ContextDep) -> Iterator[Session]:
    """A database session; committed when the request succeeds, rolled back otherwise."""
    with session_scope(context.sessions) as session:
        yield session


KnowledgeDep = Annotated[KnowledgeBase, Depends(get_knowledge)]
TranslatorDep = Annotated[Translator, Depends(get_translator)]
# scope="function": committed before the response goes out, not after it, so that a client
# told "done" (e.g. redirected to a result just kept) never asks before the row is there.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
