"""Recognising medicines as people write them: brands, generics, misspellings, lay terms.

catalog = load_medication_catalog()
match_medication("Lipitor 20mg", catalog).generic  # "atorvastatin"
"""

from crampcheck.medications.catalog import (
    CatalogEntry,
    EntryKind,
    MedicationCatalog,
    NameHit,
    load_medication_catalog,
)
from crampcheck.medications.matcher import match_medication, match_medications
from crampcheck.medications.result import MatchStatus, MedicationMatch

__all__ = [
    "CatalogEntry",
    "EntryKind",
    "MatchStatus",
    "MedicationCatalog",
    "MedicationMatch",
    "NameHit",
    "load_medication_catalog",
    "match_medication",
    "match_medications",
]
