"""The one driver: runs ingest -> rasterize -> preprocess -> ocr -> extract -> reconcile -> report."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import multiprocessing
import os
import queue
import re
import shutil
import stat
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple, Protocol

# `extract` is imported where it is used: it brings in spaCy (half a second), which the run
# thus loads after the OCR workers have started rather than before (see _Extraction), and
# they are forked without it.
from . import fact_cache, ingest, ocr, preprocess, rasterize, reconcile, report, tesseract
from .config import Settings
from .errors import BadArgsError, OcrError
from .lexicons import Lexicons, load_lexicons
from .procs import process_alive
from .records import Fact, Finding, InputFile, OcrPage, PageImage, Problem

log = logging.getLogger(__name__)

# Problems from these stages mean an input (or a page of it) was not read: exit status 2.
# "quality" rows are advice about pages that were read all the same.
UNREAD_STAGES = frozenset({"ingest", "rasterize", "ocr"})


class PageResult(NamedTuple):
    """What a worker sends back for one page."""

    page: PageImage
    ocr: OcrPage | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Progress:
    pages_done: int
    pages_total: int
    elapsed_s: float

    @property
    def seconds_left(self) -> float | None:
        if self.pages_done == 0:
            return None
        rate = self.elapsed_s / self.pages_done
        return max(0.0, rate * (self.pages_total - self.pages_done))


@dataclass(frozen=True)
class RunResult:
    out_dir: Path
    inputs: tuple[InputFile, ...]
    pages: tuple[OcrPage, ...]
    facts: tuple[Fact, ...]
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...]
    paths: report.ReportPaths
    elapsed_s: float

    @property
    def unread(self) -> bool:
        return any(p.stage in UNREAD_STAGES for p in self.problems)


class PageTask(NamedTuple):
    page: PageImage
    work_dir: Path
    settings: Settings
    cache_dir: Path | None
    # The page's key in the source cache (ocr.source_key); "" when it has none.
    source_key: str = ""


def process_page(task: PageTask) -> PageResult:
    """Preprocess and OCR one page; runs in a worker process, never raises for a bad page.

    A page seen before (same image, same settings) comes from the cache without cleaning or
    OCR. A page that reads badly is checked for orientation and, when it was upside down,
    read once more: the common upright page pays for neither.
    """
    page, work_dir, settings, cache_dir, source_key = task
    key = ""
    if cache_dir is not None:
        try:
            key = ocr.cache_key(page.image_path, page.dpi, settings, _cleaning_salt(settings))
            hit = ocr.load_page(cache_dir, key, page)
        except OSError:
            hit = None
        if hit is not None:
            _discard(page.image_path)
            if source_key:
                ocr.store_source(cache_dir, source_key, key, page.dpi)
            return PageResult(page, hit[0], tuple(hit[1]))
    problems: list[Problem] = []
    try:
        clean, quality = preprocess.preprocess_page(page, work_dir, settings)
        problems.extend(quality)
    except Exception as exc:  # a page we cannot clean is still worth reading as it is
        log.debug("preprocess failed on %s p%d", page.file, page.page, exc_info=True)
        problems.append(
            Problem(
                page.file,
                page.page,
                "preprocess",
                f"could not clean the page ({type(exc).__name__})",
                "the page was read without cleaning; check its highlights by eye",
            )
        )
        clean = page
    try:
        result = ocr.ocr_page(clean, work_dir, settings, cache_dir)
        if settings.preprocess.orientation and ocr.reads_poorly(result):
            clean, result = _read_turned(clean, result, work_dir, settings, cache_dir)
    except OcrError as exc:
        problems.append(
            Problem(
                page.file,
                page.page,
                "ocr",
                str(exc),
                "rescan the page or split the file, then run again",
            )
        )
        return PageResult(clean, None, tuple(problems))
    except Exception as exc:
        log.debug("OCR failed on %s p%d", page.file, page.page, exc_info=True)
        problems.append(
            Problem(
                page.file,
                page.page,
                "ocr",
                f"OCR failed ({type(exc).__name__})",
                "rescan the page or split the file, then run again",
            )
        )
        return PageResult(clean, None, tuple(problems))
    if cache_dir is not None and key:
        stored = ocr.store_page(cache_dir, key, result, problems)
        if stored and source_key:
            ocr.store_source(cache_dir, source_key, key, page.dpi)
    # The PDF holds the page image now: free the disk as we go, not at the end of the run.
    _discard(page.image_path, clean.image_path)
    return PageResult(clean, result, tuple(problems))


def _cleaning_salt(settings: Settings) -> str:
    return f"{preprocess.VERSION}|{settings.preprocess}|{settings.quality}"


def _cached_pages(
    inputs: Iterable[InputFile], settings: Settings, cache_dir: Path
) -> tuple[list[PageResult], dict[str, dict[int, str]]]:
    """Pages read before, found by their source keys; and the source key of every other page.

    A re-run thus neither renders nor hashes the page images it has seen, nor starts workers
    for them. Files that cannot be read are left out, for rasterizing to report.
    """
    salt = f"{_cleaning_salt(settings)}|{rasterize.VERSION}"
    found: list[PageResult] = []
    missing: dict[str, dict[int, str]] = {}
    for input_file in inputs:
        try:
            sha = ocr.file_digest(input_file.path)
        except OSError:
            continue
        todo = missing.setdefault(input_file.rel, {})
        for n in range(1, input_file.pages + 1):
            key = ocr.source_key(sha, n, settings, salt)
            hit = ocr.load_source(cache_dir, key, input_file.provider, input_file.rel, n)
            if hit is None:
                todo[n] = key
                continue
            page, page_problems = hit
            image = PageImage(
                provider=page.provider,
                file=page.file,
                page=page.page,
                image_path=cache_dir / f"{key}.src.json",
                dpi=page.dpi,
                width=page.width,
                height=page.height,
                rotation=page.rotation,
                skew=page.skew,
            )
            found.append(PageResult(image, page, tuple(page_problems)))
    return found, missing


def _read_turned(
    clean: PageImage, first: OcrPage, work_dir: Path, settings: Settings, cache_dir: Path | None
) -> tuple[PageImage, OcrPage]:
    """Turn a badly read page upright (OSD) and read it again; keep the better reading."""
    turned = preprocess.reorient_page(clean, work_dir, settings)
    if turned.rotation == clean.rotation:
        return clean, first
    try:
        second = ocr.ocr_page(turned, work_dir, settings, cache_dir)
    except OcrError:  # the first reading stands
        _discard(turned.image_path)
        return clean, first
    before, after = ocr.reading_confidence(first), ocr.reading_confidence(second)
    if after is None or (before is not None and after <= before):
        _discard(turned.image_path)
        return clean, first
    _discard(clean.image_path)
    return turned, second


def _discard(*images: Path) -> None:
    for image in images:
        image.unlink(missing_ok=True)


class RunEvents(Protocol):
    """What Executor.run tells its caller as the pages go."""

    def started(self) -> None:
        """No more processes will be forked: the workers are up, or none were needed."""

    def spare(self) -> None:
        """A core has no page left to read."""


class _NoEvents:
    def started(self) -> None:
        pass

    def spare(self) -> None:
        pass


_NO_EVENTS = _NoEvents()


class Executor(Protocol):
    """Runs page tasks; results come back as they finish, in any order."""

    def run(self, tasks: Iterable[PageTask], events: RunEvents = _NO_EVENTS) -> Iterator[PageResult]: ...


class SerialExecutor:
    """Runs pages one after another in this process: for tests and debugging."""

    def run(self, tasks: Iterable[PageTask], events: RunEvents = _NO_EVENTS) -> Iterator[PageResult]:
        events.started()
        # Tesseract reads each page in a child process while this one waits for it.
        events.spare()
        for task in tasks:
            yield process_page(task)


def _init_worker() -> None:
    # Tesseract's own OpenMP threads are slower than one process per core on few cores.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # Ctrl-C is the parent's to handle; workers stop when the pool is shut down.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _init_extract_worker() -> None:
    # Ctrl-C is the parent's to handle. Nothing else here: a forked child must not touch
    # libraries whose thread pools the parent may have started (OpenCV would hang).
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class ProcessExecutor:
    """A pool of worker processes, with at most 2 tasks a worker in flight so that page
    images are produced only as fast as they are read (memory and disk stay flat)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)

    def run(self, tasks: Iterable[PageTask], events: RunEvents = _NO_EVENTS) -> Iterator[PageResult]:
        pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_init_worker)
        pending: set[Future[PageResult]] = set()
        launched = False
        try:
            for task in tasks:
                pending.add(pool.submit(process_page, task))
                if not launched:
                    # The first task forks every worker: only now may the caller start
                    # threads (a forked child would inherit any lock they held).
                    launched = True
                    events.started()
                if len(pending) >= 2 * self.jobs:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        yield fut.result()
            if not launched:
                events.started()  # every page was cached or failed to render: no workers
            spared = False
            while pending:
                if not spared and len(pending) < self.jobs:
                    spared = True  # fewer pages left than workers: one of them waits
                    events.spare()
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield fut.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


