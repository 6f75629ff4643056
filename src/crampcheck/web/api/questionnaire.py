"""The interview as a FHIR R4B `Questionnaire`, built from the knowledge base's questions.

Each topic is a group item holding its questions (in interview order: red flags first). A
question's `ask_when` becomes `enableWhen` when FHIR can say the same thing (answers to other
questions compared with values, all or any of them); it is always also carried, as text, in
an extension, because some conditions (medicines, derived flags) have no FHIR equivalent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire

from crampcheck.contract.answers import ANSWER_KINDS, NotAsked
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.expressions import AllOf, AnyOf, AtLeast, Atom, Compare, Node, Not
from crampcheck.knowledge.questions import Question, QuestionKind, Topic

ASK_WHEN_EXTENSION = "urn:crampcheck:fhir:StructureDefinition:ask-when"
CODE_SYSTEM = "urn:crampcheck:vocabulary"
INTEGER_FIELDS = {"age", "pregnancy_weeks", "postpartum_weeks", "cramps.severity"}
TOPIC_TITLES = {
    Topic.ABOUT_YOU: "About you",
    Topic.EMERGENCY_SIGNS: "Emergency signs",
    Topic.URGENT_SIGNS: "Signs that need a doctor today",
    Topic.THE_CRAMPS: "Your cramps",
    Topic.OTHER_SYMPTOMS: "Other symptoms",
    Topic.HEALTH: "Your health",
    Topic.MEDICATIONS: "Your medicines",
    Topic.LIFESTYLE: "Your habits",
}
_OPERATORS = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
Gettext = Callable[[str], str]


def describe(node: Node) -> str:
    """A condition in words a reader of the questionnaire can follow."""
    if isinstance(node, Atom):
        return f"{node.kind} is {' or '.join(node.values)}"
    if isinstance(node, Compare):
        return f"{node.field} {_OPERATORS[node.op]} {node.threshold:g}"
    if isinstance(node, Not):
        return f"not ({describe(node.child)})"
    if isinstance(node, AtLeast):
        inner = "; ".join(describe(child) for child in node.children)
        return f"at least {node.n} of ({inner})"
    joiner = " and " if isinstance(node, AllOf) else " or "
    return "(" + joiner.join(describe(child) for child in node.children) + ")"


def _item_type(question: Question) -> str:
    if question.kind is QuestionKind.NUMBER:
        return "integer" if question.field in INTEGER_FIELDS else "decimal"
    if question.kind is QuestionKind.YES_NO:
        return "boolean"
    if question.kind is QuestionKind.TEXT_LIST:
        return "string"
    return "choice"


class _Builder:
    def __init__(self, knowledge: KnowledgeBase, gettext: Gettext) -> None:
        self._ = gettext
        self.by_field = {q.field: q for q in knowledge.questions if q.field}
        self.knowledge = knowledge

    def enable_when(self, node: Node) -> tuple[list[dict[str, Any]], str] | None:
        """FHIR enableWhen entries and behaviour for `node`, or None if not expressible."""
        if isinstance(node, Atom | Compare):
            entries = self._leaf(node)
            return (entries, "any") if entries else None
        if isinstance(node, AllOf | AnyOf):
            behaviour = "all" if isinstance(node, AllOf) else "any"
            entries = []
            for child in node.children:
                leaf = self._leaf(child) if isinstance(child, Atom | Compare) else None
                # "all" can only hold single-valued leaves: a leaf with several values is an
                # "any" of its own, which FHIR cannot nest.
                if not leaf or (behaviour == "all" and len(leaf) > 1):
                    return None
                entries.extend(leaf)
            return entries, behaviour
        return None

    def _leaf(self, node: Atom | Compare) -> list[dict[str, Any]] | None:
        if isinstance(node, Compare):
            question = self.by_field.get(node.field)
            if question is None:
                return None
            integer = question.field in INTEGER_FIELDS and float(node.threshold).is_integer()
            answer = (
                {"answerInteger": int(node.threshold)}
                if integer
                else {"answerDecimal": node.threshold}
            )
            return [{"question": question.id, "operator": _OPERATORS[node.op], **answer}]
        kind = ANSWER_KINDS.get(node.kind)
        # Only kinds with one field of their own map to one question.
        field = kind.path if kind and kind.not_asked is NotAsked.WHEN_FIELD_MISSING else None
        question = self.by_field.get(field) if field else None
        if question is None:
            return None
        others = [o.value for o in question.options if o.value not in node.values]
        if len(node.values) > 1 and len(others) == 1:
            # "female, other or unknown" is "not male": one entry, so it fits inside "all"
            return [self._coding(question.id, "!=", others[0])]
        return [self._coding(question.id, "=", value) for value in node.values]

    @staticmethod
    def _coding(question_id: str, operator: str, code: str) -> dict[str, Any]:
        return {
            "question": question_id,
            "operator": operator,
            "answerCoding": {"system": CODE_SYSTEM, "code": code},
        }

    def item(self, question: Question) -> dict[str, Any]:
        _ = self._
        item: dict[str, Any] = {
            "linkId": question.id,
            "text": _(question.text),
            "type": _item_type(question),
            "required": question.required,
        }
        if question.field:
            item["definition"] = f"urn:crampcheck:contract#{question.field}"
        if question.kind in (QuestionKind.MULTI, QuestionKind.SYMPTOMS, QuestionKind.FLAGS):
            item["repeats"] = True
        if question.kind is QuestionKind.TEXT_LIST:
            item["repeats"] = True
        if question.options:
            item["answerOption"] = [
                {
                    "valueCoding": {
                        "system": CODE_SYSTEM,
                        "code": option.value,
                        "display": _(option.label),
                    }
                }
                for option in question.options
            ]
        if question.help:
            item["item"] = [
                {"linkId": f"{question.id}.help", "type": "display", "text": _(question.help)}
            ]
        if question.ask_when is not None:
            item["extension"] = [
                {"url": ASK_WHEN_EXTENSION, "valueString": describe(question.ask_when)}
            ]
            expressed = self.enable_when(question.ask_when)
            if expressed:
                entries, behaviour = expressed
                item["enableWhen"] = entries
                if len(entries) > 1:
                    item["enableBehavior"] = behaviour
        return item


def build_questionnaire(knowledge: KnowledgeBase, gettext: Gettext) -> dict[str, Any]:
    """The interview as a validated FHIR R4B Questionnaire, as JSON-ready data."""
    builder = _Builder(knowledge, gettext)
    groups = []
    for topic in Topic:
        questions = [q for q in knowledge.questions if q.topic is topic]
        if questions:
            groups.append(
                {
                    "linkId": topic.value,
                    "type": "group",
                    "text": gettext(TOPIC_TITLES[topic]),
                    "item": [builder.item(question) for question in questions],
                }
            )
    resource = {
        "resourceType": "Questionnaire",
        "id": "crampcheck-interview",
        "url": "urn:crampcheck:fhir:Questionnaire:interview",
        "name": "CrampcheckInterview",
        "title": gettext("crampcheck leg cramp interview"),
        "status": "active",
        "description": gettext(knowledge.texts.disclaimer),
        "item": groups,
    }
    validated = Questionnaire.model_validate(resource)
    data: dict[str, Any] = validated.model_dump(mode="json", exclude_none=True)
    return data
