"""Turn each page of an input document into a grayscale PNG in the work folder, one at a time."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
import math
import shutil
import subprocess
import warnings
import zlib
from collections.abc import Container, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pikepdf
from PIL import Image, ImageOps
from pypdf import PdfReader
from pypdf.generic import ContentStream, IndirectObject

from .config import Settings
from .errors import InputFileError
from .ingest import check_pixels, slugify
from .records import InputFile, PageImage, Problem

log = logging.getLogger(__name__)

# Part of the source cache key (ocr.source_key): bump when a change here changes the page image
# made from the same input page.
VERSION = "1"

# A page image whose DPI metadata implies a sheet outside these sizes (inches, long side) has
# a meaningless DPI (72 is a common default); it is then estimated from a Letter page.
_PLAUSIBLE_LONG_SIDE_IN = (3.0, 20.0)
_LETTER_IN = (8.5, 11.0)
_EXIF_ORIENTATION = 0x0112
# Embedded page images below this are too coarse to take as they are: render instead.
_MIN_EMBEDDED_DPI = 70.0
# An image may differ by this fraction from the page box and still count as covering it.
_COVER_TOLERANCE = 0.02
# Downscale only when the image is this much finer than the OCR DPI (avoid pointless resampling).
_DOWNSCALE_SLACK = 1.05
# Operators that draw nothing (reportlab and others emit empty BT/ET blocks on scan pages).
_TEXT_STATE_OPS = frozenset(
    {b"BT", b"ET", b"Tf", b"TL", b"Tc", b"Tw", b"Tz", b"Ts", b"Tr", b"Td", b"TD", b"Tm", b"T*"}
)
_LOSSLESS_FILTERS = frozenset(
    {
        "/ASCII85Decode",
        "/ASCIIHexDecode",
        "/FlateDecode",
        "/CCITTFaxDecode",
        "/JBIG2Decode",
        "/LZWDecode",
        "/RunLengthDecode",
        "/DCTDecode",
    }
)

# Stream wrappers that carry a JPEG unchanged once undone (reportlab wraps in ASCII85).
_GENERAL_FILTERS = frozenset({"/ASCII85Decode", "/ASCIIHexDecode", "/FlateDecode"})

_ADVICE_PAGE = (
    "open the page in a viewer; if it looks fine, print the document to a new PDF and run again"
)


def work_path(work_dir: Path, file_rel: str, page: int, step: str, suffix: str) -> Path:
    """work_dir/<doc>/000003_<step><suffix>; <doc> is unique per input file."""
    digest = hashlib.sha256(file_rel.encode("utf-8")).hexdigest()[:8]
    folder = work_dir / f"{slugify(file_rel)[:60]}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{page:06d}_{step}{suffix}"


def rasterize_pages(
    input_file: InputFile,
    work_dir: Path,
    settings: Settings,
    pages: Container[int] | None = None,
) -> Iterator[PageImage | Problem]:
    """Yield one PageImage (or a Problem) per page, in order; only one page is held at a time.

    `pages` (1-based numbers) limits the work to those pages, e.g. the ones not cached yet.
    """
    if input_file.kind == "pdf":
        yield from _pdf_pages(input_file, work_dir, settings, pages)
    else:
        yield from _image_pages(input_file, work_dir, settings, pages)


# --- PDF ---------------------------------------------------------------------------------


def _open_pdf(path: Path) -> PdfReader | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(path, strict=False)
            if reader.is_encrypted:
                reader.decrypt("")
            len(reader.pages)
            return reader
    except Exception as exc:  # noqa: BLE001 -- Poppler may still render what pypdf cannot parse
        log.debug("pypdf cannot read %s (%s); rendering without text layer", path.name, exc)
        return None


def _pdf_pages(
    input_file: InputFile, work_dir: Path, settings: Settings, pages: Container[int] | None
) -> Iterator[PageImage | Problem]:
    reader = _open_pdf(input_file.path)
    images = _ImageSource(input_file.path)
    try:
        for n in range(1, input_file.pages + 1):
            if pages is not None and n not in pages:
                continue
            try:
                yield _pdf_page(input_file, reader, images, n, work_dir, settings)
            except InputFileError as exc:
                yield Problem(input_file.rel, n, "rasterize", exc.reason, exc.advice)
    finally:
        images.close()


def _pdf_page(
    input_file: InputFile,
    reader: PdfReader | None,
    images: _ImageSource,
    n: int,
    work_dir: Path,
    settings: Settings,
) -> PageImage:
    out = work_path(work_dir, input_file.rel, n, "raster", ".pgm")
    text, size_pt, embedded = "", None, None
    if reader is not None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                page = reader.pages[n - 1]
                box = page.cropbox
                unit = float(page.get("/UserUnit", 1) or 1)
                size_pt = (abs(float(box.width)) * unit, abs(float(box.height)) * unit)
                text = (page.extract_text() or "").strip()
                if not text:
                    embedded = _single_page_image(page)
        except Exception as exc:  # noqa: BLE001 -- a damaged page may still render
            log.debug("pypdf cannot read page %d of %s: %s", n, input_file.path.name, exc)
    if (
        embedded is not None
        and embedded.dpi >= _MIN_EMBEDDED_DPI
        and embedded.width * embedded.height <= settings.limits.max_pixels
    ):
        try:
            path, dpi = images.extract(n, embedded, out, settings)
            return _page_image(input_file, n, path, dpi, "embedded", text)
        except Exception as exc:  # noqa: BLE001 -- Poppler renders what pikepdf cannot decode
            # JBIG2 without jbig2dec, odd CCITT parameters, damaged streams: render instead.
            log.debug("embedded image of page %d unusable (%s); rendering", n, exc)
    dpi = settings.ocr.dpi
    if size_pt is not None:
        pixels = (size_pt[0] / 72 * dpi) * (size_pt[1] / 72 * dpi)
        if pixels > settings.limits.max_pixels:
            # An oversized page (a poster, a bad /MediaBox) is rendered coarser, not refused.
            dpi = int(dpi * math.sqrt(settings.limits.max_pixels / pixels))
            if dpi < 50:
                raise InputFileError(
                    "the page is too large to render (its page size is absurd)", _ADVICE_PAGE
                )
            log.warning("page %d is very large; rendering it at %d DPI", n, dpi)
    _render(input_file.path, n, dpi, out, settings.ocr.timeout_s)
    return _page_image(input_file, n, out, dpi, "raster", text)


def _render(pdf: Path, n: int, dpi: int, out: Path, timeout_s: float) -> None:
    # PGM, not -png: this pdftoppm writes RGB PNGs even with -gray, and PGM costs nothing to
    # write or read (the work file lives for seconds; the worker removes it after OCR).
    pgm = out.with_suffix(".pgm")
    args = [
        "pdftoppm", "-f", str(n), "-l", str(n), "-r", str(dpi), "-gray",
        "-singlefile", str(pdf), str(out.with_suffix("")),
    ]  # fmt: skip
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        pgm.unlink(missing_ok=True)
        raise InputFileError(
            f"rendering the page took longer than {timeout_s:g} s", _ADVICE_PAGE
        ) from None
    if proc.returncode != 0 or not pgm.exists():
        log.debug("pdftoppm failed on page %d: %s", n, proc.stderr.strip()[-300:])
        pgm.unlink(missing_ok=True)
        raise InputFileError("the page cannot be rendered (it is damaged)", _ADVICE_PAGE)


@dataclass(frozen=True)
class _Embedded:
    name: str  # the image's name in the page's /XObject resources
    dpi: float
    width: int
    height: int


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _single_page_image(page: Any) -> _Embedded | None:
    """The page's only content when it is one upright image filling the page, else None.

    Strict on purpose: any other drawing operator, a mask, a decode array, an unusual colour
    space or a page rotation means the image alone would not look like the rendered page.
    """
    if int(page.get("/Rotate", 0) or 0) % 360 != 0:
        return None
    contents = page.get_contents()
    if contents is None:
        return None
    ops = ContentStream(contents, page.pdf).operations
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    drawn: list[tuple[str, list[float]]] = []
    for operands, op in ops:
        if op in _TEXT_STATE_OPS:
            continue
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop() if stack else ctm
        elif op == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            m0 = ctm
            ctm = [
                a * m0[0] + b * m0[2], a * m0[1] + b * m0[3],
                c * m0[0] + d * m0[2], c * m0[1] + d * m0[3],
                e * m0[0] + f * m0[2] + m0[4], e * m0[1] + f * m0[3] + m0[5],
            ]  # fmt: skip
        elif op == b"Do":
            drawn.append((str(operands[0]), ctm))
        else:
            return None
    if len(drawn) != 1:
        return None
    name, (a, b, c, d, e, f) = drawn[0]
    xobjects = _resolve(_resolve(page.get("/Resources", {})).get("/XObject", {}))
    image = _resolve(xobjects.get(name))
    if image is None or image.get("/Subtype") != "/Image":
        return None
    if any(k in image for k in ("/SMask", "/Mask", "/Decode")) or image.get("/ImageMask"):
        return None
    if _resolve(image.get("/ColorSpace")) not in ("/DeviceGray", "/DeviceRGB"):
        return None
    filters = _resolve(image.get("/Filter"))
    names = [str(x) for x in filters] if isinstance(filters, list) else [str(filters or "")]
    if any(f and f not in _LOSSLESS_FILTERS for f in names):
        return None
    if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
        return None
    box = page.cropbox
    left, bottom = float(box.left), float(box.bottom)
    pw, ph = abs(float(box.width)), abs(float(box.height))
    tol_x, tol_y = pw * _COVER_TOLERANCE, ph * _COVER_TOLERANCE
    if not (
        abs(e - left) <= tol_x and abs(f - bottom) <= tol_y
        and abs(a - pw) <= tol_x and abs(d - ph) <= tol_y
    ):  # fmt: skip
        return None
    width, height = int(image["/Width"]), int(image["/Height"])
    xdpi, ydpi = width / (a / 72), height / (d / 72)
    if abs(xdpi - ydpi) > 0.02 * xdpi:
        return None
    return _Embedded(name=name, dpi=(xdpi + ydpi) / 2, width=width, height=height)


class _ImageSource:
    """Reads embedded page images straight from the PDF's streams (pikepdf), opened on demand.

    A JPEG stream is written out byte for byte: no decoding here, and Tesseract later embeds
    those same bytes in its PDF. Other streams are decoded once into an 8-bit PGM.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pdf: pikepdf.Pdf | None = None

    def extract(
        self, n: int, embedded: _Embedded, out: Path, settings: Settings
    ) -> tuple[Path, int]:
        if self._pdf is None:
            self._pdf = pikepdf.open(self.path)
        xobject = self._pdf.pages[n - 1].Resources.XObject[embedded.name]
        if not isinstance(xobject, pikepdf.Stream):
            raise ValueError("the page's image is not a stream")
        image = pikepdf.PdfImage(xobject)
        if (image.width, image.height) != (embedded.width, embedded.height):
            raise ValueError("image size differs from what the page draws")
        target = settings.ocr.dpi
        filters = [str(f) for f in image.filters]
        if (
            filters[-1:] == ["/DCTDecode"]
            and set(filters[:-1]) <= _GENERAL_FILTERS
            and not any(image.decode_parms[:-1])  # no predictors in the wrappers
            and embedded.dpi <= target * _DOWNSCALE_SLACK
            and image.bits_per_component == 8
            and str(image.colorspace) in ("/DeviceGray", "/DeviceRGB")
        ):
            jpg = out.with_suffix(".jpg")
            jpg.write_bytes(_unwrap(xobject.read_raw_bytes(), filters[:-1]))
            with Image.open(jpg) as im:  # reads the header only
                if im.size != (image.width, image.height) or im.mode not in ("L", "RGB"):
                    jpg.unlink()
                    raise ValueError("the JPEG stream does not match its PDF dictionary")
            return jpg, round(embedded.dpi)
        with _pil_limit(settings):
            decoded = image.as_pil_image()
        try:
            return out, _save_gray(decoded, embedded.dpi, out, settings)
        finally:
            decoded.close()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def _unwrap(data: bytes, filters: list[str]) -> bytes:
    """Undo the general filters in front of a JPEG (qpdf decodes a chain whole or not at all)."""
    for name in filters:
        if name == "/ASCII85Decode":
            text = b"".join(data.split()).removesuffix(b"~>")
            data = base64.a85decode(text)
        elif name == "/ASCIIHexDecode":
            data = bytes.fromhex(b"".join(data.split()).removesuffix(b">").decode("ascii"))
        elif name == "/FlateDecode":
            data = zlib.decompress(data)
        else:
            raise ValueError(f"cannot undo {name}")
    return data


