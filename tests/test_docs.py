"""Documentation is complete: every command, setting and knowledge-base item is documented."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import click

from crampcheck.cli import cli
from crampcheck.config import ENV_PREFIX, Settings
from crampcheck.kbreport.reference import current_reference

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, path: list[str]) -> list[tuple[list[str], click.Command]]:
    context = click.Context(group)
    found = []
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None
        if isinstance(command, click.Group):
            found += _commands(command, [*path, name])
        else:
            found.append(([*path, name], command))
    return found


def test_every_command_is_in_the_readme_and_has_help() -> None:
    for path, command in _commands(cli, ["crampcheck"]):
        assert f"`{' '.join(path)}" in README, " ".join(path)
        assert command.help and command.help.strip(), " ".join(path)


def test_every_setting_is_in_the_readme() -> None:
    for field in dataclasses.fields(Settings):
        assert f"`{ENV_PREFIX}{field.name.upper()}`" in README, field.name
    for variable in ("CRAMPCHECK_CACHE_DIR", "CRAMPCHECK_NO_KB_CACHE"):
        assert variable in README


def test_the_knowledge_base_reference_is_current() -> None:
    # Run scripts/generate-kb-docs after changing a data file.
    documented = (REPO / "docs" / "knowledge-base.md").read_text(encoding="utf-8")
    assert documented == current_reference()


def test_the_readme_gives_the_two_setup_commands_ci_runs() -> None:
    setup = README.split("## Set-up on a fresh machine")[1].split("##")[0]
    assert re.findall(r"^scripts/(\w+)", setup, re.M) == ["run", "test"]
    assert "scripts/test" in (REPO / ".ci" / "run").read_text()


def test_the_path_for_adding_a_rule_names_real_files_and_commands() -> None:
    doc = (REPO / "docs" / "adding-a-rule.md").read_text(encoding="utf-8")
    for script in set(re.findall(r"\bscripts/[\w-]+", doc)):
        assert (REPO / script).exists(), script
    for path in set(re.findall(r"`((?:src|tests)/[\w/.-]+)`", doc)):
        assert (REPO / path).exists(), path
    for data_file in set(re.findall(r"`(\w+\.yaml)`", doc)):
        assert (REPO / "src" / "crampcheck" / "knowledge" / "data" / data_file).exists(), data_file
    for command in set(re.findall(r"crampcheck ((?:[a-z]+ )*[a-z]+)\n", doc)):
        group: click.Command | None = cli
        for name in command.split():
            assert isinstance(group, click.Group), command
            group = group.get_command(click.Context(group), name)
            assert group is not None, command
