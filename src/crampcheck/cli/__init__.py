"""The `crampcheck` command line. Sub-commands are imported only when used (fast start).

`crampcheck --help` lists the commands from `SUBCOMMANDS` (each with the first sentence of its
help) without importing one: importing them all took most of a second, for a list of lines.
A test checks that each summary is still its command's own.
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple

import click

from crampcheck.cli.help_text import HelpGroup, with_translated_help
from crampcheck.errors import InputError


class Subcommand(NamedTuple):
    """Where a sub-command lives ("module:attribute", imported on first use) and the first
    sentence of its help, for the list of commands."""

    target: str
    summary: str


SUBCOMMANDS: dict[str, Subcommand] = {
    "assess": Subcommand(
        "crampcheck.cli.assess:assess_command",
        "Assess one person from a contract JSON document (FILE, or - for standard input).",
    ),
    "batch": Subcommand(
        "crampcheck.cli.batch:batch_command", "Assess every line of a JSON Lines file."
    ),
    "interview": Subcommand(
        "crampcheck.cli.interview:interview_command",
        "Answer a short adaptive interview and see your assessment.",
    ),
    "kb": Subcommand("crampcheck.cli.kb:kb_group", "The knowledge base: validation and coverage."),
    "meds": Subcommand(
        "crampcheck.cli.meds:meds_group",
        "Look up medicines: generic name, drug class and link to cramps.",
    ),
    "claims": Subcommand(
        "crampcheck.cli.claims:claims_group",
        "Popular claims about leg cramps and how well each one holds up.",
    ),
    "diary": Subcommand(
        "crampcheck.cli.diary:diary_group",
        "Your cramp diary: cramps, daily check-ins and medications.",
    ),
    "experiment": Subcommand(
        "crampcheck.cli.experiment:experiment_group",
        "N-of-1 experiments: does option A or option B give you fewer cramps?",
    ),
    "serve": Subcommand(
        "crampcheck.cli.serve:serve_command",
        "Start the web app: the interview, results, medicine check, myths and the JSON API.",
    ),
    "report": Subcommand(
        "crampcheck.cli.report:report_command",
        "Write a one- or two-page report for a doctor: the latest assessment, the diary's "
        "rates and trend, factor rate ratios, experiment results, evidence grades and sources.",
    ),
}


def summary_command(name: str) -> click.Command:
    """A stand-in for a sub-command that knows only its summary: click shortens it for the
    list exactly as it would the command's own help."""
    return click.Command(name, help=SUBCOMMANDS[name].summary)


class LazyGroup(HelpGroup):
    """A click group whose sub-commands live in modules loaded on demand (help translated)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *SUBCOMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in SUBCOMMANDS:
            module_name, attribute = SUBCOMMANDS[cmd_name].target.split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            assert isinstance(command, click.Command)
            return with_translated_help(command)
        return super().get_command(ctx, cmd_name)

    def command_help(self, ctx: click.Context, name: str) -> str | None:
        """A command's summary for the list of commands, without importing it."""
        if name in SUBCOMMANDS:
            return SUBCOMMANDS[name].summary
        return super().command_help(ctx, name)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; input a command did not report itself (a bad CRAMPCHECK_LANGUAGE
        or CRAMPCHECK_COUNTRY, read when a command first needs it) ends in a message naming
        the setting and what is allowed, and exit code 2, never a traceback."""
        try:
            return super().invoke(ctx)
        except InputError as error:
            from crampcheck.cli.common import EXIT_BAD_INPUT, report_input_error

            report_input_error(error)
            ctx.exit(EXIT_BAD_INPUT)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="crampcheck")
def cli() -> None:
    """crampcheck: leg-cramp self-assessment, knowledge base and diary.

    crampcheck informs; it does not diagnose. If you are worried, contact a doctor, and call
    emergency services for chest pain, breathlessness or a cold, pale, numb leg.
    """


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="crampcheck")


if __name__ == "__main__":
    main()
