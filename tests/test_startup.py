"""What every run pays before and after OCR: the lexicon matcher, re-runs from the cache, extraction."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline import api, extract, ocr, rasterize, tesseract
from pipeline.config import LimitSettings, OcrSettings, Settings, load_settings
from pipeline.extract_nlp import _PLAIN_WORDS, LexiconComponent
from pipeline.extract_text import ocr_page_from_text
from pipeline.lexicons import load_lexicons

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "scans" / "riverside-primary-care" / "visit-2024-05-02.pdf"


def _phrase_matcher(lex: LexiconComponent) -> PhraseMatcher:
    """spaCy's PhraseMatcher over the same names, built as the component used to build it."""
    assert lex.index is not None
    matcher = PhraseMatcher(lex.nlp.vocab, attr="LOWER")
    for label, names in lex.index.names.items():
        docs = [
            Doc(lex.nlp.vocab, words=n.split()) if _PLAIN_WORDS.match(n) else lex.nlp.make_doc(n)
            for n in sorted(names)
        ]
        matcher.add(label, docs)
    return matcher


def _texts(lex: LexiconComponent) -> list[str]:
    assert lex.index is not None
    names = sorted(n for names in lex.index.names.values() for n in names)
    rng = random.Random(5)
    texts = [
        "Medications: Lisinopril 10 mg daily; metformin-ER 500mg BID, Vitamin D3 (cholecalciferol)\n"
        "Allergies: penicillin (hives), sulfa drugs.  Immunizations: Tdap 05/02/2019, influenza",
    ]
    for _ in range(40):
        words = [rng.choice(names) for _ in range(30)]
        # Upper case, line breaks and punctuation between names, as OCR text has them.
        texts.append(" , ".join(w.upper() if rng.random() < 0.3 else w for w in words) + "\n\n10 mg.")
    return texts


def test_lexicon_component_finds_what_spacys_phrase_matcher_finds() -> None:
    nlp = extract.build_nlp(load_lexicons(), Settings())
    lex = nlp.get_pipe("recordcheck_lexicon")
    assert isinstance(lex, LexiconComponent)
    matcher = _phrase_matcher(lex)
    total = 0
    for text in _texts(lex):
        doc = nlp.make_doc(text)
        expected = [(nlp.vocab.strings[key], start, end) for key, start, end in matcher(doc)]
        assert lex._find(doc) == expected  # same spans, same labels, same order
        total += len(expected)
    assert total > 1000  # the texts really are full of names


def test_rerun_from_the_cache_neither_renders_nor_reads_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_dir = tmp_path / "in" / "riverside"
    in_dir.mkdir(parents=True)
    shutil.copy(SAMPLE, in_dir / SAMPLE.name)
    settings = load_settings(jobs=1, cache_dir=tmp_path / "cache")
    first = api.run(tmp_path / "in", tmp_path / "out1", settings, executor=api.SerialExecutor())

    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page read before is neither rendered nor read again")

    monkeypatch.setattr(rasterize, "rasterize_pages", must_not_run)
    monkeypatch.setattr(tesseract, "run_ocr", must_not_run)
    again = api.run(tmp_path / "in", tmp_path / "out2", settings, executor=api.SerialExecutor())
    assert [p.cached for p in again.pages] == [True]
    assert [p.words for p in again.pages] == [p.words for p in first.pages]
    assert again.facts == first.facts
    assert (tmp_path / "out2" / "facts.csv").read_bytes() == (tmp_path / "out1" / "facts.csv").read_bytes()


@pytest.mark.parametrize(
    "changed",
    [
        Settings(ocr=OcrSettings(dpi=200)),
        Settings(ocr=OcrSettings(psm=6)),
        Settings(ocr=OcrSettings(lang="deu")),
        Settings(limits=LimitSettings(max_pixels=1_000_000)),
    ],
)
def test_source_key_changes_with_what_shapes_the_page(changed: Settings) -> None:
    base = ocr.source_key("ab" * 32, 3, Settings(), "salt")
    assert ocr.source_key("ab" * 32, 3, changed, "salt") != base


def test_source_key_ignores_jobs_and_timeout_but_not_page_file_or_salt() -> None:
    base = ocr.source_key("ab" * 32, 3, Settings(), "salt")
    relaxed = Settings(ocr=OcrSettings(jobs=7, timeout_s=5.0))
    assert ocr.source_key("ab" * 32, 3, relaxed, "salt") == base
    assert ocr.source_key("ab" * 32, 4, Settings(), "salt") != base
    assert ocr.source_key("cd" * 32, 3, Settings(), "salt") != base
    assert ocr.source_key("ab" * 32, 3, Settings(), "other") != base


def test_documents_extracted_in_parallel_give_the_facts_of_one_process() -> None:
    texts = [
        "Riverside Primary Care\nPatient: Maria L Gonzalez  DOB: 04/12/1961\nCurrent medications\n"
        "Lisinopril 10 mg by mouth once daily\nMetformin 500 mg twice daily\nAllergies: Penicillin (hives)",
        "St Mary's Hospital\nDischarge summary 03/18/2024\nMedications\nAtorvastatin 20 mg at bedtime\n"
        "Immunizations: Tdap 05/02/2019, Influenza 10/01/2023",
        "City Pharmacy\nProfile\nAmlodipine 5 mg daily\nAllergies: Sulfa drugs",
        "Lakeview Endocrinology\nReferral\nInsulin glargine 20 units at bedtime\nNo known drug allergies",
        "Northgate Clinic\nWarfarin 5 mg daily\nAspirin 81 mg daily",
    ]
    documents = [
        [ocr_page_from_text(t, provider=f"p{i}", file=f"p{i}/doc.pdf")] for i, t in enumerate(texts)
    ]
    lexicons, settings = load_lexicons(), Settings()
    serial = api._extract_documents(documents, lexicons, settings, jobs=1)
    parallel = api._extract_documents(documents, lexicons, settings, jobs=2)
    assert parallel == serial
    assert sum(len(f) for f in serial) >= 8  # the documents do hold facts to compare
