"""Words of a result that do not depend on the person: cached per knowledge base and language.

The engine decides which items a person gets; this module holds their fixed parts (translated
once per language), the answers already worded, and the small helpers that name answers and
medicines. An item's fixed parts and a person's answers are put together by the engine.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import replace
from functools import cache
from typing import NamedTuple, TypeVar

from crampcheck.assessment.evidence import Answer, Evidence
from crampcheck.assessment.labels import Labels
from crampcheck.assessment.medicines import LINKED, MedicineEntry
from crampcheck.assessment.not_asked import UnaskedQuestions
from crampcheck.assessment.result import (
    AdviceItem,
    AnswerRef,
    Citation,
    FactorResult,
    MedicationResult,
)
from crampcheck.assessment.rulebook import Rulebook
from crampcheck.contract.vocabulary import Urgency
from crampcheck.i18n import Translator, gettext_noop
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.factors import BodySystem
from crampcheck.knowledge.help_numbers import HelpNumbers, fill_numbers
from crampcheck.knowledge.interventions import Intervention
from crampcheck.knowledge.withholding import AdviceCategory, WithholdCategory

Value = TypeVar("Value")
# Bounds the caches whose keys come from what people write (answers, medicine names): a
# server sees endless combinations, so a full cache starts again (cheap, and rare). Full,
# the worded answers take ~3 MB (measured over 8,000 different people).
MAX_CACHED_ITEMS = 5_000


class ItemCache(dict[Hashable, Value]):
    """Values by key, at most `MAX_CACHED_ITEMS` of them."""

    def keep(self, key: Hashable, value: Value) -> Value:
        """Keep `value` under `key` (after starting again when full) and return it."""
        if len(self) >= MAX_CACHED_ITEMS:
            self.clear()
        self[key] = value
        return value


# An advice item as kept: (advice number (the rulebook's), "not now", the country whose help
# numbers it names).
AdviceKey = tuple[int, bool, str | None]


class WordedAnswers:
    """Answers as an item shows them: `why` (sentences) and `evidence` (paths and values),
    and the items already made with them (advice by (number, "not now", country), factors
    by number): they are kept and dropped with the words they carry."""

    __slots__ = ("advice", "evidence", "factors", "why")

    def __init__(self, why: tuple[str, ...], evidence: tuple[AnswerRef, ...]) -> None:
        self.why, self.evidence = why, evidence
        self.advice: dict[AdviceKey, AdviceItem] = {}
        self.factors: dict[int, FactorResult] = {}


class ConcernWords(NamedTuple):
    """What a concern's item says whoever it concerns, raised by given rules at an urgency."""

    name: str
    summary: str
    action: str
    safety_net: str
    reasons: tuple[str, ...]
    rules: tuple[str, ...]
    sources: tuple[str, ...]


class FactorWords(NamedTuple):
    """What a factor's item says whoever has it."""

    name: str
    explanation: str
    sources: tuple[str, ...]


class SystemWords(NamedTuple):
    """A body system's fixed words, and its sources."""

    name: str
    role: str
    sources: tuple[str, ...]


class UrgencyWords(NamedTuple):
    """An urgency level's title, its one-word label, what to do now, and their sources."""

    title: str
    label: str
    action: str  # may name {emergency}: see `SharedWords.action`
    with_advice_line: str | None  # names {advice_line}: added where the country has one
    sources: tuple[str, ...]


