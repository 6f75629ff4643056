"""`crampcheck --help` lists the commands without importing them; the list stays true."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from crampcheck.cli import SUBCOMMANDS, cli, summary_command
from crampcheck.i18n import load_translator


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_each_summary_is_the_first_sentence_of_its_command_s_help(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    unlimited = 10_000
    assert summary_command(name).get_short_help_str(unlimited) == (
        command.get_short_help_str(unlimited)
    )


def test_help_lists_every_command() -> None:
    output = CliRunner().invoke(cli, ["--help"]).output
    assert all(f"  {name} " in output for name in SUBCOMMANDS)


def test_help_imports_no_command_module() -> None:
    code = (
        "import sys\nfrom crampcheck.cli import cli\n"
        "try:\n    cli(['--help'], prog_name='crampcheck')\nexcept SystemExit:\n    pass\n"
        "helpers = ('crampcheck.cli.help_text', 'crampcheck.cli.common')\n"
        "loaded = [m for m in sys.modules\n"
        "          if m.startswith('crampcheck.cli.') and m not in helpers]\n"
        "print(loaded, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]"


@pytest.mark.parametrize("language", ["de", "ru", "sv"])
def test_help_pages_are_in_the_readers_language(language: str) -> None:
    """Help texts, option help, the list of commands and click's headings, translated."""
    words = load_translator(language)
    runner = CliRunner(env={"CRAMPCHECK_LANGUAGE": language})
    top = runner.invoke(cli, ["--help"]).output
    assert top.startswith(words.gettext("Usage:") + " ") and words.gettext("Usage:") != "Usage:"
    assert "Assess every line" not in top  # batch's summary, translated before shortening
    page = runner.invoke(cli, ["diary", "add", "--help"]).output
    assert words.gettext("Show this message and exit.") in page
    assert "Show this message and exit." not in page


def test_a_language_given_before_help_is_used() -> None:
    page = CliRunner().invoke(cli, ["assess", "--language", "de", "--help"]).output
    assert page.startswith("Aufruf:") and "--language" in page
