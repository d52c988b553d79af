"""Extract from record layouts the first rules were not written against: Epic Sig lines, MARs,
SOAP notes, patient portals and registry printouts (wordings invented for these tests)."""

from __future__ import annotations

import datetime

import pytest

from pipeline.config import Settings
from pipeline.extract import extract_facts, ocr_page_from_text
from pipeline.lexicons import Allergen, DrugName, Lexicons, VaccineName, load_lexicons
from pipeline.records import Fact


def _drug(name: str, ingredient: str, name_type: str = "generic") -> DrugName:
    return DrugName(name, ingredient, name_type, "", "", "test")


@pytest.fixture(scope="module")
def lex() -> Lexicons:
    drugs = (
        _drug("valacyclovir", "valacyclovir"),
        _drug("valtrex", "valacyclovir", "brand"),
        _drug("oxycodone", "oxycodone"),
        _drug("roxicodone", "oxycodone", "brand"),
        _drug("atorvastatin", "atorvastatin"),
        _drug("lipitor", "atorvastatin", "brand"),
        _drug("lisinopril", "lisinopril"),
        _drug("metoprolol", "metoprolol"),
        _drug("metformin", "metformin"),
        _drug("heparin", "heparin"),
        _drug("aspirin", "aspirin"),
        _drug("codeine", "codeine"),
        _drug("penicillin", "penicillin"),
    )
    vaccines = (
        VaccineName("tdap", "115", "tdap", "tetanus", "test"),
        VaccineName("td", "09", "td", "tetanus", "test"),
        VaccineName("influenza", "88", "influenza", "influenza", "test"),
        VaccineName("flu shot", "88", "influenza", "influenza", "test"),
        VaccineName("flucelvax quadrivalent", "171", "influenza", "influenza", "test"),
        VaccineName("hepatitis b", "45", "hepatitis b", "hepatitis b", "test"),
        VaccineName("heplisav-b", "189", "hepatitis b", "hepatitis b", "test"),
        VaccineName("pneumococcal polysaccharide", "33", "pneumococcal", "pneumococcal", "test"),
        VaccineName("pneumovax 23", "33", "pneumococcal", "pneumococcal", "test"),
        VaccineName("pneumococcal", "109", "pneumococcal", "pneumococcal", "test"),
        VaccineName("mmr", "03", "mmr", "mmr", "test"),
        VaccineName("shingrix", "187", "zoster", "zoster", "test"),
        VaccineName("zoster", "188", "zoster", "zoster", "test"),
    )
    allergens = (
        Allergen("penicillin", "penicillin", "penicillins", "drug", "test"),
        Allergen("codeine", "codeine", "opioids", "drug", "test"),
        Allergen("aspirin", "aspirin", "nsaids", "drug", "test"),
        Allergen("latex", "latex", "environmental", "environmental", "test"),
        Allergen("shellfish", "shellfish", "food", "food", "test"),
    )
    return Lexicons(drugs, vaccines, allergens, (), ())


@pytest.fixture(scope="module")
def real() -> Lexicons:
    return load_lexicons()


def _facts(lex: Lexicons, *pages: str) -> list[Fact]:
    return extract_facts([ocr_page_from_text(t, page=i + 1) for i, t in enumerate(pages)], lex, Settings())


def _of(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


# ---------------------------------------------------------------- Epic Sig, two lines per entry


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "valACYclovir (VALTREX) 1,000 MG tablet\nTake 1 tablet (1,000 mg total) by mouth 3 (three) times a day.",
            ("valacyclovir", "1000", "mg", "tid"),
        ),
        (
            "oxyCODONE (ROXICODONE) 5 MG tablet\nTake 1 tablet (5 mg total) by mouth every 4 (four) hours as needed for pain.",
            ("oxycodone", "5", "mg", "q4h prn"),
        ),
        (
            "atorvastatin (LIPITOR) 20 MG tablet\nTake 1 tablet (20 mg total) by mouth 1 (one) time a day.",
            ("atorvastatin", "20", "mg", "daily"),
        ),
    ],
)
def test_portal_entry_spread_over_two_lines_is_read_whole(
    lex: Lexicons, entry: str, expected: tuple[str, ...]
) -> None:
    meds = _of(_facts(lex, "Your medication list\n" + entry), "medication")
    assert [(m.name, m.dose, m.unit, m.frequency) for m in meds] == [expected]
    assert meds[0].route == "oral"


