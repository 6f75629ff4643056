"""The interview: questions, the contract fields they fill, and when they are asked."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from crampcheck.knowledge.common import Identifier, KnowledgeItem
from crampcheck.knowledge.expressions import Expression


class QuestionKind(StrEnum):
    """How a question is answered and written into the contract document."""

    NUMBER = "number"  # one number into `field`
    CHOICE = "choice"  # one option value into `field`
    MULTI = "multi"  # a list of option values into `field` (an empty list means "none")
    YES_NO = "yes_no"  # true/false into `field`
    SYMPTOMS = "symptoms"  # a checklist: ticked into symptoms, the rest into symptoms_denied
    TEXT_LIST = "text_list"  # free-text names (medications) into `field`
    FLAGS = "flags"  # a checklist of true/false fields: ticked true, the rest false


class Topic(StrEnum):
    """Interview sections, asked in this order (red flags first)."""

    ABOUT_YOU = "about_you"
    EMERGENCY_SIGNS = "emergency_signs"
    URGENT_SIGNS = "urgent_signs"
    THE_CRAMPS = "the_cramps"
    OTHER_SYMPTOMS = "other_symptoms"
    HEALTH = "health"
    MEDICATIONS = "medications"
    LIFESTYLE = "lifestyle"


class Option(KnowledgeItem):
    """One answer option: the contract value and the words shown."""

    value: str
    label: str


class Question(KnowledgeItem):
    """One screen of the interview."""

    id: Identifier
    topic: Topic
    kind: QuestionKind
    text: str
    help: str | None = None
    field: str | None = Field(default=None, description="Contract path, e.g. cramps.per_week.")
    options: list[Option] = Field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    none_option: str | None = Field(
        default=None, description='For numbers: the label of a "no" answer, stored as null.'
    )
    ask_when: Expression | None = Field(
        default=None, description="Asked only when this holds for the answers so far."
    )
    required: bool = False


def option_labels(questions: Iterable[Question]) -> dict[tuple[str, str], str]:
    """Each option's label by (the field its answer is read from, its value). Symptoms are
    read from `symptoms`; a checklist of yes/no fields (FLAGS) has a field per option, so
    "lifestyle.smoker" is keyed ("lifestyle.smoker", "smoker")."""
    labels = {}
    for question in questions:
        field = "symptoms" if question.kind is QuestionKind.SYMPTOMS else str(question.field)
        for option in question.options:
            if question.kind is QuestionKind.FLAGS:
                labels[(option.value, option.value.rpartition(".")[2])] = option.label
            else:
                labels[(field, option.value)] = option.label
    return labels


class QuestionsFile(BaseModel):
    """The layout of questions.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    questions: list[Question]
