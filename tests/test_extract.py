"""Extract stage: medications, allergies, vaccines, identity and document date from OCR'd pages."""

from __future__ import annotations

import re

import pytest

from pipeline.config import Settings
from pipeline.extract import extract_facts, ocr_page_from_text
from pipeline.lexicons import Allergen, DoseRange, DrugName, Lexicons, VaccineName
from pipeline.records import Fact


def _drug(name: str, ingredient: str, name_type: str = "generic", drug_class: str = "") -> DrugName:
    return DrugName(name, ingredient, name_type, f"rx{len(ingredient)}{ingredient[:3]}", drug_class, "test")


@pytest.fixture(scope="module")
def lex() -> Lexicons:
    """A small hand-made lexicon: enough names to exercise every rule."""
    drugs = (
        _drug("lisinopril", "lisinopril", drug_class="ace inhibitors"),
        _drug("zestril", "lisinopril", "brand"),
        _drug("metformin", "metformin"),
        _drug("metformin hydrochloride", "metformin", "salt"),
        _drug("metoprolol", "metoprolol"),
        _drug("metoprolol succinate", "metoprolol", "salt"),
        _drug("toprol", "metoprolol", "brand"),
        _drug("toprol xl", "metoprolol", "brand"),
        _drug("atorvastatin", "atorvastatin"),
        _drug("lipitor", "atorvastatin", "brand"),
        _drug("prednisone", "prednisone"),
        _drug("prednisolone", "prednisolone"),
        _drug("hydroxyzine", "hydroxyzine"),
        _drug("hydralazine", "hydralazine"),
        _drug("aspirin", "aspirin"),
        _drug("penicillin", "penicillin", drug_class="penicillins"),
        _drug("amoxicillin", "amoxicillin", drug_class="penicillins"),
        _drug("albuterol", "albuterol"),
        _drug("levothyroxine", "levothyroxine"),
        _drug("insulin glargine", "insulin glargine"),
        _drug("lantus", "insulin glargine", "brand"),
        _drug("codeine", "codeine", drug_class="opioids"),
    )
    vaccines = (
        VaccineName("tdap", "115", "tdap", "tetanus", "test"),
        VaccineName("boostrix", "115", "tdap", "tetanus", "test"),
        VaccineName("td", "09", "td", "tetanus", "test"),
        VaccineName("influenza", "88", "influenza", "influenza", "test"),
        VaccineName("flu shot", "88", "influenza", "influenza", "test"),
        VaccineName("mmr", "03", "mmr", "mmr", "test"),
        VaccineName("shingrix", "187", "zoster", "zoster", "test"),
        VaccineName("hepatitis b", "45", "hepatitis b", "hepatitis b", "test"),
    )
    allergens = (
        Allergen("penicillin", "penicillin", "penicillins", "drug", "test"),
        Allergen("pcn", "penicillin", "penicillins", "drug", "test"),
        Allergen("sulfa", "sulfa", "sulfonamide antibiotics", "drug_class", "test"),
        Allergen("sulfa drugs", "sulfa", "sulfonamide antibiotics", "drug_class", "test"),
        Allergen("latex", "latex", "environmental", "environmental", "test"),
        Allergen("peanuts", "peanut", "food", "food", "test"),
        Allergen("aspirin", "aspirin", "nsaids", "drug", "test"),
        Allergen("codeine", "codeine", "opioids", "drug", "test"),
    )
    return Lexicons(drugs, vaccines, allergens, (), ())


def _facts(lex: Lexicons, *page_texts: str, settings: Settings | None = None) -> list[Fact]:
    pages = [ocr_page_from_text(t, page=i + 1) for i, t in enumerate(page_texts)]
    return extract_facts(pages, lex, settings or Settings())


