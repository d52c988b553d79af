"""End to end on the committed samples with the real Tesseract: findings, schemas, annotated PDF."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from pypdf import PdfReader

from tests.conftest import CliRun

pytestmark = pytest.mark.e2e

DISCREPANCY_COLUMNS = ["finding_id", "severity", "category", "subject", "provider", "file", "page",
                       "found", "expected", "other_providers", "explanation", "confidence"]
FACT_COLUMNS = ["provider", "file", "page", "kind", "text", "name", "code", "dose", "unit", "frequency",
                "route", "date", "status", "confidence", "bbox"]
PROBLEM_COLUMNS = ["file", "page", "stage", "reason", "advice"]


def _csv(run: CliRun, name: str) -> pd.DataFrame:
    return pd.read_csv(run.out_dir / name, dtype=str, keep_default_na=False)


def test_run_on_samples_succeeds_and_says_where_the_outputs_are(basic_run: CliRun) -> None:
    assert basic_run.returncode == 0, basic_run.stderr
    assert "discrepancies.csv" in basic_run.stdout
    assert str(basic_run.out_dir) in basic_run.stdout
    for name in ("discrepancies.csv", "facts.csv", "problems.csv", "annotated.pdf"):
        assert (basic_run.out_dir / name).stat().st_size > 0


def test_output_csvs_have_the_documented_columns_in_order(basic_run: CliRun) -> None:
    assert list(_csv(basic_run, "discrepancies.csv").columns[:12]) == DISCREPANCY_COLUMNS
    assert list(_csv(basic_run, "facts.csv").columns) == FACT_COLUMNS
    assert list(_csv(basic_run, "problems.csv").columns) == PROBLEM_COLUMNS


def test_every_planted_mistake_is_reported(basic_run: CliRun, basic_truth: dict[str, Any]) -> None:
    found = _csv(basic_run, "discrepancies.csv")
    reported = set(zip(found.category, found.subject, found.provider, strict=True))
    for e in basic_truth["expected_findings"]:
        assert (e["category"], e["subject"], e["provider"]) in reported, e


def test_nothing_but_the_planted_mistakes_is_reported(basic_run: CliRun, basic_truth: dict[str, Any]) -> None:
    found = _csv(basic_run, "discrepancies.csv")
    expected = {(e["category"], e["subject"], e["provider"]) for e in basic_truth["expected_findings"]}
    # unreadable_entry rows ask the user to check what a scan says (an OCR misread); they make
    # no claim that a record is wrong, so they are not false alarms about the records.
    claims = found[found.category != "unreadable_entry"]
    extra = [row for row in claims.itertuples() if (row.category, row.subject, row.provider) not in expected]
    assert not extra, [(r.severity, r.category, r.subject, r.provider, r.found) for r in extra]


def test_requests_to_check_a_misread_are_low_and_say_to_check_the_page(basic_run: CliRun) -> None:
    found = _csv(basic_run, "discrepancies.csv")
    for row in found[found.category == "unreadable_entry"].itertuples():
        assert row.severity == "low", row
        assert "check" in row.explanation.lower()


def test_findings_point_at_a_real_page_and_explain_what_to_ask(basic_run: CliRun, basic_truth: dict[str, Any]) -> None:
    pages = {(d["file"], p["page"]) for d in basic_truth["documents"] for p in d["pages"]}
    found = _csv(basic_run, "discrepancies.csv")
    assert len(found) > 0
    for row in found.itertuples():
        assert (row.file, int(row.page)) in pages
        assert row.severity in {"high", "medium", "low"}
        assert row.found and row.expected and row.other_providers
        assert re.search(r"\bask\b", row.explanation, re.IGNORECASE), row.explanation
    order = [{"high": 0, "medium": 1, "low": 2}[s] for s in found.severity]
    assert order == sorted(order), "most severe first"


def _input_page_index(truth: dict[str, Any], reader: PdfReader) -> dict[tuple[str, int], int]:
    """Input pages follow the summary page(s) in file order."""
    order = sorted((d["file"], p["page"]) for d in truth["documents"] for p in d["pages"])
    first = len(reader.pages) - len(order)
    assert first >= 1, "a summary page comes first"
    return {key: first + i for i, key in enumerate(order)}


def test_annotated_pdf_has_one_highlight_per_finding_on_its_page(basic_run: CliRun, basic_truth: dict[str, Any]) -> None:
    reader = PdfReader(basic_run.out_dir / "annotated.pdf")
    index = _input_page_index(basic_truth, reader)
    assert "RecordCheck" in (reader.pages[0].extract_text() or "")
    found = _csv(basic_run, "discrepancies.csv")
    want = Counter((row.file, int(row.page)) for row in found.itertuples())
    for key, i in index.items():
        annots = [a.get_object() for a in reader.pages[i].get("/Annots", [])]
        marks = [a for a in annots if a.get("/Subtype") in ("/Highlight", "/Text")]
        assert len(marks) == want.get(key, 0), key
        for a in marks:
            assert str(a.get("/Contents", "")).strip()


def test_annotated_pdf_pages_are_searchable(basic_run: CliRun, basic_truth: dict[str, Any]) -> None:
    reader = PdfReader(basic_run.out_dir / "annotated.pdf")
    index = _input_page_index(basic_truth, reader)
    for doc in basic_truth["documents"]:
        for page in doc["pages"]:
            layer = (reader.pages[index[(doc["file"], page["page"])]].extract_text() or "").lower()
            words = [w.lower() for w in re.findall(r"[A-Za-z]{5,}", page["text"])]
            hits = sum(w in layer for w in words)
            assert hits >= 0.8 * len(words), (doc["file"], page["page"], hits, len(words))


def test_facts_carry_provenance_boxes(basic_run: CliRun) -> None:
    facts = _csv(basic_run, "facts.csv")
    assert set(facts.kind) >= {"medication", "allergy", "vaccine", "identity"}
    for box in facts.bbox:
        x0, y0, x1, y1 = map(int, box.split())
        assert 0 <= x0 < x1 and 0 <= y0 < y1


def test_outputs_are_private(basic_run: CliRun) -> None:
    for name in ("discrepancies.csv", "facts.csv", "problems.csv", "annotated.pdf"):
        assert (Path(basic_run.out_dir) / name).stat().st_mode & 0o077 == 0


def test_summary_counts_claimed_mistakes_apart_from_entries_to_check(basic_run: CliRun) -> None:
    found = _csv(basic_run, "discrepancies.csv")
    claims = int((found.category != "unreadable_entry").sum())
    assert f"Found {claims} likely mistake" in basic_run.stdout
    to_check = int((found.category == "unreadable_entry").sum())
    assert ("not read clearly" in basic_run.stdout) == (to_check > 0)
