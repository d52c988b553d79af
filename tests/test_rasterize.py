"""Rasterizing PDFs, multi-page TIFFs and single images into page PNGs, one page at a time."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pipeline.config import Settings
from pipeline.rasterize import rasterize_pages
from pipeline.records import InputFile, PageImage, Problem


def _settings(dpi: int = 150, **limits: int) -> Settings:
    s = Settings()
    return replace(s, ocr=replace(s.ocr, dpi=dpi), limits=replace(s.limits, **limits))


def _text_pdf(path: Path, pages: int) -> InputFile:
    c = canvas.Canvas(str(path), pagesize=letter)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 14)
        c.drawString(72, 700, f"Lisinopril 10 mg daily, page {n}")
        c.showPage()
    c.save()
    return InputFile(path=path, rel=path.name, provider="clinic", kind="pdf", pages=pages)


def _scan(width: int, height: int) -> Image.Image:
    im = Image.new("L", (width, height), 255)
    ImageDraw.Draw(im).rectangle(
        (width // 10, height // 10, width // 2, height // 8), fill=0
    )  # a black bar in the top left, to check the image is upright and unmirrored
    return im


def _scanned_pdf(path: Path, image: Image.Image) -> InputFile:
    c = canvas.Canvas(str(path), pagesize=letter)
    c.drawImage(ImageReader(image), 0, 0, width=letter[0], height=letter[1])
    c.showPage()
    c.save()
    return InputFile(path=path, rel=path.name, provider="clinic", kind="pdf", pages=1)


def _pages(items: list[PageImage | Problem]) -> list[PageImage]:
    assert all(isinstance(i, PageImage) for i in items), items
    return [i for i in items if isinstance(i, PageImage)]


def test_three_page_pdf_gives_three_pages_at_configured_dpi(tmp_path: Path) -> None:
    doc = _text_pdf(tmp_path / "visit.pdf", 3)
    pages = _pages(list(rasterize_pages(doc, tmp_path / "work", _settings(dpi=150))))
    assert [p.page for p in pages] == [1, 2, 3]
    for p in pages:
        # US Letter at 150 DPI is 8.5 x 11 inches -> 1275 x 1650 pixels.
        assert (p.dpi, p.width, p.height) == (150, 1275, 1650)
        # PGM: a work file costs nothing to write and read back (no compression).
        assert p.image_path.name == f"{p.page:06d}_raster.pgm"
        assert p.source == "raster"
        assert f"page {p.page}" in p.text_layer and "Lisinopril" in p.text_layer
        with Image.open(p.image_path) as im:
            assert im.mode == "L" and im.size == (1275, 1650)
    assert len({p.image_path.parent for p in pages}) == 1


def test_pages_are_produced_lazily_one_at_a_time(tmp_path: Path) -> None:
    doc = _text_pdf(tmp_path / "visit.pdf", 3)
    work = tmp_path / "work"
    pages = rasterize_pages(doc, work, _settings(dpi=50))
    first = next(pages)
    assert isinstance(first, PageImage)
    assert sorted(p.name for p in work.rglob("*_raster.*")) == ["000001_raster.pgm"]


@pytest.mark.parametrize(("image_dpi", "expected_dpi"), [(200, 200), (600, 300)])
def test_scanned_pdf_page_uses_embedded_image(
    tmp_path: Path, image_dpi: int, expected_dpi: int
) -> None:
    scan = _scan(int(8.5 * image_dpi), 11 * image_dpi)
    doc = _scanned_pdf(tmp_path / "scan.pdf", scan)
    (page,) = _pages(list(rasterize_pages(doc, tmp_path / "work", _settings(dpi=300))))
    assert page.source == "embedded"
    assert page.dpi == expected_dpi
    assert (page.width, page.height) == (int(8.5 * expected_dpi), 11 * expected_dpi)
    with Image.open(page.image_path) as im:
        arr = np.asarray(im.convert("L"))
    h, w = arr.shape
    assert arr[h // 9, w // 4] < 60  # the bar is still top left
    assert arr[h - h // 9, w - w // 4] > 200


def test_jpeg_page_is_taken_byte_for_byte_without_decoding(tmp_path: Path) -> None:
    buf = io.BytesIO()
    _scan(1700, 2200).save(buf, format="JPEG", quality=70)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, width=letter[0], height=letter[1])
    c.save()
    doc = InputFile(path=path, rel=path.name, provider="clinic", kind="pdf", pages=1)
    (page,) = _pages(list(rasterize_pages(doc, tmp_path / "work", _settings(dpi=300))))
    assert (page.source, page.dpi, page.image_path.suffix) == ("embedded", 200, ".jpg")
    # The very JPEG that was scanned: no generation loss, and nothing was decoded to get it.
    assert page.image_path.read_bytes() == buf.getvalue()


def test_jpeg_photo_without_dpi_is_copied_as_is(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    _scan(1275, 1650).save(path, format="JPEG", quality=80)  # no DPI in the file
    doc = InputFile(path=path, rel="photo.jpg", provider="p", kind="image", pages=1)
    (page,) = _pages(list(rasterize_pages(doc, tmp_path / "work", _settings(dpi=300))))
    assert page.dpi == 150  # 1275 x 1650 pixels over a Letter page
    assert page.image_path.read_bytes() == path.read_bytes()


def test_oversized_page_is_rendered_coarser(tmp_path: Path) -> None:
    doc = _text_pdf(tmp_path / "visit.pdf", 1)
    settings = _settings(dpi=300, max_pixels=1_000_000)
    (page,) = _pages(list(rasterize_pages(doc, tmp_path / "work", settings)))
    assert page.width * page.height <= 1_000_000
    assert page.dpi < 300


def test_missing_page_becomes_problem_and_other_pages_go_on(tmp_path: Path) -> None:
    doc = replace(_text_pdf(tmp_path / "visit.pdf", 2), pages=3)
    items = list(rasterize_pages(doc, tmp_path / "work", _settings(dpi=50)))
    assert [type(i).__name__ for i in items] == ["PageImage", "PageImage", "Problem"]
    problem = items[2]
    assert isinstance(problem, Problem)
    assert (problem.page, problem.stage) == (3, "rasterize")


def test_multipage_tiff_gives_each_frame_with_its_dpi(tmp_path: Path) -> None:
    path = tmp_path / "fax.tif"
    frames = [_scan(850, 1100).convert("1"), _scan(425, 550), _scan(850, 1100).convert("RGB")]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(100, 100))
    with Image.open(path) as im:
        assert im.n_frames == 3
    doc = InputFile(path=path, rel="fax.tif", provider="fax", kind="tiff", pages=3)
    pages = _pages(list(rasterize_pages(doc, tmp_path / "work", _settings(dpi=300))))
    assert [(p.page, p.width, p.height, p.source) for p in pages] == [
        (1, 850, 1100, "image"),
        (2, 425, 550, "image"),
        (3, 850, 1100, "image"),
    ]
    assert pages[0].dpi == 100
    for p in pages:
        with Image.open(p.image_path) as im:
            assert im.mode == "L"


def test_image_without_dpi_is_assumed_a_letter_page(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    _scan(1275, 1650).save(path)  # no pHYs chunk
    doc = InputFile(path=path, rel="photo.png", provider="p", kind="image", pages=1)
    (page,) = _pages(list(rasterize_pages(doc, tmp_path / "work", _settings(dpi=300))))
    # 1275 x 1650 pixels over 8.5 x 11 inches is 150 DPI.
    assert page.dpi == 150
    assert (page.width, page.height) == (1275, 1650)


def test_fine_jpeg_is_downscaled_to_ocr_dpi(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    buf = io.BytesIO()
    _scan(2550, 3300).save(buf, format="JPEG", dpi=(600, 600), quality=90)
    path.write_bytes(buf.getvalue())
    doc = InputFile(path=path, rel="photo.jpg", provider="p", kind="image", pages=1)
    (page,) = _pages(list(rasterize_pages(doc, tmp_path / "work", _settings(dpi=150))))
    assert (page.dpi, page.width, page.height) == (150, 638, 825)