def _kind(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


def _one(facts: list[Fact], kind: str) -> Fact:
    found = _kind(facts, kind)
    assert len(found) == 1, found
    return found[0]


MEDS = "Current Medications:\n"


# ---------------------------------------------------------------- medications: names


@pytest.mark.parametrize(
    ("line", "ingredient"),
    [
        ("Zestril 10 mg daily", "lisinopril"),
        ("Lipitor 40 mg qhs", "atorvastatin"),
        ("Lantus 20 units at bedtime", "insulin glargine"),
        ("LISINOPRIL 10 MG DAILY", "lisinopril"),
    ],
)
def test_brand_name_maps_to_ingredient(lex: Lexicons, line: str, ingredient: str) -> None:
    med = _one(_facts(lex, MEDS + line), "medication")
    assert med.name == ingredient
    assert med.confidence == pytest.approx(0.95)
    assert med.provenance.rule == "extract.medication.exact"


@pytest.mark.parametrize(
    ("line", "ingredient"),
    [
        ("Metoprolol succinate 50 mg daily", "metoprolol"),
        ("Metformin hydrochloride 500 mg bid", "metformin"),
        ("Toprol XL 25 mg daily", "metoprolol"),
    ],
)
def test_salt_form_and_longest_brand_map_to_ingredient(lex: Lexicons, line: str, ingredient: str) -> None:
    med = _one(_facts(lex, MEDS + line), "medication")
    assert med.name == ingredient
    assert med.text.lower().startswith(line.split()[0].lower() + " " + line.split()[1].lower())


@pytest.mark.parametrize(
    ("line", "ingredient"),
    [
        ("Lisinoprll 20 mg daily", "lisinopril"),  # i read as l
        ("Lisinopri1 20 mg daily", "lisinopril"),  # l read as 1
        ("Levothyr0xine 50 mcg daily", "levothyroxine"),  # o read as 0
        ("rnetformin 500 mg bid", "metformin"),  # m read as rn
        ("Atorvastatln 40 mg qhs", "atorvastatin"),
        ("Atorvasatin 40 mg qhs", "atorvastatin"),  # dropped letter
        ("Lisinoppril 10 mg daily", "lisinopril"),  # doubled letter
    ],
)
def test_ocr_misread_name_matches_with_score_kept(lex: Lexicons, line: str, ingredient: str) -> None:
    med = _one(_facts(lex, MEDS + line), "medication")
    assert med.name == ingredient
    assert med.provenance.rule == "extract.medication.fuzzy"
    # OCR confidence 0.95 times a fuzzy score below 100 but above the threshold
    assert 0.95 * 0.86 <= med.confidence < 0.95
    assert med.ambiguous_with == ()


def test_misread_below_threshold_is_not_a_medication(lex: Lexicons) -> None:
    assert _kind(_facts(lex, MEDS + "Lxsxnxprxl 10 mg daily"), "medication") == []


def test_fuzzy_threshold_comes_from_settings(lex: Lexicons) -> None:
    from dataclasses import replace

    strict = replace(Settings(), extract=replace(Settings().extract, fuzzy_min_score=99.0))
    assert _kind(_facts(lex, MEDS + "Lisinoprll 20 mg daily", settings=strict), "medication") == []


def test_look_alike_misread_is_kept_ambiguous(lex: Lexicons) -> None:
    # "prednislne" is as close to prednisolone as to prednisone: never silently resolved.
    med = _one(_facts(lex, MEDS + "Prednislne 10 mg daily"), "medication")
    assert {med.name, *med.ambiguous_with} == {"prednisone", "prednisolone"}


def test_exact_look_alike_name_is_not_ambiguous(lex: Lexicons) -> None:
    med = _one(_facts(lex, MEDS + "Hydralazine 25 mg tid"), "medication")
    assert med.name == "hydralazine"
    assert med.ambiguous_with == ()


def test_code_is_rxcui_from_lexicon_and_brand_gets_generic_class(lex: Lexicons) -> None:
    med = _one(_facts(lex, MEDS + "Zestril 10 mg daily"), "medication")
    assert med.code == "rx10lis"
    assert med.group == "ace inhibitors"


# ---------------------------------------------------------------- medications: attributes


@pytest.mark.parametrize(
    ("line", "dose", "unit"),
    [
        ("Lisinopril 10 mg daily", "10", "mg"),
        ("Lisinopril 1.0 mg daily", "1", "mg"),
        ("Lisinopril .5 mg daily", "0.5", "mg"),
        ("Levothyroxine 50 mcg daily", "50", "mcg"),
        ("Levothyroxine 50 ug daily", "50", "mcg"),
        ("Levothyroxine 50 µg daily", "50", "mcg"),
        ("Lantus 20 units qhs", "20", "units"),
        ("Metformin 1-2 tabs bid", "1-2", "tab"),
        ("Metformin 500 mg 1 tab PO BID", "500", "mg"),  # strength wins over count
    ],
)
def test_strength_and_unit_attached_to_drug(lex: Lexicons, line: str, dose: str, unit: str) -> None:
    med = _one(_facts(lex, MEDS + line), "medication")
    assert (med.dose, med.unit) == (dose, unit)


@pytest.mark.parametrize(
    ("line", "frequency"),
    [
        ("Metformin 500 mg 1 tab PO BID", "bid"),
        ("Metformin 500 mg b.i.d.", "bid"),
        ("Metformin 500 mg twice daily", "bid"),
        ("Metformin 500 mg every 12 hours", "bid"),
        ("Metformin 500 mg take 1 tablet by mouth twice daily", "bid"),
        ("Albuterol 2 puffs q4-6h prn", "q4-6h prn"),
        ("Atorvastatin 40 mg at bedtime", "qhs"),
    ],
)
def test_frequency_normalized(lex: Lexicons, line: str, frequency: str) -> None:
    assert _one(_facts(lex, MEDS + line), "medication").frequency == frequency


@pytest.mark.parametrize(
    ("line", "route"),
    [
        ("Lisinopril 10 mg PO daily", "oral"),
        ("Metformin 500 mg take 1 tablet by mouth twice daily", "oral"),
        ("Albuterol 2 puffs inhaled q4-6h prn", "inhaled"),
        ("Lisinopril 10 mg daily", ""),  # not written: not invented
    ],
)
def test_route_normalized_only_when_written(lex: Lexicons, line: str, route: str) -> None:
    assert _one(_facts(lex, MEDS + line), "medication").route == route


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("Lisinopril 10 mg daily", "active"),
        ("Lisinopril 10 mg daily - discontinued", "discontinued"),
        ("Lisinopril 10 mg daily (stopped 3/2024)", "discontinued"),
        ("Lisinopril 10 mg daily d/c'd", "discontinued"),
        ("No longer taking lisinopril 10 mg daily", "discontinued"),
        ("Lisinopril 10 mg daily - HELD for low BP", "held"),
        ("Lisinopril 10 mg daily - patient refused", "refused"),
        ("Amoxicillin 500 mg tid x 10 days, completed", "completed"),
    ],
)
def test_status_cues(lex: Lexicons, line: str, status: str) -> None:
    assert _one(_facts(lex, MEDS + line), "medication").status == status


