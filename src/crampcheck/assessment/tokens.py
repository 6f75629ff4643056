"""The facts about one person as tokens — ("symptom", "fever") → the answers behind it — and
the evaluator that tests compiled conditions against them."""

from __future__ import annotations

from itertools import chain

from crampcheck.assessment.evaluate import Context, evaluate
from crampcheck.assessment.evidence import Answer, Evidence, merge
from crampcheck.assessment.facts import Facts
from crampcheck.assessment.rulebook import (
    ConditionIndex,
    IndexedCondition,
    RaisingIndex,
    Rulebook,
)
from crampcheck.knowledge.expressions import Atom, Compare

Token = tuple[str, str]
# Answer kinds given as a list: "not asked" exactly when the list is missing.
_LIST_OWNERS = {
    "condition": ("", "conditions"),
    "event": ("", "recent_events"),
    "timing": ("cramps", "when"),
    "muscle": ("cramps", "muscles"),
}

# (token kind, answer path, section of the input or None, attribute)
_LIST_FIELDS = (
    ("condition", "conditions", None, "conditions"),
    ("event", "recent_events", None, "recent_events"),
    ("timing", "cramps.when", "cramps", "when"),
    ("muscle", "cramps.muscles", "cramps", "muscles"),
)
_SINGLE_FIELDS = (
    ("sex", "sex", None, "sex"),
    ("side", "cramps.side", "cramps", "side"),
    ("stretch_relief", "cramps.relieved_by_stretching", "cramps", "relieved_by_stretching"),
    ("exercise", "lifestyle.exercise", "lifestyle", "exercise"),
)
_FLAGS = ("wakes_from_sleep", "pregnant", "postpartum", "has_medications")


def person_tokens(facts: Facts) -> dict[Token, Evidence]:
    """Every positive fact of the input as a token, with the answer that states it."""
    tokens: dict[Token, list[Answer]] = {}
    data = facts.data
    # Lists in input order and sets sorted: token order decides evidence order, and the
    # result must not depend on the process's string hashing (PYTHONHASHSEED).
    for symptom in dict.fromkeys(data.symptoms or ()):
        tokens.setdefault(("symptom", symptom), []).append(Answer("symptoms", symptom))
    for kind, path, section, name in _LIST_FIELDS:
        owner = getattr(data, section) if section else data
        for value in (getattr(owner, name) if owner else None) or ():
            tokens.setdefault((kind, value), []).append(Answer(path, value))
    for kind, path, section, name in _SINGLE_FIELDS:
        owner = getattr(data, section) if section else data
        value = getattr(owner, name) if owner else None
        if value is not None:
            tokens.setdefault((kind, value), []).append(Answer(path, value))
    if data.lifestyle is not None:
        for name, value in data.lifestyle:
            if value is True:
                tokens.setdefault(("habit", name), []).append(Answer(f"lifestyle.{name}", True))
    for flag in _FLAGS:
        truth, evidence = facts.flag_finding(flag)
        if truth:
            tokens.setdefault(("flag", flag), []).extend(evidence)
    for entry in facts.medicines:
        answer = Answer(entry.field, entry.text)
        for token in entry.tokens:
            tokens.setdefault(token, []).append(answer)
    # Most tokens rest on one answer: nothing to de-duplicate.
    return {
        token: (answers[0],) if len(answers) == 1 else tuple(dict.fromkeys(answers))
        for token, answers in tokens.items()
    }


