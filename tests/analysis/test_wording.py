"""The analysis speaks the translator's language: whole sentences from the catalog, numbers
filled in, plural forms chosen; the JSON answer keeps its fields and numbers."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from crampcheck.analysis.diary import analyze_diary
from crampcheck.analysis.experiment import analyze_experiment
from crampcheck.analysis.inputs import CheckIn, DiaryData
from crampcheck.analysis.plots import plot_weekly_rates
from crampcheck.i18n import Translator

from .helpers import ENGLISH, cramp_on, diary

START = date(2026, 2, 2)


def stretch_diary() -> DiaryData:
    # 20 stretching days with 1 cramp each, 20 other days with 2: ratio exactly 0.5.
    days = [({"stretched_before_bed": True}, 1)] * 20 + [({"stretched_before_bed": False}, 2)] * 20
    return diary(days)


def experiment_diary(schedule: list[tuple[date, str]], cramps: dict[str, int]) -> DiaryData:
    checkins = [CheckIn(day=day) for day, _ in schedule]
    episodes = [cramp_on(day) for day, option in schedule for _ in range(cramps.get(option, 0))]
    return DiaryData(checkins=checkins, episodes=episodes)


def plan(*options: str) -> list[tuple[date, str]]:
    return [(START + timedelta(days=index), option) for index, option in enumerate(options)]


def shape(value: Any) -> Any:
    """The JSON structure without its texts: field names, nesting and the non-text values."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return "<text>" if isinstance(value, str) else value


def test_diary_sentences_come_from_the_catalog(german_catalog: Translator) -> None:
    answer = analyze_diary(stretch_diary(), translator=german_catalog)
    assert answer.summary[0] == (
        "In 40 Tagebuchtagen mit Check-in hast du 60 Krämpfe notiert (10,5 pro Woche)."
    )
    stretching = next(line for line in answer.summary if "gedehnt" in line)
    assert stretching.startswith("An Tagen, an denen du vor dem Schlafen gedehnt hast")
    assert "(Ratenverhältnis 0,50, 95-%-KI"  # German decimals (Babel) in stretching
    assert stretching.endswith("Das ist ein Zusammenhang in deinem Tagebuch, kein Beweis.")
    # A sentence the catalog does not have stays English rather than disappearing.
    assert any(line.startswith("60 of 60 cramps") for line in answer.summary)


def test_plural_forms_follow_the_count(german_catalog: Translator) -> None:
    one_day = analyze_diary(diary([({}, 1)]), translator=german_catalog)
    assert (
        one_day.summary[0]
        == "In 1 Tagebuchtag mit Check-in hast du 1 Krampf notiert (7,0 pro Woche)."
    )
    english = analyze_diary(diary([({}, 1)]), translator=ENGLISH)
    assert (
        english.summary[0]
        == "Over 1 diary day with a check-in you recorded 1 cramp (7.0 per week)."
    )


def test_reasons_come_from_the_catalog(german_catalog: Translator) -> None:
    data = diary([({"stretched_before_bed": True}, 1)] * 60)
    (row,) = analyze_diary(data, translator=german_catalog).factors
    assert row.reason == "noch zu wenige Tage ohne (0 von 14 nötig)"


def test_the_json_answer_is_the_same_apart_from_its_texts(german_catalog: Translator) -> None:
    german = analyze_diary(stretch_diary(), translator=german_catalog).model_dump(mode="json")
    english = analyze_diary(stretch_diary(), translator=ENGLISH).model_dump(mode="json")
    assert german != english
    assert shape(german) == shape(english)
    schedule = plan(*(["a"] * 7 + ["b"] * 7))
    data = experiment_diary(schedule, {"a": 0, "b": 1})
    german = analyze_experiment(schedule, data, translator=german_catalog).model_dump(mode="json")
    english = analyze_experiment(schedule, data, translator=ENGLISH).model_dump(mode="json")
    assert german["verdict"] != english["verdict"]
    assert shape(german) == shape(english)


def test_the_verdict_comes_from_the_catalog(german_catalog: Translator) -> None:
    schedule = plan(*(["a"] * 7 + ["b"] * 7 + ["b"] * 7 + ["a"] * 7))
    data = experiment_diary(schedule[:14], {"a": 0, "b": 2})
    answer = analyze_experiment(
        schedule, data, a_label="Dehnen", b_label="nichts", translator=german_catalog
    )
    assert answer.probability_a_better is not None and answer.probability_a_better >= 0.95
    assert answer.verdict.startswith(
        "Verglichen mit nichts hilft Dehnen wahrscheinlich: weniger Krämpfe an Dehnen-Tagen "
        "(95-%-Glaubwürdigkeitsintervall des Ratenverhältnisses "
    )
    assert "Erst 1 der 2 geplanten Blöcke ist abgeschlossen" in answer.verdict
    assert answer.verdict.endswith("sagt nichts darüber, wie es bei anderen wirkt.")


def test_the_not_enough_data_verdict_comes_from_the_catalog(german_catalog: Translator) -> None:
    answer = analyze_experiment(
        plan(*(["a"] * 7 + ["b"] * 7)),
        DiaryData(checkins=[], episodes=[]),
        translator=german_catalog,
    )
    assert answer.reason == "noch kein vollständiger Block (je ein Zeitraum jeder Option)"
    assert answer.verdict.startswith(
        "Noch zu wenige Daten: noch kein vollständiger Block (je ein Zeitraum jeder Option). "
        "Dieses Ergebnis betrifft nur dich"
    )


def test_chart_titles_come_from_the_catalog(german_catalog: Translator) -> None:
    analysis = analyze_diary(stretch_diary(), translator=german_catalog)
    # matplotlib draws text as paths and keeps the text itself in a comment.
    assert "<!-- Krämpfe pro Woche -->" in plot_weekly_rates(analysis, translator=german_catalog)
    assert "<!-- Cramps per week -->" in plot_weekly_rates(analysis, translator=ENGLISH)