@pytest.mark.parametrize(
    ("row", "frequency"),
    [
        ("ATORVASTATIN TAB      20 MG      PO      HS      05/01/24      2100", "qhs"),
        ("Lipitor 20 mg po h.s.", "qhs"),
        ("LISINOPRIL TAB      10 MG      PO      DAILY      05/01/24      0900", "daily"),
    ],
)
def test_mar_bedtime_code_hs(lex: Lexicons, row: str, frequency: str) -> None:
    med = _of(_facts(lex, "Medications\n" + row), "medication")
    assert [m.frequency for m in med] == [frequency]


# ---------------------------------------------------------------- sections of a SOAP note


@pytest.mark.parametrize(
    "after",
    [
        "Plan reviewed; codeine cough syrup discussed with her.",
        "Vitals stable. Penicillin given to her sister last year.",
        "Exam notable for latex glove dermatitis on the hands.",
    ],
)
def test_inline_allergy_label_ends_at_its_line(lex: Lexicons, after: str) -> None:
    facts = _facts(lex, f"ALLERGIES: shellfish (hives)\n{after}")
    assert [a.name for a in _of(facts, "allergy")] == ["shellfish"]


@pytest.mark.parametrize(
    "text",
    [
        "Allergies: shellfish (hives),\ncodeine (nausea)",  # the line wraps after a comma
        "Allergies: shellfish - hives\n- Codeine - nausea",  # a bulleted list goes on
        "Allergy list: shellfish (hives)\nCodeine (nausea)",  # the next line starts with an allergen
        "Allergies: shellfish (hives) and\ncodeine (nausea)",
    ],
)
def test_inline_allergy_list_continues_when_the_next_line_is_more_of_it(lex: Lexicons, text: str) -> None:
    assert [a.name for a in _of(_facts(lex, text), "allergy")] == ["shellfish", "codeine"]


@pytest.mark.parametrize("header", ["S:", "O:", "A:", "P:", "A/P:", "A&P:", "Assessment & Plan:", "Objective:"])
def test_soap_headers_end_the_list_above(lex: Lexicons, header: str) -> None:
    text = f"Medications:\nlisinopril 10 mg daily\n{header} was once on metoprolol, doing well."
    assert [m.name for m in _of(_facts(lex, text), "medication")] == ["lisinopril"]


@pytest.mark.parametrize("stray", ["A", "P", "o"])
def test_a_lone_letter_without_colon_is_not_a_soap_header(lex: Lexicons, stray: str) -> None:
    text = f"Medications:\nlisinopril 10 mg daily\n{stray}\nmetoprolol"
    assert [m.name for m in _of(_facts(lex, text), "medication")] == ["lisinopril", "metoprolol"]


# ---------------------------------------------------------------- fuzzy matching and plain words


@pytest.mark.parametrize(
    "line",
    [
        "Depression screen positive today",  # depression ~ depressin (a hexamethonium synonym)
        "Nitrites positive on the dipstick",  # nitrites ~ nitriate (nitroprusside)
        "Seen in June.",  # june ~ Junel: too short to read through noise
    ],
)
def test_ordinary_words_in_an_allergy_list_are_not_misread_drugs(real: Lexicons, line: str) -> None:
    assert _of(_facts(real, "Allergies\nPenicillin - hives\n" + line), "allergy") == [
        a for a in _of(_facts(real, "Allergies\nPenicillin - hives"), "allergy")
    ]


