"""The committed synthetic samples: reproducible from the generator and with consistent truth."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from pipeline.records import CATEGORIES, FACT_KINDS

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TRUTH_FILES = {
    "basic": SAMPLES / "truth.json",
    "control": SAMPLES / "control" / "truth.json",
    "hard": SAMPLES / "hard" / "truth.json",
    "degraded": SAMPLES / "degraded" / "truth.json",
    "holdout": SAMPLES / "holdout" / "truth.json",
    "holdout2": SAMPLES / "holdout2" / "truth.json",
    "holdout3": SAMPLES / "holdout3" / "truth.json",
    "holdout4": SAMPLES / "holdout4" / "truth.json",
    "holdout5": SAMPLES / "holdout5" / "truth.json",
    "holdout6": SAMPLES / "holdout6" / "truth.json",
    "holdout7": SAMPLES / "holdout7" / "truth.json",
    "holdout8": SAMPLES / "holdout8" / "truth.json",
    "holdout9": SAMPLES / "holdout9" / "truth.json",
    "holdout10": SAMPLES / "holdout10" / "truth.json",
    "holdout11": SAMPLES / "holdout11" / "truth.json",
}

# The normalized vocabulary of docs/architecture.md.
UNITS = {"mg", "mcg", "g", "mg/ml", "units", "meq", "ml", "%", "tab", "cap", "puff", "drop", "patch"}
ROUTES = {
    "oral", "sublingual", "subcutaneous", "intramuscular", "intravenous", "topical",
    "transdermal", "inhaled", "nasal", "ophthalmic", "otic", "rectal", "vaginal",
}  # fmt: skip
MED_STATUS = {"active", "discontinued", "held", "refused", "completed"}
FREQUENCY = re.compile(
    r"^(prn|(daily|bid|tid|qid|qhs|qam|qod|weekly|monthly|once|q\d+h|q\d+-\d+h)( prn)?)$"
)
VACCINES = {
    "influenza", "tdap", "td", "mmr", "varicella", "hepatitis b", "hepatitis a",
    "pneumococcal", "zoster", "covid-19", "hpv", "polio",
}  # fmt: skip
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DOSE = re.compile(r"^(\d+(\.\d*[1-9])?)(-\d+(\.\d*[1-9])?)?$")  # no trailing zeros
REQUIRED_TRUTH_KEYS = {"set", "seed", "dpi", "patient", "documents", "expected_findings",
                       "harmless_variations"}  # fmt: skip


def _load(name: str) -> dict[str, Any]:
    return json.loads(TRUTH_FILES[name].read_text(encoding="utf-8"))


def _scans_dir(name: str) -> Path:
    return TRUTH_FILES[name].parent / "scans"


def _facts(truth: dict[str, Any], kind: str) -> dict[str, list[dict[str, Any]]]:
    """Facts of one kind, by provider."""
    out: dict[str, list[dict[str, Any]]] = {}
    for doc in truth["documents"]:
        out.setdefault(doc["provider"], []).extend(f for f in doc["facts"] if f["kind"] == kind)
    return out


@pytest.fixture(scope="module")
def generated_basic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    subprocess.run(
        [sys.executable, "-m", "samples.generate", "--set", "basic", "--out", str(out)],
        cwd=ROOT, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return out


def test_generating_basic_set_reproduces_committed_truth(generated_basic: Path) -> None:
    assert (generated_basic / "truth.json").read_bytes() == TRUTH_FILES["basic"].read_bytes()


def test_generating_basic_set_reproduces_committed_pdf_pages(generated_basic: Path) -> None:
    for doc in _load("basic")["documents"]:
        committed = PdfReader(SAMPLES / "scans" / doc["file"]).pages
        fresh = PdfReader(generated_basic / "scans" / doc["file"]).pages
        assert len(fresh) == len(committed) == len(doc["pages"])
        for a, b in zip(fresh, committed, strict=True):
            assert (a.mediabox.width, a.mediabox.height) == (b.mediabox.width, b.mediabox.height)


@pytest.mark.parametrize("name", list(TRUTH_FILES))
def test_truth_has_required_keys_and_files(name: str) -> None:
    truth = _load(name)
    assert set(truth) >= REQUIRED_TRUTH_KEYS
    assert truth["set"] == name
    assert set(truth["patient"]) == {"name", "dob"}
    providers = {d["provider"] for d in truth["documents"]}
    for doc in truth["documents"]:
        assert {"provider", "file", "document_date", "pages", "facts"} <= set(doc)
        assert doc["file"].startswith(doc["provider"] + "/")
        assert (_scans_dir(name) / doc["file"]).is_file()
        assert [p["page"] for p in doc["pages"]] == list(range(1, len(doc["pages"]) + 1))
        assert all(p["text"].strip() for p in doc["pages"])
    for finding in truth["expected_findings"]:
        assert finding["category"] in CATEGORIES
        assert finding["provider"] in providers
        assert finding["subject"] == finding["subject"].lower()


@pytest.mark.parametrize("name", list(TRUTH_FILES))
def test_truth_facts_use_the_normalized_vocabulary(name: str) -> None:
    for doc in _load(name)["documents"]:
        for f in doc["facts"]:
            assert f["kind"] in FACT_KINDS
            assert 1 <= f["page"] <= len(doc["pages"])
            if f["kind"] == "medication":
                assert f["name"] == f["name"].lower()
                assert DOSE.match(f["dose"]), f
                assert f["unit"] in UNITS
                assert FREQUENCY.match(f["frequency"]), f
                assert f["route"] in ROUTES
                assert f["status"] in MED_STATUS
            elif f["kind"] == "vaccine":
                assert f["name"] in VACCINES
                assert f["code"].isdigit()
                assert ISO_DATE.match(f["date"])
            elif f["kind"] == "allergy":
                assert f["status"] in {"active", "negated"}
                assert (f["name"] == "none") == (f["status"] == "negated")
            elif f["kind"] == "identity":
                assert f["name"] in {"name", "dob", "mrn"}
                if f["name"] == "dob":
                    assert ISO_DATE.match(f["date"])
                else:
                    assert " " not in f["value"] or f["name"] == "name"
            else:
                assert f["date"] == doc["document_date"]


@pytest.mark.parametrize("name", list(TRUTH_FILES))
def test_every_fact_is_printed_on_its_page(name: str) -> None:
    for doc in _load(name)["documents"]:
        pages = {p["page"]: " ".join(p["text"].split()) for p in doc["pages"]}
        for f in doc["facts"]:
            assert " ".join(f["text"].split()) in pages[f["page"]], (doc["file"], f)


@pytest.mark.parametrize("name", list(TRUTH_FILES))
def test_pdf_pages_are_images_at_the_truth_dpi(name: str) -> None:
    for doc in _load(name)["documents"]:
        reader = PdfReader(_scans_dir(name) / doc["file"])
        assert len(reader.pages) == len(doc["pages"])
        for page, expected in zip(reader.pages, doc["pages"], strict=True):
            assert not page.extract_text().strip()  # image only: no text layer
            xobjects = page["/Resources"]["/XObject"]
            (image,) = [xobjects[k].get_object() for k in xobjects]
            assert "/DCTDecode" in image["/Filter"]  # the JPEG as scanned, not re-encoded
            dpi = image["/Width"] * 72 / float(page.mediabox.width)
            assert dpi == pytest.approx(expected["dpi"], rel=1e-3)


def _odd_one_out(values: dict[str, Any]) -> str | None:
    """The provider whose value differs when every other provider agrees."""
    counts = Counter(values.values())
    if len(counts) != 2 or min(counts.values()) != 1:
        return None
    lone = min(counts, key=lambda v: counts[v])
    return next(p for p, v in values.items() if v == lone)


@pytest.mark.parametrize("name", ["basic", "degraded"])
def test_basic_plants_four_categories_each_at_the_odd_provider(name: str) -> None:
    truth = _load(name)
    found = {(f["category"], f["subject"]): f["provider"] for f in truth["expected_findings"]}
    assert {c for c, _ in found} == {
        "allergy_missing", "dose_mismatch", "vaccine_date_conflict", "identity_mismatch",
    }  # fmt: skip
    meds, vaccines = _facts(truth, "medication"), _facts(truth, "vaccine")
    allergies, identity = _facts(truth, "allergy"), _facts(truth, "identity")
    for (category, subject), provider in found.items():
        if category == "dose_mismatch":
            values = {p: [(m["dose"], m["frequency"]) for m in ms if m["name"] == subject][0]
                      for p, ms in meds.items()}  # fmt: skip
        elif category == "vaccine_date_conflict":
            values = {p: [v["date"] for v in vs if v["name"] == subject][0]
                      for p, vs in vaccines.items()}  # fmt: skip
        elif category == "allergy_missing":
            values = {p: any(a["name"] == subject for a in al) for p, al in allergies.items()}
        else:
            values = {p: {i.get("date") for i in ids if i["name"] == subject}.pop()
                      for p, ids in identity.items()}  # fmt: skip
        assert _odd_one_out(values) == provider, (category, subject, values)


@pytest.mark.parametrize("name", ["basic", "control", "degraded"])
def test_lists_agree_apart_from_the_planted_findings(name: str) -> None:
    """Nothing but the planted mistakes may differ once names are normalized."""
    truth = _load(name)
    planted = {(f["category"], f["subject"]) for f in truth["expected_findings"]}
    meds = {p: {m["name"]: (m["dose"], m["unit"], m["frequency"], m["route"]) for m in ms}
            for p, ms in _facts(truth, "medication").items()}  # fmt: skip
    vaccines = {p: {v["name"]: v["date"] for v in vs} for p, vs in _facts(truth, "vaccine").items()}
    allergies = {p: {a["name"] for a in al} for p, al in _facts(truth, "allergy").items()}
    for ingredient in set().union(*(m.keys() for m in meds.values())):
        values = {m.get(ingredient) for m in meds.values()}
        assert len(values) == 1 or ("dose_mismatch", ingredient) in planted, ingredient
    for vaccine in set().union(*(v.keys() for v in vaccines.values())):
        values = {v.get(vaccine) for v in vaccines.values()}
        assert len(values) == 1 or ("vaccine_date_conflict", vaccine) in planted, vaccine
    for allergen in set().union(*allergies.values()):
        present = {allergen in a for a in allergies.values()}
        assert present == {True} or ("allergy_missing", allergen) in planted, allergen


def test_control_has_no_expected_findings() -> None:
    truth = _load("control")
    assert truth["expected_findings"] == []
    assert truth["harmless_variations"]


def test_hard_plants_the_extraction_categories() -> None:
    truth = _load("hard")
    categories = {f["category"] for f in truth["expected_findings"]}
    assert {
        "drug_allergy_conflict", "frequency_mismatch", "dose_out_of_range", "medication_missing",
        "vaccine_missing", "future_date", "date_before_birth", "identity_mismatch",
        "dose_mismatch", "allergy_missing",
    } <= categories  # fmt: skip
    dob = truth["patient"]["dob"]
    dates = {(v["name"], v["date"]) for vs in _facts(truth, "vaccine").values() for v in vs}
    assert any(d < dob for _, d in dates) and any(d > "2030" for _, d in dates)
