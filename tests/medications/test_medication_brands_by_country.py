"""Swedish (FASS), German and Russian brand names give the catalogue's generic ids."""

from __future__ import annotations

from typing import Any

import pytest

from crampcheck import assess
from crampcheck.medications import (
    MatchStatus,
    MedicationCatalog,
    load_medication_catalog,
    match_medication,
)

SWEDISH = [
    ("Furix 40 mg", "furosemide"),
    ("Impugan", "furosemide"),
    ("Salures 2,5 mg", "bendroflumethiazide"),
    ("Esidrex", "hydrochlorothiazide"),
    ("Waran 2,5 mg 1 tablett dagligen", "warfarin"),
    ("Levaxin 100 mikrog", "levothyroxine"),
    ("Alvedon 500 mg", "paracetamol"),
    ("Panodil", "paracetamol"),
    ("Seloken ZOC depottabletter 50 mg", "metoprolol"),
    ("Seloken", "metoprolol"),
    ("Trombyl 75 mg", "aspirin"),
    ("Lipitor", "atorvastatin"),
    ("Zocord 20 mg", "simvastatin"),
    ("Losec", "omeprazole"),
    ("Nexium", "esomeprazole"),
    ("Pantoloc 40 mg", "pantoprazole"),
    ("Lanzo", "lansoprazole"),
    ("Glucophage", "metformin"),
    ("Ipren 400 mg", "ibuprofen"),
    ("Pronaxen", "naproxen"),
    ("Spirix", "spironolactone"),
    ("Emconcor", "bisoprolol"),
    ("Triatec", "ramipril"),
    ("Renitec", "enalapril"),
    ("Imovane", "zopiclone"),
    ("Stilnoct", "zolpidem"),
    ("Ventoline", "salbutamol"),
    ("Tradolan", "tramadol"),
    ("Kaleorid", "potassium"),
    ("Lithionit", "lithium"),
    ("hydroklortiazid", "hydrochlorothiazide"),
    ("levotyroxin", "levothyroxine"),
    ("kinin", "quinine"),
    ("kalcium", "calcium_carbonate"),
    ("kaliumklorid", "potassium"),
    ("kodein", "codeine"),
    ("diklofenak", "diclofenac"),
    ("fenytoin", "phenytoin"),
]
GERMAN = [
    ("Marcumar 3 mg", "phenprocoumon"),
    ("Lasix 40 mg 1-0-0", "furosemide"),
    ("Furorese", "furosemide"),
    ("Torem 10", "torasemide"),
    ("Aquaphor 10 mg", "xipamide"),
    ("Xipamid", "xipamide"),
    ("HCT 25 mg", "hydrochlorothiazide"),
    ("L-Thyroxin Henning 75", "levothyroxine"),
    ("L-Thyroxin 100", "levothyroxine"),
    ("Euthyrox", "levothyroxine"),
    ("Berlthyrox", "levothyroxine"),
    ("Sortis 20 mg", "atorvastatin"),
    ("Zocor", "simvastatin"),
    ("Pantozol", "pantoprazole"),
    ("Rifun", "pantoprazole"),
    ("Omep 20", "omeprazole"),
    ("Nexium mups", "esomeprazole"),
    ("ASS 100", "aspirin"),
    ("Ibuflam 600 mg", "ibuprofen"),
    ("IBU-ratiopharm 400", "ibuprofen"),
    ("Dolormin", "ibuprofen"),
    ("Beloc-Zok mite", "metoprolol"),
    ("Diclac", "diclofenac"),
    ("Kalzium", "calcium_carbonate"),
    ("Magnesiumoxid", "magnesium"),
]
RUSSIAN = [
    ("Варфарин Никомед", "warfarin"),
    ("Фуросемид 40 мг", "furosemide"),
    ("Лазикс", "furosemide"),
    ("Гипотиазид", "hydrochlorothiazide"),
    ("Индапамид", "indapamide"),
    ("Арифон ретард", "indapamide"),
    ("Равел СР", "indapamide"),
    ("Эутирокс 50 мкг", "levothyroxine"),
    ("Л-Тироксин", "levothyroxine"),
    ("Баготирокс", "levothyroxine"),
    ("Аторис", "atorvastatin"),
    ("Торвакард 20 мг", "atorvastatin"),
    ("Липтонорм", "atorvastatin"),
    ("Омез", "omeprazole"),
    ("Нексиум", "esomeprazole"),
    ("Нурофен", "ibuprofen"),
    ("Тригрим", "torasemide"),
    ("Беталок ЗОК", "metoprolol"),
    ("Багомет", "metformin"),
    ("Глюкофаж Лонг", "metformin"),
]


