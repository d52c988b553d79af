"""Real-world inputs (fax compressions, mixed sizes, extreme DPI, photos, text PDFs, TIFFs) are read or reported."""

from __future__ import annotations

import io
import struct
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont, ImageOps, TiffImagePlugin
from reportlab.lib.pagesizes import A5, letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pipeline import api, rasterize
from pipeline.config import Settings
from pipeline.records import InputFile, PageImage

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
WORD = "Lisinopril"
LINES = (f"{WORD} 10 mg daily", "Metformin 500 mg twice daily")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.truetype(str(FONT), size) if FONT.exists() else ImageFont.load_default(size)


def _text_image(width_in: float, height_in: float, dpi: int) -> Image.Image:
    """A grey page of two printed lines at about 12 pt, scanned at `dpi`."""
    im = Image.new("L", (round(width_in * dpi), round(height_in * dpi)), 255)
    draw = ImageDraw.Draw(im)
    font = _font(round(dpi * 12 / 72))
    for i, line in enumerate(LINES):
        draw.text((dpi // 2, dpi // 2 + i * dpi // 3), line, font=font, fill=0)
    return im


def _bilevel(im: Image.Image) -> Image.Image:
    return im.point(lambda v: 255 if v > 128 else 0).convert("1")


def _g4_strip(bw: Image.Image) -> tuple[bytes, bool]:
    """The CCITT G4 data of a 1-bit image (one strip), and the PDF /BlackIs1 that shows it right.

    PIL writes 1-bit TIFFs as BlackIsZero (photometric 1); Poppler then shows the G4 data
    black on white only with /BlackIs1 true (checked by rendering it).
    """
    previous = TiffImagePlugin.STRIP_SIZE
    TiffImagePlugin.STRIP_SIZE = 1 << 30  # one strip: a PDF stream holds one G4 image
    try:
        buf = io.BytesIO()
        bw.save(buf, format="TIFF", compression="group4")
    finally:
        TiffImagePlugin.STRIP_SIZE = previous
    with Image.open(io.BytesIO(buf.getvalue())) as tif:
        (offset,), (count,) = tif.tag_v2[273], tif.tag_v2[279]
        black_is_1 = tif.tag_v2.get(262) == 1
    return buf.getvalue()[offset : offset + count], black_is_1


def _image_pdf(path: Path, data: bytes, size: tuple[int, int], dpi: int, **image: object) -> None:
    """A one-page PDF showing one 1-bit image stream over the whole page."""
    w, h = size
    pdf = pikepdf.new()
    stream = pikepdf.Stream(
        pdf,
        data,
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=w,
        Height=h,
        BitsPerComponent=1,
        ColorSpace=pikepdf.Name.DeviceGray,
        **image,
    )
    pw, ph = w * 72 / dpi, h * 72 / dpi
    page = pdf.add_blank_page(page_size=(pw, ph))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=stream))
    page.Contents = pikepdf.Stream(pdf, f"q {pw} 0 0 {ph} 0 0 cm /Im0 Do Q".encode())
    pdf.save(path)


def _ccitt_pdf(path: Path) -> int:
    bw = _bilevel(_text_image(5.5, 2.5, 200))
    data, black_is_1 = _g4_strip(bw)
    parms = pikepdf.Dictionary(K=-1, Columns=bw.width, Rows=bw.height, BlackIs1=black_is_1)
    _image_pdf(path, data, bw.size, 200, Filter=pikepdf.Name.CCITTFaxDecode, DecodeParms=parms)
    return 1


def _jbig2_pdf(path: Path) -> int:
    """JBIG2 without an encoder: a generic region in MMR coding is T.6 (G4) data as it is.

    Segments: page information (type 48) and one immediate lossless generic region
    (type 38, MMR flag set), as in ITU T.88 sections 7.2, 7.4.8 and 7.4.6.
    """
    bw = _bilevel(_text_image(5.5, 2.5, 200))
    # JBIG2 codes black as 1; invert first when the TIFF's G4 codes white as 1.
    data, black_is_1 = _g4_strip(bw)
    if black_is_1:
        data, _ = _g4_strip(ImageOps.invert(bw.convert("L")).convert("1"))
    w, h = bw.size

    def segment(number: int, kind: int, body: bytes) -> bytes:
        return struct.pack(">IBBBI", number, kind, 0, 1, len(body)) + body

    page_info = struct.pack(">IIIIBH", w, h, 0, 0, 0, 0)
    region = struct.pack(">IIIIB", w, h, 0, 0, 0) + bytes([1]) + data
    stream = segment(0, 48, page_info) + segment(1, 38, region)
    _image_pdf(path, stream, bw.size, 200, Filter=pikepdf.Name.JBIG2Decode)
    return 1


def _draw_lines(c: canvas.Canvas, x: float, y: float) -> None:
    c.setFont("Helvetica", 12)
    for i, line in enumerate(LINES):
        c.drawString(x, y - 20 * i, line)


def _mixed_pdf(path: Path) -> int:
    """Letter at 300 DPI, A5 at 150 DPI, and a landscape text page, in one file."""
    c = canvas.Canvas(str(path), pagesize=letter)
    for (pw, ph), dpi in ((letter, 300), (A5, 150)):
        c.setPageSize((pw, ph))
        scan = _text_image(pw / 72, ph / 72, dpi)
        c.drawImage(ImageReader(scan), 0, 0, width=pw, height=ph)
        c.showPage()
    c.setPageSize((letter[1], letter[0]))
    _draw_lines(c, 72, letter[0] - 72)
    c.showPage()
    c.save()
    return 3


