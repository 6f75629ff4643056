"""Turning text into search terms, per language: normalised words, stop words dropped, stemmed.

Every language's words go through the same steps: Unicode NFKC, case-folding, ``ё`` read as
``е``; stop words dropped; the Snowball stem of the language; then letters that people often
type without their marks are folded (``ä``→``a``, ``ö``→``o``, ``å``→``a``, ``ü``→``u``) so
that "hjalper" and "hjälper", "Senfkorner" and "Senfkörner" give the same term. The German
stemmer itself maps ``ß`` to ``ss`` and ``ae``/``oe``/``ue`` to umlauts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from crampcheck.knowledge.claims import ClaimLanguage as Language

__all__ = [
    "STOP_WORDS",
    "Language",
    "fold",
    "is_stop_word",
    "normalise",
    "stem",
    "terms",
    "words",
]

_SNOWBALL = {
    Language.EN: "english",
    Language.DE: "german",
    Language.RU: "russian",
    Language.SV: "swedish",
}

# Question words and fillers that say nothing about a topic ("does a ... help for ..."). Kept
# short on purpose: BM25's inverse document frequency already discounts common content words.
STOP_WORDS: dict[Language, frozenset[str]] = {
    Language.EN: frozenset(
        """
        a about above after again against all am an and any are as at be because been before
        being below between both but by can could did do does doing down during each else ever
        few for from further get gets getting got had has have having he her here hers herself
        him himself his how i if in into is it its itself just me might more most must my myself
        no nor not now of off on once only or other ought our ours ourselves out over own really
        same shall she should so some such than that the their theirs them themselves then there
        these they this those through to too under until up us very was we were what when where
        which while who whom why will with would you your yours yourself yourselves actually
        anything something someone okay ok please tell know true good bad best help helps work
        works thing things way also
        """.split()  # noqa: SIM905 - a word list reads better as text
    ),
    Language.DE: frozenset(
        """
        aber alle allem allen aller alles als also am an auch auf aus bei beim bin bis bist da
        damit dann das dass dem den denn der des dich die dir doch dort du durch ein eine einem
        einen einer eines er es etwas euch für gegen gibt hab habe haben hat hatte ich ihm ihn
        ihr im in ist ja jemand kann kannst könnte man mein meine mich mir mit muss nach nicht
        noch nur ob oder ohne sehr sein seine sich sie sind so soll sollte um und uns von vor
        war was weil wenn wer wie wieso warum welche wir wird wirklich wo zu zum zur stimmt es
        eigentlich bitte gut schlecht helfen hilft hilfe nützt bringt wirkt tun bekomme bekommt
        bekommen kriege kriegt weshalb muss müssen darf dürfen wahr
        """.split()  # noqa: SIM905
    ),
    Language.RU: frozenset(
        """
        а без бы был была были было в вам вас весь во вот все всё вы где да даже для до его ее
        её если есть еще ещё же за и из или им их к как какая какие какой ко когда кто ли либо
        мне может можно мой мы на над надо не нет ни но ну о об от по под при про с со так также
        там то тоже только у уже чем что чтобы это эта эти этот я ли правда ли действительно
        помогает помогают помочь поможет стоит нужно ли пожалуйста хорошо плохо
        """.split()  # noqa: SIM905
    ),
    Language.SV: frozenset(
        """
        alla allt att av blir de dem den det detta du efter eller en ett fast från för ha har
        hon hur i inte jag kan man med mig min mina mot mycket ni nu när och om på sig sin ska
        skulle som så till under upp ut vad var vi vid vilka vilken är åt även verkligen stämmer
        det bra dåligt hjälper hjälpa hjälp fungerar funkar får fick få fått gör göra gjorde ska
        skall bör borde finns varför sant
        """.split()  # noqa: SIM905
    ),
}
# Folded after stemming: the stemmers need the marks, people often omit them.
_MARKS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "å": "a", "é": "e", "è": "e", "à": "a"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_stemmers = {language: snowballstemmer.stemmer(name) for language, name in _SNOWBALL.items()}


def fold(word: str) -> str:
    """A normalised word without the marks people often omit ("för" and "for" are one word)."""
    return word.translate(_MARKS)


# Compared after folding, so that "fur" is dropped like "für".
_FOLDED_STOP_WORDS = {
    language: frozenset(fold(word) for word in stop_words)
    for language, stop_words in STOP_WORDS.items()
}


def is_stop_word(word: str, language: Language) -> bool:
    """Whether a normalised word is a stop word of `language`, with or without its marks."""
    return fold(word) in _FOLDED_STOP_WORDS[language]


def normalise(text: str) -> str:
    """NFKC, case-folded, ``ё`` as ``е``: the form every word is compared in."""
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")


@lru_cache(maxsize=16384)
def stem(word: str, language: Language = Language.EN) -> str:
    """The Snowball stem of one normalised word in `language`, with marks folded."""
    result: str = _stemmers[language].stemWord(word)
    return fold(result) if language is not Language.EN else result


def words(text: str, language: Language = Language.EN) -> list[str]:
    """The normalised words of `text` that are not stop words of `language`, in order."""
    return [word for word in _WORD.findall(normalise(text)) if not is_stop_word(word, language)]


def terms(text: str, language: Language = Language.EN) -> list[str]:
    """The search terms of `text` in `language`: its non-stop words, stemmed."""
    return [stem(word, language) for word in words(text, language)]
