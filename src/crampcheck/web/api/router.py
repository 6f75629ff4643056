"""All API routers, mounted under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from crampcheck.web.api.routes import assessments, claims, medications, questionnaire

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(assessments.router)
api_router.include_router(medications.router)
api_router.include_router(claims.router)
api_router.include_router(questionnaire.router)