def test_drug_named_in_discontinued_line_gets_that_status_not_its_neighbour(lex: Lexicons) -> None:
    meds = _kind(_facts(lex, MEDS + "Discontinued: aspirin; continue metformin 500 mg bid"), "medication")
    by_name = {m.name: m.status for m in meds}
    assert by_name == {"aspirin": "discontinued", "metformin": "active"}


def test_discontinued_medications_header_sets_status(lex: Lexicons) -> None:
    text = "Discontinued Medications\nLisinopril 10 mg daily\nMetformin 500 mg bid"
    assert {m.status for m in _kind(_facts(lex, text), "medication")} == {"discontinued"}


def test_table_row_with_wide_gaps(lex: Lexicons) -> None:
    text = (
        "Medication List\n"
        "Medication      Dose      Frequency      Route      Status\n"
        "Lisinopril      10 mg      daily      PO      Active\n"
        "Metformin      500 mg      BID      PO      Held\n"
    )
    meds = _kind(_facts(lex, text), "medication")
    assert [(m.name, m.dose, m.unit, m.frequency, m.route, m.status) for m in meds] == [
        ("lisinopril", "10", "mg", "daily", "oral", "active"),
        ("metformin", "500", "mg", "bid", "oral", "held"),
    ]
    # the box spans the row from the name to the last column
    x0, y0, x1, y1 = meds[0].provenance.bbox or (0, 0, 0, 0)
    assert x1 - x0 > 40 * 25 and y1 - y0 < 50


def test_provenance_bbox_is_union_of_the_words(lex: Lexicons) -> None:
    med = _one(_facts(lex, MEDS + "Lisinopril 10 mg daily"), "medication")
    # line 2 of the fabricated page, columns 0..22 of a 25 px grid from a 150 px margin
    assert med.provenance.bbox == (150, 200, 150 + 22 * 25, 236)
    assert (med.provenance.provider, med.provenance.file, med.provenance.page) == ("p", "p/doc.pdf", 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She takes lisinopril 10 mg daily.", ["lisinopril"]),
        ("She takes lisinopril and metformin.", ["lisinopril", "metformin"]),
        ("Was started on atorvastatin by cardiology.", ["atorvastatin"]),
        ("History of Present Illness\nHer mother had a reaction to metformin years ago.", []),
        ("Problem List\nHypertension, previously on lisinopril", []),
        ("Past Medical History\nDiabetes treated with metformin", []),
    ],
)
def test_narrative_mentions_need_a_medication_context(lex: Lexicons, text: str, expected: list[str]) -> None:
    assert [m.name for m in _kind(_facts(lex, text), "medication")] == expected


# ---------------------------------------------------------------- allergies


def test_aspirin_allergy_is_an_allergy_and_takes_aspirin_is_a_medication(lex: Lexicons) -> None:
    facts = _facts(lex, "Aspirin allergy.\nShe takes aspirin 81 mg daily.")
    allergy = _one(facts, "allergy")
    med = _one(facts, "medication")
    assert (allergy.name, allergy.status, allergy.group) == ("aspirin", "active", "nsaids")
    assert (med.name, med.dose, med.unit) == ("aspirin", "81", "mg")


def test_drug_in_allergy_section_is_an_allergy_not_a_medication(lex: Lexicons) -> None:
    facts = _facts(lex, "Allergies:\nPenicillin - rash\nCodeine: nausea\n\nMedications:\nLisinopril 10 mg daily")
    assert [(a.name, a.reaction, a.group) for a in _kind(facts, "allergy")] == [
        ("penicillin", "rash", "penicillins"),
        ("codeine", "nausea", "opioids"),
    ]
    assert [m.name for m in _kind(facts, "medication")] == ["lisinopril"]


@pytest.mark.parametrize(
    ("line", "name", "reaction"),
    [
        ("penicillin (hives)", "penicillin", "hives"),
        ("penicillin - rash", "penicillin", "rash"),
        ("sulfa: anaphylaxis", "sulfa", "anaphylaxis"),
        ("Sulfa drugs   Urticaria", "sulfa", "hives"),
        ("PCN", "penicillin", ""),
        ("Peanuts (throat swelling)", "peanut", "swelling"),
    ],
)
def test_allergen_and_reaction(lex: Lexicons, line: str, name: str, reaction: str) -> None:
    allergy = _one(_facts(lex, "Allergies/Adverse Reactions\n" + line), "allergy")
    assert (allergy.name, allergy.status, allergy.reaction) == (name, "active", reaction)


