"""Extract from printed forms and after-visit summaries: check boxes, form labels, START/STOP
medication groups and brand lines (wordings invented for these tests)."""

from __future__ import annotations

import pytest

from pipeline.config import Settings
from pipeline.extract import extract_facts, ocr_page_from_text
from pipeline.lexicons import Allergen, DrugName, Lexicons, VaccineName
from pipeline.records import Fact


def _drug(name: str, ingredient: str, name_type: str = "generic") -> DrugName:
    return DrugName(name, ingredient, name_type, "", "", "test")


@pytest.fixture(scope="module")
def lex() -> Lexicons:
    drugs = (
        _drug("cephalexin", "cephalexin"),
        _drug("keflex", "cephalexin", "brand"),
        _drug("furosemide", "furosemide"),
        _drug("lasix", "furosemide", "brand"),
        _drug("naproxen", "naproxen"),
        _drug("aleve", "naproxen", "brand"),
        _drug("metoprolol", "metoprolol"),
        _drug("codeine", "codeine"),
        _drug("penicillin", "penicillin"),
        _drug("amoxicillin", "amoxicillin"),
    )
    vaccines = (
        VaccineName("tdap", "115", "tdap", "tetanus", "test"),
        VaccineName("td", "09", "td", "tetanus", "test"),
        VaccineName("tetanus", "112", "td", "tetanus", "test"),
        VaccineName("influenza", "88", "influenza", "influenza", "test"),
        VaccineName("pneumococcal", "109", "pneumococcal", "pneumococcal", "test"),
        VaccineName("pcv20", "216", "pneumococcal", "pneumococcal", "test"),
        VaccineName("shingrix", "187", "zoster", "zoster", "test"),
        VaccineName("shingles", "188", "zoster", "zoster", "test"),
    )
    allergens = (
        Allergen("penicillin", "penicillin", "penicillins", "drug", "test"),
        Allergen("codeine", "codeine", "opioids", "drug", "test"),
        Allergen("sulfa", "sulfa", "sulfonamide antibiotics", "drug", "test"),
        Allergen("latex", "latex", "environmental", "environmental", "test"),
        Allergen("peanut", "peanut", "food", "food", "test"),
        Allergen("shellfish", "shellfish", "food", "food", "test"),
        Allergen("cephalexin", "cephalexin", "cephalosporins", "drug", "test"),
        Allergen("furosemide", "furosemide", "", "drug", "test"),
        Allergen("naproxen", "naproxen", "nsaids", "drug", "test"),
    )
    return Lexicons(drugs, vaccines, allergens, (), ())


def _facts(lex: Lexicons, *pages: str) -> list[Fact]:
    return extract_facts([ocr_page_from_text(t, page=i + 1) for i, t in enumerate(pages)], lex, Settings())


def _of(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


# ---------------------------------------------------------------- check boxes


@pytest.mark.parametrize(
    ("row", "allergies"),
    [
        ("[x] Penicillin   [ ] Sulfa   [ ] Latex   [ ] Codeine   [ ] NKA", [("penicillin", "active")]),
        ("[ ] Penicillin   [X] Sulfa   [ ] Latex", [("sulfa", "active")]),
        ("\u2610 Latex   \u2612 Peanut   \u2610 Shellfish", [("peanut", "active")]),
        ("( ) Codeine   (x) Shellfish   ( ) Sulfa", [("shellfish", "active")]),
        ("\u25a0 Codeine   \u25a1 Latex", [("codeine", "active")]),
        ("[ ] Penicillin   [ ] Sulfa   [x] NKA", [("none", "negated")]),
        ("[ ] Sulfa   [ ] Latex   [ ] No known allergies", []),
    ],
)
def test_only_checked_boxes_are_allergies(lex: Lexicons, row: str, allergies: list[tuple[str, str]]) -> None:
    facts = _facts(lex, "ALLERGIES\n" + row)
    assert sorted((a.name, a.status) for a in _of(facts, "allergy")) == sorted(allergies)


@pytest.mark.parametrize(
    "row",
    [
        "Allergies: penicillin [ ] other",  # a box after the name belongs to the next choice
        "Allergies: sulfa (rash)",  # brackets that hold words are no box
    ],
)
def test_plain_allergy_lines_are_kept(lex: Lexicons, row: str) -> None:
    assert len(_of(_facts(lex, row), "allergy")) == 1


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "Pneumococcal:   [x] Yes [ ] No   Type/Date:   PCV20 1/5/23\n"
            "Tetanus (Td/Tdap):   [x] Yes [ ] No   Type/Date:   Tdap 6/21/19",
            [("pneumococcal", "2023-01-05"), ("tdap", "2019-06-21")],
        ),
        (
            "Shingles:   [ ] Yes [x] No   Type/Date(s):\nInfluenza:   [x] Yes   Date: 10/02/2024",
            [("influenza", "2024-10-02")],
        ),
        ("Pneumococcal:   [ ] Yes [ ] No   Tdap:   [x] Yes   given 03/03/2020", [("tdap", "2020-03-03")]),
    ],
)
def test_undated_form_row_labels_are_no_vaccine_given(
    lex: Lexicons, rows: str, expected: list[tuple[str, str]]
) -> None:
    facts = _facts(lex, "IMMUNIZATIONS\n" + rows)
    assert sorted((v.name, v.date) for v in _of(facts, "vaccine")) == sorted(expected)