# --- TIFF, PNG, JPEG ---------------------------------------------------------------------


@contextlib.contextmanager
def _pil_limit(settings: Settings) -> Iterator[None]:
    """Let PIL decode up to our own (already checked) pixel limit, and no further."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = settings.limits.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def _image_pages(
    input_file: InputFile, work_dir: Path, settings: Settings, pages: Container[int] | None
) -> Iterator[PageImage | Problem]:
    try:
        with _pil_limit(settings), Image.open(input_file.path) as im:
            for n in range(1, input_file.pages + 1):
                if pages is not None and n not in pages:
                    continue
                try:
                    im.seek(n - 1)
                    out = work_path(work_dir, input_file.rel, n, "raster", ".pgm")
                    dpi = _image_dpi(im, input_file.rel, n)
                    check_pixels(im.width, im.height, settings.limits.max_pixels)
                    if _usable_as_is(im, dpi, settings):
                        out = out.with_suffix(".jpg")
                        shutil.copyfile(input_file.path, out)
                    else:
                        dpi = _save_gray(im, dpi, out, settings)
                    yield _page_image(input_file, n, out, round(dpi), "image", "")
                except InputFileError as exc:
                    yield Problem(input_file.rel, n, "rasterize", exc.reason, exc.advice)
                except (
                    OSError,
                    ValueError,
                    EOFError,
                    SyntaxError,
                    Image.DecompressionBombError,
                ) as exc:
                    log.debug("frame %d of %s cannot be decoded: %s", n, input_file.path.name, exc)
                    yield Problem(
                        input_file.rel, n, "rasterize",
                        "the page image is damaged or incomplete (it cannot be decoded)",
                        "copy the file again from where it came from, or rescan the page",
                    )  # fmt: skip
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        log.debug("cannot open %s: %s", input_file.path.name, exc)
        yield Problem(
            input_file.rel, None, "rasterize",
            "the image cannot be opened (it is damaged or incomplete)",
            "copy the file again from where it came from, or rescan it",
        )  # fmt: skip


def _usable_as_is(im: Image.Image, dpi: float, settings: Settings) -> bool:
    """A plain JPEG photo or scan that needs no scaling or turning: copied, never decoded."""
    return (
        im.format == "JPEG"
        and im.mode in ("L", "RGB")
        and dpi <= settings.ocr.dpi * _DOWNSCALE_SLACK
        and im.getexif().get(_EXIF_ORIENTATION, 1) == 1
    )


def _image_dpi(im: Image.Image, rel: str, page: int) -> float:
    """DPI from the image metadata, or estimated as if the image were a US Letter page."""
    width, height = im.size
    raw = im.info.get("dpi")
    if raw is not None:
        try:
            dpi = float(raw[0]) if isinstance(raw, tuple) else float(raw)
        except (TypeError, ValueError):
            dpi = 0.0
        if dpi > 0:
            long_side_in = max(width, height) / dpi
            lo, hi = _PLAUSIBLE_LONG_SIDE_IN
            if lo <= long_side_in <= hi:
                return dpi
    estimated = estimate_letter_dpi(width, height)
    # DEBUG: file names may carry patient names.
    log.debug(
        "%s page %d: no usable DPI in the image; assumed a US Letter page (~%d DPI)",
        rel, page, estimated,
    )  # fmt: skip
    return estimated


def estimate_letter_dpi(width: int, height: int) -> int:
    """The DPI an image of this size would have if it were a whole US Letter page."""
    return round(math.sqrt(width * height / (_LETTER_IN[0] * _LETTER_IN[1])))


def _save_gray(im: Image.Image, dpi: float, out: Path, settings: Settings) -> int:
    """Write `im` as an 8-bit grayscale PGM no finer than the OCR DPI; return the DPI written."""
    target = settings.ocr.dpi
    factor = target / dpi if dpi > target * _DOWNSCALE_SLACK else 1.0
    long_side = round(max(im.size) * factor)
    if factor < 1.0 and im.format == "JPEG":
        # JPEG can decode straight at a reduced scale: far less memory for huge photos.
        im.draft("L", (math.ceil(im.width * factor), math.ceil(im.height * factor)))
    frame = ImageOps.exif_transpose(im) if im.format == "JPEG" else im
    gray = _to_gray(frame)
    if factor < 1.0 and max(gray.size) != long_side:
        f = long_side / max(gray.size)
        size = (max(1, round(gray.width * f)), max(1, round(gray.height * f)))
        gray = gray.resize(size, Image.Resampling.LANCZOS)
    written = target if factor < 1.0 else round(dpi)
    # PGM: nothing to compress or decompress, and the file lives only until the page is read.
    gray.save(out, format="PPM")
    return written


def _to_gray(im: Image.Image) -> Image.Image:
    if im.mode == "L":
        return im
    if im.mode.startswith("I"):
        # 16-bit scans: keep the top 8 bits instead of letting convert() clip to white.
        arr = np.asarray(im, dtype=np.uint32)
        peak = 65535 if arr.max(initial=0) > 255 else 255
        return Image.fromarray((arr * 255 // peak).astype(np.uint8), mode="L")
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        # Transparent areas are paper, not black.
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("L")
    return im.convert("L")


def _page_image(
    input_file: InputFile, n: int, out: Path, dpi: int, source: str, text: str
) -> PageImage:
    with Image.open(out) as im:
        width, height = im.size
    return PageImage(
        provider=input_file.provider,
        file=input_file.rel,
        page=n,
        image_path=out,
        dpi=int(dpi),
        width=width,
        height=height,
        source=source,
        text_layer=text,
    )
