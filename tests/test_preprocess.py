"""Cleaning pages for OCR: upright, straight, borderless, and poor scans reported."""

from __future__ import annotations

import subprocess
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from pipeline import preprocess, tesseract
from pipeline.config import Settings
from pipeline.preprocess import preprocess_page
from pipeline.records import PageImage

DPI = 200
RULE_Y_PT = 400  # a long horizontal rule, drawn away from the text, to measure skew on

LINES = [
    "Riverside Primary Care - Visit note 05/02/2024",
    "Patient: Maria L Gonzalez    DOB: 04/12/1961",
    "Current medications",
    "Lisinopril 10 mg by mouth once daily",
    "Metformin 500 mg by mouth twice daily with meals",
    "Atorvastatin 20 mg by mouth at bedtime",
    "Allergies: Penicillin (hives), Sulfa drugs",
    "Immunizations: Tdap 05/02/2019, Influenza 10/01/2023",
]


@pytest.fixture(scope="module")
def upright(tmp_path_factory: pytest.TempPathFactory) -> NDArray[np.uint8]:
    """A text page rendered at 200 DPI, as the scanner would have seen it upright."""
    folder = tmp_path_factory.mktemp("page")
    pdf = folder / "page.pdf"
    c = canvas.Canvas(str(pdf), pagesize=letter)
    c.setFont("Helvetica", 12)
    y = 720
    for line in LINES * 2:
        c.drawString(72, y, line)
        y -= 18
    c.setLineWidth(3)
    c.line(72, RULE_Y_PT, 540, RULE_Y_PT)
    y = 360
    for line in LINES:
        c.drawString(72, y, line)
        y -= 18
    c.save()
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", "-singlefile", str(pdf), str(folder / "page")],
        check=True,
    )
    return np.asarray(Image.open(folder / "page.pgm").convert("L"))


def _page(tmp_path: Path, arr: NDArray[np.uint8], dpi: int = DPI) -> PageImage:
    path = tmp_path / "input.png"
    Image.fromarray(arr).save(path)
    h, w = arr.shape
    return PageImage("clinic", "clinic/visit.pdf", 3, path, dpi, w, h)


def _plain(settings: Settings | None = None, **changes: object) -> Settings:
    """Settings that keep grey levels, so outputs can be compared with the original."""
    s = settings or Settings()
    opts = {"denoise": False, "binarize": "never", **changes}
    return replace(s, preprocess=replace(s.preprocess, **opts))  # type: ignore[arg-type]


def _load(page: PageImage) -> NDArray[np.uint8]:
    return np.asarray(Image.open(page.image_path).convert("L"))


def _diff(a: NDArray[np.uint8], b: NDArray[np.uint8]) -> float:
    if a.shape != b.shape:
        return 255.0
    return float(np.abs(a.astype(np.int16) - b.astype(np.int16)).mean())


def _rule_angle(arr: NDArray[np.uint8]) -> float:
    """Angle in degrees of the long rule, fitted through its centre in each column."""
    h, w = arr.shape
    rule_row = int((letter[1] - RULE_Y_PT) / 72 * DPI)
    band = arr[rule_row - 60 : rule_row + 60]
    cols = np.arange(int(w * 0.2), int(w * 0.8))
    centres = []
    for x in cols:
        dark = np.nonzero(band[:, x] < 128)[0]
        centres.append(dark.mean() if dark.size else np.nan)
    ys = np.array(centres)
    ok = ~np.isnan(ys)
    slope = np.polyfit(cols[ok], ys[ok], 1)[0]
    return float(np.degrees(np.arctan(slope)))


def _no_tesseract(*args: object, **kwargs: object) -> None:
    raise AssertionError("an upright page must not cost a Tesseract run before OCR")


@pytest.mark.parametrize(("ccw", "expected_cw"), [(90, 90), (270, 270)])
def test_sideways_page_is_turned_upright(
    tmp_path: Path, upright: NDArray[np.uint8], ccw: int, expected_cw: int
) -> None:
    turned = np.asarray(Image.fromarray(upright).rotate(ccw, expand=True))
    out, _ = preprocess_page(_page(tmp_path, turned), tmp_path / "work", _plain())
    assert out.rotation == expected_cw
    result = _load(out)
    assert (out.width, out.height) == (upright.shape[1], upright.shape[0])
    assert _diff(result, upright) < 0.5 * _diff(result, upright[::-1, ::-1])


