"""Evidence: the answers in the input that make a condition true (or false)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import chain
from typing import NamedTuple


class Answer(NamedTuple):
    """One answer of the input: its contract path and value (medications: the text given)."""

    path: str
    value: str | float | bool


Evidence = tuple[Answer, ...]

# `Answer(path, value)` made from the pair without the `__new__` that NamedTuple writes in
# Python (an interpreted call even from compiled code; ~15 answers per assessment).
new_answer: Callable[[tuple[str, str | float | bool]], Answer] = partial(tuple.__new__, Answer)


def merge(*groups: Evidence) -> Evidence:
    """Concatenate evidence, keeping first occurrences in order."""
    return tuple(dict.fromkeys(chain.from_iterable(groups)))
