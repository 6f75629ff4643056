"""The compiled (DNF) evaluation agrees with the reference tree evaluation."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from crampcheck.assessment.evaluate import Context, completions, evaluate
from crampcheck.assessment.evaluator import Evaluator
from crampcheck.assessment.facts import Facts
from crampcheck.assessment.input import parse_input
from crampcheck.assessment.medicines import match_medicines
from crampcheck.assessment.rulebook import rulebook_for
from crampcheck.assessment.triage import overall_urgency, raise_concerns
from crampcheck.contract.vocabulary import URGENCY_RANK
from crampcheck.knowledge.loading import load_knowledge_base
from tests.assessment.strategies import valid_inputs


@settings(max_examples=300, deadline=None)
@given(valid_inputs())
def test_compiled_rules_and_factors_agree_with_the_tree(document: dict[str, Any]) -> None:
    knowledge = load_knowledge_base()
    book = rulebook_for(knowledge)
    person = parse_input(document)
    facts = Facts(person, match_medicines(person))
    evaluator = Evaluator(facts, book)
    context = Context(facts)
    conditions = [(compiled.rule.when, compiled.condition) for compiled in book.rules]
    conditions += [(compiled.factor.when, compiled.condition) for compiled in book.factors]
    for tree, compiled in conditions:
        truth, tree_evidence = evaluate(tree, context)
        compiled_evidence = evaluator.holds(compiled)
        assert (truth is True) == (compiled_evidence is not None), tree
        if compiled_evidence is not None:
            assert set(tree_evidence) == set(evaluator.answers(compiled_evidence))


@settings(max_examples=200, deadline=None)
@given(valid_inputs())
def test_the_leaf_index_finds_exactly_the_conditions_that_hold(document: dict[str, Any]) -> None:
    book = rulebook_for(load_knowledge_base())
    person = parse_input(document)
    facts = Facts(person, match_medicines(person))
    evaluator = Evaluator(facts, book)
    rules = [rule.condition for rule in book.rules]
    factors = [factor.condition for factor in book.factors]
    for index, conditions in ((book.rule_index, rules), (book.factor_index, factors)):
        expected = {}
        for number, condition in enumerate(conditions):
            evidence = evaluator.holds(condition)
            if evidence is not None:
                expected[number] = evidence
        assert evaluator.satisfied(index) == expected


@settings(max_examples=200, deadline=None)
@given(valid_inputs())
def test_the_not_asked_search_agrees_with_the_tree(document: dict[str, Any]) -> None:
    """The indexed search for "one more yes would raise the urgency" finds exactly the
    one-answer completions of the reference evaluator, for every rule above the result."""
    book = rulebook_for(load_knowledge_base())
    person = parse_input(document)
    facts = Facts(person, match_medicines(person))
    evaluator = Evaluator(facts, book)
    urgency = overall_urgency(raise_concerns(book, evaluator))
    found = {
        (number, book.leaves[i]) for number, i in evaluator.single_missing(book.above[urgency])
    }
    context = Context(facts)
    expected = {
        (number, leaf)
        for number, compiled in enumerate(book.rules)
        if URGENCY_RANK[compiled.urgency] > URGENCY_RANK[urgency]
        for completion in completions(compiled.rule.when, context)
        if len(completion) == 1
        for leaf in completion
    }
    assert found == expected
