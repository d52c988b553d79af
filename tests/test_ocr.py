"""OCR of one page with the real Tesseract: words with boxes, a searchable PDF, and the cache."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

from pipeline import api, ocr, preprocess, tesseract
from pipeline.config import Settings
from pipeline.errors import MissingDependencyError, OcrError
from pipeline.records import PageImage

DPI = 300
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# (text, left, top) in pixels at 300 DPI
LINES = [
    ("Medication List", 300, 300),
    ("Lisinopril 10 mg daily", 300, 600),
    ("Metformin 500 mg twice daily", 300, 800),
]


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if FONT.exists():
        return ImageFont.truetype(str(FONT), size)
    return ImageFont.load_default(size)


@pytest.fixture(scope="module")
def page_image(tmp_path_factory: pytest.TempPathFactory) -> PageImage:
    folder = tmp_path_factory.mktemp("ocr")
    im = Image.new("L", (2550, 1400), 255)
    draw = ImageDraw.Draw(im)
    font = _font(56)  # about 13 pt at 300 DPI
    for text, left, top in LINES:
        draw.text((left, top), text, font=font, fill=0)
    path = folder / "000001_clean.png"
    im.save(path)
    return PageImage("clinic", "clinic/meds.png", 1, path, DPI, im.width, im.height)


def test_words_and_boxes_of_a_generated_page(tmp_path: Path, page_image: PageImage) -> None:
    result = ocr.ocr_page(page_image, tmp_path / "work", Settings(), None)
    assert (result.provider, result.file, result.page, result.dpi) == (
        "clinic",
        "clinic/meds.png",
        1,
        300,
    )
    assert result.cached is False
    word = next(w for w in result.words if w.text == "Lisinopril")
    x0, y0, x1, y1 = word.bbox
    # Drawn at (300, 600) in a 56 px font: the box must sit there, a word wide, a line high.
    assert abs(x0 - 300) < 15 and abs(y0 - 600) < 30
    assert 200 < x1 - x0 < 400 and 30 < y1 - y0 < 80
    assert word.conf > 80
    lines = result.text.splitlines()
    assert "Lisinopril 10 mg daily" in lines
    assert "Metformin 500 mg twice daily" in lines
    same_line = [w for w in result.words if w.line_key == word.line_key]
    assert [w.text for w in same_line] == ["Lisinopril", "10", "mg", "daily"]
    assert [w.word for w in same_line] == [1, 2, 3, 4]


def test_pdf_has_searchable_text_layer(tmp_path: Path, page_image: PageImage) -> None:
    result = ocr.ocr_page(page_image, tmp_path / "work", Settings(), None)
    assert result.pdf_path is not None and result.pdf_path.name == "000001_ocr.pdf"
    reader = PdfReader(result.pdf_path)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Lisinopril" in text and "Metformin" in text
    # Page size follows the image at its DPI: 2550 px / 300 DPI = 8.5 in = 612 pt.
    assert abs(float(reader.pages[0].mediabox.width) - 612) < 1


def test_second_call_is_served_from_cache_without_tesseract(
    tmp_path: Path, page_image: PageImage, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = ocr.ocr_page(page_image, tmp_path / "work1", Settings(), cache)
    assert first.cached is False
    assert sorted(p.suffix for p in cache.iterdir()) == [".pdf", ".tsv"]

    def no_tesseract(*args: object, **kwargs: object) -> None:
        raise AssertionError("tesseract must not run on a cache hit")

    monkeypatch.setattr(tesseract, "run_ocr", no_tesseract)
    second = ocr.ocr_page(page_image, tmp_path / "work2", Settings(), cache)
    assert second.cached is True
    assert second.words == first.words
    assert second.pdf_path is not None and second.pdf_path.exists()
    assert second.pdf_path.read_bytes() == first.pdf_path.read_bytes()  # type: ignore[union-attr]


def test_changed_settings_do_not_hit_the_cache(page_image: PageImage) -> None:
    default = ocr.cache_key(page_image.image_path, DPI, Settings())
    other_psm = replace(Settings(), ocr=replace(Settings().ocr, psm=6))
    assert ocr.cache_key(page_image.image_path, DPI, other_psm) != default
    assert ocr.cache_key(page_image.image_path, 200, Settings()) != default
    assert ocr.cache_key(page_image.image_path, DPI, Settings()) == default


def test_blank_page_is_an_empty_result_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    Image.new("L", (850, 1100), 255).save(path)
    page = PageImage("p", "blank.png", 1, path, 100, 850, 1100)
    result = ocr.ocr_page(page, tmp_path / "work", Settings(), None)
    assert result.words == ()
    assert result.text == ""


def test_timeout_becomes_ocr_error(
    tmp_path: Path, page_image: PageImage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Tesseract process timeout")  # what pytesseract raises

    monkeypatch.setattr(tesseract, "USE_LIBRARY", False)  # the tesseract program's path
    monkeypatch.setattr(tesseract._pytesseract(), "run_tesseract", slow)
    with pytest.raises(OcrError, match="longer than"):
        ocr.ocr_page(page_image, tmp_path / "work", Settings(), None)


def test_real_timeout_stops_tesseract(tmp_path: Path, page_image: PageImage) -> None:
    with pytest.raises(OcrError, match="took longer than 0.05 s"):
        tesseract.run_ocr(
            page_image.image_path,
            tmp_path / "out",
            lang="eng",
            psm=3,
            oem=1,
            dpi=DPI,
            timeout_s=0.05,
        )


def test_tesseract_crash_becomes_ocr_error(tmp_path: Path) -> None:
    not_an_image = tmp_path / "broken.png"
    not_an_image.write_bytes(b"not an image at all")
    with pytest.raises(OcrError, match="tesseract failed"):
        tesseract.run_ocr(
            not_an_image, tmp_path / "out", lang="eng", psm=3, oem=1, dpi=DPI, timeout_s=30
        )


def test_missing_tesseract_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    tesseract.tesseract_version.cache_clear()
    monkeypatch.setattr(tesseract.shutil, "which", lambda name: None)
    try:
        with pytest.raises(MissingDependencyError, match=tesseract.INSTALL_COMMAND):
            tesseract.tesseract_version()
        with pytest.raises(MissingDependencyError, match="pdftoppm"):
            tesseract.poppler_version.__wrapped__()
        with pytest.raises(MissingDependencyError, match=tesseract.INSTALL_COMMAND):
            tesseract.check_dependencies()
    finally:
        tesseract.tesseract_version.cache_clear()


def test_installed_tesseract_version_is_read() -> None:
    assert tesseract.tesseract_version()[0].isdigit()
    assert tesseract.poppler_version()


def test_tsv_parsing_keeps_word_rows_only() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n"
        "4\t1\t1\t1\t1\t0\t10\t20\t80\t12\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t10\t20\t30\t12\t96.5\tNKDA\n"
        "5\t1\t1\t1\t1\t2\t45\t20\t5\t12\t95.0\t \n"
    )
    (word,) = tesseract.parse_tsv(tsv)
    assert (word.text, word.conf, word.bbox, word.line_key, word.word) == (
        "NKDA",
        96.5,
        (10, 20, 40, 32),
        (1, 1, 1),
        1,
    )


def _upside_down(page: PageImage, folder: Path) -> PageImage:
    path = folder / "000001_raster.png"
    with Image.open(page.image_path) as im:
        im.rotate(180).save(path)
    return replace(page, image_path=path)


def _dense_page(folder: Path) -> PageImage:
    """A page with enough lines of text for the reading-quality check to judge it."""
    im = Image.new("L", (2550, 3300), 255)
    draw = ImageDraw.Draw(im)
    font = _font(48)
    rows = [f"{name} {dose} mg by mouth {freq}" for name, dose, freq in [
        ("Lisinopril", 10, "once daily"), ("Metformin", 500, "twice daily"),
        ("Atorvastatin", 20, "at bedtime"), ("Omeprazole", 20, "before breakfast"),
        ("Metoprolol", 25, "once daily"), ("Aspirin", 81, "once daily"),
    ]]  # fmt: skip
    for i, text in enumerate(rows * 2):
        draw.text((250, 300 + 110 * i), text, font=font, fill=0)
    path = folder / "000001_raster.png"
    im.save(path)
    return PageImage("clinic", "clinic/meds.pdf", 1, path, DPI, im.width, im.height)


def test_driver_turns_an_upside_down_page_after_ocr_and_caches_the_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upright = _dense_page(tmp_path)
    (tmp_path / "in").mkdir()
    page = _upside_down(upright, tmp_path / "in")
    cache = tmp_path / "cache"
    first = api.process_page(api.PageTask(page, tmp_path / "work", Settings(), cache))
    assert first.ocr is not None
    assert first.ocr.rotation == 180
    assert "Lisinopril 10 mg by mouth once daily" in first.ocr.text
    assert not page.image_path.exists()  # the work image is freed once its PDF is written

    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached page is neither cleaned nor read again")

    monkeypatch.setattr(preprocess, "preprocess_page", must_not_run)
    monkeypatch.setattr(tesseract, "run_ocr", must_not_run)
    again = api.process_page(
        api.PageTask(_upside_down(upright, tmp_path / "in"), tmp_path / "w2", Settings(), cache)
    )
    assert again.ocr is not None and again.ocr.cached
    assert (again.ocr.rotation, again.ocr.words) == (180, first.ocr.words)
    assert again.ocr.pdf_path is not None and again.ocr.pdf_path.parent == cache


def test_upside_down_page_reads_poorly_and_upright_page_does_not(tmp_path: Path) -> None:
    page = _dense_page(tmp_path)
    upright = ocr.ocr_page(page, tmp_path / "w1", Settings(), None)
    assert not ocr.reads_poorly(upright)
    (tmp_path / "in").mkdir()
    flipped = _upside_down(page, tmp_path / "in")
    assert ocr.reads_poorly(ocr.ocr_page(flipped, tmp_path / "w2", Settings(), None))


def test_a_few_words_are_not_judged(tmp_path: Path, page_image: PageImage) -> None:
    flipped = ocr.ocr_page(_upside_down(page_image, tmp_path), tmp_path / "w", Settings(), None)
    assert ocr.reading_confidence(flipped) is None and not ocr.reads_poorly(flipped)


# --- a second look at words that read as impossible dates -------------------------------------


@pytest.fixture(scope="module")
def dated_page(tmp_path_factory: pytest.TempPathFactory) -> PageImage:
    folder = tmp_path_factory.mktemp("relook")
    im = Image.new("L", (1400, 300), 255)
    ImageDraw.Draw(im).text((100, 100), "Given 06-APR-2021", font=_font(44), fill=0)
    path = folder / "000001_clean.png"
    im.save(path)
    return PageImage("pharmacy", "pharmacy/profile.pdf", 1, path, DPI, im.width, im.height)


def test_a_date_misread_as_impossible_is_read_again_and_mended(tmp_path: Path, dated_page: PageImage) -> None:
    read = tesseract.run_tsv(dated_page.image_path, lang="eng", psm=6, dpi=DPI, timeout_s=60)
    date = next(w for w in read if "APR" in w.text)
    misread = [replace(w, text="66-APR-2021") if w is date else w for w in read]  # as a fax can read it
    again = ocr._second_look(dated_page, misread, tmp_path, Settings())
    assert [w.text for w in again] == [w.text for w in read]  # the real date, the other words untouched
    assert again[read.index(date)].text == "06-APR-2021"


@pytest.mark.parametrize("text", ["06-APR-2021", "Lisinopril", "10/2/2025", "2021"])
def test_words_that_are_no_impossible_date_get_no_second_look(tmp_path: Path, dated_page: PageImage, text: str) -> None:
    words = [replace(tesseract.run_tsv(dated_page.image_path, lang="eng", psm=6, dpi=DPI, timeout_s=60)[0], text=text)]
    assert ocr._second_look(dated_page, words, tmp_path, Settings()) is words


def test_the_cached_word_table_keeps_the_mended_text() -> None:
    table = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "5\t1\t1\t1\t1\t1\t100\t100\t120\t40\t91.0\tGiven\n"
        "5\t1\t1\t1\t1\t2\t240\t100\t300\t40\t70.0\t66-APR-2021\n"
    )
    before = tesseract.parse_tsv(table)
    after = [replace(before[1], text="06-APR-2021") if w is before[1] else w for w in before]
    assert [w.text for w in tesseract.parse_tsv(ocr._retext_tsv(table, before, after))] == ["Given", "06-APR-2021"]
