"""Turning a medicine as people write it ("Lipitor 20mg tabs 1-0-0") into lookup keys.

Every catalog name and every query goes through the same functions, so a key is comparable
with any other key. Two levels of key exist:

- the *phrase key* keeps every word except doses and dosing instructions; lay terms such as
  "steroid inhaler" are indexed only under it because the form word carries the meaning;
- the *name key* also drops pharmaceutical forms, inhaler devices and manufacturer names
  ("tabs", "retard", "Ellipta", "ratiopharm"), which never distinguish one substance from another.

Salt words ("hydrochloride", "sodium") are not dropped from keys; `salt_variants` offers the
shorter forms as later candidates, because "potassium" alone is a medicine.
"""

from __future__ import annotations

import re
import unicodedata

# "1-0-1", "1-1-0-1": German/Russian dosing schedules.
_SCHEDULE = re.compile(r"(?<![\w-])\d+(?:[.,/]\d+)?(?:\s*-\s*\d+(?:[.,/]\d+)?){2,3}(?![\w-])")
# A number with a unit, optionally "per ml/dose/day": "20 mg", "0,5 mg", "100 µg/dose", "5%".
_DOSE = re.compile(
    r"\d+(?:[.,]\d+)?\s*"
    r"(?:mg|mcg|µg|μg|ug|mikrogram|mikrog|g|ml|iu|ie|i\.e\.|units?|einheiten|enheter|mmol|%|мг|мкг|г|мл|ме|ед)"
    r"(?:\s*/\s*(?:ml|dose|day|d|h|tag|hub|puff|сут|доза|мл))?"
    r"(?![\w])"
)
# "2x", "x2", "2 x", "3×".
_TIMES = re.compile(r"(?<![\w-])(?:\d+\s*[x×]|[x×]\s*\d+)(?![\w-])")
# Bare numbers and strengths such as "160/4.5" (a number after a hyphen belongs to a name: MK-7).
_NUMBER = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)?(?:\s*/\s*\d+(?:[.,]\d+)?)*(?![\w-])")
_MARKS = re.compile(r"[®™©*\"“”„«»‘’`´]")
_DASHES = re.compile(r"[‐‑‒–—―−]")
_PUNCTUATION = re.compile(r"[^\w\s/+&,;()\-'.]")
_SPACES = re.compile(r"\s+")
_CYRILLIC = re.compile(r"[а-я]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Dosing instructions: never part of a name.
_DOSING_WORDS = _words(
    """
    daily once twice thrice bd bid od tds tid qds qid nocte mane prn weekly nightly
    täglich tgl morgens abends nachts wöchentlich
    раз день сутки утром вечером ежедневно
    dagligen morgon kväll kvällen natten gång gånger
    """
)
# Pharmaceutical forms, inhaler devices, release types and manufacturers.
_FORM_WORDS = _words(
    """
    tablet tablets tab tabs tbl tablette tabletten filmtabletten brausetabletten dragees
    cap caps capsule capsules kapsel kapseln
    injection injections inj injektion injektionslösung spritze pen penfill flexpen kwikpen
    solostar infusion
    inhaler inhalers inhalation spray nasal mdi dpi hfa
    evohaler accuhaler turbohaler diskus ellipta respimat handihaler breezhaler easyhaler
    genuair nexthaler autohaler
    retard forte mite er xl sr la cr mr xr cd dr ec depot mups protect cor akut
    oral solution suspension syrup liquid drops cream gel ointment patch patches film coated
    lösung tropfen saft pflaster salbe
    tablett tabletter depottablett depottabletter brustablett brustabletter enterotablett
    enterotabletter filmdragerad filmdragerade kapslar depotkapsel depotkapslar
    injektionsvätska munhålepulver droppar mixtur plåster
    таблетки таблетка табл капсулы капсула капс мазь раствор ретард форте уколы инъекции
    спрей ингалятор капли
    ratiopharm hexal stada sandoz teva mylan actavis zentiva aliud heumann accord aurobindo
    abz al 1a
    тева сандоз штада канон вертекс
    """
)
# Anions and hydrates: safe to drop when the rest is a known name.
_ANION_WORDS = _words(
    """
    hydrochloride hcl dihydrochloride hydrobromide sulfate sulphate bisulfate bisulphate
    besilate besylate mesilate mesylate maleate succinate tartrate fumarate citrate acetate
    phosphate bromide chloride xinafoate propionate dipropionate furoate valerate hyclate
    medoxomil etexilate dihydrate monohydrate trihydrate hemihydrate anhydrous
    hydrochlorid sulfat besilat mesilat maleat succinat tartrat fumarat
    гидрохлорид сульфат безилат мезилат малеат сукцинат тартрат фумарат
    """
)
# Cations: also medicines on their own ("potassium"), so dropped only as a last resort.
_CATION_WORDS = _words(
    """
    sodium potassium calcium magnesium disodium natrium kalium
    натрия калия кальция магния
    """
)


def fold(text: str) -> str:
    """Case-fold, apply Unicode NFKC, treat ё as е and unify dashes; trims whitespace."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    folded = _DASHES.sub("-", _MARKS.sub(" ", folded))
    return _SPACES.sub(" ", folded).strip()


def strip_doses(folded: str) -> str:
    """Remove strengths, dosing schedules and bare numbers from folded text."""
    text = _SCHEDULE.sub(" ", folded)
    text = _DOSE.sub(" ", text)
    text = _TIMES.sub(" ", text)
    text = _NUMBER.sub(" ", text)
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).strip()


def clean(text: str) -> str:
    """Folded text without doses, with separators (/ + & , ; parentheses) kept for splitting."""
    return strip_doses(fold(text))


def _tokens(cleaned: str) -> list[str]:
    spaced = re.sub(r"[\s/+&,;()\-'.]+", " ", cleaned)
    return [token for token in spaced.split() if token not in _DOSING_WORDS]


def phrase_key(cleaned: str) -> str:
    """The key of a cleaned text that keeps form words ("steroid inhaler")."""
    return " ".join(_tokens(cleaned))


def name_key(cleaned: str) -> str:
    """The key of a cleaned text without form, device and manufacturer words."""
    return " ".join(token for token in _tokens(cleaned) if token not in _FORM_WORDS)


def salt_variants(key: str) -> list[str]:
    """Shorter keys without salt words: anions first, then also cations; no empty keys."""
    tokens = key.split()
    without_anions = [token for token in tokens if token not in _ANION_WORDS]
    without_salts = [token for token in without_anions if token not in _CATION_WORDS]
    variants = []
    for candidate in (without_anions, without_salts):
        joined = " ".join(candidate)
        if candidate and joined != key and joined not in variants:
            variants.append(joined)
    return variants


def is_cyrillic(key: str) -> bool:
    """Whether a key contains Cyrillic letters (it is then matched against Cyrillic names)."""
    return _CYRILLIC.search(key) is not None


_SEPARATORS = re.compile(
    r"\s*(?:/|\+|&|,|;|\(|\)|\band\b|\bund\b|\bwith\b|\bmit\b|\bplus\b|\bи\b|\bс\b)\s*"
)


def split_parts(cleaned: str) -> list[str]:
    """Split a cleaned text at combination separators ("A/B", "A + B", "A and B")."""
    return [part for part in (piece.strip() for piece in _SEPARATORS.split(cleaned)) if part]


def split_hyphen(part: str) -> list[str]:
    """Split one part at hyphens ("triamterene-hctz"); callers accept it only if all are known."""
    return [piece.strip() for piece in part.split("-") if piece.strip()]
