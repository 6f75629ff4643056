"""Invariants of the assessment, checked on generated inputs."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from crampcheck import assess
from crampcheck.contract import vocabulary as vocab
from crampcheck.contract.vocabulary import URGENCY_RANK
from tests.assessment.strategies import MEDICINE_NAMES, valid_inputs

EXAMPLES = settings(max_examples=300, deadline=None)


def _add_symptom(document: dict[str, Any], symptom: str) -> dict[str, Any]:
    worse = copy.deepcopy(document)
    worse["symptoms"] = list(dict.fromkeys([*worse.get("symptoms", []), symptom]))
    if "symptoms_denied" in worse:
        worse["symptoms_denied"] = [s for s in worse["symptoms_denied"] if s != symptom]
    return worse


def _add_to_list(document: dict[str, Any], field: str, value: str) -> dict[str, Any]:
    worse = copy.deepcopy(document)
    worse[field] = list(dict.fromkeys([*worse.get(field, []), value]))
    return worse


@EXAMPLES
@given(valid_inputs(), st.sampled_from(vocab.SYMPTOMS))
def test_adding_a_symptom_never_lowers_urgency(document: dict[str, Any], symptom: str) -> None:
    before = assess(document).urgency
    after = assess(_add_symptom(document, symptom)).urgency
    assert URGENCY_RANK[after] >= URGENCY_RANK[before]


@EXAMPLES
@given(valid_inputs(), st.sampled_from(vocab.CONDITIONS))
def test_adding_a_condition_never_lowers_urgency(document: dict[str, Any], condition: str) -> None:
    before = assess(document).urgency
    after = assess(_add_to_list(document, "conditions", condition)).urgency
    assert URGENCY_RANK[after] >= URGENCY_RANK[before]


@EXAMPLES
@given(valid_inputs(), st.sampled_from(vocab.RECENT_EVENTS))
def test_adding_an_event_never_lowers_urgency(document: dict[str, Any], event: str) -> None:
    before = assess(document).urgency
    after = assess(_add_to_list(document, "recent_events", event)).urgency
    assert URGENCY_RANK[after] >= URGENCY_RANK[before]


@EXAMPLES
@given(
    valid_inputs(),
    st.sampled_from(["medications", "medications_started_recently"]),
    st.sampled_from(MEDICINE_NAMES),
)
def test_adding_a_medicine_never_lowers_urgency(
    document: dict[str, Any], field: str, name: str
) -> None:
    before = assess(document).urgency
    after = assess(_add_to_list(document, field, name)).urgency
    assert URGENCY_RANK[after] >= URGENCY_RANK[before]


def _in_input(document: dict[str, Any], field: str, value: Any) -> bool:
    section, _, name = field.rpartition(".")
    owner = document.get(section, {}) if section else document
    given_value = owner.get(name)
    if isinstance(given_value, list):
        return value in given_value
    if isinstance(given_value, bool) or isinstance(value, bool):
        return given_value is value
    if isinstance(value, str):
        return given_value == value
    return given_value is not None and float(given_value) == float(value)


@EXAMPLES
@given(valid_inputs())
def test_every_why_names_answers_really_in_the_input(document: dict[str, Any]) -> None:
    result = assess(document)
    items: list[Any] = [*result.concerns, *result.first_aid, *result.prevention_plan]
    items += [*result.discuss_with_doctor, *result.do_not]
    items += [factor for group in result.factors for factor in group.factors]
    for item in items:
        for ref in item.evidence:
            assert _in_input(document, ref.field, ref.value), (item.id, ref)
    for concern in result.concerns:
        assert concern.why, concern.id
        assert len(concern.why) == len(concern.evidence)
        for line, ref in zip(concern.why, concern.evidence, strict=True):
            # Plain words for the person; the field path stays in `evidence` for programs.
            assert not line.startswith(f"{ref.field}: "), line
            assert str(ref.value) not in line or not _is_code(str(ref.value)), line


def _is_code(value: str) -> bool:
    """A vocabulary code such as ``calf_swelling_one_side`` (not a number or a name)."""
    return "_" in value and value.islower()


@settings(max_examples=100, deadline=None)
@given(valid_inputs())
def test_assessment_is_deterministic_and_always_says_when_to_seek_help(
    document: dict[str, Any],
) -> None:
    first, second = assess(document), assess(copy.deepcopy(document))
    assert first.to_json() == second.to_json()
    assert first.safety_net and first.disclaimer and first.urgency_action
    assert first.urgency == max(
        [c.urgency for c in first.concerns] or ["self_care"], key=URGENCY_RANK.__getitem__
    )


@settings(max_examples=100, deadline=None)
@given(valid_inputs())
def test_result_conforms_to_its_schema(document: dict[str, Any]) -> None:
    from crampcheck.assessment.result import load_assessment

    result = assess(document)
    assert load_assessment(result.to_json_bytes()) == result
    assert load_assessment(result.to_dict()) == result


@settings(max_examples=100, deadline=None)
@given(valid_inputs())
def test_items_kept_between_assessments_equal_items_made_anew(document: dict[str, Any]) -> None:
    """The engine reuses items (advice, medicines, not asked) across people; a kept item
    must be the one it would make from scratch, so it can never go stale in a result."""
    import orjson

    from crampcheck.assessment.wording import shared_words

    kept = assess(document)
    shared_words.cache_clear()
    assert assess(document) == kept
    assert orjson.loads(kept.to_json_bytes(indent=True)) == orjson.loads(kept.to_json())
