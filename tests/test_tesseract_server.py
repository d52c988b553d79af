"""The long-lived Tesseract of each worker: same output as the program, stopped and replaced cleanly."""

from __future__ import annotations

import json
import os
import platform
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

from pipeline import tesseract, tesseract_server
from pipeline.errors import OcrError

DPI = 300
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINES = ["Allergies: penicillin (hives)", "Atorvastatin 40 mg at bedtime", "Tdap given 03/14/2022"]


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    im = Image.new("L", (2550, 1200), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 52) if FONT.exists() else ImageFont.load_default(52)
    for n, text in enumerate(LINES):
        draw.text((250, 250 + 250 * n), text, font=font, fill=0)
    path = tmp_path_factory.mktemp("server") / "page.jpg"
    im.save(path, quality=90)
    return path


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A process with no Tesseract child yet, and the library allowed."""
    monkeypatch.setattr(tesseract, "_server", None)
    monkeypatch.setattr(tesseract, "_server_unavailable", False)
    monkeypatch.setattr(tesseract, "USE_LIBRARY", True)
    yield
    if tesseract._server is not None:
        tesseract._server.close()


def _read(image: Path, out: Path, timeout_s: float = 60) -> tuple[Path, Path | None]:
    return tesseract.run_ocr(image, out, lang="eng", psm=3, oem=1, dpi=DPI, timeout_s=timeout_s)


def test_library_and_program_write_the_same_word_table_and_text_layer(
    tmp_path: Path, image: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    tsv_lib, pdf_lib = _read(image, tmp_path / "lib")
    assert tesseract._server is not None  # the page went to the library
    monkeypatch.setattr(tesseract, "USE_LIBRARY", False)
    tsv_prog, pdf_prog = _read(image, tmp_path / "prog")
    assert tsv_lib.read_text() == tsv_prog.read_text()
    words = [w.text for w in tesseract.parse_tsv(tsv_lib.read_text())]
    assert words[3:8] == ["Atorvastatin", "40", "mg", "at", "bedtime"]
    assert pdf_lib is not None and pdf_prog is not None
    lib_text, prog_text = (PdfReader(p).pages[0].extract_text() for p in (pdf_lib, pdf_prog))
    assert lib_text == prog_text and "penicillin" in lib_text


def test_one_engine_serves_many_pages(tmp_path: Path, image: Path, fresh: None) -> None:
    _read(image, tmp_path / "a")
    server = tesseract._server
    assert server is not None
    for n in range(3):
        _read(image, tmp_path / f"b{n}")
    assert tesseract._server is server and server.proc.poll() is None


def test_a_page_over_the_time_limit_is_stopped_and_the_next_page_is_read(
    tmp_path: Path, image: Path, fresh: None
) -> None:
    _read(image, tmp_path / "warm")  # the engine is loaded: the limit is the page's alone
    stuck = tesseract._server
    assert stuck is not None
    with pytest.raises(OcrError, match=r"took longer than 0.01 s and was stopped; rescan"):
        _read(image, tmp_path / "slow", timeout_s=0.01)
    assert stuck.proc.poll() is not None  # killed, not left running
    tsv, _ = _read(image, tmp_path / "next")
    assert "penicillin" in tsv.read_text()
    assert tesseract._server is not stuck


def test_an_engine_that_dies_mid_page_is_an_ocr_error_then_replaced(
    tmp_path: Path, image: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _read(image, tmp_path / "warm")
    server = tesseract._server
    assert server is not None
    original = server._reply

    def die_first(timeout_s: float) -> dict[str, object] | None:
        os.kill(server.proc.pid, signal.SIGKILL)  # a crash inside the engine
        server.proc.wait()
        return original(timeout_s)

    monkeypatch.setattr(server, "_reply", die_first)
    with pytest.raises(OcrError, match="tesseract failed on this page: the OCR engine stopped"):
        _read(image, tmp_path / "crash")
    tsv, _ = _read(image, tmp_path / "after")
    assert "Atorvastatin" in tsv.read_text()


def test_unreadable_image_is_an_ocr_error_and_the_engine_stays(tmp_path: Path, fresh: None, image: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff not really a jpeg")
    with pytest.raises(OcrError, match="tesseract failed on this page"):
        _read(broken, tmp_path / "broken")
    server = tesseract._server
    assert server is not None and server.proc.poll() is None
    _read(image, tmp_path / "fine")
    assert tesseract._server is server


def test_a_forked_process_starts_its_own_engine(tmp_path: Path, image: Path, fresh: None) -> None:
    _read(image, tmp_path / "parent")
    parent_server = tesseract._server
    assert parent_server is not None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: a worker forked from a process that had an engine
        try:
            _read(image, tmp_path / "child")
            child = tesseract._server
            ok = child is not None and child.proc.pid != parent_server.proc.pid
            os.write(write_end, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.close(write_end)
    answer = os.read(read_end, 1)
    os.waitpid(pid, 0)
    assert answer == b"1"
    assert parent_server.proc.poll() is None  # the parent's engine was left alone
    _read(image, tmp_path / "parent-again")


def test_engine_goes_when_its_worker_goes(tmp_path: Path, image: Path) -> None:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            tesseract._server = None
            _read(image, tmp_path / "child")
            assert tesseract._server is not None
            os.write(write_end, str(tesseract._server.proc.pid).encode())
        finally:
            os._exit(0)  # no clean-up: as a worker killed mid-run
    os.close(write_end)
    engine = int(os.read(read_end, 32))
    os.waitpid(pid, 0)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and Path(f"/proc/{engine}").exists():
        status = Path(f"/proc/{engine}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if status == "Z":
            break  # dead, waiting for init to reap it
        time.sleep(0.05)
    else:
        assert not Path(f"/proc/{engine}").exists()


def test_without_the_library_the_program_reads_the_page(
    tmp_path: Path, image: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuses = tmp_path / "no_library.py"
    refuses.write_text('print(\'{"ready": false, "error": "libtesseract.so.5: not found"}\', flush=True)\n')
    monkeypatch.setattr(tesseract, "_SERVER_SCRIPT", refuses)
    tsv, pdf = _read(image, tmp_path / "prog")
    assert tesseract._server is None and tesseract._server_unavailable
    assert "penicillin" in tsv.read_text() and pdf is not None


@pytest.fixture(scope="module")
def sideways_pgm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page of text at 150 DPI turned a quarter clockwise, as preprocess hands it to OSD."""
    im = Image.new("L", (1275, 1650), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 26) if FONT.exists() else ImageFont.load_default(26)
    for n in range(30):
        draw.text((120, 120 + 45 * n), f"{LINES[n % 3]} and the notes of visit {n + 1}", font=font, fill=0)
    path = tmp_path_factory.mktemp("osd") / "osd.pgm"
    im.transpose(Image.Transpose.ROTATE_270).save(path)  # PIL turns counter-clockwise
    return path


