"""Extract with the bundled lexicons (models/*.csv): real names map to the normalized vocabulary."""

from __future__ import annotations

import pytest

from pipeline.config import Settings
from pipeline.extract import extract_facts, ocr_page_from_text
from pipeline.lexicons import Lexicons, load_lexicons
from pipeline.records import Fact


@pytest.fixture(scope="module")
def real() -> Lexicons:
    return load_lexicons()


def _facts(lex: Lexicons, text: str) -> list[Fact]:
    return extract_facts([ocr_page_from_text(text)], lex, Settings())


def test_bundled_lexicons_load(real: Lexicons) -> None:
    assert len(real.drugs) > 10_000
    assert any(v.name == "tdap" for v in real.vaccines)
    assert any(a.allergen == "penicillin" for a in real.allergens)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ZESTRIL      10 MG      1 TAB PO DAILY", ("lisinopril", "10", "mg", "daily", "oral")),
        ("METFORMIN HCL      500 MG      1 TAB PO BID WITH MEALS", ("metformin", "500", "mg", "bid", "oral")),
        ("Metoprolol succinate ER 25 mg take 1 tablet by mouth once daily", ("metoprolol", "25", "mg", "daily", "oral")),
        ("Glucophage 500 mg by mouth twice daily with meals", ("metformin", "500", "mg", "bid", "oral")),
        ("Atorvastatln 40 mg PO at bedtime", ("atorvastatin", "40", "mg", "qhs", "oral")),
        ("Levothyroxine 75 mcg PO q.d.", ("levothyroxine", "75", "mcg", "daily", "oral")),
        ("Albuterol HFA 2 puffs inhaled q4-6h prn", ("albuterol", "2", "puff", "q4-6h prn", "inhaled")),
    ],
)
def test_real_medication_lines(real: Lexicons, line: str, expected: tuple[str, ...]) -> None:
    meds = [f for f in _facts(real, "Current Medications\n" + line) if f.kind == "medication"]
    assert [(m.name, m.dose, m.unit, m.frequency, m.route) for m in meds] == [expected]


def test_real_allergies_and_vaccines(real: Lexicons) -> None:
    text = (
        "Allergies: penicillin (hives); sulfa drugs (rash)\n"
        "Immunization History\n"
        "Tdap 05/02/2019; Influenza, quadrivalent 10/12/2023\n"
        "Zoster recombinant (Shingrix)      03/14/2021\n"
        "COVID-19 mRNA (Pfizer)      04/06/2021\n"
    )
    facts = _facts(real, text)
    assert [(f.name, f.reaction) for f in facts if f.kind == "allergy"] == [
        ("penicillin", "hives"),
        ("sulfa", "rash"),
    ]
    assert [(f.name, f.date) for f in facts if f.kind == "vaccine"] == [
        ("tdap", "2019-05-02"),
        ("influenza", "2023-10-12"),
        ("zoster", "2021-03-14"),
        ("covid-19", "2021-04-06"),
    ]
    assert all(f.code for f in facts if f.kind == "vaccine")


def test_table_titles_and_common_words_are_not_drugs(real: Lexicons) -> None:
    text = (
        "Allergies\nAllergen      Reaction\nPenicillin      hives\n"
        "Assessment and plan: Blood pressure at goal. Continue current medications.\n"
    )
    facts = _facts(real, text)
    assert [(f.kind, f.name) for f in facts] == [("allergy", "penicillin")]


@pytest.mark.parametrize(
    ("line", "read_as", "partner"),
    [
        ("Hydroxyzlne 25 mg PO tid prn itching", "hydroxyzine", "hydralazine"),
        ("Hydralazlne 25 mg by mouth three times daily", "hydralazine", "hydroxyzine"),
        ("Clonidlne 0.1 mg PO bid", "clonidine", "clonazepam"),
        ("Trazod0ne 50 mg at bedtime", "trazodone", "tramadol"),
        ("Glipizlde 5 mg daily with breakfast", "glipizide", "glyburide"),
        ("Lamotriglne 100 mg twice daily", "lamotrigine", "lamivudine"),
        ("Risperid0ne 1 mg at bedtime", "risperidone", "ropinirole"),
    ],
)
def test_misread_of_a_look_alike_drug_is_kept_ambiguous(
    real: Lexicons, line: str, read_as: str, partner: str
) -> None:
    meds = [f for f in _facts(real, "Medications:\n" + line) if f.kind == "medication"]
    assert len(meds) == 1
    assert meds[0].name == read_as
    assert partner in meds[0].ambiguous_with


