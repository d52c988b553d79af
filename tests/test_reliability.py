"""Bad inputs, untouched originals, all-or-nothing outputs and every exit status, through the real CLI."""

from __future__ import annotations

import atexit
import functools
import hashlib
import io
import os
import resource
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from pipeline.api import UNREAD_STAGES
from pipeline.errors import ExitCode
from pipeline.report import remove_stale_temp_files
from tests.conftest import RECORDCHECK, ROOT, SAMPLES, run_cli
from tests.helpers import png_claiming

OUTPUTS = ("discrepancies.csv", "facts.csv", "problems.csv", "annotated.pdf")
# The hidden entries a run may leave in OUT on purpose: the OCR cache and the marker that
# keeps OUT from being read as input.
KEPT_HIDDEN = {".cache", ".recordcheck-output"}
MEDS_PAGE = ["Medications", "Lisinopril 10 mg daily", "Allergies: penicillin"]


# --- inputs made on the fly ------------------------------------------------------------


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default()


def text_png(path: Path, lines: list[str]) -> Path:
    """A short 150-DPI page (8.5 x 4 in) with a few lines of 14 pt text."""
    img = Image.new("L", (1275, 600), 255)
    draw = ImageDraw.Draw(img)
    font = _font(30)
    for i, line in enumerate(lines):
        draw.text((80, 80 + 50 * i), line, fill=0, font=font)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, dpi=(150, 150))
    return path


