"""Questions in German, Russian and Swedish: which language a query is in, and its English terms.

The design is query translation over one index. The claims are indexed in English; claims.yaml
holds a glossary per language (English term → the words people use for it, e.g. ``quinine:
[Chinin]``) and optional keywords per claim in each language. A query is read in one language:

1. **Detection.** Cyrillic letters mean Russian. Otherwise each of English, German and Swedish
   counts the query words it knows (its stop words, glossary words, and for English the words
   of the index); ``ß``/``ü`` add a point to German, ``å`` to Swedish. The highest count wins;
   a tie goes to English, then German, then Swedish, so English search is unchanged.
2. **Terms.** Each word of a German, Russian or Swedish query is stemmed with that language's
   Snowball stemmer. A glossary word becomes its English terms *and* a language-tagged term
   (``de:chinin``) that matches the claim's own keywords in that language. A German or Swedish
   compound that is not in the glossary is split into two glossary words ("Wadenkrampf" →
   "Wade" + "Krampf"). A word the glossary does not know is tried as English (drug names and
   "magnesium" are spelt alike), then matched to the nearest glossary spelling (RapidFuzz).

Short questions give statistical detectors too little text, and the glossary is what the
search can use anyway, so detection counts glossary and stop-word hits instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

from crampcheck.claims._text import Language, is_stop_word, normalise, stem, terms, words

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
# Letters that only one of the Latin-script languages uses.
_MARK_HINTS = {Language.DE: frozenset("ßü"), Language.SV: frozenset("å")}
# Detection order for ties: English first keeps English search exactly as it was.
_LATIN = (Language.EN, Language.DE, Language.SV)
# The parts of a compound word, and the linking letters German and Swedish put between them.
_MIN_PART = 3
_LINKS = ("", "s", "n", "en", "e", "es", "er", "a", "u", "o")
TYPO_CUTOFF = 85.0
TYPO_MIN_LENGTH = 5

Glossary = Mapping[Language, Mapping[str, Sequence[str]]]


def tagged(language: Language, term: str) -> str:
    """A term of a claim's own keywords in `language`, kept apart from the English terms."""
    return f"{language.value}:{term}"


class QueryReader:
    """Detects a query's language and turns it into index terms (English and language-tagged).

    `known` tells whether an English term is in the index (or has synonyms); it lets detection
    count English words and lets German or Swedish queries fall back to English for names.
    """

    def __init__(
        self,
        glossary: Glossary,
        keywords: Mapping[Language, Iterable[str]],
        known: Callable[[str], bool],
    ) -> None:
        self._known = known
        self._meanings: dict[Language, dict[str, frozenset[str]]] = {}
        self._spellings: dict[Language, list[str]] = {}
        for language in (Language.DE, Language.RU, Language.SV):
            meanings: dict[str, set[str]] = {}
            spellings: set[str] = set()
            for english, forms in glossary.get(language, {}).items():
                english_terms = set(terms(english))
                for form in forms:
                    for word in words(form, language):
                        meanings.setdefault(stem(word, language), set()).update(english_terms)
                        spellings.add(word)
            for phrase in keywords.get(language, ()):
                for word in words(phrase, language):
                    meanings.setdefault(stem(word, language), set())
                    spellings.add(word)
            self._meanings[language] = {term: frozenset(e) for term, e in meanings.items()}
            self._spellings[language] = sorted(w for w in spellings if len(w) >= TYPO_MIN_LENGTH)

    def detect(self, query: str) -> Language:
        """The language `query` is most likely written in (English when nothing tells)."""
        if _CYRILLIC.search(query):
            return Language.RU
        folded = normalise(query)
        tokens = _LETTERS.findall(folded)
        scores = {language: self._count(tokens, language) for language in _LATIN}
        for language, marks in _MARK_HINTS.items():
            if any(mark in folded for mark in marks):
                scores[language] += 1
        return max(_LATIN, key=lambda language: scores[language])  # max keeps the first tie

    def _count(self, tokens: Sequence[str], language: Language) -> int:
        """How many of the query's words `language` knows: stop words and searchable words."""
        if language is Language.EN:
            return sum(is_stop_word(t, language) or self._known(stem(t)) for t in tokens)
        meanings = self._meanings[language]
        return sum(
            is_stop_word(t, language)
            or stem(t, language) in meanings
            or self._split(t, language) is not None
            for t in tokens
        )

    def terms(self, query: str, language: Language) -> list[str]:
        """The index terms of a German, Russian or Swedish query, in the order of its words."""
        result: list[str] = []
        for word in words(query, language):
            result.extend(self._word_terms(word, language))
        return result

    def _word_terms(self, word: str, language: Language) -> list[str]:
        term = stem(word, language)
        if term in self._meanings[language]:
            return self._glossary_terms(term, word, language)
        parts = self._split(word, language)
        if parts:
            return [found for part in parts for found in self._glossary_terms(part, "", language)]
        english = stem(word)
        if self._known(english):
            return [english]
        if len(word) >= TYPO_MIN_LENGTH:
            match = process.extractOne(
                word, self._spellings[language], scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF
            )
            if match is not None:
                return self._glossary_terms(stem(match[0], language), match[0], language)
        return []

    def _glossary_terms(self, term: str, word: str, language: Language) -> list[str]:
        """The tagged term and its English terms; a word only in claim keywords ("Magnesium")
        keeps its English reading too."""
        english = sorted(self._meanings[language].get(term, ()))
        if not english and word and self._known(stem(word)):
            english = [stem(word)]
        return [tagged(language, term), *english]

    def _split(self, word: str, language: Language) -> tuple[str, str] | None:
        """A German or Swedish compound as the stems of two glossary words, or None."""
        if language is Language.RU or len(word) < 2 * _MIN_PART:
            return None
        meanings = self._meanings[language]
        for cut in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            tail_term = stem(tail, language)
            if tail_term not in meanings:
                continue
            for link in _LINKS:
                if link and not head.endswith(link):
                    continue
                base = head[: len(head) - len(link)] if link else head
                if len(base) >= _MIN_PART and stem(base, language) in meanings:
                    return stem(base, language), tail_term
        return None
