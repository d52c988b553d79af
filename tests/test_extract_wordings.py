"""Extract from wordings found in letters, transfer forms and pharmacy leaflets: dose changes,
directions printed under a drug's description, allergy lists under other names, vaccines in
prose and their negations, and identity written into a letter's "RE:" line.

Every wording here is invented for the test; the real lexicons are used, as a user's run would.
"""

from __future__ import annotations

import pytest

from pipeline import normalize
from pipeline.config import Settings
from pipeline.extract import extract_facts, ocr_page_from_text
from pipeline.lexicons import Lexicons, load_lexicons
from pipeline.records import Fact


@pytest.fixture(scope="module")
def lex() -> Lexicons:
    return load_lexicons()


def _facts(lex: Lexicons, *pages: str) -> list[Fact]:
    return extract_facts([ocr_page_from_text(t, page=i + 1) for i, t in enumerate(pages)], lex, Settings())


def _of(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


def _meds(lex: Lexicons, text: str) -> list[tuple[str, str, str, str]]:
    return [(f.name, f.dose, f.unit, f.frequency) for f in _of(_facts(lex, text), "medication")]


# ---------------------------------------------------------------- a change names the dose taken now


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Glyburide 5 mg twice a day -> 2.5 mg by mouth twice a day", ("glyburide", "2.5", "mg", "bid")),
        ("Atorvastatin 40 mg at bedtime \u2192 20 mg at bedtime", ("atorvastatin", "20", "mg", "qhs")),
        # the new part leaves out how often: the old frequency still holds
        ("Amlodipine 10 mg daily => 5 mg", ("amlodipine", "5", "mg", "daily")),
        ("Lisinopril was decreased from 20 mg to 10 mg daily.", ("lisinopril", "10", "mg", "daily")),
        ("Metformin 500 mg BID, increased to 1000 mg BID", ("metformin", "1000", "mg", "bid")),
        ("Furosemide 40 mg daily; dose changed to 20 mg daily", ("furosemide", "20", "mg", "daily")),
    ],
)
def test_a_dose_change_records_the_new_dose(lex: Lexicons, line: str, expected: tuple[str, ...]) -> None:
    assert _meds(lex, "Medication changes\n" + line) == [expected]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a taper's range is its plan, not a change already made: the dose taken first is kept
        ("Prednisone taper from 40 mg to 10 mg over 2 weeks", ("prednisone", "40", "mg", "")),
        ("Sertraline 50 mg daily (no change)", ("sertraline", "50", "mg", "daily")),
        ("Gabapentin 300 mg three times a day, may go up to 600 mg", ("gabapentin", "300", "mg", "tid")),
    ],
)
def test_words_that_are_not_a_change_keep_the_written_dose(
    lex: Lexicons, line: str, expected: tuple[str, ...]
) -> None:
    assert _meds(lex, "Current medications\n" + line) == [expected]


# ---------------------------------------------------------------- OCR reads a 0 as @ or O


@pytest.mark.parametrize(
    ("text", "dose", "unit"),
    [("2@ units at bedtime", "20", "units"), ("1O mg daily", "10", "mg"), ("5OO mg", "500", "mg")],
)
def test_a_zero_misread_as_a_letter_before_a_unit_is_read_as_zero(text: str, dose: str, unit: str) -> None:
    found = normalize.find_doses(text)
    assert [(d.dose, d.unit) for d in found] == [(dose, unit)]
    assert found[0].raw == text[found[0].start : found[0].end]  # the page's own characters


@pytest.mark.parametrize("text", ["given @ bedtime", "Room 2O4", "LOT 1O mgX", "@ units"])
def test_at_signs_and_letters_elsewhere_are_not_doses(text: str) -> None:
    assert normalize.find_doses(text) == []


# ---------------------------------------------------------------- pharmacy leaflets


LEAFLET = """PARKSIDE DRUG  77 Spruce Ave
Rx# 88110  FILLED 02/03/2026
ATORVASTATIN 40 MG TABLET
ABOUT THIS MEDICINE
ATORVASTATIN (a TORE va sta tin) lowers cholesterol and protects the heart.
DIRECTIONS FOR USE
Take 1 tablet by mouth at bedtime.
POSSIBLE SIDE EFFECTS
Muscle aches.
Rx# 88111  FILLED 02/03/2026
BASAGLAR KWIKPEN 100 UNIT/ML
ABOUT THIS MEDICINE
INSULIN GLARGINE is a long-acting insulin.
DIRECTIONS FOR USE
Inject 14 units under the skin every morning.
Rx# 88112  FILLED 02/03/2026
ZOLOFT 50 MG TABLET
Take one tablet by mouth daily.
"""


