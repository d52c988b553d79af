"""Fuzzing: text extractors and reconcile on arbitrary input never raise; corrupted PDFs never crash a run."""

from __future__ import annotations

import datetime as dt
import functools
import io
import random
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from pypdf import PdfReader
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pipeline import extract, ingest, normalize, rasterize, reconcile
from pipeline.api import UNREAD_STAGES
from pipeline.config import Settings, load_settings
from pipeline.errors import ExitCode
from pipeline.lexicons import Lexicons, load_lexicons
from pipeline.records import FACT_KINDS, Fact, PageImage, Problem, Provenance
from tests.conftest import run_cli
from tests.test_reliability import assert_outputs_parse, read_csv

FUZZ = settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def _lexicons() -> Lexicons:
    return load_lexicons()


@functools.cache
def _settings() -> Settings:
    return load_settings(None)


# --- text strategies ---------------------------------------------------------------------

# Words the extractors look for, so that fuzzed text reaches the deep paths, not just "no match".
RECORD_WORDS = [
    "Medications", "MEDICATIONS:", "Allergies:", "NKDA", "No known allergies", "denies",
    "Immunizations", "Vaccines", "Problem List", "Patient:", "Name:", "DOB:", "MRN:",
    "Date of birth", "Visit date:", "Lisinopril", "Zestril", "metformin", "Metoprolol succinate",
    "amoxicillin", "penicillin", "sulfa drugs", "peanut", "Tdap", "Td", "MMR", "Influenza",
    "COVID-19", "Hepatitis B", "10 mg", "0.5mg", "1,000 mcg", "5 ml", "2 tabs", "1-2 puffs",
    "daily", "BID", "q.h.s.", "every 8 hours", "q4-6h", "PRN", "PO", "by mouth", "topical",
    "discontinued", "stopped", "held", "hives", "anaphylaxis", "03/14/2021", "02/30/2021",
    "2021-03", "12-0CT-2023", "December 4, 1961", "04/12/61", "Dose 2", "CVX 115", "--", "|",
    ":", ";", ",", "(", ")",
]  # fmt: skip
OCR_GARBAGE = "lI1|!iíOo0QDB8S5$Z2zmrnMWVvuUceaCG6b()[]{}.,;:'\"`^~-_=/\\ \t\n°•©®™¦«»"
RTL = "\u05d0\u05d1\u05d2\u05d3 \u0627\u0644\u062f\u0648\u0627\u0621 \u200f\u200e\u202b\u202c"
EMOJI = "\U0001f48a\U0001f489\U0001f637\u2764\ufe0f\U0001f3fd\u200d\U0001f9d1"

