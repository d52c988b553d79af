"""Thin wrappers around Tesseract (through pytesseract) and Poppler: arguments, timeouts, failures."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import re
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

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


def _pytesseract() -> ModuleType:
    # Imported on first use: pytesseract imports pandas (0.15 s), and most runs never call
    # the program through it (pages go to the long-lived engine below).
    from pytesseract import pytesseract

    return pytesseract


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


@contextlib.contextmanager
def _calling(what: str, timeout_s: float) -> Iterator[None]:
    """Turn pytesseract's failures into ours: a timeout or crash is an OcrError."""
    # pytesseract passes our environment on; Tesseract's OpenMP threads would fight our
    # worker processes for the same cores.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pt = _pytesseract()
    try:
        yield
    except pt.TesseractNotFoundError:
        raise _missing("tesseract (the OCR engine)") from None
    except pt.TesseractError as exc:  # a RuntimeError too: catch it first
        raise _failed(_stderr_summary(str(exc.message))) from None
    except RuntimeError as exc:
        if "timeout" not in str(exc).lower():
            raise
        raise _too_slow(what, timeout_s) from None


def _failed(reason: str) -> OcrError:
    return OcrError(f"tesseract failed on this page: {reason}")


def _too_slow(what: str, timeout_s: float) -> OcrError:
    return OcrError(
        f"{what} took longer than {timeout_s:g} s and was stopped; "
        "rescan the page more cleanly or raise [ocr] timeout_s"
    )


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

    An empty page gives a TSV without words and an empty PDF page, not an error. A timeout
    or a crash raises OcrError. The image is passed by path, so it is never re-encoded.
    The page goes to this process's long-lived Tesseract (see pipeline.tesseract_server)
    when the library can be loaded, else to the tesseract program: the files are the same.
    """
    server = _server_for(lang, psm, oem)
    if server is not None:
        server.read(image, out_base, dpi, timeout_s)
    else:
        config = f"--dpi {dpi} --psm {psm} --oem {oem} -c tessedit_create_tsv=1"
        with _calling("OCR of this page", timeout_s):
            _pytesseract().run_tesseract(str(image), str(out_base), "pdf", lang, config=config, timeout=timeout_s)
    tsv, pdf = out_base.with_suffix(".tsv"), out_base.with_suffix(".pdf")
    if not tsv.exists():
        raise OcrError("tesseract wrote no word table for this page")
    return tsv, pdf if pdf.exists() else None


# --- the long-lived Tesseract ------------------------------------------------------------------
# Starting the tesseract program costs ~65 ms a page (loading the engine and its language
# data) on top of ~700 ms of reading: a tenth of the work. Each worker process therefore keeps
# one engine loaded in a child process of its own. A child, not the worker itself: a page that
# hangs or crashes the engine is stopped by killing the child, as the program was before.

_SERVER_START_TIMEOUT_S = 60.0
_SERVER_SCRIPT = Path(__file__).with_name("tesseract_server.py")
_server: _Server | None = None
# Set once the library proved unusable in this process: the program is used from then on.
_server_unavailable = False
# The program, not the library, for every page (tests compare the two; a fallback switch).
USE_LIBRARY = os.environ.get("RECORDCHECK_TESSERACT", "") != "program"


_ENGINE_GONE = "the OCR engine stopped unexpectedly"


class _ServerUnavailable(Exception):
    pass


class _Server:
    """A tesseract_server child process and the pipes to it."""

    def __init__(self, lang: str, psm: int, oem: int) -> None:
        self.owner = os.getpid()
        self.config = (lang, psm, oem)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-I", "-S", str(_SERVER_SCRIPT), str(os.getpid()), lang, str(psm), str(oem)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=_ENV,
                text=True,
                encoding="utf-8",
            )
        except OSError as exc:
            raise _ServerUnavailable(str(exc)) from None
        ready = self._reply(_SERVER_START_TIMEOUT_S)
        if not ready or not ready.get("ready"):
            self.close()
            raise _ServerUnavailable(str((ready or {}).get("error", "no answer")))

    def _reply(self, timeout_s: float) -> dict[str, object] | None:
        """The next answer, or None when there is none within `timeout_s` or the child is gone."""
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout_s)
        if not ready:
            return None
        line = self.proc.stdout.readline()
        try:
            answer = json.loads(line) if line else None
        except ValueError:
            answer = None
        return answer if isinstance(answer, dict) else None

    def read(self, image: Path, out_base: Path, dpi: int, timeout_s: float) -> None:
        """Write `out_base`.pdf and .tsv; OcrError on a timeout, a crash or an unreadable image."""
        answer = self._ask({"image": str(image), "out": str(out_base), "dpi": dpi}, "OCR of this page", timeout_s)
        if not answer.get("ok"):
            raise _failed(str(answer.get("error", "no message")))

    def osd(self, pgm: Path, dpi: int, timeout_s: float) -> OsdResult | None:
        """Orientation of the 8-bit PGM image `pgm`; None when Tesseract cannot tell.

        OcrError on a timeout, a crash or an unreadable image; _ServerUnavailable when this
        engine has no orientation detection.
        """
        answer = self._ask({"osd": str(pgm), "dpi": dpi}, "orientation detection", timeout_s)
        if answer.get("unsupported"):
            raise _ServerUnavailable(str(answer.get("error", "no orientation detection")))
        if not answer.get("ok"):
            raise _failed(str(answer.get("error", "no message")))
        rotate, confidence = answer.get("rotate"), answer.get("confidence")
        if not isinstance(rotate, int) or not isinstance(confidence, (int, float)):
            return None
        return OsdResult(rotate % 360, float(confidence))

    def _ask(self, request: dict[str, object], what: str, timeout_s: float) -> dict[str, object]:
        """Send one request and wait for its answer; OcrError when the engine is stuck or gone."""
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
        except OSError:
            self.close()
            raise _failed(_ENGINE_GONE) from None
        answer = self._reply(timeout_s)
        if answer is None:
            timed_out = self.proc.poll() is None
            self.close()
            raise _too_slow(what, timeout_s) if timed_out else _failed(_ENGINE_GONE)
        return answer

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


def _server_for(lang: str, psm: int, oem: int) -> _Server | None:
    """This process's Tesseract child for these settings (started on first use), or None."""
    global _server, _server_unavailable
    if not USE_LIBRARY or _server_unavailable:
        return None
    if _server is not None and _server.owner != os.getpid():
        _server = None  # inherited through fork: that child serves the parent, not us
    if _server is not None and (_server.config != (lang, psm, oem) or _server.proc.poll() is not None):
        _server.close()
        _server = None
    if _server is None:
        try:
            _server = _Server(lang, psm, oem)
        except _ServerUnavailable as exc:
            log.debug("the Tesseract library cannot be used (%s); running the program instead", exc)
            _server_unavailable = True
            return None
    return _server