@pytest.fixture(scope="module")
def catalog() -> MedicationCatalog:
    return load_medication_catalog()


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        *(pytest.param(*case, id=f"se-{case[0]}") for case in SWEDISH),
        *(pytest.param(*case, id=f"de-{case[0]}") for case in GERMAN),
        *(pytest.param(*case, id=f"ru-{case[0]}") for case in RUSSIAN),
    ],
)
def test_brand_gives_the_generic(catalog: MedicationCatalog, text: str, generic: str) -> None:
    match = match_medication(text, catalog)
    assert match.status is MatchStatus.EXACT, match
    assert match.generics == (generic,)


@pytest.mark.parametrize(
    ("text", "components"),
    [
        ("Кардиомагнил", ("aspirin", "magnesium")),
        ("Citodon", ("codeine", "paracetamol")),
        ("Panocod", ("codeine", "paracetamol")),
        ("Normorix mite", ("amiloride", "hydrochlorothiazide")),
        ("Madopark", ("levodopa", "benserazide")),
    ],
)
def test_combination_brand_gives_every_component(
    catalog: MedicationCatalog, text: str, components: tuple[str, ...]
) -> None:
    assert set(match_medication(text, catalog).generics) == set(components)


@pytest.mark.parametrize("brand", ["Waran", "Marcumar", "Варфарин Никомед"])
def test_vitamin_k_is_not_suggested_with_a_vitamin_k_antagonist_by_brand(brand: str) -> None:
    # Without the brand, vitamin K2 would be offered to a person on a vitamin-K antagonist.
    base: dict[str, Any] = {"age": 72, "cramps": {"when": ["night"], "per_week": 4}}
    result = assess({**base, "medications": [f"{brand} 2,5 mg"]})
    positive = [result.first_aid, result.prevention_plan, result.discuss_with_doctor]
    assert "vitamin_k2" not in {item.id for items in positive for item in items}
    assert "vitamin_k2" in {item.id for item in result.do_not}


def test_waran_carries_the_warfarin_effects(catalog: MedicationCatalog) -> None:
    match = match_medication("Waran", catalog)
    assert {"anticoagulant", "vitamin_k_antagonist"} <= set(match.effects)


@pytest.mark.parametrize("text", ["Kalzium", "kalcium", "Kalcium 500 mg"])
def test_calcium_spellings_are_never_read_as_potassium(
    catalog: MedicationCatalog, text: str
) -> None:
    # "Kalzium" (de) and "kalcium" (sv) are one letter from "Kalium": a close-spelling match
    # would turn calcium into potassium, which some people must not take.
    assert match_medication(text, catalog).generics == ("calcium_carbonate",)


@pytest.mark.parametrize(
    ("text", "drug_class"),
    [
        ("vätskedrivande tabletter", "diuretic_unspecified"),
        ("blodförtunnande", "anticoagulant_unspecified"),
        ("kolesterolsänkande", "statin"),
        ("p-piller", "combined_oral_contraceptive"),
        ("sömntabletter", "hypnotic_unspecified"),
        ("kortisontabletter", "corticosteroid"),
        ("magnesiumtillskott", "magnesium_supplement"),
    ],
)
def test_swedish_words_for_a_kind_of_medicine_give_its_class(
    catalog: MedicationCatalog, text: str, drug_class: str
) -> None:
    match = match_medication(text, catalog)
    assert match.status is MatchStatus.CLASS_ONLY
    assert match.classes == (drug_class,)
