"""Words for answers: how an answer is shown to a person, as a short plain sentence.

"Why" lines read as words ("You said: One calf is swollen"), never as field names; the
result keeps the field paths in each item's separate `evidence` list for programs. The
options' labels come from the interview's questions; the sentence around them is chosen by
the answer's field, so a translator sees whole phrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from crampcheck.assessment.evidence import Answer, Evidence
from crampcheck.i18n import Translator, gettext_noop, ngettext_noop
from crampcheck.i18n.formatting import format_number
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.questions import QuestionKind, option_labels

_LIST_OF_OPTIONS = {"symptoms_denied": "symptoms"}
_MAX_CACHED_LINES = 10_000

# The sentence around an option's label, by the field it answers (flags such as
# `lifestyle.smoker` have labels in the first person: "You said: I smoke").
_OPTION_SENTENCES = {
    "symptoms": gettext_noop("You said: {answer}"),
    "symptoms_denied": gettext_noop("You said no to: {answer}"),
    "conditions": gettext_noop("A doctor has told you: {answer}"),
    "recent_events": gettext_noop("In the last few weeks: {answer}"),
    "cramps.when": gettext_noop("When the cramps come: {answer}"),
    "cramps.muscles": gettext_noop("Where it cramps: {answer}"),
    "cramps.side": gettext_noop("Which leg: {answer}"),
    "cramps.relieved_by_stretching": gettext_noop("Stretching makes the cramp let go: {answer}"),
    "sex": gettext_noop("Sex: {answer}"),
    "lifestyle.exercise": gettext_noop("How much you exercise: {answer}"),
}
_FLAG_SENTENCE = _OPTION_SENTENCES["symptoms"]

# Yes/no answers without an option label, said as the fact they state.
_YES_SENTENCES = {
    "cramps.wakes_from_sleep": gettext_noop("The cramps wake you from sleep"),
    "lifestyle.exercise_recently_increased": gettext_noop(
        "You have recently exercised more, or harder"
    ),
}
_NO_SENTENCES = {
    "cramps.wakes_from_sleep": gettext_noop("The cramps do not wake you from sleep"),
    "lifestyle.exercise_recently_increased": gettext_noop(
        "You have not recently exercised more, or harder"
    ),
}

# Numbers in a sentence of their own; `{value}` is the number written the language's way.
_NUMBER_SENTENCES = {
    "age": ngettext_noop("You are {value} year old", "You are {value} years old"),
    "pregnancy_weeks": ngettext_noop(
        "You are {value} week pregnant", "You are {value} weeks pregnant"
    ),
    "postpartum_weeks": ngettext_noop(
        "You gave birth {value} week ago", "You gave birth {value} weeks ago"
    ),
    "cramps.per_week": ngettext_noop("About {value} cramp a week", "About {value} cramps a week"),
    "cramps.typical_minutes": ngettext_noop(
        "A typical cramp lasts {value} minute", "A typical cramp lasts {value} minutes"
    ),
    "cramps.longest_minutes": ngettext_noop(
        "The longest cramp lasted {value} minute", "The longest cramp lasted {value} minutes"
    ),
    "cramps.weeks_since_onset": ngettext_noop(
        "The cramps started {value} week ago", "The cramps started {value} weeks ago"
    ),
    "lifestyle.alcohol_units_per_week": ngettext_noop(
        "About {value} unit of alcohol a week", "About {value} units of alcohol a week"
    ),
    "lifestyle.caffeine_cups_per_day": ngettext_noop(
        "About {value} cup of coffee, tea or cola a day",
        "About {value} cups of coffee, tea or cola a day",
    ),
    "lifestyle.fluid_litres_per_day": ngettext_noop(
        "About {value} litre of drink a day", "About {value} litres of drink a day"
    ),
}

# Medicines: the name as the person wrote it, and the generic it was matched to.
_MEDICINE_SENTENCES = {
    "medications": (
        gettext_noop("You take {name}"),
        gettext_noop("You take {name} ({generic})"),
    ),
    "medications_started_recently": (
        gettext_noop("You recently started {name}"),
        gettext_noop("You recently started {name} ({generic})"),
    ),
    "medications_stopped_recently": (
        gettext_noop("You recently stopped {name}"),
        gettext_noop("You recently stopped {name} ({generic})"),
    ),
}
# A score is not a count: no plural forms.
_SEVERITY_SENTENCE = gettext_noop("Pain at its worst: {value} out of 10")
_ANY_ANSWER = gettext_noop("{question} {answer}")


@dataclass(frozen=True)
class Labels:
    """Looks up the label of an answer value and the question that asks it."""

    knowledge: KnowledgeBase
    translator: Translator

    @cached_property
    def _options(self) -> dict[tuple[str, str], str]:
        return option_labels(self.knowledge.questions)

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

    def label(self, answer: Answer) -> str | None:
        """The translated label of the option this answer chose; None when it is no option
        (a number, a yes/no field or a medicine name)."""
        path = _LIST_OF_OPTIONS.get(answer.path, answer.path)
        # A ticked yes/no field ("lifestyle.smoker": true) is its checklist's option "smoker".
        value = path.rpartition(".")[2] if answer.value is True else str(answer.value)
        text = self._options.get((path, value))
        return None if text is None else self.translator.gettext(text)

    @cached_property
    def _lines(self) -> dict[Answer, str]:
        return {}

    def why(self, evidence: Evidence, notes: dict[Answer, str] | None = None) -> list[str]:
        """A plain sentence for each answer; `notes` holds, for a medicine answer, the
        generic name it was matched to ("" when none)."""
        lines = []
        cache = self._lines
        for answer in evidence:
            if notes is not None and answer in notes:
                lines.append(self._medicine(answer, notes[answer]))
                continue
            line = cache.get(answer)
            if line is None:
                line = self.sentence(answer)
                if len(cache) < _MAX_CACHED_LINES:
                    cache[answer] = line
            lines.append(line)
        return lines

    def sentence(self, answer: Answer) -> str:
        """One answer as a short sentence in the person's words."""
        _ = self.translator.gettext
        value = answer.value
        if answer.path in _NUMBER_SENTENCES and isinstance(value, int | float):
            return self._number(answer.path, value)
        if answer.path == "cramps.severity" and isinstance(value, int | float):
            return _(_SEVERITY_SENTENCE).format(value=f"{value:g}")
        if isinstance(value, bool) and answer.path in _YES_SENTENCES:
            return _((_YES_SENTENCES if value else _NO_SENTENCES)[answer.path])
        label = self.label(answer)
        if label is not None:
            template = _OPTION_SENTENCES.get(answer.path, _FLAG_SENTENCE)
            return _(template).format(answer=label)
        shown = (_("yes") if value else _("no")) if isinstance(value, bool) else str(value)
        question = self.question_for(answer.path, None)
        return _(_ANY_ANSWER).format(question=question, answer=shown)

    def _number(self, path: str, value: float) -> str:
        language = self.translator.text_language  # numbers as the text around them
        whole = float(value).is_integer()
        shown = format_number(value, 0 if whole else 1, language)
        singular, plural = _NUMBER_SENTENCES[path]
        # gettext chooses forms by whole numbers. A fraction ("1.5 cups") takes the form of 2 in
        # every language we have: the plural in English, German and Swedish, and in Russian
        # the genitive singular ("1,5 чашки"), which is the form of 2 ("2 чашки").
        count = int(value) if whole else 2
        return self.translator.ngettext(singular, plural, count).format(value=shown)

    def _medicine(self, answer: Answer, generic: str) -> str:
        plain, with_generic = _MEDICINE_SENTENCES.get(
            answer.path, _MEDICINE_SENTENCES["medications"]
        )
        name = str(answer.value)
        if not generic or generic.casefold() in name.casefold():
            return self.translator.gettext(plain).format(name=name)
        return self.translator.gettext(with_generic).format(name=name, generic=generic)

    @cached_property
    def _choice_questions(self) -> dict[str, str]:
        # Fields answered by choosing one option: by field, the question.
        return {
            str(question.field): question.text
            for question in self.knowledge.questions
            if question.kind is QuestionKind.CHOICE
        }

    def question_for(self, path: str, value: str | None) -> str:
        """The interview question that asks for this answer: a field's own question; an
        option of a one-choice field with that question ("Which leg? Left", not a bare
        "Left?"); any other option as its label made a question ("Shortness of breath?")."""
        _ = self.translator.gettext
        choice = self._choice_questions.get(path)
        label = self._options.get((path, value)) if value is not None else None
        if choice is not None and label is not None:
            return _(_ANY_ANSWER).format(question=_(choice), answer=_(label))
        text = self._questions.get(value or "") or self._questions.get(path) or path
        return _(text) + ("?" if value in self._questions else "")
