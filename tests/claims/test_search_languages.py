"""Questions typed in German, Russian, Swedish and English find the right claim first."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from crampcheck.claims import ClaimIndex, load_claim_index, load_claims_file
from crampcheck.claims._text import words
from crampcheck.knowledge.claims import ClaimsFile, Verdict

NEEDLE = {"C094", "C240"}
NIGHT_CALF = {"C032", "C001", "C037", "C035"}
HARMLESS = {"C155", "C218", "C013"}
TOES = {"C182", "C235"}
FOOT_BATH = {"C024", "C130", "C252"}
HEAT = {"C025", "C183", "C208", "C098"}
SWIMMING = {"C241", "C242"}

S, W, U, X = Verdict.SUPPORTED, Verdict.WEAK, Verdict.UNSUPPORTED, Verdict.UNSAFE

GERMAN = [
    ("Hilft Chinin gegen nächtliche Wadenkrämpfe?", {"T001"}, X),
    ("chinin", {"T001"}, X),
    ("Tonic Water gegen Krämpfe", {"T001"}, X),
    ("Soll ich bei einem Wadenkrampf mit einer Nadel in die Wade stechen?", NEEDLE, X),
    ("Gurkenwasser bei Krampf beim Sport", {"T002"}, W),
    ("Kampferöl mit Knoblauch auf die Waden einreiben", {"C144"}, X),
    ("Wodka Tinktur mit Lindenblüten für Kinder", {"C143"}, X),
    ("Wadenkrampf in der Schwangerschaft", {"C049"}, S),
    ("Sind Wadenkrämpfe gefährlich?", HARMLESS, S),
    ("Fussbad gegen Krämpfe", FOOT_BATH, U),
    ("Zehen zu sich ziehen bei Wadenkrampf", TOES, S),
    ("bewusstlos und zuckungen am ganzen körper", {"C136"}, X),
    ("Krampf dauert länger als 20 Minuten", {"C224"}, X),
    ("Unruhige Beine in der Nacht", {"C200"}, W),
    ("Magnesium gegen Wadenkrämpfe", {"C212"}, U),
    ("hilft waerme bei wadenkraempfen", HEAT, W),
    ("Wadenkrämpfe durch Statine?", {"C010"}, S),
    ("Wadenkrampf nachts", NIGHT_CALF, S),
    ("Kalziumkanalblocker gegen Krämpfe", {"C117"}, X),
    ("Phenobarbital gegen Krämpfe", {"C148"}, X),
    ("Milchsäure verursacht Krämpfe", {"C194"}, U),
]
RUSSIAN = [
    ("хинин от ночных судорог", {"T001"}, X),
    ("Хинин", {"T001"}, X),
    ("судороги в икрах ночью", NIGHT_CALF, S),
    ("уколоть иголкой икру при судороге", NEEDLE, X),
    ("камфорное масло с чесноком натереть ноги", {"C144"}, X),
    ("настойка липы на водке для детей", {"C143"}, X),
    ("рассол от судорог", {"T002"}, W),
    ("цитрат калия с iHerb", {"C055"}, X),
    ("мидокалм от судорог", {"C115"}, X),
    ("габапентин помогает при судорогах?", {"C116"}, X),
    ("бить мышцу ребром ладони", {"C095"}, X),
    ("судороги при беременности", {"C049"}, S),
    ("потеря сознания и судороги", {"C136"}, X),
    ("ущипнуть нижнюю губу при судороге", {"C108"}, U),
    ("магний при судорогах в ногах", {"C212"}, U),
    ("судорога во время плавания", SWIMMING, S),
    ("чай с чабрецом детям от судорог", {"C142"}, U),
    ("СВОДИТ ИКРЫ ПО НОЧАМ", NIGHT_CALF, S),
    ("блокаторы кальциевых каналов от судорог", {"C117"}, X),
    ("фенобарбитал от судорог", {"C148"}, X),
    ("разрыв икроножной мышцы щелчок", {"C083"}, X),
]
SWEDISH = [
    ("Hjälper kinin mot vadkramp?", {"T001"}, X),
    ("hjalper kinin", {"T001"}, X),
    ("kramp i vaden på natten", NIGHT_CALF, S),
    ("ska jag sticka en nål i vaden", NEEDLE, X),
    ("saltgurka vid kramp", {"T002"}, W),
    ("kramp när jag simmar", SWIMMING, S),
    ("vadkramp under graviditeten", {"C049"}, S),
    ("är vadkramp farligt", HARMLESS, S),
    ("dra tårna mot dig vid kramp", TOES, S),
    ("fotbad mot kramper", FOOT_BATH, U),
    ("fasciabehandling mot kramper", {"C170"}, U),
    ("värme mot kramp", HEAT, W),
    ("vatskedrivande lakemedel och kramp", {"C010"}, S),
    ("rastlösa ben på natten", {"C200"}, W),
    ("magnesium mot kramp i benen", {"C212"}, U),
    ("kamferolja och vitlök", {"C144"}, X),
    ("kalciumkanalblockerare mot kramp", {"C117"}, X),
    ("fenobarbital mot kramp", {"C148"}, X),
    ("mjölksyra och kramp", {"C194"}, U),
]
ENGLISH = [
    ("does quinine help night leg cramps", {"T001"}, X),
    ("should I prick the muscle with a needle", NEEDLE, X),
    ("pickle juice for cramps", {"T002"}, W),
    ("rub camphor oil and garlic on my legs", {"C144"}, X),
    ("linden vodka tincture for my kid", {"C143"}, X),
    ("calf cramps when pregnant", {"C049"}, S),
    ("restless legs", {"C200"}, W),
    ("pull the toes towards you during a cramp", TOES, S),
    ("gabapentin for cramps", {"C116"}, X),
    ("mydocalm", {"C115"}, X),
    ("loss of consciousness and jerking", {"C136"}, X),
]


@pytest.fixture(scope="module")
def index() -> ClaimIndex:
    return load_claim_index()


@pytest.mark.parametrize(
    ("query", "expected", "verdict"),
    [
        *(pytest.param(*case, id=f"de-{n}") for n, case in enumerate(GERMAN)),
        *(pytest.param(*case, id=f"ru-{n}") for n, case in enumerate(RUSSIAN)),
        *(pytest.param(*case, id=f"sv-{n}") for n, case in enumerate(SWEDISH)),
        *(pytest.param(*case, id=f"en-{n}") for n, case in enumerate(ENGLISH)),
    ],
)
def test_question_finds_the_claim_with_the_right_verdict_first(
    index: ClaimIndex, query: str, expected: set[str], verdict: Verdict
) -> None:
    hits = index.search(query)
    assert hits, query
    assert hits[0].id in expected, [(hit.id, hit.claim) for hit in hits]
    assert hits[0].verdict is verdict


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("Hilft Chinin?", "de"),
        ("Wadenkrämpfe", "de"),
        ("судороги", "ru"),
        ("kramp i vaden", "sv"),
        ("is magnesium good for cramps", "en"),
        ("magnesium", "en"),
        ("quinine", "en"),
    ],
)
def test_language_is_detected_from_script_stop_words_and_glossary(
    index: ClaimIndex, query: str, language: str
) -> None:
    assert index.detect_language(query).value == language


@pytest.mark.parametrize(
    ("spelling", "plain"),
    [
        ("Wadenkrämpfe", "Wadenkraempfe"),
        ("Wadenkrämpfe", "Wadenkrampfe"),
        ("Fußbad", "Fussbad"),
        ("hjälper kinin mot kramp i vaden", "hjalper kinin mot kramp i vaden"),
        ("ещё судороги в икрах", "еще судороги в икрах"),
        ("ХИНИН", "хинин"),
    ],
)
def test_marks_case_and_yo_do_not_change_the_answer(
    index: ClaimIndex, spelling: str, plain: str
) -> None:
    assert [hit.id for hit in index.search(spelling)] == [hit.id for hit in index.search(plain)]
    assert index.search(spelling)


def test_a_compound_of_two_glossary_words_is_understood(index: ClaimIndex) -> None:
    # "Wadenschmerzen" is in no list; "Waden" and "Schmerzen" are.
    assert index.search("Wadenschmerzen nachts")


def test_english_keys_are_rejected_in_the_language_fields() -> None:
    claim = {
        "id": "C001",
        "seed": "000",
        "claim": "x",
        "category": "other",
        "verdict": "weak",
        "explanation": "x",
        "sources": ["CKS"],
        "keywords_by_language": {"en": ["cramp"]},
    }
    with pytest.raises(ValidationError, match="English words"):
        ClaimsFile.model_validate({"claims": [claim]})


def test_every_glossary_entry_reaches_the_index(index: ClaimIndex) -> None:
    # An English term that no claim uses would make its German, Russian or Swedish words
    # find nothing; every entry must lead to at least one indexed term.
    claims_file = load_claims_file()
    dead = [
        (language.value, word)
        for language, entries in claims_file.glossary.items()
        for english in entries
        for word in words(english)
        if not index.search(word, limit=1)
    ]
    assert dead == []
