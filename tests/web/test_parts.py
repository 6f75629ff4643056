"""Pieces of the web app tested directly: the chart, the questionnaire, `crampcheck serve`."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner
from fhir.resources.R4B.questionnaire import Questionnaire

from crampcheck.assessment.engine import assess
from crampcheck.cli import cli
from crampcheck.i18n import load_translator
from crampcheck.knowledge.loading import load_knowledge_base
from crampcheck.web.api.questionnaire import build_questionnaire, describe
from crampcheck.web.chart import factor_chart
from crampcheck.web.signing import InterviewProgress, InterviewSigner


def test_the_chart_says_in_text_what_it_shows() -> None:
    result = assess({"age": 67, "sex": "male", "lifestyle": {"alcohol_units_per_week": 30}})
    assert result.factors
    svg = str(factor_chart(result.factors, lambda text: text))
    assert 'role="img"' in svg and "<desc" in svg
    for group in result.factors:
        for factor in group.factors:
            assert factor.name in svg  # in the description at least, never only as colour


def test_no_factors_no_chart() -> None:
    assert str(factor_chart([], lambda text: text)) == ""


def test_questions_with_a_simple_condition_get_enable_when() -> None:
    data = build_questionnaire(load_knowledge_base(), load_translator("en"))
    items = {item["linkId"]: item for group in data["item"] for item in group["item"]}
    increased = items["exercise_recently_increased"]
    assert "enableWhen" in increased, increased
    assert all(entry["question"] in items for entry in increased["enableWhen"])
    assert items["breathing"]["repeats"] is True
    pregnancy = items["pregnancy_weeks"]
    assert pregnancy["enableBehavior"] == "all"
    assert {
        "question": "sex",
        "operator": "!=",
        "answerCoding": {"system": "urn:crampcheck:vocabulary", "code": "male"},
    } in pregnancy["enableWhen"]
    assert items["age"]["type"] == "integer" and items["age"]["required"] is True


def test_describe_reads_like_a_condition() -> None:
    question = next(q for q in load_knowledge_base().questions if q.id == "pregnancy_weeks")
    assert question.ask_when is not None
    assert "age >= 11" in describe(question.ask_when)


def test_a_tampered_interview_field_is_refused() -> None:
    signer = InterviewSigner("key")
    signed = signer.dumps(InterviewProgress({"age": 40.0}, ["age"], {}))
    assert signer.loads(signed) == InterviewProgress({"age": 40.0}, ["age"], {})
    assert signer.loads(signed[:-2] + "xx") is None
    assert InterviewSigner("other key").loads(signed) is None


def test_serve_is_a_documented_command() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--db" in result.output and "--port" in result.output


def _translations(element: dict[str, Any], name: str) -> dict[str, str]:
    found = {}
    for extension in element.get("_" + name, {}).get("extension", []):
        assert extension["url"] == "http://hl7.org/fhir/StructureDefinition/translation"
        parts = {part["url"]: part for part in extension["extension"]}
        found[parts["lang"]["valueCode"]] = parts["content"]["valueString"]
    return found


def test_the_questionnaire_carries_every_language_in_fhir_translation_extensions() -> None:
    """In German, with the English, Russian and Swedish texts beside each German one."""
    others = [load_translator(language) for language in ("en", "de", "ru", "sv")]
    data = build_questionnaire(load_knowledge_base(), load_translator("de"), others)
    Questionnaire.model_validate(data)  # still valid FHIR R4B with the extensions
    assert data["language"] == "de"
    items = {item["linkId"]: item for group in data["item"] for item in group["item"]}
    sex = items["sex"]
    english_question = next(q.text for q in load_knowledge_base().questions if q.id == "sex")
    assert sex["text"] == load_translator("de").gettext(english_question) != english_question
    languages = _translations(sex, "text")
    assert languages["en"] == english_question and set(languages) == {"en", "ru", "sv"}
    assert all(
        set(_translations(option["valueCoding"], "display")) == {"en", "ru", "sv"}
        for option in sex["answerOption"]
    )
    assert set(_translations(data, "title")) == {"en", "ru", "sv"}
    assert all(set(_translations(group, "text")) >= {"en", "sv"} for group in data["item"])
