"""The facts about one person as true leaves, and the evaluator that tests compiled
conditions against them.

Evidence is a bit mask over the person's answers (`Evaluator.slots`): bit i stands for
answer i. Merging evidence is `|`, so an item's answers are always listed in the order the
answers were read (the input's order), whatever rules and merges led to them.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain

from crampcheck.assessment.evaluate import Context, evaluate
from crampcheck.assessment.evidence import Answer, Evidence
from crampcheck.assessment.facts import Facts
from crampcheck.assessment.rulebook import (
    ASKED_IF_DENIED,
    ASKED_IF_GIVEN,
    ConditionIndex,
    IndexedCondition,
    RaisingIndex,
    Rulebook,
)
from crampcheck.contract.answers import ANSWER_KINDS, NotAsked

Mask = int  # evidence: bit i set means answer i of `Evaluator.slots`
_NONE: dict[str, tuple[int, ...]] = {}  # no leaf tests this kind of answer

# The kinds of answer read from a field of their own, in the contract table's order (the order
# answers are read, and so listed): (kind, path, section of the input or "", field, is a list).
_FIELD_KINDS = tuple(
    (kind.name, kind.path, *kind.section_and_name(), kind.is_list)
    for kind in ANSWER_KINDS.values()
    if kind.not_asked is not NotAsked.DERIVED and not kind.field_per_value
)


class Evaluator:
    """Tests compiled conditions for one person.

    Reading the input marks the answer leaves that the person's answers make true, each with
    the mask of those answers; numbers are compared once. `add_conclusions` makes conclusions
    (("concern", id), ("factor", id), ("urgency", level)) testable by advice. The reference
    evaluator (`evaluate`) is asked only to tell "no" from "not asked".
    """

    def __init__(self, facts: Facts, book: Rulebook) -> None:
        self.facts = facts
        self.book = book
        self.context = Context(facts)
        self.slots: list[Answer] = []  # the answers that are evidence, in reading order
        self._bits: dict[Answer, Mask] = {}
        self.evidence: list[Mask] = [0] * len(book.leaves)  # by leaf id, when it is true
        self.mask = 0  # bit i set: leaf i is true
        self.true_ids: list[int] = []  # the same leaves as a list (no order relied on)
        self._negative: dict[int, Mask | None] = {}
        self._not_asked: dict[int, bool] = {}
        self._read_answers()
        self._compare_numbers()

    # -- evidence -------------------------------------------------------------------------
    def bit(self, answer: Answer) -> Mask:
        """The mask of one answer (it gets the next slot when first seen)."""
        bit = self._bits.get(answer)
        if bit is None:
            bit = self._bits[answer] = 1 << len(self.slots)
            self.slots.append(answer)
        return bit

    def bits(self, answers: Evidence) -> Mask:
        """The mask of several answers."""
        mask = 0
        for answer in answers:
            mask |= self.bit(answer)
        return mask

    def answers(self, mask: Mask) -> Evidence:
        """The answers of a mask, in reading order."""
        slots, found = self.slots, []
        while mask:
            low = mask & -mask  # the lowest bit set
            found.append(slots[low.bit_length() - 1])
            mask ^= low
        return tuple(found)

    # -- reading the input ----------------------------------------------------------------
    def _mark(self, leaf_ids: tuple[int, ...], evidence: Mask) -> None:
        for leaf_id in leaf_ids:
            self.evidence[leaf_id] |= evidence
            if not self.mask >> leaf_id & 1:
                self.mask |= 1 << leaf_id
                self.true_ids.append(leaf_id)

    def _read_answers(self) -> None:
        """Every positive fact of the input, in reading order (which is evidence order)."""
        data, by_kind = self.facts.data, self.book.leaves_by_kind
        for kind, path, section, name, is_list in _FIELD_KINDS:
            owner = getattr(data, section) if section else data
            given = getattr(owner, name) if owner is not None else None
            if given is None:
                continue
            leaves = by_kind.get(kind, _NONE)
            for value in given if is_list else (given,):
                leaf_ids = leaves.get(value)
                if leaf_ids:
                    self._mark(leaf_ids, self.bit(Answer(path, value)))
        lifestyle = data.lifestyle
        if lifestyle is not None:
            for name, path, leaf_ids in self.book.habits:
                if getattr(lifestyle, name) is True:
                    self._mark(leaf_ids, self.bit(Answer(path, True)))
        for flag, leaf_ids in self.book.flags:
            truth, evidence = self.facts.flag_finding(flag)
            if truth:
                self._mark(leaf_ids, self.bits(evidence))
        for entry in self.facts.medicines:
            leaf_ids = self.book.medicine_leaves(entry.tokens)
            if leaf_ids:
                self._mark(leaf_ids, self.bit(Answer(entry.field, entry.text)))

    def _compare_numbers(self) -> None:
        data = self.facts.data
        for path, section, name, comparisons in self.book.comparisons:
            owner = getattr(data, section) if section else data
            value = getattr(owner, name) if owner is not None else None
            if value is None:
                continue
            value = float(value)
            held = [leaf for leaf, compare, threshold in comparisons if compare(value, threshold)]
            if held:
                self._mark(tuple(held), self.bit(Answer(path, value)))

    def add_conclusions(self, kind: str, found: dict[str, Mask]) -> None:
        """Mark the leaves that these conclusions of one kind ("concern", "factor" or
        "urgency": value -> the answers behind it) make true."""
        leaves = self.book.leaves_by_kind.get(kind, _NONE)
        for value, evidence in found.items():
            leaf_ids = leaves.get(value)
            if leaf_ids:
                self._mark(leaf_ids, evidence)

    # -- testing conditions ---------------------------------------------------------------
    def _false(self, leaf_id: int) -> Mask | None:
        """Evidence that the leaf is false — "no", not merely "not asked"; None otherwise."""
        if leaf_id in self.book.conclusion_leaves:  # a conclusion not reached: false, no answer
            return None if self.mask >> leaf_id & 1 else 0
        if leaf_id not in self._negative:
            truth, evidence = evaluate(self.book.leaves[leaf_id], self.context)
            self._negative[leaf_id] = self.bits(evidence) if truth is False else None
        return self._negative[leaf_id]

    def holds(self, condition: IndexedCondition) -> Mask | None:
        """The merged evidence of every satisfied alternative; None when none is satisfied."""
        found: Mask | None = None
        for conjunct in condition:
            evidence = self._conjunct(conjunct.required, conjunct.positives, conjunct.negatives)
            if evidence is not None:
                found = evidence if found is None else found | evidence
        return found

    def _conjunct(
        self, required: int, positives: tuple[int, ...], negatives: tuple[int, ...]
    ) -> Mask | None:
        if required & ~self.mask:
            return None
        evidence = 0
        for leaf_id in positives:
            evidence |= self.evidence[leaf_id]
        for leaf_id in negatives:
            against = self._false(leaf_id)
            if against is None:
                return None
            evidence |= against
        return evidence

    def satisfied(self, index: ConditionIndex) -> dict[int, Mask]:
        """The items of `index` whose condition holds, with their evidence (in no set order)."""
        mask, known = self.mask, self.evidence
        not_true = self.book.all_leaves ^ mask  # the leaves not true
        conclusions = self.book.conclusion_leaves
        found: dict[int, Mask] = {}
        # Only conjuncts filed under a true leaf can hold (and those needing no true leaf).
        groups = filter(None, map(index.by_leaf.get, self.true_ids))
        for group in chain((index.always,), groups):
            for item, others, positives, negatives in group:
                if others and others & not_true:
                    continue
                evidence = 0
                for leaf_id in negatives:
                    if leaf_id in conclusions:  # a conclusion not reached is false, on no answer
                        if mask >> leaf_id & 1:
                            break
                        continue
                    against = self._false(leaf_id)
                    if against is None:
                        break
                    evidence |= against
                else:
                    for leaf_id in positives:
                        evidence |= known[leaf_id]
                    found[item] = found.get(item, 0) | evidence
        return found

    def single_missing(self, index: RaisingIndex) -> list[tuple[int, int]]:
        """(rule number, leaf id) for each conjunct of `index` that one unasked leaf, answered
        yes, would satisfy; in rule order."""
        mask, denied, unasked = self.mask, self.facts.denied, self._unasked
        true = set(self.true_ids)  # membership without making big integers
        found = []
        for order, number, leaf_id, symptoms in index.singles:
            if leaf_id in true:
                continue  # already yes
            if symptoms is None:
                if not unasked(leaf_id):
                    continue
            elif symptoms <= denied:  # asked only when every one of them was denied
                continue
            found.append((order, number, leaf_id))
        # How many leaves of each multi-leaf conjunct are true: one short is a candidate.
        true_counts = Counter(
            position for leaf_id in true for position in index.by_leaf.get(leaf_id, ())
        )
        for position, count in true_counts.items():
            order, number, conjunct, size = index.multi[position]
            if size - count != 1:
                continue
            if conjunct.negatives and any(self._false(i) is None for i in conjunct.negatives):
                continue
            leaf_id = (conjunct.required & ~mask).bit_length() - 1
            if unasked(leaf_id):
                found.append((order, number, leaf_id))
        found.sort()
        return [(number, leaf_id) for _, number, leaf_id in found]

    def _unasked(self, leaf_id: int) -> bool:
        """Whether a leaf that is not true was not asked (rather than answered "no")."""
        known = self._not_asked.get(leaf_id)
        if known is not None:
            return known
        test, section, name, symptoms = self.book.asked_tests[leaf_id]
        if test == ASKED_IF_DENIED:
            # Not reported (or it would be true): asked only if every value was denied.
            unasked = not self.facts.denied.issuperset(symptoms)
        elif test == ASKED_IF_GIVEN:
            data = self.facts.data
            owner = getattr(data, section) if section else data
            # Given as null ("pregnancy_weeks": null: not pregnant) is an answer too.
            unasked = owner is None or name not in owner.model_fields_set
        else:
            unasked = evaluate(self.book.leaves[leaf_id], self.context)[0] is None
        self._not_asked[leaf_id] = unasked
        return unasked
