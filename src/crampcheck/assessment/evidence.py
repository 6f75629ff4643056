"""Evidence: the answers in the input that make a condition true (or false)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer of the input: its contract path and value (medications: the text given)."""

    path: str
    value: str | float | bool

    def __str__(self) -> str:
        value = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool):
            value = str(value).lower()
        return f"{self.path}: {value}"


Evidence = tuple[Answer, ...]


def merge(*groups: Evidence) -> Evidence:
    """Concatenate evidence, keeping first occurrences in order."""
    seen: dict[Answer, None] = {}
    for group in groups:
        for answer in group:
            seen.setdefault(answer, None)
    return tuple(seen)
