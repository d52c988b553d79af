"""Finding inputs, assigning providers and turning every bad input into a clear Problem."""

from __future__ import annotations

import hashlib
import io
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from pipeline import ingest
from pipeline.config import Settings
from pipeline.errors import EncryptedPdfError
from pipeline.ingest import find_inputs
from pipeline.records import Problem
from tests.helpers import png_claiming


def _pdf_bytes(pages: int = 1) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n in range(pages):
        c.drawString(72, 720, f"Medication list page {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def _png_bytes(size: tuple[int, int] = (40, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("L", size, 255).save(buf, format="PNG")
    return buf.getvalue()


def _encrypted_pdf(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(_pdf_bytes()))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _zero_page_pdf() -> bytes:
    buf = io.BytesIO()
    PdfWriter().write(buf)
    return buf.getvalue()


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _only_problem(problems: list[Problem], file: str) -> Problem:
    rows = [p for p in problems if p.file == file]
    assert len(rows) == 1, problems
    assert rows[0].stage == "ingest" and rows[0].page is None
    assert rows[0].advice
    return rows[0]


BAD_INPUTS = [
    ("empty.pdf", b"", "empty (0 bytes)"),
    ("letter.pdf", b"Patient: Jane Roe\nLisinopril 10 mg daily\n", "is not a PDF or image"),
    ("truncated.pdf", _pdf_bytes(3)[: len(_pdf_bytes(3)) // 2], "damaged or incomplete"),
    ("locked.pdf", _encrypted_pdf("secret"), EncryptedPdfError().reason),
    ("nothing.pdf", _zero_page_pdf(), "no pages"),
    ("huge.png", png_claiming(100_000, 100_000), "too large"),
    ("notes.docx", b"PK\x03\x04" + b"\x00" * 100, "unsupported file type (.docx)"),
    ("photo.heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 40, "unsupported file type (.heic)"),
    ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "damaged or incomplete"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_becomes_problem_with_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    _write(tmp_path / "clinic" / name, data)
    _write(tmp_path / "clinic" / "good.pdf", _pdf_bytes())
    inputs, problems = find_inputs(tmp_path, Settings())
    problem = _only_problem(problems, f"clinic/{name}")
    assert reason in problem.reason
    assert [f.rel for f in inputs] == ["clinic/good.pdf"]


def test_text_file_named_pdf_does_not_quote_its_content(tmp_path: Path) -> None:
    _write(tmp_path / "letter.pdf", b"Patient: Jane Roe, DOB 1960-01-01\n")
    _, problems = find_inputs(tmp_path, Settings())
    problem = _only_problem(problems, "letter.pdf")
    assert "plain text" in problem.reason
    assert "Jane" not in problem.reason + problem.advice


def test_huge_image_header_is_refused_without_decoding(tmp_path: Path) -> None:
    _write(tmp_path / "huge.png", png_claiming(100_000, 100_000))
    start = time.perf_counter()
    _, problems = find_inputs(tmp_path, Settings())
    assert time.perf_counter() - start < 2.0
    assert "100000 x 100000" in _only_problem(problems, "huge.png").reason


def test_encrypted_pdf_with_empty_user_password_is_accepted(tmp_path: Path) -> None:
    _write(tmp_path / "clinic" / "owner-only.pdf", _encrypted_pdf(""))
    inputs, problems = find_inputs(tmp_path, Settings())
    assert problems == []
    assert [(f.rel, f.pages) for f in inputs] == [("clinic/owner-only.pdf", 1)]


def test_file_over_size_limit_is_refused(tmp_path: Path) -> None:
    _write(tmp_path / "big.pdf", _pdf_bytes() + b"\n%" + b"x" * (1024 * 1024))
    settings = Settings()
    settings = replace(settings, limits=replace(settings.limits, max_file_mb=1))
    _, problems = find_inputs(tmp_path, settings)
    assert "too large" in _only_problem(problems, "big.pdf").reason


def test_unreadable_file_reports_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _write(tmp_path / "clinic" / "secret.pdf", _pdf_bytes())
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    # Root reads any file whatever its mode, so the denial is simulated.
    monkeypatch.setattr(Path, "open", deny)
    _, problems = find_inputs(tmp_path, Settings())
    assert "permission denied" in _only_problem(problems, "clinic/secret.pdf").reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files with mode 000")
def test_chmod_000_file_reports_permission_denied(tmp_path: Path) -> None:
    target = _write(tmp_path / "secret.pdf", _pdf_bytes())
    target.chmod(0)
    try:
        _, problems = find_inputs(tmp_path, Settings())
    finally:
        target.chmod(0o644)
    assert "permission denied" in _only_problem(problems, "secret.pdf").reason


def test_symlink_loops_and_broken_links_are_reported_not_followed(tmp_path: Path) -> None:
    _write(tmp_path / "clinic" / "visit.pdf", _pdf_bytes())
    os.symlink(tmp_path, tmp_path / "clinic" / "back-to-top")
    os.symlink("self.pdf", tmp_path / "clinic" / "self.pdf")
    os.symlink(tmp_path / "missing.pdf", tmp_path / "clinic" / "gone.pdf")
    inputs, problems = find_inputs(tmp_path, Settings())
    assert [f.rel for f in inputs] == ["clinic/visit.pdf"]
    assert "symbolic link loop" in _only_problem(problems, "clinic/back-to-top").reason
    assert "symbolic link loop" in _only_problem(problems, "clinic/self.pdf").reason
    assert "broken symbolic link" in _only_problem(problems, "clinic/gone.pdf").reason


def test_providers_come_from_top_folders_and_file_names(tmp_path: Path) -> None:
    _write(tmp_path / "riverside-primary-care" / "2024" / "march" / "visit.pdf", _pdf_bytes())
    _write(tmp_path / "riverside-primary-care" / "labs.PNG", _png_bytes())
    _write(tmp_path / "City Pharmacy_2024-05.pdf", _pdf_bytes())
    _write(tmp_path / "Dr Smith.jpeg", _png_bytes())  # a PNG named .jpeg: sniffed, accepted
    inputs, problems = find_inputs(tmp_path, Settings())
    assert problems == []
    assert [(f.rel, f.provider, f.kind) for f in inputs] == [
        ("City Pharmacy_2024-05.pdf", "city-pharmacy", "pdf"),
        ("Dr Smith.jpeg", "dr-smith", "image"),
        ("riverside-primary-care/2024/march/visit.pdf", "riverside-primary-care", "pdf"),
        ("riverside-primary-care/labs.PNG", "riverside-primary-care", "image"),
    ]
    assert all(f.path.is_absolute() and f.path.exists() for f in inputs)


def test_page_counts_of_pdf_and_multipage_tiff(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "three.pdf", _pdf_bytes(3))
    frames = [Image.new("L", (50, 60), shade) for shade in (255, 200, 150, 100)]
    (tmp_path / "a" / "four.tif").parent.mkdir(exist_ok=True)
    frames[0].save(tmp_path / "a" / "four.tif", save_all=True, append_images=frames[1:])
    inputs, _ = find_inputs(tmp_path, Settings())
    assert [(f.rel, f.kind, f.pages) for f in inputs] == [
        ("a/four.tif", "tiff", 4),
        ("a/three.pdf", "pdf", 3),
    ]


def test_hidden_files_and_output_folder_are_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "clinic" / "visit.pdf", _pdf_bytes())
    _write(tmp_path / "clinic" / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    _write(tmp_path / ".cache" / "x.pdf", _pdf_bytes())
    _write(tmp_path / "out" / "annotated.pdf", _pdf_bytes())
    _write(tmp_path / "previous-run" / ingest.OUTPUT_MARKER, b"")
    _write(tmp_path / "previous-run" / "annotated.pdf", _pdf_bytes())
    inputs, problems = find_inputs(tmp_path, Settings(), exclude=[tmp_path / "out"])
    assert problems == []
    assert [f.rel for f in inputs] == ["clinic/visit.pdf"]


def test_order_is_sorted_and_repeatable(tmp_path: Path) -> None:
    for name in ["b/2.pdf", "a/10.pdf", "A-top.pdf", "a/1.pdf", "c/z.txt"]:
        _write(tmp_path / name, _pdf_bytes())
    first = find_inputs(tmp_path, Settings())
    second = find_inputs(tmp_path, Settings())
    assert first == second
    # Case-insensitive by full path; "-" sorts before "/".
    assert [f.rel for f in first[0]] == ["A-top.pdf", "a/1.pdf", "a/10.pdf", "b/2.pdf", "c/z.txt"]


def test_inputs_are_not_modified(tmp_path: Path) -> None:
    files = {
        "clinic/visit.pdf": _pdf_bytes(2),
        "clinic/empty.pdf": b"",
        "clinic/locked.pdf": _encrypted_pdf("secret"),
        "scan.png": _png_bytes(),
        "notes.txt": b"hello",
    }
    for rel, data in files.items():
        _write(tmp_path / rel, data)
    before = {
        rel: (
            hashlib.sha256((tmp_path / rel).read_bytes()).hexdigest(),
            (tmp_path / rel).stat().st_mtime_ns,
        )
        for rel in files
    }
    find_inputs(tmp_path, Settings())
    after = {
        rel: (
            hashlib.sha256((tmp_path / rel).read_bytes()).hexdigest(),
            (tmp_path / rel).stat().st_mtime_ns,
        )
        for rel in files
    }
    assert before == after
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(
        Path(rel).name for rel in files
    )
