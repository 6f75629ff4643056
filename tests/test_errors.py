"""Input errors: an English `message` for programs, the same sentence in a reader's language."""

from __future__ import annotations

import pickle

import pytest

from crampcheck.diary.fields import parse_severity
from crampcheck.errors import (
    FieldError,
    InvalidValue,
    field_error,
    field_error_from,
    plural_field_error,
)
from crampcheck.i18n import Translator, load_translator

ENGLISH = load_translator("en")
SEVERITY = "must be a whole number from {low} to {high}, got {text}"
AT_LEAST = (
    "String should have at least {count} character (got {got})",
    "String should have at least {count} characters (got {got})",
)


def test_the_message_is_the_filled_in_english_and_str_is_unchanged() -> None:
    error = field_error("age", SEVERITY, low=0, high=10, text="'12'")
    assert error.message == "must be a whole number from 0 to 10, got '12'"
    assert str(error) == "age: must be a whole number from 0 to 10, got '12'"
    # Equality (and hashing) look at what is shown, not at how it was built.
    assert error == FieldError("age", "must be a whole number from 0 to 10, got '12'")
    assert len({error, FieldError(error.path, error.message)}) == 1


def test_a_catalog_translates_the_sentence_and_keeps_the_values(
    german_catalog: Translator,
) -> None:
    error = field_error("age", SEVERITY, low=0, high=10, text="'12'")
    assert error.translated(german_catalog) == (
        "age: muss eine ganze Zahl von 0 bis 10 sein, angegeben: '12'"
    )
    assert error.translated(ENGLISH) == str(error)
    assert error.message == "must be a whole number from 0 to 10, got '12'"  # still English


def test_a_sentence_without_a_translation_falls_back_to_english(
    german_catalog: Translator,
) -> None:
    error = field_error("id", "no cramp with id {id}; see `diary list`", id=7)
    assert error.translated_message(german_catalog) == "no cramp with id 7; see `diary list`"


def test_a_plural_sentence_takes_the_form_of_its_count(german_catalog: Translator) -> None:
    one = plural_field_error("name", *AT_LEAST, count=1, got="''")
    three = plural_field_error("name", *AT_LEAST, count=3, got="'ab'")
    assert one.message == "String should have at least 1 character (got '')"
    assert three.message == "String should have at least 3 characters (got 'ab')"
    assert three.translated_message(german_catalog) == (
        "Der Text braucht mindestens 3 Zeichen (angegeben: 'ab')"
    )


def test_a_parsers_invalid_value_carries_its_sentence(german_catalog: Translator) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_severity("12")
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == "must be a whole number from 0 to 10, got '12'"
    error = field_error_from("--severity", caught.value)
    assert error.message == str(caught.value)
    assert error.translated_message(german_catalog) == (
        "muss eine ganze Zahl von 0 bis 10 sein, angegeben: '12'"
    )


def test_text_that_is_not_ours_is_shown_as_it_is(german_catalog: Translator) -> None:
    error = field_error_from("$", ValueError("Expecting value: line 1 column 1 (char 0)"))
    assert error.wording is None
    assert error.translated(german_catalog) == "$: Expecting value: line 1 column 1 (char 0)"


def test_an_invalid_value_crosses_processes_with_its_sentence() -> None:
    error = InvalidValue("must be one of {allowed}, got {text}", allowed="a, b", text="'{x}'")
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) == "must be one of a, b, got '{x}'"
    assert copy.wording.template == error.wording.template
