"""A long-lived Tesseract for one worker: pages read through the library, without a start-up each.

Started by pipeline.tesseract as `python -I -S tesseract_server.py PARENT_PID LANG PSM OEM`: a
script on its own, importing nothing from the package.
It loads libtesseract once, then reads one JSON request a line on stdin and answers each with
one JSON line; its first line says whether it is ready, and whether the library was spared the
PNG round trip of its line images ("fast_lines", see "line images" below; the environment
variable RECORDCHECK_TESSERACT_AS_IS=1 leaves the library as it is). The worker enforces the
time limit by killing this process.

- {"image", "out", "dpi"}: read a page. {"ok": true} once `out`.pdf and `out`.tsv are written,
  else {"ok": false, "error": ...}. The files are those of
  `tesseract IMAGE OUT --dpi D --psm P --oem O -l LANG pdf tsv`: the PDF made by the same
  library calls, the word table written here from the same results (see WordTable).
- {"osd", "dpi"}: orientation detection on the 8-bit PGM file `osd`, as `tesseract --psm 0`
  does it: {"ok": true, "rotate": clockwise degrees, "confidence": ...}, with "rotate" null
  when Tesseract cannot tell. The OSD engine is loaded on the first such request (few pages
  ever need one); without it the answer is {"ok": false, "unsupported": true, ...}.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import mmap
import os
import platform
import signal
import struct
import sys
from pathlib import Path
from typing import Any, TextIO

# Set to 1 to leave libtesseract as it is (see "line images"): line images PNG-compressed.
AS_IS_VARIABLE = "RECORDCHECK_TESSERACT_AS_IS"
# prctl(2) option: the signal this process gets when the thread that started it ends.
_PR_SET_PDEATHSIG = 1
# The C API functions orientation detection needs beyond those of reading a page, with their
# (result type, argument types): a library without them still reads pages.
_P, _S, _I, _F = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_float)
_OSD_SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "TessBaseAPIInit3": (_I, [_P, _S, _S]),
    "TessBaseAPISetImage": (None, [_P, _S, _I, _I, _I, _I]),
    "TessBaseAPISetSourceResolution": (None, [_P, _I]),
    "TessBaseAPIDetectOrientationScript": (_I, [_P, ctypes.POINTER(_I), _F, ctypes.POINTER(_S), _F]),
}
# And those that walk the results for the word table (see WordTable), with leptonica's two
# for the page's size.
_TABLE_SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "TessBaseAPIGetIterator": (_P, [_P]),
    "TessBaseAPIGetInputImage": (_P, [_P]),
    "TessResultIteratorGetPageIterator": (_P, [_P]),
    "TessResultIteratorNext": (_I, [_P, _I]),
    "TessResultIteratorConfidence": (ctypes.c_float, [_P, _I]),
    "TessResultIteratorGetUTF8Text": (_P, [_P, _I]),
    "TessResultIteratorDelete": (None, [_P]),
    "TessPageIteratorIsAtBeginningOf": (_I, [_P, _I]),
    "TessPageIteratorBoundingBox": (_I, [_P, _I, *[ctypes.POINTER(_I)] * 4]),
    "TessDeleteText": (None, [_P]),
}
_LEPTONICA_SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "pixGetWidth": (_I, [_P]),
    "pixGetHeight": (_I, [_P]),
}
# Tesseract's PageIteratorLevel.
_BLOCK, _PARA, _LINE, _WORD = 0, 1, 2, 3
_TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
# Tried in turn: the soname of Tesseract 5 first (no ldconfig scan needed), then any version.
_LIBRARY_NAMES = ("libtesseract.so.5",)


def _die_with_parent(parent: int) -> None:
    # A worker that is killed or interrupted must not leave this process holding a core.
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the end of stdin still stops us, after the current page
    if os.getppid() != parent:
        sys.exit(0)  # the worker went before prctl took effect


def load_library() -> ctypes.CDLL:
    """libtesseract with the argument types of the C API functions used here.

    Raises OSError when no usable library is installed.
    """
    names = [*_LIBRARY_NAMES, ctypes.util.find_library("tesseract")]
    errors = []
    for name in filter(None, names):
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError as exc:
            errors.append(str(exc))
    else:
        raise OSError("; ".join(errors) or "libtesseract not found")
    p, s, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    signatures: dict[str, tuple[Any, list[Any]]] = {
        "TessVersion": (s, []),
        "TessBaseAPICreate": (p, []),
        "TessBaseAPIDelete": (None, [p]),
        "TessBaseAPIInit2": (i, [p, s, s, i]),
        "TessBaseAPISetPageSegMode": (None, [p, i]),
        "TessBaseAPISetVariable": (i, [p, s, s]),
        "TessBaseAPIGetDatapath": (s, [p]),
        "TessBaseAPIProcessPages": (i, [p, s, s, i, p]),
        "TessPDFRendererCreate": (p, [s, s, i]),
        "TessTsvRendererCreate": (p, [s]),
        "TessResultRendererInsert": (None, [p, p]),
        "TessDeleteResultRenderer": (None, [p]),
    }
    for name, (restype, argtypes) in signatures.items():
        fn = getattr(lib, name)  # AttributeError: a library without the C API
        fn.restype, fn.argtypes = restype, argtypes
    _bind(lib, {**_OSD_SIGNATURES, **_TABLE_SIGNATURES})  # optional: users check with _has
    return lib


def _bind(lib: ctypes.CDLL, signatures: dict[str, tuple[Any, list[Any]]]) -> bool:
    """Give each function of `signatures` that `lib` has its types; True when it has them all."""
    for name, (restype, argtypes) in signatures.items():
        fn = getattr(lib, name, None)
        if fn is not None:
            fn.restype, fn.argtypes = restype, argtypes
    return _has(lib, signatures)


def _has(lib: ctypes.CDLL, signatures: dict[str, tuple[Any, list[Any]]]) -> bool:
    return all(hasattr(lib, name) for name in signatures)


def load_leptonica() -> ctypes.CDLL | None:
    """Leptonica (which libtesseract is linked with), for the size of a page; None if absent."""
    for name in ("liblept.so.5", ctypes.util.find_library("lept"), ctypes.util.find_library("leptonica")):
        if not name:
            continue
        try:
            lept = ctypes.CDLL(name)
        except OSError:
            continue
        if _bind(lept, _LEPTONICA_SIGNATURES):
            return lept
    return None


# --- line images ------------------------------------------------------------------------------
# Spare Tesseract a PNG round trip of every text line it recognizes.
#
# Tesseract 5 hands each line to its LSTM recognizer as an ImageData, which keeps the line's
# pixels PNG-compressed (Leptonica's pixWriteMem with IFF_PNG) and decompresses them at once
# to read them. Sampled with py-spy on 12 bench pages, that compression and decompression
# took 10.4% of the time Tesseract spent on a page; nothing keeps the PNG.
#
# Newer Tesseract builds can keep the pixels as they are (TESSERACT_IMAGEDATA_AS_PIX); the
# one installed here cannot be told to. So, in the long-lived engine's own process only, the
# library's link to pixWriteMem (its GOT entry) is pointed at pixWriteMemSpix, Leptonica's
# uncompressed serialization, which pixReadMem reads back exactly: the recognizer sees the
# same pixels and the word tables and PDFs are byte-identical (tests compare them; so did
# all 94 sample pages). A page took 7-8% less time. libtesseract 5.3 calls pixWriteMem there
# and in its debugging viewer only (objdump), and this process never opens the viewer.
#
# Used only when every check holds: an x86-64 ELF library whose relocation for pixWriteMem
# is found, whose entry holds exactly the address of Leptonica's pixWriteMem, and a Leptonica
# with pixWriteMemSpix. pixWriteMem takes one argument more (the format), which the callee
# ignores: the x86-64 C calling convention passes it in a register and the caller cleans up.
# Anything else leaves the library as it is.

# ELF: 64-bit, little-endian, x86-64; relocation sections and the types that fill a GOT entry.
_ELF_MAGIC = b"\x7fELF"
_ELFCLASS64, _ELFDATA2LSB, _EM_X86_64 = 2, 1, 62
_SHT_RELA = 4
_R_X86_64_GLOB_DAT, _R_X86_64_JUMP_SLOT = 6, 7
_PROT_READ, _PROT_WRITE, _PROT_EXEC = 1, 2, 4


class _DlInfo(ctypes.Structure):
    _fields_ = [
        ("dli_fname", ctypes.c_char_p),
        ("dli_fbase", ctypes.c_void_p),
        ("dli_sname", ctypes.c_char_p),
        ("dli_saddr", ctypes.c_void_p),
    ]


def relocation_offsets(elf: bytes, symbol: str) -> list[int]:
    """Where the GOT entries for `symbol` lie, relative to the library's load address.

    [] for anything but a 64-bit little-endian x86-64 ELF file, or one without them.
    """
    if len(elf) < 64 or elf[:4] != _ELF_MAGIC or elf[4] != _ELFCLASS64 or elf[5] != _ELFDATA2LSB:
        return []
    (machine,) = struct.unpack_from("<H", elf, 0x12)
    (section_table,) = struct.unpack_from("<Q", elf, 0x28)
    entry_size, count = struct.unpack_from("<HH", elf, 0x3A)
    if machine != _EM_X86_64 or entry_size < 64:
        return []
    wanted = symbol.encode()
    try:
        # (type, offset, size, link) of each section header
        sections = [
            struct.unpack_from("<4xI16xQQI", elf, section_table + i * entry_size) for i in range(count)
        ]
        found = []
        for kind, offset, size, link in sections:
            if kind != _SHT_RELA or link == 0:
                continue
            symbols = sections[link][1]
            names = sections[sections[link][3]][1]
            for at in range(offset, offset + size - 23, 24):
                where, info = struct.unpack_from("<QQ", elf, at)
                kind_of, index = info & 0xFFFFFFFF, info >> 32
                if kind_of not in (_R_X86_64_GLOB_DAT, _R_X86_64_JUMP_SLOT) or index == 0:
                    continue
                (name_at,) = struct.unpack_from("<I", elf, symbols + index * 24)
                start = names + name_at
                if elf[start : elf.index(b"\0", start)] == wanted:
                    found.append(where)
        return found
    except (struct.error, IndexError, ValueError):
        return []  # a truncated or unusual file: leave the library alone


def _protection(address: int) -> int | None:
    """The page protection of the mapping holding `address`, from /proc/self/maps."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    for line in maps.splitlines():
        span, perms = line.split()[:2]
        low, high = (int(x, 16) for x in span.split("-"))
        if low <= address < high:
            flags = {"r": _PROT_READ, "w": _PROT_WRITE, "x": _PROT_EXEC}
            return sum(flags[c] for c in perms[:3] if c in flags)
    return None


