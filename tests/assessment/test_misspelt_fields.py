"""A misspelt field name is an input error naming the field meant, never "not asked"
(contract: "Unknown field names"); other unknown fields are accepted and noted."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crampcheck import assess
from crampcheck.assessment.input import (
    AssessmentInput,
    CrampsInput,
    LifestyleInput,
    parse_input,
)
from crampcheck.errors import InputError

FIELDS = [
    *(("", name) for name in AssessmentInput.model_fields),
    *(("cramps", name) for name in CrampsInput.model_fields),
    *(("lifestyle", name) for name in LifestyleInput.model_fields),
]


def test_the_contracts_example_is_an_error_that_names_the_field() -> None:
    with pytest.raises(InputError) as caught:
        parse_input({"age": 50, "symtoms": ["chest_pain"]})
    (error,) = caught.value.errors
    assert error.path == "symtoms" and "did you mean symptoms" in error.message


@pytest.mark.parametrize("document", [{"medication": []}, {"cramp": {}}, {"Symptoms": []}])
def test_near_names_of_the_top_level_are_errors(document: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        parse_input({"age": 50, **document})


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(FIELDS), st.data())
def test_one_edit_of_any_field_name_is_an_error(
    field: tuple[str, str], data: st.DataObject
) -> None:
    section, name = field
    position = data.draw(st.integers(0, len(name) - 1))
    edit = data.draw(st.sampled_from(["drop", "double", "swap"]))
    if edit == "drop":
        wrong = name[:position] + name[position + 1 :]
    elif edit == "double":
        wrong = name[:position] + name[position] * 2 + name[position + 1 :]
    else:
        wrong = name[:position] + "x" + name[position + 1 :]
    if not wrong or wrong in {known for part, known in FIELDS if part == section}:
        return  # the edit made another real field name
    document: dict[str, Any] = {"age": 50}
    if section:
        document[section] = {wrong: None}
    else:
        document[wrong] = None
    with pytest.raises(InputError) as caught:
        parse_input(document)
    assert any("did you mean" in error.message for error in caught.value.errors)


def test_other_unknown_fields_are_accepted_and_listed_in_the_notes() -> None:
    result = assess({"age": 50, "client_reference": "abc", "cramps": {"app_version": 3}})
    assert any("client_reference, cramps.app_version" in note for note in result.input_notes)
