"""`assess`: one person's input in, an explainable `Assessment` out. Deterministic."""

from __future__ import annotations

from functools import cached_property
from itertools import chain
from typing import Any, cast

import orjson

from crampcheck.assessment.advice import ChosenAdvice, choose_advice
from crampcheck.assessment.compiled import Leaf
from crampcheck.assessment.evaluate import Context
from crampcheck.assessment.evidence import Answer, Evidence
from crampcheck.assessment.facts import Facts
from crampcheck.assessment.input import AssessmentInput, parse_input
from crampcheck.assessment.medicines import LINKED, MedicineEntry, match_medicines
from crampcheck.assessment.result import (
    AdviceItem,
    AnswerRef,
    Assessment,
    Citation,
    ConcernResult,
    FactorResult,
    MedicationResult,
    NotAsked,
    PreSerialized,
    SystemFactors,
    UnaskedAnswer,
)
from crampcheck.assessment.rulebook import rulebook_for
from crampcheck.assessment.tokens import Evaluator, person_tokens
from crampcheck.assessment.triage import (
    RaisedConcern,
    UnaskedRule,
    find_unasked,
    overall_urgency,
    raise_concerns,
)
from crampcheck.assessment.vocabulary import URGENCY_ORDER, URGENCY_RANK
from crampcheck.assessment.wording import (
    ATOM_PATHS,
    effect_notes,
    medicine_note,
    pre_serialized,
    shared_words,
)
from crampcheck.i18n import Translator, load_translator
from crampcheck.knowledge.base import KnowledgeBase, load_knowledge_base
from crampcheck.knowledge.common import Strength
from crampcheck.knowledge.expressions import Atom, Compare
from crampcheck.knowledge.factors import Factor
from crampcheck.knowledge.interventions import InterventionKind

STRENGTH_ORDER = [
    Strength.STRONG,
    Strength.MODERATE,
    Strength.CONTESTED,
    Strength.WEAK,
    Strength.INDIRECT,
    Strength.NOT_ESTABLISHED,
]
STRENGTH_RANK = {strength: rank for rank, strength in enumerate(STRENGTH_ORDER)}
_ADVICE_LISTS = {
    InterventionKind.FIRST_AID: "first_aid",
    InterventionKind.PREVENTION: "prevention_plan",
    InterventionKind.DOCTOR: "discuss_with_doctor",
    InterventionKind.AVOID: "do_not",
}


def assess(
    data: AssessmentInput | dict[str, Any],
    *,
    knowledge: KnowledgeBase | None = None,
    language: str = "en",
) -> Assessment:
    """Assess one person. `data` is the contract input (validated here when a dict).

    Raises `InputError` for invalid input. The result never lowers urgency when an answer is
    added, and every item names the answers and rules behind it.
    """
    person = data if isinstance(data, AssessmentInput) else parse_input(data)
    knowledge = knowledge or load_knowledge_base()
    return _Assessor(knowledge, load_translator(language), person).run()


def prepare(knowledge: KnowledgeBase, language: str = "en") -> None:
    """Do now what the first assessment would: compile the rules, load the medication
    catalog, translate the fixed words. A server calls it before freezing its start-up
    objects, so that these long-lived ones are frozen too."""
    from crampcheck.medications import load_medication_catalog

    rulebook_for(knowledge)
    load_medication_catalog()
    shared_words(knowledge, load_translator(language))