def loaded_from(lib: ctypes.CDLL) -> tuple[int, Path] | None:
    """The address `lib` is loaded at and the file it was loaded from, or None (not known)."""
    try:
        dladdr = ctypes.CDLL(None).dladdr
    except (OSError, AttributeError):
        return None
    dladdr.argtypes = [ctypes.c_void_p, ctypes.POINTER(_DlInfo)]
    info = _DlInfo()
    anchor = ctypes.cast(lib.TessBaseAPICreate, ctypes.c_void_p).value
    if not dladdr(anchor, ctypes.byref(info)) or not info.dli_fname or not info.dli_fbase:
        return None
    return info.dli_fbase, Path(os.fsdecode(info.dli_fname))


def uncompress_line_images(lib: ctypes.CDLL, lept: ctypes.CDLL) -> bool:
    """Point `lib`'s pixWriteMem at pixWriteMemSpix (see "line images"); True when done."""
    if platform.machine() != "x86_64" or not hasattr(lept, "pixWriteMemSpix"):
        return False
    loaded = loaded_from(lib)
    if loaded is None:
        return False
    base, path = loaded
    try:
        mprotect = ctypes.CDLL(None).mprotect
        elf = path.read_bytes()
    except (OSError, AttributeError):
        return False
    mprotect.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    current = ctypes.cast(lept.pixWriteMem, ctypes.c_void_p).value
    spix = ctypes.cast(lept.pixWriteMemSpix, ctypes.c_void_p).value
    done = False
    for offset in relocation_offsets(elf, "pixWriteMem"):
        address = base + offset
        entry = ctypes.c_void_p.from_address(address)
        protection = _protection(address)
        # The entry must hold the resolved address: anything else and this is not the GOT
        # entry we think it is (or the library binds lazily).
        if entry.value != current or protection is None:
            continue
        page = address & ~(mmap.PAGESIZE - 1)
        writable = bool(protection & _PROT_WRITE)
        if not writable and mprotect(page, mmap.PAGESIZE, protection | _PROT_WRITE) != 0:
            continue
        entry.value = spix
        if not writable:  # read-only again, as the loader left it (RELRO)
            mprotect(page, mmap.PAGESIZE, protection)
        done = True
    return done


