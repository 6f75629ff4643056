"""Finding the claims that answer a question as a person would ask it.

Ranking is BM25 (``rank_bm25.BM25Okapi``) over each claim's text, keywords and explanation,
with Snowball-stemmed terms. A query is widened with the synonym list of claims.yaml (weighted
below the words actually typed) and misspelt words are mapped to the nearest indexed word with
RapidFuzz.

Questions in German, Russian and Swedish are read by `crampcheck.claims._languages`: the
query's language is detected, its words become English index terms through the glossary of
claims.yaml, plus language-tagged terms that match each claim's own keywords in that language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict
from rank_bm25 import BM25Okapi
from rapidfuzz import fuzz, process

from crampcheck.claims._languages import QueryReader, tagged
from crampcheck.claims._text import Language, stem, terms, words
from crampcheck.knowledge.claims import (
    Claim,
    ClaimCategory,
    ClaimsFile,
    Statement,
    Synonyms,
    Topic,
    Verdict,
)
from crampcheck.knowledge.yaml_source import load_file

# Synonyms count for half a typed word: "pin" should find needle claims, but a claim that
# says "pin" itself should still come first.
SYNONYM_WEIGHT = 0.5
# Keywords are what people type, so they count twice as much as the claim's own wording.
KEYWORD_REPEAT = 2
# Unsafe claims rank a little higher among equally relevant ones: when a question touches an
# unsafe remedy, what to do instead matters more than the next weak claim.
UNSAFE_BOOST = 1.15
# Similarity (0-100, RapidFuzz ratio) a misspelt word needs to stand for an indexed word.
TYPO_CUTOFF = 80.0
# Words shorter than this are not corrected: too many short words are one letter apart.
TYPO_MIN_LENGTH = 4
# Longer queries are cut: nobody asks a 1,000-character question, and the cut bounds the cost.
MAX_QUERY_CHARS = 500


class ClaimHit(BaseModel):
    """One search result: a claim (or topic), its verdict, and how well it matched."""

    model_config = ConfigDict(frozen=True)

    id: str
    claim: str
    verdict: Verdict
    category: ClaimCategory
    explanation: str
    safer_advice: str | None
    sources: tuple[str, ...]
    score: float


def _document(statement: Statement) -> list[str]:
    keywords = " ".join(statement.keywords)
    text = " ".join([statement.claim, *[keywords] * KEYWORD_REPEAT, statement.explanation])
    document = terms(text)
    for language, phrases in statement.keywords_by_language.items():
        own = [tagged(language, term) for term in terms(" ".join(phrases), language)]
        document += own * KEYWORD_REPEAT
    return document


def _synonym_map(synonyms: Synonyms) -> dict[str, frozenset[str]]:
    mapping: dict[str, set[str]] = {}
    for group in synonyms.groups:
        group_terms = {term for phrase in group for term in terms(phrase)}
        for term in group_terms:
            mapping.setdefault(term, set()).update(group_terms - {term})
    for word, targets in synonyms.expansions.items():
        target_terms = {term for phrase in targets for term in terms(phrase)}
        for term in terms(word):
            mapping.setdefault(term, set()).update(target_terms - {term})
    return {term: frozenset(others) for term, others in mapping.items()}


class ClaimIndex:
    """A search index over every claim and topic of one `ClaimsFile`; build once, query often."""

    def __init__(self, claims_file: ClaimsFile) -> None:
        self._statements: list[Claim | Topic] = [*claims_file.claims, *claims_file.topics]
        self._unsafe = np.array([s.verdict is Verdict.UNSAFE for s in self._statements])
        self._by_id = {statement.id: statement for statement in self._statements}
        documents = [_document(statement) for statement in self._statements]
        self._bm25 = BM25Okapi(documents)
        self._vocabulary = frozenset(term for document in documents for term in document)
        self._synonyms = _synonym_map(claims_file.synonyms)
        # Unstemmed words for typo correction: "magnesum" is near "magnesium", not "magnesium"'s
        # stem. Only words whose stem is indexed or has synonyms can help a query.
        known = self._vocabulary | self._synonyms.keys()
        spelled = {word for statement in self._statements for word in words(_raw(statement))}
        synonym_words = [*(w for group in claims_file.synonyms.groups for w in group)]
        synonym_words += claims_file.synonyms.expansions
        spelled |= {word for phrase in synonym_words for word in words(phrase)}
        self._spellings = sorted(
            word for word in spelled if len(word) >= TYPO_MIN_LENGTH and stem(word) in known
        )
        own_keywords: dict[Language, list[str]] = {}
        for statement in self._statements:
            for language, phrases in statement.keywords_by_language.items():
                own_keywords.setdefault(language, []).extend(phrases)
        self._reader = QueryReader(claims_file.glossary, own_keywords, lambda term: term in known)

    @property
    def statements(self) -> Sequence[Claim | Topic]:
        """Every claim, then every topic, in file order."""
        return self._statements

    def get(self, item_id: str) -> Claim | Topic | None:
        """The claim or topic with this id (``C001``, ``T001``), or None."""
        return self._by_id.get(item_id.strip().upper())

    def detect_language(self, query: str) -> Language:
        """The language `query` is read in (see `crampcheck.claims._languages`)."""
        return self._reader.detect(query[:MAX_QUERY_CHARS])

    def search(self, query: str, limit: int = 5) -> list[ClaimHit]:
        """The claims that best answer `query`, best first, at most `limit` of them.

        Returns an empty list when the query has no meaningful word or nothing matches; never
        raises on odd input. Scores are BM25 sums: comparable within one query only.
        """
        if limit <= 0 or not isinstance(query, str):
            return []
        query = query[:MAX_QUERY_CHARS]
        language = self._reader.detect(query)
        if language is Language.EN:
            typed = self._correct(words(query))
        else:
            typed = self._reader.terms(query, language)
        if not typed:
            return []
        typed_terms = set(typed)
        expanded = {
            synonym for term in typed_terms for synonym in self._synonyms.get(term, ())
        } - typed_terms
        scores = self._bm25.get_scores(sorted(typed_terms))
        if expanded:
            scores = scores + SYNONYM_WEIGHT * self._bm25.get_scores(sorted(expanded))
        if self._unsafe.any():
            scores = np.where(self._unsafe, scores * UNSAFE_BOOST, scores)
        ranked = sorted(
            (index for index, score in enumerate(scores) if score > 0),
            key=lambda index: (-scores[index], self._statements[index].id),
        )
        return [_hit(self._statements[index], float(scores[index])) for index in ranked[:limit]]

    def _correct(self, query_words: Iterable[str]) -> list[str]:
        """Stem each word; map words the index has never seen to the nearest known spelling."""
        result = []
        for word in query_words:
            term = stem(word)
            if term in self._vocabulary or term in self._synonyms:
                result.append(term)
                continue
            if len(word) >= TYPO_MIN_LENGTH:
                match = process.extractOne(
                    word, self._spellings, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF
                )
                if match is not None:
                    result.append(stem(match[0]))
        return result


def _raw(statement: Statement) -> str:
    return " ".join([statement.claim, *statement.keywords, statement.explanation])


def _hit(statement: Claim | Topic, score: float) -> ClaimHit:
    return ClaimHit(
        id=statement.id,
        claim=statement.claim,
        verdict=statement.verdict,
        category=statement.category,
        explanation=statement.explanation,
        safer_advice=statement.safer_advice,
        sources=tuple(statement.sources),
        score=round(score, 4),
    )


def claims_path() -> Path:
    """Where the packaged claims.yaml lives (a real file: the package is installed unzipped)."""
    return Path(str(resources.files("crampcheck.knowledge").joinpath("data", "claims.yaml")))


def load_claims_file(path: Path | None = None) -> ClaimsFile:
    """Read and validate claims.yaml (the packaged one by default); errors name file and line."""
    return load_file(path or claims_path(), ClaimsFile)


@cache
def load_claim_index() -> ClaimIndex:
    """The index over the packaged claims.yaml, built on first use and then reused."""
    return ClaimIndex(load_claims_file())
