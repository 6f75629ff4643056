"""Invariants of match_medication for arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crampcheck.medications import MatchStatus, load_medication_catalog, match_medication

CATALOG = load_medication_catalog()
NAMES = sorted(CATALOG.keys())


def _check(text: str) -> None:
    match = match_medication(text, CATALOG)
    assert match.input == text
    if match.status is MatchStatus.UNKNOWN:
        assert match.generic is None and match.classes == () and match.effects == ()
        return
    assert match.classes and match.drug_class == match.classes[0]
    assert all(class_id in CATALOG.classes for class_id in match.classes)
    assert all(generic in CATALOG.drugs for generic in match.generics)
    assert match.cramp_association is not None
    if match.status is MatchStatus.CLASS_ONLY:
        assert match.generic is None
    else:
        assert match.generic == match.generics[0]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_gives_unknown_or_a_valid_match(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES), st.text(alphabet="0123456789 ,.mgx/-+", max_size=12))
def test_catalog_names_with_noise_give_a_valid_match(name: str, noise: str) -> None:
    _check(f"{name} {noise}")
