"""Tests for the report stage: the three CSVs and the annotated PDF, all written atomically."""

from __future__ import annotations

import csv
import io
import random
import shutil
import stat
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen import canvas

from pipeline import report
from pipeline.pdf_stream import StreamingPdfWriter
from pipeline.records import Fact, Finding, OcrPage, Problem, Provenance, Word
from pipeline.report import (
    ReportPaths,
    RunSummary,
    write_annotated_pdf,
    write_discrepancies_csv,
    write_facts_csv,
    write_problems_csv,
    write_reports,
)

DPI = 300
LINE = "Lisinopril 10 mg daily"
# Where the fixture draws LINE: 1 inch from the left, baseline 2 inches below the top.
TEXT_X_PT = 72.0
TEXT_BASELINE_FROM_TOP_PT = 144.0
FONT_PT = 24


def _summary(**over: object) -> RunSummary:
    base: dict[str, object] = dict(
        input_dir="/home/me/records",
        files=2,
        pages=2,
        providers=("city-pharmacy", "riverside-primary-care"),
        problems=0,
        elapsed_s=1.5,
        patient="maria l gonzalez",
    )
    base.update(over)
    return RunSummary(**base)  # type: ignore[arg-type]


def _finding(
    fid: str,
    *,
    provider: str = "riverside-primary-care",
    file: str = "riverside-primary-care/visit.pdf",
    page: int = 1,
    bbox: tuple[int, int, int, int] | None = (300, 524, 680, 621),
    severity: str = "high",
    category: str = "dose_mismatch",
    subject: str = "lisinopril",
    explanation: str = "lisinopril is 10 mg here but 20 mg at the pharmacy",
    found: str = "10 mg daily",
    expected: str = "20 mg daily",
    other: tuple[str, ...] = ("city-pharmacy",),
    confidence: float = 0.876,
) -> Finding:
    return Finding(
        finding_id=fid,
        severity=severity,
        category=category,
        subject=subject,
        provenance=Provenance(provider, file, page, bbox, "test"),
        found=found,
        expected=expected,
        other_providers=other,
        explanation=explanation,
        confidence=confidence,
    )


def _fact(
    kind: str,
    name: str,
    *,
    provider: str = "riverside-primary-care",
    file: str = "riverside-primary-care/visit.pdf",
    page: int = 1,
    bbox: tuple[int, int, int, int] | None = (300, 524, 680, 621),
    **fields: object,
) -> Fact:
    return Fact(
        kind=kind,
        name=name,
        text=str(fields.pop("text", "")),
        provenance=Provenance(provider, file, page, bbox, "test"),
        **fields,  # type: ignore[arg-type]
    )


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _invisible_text_pdf(
    path: Path, size: tuple[float, float], words: list[tuple[str, float, float]]
) -> None:
    """A page with text drawn invisibly (render mode 3) like an OCR layer, at (x, y-from-top) pt."""
    c = canvas.Canvas(str(path), pagesize=size)
    for text, x, y_top in words:
        t = c.beginText()
        t.setTextRenderMode(3)
        t.setFont("Helvetica", FONT_PT)
        t.setTextOrigin(x, size[1] - y_top)
        t.textLine(text)
        c.drawText(t)
    c.showPage()
    c.save()


def _ocr_page(
    pdf: Path | None,
    *,
    provider: str = "riverside-primary-care",
    file: str = "riverside-primary-care/visit.pdf",
    page: int = 1,
    size_pt: tuple[float, float] = letter,
    dpi: int = DPI,
    words: tuple[Word, ...] = (),
) -> OcrPage:
    return OcrPage(
        provider=provider,
        file=file,
        page=page,
        dpi=dpi,
        width=round(size_pt[0] * dpi / 72),
        height=round(size_pt[1] * dpi / 72),
        words=words,
        pdf_path=pdf,
    )


def _annots(page: object) -> list[dict[str, object]]:
    raw = page.get("/Annots")  # type: ignore[attr-defined]
    return [a.get_object() for a in raw] if raw else []


