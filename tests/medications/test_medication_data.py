"""medications.yaml: references, uniqueness, names and sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crampcheck.errors import KnowledgeBaseError
from crampcheck.knowledge.medications import MedicationsFile
from crampcheck.knowledge.yaml_source import load_file
from crampcheck.medications import (
    MatchStatus,
    MedicationCatalog,
    load_medication_catalog,
    match_medication,
)
from crampcheck.medications.catalog import drug_names

DATA = Path(__file__).parents[2] / "src/crampcheck/knowledge/data/medications.yaml"
SOURCE_KEYS = {
    "GARR12", "AFP12", "MERCK", "RXLIST", "CKS", "BPAC08", "EAS15", "NLA14", "SIVAK16", "BMJ03",
    "MEDSAFE", "MHRA", "FDA", "COCH-Q", "EMA-T", "BFARM", "SERR00", "CMAJ15", "AAN10", "TAN24",
    "BJGP15", "BMJ15", "NHS-DVT", "NHS-LC", "MSD-RHABDO", "WEISS16", "ROB24", "KALIA", "RABB16",
    "EAH15", "CLINREF",
}  # fmt: skip
# Drugs whose every listed brand is marked as seen in a public source (clinical.md §c.3).
CONFIRMED_BRANDS = {"furosemide", "lovastatin", "celecoxib", "tolcapone"}
REQUIRED_EFFECTS = {
    "cramps", "vte_risk", "tendon_rupture", "bleeding_risk", "anticoagulant",
    "vitamin_k_antagonist", "hypokalaemia", "hypomagnesaemia", "hyponatraemia",
    "hyperkalaemia_risk", "statin_myopathy", "statin_interaction", "qt_prolongation",
    "sedation_falls", "withdrawal_cramps", "diuretic", "quinine", "unsafe_self_medication",
}  # fmt: skip


@pytest.fixture(scope="module")
def data() -> MedicationsFile:
    return load_file(DATA, MedicationsFile)


@pytest.fixture(scope="module")
def catalog() -> MedicationCatalog:
    return load_medication_catalog()


def test_the_rule_effects_exist(data: MedicationsFile) -> None:
    assert {effect.id for effect in data.effects} >= REQUIRED_EFFECTS


def test_every_reference_exists(data: MedicationsFile) -> None:
    effects = {effect.id for effect in data.effects}
    classes = {drug_class.id for drug_class in data.classes}
    generics = {drug.generic for drug in data.drugs}
    for drug_class in data.classes:
        assert set(drug_class.effects) <= effects, drug_class.id
    for drug in data.drugs:
        assert set(drug.classes) <= classes, drug.generic
        assert set(drug.effects) <= effects, drug.generic
    for product in data.combinations:
        assert set(product.components) <= generics, product.id
    for term in data.lay_terms:
        assert set(term.classes) <= classes, term.id


def test_ids_and_generics_are_unique(data: MedicationsFile) -> None:
    for ids in (
        [effect.id for effect in data.effects],
        [drug_class.id for drug_class in data.classes],
        [drug.generic for drug in data.drugs],
        [product.id for product in data.combinations],
        [term.id for term in data.lay_terms],
    ):
        assert len(ids) == len(set(ids))


def test_every_class_is_used(data: MedicationsFile) -> None:
    used = {c for drug in data.drugs for c in drug.classes}
    used |= {c for term in data.lay_terms for c in term.classes}
    assert {drug_class.id for drug_class in data.classes} - used == set()


def test_every_effect_is_used(data: MedicationsFile) -> None:
    used = {e for drug_class in data.classes for e in drug_class.effects}
    used |= {e for drug in data.drugs for e in drug.effects}
    assert {effect.id for effect in data.effects} - used == set()


def test_every_source_is_a_bibliography_key(data: MedicationsFile) -> None:
    items = [*data.effects, *data.classes, *data.drugs, *data.combinations, *data.lay_terms]
    unknown = {key for item in items for key in item.sources} - SOURCE_KEYS
    assert unknown == set()


def test_unconfirmed_brands_are_marked_for_verification(data: MedicationsFile) -> None:
    unmarked = [
        drug.generic
        for drug in data.drugs
        if drug.brands and not drug.verify and drug.generic not in CONFIRMED_BRANDS
    ]
    assert unmarked == []


def test_the_catalog_is_big_enough(data: MedicationsFile) -> None:
    assert len(data.drugs) >= 130


def test_every_drug_name_matches_its_own_generic(
    data: MedicationsFile, catalog: MedicationCatalog
) -> None:
    wrong = []
    for drug in data.drugs:
        for name in drug_names(drug):
            match = match_medication(name, catalog)
            if match.status is not MatchStatus.EXACT or match.generics != (drug.generic,):
                wrong.append((name, drug.generic, match.generics))
    assert wrong == []


def test_every_combination_name_matches_its_components(
    data: MedicationsFile, catalog: MedicationCatalog
) -> None:
    for product in data.combinations:
        for name in product.names:
            assert match_medication(name, catalog).generics == tuple(product.components), name


def test_every_lay_term_matches_only_classes(
    data: MedicationsFile, catalog: MedicationCatalog
) -> None:
    for term in data.lay_terms:
        for text in term.terms:
            match = match_medication(text, catalog)
            assert match.status is MatchStatus.CLASS_ONLY, text
            assert match.classes == tuple(term.classes), text


def test_no_word_mixes_latin_and_cyrillic_letters() -> None:
    mixed = [
        word
        for word in re.findall(r"\w+", DATA.read_text(encoding="utf-8"))
        if re.search("[а-яё]", word, re.I) and re.search("[a-z]", word, re.I)
    ]
    assert mixed == []


BROKEN = """
effects:
  - {id: cramps, text: Linked to cramps., sources: [GARR12]}
classes:
  - id: statin
    name: Statins
    cramp_association: moderate
    association_note: x
    effects: [cramps]
    sources: [GARR12]
drugs:
  - {generic: atorvastatin, classes: [statin], brands: {US: [Lipitor]}, sources: [GARR12]}
  - {generic: simvastatin, classes: [statine], sources: [GARR12]}
  - {generic: rosuvastatin, classes: [statin], synonyms: [LIPITOR], sources: [GARR12]}
"""


def test_broken_references_and_collisions_name_file_line_and_item(tmp_path: Path) -> None:
    path = tmp_path / "medications.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        MedicationCatalog(load_file(path, MedicationsFile), path.name)
    problems = {(p.item_id, p.line) for p in caught.value.problems}
    assert ("simvastatin", 13) in problems  # unknown class "statine"
    assert ("rosuvastatin", 14) in problems  # "LIPITOR" already names atorvastatin
    assert all(p.file == "medications.yaml" for p in caught.value.problems)
