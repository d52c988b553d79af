"""The bundled lexicons and rule tables load, and map what records write to the normalized vocabulary."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from pipeline.lexicons import Lexicons, load_lexicons

SOURCES = Path(str(resources.files("pipeline.models"))) / "sources"


@pytest.fixture(scope="module")
def lex() -> Lexicons:
    return load_lexicons()


@pytest.fixture(scope="module")
def drug_by_name(lex: Lexicons) -> dict[str, str]:
    return {d.name: d.ingredient for d in lex.drugs}


@pytest.fixture(scope="module")
def vaccine_by_name(lex: Lexicons) -> dict[str, tuple[str, str, str]]:
    return {v.name: (v.cvx, v.short_name, v.family) for v in lex.vaccines}


@pytest.fixture(scope="module")
def allergen_by_name(lex: Lexicons) -> dict[str, tuple[str, str, str]]:
    return {a.name: (a.allergen, a.group, a.kind) for a in lex.allergens}


def _stop_names() -> set[str]:
    text = (SOURCES / "not_drug_names.txt").read_text(encoding="utf-8")
    return {ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}


def test_all_tables_load_and_are_not_empty(lex: Lexicons) -> None:
    assert lex.drugs and lex.vaccines and lex.allergens and lex.allergy_conflicts and lex.dose_ranges


def test_drug_lexicon_covers_at_least_1000_ingredients(lex: Lexicons) -> None:
    assert len({d.ingredient for d in lex.drugs}) >= 1000


@pytest.mark.parametrize(
    ("name", "ingredient"),
    [
        ("zestril", "lisinopril"),
        ("prinivil", "lisinopril"),
        ("glucophage", "metformin"),
        ("toprol xl", "metoprolol"),
        ("lopressor", "metoprolol"),
        ("augmentin", "amoxicillin-clavulanate"),
        ("lipitor", "atorvastatin"),
        ("synthroid", "levothyroxine"),
        ("coumadin", "warfarin"),
        ("jantoven", "warfarin"),
        ("eliquis", "apixaban"),
        ("bactrim", "sulfamethoxazole-trimethoprim"),
        ("keflex", "cephalexin"),
        ("advil", "ibuprofen"),
        ("tylenol", "acetaminophen"),
        ("ozempic", "semaglutide"),
        ("lantus", "insulin glargine"),
        ("proair", "albuterol"),
        ("advair", "fluticasone-salmeterol"),
        ("flomax", "tamsulosin"),
    ],
)
def test_brand_maps_to_ingredient(drug_by_name: dict[str, str], name: str, ingredient: str) -> None:
    assert drug_by_name[name] == ingredient


@pytest.mark.parametrize(
    ("name", "ingredient"),
    [
        ("metoprolol succinate", "metoprolol"),
        ("metoprolol tartrate", "metoprolol"),
        ("amlodipine besylate", "amlodipine"),
        ("levothyroxine sodium", "levothyroxine"),
        ("atorvastatin calcium", "atorvastatin"),
        ("losartan potassium", "losartan"),
        ("sertraline hydrochloride", "sertraline"),
        ("sertraline hcl", "sertraline"),
        ("penicillin v potassium", "penicillin v"),
    ],
)
def test_salt_form_maps_to_ingredient(drug_by_name: dict[str, str], name: str, ingredient: str) -> None:
    assert drug_by_name[name] == ingredient


@pytest.mark.parametrize(
    ("name", "ingredient"),
    [("hctz", "hydrochlorothiazide"), ("asa", "aspirin"), ("apap", "acetaminophen"), ("ntg", "nitroglycerin"), ("pcn", "penicillin")],
)
def test_unambiguous_abbreviation_maps_to_ingredient(drug_by_name: dict[str, str], name: str, ingredient: str) -> None:
    assert drug_by_name[name] == ingredient


def test_curated_drugs_carry_verified_rxcui(lex: Lexicons) -> None:
    rxcui = {d.ingredient: d.rxcui for d in lex.drugs if d.name == d.ingredient}
    # Checked by hand against RxNorm ingredient concepts.
    assert rxcui["lisinopril"] == "29046"
    assert rxcui["metformin"] == "6809"
    assert rxcui["atorvastatin"] == "83367"
    assert rxcui["amoxicillin-clavulanate"] == ""  # a combination has no single ingredient code


@pytest.mark.parametrize("word", ["today", "date", "care", "plan", "visit", "daily", "tablet", "patient", "blood", "water", "potassium", "glucose", "the"])
def test_common_words_are_not_drug_names(drug_by_name: dict[str, str], word: str) -> None:
    assert word not in drug_by_name


def test_no_drug_name_is_in_the_stop_list(lex: Lexicons) -> None:
    stop = _stop_names()
    assert not [d.name for d in lex.drugs if d.name in stop]


def test_no_duplicate_name_ingredient_rows_and_each_name_has_one_ingredient(lex: Lexicons) -> None:
    pairs = Counter((d.name, d.ingredient) for d in lex.drugs)
    assert not [p for p, n in pairs.items() if n > 1]
    names = Counter(d.name for d in lex.drugs)
    assert not [n for n, c in names.items() if c > 1]


def test_drug_names_are_lower_case_and_typed(lex: Lexicons) -> None:
    assert all(d.name == d.name.lower() and d.ingredient == d.ingredient.lower() for d in lex.drugs)
    assert {d.name_type for d in lex.drugs} <= {"generic", "brand", "salt", "abbreviation", "synonym"}


@pytest.mark.parametrize("codes", [("140", "141", "88", "150", "158", "197"), ("09", "112", "113", "115", "139")])
def test_vaccine_codes_share_a_family(lex: Lexicons, codes: tuple[str, ...]) -> None:
    family = {v.cvx: v.family for v in lex.vaccines}
    assert len({family[c] for c in codes}) == 1


def test_influenza_and_tetanus_families_are_named(lex: Lexicons) -> None:
    family = {v.cvx: v.family for v in lex.vaccines}
    assert family["88"] == "influenza"
    assert family["115"] == "tetanus"


@pytest.mark.parametrize(
    ("name", "cvx", "short_name"),
    [
        ("tdap", "115", "tdap"),
        ("boostrix", "115", "tdap"),
        ("adacel", "115", "tdap"),
        ("tenivac", "113", "td"),
        ("flu shot", "88", "influenza"),
        ("fluzone", "88", "influenza"),
        ("shingrix", "187", "zoster"),
        ("zostavax", "121", "zoster"),
        ("prevnar 20", "216", "pneumococcal"),
        ("pneumovax 23", "33", "pneumococcal"),
        ("heplisav-b", "189", "hepatitis b"),
        ("gardasil 9", "165", "hpv"),
        ("covid-19", "213", "covid-19"),
        ("mmr", "03", "mmr"),
        ("varivax", "21", "varicella"),
        ("arexvy", "303", "rsv"),
    ],
)
def test_vaccine_name_maps_to_cvx(vaccine_by_name: dict[str, tuple[str, str, str]], name: str, cvx: str, short_name: str) -> None:
    assert vaccine_by_name[name][:2] == (cvx, short_name)


def test_each_vaccine_name_has_one_code(lex: Lexicons) -> None:
    names = Counter(v.name for v in lex.vaccines)
    assert not [n for n, c in names.items() if c > 1]


@pytest.mark.parametrize(
    ("name", "allergen", "group"),
    [
        ("pcn", "penicillin", "penicillins"),
        ("penicillins", "penicillin", "penicillins"),
        ("amoxicillin", "amoxicillin", "penicillins"),
        ("sulfa drugs", "sulfa", "sulfonamide antibiotics"),
        ("bactrim", "sulfamethoxazole-trimethoprim", "sulfonamide antibiotics"),
        ("codeine", "codeine", "opioids"),
        ("nsaids", "nsaids", "nsaids"),
        ("ibuprofen", "ibuprofen", "nsaids"),
        ("keflex", "cephalexin", "cephalosporins"),
        ("peanuts", "peanut", "food"),
        ("shellfish", "shellfish", "food"),
        ("latex", "latex", "environmental"),
        ("bee stings", "bee stings", "environmental"),
    ],
)
def test_allergen_name_maps_to_allergen_and_group(
    allergen_by_name: dict[str, tuple[str, str, str]], name: str, allergen: str, group: str
) -> None:
    assert allergen_by_name[name][:2] == (allergen, group)


def test_allergen_kinds_are_from_the_closed_set(lex: Lexicons) -> None:
    assert {a.kind for a in lex.allergens} <= {"drug", "drug_class", "food", "environmental", "other"}


def test_allergy_conflicts_name_known_ingredients_and_groups(lex: Lexicons) -> None:
    ingredients = {d.ingredient for d in lex.drugs}
    groups = {a.group for a in lex.allergens} | {a.allergen for a in lex.allergens}
    assert not [r.ingredient for r in lex.allergy_conflicts if r.ingredient not in ingredients]
    assert not [r.allergy_group for r in lex.allergy_conflicts if r.allergy_group not in groups]
    assert all(r.relation in ("member", "cross_reactive") for r in lex.allergy_conflicts)
    assert all(r.severity in ("high", "medium", "low") for r in lex.allergy_conflicts)
    assert all(r.note and r.source for r in lex.allergy_conflicts)


def test_penicillin_allergy_flags_every_penicillin_but_not_every_cephalosporin(lex: Lexicons) -> None:
    rules = {(r.allergy_group, r.ingredient): r for r in lex.allergy_conflicts}
    for drug in ("amoxicillin", "amoxicillin-clavulanate", "ampicillin", "piperacillin-tazobactam", "penicillin v", "dicloxacillin", "nafcillin"):
        assert rules[("penicillins", drug)].severity == "high"
    assert rules[("penicillins", "cephalexin")].relation == "cross_reactive"
    # Evidence is by R1 side chain, not a blanket beta-lactam rule.
    assert ("penicillins", "ceftriaxone") not in rules
    assert ("penicillins", "cefdinir") not in rules


def test_sulfa_allergy_does_not_flag_non_antibiotic_sulfonamides(lex: Lexicons) -> None:
    flagged = {r.ingredient for r in lex.allergy_conflicts if r.allergy_group == "sulfonamide antibiotics"}
    assert "sulfamethoxazole-trimethoprim" in flagged
    assert not flagged & {"furosemide", "hydrochlorothiazide", "celecoxib"}


def test_dose_ranges_are_positive_and_ordered(lex: Lexicons) -> None:
    bad = [d for d in lex.dose_ranges if not 0 < d.min_single <= d.max_single <= d.max_daily]
    assert not bad


def test_dose_ranges_cover_100_drugs_known_to_the_lexicon(lex: Lexicons) -> None:
    ingredients = {d.ingredient for d in lex.drugs}
    covered = {d.ingredient for d in lex.dose_ranges}
    assert len(covered) >= 100
    assert covered <= ingredients


@pytest.mark.parametrize(
    ("ingredient", "unit", "ordinary", "out_of_range"),
    [
        ("lisinopril", "mg", 20, 400),
        ("metformin", "mg", 1000, 10000),
        ("levothyroxine", "mcg", 100, 1000),
        ("levothyroxine", "mg", 0.1, 100),
        ("atorvastatin", "mg", 40, 800),
        ("warfarin", "mg", 5, 50),
    ],
)
def test_dose_range_accepts_ordinary_and_rejects_clear_outliers(
    lex: Lexicons, ingredient: str, unit: str, ordinary: float, out_of_range: float
) -> None:
    rng = next(d for d in lex.dose_ranges if d.ingredient == ingredient and d.unit == unit)
    assert rng.min_single <= ordinary <= rng.max_single
    assert out_of_range > rng.max_single


def test_label_maximums_for_common_drugs(lex: Lexicons) -> None:
    daily = {(d.ingredient, d.unit): d.max_daily for d in lex.dose_ranges}
    assert daily[("metformin", "mg")] == 2550
    assert daily[("lisinopril", "mg")] == 80
    assert daily[("atorvastatin", "mg")] == 80
    assert not [d for d in lex.dose_ranges if d.ingredient.startswith("insulin")]


def test_drug_names_file_stays_small() -> None:
    size = resources.files("pipeline.models").joinpath("drug_names.csv").read_bytes()
    assert len(size) < 5 * 1024 * 1024


def test_generated_tables_match_their_sources() -> None:
    """models/*.csv are what `python -m scripts.build_lexicons` makes from models/sources/."""
    pytest.importorskip("drug_named_entity_recognition")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-m", "scripts.build_lexicons", "--check"],
        cwd=root, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