def text_pdf_bytes(pages: list[list[str]]) -> bytes:
    """A born-digital Letter PDF with the given lines of 12 pt text on each page."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    for lines in pages:
        c.setFont("Helvetica", 12)
        for i, line in enumerate(lines):
            c.drawString(72, 720 - 18 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _jpeg_claiming(width: int, height: int) -> bytes:
    """A baseline JPEG header (SOI, SOF0 for one 8-bit channel) with no scan data."""
    sof = struct.pack(">BHHB", 8, height, width, 1) + bytes([1, 0x11, 0])
    return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9"


def _encrypted_pdf() -> bytes:
    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(text_pdf_bytes([MEDS_PAGE]))) as pdf:
        pdf.save(buf, encryption=pikepdf.Encryption(user="secret", owner="owner", R=6))
    return buf.getvalue()


def _zero_page_pdf() -> bytes:
    buf = io.BytesIO()
    PdfWriter().write(buf)
    return buf.getvalue()


def _truncated_pdf() -> bytes:
    data = text_pdf_bytes([MEDS_PAGE] * 3)
    return data[: len(data) // 2]


@dataclass(frozen=True)
class BadInput:
    rel: str  # where it goes under IN, as problems.csv names it
    make: Callable[[Path], None]  # builds it under IN
    reason: str  # what problems.csv must say
    advice: str = ""  # and a part of the advice
    unreadable_by_mode: bool = False  # needs a user that file modes apply to


def _data(rel: str, data: bytes) -> Callable[[Path], None]:
    def make(in_dir: Path) -> None:
        write(in_dir / rel, data)

    return make


def _mode_000_file(in_dir: Path) -> None:
    write(in_dir / "clinic" / "secret.pdf", text_pdf_bytes([MEDS_PAGE])).chmod(0)


def _mode_000_folder(in_dir: Path) -> None:
    write(in_dir / "locked" / "visit.pdf", text_pdf_bytes([MEDS_PAGE]))
    (in_dir / "locked").chmod(0)


def _folder_loop(in_dir: Path) -> None:
    (in_dir / "clinic").mkdir(parents=True, exist_ok=True)
    os.symlink(in_dir, in_dir / "clinic" / "back-to-top")


def _file_loop(in_dir: Path) -> None:
    (in_dir / "clinic").mkdir(parents=True, exist_ok=True)
    os.symlink("self.pdf", in_dir / "clinic" / "self.pdf")


BAD_INPUTS = [
    BadInput("clinic/empty.pdf", _data("clinic/empty.pdf", b""), "empty (0 bytes)", "copy"),
    BadInput(
        "clinic/letter.pdf",
        _data("clinic/letter.pdf", b"Patient: Jane Roe\nWarfarin 5 mg daily\n"),
        "not a PDF: the file starts with plain text",
    ),
    BadInput(
        "clinic/truncated.pdf",
        _data("clinic/truncated.pdf", _truncated_pdf()),
        "damaged or incomplete",
        "fresh copy",
    ),
    BadInput(
        "clinic/locked.pdf",
        _data("clinic/locked.pdf", _encrypted_pdf()),
        "encrypted (password protected)",
        "qpdf --decrypt",
    ),
    BadInput("clinic/nothing.pdf", _data("clinic/nothing.pdf", _zero_page_pdf()), "no pages"),
    BadInput(
        "clinic/huge.png",
        _data("clinic/huge.png", png_claiming(100_000, 100_000)),
        "too large (100000 x 100000 pixels",
        "max_pixels",
    ),
    BadInput(
        "clinic/huge.jpg",
        _data("clinic/huge.jpg", _jpeg_claiming(65_000, 65_000)),
        "too large (65000 x 65000 pixels",
    ),
    BadInput(
        "clinic/notes.docx",
        _data("clinic/notes.docx", b"PK\x03\x04" + b"\x00" * 200),
        "unsupported file type (.docx)",
        "save or print it as PDF",
    ),
    BadInput(
        "clinic/photo.heic",
        _data("clinic/photo.heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64),
        "unsupported file type (.heic)",
    ),
    BadInput(
        "clinic/secret.pdf",
        _mode_000_file,
        "cannot be read (permission denied)",
        "chmod u+r",
        unreadable_by_mode=True,
    ),
    BadInput(
        "locked",
        _mode_000_folder,
        "folder cannot be read (permission denied)",
        "chmod u+rx",
        unreadable_by_mode=True,
    ),
    BadInput("clinic/back-to-top", _folder_loop, "symbolic link loop", "remove the link"),
    BadInput("clinic/self.pdf", _file_loop, "symbolic link loop", "remove the link"),
]


# --- running the CLI -------------------------------------------------------------------


def private_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """The environment with TMPDIR pointed at a fresh folder, so work folders can be checked."""
    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir(exist_ok=True)
    return dict(os.environ, TMPDIR=str(tmpdir)), tmpdir


def work_dirs(tmpdir: Path) -> list[str]:
    return sorted(p.name for p in tmpdir.iterdir() if p.name.startswith("recordcheck-"))


def _as_plain_user() -> list[str]:
    """A prefix that makes file modes apply: root reads mode-000 files unless it drops these."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: mode 000 cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def _limit_memory() -> None:
    # Decoding a 100000 x 100000 image would need 10 GB; a normal run fits well in 1.5 GB.
    limit = 1536 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_guarded(
    args: list[str], *, env: dict[str, str], prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    """run_cli with an optional command prefix and a 1.5 GB address-space limit."""
    return subprocess.run(
        [*(prefix or []), *RECORDCHECK, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=ROOT,
        preexec_fn=_limit_memory,
    )


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def problem_rows(out: Path, rel: str) -> list[dict[str, str]]:
    frame = read_csv(out / "problems.csv")
    return [
        {str(k): str(v) for k, v in r.items()} for r in frame.to_dict("records") if r["file"] == rel
    ]


def unread_rows(out: Path) -> pd.DataFrame:
    """problems.csv rows for inputs or pages that were not read (not advice on scan quality)."""
    frame = read_csv(out / "problems.csv")
    return frame[frame.stage.isin(UNREAD_STAGES)]


def checksums(folder: Path) -> dict[str, tuple[str, int, int]]:
    """sha256, mtime and mode of every file under `folder` (read as this process can)."""
    out: dict[str, tuple[str, int, int]] = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            if path.is_symlink():
                continue
            st = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(folder))] = (digest, st.st_mtime_ns, st.st_mode)
    return out


def assert_outputs_parse(out: Path) -> int:
    """Every output reads back (CSV with pandas, PDF with pypdf in strict mode); PDF page count."""
    for name in OUTPUTS[:3]:
        read_csv(out / name)
    data = (out / "annotated.pdf").read_bytes()
    assert data.rstrip().endswith(b"%%EOF")
    reader = PdfReader(io.BytesIO(data), strict=True)
    for page in reader.pages:
        page.extract_text()
    return len(reader.pages)