def test_directions_under_a_leaflets_description_belong_to_its_drug(lex: Lexicons) -> None:
    assert sorted(_meds(lex, LEAFLET)) == [
        ("atorvastatin", "40", "mg", "qhs"),
        ("insulin glargine", "14", "units", "qam"),  # the dose is the sig's, not the pen's 100 units/mL
        ("sertraline", "50", "mg", "daily"),
    ]


def test_another_drug_between_a_drug_and_directions_keeps_them_apart(lex: Lexicons) -> None:
    text = "LOSARTAN 50 MG TABLET\nDo not use with lithium.\nHOW TO USE\nTake 1 tablet by mouth twice a day.\n"
    assert ("losartan", "50", "mg", "") in _meds(lex, text)
    assert ("losartan", "50", "mg", "bid") not in _meds(lex, text)


# ---------------------------------------------------------------- allergy lists under other names


@pytest.mark.parametrize(
    "text",
    [
        "Allergies & Sensitivities\n[ ] None known  [x] See below\nCodeine -> nausea\nIV contrast -> hives\n",
        "Intolerances\nCodeine (nausea)\nIV contrast (hives)\n",
        "Intolerances on our file: codeine (nausea) and IV contrast (hives).\n",
        "ALLERGIES ON PROFILE: CODEINE (NAUSEA); X-RAY DYE (HIVES)\n",
        "Adverse reactions noted: codeine - nausea; CT dye - hives\n",
    ],
)
def test_allergies_under_other_headings_and_labels(lex: Lexicons, text: str) -> None:
    found = {(f.name, f.status, f.reaction) for f in _of(_facts(lex, text), "allergy")}
    assert found == {("codeine", "active", "nausea"), ("iodinated contrast", "active", "hives")}


# ---------------------------------------------------------------- vaccines in prose


def test_a_vaccine_list_that_wraps_keeps_its_cue(lex: Lexicons) -> None:
    text = (
        "Vaccines, from his wallet card: Shingrix on March 3rd, 2023; Tdap on August 9th,\n"
        "2019; Prevnar 20 on January 22nd, 2024.\n"
    )
    found = {(f.name, f.date) for f in _of(_facts(lex, text), "vaccine")}
    assert found == {("zoster", "2023-03-03"), ("tdap", "2019-08-09"), ("pneumococcal", "2024-01-22")}


@pytest.mark.parametrize(
    "sentence",
    [
        "He does not recall a shingles vaccine.",
        "She has never had a pneumonia shot.",
        "There is no record of a hepatitis B vaccine.",
        "He has not received the COVID-19 vaccine.",
        "Hepatitis B vaccine: status unknown.",
    ],
)
def test_a_vaccine_the_record_says_was_not_given_is_no_dose(lex: Lexicons, sentence: str) -> None:
    assert _of(_facts(lex, "Immunizations\nInfluenza vaccine on 10/2/2025.\n" + sentence), "vaccine") == [
        f for f in _of(_facts(lex, "Immunizations\nInfluenza vaccine on 10/2/2025.\n"), "vaccine")
    ]


def test_a_negation_in_the_next_sentence_leaves_the_dose_before_it(lex: Lexicons) -> None:
    text = (
        "Immunizations\nHis son keeps the records: a flu shot on 10/2/2025 and a Tdap booster on 6/11/2018. He\n"
        "does not recall a pneumonia vaccine.\n"
    )
    found = {(f.name, f.date) for f in _of(_facts(lex, text), "vaccine")}
    assert found == {("influenza", "2025-10-02"), ("tdap", "2018-06-11")}


def test_an_unknown_box_on_a_form_is_not_a_refusal(lex: Lexicons) -> None:
    text = "Immunization screening\nTdap: [x] Yes  [ ] No  [ ] Unknown  Date of last dose: 04/07/2021\n"
    assert [(f.name, f.date) for f in _of(_facts(lex, text), "vaccine")] == [("tdap", "2021-04-07")]


# ---------------------------------------------------------------- identity and the document's date


def test_a_letters_re_line_gives_name_birth_date_and_reference(lex: Lexicons) -> None:
    text = "Pine Valley Cardiology\nMay 2nd, 2026\nRE: Martin J. Oduya, born August 3rd, 1951 (our ref. PVC-1102)\n"
    found = {(f.name, f.value) for f in _of(_facts(lex, text), "identity")}
    assert found == {("name", "martin j oduya"), ("dob", "1951-08-03"), ("mrn", "PVC-1102")}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("PATIENT: ODUYA, MARTIN  DOB: 08/03/1951  ACCT: PV 77120", ["PV77120"]),
        # a record number beside it: the account is a billing visit's, not the patient's
        ("Patient: Martin Oduya  MRN: 551200  Acct#: 99812-4", ["551200"]),
    ],
)
def test_an_account_number_is_the_record_number_only_when_no_mrn_is_printed(
    lex: Lexicons, header: str, expected: list[str]
) -> None:
    assert [f.value for f in _of(_facts(lex, header), "identity") if f.name == "mrn"] == expected


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Date of transfer: 10APR2026  Time: 1100", "2026-04-10"),
        ("Seen on Tuesday, April 14, 2026", "2026-04-14"),
        ("Seen in clinic on Fri 3/6/2026", "2026-03-06"),
    ],
)
def test_a_visit_or_transfer_date_is_the_documents_date(lex: Lexicons, line: str, iso: str) -> None:
    text = "Harbor Hospice\n" + line + "\nPatient: Martin Oduya\n"
    assert [f.date for f in _of(_facts(lex, text), "document_date")] == [iso]


