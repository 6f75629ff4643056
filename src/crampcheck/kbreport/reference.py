"""The knowledge-base reference (docs/knowledge-base.md), generated from the data files."""

from __future__ import annotations

from collections import Counter

from crampcheck.knowledge.base import KnowledgeBase
from crampcheck.knowledge.expressions import Node, to_plain
from crampcheck.knowledge.interventions import InterventionKind


def _condition(node: Node) -> str:
    return f"`{to_plain(node)}`".replace("'", "")


def _flag(verify: bool) -> str:
    return " ⚠ to verify" if verify else ""


def reference_markdown(
    knowledge: KnowledgeBase, drug_count: int, claim_counts: Counter[str]
) -> str:
    """Every concern with its rules, every factor and every advice item, as Markdown."""
    lines = [
        "# Knowledge-base reference",
        "",
        "Generated from `src/crampcheck/knowledge/data/` by `scripts/generate-kb-docs`;",
        "do not edit by hand. Evidence grades: E1 (systematic review / consistent RCTs),",
        "E2 (some RCT support), E3 (expert opinion, physiology, observational), E0 (tested,",
        "not shown to work), X (harmful or unsafe for self-care).",
        "",
        "## Concerns and their rules",
    ]
    for concern in knowledge.concerns:
        lines += ["", f"### `{concern.id}` — {concern.name}{_flag(concern.verify)}", ""]
        lines += [concern.summary, "", f"Sources: {', '.join(concern.sources)}", ""]
        lines += ["| rule | urgency | when | reason |", "|---|---|---|---|"]
        for rule in concern.rules:
            lines.append(
                f"| `{rule.id}` | {rule.urgency} | {_condition(rule.when)} | {rule.reason} |"
            )
        if concern.excluded_by:
            lines += ["", f"Not raised beside: {', '.join(concern.excluded_by)}."]
    lines += ["", "## Contributing factors by body system"]
    for system in knowledge.systems:
        lines += ["", f"### {system.name} (`{system.id}`)", "", system.role, ""]
        lines += ["| factor | strength | when | sources |", "|---|---|---|---|"]
        for factor in (f for f in knowledge.factors if f.system == system.id):
            cells = [f"`{factor.id}` {factor.name}", factor.strength, _condition(factor.when)]
            lines.append("| " + " | ".join([*cells, ", ".join(factor.sources)]) + " |")
    titles = {
        InterventionKind.FIRST_AID: "First aid",
        InterventionKind.PREVENTION: "Prevention",
        InterventionKind.DOCTOR: "To discuss with a doctor",
        InterventionKind.AVOID: "Do not",
    }
    lines += ["", "## Advice"]
    for kind, title in titles.items():
        lines += ["", f"### {title}", "", "| item | grade | for whom | not when | sources |"]
        lines += ["|---|---|---|---|---|"]
        for item in (i for i in knowledge.interventions if i.kind is kind):
            when = _condition(item.when) if item.when is not None else "everyone"
            against = _condition(item.withhold_when) if item.withhold_when else ""
            cells = [f"`{item.id}` {item.title}{_flag(item.verify)}", item.grade, when, against]
            lines.append("| " + " | ".join([*cells, ", ".join(item.sources)]) + " |")
    lines += ["", "## Medications and claims", ""]
    lines.append(
        f"`medications.yaml` lists {drug_count} generics; `crampcheck meds check` looks them up."
    )
    verdicts = ", ".join(f"{count} {verdict}" for verdict, count in sorted(claim_counts.items()))
    lines.append(f"`claims.yaml` holds the seed articles' claims: {verdicts}.")
    lines += ["", "## Sources", ""]
    for source in knowledge.sources.values():
        lines.append(f"- **{source.key}** {source.citation}{_flag(source.verify)}")
    return "\n".join(lines) + "\n"


def current_reference() -> str:
    """The reference for the packaged knowledge base."""
    from crampcheck.claims import load_claims_file
    from crampcheck.knowledge.loading import load_knowledge_base
    from crampcheck.medications import load_medication_catalog

    claims = Counter(str(claim.verdict) for claim in load_claims_file().claims)
    drugs = len(load_medication_catalog().data.drugs)
    return reference_markdown(load_knowledge_base(), drugs, claims)
