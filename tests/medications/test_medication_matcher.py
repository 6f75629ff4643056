"""Behaviour of match_medication through the public API on the packaged catalog."""

from __future__ import annotations

import pytest

from crampcheck.knowledge.common import Strength
from crampcheck.medications import (
    MatchStatus,
    MedicationCatalog,
    load_medication_catalog,
    match_medication,
    match_medications,
)


@pytest.fixture(scope="module")
def catalog() -> MedicationCatalog:
    return load_medication_catalog()


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("Lipitor 20mg", "atorvastatin"),
        ("lipitor", "atorvastatin"),
        ("Торвакард", "atorvastatin"),
        ("аторвастатин", "atorvastatin"),
        ("atorvastatin calcium 40 mg", "atorvastatin"),
        ("furosemid", "furosemide"),
        ("Frusemide 40 mg 1-0-0", "furosemide"),
        ("HCTZ", "hydrochlorothiazide"),
        ("HCTZ 25 mg", "hydrochlorothiazide"),
        ("гидрохлоротиазид", "hydrochlorothiazide"),
        ("salbutamol", "salbutamol"),
        ("albuterol", "salbutamol"),
        ("Ventolin Evohaler 100 µg 2x daily", "salbutamol"),
        ("Evista", "raloxifene"),
        ("Forteo", "teriparatide"),
        ("Forsteo", "teriparatide"),
        ("bisoprolol", "bisoprolol"),
        ("ASA", "aspirin"),
        ("acetaminophen", "paracetamol"),
        ("chlorthalidone", "chlortalidone"),
        ("losartan potassium", "losartan"),
        ("potassium", "potassium"),
        ("potassium chloride", "potassium"),
        ("Ramipril-ratiopharm 5 mg", "ramipril"),
        ("ЛИПРИМАР", "atorvastatin"),
        ("Лазикс", "furosemide"),
        ("quinine sulfate 300 mg", "quinine"),
    ],
)
def test_exact_names_give_the_generic(catalog: MedicationCatalog, text: str, generic: str) -> None:
    match = match_medication(text, catalog)
    assert match.status is MatchStatus.EXACT
    assert match.generic == generic
    assert match.input == text
    assert match.score == 100


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("atorvastatine", "atorvastatin"),
        ("simvastatn", "simvastatin"),
        ("Lipitr", "atorvastatin"),
        ("metoprolo", "metoprolol"),
        ("losarten", "losartan"),
        ("атарвастатин", "atorvastatin"),
    ],
)
def test_close_spellings_match_fuzzily(catalog: MedicationCatalog, text: str, generic: str) -> None:
    match = match_medication(text, catalog)
    assert match.status is MatchStatus.FUZZY
    assert match.generic == generic
    assert 80 <= match.score < 100


@pytest.mark.parametrize(
    ("text", "generics"),
    [
        ("Dyazide", ("triamterene", "hydrochlorothiazide")),
        ("Microgynon", ("ethinylestradiol", "levonorgestrel")),
        ("triamterene/hydrochlorothiazide", ("triamterene", "hydrochlorothiazide")),
        ("triamterene-HCTZ 37.5/25 mg", ("triamterene", "hydrochlorothiazide")),
        ("amlodipine + valsartan", ("amlodipine", "valsartan")),
        ("ibuprofen and paracetamol", ("ibuprofen", "paracetamol")),
        ("valsartan HCT", ("valsartan", "hydrochlorothiazide")),
        ("Panangin", ("potassium", "magnesium")),
        ("Аспаркам", ("potassium", "magnesium")),
    ],
)
def test_combinations_list_every_component(
    catalog: MedicationCatalog, text: str, generics: tuple[str, ...]
) -> None:
    match = match_medication(text, catalog)
    assert match.status is MatchStatus.EXACT
    assert match.generics == generics
    assert match.generic == generics[0]


