"""The medication check and the myths-and-facts pages (search forms, GET, nothing stored)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from crampcheck.medications import load_medication_catalog
from crampcheck.web.api.routes.claims import search_claims
from crampcheck.web.api.routes.medications import MAX_NAMES, check_medications
from crampcheck.web.deps import ContextDep
from crampcheck.web.pages.common import page_translator, render_page

router = APIRouter()
MAX_TEXT = 2000
CLAIM_RESULTS = 8


@router.get("/medications", response_class=HTMLResponse)
def medication_page(
    request: Request,
    context: ContextDep,
    names: Annotated[str, Query(max_length=MAX_TEXT)] = "",
) -> HTMLResponse:
    """A form for medicine names (separated by commas or lines) and what is known of each."""
    wanted = [part.strip()[:200] for part in re.split(r"[,\n;]", names) if part.strip()]
    words = page_translator(request, context)
    matches = check_medications(wanted[:MAX_NAMES], words) if wanted else []
    catalog = load_medication_catalog()
    # The kind of medicine in the reader's words, not its id ("loop_diuretic").
    kinds = {
        match.drug_class: words.gettext(catalog.classes[match.drug_class].name)
        for match in matches
        if match.drug_class in catalog.classes
    }
    return render_page(
        request,
        context,
        "medications.html",
        {"names": names, "matches": matches, "searched": bool(wanted), "kinds": kinds},
    )


@router.get("/myths", response_class=HTMLResponse)
def myths_page(
    request: Request,
    context: ContextDep,
    q: Annotated[str, Query(max_length=500)] = "",
) -> HTMLResponse:
    """A form for a claim ("does pickle juice help?") and the verdicts on it."""
    words = page_translator(request, context)
    hits = search_claims(q, CLAIM_RESULTS, words) if q.strip() else []
    return render_page(
        request, context, "myths.html", {"q": q, "hits": hits, "searched": bool(q.strip())}
    )
