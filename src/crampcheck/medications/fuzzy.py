"""Close-spelling lookup ("atorvastatine", "Lipitr") with a length-aware threshold.

Scores are rapidfuzz's normalised Indel similarity (`fuzz.ratio`, 0-100) between keys. Short
keys need a closer match, keys under five characters are never matched fuzzily (too many
medicines are one letter apart), and a near tie between two different entries is reported
as ambiguous rather than resolved by chance.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from crampcheck.medications.catalog import MedicationCatalog, NameHit
from crampcheck.medications.normalise import is_cyrillic

MIN_FUZZY_LENGTH = 5
# Two different entries within this many points of each other are ambiguous.
AMBIGUITY_MARGIN = 3.0
# Candidates this far below the threshold are still offered as suggestions.
SUGGESTION_MARGIN = 20.0
MAX_SUGGESTIONS = 3


def threshold(key: str) -> float | None:
    """The minimum score for a key of this length; None: exact matching only."""
    length = len(key.replace(" ", ""))
    if length < MIN_FUZZY_LENGTH:
        return None
    if length <= 6:
        return 88.0
    if length <= 8:
        return 86.0
    return 84.0


@dataclass(frozen=True, slots=True)
class FuzzyResult:
    """The best close match (if unambiguous) and names to suggest otherwise."""

    hit: NameHit | None
    score: float
    suggestions: tuple[str, ...]


def fuzzy_lookup(key: str, catalog: MedicationCatalog) -> FuzzyResult:
    """The catalog entry whose name is closest to `key`, if close enough and unambiguous."""
    minimum = threshold(key)
    if minimum is None:
        return FuzzyResult(None, 0.0, ())
    candidates = process.extract(
        key,
        catalog.choices(is_cyrillic(key)),
        scorer=fuzz.ratio,
        processor=None,
        limit=12,
        score_cutoff=minimum - SUGGESTION_MARGIN,
    )
    # Best score per entry, best entries first (several names may lead to one entry).
    best: dict[str, tuple[float, NameHit]] = {}
    for choice, score, _ in candidates:
        hit = catalog.lookup(choice)
        if hit is not None and hit.entry.id not in best:
            best[hit.entry.id] = (float(score), hit)
    ranked = list(best.values())
    suggestions = tuple(hit.name for _, hit in ranked[:MAX_SUGGESTIONS])
    if not ranked or ranked[0][0] < minimum:
        return FuzzyResult(None, 0.0, suggestions)
    top_score, top_hit = ranked[0]
    if len(ranked) > 1 and top_score - ranked[1][0] < AMBIGUITY_MARGIN:
        return FuzzyResult(None, 0.0, suggestions)
    return FuzzyResult(top_hit, top_score, ())