class Evaluator:
    """Tests compiled conditions for one person.

    Answer leaves are true when one of their tokens is among the person's tokens (found by
    looking up the person's own tokens); numbers are computed once. `add_tokens` makes
    conclusions (("concern", id), ("factor", id), ("urgency", level)) testable by advice.
    `context` is the reference evaluator's view, used for `not` and to tell "no" from
    "not asked".
    """

    def __init__(self, facts: Facts, tokens: dict[Token, Evidence], book: Rulebook) -> None:
        self.facts = facts
        self.book = book
        self.context = Context(facts)
        self.true: list[Evidence | None] = [None] * len(book.leaves)
        self.mask = 0  # bit i set: leaf i is true
        self.true_ids: list[int] = []  # the same leaves as a list, in the order found
        self._negative: dict[int, Evidence | None] = {}
        self._not_asked: dict[int, bool] = {}
        self.add_tokens(tokens)
        for field, comparisons in book.comparisons:
            value = facts.number(field)
            if value is None:
                continue
            evidence = (Answer(field, value),)
            for leaf_id, compare, threshold in comparisons:
                if compare(value, threshold):
                    self.true[leaf_id] = evidence
                    self.mask |= 1 << leaf_id
                    self.true_ids.append(leaf_id)

    def add_tokens(self, tokens: dict[Token, Evidence]) -> None:
        """Mark the leaves these tokens make true."""
        true = self.true
        for token, evidence in tokens.items():
            for leaf_id in self.book.token_leaves.get(token, ()):
                known = true[leaf_id]
                if known is None:
                    true[leaf_id] = evidence
                    self.mask |= 1 << leaf_id
                    self.true_ids.append(leaf_id)
                else:
                    true[leaf_id] = merge(known, evidence)

    def _false(self, leaf_id: int) -> Evidence | None:
        """Evidence that the leaf is false — "no", not merely "not asked"; None otherwise."""
        if leaf_id in self.book.conclusion_leaves:  # a conclusion not reached: false, no answer
            return None if self.mask >> leaf_id & 1 else ()
        if leaf_id not in self._negative:
            truth, evidence = evaluate(self.book.leaves[leaf_id], self.context)
            self._negative[leaf_id] = evidence if truth is False else None
        return self._negative[leaf_id]

    def holds(self, condition: IndexedCondition) -> Evidence | None:
        """The merged evidence of every satisfied alternative; None when none is satisfied."""
        mask, true = self.mask, self.true
        parts: list[Evidence] = []
        for conjunct in condition:
            if conjunct.required & ~mask:
                continue
            negative = [self._false(i) for i in conjunct.negatives]
            if any(evidence is None for evidence in negative):
                continue
            parts += [true[i] or () for i in conjunct.positives]
            parts += [evidence or () for evidence in negative]
            if not parts:
                parts.append(())
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else merge(*parts)

    def satisfied(self, index: ConditionIndex) -> dict[int, Evidence]:
        """The items of `index` whose condition holds, with their evidence, in item order."""
        not_true, true = ~self.mask, self.true  # not_true: computed once, not per conjunct
        found: dict[int, Evidence] = {}
        # Only conjuncts filed under a true leaf can hold (and those needing no true leaf).
        groups = filter(None, map(index.by_leaf.get, self.true_ids))
        for group in chain((index.always,), groups):
            for item, required, positives, negatives in group:
                if required & not_true:
                    continue
                if negatives:
                    negative = list(map(self._false, negatives))
                    if None in negative:
                        continue
                    evidence = merge(*map(true.__getitem__, positives), *negative)  # type: ignore[arg-type]
                elif len(positives) == 1:  # the usual case: one answer leaf
                    evidence = true[positives[0]]  # type: ignore[assignment]
                else:
                    evidence = merge(*map(true.__getitem__, positives))  # type: ignore[arg-type]
                known = found.get(item)
                found[item] = evidence if known is None else merge(known, evidence)
        return dict(sorted(found.items()))

    def single_missing(self, index: RaisingIndex) -> list[tuple[int, int]]:
        """(rule number, leaf id) for each conjunct of `index` that one unasked leaf, answered
        yes, would satisfy; in rule order."""
        mask, denied = self.mask, self.facts.denied
        found = []
        for order, number, leaf_id, symptoms in index.singles:
            if mask >> leaf_id & 1:
                continue  # already yes
            if symptoms is not None:  # asked only when every one of them was denied
                if denied and denied.issuperset(symptoms):
                    continue
            elif not self._unasked(leaf_id):
                continue
            found.append((order, number, leaf_id))
        true_counts: dict[int, int] = {}  # position in index.multi -> its leaves that are true
        for leaf_id in self.true_ids:
            for position in index.by_leaf.get(leaf_id, ()):
                true_counts[position] = true_counts.get(position, 0) + 1
        for position, count in true_counts.items():
            order, number, conjunct, size = index.multi[position]
            if size - count != 1:
                continue
            if conjunct.negatives and any(self._false(i) is None for i in conjunct.negatives):
                continue
            leaf_id = (conjunct.required & ~mask).bit_length() - 1
            if self._unasked(leaf_id):
                found.append((order, number, leaf_id))
        found.sort()
        return [(number, leaf_id) for _, number, leaf_id in found]

    def _unasked(self, leaf_id: int) -> bool:
        """Whether a leaf that is not true was not asked (rather than answered "no")."""
        if leaf_id not in self._not_asked:
            leaf = self.book.leaves[leaf_id]
            data = self.facts.data
            if isinstance(leaf, Atom) and leaf.kind == "symptom":
                # Not reported (or it would be true): asked only if every value was denied.
                unasked = not self.facts.denied.issuperset(leaf.values)
            elif isinstance(leaf, Atom) and leaf.kind in _LIST_OWNERS:
                section, name = _LIST_OWNERS[leaf.kind]
                owner = getattr(data, section) if section else data
                unasked = owner is None or getattr(owner, name) is None
            elif isinstance(leaf, Compare):
                unasked = self.facts.number(leaf.field) is None
            else:
                unasked = evaluate(leaf, self.context)[0] is None
            self._not_asked[leaf_id] = unasked
        return self._not_asked[leaf_id]
