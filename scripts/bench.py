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
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from pypdf import PdfReader, PdfWriter

from samples._scan import encode_jpeg, write_image_pdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BIN = Path(sys.executable).parent
# Targets of issue 5.
TARGET_THROUGHPUT = 0.9
TARGET_WARM_SPEEDUP = 20.0
TARGET_PEAK_MB = 1024
TARGET_MEMORY_GROWTH = 0.20
_BENCH_JPEG_QUALITY = 85


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


# The memory sampler reads the process tree's proportional set sizes, which costs the kernel
# about 13 us per resident MB: ~11 ms for the pipeline's tree, ~2 ms for two plain Tesseracts.
# At a fixed 50 ms interval that was a fifth of a core taken from the pipeline and a twentieth
# from plain Tesseract, a bias in the very comparison being made. Timed runs therefore give the
# sampler the same share of one core whatever it measures; the memory runs, whose time is
# not compared, sample densely so that short peaks are not missed.
SAMPLER_CPU_SHARE = 0.01
DENSE_INTERVAL_S = 0.05


def run_measured(cmd: list[str], env: dict[str, str] | None = None, *, dense: bool = False) -> Timed:
    """Run a command, timing it and sampling the peak memory of its whole process tree.

    The sampler waits after each sample for 1/SAMPLER_CPU_SHARE times what the sample cost
    (at least DENSE_INTERVAL_S), or DENSE_INTERVAL_S with `dense`.
    """
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            began = time.thread_time()
            peak = max(peak, _tree_rss_kb(proc.pid))
            cost = time.thread_time() - began
            stop.wait(DENSE_INTERVAL_S if dense else max(DENSE_INTERVAL_S, cost / SAMPLER_CPU_SHARE))

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


@dataclass(frozen=True)
class BenchPage:
    """One distinct page of the benchmark input, as the JPEG inside its PDF."""

    jpeg: Path
    dpi: int


def distinct_pages(pdfs: list[Path], copies: int, dest: Path) -> tuple[Path, list[BenchPage]]:
    """`copies` copies of every sample page, each stamped with its own Bates number.

    Packets of records carry such a stamp on every page, and it makes each page's pixels
    (so its image hash, so its cache key) differ from every other's: a cold run reads every
    page for the first time, as with real records. Returns IN (one folder per provider and
    file copy) and the pages in order. Deterministic: the same samples give the same bytes.
    """
    in_dir = dest / "in"
    pages: list[BenchPage] = []
    for copy in range(copies):
        for pdf in pdfs:
            scanned: list[tuple[bytes, int, int, int]] = []
            for n, page in enumerate(PdfReader(pdf).pages, start=1):
                img = cv2.imdecode(np.frombuffer(page.images[0].data, np.uint8), cv2.IMREAD_GRAYSCALE)
                if img is None:
                    raise RuntimeError(f"{pdf.name} page {n} holds no decodable image")
                dpi = round(img.shape[1] * 72 / float(page.mediabox.width))
                stamp = f"RC{copy + 1:02d}-{len(pages) + 1:06d}"
                scale = dpi / 300
                cv2.putText(img, stamp, (img.shape[1] - int(700 * scale), img.shape[0] - int(60 * scale)),
                            cv2.FONT_HERSHEY_SIMPLEX, 1.2 * scale, 40, max(1, round(2 * scale)), cv2.LINE_AA)
                jpeg = encode_jpeg(img, _BENCH_JPEG_QUALITY)
                path = dest / "jpeg" / f"{len(pages):04d}.jpg"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(jpeg)
                pages.append(BenchPage(path, dpi))
                scanned.append((jpeg, img.shape[1], img.shape[0], dpi))
            write_image_pdf(scanned, in_dir / pdf.parent.name / f"copy{copy + 1}-{pdf.name}")
    return in_dir, pages


def plain_tesseract(pages: list[BenchPage], jobs: int, work: Path) -> Timed:
    """Plain Tesseract making a searchable PDF of each page, `jobs` processes at a time.

    Run and measured like the pipeline (run_measured, its memory sampler held to the same
    share of a core), so that measuring costs both the same.
    """
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    jobs_file = work / "pages.txt"
    jobs_file.write_text("".join(
        f"{page.jpeg} {work / page.jpeg.stem} --dpi {page.dpi} -l eng --psm 3 pdf\n" for page in pages
    ))
    return run_measured(["xargs", "-P", str(jobs), "-L", "1", "-a", str(jobs_file), "tesseract"], env=env)


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


