"""`set_bits`: the positions of a mask's set bits, for masks of any width."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crampcheck.assessment.bits import set_bits


def test_no_bits_in_zero() -> None:
    assert set_bits(0) == []


@given(st.integers(min_value=0, max_value=2**600))
def test_set_bits_rebuild_the_mask_lowest_first(mask: int) -> None:
    positions = set_bits(mask)
    assert positions == sorted(set(positions))
    assert sum(1 << position for position in positions) == mask