@pytest.mark.parametrize(
    "text",
    [
        "Allergies: NKDA",
        "NKA",
        "Allergies: No known drug allergies",
        "ALLERGY: no known allergies",
        "Patient denies allergies.",
        "Allergies: None",
    ],
)
def test_no_known_allergies_gives_one_negated_none(lex: Lexicons, text: str) -> None:
    allergy = _one(_facts(lex, text), "allergy")
    assert (allergy.name, allergy.status) == ("none", "negated")


def test_no_known_allergies_to_latex_then_penicillin(lex: Lexicons) -> None:
    facts = _kind(_facts(lex, "Allergies: no known allergies to latex; penicillin (hives)"), "allergy")
    assert [(a.name, a.status, a.reaction) for a in facts] == [
        ("latex", "negated", ""),
        ("penicillin", "active", "hives"),
    ]


def test_not_allergic_to_negates_only_that_allergen(lex: Lexicons) -> None:
    facts = _kind(_facts(lex, "She is not allergic to latex. Allergic to sulfa drugs."), "allergy")
    assert [(a.name, a.status) for a in facts] == [("latex", "negated"), ("sulfa", "active")]


def test_allergic_to_in_narrative(lex: Lexicons) -> None:
    facts = _facts(lex, "HPI: She is allergic to penicillin and codeine, and takes metformin 500 mg bid.")
    assert [a.name for a in _kind(facts, "allergy")] == ["penicillin", "codeine"]
    assert [m.name for m in _kind(facts, "medication")] == ["metformin"]


def test_allergen_outside_allergy_context_is_ignored(lex: Lexicons) -> None:
    assert _kind(_facts(lex, "Social History\nWorks with latex gloves; eats peanuts."), "allergy") == []


# ---------------------------------------------------------------- vaccines


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Tdap 05/02/2019", "2019-05-02"),
        ("Tdap 5/2/19", "2019-05-02"),
        ("Tdap 2019-05-02", "2019-05-02"),
        ("Tdap May 2, 2019", "2019-05-02"),
        ("Tdap 02 May 2019", "2019-05-02"),
        ("Tdap 05/2019", "2019-05"),
        ("05/02/2019      Tdap      given", "2019-05-02"),  # date column first
    ],
)
def test_vaccine_date_in_each_format(lex: Lexicons, line: str, iso: str) -> None:
    vac = _one(_facts(lex, "Immunizations\n" + line), "vaccine")
    assert (vac.name, vac.code, vac.group, vac.date, vac.date_valid) == ("tdap", "115", "tetanus", iso, True)


def test_two_vaccines_on_one_line(lex: Lexicons) -> None:
    vacs = _kind(_facts(lex, "Immunizations: Tdap 05/02/2019; Influenza 10/01/2023"), "vaccine")
    assert [(v.name, v.code, v.date) for v in vacs] == [
        ("tdap", "115", "2019-05-02"),
        ("influenza", "88", "2023-10-01"),
    ]


@pytest.mark.parametrize(
    ("line", "dose_number"),
    [
        ("Hepatitis B dose 2 03/01/2020", "2"),
        ("Hepatitis B #3 09/01/2020", "3"),
        ("Hepatitis B 2nd dose 03/01/2020", "2"),
        ("Shingrix second dose 03/01/2020", "2"),
        ("Hepatitis B 03/01/2020", ""),
    ],
)
def test_vaccine_dose_number(lex: Lexicons, line: str, dose_number: str) -> None:
    assert _one(_facts(lex, "Vaccine Record\n" + line), "vaccine").dose_number == dose_number


def test_invalid_vaccine_date_kept_as_raw(lex: Lexicons) -> None:
    vac = _one(_facts(lex, "Immunizations\nInfluenza 02/30/2021"), "vaccine")
    assert (vac.name, vac.date, vac.raw_date, vac.date_valid) == ("influenza", "", "02/30/2021", False)


def test_fax_header_date_is_not_a_vaccine_date(lex: Lexicons) -> None:
    text = "FAX FROM RIVERSIDE 05/06/2024 14:32 P.001\nImmunizations\nTdap\nInfluenza 10/01/2023"
    vacs = _kind(_facts(lex, text), "vaccine")
    assert [(v.name, v.date) for v in vacs] == [("tdap", ""), ("influenza", "2023-10-01")]


def test_td_tdap_entry_is_one_tetanus_vaccine(lex: Lexicons) -> None:
    vac = _one(_facts(lex, "Immunizations\nTd/Tdap 06/01/2011"), "vaccine")
    assert (vac.name, vac.code, vac.group, vac.date) == ("tdap", "115", "tetanus", "2011-06-01")


def test_vaccine_pair_of_different_families_is_kept_ambiguous(lex: Lexicons) -> None:
    vac = _one(_facts(lex, "Immunizations\nMMR/Tdap 06/01/2011"), "vaccine")
    assert {vac.name, *vac.ambiguous_with} == {"mmr", "tdap"}


@pytest.mark.parametrize(
    "text",
    [
        "Immunizations: Her record shows Tdap on June 11,\n2018, and MMR on 04/22/1969.",
        "Immunizations: Her record shows influenza vaccine on 10/09/2023, Tdap\non 06/11/2018.",
    ],
)
def test_vaccine_date_wrapped_onto_the_next_line(lex: Lexicons, text: str) -> None:
    dates = {v.name: v.date for v in _kind(_facts(lex, text), "vaccine")}
    assert dates["tdap"] == "2018-06-11"