class WordTable:
    """The TSV word table of the page just read, written from the engine's results.

    The same bytes as Tesseract's own TSV output, for less: on bench pages its renderer took
    ~20 ms to make a 300 DPI page's table, this walk of the results a word at a time ~5 ms
    (5 ms less a page all told). Rows, numbering and number formats follow that output; a
    test compares the two on a text page, a blank page and a two-column page.
    """

    def __init__(self, lib: ctypes.CDLL, lept: ctypes.CDLL) -> None:
        self.lib, self.lept = lib, lept

    def write(self, api: int, path: str) -> bool:
        """Write the table to `path`; False when there are no results to write."""
        lib = self.lib
        image = lib.TessBaseAPIGetInputImage(api)
        if not image:
            return False
        width, height = self.lept.pixGetWidth(image), self.lept.pixGetHeight(image)
        rows = [_TSV_HEADER, f"1\t1\t0\t0\t0\t0\t0\t0\t{width}\t{height}\t-1\t\n"]
        results = lib.TessBaseAPIGetIterator(api)
        if results:
            try:
                self._rows(results, rows)
            finally:
                lib.TessResultIteratorDelete(results)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("".join(rows))
        return True

    def _rows(self, results: int, rows: list[str]) -> None:
        lib = self.lib
        page = lib.TessResultIteratorGetPageIterator(results)
        corners = [ctypes.c_int() for _ in range(4)]
        refs = [ctypes.byref(c) for c in corners]

        def box(level: int) -> str | None:
            if not lib.TessPageIteratorBoundingBox(page, level, *refs):
                return None  # nothing at this level here
            left, top, right, bottom = (c.value for c in corners)
            return f"{left}\t{top}\t{right - left}\t{bottom - top}"

        block = par = line = word = 0
        while box(_BLOCK) is not None:
            word_box = box(_WORD)
            if word_box is None:
                lib.TessResultIteratorNext(results, _WORD)
                continue
            if lib.TessPageIteratorIsAtBeginningOf(page, _BLOCK):
                block, par, line, word = block + 1, 0, 0, 0
                rows.append(f"2\t1\t{block}\t0\t0\t0\t{box(_BLOCK)}\t-1\t\n")
            if lib.TessPageIteratorIsAtBeginningOf(page, _PARA):
                par, line, word = par + 1, 0, 0
                rows.append(f"3\t1\t{block}\t{par}\t0\t0\t{box(_PARA)}\t-1\t\n")
            if lib.TessPageIteratorIsAtBeginningOf(page, _LINE):
                line, word = line + 1, 0
                rows.append(f"4\t1\t{block}\t{par}\t{line}\t0\t{box(_LINE)}\t-1\t\n")
            word += 1
            conf = lib.TessResultIteratorConfidence(results, _WORD)
            text_ptr = lib.TessResultIteratorGetUTF8Text(results, _WORD)
            text = ctypes.string_at(text_ptr).decode("utf-8", "replace") if text_ptr else ""
            if text_ptr:
                lib.TessDeleteText(text_ptr)
            rows.append(f"5\t1\t{block}\t{par}\t{line}\t{word}\t{word_box}\t{conf:.6f}\t{text}\n")
            if not lib.TessResultIteratorNext(results, _WORD):
                break