# ---------------------------------------------------------------- the amount taken at a time


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("metoprolol tartrate 50 mg tablet   one-half tablet by mouth twice daily", ("metoprolol", "25", "mg", "bid")),
        ("METOPROLOL TART 50MG TAB   ss T PO BID", ("metoprolol", "25", "mg", "bid")),
        ("ACETAMINOPHEN 500MG TAB   ii T PO Q8H PRN PAIN", ("acetaminophen", "1000", "mg", "tid prn")),
        # a mass in the directions is the dose as written, in its own unit
        ("acetaminophen 500 mg tablet   1 gram by mouth every 8 hours", ("acetaminophen", "1", "g", "tid")),
        ("furosemide 20 MG tablet Take 2 tablets by mouth daily", ("furosemide", "40", "mg", "daily")),
        ("oxycodone 5 mg tablet Take 1-2 tablets every 6 hours as needed", ("oxycodone", "5-10", "mg", "qid prn")),
        ("PRAVASTATIN SOD 40MG TAB   i T PO QHS", ("pravastatin", "40", "mg", "qhs")),
        # "may increase to" is a plan, not the dose taken now
        ("lisinopril 10 mg daily, may increase to 20 mg", ("lisinopril", "10", "mg", "daily")),
    ],
)
def test_the_dose_is_the_amount_taken_at_a_time(lex: Lexicons, row: str, expected: tuple[str, ...]) -> None:
    assert _meds(lex, "Medications\n" + row) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ss T PO BID", [("0.5", "tab")]),
        ("iT PO QD", [("1", "tab")]),  # OCR glued the count to its T
        ("ii PUFFS INH BID", [("2", "puff")]),
        ("TAKE I TAB PO BID", [("1", "tab")]),
        ("half a tablet daily", [("0.5", "tab")]),
        ("Take two capsules", [("2", "cap")]),
        ("take it as it is", []),
        ("TAKE IT DAILY", []),
        ("someone tablets", []),
    ],
)
def test_latin_and_word_counts_of_tablets(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.dose, d.unit) for d in normalize.find_doses(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25 mg_\tOral", [("25", "mg")]),  # a form's underline read after the unit
        ("\tlg\tOral", [("1", "g")]),  # "1g" read "lg" in a dose cell
        ("ACETAMINOPHEN 500NG TAB", [("500", "mg")]),
        ("free T4 1.2 ng/dL", []),  # a lab value stays a lab value
        ("a lg bruise", []),
    ],
)
def test_ocr_misreads_of_dose_units(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.dose, d.unit) for d in normalize.find_doses(text)] == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("ELIQUIS 5G TAB   i T PO BID", ("apixaban", "5", "mg", "bid")),  # 5 g of apixaban is no dose
        ("cephalexin 1 g by mouth twice daily", ("cephalexin", "1", "g", "bid")),  # 1 g is
    ],
)
def test_grams_that_are_no_usual_dose_are_read_as_milligrams(lex: Lexicons, row: str, expected: tuple[str, ...]) -> None:
    assert _meds(lex, "Medications\n" + row) == [expected]


def test_inh_after_a_dose_is_the_route_and_before_one_the_drug(lex: Lexicons) -> None:
    text = "Medications\nFLOVENT HFA 110MCG INH   ii PUFFS INH BID\nINH 300 mg by mouth daily\n"
    assert sorted(_meds(lex, text)) == [("fluticasone", "2", "puff", "bid"), ("isoniazid", "300", "mg", "daily")]


# ---------------------------------------------------------------- table titles


def test_a_table_titled_medication_and_instructions_is_one_table(lex: Lexicons) -> None:
    text = (
        "Home medications (reviewed with patient today)\n"
        "Medication                          Instructions\n"
        "Eliquis 5 mg tablet                 1 tablet by mouth twice daily\n"
        "allopurinol 100 mg tablet           1 tablet by mouth daily\n"
    )
    assert _meds(lex, text) == [("apixaban", "5", "mg", "bid"), ("allopurinol", "100", "mg", "daily")]


