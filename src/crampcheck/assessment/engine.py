"""`assess`: one person's input in, an explainable `Assessment` out. Deterministic."""

from __future__ import annotations

from typing import Any

from crampcheck.assessment.advice import Advice, choose_advice
from crampcheck.assessment.evaluate import Context, evaluate
from crampcheck.assessment.evidence import Answer, Evidence
from crampcheck.assessment.facts import Facts
from crampcheck.assessment.input import AssessmentInput, parse_input
from crampcheck.assessment.labels import Labels
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
    SystemFactors,
    UnaskedAnswer,
)
from crampcheck.assessment.triage import (
    RaisedConcern,
    Unasked,
    find_unasked,
    overall_urgency,
    raise_concerns,
)
from crampcheck.assessment.vocabulary import URGENCY_RANK
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


class _Assessor:
    """One run of the assessment (holds the intermediate results)."""

    def __init__(self, knowledge: KnowledgeBase, translator: Translator, person: AssessmentInput):
        self.knowledge = knowledge
        self._ = translator.gettext
        self.translator = translator
        self.medicines = match_medicines(person)
        self.facts = Facts(person, self.medicines)
        self.labels = Labels(knowledge, translator)
        self.cited: dict[str, None] = {}

    def run(self) -> Assessment:
        context = Context(self.facts)
        raised = raise_concerns(self.knowledge, context)
        urgency = overall_urgency(raised)
        factors = self._factors(context)
        advice_context = Context(
            self.facts,
            concerns={item.concern.id: item.evidence for item in raised},
            concern_urgency={item.concern.id: item.urgency for item in raised},
            factors={factor.id: evidence for factor, evidence in factors},
            urgency=urgency,
        )
        advice = choose_advice(self.knowledge, advice_context)
        urgency_text = next(text for text in self.knowledge.texts.urgency if text.id == urgency)
        self._cite(urgency_text.sources)
        self._cite(self.knowledge.texts.safety_net_sources)
        concerns = [self._concern(item) for item in _by_urgency(raised)]
        return Assessment(
            urgency=urgency,  # type: ignore[arg-type]
            urgency_title=self._(urgency_text.title),
            urgency_action=self._(urgency_text.action),
            concerns=concerns,
            factors=self._systems(factors),
            first_aid=self._advice(advice[InterventionKind.FIRST_AID]),
            prevention_plan=self._advice(advice[InterventionKind.PREVENTION]),
            discuss_with_doctor=self._advice(advice[InterventionKind.DOCTOR]),
            do_not=self._advice(advice[InterventionKind.AVOID]),
            medications=[self._medicine(entry) for entry in self.medicines],
            safety_net=self._safety_net(raised),
            not_asked=self._not_asked(find_unasked(self.knowledge, context, urgency)),
            citations=self._citations(),
            disclaimer=self._(self.knowledge.texts.disclaimer),
            input_notes=self._input_notes(),
            language=self.translator.language,
        )

    # -- pieces ---------------------------------------------------------------------------
    def _cite(self, keys: list[str]) -> list[str]:
        for key in keys:
            self.cited.setdefault(key, None)
        return list(keys)

    def _why(self, evidence: Evidence) -> tuple[list[str], list[AnswerRef]]:
        notes = {Answer(entry.field, entry.text): _medicine_note(entry) for entry in self.medicines}
        refs = [AnswerRef(field=answer.path, value=answer.value) for answer in evidence]
        return self.labels.why(evidence, notes), refs

    def _concern(self, item: RaisedConcern) -> ConcernResult:
        concern = item.concern
        why, refs = self._why(item.evidence)
        sources = [*concern.sources, *(key for rule in item.rules for key in rule.sources)]
        return ConcernResult(
            id=concern.id,
            urgency=item.urgency,  # type: ignore[arg-type]
            why=why,
            name=self._(concern.name),
            summary=self._(concern.summary),
            action=self._(concern.action),
            safety_net=self._(concern.safety_net),
            reasons=[self._(rule.reason) for rule in item.rules],
            rules=[rule.id for rule in item.rules],
            evidence=refs,
            sources=self._cite(list(dict.fromkeys(sources))),
            verify=concern.verify,
        )

    def _factors(self, context: Context) -> list[tuple[Factor, Evidence]]:
        found = []
        for factor in self.knowledge.factors:
            truth, evidence = evaluate(factor.when, context)
            if truth is True:
                found.append((factor, evidence))
        return found

    def _systems(self, factors: list[tuple[Factor, Evidence]]) -> list[SystemFactors]:
        groups = []
        for system in self.knowledge.systems:
            members = [(f, e) for f, e in factors if f.system == system.id]
            if not members:
                continue
            members.sort(key=lambda pair: (STRENGTH_ORDER.index(pair[0].strength), -len(pair[1])))
            self._cite(system.sources)
            groups.append(
                SystemFactors(
                    system=system.id,
                    name=self._(system.name),
                    role=self._(system.role),
                    factors=[self._factor(factor, evidence) for factor, evidence in members],
                )
            )
        return groups

    def _factor(self, factor: Factor, evidence: Evidence) -> FactorResult:
        why, refs = self._why(evidence)
        return FactorResult(
            id=factor.id,
            name=self._(factor.name),
            strength=factor.strength.value,
            explanation=self._(factor.explanation),
            why=why,
            evidence=refs,
            sources=self._cite(factor.sources),
        )

    def _advice(self, items: list[Advice]) -> list[AdviceItem]:
        return [self._advice_item(advice) for advice in items]

    def _advice_item(self, advice: Advice) -> AdviceItem:
        item = advice.item
        why, refs = self._why(advice.evidence or self._cramp_answers())
        if not why:
            why = [self._("general advice for anyone with leg cramps")]
        contraindicated = advice.avoid and item.kind is not InterventionKind.AVOID
        title, text = self._(item.title), self._(item.text)
        if contraindicated:
            title = self._("Not now: {title}").format(title=title)
            text = self._(item.avoid_reason or "")
        return AdviceItem(
            id=item.id,
            title=title,
            text=text,
            steps=[] if contraindicated else [self._(step) for step in item.steps],
            grade="X" if contraindicated else item.grade.value,
            grade_note=None if contraindicated else (item.grade_note and self._(item.grade_note)),
            why=why,
            evidence=refs,
            sources=self._cite(item.sources),
            verify=item.verify,
        )

    def _cramp_answers(self) -> Evidence:
        """For advice that suits everyone with cramps: the answers saying where they are."""
        cramps = self.facts.data.cramps
        muscles = (cramps.muscles or []) if cramps else []
        return tuple(Answer("cramps.muscles", muscle) for muscle in muscles)

    def _medicine(self, entry: MedicineEntry) -> MedicationResult:
        match = entry.match
        association = str(match.cramp_association) if match.cramp_association else None
        return MedicationResult(
            input=entry.text,
            field=entry.field,
            status=match.status,
            generic=match.generic,
            generics=list(match.generics),
            drug_class=match.drug_class,
            cramp_association=association,
            linked_to_cramps=association in LINKED,
            effects=sorted(entry.effects - {"cramp_link", "cramp_link_strong"}),
            notes=[self._(note) for note in _effect_notes(entry)],
        )

    def _safety_net(self, raised: list[RaisedConcern]) -> list[str]:
        lines = [self._(line) for line in self.knowledge.texts.safety_net]
        lines += [self._(item.concern.safety_net) for item in _by_urgency(raised)]
        return list(dict.fromkeys(lines))

    def _not_asked(self, unasked: list[Unasked]) -> list[NotAsked]:
        items = []
        for entry in unasked:
            answers = [self._unasked_answer(leaf) for leaf in _ordered(entry.leaves)]
            questions = " + ".join(answer.question for answer in answers)
            text = self._("Not asked: {questions}. A yes would make this {urgency}: {concern}.")
            items.append(
                NotAsked(
                    answers=answers,
                    would_raise_to=entry.rule.urgency,
                    concern=entry.concern.id,
                    rule=entry.rule.id,
                    text=text.format(
                        questions=questions,
                        urgency=entry.rule.urgency,
                        concern=self._(entry.concern.name),
                    ),
                )
            )
        return items

    def _unasked_answer(self, leaf: Atom | Compare) -> UnaskedAnswer:
        if isinstance(leaf, Compare):
            question = self.labels.question_for(leaf.field, None)
            symbol = {"gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}[leaf.op]
            return UnaskedAnswer(
                field=leaf.field,
                value=leaf.threshold,
                question=f"{question} ({symbol} {leaf.threshold:g})",
            )
        path = _ATOM_PATHS.get(leaf.kind, leaf.kind)
        value = leaf.values[0] if len(leaf.values) == 1 else " / ".join(leaf.values)
        if leaf.kind.startswith("med_"):
            return UnaskedAnswer(
                field=path, value=value, question=self._("Which medicines do you take?")
            )
        question = " / ".join(self.labels.question_for(path, v) for v in leaf.values)
        return UnaskedAnswer(field=path, value=value, question=question)

    def _citations(self) -> list[Citation]:
        sources = self.knowledge.sources
        return [
            Citation(
                key=key,
                citation=sources[key].citation,
                url=sources[key].url,
                verify=sources[key].verify,
            )
            for key in self.cited
            if key in sources
        ]

    def _input_notes(self) -> list[str]:
        notes = []
        data = self.facts.data
        both = sorted(set(data.symptoms or ()) & set(data.symptoms_denied or ()))
        if both:
            notes.append(
                self._("Listed as both present and denied; treated as present: ") + ", ".join(both)
            )
        unknown = [entry.text for entry in self.medicines if not entry.known]
        if unknown:
            notes.append(
                self._("Medicines not in the knowledge base (not assessed; ask a pharmacist): ")
                + ", ".join(dict.fromkeys(unknown))
            )
        return notes


_ATOM_PATHS = {
    "symptom": "symptoms",
    "condition": "conditions",
    "event": "recent_events",
    "timing": "cramps.when",
    "muscle": "cramps.muscles",
    "side": "cramps.side",
    "stretch_relief": "cramps.relieved_by_stretching",
    "exercise": "lifestyle.exercise",
    "sex": "sex",
    "flag": "flags",
    "habit": "lifestyle",
    "med_class": "medications",
    "med_effect": "medications",
    "med_class_started": "medications_started_recently",
    "med_effect_started": "medications_started_recently",
    "med_class_stopped": "medications_stopped_recently",
    "med_effect_stopped": "medications_stopped_recently",
}


def _ordered(leaves: frozenset[Atom | Compare]) -> list[Atom | Compare]:
    return sorted(leaves, key=repr)


def _by_urgency(raised: list[RaisedConcern]) -> list[RaisedConcern]:
    return sorted(raised, key=lambda item: -URGENCY_RANK[item.urgency])


def _medicine_note(entry: MedicineEntry) -> str:
    match = entry.match
    if not entry.known:
        return "not in the knowledge base"
    name = " + ".join(match.generics) if match.generics else (match.generic or "")
    kind = match.drug_class or ""
    return f"{name} ({kind})" if name else kind


def _effect_notes(entry: MedicineEntry) -> list[str]:
    notes = list(entry.effect_notes)
    if entry.match.cramp_association and str(entry.match.cramp_association) in LINKED:
        notes.insert(0, f"Linked to cramps ({entry.match.cramp_association} association).")
    return notes