class Reader:
    """One initialised Tesseract engine."""

    def __init__(self, lib: ctypes.CDLL, lang: str, psm: int, oem: int) -> None:
        self.lib = lib
        self.api = lib.TessBaseAPICreate()
        if not self.api or lib.TessBaseAPIInit2(self.api, None, lang.encode(), oem) != 0:
            raise OSError(f"tesseract could not load the language data for {lang!r}")
        lib.TessBaseAPISetPageSegMode(self.api, psm)
        self.datapath = lib.TessBaseAPIGetDatapath(self.api)
        # Without the functions it needs, Tesseract's own TSV renderer writes the table.
        lept = load_leptonica()
        self.table = WordTable(lib, lept) if lept is not None and _has(lib, _TABLE_SIGNATURES) else None

    def close(self) -> None:
        """Free the engine (a process that ends frees it anyway)."""
        if self.api:
            self.lib.TessBaseAPIDelete(self.api)
            self.api = None

    def read(self, image: str, out: str, dpi: int) -> str | None:
        """Write `out`.pdf and `out`.tsv for `image`; None on success, else what went wrong."""
        lib = self.lib
        lib.TessBaseAPISetVariable(self.api, b"user_defined_dpi", str(dpi).encode())
        base = out.encode()
        pdf = lib.TessPDFRendererCreate(base, self.datapath, 0)
        tsv = lib.TessTsvRendererCreate(base) if self.table is None else None
        if not pdf or (self.table is None and not tsv):
            for renderer in (pdf, tsv):
                if renderer:
                    lib.TessDeleteResultRenderer(renderer)
            return "tesseract could not open its output files"
        if tsv:
            lib.TessResultRendererInsert(pdf, tsv)
        try:
            ok = lib.TessBaseAPIProcessPages(self.api, image.encode(), None, 0, pdf)
        finally:
            lib.TessDeleteResultRenderer(pdf)  # deletes the chain, closing the files
        if ok and self.table is not None:
            try:
                ok = self.table.write(self.api, out + ".tsv")
            except OSError:
                return "tesseract could not open its output files"
        return None if ok else "Tesseract could not read the page image"


