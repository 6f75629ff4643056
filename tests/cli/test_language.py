"""--language, --country, CRAMPCHECK_LANGUAGE and CRAMPCHECK_COUNTRY on every command: a
choice that is not supported is a clear error (exit 2) listing what is, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from crampcheck.cli import cli
from crampcheck.i18n import SUPPORTED_LANGUAGES, Translator, load_translator
from crampcheck.i18n import translator as translator_module

SWEDISH_PO = r"""
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "No matching claims."
msgstr "Inga påståenden passar."

msgid "{input} → unknown — not in the knowledge base; ask a pharmacist"
msgstr "{input} → okänt — finns inte i kunskapsbasen; fråga på apoteket"

msgid ""
"If you have chest pain or breathlessness, or your leg is suddenly cold, pale or numb, call "
"{emergency} now."
msgstr ""
"Om du har ont i bröstet eller andnöd, eller om benet plötsligt är kallt, blekt eller "
"domnat, ring {emergency} nu."

msgid "error: {problem}"
msgstr "fel: {problem}"
"""


@pytest.fixture
def swedish_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[Translator]:
    """`load_translator("sv")` uses SWEDISH_PO, as if locales/sv.po had landed."""
    monkeypatch.setattr(
        translator_module,
        "_catalog_text",
        lambda language: SWEDISH_PO if language == "sv" else None,
    )
    load_translator.cache_clear()
    yield load_translator("sv")
    load_translator.cache_clear()


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), env=env, input=stdin)


def leaf_commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            yield from leaf_commands(command, (*path, name))
        elif command is not None:
            yield (*path, name)


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command | None = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.get_command(click.Context(command), name)
    assert command is not None
    return command


@pytest.mark.parametrize("path", list(leaf_commands(cli)), ids=" ".join)
def test_every_command_takes_language_and_country(path: tuple[str, ...]) -> None:
    options = {option for param in _command(path).params for option in param.opts}
    assert {"--language", "--country"} <= options


def test_the_issues_traceback_is_gone_swedish_is_supported() -> None:
    assert "sv" in SUPPORTED_LANGUAGES
    result = run("claims", "search", "quinine", env={"CRAMPCHECK_LANGUAGE": "sv"})
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert "T001" in result.output  # English until the Swedish catalog lands


@pytest.mark.parametrize(
    "command",
    [
        ("claims", "search", "quinine"),
        ("meds", "check", "Furix"),
        ("assess", "-"),
        ("kb", "check"),
        ("diary", "list"),
        ("report", "-o", "report.html"),
    ],
    ids=" ".join,
)
def test_an_unsupported_language_setting_is_exit_2_with_the_supported_list(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    env = {"CRAMPCHECK_LANGUAGE": "fr", "CRAMPCHECK_DATA_DIR": str(tmp_path)}
    result = run(*command, env=env, stdin="{}")
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (
        "error: CRAMPCHECK_LANGUAGE: 'fr' is not a supported language; supported: en, de, ru, sv"
        in result.output
    )
    assert "Traceback" not in result.output


def test_a_bad_country_setting_is_exit_2_naming_the_variable() -> None:
    result = run("interview", env={"CRAMPCHECK_COUNTRY": "UK"}, stdin="")
    assert result.exit_code == 2, result.output
    assert "CRAMPCHECK_COUNTRY: 'UK' is not an ISO 3166 country code" in result.output
    assert "GB" in result.output


def test_the_option_wins_over_a_bad_setting() -> None:
    result = run(
        "claims", "search", "zzzqqq", "--language", "en", env={"CRAMPCHECK_LANGUAGE": "fr"}
    )
    assert result.exit_code == 0, result.output
    assert "No matching claims." in result.output


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--language", "fr", "'fr' is not one of 'en', 'de', 'ru', 'sv'"),
        ("--country", "Sverige", "'Sverige' is not an ISO 3166 alpha-2 country code"),
    ],
)
def test_an_unsupported_option_value_is_a_usage_error(option: str, value: str, says: str) -> None:
    result = run("claims", "search", "quinine", option, value)
    assert result.exit_code == 2
    assert says in result.output


def test_language_in_any_case_translates_claims_and_meds(swedish_catalog: Translator) -> None:
    claims = run("claims", "search", "zzzqqq", "--language", "SV")
    assert claims.exit_code == 0, claims.output
    assert claims.output.strip() == "Inga påståenden passar."
    meds = run("meds", "check", "qqqzzzx", env={"CRAMPCHECK_LANGUAGE": "sv"})
    assert "okänt — finns inte i kunskapsbasen" in meds.output


@pytest.mark.parametrize(
    ("args", "env", "number"),
    [
        (("--country", "gb"), {}, "999"),
        ((), {"CRAMPCHECK_COUNTRY": "us"}, "911"),
        (("--language", "sv"), {}, "112"),
        (("--language", "sv", "--country", "NO"), {}, "113"),
        (("--language", "en"), {}, "112"),
    ],
)
def test_the_interview_gives_the_countrys_emergency_number(
    args: tuple[str, ...], env: dict[str, str], number: str, swedish_catalog: Translator
) -> None:
    result = run("interview", *args, env=env, stdin="")  # ends at the first question
    assert f" {number} " in result.output.replace("\n", " ")