def test_a_registry_grid_titled_by_its_vaccine_column_is_an_immunization_list(lex: Lexicons) -> None:
    text = (
        "COUNTY IMMUNIZATION PRINTOUT\n"
        "Report run: 02/11/2025 10:02 AM\n"
        "Group        Vaccine                    CVX    Date given    Dose\n"
        "Influenza    Fluzone High-Dose          197    10/04/2024    1\n"
        "Zoster       Shingrix                   187    03/15/2022    2\n"
    )
    facts = _facts(lex, text)
    assert {(f.name, f.date) for f in _of(facts, "vaccine")} == {("influenza", "2024-10-04"), ("zoster", "2022-03-15")}
    assert [f.date for f in _of(facts, "document_date")] == ["2025-02-11"]


def test_a_drug_named_again_with_less_is_the_same_entry(lex: Lexicons) -> None:
    text = (
        "YOUR PRESCRIPTIONS ON FILE\n"
        "Rx 5512   CRESTOR 20 MG TABLET\n"
        "Directions: TAKE 1 TABLET BY MOUTH AT BEDTIME\n"
        "THIS SHIPMENT - AMOUNT DUE\n"
        "CRESTOR 20 MG    $45.00\n"
    )
    assert _meds(lex, text) == [("rosuvastatin", "20", "mg", "qhs")]


def test_drugs_a_question_gives_as_examples_are_not_taken(lex: Lexicons) -> None:
    text = (
        "Please list every medicine you take:\n"
        "sertraline 50mg each morning\n"
        "Are you taking a blood thinner (Plavix, Coumadin, Eliquis, aspirin)?    Yes\n"
    )
    assert _meds(lex, text) == [("sertraline", "50", "mg", "qam")]


@pytest.mark.parametrize("word", ["dally", "daiiy"])
def test_ocr_misreads_of_daily(word: str) -> None:
    assert [f.frequency for f in normalize.find_frequencies(f"by mouth once {word}")] == ["daily"]


# ---------------------------------------------------------------- combination products and patches


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50-12.5 mg tablet", [("50-12.5", "mg")]),  # a combination's two strengths, larger first
        ("5/325 mg tablet", [("5-325", "mg")]),
        ("20 MG-25 MG TABLET", [("20-25", "mg")]),
        ("S0-12.5 mg", [("50-12.5", "mg")]),  # a 5 read as S
        ("1-2 tabs", [("1-2", "tab")]),  # still a range
        ("2-1 tabs", []),
    ],
)
def test_combination_strengths(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.dose, d.unit) for d in normalize.find_doses(text)] == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("amlodipine/benazepril 5/10 mg once daily", ("amlodipine-benazepril", "5-10", "mg", "daily")),
        # a salt word between two drug names of a combination the lexicon knows
        ("LOSARTAN POTASSIUM-HYDROCHLOROTHIAZIDE 100-25 MG TAB   i T PO QD", ("losartan-hydrochlorothiazide", "100-25", "mg", "daily")),
        ("Hyzaar 100/25 1 a day", ("losartan-hydrochlorothiazide", "100-25", "mg", "daily")),
        ("timolol 0.5% eye drops, 1 drop in the right eye twice a day", ("timolol", "1", "drop", "bid")),
        ("lidocaine 5% patch: apply 1 patch to the knee, 12 hours on, 12 hours off", ("lidocaine", "1", "patch", "daily")),
        ("naproxen 250 mg tablets, 2 tablets by mouth twice a day", ("naproxen", "500", "mg", "bid")),
        ("metformin 500 mg tablet  Qty: 60 tablets  twice daily", ("metformin", "500", "mg", "bid")),
    ],
)
def test_combinations_counts_and_applied_products(lex: Lexicons, row: str, expected: tuple[str, ...]) -> None:
    assert _meds(lex, "Medications\n" + row) == [expected]


# ---------------------------------------------------------------- labels side by side, boxes


def test_bag_labels_printed_two_to_a_row_keep_their_own_directions(lex: Lexicons) -> None:
    text = (
        "Rx# 1101   FILLED 03/02/26                     Rx# 1105   FILLED 03/02/26\n"
        "ZOLOFT 50MG TABLET                              TIMOLOL 0.5% EYE DROPS\n"
        "TAKE 1 TABLET BY MOUTH EVERY MORNING            INSTILL 1 DROP INTO RIGHT EYE TWICE DAILY\n"
        "QTY: 30   REFILLS: 2                            QTY: 5ML   REFILLS: 3\n"
    )
    assert sorted(_meds(lex, text)) == [("sertraline", "50", "mg", "qam"), ("timolol", "1", "drop", "bid")]


