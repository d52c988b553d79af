"""Find the input documents, assign each to a provider and validate them without stopping."""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
import subprocess
import warnings
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from pypdf import PasswordType, PdfReader

from .config import Settings
from .errors import EncryptedPdfError, InputFileError
from .records import InputFile, Problem

log = logging.getLogger(__name__)

ACCEPTED_SUFFIXES = frozenset({".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg"})

# The driver drops this file into OUT so that OUT inside IN is never read as input.
OUTPUT_MARKER = ".recordcheck-output"

_HEAD_BYTES = 1024
_PDFINFO_TIMEOUT_S = 60.0

_ADVICE_RECOPY = (
    "copy the file again from where it came from (it may be incomplete), then run again"
)
_ADVICE_CONVERT = "save or print it as PDF (or scan it to PDF/TIFF/PNG/JPEG) and run again"


def find_inputs(
    in_dir: Path, settings: Settings, *, exclude: Iterable[Path] = ()
) -> tuple[list[InputFile], list[Problem]]:
    """Every accepted document under `in_dir`, sorted, and a Problem for each unusable one.

    Sub-folders of `in_dir` are providers; files directly in it get a provider from their
    name. Folders in `exclude` (the output folder) and folders holding OUTPUT_MARKER are
    skipped, as are hidden files and folders.
    """
    root = in_dir.absolute()
    skip = {_identity(p) for p in exclude if p.exists()}
    inputs: list[InputFile] = []
    problems: list[Problem] = []
    for path, rel, error in _walk(root, skip):
        if error is not None:
            problems.append(Problem(rel, None, "ingest", error[0], error[1]))
            continue
        try:
            inputs.append(_validate(path, rel, _provider_for(rel), settings))
        except InputFileError as exc:
            problems.append(Problem(rel, None, "ingest", exc.reason, exc.advice))
    inputs.sort(key=lambda f: (f.rel.casefold(), f.rel))
    problems.sort(key=lambda p: (p.file.casefold(), p.file))
    return inputs, problems


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-' ("City Pharmacy" -> "city-pharmacy")."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug or "unknown"


def _provider_for(rel: str) -> str:
    parts = rel.split("/")
    if len(parts) > 1:
        return parts[0]
    stem = Path(parts[0]).stem
    return slugify(stem.split("_", 1)[0] or stem)


def _identity(path: Path) -> tuple[int, int]:
    st = path.stat()
    return (st.st_dev, st.st_ino)


