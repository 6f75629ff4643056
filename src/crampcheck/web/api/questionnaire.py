"""The interview as a FHIR R4B `Questionnaire`, built from the knowledge base's questions.

Each topic is a group item holding its questions (in interview order: red flags first). A
question's `ask_when` becomes `enableWhen` when FHIR can say the same thing (answers to other
questions compared with values, all or any of them); it is always also carried, as text, in
an extension, because some conditions (medicines, derived flags) have no FHIR equivalent.

Texts are in the requested language (the resource's `language`); each also carries its
other languages in FHIR's `translation` extension on the element (``_text``, ``_display``,
``_title``, ``_description``), so one resource serves a form filler in any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire

from crampcheck.contract.answers import ANSWER_KINDS, NotAsked
from crampcheck.i18n import Translator, gettext_noop
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.expressions import AllOf, AnyOf, AtLeast, Atom, Compare, Node, Not
from crampcheck.knowledge.questions import Question, QuestionKind, Topic

ASK_WHEN_EXTENSION = "urn:crampcheck:fhir:StructureDefinition:ask-when"
TRANSLATION_EXTENSION = "http://hl7.org/fhir/StructureDefinition/translation"
CODE_SYSTEM = "urn:crampcheck:vocabulary"
INTEGER_FIELDS = {"age", "pregnancy_weeks", "postpartum_weeks", "cramps.severity"}
TITLE = gettext_noop("crampcheck leg cramp interview")
TOPIC_TITLES = {
    Topic.ABOUT_YOU: gettext_noop("About you"),
    Topic.EMERGENCY_SIGNS: gettext_noop("Emergency signs"),
    Topic.URGENT_SIGNS: gettext_noop("Signs that need a doctor today"),
    Topic.THE_CRAMPS: gettext_noop("Your cramps"),
    Topic.OTHER_SYMPTOMS: gettext_noop("Other symptoms"),
    Topic.HEALTH: gettext_noop("Your health"),
    Topic.MEDICATIONS: gettext_noop("Your medicines"),
    Topic.LIFESTYLE: gettext_noop("Your habits"),
}
_OPERATORS = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
Gettext = Callable[[str], str]


class Texts:
    """Puts a text into a FHIR element in the main language, with its translations into the
    other languages alongside (a language whose catalog gives back the English text adds
    nothing: it has no translation of that text)."""

    def __init__(self, main: Translator, others: list[Translator]) -> None:
        self.language = main.text_language
        self.gettext: Gettext = main.gettext
        self.others = [t for t in others if t.text_language != self.language]

    def put(self, element: dict[str, Any], name: str, english: str) -> None:
        """Set `element[name]` to `english` in the main language and `element["_" + name]`
        to its translation extensions."""
        element[name] = self.gettext(english)
        extensions = [
            {
                "url": TRANSLATION_EXTENSION,
                "extension": [
                    {"url": "lang", "valueCode": other.text_language},
                    {"url": "content", "valueString": other.gettext(english)},
                ],
            }
            for other in self.others
            if other.text_language == "en" or other.gettext(english) != english
        ]
        if extensions:
            element["_" + name] = {"extension": extensions}


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
    def __init__(self, knowledge: KnowledgeBase, texts: Texts) -> None:
        self.texts = texts
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
        put = self.texts.put
        item: dict[str, Any] = {"linkId": question.id}
        put(item, "text", question.text)
        item["type"] = _item_type(question)
        item["required"] = question.required
        if question.field:
            item["definition"] = f"urn:crampcheck:contract#{question.field}"
        if question.kind in (QuestionKind.MULTI, QuestionKind.SYMPTOMS, QuestionKind.FLAGS):
            item["repeats"] = True
        if question.kind is QuestionKind.TEXT_LIST:
            item["repeats"] = True
        if question.options:
            item["answerOption"] = []
            for option in question.options:
                coding = {"system": CODE_SYSTEM, "code": option.value}
                put(coding, "display", option.label)
                item["answerOption"].append({"valueCoding": coding})
        if question.help:
            help_item = {"linkId": f"{question.id}.help", "type": "display"}
            put(help_item, "text", question.help)
            item["item"] = [help_item]
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


def build_questionnaire(
    knowledge: KnowledgeBase, translator: Translator, others: list[Translator] | None = None
) -> dict[str, Any]:
    """The interview as a validated FHIR R4B Questionnaire, as JSON-ready data: texts in
    `translator`'s language, with translations into the `others`' languages."""
    texts = Texts(translator, others or [])
    builder = _Builder(knowledge, texts)
    groups = []
    for topic in Topic:
        questions = [q for q in knowledge.questions if q.topic is topic]
        if questions:
            group: dict[str, Any] = {"linkId": topic.value, "type": "group"}
            texts.put(group, "text", TOPIC_TITLES[topic])
            group["item"] = [builder.item(question) for question in questions]
            groups.append(group)
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": "crampcheck-interview",
        "language": texts.language,
        "url": "urn:crampcheck:fhir:Questionnaire:interview",
        "name": "CrampcheckInterview",
        "status": "active",
        "item": groups,
    }
    texts.put(resource, "title", TITLE)
    texts.put(resource, "description", knowledge.texts.disclaimer)
    validated = Questionnaire.model_validate(resource)
    data: dict[str, Any] = validated.model_dump(mode="json", exclude_none=True)
    return data