# Extraction is shared among processes only from this many documents: below it, forking
# costs more than it saves.
_MIN_PARALLEL_DOCUMENTS = 4
# What the extraction workers need, set just before they are forked (they inherit it, so the
# lexicons and the built matchers are never pickled or built again).
_EXTRACT_CONTEXT: tuple[Lexicons, Settings] | None = None


def _extract_one(pages: list[OcrPage]) -> list[Fact]:
    assert _EXTRACT_CONTEXT is not None, "extraction worker started without its context"
    from . import extract  # see the note at the imports

    lexicons, settings = _EXTRACT_CONTEXT
    return extract.extract_facts(pages, lexicons, settings)


def _extract_documents(
    documents: list[list[OcrPage]], lexicons: Lexicons, settings: Settings, jobs: int
) -> list[list[Fact]]:
    """The facts of each document, in the order given.

    With `jobs` > 1 the documents are shared among forked processes: after the OCR (or with
    every page cached) the cores are otherwise idle while one process extracts.
    """
    global _EXTRACT_CONTEXT
    from . import extract  # see the note at the imports

    if (
        jobs < 2
        or len(documents) < _MIN_PARALLEL_DOCUMENTS
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [extract.extract_facts(doc, lexicons, settings) for doc in documents]
    # Largest first, so that no process is left with a long document at the end.
    order = sorted(range(len(documents)), key=lambda i: -len(documents[i]))
    results: list[list[Fact]] = [[] for _ in documents]
    # Built here (usually already, by _Extraction), the matchers are inherited by the workers.
    extract.build_nlp(lexicons, settings)
    _EXTRACT_CONTEXT = (lexicons, settings)
    # Objects that exist now are left out of the workers' garbage collections: a collection
    # would otherwise go through all of spaCy's and the lexicons' objects in each worker,
    # writing to (so copying) memory the workers share with this process.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(documents)),
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_extract_worker,
        ) as pool:
            futures = {i: pool.submit(_extract_one, documents[i]) for i in order}
            # The workers are forked: this process, idle until they answer, loads the CSV
            # writer now rather than after them.
            report.load_csv_writer()
            for i, future in futures.items():
                results[i] = future.result()
    finally:
        _EXTRACT_CONTEXT = None
        gc.unfreeze()
    return results