def test_vaccine_name_split_over_two_lines_gives_one_fact(lex: Lexicons) -> None:
    text = "Immunizations: influenza on 10/09/2023 and Tdap\nBoostrix on 06/11/2018."
    vacs = _kind(_facts(lex, text), "vaccine")
    assert [(v.name, v.date) for v in vacs] == [("influenza", "2023-10-09"), ("tdap", "2018-06-11")]


def test_vaccine_in_narrative_with_cue(lex: Lexicons) -> None:
    vac = _one(_facts(lex, "She received the Tdap vaccine on 05/02/2019 at the pharmacy."), "vaccine")
    assert (vac.name, vac.date) == ("tdap", "2019-05-02")


@pytest.mark.parametrize(
    "text",
    [
        "Assessment\nInfluenza A, diagnosed 01/05/2024",
        "History of Present Illness\nHad influenza in 01/2024 and recovered.",
    ],
)
def test_influenza_illness_is_not_a_vaccine(lex: Lexicons, text: str) -> None:
    assert _kind(_facts(lex, text), "vaccine") == []


def test_dated_vaccine_in_a_pharmacy_medication_list(lex: Lexicons) -> None:
    vac = _one(_facts(lex, "Medications\nBoostrix 0.5 ml 05/02/2019"), "vaccine")
    assert (vac.name, vac.date) == ("tdap", "2019-05-02")


def test_misread_vaccine_name_in_immunization_section(lex: Lexicons) -> None:
    vac = _one(_facts(lex, "Immunizations\nInfluenze 10/01/2023"), "vaccine")
    assert vac.name == "influenza" and vac.confidence < 0.95


# ---------------------------------------------------------------- identity and document date


@pytest.mark.parametrize(
    "header",
    [
        "Patient: GONZALEZ, MARIA L     DOB: 04/12/1961     MRN: PC-448812",
        "Name: Maria L. Gonzalez\nDate of Birth: April 12, 1961\nMedical Record #: PC-448812",
        "Patient Name: Gonzalez, Maria L.      D.O.B. 1961-04-12      Patient ID: PC-448812",
        "Pt: MARIA L GONZALEZ   Birth Date: 04/12/61   MRN PC-448812",
    ],
)
def test_identity_from_header_styles(lex: Lexicons, header: str) -> None:
    ident = {f.name: f for f in _kind(_facts(lex, header + "\nMedications:\nLisinopril 10 mg daily"), "identity")}
    assert set(ident) == {"name", "dob", "mrn"}
    assert ident["name"].value == "maria l gonzalez"
    assert ident["dob"].date == "1961-04-12"
    assert ident["mrn"].value == "PC-448812"


@pytest.mark.parametrize(("line", "mrn"), [("MRN: 448 812", "448812"), ("MRN: PC-448812  DOB: 04/12/1961", "PC-448812"), ("MRN: pending", "")])
def test_mrn_value_without_spaces(lex: Lexicons, line: str, mrn: str) -> None:
    assert [f.value for f in _kind(_facts(lex, line), "identity") if f.name == "mrn"] == ([mrn] if mrn else [])


def test_other_peoples_names_are_not_the_patient(lex: Lexicons) -> None:
    text = "Provider Name: John Smith MD\nEmergency Contact Name: Ana Gonzalez\nPatient: Maria Gonzalez"
    names = [f.value for f in _kind(_facts(lex, text), "identity") if f.name == "name"]
    assert names == ["maria gonzalez"]


def test_repeated_page_headers_give_one_fact_per_field(lex: Lexicons) -> None:
    header = "Patient: GONZALEZ, MARIA L   DOB: 04/12/1961\n"
    facts = _facts(lex, header + "Medications:\nLisinopril 10 mg daily", header + "Metformin 500 mg bid")
    assert sorted(f.name for f in _kind(facts, "identity")) == ["dob", "name"]


def test_identity_values_that_differ_are_all_kept(lex: Lexicons) -> None:
    facts = _facts(lex, "Patient: Maria Gonzalez\nDOB: 04/12/1961", "Patient: Maria Gonzales\nDOB: 04/21/1961")
    assert len([f for f in _kind(facts, "identity") if f.name == "dob"]) == 2
    assert len([f for f in _kind(facts, "identity") if f.name == "name"]) == 2


@pytest.mark.parametrize(
    ("text", "date", "which"),
    [
        ("Date of Service: 05/02/2024\nImmunizations\nTdap 05/02/2019", "2024-05-02", "visit"),
        ("Discharge Date: 03/15/2024\nDischarge Medications:\nLisinopril 10 mg daily", "2024-03-15", "discharge"),
        ("Riverside Clinic\nDate: 05/02/2024\nMedications\nLisinopril 10 mg daily", "2024-05-02", "visit"),
        ("Report Date: 2024-01-09", "2024-01-09", "report"),
        ("Date Printed: 05/10/2024\nVisit Date: 05/02/2024", "2024-05-02", "visit"),
        ("FAX 05/06/2024 14:32 P.001\nDate Printed: 05/04/2024", "2024-05-04", "printed"),
        ("FAX 05/06/2024 14:32 P.001\nMedications\nLisinopril 10 mg daily", "2024-05-06", "fax"),
    ],
)
def test_document_date_is_the_best_labelled_date(lex: Lexicons, text: str, date: str, which: str) -> None:
    doc_date = _one(_facts(lex, text), "document_date")
    assert (doc_date.date, doc_date.value) == (date, which)


