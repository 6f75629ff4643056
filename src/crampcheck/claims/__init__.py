"""Searching the audited claims of the seed articles: "is it true that ...?"."""

from crampcheck.claims.search import (
    ClaimHit,
    ClaimIndex,
    claims_path,
    load_claim_index,
    load_claims_file,
)

__all__ = ["ClaimHit", "ClaimIndex", "claims_path", "load_claim_index", "load_claims_file"]