def _highlights(reader: PdfReader) -> dict[int, list[dict[str, object]]]:
    out: dict[int, list[dict[str, object]]] = {}
    for i, page in enumerate(reader.pages):
        for a in _annots(page):
            if a["/Subtype"] in ("/Highlight", "/Text"):
                out.setdefault(i, []).append(a)
    return out


@pytest.fixture(scope="module")
def tesseract_page(tmp_path_factory: pytest.TempPathFactory) -> OcrPage:
    """One page rendered, rasterized at 300 dpi and OCRed by the real Tesseract."""
    if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        pytest.skip("tesseract and pdftoppm are needed for this fixture")
    d = tmp_path_factory.mktemp("tess")
    c = canvas.Canvas(str(d / "src.pdf"), pagesize=letter)
    c.setFont("Helvetica", FONT_PT)
    c.drawString(TEXT_X_PT, letter[1] - TEXT_BASELINE_FROM_TOP_PT, LINE)
    c.save()
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", "-singlefile", str(d / "src.pdf"), str(d / "page")],
        check=True,
        timeout=60,
    )
    subprocess.run(
        ["tesseract", str(d / "page.png"), str(d / "ocr"), "-l", "eng", "pdf", "tsv"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    frame = pd.read_csv(d / "ocr.tsv", sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False)
    words = tuple(
        Word(
            str(r.text),
            float(r.conf),
            (int(r.left), int(r.top), int(r.left + r.width), int(r.top + r.height)),
            int(r.block_num),
            int(r.par_num),
            int(r.line_num),
            int(r.word_num),
        )
        for r in frame.itertuples()
        if int(r.level) == 5 and str(r.text).strip()
    )
    with Image.open(d / "page.png") as im:
        width, height = im.size
    return OcrPage(
        provider="riverside-primary-care",
        file="riverside-primary-care/visit.pdf",
        page=1,
        dpi=DPI,
        width=width,
        height=height,
        words=words,
        pdf_path=d / "ocr.pdf",
    )


# --- CSVs ----------------------------------------------------------------------------


def test_discrepancies_csv_has_the_contract_columns_in_order(tmp_path: Path) -> None:
    path = tmp_path / "discrepancies.csv"
    write_discrepancies_csv(path, [_finding("F0001")])
    assert _read_csv(path)[0] == [
        "finding_id",
        "severity",
        "category",
        "subject",
        "provider",
        "file",
        "page",
        "found",
        "expected",
        "other_providers",
        "explanation",
        "confidence",
    ]


def test_discrepancies_keep_the_given_order_and_format_values(tmp_path: Path) -> None:
    findings = [
        _finding("F0002", severity="high", other=("a-clinic", "b-pharmacy"), confidence=0.876),
        _finding("F0001", severity="low", page=3, other=(), confidence=0.5),
    ]
    path = tmp_path / "d.csv"
    write_discrepancies_csv(path, findings)
    rows = [dict(zip(_read_csv(path)[0], r, strict=True)) for r in _read_csv(path)[1:]]
    assert [r["finding_id"] for r in rows] == ["F0002", "F0001"]
    assert rows[0]["other_providers"] == "a-clinic; b-pharmacy"
    assert rows[1]["other_providers"] == ""
    assert rows[0]["confidence"] == "0.88"
    assert rows[1]["page"] == "3"
    assert rows[0]["found"] == "10 mg daily"
    assert rows[0]["expected"] == "20 mg daily"


@pytest.mark.parametrize(
    "explanation",
    [
        'says "10 mg", others say 20 mg',
        "line one\nline two",
        "semicolon; comma, and ünïcødé µg",
    ],
)
def test_discrepancies_quote_awkward_text_so_it_reads_back_unchanged(
    tmp_path: Path, explanation: str
) -> None:
    path = tmp_path / "d.csv"
    write_discrepancies_csv(path, [_finding("F1", explanation=explanation)])
    rows = _read_csv(path)
    assert len(rows) == 2
    assert rows[1][10] == explanation
    assert path.read_bytes().startswith(b"finding_id,")  # UTF-8 without a byte-order mark


def test_facts_csv_has_the_contract_columns_in_order(tmp_path: Path) -> None:
    path = tmp_path / "facts.csv"
    write_facts_csv(path, [_fact("medication", "lisinopril", text="Zestril 10 mg")])
    assert _read_csv(path)[0] == [
        "provider",
        "file",
        "page",
        "kind",
        "text",
        "name",
        "code",
        "dose",
        "unit",
        "frequency",
        "route",
        "date",
        "status",
        "confidence",
        "bbox",
    ]


def test_facts_csv_maps_identity_fields_and_medication_columns(tmp_path: Path) -> None:
    facts = [
        _fact("identity", "mrn", text="MRN: PC 448812", value="PC-448812", bbox=(10, 10, 50, 20)),
        _fact("identity", "dob", text="04/12/1961", date="1961-04-12", bbox=(10, 30, 50, 40)),
        _fact("identity", "name", text="", value="maria l gonzalez", bbox=(10, 50, 50, 60)),
        _fact(
            "medication",
            "lisinopril",
            text="Zestril 10 mg PO daily",
            code="29046",
            dose="10",
            unit="mg",
            frequency="daily",
            route="oral",
            status="active",
            confidence=0.9349,
            bbox=(300, 524, 680, 621),
        ),
        _fact("allergy", "penicillin", text="PCN", status="active", bbox=None),
    ]
    path = tmp_path / "f.csv"
    write_facts_csv(path, facts)
    table = _read_csv(path)
    rows = {(r[3], r[5]): dict(zip(table[0], r, strict=True)) for r in table[1:]}
    assert rows[("identity", "mrn")]["code"] == "PC-448812"
    assert rows[("identity", "mrn")]["text"] == "MRN: PC 448812"
    assert rows[("identity", "dob")]["date"] == "1961-04-12"
    assert rows[("identity", "name")]["text"] == "maria l gonzalez"
    med = rows[("medication", "lisinopril")]
    assert (med["code"], med["dose"], med["unit"], med["frequency"], med["route"]) == (
        "29046",
        "10",
        "mg",
        "daily",
        "oral",
    )
    assert med["confidence"] == "0.93"
    assert med["bbox"] == "300 524 680 621"
    assert rows[("allergy", "penicillin")]["bbox"] == ""


def test_facts_csv_order_is_provider_file_page_kind_position_name(tmp_path: Path) -> None:
    facts = [
        _fact("medication", "metformin", bbox=(100, 900, 200, 950)),
        _fact("medication", "lisinopril", bbox=(100, 500, 200, 550)),
        _fact("medication", "aspirin", bbox=(600, 500, 700, 550)),
        _fact("allergy", "penicillin", bbox=(100, 100, 200, 150)),
        _fact("medication", "amlodipine", page=2, bbox=(1, 1, 2, 2)),
        _fact("medication", "zolpidem", provider="a-clinic", file="a-clinic/x.pdf"),
    ]
    path = tmp_path / "f.csv"
    write_facts_csv(path, facts)
    names = [r[5] for r in _read_csv(path)[1:]]
    assert names == ["zolpidem", "penicillin", "lisinopril", "aspirin", "metformin", "amlodipine"]


def test_facts_csv_bytes_do_not_depend_on_input_order(tmp_path: Path) -> None:
    facts = [
        _fact("medication", f"drug{i}", page=i % 3 + 1, bbox=(i, 10 * (i % 4), i + 5, 50))
        for i in range(20)
    ] + [_fact("vaccine", "tdap", text=t, bbox=None) for t in ("Tdap", "Boostrix")]
    shuffled = list(facts)
    random.Random(7).shuffle(shuffled)
    write_facts_csv(tmp_path / "a.csv", facts)
    write_facts_csv(tmp_path / "b.csv", shuffled)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_problems_csv_has_its_header_even_with_no_problems(tmp_path: Path) -> None:
    path = tmp_path / "problems.csv"
    write_problems_csv(path, [])
    assert _read_csv(path) == [["file", "page", "stage", "reason", "advice"]]


def test_problems_csv_leaves_page_empty_for_whole_file_problems(tmp_path: Path) -> None:
    path = tmp_path / "problems.csv"
    write_problems_csv(
        path,
        [
            Problem("a/locked.pdf", None, "ingest", "the PDF is encrypted", "decrypt it"),
            Problem("a/scan.pdf", 4, "ocr", "tesseract timed out", "rescan at 300 dpi"),
        ],
    )
    assert _read_csv(path)[1:] == [
        ["a/locked.pdf", "", "ingest", "the PDF is encrypted", "decrypt it"],
        ["a/scan.pdf", "4", "ocr", "tesseract timed out", "rescan at 300 dpi"],
    ]


# --- annotated PDF -------------------------------------------------------------------


def test_highlight_sits_over_the_ocr_word_and_text_layer_survives(
    tmp_path: Path, tesseract_page: OcrPage
) -> None:
    word = next(w for w in tesseract_page.words if w.text == "Lisinopril")
    finding = _finding("F0001", bbox=word.bbox)
    out = tmp_path / "annotated.pdf"
    write_annotated_pdf(out, [finding], [tesseract_page], _summary(pages=1, files=1))

    reader = PdfReader(out)
    assert len(reader.pages) == 2  # summary + the one input page
    page = reader.pages[1]
    assert "Lisinopril" in page.extract_text()
    (annot,) = _annots(page)
    assert annot["/Subtype"] == "/Highlight"
    x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
    # The word was drawn 1 inch from the left with its baseline 2 inches below the top of
    # a letter page; the highlight must cover that spot.
    assert x0 == pytest.approx(TEXT_X_PT, abs=4)
    baseline = letter[1] - TEXT_BASELINE_FROM_TOP_PT
    assert y0 <= baseline + 2 <= y1
    assert y1 - y0 < FONT_PT * 1.5
    assert 0 <= x0 < x1 <= float(page.mediabox.width)
    assert 0 <= y0 < y1 <= float(page.mediabox.height)


@pytest.mark.parametrize(
    ("size_pt", "dpi", "width_px", "height_px"),
    [
        (letter, 300, 2550, 3300),
        (A4, 200, 1654, 2339),
        # Tesseract sizes the page from the image's DPI tag; when it assumes 70 the page is
        # bigger than the paper, and the box must still land on the word.
        ((2550 * 72 / 70, 3300 * 72 / 70), 300, 2550, 3300),
    ],
)
def test_highlight_scales_to_whatever_page_size_the_ocr_pdf_has(
    tmp_path: Path, size_pt: tuple[float, float], dpi: int, width_px: int, height_px: int
) -> None:
    pdf = tmp_path / "ocr.pdf"
    # The word is drawn 40% across and 25% down the page, so its pixel box is known.
    x_pt, y_top_pt = size_pt[0] * 0.4, size_pt[1] * 0.25
    _invisible_text_pdf(pdf, size_pt, [("Metformin", x_pt, y_top_pt)])
    page = OcrPage(
        "riverside-primary-care",
        "riverside-primary-care/visit.pdf",
        1,
        dpi,
        width_px,
        height_px,
        (),
        pdf,
    )
    x_px, y_px = round(0.4 * width_px), round(0.25 * height_px)
    box = (x_px, y_px - 30, x_px + 200, y_px + 5)  # baseline 5 px above the box bottom
    out = tmp_path / "annotated.pdf"
    write_annotated_pdf(out, [_finding("F1", bbox=box)], [page], _summary())

    out_page = PdfReader(out).pages[1]
    assert "Metformin" in out_page.extract_text()
    (annot,) = _annots(out_page)
    x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
    assert x0 == pytest.approx(x_pt, rel=0.01)
    baseline = size_pt[1] - y_top_pt
    assert y0 <= baseline <= y1


def test_one_highlight_per_finding_on_the_right_page(tmp_path: Path) -> None:
    pdfs = {}
    for name in ("visit-p1", "visit-p2", "pharmacy"):
        pdfs[name] = tmp_path / f"{name}.pdf"
        _invisible_text_pdf(pdfs[name], letter, [(name, 72, 100)])
    pages = [
        # Given out of order on purpose: output follows provider, file, page.
        _ocr_page(pdfs["visit-p2"], page=2),
        _ocr_page(pdfs["pharmacy"], provider="city-pharmacy", file="city-pharmacy/list.pdf"),
        _ocr_page(pdfs["visit-p1"], page=1),
    ]
    findings = [
        _finding("F0001", page=2, explanation="dose differs on page two", severity="high"),
        _finding(
            "F0002",
            provider="city-pharmacy",
            file="city-pharmacy/list.pdf",
            explanation="penicillin allergy missing at the pharmacy",
            severity="medium",
            category="allergy_missing",
        ),
        _finding("F0003", page=2, bbox=(900, 1200, 1300, 1260), severity="low", explanation="x"),
        _finding("F0004", page=1, bbox=None, explanation="no box for this one"),
    ]
    out = tmp_path / "annotated.pdf"
    write_annotated_pdf(out, findings, pages, _summary(pages=3))
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    texts = [reader.pages[i].extract_text() for i in (1, 2, 3)]
    assert ["pharmacy" in texts[0], "visit-p1" in texts[1], "visit-p2" in texts[2]] == [
        True,
        True,
        True,
    ]
    by_page = {i: sorted(str(a["/T"]) for a in annots) for i, annots in _highlights(reader).items()}
    assert by_page == {
        1: ["RecordCheck F0002"],
        2: ["RecordCheck F0004"],
        3: ["RecordCheck F0001", "RecordCheck F0003"],
    }
    annots = {str(a["/T"]): a for annots in _highlights(reader).values() for a in annots}
    f2 = annots["RecordCheck F0002"]
    assert f2["/Subtype"] == "/Highlight"
    assert str(f2["/Contents"]).startswith(
        "medium allergy_missing: penicillin allergy missing at the pharmacy"
    )
    assert "found: 10 mg daily" in str(f2["/Contents"])
    assert "expected: 20 mg daily" in str(f2["/Contents"])
    assert len(f2["/QuadPoints"]) == 8
    # Severity decides the colour: high is the reddest, low the yellowest.
    high, low = annots["RecordCheck F0001"]["/C"], annots["RecordCheck F0003"]["/C"]
    assert float(high[0]) > float(high[1]) and float(low[1]) > float(high[1])
    note = annots["RecordCheck F0004"]
    assert note["/Subtype"] == "/Text"
    assert "no box for this one" in str(note["/Contents"])
    assert float(note["/Rect"][1]) > letter[1] - 72  # in the top margin


def test_summary_comes_first_with_the_counts(tmp_path: Path) -> None:
    pdf = tmp_path / "ocr.pdf"
    _invisible_text_pdf(pdf, letter, [("Lisinopril", 72, 100)])
    findings = [
        _finding("F1", severity="high", category="drug_allergy_conflict"),
        _finding("F2", severity="high", category="dose_mismatch"),
        _finding("F3", severity="medium", category="dose_mismatch"),
        _finding("F4", severity="low", category="vaccine_date_conflict"),
    ]
    out = tmp_path / "annotated.pdf"
    summary = _summary(problems=3, files=7, pages=12)
    write_annotated_pdf(out, findings, [_ocr_page(pdf)], summary)
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert text.startswith("RecordCheck summary")
    assert "maria l gonzalez" in text
    assert "/home/me/records" in text
    assert "7 file(s), 12 page(s) from 2 provider(s)" in text
    assert "3 input(s) or page(s) could not be fully processed" in text
    assert "Likely mistakes found: 4" in text
    # counts table rows: category, high, medium, low, total
    assert "dose_mismatch 1 1 0 2" in text
    assert "drug_allergy_conflict 1 0 0 1" in text
    assert "total 2 1 1 4" in text
    assert "open the annotation note to read it" in text
    assert "discrepancies.csv" in text and "amend" in text


def test_many_findings_continue_on_more_summary_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "ocr.pdf"
    _invisible_text_pdf(pdf, letter, [("Lisinopril", 72, 100)])
    findings = [
        _finding(f"F{i:04d}", explanation="a fairly long explanation " * 4) for i in range(120)
    ]
    out = tmp_path / "annotated.pdf"
    write_annotated_pdf(out, findings, [_ocr_page(pdf)], _summary())
    reader = PdfReader(out)
    assert len(reader.pages) > 2
    last = reader.pages[-1]
    assert "Lisinopril" in last.extract_text()
    assert len(_annots(last)) == 120
    assert all(not _annots(p) for p in reader.pages[:-1])


def test_page_without_ocr_pdf_becomes_placeholder_or_image(tmp_path: Path) -> None:
    missing = _ocr_page(None, file="riverside-primary-care/a.pdf")
    with_image = _ocr_page(None, file="riverside-primary-care/b.pdf", dpi=100)
    img = tmp_path / "b.png"
    Image.new("RGB", (with_image.width, with_image.height), "white").save(img)
    out = tmp_path / "annotated.pdf"
    write_annotated_pdf(
        out,
        [_finding("F1", file="riverside-primary-care/a.pdf")],
        [missing, with_image],
        _summary(),
        page_images={(with_image.provider, with_image.file, 1): img},
    )
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    assert "could not be read" in reader.pages[1].extract_text()
    assert len(_annots(reader.pages[1])) == 1
    assert "/XObject" in reader.pages[2]["/Resources"]  # the image is on the page
    assert float(reader.pages[2].mediabox.width) == pytest.approx(8.5 * 72, abs=1)


def test_outline_has_an_entry_per_provider_and_file(tmp_path: Path) -> None:
    pdf = tmp_path / "ocr.pdf"
    _invisible_text_pdf(pdf, letter, [("x", 72, 100)])
    pages = [
        _ocr_page(pdf, provider="b-clinic", file="b-clinic/1.pdf"),
        _ocr_page(pdf, provider="b-clinic", file="b-clinic/1.pdf", page=2),
        _ocr_page(pdf, provider="a-lab", file="a-lab/r.pdf"),
    ]
    out = tmp_path / "annotated.pdf"
    write_annotated_pdf(out, [], pages, _summary())
    reader = PdfReader(out)
    outline = reader.outline
    titles = [o.title for o in outline if not isinstance(o, list)]
    assert titles == ["Summary", "a-lab", "b-clinic"]
    children = [[c.title for c in o] for o in outline if isinstance(o, list)]
    assert children == [["a-lab/r.pdf"], ["b-clinic/1.pdf"]]
    assert reader.get_destination_page_number(outline[3]) == 2  # b-clinic starts at page 3


# --- the whole stage: files, modes, atomicity, determinism ---------------------------


def _everything(tmp_path: Path) -> tuple[list[Fact], list[Finding], list[Problem], list[OcrPage]]:
    pdf = tmp_path / "ocr.pdf"
    if not pdf.exists():
        _invisible_text_pdf(pdf, letter, [(LINE, 72, 144)])
    facts = [_fact("medication", "lisinopril", text=LINE, dose="10", unit="mg")]
    findings = [_finding("F0001")]
    problems = [Problem("a.pdf", None, "ingest", "empty file", "rescan it")]
    return facts, findings, problems, [_ocr_page(pdf)]


def test_write_reports_writes_four_private_files_in_a_private_folder(tmp_path: Path) -> None:
    out_dir = tmp_path / "new" / "out"
    paths = write_reports(out_dir, *_everything(tmp_path), _summary())
    assert paths == ReportPaths(
        out_dir / "discrepancies.csv",
        out_dir / "facts.csv",
        out_dir / "problems.csv",
        out_dir / "annotated.pdf",
    )
    assert stat.S_IMODE(out_dir.stat().st_mode) == 0o700
    for p in (paths.discrepancies, paths.facts, paths.problems, paths.annotated):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    assert sorted(x.name for x in out_dir.iterdir()) == [
        "annotated.pdf",
        "discrepancies.csv",
        "facts.csv",
        "problems.csv",
    ]


def test_two_runs_give_identical_csv_bytes(tmp_path: Path) -> None:
    a = write_reports(tmp_path / "a", *_everything(tmp_path), _summary())
    b = write_reports(tmp_path / "b", *_everything(tmp_path), _summary())
    for x, y in ((a.discrepancies, b.discrepancies), (a.facts, b.facts), (a.problems, b.problems)):
        assert x.read_bytes() == y.read_bytes()


def test_failed_csv_write_keeps_the_previous_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "discrepancies.csv"
    write_discrepancies_csv(path, [_finding("F0001")])
    before = path.read_bytes()

    def half_then_fail(self: pd.DataFrame, buf: io.TextIOBase, **kwargs: object) -> None:
        buf.write("finding_id,sev")
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        write_discrepancies_csv(path, [_finding("F0009"), _finding("F0010")])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["discrepancies.csv"]


def test_failed_pdf_write_keeps_the_previous_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "out"
    facts, findings, problems, pages = _everything(tmp_path)
    paths = write_reports(out_dir, facts, findings, problems, pages, _summary())
    before = paths.annotated.read_bytes()

    def half_then_fail(self: StreamingPdfWriter, *args: object) -> None:
        # The pages are written by now: the file is half there when the run is stopped.
        raise KeyboardInterrupt

    monkeypatch.setattr(StreamingPdfWriter, "close", half_then_fail)
    with pytest.raises(KeyboardInterrupt):
        write_annotated_pdf(paths.annotated, findings, pages, _summary(patient="someone else"))
    assert paths.annotated.read_bytes() == before
    assert not [p for p in out_dir.iterdir() if p.name.startswith(".")]


def test_stale_temp_file_with_loose_mode_is_reused_privately(tmp_path: Path) -> None:
    path = tmp_path / "facts.csv"
    stale = tmp_path / f".facts.csv.tmp-{report.os.getpid()}"
    stale.write_text("junk from a killed run")
    stale.chmod(0o644)
    write_facts_csv(path, [])
    assert not stale.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _read_csv(path) == [list(report.FACT_COLUMNS)]


def test_finding_on_a_page_missing_from_the_output_is_kept_as_a_note_on_the_summary(
    tmp_path: Path,
) -> None:
    pdf = tmp_path / "ocr.pdf"
    _invisible_text_pdf(pdf, letter, [("x", 72, 100)])
    out = tmp_path / "annotated.pdf"
    lost = _finding("F0007", page=9, explanation="entry on a page that failed")
    write_annotated_pdf(out, [lost], [_ocr_page(pdf)], _summary())
    reader = PdfReader(out)
    assert {i: [str(a["/T"]) for a in v] for i, v in _highlights(reader).items()} == {
        0: ["RecordCheck F0007"]
    }


def test_huge_or_odd_text_does_not_break_the_summary(tmp_path: Path) -> None:
    pdf = tmp_path / "ocr.pdf"
    _invisible_text_pdf(pdf, letter, [("x", 72, 100)])
    odd = _finding(
        "F1",
        explanation="word " * 3000 + "<b>not markup</b> & more",
        subject="y" * 400,
        file="z" * 600 + ".pdf",
    )
    out = tmp_path / "annotated.pdf"
    write_annotated_pdf(out, [odd], [_ocr_page(pdf, file="z" * 600 + ".pdf")], _summary())
    reader = PdfReader(out)
    summary_text = "".join(p.extract_text() for p in reader.pages[:-1])
    assert "F1" in summary_text
    # The full explanation is still in the note on the page.
    (annot,) = _annots(reader.pages[-1])
    assert "<b>not markup</b> & more" in str(annot["/Contents"])


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_a_run_killed_between_its_renames_is_finished_by_the_next_one(tmp_path: Path) -> None:
    names = ["discrepancies.csv", "facts.csv", "problems.csv", "annotated.pdf"]
    pid = _dead_pid()
    for name in names:
        (tmp_path / name).write_text("old")
    for name in names[2:]:  # killed after two of the four renames
        (tmp_path / f".{name}.new-{pid}").write_text("new")
    for name in names[:2]:
        (tmp_path / name).write_text("new")
    (tmp_path / f".commit-{pid}").touch()
    report.remove_stale_temp_files(tmp_path)
    assert [(tmp_path / n).read_text() for n in names] == ["new"] * 4
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


def test_a_run_killed_before_its_outputs_were_complete_leaves_the_old_set(tmp_path: Path) -> None:
    names = ["discrepancies.csv", "facts.csv", "problems.csv", "annotated.pdf"]
    pid = _dead_pid()
    for name in names:
        (tmp_path / name).write_text("old")
    (tmp_path / f".facts.csv.new-{pid}").write_text("new")  # no commit marker: not complete
    report.remove_stale_temp_files(tmp_path)
    assert [(tmp_path / n).read_text() for n in names] == ["old"] * 4
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
