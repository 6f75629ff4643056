"""The server-rendered pages (they work without JavaScript)."""

from fastapi import APIRouter

from crampcheck.web.pages import home, interview, lookups, results

pages_router = APIRouter(include_in_schema=False)
pages_router.include_router(home.router)
pages_router.include_router(interview.router)
pages_router.include_router(results.router)
pages_router.include_router(lookups.router)

__all__ = ["pages_router"]
