"""Loading the knowledge base: read, cross-check, cache."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from crampcheck.knowledge.base import KnowledgeBase, default_data_dir, read_knowledge_base

CORE_FILES = (
    "bibliography.yaml",
    "concerns.yaml",
    "factors.yaml",
    "interventions.yaml",
    "questions.yaml",
    "texts.yaml",
    "withholding.yaml",
)


@cache
def load_knowledge_base(data_dir: Path | None = None) -> KnowledgeBase:
    """The validated, cross-checked knowledge base (kept in memory and in the user's cache).

    Raises `KnowledgeBaseError` listing every problem with file, line and item id.
    """
    from crampcheck.knowledge.cache import cached
    from crampcheck.knowledge.crosscheck import check_core

    directory = data_dir or default_data_dir()

    def build() -> KnowledgeBase:
        knowledge = read_knowledge_base(directory)
        check_core(knowledge)
        return knowledge

    return cached("knowledge", [directory / name for name in CORE_FILES], build)