@pytest.mark.parametrize("tilt", [0.0, 4.0, -4.0])
def test_upright_page_costs_no_tesseract_run(
    tmp_path: Path, upright: NDArray[np.uint8], monkeypatch: pytest.MonkeyPatch, tilt: float
) -> None:
    monkeypatch.setattr(tesseract, "run_osd", _no_tesseract)
    monkeypatch.setattr(tesseract, "run_tsv", _no_tesseract)
    skewed = np.asarray(Image.fromarray(upright).rotate(tilt, fillcolor=255))
    out, _ = preprocess_page(_page(tmp_path, skewed), tmp_path / "work", _plain())
    assert out.rotation == 0


def test_upside_down_page_is_turned_by_reorient_page(
    tmp_path: Path, upright: NDArray[np.uint8]
) -> None:
    turned = np.ascontiguousarray(upright[::-1, ::-1])
    page = _page(tmp_path, turned)
    # Before OCR an upside-down page looks like any upright one: the driver asks only after
    # OCR read it badly.
    cleaned, _ = preprocess_page(page, tmp_path / "work", _plain())
    assert cleaned.rotation == 0
    out = preprocess.reorient_page(cleaned, tmp_path / "work", _plain())
    assert out.rotation == 180
    assert _diff(_load(out), upright) < 0.5 * _diff(_load(out), turned)
    # An upright page stays as it is.
    again = preprocess.reorient_page(out, tmp_path / "work", _plain())
    assert again.rotation == 180 and again.image_path == out.image_path


@pytest.mark.parametrize("ccw", [90, 180])
def test_orientation_fallback_works_when_osd_has_no_answer(
    tmp_path: Path,
    upright: NDArray[np.uint8],
    monkeypatch: pytest.MonkeyPatch,
    ccw: int,
) -> None:
    monkeypatch.setattr(tesseract, "run_osd", lambda *a, **k: None)
    turned = np.asarray(Image.fromarray(upright).rotate(ccw, expand=True))
    out, _ = preprocess_page(_page(tmp_path, turned), tmp_path / "work", _plain())
    if ccw == 180:
        out = preprocess.reorient_page(out, tmp_path / "work", _plain())
    assert out.rotation == ccw
    assert _diff(_load(out), upright) < 0.5 * _diff(_load(out), upright[::-1, ::-1])


@pytest.mark.parametrize("tilt", [3.0, -3.0, 0.7])
def test_skewed_page_comes_back_straight(
    tmp_path: Path, upright: NDArray[np.uint8], tilt: float
) -> None:
    assert abs(_rule_angle(upright)) < 0.05  # the measurement itself is sound
    skewed = np.asarray(
        Image.fromarray(upright).rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor=255)
    )
    assert abs(_rule_angle(skewed) + tilt) < 0.1  # image rows grow downwards
    settings = _plain(orientation=False)
    out, _ = preprocess_page(_page(tmp_path, skewed), tmp_path / "work", settings)
    assert abs(_rule_angle(_load(out))) < 0.3
    assert abs(out.skew - tilt) < 0.3


def test_barely_tilted_page_is_not_resampled(tmp_path: Path, upright: NDArray[np.uint8]) -> None:
    # Below 0.3 degree straightening blurs more than it helps (make eval: equal F1, CER no worse).
    tilted = np.asarray(
        Image.fromarray(upright).rotate(0.15, resample=Image.Resampling.BICUBIC, fillcolor=255)
    )
    page = _page(tmp_path, tilted)
    out, _ = preprocess_page(page, tmp_path / "work", _plain(orientation=False))
    assert (out.skew, out.image_path) == (0.0, page.image_path)


def test_straight_page_is_not_resampled(tmp_path: Path, upright: NDArray[np.uint8]) -> None:
    page = _page(tmp_path, upright)
    out, problems = preprocess_page(page, tmp_path / "work", _plain())
    assert (out.rotation, out.skew, problems) == (0, 0.0, [])
    # Nothing to change: the raster file itself goes to OCR, not a re-encoded copy.
    assert out.image_path == page.image_path
    assert _diff(_load(out), upright) == 0.0


