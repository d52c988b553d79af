"""OCR one cleaned page: one Tesseract run gives the word table and the searchable one-page PDF."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
import shutil
import statistics
from pathlib import Path

import cv2

from . import normalize, tesseract
from .config import Settings
from .errors import OcrError
from .rasterize import work_path
from .records import OcrPage, PageImage, Problem, Word

log = logging.getLogger(__name__)

# Bump when the cached files or their parsing change, so old entries are never reused.
CACHE_FORMAT = "3"  # 3: impossible dates get a second look before the entry is stored
# A page reads badly when the median confidence of its real words is below this (upright
# text of any usable scan sits near 90; upside-down text near 30) ...
_POOR_MEDIAN_CONF = 60.0
# ... judged only when there are enough words to judge by.
_MIN_WORDS_TO_JUDGE = 12


def ocr_page(
    page: PageImage, work_dir: Path, settings: Settings, cache_dir: Path | None
) -> OcrPage:
    """Words and one-page PDF of `page`; served from `cache_dir` when this image was seen before.

    With a cache the returned pdf_path is the cache's own file (never copied back).
    Raises errors.OcrError when Tesseract times out or crashes.
    """
    key = cache_key(page.image_path, page.dpi, settings) if cache_dir is not None else ""
    if cache_dir is not None:
        hit = _cached_words(cache_dir, key)
        if hit is not None:
            return _result(page, hit, cache_dir / f"{key}.pdf", cached=True)
    out_base = work_path(work_dir, page.file, page.page, f"ocr{_variant(page)}", "")
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
    table = tsv.read_text(encoding="utf-8", errors="replace")
    words = tesseract.parse_tsv(table)
    relooked = _second_look(page, words, work_dir, settings)
    if relooked != words:
        # The cache keeps what the second look read, so a re-run needs neither look again.
        tsv.write_text(_retext_tsv(table, words, relooked), encoding="utf-8")
        words = relooked
    if cache_dir is not None and pdf is not None:
        pdf = _store(cache_dir, key, tsv, pdf)
    return _result(page, words, pdf, cached=False)


# A word that reads as an impossible date ("66-APR-2021": a 0 misread on a fax) is read again,
# cut out with a margin and enlarged, as one line of text; the new reading is kept only when
# it is a real date. Few words qualify, so this costs nothing on most pages.
_RELOOK_SCALE = 3
_RELOOK_MARGINS = (4, 8)  # pixels around the word's box, tried in turn
_RELOOK_MAX = 10  # words a page, at most


def _impossible_date(text: str) -> bool:
    if sum(map(str.isdigit, text)) < 2:
        return False  # every date has digits: most words are done with here, on every page
    found = normalize.find_dates(text)
    return len(found) == 1 and not found[0].valid and len(found[0].raw) >= len(text.strip(".,;:()")) - 1


def _second_look(page: PageImage, words: list[Word], work_dir: Path, settings: Settings) -> list[Word]:
    suspects = [i for i, w in enumerate(words) if _impossible_date(w.text)][:_RELOOK_MAX]
    if not suspects:
        return words
    image = cv2.imread(str(page.image_path), cv2.IMREAD_GRAYSCALE)
    if image is None:
        return words
    out = list(words)
    for i in suspects:
        w = words[i]
        for margin in _RELOOK_MARGINS:
            x0, y0 = max(0, w.bbox[0] - margin), max(0, w.bbox[1] - margin)
            crop = image[y0 : w.bbox[3] + margin, x0 : w.bbox[2] + margin]
            if crop.size == 0:
                break
            big = cv2.resize(crop, None, fx=_RELOOK_SCALE, fy=_RELOOK_SCALE, interpolation=cv2.INTER_CUBIC)
            probe = work_path(work_dir, page.file, page.page, f"relook{i}-{margin}", ".png")
            try:
                cv2.imwrite(str(probe), big)
                again = tesseract.run_tsv(
                    probe, lang=settings.ocr.lang, psm=7, dpi=page.dpi * _RELOOK_SCALE, timeout_s=settings.ocr.timeout_s
                )
            except OcrError:
                continue
            finally:
                probe.unlink(missing_ok=True)
            text = _OCR_ZERO.sub("0", "".join(x.text for x in again))
            found = normalize.find_dates(text)
            if len(found) == 1 and found[0].valid and found[0].raw == text.strip(".,;:"):
                log.debug("second look read page %d word %d as a valid date", page.page, i)
                out[i] = dataclasses.replace(w, text=text)
                break
    return out


# An O read for a 0 beside digits ("O6-APR-2021")
_OCR_ZERO = re.compile(r"(?<![A-Za-z])[Oo](?=\d)|(?<=\d)[Oo](?![A-Za-z])")


def _retext_tsv(table: str, before: list[Word], after: list[Word]) -> str:
    """The TSV `table` with the text of each re-read word replaced (matched by its box)."""
    changed = {
        (b.bbox, b.text): a.text for b, a in zip(before, after, strict=True) if b.text != a.text
    }
    lines = table.splitlines()
    for n, line in enumerate(lines):
        cols = line.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        try:
            left, top, width, height = (int(c) for c in cols[6:10])
        except ValueError:
            continue
        new = changed.get(((left, top, left + width, top + height), cols[11].strip()))
        if new is not None:
            cols[11] = new
            lines[n] = "\t".join(cols)
    return "\n".join(lines) + "\n"


def _variant(page: PageImage) -> str:
    # A page OCR'd again after turning it must not overwrite the first reading's files.
    return f"-turn{page.rotation}" if "_turn" in page.image_path.name else ""


def cache_key(image: Path, dpi: int, settings: Settings, salt: str = "") -> str:
    """sha256 of the image bytes, the Tesseract version and every setting that changes OCR.

    `salt` adds whatever else the cached result depends on (the cleaning, for page entries).
    """
    digest = hashlib.sha256()
    with image.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    ocr = settings.ocr
    version = tesseract.tesseract_version()
    extra = f"|{version}|{ocr.lang}|{ocr.psm}|{ocr.oem}|{dpi}|{CACHE_FORMAT}|{salt}"
    digest.update(extra.encode("utf-8"))
    return digest.hexdigest()


def _cached_words(cache_dir: Path, key: str) -> list[Word] | None:
    tsv, pdf = cache_dir / f"{key}.tsv", cache_dir / f"{key}.pdf"
    # The PDF is stored first: a TSV means the entry is complete.
    if not (tsv.is_file() and pdf.is_file()):
        return None
    try:
        return tesseract.parse_tsv(tsv.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        log.debug("cache entry %s unreadable (%s); running OCR", key, exc)
        return None


def _store(cache_dir: Path, key: str, tsv: Path, pdf: Path) -> Path:
    """Move both files into the cache (renames, no copies); return where the PDF now is."""
    try:
        # The cache holds the text of health records: this user's eyes only.
        cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        # PDF first: a reader takes an entry only when the TSV exists too.
        for src, suffix in ((pdf, ".pdf"), (tsv, ".tsv")):
            _put(src, cache_dir / f"{key}{suffix}", keep_source=suffix == ".tsv")
        return cache_dir / f"{key}.pdf"
    except OSError as exc:
        # A cache that cannot be written only costs time on the next run.
        log.warning("could not write the OCR cache in %s: %s", cache_dir, exc)
        return pdf


def _put(src: Path, dest: Path, *, keep_source: bool) -> None:
    """Place `src` at `dest` atomically: a rename when possible, else copy and rename."""
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    if keep_source:
        shutil.copyfile(src, tmp)
    else:
        try:
            os.replace(src, tmp)
        except OSError:  # another file system
            shutil.copyfile(src, tmp)
    os.chmod(tmp, 0o600)
    os.replace(tmp, dest)


def reading_confidence(page: OcrPage) -> float | None:
    """Median Tesseract confidence of the page's real words (two letters or digits or more).

    None when the page has too few words to judge.
    """
    confs = [w.conf for w in page.words if w.conf >= 0 and sum(map(str.isalnum, w.text)) >= 2]
    if len(confs) < _MIN_WORDS_TO_JUDGE:
        return None
    return float(statistics.median(confs))


def reads_poorly(page: OcrPage) -> bool:
    """True when the text came out mostly as low-confidence garbage (upside down, say)."""
    conf = reading_confidence(page)
    return conf is not None and conf < _POOR_MEDIAN_CONF


# --- whole-page cache ---------------------------------------------------------------------------
# Keyed by the page as rasterized (before cleaning), so that a re-run skips cleaning as well as
# OCR: the entry records what cleaning decided and points at the OCR entry above.


def load_page(cache_dir: Path, key: str, page: PageImage) -> tuple[OcrPage, list[Problem]] | None:
    """The cached result of cleaning and reading `page`, or None."""
    meta_path = cache_dir / f"{key}.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        words = _cached_words(cache_dir, str(meta["ocr"]))
        if words is None:
            return None
        clean = dataclasses.replace(
            page,
            width=int(meta["width"]),
            height=int(meta["height"]),
            rotation=int(meta["rotation"]),
            skew=float(meta["skew"]),
        )
        problems = [
            Problem(page.file, page.page, str(stage), str(reason), str(advice))
            for stage, reason, advice in meta["problems"]
        ]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.debug("page cache entry %s unusable (%s)", key, exc)
        return None
    return _result(clean, words, cache_dir / f"{meta['ocr']}.pdf", cached=True), problems


def store_page(cache_dir: Path, key: str, result: OcrPage, problems: list[Problem]) -> bool:
    """Remember `result` (whose PDF must already be a cache entry) under the page key.

    True when the entry is in place.
    """
    if result.pdf_path is None or result.pdf_path.parent != cache_dir:
        return False
    meta = {
        "ocr": result.pdf_path.stem,
        "width": result.width,
        "height": result.height,
        "rotation": result.rotation,
        "skew": result.skew,
        "problems": [[p.stage, p.reason, p.advice] for p in problems],
    }
    return write_entry(cache_dir, f"{key}.json", meta)


def write_entry(cache_dir: Path, name: str, data: object) -> bool:
    """Write the entry `name` of `cache_dir` as JSON, whole or not at all, for this user only.

    False when it cannot be written: a cache that cannot be written only costs time on the
    next run.
    """
    tmp = cache_dir / f".{name}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.chmod(tmp, 0o600)
        os.replace(tmp, cache_dir / name)
    except OSError as exc:
        log.warning("could not write the cache in %s: %s", cache_dir, exc)
        tmp.unlink(missing_ok=True)
        return False
    return True


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


# --- source cache -------------------------------------------------------------------------------
# Keyed by the input file's bytes and the page number, so that a re-run finds a page without
# even taking it out of its file: no rendering, no image to hash, no worker. The entry only
# points at the whole-page entry above; that entry's own key (made from the page image) is
# what a page found in another file, or after a change to rasterizing, is looked up by.


def file_digest(path: Path) -> str:
    """sha256 of a whole input file."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_key(file_sha: str, page: int, settings: Settings, salt: str) -> str:
    """Key of page `page` of the file whose sha256 is `file_sha`.

    `salt` holds what else shapes the page image and its cleaning (code versions, the cleaning
    settings); with every setting and tool version that changes the image or its reading.
    """
    ocr = dataclasses.replace(settings.ocr, jobs=0, timeout_s=0.0)
    parts = [
        "source",
        file_sha,
        str(page),
        repr(ocr),
        repr(settings.limits),
        tesseract.tesseract_version(),
        tesseract.poppler_version(),
        CACHE_FORMAT,
        salt,
    ]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def load_source(
    cache_dir: Path, key: str, provider: str, file: str, page: int
) -> tuple[OcrPage, list[Problem]] | None:
    """The cached reading of a page found by its source key, or None."""
    try:
        meta = json.loads((cache_dir / f"{key}.src.json").read_text(encoding="utf-8"))
        stub = PageImage(
            provider=provider,
            file=file,
            page=page,
            image_path=cache_dir / f"{key}.src.json",  # never opened: a cached page needs no image
            dpi=int(meta["dpi"]),
            width=0,
            height=0,
        )
        page_key = str(meta["page"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.debug("source cache entry %s unusable (%s)", key, exc)
        return None
    return load_page(cache_dir, page_key, stub)


def store_source(cache_dir: Path, key: str, page_key: str, dpi: int) -> None:
    """Point the source key at the whole-page entry `page_key` (which must be stored already)."""
    write_entry(cache_dir, f"{key}.src.json", {"page": page_key, "dpi": dpi})
