"""`assess`: one person's input in, an explainable `Assessment` out. Deterministic.

The engine writes the result as JSON (`assess_json`), item by item from templates made
once per knowledge base and language; `assess` reads that JSON back as an `Assessment`.
"""

from __future__ import annotations

from typing import Any

import orjson

from crampcheck.assessment.advice import ChosenAdvice, choose_advice
from crampcheck.assessment.compiled import Leaf
from crampcheck.assessment.evidence import Answer, new_answer
from crampcheck.assessment.facts import Facts
from crampcheck.assessment.input import AssessmentInput, parse_input, unknown_fields
from crampcheck.assessment.medicines import LINKED, MedicineEntry, match_medicines
from crampcheck.assessment.result import Assessment, NotAsked, UnaskedAnswer
from crampcheck.assessment.rulebook import rulebook_for
from crampcheck.assessment.summary import SummaryParts, summarise
from crampcheck.assessment.tokens import Evaluator, Mask
from crampcheck.assessment.triage import (
    RaisedConcern,
    UnaskedRule,
    find_unasked,
    overall_urgency,
    raise_concerns,
)
from crampcheck.assessment.wording import (
    ATOM_PATHS,
    EVIDENCE,
    WHY,
    Pieces,
    SharedWords,
    SourceMask,
    WhyJson,
    add_item,
    add_list,
    begin_list,
    effect_notes,
    end_list,
    field_key,
    list_template,
    medicine_note,
    shared_words,
    template,
)
from crampcheck.contract.vocabulary import URGENCY_ORDER, URGENCY_RANK
from crampcheck.i18n import Translator, load_translator
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.expressions import Atom, Compare
from crampcheck.knowledge.factors import BodySystem
from crampcheck.knowledge.interventions import InterventionKind
from crampcheck.knowledge.loading import load_knowledge_base

