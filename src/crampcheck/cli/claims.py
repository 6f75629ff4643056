"""`crampcheck claims`: look up what the seed articles claim and how well each claim holds up."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import click

from crampcheck.claims import ClaimHit, ClaimIndex, load_claim_index
from crampcheck.cli.common import chooses_language, translator
from crampcheck.cli.help_text import HelpGroup
from crampcheck.knowledge.claims import Claim, ClaimCategory, Topic, Verdict

Gettext = Callable[[str], str]
FORMATS = click.Choice(["text", "json"])


def _gettext() -> Gettext:
    # Read at call time, never at import: --language, else the environment.
    return translator().gettext


def _verdict_label(verdict: Verdict, _: Gettext) -> str:
    labels = {
        Verdict.UNSAFE: _("UNSAFE"),
        Verdict.SUPPORTED: _("Supported"),
        Verdict.WEAK: _("Weak evidence"),
        Verdict.UNSUPPORTED: _("Not supported"),
    }
    return labels[verdict]


def _category_label(category: ClaimCategory, _: Gettext) -> str:
    labels = {
        ClaimCategory.CAUSE: _("cause"),
        ClaimCategory.MECHANISM: _("mechanism"),
        ClaimCategory.PREVENTION: _("prevention"),
        ClaimCategory.TREATMENT: _("treatment"),
        ClaimCategory.FIRST_AID: _("first aid"),
        ClaimCategory.RED_FLAG: _("warning sign"),
        ClaimCategory.DIET: _("diet"),
        ClaimCategory.POPULATION: _("who is affected"),
        ClaimCategory.OTHER: _("other"),
    }
    return labels[category]


def _render_text(item: ClaimHit | Claim | Topic, _: Gettext) -> str:
    lines = [
        f"{item.id}  {_verdict_label(item.verdict, _)}  ({_category_label(item.category, _)})",
        f"  {_('Claim')}: {item.claim}",
        f"  {_('Why')}: {item.explanation}",
    ]
    if item.safer_advice:
        lines.append(f"  {_('Instead')}: {item.safer_advice}")
    lines.append(f"  {_('Sources')}: {', '.join(item.sources)}")
    return "\n".join(lines)


def _as_json(item: ClaimHit | Claim | Topic) -> dict[str, Any]:
    data = item.model_dump(mode="json")
    data["sources"] = list(item.sources)
    return {"id": item.id, **data}  # id first: people read the JSON too


def _echo(items: Iterable[ClaimHit | Claim | Topic], output_format: str, _: Gettext) -> None:
    items = list(items)
    if output_format == "json":
        click.echo(json.dumps([_as_json(item) for item in items], ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo(_("No matching claims."))
        return
    click.echo("\n\n".join(_render_text(item, _) for item in items))


def _id_range(index: ClaimIndex) -> str:
    claims = [item.id for item in index.statements if isinstance(item, Claim)]
    topics = [item.id for item in index.statements if isinstance(item, Topic)]
    ranges = f"{claims[0]}–{claims[-1]}" if claims else ""
    if topics:
        ranges += f", {topics[0]}–{topics[-1]}"
    return ranges


@click.group(name="claims", cls=HelpGroup)
def claims_group() -> None:
    """Popular claims about leg cramps and how well each one holds up."""


@claims_group.command(name="search")
@chooses_language
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True)
def search_command(text: tuple[str, ...], limit: int, output_format: str) -> None:
    """Find the claims that answer a question, e.g. `claims search does a needle prick help`."""
    _ = _gettext()
    query = " ".join(text).strip()
    if not query:
        raise click.BadParameter(_("the question is empty; type a few words."), param_hint="TEXT")
    _echo(load_claim_index().search(query, limit=limit), output_format, _)


@claims_group.command(name="show")
@chooses_language
@click.argument("claim_id", metavar="ID")
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True)
def show_command(claim_id: str, output_format: str) -> None:
    """Show one claim in full."""
    _ = _gettext()
    index = load_claim_index()
    item = index.get(claim_id)
    if item is None:
        message = _("no claim {claim_id!r}; allowed: {allowed}.").format(
            claim_id=claim_id, allowed=_id_range(index)
        )
        raise click.BadParameter(message, param_hint="ID")
    if output_format == "json":
        click.echo(json.dumps(_as_json(item), ensure_ascii=False, indent=2))
    else:
        click.echo(_render_text(item, _))


@claims_group.command(name="list")
@chooses_language
@click.option("--verdict", type=click.Choice([v.value for v in Verdict]))
@click.option("--category", type=click.Choice([c.value for c in ClaimCategory]))
@click.option("--seed", type=click.Choice(["000", "001", "002", "003", "004"]))
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True)
def list_command(
    verdict: str | None, category: str | None, seed: str | None, output_format: str
) -> None:
    """List the seed articles' claims, optionally filtered."""
    _ = _gettext()
    claims = [
        item
        for item in load_claim_index().statements
        if isinstance(item, Claim)
        and (verdict is None or item.verdict == verdict)
        and (category is None or item.category == category)
        and (seed is None or item.seed == seed)
    ]
    _echo(claims, output_format, _)
