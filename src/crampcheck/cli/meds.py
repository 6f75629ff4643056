"""`crampcheck meds`: look up medicines in the knowledge base."""

from __future__ import annotations

import json
from collections.abc import Callable

import click

from crampcheck.cli.common import chooses_language, translator
from crampcheck.cli.help_text import HelpGroup
from crampcheck.medications import (
    MatchStatus,
    MedicationCatalog,
    MedicationMatch,
    load_medication_catalog,
    match_medications,
)
from crampcheck.render.words import STRENGTH_WORDS

Translate = Callable[[str], str]


def _translator() -> Translate:
    return translator().gettext


def _class_names(match: MedicationMatch, catalog: MedicationCatalog, _: Translate) -> str:
    return ", ".join(_(catalog.drug_class(class_id).name) for class_id in match.classes)


def _association(match: MedicationMatch, _: Translate) -> str:
    strength = match.cramp_association.value if match.cramp_association else "not_established"
    return _("cramp association: {strength}").format(strength=_(STRENGTH_WORDS[strength]))


def describe(match: MedicationMatch, catalog: MedicationCatalog, _: Translate) -> str:
    """One line of text for one match: input → generic (classes, cramp association)."""
    if match.status is MatchStatus.UNKNOWN:
        if match.suggestions:
            return _(
                "{input} → unknown — not in the knowledge base; ask a pharmacist "
                "(did you mean: {names}?)"
            ).format(input=match.input, names=", ".join(match.suggestions))
        return _("{input} → unknown — not in the knowledge base; ask a pharmacist").format(
            input=match.input
        )
    details = f"{_class_names(match, catalog, _)}; {_association(match, _)}"
    if match.status is MatchStatus.CLASS_ONLY:
        return _("{input} → a kind of medicine, exact drug unknown ({details})").format(
            input=match.input, details=details
        )
    generics = " + ".join(match.generics)  # international names, the same in every language
    if match.status is MatchStatus.FUZZY:
        return _("{input} → {generics} ({details}) [read as {name}]").format(
            input=match.input, generics=generics, details=details, name=match.matched_name
        )
    return f"{match.input} → {generics} ({details})"


def _check_names(
    ctx: click.Context, param: click.Parameter, names: tuple[str, ...]
) -> tuple[str, ...]:
    if any(not name.strip() for name in names):
        _ = _translator()
        raise click.BadParameter(_("a medicine name must not be empty"), ctx=ctx, param=param)
    return names


@click.group(name="meds", cls=HelpGroup)
def meds_group() -> None:
    """Look up medicines: generic name, drug class and link to cramps."""


@meds_group.command(name="check")
@chooses_language
@click.argument("names", metavar="NAME...", nargs=-1, required=True, callback=_check_names)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output as lines of text or as a JSON list.",
)
def check_command(names: tuple[str, ...], output_format: str) -> None:
    """Recognise each NAME (brand, generic, misspelling or lay term such as "water tablets")."""
    catalog = load_medication_catalog()
    matches = match_medications(names, catalog)
    if output_format == "json":
        click.echo(json.dumps([m.model_dump(mode="json") for m in matches], ensure_ascii=False))
        return
    _ = _translator()
    for match in matches:
        click.echo(describe(match, catalog, _))