class _Extraction:
    """Extraction on a thread of its own while the OCR runs: its set-up, then spare-time documents.

    While the OCR workers read pages this process mostly waits for them. The thread loads the
    lexicons and spaCy and builds the extractor meanwhile (a second or two that the workers
    would otherwise spend waiting for this process to hand them pages). Once a core has no
    page left to read (RunEvents.spare), it extracts the documents whose pages are all
    in. Every document it has not begun when the last page is in is extracted in parallel
    after the OCR, as with no thread at all.

    It starts only once the OCR workers are forked (RunEvents.started): a process forked
    while this thread holds a lock (an import's, the allocator's) could wait for it forever.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lexicons: Lexicons | None = None
        # False when every document's facts are cached: the lexicons are loaded, not spaCy.
        self.needs_nlp = True
        self.facts: dict[str, list[Fact]] = {}  # by InputFile.rel
        self._todo: queue.SimpleQueue[tuple[str, list[OcrPage]]] = queue.SimpleQueue()
        self._spare = threading.Event()
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="recordcheck-extract", daemon=True)

    def started(self) -> None:
        """The OCR workers are forked: the thread may start."""
        self._thread.start()

    def spare(self) -> None:
        """A core is free: begin on the documents that are complete."""
        self._spare.set()

    def add(self, rel: str, pages: list[OcrPage]) -> None:
        """A complete document, to extract once a core is free."""
        self._todo.put((rel, pages))

    def check(self) -> None:
        """Raise what the thread raised (a damaged lexicon, say) now, not after the last page."""
        if self._error is not None:
            raise self._error

    def finish(self) -> Lexicons:
        """Stop after the current document and wait; the lexicons, or what the thread raised."""
        self.cancel()
        if self._thread.ident is None:
            self._thread.start()  # the run ended before the executor said it had started
        self._thread.join()
        self.check()
        assert self.lexicons is not None
        return self.lexicons

    def cancel(self) -> None:
        """Begin no other document (the last page is in, or the run is stopping); no wait."""
        self._stop.set()
        self._spare.set()

    def _work(self) -> None:
        try:
            from . import extract  # see the note at the imports

            self.lexicons = load_lexicons()
            if not self.needs_nlp:
                return
            extract.build_nlp(self.lexicons, self.settings)
            self._spare.wait()
            if not self._stop.is_set():
                report.load_csv_writer()  # while the last pages are read
            while not self._stop.is_set():
                try:
                    rel, pages = self._todo.get(timeout=0.05)
                except queue.Empty:
                    continue
                self.facts[rel] = extract.extract_facts(pages, self.lexicons, self.settings)
        except BaseException as exc:  # handed to the main thread by check() and finish()
            self._error = exc


WORK_DIR_PREFIX = "recordcheck-"
# recordcheck-<pid>-<random>: the pid lets a later run recognise folders of killed runs.
_WORK_DIR_NAME = re.compile(re.escape(WORK_DIR_PREFIX) + r"(\d+)-")


@contextlib.contextmanager
def private_work_dir() -> Iterator[Path]:
    """A folder only this user can read, removed on success, error and Ctrl-C.

    Folders left by runs that were killed outright (SIGKILL, power loss) hold page images of
    health records; they are removed first, when their process is gone.
    """
    remove_stale_work_dirs(Path(tempfile.gettempdir()))
    path = Path(tempfile.mkdtemp(prefix=f"{WORK_DIR_PREFIX}{os.getpid()}-"))
    os.chmod(path, stat.S_IRWXU)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def remove_stale_work_dirs(temp_dir: Path) -> int:
    """Remove this user's work folders in `temp_dir` whose run is no longer alive; return how many."""
    removed = 0
    try:
        entries = list(os.scandir(temp_dir))
    except OSError:
        return 0
    for entry in entries:
        match = _WORK_DIR_NAME.match(entry.name)
        if match is None or process_alive(int(match.group(1))):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid():
            shutil.rmtree(entry.path, ignore_errors=True)
            removed += 1
    if removed:
        log.info("removed %d work folder(s) left by interrupted runs", removed)
    return removed


