"""The engine's modules compiled by Cython: in use, never stale, and exact with wide masks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import get_args

import pytest

import crampcheck.assessment.tokens as tokens
from crampcheck.assessment import refuse_stale_compiled_modules
from crampcheck.assessment.engine import assess
from crampcheck.assessment.evidence import Answer
from crampcheck.assessment.facts import Facts
from crampcheck.assessment.input import parse_input
from crampcheck.assessment.rulebook import rulebook_for
from crampcheck.assessment.vocabulary import Condition, Muscle, RecentEvent, Symptom, Timing
from crampcheck.knowledge.base import load_knowledge_base


def test_the_engine_runs_compiled() -> None:
    # scripts/bootstrap compiles it; the speed figures in bench/ assume it.
    assert Path(tokens.__file__).suffix == ".so", "run scripts/bootstrap to compile the engine"


def test_a_compiled_module_older_than_its_source_is_refused(tmp_path: Path) -> None:
    compiled = tmp_path / "tokens.cpython-311-x86_64-linux-gnu.so"
    source = tmp_path / "tokens.py"
    compiled.write_bytes(b"")
    source.write_text("")
    os.utime(compiled, (1_000, 1_000))
    os.utime(source, (2_000, 2_000))
    with pytest.raises(ImportError, match="scripts/bootstrap"):
        refuse_stale_compiled_modules(tmp_path)
    os.utime(compiled, (3_000, 3_000))
    refuse_stale_compiled_modules(tmp_path)  # up to date: accepted


def test_a_compiled_module_older_than_its_declarations_is_refused(tmp_path: Path) -> None:
    compiled = tmp_path / "tokens.cpython-311-x86_64-linux-gnu.so"
    compiled.write_bytes(b"")
    (tmp_path / "tokens.py").write_text("")
    declarations = tmp_path / "tokens.pxd"
    declarations.write_text("")
    os.utime(tmp_path / "tokens.py", (1_000, 1_000))
    os.utime(compiled, (2_000, 2_000))
    os.utime(declarations, (3_000, 3_000))
    with pytest.raises(ImportError, match=r"older tokens\.pxd"):
        refuse_stale_compiled_modules(tmp_path)


def test_evidence_stays_exact_beyond_64_answers() -> None:
    """Each answer is one bit of a Python integer, however many there are."""
    person = parse_input({"age": 70})
    evaluator = tokens.Evaluator(Facts(person), rulebook_for(load_knowledge_base()))
    answers = tuple(Answer("medications", f"medicine {n}") for n in range(150))
    mask = evaluator.bits(answers)
    assert mask.bit_count() == 150
    assert evaluator.answers(mask) == answers
    assert evaluator.answers(evaluator.bit(answers[140])) == (answers[140],)


def test_a_person_with_every_answer_gets_only_their_own_answers_as_why() -> None:
    document = {
        "age": 80,
        "symptoms": list(get_args(Symptom)),
        "conditions": list(get_args(Condition)),
        "recent_events": list(get_args(RecentEvent)),
        "cramps": {"muscles": list(get_args(Muscle)), "when": list(get_args(Timing))},
    }
    result = assess(document)
    assert result.urgency == "emergency"
    given = {("symptoms", s) for s in document["symptoms"]}
    given |= {("conditions", c) for c in document["conditions"]}
    given |= {("recent_events", e) for e in document["recent_events"]}
    given |= {("cramps.muscles", m) for m in document["cramps"]["muscles"]}
    given |= {("cramps.when", w) for w in document["cramps"]["when"]}
    given.add(("age", 80.0))
    items = [*result.concerns, *result.first_aid, *result.prevention_plan, *result.do_not]
    items += [factor for group in result.factors for factor in group["factors"]]
    for item in items:
        for answer in item["evidence"]:
            assert (answer["field"], answer["value"]) in given, item["id"]
