"""Reconcile stage: facts from several providers -> findings a patient can take back to them."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from pipeline.config import ReconcileSettings, Settings
from pipeline.lexicons import AllergyConflictRule, DoseRange, Lexicons
from pipeline.reconcile import reconcile_facts
from pipeline.records import CATEGORIES, SEVERITIES, Fact, Finding, Provenance

TODAY = dt.date(2026, 11, 26)
LEX = Lexicons(
    drugs=(),
    vaccines=(),
    allergens=(),
    allergy_conflicts=(
        AllergyConflictRule("penicillins", "amoxicillin", "member", "high",
                            "Amoxicillin is a penicillin.", "test"),
        AllergyConflictRule("penicillins", "cephalexin", "cross_reactive", "medium",
                            "Cephalexin can cause a reaction in some people allergic to penicillin.",
                            "test"),
    ),
    dose_ranges=(
        DoseRange("acetaminophen", "mg", "", 325, 1000, 4000, "test"),
        DoseRange("metoprolol", "mg", "oral", 12.5, 200, 400, "test"),
    ),
)

# --- a tiny fact builder --------------------------------------------------------------------

MEDS = (("lisinopril", "10", "mg", "daily"), ("metoprolol", "25", "mg", "daily"))
ALLERGIES = (("penicillin", "penicillins", "hives"),)
VACCINES = (("tdap", "tetanus", "2019-05-02"), ("influenza", "influenza", "2023-10-05"))
DOB = "1961-04-12"
NAME = "maria l gonzalez"


def fact(kind: str, name: str, provider: str, file: str = "", page: int = 1, **kw: object) -> Fact:
    text = str(kw.pop("text", name))
    prov = Provenance(provider, file or f"{provider}/record.pdf", page, (10, 10 * page, 200, 40), "t")
    return Fact(kind=kind, name=name, text=text, provenance=prov, **kw)  # type: ignore[arg-type]


def med(provider: str, name: str, dose: str, unit: str = "mg", frequency: str = "daily",
        **kw: object) -> Fact:
    return fact("medication", name, provider, dose=dose, unit=unit, frequency=frequency,
                status=str(kw.pop("status", "active")), section=str(kw.pop("section", "medications")),
                **kw)


def record(provider: str, date: str, *, file: str = "", meds: tuple = MEDS,
           allergies: tuple | None = ALLERGIES, vaccines: tuple = VACCINES,
           name: str = NAME, dob: str = DOB, mrn: str = "", extra: tuple[Fact, ...] = ()) -> list[Fact]:
    """One document of one provider; allergies=() writes NKDA, None writes no allergy section."""
    f = file or f"{provider}/record.pdf"
    out = [fact("document_date", "visit", provider, f, date=date, value="visit"),
           fact("identity", "name", provider, f, value=name),
           fact("identity", "dob", provider, f, date=dob),
           fact("identity", "mrn", provider, f, value=mrn or f"{provider[:2].upper()}-1001")]
    out += [med(provider, n, d, u, q, file=f) for n, d, u, q in meds]
    if allergies is not None:
        out += [fact("allergy", n, provider, f, group=g, reaction=r, status="active",
                     section="allergies") for n, g, r in allergies]
        if not allergies:
            out.append(fact("allergy", "none", provider, f, status="negated", text="NKDA"))
    out += [fact("vaccine", n, provider, f, group=g, date=d) for n, g, d in vaccines]
    return out + list(extra)


def three(**gamma: object) -> list[Fact]:
    """Two agreeing providers and a third (gamma, the oldest) that the test can change."""
    return (record("alpha", "2024-05-02") + record("beta", "2024-03-01")
            + record("gamma", "2024-01-10", **gamma))  # type: ignore[arg-type]


def run(facts: list[Fact], settings: Settings | None = None) -> list[Finding]:
    return reconcile_facts(facts, LEX, settings or Settings(), TODAY)


def only(findings: list[Finding], category: str) -> Finding:
    hits = [f for f in findings if f.category == category]
    assert len(hits) == 1, [(f.category, f.subject, f.provider) for f in findings]
    return hits[0]


def summary(findings: list[Finding]) -> list[tuple[str, str, str, str]]:
    return [(f.category, f.subject, f.provider, f.severity) for f in findings]


# --- no false alarms --------------------------------------------------------------------------


def test_agreeing_records_have_no_findings() -> None:
    assert run(three()) == []


@pytest.mark.parametrize(
    "gamma",
    [
        # brand on the page, same ingredient in the fact
        {"meds": (("lisinopril", "10", "mg", "daily"), ("metoprolol", "25", "mg", "daily"))},
        # a middle initial, a full middle name, "Last First" order, extra spaces
        {"name": "maria gonzalez"},
        {"name": "maria louise gonzalez"},
        {"name": "gonzalez maria l"},
        {"name": "  Maria  L.  Gonzalez "},
        # a vaccine code of the same family (Td instead of Tdap, same day)
        {"vaccines": (("td", "tetanus", "2019-05-02"), ("influenza", "influenza", "2023-10-05"))},
        # a coarser date that agrees ("May 2019")
        {"vaccines": (("tdap", "tetanus", "2019-05"), ("influenza", "influenza", "2023-10-05"))},
        # a different order of entries
        {"meds": tuple(reversed(MEDS)), "vaccines": tuple(reversed(VACCINES))},
        # a duplicated entry in one document
        {"meds": MEDS + MEDS[1:]},
        # the same dose in another unit (g / mg / mcg)
        {"meds": (("lisinopril", "10", "mg", "daily"), ("metoprolol", "0.025", "g", "daily"))},
        # every 24 hours is once a day
        {"meds": (("lisinopril", "10", "mg", "q24h"), ("metoprolol", "25", "mg", "daily"))},
        # a class-level allergy covers its member
        {"allergies": (("penicillins", "penicillins", "hives"),)},
        # a flu shot from another season is another dose, not a date conflict
        {"vaccines": (("tdap", "tetanus", "2019-05-02"), ("influenza", "influenza", "2022-10-20"))},
    ],
    ids=["generic", "no-middle", "full-middle", "last-first", "case-spaces", "td-vs-tdap",
         "partial-date", "order", "duplicate", "units", "q24h", "class-allergy", "flu-season"],
)
def test_harmless_variation_gives_no_finding(gamma: dict[str, object]) -> None:
    assert summary(run(three(**gamma))) == []


def test_same_fact_on_several_pages_is_one_entry() -> None:
    facts = three()
    repeated = [replace(f, provenance=replace(f.provenance, page=p))
                for f in facts if f.provenance.provider == "gamma" for p in (2, 3)]
    assert run(facts + repeated) == []


def test_drug_stopped_everywhere_gives_no_finding() -> None:
    stopped = [med(p, "warfarin", "5", status="discontinued") for p in ("alpha", "beta", "gamma")]
    assert run(three() + stopped) == []


def test_mrns_of_different_providers_are_never_compared() -> None:
    facts = (record("alpha", "2024-05-02", mrn="A-1") + record("beta", "2024-03-01", mrn="778")
             + record("gamma", "2024-01-10", mrn="ZZ-99"))
    assert run(facts) == []


# --- identity_mismatch --------------------------------------------------------------------


def test_different_dob_says_pages_may_belong_to_another_patient() -> None:
    f = only(run(three(dob="1971-04-12")), "identity_mismatch")
    assert (f.subject, f.provider, f.severity) == ("dob", "gamma", "high")
    assert f.found == "date of birth 1971-04-12" and f.expected == "date of birth 1961-04-12"
    assert "another patient" in f.explanation and "Ask gamma" in f.explanation
    assert f.other_providers == ("alpha", "beta")


def test_dob_is_checked_against_the_users_own_dob() -> None:
    settings = Settings(patient_dob="1961-04-21")
    findings = [f for f in run(three(), settings) if f.subject == "dob"]
    assert sorted(f.provider for f in findings) == ["alpha", "beta", "gamma"]
    assert all("you gave" in f.explanation for f in findings)


def test_mrn_that_differs_within_one_provider() -> None:
    facts = (record("alpha", "2023-01-05", file="alpha/a.pdf", mrn="A-1001")
             + record("alpha", "2024-02-05", file="alpha/b.pdf", mrn="A-1001")
             + record("alpha", "2024-05-02", file="alpha/c.pdf", mrn="A-1010"))
    f = only(run(facts), "identity_mismatch")
    assert (f.subject, f.provider, f.file, f.severity) == ("mrn", "alpha", "alpha/c.pdf", "high")
    assert f.found == "MRN A-1010" and f.expected == "MRN A-1001"
    assert "Ask alpha" in f.explanation


@pytest.mark.parametrize(
    ("name", "severity"),
    [("maria l gonzales", "low"), ("rnaria l gonzalez", "medium"), ("jose gonzalez", "high")],
)
def test_name_variant_severity_follows_similarity(name: str, severity: str) -> None:
    f = only(run(three(name=name)), "identity_mismatch")
    assert (f.subject, f.provider, f.severity) == ("name", "gamma", severity)
    assert f.expected == "name maria l gonzalez"
    assert "Ask gamma to check the name" in f.explanation
    assert ("another patient" in f.explanation) == (severity == "high")


# --- allergy_missing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("allergies", "severity", "found"),
    [
        ((), "high", "no known allergies (NKDA)"),
        ((("sulfa", "sulfonamide antibiotics", "rash"),), "medium", "allergies listed: sulfa"),
    ],
    ids=["nkda", "other-allergies"],
)
def test_allergy_missing_severity_depends_on_what_the_record_says(
        allergies: tuple | None, severity: str, found: str) -> None:
    findings = [f for f in run(three(allergies=allergies)) if f.subject == "penicillin"]
    assert len(findings) == 1
    f = findings[0]
    assert (f.category, f.provider, f.severity, f.found) == ("allergy_missing", "gamma", severity, found)
    assert f.expected == "allergy to penicillin (hives)"
    assert "Ask gamma" in f.explanation


@pytest.mark.parametrize(
    "silent",
    [
        # an immunization registry: identity and vaccines, nothing about allergies
        lambda: record("registry", "2024-06-01", meds=(), allergies=None),
        # a lab report: identity only
        lambda: record("lab", "2024-02-01", meds=(), allergies=None, vaccines=()),
        # a pharmacy fill history without an allergy field, in two documents
        lambda: (record("pharmacy", "2023-12-01", allergies=None, vaccines=())
                 + record("pharmacy", "2024-04-01", file="pharmacy/later.pdf", allergies=None,
                          vaccines=())),
    ],
    ids=["registry", "lab-report", "pharmacy-two-documents"],
)
def test_provider_that_says_nothing_about_allergies_gets_no_allergy_missing(
        silent: Callable[[], list[Fact]]) -> None:
    facts = record("alpha", "2024-05-02") + record("beta", "2024-03-01") + silent()
    assert [f for f in run(facts) if f.category == "allergy_missing"] == []


def test_provider_with_allergies_elsewhere_in_its_history_is_still_compared() -> None:
    # An older document of the provider lists an allergy: the provider does keep allergies.
    facts = (record("alpha", "2024-05-02") + record("beta", "2024-03-01")
             + record("gamma", "2023-01-10", file="gamma/old.pdf",
                      allergies=(("sulfa", "sulfonamide antibiotics", "rash"),))
             + record("gamma", "2024-01-10", allergies=None))
    missing = [(f.subject, f.provider, f.severity) for f in run(facts)
               if f.category == "allergy_missing" and f.subject == "penicillin"]
    assert missing == [("penicillin", "gamma", "medium")]


def test_nkda_does_not_deny_a_food_allergy() -> None:
    food = (("peanut", "food", "swelling"),)
    facts = (record("alpha", "2024-05-02", allergies=food) + record("beta", "2024-03-01", allergies=food)
             + record("gamma", "2024-01-10", allergies=()))
    assert only(run(facts), "allergy_missing").severity == "medium"


# --- drug_allergy_conflict --------------------------------------------------------------------


@pytest.mark.parametrize(("drug", "severity"), [("amoxicillin", "high"), ("cephalexin", "medium")])
def test_drug_in_the_class_of_a_recorded_allergy(drug: str, severity: str) -> None:
    f = only(run(three(meds=(*MEDS, (drug, "500", "mg", "tid")))), "drug_allergy_conflict")
    assert (f.subject, f.provider, f.severity) == (drug, "gamma", severity)
    assert f.found == f"{drug} 500 mg 3 times a day (tid)"
    assert f.expected == "no penicillins drugs (allergy: penicillin, hives)"
    assert next(r.note for r in LEX.allergy_conflicts if r.ingredient == drug) in f.explanation
    assert f"Ask gamma to check whether {drug} is safe" in f.explanation


# --- medication_missing ---------------------------------------------------------------------


def test_medication_missing_from_one_list() -> None:
    f = only(run(three(meds=MEDS[:1])), "medication_missing")
    assert (f.subject, f.provider, f.severity) == ("metoprolol", "gamma", "medium")
    assert f.expected == "metoprolol 25 mg daily"
    assert f.other_providers == ("alpha", "beta")
    assert "Ask gamma whether you take metoprolol" in f.explanation


def test_medication_missing_from_a_letter_is_low() -> None:
    letter = [replace(f, section="other") if f.kind == "medication" else f
              for f in record("gamma", "2024-01-10", meds=MEDS[:1])]
    facts = record("alpha", "2024-05-02") + record("beta", "2024-03-01") + letter
    f = only(run(facts), "medication_missing")
    assert (f.provider, f.severity) == ("gamma", "low")
    assert "not a full medication list" in f.explanation


def test_medication_stopped_at_one_provider_and_active_elsewhere() -> None:
    gamma = record("gamma", "2024-01-10", meds=MEDS[:1],
                   extra=(med("gamma", "metoprolol", "25", status="discontinued"),))
    f = only(run(record("alpha", "2024-05-02") + record("beta", "2024-03-01") + gamma),
             "medication_missing")
    assert (f.subject, f.provider, f.severity) == ("metoprolol", "gamma", "medium")
    assert f.found == "metoprolol stopped (discontinued)"
    assert "Ask gamma whether metoprolol was really stopped" in f.explanation


def test_only_the_newest_document_of_a_provider_is_its_current_list() -> None:
    old = record("gamma", "2020-01-10", file="gamma/old.pdf", meds=MEDS[:1])
    assert run(three() + old) == []


# --- dose_mismatch --------------------------------------------------------------------------


def test_dose_mismatch_is_medium_for_an_ordinary_difference() -> None:
    f = only(run(three(meds=(MEDS[0], ("metoprolol", "50", "mg", "daily")))), "dose_mismatch")
    assert (f.subject, f.provider, f.severity) == ("metoprolol", "gamma", "medium")
    assert (f.found, f.expected) == ("metoprolol 50 mg daily", "metoprolol 25 mg daily")
    assert "Ask gamma to check the dose" in f.explanation
    assert "misread" not in f.explanation


@pytest.mark.parametrize("dose", ["2.5", "250", "0.25"])
def test_tenfold_dose_is_high_and_says_it_may_be_a_misread(dose: str) -> None:
    f = only(run(three(meds=(MEDS[0], ("metoprolol", dose, "mg", "daily")))), "dose_mismatch")
    assert (f.provider, f.severity) == ("gamma", "high")
    assert "misread" in f.explanation and '"1.0 mg" read as "10 mg"' in f.explanation
    assert "check the dose on this page" in f.explanation


@pytest.mark.parametrize(("dose", "differs"), [("100-12.5", True), ("50-25", True), ("50-12.5", False)])
def test_a_combination_products_strengths_are_compared_together(dose: str, differs: bool) -> None:
    combo = ("losartan-hydrochlorothiazide", "50-12.5", "mg", "daily")
    facts = (record("alpha", "2024-05-02", meds=(MEDS[0], combo)) + record("beta", "2024-03-01", meds=(MEDS[0], combo))
             + record("gamma", "2024-04-01", meds=(MEDS[0], (combo[0], dose, "mg", "daily"))))
    found = [f for f in run(facts) if f.category == "dose_mismatch"]
    assert [(f.subject, f.provider, f.found) for f in found] == (
        [("losartan-hydrochlorothiazide", "gamma", f"losartan-hydrochlorothiazide {dose} mg daily")] if differs else []
    )


def test_old_record_that_differs_is_downgraded_and_says_why() -> None:
    facts = (record("alpha", "2024-05-02") + record("beta", "2024-03-01")
             + record("gamma", "2019-01-10", meds=(MEDS[0], ("metoprolol", "50", "mg", "daily"))))
    f = only(run(facts), "dose_mismatch")
    assert (f.provider, f.severity) == ("gamma", "low")
    assert "real change since the older record" in f.explanation
    tenfold = (record("alpha", "2024-05-02") + record("beta", "2024-03-01")
               + record("gamma", "2019-01-10", meds=(MEDS[0], ("metoprolol", "2.5", "mg", "daily"))))
    assert only(run(tenfold), "dose_mismatch").severity == "medium"


@pytest.mark.parametrize(("older", "suspect"), [("beta", "beta"), ("alpha", "alpha")])
def test_two_providers_that_disagree_flag_the_older_record(older: str, suspect: str) -> None:
    dates = {older: "2024-01-05", ({"alpha", "beta"} - {older}).pop(): "2024-06-05"}
    facts = (record("alpha", dates["alpha"])
             + record("beta", dates["beta"], meds=(MEDS[0], ("metoprolol", "50", "mg", "daily"))))
    f = only(run(facts), "dose_mismatch")
    assert f.provider == suspect
    assert f.explanation.startswith("The two records disagree")


# --- frequency_mismatch ---------------------------------------------------------------------


@pytest.mark.parametrize("frequency", ["bid", "q12h", "prn", "daily prn"])
def test_frequency_mismatch(frequency: str) -> None:
    f = only(run(three(meds=(MEDS[0], ("metoprolol", "25", "mg", frequency)))), "frequency_mismatch")
    assert (f.subject, f.provider, f.severity) == ("metoprolol", "gamma", "medium")
    assert f.expected == "metoprolol 25 mg daily"
    assert "Ask gamma how often" in f.explanation


def test_bid_and_every_12_hours_are_the_same_schedule() -> None:
    meds = (MEDS[0], ("metoprolol", "25", "mg", "bid"))
    facts = (record("alpha", "2024-05-02", meds=meds) + record("beta", "2024-03-01", meds=meds)
             + record("gamma", "2024-01-10", meds=(MEDS[0], ("metoprolol", "25", "mg", "q12h"))))
    assert run(facts) == []


# --- dose_out_of_range ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dose", "unit", "frequency", "severity"),
    [("1000", "mg", "q4h", "medium"),  # 6000 mg a day, limit 4000
     ("5000", "mg", "once", "high"),  # single dose 5x the limit
     ("3", "g", "tid", "high"),  # 3000 mg at a time: grams converted, 3x the limit
     ("2", "g", "qid", "medium"),  # exactly 2x the limit is not more than 2x
     ("100", "mg", "daily", "low")],  # below the usual single dose
)
def test_dose_out_of_range(dose: str, unit: str, frequency: str, severity: str) -> None:
    facts = three() + [med("gamma", "acetaminophen", dose, unit, frequency)]
    f = only(run(facts), "dose_out_of_range")
    assert (f.subject, f.provider, f.severity) == ("acetaminophen", "gamma", severity)
    assert f.found.startswith(f"acetaminophen {dose} {unit}")
    assert "Ask gamma to check the dose" in f.explanation


def test_dose_within_range_in_grams_is_fine() -> None:
    assert run(three() + [med("gamma", "acetaminophen", "1", "g", "qid")]) == []


# --- vaccines -------------------------------------------------------------------------------


def test_vaccine_date_conflict_at_the_odd_one_out() -> None:
    f = only(run(three(vaccines=(("tdap", "tetanus", "2019-06-02"), VACCINES[1]))),
             "vaccine_date_conflict")
    assert (f.subject, f.provider, f.severity) == ("tdap", "gamma", "medium")
    assert (f.found, f.expected) == ("tdap on 2019-06-02", "tdap on 2019-05-02")
    assert "Ask gamma to check the date" in f.explanation


def test_flu_shots_in_one_season_on_different_dates_conflict() -> None:
    f = only(run(three(vaccines=(VACCINES[0], ("influenza", "influenza", "2023-11-20")))),
             "vaccine_date_conflict")
    assert (f.subject, f.provider) == ("influenza", "gamma")


def test_vaccine_missing_from_one_history() -> None:
    f = only(run(three(vaccines=VACCINES[1:])), "vaccine_missing")
    assert (f.subject, f.provider, f.severity) == ("tdap", "gamma", "low")
    assert "Ask gamma to add it" in f.explanation


def test_history_written_before_the_vaccine_is_not_missing_it() -> None:
    facts = (record("alpha", "2024-05-02") + record("beta", "2024-03-01")
             + record("gamma", "2019-01-10", vaccines=(("influenza", "influenza", "2018-10-05"),)))
    assert [f for f in run(facts) if f.category == "vaccine_missing" and f.subject == "tdap"] == []


# --- single-entry checks -------------------------------------------------------------------


def test_invalid_date_shows_the_date_as_written() -> None:
    bad = fact("vaccine", "hepatitis b", "gamma", group="hepatitis b", date="", date_valid=False,
               raw_date="02/30/2021")
    f = only(run(three(extra=(bad,))), "invalid_date")
    assert (f.subject, f.provider, f.severity, f.found) == ("hepatitis b", "gamma", "medium", "02/30/2021")
    assert "not a real calendar date" in f.explanation and "Ask gamma" in f.explanation


@pytest.mark.parametrize("raw", ["62-MAY-2019", "05/32/2019", "05/39/2018"])
def test_impossible_date_one_character_from_the_others_is_a_likely_misread(raw: str) -> None:
    bad = fact("vaccine", "tdap", "gamma", group="tetanus", date="", date_valid=False, raw_date=raw)
    findings = run(three(vaccines=VACCINES[1:], extra=(bad,)))
    if raw == "05/39/2018":  # three characters off: not a near miss, the record is wrong
        assert only(findings, "invalid_date").severity == "medium"
        return
    # Probably a misread: a request to check the page, not a claim that the record is wrong.
    assert not [f for f in findings if f.category == "invalid_date"]
    f = only(findings, "unreadable_entry")
    assert (f.subject, f.provider, f.severity) == ("tdap", "gamma", "low")
    assert f.expected == "2019-05-02 (as alpha and beta record it)"
    assert "probably a misread" in f.explanation and "Check the date on the page" in f.explanation


@pytest.mark.parametrize(("kind", "name", "severity"),
                         [("vaccine", "hepatitis b", "medium"), ("identity", "dob", "high")])
def test_future_date(kind: str, name: str, severity: str) -> None:
    future = fact(kind, name, "gamma", date="2027-01-05")
    f = only(run(three(extra=(future,))), "future_date")
    assert (f.subject, f.provider, f.severity) == (name, "gamma", severity)
    assert "in the future" in f.explanation and "Ask gamma" in f.explanation


def test_date_before_birth() -> None:
    early = fact("vaccine", "hepatitis b", "gamma", group="hepatitis b", date="1950-03-01")
    f = only(run(three(extra=(early,))), "date_before_birth")
    assert (f.subject, f.provider, f.severity) == ("hepatitis b", "gamma", "medium")
    assert "1961-04-12" in f.expected and "Ask gamma" in f.explanation


def test_low_confidence_and_look_alike_names_ask_to_verify_the_page() -> None:
    faint = med("gamma", "atorvastatin", "20", confidence=0.3)
    lookalike = med("gamma", "hydroxyzine", "25", ambiguous_with=("hydralazine",))
    findings = [f for f in run(three(extra=(faint, lookalike))) if f.category == "unreadable_entry"]
    assert summary(findings) == [("unreadable_entry", "hydroxyzine", "gamma", "medium"),
                                 ("unreadable_entry", "atorvastatin", "gamma", "low")]
    assert "hydralazine" in findings[0].explanation
    assert all("page" in f.explanation for f in findings)


# --- ids and order ----------------------------------------------------------------------------


def _busy() -> list[Fact]:
    return three(dob="1971-04-12", meds=(("metoprolol", "2.5", "mg", "bid"),), allergies=(),
                 vaccines=(("tdap", "tetanus", "2019-06-02"),),
                 extra=(med("gamma", "amoxicillin", "500", frequency="tid"),
                        fact("vaccine", "mmr", "gamma", date="", date_valid=False, raw_date="13/45/2020")))


def test_findings_are_sorted_and_ids_stable_and_unique() -> None:
    findings = run(_busy())
    assert len(findings) >= 6
    keys = [(SEVERITIES.index(f.severity), CATEGORIES.index(f.category), f.subject, f.provider,
             f.file, f.page) for f in findings]
    assert keys == sorted(keys)
    ids = [f.finding_id for f in findings]
    assert all(re.fullmatch(r"RC-[0-9a-f]{8}", i) for i in ids)
    assert len(set(ids)) == len(ids)
    assert all(list(f.other_providers) == sorted(f.other_providers) for f in findings)
    assert all(0 <= f.confidence <= 1 for f in findings)


def test_shuffled_input_gives_identical_output() -> None:
    facts = _busy()
    expected = run(facts)
    for seed in range(3):
        shuffled = facts[:]
        random.Random(seed).shuffle(shuffled)
        assert run(shuffled) == expected


def test_one_finding_per_disagreement_never_both_sides() -> None:
    findings = run(three(meds=(MEDS[0], ("metoprolol", "50", "mg", "daily"))))
    assert [(f.category, f.provider) for f in findings] == [("dose_mismatch", "gamma")]


def test_stale_years_setting_controls_the_downgrade() -> None:
    facts = (record("alpha", "2024-05-02") + record("beta", "2024-03-01")
             + record("gamma", "2019-01-10", meds=(MEDS[0], ("metoprolol", "50", "mg", "daily"))))
    settings = Settings(reconcile=ReconcileSettings(stale_years=10.0))
    assert only(run(facts, settings), "dose_mismatch").severity == "medium"


@pytest.mark.parametrize(("gamma_date", "severity"), [("2019-01-10", "medium"), ("2026-01-10", "high")])
def test_allergy_missing_is_excused_by_time_only_for_the_older_record(
        gamma_date: str, severity: str) -> None:
    facts = (record("alpha", "2024-05-02") + record("beta", "2024-03-01")
             + record("gamma", gamma_date, allergies=()))
    f = only(run(facts), "allergy_missing")
    assert (f.provider, f.severity) == ("gamma", severity)
    assert ("found after it" in f.explanation) == (severity == "medium")


def test_allergy_and_drug_on_the_same_record_conflict() -> None:
    facts = three(meds=(*MEDS, ("amoxicillin", "500", "mg", "tid")))
    facts = [f for f in facts if not (f.kind == "allergy" and f.provenance.provider != "gamma")]
    f = only(run(facts), "drug_allergy_conflict")
    assert f.provider == "gamma" and "recorded by this provider" in f.explanation


# --- reading through scan misreads -------------------------------------------------------------


def test_impossible_date_near_another_providers_date_counts_as_that_date() -> None:
    vaccines = (("tdap", "tetanus", "2019-05-02"),)
    misread = fact("vaccine", "tdap", "gamma", group="tetanus", date="", date_valid=False,
                   raw_date="62-MAY-2019")
    facts = (record("alpha", "2024-01-02", vaccines=vaccines)
             + record("beta", "2024-06-01", vaccines=(("tdap", "tetanus", "2019-08-15"),))
             + record("gamma", "2024-03-01", vaccines=(), extra=(misread,)))
    f = only(run(facts), "vaccine_date_conflict")
    assert (f.provider, f.found) == ("beta", "tdap on 2019-08-15")


def test_future_document_date_does_not_make_a_record_the_newest() -> None:
    alpha = [replace(f, date="2624-05-20") if f.kind == "document_date" else f
             for f in record("alpha", "2024-01-05")]
    beta = record("beta", "2024-06-05", meds=(MEDS[0], ("metoprolol", "50", "mg", "daily")))
    f = only(run(alpha + beta), "dose_mismatch")
    assert f.provider == "alpha"  # dated by its latest entry (2023), so the older record


def test_mrn_one_character_off_on_another_page_of_one_record_is_a_likely_misread() -> None:
    page2 = fact("identity", "mrn", "alpha", page=2, value="AL-1007", confidence=0.7)
    findings = run(record("alpha", "2024-05-02", extra=(page2,)))
    assert not [f for f in findings if f.category == "identity_mismatch"]
    f = only(findings, "unreadable_entry")
    assert (f.subject, f.page, f.severity) == ("mrn", 2, "low")
    assert f.expected == "MRN AL-1001" and "misread" in f.explanation


@pytest.mark.parametrize(("lacking_date", "suspect", "found"), [
    ("2024-01-05", "beta", "metoprolol not on this medication list"),  # the older list lacks it
    ("2024-09-05", "alpha", "metoprolol 25 mg daily"),  # the newer list lacks it: older one flagged
])
def test_two_providers_medication_tie_flags_the_older_record(
        lacking_date: str, suspect: str, found: str) -> None:
    facts = record("alpha", "2024-06-01") + record("beta", lacking_date, meds=MEDS[:1])
    f = only(run(facts), "medication_missing")
    assert (f.subject, f.provider, f.found) == ("metoprolol", suspect, found)
    assert "disagree" in f.explanation


def test_every_document_is_checked_against_the_users_own_name() -> None:
    findings = run(three(), Settings(patient_name="Maria Gonzales"))
    assert summary(findings) == [("identity_mismatch", "name", p, "low") for p in ("alpha", "beta", "gamma")]
    assert all("the name you gave is maria gonzales" in f.explanation for f in findings)


# --- dose_out_of_range without a route ------------------------------------------------------

ROUTED = replace(LEX, dose_ranges=LEX.dose_ranges + (
    DoseRange("semaglutide", "mg", "subcutaneous", 0.25, 2.4, 2.4, "test"),
    DoseRange("semaglutide", "mg", "oral", 1.5, 50, 50, "test"),
))


def run_routed(facts: list[Fact]) -> list[Finding]:
    return reconcile_facts(facts, ROUTED, Settings(), TODAY)


@pytest.mark.parametrize(("dose", "unit", "frequency"),
                         [("0.5", "mg", "weekly"), ("0.25", "mg", "weekly"), ("1", "mg", "weekly"),
                          ("250", "mcg", "weekly"), ("3", "mg", "daily")])
def test_dose_of_unknown_route_is_not_held_to_another_routes_minimum(dose: str, unit: str,
                                                                     frequency: str) -> None:
    facts = three() + [med("gamma", "semaglutide", dose, unit, frequency)]
    assert [f for f in run_routed(facts) if f.category == "dose_out_of_range"] == []


@pytest.mark.parametrize(("dose", "route"), [("0.5", "oral"), ("1", "oral")])
def test_dose_below_the_minimum_of_its_own_route_is_flagged(dose: str, route: str) -> None:
    facts = three() + [med("gamma", "semaglutide", dose, "mg", "daily", route=route)]
    f = only(run_routed(facts), "dose_out_of_range")
    assert (f.subject, f.severity) == ("semaglutide", "low")


@pytest.mark.parametrize("dose", ["120", "500"])
def test_dose_above_every_routes_maximum_is_flagged_without_a_route(dose: str) -> None:
    facts = three() + [med("gamma", "semaglutide", dose, "mg", "daily")]
    f = only(run_routed(facts), "dose_out_of_range")
    assert f.severity in ("medium", "high")


def test_dose_of_unknown_route_above_one_routes_maximum_only_is_not_flagged() -> None:
    facts = three() + [med("gamma", "semaglutide", "14", "mg", "daily")]  # an oral dose
    assert [f for f in run_routed(facts) if f.category == "dose_out_of_range"] == []


def test_single_route_range_still_checks_a_dose_without_route() -> None:
    facts = three() + [med("gamma", "metoprolol", "5", "mg", "daily")]
    assert only(run(facts), "dose_out_of_range").severity == "low"


@pytest.mark.parametrize(
    ("line", "partner"),
    [("Hydroxyzlne 25 mg PO tid", "hydralazine"), ("Clonidlne 0.1 mg PO bid", "clonazepam")],
)
def test_look_alike_misread_read_from_a_page_is_reported_unreadable(line: str, partner: str) -> None:
    from pipeline.extract import extract_facts, ocr_page_from_text
    from pipeline.lexicons import load_lexicons

    page = ocr_page_from_text("Medications:\n" + line, provider="gamma", file="gamma/record.pdf")
    read = [f for f in extract_facts([page], load_lexicons(), Settings()) if f.kind == "medication"]
    assert len(read) == 1 and partner in read[0].ambiguous_with
    findings = [f for f in run(three(extra=tuple(read))) if f.category == "unreadable_entry"]
    assert [(f.subject, f.provider, f.severity) for f in findings] == [(read[0].name, "gamma", "medium")]
    assert partner in findings[0].explanation


@pytest.mark.parametrize(
    ("section", "names"),
    [
        ("", ("lisinopril",)),  # a referral letter naming the one drug it is about
        ("", ("lisinopril", "amoxicillin")),  # a single prescription plus one other mention
        ("plan", ("lisinopril",)),
    ],
)
def test_a_document_naming_one_or_two_medicines_outside_a_list_is_not_a_full_list(
    section: str, names: tuple[str, ...]
) -> None:
    single = [f for f in record("gamma", "2024-01-10", meds=()) if f.kind != "medication"]
    single += [med("gamma", n, "10", section=section, file="gamma/record.pdf") for n in names]
    facts = record("alpha", "2024-05-02") + record("beta", "2024-03-01") + single
    missing = [f for f in run(facts) if f.category == "medication_missing" and f.provider == "gamma"]
    assert missing and all(f.severity == "low" for f in missing)
    assert all("not a full medication list" in f.explanation for f in missing)


@pytest.mark.parametrize(
    "meds",
    [
        (("lisinopril", "10", "mg", "daily"), ("metformin", "500", "mg", "bid"), ("aspirin", "81", "mg", "daily")),
    ],
)
def test_an_unheaded_list_of_three_or_more_medicines_is_a_full_list(meds: tuple) -> None:
    gamma = [replace(f, section="") if f.kind == "medication" else f for f in record("gamma", "2024-01-10", meds=meds)]
    facts = record("alpha", "2024-05-02") + record("beta", "2024-03-01") + gamma
    f = next(f for f in run(facts) if f.category == "medication_missing" and f.subject == "metoprolol")
    assert (f.provider, f.severity) == ("gamma", "medium")


def test_one_medicine_under_a_medication_header_is_still_a_full_list() -> None:
    f = only(run(three(meds=MEDS[:1])), "medication_missing")
    assert (f.provider, f.severity) == ("gamma", "medium")
