"""The loaded knowledge base: every data file validated and cross-checked together."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from crampcheck.knowledge.bibliography import BibliographyFile, Source
from crampcheck.knowledge.concerns import Concern, ConcernsFile, Rule
from crampcheck.knowledge.factors import Factor, FactorsFile, SystemDescription
from crampcheck.knowledge.interventions import Intervention, InterventionsFile
from crampcheck.knowledge.questions import Question, QuestionsFile
from crampcheck.knowledge.texts import TextsFile
from crampcheck.knowledge.withholding import WithholdCategory, WithholdingFile


def default_data_dir() -> Path:
    """The knowledge base shipped with crampcheck."""
    return Path(str(resources.files("crampcheck.knowledge").joinpath("data")))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per load
class KnowledgeBase:
    """Everything the assessment needs, validated. Medications and claims load separately
    (`crampcheck.medications`, `crampcheck.claims`) because most uses need only one of them."""

    data_dir: Path
    sources: dict[str, Source]
    concerns: tuple[Concern, ...]
    systems: tuple[SystemDescription, ...]
    factors: tuple[Factor, ...]
    interventions: tuple[Intervention, ...]
    questions: tuple[Question, ...]
    texts: TextsFile
    withholding: tuple[WithholdCategory, ...]

    def concern(self, concern_id: str) -> Concern:
        """The concern with this id (KeyError if none)."""
        return self._concerns_by_id[concern_id]

    @property
    def _concerns_by_id(self) -> dict[str, Concern]:
        return {concern.id: concern for concern in self.concerns}

    def rules(self) -> list[tuple[Concern, Rule]]:
        """Every rule with its concern, in file order."""
        return [(concern, rule) for concern in self.concerns for rule in concern.rules]


def read_knowledge_base(data_dir: Path | None = None) -> KnowledgeBase:
    """Read and validate the data files (no cross-checks; see `crosscheck`)."""
    from crampcheck.knowledge.yaml_source import load_file  # not needed when the cache hits

    data_dir = data_dir or default_data_dir()
    bibliography = load_file(data_dir / "bibliography.yaml", BibliographyFile)
    factors = load_file(data_dir / "factors.yaml", FactorsFile)
    return KnowledgeBase(
        data_dir=data_dir,
        sources={source.key: source for source in bibliography.sources},
        concerns=tuple(load_file(data_dir / "concerns.yaml", ConcernsFile).concerns),
        systems=tuple(factors.systems),
        factors=tuple(factors.factors),
        interventions=tuple(
            load_file(data_dir / "interventions.yaml", InterventionsFile).interventions
        ),
        questions=tuple(load_file(data_dir / "questions.yaml", QuestionsFile).questions),
        texts=load_file(data_dir / "texts.yaml", TextsFile),
        withholding=tuple(load_file(data_dir / "withholding.yaml", WithholdingFile).categories),
    )