def test_library_and_program_detect_the_same_orientation(
    sideways_pgm: Path, image: Path, tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = ("eng", 3, 1)
    found = tesseract.run_osd(sideways_pgm, dpi=150, timeout_s=60, engine=engine)
    server = tesseract._server
    assert server is not None  # the library answered
    program = tesseract.run_osd(sideways_pgm, dpi=150, timeout_s=60)
    assert found == program
    assert found is not None and found.rotate == 270  # turning it back: three quarters clockwise
    # The same engine goes on reading pages.
    tsv, _ = _read(image, tmp_path / "after")
    assert "penicillin" in tsv.read_text() and tesseract._server is server


def test_without_orientation_in_the_library_the_program_detects_it(
    sideways_pgm: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsupported(*args: object) -> None:
        raise tesseract._ServerUnavailable("this libtesseract has no orientation detection")

    monkeypatch.setattr(tesseract._Server, "osd", unsupported)
    monkeypatch.setattr(tesseract, "_server_osd_unavailable", False)
    found = tesseract.run_osd(sideways_pgm, dpi=150, timeout_s=60, engine=("eng", 3, 1))
    assert found is not None and found.rotate == 270
    assert tesseract._server_osd_unavailable


def test_pgm_reader_takes_8_bit_pgm_only(tmp_path: Path) -> None:
    from pipeline.tesseract_server import read_pgm

    pgm = tmp_path / "a.pgm"
    pgm.write_bytes(b"P5\n# made by hand\n3 2\n255\n" + bytes(range(6)))
    assert read_pgm(str(pgm)) == (3, 2, bytes(range(6)))
    for bad in (b"P6\n3 2\n255\n" + bytes(18), b"P5\n3 2\n65535\n" + bytes(12), b"P5\n3 2\n255\n" + bytes(5),
                b"\x89PNG\r\n\x1a\n"):
        pgm.write_bytes(bad)
        with pytest.raises(ValueError):
            read_pgm(str(pgm))


def test_unreadable_orientation_probe_gives_no_answer_and_the_engine_stays(
    tmp_path: Path, image: Path, fresh: None
) -> None:
    broken = tmp_path / "broken.pgm"
    broken.write_bytes(b"P5\n100 100\n255\n" + bytes(10))  # cut short
    assert tesseract.run_osd(broken, dpi=150, timeout_s=60, engine=("eng", 3, 1)) is None
    server = tesseract._server
    assert server is not None and server.proc.poll() is None
    tsv, _ = _read(image, tmp_path / "fine")
    assert "penicillin" in tsv.read_text() and tesseract._server is server


def test_word_table_is_the_one_tesseracts_tsv_renderer_writes(tmp_path: Path, image: Path) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (1275, 1650), 255).save(blank)
    columns = Image.new("L", (2550, 3300), 255)
    draw = ImageDraw.Draw(columns)
    font = ImageFont.truetype(str(FONT), 40) if FONT.exists() else ImageFont.load_default(40)
    for n in range(12):  # two columns of short paragraphs, a gap after every third line
        for x in (200, 1400):
            draw.text((x, 300 + 110 * n + 80 * (n // 3)), f"{LINES[n % 3][:24]} {n}", font=font, fill=0)
    columns_path = tmp_path / "columns.png"
    columns.save(columns_path)
    reader = tesseract_server.Reader(tesseract_server.load_library(), "eng", 3, 1)
    try:
        table = reader.table
        assert table is not None  # this library has every function the table needs
        for page in (image, blank, columns_path):
            reader.table = None  # Tesseract's own TSV renderer
            assert reader.read(str(page), str(tmp_path / "own"), DPI) is None
            reader.table = table
            assert reader.read(str(page), str(tmp_path / "ours"), DPI) is None
            assert (tmp_path / "ours.tsv").read_bytes() == (tmp_path / "own.tsv").read_bytes()
            assert (tmp_path / "ours.pdf").stat().st_size == (tmp_path / "own.pdf").stat().st_size
        rows = (tmp_path / "ours.tsv").read_text().splitlines()
        assert len({r.split("\t")[2] for r in rows if r.startswith("2\t")}) >= 2  # blocks, numbered
    finally:
        reader.close()


def _engine(as_is: bool) -> subprocess.Popen[str]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    env.pop(tesseract_server.AS_IS_VARIABLE, None)
    if as_is:
        env[tesseract_server.AS_IS_VARIABLE] = "1"
    script = str(tesseract._SERVER_SCRIPT)
    return subprocess.Popen(
        [sys.executable, "-I", "-S", script, str(os.getpid()), "eng", "3", "1"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip


def _ask(engine: subprocess.Popen[str], request: dict[str, object]) -> dict[str, object]:
    assert engine.stdin is not None and engine.stdout is not None
    engine.stdin.write(json.dumps(request) + "\n")
    engine.stdin.flush()
    return json.loads(engine.stdout.readline())


@pytest.mark.skipif(platform.machine() != "x86_64" or sys.platform != "linux", reason="x86-64 Linux only")
def test_line_images_skip_their_png_round_trip_and_read_the_same(tmp_path: Path, image: Path) -> None:
    tilted = tmp_path / "tilted.png"  # 1-bit lines at an angle: another kind of line image
    Image.open(image).convert("1").rotate(2.5, expand=True, fillcolor=1).save(tilted)
    fast, as_is = _engine(as_is=False), _engine(as_is=True)
    try:
        assert fast.stdout is not None and as_is.stdout is not None
        assert json.loads(fast.stdout.readline())["fast_lines"] is True
        assert json.loads(as_is.stdout.readline())["fast_lines"] is False
        for page in (image, tilted):
            for engine, name in ((fast, "fast"), (as_is, "as_is")):
                assert _ask(engine, {"image": str(page), "out": str(tmp_path / name), "dpi": DPI}) == {"ok": True}
            assert (tmp_path / "fast.tsv").read_bytes() == (tmp_path / "as_is.tsv").read_bytes()
            pdfs = [re.sub(rb"/CreationDate \(D:[^)]*\)", b"", (tmp_path / f"{n}.pdf").read_bytes()) for n in ("fast", "as_is")]
            assert pdfs[0] == pdfs[1]
        assert "penicillin" in (tmp_path / "fast.tsv").read_text()
    finally:
        for engine in (fast, as_is):
            engine.kill()
            engine.wait()


def test_relocations_are_read_from_x86_64_elf_files_only() -> None:
    loaded = tesseract_server.loaded_from(tesseract_server.load_library())
    assert tesseract_server.relocation_offsets(b"not an ELF file", "pixWriteMem") == []
    assert tesseract_server.relocation_offsets(b"\x7fELF\x02\x01" + bytes(58), "pixWriteMem") == []
    if platform.machine() == "x86_64" and sys.platform == "linux":
        assert loaded is not None and loaded[1].is_file()
        elf = loaded[1].read_bytes()
        assert tesseract_server.relocation_offsets(elf, "pixWriteMem")  # the one the engine rewires
        assert tesseract_server.relocation_offsets(elf, "no_such_function") == []
        assert tesseract_server.relocation_offsets(elf[:5000], "pixWriteMem") == []  # cut short
