"""Evidence: the answers in the input that make a condition true (or false)."""

from __future__ import annotations

from itertools import chain
from typing import NamedTuple


class Answer(NamedTuple):
    """One answer of the input: its contract path and value (medications: the text given)."""

    path: str
    value: str | float | bool


Evidence = tuple[Answer, ...]


def merge(*groups: Evidence) -> Evidence:
    """Concatenate evidence, keeping first occurrences in order."""
    return tuple(dict.fromkeys(chain.from_iterable(groups)))
