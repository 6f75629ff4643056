"""`--help` in the reader's language (--language, else CRAMPCHECK_LANGUAGE).

The command objects keep their English texts, which are the catalog's message ids: each help
page is translated as it is written, by `HelpContext`'s formatter (one process may show help
in several languages, as the tests do). `help_messages` lists what there is to translate, for
the message template.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator

import click

from crampcheck.i18n import gettext_noop

# click's own words on a help page (click would look them up in its own, empty, domain).
CLICK_WORDS = (
    gettext_noop("Usage:"),
    gettext_noop("Options"),
    gettext_noop("Commands"),
    gettext_noop("Show this message and exit."),
    gettext_noop("Show the version and exit."),
)


def _gettext(message: str) -> str:
    from crampcheck.cli.common import safe_translator

    return safe_translator().gettext(message)


class HelpFormatter(click.HelpFormatter):
    """Writes a help page with every text translated: the help text, each option's help
    (without what click adds, e.g. "[default: text]") and click's headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix or _gettext("Usage:") + " ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_gettext(heading))

    def write_text(self, text: str) -> None:
        super().write_text(_gettext(text))

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl([(term, _option_help(text)) for term, text in rows], col_max, col_spacing)


def _option_help(text: str) -> str:
    own, marker, added = text.partition("  [")  # click appends "  [default: …]" and such
    return _gettext(own) + marker + added


class HelpContext(click.Context):
    """A context whose help page is written in the reader's language."""

    formatter_class = HelpFormatter


class HelpGroup(click.Group):
    """A group whose list of commands shows each command's help translated, then shortened
    (shortening first would leave a text no catalog has)."""

    context_class: type[click.Context] = HelpContext

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        names = [name for name in self.list_commands(ctx) if self.command_help(ctx, name)]
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        for name in names:
            text = _gettext(self.command_help(ctx, name) or "")
            # Shortened as click shortens a command's help for this list.
            rows.append((name, click.Command(name, help=text).get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def command_help(self, ctx: click.Context, name: str) -> str | None:
        """The first paragraph of a command's help (None: no such command, or hidden)."""
        command = self.get_command(ctx, name)
        if command is None or command.hidden:
            return None
        return help_paragraph(command.short_help or command.help or "")

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        return with_translated_help(command) if command is not None else None


def with_translated_help(command: click.Command) -> click.Command:
    """`command`, its own help page written in the reader's language too."""
    command.context_class = HelpContext
    return command


def help_paragraph(text: str) -> str:
    """A help text as click shows it: dedented, up to the form feed."""
    return inspect.cleandoc(text).partition("\f")[0]


def help_messages(root: click.Command) -> Iterator[str]:
    """Every help text of `root` and of the commands below it, as the formatter looks them
    up: help pages, the lists of commands and option help."""
    yield from CLICK_WORDS
    for command in _commands(root):
        for text in (command.help, command.short_help):
            if text:
                yield help_paragraph(text)
        for param in command.params:
            help_text = getattr(param, "help", None)
            if help_text:
                yield help_text
        if isinstance(command, HelpGroup):
            context = click.Context(command)
            for name in command.list_commands(context):
                listed = command.command_help(context, name)
                if listed:
                    yield listed


def _commands(root: click.Command) -> Iterator[click.Command]:
    yield root
    if isinstance(root, click.Group):
        context = click.Context(root)
        for name in root.list_commands(context):
            command = root.get_command(context, name)
            if command is not None:
                yield from _commands(command)