# What comes before each field's value in the result's JSON (after its first three fields).
_CONCERNS, _FACTORS, _MEDICATIONS = map(field_key, ("concerns", "factors", "medications"))
_SAFETY_NET, _NOT_ASKED, _CITATIONS = map(field_key, ("safety_net", "not_asked", "citations"))
_INPUT_NOTES, _SUMMARY = field_key("input_notes"), field_key("summary")
# Advice that only repeats what the urgency already says to do now.
_SAID_BY_THE_URGENCY = frozenset({"call_emergency_services", "see_doctor_today"})
_ADVICE_KEYS = {
    InterventionKind.FIRST_AID: field_key("first_aid"),
    InterventionKind.PREVENTION: field_key("prevention_plan"),
    InterventionKind.DOCTOR: field_key("discuss_with_doctor"),
    InterventionKind.AVOID: field_key("do_not"),
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
    return Assessment.from_json(assess_json(data, knowledge=knowledge, language=language))


def assess_json(
    data: AssessmentInput | dict[str, Any],
    *,
    knowledge: KnowledgeBase | None = None,
    language: str = "en",
) -> bytes:
    """`assess` as its JSON (what `crampcheck assess --format json` prints), without making
    the Python objects: for batches and the REST API."""
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


def _more_urgent_first(item: RaisedConcern) -> int:
    return -URGENCY_RANK[item.urgency]


class _Worded(dict[Mask, WhyJson]):
    """The JSON of one person's pieces of evidence (`why` and `evidence`), worded on first
    use: many items share theirs (e.g. every general first-aid step)."""

    def __init__(self, evaluator: Evaluator, shared: SharedWords, notes: dict[Answer, str]):
        super().__init__()
        self.evaluator, self.shared, self.notes = evaluator, shared, notes

    def __missing__(self, evidence: Mask) -> WhyJson:
        answers = self.evaluator.answers(evidence)
        worded = self[evidence] = self.shared.why(answers, self.notes)
        return worded


class _Assessor:
    """One run of the assessment (holds the intermediate results)."""

    def __init__(self, knowledge: KnowledgeBase, translator: Translator, person: AssessmentInput):
        self.knowledge = knowledge
        self.book = rulebook_for(knowledge)
        self._ = translator.gettext
        self.translator = translator
        self.medicines = match_medicines(person)
        self.facts = Facts(person, self.medicines)
        self.evaluator = Evaluator(self.facts, self.book)
        self.shared = shared_words(knowledge, translator)
        self.labels = self.shared.labels
        self.notes = {new_answer((m.field, m.text)): medicine_note(m) for m in self.medicines}
        self.cited: SourceMask = 0  # every source cited so far
        self.whys = _Worded(self.evaluator, self.shared, self.notes)

    def run(self) -> bytes:
        evaluator = self.evaluator
        raised = raise_concerns(self.book, evaluator)
        urgency = overall_urgency(raised)
        factors = self._factors(evaluator)
        self._add_conclusions(evaluator, raised, urgency, factors)
        advice = choose_advice(
            self.book, evaluator, self._cramp_answers(), emergency=urgency == "emergency"
        )
        head, sources = self.shared.urgency[urgency]
        self.cited |= sources | self.shared.safety_net_sources
        ordered = sorted(raised, key=_more_urgent_first)
        # The result's JSON in pieces, field by field in the result's order, joined once.
        out = [head, _SUMMARY, orjson.dumps(self._summary(urgency, ordered, advice)), _CONCERNS]
        start = begin_list(out)
        for item in ordered:
            self._concern(item, out)
        end_list(out, start)
        out.append(_FACTORS)
        self._systems(factors, out)
        for kind, key in _ADVICE_KEYS.items():
            out.append(key)
            self._advice(advice[kind], out)
        out.append(_MEDICATIONS)
        add_list(out, [self._medicine(entry) for entry in self.medicines])
        out += (_SAFETY_NET, orjson.dumps(self._safety_net(ordered)), _NOT_ASKED)
        add_list(out, self._not_asked(find_unasked(self.book, evaluator, urgency)))
        out.append(_CITATIONS)
        add_list(out, self.shared.cited(self.cited))  # after every item has cited its own
        out += (self.shared.disclaimer_json, _INPUT_NOTES, orjson.dumps(self._input_notes()))
        out.append(self.shared.language_json_end)
        return b"".join(out)

    def _add_conclusions(
        self,
        evaluator: Evaluator,
        raised: list[RaisedConcern],
        urgency: str,
        factors: list[tuple[int, Mask]],
    ) -> None:
        """Make concerns, factors and urgency testable by advice conditions."""
        evaluator.add_conclusions("concern", {item.concern.id: item.evidence for item in raised})
        heads = self.book.factor_heads
        found = {heads[number][0]: evidence for number, evidence in factors}
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

    # -- pieces ---------------------------------------------------------------------------
    def _concern(self, item: RaisedConcern, out: list[bytes]) -> None:
        key = (item.concern.id, item.urgency, tuple(rule.id for rule in item.rules))
        built = self.shared.concerns.get(key)
        if built is None:
            built = self.shared.concerns.keep(key, self._concern_template(item))
        pieces, sources = built
        self.cited |= sources
        add_item(out, pieces, self.whys[item.evidence])

    def _concern_template(self, item: RaisedConcern) -> tuple[Pieces, SourceMask]:
        concern = item.concern
        sources = [*concern.sources, *(key for rule in item.rules for key in rule.sources)]
        unique = list(dict.fromkeys(sources))
        fields = {
            "id": concern.id,
            "urgency": item.urgency,
            "why": WHY,
            "name": self._(concern.name),
            "summary": self._(concern.summary),
            "action": self._(concern.action_at(item.urgency)),
            "safety_net": self._(concern.safety_net),
            "reasons": [self._(rule.reason) for rule in item.rules],
            "rules": [rule.id for rule in item.rules],
            "evidence": EVIDENCE,
            "sources": unique,
            "verify": concern.verify,
        }
        return template(fields), self.shared.sources(unique)

    def _factors(self, evaluator: Evaluator) -> list[tuple[int, Mask]]:
        """The factors that hold, as (factor number, evidence), in the knowledge base's order."""
        return sorted(evaluator.satisfied(self.book.factor_index).items())

    def _systems(self, factors: list[tuple[int, Mask]], out: list[bytes]) -> None:
        """Append the JSON list of the factors by body system to `out`, in pieces."""
        heads = self.book.factor_heads
        by_system: dict[BodySystem, list[tuple[int, Mask]]] = {}
        for number, evidence in factors:
            by_system.setdefault(heads[number][1], []).append((number, evidence))
        systems = begin_list(out)
        for system_id in self.shared.system_ids:  # in the knowledge base's order
            members = by_system.get(system_id)
            if not members:
                continue
            head, tail, sources = self._system_template(system_id)
            self.cited |= sources
            # Strongest association first; among equals, the one more answers point to.
            members.sort(key=lambda pair: (heads[pair[0]][2], -pair[1].bit_count()))
            out.append(head)
            start = begin_list(out)
            for number, evidence in members:
                self._factor(number, evidence, out)
            end_list(out, start)
            out += (tail, b",")
        end_list(out, systems)

    def _system_template(self, system_id: BodySystem) -> tuple[bytes, bytes, SourceMask]:
        known = self.shared.systems.get(system_id)
        if known is None:
            system = next(s for s in self.knowledge.systems if s.id == system_id)
            fields = {
                "system": system.id.value,
                "name": self._(system.name),
                "role": self._(system.role),
            }
            head, tail = list_template(fields, "factors")
            sources = self.shared.sources(system.sources)
            known = self.shared.systems[system_id] = (head, tail, sources)
        return known

    def _factor(self, number: int, evidence: Mask, out: list[bytes]) -> None:
        built = self.shared.factors.get(number)
        if built is None:
            factor = self.book.factors[number][0]
            fields = {
                "id": factor.id,
                "name": self._(factor.name),
                "strength": factor.strength.value,
                "explanation": self._(factor.explanation),
                "why": WHY,
                "evidence": EVIDENCE,
                "sources": list(factor.sources),
            }
            sources = self.shared.sources(factor.sources)
            built = self.shared.factors[number] = (template(fields), sources)
        pieces, sources = built
        self.cited |= sources
        add_item(out, pieces, self.whys[evidence])

    def _advice(self, chosen: list[ChosenAdvice], out: list[bytes]) -> None:
        """Append the JSON of a list of advice to `out`, in pieces."""
        compiled, whys = self.book.advice, self.whys
        advised, not_now = self.shared.advice, self.shared.advice_not_now
        general, cited = self.shared.general_why, self.cited
        start = begin_list(out)
        for number, contraindicated, evidence in chosen:
            built = (not_now if contraindicated else advised).get(number)
            if built is None:
                item = compiled[number].item
                built = self.shared.advice_template(number, item, contraindicated)
            (head, middle, tail), sources = built
            cited |= sources
            why, refs = whys[evidence] if evidence else general
            out += (head, why, middle, refs, tail, b",")
        end_list(out, start)
        self.cited = cited

    def _cramp_answers(self) -> Mask:
        """For advice that suits everyone with cramps: the answers saying where they are."""
        cramps = self.facts.data.cramps
        muscles = (cramps.muscles or []) if cramps else []
        return self.evaluator.bits(tuple(new_answer(("cramps.muscles", m)) for m in muscles))

    def _medicine(self, entry: MedicineEntry) -> bytes:
        key = (entry.field, entry.text)
        built = self.shared.medications.get(key)
        if built is None:
            built = self.shared.medications.keep(key, orjson.dumps(self._medicine_item(entry)))
        return built

    def _medicine_item(self, entry: MedicineEntry) -> dict[str, Any]:
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

    def _summary(
        self,
        urgency: str,
        ordered: list[RaisedConcern],
        advice: dict[InterventionKind, list[ChosenAdvice]],
    ) -> dict[str, Any]:
        """The summary from what the engine chose for this person (see `summary`)."""
        text = next(t for t in self.knowledge.texts.urgency if t.id == urgency)
        compiled = self.book.advice
        offered = list(advice[InterventionKind.FIRST_AID])
        if urgency in ("self_care", "consult"):  # while help is needed soon, only first aid
            offered += advice[InterventionKind.PREVENTION]
        to_do = [
            self._(compiled[number].item.title)
            for number, _, _ in offered
            if compiled[number].item.id not in _SAID_BY_THE_URGENCY
        ]
        not_to_do = [
            self._("Not now: {title}").format(title=self._(compiled[number].item.title))
            if withheld
            else self._(compiled[number].item.title)
            for number, withheld, _ in advice[InterventionKind.AVOID]
        ]
        sooner = (
            self.shared.concern_safety_net[ordered[0].concern.id]
            if ordered
            else self.shared.safety_net[0]
        )
        parts = SummaryParts(
            urgency_label=self._(text.label),
            urgency_action=self._(text.action),
            concerns=[self._(item.concern.name) for item in ordered],
            to_do=to_do,
            not_to_do=not_to_do,
            get_help_sooner=sooner,
        )
        return summarise(parts, self.translator)

    def _safety_net(self, ordered: list[RaisedConcern]) -> list[str]:
        by_concern = self.shared.concern_safety_net
        lines = self.shared.safety_net + [by_concern[item.concern.id] for item in ordered]
        return list(dict.fromkeys(lines))

    def _not_asked(self, unasked: list[UnaskedRule]) -> list[bytes]:
        kept = self.shared.not_asked  # the same leaf and rule always read the same
        return [kept.get(key) or self._keep_not_asked(key) for key in unasked]

    def _keep_not_asked(self, key: UnaskedRule) -> bytes:
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
        kept = self.shared.not_asked[key] = orjson.dumps(item)
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

    def _input_notes(self) -> list[str]:
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
        return notes
