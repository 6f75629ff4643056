"""Words for answers: how `path: value` is shown to a person, taken from the interview."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from crampcheck.assessment.evidence import Answer, Evidence
from crampcheck.i18n import Translator
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.questions import QuestionKind

_LIST_OF_OPTIONS = {"symptoms_denied": "symptoms"}
_MAX_CACHED_LINES = 10_000


def _show(answer: Answer) -> str:
    """``path: value`` with whole numbers without decimals and booleans in JSON spelling."""
    value = answer.value
    if isinstance(value, bool):
        return f"{answer.path}: {str(value).lower()}"
    if isinstance(value, float) and value.is_integer():
        return f"{answer.path}: {int(value)}"
    return f"{answer.path}: {value}"


@dataclass(frozen=True)
class Labels:
    """Looks up the label of an answer value and the question that asks it."""

    knowledge: KnowledgeBase
    translator: Translator

    @cached_property
    def _options(self) -> dict[tuple[str, str], str]:
        labels = {}
        for question in self.knowledge.questions:
            path = "symptoms" if question.kind is QuestionKind.SYMPTOMS else question.field
            for option in question.options:
                if question.kind is QuestionKind.FLAGS:
                    labels[(option.value, "True")] = option.label
                else:
                    labels[(str(path), option.value)] = option.label
        return labels

    @cached_property
    def _questions(self) -> dict[str, str]:
        # An option is asked as its own label ("Shortness of breath?"); a field as its question.
        texts = {}
        for question in self.knowledge.questions:
            for option in question.options:
                texts[option.value] = option.label
            if question.field:
                texts.setdefault(question.field, question.text)
        return texts

    @cached_property
    def _units(self) -> dict[str, str]:
        return {q.field: q.unit for q in self.knowledge.questions if q.field and q.unit}

    def label(self, answer: Answer) -> str | None:
        """The person's words for one answer, translated; None when there are none."""
        path = _LIST_OF_OPTIONS.get(answer.path, answer.path)
        text = self._options.get((path, str(answer.value)))
        if text is None and answer.path in self._units:
            value = answer.value
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            return f"{shown} {self.translator.gettext(self._units[answer.path])}"
        if text is None:
            return None
        label = self.translator.gettext(text)
        if answer.path == "symptoms_denied":
            return self.translator.gettext("you said no") + ": " + label
        return label

    @cached_property
    def _lines(self) -> dict[Answer, str]:
        return {}

    def why(self, evidence: Evidence, notes: dict[Answer, str] | None = None) -> list[str]:
        """``path: value — label`` for each answer (medications: what the name matched)."""
        lines = []
        cache = self._lines
        for answer in evidence:
            note = notes.get(answer) if notes else None
            if note is not None:
                lines.append(f"{_show(answer)} — {note}")
                continue
            line = cache.get(answer)
            if line is None:
                label = self.label(answer)
                line = cache[answer] = f"{_show(answer)} — {label}" if label else _show(answer)
            lines.append(line)
        return lines

    def question_for(self, path: str, value: str | None) -> str:
        """The interview question that asks for this answer."""
        text = self._questions.get(value or "") or self._questions.get(path) or path
        return self.translator.gettext(text) + ("?" if value in self._questions else "")