class _Assessor:
    """One run of the assessment (holds the intermediate results)."""

    def __init__(self, knowledge: KnowledgeBase, translator: Translator, person: AssessmentInput):
        self.knowledge = knowledge
        self.book = rulebook_for(knowledge)
        self._ = translator.gettext
        self.translator = translator
        self.medicines = match_medicines(person)
        self.facts = Facts(person, self.medicines)
        self.shared = shared_words(knowledge, translator)
        self.labels = self.shared.labels
        self.notes = {Answer(m.field, m.text): medicine_note(m) for m in self.medicines}
        self.cited: list[list[str]] = []  # source-key lists in citing order
        self._whys: dict[Evidence, tuple[list[str], list[AnswerRef]]] = {}
        self._advice_whys: dict[Evidence, tuple[list[str], list[AnswerRef], bytes]] = {}

    def run(self) -> Assessment:
        evaluator = Evaluator(self.facts, person_tokens(self.facts), self.book)
        raised = raise_concerns(self.book, evaluator)
        urgency = overall_urgency(raised)
        factors = self._factors(evaluator)
        self._add_conclusions(evaluator, raised, factors)
        advice = choose_advice(self.book, evaluator, self.cramp_answers)
        urgency_text = next(text for text in self.knowledge.texts.urgency if text.id == urgency)
        self._cite(urgency_text.sources)
        self._cite(self.knowledge.texts.safety_net_sources)
        ordered = sorted(raised, key=lambda item: -URGENCY_RANK[item.urgency])
        fields: dict[str, Any] = {
            "urgency": urgency,
            "urgency_title": self._(urgency_text.title),
            "urgency_action": self._(urgency_text.action),
            "concerns": [self._concern(item) for item in ordered],
            "factors": self._systems(factors),
            "medications": [self._medicine(entry) for entry in self.medicines],
            "safety_net": self._safety_net(ordered),
            "not_asked": self._not_asked(find_unasked(self.book, evaluator, urgency)),
            "disclaimer": self._(self.knowledge.texts.disclaimer),
            "input_notes": self._input_notes(),
            "language": self.translator.language,
        }
        for kind, name in _ADVICE_LISTS.items():
            fields[name] = self._advice_items(advice[kind])
        fields["citations"] = self._citations()
        # Built from the knowledge base by this module: no need to validate it again.
        return Assessment.model_construct(**fields)

    def _add_conclusions(
        self,
        evaluator: Evaluator,
        raised: list[RaisedConcern],
        factors: list[tuple[Factor, Evidence]],
    ) -> None:
        """Make concerns, factors and urgency testable by advice conditions."""
        tokens: dict[tuple[str, str], Evidence] = {}
        for item in raised:
            tokens[("concern", item.concern.id)] = item.evidence
        for factor, evidence in factors:
            tokens[("factor", factor.id)] = evidence
        for level in URGENCY_ORDER:
            behind = [i.evidence for i in raised if URGENCY_RANK[i.urgency] >= URGENCY_RANK[level]]
            if behind:
                tokens[("urgency", level)] = tuple(chain.from_iterable(behind))
        concerns: dict[str, Evidence] = {item.concern.id: item.evidence for item in raised}
        urgencies: dict[str, str] = {item.concern.id: item.urgency for item in raised}
        factor_evidence = {factor.id: evidence for factor, evidence in factors}
        evaluator.context = Context(
            self.facts, concerns, urgencies, factor_evidence, overall_urgency(raised)
        )
        evaluator.add_tokens(tokens)

    # -- pieces ---------------------------------------------------------------------------
    def _cite(self, keys: list[str]) -> list[str]:
        self.cited.append(keys)
        return keys

    def _why(self, evidence: Evidence) -> tuple[list[str], list[AnswerRef]]:
        # Many items share their evidence (e.g. every general first-aid step); build it once.
        known = self._whys.get(evidence)
        if known is None:
            refs: list[AnswerRef] = [{"field": a.path, "value": a.value} for a in evidence]
            known = self._whys[evidence] = (self.labels.why(evidence, self.notes), refs)
        return known

    def _concern(self, item: RaisedConcern) -> ConcernResult:
        rule_ids = tuple(rule.id for rule in item.rules)
        key = (item.concern.id, item.urgency, rule_ids, item.evidence)
        built = self.shared.concerns.get(key)
        if built is None:
            built = self.shared.concerns.keep(key, self._build_concern(item, rule_ids))
        self._cite(built["sources"])
        return built

    def _build_concern(self, item: RaisedConcern, rule_ids: tuple[str, ...]) -> ConcernResult:
        concern = item.concern
        why, refs = self._why(item.evidence)
        sources = [*concern.sources, *(key for rule in item.rules for key in rule.sources)]
        return {
            "id": concern.id,
            "urgency": item.urgency,  # type: ignore[typeddict-item]
            "why": why,
            "name": self._(concern.name),
            "summary": self._(concern.summary),
            "action": self._(concern.action),
            "safety_net": self._(concern.safety_net),
            "reasons": [self._(rule.reason) for rule in item.rules],
            "rules": list(rule_ids),
            "evidence": refs,
            "sources": list(dict.fromkeys(sources)),
            "verify": concern.verify,
        }

    def _factors(self, evaluator: Evaluator) -> list[tuple[Factor, Evidence]]:
        found = evaluator.satisfied(self.book.factor_index)
        return [(self.book.factors[number][0], evidence) for number, evidence in found.items()]

    def _systems(self, factors: list[tuple[Factor, Evidence]]) -> list[SystemFactors]:
        by_system: dict[str, list[tuple[Factor, Evidence]]] = {}
        for factor, evidence in factors:
            by_system.setdefault(factor.system, []).append((factor, evidence))
        groups: list[SystemFactors] = []
        for system in self.knowledge.systems:  # in the knowledge base's order
            members = by_system.get(system.id)
            if not members:
                continue
            self._cite(system.sources)
            key = (system.id, tuple((factor.id, evidence) for factor, evidence in members))
            group = self.shared.systems.get(key)
            if group is None:
                members.sort(key=lambda pair: (STRENGTH_RANK[pair[0].strength], -len(pair[1])))
                built: SystemFactors = {
                    "system": system.id.value,
                    "name": self._(system.name),
                    "role": self._(system.role),
                    "factors": [self._factor(factor, evidence) for factor, evidence in members],
                }
                group = self.shared.systems.keep(key, built)
            else:
                for factor_item in group["factors"]:
                    self._cite(factor_item["sources"])
            groups.append(group)
        return groups

    def _factor(self, factor: Factor, evidence: Evidence) -> FactorResult:
        key = (factor.id, evidence)
        built = self.shared.factors.get(key)
        if built is None:
            why, refs = self._why(evidence)
            item: FactorResult = {
                "id": factor.id,
                "name": self._(factor.name),
                "strength": factor.strength.value,
                "explanation": self._(factor.explanation),
                "why": why,
                "evidence": refs,
                "sources": list(factor.sources),
            }
            built = self.shared.factors.keep(key, item)
        self._cite(built["sources"])
        return built

    def _advice_items(self, chosen: list[ChosenAdvice]) -> list[AdviceItem]:
        kept = self.shared.advice_items
        items = [kept.get(key) or self._build_advice(key) for key in chosen]
        self.cited += [item["sources"] for item in items]
        return items

    def _build_advice(self, key: ChosenAdvice) -> AdviceItem:
        number, contraindicated, evidence = key
        static = self.shared.static_advice(self.book.advice[number].item, contraindicated)
        why, refs, why_json = self._advice_why(evidence)
        # The item's JSON is its fixed part's followed by its answers' (both made once).
        item = PreSerialized(static, static.raw[:-1] + why_json)
        item["why"] = why
        item["evidence"] = refs
        return self.shared.advice_items.keep(key, cast(AdviceItem, item))

    def _advice_why(self, evidence: Evidence) -> tuple[list[str], list[AnswerRef], bytes]:
        """An advice item's `why` and `evidence`, with their JSON as the end of an object."""
        known = self._advice_whys.get(evidence)
        if known is None:
            why, refs = self._why(evidence)
            if not why:
                why = [self._("general advice for anyone with leg cramps")]
            end = b"," + orjson.dumps({"why": why, "evidence": refs})[1:]
            known = self._advice_whys[evidence] = (why, refs, end)
        return known

    @cached_property
    def cramp_answers(self) -> Evidence:
        """For advice that suits everyone with cramps: the answers saying where they are."""
        cramps = self.facts.data.cramps
        muscles = (cramps.muscles or []) if cramps else []
        return tuple(Answer("cramps.muscles", muscle) for muscle in muscles)

    def _medicine(self, entry: MedicineEntry) -> MedicationResult:
        key = (entry.field, entry.text)
        built = self.shared.medications.get(key)
        if built is None:
            built = self.shared.medications.keep(key, self._build_medicine(entry))
        return built

    def _build_medicine(self, entry: MedicineEntry) -> MedicationResult:
        match = entry.match
        association = str(match.cramp_association) if match.cramp_association else None
        return {
            "input": entry.text,
            "field": entry.field,
            "status": str(match.status),
            "generic": match.generic,
            "generics": list(match.generics),
            "drug_class": match.drug_class,
            "cramp_association": association,
            "linked_to_cramps": association in LINKED,
            "effects": sorted(entry.effects - {"cramp_link", "cramp_link_strong"}),
            "notes": [self._(note) for note in effect_notes(entry)],
        }

    def _safety_net(self, ordered: list[RaisedConcern]) -> list[str]:
        lines = [self._(line) for line in self.knowledge.texts.safety_net]
        lines += [self._(item.concern.safety_net) for item in ordered]
        return list(dict.fromkeys(lines))

    def _not_asked(self, unasked: list[UnaskedRule]) -> list[NotAsked]:
        kept = self.shared.not_asked  # the same leaf and rule always read the same
        return [kept.get(key) or self._keep_not_asked(key) for key in unasked]

    def _keep_not_asked(self, key: UnaskedRule) -> NotAsked:
        leaf_id, number = key
        concern, rule, _ = self.book.rules[number]
        template = self._(
            "Not asked: {questions} — a yes would point to {concern} and change the advice "
            "to: {urgency}."
        )
        answer = self._unasked_answer(self.book.leaves[leaf_id])
        urgency = next(t for t in self.knowledge.texts.urgency if t.id == rule.urgency)
        text = template.format(
            questions=answer["question"],
            urgency=self._(urgency.title),
            concern=self._(concern.name),
        )
        item: NotAsked = {
            "answers": [answer],
            "would_raise_to": rule.urgency,
            "concern": concern.id,
            "rule": rule.id,
            "text": text,
        }
        kept = self.shared.not_asked[key] = pre_serialized(item)
        return kept

    def _unasked_answer(self, leaf: Leaf) -> UnaskedAnswer:
        if isinstance(leaf, Compare):
            question = self.labels.question_for(leaf.field, None)
            symbol = {"gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}[leaf.op]
            text = f"{question} ({symbol} {leaf.threshold:g})"
            return {"field": leaf.field, "value": leaf.threshold, "question": text}
        assert isinstance(leaf, Atom)
        path = ATOM_PATHS.get(leaf.kind, leaf.kind)
        value = leaf.values[0] if len(leaf.values) == 1 else " / ".join(leaf.values)
        if leaf.kind.startswith("med_"):
            question = self._("Which medicines do you take?")
        else:
            question = " / ".join(self.labels.question_for(path, v) for v in leaf.values)
        return {"field": path, "value": value, "question": question}

    def _citations(self) -> list[Citation]:
        citations = self.shared.citations
        keys = dict.fromkeys(chain.from_iterable(self.cited))
        return list(filter(None, map(citations.get, keys)))

    def _input_notes(self) -> list[str]:
        notes = []
        data = self.facts.data
        both = sorted(set(data.symptoms or ()) & set(data.symptoms_denied or ()))
        if both:
            text = self._("Listed as both present and denied; treated as present: {items}")
            notes.append(text.format(items=", ".join(both)))
        unknown = [entry.text for entry in self.medicines if not entry.known]
        if unknown:
            text = self._(
                "Medicines not in the knowledge base (not assessed; ask a pharmacist): {items}"
            )
            notes.append(text.format(items=", ".join(dict.fromkeys(unknown))))
        return notes
