"""`assess`: one person's input in, an explainable `Assessment` out. Deterministic.

The engine builds the result's objects directly (`result.py`); items that read the same for
many people (advice, medicines, citations, "not asked") come from caches kept per knowledge
base and language (`wording.py`). The result is serialised once, by `to_json_bytes`.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from crampcheck.assessment.advice import ChosenAdvice, choose_advice
from crampcheck.assessment.evaluator import Evaluator, Mask
from crampcheck.assessment.evidence import Answer
from crampcheck.assessment.facts import Facts
from crampcheck.assessment.input import AssessmentInput, parse_input, unknown_fields
from crampcheck.assessment.medicines import LINKED, MedicineEntry, match_medicines
from crampcheck.assessment.result import (
    AdviceItem,
    Assessment,
    ConcernResult,
    FactorResult,
    HelpNumbersResult,
    MedicationResult,
    NotAsked,
    Summary,
    SystemFactors,
)
from crampcheck.assessment.rulebook import rulebook_for
from crampcheck.assessment.summary import SummaryParts, summarise
from crampcheck.assessment.triage import (
    RaisedConcern,
    find_unasked,
    overall_urgency,
    raise_concerns,
)
from crampcheck.assessment.wording import (
    ConcernWords,
    FactorWords,
    SharedWords,
    SystemWords,
    WordedAnswers,
    effect_notes,
    medicine_note,
    shared_words,
)
from crampcheck.contract.vocabulary import URGENCY_ORDER, URGENCY_RANK, Urgency
from crampcheck.i18n import Translator, load_translator
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.factors import BodySystem
from crampcheck.knowledge.help_numbers import HelpNumbers, help_numbers
from crampcheck.knowledge.interventions import InterventionKind
from crampcheck.knowledge.loading import load_knowledge_base

# Advice that only repeats what the urgency already says to do now.
_SAID_BY_THE_URGENCY = frozenset({"call_emergency_services", "see_doctor_today"})


def assess(
    data: AssessmentInput | dict[str, Any],
    *,
    knowledge: KnowledgeBase | None = None,
    language: str = "en",
    country: str | None = None,
) -> Assessment:
    """Assess one person. `data` is the contract input (validated here when a dict).

    The texts name the help numbers of the input's `country`, else of `country` given here
    (the reader's setting), else of the language's country (see `help_numbers`).
    Raises `InputError` for invalid input. The result never lowers urgency when an answer is
    added, and every item names the answers and rules behind it.
    """
    person = data if isinstance(data, AssessmentInput) else parse_input(data)
    knowledge = knowledge or load_knowledge_base()
    numbers = help_numbers(person.country or country, language)
    return _Assessor(knowledge, load_translator(language), person, numbers).run()


def prepare(knowledge: KnowledgeBase, language: str = "en") -> None:
    """Do now what the first assessment would: compile the rules, load the medication
    catalog, translate the fixed words. A server calls it before freezing its start-up
    objects, so that these long-lived ones are frozen too."""
    from crampcheck.medications import load_medication_catalog

    rulebook_for(knowledge)
    load_medication_catalog()
    shared_words(knowledge, load_translator(language))


def _more_urgent_first(item: RaisedConcern) -> int:
    return -URGENCY_RANK[item.urgency]


class _Worded(dict[Mask, WordedAnswers]):
    """One person's pieces of evidence (by mask) as worded for a result, worded on first
    use: many items share theirs (e.g. every general first-aid step)."""

    def __init__(self, evaluator: Evaluator, shared: SharedWords, notes: dict[Answer, str]):
        super().__init__()
        self.evaluator, self.shared, self.notes = evaluator, shared, notes

    def __missing__(self, evidence: Mask) -> WordedAnswers:
        answers = self.evaluator.answers(evidence)
        worded = self[evidence] = self.shared.why(answers, self.notes)
        return worded


class _Assessor:
    """One run of the assessment (holds the intermediate results)."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        translator: Translator,
        person: AssessmentInput,
        numbers: HelpNumbers,
    ):
        self.knowledge = knowledge
        self.numbers = numbers
        self.book = rulebook_for(knowledge)
        self._ = translator.gettext
        self.translator = translator
        self.medicines = match_medicines(person)
        self.facts = Facts(person, self.medicines)
        self.evaluator = Evaluator(self.facts, self.book)
        self.shared = shared_words(knowledge, translator)
        self.labels = self.shared.labels
        self.notes = {Answer(m.field, m.text): medicine_note(m) for m in self.medicines}
        self.cited: set[str] = set()  # the keys of every source cited so far
        self.whys = _Worded(self.evaluator, self.shared, self.notes)

    def run(self) -> Assessment:
        evaluator = self.evaluator
        raised = raise_concerns(self.book, evaluator)
        urgency = overall_urgency(raised)
        factors = self._factors(evaluator)
        self._add_conclusions(evaluator, raised, urgency, factors)
        advice = choose_advice(
            self.book, evaluator, self._cramp_answers(), emergency=urgency == "emergency"
        )
        words = self.shared.urgency[urgency]
        action = self.shared.action(urgency, self.numbers)
        self.cited.update(words.sources, self.shared.safety_net_sources)
        ordered = sorted(raised, key=_more_urgent_first)
        concerns = tuple(self._concern(item) for item in ordered)
        systems = self._systems(factors)
        first_aid = self._advice(advice[InterventionKind.FIRST_AID])
        prevention_plan = self._advice(advice[InterventionKind.PREVENTION])
        discuss_with_doctor = self._advice(advice[InterventionKind.DOCTOR])
        do_not = self._advice(advice[InterventionKind.AVOID])
        return Assessment(
            urgency=urgency,
            urgency_title=words.title,
            urgency_action=action,
            summary=self._summary(urgency, action, ordered, first_aid, prevention_plan, do_not),
            concerns=concerns,
            factors=systems,
            first_aid=first_aid,
            prevention_plan=prevention_plan,
            discuss_with_doctor=discuss_with_doctor,
            do_not=do_not,
            medications=tuple(self._medicine(entry) for entry in self.medicines),
            safety_net=self._safety_net(ordered),
            not_asked=self._not_asked(urgency),
            citations=self.shared.cited(self.cited),  # after every item has cited its own
            disclaimer=self.shared.disclaimer,
            input_notes=self._input_notes(),
            language=self.translator.language,
            help_numbers=HelpNumbersResult(
                country=self.numbers.country,
                emergency=self.numbers.emergency,
                emergency_name=self.numbers.emergency_name,
                non_emergency=self.numbers.non_emergency,
                non_emergency_name=self.numbers.non_emergency_name,
            ),
        )

    def _add_conclusions(
        self,
        evaluator: Evaluator,
        raised: list[RaisedConcern],
        urgency: Urgency,
        factors: list[tuple[int, Mask]],
    ) -> None:
        """Make concerns, factors and urgency testable by advice conditions."""
        evaluator.add_conclusions("concern", {item.concern.id: item.evidence for item in raised})
        found = {self.book.factors[number].id: evidence for number, evidence in factors}
        evaluator.add_conclusions("factor", found)
        # A level up to the highest raised rests on the answers behind every concern at or
        # above it.
        behind = [0] * len(URGENCY_ORDER)
        for item in raised:
            behind[URGENCY_RANK[item.urgency]] |= item.evidence
        levels: dict[str, Mask] = {}
        mask = 0
        for rank in reversed(range(URGENCY_RANK[urgency] + 1 if raised else 0)):
            mask |= behind[rank]
            levels[URGENCY_ORDER[rank]] = mask
        evaluator.add_conclusions("urgency", levels)

    # -- items --------------------------------------------------------------------------
    def _concern(self, item: RaisedConcern) -> ConcernResult:
        concern = item.concern
        key = (concern.id, item.urgency, tuple(rule.id for rule in item.rules))
        words = self.shared.concerns.get(key) or self._concern_words(key, item)
        self.cited.update(words.sources)
        worded = self.whys[item.evidence]
        return ConcernResult(
            id=concern.id,
            urgency=item.urgency,
            why=worded.why,
            name=words.name,
            summary=words.summary,
            action=words.action,
            safety_net=words.safety_net,
            reasons=words.reasons,
            rules=words.rules,
            evidence=worded.evidence,
            sources=words.sources,
            verify=concern.verify,
        )

    def _concern_words(self, key: Hashable, item: RaisedConcern) -> ConcernWords:
        concern, _ = item.concern, self._
        keys = [*concern.sources, *(key for rule in item.rules for key in rule.sources)]
        sources = tuple(dict.fromkeys(keys))
        words = ConcernWords(
            name=_(concern.name),
            summary=_(concern.summary),
            action=_(concern.action_at(item.urgency)),
            safety_net=self.shared.concern_safety_net[concern.id],
            reasons=tuple(_(rule.reason) for rule in item.rules),
            rules=tuple(rule.id for rule in item.rules),
            sources=sources,
        )
        return self.shared.concerns.keep(key, words)

    def _factors(self, evaluator: Evaluator) -> list[tuple[int, Mask]]:
        """The factors that hold, as (factor number, evidence), in the knowledge base's order."""
        return sorted(evaluator.satisfied(self.book.factor_index).items())

    def _systems(self, factors: list[tuple[int, Mask]]) -> tuple[SystemFactors, ...]:
        """The factors by body system, systems in the knowledge base's order."""
        compiled = self.book.factors
        by_system: dict[BodySystem, list[tuple[int, Mask]]] = {}
        for number, evidence in factors:
            by_system.setdefault(compiled[number].system, []).append((number, evidence))
        systems = []
        for system_id in self.shared.system_ids:
            members = by_system.get(system_id)
            if not members:
                continue
            words = self._system_words(system_id)
            self.cited.update(words.sources)
            # Strongest association first; among equals, the one more answers point to.
            members.sort(key=lambda pair: (compiled[pair[0]].strength_rank, -pair[1].bit_count()))
            found = tuple(self._factor(number, evidence) for number, evidence in members)
            systems.append(SystemFactors(system_id.value, words.name, words.role, found))
        return tuple(systems)

    def _system_words(self, system_id: BodySystem) -> SystemWords:
        known = self.shared.systems.get(system_id)
        if known is None:
            system = next(s for s in self.knowledge.systems if s.id == system_id)
            sources = tuple(system.sources)
            known = SystemWords(self._(system.name), self._(system.role), sources)
            self.shared.systems[system_id] = known
        return known

    def _factor(self, number: int, evidence: Mask) -> FactorResult:
        words = self.shared.factors.get(number) or self._factor_words(number)
        self.cited.update(words.sources)
        worded = self.whys[evidence]
        known = worded.factors.get(number)
        if known is None:
            known = worded.factors[number] = self._factor_item(number, words, worded)
        return known

    def _factor_item(self, number: int, words: FactorWords, worded: WordedAnswers) -> FactorResult:
        factor = self.book.factors[number].factor
        return FactorResult(
            id=factor.id,
            name=words.name,
            strength=factor.strength.value,
            explanation=words.explanation,
            why=worded.why,
            evidence=worded.evidence,
            sources=words.sources,
        )

    def _factor_words(self, number: int) -> FactorWords:
        factor = self.book.factors[number].factor
        sources = tuple(factor.sources)
        words = FactorWords(self._(factor.name), self._(factor.explanation), sources)
        self.shared.factors[number] = words
        return words

    def _advice(self, chosen: list[ChosenAdvice]) -> tuple[AdviceItem, ...]:
        compiled, shared, whys = self.book.advice, self.shared, self.whys
        items = []
        for number, contraindicated, evidence in chosen:
            worded = whys[evidence] if evidence else shared.general_why
            item = shared.advice_item(
                number, compiled[number].item, contraindicated, worded, self.numbers
            )
            items.append(item)
            self.cited.update(item.sources)
        return tuple(items)

    def _cramp_answers(self) -> Mask:
        """For advice that suits everyone with cramps: the answers saying where they are."""
        cramps = self.facts.data.cramps
        muscles = (cramps.muscles or []) if cramps else []
        return self.evaluator.bits(tuple(Answer("cramps.muscles", m) for m in muscles))

    def _medicine(self, entry: MedicineEntry) -> MedicationResult:
        key = (entry.field, entry.text)
        known = self.shared.medications.get(key)
        if known is None:
            known = self.shared.medications.keep(key, self._medicine_item(entry))
        return known

    def _medicine_item(self, entry: MedicineEntry) -> MedicationResult:
        match = entry.match
        association = str(match.cramp_association) if match.cramp_association else None
        return MedicationResult(
            input=entry.text,
            field=entry.field,
            status=str(match.status),
            generic=match.generic,
            generics=tuple(match.generics),
            drug_class=match.drug_class,
            cramp_association=association,
            linked_to_cramps=association in LINKED,
            effects=tuple(sorted(entry.effects - {"cramp_link", "cramp_link_strong"})),
            notes=tuple(self._(note) for note in effect_notes(entry)),
        )

    def _summary(
        self,
        urgency: Urgency,
        action: str,
        ordered: list[RaisedConcern],
        first_aid: tuple[AdviceItem, ...],
        prevention_plan: tuple[AdviceItem, ...],
        do_not: tuple[AdviceItem, ...],
    ) -> Summary:
        """The summary from the items the engine chose for this person (see `summary`)."""
        words = self.shared.urgency[urgency]
        offered = first_aid
        if urgency in ("self_care", "consult"):  # while help is needed soon, only first aid
            offered += prevention_plan
        sooner = (
            self.shared.concern_safety_net[ordered[0].concern.id]
            if ordered
            else self.shared.safety_net[0]
        )
        parts = SummaryParts(
            urgency_label=words.label,
            urgency_action=action,
            concerns=[self._(item.concern.name) for item in ordered],
            to_do=[item.title for item in offered if item.id not in _SAID_BY_THE_URGENCY],
            # Withheld advice is already titled "Not now: ...".
            not_to_do=[item.title for item in do_not],
            get_help_sooner=sooner,
        )
        return summarise(parts, self.translator)

    def _safety_net(self, ordered: list[RaisedConcern]) -> tuple[str, ...]:
        by_concern = self.shared.concern_safety_net
        lines = self.shared.safety_net + [by_concern[item.concern.id] for item in ordered]
        return tuple(dict.fromkeys(lines))

    def _not_asked(self, urgency: Urgency) -> tuple[NotAsked, ...]:
        unasked = find_unasked(self.book, self.evaluator, urgency)
        questions = self.shared.unasked_questions(self.book)
        return questions.entries(unasked, self.facts.denied, self.facts.given_fields())

    def _input_notes(self) -> tuple[str, ...]:
        notes = []
        data = self.facts.data
        both = sorted(set(data.symptoms or ()) & set(data.symptoms_denied or ()))
        if both:
            text = self._("Listed as both present and denied; treated as present: {items}")
            notes.append(text.format(items=", ".join(both)))
        extra = unknown_fields(data)
        if extra:
            text = self._("Fields not in the assessment contract (not used): {items}")
            notes.append(text.format(items=", ".join(extra)))
        unknown = [entry.text for entry in self.medicines if not entry.known]
        if unknown:
            text = self._(
                "Medicines not in the knowledge base (not assessed; ask a pharmacist): {items}"
            )
            notes.append(text.format(items=", ".join(dict.fromkeys(unknown))))
        return tuple(notes)
