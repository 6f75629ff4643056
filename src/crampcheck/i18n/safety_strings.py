"""The safety-critical strings: the messages whose mistranslation could hurt someone (issue #17).

They are checked by a second, independent pass: a back-translator who never sees the English
translates them back, and a reviewer compares meaning (docs/translation-check.md). This module
says which messages of the template (`locales/crampcheck.pot`) those are, and why, and writes
the two files of that check: the numbered translations for the back-translator, and the table
that puts English, translation and back-translation side by side for the reviewer.

A message is chosen by its source. Code and web-template messages by their `#:` location in
the template, and by message where only part of a file is safety-critical. Knowledge-base
messages are located by their YAML file only, and only by the first file that has the text
(`extract.knowledge_messages`), so their rules name the part of a file (`concerns[].actions`)
and take its texts from the loaded knowledge base itself.

Numbering is the position in the selection, sorted like the template, so it is the same for
every language: back-translations of any language line up with the English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from crampcheck.i18n.extract import template_path
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.interventions import InterventionKind
from crampcheck.knowledge.questions import Topic


@dataclass(frozen=True)
class KnowledgeSource:
    """A part of a knowledge-base file whose texts are safety-critical."""

    file: str  # the template's location of the file's messages
    part: str  # which items and fields, for people reading the rules
    why: str
    texts: Callable[[KnowledgeBase], Iterable[str]]


@dataclass(frozen=True)
class CodeSource:
    """Messages of a module or web template that are safety-critical: all of the file's
    (`messages` None) or the ones named."""

    file: str  # the template's location, relative to the package (as `#:` writes it)
    why: str
    messages: tuple[str, ...] | None = None


def _medicine_signs() -> list[str]:
    from crampcheck.medications import load_medication_catalog  # the catalogue, not the KB

    return [effect.sign for effect in load_medication_catalog().data.effects if effect.sign]


def _avoid_items(knowledge: KnowledgeBase) -> Iterator[str]:
    for item in knowledge.interventions:
        if item.kind is InterventionKind.AVOID:
            yield item.title
            yield item.text
            yield from item.steps


def _emergency_signs(knowledge: KnowledgeBase) -> Iterator[str]:
    for question in knowledge.questions:
        if question.topic is Topic.EMERGENCY_SIGNS:
            yield question.text
            yield from (option.label for option in question.options)


KNOWLEDGE_SOURCES: tuple[KnowledgeSource, ...] = (
    KnowledgeSource(
        "texts.yaml",
        "urgency[]: title, label, action, with_advice_line",
        "The urgency levels and what to do at each: a weaker word here delays care.",
        lambda kb: [
            text
            for level in kb.texts.urgency
            for text in (level.title, level.label, level.action, level.with_advice_line)
            if text
        ],
    ),
    KnowledgeSource(
        "texts.yaml",
        "safety_net[]",
        "The safety net shown with every result: the emergency signs (stroke among them) "
        "and when to see a doctor the same day.",
        lambda kb: kb.texts.safety_net,
    ),
    KnowledgeSource(
        "texts.yaml",
        "disclaimer",
        "Says the tool does not diagnose: a translation must not turn it into a diagnosis.",
        lambda kb: [kb.texts.disclaimer],
    ),
    KnowledgeSource(
        "concerns.yaml",
        "concerns[].actions",
        "What to do about each concern at its urgency (call an ambulance, see a doctor today).",
        lambda kb: [action for concern in kb.concerns for action in concern.actions.values()],
    ),
    KnowledgeSource(
        "concerns.yaml",
        "concerns[].safety_net",
        "When to get help sooner, specific to each concern.",
        lambda kb: [concern.safety_net for concern in kb.concerns],
    ),
    KnowledgeSource(
        "interventions.yaml",
        "interventions[kind=avoid]: title, text, steps",
        "Every 'do not': advice that can harm if it reads as something to do.",
        _avoid_items,
    ),
    KnowledgeSource(
        "interventions.yaml",
        "interventions[].withhold_reason",
        "Why advice is withheld for this person: it must still read as a 'do not'.",
        lambda kb: [item.withhold_reason for item in kb.interventions if item.withhold_reason],
    ),
    KnowledgeSource(
        "withholding.yaml",
        "categories[].name, categories[].reason",
        "The kinds of advice withheld in danger ('Not now: ...') and why.",
        lambda kb: [text for kind in kb.withholding for text in (kind.name, kind.reason)],
    ),
    KnowledgeSource(
        "medications.yaml",
        "effects[].sign",
        "A medicine named as an emergency sign (in the lists of reasons to call now).",
        lambda _kb: _medicine_signs(),
    ),
    KnowledgeSource(
        "questions.yaml",
        "questions[topic=emergency_signs]: text, options[].label",
        "The emergency signs asked first (stroke, clot, blocked blood supply): a sign "
        "misread is a missed emergency.",
        _emergency_signs,
    ),
)

CODE_SOURCES: tuple[CodeSource, ...] = (
    CodeSource(
        "assessment/summary.py",
        "The summary templates: the part of the result most people read, alone.",
    ),
    CodeSource(
        "web/templates/_first_screen.html",
        "The call links on the result's first screen.",
        ("Call {number} now", "Call {service}", "If it gets worse, call {emergency}."),
    ),
    CodeSource(
        "web/templates/_emergency_signs.html",
        "The heading over the emergency signs (home and first-aid pages).",
        ("Call {emergency} now if you have any of these", "Also call when these come together"),
    ),
    CodeSource(
        "knowledge/emergency_signs.py",
        "The emergency signs, in words, derived from the emergency rules.",
    ),
    CodeSource(
        "web/templates/first_aid.html",
        "The warning on each first-aid step.",
        ("Caution",),
    ),
    CodeSource(
        "web/templates/base.html",
        "The emergency number line at the foot of every page.",
        (
            "crampcheck informs; it does not diagnose. In an emergency call {emergency}.",
            "112 works from mobile phones in Europe and many other countries; where it does "
            "not, call the local emergency number.",
            "For medical advice that is not an emergency call {service}.",
        ),
    ),
    CodeSource(
        "render/templates/_result_parts.html",
        "The urgency banner and each concern's action.",
        ("Urgency", "What to do"),
    ),
    CodeSource(
        "web/templates/result.html",
        "The emergency heading, the 'do not' headings and the safety net's.",
        (
            "Emergency: call for help now",
            "We stopped the questions: your answers show you need emergency care.",
            "While you wait for help",
            "Do not",
            "What not to do",
            "When to seek help",
        ),
    ),
    CodeSource(
        "web/templates/medications.html",
        "Stopping a prescribed medicine on one's own can be dangerous.",
        ("Do not stop a prescribed medicine on your own; ask your doctor or pharmacist.",),
    ),
    CodeSource(
        "assessment/wording.py",
        "A withheld item's title: it must read as 'not now', never as something to do.",
        ("Not now: {title}",),
    ),
    CodeSource(
        "assessment/not_asked.py",
        "A question not asked that would raise the urgency.",
        (
            "Not asked: {questions} — a yes would point to {concern} and change the advice "
            "to: {urgency}.",
        ),
    ),
    CodeSource(
        "render/words.py",
        "The urgency words on each concern, and the grade of harmful advice.",
        (
            "emergency",
            "see a doctor today",
            "book a doctor's appointment",
            "self-care",
            "Harmful or unsafe for self-care",
        ),
    ),
    CodeSource(
        "render/text.py",
        "The command line's 'do not', action and safety-net lines.",
        ("DO NOT", "What to do: {action}", "WHEN TO SEEK HELP"),
    ),
    CodeSource(
        "cli/interview.py",
        "The command-line interview's emergency warning and its emergency stop.",
        (
            "If you have chest pain or breathlessness, or your leg is suddenly cold, pale or "
            "numb, call {emergency} now.",
            "Stopped early: your answers show you need emergency care.",
        ),
    ),
)


@dataclass(frozen=True)
class SafetyString:
    """One safety-critical message: its number in the check, the English, and why."""

    number: int
    message: Message
    why: str

    @property
    def english(self) -> str:
        """The English text (a plural message's forms joined by ' | ')."""
        return _joined(self.message.id)


def _joined(text: str | tuple[str, ...] | list[str] | None) -> str:
    forms = [text] if isinstance(text, str) or text is None else list(text)
    return " | ".join(" ".join((form or "").split()) for form in forms)


@cache
def read_template() -> Catalog:
    """The committed template catalog."""
    with template_path().open("rb") as file:
        return read_po(file)


def select(template: Catalog, knowledge: KnowledgeBase) -> list[SafetyString]:
    """The template's safety-critical messages, in template order, numbered from 1."""
    reasons = _reasons_by_message(template, knowledge)
    chosen = [message for message in template if message.id and message.id in reasons]
    return [
        SafetyString(number, message, reasons[message.id])
        for number, message in enumerate(chosen, start=1)
    ]


def _reasons_by_message(template: Catalog, knowledge: KnowledgeBase) -> dict[object, str]:
    reasons: dict[object, str] = {}
    for message in template:
        if not message.id:
            continue
        files = _files(message)
        for source in CODE_SOURCES:
            if source.file in files and (source.messages is None or message.id in source.messages):
                reasons.setdefault(message.id, source.why)
    for knowledge_source in KNOWLEDGE_SOURCES:
        for text in knowledge_source.texts(knowledge):
            if text in template:
                reasons.setdefault(text, knowledge_source.why)
    return reasons


def _files(message: Message) -> set[str]:
    return {location for location, _line in message.locations}


def unlisted(template: Catalog, knowledge: KnowledgeBase) -> list[str]:
    """Safety-critical texts the template does not offer (under their source, for code):
    never translated, so never checked. Each is 'file: part: text'."""
    missing = []
    for source in KNOWLEDGE_SOURCES:
        for text in source.texts(knowledge):
            if text not in template:
                missing.append(f"{source.file}: {source.part}: {text}")
    for code in CODE_SOURCES:
        for wanted in code.messages or ():
            message = template.get(wanted)
            if message is None or code.file not in _files(message):
                missing.append(f"{code.file}: {wanted}")
    return missing


def read_catalog(language: str) -> Catalog:
    """The catalog of `language` (locales/<language>.po)."""
    with template_path().with_name(f"{language}.po").open("rb") as file:
        return read_po(file, locale=language)


def translation(catalog: Catalog, message: Message) -> str | None:
    """The reviewed translation of `message`, or None while it is missing or fuzzy."""
    translated = catalog.get(message.id)
    if translated is None or translated.fuzzy:
        return None
    string = translated.string
    forms = [string] if isinstance(string, str) else [str(form or "") for form in string or ()]
    return _joined(forms) if all(forms) else None


def export_for_back_translation(strings: list[SafetyString], catalog: Catalog) -> str:
    """One line per translated string, 'N. text', for a back-translator: no English. A string
    not yet translated keeps its number unused, so numbers match the English in every language."""
    lines = []
    for string in strings:
        text = translation(catalog, string.message)
        if text is not None:
            lines.append(f"{string.number}. {text}")
    return "\n".join(lines) + "\n"


LINE = re.compile(r"^\s*(\d+)\.\s*(.*?)\s*$")


def parse_numbered(text: str) -> dict[int, str]:
    """The 'N. text' lines of a numbered list (other lines, such as blank ones, are skipped).

    Raises ValueError when a number comes twice, since one of the two would be lost.
    """
    numbered: dict[int, str] = {}
    for line in text.splitlines():
        match = LINE.match(line)
        if match:
            number = int(match.group(1))
            if number in numbered:
                raise ValueError(f"number {number} appears twice")
            numbered[number] = match.group(2)
    return numbered


def comparison_table(
    strings: list[SafetyString], catalog: Catalog, language: str, back_translation: str
) -> str:
    """The markdown table for docs/translation-check.md: number, English, the translation,
    its back-translation and an empty verdict for the reviewer.

    Raises ValueError when the back-translation numbers a string the selection does not have
    (a list made from another template, whose numbers would pair the wrong texts).
    """
    back = parse_numbered(back_translation)
    unknown = sorted(set(back) - {string.number for string in strings})
    if unknown:
        raise ValueError(
            f"the back-translation has numbers {unknown[:5]} that are not among the "
            f"{len(strings)} safety-critical strings: was it made from another template?"
        )
    rows = [
        f"| n | English | {language} | back-translation | verdict |",
        "|---|---|---|---|---|",
    ]
    for string in strings:
        translated = translation(catalog, string.message)
        cells = [
            str(string.number),
            string.english,
            translated if translated is not None else "*(not translated yet)*",
            back.get(string.number, ""),
            "",
        ]
        rows.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