def test_a_dated_row_label_is_still_a_dose(lex: Lexicons) -> None:
    facts = _facts(lex, "IMMUNIZATIONS\nInfluenza:   [x] Yes   10/08/2025")
    assert [(v.name, v.date) for v in _of(facts, "vaccine")] == [("influenza", "2025-10-08")]


# ---------------------------------------------------------------- form labels are not values


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Patient name (Last, First, MI):   Pruitt, Eleanor J   MR#: HH-1", "eleanor j pruitt"),
        ("Name (last, first):   Okafor, Ben   DOB: 1/2/1950", "ben okafor"),
        ("Client name (First Last): Dana Whitfield", "dana whitfield"),
    ],
)
def test_label_hint_in_brackets_is_skipped(lex: Lexicons, line: str, name: str) -> None:
    names = [f.value for f in _of(_facts(lex, line), "identity") if f.name == "name"]
    assert names == [name]


@pytest.mark.parametrize(
    "line",
    [
        "Patient name:   Last, First, MI   MR#: HH-1",
        "Name: ____ Last ____ First ____ M.I.",
        "Patient name (Last, First, MI):   MR#: HH-1",
        "Name: First Middle Last",
    ],
)
def test_blank_form_label_yields_no_name(lex: Lexicons, line: str) -> None:
    assert [f for f in _of(_facts(lex, line), "identity") if f.name == "name"] == []


# ---------------------------------------------------------------- after-visit summaries

_AVS = """Allergies as of 2/11/2026
Penicillin   Hives
Your Medication List
{group}
cephalexin 500 MG capsule   Take 1 capsule (500 mg total) by mouth 3 times daily.
Commonly known as: KEFLEX
furosemide 20 MG tablet   Take 1 tablet (20 mg total) by mouth daily.
Commonly known as: LASIX
"""


@pytest.mark.parametrize(
    ("group", "status"),
    [
        ("START taking these medications", "active"),
        ("CONTINUE taking", "active"),
        ("CHANGE how you take", "active"),
        ("STOP taking these medications", "discontinued"),
        ("STOP taking", "discontinued"),
    ],
)
def test_after_visit_summary_list_is_medications_not_allergies(lex: Lexicons, group: str, status: str) -> None:
    facts = _facts(lex, _AVS.format(group=group))
    assert [a.name for a in _of(facts, "allergy")] == ["penicillin"]
    meds = sorted((m.name, m.dose, m.status) for m in _of(facts, "medication"))
    assert meds == [("cephalexin", "500", status), ("furosemide", "20", status)]


@pytest.mark.parametrize(
    "header",
    ["Allergies as of 02/11/2026", "ALLERGIES (updated 1/5/2025)", "Allergies reviewed on 3/3/2024"],
)
def test_dated_allergy_header_opens_the_allergy_list(lex: Lexicons, header: str) -> None:
    facts = _facts(lex, f"{header}\nSulfa   Rash\nLatex   Hives")
    assert sorted(a.name for a in _of(facts, "allergy")) == ["latex", "sulfa"]


@pytest.mark.parametrize(
    "line",
    [
        "naproxen 220 MG tablet   Take 1 tablet by mouth twice daily with food.",
        "Aleve 220 mg   take one tablet by mouth every 12 hours",
        "cephalexin 250 mg capsule  Take 2 capsules by mouth every 6 hours",
    ],
)
def test_drug_with_sig_under_allergy_header_is_a_medication(lex: Lexicons, line: str) -> None:
    facts = _facts(lex, f"Allergies\nShellfish   hives\n{line}")
    assert [a.name for a in _of(facts, "allergy")] == ["shellfish"]
    assert len(_of(facts, "medication")) == 1


@pytest.mark.parametrize(
    "line",
    ["Naproxen - stomach upset", "Cephalexin (rash)", "Furosemide   Hives   Moderate"],
)
def test_drug_without_sig_under_allergy_header_stays_an_allergy(lex: Lexicons, line: str) -> None:
    facts = _facts(lex, f"Allergies\n{line}")
    assert len(_of(facts, "allergy")) == 1
    assert _of(facts, "medication") == []


