"""`make bench`: pipeline throughput beside plain Tesseract on the same pages, cache speed-up, peak memory."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BIN = Path(sys.executable).parent


def _memory_kb(pid: int) -> int:
    """Proportional set size of one process (shared pages split among their users), else RSS.

    Worker processes are forked from the parent and share its pages; summing their RSS would
    count the shared lexicons and libraries once per process.
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
    except (OSError, ValueError):
        return 0


def _tree_rss_kb(pid: int) -> int:
    """Memory of a process and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += _memory_kb(p)
        stack.extend(children.get(p, []))
    return total


@dataclass
class Timed:
    seconds: float
    peak_mb: float
    returncode: int


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> Timed:
    """Run a command, timing it and sampling the peak memory of its whole process tree."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    stop.set()
    sampler.join()
    if proc.returncode not in (0, 2):
        sys.stderr.write(err.decode(errors="replace"))
    return Timed(time.monotonic() - start, peak / 1024, proc.returncode)


def collect_inputs(dest: Path) -> list[Path]:
    """Every sample PDF, laid out as IN/<set>-<provider>/<file> for one pipeline run."""
    pdfs = []
    sets = [SAMPLES / "scans"] + sorted(p / "scans" for p in SAMPLES.iterdir() if (p / "scans").is_dir())
    for scans in sets:
        label = "basic" if scans.parent == SAMPLES else scans.parent.name
        for pdf in sorted(scans.rglob("*.pdf")):
            target = dest / f"{label}-{pdf.parent.name}" / pdf.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(pdf, target)
            pdfs.append(target)
    return pdfs


def rasterize_all(pdfs: list[Path], dest: Path, dpi: int) -> list[Path]:
    """Every page as an 8-bit grey PGM at `dpi` (pdftoppm's -png would write RGB)."""
    for i, pdf in enumerate(pdfs):
        stem = dest / f"{i:03d}"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(stem)], check=True)
    return sorted(dest.glob("*.pgm"))


