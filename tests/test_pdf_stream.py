"""The PDF written page by page: valid, complete, and without holding the copied pages."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen import canvas

from pipeline.pdf_stream import OutlineItem, StreamingPdfWriter, pdf_number, pdf_string


def _text_pdf(pages: list[str], size: tuple[float, float] = letter) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size, invariant=1)
    for text in pages:
        c.drawString(72, size[1] - 100, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def _write(tmp_path: Path, sources: list[bytes], **close: object) -> Path:
    out = tmp_path / "out.pdf"
    with out.open("wb") as fh:
        writer = StreamingPdfWriter(fh)
        for data in sources:
            with pikepdf.open(io.BytesIO(data)) as src:
                copier = writer.source()
                for page in src.pages:
                    copier.copy_page(page.obj)
        writer.close(**close)  # type: ignore[arg-type]
    return out


def test_pages_from_several_files_keep_order_text_and_size(tmp_path: Path) -> None:
    out = _write(tmp_path, [_text_pdf(["Lisinopril 10 mg", "page two"]), _text_pdf(["Tdap 2021"], A4)])
    reader = PdfReader(out, strict=True)
    assert [p.extract_text().strip() for p in reader.pages] == ["Lisinopril 10 mg", "page two", "Tdap 2021"]
    assert [round(float(p.mediabox.width)) for p in reader.pages] == [612, 612, 595]
    with pikepdf.open(out) as pdf:
        assert pdf.check_pdf_syntax() == []  # xref offsets, object numbers and streams all sound


def test_objects_shared_by_pages_of_one_file_are_written_once(tmp_path: Path) -> None:
    out = _write(tmp_path, [_text_pdf([f"page {n}" for n in range(6)])])
    with pikepdf.open(out) as pdf:
        fonts = {page.Resources.Font.F1.objgen for page in pdf.pages}
    assert len(fonts) == 1


def test_annotations_outline_and_info(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    note = b"<< /Type /Annot /Subtype /Text /Rect [10 10 28 28] /Contents " + pdf_string("dose: 10 µg") + b" >>"
    with out.open("wb") as fh:
        writer = StreamingPdfWriter(fh)
        with pikepdf.open(io.BytesIO(_text_pdf(["a", "b", "c"]))) as src:
            copier = writer.source()
            for n, page in enumerate(src.pages):
                copier.copy_page(page.obj, [note] if n == 1 else [])
        outline = [OutlineItem("Summary", 0), OutlineItem("clinic", 1, [OutlineItem("visit.pdf", 1), OutlineItem("b.pdf", 2)])]
        writer.close(outline, {"Title": "Records of Zoë"})
    reader = PdfReader(out, strict=True)
    assert [len(p.get("/Annots", [])) for p in reader.pages] == [0, 1, 0]
    assert reader.pages[1]["/Annots"][0].get_object()["/Contents"] == "dose: 10 µg"
    titles = [o.title if not isinstance(o, list) else [c.title for c in o] for o in reader.outline]
    assert titles == ["Summary", "clinic", ["visit.pdf", "b.pdf"]]
    assert [reader.get_destination_page_number(o) for o in reader.outline[2]] == [1, 2]
    assert reader.metadata is not None and reader.metadata.title == "Records of Zoë"
    assert reader.page_mode == "/UseOutlines"


def test_inherited_media_box_and_resources_are_carried_over(tmp_path: Path) -> None:
    src = pikepdf.new()
    src.add_blank_page(page_size=(300, 400))
    page = src.pages[0].obj
    parent = page.Parent
    parent.MediaBox = page.MediaBox
    parent.Resources = pikepdf.Dictionary(ProcSet=pikepdf.Array([pikepdf.Name.PDF]))
    del page["/MediaBox"]
    if "/Resources" in page:
        del page["/Resources"]
    buf = io.BytesIO()
    src.save(buf)
    out = _write(tmp_path, [buf.getvalue()])
    with pikepdf.open(out) as pdf:
        copied = pdf.pages[0].obj
        assert [float(v) for v in copied.MediaBox] == [0, 0, 300, 400]
        assert "/ProcSet" in copied.Resources


def test_copied_pages_are_not_kept_in_memory(tmp_path: Path) -> None:
    # Each page carries 1 MB of image data; 40 of them must not pile up while writing.
    src = pikepdf.new()
    src.add_blank_page()
    image = pikepdf.Stream(src, bytes(range(256)) * 4096, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                           Width=1024, Height=1024, ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
    src.pages[0].obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    buf = io.BytesIO()
    src.save(buf, compress_streams=False)
    data = buf.getvalue()
    tracemalloc.start()
    try:
        out = _write(tmp_path, [data] * 40)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert out.stat().st_size > 40 * 2**20
    assert peak < 8 * 2**20


@pytest.mark.parametrize(("value", "text"), [(1.0, b"1"), (0.5, b"0.5"), (-0.00001, b"0"), (612.123456, b"612.1235")])
def test_numbers_are_written_without_exponent(value: float, text: bytes) -> None:
    assert pdf_number(value) == text


def test_a_page_whose_copy_failed_half_way_leaves_a_valid_file(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    with out.open("wb") as fh:
        writer = StreamingPdfWriter(fh)
        writer.reserve()  # numbered for an object of a page that could not be read
        with pikepdf.open(io.BytesIO(_text_pdf(["placeholder"]))) as src:
            writer.source().copy_page(src.pages[0].obj)
        writer.close()
    reader = PdfReader(out, strict=True)
    assert [p.extract_text().strip() for p in reader.pages] == ["placeholder"]
    with pikepdf.open(out) as pdf:
        assert pdf.check_pdf_syntax() == []