def test_a_medicine_box_with_its_how_i_use_it_line(lex: Lexicons) -> None:
    text = (
        "My medicines\n"
        "Medicine: PRAVASTATIN SODIUM 20 MG TABLET          Why I use it: cholesterol\n"
        "How I use it: Take 1 tablet by mouth at bedtime     Prescriber: J. Roe, MD\n"
    )
    facts = _of(_facts(lex, text), "medication")
    assert [(f.name, f.dose, f.unit, f.frequency) for f in facts] == [("pravastatin", "20", "mg", "qhs")]
    assert "Prescriber" not in facts[0].text  # the fact's words are the entry's, not the next column's


# ---------------------------------------------------------------- form sections and advice


def test_numbered_form_sections_and_action_headers(lex: Lexicons) -> None:
    text = (
        "1. CURRENT MEDICINES - list all, with eye drops and patches\n"
        "Eliquis 5 mg 2x a day\n"
        "2. ALLERGIES TO MEDICINES, FOODS, LATEX\n"
        "( ) No known allergies    Yes - medicine and reaction:    codeine - nausea\n"
        "HOLD these medicines until your kidney doctor says to restart them:\n"
        "empagliflozin (JARDIANCE) 10 mg tablet, 1 tablet by mouth daily\n"
    )
    facts = _facts(lex, text)
    assert {(f.name, f.status) for f in _of(facts, "allergy")} == {("codeine", "active")}
    assert {(f.name, f.status) for f in _of(facts, "medication")} == {("apixaban", "active"), ("empagliflozin", "held")}


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("empagliflozin 10 mg daily (held since 6/8, resumed today)", "active"),
        ("empagliflozin 10 mg daily (held since 6/8)", "held"),
    ],
)
def test_a_restart_after_a_hold_is_active(lex: Lexicons, line: str, status: str) -> None:
    assert [f.status for f in _of(_facts(lex, "Medications\n" + line), "medication")] == [status]


def test_advice_to_avoid_a_drug_is_no_medication(lex: Lexicons) -> None:
    text = (
        "Medications\n"
        "Do not take ibuprofen, naproxen (ALEVE) or other NSAID pain relievers.\n"
        "TAKE 1 TABLET BY MOUTH DAILY. DO NOT CRUSH OR CHEW    LATANOPROST 0.005% EYE DROPS\n"
        "QTY: 30" + " " * 47 + "INSTILL 1 DROP INTO BOTH EYES AT BEDTIME\n"
    )
    assert _meds(lex, text) == [("latanoprost", "1", "drop", "qhs")]


def test_dose_numbers_and_makers_between_a_vaccines_dates(lex: Lexicons) -> None:
    text = (
        "3. IMMUNIZATIONS\n"
        "Hepatitis B series:    #1 2/10/2025, #2 3/10/2025, #3 8/11/2025\n"
        "COVID-19:    #1 Moderna 1/5/2021, #2 Moderna 2/2/2021\n"
        "MMR:    immune by titer    2019\n"
        "Varicella:    history of chickenpox\n"
    )
    found = sorted((f.name, f.date) for f in _of(_facts(lex, text), "vaccine"))
    assert found == [
        ("covid-19", "2021-01-05"), ("covid-19", "2021-02-02"),
        ("hepatitis b", "2025-02-10"), ("hepatitis b", "2025-03-10"), ("hepatitis b", "2025-08-11"),
    ]


def test_a_title_naming_the_patient_before_the_birth_date(lex: Lexicons) -> None:
    text = "Health Plan\nPERSONAL MEDICATION LIST FOR MARTIN J ODUYA, DATE OF BIRTH: 08/03/1951\n"
    assert {(f.name, f.value) for f in _of(_facts(lex, text), "identity")} == {
        ("name", "martin j oduya"), ("dob", "1951-08-03"),
    }


# ---------------------------------------------------------------- schedule grids, series, profiles


SCHEDULE = (
    "MEDICATION SCHEDULE\n"
    "Medicine                      Dose      Morning   Noon   Evening   Bedtime   Notes\n"
    "Montelukast 10 mg             1 tab                                v\n"
    "Metformin 500 mg              1 tab     v                 v                  with food\n"
    "Trazodone 50 mg               1 tab                                PRN       only if needed\n"
    "Vitamin D2 (ergocalciferol) 50,000 units   1 cap   v                        Sundays only\n"
    "PRN = only when needed.\n"
)


def test_a_schedule_grids_marks_give_how_often(lex: Lexicons) -> None:
    found = {m[0]: m[3] for m in _meds(lex, SCHEDULE)}
    assert found == {"montelukast": "qhs", "metformin": "bid", "trazodone": "qhs prn", "ergocalciferol": "weekly"}


