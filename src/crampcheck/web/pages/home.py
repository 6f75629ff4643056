"""The home page and the first-aid page ("Having a cramp right now?")."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from crampcheck.assessment.wording import withhold_reasons
from crampcheck.knowledge.emergency_signs import SignWords, emergency_signs
from crampcheck.knowledge.interventions import InterventionKind
from crampcheck.medications.catalog import load_medication_catalog
from crampcheck.web.context import WebContext
from crampcheck.web.deps import ContextDep
from crampcheck.web.pages.common import page_translator, render_page

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, context: ContextDep) -> HTMLResponse:
    """What crampcheck is and is not, and the ways in."""
    return render_page(
        request,
        context,
        "home.html",
        {
            "disclaimer": context.knowledge.texts.disclaimer,
            "emergency_signs": emergency_sign_lines(request, context),
        },
    )


def emergency_sign_lines(request: Request, context: WebContext) -> dict[str, list[str]]:
    """The emergency signs in the reader's language: `single` answers, then `combinations`."""
    gettext = page_translator(request, context).gettext
    words = SignWords.for_catalog(context.knowledge, gettext, load_medication_catalog().data)
    found = emergency_signs(context.knowledge)
    return {
        "single": [words.describe(sign) for sign in found if not sign.is_combination],
        "combinations": [words.describe(sign) for sign in found if sign.is_combination],
    }


@router.get("/first-aid", response_class=HTMLResponse)
def first_aid(request: Request, context: ContextDep) -> HTMLResponse:
    """First aid during a cramp (the advice that suits everyone) and the emergency signs."""
    knowledge = context.knowledge
    items = sorted(
        (
            item
            for item in knowledge.interventions
            if item.kind is InterventionKind.FIRST_AID and item.when is None
        ),
        key=lambda item: -item.priority,
    )
    # When each step must not be used (its own reason and its categories', withholding.yaml).
    categories = {category.id: category for category in knowledge.withholding}
    cautions = {item.id: withhold_reasons(item, categories) for item in items}
    cited = list(dict.fromkeys(key for item in items for key in item.sources))
    sources = [knowledge.sources[key] for key in cited if key in knowledge.sources]
    return render_page(
        request,
        context,
        "first_aid.html",
        {
            "items": items,
            "cautions": cautions,
            "emergency_signs": emergency_sign_lines(request, context),
            "sources": sources,
        },
    )