@pytest.mark.parametrize(("line", "name"), [("Penicilln - hives", "penicillin"), ("Cephalexln - rash", "cephalexin")])
def test_misread_drug_names_are_still_read(real: Lexicons, line: str, name: str) -> None:
    assert [a.name for a in _of(_facts(real, "Allergies\n" + line), "allergy")] == [name]


# ---------------------------------------------------------------- identity labels


@pytest.mark.parametrize(
    ("header", "field", "value"),
    [
        ("RESIDENT: OKONKWO, ADA B      ROOM: 12", "name", "ada b okonkwo"),
        ("Resident Name: Ada B. Okonkwo", "name", "ada b okonkwo"),
        ("Resident's name: Okonkwo, Ada", "name", "ada okonkwo"),
        ("Resident ID: NH-5521", "mrn", "NH-5521"),
        ("Res No. 88-1200      Unit: B", "mrn", "88-1200"),
        ("RES #: SV-0042", "mrn", "SV-0042"),
        ("State Registry #: 55501234", "mrn", "55501234"),
        ("Registry ID: 9981-220", "mrn", "9981-220"),
        ("Client ID: C-00912", "mrn", "C-00912"),
    ],
)
def test_resident_registry_and_client_labels(lex: Lexicons, header: str, field: str, value: str) -> None:
    found = [f.value for f in _of(_facts(lex, header), "identity") if f.name == field]
    assert found == [value]


@pytest.mark.parametrize(
    "header",
    [
        "MRN: 551200 Acct#: 99812-4",  # beside a record number, an account is a billing visit's
        "Resident physician: Dr. Lina Park",
        "Registry of Motor Vehicles 12",
    ],
)
def test_account_numbers_and_other_words_are_not_identity(lex: Lexicons, header: str) -> None:
    assert [f for f in _of(_facts(lex, header), "identity") if "551200" not in f.value] == []


# ---------------------------------------------------------------- print dates in footers


@pytest.mark.parametrize(
    ("footer", "iso"),
    [
        ("Printed 03/04/2024 09:12 by JSMITH      Page 1 of 1", "2024-03-04"),
        ("portal.example.org Printed Apr 2, 2024 4:15 PM", "2024-04-02"),
        ("Generated on 2024-04-02 16:15", "2024-04-02"),
        ("Report generated 4/2/2024", "2024-04-02"),
        ("Run date: 04/02/2024", "2024-04-02"),
        ("Print Date 4/2/2024", "2024-04-02"),
    ],
)
def test_footer_print_date_is_the_document_date(lex: Lexicons, footer: str, iso: str) -> None:
    facts = _facts(lex, f"Medications\nlisinopril 10 mg daily\n{footer}")
    assert [(d.date, d.value) for d in _of(facts, "document_date")] == [(iso, "printed")]
    assert [m.name for m in _of(facts, "medication")] == ["lisinopril"]


def test_print_date_yields_to_a_visit_date(lex: Lexicons) -> None:
    text = "Visit Date: 03/01/2024\nMedications\nlisinopril 10 mg daily\nPrinted 03/05/2024 10:00"
    assert [d.date for d in _of(_facts(lex, text), "document_date")] == ["2024-03-01"]


@pytest.mark.parametrize("footer", ["Printed by JSMITH", "Printed by JSMITH on behalf of clinic", "Generated by MyChart"])
def test_print_label_without_a_date_gives_no_document_date(lex: Lexicons, footer: str) -> None:
    assert _of(_facts(lex, f"Medications\nlisinopril 10 mg daily\n{footer}"), "document_date") == []


# ---------------------------------------------------------------- reminders are not doses