def test_a_vaccine_series_table_gives_each_columns_dose(lex: Lexicons) -> None:
    text = (
        "IMMUNIZATIONS\n"
        "Vaccine series              Dose 1       Dose 2       Dose 3\n"
        "Hepatitis B (Engerix-B)     1/3/2019     2/4/2019     7/8/2019\n"
        "Other vaccines              Date given   Site\n"
        "Tdap (Boostrix)             5/14/2021    L deltoid\n"
        "Tdap: 2016\n"
    )
    found = sorted((f.name, f.date) for f in _of(_facts(lex, text), "vaccine"))
    assert found == [
        ("hepatitis b", "2019-01-03"), ("hepatitis b", "2019-02-04"), ("hepatitis b", "2019-07-08"),
        ("tdap", "2016"), ("tdap", "2021-05-14"),
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Biktarvy (bictegravir/emtricitabine/tenofovir alafenamide) 1 tab by mouth daily",
         ("bictegravir-emtricitabine-tenofovir", "1", "tab", "daily")),
        ("BIKTARVY 50-200-25 MG TABLET   Directions: Take 1 tablet by mouth once daily",
         ("bictegravir-emtricitabine-tenofovir", "1", "tab", "daily")),
        ("BUDESONIDE 160/FORMOTEROL 4.5MCG INHL   SIG: INHALE 2 PUFFS BY MOUTH TWICE A DAY",
         ("budesonide-formoterol", "2", "puff", "bid")),
    ],
)
def test_combinations_named_by_their_ingredients(lex: Lexicons, row: str, expected: tuple[str, ...]) -> None:
    assert _meds(lex, "Medications\n" + row) == [expected]


def test_a_profiles_sig_line_under_a_shifted_grid_is_its_rows(lex: Lexicons) -> None:
    text = (
        "RX #      DRUG                          STATUS\n"
        "2211090   ALBUTEROL 90MCG/ACTUAT INHL   PENDING\n"
        "          SIG:     INHALE 2 PUFFS BY MOUTH EVERY 4 HOURS AS NEEDED\n"
        "2109884 PREDNISONE 20MG TAB    EXPIRED\n"
        "          SIG: TAKE TWO TABLETS BY MOUTH EVERY DAY FOR 5 DAYS\n"
    )
    meds = {m[0]: m for m in _meds(lex, text)}
    assert meds["albuterol"] == ("albuterol", "2", "puff", "q4h prn")


@pytest.mark.parametrize(
    ("header", "field", "value"),
    [
        ("PATIENT: ODUYA, MARTIN    VA#: V0934417    DOB: SEP 3,1951", "mrn", "V0934417"),
        ("Pt Name: Martin Oduya    DOB: 08/03/1951    ID: HVC-2290417", "mrn", "HVC-2290417"),
        ("Last/First: ODUYA / MARTIN    DOB 08.03.1951    Employee ID: GCF-55810", "name", "martin oduya"),
        ("Last/First: ODUYA / MARTIN    DOB 08.03.1951    Employee ID: GCF-55810", "mrn", "GCF-55810"),
    ],
)
def test_more_identity_labels(lex: Lexicons, header: str, field: str, value: str) -> None:
    assert [f.value for f in _of(_facts(lex, "Health record\n" + header), "identity") if f.name == field] == [value]


@pytest.mark.parametrize(
    ("line", "iso"),
    [("OUTPATIENT MEDICATION PROFILE    Printed: Nov-04-25 14:22", "2025-11-04"), ("Visit: Dec 8, 2025 7:42 PM", "2025-12-08")],
)
def test_print_and_visit_dates_with_short_years_and_bare_labels(lex: Lexicons, line: str, iso: str) -> None:
    assert [f.date for f in _of(_facts(lex, "Gulf Clinic\n" + line), "document_date")] == [iso]


@pytest.mark.parametrize("text", ["Mar 5, '24", "Mar-05-24"])
def test_month_name_dates_with_two_digit_years(text: str) -> None:
    assert [d.iso for d in normalize.find_dates(text)] == ["2024-03-05"]


def test_a_month_day_and_bare_two_digits_are_no_date() -> None:
    assert normalize.find_dates("Mar 14 21 units") == []


# ---------------------------------------------------------------- injections, onset, tests, letters


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Humira Pen 40 mg/0.4 mL    40 mg    SC    q2wk", ("adalimumab", "40", "mg", "q336h")),
        ("HUMIRA PEN 40 MG/0.4 ML   INJECT 40 MG SUBCUTANEOUSLY EVERY 14 DAYS", ("adalimumab", "40", "mg", "q336h")),
        ("Enbrel 50 mg/mL SC every other week", ("etanercept", "50", "mg", "q336h")),
        ("amoxicillin 400 mg/5 mL suspension, take 5 mL twice daily", ("amoxicillin", "80", "mg/ml", "bid")),
        ("SUMATRIPTAN 50 MG TAB   1 TAB AT ONSET OF MIGRAINE, MAY REPEAT IN 2 HRS", ("sumatriptan", "50", "mg", "prn")),
        ("folic acid (FOLVITE) 1 mg tablet   Take | tablet (1 mg total) by mouth daily", ("folic acid", "1", "mg", "daily")),
        ("Emgality 120 mg/mL pen, inject once a month", ("galcanezumab", "120", "mg", "monthly")),
    ],
)
def test_injections_onset_and_ocr_counts(lex: Lexicons, row: str, expected: tuple[str, ...]) -> None:
    assert _meds(lex, "Medications\n" + row) == [expected]