@pytest.mark.parametrize(
    "text",
    [
        "Immunizations\nDate: 10/01/2023 Influenza",
        "Medications\nLisinopril 10 mg daily started 01/02/2020",
        "Immunizations\nTdap 05/02/2019",
    ],
)
def test_dates_inside_lists_are_never_the_document_date(lex: Lexicons, text: str) -> None:
    assert _kind(_facts(lex, text), "document_date") == []


# ---------------------------------------------------------------- sections


@pytest.mark.parametrize(
    "header",
    ["Medications", "MEDICATIONS:", "Medication List", "Home Medications:", "Rx:", "Meds", "Medicatlons", "Current  Medicatons"],
)
def test_medication_section_headers_tolerate_case_colons_and_ocr_noise(lex: Lexicons, header: str) -> None:
    med = _one(_facts(lex, header + "\nLisinoprll"), "medication")  # misread, no dose: needs the section
    assert med.section == "medications"


def test_header_inside_a_narrative_sentence(lex: Lexicons) -> None:
    text = "She was sent home on the following discharge medications: lisinopril, metformin."
    assert [m.name for m in _kind(_facts(lex, text), "medication")] == ["lisinopril", "metformin"]


def test_section_continues_on_the_next_page(lex: Lexicons) -> None:
    facts = _facts(lex, "Allergies:\nPenicillin (hives)", "Patient: Maria Gonzalez  Page 2 of 2\nCodeine - nausea")
    allergies = _kind(facts, "allergy")
    assert [(a.name, a.provenance.page) for a in allergies] == [("penicillin", 1), ("codeine", 2)]
    assert _kind(facts, "medication") == []


def test_ending_header_closes_the_section(lex: Lexicons) -> None:
    facts = _facts(lex, "Medications\nLisinopril 10 mg daily\nPlan\nDiscussed metformin")
    assert [m.name for m in _kind(facts, "medication")] == ["lisinopril"]


# ---------------------------------------------------------------- robustness


def test_empty_document_gives_no_facts(lex: Lexicons) -> None:
    assert extract_facts([], lex, Settings()) == []
    assert _facts(lex, "") == []


def test_low_ocr_confidence_lowers_fact_confidence(lex: Lexicons) -> None:
    page = ocr_page_from_text(MEDS + "Lisinopril 10 mg daily", conf=40.0)
    med = _one(extract_facts([page], lex, Settings()), "medication")
    assert med.confidence == pytest.approx(0.40)


@pytest.mark.parametrize(
    ("text", "read_as", "partner"),
    [
        ("hydroxyzlne 25 mg", "hydroxyzine", "hydralazine"),  # dose after it, no section
        (MEDS + "Hydroxyz1ne 10 mg PO at bedtime", "hydroxyzine", "hydralazine"),
        (MEDS + "Hydra1azine 25 mg tid", "hydralazine", "hydroxyzine"),
    ],
)
def test_fuzzy_read_of_one_of_a_look_alike_pair_names_the_other(
    lex: Lexicons, text: str, read_as: str, partner: str
) -> None:
    med = _one(_facts(lex, text), "medication")
    assert med.name == read_as
    assert partner in med.ambiguous_with


@pytest.mark.parametrize("text", ["hydroxyzine 25 mg", MEDS + "Hydroxyzine 10 mg PO at bedtime"])
def test_exact_read_of_a_look_alike_pair_member_is_not_ambiguous(lex: Lexicons, text: str) -> None:
    assert _one(_facts(lex, text), "medication").ambiguous_with == ()


@pytest.mark.parametrize(
    ("text", "frequency"),
    [
        ("Meds: aspirin 81 mg, metformin 500 mg\nBID, lisinopril 10 mg daily.", "bid"),
        ("Current meds include metformin 500 mg\ntwice daily with meals.", "bid"),
        ("Meds: metformin 500 mg\nQ12H.", "bid"),
    ],
)
def test_directions_wrapped_onto_the_next_line_of_an_inline_list(lex: Lexicons, text: str, frequency: str) -> None:
    met = [f for f in _kind(_facts(lex, text), "medication") if f.name == "metformin"]
    assert [(m.dose, m.unit, m.frequency) for m in met] == [("500", "mg", frequency)]


def test_a_finished_sentence_does_not_take_the_next_lines_frequency(lex: Lexicons) -> None:
    text = "Meds: metformin 500 mg.\nDaily weights were reviewed with the patient."
    met = [f for f in _kind(_facts(lex, text), "medication") if f.name == "metformin"]
    assert [m.frequency for m in met] == [""]