@pytest.mark.parametrize(
    "line",
    [
        "Tdap vaccine      Due on Jan 5, 2025",
        "Hepatitis B dose 3      overdue since 02/2024",
        "Influenza vaccine recommended 09/15/2024",
        "MMR scheduled for 12/01/2024",
        "Due: Shingrix 2nd dose 03/03/2025",
        "Influenza vaccine declined 10/01/2023",
        "Pneumococcal      Past due      11/01/2023",
    ],
)
def test_due_recommended_and_declined_vaccines_are_not_doses(lex: Lexicons, line: str) -> None:
    assert _of(_facts(lex, "Immunizations\n" + line), "vaccine") == []


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Tdap 03/02/2019 given due to laceration", "2019-03-02"),
        ("Tdap 03/02/2019, next due 03/2029", "2019-03-02"),
        ("05/02/2019      Tdap      next dose 05/2029", "2019-05-02"),
    ],
)
def test_a_dose_with_its_next_due_date_keeps_the_dose(lex: Lexicons, line: str, iso: str) -> None:
    assert [v.date for v in _of(_facts(lex, "Immunizations\n" + line), "vaccine")] == [iso]


@pytest.mark.parametrize(
    "header", ["Preventive Care Reminders", "Health Maintenance", "Immunization Forecast", "Recommended Vaccines"]
)
def test_reminder_section_is_not_an_immunization_history(lex: Lexicons, header: str) -> None:
    text = f"Immunizations\nTdap 05/02/2019\n{header}\nInfluenza 09/01/2024\nZoster 01/10/2025"
    assert [(v.name, v.date) for v in _of(_facts(lex, text), "vaccine")] == [("tdap", "2019-05-02")]


def test_vaccine_dated_after_the_document_but_before_today_is_not_a_given_dose(lex: Lexicons) -> None:
    text = "Date of Service: 03/01/2024\nImmunizations\nTdap 05/02/2019\nInfluenza 04/15/2024"
    assert [v.name for v in _of(_facts(lex, text), "vaccine")] == ["tdap"]


def test_vaccine_dated_after_today_is_kept_for_the_future_date_check(lex: Lexicons) -> None:
    later = datetime.date.today().year + 5
    text = f"Date of Service: 03/01/2024\nImmunizations\nShingrix 10/02/{later}"
    assert [v.date for v in _of(_facts(lex, text), "vaccine")] == [f"{later}-10-02"]


def test_undated_document_keeps_every_vaccine_date(lex: Lexicons) -> None:
    assert [v.date for v in _of(_facts(lex, "Immunizations\nInfluenza 04/15/2024"), "vaccine")] == ["2024-04-15"]


# ---------------------------------------------------------------- one row, one vaccine; one date, one dose


@pytest.mark.parametrize(
    ("line", "name", "code", "iso"),
    [
        ("Pneumococcal Polysaccharide 23-Valent (Pneumovax 23) Nov 4, 2022", "pneumococcal", "33", "2022-11-04"),
        ("Hepatitis B, adult, 2-dose (Heplisav-B)      03/01/2020", "hepatitis b", "189", "2020-03-01"),
        ("Influenza, cell-based, 4-valent (Flucelvax Quadrivalent) 10/12/2023", "influenza", "171", "2023-10-12"),
    ],
)
def test_bracketed_brand_names_the_same_vaccine(lex: Lexicons, line: str, name: str, code: str, iso: str) -> None:
    vacs = _of(_facts(lex, "Immunizations\n" + line), "vaccine")
    assert [(v.name, v.code, v.date) for v in vacs] == [(name, code, iso)]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("She received Shingrix on March 3, 2022 and June 1, 2022.", ["2022-03-03", "2022-06-01"]),
        ("Hepatitis B vaccine given 01/05/2020, 02/05/2020 and 07/05/2020.", ["2020-01-05", "2020-02-05", "2020-07-05"]),
        ("Immunizations\nShingrix 03/03/2022 & 06/01/2022", ["2022-03-03", "2022-06-01"]),
    ],
)
def test_dates_joined_by_and_are_separate_doses(lex: Lexicons, text: str, dates: list[str]) -> None:
    assert [v.date for v in _of(_facts(lex, text), "vaccine")] == dates