def _walk(
    root: Path, skip: set[tuple[int, int]]
) -> Iterable[tuple[Path, str, tuple[str, str] | None]]:
    """Yield (path, rel, error) for every visible file; follows folder links at most once.

    Each folder is entered once by its (device, inode), so a link back to an ancestor is
    reported instead of being followed forever.
    """
    seen: set[tuple[int, int]] = {_identity(root)}
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield folder, prefix.rstrip("/") or ".", _os_problem(exc, folder=True)
            continue
        subfolders: list[tuple[Path, str]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            rel = prefix + entry.name
            try:
                st = path.stat()  # follows links: ELOOP / ENOENT tell loops and broken links
            except OSError as exc:
                yield path, rel, _os_problem(exc, folder=False, link=entry.is_symlink())
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in skip or _is_output_folder(path):
                    continue
                if key in seen:
                    yield (
                        path,
                        rel,
                        (
                            "symbolic link loop: this folder link points to a folder that is "
                            "already being read",
                            "remove the link, or replace it with a copy of the files it should add",
                        ),
                    )
                    continue
                seen.add(key)
                subfolders.append((path, rel + "/"))
            elif stat.S_ISREG(st.st_mode):
                yield path, rel, None
            else:
                yield (
                    path,
                    rel,
                    (
                        "not a regular file (a device, pipe or socket)",
                        "remove it from the input folder",
                    ),
                )
        stack.extend(reversed(subfolders))


def _is_output_folder(folder: Path) -> bool:
    # A folder we may not search raises here; scandir then reports it as a problem row.
    try:
        return (folder / OUTPUT_MARKER).exists()
    except OSError:
        return False


def _os_problem(exc: OSError, *, folder: bool, link: bool = False) -> tuple[str, str]:
    if exc.errno == errno.ELOOP:
        return (
            "symbolic link loop: the link points (directly or through other links) to itself",
            "remove the link or point it at the real file",
        )
    if exc.errno == errno.ENOENT and link:
        return (
            "broken symbolic link: the file it points to does not exist",
            "remove the link or copy the real file into the input folder",
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        what = "folder" if folder else "file"
        # A folder also needs x (search) permission before its files can be opened.
        mode = "u+rx" if folder else "u+r"
        return (
            f"the {what} cannot be read (permission denied)",
            f"give your user read permission (e.g. `chmod {mode}` on the {what}) and run again",
        )
    return (f"the file cannot be read ({exc.strerror or exc})", _ADVICE_RECOPY)


def _validate(path: Path, rel: str, provider: str, settings: Settings) -> InputFile:
    size = path.stat().st_size
    if size == 0:
        raise InputFileError("the file is empty (0 bytes)", _ADVICE_RECOPY)
    limit_mb = settings.limits.max_file_mb
    if size > limit_mb * 1024 * 1024:
        raise InputFileError(
            f"the file is too large ({size / 1024 / 1024:.0f} MB, limit {limit_mb} MB)",
            "split it into smaller files, or raise [limits] max_file_mb in your config",
        )
    try:
        # Read-only, binary, and only the head: the original is never modified.
        with path.open("rb") as fh:
            head = fh.read(_HEAD_BYTES)
    except OSError as exc:
        reason, advice = _os_problem(exc, folder=False)
        raise InputFileError(reason, advice) from None
    kind = sniff_kind(head)
    suffix = path.suffix.lower()
    if kind is None:
        if suffix in ACCEPTED_SUFFIXES:
            expected = "PDF" if suffix == ".pdf" else "image"
            raise InputFileError(
                f"not a {expected}: the file starts with {_describe_head(head)}, "
                "so it is not a PDF or image despite its name",
                "check that this is the right file; re-download or re-export it as PDF",
            )
        shown = suffix or "no extension"
        raise InputFileError(
            f"unsupported file type ({shown}): {_describe_head(head)}", _ADVICE_CONVERT
        )
    pages = _pdf_page_count(path) if kind == "pdf" else _image_frame_count(path, settings)
    if pages == 0:
        raise InputFileError(
            "the document has no pages", "check the file in a viewer; export it again"
        )
    if pages > settings.limits.max_pages:
        raise InputFileError(
            f"the document has too many pages ({pages}, limit {settings.limits.max_pages})",
            "split it into smaller files, or raise [limits] max_pages in your config",
        )
    return InputFile(path=path, rel=rel, provider=provider, kind=kind, pages=pages)


def sniff_kind(head: bytes) -> str | None:
    """'pdf', 'tiff' or 'image' from the first bytes of a file; None when it is none of them."""
    # Readers accept a PDF header anywhere in the first kilobyte (some tools prepend junk).
    if b"%PDF-" in head[:_HEAD_BYTES]:
        return "pdf"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff"):
        return "image"
    return None


def _describe_head(head: bytes) -> str:
    """What a file seems to be, without quoting its content (it may be health information)."""
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP container (e.g. a Word .docx or OpenDocument file)"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        return "a HEIC photo"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old Microsoft Office document"
    if head.startswith((b"GIF8", b"BM", b"RIFF")):
        return "an image format that is not supported"
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "HTML (a web page)"
    if stripped.startswith(b"{\\rtf"):
        return "RTF text"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "unrecognised binary data"
    return "plain text"


def _pdf_page_count(path: Path) -> int:
    """Page count by pypdf, else by pdfinfo; only when both fail is the PDF corrupt."""
    pypdf_error: str
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(path, strict=False)
            if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise EncryptedPdfError()
            return len(reader.pages)
    except EncryptedPdfError:
        raise
    except Exception as exc:  # noqa: BLE001 -- any parser failure means "try Poppler"
        pypdf_error = f"{type(exc).__name__}: {exc}"
    log.debug("pypdf could not read %s (%s); trying pdfinfo", path.name, pypdf_error)
    try:
        proc = subprocess.run(
            ["pdfinfo", str(path)],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=_PDFINFO_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.debug("pdfinfo failed on %s: %s", path.name, exc)
        proc = None
    if proc is not None:
        if "Incorrect password" in proc.stderr:
            raise EncryptedPdfError()
        match = re.search(r"^Pages:\s+(\d+)", proc.stdout, re.MULTILINE)
        if proc.returncode == 0 and match:
            return int(match.group(1))
    raise InputFileError(
        "the PDF is damaged or incomplete (neither pypdf nor pdfinfo can open it)",
        "get a fresh copy from the provider or download it again; if it opens in a viewer, "
        "print it to a new PDF",
    )


def _image_frame_count(path: Path, settings: Settings) -> int:
    """Frames of a TIFF (1 for PNG/JPEG), refusing absurd sizes before any pixel is decoded."""
    limit = settings.limits.max_pixels
    pil_limit = Image.MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # Image.open reads only the header and .load() is never called here, so PIL's own
            # bomb check can step aside for ours, which can name the size and the setting.
            Image.MAX_IMAGE_PIXELS = None
            with Image.open(path) as im:
                width, height = im.size
                check_pixels(width, height, limit)
                return int(getattr(im, "n_frames", 1))
    except Image.DecompressionBombError:
        raise InputFileError(
            "the image is too large to process safely (its header claims a huge size)",
            _ADVICE_TOO_LARGE,
        ) from None
    except InputFileError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        log.debug("PIL could not read %s: %s", path.name, exc)
        raise InputFileError(
            "the image is damaged or incomplete (it cannot be decoded)", _ADVICE_RECOPY
        ) from None
    finally:
        Image.MAX_IMAGE_PIXELS = pil_limit


_ADVICE_TOO_LARGE = (
    "rescan or export it at 300 DPI, or raise [limits] max_pixels in your config if it is genuine"
)


def check_pixels(width: int, height: int, limit: int) -> None:
    """Raise InputFileError when an image is empty or larger than `limit` pixels."""
    if width <= 0 or height <= 0:
        raise InputFileError("the image has no pixels (zero width or height)", _ADVICE_RECOPY)
    if width * height > limit:
        raise InputFileError(
            f"the image is too large ({width} x {height} pixels, limit {limit:,} pixels)",
            _ADVICE_TOO_LARGE,
        )
