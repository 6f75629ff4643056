"""The full knowledge-base check behind `crampcheck kb check`: every file, every reference."""

from __future__ import annotations

from collections import Counter
from typing import Any

from crampcheck.contract import vocabulary as vocab
from crampcheck.errors import KnowledgeBaseError, KnowledgeBaseProblem
from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.crosscheck import check_medication_references
from crampcheck.knowledge.loading import load_knowledge_base
from crampcheck.knowledge.questions import QuestionKind


def audit_knowledge_base() -> dict[str, Any]:
    """Validate and cross-check all files, including medications and claims; return coverage.

    Raises `KnowledgeBaseError` with every problem found.
    """
    from crampcheck.claims import load_claims_file
    from crampcheck.knowledge.help_numbers import load_help_numbers
    from crampcheck.medications import load_medication_catalog

    knowledge = load_knowledge_base()
    load_help_numbers()  # validated on load
    catalog = load_medication_catalog()
    claims = load_claims_file()
    check_medication_references(knowledge, set(catalog.classes), set(catalog.effects))
    problems = _unknown_sources(knowledge, catalog.data, claims)
    if problems:
        raise KnowledgeBaseError(problems)
    return _coverage(knowledge, catalog, claims)


def _unknown_sources(
    knowledge: KnowledgeBase, medications: Any, claims: Any
) -> list[KnowledgeBaseProblem]:
    problems = []
    groups = [
        ("medications.yaml", [*medications.effects, *medications.classes, *medications.drugs]),
        ("medications.yaml", [*medications.combinations, *medications.lay_terms]),
        ("claims.yaml", [*claims.claims, *getattr(claims, "topics", [])]),
    ]
    for file, items in groups:
        for item in items:
            item_id = getattr(item, "id", None) or getattr(item, "generic", None)
            for key in item.sources:
                if key not in knowledge.sources:
                    message = f"source {key!r} is not in bibliography.yaml"
                    problems.append(KnowledgeBaseProblem(file, item.source_line, item_id, message))
    return problems


def _coverage(knowledge: KnowledgeBase, catalog: Any, claims: Any) -> dict[str, Any]:
    asked = {
        option.value
        for question in knowledge.questions
        if question.kind is QuestionKind.SYMPTOMS
        for option in question.options
    }
    drugs = catalog.data.drugs
    brands = Counter(
        market for drug in drugs for market, names in drug.brands.items() for _ in names
    )
    return {
        "concerns": {"total": len(knowledge.concerns), "rules": len(knowledge.rules())},
        "rules by urgency": dict(Counter(rule.urgency for _, rule in knowledge.rules())),
        "factors by system": dict(Counter(str(f.system) for f in knowledge.factors)),
        "advice by kind": dict(Counter(str(i.kind) for i in knowledge.interventions)),
        "advice by grade": dict(Counter(str(i.grade) for i in knowledge.interventions)),
        "questions": {
            "total": len(knowledge.questions),
            "symptoms covered": len(asked),
            "symptoms in contract": len(vocab.SYMPTOMS),
        },
        "medications": {
            "drugs": len(drugs),
            "classes": len(catalog.data.classes),
            "combinations": len(catalog.data.combinations),
            "lay terms": len(catalog.data.lay_terms),
        },
        "brand names by market": {str(market): count for market, count in sorted(brands.items())},
        "claims by verdict": dict(Counter(str(c.verdict) for c in claims.claims)),
        "sources": {
            "total": len(knowledge.sources),
            "to verify": sum(s.verify for s in knowledge.sources.values()),
        },
        "items flagged to verify": sum(
            item.verify
            for item in [*knowledge.concerns, *knowledge.factors, *knowledge.interventions, *drugs]
        ),
    }
