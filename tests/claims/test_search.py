"""Search finds the claims that answer questions as people ask them."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crampcheck.claims import ClaimIndex, load_claim_index, load_claims_file
from crampcheck.knowledge.claims import Verdict


@pytest.fixture(scope="module")
def index() -> ClaimIndex:
    return load_claim_index()


def top_ids(index: ClaimIndex, query: str, count: int = 3) -> list[str]:
    return [hit.id for hit in index.search(query)[:count]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("does a needle prick stop a cramp?", {"C094", "C240"}),
        ("is magnesium good for cramps", {"C212", "C113", "C162", "C027", "C099"}),
        ("magnesum", {"C212", "C113", "C162", "C027", "C099"}),
        ("tonic water", {"T001"}),
        ("quinine", {"T001"}),
        ("should I drink more water", {"C050", "C210", "C118"}),
        ("bananas potassium", {"C052", "C213"}),
        ("pickle juice", {"T002"}),
        ("vodka tincture for children", {"C143"}),
        ("is a cramp that lasts 20 minutes normal", {"C224", "C034"}),
        ("charley horse", {"C189"}),
        ("rub camphor and garlic on the calf", {"C144"}),
    ],
)
def test_question_finds_the_claims_that_answer_it(
    index: ClaimIndex, query: str, expected: set[str]
) -> None:
    assert expected & set(top_ids(index, query)), index.search(query)


def test_needle_question_puts_both_unsafe_needle_claims_first(index: ClaimIndex) -> None:
    hits = index.search("does a needle prick stop a cramp?")
    assert {hit.id for hit in hits[:2]} == {"C094", "C240"}
    assert all(hit.verdict is Verdict.UNSAFE and hit.safer_advice for hit in hits[:2])


def test_synonym_finds_claims_that_use_another_word(index: ClaimIndex) -> None:
    # Neither unsafe needle claim says "puncture"; the synonym list links it to needle/pin.
    assert {"C094", "C240"} <= set(top_ids(index, "puncture the muscle"))


@pytest.mark.parametrize("query", ["", "   ", "does a for the", "?!", "🙂", "\x00"])
def test_query_without_a_meaningful_word_finds_nothing(index: ClaimIndex, query: str) -> None:
    assert index.search(query) == []


def test_limit_bounds_the_results_and_ranking_is_best_first(index: ClaimIndex) -> None:
    hits = index.search("stretch calf night", limit=4)
    assert len(hits) == 4
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert index.search("stretch", limit=0) == []


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=200), limit=st.integers(min_value=-3, max_value=300))
def test_any_query_returns_a_bounded_list_without_raising(
    index: ClaimIndex, query: str, limit: int
) -> None:
    hits = index.search(query, limit=limit)
    assert len(hits) <= max(limit, 0)
    assert all(hit.score > 0 for hit in hits)


def test_index_build_and_queries_are_fast() -> None:
    claims_file = load_claims_file()
    ClaimIndex(claims_file)  # warm caches (stemmer) as a running program would
    start = time.perf_counter()
    index = ClaimIndex(claims_file)
    build = time.perf_counter() - start
    queries = ["does a needle prick stop a cramp?", "is magnesium good", "magnesum", "water"]
    start = time.perf_counter()
    for query in queries * 25:
        index.search(query)
    per_query = (time.perf_counter() - start) / (len(queries) * 25)
    # Generous bounds (the brief: build < 150 ms, query < 5 ms) so slow CI machines pass.
    assert build < 0.5
    assert per_query < 0.02
