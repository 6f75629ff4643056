"""`crampcheck kb`: validate the knowledge base and show its coverage."""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any

import click

from crampcheck.cli.common import chooses_language, format_option, translator
from crampcheck.cli.help_text import HelpGroup
from crampcheck.errors import KnowledgeBaseError


@click.group("kb", cls=HelpGroup)
def kb_group() -> None:
    """The knowledge base: validation and coverage."""


@kb_group.command("check")
@chooses_language
@format_option
def check_command(output_format: str) -> None:
    """Validate every knowledge-base file and cross-check them; print coverage.

    Exit code 0 when valid; 1 with every problem (file, line, item id) when not.
    """
    from crampcheck.kbreport.coverage import audit_knowledge_base

    try:
        coverage = audit_knowledge_base()
    except KnowledgeBaseError as error:
        _ = translator().gettext
        for problem in error.problems:
            click.echo(_("error: {problem}").format(problem=problem), err=True)
        count = len(error.problems)
        found = translator().ngettext("{count} problem found", "{count} problems found", count)
        click.echo(found.format(count=count), err=True)
        sys.exit(1)
    if output_format == "json":
        click.echo(json.dumps(coverage, indent=2))
    else:
        click.echo(_coverage_text(coverage))


def _coverage_text(coverage: dict[str, Any]) -> str:
    lines = [translator().gettext("Knowledge base is valid."), ""]
    for section, figures in coverage.items():
        if isinstance(figures, dict):
            parts = ", ".join(f"{key} {value}" for key, value in figures.items())
            lines.append(f"{section}: {parts}")
        else:
            lines.append(f"{section}: {figures}")
    return "\n".join(lines)


def counts(values: list[str]) -> dict[str, int]:
    """Counts by value, most common first."""
    return dict(Counter(values).most_common())
