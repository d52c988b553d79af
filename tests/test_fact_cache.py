"""The facts cache: exact round trips, and keys that change with what extraction reads."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pipeline import fact_cache
from pipeline.config import load_settings
from pipeline.extract import extract_facts
from pipeline.extract_text import ocr_page_from_text
from pipeline.lexicons import load_lexicons

TEXT = """RIVERSIDE PRIMARY CARE
Patient: Maria Gonzalez  DOB: 04/12/1961  MRN: 448812
Visit date: 03/14/2024
Allergies: Penicillin (hives); sulfa drugs
Medications:
Lisinopril 10 mg tablet, take 1 tablet by mouth daily
Metformin 500 mg tablet twice daily with meals
Immunizations: Tdap given 03/14/2022
"""


def test_facts_come_back_from_the_cache_exactly(tmp_path: Path) -> None:
    settings = load_settings()
    pages = [ocr_page_from_text(TEXT), ocr_page_from_text("Amlodipine 5 mg daily", page=2)]
    facts = extract_facts(pages, load_lexicons(), settings)
    kinds = {f.kind for f in facts}
    assert {"medication", "allergy", "vaccine", "identity", "document_date"} <= kinds
    key = fact_cache.document_key(fact_cache.fingerprint(settings), "p/doc.pdf", pages)
    assert fact_cache.load(tmp_path, key) is None
    fact_cache.store(tmp_path, key, facts)
    assert fact_cache.load(tmp_path, key) == facts
    assert (tmp_path / f"{key}.facts.json").stat().st_mode & 0o777 == 0o600


def test_an_unusable_entry_is_a_miss(tmp_path: Path) -> None:
    (tmp_path / "k.facts.json").write_text('{"facts": [{"kind": "medication"}]}')
    (tmp_path / "j.facts.json").write_text("not json")
    assert fact_cache.load(tmp_path, "k") is None
    assert fact_cache.load(tmp_path, "j") is None


def test_the_key_follows_what_extraction_reads_and_nothing_else(tmp_path: Path) -> None:
    settings = load_settings()
    page = ocr_page_from_text(TEXT)
    base = fact_cache.fingerprint(settings)
    key = fact_cache.document_key(base, "p/doc.pdf", [page])
    # Processes, page time limits, the cache's place and the patient's details change no fact.
    same = load_settings(jobs=7, timeout_s=30, cache_dir=tmp_path, patient_dob="1961-04-12")
    assert fact_cache.fingerprint(same) == base
    # A rule setting does; so does any word read differently, or another file.
    stricter = dataclasses.replace(settings, extract=dataclasses.replace(settings.extract, low_confidence=54.5))
    assert fact_cache.fingerprint(stricter) != base
    word = page.words[5]
    for changed in (dataclasses.replace(word, text=word.text + "x"), dataclasses.replace(word, conf=word.conf - 1),
                    dataclasses.replace(word, bbox=(0, 0, 1, 1))):
        words = (*page.words[:5], changed, *page.words[6:])
        assert fact_cache.document_key(base, "p/doc.pdf", [dataclasses.replace(page, words=words)]) != key
    assert fact_cache.document_key(base, "p/other.pdf", [page]) != key
    assert fact_cache.document_key(base, "p/doc.pdf", [page]) == key
