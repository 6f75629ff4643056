"""The `crampcheck` command line. Sub-commands are imported only when used (fast start)."""

from __future__ import annotations

import importlib
from typing import Any

import click

from crampcheck.errors import InputError

# name -> "module:attribute" of a click command or group; imported on first use.
SUBCOMMANDS: dict[str, str] = {
    "assess": "crampcheck.cli.assess:assess_command",
    "batch": "crampcheck.cli.batch:batch_command",
    "interview": "crampcheck.cli.interview:interview_command",
    "kb": "crampcheck.cli.kb:kb_group",
    "meds": "crampcheck.cli.meds:meds_group",
    "claims": "crampcheck.cli.claims:claims_group",
    "diary": "crampcheck.cli.diary:diary_group",
    "experiment": "crampcheck.cli.experiment:experiment_group",
    "serve": "crampcheck.cli.serve:serve_command",
    "report": "crampcheck.cli.report:report_command",
}


class LazyGroup(click.Group):
    """A click group whose sub-commands live in modules loaded on demand."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *SUBCOMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in SUBCOMMANDS:
            module_name, attribute = SUBCOMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)

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