@pytest.mark.parametrize(
    "convention",
    [
        "All dates DD/MM/YYYY",
        "Date format: day/month/year",
        "Immunization history (dd/mm/yyyy)",
        "Dates are written day-first",
    ],
)
def test_stated_day_first_convention_reads_numeric_dates_day_first(lex: Lexicons, convention: str) -> None:
    facts = _facts(lex, f"{convention}\nPatient: Maria Lopez  DOB: 05/06/1961\nImmunizations:\nTdap 03/04/2021\n")
    assert _one(facts, "vaccine").date == "2021-04-03"
    dob = [f for f in facts if f.kind == "identity" and f.name == "dob"]
    assert dob and dob[0].date == "1961-06-05"


def test_other_day_first_date_makes_ambiguous_dates_day_first(lex: Lexicons) -> None:
    facts = _facts(lex, "Patient: Maria Lopez  DOB: 23/06/1961\nImmunizations:\nTdap 03/04/2021\n")
    assert _one(facts, "vaccine").date == "2021-04-03"


@pytest.mark.parametrize(
    "header",
    [
        "Patient: Maria Lopez  DOB: 06/23/1961",  # month first written unambiguously
        "Patient: Maria Lopez  DOB: 06/05/1961",  # nothing says day first
        "Format of IDs: MM-0001",
    ],
)
def test_without_day_first_evidence_numeric_dates_stay_month_first(lex: Lexicons, header: str) -> None:
    facts = _facts(lex, f"{header}\nImmunizations:\nTdap 03/04/2021\n")
    assert _one(facts, "vaccine").date == "2021-03-04"


@pytest.mark.parametrize(
    ("text", "name", "frequency", "route"),
    [
        ("Rx 55021\tMETOPROLOL SUCCINATE 25 MG TABLET\nDirections: TAKE ONE TABLET BY MOUTH EVERY MORNING\n",
         "metoprolol", "qam", "oral"),
        ("Prescription 8812\tatorvastatin 40 mg tab\nSig: 1 tab po qhs\nQty: 30\n", "atorvastatin", "qhs", "oral"),
        ("LISINOPRIL 10MG TABLETS:\nInstructions: take one tablet by mouth twice a day\n", "lisinopril", "bid", "oral"),
        ("Levothyroxine 50 mcg tablet\n  Directions: 1 tablet orally every day before breakfast\n",
         "levothyroxine", "daily", "oral"),
    ],
)
def test_directions_line_under_a_drug_line_gives_its_sig(
    lex: Lexicons, text: str, name: str, frequency: str, route: str
) -> None:
    med = _one(_facts(lex, text), "medication")
    assert (med.name, med.frequency, med.route) == (name, frequency, route)


@pytest.mark.parametrize(
    "text",
    [
        "Rx 55021\tMETOPROLOL SUCCINATE 25 MG TABLET\nQty: 30 Refills: 2\nDirections for storage: keep dry, twice a day check\n",
        "METOPROLOL SUCCINATE 25 MG TABLET\tQty 30\nPharmacy note: ships daily\n",
    ],
)
def test_sig_is_not_taken_from_a_line_that_is_not_directions(lex: Lexicons, text: str) -> None:
    med = _one(_facts(lex, text), "medication")
    assert med.frequency == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Allergies / reactions: Penicillin - hives; Latex - rash\n", {"penicillin", "latex"}),
        ("Allergy/Intolerance: codeine (nausea)\n", {"codeine"}),
        ("Allergies on file: SULFA, LATEX\n", {"sulfa", "latex"}),
        ("Allergies noted: peanuts\n", {"peanut"}),
        ("Drug intolerances: codeine - vomiting\n", {"codeine"}),
        ("Any allergy or bad reaction to a medicine? Please list:\tpenicillin - swelling\n", {"penicillin"}),
    ],
)
def test_labelled_allergy_statements_of_forms_and_labels(lex: Lexicons, text: str, expected: set[str]) -> None:
    assert {f.name for f in _kind(_facts(lex, text), "allergy")} == expected


def test_allergy_questionnaire_items_answered_yes_are_allergies_and_no_are_not(lex: Lexicons) -> None:
    text = (
        "Have you ever been told you are allergic to any of these?\n"
        "Penicillin or amoxicillin\tNo\n"
        "Latex gloves\tYes\n"
        "Sulfa drugs\tNo\n"
        "Codeine / narcotics\tYes\n"
    )
    assert {f.name for f in _kind(_facts(lex, text), "allergy")} == {"latex", "codeine"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Are you allergic to penicillin? No\n", set()),
        ("Are you allergic to latex?   Yes\n", {"latex"}),
        ("Is the patient allergic to sulfa drugs?\tNo\n", set()),
    ],
)
def test_one_line_allergy_question_follows_its_answer(lex: Lexicons, text: str, expected: set[str]) -> None:
    assert {f.name for f in _kind(_facts(lex, text), "allergy")} == expected


def test_items_after_an_unanswered_line_are_not_under_the_allergy_question(lex: Lexicons) -> None:
    text = "Are you allergic to anything?\tNo\nMedicines you take:\nPenicillin\tYes\n"
    assert _kind(_facts(lex, text), "allergy") == []


def _identity(facts: list[Fact], field: str) -> list[str]:
    return [f.value for f in facts if f.kind == "identity" and f.name == field]


