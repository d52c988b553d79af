"""Tests for the date, dose, frequency and route normalizers."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import (
    compare_dates,
    dose_value,
    find_bare_dose,
    find_dates,
    find_doses,
    find_frequencies,
    find_routes,
    parse_date,
    reads_day_first,
)

TODAY = datetime.date(2026, 11, 26)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("03/14/2021", "2021-03-14", "day"),
        ("3/14/21", "2021-03-14", "day"),
        ("3-14-21", "2021-03-14", "day"),
        ("03-14-2021", "2021-03-14", "day"),
        ("03.14.2021", "2021-03-14", "day"),
        ("14/03/2021", "2021-03-14", "day"),  # first number > 12: day first
        ("14.03.2021", "2021-03-14", "day"),
        ("01/02/2021", "2021-01-02", "day"),  # both <= 12: US month first
        ("14 Mar 2021", "2021-03-14", "day"),
        ("14-Mar-2021", "2021-03-14", "day"),
        ("14-MAR-21", "2021-03-14", "day"),
        ("14th March, 2021", "2021-03-14", "day"),
        ("Mar 14, 2021", "2021-03-14", "day"),
        ("Mar. 14, 2021", "2021-03-14", "day"),
        ("March 14, 2021", "2021-03-14", "day"),
        ("March 14 2021", "2021-03-14", "day"),
        ("Sept 3, 2019", "2019-09-03", "day"),
        ("2021-03-14", "2021-03-14", "day"),
        ("2021/03/14", "2021-03-14", "day"),
        ("03/2021", "2021-03", "month"),
        ("3-2021", "2021-03", "month"),
        ("2021-03", "2021-03", "month"),
        ("Mar 2021", "2021-03", "month"),
        ("March 2021", "2021-03", "month"),
        ("December, 2020", "2020-12", "month"),
        ("O3/14/2021", "2021-03-14", "day"),  # OCR letter O for zero
        ("03/l4/2O21", "2021-03-14", "day"),  # OCR l for one, O for zero
        ("02/29/2020", "2020-02-29", "day"),  # leap day
    ],
)
def test_find_dates_reads_each_written_form(text: str, iso: str, precision: str) -> None:
    matches = find_dates(text, today=TODAY)
    assert [(m.raw, m.iso, m.precision, m.valid) for m in matches] == [(text, iso, precision, True)]


@pytest.mark.parametrize(
    "text",
    [
        "02/30/2021",
        "02/29/2021",  # not a leap year
        "04/31/2021",
        "13/45/2020",
        "00/12/2020",
        "2021-13-01",
        "2021-02-30",
        "32 Mar 2021",
        "Feb 30, 2021",
    ],
)
def test_find_dates_flags_impossible_dates_instead_of_dropping_them(text: str) -> None:
    matches = find_dates(f"Given {text} per chart", today=TODAY)
    assert len(matches) == 1
    assert matches[0].raw == text
    assert matches[0].valid is False
    assert matches[0].iso == ""
    assert matches[0].precision == "day"


@pytest.mark.parametrize(
    "text",
    [
        "call 555-123-4567",
        "(555) 123-4567",
        "555.123.4567",
        "seen at 14:32",
        "14:32:05",
        "MRN A-448812",
        "MRN 448812",
        "dose #2",
        "take 1/2 tab",
        "3/21",  # month/2-digit-year or a fraction: too ambiguous
        "BP 120/80",
        "section 1.10.21",  # dotted with a two-digit year: could be a section number
        "in 2021",  # bare years only via parse_date
        "20210314",  # compact dates only via parse_date
        "13/2021",  # no month 13 in a partial date
        "10 mg",
        "",
    ],
)
def test_find_dates_ignores_things_that_are_not_dates(text: str) -> None:
    assert find_dates(text, today=TODAY) == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("1/1/26", "2026-01-01"),
        ("1/1/27", "2027-01-01"),  # one year ahead of today still this century
        ("1/1/28", "1928-01-01"),
        ("12/31/99", "1999-12-31"),
        ("1/1/00", "2000-01-01"),
        ("14-Mar-61", "1961-03-14"),
    ],
)
def test_two_digit_years_pivot_on_today(text: str, iso: str) -> None:
    assert [m.iso for m in find_dates(text, today=TODAY)] == [iso]


def test_two_digit_year_pivot_moves_with_today() -> None:
    assert find_dates("1/1/30", today=datetime.date(2029, 6, 1))[0].iso == "2030-01-01"
    assert find_dates("1/1/30", today=datetime.date(2020, 6, 1))[0].iso == "1930-01-01"


def test_find_dates_gives_offsets_into_the_text() -> None:
    text = "DOB: 04/12/1961  Visit date March 3, 2024; printed 2024-05-02 14:32"
    matches = find_dates(text, today=TODAY)
    assert [m.iso for m in matches] == ["1961-04-12", "2024-03-03", "2024-05-02"]
    for m in matches:
        assert text[m.start : m.end] == m.raw


def test_find_dates_reads_a_hyphenated_range_as_two_dates() -> None:
    matches = find_dates("03/14/2021-04/01/2021", today=TODAY)
    assert [m.iso for m in matches] == ["2021-03-14", "2021-04-01"]


@pytest.mark.parametrize(
    ("text", "iso", "precision", "valid"),
    [
        ("03/14/2021", "2021-03-14", "day", True),
        ("  March 14, 2021 \n", "2021-03-14", "day", True),
        ("2021", "2021", "year", True),
        ("1961", "1961", "year", True),
        ("20210314", "2021-03-14", "day", True),
        ("20210230", "", "day", False),
        ("03/2021", "2021-03", "month", True),
        ("02/30/2021", "", "day", False),
    ],
)
def test_parse_date_reads_a_whole_field(text: str, iso: str, precision: str, valid: bool) -> None:
    match = parse_date(text, today=TODAY)
    assert match is not None
    assert (match.iso, match.precision, match.valid) == (iso, precision, valid)
    assert match.raw == text.strip()
    assert text[match.start : match.end] == match.raw


@pytest.mark.parametrize(
    "text",
    ["", "   ", "03/14/2021 and 04/01/2021", "seen 03/14/2021", "03/14/2021 x", "3/21",
     "12345", "0999", "20211345", "hello", "14:32"],
)
def test_parse_date_refuses_anything_but_one_date(text: str) -> None:
    assert parse_date(text, today=TODAY) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2021-03-14", "2021-03-14", True),
        ("2021-03-14", "2021-03-15", False),
        ("2021-03-14", "2021-03", True),
        ("2021-03", "2021-03-30", True),
        ("2021-03-14", "2021", True),
        ("2021", "2021-12", True),
        ("2021-03-14", "2021-04", False),
        ("2021", "2020-12-31", False),
        ("2021", "2021", True),
        ("", "2021-03-14", None),
        ("2021-03-14", "", None),
        ("", "", None),
    ],
)
def test_compare_dates_agrees_at_the_coarser_precision(a: str, b: str, expected: bool | None) -> None:
    assert compare_dates(a, b) is expected


# ---------------------------------------------------------------- doses


@pytest.mark.parametrize(
    ("text", "dose", "unit"),
    [
        ("10 mg", "10", "mg"),
        ("10mg", "10", "mg"),
        ("10 MG", "10", "mg"),
        ("1.0 mg", "1", "mg"),
        ("10.00 mg", "10", "mg"),
        ("2.50 mg", "2.5", "mg"),
        (".5 mg", "0.5", "mg"),
        ("0.125mg", "0.125", "mg"),
        ("1,000 mg", "1000", "mg"),
        ("10,000 units", "10000", "units"),
        ("0,5 mg", "0.5", "mg"),  # decimal comma
        ("25 mcg", "25", "mcg"),
        ("25 ug", "25", "mcg"),
        ("25 µg", "25", "mcg"),  # micro sign
        ("25 μg", "25", "mcg"),  # Greek mu
        ("200 micrograms", "200", "mcg"),
        ("2 g", "2", "g"),
        ("1 gram", "1", "g"),
        ("2 grams", "2", "g"),
        ("10 mg/mL", "10", "mg/ml"),
        ("500 mg/5 mL", "100", "mg/ml"),  # 500 mg in 5 mL = 100 mg per mL
        ("250 mg / 5 ml", "50", "mg/ml"),
        ("50 mcg/mL", "0.05", "mg/ml"),
        ("10 units", "10", "units"),
        ("1 unit", "1", "units"),
        ("10 u", "10", "units"),
        ("1000 IU", "1000", "units"),
        ("20 mEq", "20", "meq"),
        ("5 mL", "5", "ml"),
        ("5 cc", "5", "ml"),
        ("0.1%", "0.1", "%"),
        ("2.5 %", "2.5", "%"),
        ("1 tab", "1", "tab"),
        ("2 tabs", "2", "tab"),
        ("1 tablet", "1", "tab"),
        ("1-2 tabs", "1-2", "tab"),
        ("1 to 2 tablets", "1-2", "tab"),
        ("5-10 mg", "5-10", "mg"),
        ("1/2 tab", "0.5", "tab"),
        ("1 1/2 tablets", "1.5", "tab"),
        ("½ tab", "0.5", "tab"),
        ("1 cap", "1", "cap"),
        ("2 capsules", "2", "cap"),
        ("2 puffs", "2", "puff"),
        ("1 puff", "1", "puff"),
        ("2 drops", "2", "drop"),
        ("1 gtt", "1", "drop"),
        ("1 patch", "1", "patch"),
        ("25 mcg/hr", "25", "mcg"),  # a patch's strength per hour
    ],
)
def test_find_doses_normalizes_number_and_unit(text: str, dose: str, unit: str) -> None:
    matches = find_doses(f"Take {text} daily")
    assert [(m.raw, m.dose, m.unit, m.strength_text) for m in matches] == [(text, dose, unit, text)]


@pytest.mark.parametrize(
    "text",
    [
        "take 2 daily",  # no unit
        "03/14/2021",
        "call 555-123-4567",
        "MRN A-448812",
        "dose #2",
        "Disp #30 tablets",  # a quantity dispensed, not a dose
        "glucose 110 mg/dL",  # lab values
        "Hgb 13.5 g/dL",
        "K 4.0 mEq/L",
        "10 mg/kg",  # weight-based
        "insulin 100 units/mL",  # a concentration that is not mg/mL
        "KCl 20 mEq/15 mL",
        "take 1/3 tab",  # not a half or a quarter: unsure, so nothing
        "q4-6h",
        "mg",
        "",
    ],
)
def test_find_doses_needs_a_number_with_a_unit(text: str) -> None:
    assert find_doses(text) == []


def test_dose_change_is_not_read_as_a_range() -> None:
    matches = find_doses("increased from 10 to 20 mg")
    assert [(m.raw, m.dose) for m in matches] == [("20 mg", "20")]


def test_concentration_that_does_not_divide_keeps_the_strength() -> None:
    matches = find_doses("100 mg/3 mL")
    assert [(m.raw, m.dose, m.unit) for m in matches] == [("100 mg", "100", "mg")]


def test_find_doses_in_a_medication_line() -> None:
    text = "Lisinopril 10 mg PO daily; Albuterol 2 puffs q4-6h prn; Amoxicillin 250 mg/5 mL"
    matches = find_doses(text)
    assert [(m.dose, m.unit) for m in matches] == [("10", "mg"), ("2", "puff"), ("50", "mg/ml")]
    for m in matches:
        assert text[m.start : m.end] == m.raw


@pytest.mark.parametrize(
    ("dose", "value"),
    [("10", 10.0), ("0.5", 0.5), ("0.125", 0.125), ("1-2", 2.0), ("5-10", 10.0),
     ("", None), ("abc", None), ("1-", None), ("mg", None)],
)
def test_dose_value_is_the_number_or_the_upper_bound(dose: str, value: float | None) -> None:
    assert dose_value(dose) == value


# ---------------------------------------------------------------- frequencies


@pytest.mark.parametrize(
    ("text", "frequency", "per_day"),
    [
        ("BID", "bid", 2),
        ("b.i.d.", "bid", 2),
        ("bid", "bid", 2),
        ("twice daily", "bid", 2),
        ("twice a day", "bid", 2),
        ("2 times a day", "bid", 2),
        ("two times daily", "bid", 2),
        ("2x/day", "bid", 2),
        ("every 12 hours", "bid", 2),
        ("q12h", "bid", 2),
        ("Q12H", "bid", 2),
        ("q 12 h", "bid", 2),
        ("q12 hrs", "bid", 2),
        ("every 8 hours", "tid", 3),
        ("q8h", "tid", 3),
        ("three times daily", "tid", 3),
        ("3x daily", "tid", 3),
        ("TID", "tid", 3),
        ("t.i.d.", "tid", 3),
        ("q6h", "qid", 4),
        ("every 6 hours", "qid", 4),
        ("four times daily", "qid", 4),
        ("QID", "qid", 4),
        ("q.i.d.", "qid", 4),
        ("daily", "daily", 1),
        ("once daily", "daily", 1),
        ("once a day", "daily", 1),
        ("QD", "daily", 1),
        ("q.d.", "daily", 1),
        ("qday", "daily", 1),
        ("every day", "daily", 1),
        ("every 24 hours", "daily", 1),
        ("q24h", "daily", 1),
        ("every morning", "qam", 1),
        ("qAM", "qam", 1),
        ("q.a.m.", "qam", 1),
        ("in the morning", "qam", 1),
        ("nightly", "qhs", 1),
        ("at bedtime", "qhs", 1),
        ("qhs", "qhs", 1),
        ("q.h.s.", "qhs", 1),
        ("every evening", "daily", 1),
        ("daily at bedtime", "qhs", 1),
        ("every other day", "qod", 0.5),
        ("qod", "qod", 0.5),
        ("q.o.d.", "qod", 0.5),
        ("every 48 hours", "qod", 0.5),
        ("weekly", "weekly", 1 / 7),
        ("once a week", "weekly", 1 / 7),
        ("every week", "weekly", 1 / 7),
        ("qwk", "weekly", 1 / 7),
        ("every 7 days", "weekly", 1 / 7),
        ("monthly", "monthly", 12 / 365),
        ("once a month", "monthly", 12 / 365),
        ("q4h", "q4h", 6),
        ("every 4 hours", "q4h", 6),
        ("q2h", "q2h", 12),
        ("q72h", "q72h", 1 / 3),
        ("every 3 days", "q72h", 1 / 3),
        ("6 times daily", "q4h", 6),
        ("q4-6h", "q4-6h", 6),
        ("every 4 to 6 hours", "q4-6h", 6),
        ("once", "once", None),
        ("one time only", "once", None),
        ("stat", "once", None),
        ("as needed", "prn", None),
        ("PRN", "prn", None),
        ("p.r.n.", "prn", None),
    ],
)
def test_find_frequencies_normalizes_every_spelling(
    text: str, frequency: str, per_day: float | None
) -> None:
    matches = find_frequencies(f"1 tab PO {text}")
    assert [(m.raw, m.frequency) for m in matches] == [(text, frequency)]
    assert matches[0].per_day == (None if per_day is None else pytest.approx(per_day))


@pytest.mark.parametrize(
    ("text", "raw", "frequency", "per_day"),
    [
        ("q4-6h prn", "q4-6h prn", "q4-6h prn", 6),
        ("every 4-6 hours as needed for pain", "every 4-6 hours as needed", "q4-6h prn", 6),
        ("Q4H PRN", "Q4H PRN", "q4h prn", 6),
        ("q6h (prn)", "q6h (prn", "qid prn", 4),
        ("PRN q6h", "PRN q6h", "qid prn", 4),
        ("BID, as needed", "BID, as needed", "bid prn", 2),
        ("daily prn", "daily prn", "daily prn", 1),
    ],
)
def test_prn_written_with_a_frequency_joins_it(
    text: str, raw: str, frequency: str, per_day: float
) -> None:
    matches = find_frequencies(text)
    assert [(m.raw, m.frequency, m.per_day) for m in matches] == [(raw, frequency, per_day)]


def test_find_frequencies_keeps_separate_entries_apart() -> None:
    text = "Tylenol 500 mg PRN\nLisinopril 10 mg 1 tablet by mouth daily; Albuterol q8h"
    matches = find_frequencies(text)
    assert [m.frequency for m in matches] == ["prn", "daily", "tid"]
    for m in matches:
        assert text[m.start : m.end] == m.raw


@pytest.mark.parametrize(
    "text",
    [
        "OD",  # once daily or right eye: ambiguous, ISMP error-prone
        "o.d.",
        "x 7 days",  # a duration
        "5 times a day",  # no normalized code for five a day
        "every 45 days",  # longer than 4 weeks: only the table's words (monthly) say such gaps
        "q0h",
        "Q3 2021",
        "10 mg",
        "",
    ],
)
def test_find_frequencies_returns_nothing_for_non_frequencies(text: str) -> None:
    assert find_frequencies(text) == []


def test_duration_after_frequency_is_not_part_of_it() -> None:
    assert [(m.raw, m.frequency) for m in find_frequencies("BID x 7 days")] == [("BID", "bid")]


# ---------------------------------------------------------------- routes


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("PO", "oral"),
        ("po", "oral"),
        ("p.o.", "oral"),
        ("by mouth", "oral"),
        ("orally", "oral"),
        ("per os", "oral"),
        ("SL", "sublingual"),
        ("sublingual", "sublingual"),
        ("under the tongue", "sublingual"),
        ("SC", "subcutaneous"),
        ("SQ", "subcutaneous"),
        ("subq", "subcutaneous"),
        ("sub-q", "subcutaneous"),
        ("subcut", "subcutaneous"),
        ("subcutaneously", "subcutaneous"),
        ("IM", "intramuscular"),
        ("intramuscular", "intramuscular"),
        ("IV", "intravenous"),
        ("i.v.", "intravenous"),
        ("intravenously", "intravenous"),
        ("topical", "topical"),
        ("topically", "topical"),
        ("transdermal", "transdermal"),
        ("inhaled", "inhaled"),
        ("inhalation", "inhaled"),
        ("by inhalation", "inhaled"),
        ("INH", "inhaled"),
        ("nebulized", "inhaled"),
        ("nasal", "nasal"),
        ("intranasal", "nasal"),
        ("each nostril", "nasal"),
        ("in each nostril", "nasal"),
        ("ophthalmic", "ophthalmic"),
        ("in each eye", "ophthalmic"),
        ("OU", "ophthalmic"),
        ("OS", "ophthalmic"),
        ("otic", "otic"),
        ("in each ear", "otic"),
        ("rectal", "rectal"),
        ("PR", "rectal"),
        ("per rectum", "rectal"),
        ("vaginal", "vaginal"),
        ("vaginally", "vaginal"),
    ],
)
def test_find_routes_normalizes_every_spelling(text: str, route: str) -> None:
    matches = find_routes(f"1 tab {text} daily")
    assert [(m.raw, m.route) for m in matches] == [(text, route)]


@pytest.mark.parametrize("text", ["OD", "1 drop OD daily", "o.d.", "take 10 mg daily", "impo", ""])
def test_find_routes_reports_nothing_for_od_or_no_route(text: str) -> None:
    assert find_routes(text) == []


def test_find_routes_offsets_in_a_line() -> None:
    text = "Lisinopril 10 mg PO daily; insulin 10 units SQ qhs; timolol 1 drop in each eye bid"
    matches = find_routes(text)
    assert [m.route for m in matches] == ["oral", "subcutaneous", "ophthalmic"]
    for m in matches:
        assert text[m.start : m.end] == m.raw


# ---------------------------------------------------------------- robustness

_FRAGMENTS = st.sampled_from(
    [
        "03/14/2021", "3-14-21", "14 Mar 2021", "Mar 2021", "2021-03-14", "O3/l4/2O21",
        "10 mg", "1,000", ".5", "mg/5 mL", "1-2 tabs", "½", "1/2", "#", "µg", "%",
        "q4-6h", "prn", "b.i.d.", "every", "hours", "as needed", "OD", "PO", "sub-q",
        " ", "  ", "\n", "-", "/", ".", ",", "0", "9", "l", "O", "q", "x",
    ]
)
_FINDERS = (find_dates, find_doses, find_frequencies, find_routes)


def _assert_well_formed(text: str) -> None:
    for finder in _FINDERS:
        matches = finder(text)
        previous_end = 0
        for m in matches:
            assert 0 <= previous_end <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.raw
            previous_end = m.end


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_finders_never_raise_on_arbitrary_text(text: str) -> None:
    _assert_well_formed(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=60).map("".join))
def test_finders_never_raise_on_near_miss_text(text: str) -> None:
    _assert_well_formed(text)


@settings(max_examples=10, deadline=None)
@given(st.text(min_size=2000, max_size=5000))
def test_finders_handle_long_text(text: str) -> None:
    _assert_well_formed(text)


@pytest.mark.parametrize(
    "text, iso",
    [("12-0CT-2023", "2023-10-12"), ("14 rnar 2021", "2021-03-14"), ("5ep 20, 2022", "2022-09-20")],
)
def test_month_names_misread_by_ocr_still_read_as_dates(text: str, iso: str) -> None:
    (match,) = find_dates(text)
    assert match.iso == iso


@pytest.mark.parametrize("text, dose, unit", [("50 meg", "50", "mcg"), ("112 mcg", "112", "mcg")])
def test_mcg_misread_as_meg_is_still_micrograms(text: str, dose: str, unit: str) -> None:
    (match,) = find_doses(text)
    assert (match.dose, match.unit) == (dose, unit)


@pytest.mark.parametrize("text", ["g.h.s.", "PO ghs"])
def test_qhs_misread_with_a_g_is_still_bedtime(text: str) -> None:
    (match,) = find_frequencies(text)
    assert match.frequency == "qhs"


# ---------------------------------------------------------------- Sig counts in words


@pytest.mark.parametrize(
    ("text", "frequency", "per_day"),
    [
        ("by mouth 1 (one) time a day", "daily", 1),
        ("by mouth 4 (four) times daily", "qid", 4),
        ("3 (Three) times per day with food", "tid", 3),
        ("every 8 (eight) hours", "tid", 3),
        ("every 12 (twelve) hours", "bid", 2),
        ("every 4 (four) to 6 (six) hours", "q4-6h", 6),
        ("every 2 (two) days", "qod", 0.5),
        ("every twelve hours", "bid", 2),
        ("every four hours", "q4h", 6),
        ("every twenty-four hours", "daily", 1),
    ],
)
def test_counts_written_as_words_or_in_brackets(text: str, frequency: str, per_day: float) -> None:
    matches = find_frequencies("Take 1 tablet " + text)
    assert [m.frequency for m in matches] == [frequency]
    assert matches[0].per_day == pytest.approx(per_day)


def test_bracketed_count_keeps_the_prn_after_it() -> None:
    matches = find_frequencies("Take 2 tablets by mouth every 8 (eight) hours as needed for cough.")
    assert [(m.raw, m.frequency) for m in matches] == [("every 8 (eight) hours as needed", "tid prn")]


@pytest.mark.parametrize(
    "text",
    [
        "by mouth 2 (three) times a day",  # digits and word disagree: ambiguous, not guessed
        "every 6 (four) hours",
        "everyone eats at noon",  # "one" inside a word is no count
        "two (2) tablets",  # a count of tablets, not a schedule
    ],
)
def test_disagreeing_or_misplaced_number_words_give_no_frequency(text: str) -> None:
    assert find_frequencies(text) == []


# ---------------------------------------------------------------- HS alone is bedtime


@pytest.mark.parametrize(
    "text",
    ["20 MG PO HS", "1 cap h.s.", "10 mg po h. s.", "1 tab PO HS PRN sleep", "at hs"],
)
def test_hs_alone_is_bedtime(text: str) -> None:
    assert [m.frequency.split()[0] for m in find_frequencies(text)] == ["qhs"]


@pytest.mark.parametrize("text", ["hs-CRP 2.1 mg/L", "HSV-2 IgG negative", "THS 20 mg", "HS-troponin 12"])
def test_hs_inside_other_words_is_not_bedtime(text: str) -> None:
    assert find_frequencies(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lasix 40 mg PO once daily in AM", "qam"),
        ("take 1 tablet daily in the AM", "qam"),
        ("1 tab every a.m. before breakfast", "qam"),
        ("20 mg in the morning", "qam"),
        ("each AM with water", "qam"),
        ("Once Daily In The A.M.", "qam"),
        ("5 mg by mouth daily in the evening", "daily"),
        ("take every evening with supper", "daily"),
        ("1 tab each evening", "daily"),
        ("10 mg every PM", "daily"),
        ("once daily in the p.m.", "daily"),
        ("nightly", "qhs"),
        ("at night", "qhs"),
        ("once daily at bedtime", "qhs"),
    ],
)
def test_time_of_day_wording(text: str, expected: str) -> None:
    assert [f.frequency for f in find_frequencies(text)] == [expected]


@pytest.mark.parametrize("text", ["I am fine", "seen at 8 am", "Sam called", "pm follow-up with Dr. Am"])
def test_a_bare_am_or_pm_is_not_a_frequency(text: str) -> None:
    assert find_frequencies(text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [(" 81 daily", "81"), (" 40 qhs", "40"), (" 81, atorva 40", "81"), (": 1.50 bid", "1.5"), (" 25", "25")],
)
def test_bare_number_before_a_frequency_or_break_is_a_unitless_strength(text: str, number: str) -> None:
    found = find_bare_dose(text)
    assert found is not None and found[2] == number


@pytest.mark.parametrize(
    "text",
    [" 40 mg daily", " 2 tabs daily", " 3 weeks ago", " 20/25 daily", " 81daily", " x 81 daily", " 1,000", " 0 daily"],
)
def test_number_that_is_not_alone_is_no_unitless_strength(text: str) -> None:
    assert find_bare_dose(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tylenol lgm PO Q8H", ("1", "g")), ("warfarin lmg daily", ("1", "mg")), ("Img at bedtime", ("1", "mg")),
     ("|mcg", ("1", "mcg"))],
)
def test_a_one_misread_as_l_before_a_mass_unit_is_still_one(text: str, expected: tuple[str, str]) -> None:
    assert [(d.dose, d.unit) for d in find_doses(text)] == [expected]


@pytest.mark.parametrize("text", ["lg bottle", "LMG", "ilmg", "l.gm", "filmg"])
def test_words_that_only_look_like_a_misread_one_are_no_dose(text: str) -> None:
    assert find_doses(text) == []


@pytest.mark.parametrize(
    ("text", "day_first", "iso"),
    [
        ("03/04/2021", False, "2021-03-04"),
        ("03/04/2021", True, "2021-04-03"),
        ("7.11.2019", True, "2019-11-07"),
        ("25/03/2021", False, "2021-03-25"),  # a first number over 12 is a day either way
        ("04/25/2021", True, "2021-04-25"),  # a second number over 12 cannot be a month
        ("2021-03-04", True, "2021-03-04"),  # ISO order is never swapped
        ("Mar 4, 2021", True, "2021-03-04"),
    ],
)
def test_find_dates_day_first_reads_ambiguous_numeric_dates_day_first(text: str, day_first: bool, iso: str) -> None:
    (found,) = find_dates(text, today=TODAY, day_first=day_first)
    assert found.iso == iso


@pytest.mark.parametrize(
    ("text", "stated", "expected"),
    [
        ("Visit 02/03/2022, DOB 19/07/1950", False, True),
        ("seen 14.08.2023 and again 01.09.2023", False, True),
        ("Visit 02/03/2022, DOB 07/19/1950", False, False),
        ("Visit 02/03/2022", False, False),
        ("Visit 02/03/2022", True, True),
        ("given 19/07/2020 then 07/19/2021", False, False),  # contradictory: no guess
    ],
)
def test_reads_day_first_from_statement_or_unambiguous_dates(text: str, stated: bool, expected: bool) -> None:
    assert reads_day_first(text, stated) is expected


@pytest.mark.parametrize(
    ("text", "number"),
    [(" 75 1 every day", "75"), (" 40 one tablet at bedtime", "40"), (" 20 1 tab twice daily", "20")],
)
def test_bare_dose_allows_a_tablet_count_before_the_schedule(text: str, number: str) -> None:
    found = find_bare_dose(text)
    assert found is not None and found[2] == number


@pytest.mark.parametrize("text", [" 75 1 2 3", " 75 a week ago", " 40 one of them"])
def test_bare_dose_count_needs_a_schedule_after_it(text: str) -> None:
    assert find_bare_dose(text) is None
