"""Matching medicine names as people write them to the catalog.

Pipeline: normalise → exact lookup (phrase key, name key, then without salt words) → split
combinations ("A/B", "A + B", "A and B", "A-B", "valsartan HCT") when every part is a known
drug → close-spelling lookup. Anything else is reported as unknown, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from crampcheck.medications.catalog import (
    CatalogEntry,
    EntryKind,
    MedicationCatalog,
    NameHit,
    strongest,
)
from crampcheck.medications.fuzzy import fuzzy_lookup
from crampcheck.medications.normalise import (
    clean,
    name_key,
    phrase_key,
    salt_variants,
    split_hyphen,
    split_parts,
)
from crampcheck.medications.result import MatchStatus, MedicationMatch

EXACT_SCORE = 100.0
UNKNOWN_NOTE = "Not in the knowledge base; ask a pharmacist what this medicine is."


@dataclass(frozen=True, slots=True)
class _Found:
    """One recognised piece of the input and how sure we are of it."""

    hit: NameHit
    score: float


def _exact(cleaned: str, catalog: MedicationCatalog) -> NameHit | None:
    """Exact lookup under the phrase key, the name key and their salt-free variants."""
    key = name_key(cleaned)
    for candidate in (phrase_key(cleaned), key, *salt_variants(key)):
        hit = catalog.lookup(candidate) if candidate else None
        if hit is not None:
            return hit
    return None


def _token_cover(cleaned: str, catalog: MedicationCatalog) -> list[NameHit] | None:
    """Cover every word by known drug names, longest first ("amlodipine valsartan")."""
    tokens = name_key(cleaned).split()
    hits: list[NameHit] = []
    start = 0
    while start < len(tokens):
        for end in range(len(tokens), start, -1):
            hit = _exact(" ".join(tokens[start:end]), catalog)
            if hit is not None and hit.entry.kind is not EntryKind.LAY_TERM:
                hits.append(hit)
                start = end
                break
        else:
            return None
    return hits if len(hits) > 1 else None


def _resolve_part(part: str, catalog: MedicationCatalog) -> list[_Found] | None:
    """One separated part of a combination: exact, hyphen-split, word cover, then fuzzy."""
    hit = _exact(part, catalog)
    if hit is not None:
        return [_Found(hit, EXACT_SCORE)]
    pieces = split_hyphen(part)
    if len(pieces) > 1:
        hits = [_exact(piece, catalog) for piece in pieces]
        if all(h is not None for h in hits):
            return [_Found(h, EXACT_SCORE) for h in hits if h is not None]
    covered = _token_cover(part, catalog)
    if covered is not None:
        return [_Found(h, EXACT_SCORE) for h in covered]
    fuzzy = fuzzy_lookup(name_key(part), catalog)
    if fuzzy.hit is not None:
        return [_Found(fuzzy.hit, fuzzy.score)]
    return None


def _split_combination(cleaned: str, catalog: MedicationCatalog) -> list[_Found] | None:
    """Every part of a combination written out ("A/B"), or None unless all are drugs."""
    found: list[_Found] = []
    for part in split_parts(cleaned):
        resolved = _resolve_part(part, catalog)
        if resolved is None:
            return None
        found.extend(resolved)
    if len(found) < 2 or any(f.hit.entry.kind is EntryKind.LAY_TERM for f in found):
        return None
    return found


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _from_entries(text: str, found: Sequence[_Found]) -> MedicationMatch:
    """A match built from one or more recognised entries (several for a combination)."""
    entries: list[CatalogEntry] = [f.hit.entry for f in found]
    score = min(f.score for f in found)
    if entries[0].kind is EntryKind.LAY_TERM:
        status = MatchStatus.CLASS_ONLY
    else:
        status = MatchStatus.EXACT if score >= EXACT_SCORE else MatchStatus.FUZZY
    generics = _unique(g for entry in entries for g in entry.generics)
    classes = _unique(c for entry in entries for c in entry.classes)
    notes = _unique(entry.note for entry in entries if entry.note)
    return MedicationMatch(
        input=text,
        status=status,
        generic=generics[0] if generics else None,
        generics=generics,
        drug_class=classes[0] if classes else None,
        classes=classes,
        cramp_association=strongest(entry.cramp_association for entry in entries),
        effects=tuple(sorted({e for entry in entries for e in entry.effects})),
        matched_name=" + ".join(_unique(f.hit.name for f in found)),
        score=round(score, 1),
        note=" ".join(notes) or None,
    )


def _unknown(text: str, suggestions: tuple[str, ...] = ()) -> MedicationMatch:
    return MedicationMatch(
        input=text, status=MatchStatus.UNKNOWN, suggestions=suggestions, note=UNKNOWN_NOTE
    )


@lru_cache(maxsize=16384)
def _match_cached(text: str, catalog: MedicationCatalog) -> MedicationMatch:
    cleaned = clean(text)
    if not cleaned:
        return _unknown(text)
    hit = _exact(cleaned, catalog)
    if hit is not None:
        return _from_entries(text, [_Found(hit, EXACT_SCORE)])
    found = _split_combination(cleaned, catalog)
    if found is not None:
        return _from_entries(text, found)
    fuzzy = fuzzy_lookup(name_key(cleaned), catalog)
    if fuzzy.hit is None:
        return _unknown(text, fuzzy.suggestions)
    return _from_entries(text, [_Found(fuzzy.hit, fuzzy.score)])


def match_medication(text: str, catalog: MedicationCatalog) -> MedicationMatch:
    """Recognise one medicine as a person wrote it ("Lipitor 20mg", "water tablets").

    The result is exact, fuzzy (a close spelling of one catalog name), class_only (a lay term
    for a kind of medicine) or unknown (with suggestions when something came close). Results
    are cached per text and catalog; they are immutable, so sharing them is safe.
    """
    return _match_cached(text, catalog)


def match_medications(texts: Iterable[str], catalog: MedicationCatalog) -> list[MedicationMatch]:
    """`match_medication` for each text, in order."""
    return [match_medication(text, catalog) for text in texts]