@pytest.mark.parametrize(
    ("text", "name", "mrn"),
    [
        ("Participant: Rosa M. Delgado   Program ID: PR-4410\n", "rosa m delgado", "PR-4410"),
        ("Member: ROSA DELGADO\tMember ID: XQZ 7781 2040\n", "rosa delgado", "XQZ77812040"),
        ("Client: Rosa Delgado   Clinic file no.: CF-99012\n", "rosa delgado", "CF-99012"),
        ("Name: DELGADO Rosa Maria   Rehab ID: 5521-B\n", "rosa maria delgado", "5521-B"),
        ("Member name: Rosa Delgado   Participant #: 00412\n", "rosa delgado", "00412"),
    ],
)
def test_program_and_plan_identity_labels(lex: Lexicons, text: str, name: str, mrn: str) -> None:
    facts = _facts(lex, text)
    assert _identity(facts, "name") == [name]
    assert _identity(facts, "mrn") == [mrn]


@pytest.mark.parametrize(
    "line",
    [
        "Physician's name: Dr. Imani Osei, Lakeside Cardiology",
        "Reviewed with patient: K. Moreno, DDS",
        "Attending physician name: Paul Okafor",
        "Signed by provider - Name: Lena Ortiz",
        "Name: Dr. Imani Osei",
    ],
)
def test_a_clinician_named_by_a_label_is_not_the_patient(lex: Lexicons, line: str) -> None:
    facts = _facts(lex, f"Patient name: Rosa Delgado\n{line}\n")
    assert _identity(facts, "name") == ["rosa delgado"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Rosa DELGADO", "rosa delgado"), ("ROSA DELGADO", "rosa delgado"), ("DELGADO, Rosa", "rosa delgado")],
)
def test_capitalised_name_order_is_kept_unless_family_name_comes_first(lex: Lexicons, value: str, expected: str) -> None:
    assert _identity(_facts(lex, f"Patient name: {value}\n"), "name") == [expected]


@pytest.fixture(scope="module")
def lex_ranges(lex: Lexicons) -> Lexicons:
    """The small lexicon with usual single doses (mg) for a few drugs: a unitless strength fits one unit."""
    ranges = (
        DoseRange("metformin", "mg", "", 250, 1000, 2550, "test"),
        DoseRange("lisinopril", "mg", "", 2.5, 40, 80, "test"),
        DoseRange("atorvastatin", "mg", "", 10, 80, 80, "test"),
    )
    return Lexicons(lex.drugs, lex.vaccines, lex.allergens, (), ranges)


@pytest.mark.parametrize(
    ("line", "name", "dose", "frequency"),
    [
        ("metformin 850 two times a day with meals (diabetes)", "metformin", "850", "bid"),
        ("blood pressure pill lisinopril 20 once a day", "lisinopril", "20", "daily"),
        ("Lipitor 40 1 at bedtime for cholesterol", "atorvastatin", "40", "qhs"),
        ("metformin 500 one tablet three times a day", "metformin", "500", "tid"),
        ("lisinopril 10mg once a day", "lisinopril", "10", "daily"),
    ],
)
def test_patient_written_medicine_list_lines(
    lex_ranges: Lexicons, line: str, name: str, dose: str, frequency: str
) -> None:
    text = f"Please list every medicine you take:\n{line}\n"
    med = _one(_facts(lex_ranges, text), "medication")
    assert (med.name, med.dose, med.unit, med.frequency) == (name, dose, "mg", frequency)


@pytest.mark.parametrize(
    "line",
    [
        "metformin 5000 two times a day",  # outside the usual doses: no unit to give it
        "my sister takes metformin, 3 kids",
        "lisinopril was stopped 2 years ago",
    ],
)
def test_unitless_number_is_not_a_dose_outside_the_range_or_without_a_schedule(lex_ranges: Lexicons, line: str) -> None:
    meds = _kind(_facts(lex_ranges, f"Notes:\n{line}\n"), "medication")
    assert all(m.dose == "" for m in meds)


def test_label_prefilter_matches_wherever_a_label_does_and_gives_way_when_it_cannot() -> None:
    from pipeline.extract import _any_of, _Cue

    cues = [_Cue(re.compile(p, re.IGNORECASE), "", 0, False) for p in (r"(?<![\w])(?:d\.?o\.?b\.?)(?![\w])", r"date\s+of\s+service")]
    joined = _any_of(cues)
    assert joined is not None
    for line in ("Pt DOB: 03/14/1950", "DATE OF  SERVICE 2024-01-02", "no label on this line", "adobe"):
        assert bool(joined.search(line)) == any(c.regex.search(line) for c in cues)
    # A backreference would point at another pattern's group once joined; global flags do not
    # compile inside a group: no prefilter then, every pattern is searched as before.
    assert _any_of([*cues, _Cue(re.compile(r"(\w)\1"), "", 0, False)]) is None
    assert _any_of([*cues, _Cue(re.compile(r"(a)?(?(1)b|c)"), "", 0, False)]) is None
    assert _any_of([*cues, _Cue(re.compile(r"(?x) a b"), "", 0, False)]) is None