# --- 1. bad inputs become problems.csv rows and the run goes on ------------------------


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=[b.rel for b in BAD_INPUTS])
def test_bad_input_becomes_a_problem_row_and_status_2(tmp_path: Path, bad: BadInput) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    in_dir.mkdir()
    bad.make(in_dir)
    env, tmpdir = private_env(tmp_path)
    prefix = _as_plain_user() if bad.unreadable_by_mode else []
    try:
        proc = run_guarded(["process", str(in_dir), "--out", str(out)], env=env, prefix=prefix)
    finally:
        for p in (in_dir / "locked", in_dir / "clinic" / "secret.pdf"):
            if p.exists():
                p.chmod(0o700)
    assert proc.returncode == ExitCode.INPUT_PROBLEMS, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = problem_rows(out, bad.rel)
    assert len(rows) == 1, read_csv(out / "problems.csv")
    assert rows[0]["stage"] == "ingest" and rows[0]["page"] == ""
    assert bad.reason in rows[0]["reason"]
    assert bad.advice in rows[0]["advice"]
    assert "problems.csv" in proc.stdout
    assert work_dirs(tmpdir) == []


def test_every_bad_input_at_once_leaves_the_good_page_processed_and_inputs_untouched(
    tmp_path: Path,
) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    text_png(in_dir / "clinic" / "meds.png", MEDS_PAGE)
    for bad in BAD_INPUTS:
        if not bad.unreadable_by_mode:
            bad.make(in_dir)
    before = checksums(in_dir)
    env, tmpdir = private_env(tmp_path)
    proc = run_guarded(["process", str(in_dir), "--out", str(out), "--jobs", "1"], env=env)
    assert proc.returncode == ExitCode.INPUT_PROBLEMS, proc.stderr
    problems = unread_rows(out)
    expected = sorted(b.rel for b in BAD_INPUTS if not b.unreadable_by_mode)
    assert sorted(problems.file) == expected
    facts = read_csv(out / "facts.csv")
    assert ("lisinopril", "10", "mg") in set(zip(facts.name, facts.dose, facts.unit, strict=True))
    assert assert_outputs_parse(out) >= 2  # summary + the good page
    assert checksums(in_dir) == before
    assert work_dirs(tmpdir) == []


def test_text_file_named_pdf_is_not_quoted_in_the_outputs(tmp_path: Path) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    write(in_dir / "clinic" / "letter.pdf", b"Patient: Jane Roe\nWarfarin 5 mg daily\n")
    proc = run_cli("process", str(in_dir), "--out", str(out))
    assert proc.returncode == ExitCode.INPUT_PROBLEMS
    everything = proc.stdout + proc.stderr + (out / "problems.csv").read_text()
    assert "Jane" not in everything and "Warfarin" not in everything


# --- 2. nothing lost or altered -------------------------------------------------------


def test_inputs_are_byte_for_byte_unchanged_after_a_full_run(tmp_path: Path) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    text_png(in_dir / "clinic" / "meds.png", MEDS_PAGE)
    write(in_dir / "clinic" / "visit.pdf", text_pdf_bytes([MEDS_PAGE]))
    write(in_dir / "pharmacy" / "owner-locked.pdf", _owner_only_encrypted_pdf())
    before = checksums(in_dir)
    proc = run_cli("process", str(in_dir), "--out", str(out), "--dpi", "150", "--jobs", "2")
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert checksums(in_dir) == before
    assert sorted(read_csv(out / "facts.csv").file.unique()) == [
        "clinic/meds.png",
        "clinic/visit.pdf",
        "pharmacy/owner-locked.pdf",
    ]


def _owner_only_encrypted_pdf() -> bytes:
    """Encrypted with an empty user password: any viewer opens it, so it must be read."""
    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(text_pdf_bytes([MEDS_PAGE]))) as pdf:
        pdf.save(buf, encryption=pikepdf.Encryption(user="", owner="owner", R=6))
    return buf.getvalue()


@dataclass(frozen=True)
class _Generation:
    """One complete set of outputs: CSV bytes and the annotated PDF's page count."""

    csvs: dict[str, bytes]
    pdf_pages: int


def _generation(out: Path) -> _Generation:
    pages = assert_outputs_parse(out)
    return _Generation({n: (out / n).read_bytes() for n in OUTPUTS[:3]}, pages)


def _visible(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if not p.name.startswith("."))


