"""The report is in the language asked for, down to the analysis sentences and chart titles."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from crampcheck.cli import cli
from crampcheck.i18n import Translator
from tests.report.builders import FIRST_DAY, LAST_DAY, build_diary

PERIOD = ["--from", FIRST_DAY.isoformat(), "--to", LAST_DAY.isoformat()]


def test_the_html_report_uses_the_chosen_language(
    tmp_path: Path, german_catalog: Translator
) -> None:
    url = f"sqlite:///{tmp_path / 'diary.db'}"
    build_diary(url)
    pages = {}
    for language in ("en", "de"):
        target = tmp_path / f"report-{language}.html"
        arguments = ["report", "--db", url, "-o", str(target), "--language", language, *PERIOD]
        result = CliRunner().invoke(cli, arguments)
        assert result.exit_code == 0, result.output
        pages[language] = target.read_text(encoding="utf-8")
    assert "Compared with no stretching, stretch before bed may help" in pages["en"]
    assert "Verglichen mit no stretching hilft stretch before bed vielleicht" in pages["de"]
    assert "Compared with no stretching" not in pages["de"]
    # The weekly chart's title (matplotlib keeps drawn text in a comment).
    assert "<!-- Cramps per week -->" in pages["en"]
    assert "<!-- Krämpfe pro Woche -->" in pages["de"]
    # Figures in a sentence are filled into the translated sentence, not glued to its pieces.
    assert "% (80 of 80)" in pages["en"]
    assert "% (80 von 80)" in pages["de"]