class SharedWords:
    """What every assessment with one knowledge base and language can reuse: translated
    fixed texts, items that read the same for everyone they concern, and answers already
    worded. Texts that name help numbers are kept per country (`HelpNumbers.country`, which
    with the language decides the numbers).

    A cached item's key holds everything its text depends on (the knowledge-base item, the
    rules, the answers behind it).
    """

    def __init__(self, knowledge: KnowledgeBase, translator: Translator) -> None:
        self.labels = Labels(knowledge, translator)
        self.categories = {category.id: category for category in knowledge.withholding}
        self.translator = translator
        # Advice without its answers, by (advice number (the rulebook's), "not now", country).
        self.advice_words: dict[AdviceKey, AdviceItem] = {}
        self._actions: dict[tuple[str | None, Urgency], str] = {}  # by (country, level)
        # Concerns by (id, urgency, rule numbers); factors by number (the rulebook's).
        self.concerns: ItemCache[ConcernWords] = ItemCache()
        self.factors: dict[int, FactorWords] = {}
        self.systems: dict[BodySystem, SystemWords] = {}
        self.system_ids = tuple(system.id for system in knowledge.systems)
        self._unasked: UnaskedQuestions | None = None
        self.medications: ItemCache[MedicationResult] = ItemCache()
        self.whys: ItemCache[WordedAnswers] = ItemCache()
        self.citations = {
            key: Citation(key, source.citation, source.url, source.verify)
            for key, source in knowledge.sources.items()
        }
        _ = translator.gettext
        self.general_why = WordedAnswers((_("general advice for anyone with leg cramps"),), ())
        texts = knowledge.texts
        self.urgency = {
            text.id: UrgencyWords(
                _(text.title),
                _(text.label),
                _(text.action),
                _(text.with_advice_line) if text.with_advice_line else None,
                tuple(text.sources),
            )
            for text in texts.urgency
        }
        self.safety_net_sources = tuple(texts.safety_net_sources)
        self.disclaimer = _(texts.disclaimer)
        self.safety_net = [_(line) for line in texts.safety_net]
        self.concern_safety_net = {c.id: _(c.safety_net) for c in knowledge.concerns}
        self.concern_names: dict[str, str] = {c.id: _(c.name) for c in knowledge.concerns}

    def action(self, urgency: Urgency, numbers: HelpNumbers) -> str:
        """What to do now at `urgency`, naming these help numbers: the emergency number, and
        where the country has a medical advice line and the level says to offer it, that
        line too."""
        key = (numbers.country, urgency)
        known = self._actions.get(key)
        if known is None:
            words, _ = self.urgency[urgency], self.translator.gettext
            known = fill_numbers(words.action, numbers, _)
            if words.with_advice_line and numbers.non_emergency_label:
                known += " " + fill_numbers(words.with_advice_line, numbers, _)
            self._actions[key] = known
        return known

    def unasked_questions(self, book: Rulebook) -> UnaskedQuestions:
        """The not-asked entries for `book` (the rulebook of this knowledge base)."""
        if self._unasked is None:
            titles: dict[str, str] = {level: words.title for level, words in self.urgency.items()}
            self._unasked = UnaskedQuestions(
                book, self.labels, self.translator, titles, self.concern_names
            )
        return self._unasked

    def cited(self, keys: Iterable[str]) -> tuple[Citation, ...]:
        """The reference list of these bibliography keys, in the order of the keys."""
        return tuple(self.citations[key] for key in sorted(keys) if key in self.citations)

    def why(self, answers: Evidence, notes: dict[Answer, str]) -> WordedAnswers:
        """`why` and `evidence` for these answers (in this order)."""
        known = self.whys.get(answers)
        if known is None:
            lines = tuple(self.labels.why(answers, notes))
            refs = tuple(AnswerRef(answer.path, answer.value) for answer in answers)
            known = self.whys.keep(answers, WordedAnswers(lines, refs))
        return known

    def advice_item(
        self,
        number: int,
        item: Intervention,
        contraindicated: bool,
        worded: WordedAnswers,
        numbers: HelpNumbers,
    ) -> AdviceItem:
        """Advice item `number` (of the rulebook) backed by the answers `worded`, naming
        these help numbers."""
        key = (number, contraindicated, numbers.country)
        known = worded.advice.get(key)
        if known is None:
            words = self.advice_words.get(key)
            if words is None:
                words = advice_item(item, self.translator, contraindicated, self.categories)
                text = fill_numbers(words.text, numbers, self.translator.gettext)
                words = self.advice_words[key] = replace(words, text=text)
            known = worded.advice[key] = _with_answers(words, worded)
        return known


def _with_answers(words: AdviceItem, worded: WordedAnswers) -> AdviceItem:
    """The kept item with this person's answers (why and evidence) in it."""
    return replace(words, why=worded.why, evidence=worded.evidence)


@cache
def shared_words(knowledge: KnowledgeBase, translator: Translator) -> SharedWords:
    """The reusable words for one knowledge base and language."""
    return SharedWords(knowledge, translator)


def withhold_reasons(
    item: Intervention, categories: dict[AdviceCategory, WithholdCategory]
) -> list[str]:
    """Why an item is withheld: its own reason and its categories' (in English)."""
    reasons = [item.withhold_reason] if item.withhold_reason else []
    reasons += [categories[name].reason for name in item.categories or ()]
    return list(dict.fromkeys(reasons))


def advice_item(
    item: Intervention,
    translator: Translator,
    contraindicated: bool,
    categories: dict[AdviceCategory, WithholdCategory],
) -> AdviceItem:
    """An advice item as a person reads it, without the answers behind it (`why` and
    `evidence` are empty): as advised, or as a "Not now" with its reasons when it is
    withheld for them."""
    _ = translator.gettext
    if contraindicated:
        return AdviceItem(
            id=item.id,
            title=_("Not now: {title}").format(title=_(item.title)),
            text=" ".join(_(reason) for reason in withhold_reasons(item, categories)),
            steps=(),
            grade="X",
            grade_note=None,
            why=(),
            evidence=(),
            sources=tuple(item.sources),
            verify=item.verify,
        )
    return AdviceItem(
        id=item.id,
        title=_(item.title),
        text=_(item.text),
        steps=tuple(_(step) for step in item.steps),
        grade=item.grade.value,
        grade_note=_(item.grade_note) if item.grade_note else None,
        why=(),
        evidence=(),
        sources=tuple(item.sources),
        verify=item.verify,
    )


def medicine_note(entry: MedicineEntry) -> str:
    """The generic name(s) a medicine answer was matched to, for its "why" line ("" when the
    name matched only a class of medicines, or nothing)."""
    match = entry.match
    if not entry.known:
        return ""
    return " + ".join(match.generics) if match.generics else (match.generic or "")


# Whole sentences, so that each language can say them its own way (marked, translated later).
_LINK_NOTES = {
    "strong": gettext_noop("Strongly linked to cramps."),
    "moderate": gettext_noop("Moderately linked to cramps."),
    "weak": gettext_noop("Weakly linked to cramps."),
}


def effect_notes(entry: MedicineEntry) -> list[str]:
    """What a medicine is known to do that matters here, in English (translated by the
    caller): how strongly it is linked to cramps first, then its effects."""
    notes = list(entry.effect_notes)
    association = entry.match.cramp_association
    if association and str(association) in LINKED:
        notes.insert(0, _LINK_NOTES[str(association)])
    return notes