def _kill_group_at(proc: subprocess.Popen[bytes], when: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while proc.poll() is None and not when() and time.monotonic() < deadline:
        time.sleep(0.002)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)


def _after(seconds: float, start: Callable[[], bool]) -> Callable[[], bool]:
    """True `seconds` after `start()` first became true."""
    seen: list[float] = []

    def check() -> bool:
        if not seen and start():
            seen.append(time.monotonic())
        return bool(seen) and time.monotonic() - seen[0] >= seconds

    return check


def test_run_killed_at_any_moment_leaves_the_previous_outputs_or_the_new_ones_never_a_mix(
    tmp_path: Path,
) -> None:
    env, tmpdir = private_env(tmp_path)
    cache = tmp_path / "cache"
    first_in, second_in = tmp_path / "first", tmp_path / "second"
    text_png(first_in / "clinic" / "meds.png", MEDS_PAGE)
    write(first_in / "clinic" / "empty.pdf", b"")  # so the first problems.csv differs
    for n in range(2):
        lines = ["Medications", f"Metformin {500 + 250 * n} mg bid", "Atorvastatin 20 mg daily"]
        write(second_in / f"provider-{n}" / "visit.pdf", text_pdf_bytes([lines, lines[:2]]))
    common = ["--dpi", "150", "--jobs", "2", "--cache-dir", str(cache), "-q"]

    def cli(in_dir: Path, out: Path) -> list[str]:
        return [*RECORDCHECK, "process", str(in_dir), "--out", str(out), *common]

    # The two complete states a killed second run may leave.
    reference = tmp_path / "reference"
    done = subprocess.run(cli(second_in, reference), env=env, cwd=ROOT, capture_output=True)
    assert done.returncode == ExitCode.OK, done.stderr
    new = _generation(reference)
    out = tmp_path / "out"
    done = subprocess.run(cli(first_in, out), env=env, cwd=ROOT, capture_output=True)
    assert done.returncode == ExitCode.INPUT_PROBLEMS, done.stderr
    previous = _generation(out)
    saved = tmp_path / "saved"
    shutil.copytree(out, saved, ignore=shutil.ignore_patterns(".*"))
    assert previous != new

    def work_started() -> bool:
        return bool(work_dirs(tmpdir))

    def writing() -> bool:  # a staged output exists: the run is writing its reports
        return any(
            p.name.startswith((".discrepancies.csv.", "..discrepancies")) for p in out.iterdir()
        )

    def writing_pdf() -> bool:
        return any(p.name.startswith((".annotated.pdf.", "..annotated")) for p in out.iterdir())

    moments: list[tuple[str, Callable[[], bool]]] = [
        ("start", lambda: True),
        ("work folder made", work_started),
        ("mid OCR", _after(1.5, work_started)),
        ("late OCR", _after(3.0, work_started)),
        ("writing CSVs", writing),
        ("writing PDF", writing_pdf),
        ("just after the PDF is staged", _after(0.01, writing_pdf)),
    ]
    outcomes = []
    for label, when in moments:
        for name in OUTPUTS:
            shutil.copy2(saved / name, out / name)
        proc = subprocess.Popen(
            cli(second_in, out),
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        _kill_group_at(proc, when, timeout=120)
        if any(p.name.startswith(".commit-") for p in out.iterdir()):
            # Killed between the renames of a complete set: the next run finishes them first.
            remove_stale_temp_files(out)
            assert _generation(out) == new, f"killed at {label}: commit not finished"
        assert _visible(out) == sorted(OUTPUTS), label
        state = _generation(out)
        assert state in (previous, new), f"killed at {label}: a mix of old and new outputs"
        outcomes.append((label, proc.returncode, state == new))
    assert any(not is_new for _, _, is_new in outcomes), outcomes

    # A first run killed part-way leaves no outputs at all.
    fresh = tmp_path / "fresh"
    proc = subprocess.Popen(
        cli(second_in, fresh), env=env, cwd=ROOT, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _kill_group_at(proc, _after(1.0, work_started), timeout=120)
    assert not fresh.exists() or _visible(fresh) in ([], sorted(OUTPUTS))

    # The next complete run clears what killed runs left behind: temporary outputs in OUT
    # and their private work folders.
    done = subprocess.run(cli(second_in, out), env=env, cwd=ROOT, capture_output=True)
    assert done.returncode == ExitCode.OK, done.stderr
    assert _generation(out) == new
    assert {p.name for p in out.iterdir() if p.name.startswith(".")} <= KEPT_HIDDEN
    assert work_dirs(tmpdir) == []


def _run_and_watch(
    args: list[str], env: dict[str, str], stderr_path: Path
) -> subprocess.Popen[bytes]:
    with stderr_path.open("wb") as err:
        return subprocess.Popen(
            [*RECORDCHECK, *args],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )


def _group_members(pgid: int) -> list[str]:
    """Command lines of live processes in process group `pgid` (orphan workers, tesseract)."""
    found = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                cmdline = (stat_file.parent / "cmdline").read_bytes()
                found.append(cmdline.replace(b"\0", b" ").decode(errors="replace"))
        except (OSError, IndexError, ValueError):
            continue
    return found


INTERRUPTS = [
    ("ctrl-c", signal.SIGINT, True),  # a terminal signals the whole foreground group
    ("kill -INT", signal.SIGINT, False),
    ("kill", signal.SIGTERM, False),
]


@pytest.mark.parametrize(("how", "signum", "group"), INTERRUPTS, ids=[i[0] for i in INTERRUPTS])
def test_interrupt_mid_ocr_exits_130_and_leaves_nothing_behind(
    tmp_path: Path, how: str, signum: int, group: bool
) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    for n in range(3):
        lines = ["Medications", f"Lisinopril {10 + n} mg daily", "Allergies: penicillin"]
        write(in_dir / "clinic" / f"visit-{n}.pdf", text_pdf_bytes([lines, lines]))
    env, tmpdir = private_env(tmp_path)
    stderr_path = tmp_path / "stderr.txt"
    args = ["process", str(in_dir), "--out", str(out), "--dpi", "150", "--jobs", "2", "--no-cache"]
    proc = _run_and_watch(args, env, stderr_path)
    deadline = time.monotonic() + 120
    work_modes = set()
    while proc.poll() is None and "OCR: 1/" not in stderr_path.read_text(errors="replace"):
        for d in tmpdir.glob("recordcheck-*"):
            work_modes.add(d.stat().st_mode & 0o777)
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    (os.killpg if group else os.kill)(proc.pid, signum)
    sent = time.monotonic()
    proc.wait(timeout=60)
    stopped_after = time.monotonic() - sent
    stderr = stderr_path.read_text()
    assert proc.returncode == ExitCode.INTERRUPTED, stderr
    assert "Interrupted" in stderr and "Run the same command again" in stderr
    assert "Traceback" not in stderr
    assert stopped_after < 30
    assert work_modes <= {0o700}
    assert work_dirs(tmpdir) == []
    left = [p.name for p in out.iterdir()] if out.exists() else []
    assert set(left) <= KEPT_HIDDEN, left
    time.sleep(0.5)  # let the last worker be reaped
    assert _group_members(proc.pid) == []


def test_output_folder_gone_mid_run_fails_with_a_clear_message_and_cleans_up(
    tmp_path: Path,
) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    for n in range(2):
        write(in_dir / "clinic" / f"visit-{n}.pdf", text_pdf_bytes([MEDS_PAGE, MEDS_PAGE]))
    env, tmpdir = private_env(tmp_path)
    stderr_path = tmp_path / "stderr.txt"
    args = ["process", str(in_dir), "--out", str(out), "--dpi", "150", "--jobs", "1", "--no-cache"]
    proc = _run_and_watch(args, env, stderr_path)
    deadline = time.monotonic() + 120
    while proc.poll() is None and not work_dirs(tmpdir):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    # The folder disappears under the run (a drive unplugged, a folder deleted) and a file
    # takes its name: writing the reports fails after all the OCR is done.
    shutil.rmtree(out)
    out.write_bytes(b"in the way")
    proc.wait(timeout=300)
    stderr = stderr_path.read_text()
    assert proc.returncode == ExitCode.BAD_ARGS, stderr
    assert "Traceback" not in stderr
    assert str(out) in stderr and "output folder" in stderr
    assert work_dirs(tmpdir) == []
    assert out.read_bytes() == b"in the way"


def test_folder_in_the_way_of_a_report_is_refused_before_any_ocr(tmp_path: Path) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    text_png(in_dir / "clinic" / "meds.png", MEDS_PAGE)
    (out / "facts.csv").mkdir(parents=True)
    env, tmpdir = private_env(tmp_path)
    proc = run_cli("process", str(in_dir), "--out", str(out), env=env)
    assert proc.returncode == ExitCode.BAD_ARGS
    assert "Traceback" not in proc.stderr
    assert f"{out / 'facts.csv'} is a folder" in proc.stderr
    assert "OCR:" not in proc.stderr
    assert work_dirs(tmpdir) == []
    assert sorted(p.name for p in out.iterdir() if p.name not in KEPT_HIDDEN) == ["facts.csv"]


def test_out_that_is_a_file_is_bad_usage(tmp_path: Path) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out.pdf"
    text_png(in_dir / "clinic" / "meds.png", MEDS_PAGE)
    out.write_bytes(b"not a folder")
    env, tmpdir = private_env(tmp_path)
    proc = run_cli("process", str(in_dir), "--out", str(out), env=env)
    assert proc.returncode == ExitCode.BAD_ARGS
    assert "is a file, not a folder" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert out.read_bytes() == b"not a folder"
    assert work_dirs(tmpdir) == []


# --- 5. every exit status through the real CLI ----------------------------------------


def test_clean_input_exits_0(tmp_path: Path) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    text_png(in_dir / "clinic" / "meds.png", MEDS_PAGE)
    proc = run_cli("process", str(in_dir), "--out", str(out), "--jobs", "1")
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert _visible(out) == sorted(OUTPUTS)
    assert unread_rows(out).empty


def test_missing_poppler_exits_3_and_says_what_to_install(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    text_png(in_dir / "clinic" / "meds.png", MEDS_PAGE)
    bin_dir = tmp_path / "bin"  # tesseract but no pdftoppm/pdfinfo
    bin_dir.mkdir()
    tesseract = shutil.which("tesseract")
    assert tesseract is not None
    os.symlink(tesseract, bin_dir / "tesseract")
    env = dict(os.environ, PATH=f"{bin_dir}:{Path(sys.executable).parent}")
    proc = run_cli("process", str(in_dir), "--out", str(tmp_path / "out"), env=env)
    assert proc.returncode == ExitCode.MISSING_DEPENDENCY, proc.stderr
    assert "pdftoppm" in proc.stderr and "poppler-utils" in proc.stderr


def test_bad_jobs_value_exits_1(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    proc = run_cli("process", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--jobs", "0")
    assert proc.returncode == ExitCode.BAD_ARGS
    assert "--jobs" in proc.stderr


# --- identical re-runs on the samples -------------------------------------------------


@dataclass(frozen=True)
class SampleRun:
    returncode: int
    stdout: str
    stderr: str
    out: Path


@functools.cache
def sample_runs() -> tuple[SampleRun, SampleRun]:
    """The samples processed twice, sharing one OCR cache, under different hash seeds.

    The first run is at the default verbosity, the second at -v; shared by the privacy tests.
    """
    root = Path(tempfile.mkdtemp(prefix="rc-test-samples-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    runs = []
    for n, extra in enumerate(([], ["-v"])):
        out = root / f"out{n}"
        env = dict(os.environ, PYTHONHASHSEED=str(n + 1))
        args = ["process", str(SAMPLES / "scans"), "--out", str(out), "--jobs", "2"]
        proc = run_cli(*args, "--cache-dir", str(root / "cache"), *extra, env=env)
        runs.append(SampleRun(proc.returncode, proc.stdout, proc.stderr, out))
    return runs[0], runs[1]


def test_rerun_on_the_samples_gives_identical_discrepancies_and_facts() -> None:
    # pytest loads this file as `test_reliability`, the privacy tests as `tests.test_reliability`:
    # taking the cached runs from the latter makes both files share one pair of runs.
    from tests.test_reliability import sample_runs as shared_sample_runs

    first, second = shared_sample_runs()
    assert first.returncode == ExitCode.OK, first.stderr
    assert second.returncode == ExitCode.OK, second.stderr
    for name in ("discrepancies.csv", "facts.csv", "problems.csv"):
        assert (first.out / name).read_bytes() == (second.out / name).read_bytes(), name
    found = read_csv(first.out / "discrepancies.csv")
    assert len(found) > 0
    assert found.finding_id.is_unique