# The memory comparison reads the same pages at both lengths: this many distinct pages, spread
# over all the sample sets, once (20 pages) or repeated (200). Different pages at the two
# lengths would measure the heaviest page among them rather than growth with length.
MEMORY_PAGES = 20


def long_pdf(pdfs: list[Path], pages: int, dest: Path) -> Path:
    """A `pages`-page PDF of MEMORY_PAGES sample pages (spread over all sets), repeated."""
    readers = [PdfReader(p) for p in pdfs]
    all_pages = [pg for r in readers for pg in r.pages]
    chosen = [all_pages[i * len(all_pages) // MEMORY_PAGES] for i in range(MEMORY_PAGES)]
    writer = PdfWriter()
    for i in range(pages):
        writer.add_page(chosen[i % len(chosen)])
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("wb") as fh:
        writer.write(fh)
    return dest


def pipeline_cmd(in_dir: Path, out_dir: Path, cache: Path | None, jobs: int, config: Path | None = None) -> list[str]:
    cmd = [str(BIN / "recordcheck"), "process", str(in_dir), "--out", str(out_dir), "--jobs", str(jobs), "-q"]
    cmd += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    cmd += ["--config", str(config)] if config else []
    return cmd


# A change to the extraction rules, as a user might make between runs: the OCR cache still
# serves every page, the facts cache none.
_RULE_CHANGE = "[extract]\nlow_confidence = 54.5\n"


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _page_entries(cache: Path) -> int:
    """Whole-page entries in the OCR cache (one per distinct page image read)."""
    return sum(1 for p in cache.glob("*.json") if not p.name.endswith((".src.json", ".facts.json")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--copies", type=int, default=3,
                        help="copies of the sample pages, each page stamped apart (default 3: ~170 pages)")
    parser.add_argument("--memory", action="store_true",
                        help="also compare peak memory on a 20-page and a 200-page PDF (slow: ~220 pages of OCR)")
    parser.add_argument("--no-ocrmypdf", action="store_true", help="skip the OCRmyPDF comparison (slow)")
    args = parser.parse_args(argv)
    if not shutil.which("tesseract") or not shutil.which("pdftoppm"):
        print("tesseract and pdftoppm are needed: run `make setup` first", file=sys.stderr)
        return 3

    with tempfile.TemporaryDirectory(prefix="recordcheck-bench-") as tmp_s:
        tmp = Path(tmp_s)
        pdfs = collect_inputs(tmp / "samples")
        in_dir, pages = distinct_pages(pdfs, args.copies, tmp / "distinct")
        n = len(pages)
        print(f"benchmark: {n} distinct pages ({args.copies} stamped copies of {n // args.copies} sample "
              f"pages from {len(pdfs)} PDFs), {args.jobs} jobs")
        (tmp / "plain").mkdir()
        plain = plain_tesseract(pages, args.jobs, tmp / "plain")
        t_plain = plain.seconds
        if plain.returncode != 0:
            print(f"plain tesseract failed on some pages (xargs exit {plain.returncode}): its time is too short",
                  file=sys.stderr)
        cache = tmp / "cache"
        cold = run_measured(pipeline_cmd(in_dir, tmp / "out-cold", cache, args.jobs))
        entries = _page_entries(cache)
        warm = run_measured(pipeline_cmd(in_dir, tmp / "out-warm", cache, args.jobs))
        rules = tmp / "rule-change.toml"
        rules.write_text(_RULE_CHANGE, encoding="utf-8")
        rerun = run_measured(pipeline_cmd(in_dir, tmp / "out-rules", cache, args.jobs, rules))
        # The fixed cost of any run (start-up, lexicon matcher, reports), measured as a warm run
        # over one cached page, so the per-page effect of the cache can be shown apart from it.
        one_page = tmp / "one" / "bench"
        one_page.mkdir(parents=True)
        first = PdfWriter()
        first.add_page(PdfReader(pdfs[0]).pages[0])
        with (one_page / "page1.pdf").open("wb") as fh:
            first.write(fh)
        run_measured(pipeline_cmd(one_page.parent, tmp / "out-one", tmp / "cache-one", args.jobs))
        fixed = run_measured(pipeline_cmd(one_page.parent, tmp / "out-one", tmp / "cache-one", args.jobs))
        t_ocrmypdf = None if args.no_ocrmypdf else ocrmypdf_seconds(pdfs, args.jobs, tmp / "ocrmypdf")
        n_ocrmypdf = sum(len(PdfReader(p).pages) for p in pdfs)
        rows = [
            (f"plain tesseract (pdf, {args.jobs} processes)", n, t_plain, plain.peak_mb),
            ("recordcheck, cold (no cached page)", n, cold.seconds, cold.peak_mb),
            ("recordcheck, warm (pages and facts cached)", n, warm.seconds, warm.peak_mb),
            ("recordcheck, warm after a rule change", n, rerun.seconds, rerun.peak_mb),
        ]
        if t_ocrmypdf is not None:
            rows.append((f"ocrmypdf (--jobs {args.jobs}, --output-type pdf)", n_ocrmypdf, t_ocrmypdf, None))
        print(f"{'run':<44} {'pages':>5} {'seconds':>8} {'pages/s':>8} {'peak MB':>8}  (memory: PSS of the process tree, "
              f"sampled with {100 * SAMPLER_CPU_SHARE:g}% of a core)")
        for name, pages_run, secs, mb in rows:
            print(f"{name:<44} {pages_run:5d} {secs:8.1f} {pages_run / secs:8.2f} "
                  f"{'' if mb is None else f'{mb:8.0f}':>8}")
        print(f"  cold run stored {entries} page entries in the cache for {n} pages "
              f"({'every page read afresh' if entries == n else 'SOME PAGES REPEAT: the cold figure is too good'})")
        throughput = t_plain / cold.seconds
        print(f"pipeline / plain tesseract throughput: {throughput:.3f} (target >= {TARGET_THROUGHPUT}: "
              f"{_verdict(throughput >= TARGET_THROUGHPUT)})")
        speedup = cold.seconds / warm.seconds
        print(f"warm re-run speed-up over cold: {speedup:.1f}x (target >= {TARGET_WARM_SPEEDUP:g}x: "
              f"{_verdict(speedup >= TARGET_WARM_SPEEDUP)})")
        print(f"  after a change to the extraction rules (OCR cached, every document extracted again): "
              f"{cold.seconds / rerun.seconds:.1f}x")
        per_cold = max(cold.seconds - fixed.seconds, 0.0) / n
        per_warm = max(warm.seconds - fixed.seconds, 1e-3) / n
        print(f"  of which fixed start-up per run (warm run over one page): {fixed.seconds:.2f} s; "
              f"per page beyond it: cold {1000 * per_cold:.0f} ms, warm {1000 * per_warm:.1f} ms "
              f"({per_cold / per_warm:.0f}x)")
        if t_ocrmypdf is not None:
            ratio = (n / cold.seconds) / (n_ocrmypdf / t_ocrmypdf)
            print(f"pipeline / ocrmypdf throughput (pages/s, ocrmypdf on the {len(pdfs)} sample PDFs): "
                  f"{ratio:.2f} (higher is faster)")
        elif not args.no_ocrmypdf:
            print("ocrmypdf: not installed, comparison skipped; install it with "
                  "`sudo apt-get install -y ocrmypdf` (or `pipx install ocrmypdf`) and run again")
        print("(the pipeline's time includes start-up, taking the page images out of the PDFs, cleaning, "
              "extraction and reports; plain tesseract reads the same page images from JPEG files; "
              "ocrmypdf's includes its own start-up per file)")
        if args.memory:
            peaks: dict[int, float] = {}
            for count in (MEMORY_PAGES, 10 * MEMORY_PAGES):
                one = long_pdf(pdfs, count, tmp / f"long{count}" / "bench" / f"long-{count}.pdf")
                cmd = pipeline_cmd(one.parent.parent, tmp / f"out-{count}", None, args.jobs)
                m = run_measured(cmd, dense=True)
                peaks[count] = m.peak_mb
                print(f"peak memory, {count}-page PDF: {m.peak_mb:.0f} MB ({count / m.seconds:.2f} pages/s) "
                      f"(target <= {TARGET_PEAK_MB} MB: {_verdict(m.peak_mb <= TARGET_PEAK_MB)})")
            growth = peaks[10 * MEMORY_PAGES] / peaks[MEMORY_PAGES] - 1
            print(f"peak memory growth from {MEMORY_PAGES} to {10 * MEMORY_PAGES} pages (the same "
                  f"{MEMORY_PAGES} pages once and ten times): {100 * growth:+.0f}% "
                  f"(target within {100 * TARGET_MEMORY_GROWTH:.0f}%: {_verdict(abs(growth) <= TARGET_MEMORY_GROWTH)})")
        else:
            print("peak memory on a 20- and a 200-page PDF: run `make bench ARGS=--memory` (slow)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
