"""`make bench` input: distinct pages, so that a cold run reads every page for the first time."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pypdf import PdfReader

from scripts import bench

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [
    ROOT / "samples" / "scans" / "riverside-primary-care" / "visit-2024-05-02.pdf",
    ROOT / "samples" / "scans" / "st-marys-hospital" / "discharge-2024-03-18.pdf",
]


def _digests(pages: list[bench.BenchPage]) -> list[str]:
    return [hashlib.sha256(p.jpeg.read_bytes()).hexdigest() for p in pages]


def test_every_bench_page_is_a_distinct_image(tmp_path: Path) -> None:
    in_dir, pages = bench.distinct_pages(SAMPLES, 2, tmp_path)
    assert len(pages) == 2 * 3  # two copies of three sample pages
    assert len(set(_digests(pages))) == len(pages)
    pdfs = sorted(in_dir.rglob("*.pdf"))
    assert len(pdfs) == 4
    assert sum(len(PdfReader(p).pages) for p in pdfs) == len(pages)
    assert {p.dpi for p in pages} == {300}


def test_bench_input_is_the_same_on_every_run(tmp_path: Path) -> None:
    _, first = bench.distinct_pages(SAMPLES, 1, tmp_path / "a")
    _, second = bench.distinct_pages(SAMPLES, 1, tmp_path / "b")
    assert _digests(first) == _digests(second)
