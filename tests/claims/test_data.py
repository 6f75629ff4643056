"""claims.yaml holds every claim of the seed audit, faithfully and completely."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from crampcheck.claims import load_claims_file
from crampcheck.knowledge.claims import Claim, ClaimsFile, Verdict

AUDIT = Path(__file__).resolve().parents[3] / "shared" / "clinical" / "seed-claims.md"
# The audit's own summary table (seed-claims.md, "Summary counts").
AUDIT_TOTALS = {
    Verdict.SUPPORTED: 57,
    Verdict.WEAK: 112,
    Verdict.UNSUPPORTED: 69,
    Verdict.UNSAFE: 16,
}


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    return load_claims_file().claims


def test_every_audit_claim_is_present_once_in_order(claims: list[Claim]) -> None:
    assert [claim.id for claim in claims] == [f"C{number:03d}" for number in range(1, 255)]


def test_verdict_counts_match_the_audit_summary(claims: list[Claim]) -> None:
    counts = Counter(claim.verdict for claim in claims)
    # On a mismatch, show which claims carry each verdict so the disagreement can be traced.
    by_verdict = {
        verdict.value: [claim.id for claim in claims if claim.verdict is verdict]
        for verdict in Verdict
    }
    assert dict(counts) == AUDIT_TOTALS, by_verdict


def test_unsafe_claims_say_what_to_do_instead(claims: list[Claim]) -> None:
    unsafe = [claim for claim in claims if claim.verdict is Verdict.UNSAFE]
    assert unsafe
    assert all(claim.safer_advice and claim.safer_advice.strip() for claim in unsafe)


def test_every_claim_has_sources_an_explanation_and_keywords(claims: list[Claim]) -> None:
    for claim in claims:
        assert claim.sources, claim.id
        explanation = claim.explanation.strip()
        assert explanation and "\n" not in explanation, claim.id
        assert 5 <= len(claim.keywords) <= 12, claim.id


def test_unsafe_claim_without_safer_advice_is_rejected() -> None:
    item = {
        "id": "C001",
        "seed": "000",
        "claim": "x",
        "category": "treatment",
        "verdict": "unsafe",
        "explanation": "y",
        "sources": ["CKS"],
    }
    with pytest.raises(ValueError, match="safer_advice"):
        ClaimsFile.model_validate({"claims": [item]})


@pytest.mark.skipif(not AUDIT.is_file(), reason="shared/clinical is not beside the repository")
def test_ids_seeds_and_verdicts_agree_with_the_audit_table(claims: list[Claim]) -> None:
    verdicts = {"supported": "supported", "mixed/weak": "weak", "unsupported": "unsupported"}
    verdicts["UNSAFE"] = "unsafe"
    rows = re.findall(
        r"^\| (C\d{3}) \| (\d{3}) \| .*? \| [^|]+ \| ([^|]+?) \| [^|]*\|$",
        AUDIT.read_text(encoding="utf-8"),
        flags=re.MULTILINE,
    )
    assert len(rows) == 254
    expected = {row_id: (seed, verdicts[verdict]) for row_id, seed, verdict in rows}
    actual = {claim.id: (claim.seed, claim.verdict.value) for claim in claims}
    assert actual == expected


def test_claims_resting_on_flagged_sources_are_marked_verify(claims: list[Claim]) -> None:
    # C133: the audit says "(verify)"; C241/C242: [SWIM] is low authority; C117: [VOON] citation
    # is flagged [verify] in clinical.md.
    assert {claim.id for claim in claims if claim.verify} == {"C117", "C133", "C241", "C242"}


SEEDS = AUDIT.parents[1] / "seeds"


def test_every_claim_quotes_its_seed_and_every_seed_has_its_language() -> None:
    claims_file = load_claims_file()
    assert {key: seed.language.value for key, seed in claims_file.seeds.items()} == {
        "000": "de",
        "001": "ru",
        "002": "sv",
        "003": "en",
        "004": "ru",
    }
    assert all(claim.seed_text and claim.seed_text.strip() for claim in claims_file.claims)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the repository")
def test_seed_text_is_the_seed_files_own_words() -> None:
    def flat(text: str) -> str:
        return " ".join(text.split())

    files = {path.name[:3]: flat(path.read_text(encoding="utf-8")) for path in SEEDS.glob("*.txt")}
    claims_file = load_claims_file()
    misquoted = [
        claim.id
        for claim in claims_file.claims
        if flat(claim.seed_text or "") not in files[claim.seed]
    ]
    assert misquoted == []
    for key, seed in claims_file.seeds.items():
        assert files[key].startswith(seed.title), key