def test_changed_page_is_written_as_clean_file(tmp_path: Path, upright: NDArray[np.uint8]) -> None:
    skewed = np.asarray(Image.fromarray(upright).rotate(2.0, fillcolor=255))
    out, _ = preprocess_page(_page(tmp_path, skewed), tmp_path / "work", _plain())
    assert out.image_path.name == "000003_clean.jpg"


def test_dark_scanner_border_is_removed(tmp_path: Path, upright: NDArray[np.uint8]) -> None:
    framed = upright.copy()
    framed[:, :90] = 25  # left edge of the scanner lid
    framed[:70, :] = 40  # top edge
    out, _ = preprocess_page(
        _page(tmp_path, framed), tmp_path / "work", _plain(orientation=False, deskew=False)
    )
    result = _load(out)
    assert result[:, :90].mean() > 250 and result[:70, :].mean() > 250
    # The text is untouched.
    assert _diff(result[70:, 90:], upright[70:, 90:]) < 1.0


def test_blurred_low_resolution_page_is_reported_as_poor(
    tmp_path: Path, upright: NDArray[np.uint8]
) -> None:
    small = Image.fromarray(upright).resize((upright.shape[1] // 2, upright.shape[0] // 2))
    blurred = np.asarray(small.filter(ImageFilter.GaussianBlur(2)))
    out, problems = preprocess_page(
        _page(tmp_path, blurred, dpi=DPI // 2), tmp_path / "work", _plain(orientation=False)
    )
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.page, problem.stage) == ("clinic/visit.pdf", 3, "quality")
    assert problem.reason.startswith("poor scan:")
    assert "low resolution (~100 DPI)" in problem.reason
    assert "blurred" in problem.reason
    assert "300 DPI" in problem.advice
    assert out.image_path.exists()


def test_faded_page_is_reported_and_binarized(tmp_path: Path, upright: NDArray[np.uint8]) -> None:
    faded = (upright.astype(np.float64) * 0.12 + 220).astype(np.uint8)  # ink ~220, paper ~250
    settings = replace(Settings(), preprocess=replace(Settings().preprocess, orientation=False))
    out, problems = preprocess_page(_page(tmp_path, faded), tmp_path / "work", settings)
    assert len(problems) == 1 and "faded" in problems[0].reason
    assert set(np.unique(_load(out))) <= {0, 255}
    # ...while a clean page stays greyscale: Tesseract binarizes it better itself.
    clean, problems = preprocess_page(_page(tmp_path, upright), tmp_path / "work", settings)
    assert problems == []
    assert len(np.unique(_load(clean))) > 2


def test_blank_page_passes_without_problems(tmp_path: Path) -> None:
    blank = np.full((2200, 1700), 250, dtype=np.uint8)
    out, problems = preprocess_page(_page(tmp_path, blank), tmp_path / "work", Settings())
    assert (out.rotation, out.skew, problems) == (0, 0.0, [])


def test_cleaning_is_fast(tmp_path: Path, upright: NDArray[np.uint8]) -> None:
    """Cleaning an upright page (orientation check included) costs a small part of its OCR."""
    skewed = np.asarray(Image.fromarray(upright).rotate(1.5, fillcolor=255))
    page = _page(tmp_path, skewed)
    preprocess_page(page, tmp_path / "work", _plain())  # warm-up: imports, first allocations
    timings = []
    for settings in (_plain(), Settings()):
        start = time.perf_counter()
        preprocess_page(page, tmp_path / "work", settings)
        timings.append(time.perf_counter() - start)
    # ~0.05 s here on an idle core against ~0.7 s of OCR; margin for a busy shared machine.
    assert min(timings) < 0.25


@pytest.mark.parametrize("ccw", [90, 270])
def test_skew_estimate_on_a_sideways_page_does_not_invent_a_tilt(
    upright: NDArray[np.uint8], ccw: int
) -> None:
    sideways = np.asarray(Image.fromarray(upright).rotate(ccw, expand=True))
    angle = preprocess.estimate_skew(sideways, DPI, 15.0)
    assert angle is None or abs(angle) < 0.3
