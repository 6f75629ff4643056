"""The server-rendered pages (they work without JavaScript)."""

from fastapi import APIRouter

from crampcheck.web.pages import (
    diary_checkin,
    diary_log,
    diary_view,
    home,
    interview,
    language_switch,
    lookups,
    results,
)

pages_router = APIRouter(include_in_schema=False)
pages_router.include_router(home.router)
pages_router.include_router(language_switch.router)
pages_router.include_router(interview.router)
pages_router.include_router(results.router)
pages_router.include_router(lookups.router)
pages_router.include_router(diary_log.router)
pages_router.include_router(diary_checkin.router)
pages_router.include_router(diary_view.router)

__all__ = ["pages_router"]
