"""OCR one cleaned page: one Tesseract run gives the word table and the searchable one-page PDF."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from pathlib import Path

from . import tesseract
from .config import Settings
from .rasterize import work_path
from .records import OcrPage, PageImage, Word

log = logging.getLogger(__name__)

# Bump when the cached files or their parsing change, so old entries are never reused.
CACHE_FORMAT = "1"


def ocr_page(
    page: PageImage, work_dir: Path, settings: Settings, cache_dir: Path | None
) -> OcrPage:
    """Words and one-page PDF of `page`; served from `cache_dir` when this image was seen before.

    Raises errors.OcrError when Tesseract times out or crashes.
    """
    out_base = work_path(work_dir, page.file, page.page, "ocr", "")
    pdf_out = out_base.with_suffix(".pdf")
    key = cache_key(page.image_path, page.dpi, settings) if cache_dir is not None else ""
    if cache_dir is not None:
        cached_tsv, cached_pdf = cache_dir / f"{key}.tsv", cache_dir / f"{key}.pdf"
        if cached_tsv.is_file() and cached_pdf.is_file():
            try:
                words = tesseract.parse_tsv(cached_tsv.read_text(encoding="utf-8"))
                shutil.copyfile(cached_pdf, pdf_out)
                return _result(page, words, pdf_out, cached=True)
            except OSError as exc:
                log.debug("cache entry %s unreadable (%s); running OCR", key, exc)
    ocr = settings.ocr
    tsv, pdf = tesseract.run_ocr(
        page.image_path,
        out_base,
        lang=ocr.lang,
        psm=ocr.psm,
        oem=ocr.oem,
        dpi=page.dpi,
        timeout_s=ocr.timeout_s,
    )
    words = tesseract.parse_tsv(tsv.read_text(encoding="utf-8", errors="replace"))
    if cache_dir is not None and pdf is not None:
        _store(cache_dir, key, tsv, pdf)
    return _result(page, words, pdf, cached=False)


def cache_key(image: Path, dpi: int, settings: Settings) -> str:
    """sha256 of the image bytes, the Tesseract version and every setting that changes OCR."""
    digest = hashlib.sha256()
    with image.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    ocr = settings.ocr
    version = tesseract.tesseract_version()
    extra = f"|{version}|{ocr.lang}|{ocr.psm}|{ocr.oem}|{dpi}|{CACHE_FORMAT}"
    digest.update(extra.encode("utf-8"))
    return digest.hexdigest()


def _store(cache_dir: Path, key: str, tsv: Path, pdf: Path) -> None:
    """Copy both files into the cache under temporary names, then rename: never half-written."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        # PDF first: a reader takes an entry only when the TSV exists too.
        for src, suffix in ((pdf, ".pdf"), (tsv, ".tsv")):
            tmp = cache_dir / f".{key}.{os.getpid()}{suffix}.tmp"
            shutil.copyfile(src, tmp)
            os.replace(tmp, cache_dir / f"{key}{suffix}")
    except OSError as exc:
        # A cache that cannot be written only costs time on the next run.
        log.warning("could not write the OCR cache in %s: %s", cache_dir, exc)


def _result(page: PageImage, words: list[Word], pdf: Path | None, *, cached: bool) -> OcrPage:
    return OcrPage(
        provider=page.provider,
        file=page.file,
        page=page.page,
        dpi=page.dpi,
        width=page.width,
        height=page.height,
        words=tuple(words),
        pdf_path=pdf,
        cached=cached,
        rotation=page.rotation,
        skew=page.skew,
    )