_LETTERHEAD_SKIP = re.compile(r"\d|page|fax|date|patient|name|dob|mrn|^\W*$", re.IGNORECASE)


def provider_from_letterhead(page: OcrPage) -> str:
    """A provider slug from the first line of page 1 that reads like a letterhead, or ""."""
    for line in page.text.splitlines()[:6]:
        line = line.strip()
        letters = sum(ch.isalpha() for ch in line)
        if (
            len(line) >= 6
            and letters >= 0.8 * len(line.replace(" ", ""))
            and not _LETTERHEAD_SKIP.search(line)
        ):
            return re.sub(r"[^a-z0-9]+", "-", line.lower()).strip("-")[:60]
    return ""


def _page_tasks(
    inputs: Iterable[InputFile],
    work_dir: Path,
    settings: Settings,
    cache_dir: Path | None,
    problems: list[Problem],
    source_keys: dict[str, dict[int, str]] | None = None,
) -> Iterator[PageTask]:
    """A task for every page, or with `source_keys` only for the pages listed there (by file)."""
    for input_file in inputs:
        keys = None if source_keys is None else source_keys.get(input_file.rel)
        if keys is not None and not keys:
            continue  # every page of it is cached
        try:
            for item in rasterize.rasterize_pages(input_file, work_dir, settings, keys):
                if isinstance(item, Problem):
                    problems.append(item)
                else:
                    key = "" if keys is None else keys.get(item.page, "")
                    yield PageTask(item, work_dir, settings, cache_dir, key)
        except Exception as exc:
            log.debug("rasterize failed on %s", input_file.rel, exc_info=True)
            problems.append(
                Problem(
                    input_file.rel,
                    None,
                    "rasterize",
                    f"could not turn the file into page images ({type(exc).__name__})",
                    "open the file to check it is intact; re-save or rescan it",
                )
            )


