"""The bibliography loads, has unique keys and covers every source key the seed audit uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import crampcheck.knowledge
from crampcheck.knowledge.bibliography import BibliographyFile, SourceKind
from crampcheck.knowledge.yaml_source import load_file

BIBLIOGRAPHY = Path(crampcheck.knowledge.__file__).parent / "data" / "bibliography.yaml"
SEED_CLAIMS = Path(__file__).resolve().parents[3] / "shared" / "clinical" / "seed-claims.md"

_KEY_ENTRY = re.compile(r"^- \*\*\[(?P<key>[^\]]+)\]\*\*", re.MULTILINE)
_CITED_KEY = re.compile(r"\[([A-Z0-9][A-Za-z0-9-]*)\]")


@pytest.fixture(scope="module")
def bibliography() -> BibliographyFile:
    return load_file(BIBLIOGRAPHY, BibliographyFile)


@pytest.fixture(scope="module")
def seed_claims() -> str:
    if not SEED_CLAIMS.is_file():
        pytest.skip(f"seed audit not available at {SEED_CLAIMS}")
    return SEED_CLAIMS.read_text(encoding="utf-8")


def _keys(bibliography: BibliographyFile) -> set[str]:
    return {source.key for source in bibliography.sources}


def _key_section(text: str) -> str:
    _, found, section = text.partition("## Key (sources for verdicts)")
    assert found, "seed-claims.md has no Key section"
    return section


def _verdict_sources(text: str) -> set[str]:
    """Keys cited in the column "source for verdict" of the claims table."""
    table = text.partition("## Claims table")[2].partition("\n## ")[0]
    rows = [line for line in table.splitlines() if line.startswith("| C")]
    assert rows, "claims table not found"
    keys: set[str] = set()
    for row in rows:
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        keys.update(_CITED_KEY.findall(cells[-1]))
    return keys


def test_keys_are_unique(bibliography: BibliographyFile) -> None:
    keys = [source.key for source in bibliography.sources]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates


def test_every_source_has_a_citation(bibliography: BibliographyFile) -> None:
    assert all(source.citation.strip() for source in bibliography.sources)


def test_urls_are_absolute(bibliography: BibliographyFile) -> None:
    bad = [
        s.key
        for s in bibliography.sources
        if s.url and not s.url.startswith(("http://", "https://"))
    ]
    assert not bad


def test_project_documents_are_listed(bibliography: BibliographyFile) -> None:
    assert {"SEED-AUDIT", "CLINREF"} <= _keys(bibliography)


def test_low_authority_sources_explain_themselves(bibliography: BibliographyFile) -> None:
    flagged = [s for s in bibliography.sources if s.verify or s.kind is SourceKind.LOW_AUTHORITY]
    assert all(source.note for source in flagged), [s.key for s in flagged if not s.note]


def test_every_seed_key_is_present(bibliography: BibliographyFile, seed_claims: str) -> None:
    seed_keys = set(_KEY_ENTRY.findall(_key_section(seed_claims)))
    assert len(seed_keys) > 50
    assert sorted(seed_keys - _keys(bibliography)) == []


def test_every_verdict_source_is_present(bibliography: BibliographyFile, seed_claims: str) -> None:
    cited = _verdict_sources(seed_claims)
    assert cited
    assert sorted(cited - _keys(bibliography)) == []
