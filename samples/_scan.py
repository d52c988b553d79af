"""Turn a born-digital PDF into an image-only "scanned" PDF: rasterize, degrade, re-wrap."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import cv2
import numpy as np
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from ._model import ScanProfile


def rasterize_page(pdf: Path, page: int, dpi: int, work: Path) -> np.ndarray:
    """One page as an 8-bit grey image, rendered by Poppler at the scan resolution."""
    prefix = work / f"{pdf.stem}-{page:03d}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(prefix)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    img = cv2.imread(str(prefix) + ".pgm", cv2.IMREAD_GRAYSCALE)
    if img is None:
        raise RuntimeError(f"pdftoppm wrote no image for {pdf.name} page {page}")
    return img


def degrade_page(img: np.ndarray, profile: ScanProfile, rng: np.random.Generator) -> np.ndarray:
    """Make a clean rendering look scanned: paper tone, tilt, blur, grain, border, turn."""
    page = img.astype(np.float32)
    if profile.fax:
        # A fax is 1-bit: threshold, then lose a few pixels and gain some specks.
        page = np.where(page < 150, 0.0, 255.0).astype(np.float32)
        flips = rng.random(page.shape, dtype=np.float32)
        page[flips < 0.0015] = 255.0
        page[flips > 0.9992] = 0.0
    # Ink is never pure black and paper never pure white.
    page = 28.0 + page * (profile.paper - 28.0) / 255.0
    h, w = page.shape
    if profile.skew:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), profile.skew, 1.0)
        page = np.asarray(cv2.warpAffine(
            page, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
            borderValue=float(profile.paper),
        ), dtype=np.float32)  # fmt: skip
    # A gentle left-to-right illumination falloff, as under a scanner lamp.
    page *= np.linspace(1.0, 0.975, w, dtype=np.float32)[None, :]
    if profile.blur:
        page = np.asarray(cv2.GaussianBlur(page, (0, 0), profile.blur), dtype=np.float32)
    # Sensor grain is correlated over neighbouring pixels; drawing it at a third of the
    # resolution looks like a scan and keeps the JPEG small.
    grain = rng.standard_normal((h // 3 + 1, w // 3 + 1), dtype=np.float32)
    page += cv2.resize(grain, (w, h), interpolation=cv2.INTER_LINEAR) * profile.noise
    if profile.border:
        b = profile.border
        framed = np.full((h + 2 * b, w + 2 * b), 38.0, dtype=np.float32)
        framed += rng.standard_normal(framed.shape, dtype=np.float32) * 6.0
        # The page sits a little off-centre on the glass.
        oy, ox = b - b // 3, b + b // 4
        framed[oy : oy + h, ox : ox + w] = page[: h, : w]
        page = framed
    out = np.clip(page, 0, 255).astype(np.uint8)
    if profile.rotation:
        out = np.ascontiguousarray(np.rot90(out, k=-(profile.rotation // 90)))
    return out


def encode_jpeg(img: np.ndarray, quality: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return buf.tobytes()


def write_image_pdf(pages: list[tuple[bytes, int, int, int]], out: Path) -> None:
    """An image-only PDF, one JPEG per page, page size set so the image has its scan DPI.

    `pages` holds (jpeg bytes, width px, height px, dpi). reportlab copies JPEG data
    into the PDF without re-encoding and names an image by its content (a file name
    would put the temp folder's random name into the PDF); invariant mode keeps the
    bytes reproducible.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    # reportlab wraps binary streams in ASCII85 by default, which adds a quarter to the
    # size of every JPEG; a scanner writes them raw.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        c = canvas.Canvas(str(out), invariant=1)
        for jpeg, width, height, dpi in pages:
            size = (width * 72.0 / dpi, height * 72.0 / dpi)
            c.setPageSize(size)
            c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=size[0], height=size[1])
            c.showPage()
        c.save()
    finally:
        rl_config.useA85 = saved