_garbage = st.text(alphabet=OCR_GARBAGE, max_size=300)
_controls = st.text(
    alphabet=st.characters(categories=("Cc", "Cf", "Zl", "Zp", "Zs", "Mn")), max_size=200
)
_rtl_emoji = st.text(alphabet=RTL + EMOJI + "0123456789 mg\n", max_size=300)
_record_like = st.lists(
    st.one_of(
        st.sampled_from(RECORD_WORDS),
        st.text(alphabet=OCR_GARBAGE, max_size=6),
        st.sampled_from(["\n", "\n\n", "   ", "\t", " "]),
        st.text(max_size=4),
    ),
    max_size=80,
).map(" ".join)
_long_line = st.tuples(
    st.one_of(st.text(min_size=1, max_size=40), st.sampled_from(RECORD_WORDS)),
    st.integers(min_value=2_000, max_value=10_000),
).map(lambda t: (t[0] * (t[1] // len(t[0]) + 1))[: t[1]])

ANY_TEXT = st.one_of(st.text(), _garbage, _controls, _rtl_emoji, _record_like, _long_line)


@FUZZ
@given(text=ANY_TEXT)
def test_extract_facts_never_raises_on_any_page_text(text: str) -> None:
    page = extract.ocr_page_from_text(text)
    facts = extract.extract_facts([page], _lexicons(), _settings())
    for fact in facts:
        assert fact.kind in FACT_KINDS
        assert 0.0 <= fact.confidence <= 1.0


@FUZZ
@given(pages=st.lists(ANY_TEXT, min_size=1, max_size=3))
def test_extract_facts_never_raises_on_multi_page_documents(pages: list[str]) -> None:
    ocr_pages = [extract.ocr_page_from_text(t, page=n) for n, t in enumerate(pages, start=1)]
    extract.extract_facts(ocr_pages, _lexicons(), _settings())


@FUZZ
@given(text=ANY_TEXT)
def test_normalize_finders_never_raise_and_spans_point_into_the_text(text: str) -> None:
    today = dt.date(2025, 6, 1)
    found: list[
        normalize.DateMatch | normalize.DoseMatch | normalize.FrequencyMatch | normalize.RouteMatch
    ]
    found = [
        *normalize.find_dates(text, today=today),
        *normalize.find_doses(text),
        *normalize.find_frequencies(text),
        *normalize.find_routes(text),
    ]
    for match in found:
        assert 0 <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.raw
    parsed = normalize.parse_date(text[:200], today=today)
    if parsed is not None and parsed.iso:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", parsed.iso)
    for dose in normalize.find_doses(text):
        normalize.dose_value(dose.dose)


# --- reconcile on arbitrary facts -----------------------------------------------------------

_NAMES = [
    "lisinopril", "metformin", "metoprolol", "amoxicillin", "penicillin", "sulfa", "codeine",
    "aspirin", "nsaids", "peanut", "none", "tdap", "td", "mmr", "influenza", "covid-19",
    "hepatitis b", "name", "dob", "mrn", "", "???",
]  # fmt: skip
_DATES = st.one_of(
    st.sampled_from(
        ["", "2021", "2021-03", "2021-03-14", "1961-04-12", "2099-01-01", "1800-01-01"]
    ),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)).map(str),
    st.text(max_size=12),
)
_SMALL_TEXT = st.one_of(
    st.sampled_from(["", "10", "0.5", "1-2", "mg", "daily", "x"]), st.text(max_size=12)
)
_provenance = st.builds(
    Provenance,
    provider=st.sampled_from(["riverside", "city-pharmacy", "st-marys", ""]),
    file=st.sampled_from(["a/1.pdf", "b/2.pdf", "c/3.png"]),
    page=st.integers(min_value=1, max_value=3),
    bbox=st.one_of(
        st.none(),
        st.tuples(*[st.integers(min_value=-10, max_value=5000)] * 4),
    ),
    rule=st.sampled_from(["fuzz", ""]),
)
_fact = st.builds(
    Fact,
    kind=st.one_of(st.sampled_from(FACT_KINDS), st.text(max_size=8)),
    name=st.one_of(st.sampled_from(_NAMES), st.text(max_size=20)),
    text=st.text(max_size=40),
    provenance=_provenance,
    code=st.one_of(st.sampled_from(["", "29046", "115", "88"]), st.text(max_size=6)),
    dose=_SMALL_TEXT,
    unit=st.sampled_from(["", "mg", "mcg", "ml", "units", "%", "x"]),
    frequency=st.sampled_from(["", "daily", "bid", "q6h", "prn", "daily prn", "weird"]),
    route=st.sampled_from(["", "oral", "topical", "nope"]),
    date=_DATES,
    status=st.sampled_from(["", "active", "discontinued", "held", "negated", "completed", "?"]),
    confidence=st.floats(min_value=0.0, max_value=1.0),
    value=st.one_of(
        st.sampled_from(["", "maria l gonzalez", "PC-448812", "visit"]), st.text(max_size=20)
    ),
    group=st.sampled_from(["", "influenza", "tetanus", "penicillins", "food", "opioids"]),
    reaction=st.sampled_from(["", "hives", "rash"]),
    dose_number=st.sampled_from(["", "1", "2", "x"]),
    ambiguous_with=st.lists(st.sampled_from(_NAMES), max_size=2).map(tuple),
    section=st.sampled_from(["", "medications", "allergies", "immunizations", "?"]),
    date_valid=st.booleans(),
    raw_date=st.sampled_from(["", "02/30/2021", "13/13/13"]),
)


@FUZZ
@given(facts=st.lists(_fact, max_size=30), patient=st.sampled_from(["", "maria l gonzalez"]))
def test_reconcile_never_raises_and_gives_unique_ids(facts: list[Fact], patient: str) -> None:
    config = replace(_settings(), patient_name=patient)
    findings = reconcile.reconcile_facts(facts, _lexicons(), config, dt.date(2025, 6, 1))
    ids = [f.finding_id for f in findings]
    assert len(ids) == len(set(ids))
    again = reconcile.reconcile_facts(
        list(reversed(facts)), _lexicons(), config, dt.date(2025, 6, 1)
    )
    assert [f.finding_id for f in again] == ids  # the order facts arrive in changes nothing


# --- corrupted copies of a PDF -------------------------------------------------------------

SEED = 20261126


def _source_pdf() -> bytes:
    """Two small pages: born-digital text, then a scan-like embedded image (100 DPI)."""
    img = Image.new("L", (850, 300), 255)
    ImageDraw.Draw(img).text((40, 40), "Medications: Metformin 500 mg bid", fill=0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setFont("Helvetica", 12)
    for i, line in enumerate(["Medications", "Lisinopril 10 mg daily", "Allergies: penicillin"]):
        c.drawString(72, 720 - 18 * i, line)
    c.showPage()
    c.drawImage(ImageReader(img), 0, 0, width=letter[0], height=letter[1])
    c.showPage()
    c.save()
    return buf.getvalue()


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _zero_range(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 4096))
    return data[:start] + b"\x00" * (end - start) + data[end:]


def _delete_xref(data: bytes, rng: random.Random) -> bytes:
    start = data.rfind(b"xref")
    end = data.rfind(b"startxref")
    return data[:start] + data[end:] if 0 <= start < end else _truncate(data, rng)


def _duplicate_object(data: bytes, rng: random.Random) -> bytes:
    objects = list(re.finditer(rb"\d+ 0 obj.*?endobj\s", data, re.DOTALL))
    if not objects:
        return _flip_bytes(data, rng)
    obj = rng.choice(objects)
    at = rng.choice([m.end() for m in objects])
    return data[:at] + obj.group() + data[at:]


def _shuffle_offsets(data: bytes, rng: random.Random) -> bytes:
    # Plausible-looking but wrong xref offsets: readers must fall back to scanning the file.
    return re.sub(rb"\d{10} 00000 n", lambda m: b"%010d 00000 n" % rng.randrange(len(data)), data)


def _splice(data: bytes, rng: random.Random) -> bytes:
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    return data[:a] + data[b:] + data[a:b]


CORRUPTIONS: list[Callable[[bytes, random.Random], bytes]] = [
    _truncate, _flip_bytes, _zero_range, _delete_xref, _duplicate_object, _shuffle_offsets, _splice,
]  # fmt: skip


def corrupted_copies(folder: Path, count: int, seed: int = SEED) -> list[Path]:
    """`count` damaged copies of the source PDF (one or two corruptions each), seeded."""
    rng = random.Random(seed)
    source = _source_pdf()
    paths = []
    for n in range(count):
        data = source
        for corrupt in rng.sample(CORRUPTIONS, rng.choice([1, 1, 2])):
            data = corrupt(data, rng)
        path = folder / f"copy-{n:03d}-{corrupt.__name__.strip('_')}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_source_pdf_is_readable_so_corruption_is_what_is_tested(tmp_path: Path) -> None:
    (tmp_path / "clinic").mkdir()
    (tmp_path / "clinic" / "source.pdf").write_bytes(_source_pdf())
    inputs, problems = ingest.find_inputs(tmp_path, _settings())
    assert problems == [] and [f.pages for f in inputs] == [2]


def test_hundreds_of_corrupted_pdfs_become_pages_or_problem_rows(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    copies = corrupted_copies(in_dir / "clinic", 300)
    config = load_settings(None, dpi=50, timeout_s=30)
    inputs, problems = ingest.find_inputs(in_dir, config)
    refused = {p.file for p in problems}
    assert all(p.stage == "ingest" and p.reason and p.advice for p in problems)
    assert len(refused) == len(problems)  # one row per refused file
    assert refused | {f.rel for f in inputs} == {f"clinic/{p.name}" for p in copies}
    assert not refused & {f.rel for f in inputs}
    work = tmp_path / "work"
    outcomes = {"pages": 0, "page problems": 0}
    for input_file in inputs:
        seen: list[int | None] = []
        for item in rasterize.rasterize_pages(input_file, work, config):
            if isinstance(item, Problem):
                assert item.file == input_file.rel and item.reason and item.advice
                outcomes["page problems"] += 1
                seen.append(item.page)
            else:
                assert isinstance(item, PageImage)
                with Image.open(item.image_path) as im:
                    assert im.size == (item.width, item.height) and im.width > 0
                item.image_path.unlink()
                outcomes["pages"] += 1
                seen.append(item.page)
        # Every page is accounted for, or the whole file is (page None).
        assert seen == list(range(1, input_file.pages + 1)) or None in seen, (input_file, seen)
    # The corruptions are varied enough to exercise both outcomes.
    assert len(refused) >= 20 and outcomes["pages"] >= 100, (len(refused), outcomes)


def test_cli_on_corrupted_copies_exits_0_or_2_with_one_row_per_unreadable_copy(
    tmp_path: Path,
) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    copies = corrupted_copies(in_dir / "clinic", 20, seed=SEED + 1)
    config = load_settings(None, dpi=100)
    inputs, refused = ingest.find_inputs(in_dir, config)
    proc = run_cli("process", str(in_dir), "--out", str(out), "--dpi", "100", "--jobs", "2")
    assert proc.returncode in (ExitCode.OK, ExitCode.INPUT_PROBLEMS), proc.stderr
    assert "Traceback" not in proc.stderr
    assert_outputs_parse(out)
    problems = read_csv(out / "problems.csv")
    unread = problems[problems.stage.isin(UNREAD_STAGES)]
    assert (proc.returncode == ExitCode.INPUT_PROBLEMS) == (len(unread) > 0)
    ingest_rows = problems[problems.stage == "ingest"]
    assert sorted(ingest_rows.file) == sorted(p.file for p in refused)
    assert ingest_rows.file.is_unique
    # Every copy is in the annotated PDF (its pages) or in problems.csv (why not).
    outline = _outline_titles(PdfReader(out / "annotated.pdf"))
    for copy in copies:
        rel = f"clinic/{copy.name}"
        assert rel in outline or rel in set(unread.file), rel
    readable = {f.rel for f in inputs}
    assert readable <= outline | set(unread.file)


def _outline_titles(reader: PdfReader) -> set[str]:
    titles: set[str] = set()

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.add(str(getattr(item, "title", "")))

    walk(list(reader.outline))
    return titles


@pytest.mark.parametrize("corrupt", CORRUPTIONS, ids=[c.__name__.strip("_") for c in CORRUPTIONS])
def test_each_corruption_changes_the_file(corrupt: Callable[[bytes, random.Random], bytes]) -> None:
    source = _source_pdf()
    rng = random.Random(SEED)
    assert any(corrupt(source, rng) != source for _ in range(5))
