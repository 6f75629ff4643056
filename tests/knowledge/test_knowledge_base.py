"""The knowledge base: valid, cross-checked, every advice graded and sourced, errors located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crampcheck.contract.vocabulary import CONCERN_IDS
from crampcheck.errors import KnowledgeBaseError
from crampcheck.kbreport.coverage import audit_knowledge_base
from crampcheck.knowledge.base import default_data_dir, read_knowledge_base
from crampcheck.knowledge.common import EvidenceGrade
from crampcheck.knowledge.crosscheck import check_core
from crampcheck.knowledge.interventions import InterventionKind
from crampcheck.knowledge.loading import load_knowledge_base


def test_the_whole_knowledge_base_is_valid_and_cross_checked() -> None:
    coverage = audit_knowledge_base()
    assert coverage["concerns"]["total"] == len(CONCERN_IDS) == 30
    assert (
        coverage["questions"]["symptoms covered"] == coverage["questions"]["symptoms in contract"]
    )
    assert coverage["claims by verdict"] == {
        "supported": 57,
        "weak": 112,
        "unsupported": 69,
        "unsafe": 16,
    }


def test_every_advice_item_has_a_grade_sources_and_english_text() -> None:
    knowledge = load_knowledge_base()
    for item in knowledge.interventions:
        assert isinstance(item.grade, EvidenceGrade)
        assert item.sources and all(key in knowledge.sources for key in item.sources)
        assert item.title.strip() and item.text.strip()
        if item.kind is InterventionKind.AVOID:
            assert item.grade in (EvidenceGrade.X, EvidenceGrade.E0)


def test_every_concern_factor_and_rule_has_sources_in_the_bibliography() -> None:
    knowledge = load_knowledge_base()
    for concern in knowledge.concerns:
        assert concern.name and concern.summary and concern.actions and concern.safety_net
        for key in [*concern.sources, *(k for rule in concern.rules for k in rule.sources)]:
            assert key in knowledge.sources
    for factor in knowledge.factors:
        assert factor.sources and all(key in knowledge.sources for key in factor.sources)


def _broken_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    path = target / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_a_schema_error_names_file_line_and_item(tmp_path: Path) -> None:
    data = _broken_copy(tmp_path, "interventions.yaml", "grade: E2\n", "grade: E9\n")
    with pytest.raises(KnowledgeBaseError) as caught:
        read_knowledge_base(data)
    problem = caught.value.problems[0]
    assert problem.file == "interventions.yaml" and problem.line and problem.item_id
    assert "grade" in problem.message and "'E1'" in problem.message


def test_an_unknown_source_is_reported_with_its_item(tmp_path: Path) -> None:
    data = _broken_copy(
        tmp_path, "concerns.yaml", "sources: [NHS-DVT, CKS]", "sources: [NOPE, CKS]"
    )
    with pytest.raises(KnowledgeBaseError) as caught:
        check_core(read_knowledge_base(data))
    assert any(
        "'NOPE'" in str(p) and p.item_id == "pulmonary_embolism" for p in caught.value.problems
    )


def test_a_negation_in_an_escalating_rule_is_refused(tmp_path: Path) -> None:
    data = _broken_copy(
        tmp_path,
        "concerns.yaml",
        "          symptom: [shortness_of_breath, chest_pain, coughing_blood]",
        "          not: {symptom: [shortness_of_breath, chest_pain, coughing_blood]}",
    )
    with pytest.raises(KnowledgeBaseError, match="may not use `not`"):
        check_core(read_knowledge_base(data))


def test_a_typo_in_a_rule_vocabulary_names_the_allowed_values(tmp_path: Path) -> None:
    data = _broken_copy(
        tmp_path, "concerns.yaml", "symptom: saddle_numbness", "symptom: saddle_numbnes"
    )
    with pytest.raises(KnowledgeBaseError) as caught:
        read_knowledge_base(data)
    assert "unknown symptom ['saddle_numbnes']" in str(caught.value)
    assert caught.value.problems[0].line is not None


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    data = _broken_copy(tmp_path, "factors.yaml", "systems:\n", "systems: [\n")
    with pytest.raises(KnowledgeBaseError, match="invalid YAML") as caught:
        read_knowledge_base(data)
    assert caught.value.problems[0].file == "factors.yaml"