@pytest.mark.parametrize(
    ("text", "frequency"),
    [("every 14 (fourteen) days", "q336h"), ("q2wk", "q336h"), ("every 3 weeks", "q504h"), ("every 7 days", "weekly")],
)
def test_intervals_in_days_and_weeks(text: str, frequency: str) -> None:
    assert [f.frequency for f in normalize.find_frequencies(text)] == [frequency]


def test_biweekly_is_too_ambiguous_to_read() -> None:
    assert normalize.find_frequencies("biweekly") == []


def test_a_medicines_day_is_no_entry_of_it(lex: Lexicons) -> None:
    text = "Medications\nFolic acid 1 mg tab    1mg    PO    daily except MTX day\n"
    assert _meds(lex, text) == [("folic acid", "1", "mg", "daily")]


def test_tests_and_advice_naming_vaccines_are_no_doses(lex: Lexicons) -> None:
    text = (
        "Immunizations\n"
        "Influenza 2025-26    10-03-2025    Pharmacy\n"
        "Live vaccines (MMR, varicella, yellow fever, nasal flu vaccine) are not to be given during biologic therapy.\n"
        "Recommend recombinant zoster vaccine (Shingrix) if not already received.\n"
        "Cervical screening: Pap with HPV co-test 03/2023 negative.\n"
    )
    assert [(f.name, f.date) for f in _of(_facts(lex, text), "vaccine")] == [("influenza", "2025-10-03")]


def test_a_letter_to_the_patient_names_them_in_the_address(lex: Lexicons) -> None:
    text = (
        "Lakehead Neurology\n8 September 2025\nMs. Colette R. Vandemeer\n4617 Jay Street\n"
        "RE: your visit of 5 September 2025\nDate of birth: 14 June 1973    Patient #: 2207-4418\n"
    )
    found = {(f.name, f.value) for f in _of(_facts(lex, text), "identity")}
    assert found == {("name", "colette r vandemeer"), ("dob", "1973-06-14"), ("mrn", "2207-4418")}


def test_a_semicolon_read_for_a_labels_colon(lex: Lexicons) -> None:
    text = "Eye Clinic\nName of patient: Colette R Vandermeer    DOB: 06/14/1973    Chart #; 51-88207\n"
    assert [f.value for f in _of(_facts(lex, text), "identity") if f.name == "mrn"] == ["51-88207"]


# ---------------------------------------------------------------- weekday schedules, forms, vaccine tables


@pytest.mark.parametrize(
    "row",
    [
        "Warfarin (Jantoven)    5 mg M/W/F, 2.5 mg other days    daily (eve)",
        "warfarin 5 mg M-W-F; 2.5 mg Su-Tu-Th-Sa    PO",
        "Regimen: Warfarin 5 mg tablets: 5 mg Mon/Wed/Fri, 2.5 mg all other days = 25 mg/week",
    ],
)
def test_a_dose_that_changes_with_the_weekday_is_a_daily_range(lex: Lexicons, row: str) -> None:
    assert _meds(lex, "Medications\n" + row) == [("warfarin", "2.5-5", "mg", "daily")]


def test_one_weekday_is_a_weekly_day_not_two_schedules(lex: Lexicons) -> None:
    row = "Methotrexate 2.5 mg tab    15 mg (6tabs)    PO    weekly (Fri)"
    assert _meds(lex, "Medications\n" + row) == [("methotrexate", "15", "mg", "weekly")]


def test_form_items_answered_no_and_if_yes_lists(lex: Lexicons) -> None:
    text = (
        "ALLERGIES: Lisinopril - angioedema; Codeine - hallucinations    Latex: No\n"
        "Allergies (medicines, latex, tape, food):\n"
        "Latex allergy?    No    Tape / adhesive?    No\n"
        "2. Do you have allergies to medications, food, a vaccine component, or latex?    [ ]    [x]\n"
        "If yes, please list:    penicillin (hives)\n"
    )
    found = {(f.name, f.status) for f in _of(_facts(lex, text), "allergy")}
    assert found == {("lisinopril", "active"), ("codeine", "active"), ("penicillin", "active")}


def test_drugs_in_brackets_after_a_class_are_examples(lex: Lexicons) -> None:
    text = (
        "Medications\napixaban (Eliquis) 5 mg twice daily\n"
        "Alpha-blocker ever (Flomax, Uroxatral, Rapaflo) - IFIS risk:    Yes    No\n"
    )
    assert _meds(lex, text) == [("apixaban", "5", "mg", "bid")]


