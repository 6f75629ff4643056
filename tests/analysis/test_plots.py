"""Plots render to SVG and PNG, also for an empty diary."""

from __future__ import annotations

from pathlib import Path

from crampcheck.analysis.diary import analyze_diary
from crampcheck.analysis.inputs import DiaryData
from crampcheck.analysis.plots import plot_factor_forest, plot_weekly_rates
from crampcheck.analysis.simulation import simulate_diary

from .helpers import ENGLISH


def test_plots_render_svg_and_png(tmp_path: Path) -> None:
    analysis = analyze_diary(simulate_diary(120, seed=1), translator=ENGLISH)
    forest = plot_factor_forest(analysis, tmp_path / "forest.png", translator=ENGLISH)
    weekly = plot_weekly_rates(analysis, tmp_path / "weekly.png", translator=ENGLISH)
    for svg in (forest, weekly):
        assert "<svg" in svg
    assert "doubles" in forest
    assert (tmp_path / "forest.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "weekly.png").stat().st_size > 0


def test_plots_of_an_empty_diary() -> None:
    analysis = analyze_diary(DiaryData(checkins=[], episodes=[]), translator=ENGLISH)
    assert "<svg" in plot_factor_forest(analysis, translator=ENGLISH)
    assert "<svg" in plot_weekly_rates(analysis, translator=ENGLISH)
