"""Thin wrappers around the tesseract and Poppler binaries: arguments, timeouts, known failures."""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import MissingDependencyError, OcrError
from .records import Word

log = logging.getLogger(__name__)

INSTALL_COMMAND = "sudo apt-get install -y tesseract-ocr tesseract-ocr-eng poppler-utils"

# Tesseract's OpenMP threads fight with our worker processes for the same cores.
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}

_TSV_HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)
_TSV_COLUMNS = 12


@dataclass(frozen=True)
class OsdResult:
    """Tesseract's orientation guess: degrees to turn the image clockwise, and how sure it is."""

    rotate: int
    confidence: float


def _missing(what: str) -> MissingDependencyError:
    return MissingDependencyError(f"{what} is not installed; install it with: {INSTALL_COMMAND}")


@functools.cache
def tesseract_version() -> str:
    """The tesseract version string; checked once per process.

    Raises MissingDependencyError when the binary or its English data is missing.
    """
    exe = shutil.which("tesseract")
    if exe is None:
        raise _missing("tesseract (the OCR engine)")
    try:
        out = subprocess.run(
            [exe, "--version"], capture_output=True, text=True, timeout=30, env=_ENV, check=False
        )
        langs = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, env=_ENV, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _missing(f"a working tesseract ({exc})") from None
    # Older releases print the version on stderr.
    text = (out.stdout or "") + (out.stderr or "")
    match = re.search(r"tesseract\s+v?(\d+\.\d+(?:\.\d+)?\S*)", text)
    if out.returncode != 0 or match is None:
        raise _missing("a working tesseract")
    available = {line.strip() for line in (langs.stdout + langs.stderr).splitlines()}
    if "eng" not in available:
        raise _missing("tesseract's English language data (tesseract-ocr-eng)")
    return match.group(1)


@functools.cache
def poppler_version() -> str:
    """The Poppler version (pdftoppm, pdfinfo); raises MissingDependencyError when missing."""
    for tool in ("pdftoppm", "pdfinfo"):
        if shutil.which(tool) is None:
            raise _missing(f"{tool} (Poppler)")
    try:
        out = subprocess.run(
            ["pdftoppm", "-v"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _missing(f"a working pdftoppm ({exc})") from None
    match = re.search(r"version\s+(\S+)", out.stdout + out.stderr)
    return match.group(1) if match else "unknown"


def check_dependencies() -> None:
    """Raise MissingDependencyError unless tesseract (with English) and Poppler are installed."""
    tesseract_version()
    poppler_version()


def _run(args: list[str], timeout_s: float, what: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            args, capture_output=True, text=True, timeout=timeout_s, env=_ENV, check=False
        )
    except subprocess.TimeoutExpired:
        raise OcrError(
            f"{what} took longer than {timeout_s:g} s and was stopped; "
            "rescan the page more cleanly or raise [ocr] timeout_s"
        ) from None
    except FileNotFoundError:
        raise _missing("tesseract (the OCR engine)") from None


def _stderr_summary(stderr: str) -> str:
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    return "; ".join(lines[-3:]) or "no message"


def run_ocr(
    image: Path,
    out_base: Path,
    *,
    lang: str,
    psm: int,
    oem: int,
    dpi: int,
    timeout_s: float,
) -> tuple[Path, Path | None]:
    """One tesseract run writing `out_base`.tsv and `out_base`.pdf; returns both paths.

    An empty page gives a TSV without words (and the PDF if tesseract wrote one), not an
    error. A timeout or a crash raises OcrError.
    """
    args = [
        "tesseract", str(image), str(out_base),
        "--dpi", str(dpi), "--psm", str(psm), "--oem", str(oem), "-l", lang,
        "tsv", "pdf",
    ]  # fmt: skip
    proc = _run(args, timeout_s, "OCR of this page")
    tsv, pdf = out_base.with_suffix(".tsv"), out_base.with_suffix(".pdf")
    if proc.returncode != 0:
        raise OcrError(f"tesseract failed on this page: {_stderr_summary(proc.stderr)}")
    if "Empty page!!" in proc.stderr:
        if not tsv.exists():
            tsv.write_text(_TSV_HEADER + "\n", encoding="utf-8")
        return tsv, pdf if pdf.exists() else None
    if not tsv.exists() or not pdf.exists():
        raise OcrError(f"tesseract wrote no output for this page: {_stderr_summary(proc.stderr)}")
    return tsv, pdf


def run_tsv(image: Path, *, lang: str, psm: int, dpi: int, timeout_s: float) -> list[Word]:
    """A quick word table on stdout (no PDF); used to compare candidate orientations."""
    args = [
        "tesseract", str(image), "stdout",
        "--dpi", str(dpi), "--psm", str(psm), "-l", lang, "tsv",
    ]  # fmt: skip
    proc = _run(args, timeout_s, "the orientation check")
    if proc.returncode != 0:
        raise OcrError(f"tesseract failed on this page: {_stderr_summary(proc.stderr)}")
    return parse_tsv(proc.stdout)


def run_osd(image: Path, *, dpi: int, timeout_s: float) -> OsdResult | None:
    """Tesseract's orientation detection (--psm 0); None when it cannot decide."""
    args = ["tesseract", str(image), "-", "--dpi", str(dpi), "--psm", "0"]
    proc = _run(args, timeout_s, "orientation detection")
    out = proc.stdout + proc.stderr
    rotate = re.search(r"^Rotate:\s*(\d+)", out, re.MULTILINE)
    conf = re.search(r"^Orientation confidence:\s*([\d.]+)", out, re.MULTILINE)
    if rotate is None or conf is None:
        # "Too few characters" / "Error during processing": no opinion, not a failure.
        log.debug("OSD gave no answer: %s", _stderr_summary(proc.stderr))
        return None
    return OsdResult(int(rotate.group(1)) % 360, float(conf.group(1)))


def parse_tsv(text: str) -> list[Word]:
    """Word rows (level 5, non-empty text) of a tesseract TSV table."""
    words: list[Word] = []
    for line in text.splitlines()[1:]:
        cols = line.split("\t", _TSV_COLUMNS - 1)
        if len(cols) < _TSV_COLUMNS or cols[0] != "5":
            continue
        word_text = cols[11].strip()
        if not word_text:
            continue
        try:
            block, par, ln, wn, left, top, width, height = (int(c) for c in cols[2:10])
            conf = float(cols[10])
        except ValueError:
            continue
        words.append(
            Word(
                text=word_text,
                conf=conf,
                bbox=(left, top, left + width, top + height),
                block=block,
                par=par,
                line=ln,
                word=wn,
            )
        )
    return words