def test_combination_takes_the_strongest_association(catalog: MedicationCatalog) -> None:
    match = match_medication("Dyazide", catalog)
    assert match.cramp_association is Strength.STRONG  # triamterene (K-sparing) beats HCTZ
    assert {"diuretic", "hypokalaemia", "hyperkalaemia_risk"} <= set(match.effects)


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("Microgynon", "vte_risk"),
        ("Evista", "vte_risk"),
        ("warfarin", "vitamin_k_antagonist"),
        ("warfarin", "anticoagulant"),
        ("ciprofloxacin", "tendon_rupture"),
        ("prednisolone", "tendon_rupture"),
        ("omeprazole", "hypomagnesaemia"),
        ("simvastatin", "statin_myopathy"),
        ("clarithromycin", "statin_interaction"),
        ("spironolactone", "hyperkalaemia_risk"),
        ("bendroflumethiazide", "hypokalaemia"),
        ("Mydocalm", "unsafe_self_medication"),
        ("gabapentin", "unsafe_self_medication"),
        ("diltiazem", "unsafe_self_medication"),
        ("Qualaquin", "quinine"),
        ("clonazepam", "withdrawal_cramps"),
    ],
)
def test_effects_come_from_class_and_drug(
    catalog: MedicationCatalog, text: str, effect: str
) -> None:
    assert effect in match_medication(text, catalog).effects


def test_effects_are_sorted_and_unique(catalog: MedicationCatalog) -> None:
    effects = match_medication("HCTZ", catalog).effects
    assert list(effects) == sorted(set(effects))


@pytest.mark.parametrize(
    ("text", "drug_class", "effect"),
    [
        ("blood thinning injections", "anticoagulant_unspecified", "anticoagulant"),
        ("water tablets", "diuretic_unspecified", "diuretic"),
        ("мочегонное", "diuretic_unspecified", "diuretic"),
        ("Blutverdünner", "anticoagulant_unspecified", "bleeding_risk"),
        ("the pill", "combined_oral_contraceptive", "vte_risk"),
        ("HRT", "hormone_replacement", "vte_risk"),
        ("cholesterol tablets", "statin", "statin_myopathy"),
        ("steroids", "corticosteroid", "tendon_rupture"),
    ],
)
def test_lay_terms_give_a_class_but_no_generic(
    catalog: MedicationCatalog, text: str, drug_class: str, effect: str
) -> None:
    match = match_medication(text, catalog)
    assert match.status is MatchStatus.CLASS_ONLY
    assert match.generic is None
    assert match.generics == ()
    assert match.drug_class == drug_class
    assert effect in match.effects
    assert match.cramp_association is not None


def test_a_form_word_can_carry_the_meaning_of_a_lay_term(catalog: MedicationCatalog) -> None:
    assert match_medication("steroid inhaler", catalog).drug_class == "inhaled_corticosteroid"
    assert match_medication("steroid tablets", catalog).drug_class == "corticosteroid"


@pytest.mark.parametrize("text", ["xyzzyplex", "", "   ", "20 mg", "hydroxyzine", "asparaginase"])
def test_unknown_names_are_never_guessed(catalog: MedicationCatalog, text: str) -> None:
    match = match_medication(text, catalog)
    assert match.status is MatchStatus.UNKNOWN
    assert match.generic is None
    assert match.drug_class is None
    assert match.cramp_association is None
    assert match.effects == ()


def test_unknown_close_names_come_with_suggestions(catalog: MedicationCatalog) -> None:
    assert match_medication("hydroxyzine", catalog).suggestions


@pytest.mark.parametrize(
    ("text", "not_generic"),
    [
        ("aspirin", "asparaginase"),
        ("prednisone", "prednisolone"),
        ("prednisolone", "prednisone"),
        ("clonidine", "clonazepam"),
        ("amlodipin", "amiloride"),
    ],
)
def test_a_near_name_does_not_become_another_drug(
    catalog: MedicationCatalog, text: str, not_generic: str
) -> None:
    assert match_medication(text, catalog).generic != not_generic


def test_short_names_are_matched_exactly_only(catalog: MedicationCatalog) -> None:
    assert match_medication("HCTX", catalog).status is MatchStatus.UNKNOWN
    assert match_medication("Zocr", catalog).status is MatchStatus.UNKNOWN


def test_overrides_beat_the_class_association(catalog: MedicationCatalog) -> None:
    assert match_medication("amlodipine", catalog).cramp_association is Strength.NOT_ESTABLISHED
    assert match_medication("nifedipine", catalog).cramp_association is Strength.WEAK
    assert match_medication("naproxen", catalog).cramp_association is Strength.STRONG


def test_match_medications_keeps_order(catalog: MedicationCatalog) -> None:
    matches = match_medications(["Evista", "xyzzyplex", "Lasix"], catalog)
    assert [m.generic for m in matches] == ["raloxifene", None, "furosemide"]


def test_matches_are_immutable(catalog: MedicationCatalog) -> None:
    match = match_medication("Lasix", catalog)
    with pytest.raises(ValueError):
        match.generic = "aspirin"  # type: ignore[misc]