def run_tsv(image: Path, *, lang: str, psm: int, dpi: int, timeout_s: float) -> list[Word]:
    """A quick word table (no PDF); used to compare candidate orientations."""
    with _calling("the orientation check", timeout_s):
        text = _pytesseract().image_to_data(
            str(image), lang=lang, config=f"--dpi {dpi} --psm {psm}", timeout=timeout_s
        )
    return parse_tsv(str(text))


# Set once this process's engine proved to have no orientation detection.
_server_osd_unavailable = False


def run_osd(
    image: Path, *, dpi: int, timeout_s: float, engine: tuple[str, int, int] | None = None
) -> OsdResult | None:
    """Tesseract's orientation detection (--psm 0); None when it cannot decide.

    With `engine` (the OCR's lang, psm and oem) and an 8-bit PGM `image`, the detection runs
    in this process's long-lived Tesseract (see run_ocr): the same answer without starting
    the program (~0.2 s less a page). Otherwise, or when that engine cannot, the program runs.
    """
    global _server_osd_unavailable
    server = None
    if engine is not None and not _server_osd_unavailable and image.suffix.lower() == ".pgm":
        server = _server_for(*engine)
    if server is not None:
        try:
            return server.osd(image, dpi, timeout_s)
        except _ServerUnavailable as exc:
            log.debug("the Tesseract library has no orientation detection (%s); running the program", exc)
            _server_osd_unavailable = True
        except OcrError as exc:
            log.debug("OSD gave no answer: %s", exc)
            return None
    try:
        with _calling("orientation detection", timeout_s):
            out = str(_pytesseract().image_to_osd(str(image), config=f"--dpi {dpi} --psm 0", timeout=timeout_s))
    except OcrError as exc:
        # "Too few characters" / "Error during processing": no opinion, not a failure.
        log.debug("OSD gave no answer: %s", exc)
        return None
    rotate = re.search(r"^Rotate:\s*(\d+)", out, re.MULTILINE)
    conf = re.search(r"^Orientation confidence:\s*([\d.]+)", out, re.MULTILINE)
    if rotate is None or conf is None:
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
            block, par, ln, wn, left, top, width, height = map(int, cols[2:10])
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
