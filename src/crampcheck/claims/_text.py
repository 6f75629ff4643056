"""Turning text into search terms: lower-case words, English stop words dropped, stemmed."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

# Question words and fillers that say nothing about a topic ("does a ... help for ..."). Kept
# short on purpose: BM25's inverse document frequency already discounts common content words.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each else ever few for from
    further get gets getting got had has have having he her here hers herself him himself his how
    i if in into is it its itself just me might more most must my myself no nor not now of off on
    once only or other ought our ours ourselves out over own really same shall she should so some
    such than that the their theirs them themselves then there these they this those through to
    too under until up us very was we were what when where which while who whom why will with
    would you your yours yourself yourselves actually anything something someone okay ok please
    tell know true good bad best help helps work works thing things way also
    """.split()  # noqa: SIM905 - a word list reads better as text
)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The English Snowball stem of one lower-case word."""
    result: str = _stemmer.stemWord(word)
    return result


def words(text: str) -> list[str]:
    """The lower-case words of `text` that are not stop words, in order."""
    return [word for word in _WORD.findall(text.casefold()) if word not in STOP_WORDS]


def terms(text: str) -> list[str]:
    """The search terms of `text`: its non-stop words, stemmed."""
    return [stem(word) for word in words(text)]