def test_dates_in_separate_columns_are_one_dose(lex: Lexicons) -> None:
    vacs = _of(_facts(lex, "Immunizations\nTdap      05/02/2019      Lot 4411      Exp 05/02/2021"), "vaccine")
    assert [v.date for v in vacs] == ["2019-05-02"]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Immunizations\nInfluenza, injectable CVX 171 10/01/2023", "influenza", "171"),
        ("Immunizations\nFlu shot (CVX: 171) 10/01/2023", "influenza", "171"),
        ("Vaccine          CVX      Date given\nFlu shot         171      10/01/2023", "influenza", "171"),
        # the code says exactly which vaccine: Tdap, though the row's name is the older Td
        ("Vaccine          CVX      Date given\nTd               115      06/01/2011", "tdap", "115"),
        # a code the lexicon does not know leaves the name's own code
        ("Vaccine          CVX      Date given\nInfluenza        999      10/01/2023", "influenza", "88"),
    ],
)
def test_printed_cvx_code_is_used(lex: Lexicons, text: str, name: str, code: str) -> None:
    vacs = _of(_facts(lex, text), "vaccine")
    assert [(v.name, v.code) for v in vacs] == [(name, code)]


# ---------------------------------------------------------------- stopped orders

MAR_HEAD = "ORDER                DOSE     ROUTE    FREQ     START       STOP        HOUR\n"


@pytest.mark.parametrize(
    ("row", "status"),
    [
        ("HEPARIN INJ          5000 UNITS  SUBQ  Q12H     05/28/24    06/10/24    0900", "discontinued"),
        ("HEPARIN INJ          5000 UNITS  SUBQ  Q12H     05/28/24    06/30/24    0900", "discontinued"),
        ("HEPARIN INJ          5000 UNITS  SUBQ  Q12H     05/28/24    07/15/24    0900", "active"),
        ("HEPARIN INJ          5000 UNITS  SUBQ  Q12H     05/28/24                0900", "active"),
    ],
)
def test_mar_stop_column_on_or_before_the_document_date_discontinues(lex: Lexicons, row: str, status: str) -> None:
    text = "Medications\n" + MAR_HEAD + row + "\nPrinted 06/30/2024 23:05"
    assert [m.status for m in _of(_facts(lex, text), "medication")] == [status]


@pytest.mark.parametrize(
    "line",
    ["metformin 500 mg bid stopped 06/10/24", "aspirin 81 mg daily d/c 6/10", "lisinopril 10 mg daily (D/C'd 5/2024)"],
)
def test_stopped_in_the_line_is_discontinued(lex: Lexicons, line: str) -> None:
    assert [m.status for m in _of(_facts(lex, "Medications\n" + line), "medication")] == ["discontinued"]


# --- immunization cards: the date on its own line under the vaccine ----------------------------

_CARD_ONE_COLUMN = """Vaccination Card
Tdap (Boostrix)
Date given: 10-08-2025
Lot: AC52B017AA  Site: L deltoid
Shingrix
Dose 1 of 2
Administered: 03/14/2022
Lot: 9KT37
Influenza vaccine
Date: 11/02/2024
"""