@pytest.mark.parametrize(
    "alias",
    ["Commonly known as: LASIX", "Also known as: Lasix", "Brand name: LASIX"],
)
def test_brand_line_is_not_a_new_entry(lex: Lexicons, alias: str) -> None:
    facts = _facts(lex, f"Current medications\nfurosemide 40 MG tablet   Take 1 tablet by mouth daily.\n{alias}")
    assert [(m.name, m.dose) for m in _of(facts, "medication")] == [("furosemide", "40")]
    assert _of(facts, "allergy") == []


# ---------------------------------------------------------------- directions wrapped in a table cell


@pytest.mark.parametrize(
    ("rows", "frequency"),
    [
        (
            "cephalexin 500 MG capsule   Take 1 capsule by mouth every 8   Reason: infection\n"
            "Commonly known as: KEFLEX   (eight) hours for 7 days.   of the arm",
            "tid",
        ),
        (
            "naproxen 220 MG tablet   Take 1 tablet by mouth 2 times\n"
            "Commonly known as: ALEVE   daily with food.",
            "bid",
        ),
        (
            "metoprolol 25 MG tablet   Take 1 tablet by mouth every 12\n"
            "                          hours.",
            "bid",
        ),
        (
            "naproxen 220 MG tablet   Take 1 tablet by mouth every 12 hours\n"
            "Commonly known as: ALEVE   as needed for pain.",
            "bid prn",
        ),
    ],
)
def test_frequency_wrapped_in_its_cell_is_joined(lex: Lexicons, rows: str, frequency: str) -> None:
    meds = _of(_facts(lex, "Medication   How to take it   Notes\n" + rows), "medication")
    assert [m.frequency for m in meds] == [frequency]


@pytest.mark.parametrize(
    "rows",
    [
        # the first row's directions are complete: the next row is another medicine
        "metoprolol 25 MG tablet   Take 1 tablet by mouth daily.\n"
        "naproxen 220 MG tablet   Take 1 tablet by mouth every 12 hours.",
        # the words below sit under another column
        "metoprolol 25 MG tablet   Take 1 tablet by mouth daily.   every\n"
        "Commonly known as: LOPRESSOR   hours of the clinic",
    ],
)
def test_complete_directions_take_nothing_from_the_next_row(lex: Lexicons, rows: str) -> None:
    meds = _of(_facts(lex, "Medication   How to take it   Notes\n" + rows), "medication")
    assert meds[0].frequency == "daily"


@pytest.mark.parametrize(
    "second",
    ["Naproxen   220 mg   PO   as needed", "- naproxen   220 mg   PO   prn pain"],
)
def test_next_medicine_row_is_not_a_wrap_of_the_row_above(lex: Lexicons, second: str) -> None:
    rows = "Medication   Dose   Route   Frequency\nMetoprolol   25 mg   PO   daily\n" + second
    meds = {m.name: m.frequency for m in _of(_facts(lex, rows), "medication")}
    assert meds["metoprolol"] == "daily"


# ---------------------------------------------------------------- the amount taken at a time


@pytest.mark.parametrize(
    ("line", "dose", "unit"),
    [
        ("furosemide 20 MG tablet   Take 2 tablets (40 mg total) by mouth daily.", "40", "mg"),
        ("naproxen 220 MG tablet   take two tablets (440 mg) by mouth twice daily", "440", "mg"),
        ("cephalexin 250 mg capsule   Take 2 capsules (0.5 g total) by mouth every 6 hours", "0.5", "g"),
        ("metoprolol 25 MG tablet   Take 1 tablet (25 mg total) by mouth daily.", "25", "mg"),
        # brackets that hold no amount: the count of tablets times the strength is the dose
        ("metoprolol 25 MG tablet   Take 2 tablets (with food) by mouth daily.", "50", "mg"),
        ("naproxen 220 MG tablet   Take 1 tablet by mouth daily (for 5 days)", "220", "mg"),
    ],
)
def test_amount_taken_at_a_time_is_the_dose(lex: Lexicons, line: str, dose: str, unit: str) -> None:
    meds = _of(_facts(lex, "Current medications\n" + line), "medication")
    assert [(m.dose, m.unit) for m in meds] == [(dose, unit)]


@pytest.mark.parametrize(
    ("text", "dose"),
    [
        ("Plan: start metoprolol 25\nmg by mouth daily; recheck in 2 weeks.", "25"),
        ("Assessment and Plan\n1. Pain: begin naproxen 220\nmg twice daily with food.", "220"),
    ],
)
def test_dose_wrapped_onto_the_next_line_of_a_note(lex: Lexicons, text: str, dose: str) -> None:
    meds = _of(_facts(lex, text), "medication")
    assert [m.dose for m in meds] == [dose]


def test_number_at_a_line_end_without_unit_below_is_no_dose(lex: Lexicons) -> None:
    facts = _facts(lex, "Assessment and Plan\n1. Reviewed naproxen risks with patient 2\nvisits ago.")
    assert _of(facts, "medication") == []