def plain_tesseract(images: list[Path], jobs: int, work: Path, dpi: int) -> float:
    """Plain Tesseract making a searchable PDF of each page, `jobs` processes at a time."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(image: Path) -> None:
        subprocess.run(["tesseract", str(image), str(work / image.stem), "--dpi", str(dpi),
                        "-l", "eng", "--psm", "3", "pdf"], check=True, capture_output=True, env=env)

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, images))
    return time.monotonic() - start


def ocrmypdf_seconds(pdfs: list[Path], jobs: int, work: Path) -> float | None:
    """OCRmyPDF on the same PDFs, one file after another; None when it is not installed."""
    exe = shutil.which("ocrmypdf")
    if exe is None:
        return None
    work.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    for i, pdf in enumerate(pdfs):
        t = run_measured([exe, "--jobs", str(jobs), "--output-type", "pdf", "-q", str(pdf),
                          str(work / f"{i:03d}.pdf")])
        if t.returncode != 0:
            print(f"  ocrmypdf failed on {pdf.name} (exit {t.returncode})", file=sys.stderr)
    return time.monotonic() - start


def long_pdf(pdfs: list[Path], pages: int, dest: Path) -> Path:
    """A `pages`-page PDF made by repeating the sample pages (for the memory comparison)."""
    readers = [PdfReader(p) for p in pdfs]
    all_pages = [pg for r in readers for pg in r.pages]
    writer = PdfWriter()
    for i in range(pages):
        writer.add_page(all_pages[i % len(all_pages)])
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("wb") as fh:
        writer.write(fh)
    return dest


def pipeline_cmd(in_dir: Path, out_dir: Path, cache: Path | None, jobs: int) -> list[str]:
    cmd = [str(BIN / "recordcheck"), "process", str(in_dir), "--out", str(out_dir), "--jobs", str(jobs), "-q"]
    cmd += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    return cmd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--memory", action="store_true",
                        help="also compare peak memory on a 20-page and a 200-page PDF (slow: ~220 pages of OCR)")
    args = parser.parse_args(argv)
    if not shutil.which("tesseract") or not shutil.which("pdftoppm"):
        print("tesseract and pdftoppm are needed: run `make setup` first", file=sys.stderr)
        return 3

    with tempfile.TemporaryDirectory(prefix="recordcheck-bench-") as tmp_s:
        tmp = Path(tmp_s)
        in_dir = tmp / "in"
        pdfs = collect_inputs(in_dir)
        (tmp / "pgm").mkdir()
        images = rasterize_all(pdfs, tmp / "pgm", args.dpi)
        n = len(images)
        print(f"benchmark: {n} pages from {len(pdfs)} sample PDFs, {args.jobs} jobs, {args.dpi} DPI")
        (tmp / "plain").mkdir()
        t_plain = plain_tesseract(images, args.jobs, tmp / "plain", args.dpi)
        cold = run_measured(pipeline_cmd(in_dir, tmp / "out-cold", tmp / "cache", args.jobs))
        warm = run_measured(pipeline_cmd(in_dir, tmp / "out-warm", tmp / "cache", args.jobs))
        # The fixed cost of any run (start-up, lexicon matcher, reports), measured as a warm run
        # over one cached page, so the per-page effect of the cache can be shown apart from it.
        one_page = tmp / "one" / "bench"
        one_page.mkdir(parents=True)
        first = PdfWriter()
        first.add_page(PdfReader(pdfs[0]).pages[0])
        with (one_page / "page1.pdf").open("wb") as fh:
            first.write(fh)
        run_measured(pipeline_cmd(one_page.parent, tmp / "out-one", tmp / "cache", args.jobs))
        fixed = run_measured(pipeline_cmd(one_page.parent, tmp / "out-one", tmp / "cache", args.jobs))
        t_ocrmypdf = ocrmypdf_seconds(pdfs, args.jobs, tmp / "ocrmypdf")
        rows = [
            (f"plain tesseract (pdf, {args.jobs} processes)", t_plain, None),
            ("recordcheck, cold (no cache)", cold.seconds, cold.peak_mb),
            ("recordcheck, warm (OCR cached)", warm.seconds, warm.peak_mb),
        ]
        if t_ocrmypdf is not None:
            rows.append((f"ocrmypdf (--jobs {args.jobs}, --output-type pdf)", t_ocrmypdf, None))
        print(f"{'run':<44} {'seconds':>8} {'pages/s':>8} {'peak MB':>8}  (memory: PSS of the process tree)")
        for name, secs, mb in rows:
            print(f"{name:<44} {secs:8.1f} {n / secs:8.2f} {'' if mb is None else f'{mb:8.0f}':>8}")
        print(f"pipeline / plain tesseract throughput: {t_plain / cold.seconds:.2f} (target >= 0.9)")
        print(f"warm re-run speed-up over cold: {cold.seconds / warm.seconds:.1f}x (target >= 20x)")
        per_cold = max(cold.seconds - fixed.seconds, 0.0) / n
        per_warm = max(warm.seconds - fixed.seconds, 1e-3) / n
        print(f"  of which fixed start-up per run (warm run over one page): {fixed.seconds:.1f} s; "
              f"per page beyond it: cold {1000 * per_cold:.0f} ms, warm {1000 * per_warm:.0f} ms "
              f"({per_cold / per_warm:.0f}x)")
        if t_ocrmypdf is not None:
            print(f"pipeline / ocrmypdf throughput: {t_ocrmypdf / cold.seconds:.2f} (higher is faster)")
        else:
            print("ocrmypdf: not installed, comparison skipped; install it with "
                  "`sudo apt-get install -y ocrmypdf` (or `pipx install ocrmypdf`) and run again")
        print("(the pipeline's time includes start-up, rasterizing, cleaning, extraction and "
              "reports; plain tesseract's excludes rasterizing; ocrmypdf's includes its own)")
        if args.memory:
            peaks: dict[int, float] = {}
            for pages in (20, 200):
                one = long_pdf(pdfs, pages, tmp / f"long{pages}" / "bench" / f"long-{pages}.pdf")
                m = run_measured(pipeline_cmd(one.parent.parent, tmp / f"out-{pages}", None, args.jobs))
                peaks[pages] = m.peak_mb
                print(f"peak memory, {pages}-page PDF: {m.peak_mb:.0f} MB "
                      f"({pages / m.seconds:.2f} pages/s) (target <= 1024 MB)")
            growth = peaks[200] / peaks[20] - 1
            print(f"peak memory growth from 20 to 200 pages: {100 * growth:+.0f}% (target within 20%)")
        else:
            print("peak memory on a 20- and a 200-page PDF: run `make bench ARGS=--memory` (slow)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