@pytest.mark.parametrize(
    "line",
    [
        "Hydroxyzine 25 mg PO tid prn itching",
        "Hydralazine 25 mg by mouth three times daily",
        "Clonidine 0.1 mg PO bid",
        "Trazodone 50 mg at bedtime",
        "Celexa 20 mg daily",
    ],
)
def test_exact_look_alike_name_is_never_ambiguous(real: Lexicons, line: str) -> None:
    meds = [f for f in _facts(real, "Medications:\n" + line) if f.kind == "medication"]
    assert len(meds) == 1
    assert meds[0].ambiguous_with == ()


@pytest.mark.parametrize(
    ("line", "ingredient"),
    [
        ("Lisinoprll 20 mg daily", "lisinopril"),
        ("Atorvastatln 40 mg at bedtime", "atorvastatin"),
    ],
)
def test_misread_of_a_drug_without_look_alike_stays_unambiguous(
    real: Lexicons, line: str, ingredient: str
) -> None:
    meds = [f for f in _facts(real, "Medications:\n" + line) if f.kind == "medication"]
    assert [(m.name, m.ambiguous_with) for m in meds] == [(ingredient, ())]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ASA 81 daily", ("aspirin", "81", "mg", "daily")),
        ("atorva 40 qhs", ("atorvastatin", "40", "mg", "qhs")),
        ("simva 20 nightly", ("simvastatin", "20", "mg", "qhs")),
        ("rosuva 10 daily", ("rosuvastatin", "10", "mg", "daily")),
        ("metop 25 bid", ("metoprolol", "25", "mg", "bid")),
        ("levothyroxine 88 daily", ("levothyroxine", "88", "mcg", "daily")),  # mcg: 88 mg is no dose
        ("lisinopril 10", ("lisinopril", "10", "mg", "")),
        ("HCTZ 25 qam", ("hydrochlorothiazide", "25", "mg", "qam")),
    ],
)
def test_shorthand_med_list_with_unitless_strength(real: Lexicons, line: str, expected: tuple[str, ...]) -> None:
    meds = [f for f in _facts(real, "Meds: " + line) if f.kind == "medication"]
    assert [(m.name, m.dose, m.unit, m.frequency) for m in meds] == [expected]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Tylenol 3 prn", "acetaminophen"),  # "Tylenol #3", not 3 mg
        ("aspirin 5000 daily", "aspirin"),  # no usual dose of aspirin: no unit guessed
        ("atorva 40 years", "atorvastatin"),  # a number followed by other words is no strength
        ("Lantus 20 qhs", "insulin glargine"),  # no dose range (units by weight): no guess
    ],
)
def test_unitless_number_that_is_no_usual_dose_is_not_a_strength(real: Lexicons, line: str, name: str) -> None:
    meds = [f for f in _facts(real, "Medications:\n" + line) if f.kind == "medication"]
    assert [(m.name, m.dose, m.unit) for m in meds] == [(name, "", "")]


@pytest.mark.parametrize(
    "line",
    [
        "albuterol 90 mcg/actuation inhaler  Inhale 2 puffs into the lungs every 4 hours as needed",
        "ProAir HFA 2 puffs q4h prn wheeze",
        "albuterol sulfate HFA 18 g inhaler, 2 puffs every 4 hours as needed",
        "Ventolin 90 mcg/puff, inhale 2 puffs q4h prn",
    ],
)
def test_inhaler_dose_is_the_count_of_puffs(real: Lexicons, line: str) -> None:
    meds = [f for f in _facts(real, "Medications:\n" + line) if f.kind == "medication"]
    assert [(m.name, m.dose, m.unit, m.frequency) for m in meds] == [("albuterol", "2", "puff", "q4h prn")]