def run(
    in_dir: Path,
    out_dir: Path,
    settings: Settings,
    *,
    executor: Executor | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    today: dt.date | None = None,
) -> RunResult:
    """Process every record in `in_dir` and write the reports into `out_dir`.

    For the length of the run the process umask is 077, so that every file it or its
    workers and helper programs create (reports, cache, page images) is private to the user.
    """
    with _private_umask():
        return _run(
            in_dir, out_dir, settings, executor=executor, on_progress=on_progress, today=today
        )


@contextlib.contextmanager
def _private_umask() -> Iterator[None]:
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def _run(
    in_dir: Path,
    out_dir: Path,
    settings: Settings,
    *,
    executor: Executor | None,
    on_progress: Callable[[Progress], None] | None,
    today: dt.date | None,
) -> RunResult:
    start = time.monotonic()
    in_dir = Path(in_dir)
    out_dir = Path(out_dir)
    if not in_dir.is_dir():
        raise BadArgsError(
            f"input folder {in_dir} does not exist; give the folder that holds one sub-folder per provider"
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise BadArgsError(
            f"--out {out_dir} is a file, not a folder; give a folder for the reports "
            "(it is created if missing)"
        )
    tesseract.check_dependencies()
    today = today or dt.date.today()
    blocked = [out_dir / name for name in _REPORT_NAMES if (out_dir / name).is_dir()]
    if blocked:
        raise BadArgsError(
            f"{blocked[0]} is a folder, so the report cannot be written there; "
            "move it out of the way or choose another --out"
        )
    # OUT before the cache: the default cache lives in OUT, and mkdir(parents=True) would
    # otherwise create OUT with the umask's loose mode instead of 0700.
    _make_private_dir(out_dir)
    _mark_output_dir(out_dir)
    # A run killed while putting its outputs in place left them half renamed: finish that
    # first, so OUT holds one run's complete set even if this run stops early too.
    report.remove_stale_temp_files(out_dir)
    cache_dir: Path | None = None
    if settings.cache.enabled:
        cache_dir = Path(settings.cache.dir) if settings.cache.dir else out_dir / ".cache"
        _make_private_dir(cache_dir)

    inputs, ingest_problems = ingest.find_inputs(in_dir, settings, exclude=(out_dir,))
    problems: list[Problem] = list(ingest_problems)
    if not inputs and not problems:
        raise BadArgsError(
            f"no PDF, TIFF, PNG or JPEG files found in {in_dir}; put each provider's records "
            "in a sub-folder of it (IN/<provider>/<files>)"
        )
    log.info(
        "found %d files (%d pages) from %d providers",
        len(inputs),
        sum(f.pages for f in inputs),
        len({f.provider for f in inputs}),
    )
    total = sum(f.pages for f in inputs)
    executor = executor or (ProcessExecutor(min(settings.jobs, max(1, total))))

    by_file: dict[str, list[OcrPage]] = defaultdict(list)
    seen: dict[str, int] = defaultdict(int)  # results by file, read or not
    files = {f.rel: f for f in inputs}
    done = 0
    cached: list[PageResult] = []
    source_keys: dict[str, dict[int, str]] | None = None
    if cache_dir is not None:
        cached, source_keys = _cached_pages(inputs, settings, cache_dir)
    known = fact_cache.Lookup(cache_dir, settings)
    extraction = _Extraction(settings)
    if source_keys is not None and not any(source_keys.values()):
        # Every page is cached: when every document's facts are too, spaCy is not needed.
        cached_docs: dict[str, list[OcrPage]] = defaultdict(list)
        for result in cached:
            if result.ocr is not None:
                cached_docs[result.page.file].append(result.ocr)
        extraction.needs_nlp = not all(
            known.has(rel, _document(files[rel], doc)) for rel, doc in cached_docs.items()
        )
    with private_work_dir() as work_dir:
        tasks = _page_tasks(inputs, work_dir, settings, cache_dir, problems, source_keys)
        results = _chain(cached, executor.run(tasks, extraction))
        # Closing the results stops the workers before the work folder is removed, also when
        # Ctrl-C lands in this loop rather than inside the executor.
        with _closing(results), _cancelling(extraction):
            for result in results:
                problems.extend(result.problems)
                rel = result.page.file
                if result.ocr is not None:
                    by_file[rel].append(result.ocr)
                seen[rel] += 1
                input_file = files.get(rel)
                if input_file and seen[rel] == input_file.pages and by_file.get(rel):
                    document = _document(input_file, by_file[rel])
                    if not known.has(rel, document):
                        extraction.add(rel, document)
                extraction.check()
                done += 1
                if on_progress:
                    on_progress(Progress(done, total, time.monotonic() - start))
            lexicons = extraction.finish()

        pages: list[OcrPage] = []
        documents: dict[str, list[OcrPage]] = {}
        for input_file in inputs:
            if by_file.get(input_file.rel):
                documents[input_file.rel] = _document(input_file, by_file[input_file.rel])
                pages.extend(documents[input_file.rel])
        left = [rel for rel in documents if rel not in extraction.facts and not known.has(rel, documents[rel])]
        jobs = executor.jobs if isinstance(executor, ProcessExecutor) else 1
        extracted = _extract_documents([documents[rel] for rel in left], lexicons, settings, jobs)
        new = {**extraction.facts, **dict(zip(left, extracted, strict=True))}
        for rel, document_facts in new.items():
            known.keep(rel, document_facts)
        by_document = {**known.found, **new}
        facts = [fact for rel in documents for fact in by_document[rel]]

        findings = reconcile.reconcile_facts(facts, lexicons, settings, today)
        summary = report.RunSummary(
            input_dir=str(in_dir),
            files=len(inputs),
            pages=len(pages),
            providers=tuple(sorted({p.provider for p in pages})),
            problems=len(problems),
            elapsed_s=time.monotonic() - start,
            patient=_patient_name(facts),
        )
        problems.sort(key=lambda p: (p.file, p.page or 0, p.stage))
        paths = report.write_reports(out_dir, facts, findings, problems, pages, summary)
    return RunResult(
        out_dir=out_dir,
        inputs=tuple(inputs),
        pages=tuple(pages),
        facts=tuple(facts),
        findings=tuple(findings),
        problems=tuple(problems),
        paths=paths,
        elapsed_s=time.monotonic() - start,
    )


_REPORT_NAMES = (
    report.DISCREPANCIES_NAME,
    report.FACTS_NAME,
    report.PROBLEMS_NAME,
    report.ANNOTATED_NAME,
)


def _make_private_dir(path: Path) -> None:
    """Create `path` (and missing parents) with the folder itself 0700; an existing one is kept."""
    if path.is_dir():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.mkdir(mode=stat.S_IRWXU, exist_ok=True)
    os.chmod(path, stat.S_IRWXU)  # mkdir's mode is filtered by the umask


def _mark_output_dir(out_dir: Path) -> None:
    # Lets a later run with OUT inside IN skip this folder even under another --out.
    marker = out_dir / ingest.OUTPUT_MARKER
    if not marker.exists():
        marker.touch(mode=0o600)


def _document(input_file: InputFile, pages: list[OcrPage]) -> list[OcrPage]:
    """The pages read from one input file, in order, as extraction takes them."""
    doc_pages = sorted(pages, key=lambda p: p.page)
    if "/" not in input_file.rel:  # directly in IN: the letterhead names the provider
        provider = provider_from_letterhead(doc_pages[0]) or input_file.provider
        doc_pages = [replace(p, provider=provider) for p in doc_pages]
    return doc_pages


@contextlib.contextmanager
def _cancelling(extraction: _Extraction) -> Iterator[None]:
    """On an error or Ctrl-C, let the extraction thread stop rather than go on for nothing."""
    try:
        yield
    except BaseException:
        extraction.cancel()
        raise


def _chain(first: Iterable[PageResult], then: Iterator[PageResult]) -> Iterator[PageResult]:
    """`first`, then `then`; closing this closes `then` (so that its workers stop)."""
    yield from first
    yield from then


@contextlib.contextmanager
def _closing(results: Iterator[PageResult]) -> Iterator[None]:
    try:
        yield
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()


def _patient_name(facts: Iterable[Fact]) -> str:
    names = [f.value or f.text for f in facts if f.kind == "identity" and f.name == "name"]
    if not names:
        return ""
    return max(set(names), key=names.count).title()