_CARD_TWO_COLUMNS = """IMMUNIZATION RECORD
BOOSTRIX (TDAP)                 SHINGRIX
CVX 115                         CVX 187 - Dose 2 of 2
Date given: 06-21-2019          Date given: 12-02-2021
0.5 mL IM L deltoid             Lot 7TX29 - GSK
FLU SHOT 2024-2025              SHINGRIX
CVX 88                          CVX 187 - Dose 1 of 2
Administered on: 10/05/2024     Date given: 09-14-2021
Lot AF4419K                     Lot 4G3K9 - GSK
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_CARD_ONE_COLUMN, {("tdap", "2025-10-08"), ("zoster", "2022-03-14"), ("influenza", "2024-11-02")}),
        (
            _CARD_TWO_COLUMNS,
            {("tdap", "2019-06-21"), ("zoster", "2021-12-02"), ("influenza", "2024-10-05"),
             ("zoster", "2021-09-14")},
        ),
    ],
)
def test_card_date_on_the_line_below_belongs_to_the_vaccine_above_in_its_column(
    real: Lexicons, text: str, expected: set[tuple[str, str]]
) -> None:
    got = [(v.name, v.date) for v in _of(_facts(real, text), "vaccine")]
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # the next entry comes before any date line: the first entry stays undated
        "Immunizations\nTdap\nShingrix\nDate given: 03/14/2022\n",
        # a date below that is not labelled as given (a due date) is not a dose
        "Immunizations\nTdap\nNext due: 06/21/2029\n",
        # the date line under the other column's entry is that entry's
        "Immunizations\nTdap                Shingrix\nLot 7TX29           Date given: 03/14/2022\n",
    ],
)
def test_card_date_is_not_borrowed_across_entries(real: Lexicons, text: str) -> None:
    tdap = [v for v in _of(_facts(real, text), "vaccine") if v.name == "tdap"]
    assert [v.date for v in tdap] in ([], [""])


def test_manufacturer_on_a_lot_line_is_not_another_dose(real: Lexicons) -> None:
    text = "Immunization record\nSPIKEVAX 2024-2025 (MODERNA)\nDate given: 10-22-2024\nLot 3051872 - Moderna\n"
    assert [(v.name, v.date) for v in _of(_facts(real, text), "vaccine")] == [("covid-19", "2024-10-22")]


# --- a bare patient name before the MRN / DOB of a header or footer line ------------------------


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Marcus T. Okafor      MRN: 5520193      DOB: 11/30/1958", "marcus t okafor"),
        ("OKAFOR, MARCUS T  \u2022  MRN 5520193  \u2022  DOB 30 Nov 1958", "marcus t okafor"),
        ("Okafor, Marcus (MRN 5520193)", "marcus okafor"),
        ("Dana Lee-Whitman     DOB: 02/14/1971", "dana lee-whitman".replace("-", "")),
        ("Rosa M. de Leon   Date of birth: 4/1/1949", ""),  # a lower-case particle: left alone
    ],
)
def test_unlabelled_name_before_mrn_or_dob_in_a_header(real: Lexicons, header: str, name: str) -> None:
    text = "Riverbend Cardiology\n" + header + "\nProgress note\nAllergies: NKDA\n"
    names = [f.value for f in _of(_facts(real, text), "identity") if f.name == "name"]
    assert names == ([name] if name else [])


@pytest.mark.parametrize(
    "header",
    [
        "Riverbend Family Medicine     MRN: 5520193",  # a clinic's name
        "Page 1 of 2     DOB: 11/30/1958",
        "Clinic Note     MRN: 5520193",  # a title
        "Discharge Summary   DOB: 11/30/1958",
        "Provider: Anand Rao, MD     MRN: 5520193",  # a labelled value belongs to its label
        "Results reviewed today     MRN: 5520193",  # prose
    ],
)
def test_text_before_mrn_that_is_no_person_is_not_a_name(real: Lexicons, header: str) -> None:
    text = header + "\nProgress note\n"
    assert [f for f in _of(_facts(real, text), "identity") if f.name == "name"] == []


def test_unlabelled_name_is_read_in_a_running_footer(real: Lexicons) -> None:
    body = "\n".join(f"Line {i} of the visit narrative." for i in range(20))
    text = "Visit note\n" + body + "\nMarcus T. Okafor (MRN 5520193)   Printed 3/14/2026   Page 1 of 2\n"
    names = [f.value for f in _of(_facts(real, text), "identity") if f.name == "name"]
    assert names == ["marcus t okafor"]


def test_bare_name_before_mrn_in_the_middle_of_a_page_is_not_read(real: Lexicons) -> None:
    body = "\n".join(f"Line {i} of the visit narrative." for i in range(20))
    text = "Visit note\n" + body + "\nMarcus T. Okafor MRN: 5520193\n" + body + "\n"
    assert [f for f in _of(_facts(real, text), "identity") if f.name == "name"] == []