class Orienter:
    """An engine with Tesseract's orientation data (osd.traineddata) loaded."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        if not _has(lib, _OSD_SIGNATURES):
            raise OSError("this libtesseract has no orientation detection")
        self.lib = lib
        self.api = lib.TessBaseAPICreate()
        if not self.api or lib.TessBaseAPIInit3(self.api, None, b"osd") != 0:
            raise OSError("tesseract could not load its orientation data (osd)")
        lib.TessBaseAPISetPageSegMode(self.api, 0)  # PSM_OSD_ONLY

    def detect(self, pgm: str, dpi: int) -> tuple[int, float] | None:
        """(clockwise degrees that turn the image upright, confidence), or None: cannot tell."""
        width, height, pixels = read_pgm(pgm)
        lib = self.lib
        lib.TessBaseAPISetVariable(self.api, b"user_defined_dpi", str(dpi).encode())
        lib.TessBaseAPISetImage(self.api, pixels, width, height, 1, width)
        lib.TessBaseAPISetSourceResolution(self.api, dpi)
        degrees, confidence = ctypes.c_int(), ctypes.c_float()
        script, script_confidence = ctypes.c_char_p(), ctypes.c_float()
        found = lib.TessBaseAPIDetectOrientationScript(
            self.api, ctypes.byref(degrees), ctypes.byref(confidence), ctypes.byref(script),
            ctypes.byref(script_confidence),
        )  # fmt: skip
        if not found:
            return None
        # Tesseract reports how far the text is turned counter-clockwise; the program prints
        # the clockwise turn that undoes it as "Rotate".
        return (360 - degrees.value) % 360, round(confidence.value, 2)


def read_pgm(path: str) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary 8-bit PGM (P5) file; ValueError for anything else."""
    with open(path, "rb") as fh:
        data = fh.read()
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while pos < len(data) and data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":  # a comment, to the end of its line
            pos = data.find(b"\n", pos)
            if pos < 0:
                break
            continue
        end = pos
        while end < len(data) and not data[end : end + 1].isspace():
            end += 1
        if end == pos:
            break
        fields.append(data[pos:end])
        pos = end
    if len(fields) < 4 or fields[0] != b"P5" or not all(f.isdigit() for f in fields[1:]):
        raise ValueError("not an 8-bit PGM image")
    width, height, maxval = (int(f) for f in fields[1:])
    pixels = data[pos + 1 : pos + 1 + width * height]  # one whitespace byte after the header
    if maxval != 255 or width == 0 or height == 0 or len(pixels) != width * height:
        raise ValueError("not an 8-bit PGM image")
    return width, height, pixels


def _answer(channel: TextIO, **reply: object) -> None:
    channel.write(json.dumps(reply) + "\n")
    channel.flush()


def main(argv: list[str]) -> int:
    parent, lang, psm, oem = int(argv[0]), argv[1], int(argv[2]), int(argv[3])
    _die_with_parent(parent)
    # Ctrl-C is the parent's to handle; it stops us by closing stdin or killing us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Replies go on a copy of stdout; the library's own messages (fd 1 included) go to stderr.
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    try:
        reader = Reader(load_library(), lang, psm, oem)
    except (OSError, AttributeError) as exc:
        _answer(channel, ready=False, error=str(exc))
        return 1
    lept = load_leptonica()
    fast_lines = (
        os.environ.get(AS_IS_VARIABLE) != "1"
        and lept is not None
        and uncompress_line_images(reader.lib, lept)
    )
    version = reader.lib.TessVersion().decode(errors="replace")
    _answer(channel, ready=True, version=version, fast_lines=fast_lines)
    orienter: Orienter | OSError | None = None
    for line in sys.stdin:
        try:
            request = json.loads(line)
            if "osd" in request:
                if orienter is None:
                    try:
                        orienter = Orienter(reader.lib)
                    except OSError as exc:
                        orienter = exc
                if isinstance(orienter, OSError):
                    _answer(channel, ok=False, unsupported=True, error=str(orienter))
                    continue
                found = orienter.detect(str(request["osd"]), int(request["dpi"]))
                rotate, confidence = found if found is not None else (None, None)
                _answer(channel, ok=True, rotate=rotate, confidence=confidence)
                continue
            error = reader.read(str(request["image"]), str(request["out"]), int(request["dpi"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            error = f"bad request ({exc})"
        if error is None:
            _answer(channel, ok=True)
        else:
            _answer(channel, ok=False, error=error)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