def test_a_mention_without_dose_beside_the_dosed_entry_is_no_second_entry(lex: Lexicons) -> None:
    text = "Home medications\nmetoprolol 25 mg twice daily\nHold metoprolol and call if HR < 55.\n"
    facts = _of(_facts(lex, text), "medication")
    assert [(f.name, f.dose, f.frequency, f.status) for f in facts] == [("metoprolol", "25", "bid", "active")]


def test_a_vaccine_tables_given_column_maker_column_and_expiry(lex: Lexicons) -> None:
    text = (
        "Section 4. For pharmacy use only\n"
        "VACCINE                 MFR        LOT        EXP         DOSE     VIS DATE      DATE GIVEN\n"
        "Fluzone High-Dose       SANOFI     UJ744AB    06/30/27    0.5 ML   08/06/2024    09/22/2026\n"
        "Spikevax 2026-2027      MODERNA    3046K9A    03/14/27    0.5 ML   01/31/2025    09/22/2026\n"
        "IMMUNIZATIONS PREVIOUSLY GIVEN AT THIS PHARMACY\n"
        "PREVNAR 20    11/12/2024    CVX 216\n"
        "Immunization history\n"
        "Tetanus (Tdap)    7/30/2018    PA-SIIS\n"
        "Shingles (zoster)    unknown    son unsure\n"
    )
    found = sorted((f.name, f.date) for f in _of(_facts(lex, text), "vaccine"))
    assert found == [
        ("covid-19", "2026-09-22"), ("influenza", "2026-09-22"), ("pneumococcal", "2024-11-12"), ("tdap", "2018-07-30"),
    ]


# ---------------------------------------------------------------- compliance reports, labs, fax words


def test_a_compliance_report_lists_each_dose_and_skips_what_is_not_required(lex: Lexicons) -> None:
    text = (
        "IMMUNIZATION COMPLIANCE REPORT\n"
        "Requirement                Status          Date(s) received               Source\n"
        "MMR - 2 doses              MET             Feb 20 1998; Aug 14 2001       state registry\n"
        "Tdap - within 10 years     MET             Aug 26 2019                    Student upload\n"
        "Meningococcal ACWY         NOT REQUIRED    age 22+ / off campus\n"
        "Other immunizations on file (not required)\n"
        "Pneumococcal conjugate (PCV20)    Mar 10 2026    Acadiana IBD Center (fax)\n"
    )
    found = sorted((f.name, f.date) for f in _of(_facts(lex, text), "vaccine"))
    assert found == [("mmr", "1998-02-20"), ("mmr", "2001-08-14"), ("pneumococcal", "2026-03-10"), ("tdap", "2019-08-26")]


def test_a_drugs_lab_level_is_no_medication(lex: Lexicons) -> None:
    text = (
        "Lab (09/15/2026)       Result        Ref\n"
        "Infliximab trough      7.8 mcg/mL    >5\n"
        "Anti-infliximab Ab     undetectable\n"
        "Medications\nmesalamine 1.2 g tablet, 2 tablets by mouth daily\n"
    )
    assert _meds(lex, text) == [("mesalamine", "2.4", "g", "daily")]


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Patient: Thibodeaux, Marcus E.    MRN AIC-0048213 DOS 09/22/2026", "AIC-0048213"),
        ("Pt: THIBODEAUX, MARCUS    MRN: E4471920    Acct: 60019482773", "E4471920"),
    ],
)
def test_a_record_number_stops_at_the_next_label(lex: Lexicons, header: str, value: str) -> None:
    assert [f.value for f in _of(_facts(lex, "IBD Center\n" + header), "identity") if f.name == "mrn"] == [value]


def test_an_unchecked_box_misread_by_ocr_is_still_unchecked(lex: Lexicons) -> None:
    text = "ALLERGIES: Sulfa drugs - hives;    Peanut - anaphylaxis    (I NKDA    Latex: N\n"
    found = {(f.name, f.status) for f in _of(_facts(lex, text), "allergy")}
    assert found == {("sulfa", "active"), ("peanut", "active")}


def test_shouted_headers_with_more_words_end_the_list_above(lex: Lexicons) -> None:
    text = (
        "ALLERGIES\nSulfa drugs (hives)    Peanuts (anaphylaxis)\n"
        "ASSESSMENT AND PLAN BY PROBLEM\n"
        "#2 B12 deficiency. Continue cyanocobalamin 1,000 mcg IM monthly.\n"
    )
    facts = _facts(lex, text)
    assert {f.name for f in _of(facts, "allergy")} == {"sulfa", "peanut"}
    assert [(f.name, f.dose, f.unit, f.frequency) for f in _of(facts, "medication")] == [
        ("cyanocobalamin", "1000", "mcg", "monthly")
    ]
