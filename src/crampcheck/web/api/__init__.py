"""The JSON API under /api/v1: one router per resource in `routes`."""

from crampcheck.web.api.router import api_router

__all__ = ["api_router"]
