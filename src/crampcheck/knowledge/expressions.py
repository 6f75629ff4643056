"""The small declarative language in which the knowledge base states when something applies.

A condition is a YAML mapping with one key:

- combinators: ``all: [..]``, ``any: [..]``, ``not: {..}``, ``at_least: {n: 2, of: [..]}``
- answers: ``symptom``, ``condition``, ``event``, ``timing``, ``muscle``, ``side``,
  ``stretch_relief``, ``exercise``, ``habit``, ``sex``, ``flag`` — a value or a list (any of);
- medications: ``med_class``, ``med_effect`` (taken now or started recently) and the
  ``_started`` / ``_stopped`` variants (last 3 months);
- numbers: ``number: {field: cramps.per_week, gte: 3}`` (gt, gte, lt, lte);
- only for advice items, evaluated after the concerns: ``concern``, ``factor``, ``urgency``
  (``urgency: urgent`` means the result is urgent or higher).

Values are checked against the contract's vocabularies here; medication classes/effects and
factor ids are cross-checked when the whole knowledge base is loaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer

from crampcheck.contract.answers import (
    ANSWER_KINDS,
    CONCLUSION_KINDS,
    MEDICATION_KINDS,
    NUMERIC_FIELDS,
)

# Every kind a condition can test, with its allowed values (empty: cross-checked at load).
ANSWER_VOCABULARY: dict[str, tuple[str, ...]] = {
    **{name: kind.values for name, kind in ANSWER_KINDS.items()},
    **{name: values for name, values in CONCLUSION_KINDS.items() if values},
}
CONTEXT_KINDS = frozenset(CONCLUSION_KINDS)
COMPARISONS = ("gt", "gte", "lt", "lte")


@dataclass(frozen=True, slots=True)
class Atom:
    """True when the answer `kind` holds any of `values`."""

    kind: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Compare:
    """True when the number at `field` satisfies `op threshold`."""

    field: str
    op: str
    threshold: float


@dataclass(frozen=True, slots=True)
class AllOf:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class AtLeast:
    n: int
    children: tuple[Node, ...]


Node = Atom | Compare | AllOf | AnyOf | Not | AtLeast


def parse(raw: Any) -> Node:
    """Turn the YAML form of a condition into a tree; ValueError says what is wrong."""
    if isinstance(raw, Atom | Compare | AllOf | AnyOf | Not | AtLeast):
        return raw
    if not isinstance(raw, dict) or len(raw) != 1:
        raise ValueError(f"a condition is a mapping with exactly one key, got {raw!r}")
    ((key, value),) = raw.items()
    if key in ("all", "any"):
        children = tuple(parse(child) for child in _as_list(key, value))
        return AllOf(children) if key == "all" else AnyOf(children)
    if key == "not":
        return Not(parse(value))
    if key == "at_least":
        return _parse_at_least(value)
    if key == "number":
        return _parse_compare(value)
    return _parse_atom(key, value)


def _as_list(key: str, value: Any) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"'{key}' needs a non-empty list of conditions")
    return value


def _parse_at_least(value: Any) -> AtLeast:
    if not isinstance(value, dict) or set(value) != {"n", "of"}:
        raise ValueError("'at_least' needs exactly the keys n and of")
    children = tuple(parse(child) for child in _as_list("at_least.of", value["of"]))
    n = value["n"]
    if not isinstance(n, int) or not 1 <= n <= len(children):
        raise ValueError(f"'at_least.n' must be a whole number from 1 to {len(children)}")
    return AtLeast(n, children)


def _parse_compare(value: Any) -> Compare:
    if not isinstance(value, dict) or len(value) != 2 or "field" not in value:
        raise ValueError("'number' needs a field and one of gt, gte, lt, lte")
    field = value["field"]
    if field not in NUMERIC_FIELDS:
        raise ValueError(f"unknown number field {field!r}; allowed: {', '.join(NUMERIC_FIELDS)}")
    (op,) = (key for key in value if key != "field")
    threshold = value[op]
    if op not in COMPARISONS or isinstance(threshold, bool):
        raise ValueError(f"'number' comparison must be one of {', '.join(COMPARISONS)}")
    if not isinstance(threshold, int | float):
        raise ValueError(f"'number.{op}' must be a number, got {threshold!r}")
    return Compare(field, op, float(threshold))


def _parse_atom(kind: str, value: Any) -> Atom:
    values = tuple(value) if isinstance(value, list) else (value,)
    if not values or not all(isinstance(item, str) for item in values):
        raise ValueError(f"'{kind}' needs a name or a list of names, got {value!r}")
    if kind in ANSWER_VOCABULARY:
        allowed = ANSWER_VOCABULARY[kind]
        unknown = [item for item in values if item not in allowed]
        if unknown:
            raise ValueError(f"unknown {kind} {unknown}; allowed: {', '.join(allowed)}")
    elif kind not in MEDICATION_KINDS and kind != "factor":
        known = sorted([*ANSWER_VOCABULARY, *MEDICATION_KINDS, "factor", "number"])
        raise ValueError(f"unknown condition {kind!r}; allowed: {', '.join(known)}")
    return Atom(kind, values)


def atoms(node: Node) -> Iterator[Atom | Compare]:
    """Every leaf of a condition."""
    if isinstance(node, Atom | Compare):
        yield node
    elif isinstance(node, Not):
        yield from atoms(node.child)
    else:
        for child in node.children:
            yield from atoms(child)


def has_negation(node: Node) -> bool:
    """Whether a condition contains `not` anywhere."""
    if isinstance(node, Not):
        return True
    if isinstance(node, AllOf | AnyOf | AtLeast):
        return any(has_negation(child) for child in node.children)
    return False


def to_plain(node: Node) -> Any:
    """A condition back in its YAML form (for documentation)."""
    if isinstance(node, Atom):
        return {node.kind: list(node.values) if len(node.values) > 1 else node.values[0]}
    if isinstance(node, Compare):
        return {"number": {"field": node.field, node.op: node.threshold}}
    if isinstance(node, Not):
        return {"not": to_plain(node.child)}
    if isinstance(node, AtLeast):
        return {"at_least": {"n": node.n, "of": [to_plain(child) for child in node.children]}}
    key = "all" if isinstance(node, AllOf) else "any"
    return {key: [to_plain(child) for child in node.children]}


Expression = Annotated[Node, BeforeValidator(parse), PlainSerializer(to_plain)]