def _dpi2400_pdf(path: Path) -> int:
    """A 3 x 1.5 inch label scanned at 2400 DPI (26 million pixels, Flate-compressed)."""
    scan = _text_image(3.0, 1.5, 2400)
    c = canvas.Canvas(str(path), pagesize=(3 * 72, 1.5 * 72))
    c.drawImage(ImageReader(scan), 0, 0, width=3 * 72, height=1.5 * 72)
    c.save()
    return 1


def _born_digital_pdf(path: Path) -> int:
    c = canvas.Canvas(str(path), pagesize=letter)
    _draw_lines(c, 72, 700)
    c.save()
    return 1


def _png_no_dpi(path: Path) -> int:
    _text_image(8.5, 11, 150).save(path)  # no pHYs chunk
    return 1


def _jpeg_no_dpi(path: Path) -> int:
    _text_image(8.5, 11, 200).convert("RGB").save(path, quality=85)  # no JFIF density
    return 1


def _multipage_tiff(path: Path) -> int:
    frames = [_bilevel(_text_image(5.5, 4, 200)), _bilevel(_text_image(8.5, 5.5, 200))]
    frames[0].save(
        path, save_all=True, append_images=frames[1:], compression="group4", dpi=(200, 200)
    )
    return 2


CASES: dict[str, Callable[[Path], int]] = {
    "ccitt-g4.pdf": _ccitt_pdf,
    "jbig2.pdf": _jbig2_pdf,
    "mixed-sizes.pdf": _mixed_pdf,
    "label-2400dpi.pdf": _dpi2400_pdf,
    "born-digital.pdf": _born_digital_pdf,
    "photo-no-dpi.png": _png_no_dpi,
    "photo-no-dpi.jpg": _jpeg_no_dpi,
    "fax-multipage.tif": _multipage_tiff,
}


@pytest.fixture(scope="module")
def run_result(tmp_path_factory: pytest.TempPathFactory) -> tuple[api.RunResult, dict[str, int]]:
    """One pipeline run over every case (real Tesseract), as a user would start it."""
    root = tmp_path_factory.mktemp("realworld")
    in_dir = root / "in" / "clinic"
    in_dir.mkdir(parents=True)
    pages = {name: make(in_dir / name) for name, make in CASES.items()}
    settings = replace(Settings(), ocr=replace(Settings().ocr, jobs=2))
    result = api.run(root / "in", root / "out", settings)
    return result, pages


@pytest.mark.parametrize("name", list(CASES))
def test_every_page_is_read_or_reported(
    run_result: tuple[api.RunResult, dict[str, int]], name: str
) -> None:
    result, pages = run_result
    rel = f"clinic/{name}"
    read = {p.page: p for p in result.pages if p.file == rel}
    reported = {p.page for p in result.problems if p.file == rel and p.stage != "quality"}
    for n in range(1, pages[name] + 1):
        if n in read:
            assert WORD in read[n].text, (name, n, read[n].text[:200])
        else:
            assert n in reported or None in reported, (name, n)
    # All of these can be read: none should have needed a problems.csv row.
    assert sorted(read) == list(range(1, pages[name] + 1))


def test_run_reports_no_unread_input(run_result: tuple[api.RunResult, dict[str, int]]) -> None:
    result, _ = run_result
    assert not result.unread, result.problems


def _rasterize_one(tmp_path: Path, name: str) -> list[PageImage]:
    path = tmp_path / name
    count = CASES[name](path)
    kind = "pdf" if name.endswith(".pdf") else "image"
    doc = InputFile(path=path, rel=name, provider="clinic", kind=kind, pages=count)
    items = list(rasterize.rasterize_pages(doc, tmp_path / "work", Settings()))
    assert all(isinstance(i, PageImage) for i in items), items
    return [i for i in items if isinstance(i, PageImage)]


@pytest.mark.parametrize("name", ["ccitt-g4.pdf", "jbig2.pdf"])
def test_fax_compressed_page_comes_out_black_on_white(tmp_path: Path, name: str) -> None:
    (page,) = _rasterize_one(tmp_path, name)
    with Image.open(page.image_path) as im:
        arr = np.asarray(im.convert("L"))
    assert arr.mean() > 200  # white paper, not an inverted page
    assert arr.min() < 60  # with the text still there
    # G4 is decoded from the stream; JBIG2 needs jbig2dec, else Poppler renders the page.
    assert (page.source, page.dpi) in (("embedded", 200), ("raster", 300))


def test_2400_dpi_page_is_brought_down_to_the_ocr_dpi(tmp_path: Path) -> None:
    (page,) = _rasterize_one(tmp_path, "label-2400dpi.pdf")
    assert page.dpi == 300
    assert (page.width, page.height) == (900, 450)


def test_mixed_page_sizes_keep_their_own_size_and_resolution(tmp_path: Path) -> None:
    pages = _rasterize_one(tmp_path, "mixed-sizes.pdf")
    assert [(p.source, p.dpi) for p in pages] == [
        ("embedded", 300),
        ("embedded", 150),
        ("raster", 300),
    ]
    assert (pages[0].width, pages[0].height) == (2550, 3300)
    assert (pages[1].width, pages[1].height) == (round(A5[0] / 72 * 150), round(A5[1] / 72 * 150))
    assert pages[2].width > pages[2].height  # landscape stays landscape
