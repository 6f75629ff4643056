"""Evidence: the answers in the input that make a condition true (or false)."""

from __future__ import annotations

from typing import NamedTuple


class Answer(NamedTuple):
    """One answer of the input: its contract path and value (medications: the text given)."""

    path: str
    value: str | float | bool


Evidence = tuple[Answer, ...]


def merge(*groups: Evidence) -> Evidence:
    """Concatenate evidence, keeping first occurrences in order."""
    seen: dict[Answer, None] = {}
    for group in groups:
        for answer in group:
            seen.setdefault(answer, None)
    return tuple(seen)
