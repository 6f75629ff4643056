"""`crampcheck interview`: the adaptive interview in the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import click

from crampcheck.cli.common import chosen_country, format_option, language_option, translator
from crampcheck.errors import InputError
from crampcheck.i18n import Translator
from crampcheck.interview import Answers, interview_state, parse_answer
from crampcheck.interview.flow import build_document
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.help_numbers import help_numbers
from crampcheck.knowledge.loading import load_knowledge_base
from crampcheck.knowledge.questions import Question, QuestionKind
from crampcheck.render.text import render_text

BACK = "b"


def _number_hint(question: Question, _: Translator) -> str:
    unit = _.gettext(question.unit) if question.unit else None
    none = _.gettext(question.none_option) if question.none_option else None
    if unit and none:
        return _.gettext("a number ({unit}); Enter for '{none}'").format(unit=unit, none=none)
    if unit:
        return _.gettext("a number ({unit})").format(unit=unit)
    if none:
        return _.gettext("a number; Enter for '{none}'").format(none=none)
    return _.gettext("a number")


def _hint(question: Question, _: Translator) -> str:
    kind = question.kind
    if kind is QuestionKind.NUMBER:
        return _number_hint(question, _)
    if kind is QuestionKind.YES_NO:
        return _.gettext("y/n")
    if kind is QuestionKind.TEXT_LIST:
        return _.gettext("names separated by commas; Enter for none")
    if kind is QuestionKind.CHOICE:
        return _.gettext("one number")
    return _.gettext("numbers separated by commas; 0 or Enter for none")


def _show(question: Question, number: int, _: Translator) -> None:
    click.echo()
    click.secho(f"{number}. {_.gettext(question.text)}", bold=True)
    if question.help:
        click.echo("   " + _.gettext(question.help))
    for index, option in enumerate(question.options, start=1):
        click.echo(f"   {index}) {_.gettext(option.label)}")


def _ask(question: Question, number: int, _: Translator) -> str:
    _show(question, number, _)
    prompt = f"   [{_hint(question, _)}; {BACK} = {_.gettext('back')}]"
    default = "" if not question.required else None
    return str(click.prompt(prompt, default=default, show_default=False, prompt_suffix=" > "))


def run_interview(knowledge: KnowledgeBase, _: Translator) -> tuple[Answers, bool]:
    """Ask until complete or an emergency is clear; the answers and whether it stopped early."""
    answers: Answers = {}
    order: list[str] = []
    while True:
        state = interview_state(knowledge, answers)
        if state.question is None:
            return answers, state.stopped_early
        question = state.question
        raw = _ask(question, len(order) + 1, _)
        if raw.strip().lower() == BACK:
            if order:
                answers.pop(order.pop())
            continue
        try:
            answers[question.id] = parse_answer(question, raw)
        except InputError as error:
            problems = "; ".join(problem.translated_message(_) for problem in error.errors)
            click.secho("   " + problems, fg="red")
            continue
        order.append(question.id)


@click.command("interview")
@click.option(
    "--save",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Save the answers as contract JSON.",
)
@format_option
@language_option
def interview_command(save: Path | None, output_format: str, language: str | None) -> None:
    """Answer a short adaptive interview and see your assessment.

    Red-flag questions come first; follow-ups appear only when relevant; the interview stops
    as soon as your answers show an emergency. Type b to go back one question.
    """
    _ = translator(language)
    knowledge = load_knowledge_base()
    click.secho(_.gettext("crampcheck — leg cramp check"), bold=True)
    click.echo(_.gettext(knowledge.texts.disclaimer))
    numbers = help_numbers(chosen_country(), _.language)
    click.echo(
        _.gettext(
            "If you have chest pain or breathlessness, or your leg is suddenly cold, pale or "
            "numb, call {emergency} now."
        ).format(emergency=numbers.emergency)
    )
    answers, stopped_early = run_interview(knowledge, _)
    document = build_document(knowledge, answers)
    if save is not None:
        save.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        click.echo(_.gettext("Answers saved to {path}").format(path=save), err=True)
    from crampcheck.assessment.engine import assess

    result = assess(document, knowledge=knowledge, language=_.language, country=chosen_country())
    click.echo()
    if stopped_early:
        click.secho(
            _.gettext("Stopped early: your answers show you need emergency care."),
            fg="red",
            bold=True,
        )
    if output_format == "json":
        click.echo(result.to_json(indent=True))
    else:
        click.echo(render_text(result))
