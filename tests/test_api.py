"""The driver's own decisions: which provider a loose file belongs to, when documents are extracted."""

from __future__ import annotations

import multiprocessing
import shutil
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pipeline import api, extract, fact_cache
from pipeline.api import provider_from_letterhead
from pipeline.config import Settings, load_settings
from pipeline.errors import ConfigError
from pipeline.extract_text import ocr_page_from_text
from pipeline.records import PageImage


@pytest.mark.parametrize(
    "text, provider",
    [
        ("RIVERSIDE PRIMARY CARE\n1200 Main Street\nPatient: Maria Gonzalez", "riverside-primary-care"),
        ("Page 1 of 2\nSt. Mary's Regional Hospital\nDischarge Summary", "st-mary-s-regional-hospital"),
        ("FAX 05/06/2024 14:32 P.001\nLakeview Endocrinology\nReferral", "lakeview-endocrinology"),
    ],
)
def test_a_loose_file_takes_its_provider_from_the_letterhead(text: str, provider: str) -> None:
    assert provider_from_letterhead(ocr_page_from_text(text)) == provider


def test_no_letterhead_leaves_the_file_name_to_decide() -> None:
    page = ocr_page_from_text("Patient: Maria Gonzalez  DOB: 04/12/1961\n03/14/2024")
    assert provider_from_letterhead(page) == ""


# --- extraction while the OCR runs --------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def _extracting_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread that extracts each document, in the order they are extracted."""
    names: list[str] = []
    real = extract.extract_facts

    def spy(*args: Any, **kwargs: Any) -> Any:
        names.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(extract, "extract_facts", spy)
    return names


def _sample_runs(tmp_path: Path) -> tuple[Settings, Callable[..., api.RunResult]]:
    """The basic sample scans as tmp_path/in, settings with a cache, and a serial run of them."""
    shutil.copytree(ROOT / "samples" / "scans", tmp_path / "in")
    settings = load_settings(jobs=1, cache_dir=tmp_path / "cache")

    def run(out: str, with_settings: Settings = settings) -> api.RunResult:
        return api.run(tmp_path / "in", tmp_path / out, with_settings, executor=api.SerialExecutor())

    return settings, run


def _same_outputs(first: Path, second: Path, *names: str) -> bool:
    return all((first / name).read_bytes() == (second / name).read_bytes() for name in names)


def test_documents_read_during_ocr_give_the_facts_of_documents_read_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, run = _sample_runs(tmp_path)
    threads = _extracting_threads(monkeypatch)
    # Cold: each document is complete before the last page is read, and extracted then.
    during = run("out1")
    assert "recordcheck-extract" in threads
    threads.clear()
    # The same pages (from the cache), with every document left for after the last page (and
    # extracted again: the facts cache is kept out of it).
    monkeypatch.setattr(api._Extraction, "add", lambda self, rel, pages: None)
    monkeypatch.setattr(fact_cache, "load", lambda cache_dir, key: None)
    after = run("out2")
    assert threads and "recordcheck-extract" not in threads
    assert all(p.cached for p in after.pages)
    assert during.facts and after.facts == during.facts
    assert after.findings == during.findings
    assert _same_outputs(tmp_path / "out1", tmp_path / "out2", "facts.csv", "discrepancies.csv")


def test_a_re_run_takes_each_documents_facts_from_the_cache_until_a_rule_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, run = _sample_runs(tmp_path)
    threads = _extracting_threads(monkeypatch)
    builds: list[int] = []
    real_build = extract.build_nlp
    monkeypatch.setattr(extract, "build_nlp", lambda *a, **k: builds.append(1) or real_build(*a, **k))
    first = run("out1")
    documents = len({p.file for p in first.pages})
    assert len(threads) == documents >= 3
    threads.clear()
    builds.clear()
    # Nothing changed: no document is extracted, spaCy is not even set up, and the outputs
    # are those of the first run.
    again = run("out2")
    assert threads == [] and builds == []
    assert again.facts == first.facts and again.findings == first.findings
    assert _same_outputs(tmp_path / "out1", tmp_path / "out2", "facts.csv", "discrepancies.csv", "problems.csv")
    # A damaged entry costs its document one extraction, nothing else.
    entries = sorted((tmp_path / "cache").glob("*.facts.json"))
    assert len(entries) == documents
    entries[0].write_text("{", encoding="utf-8")
    mended = run("out3")
    assert len(threads) == 1 and mended.facts == first.facts
    threads.clear()
    # A rule changes: every document is extracted again, every page still comes from the cache.
    changed = run("out4", replace(settings, extract=replace(settings.extract, low_confidence=54.5)))
    assert len(threads) == documents
    assert all(p.cached for p in changed.pages)


def test_a_lexicon_that_fails_to_load_stops_the_run_with_its_own_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "samples" / "scans" / "city-pharmacy", tmp_path / "in" / "pharmacy")

    def broken() -> None:
        raise ConfigError("models/drugs.csv is damaged; reinstall RecordCheck")

    monkeypatch.setattr(api, "load_lexicons", broken)
    with pytest.raises(ConfigError, match="damaged"):
        api.run(tmp_path / "in", tmp_path / "out", load_settings(jobs=1, cache_enabled=False),
                executor=api.SerialExecutor())
    assert not (tmp_path / "out" / "facts.csv").exists()


def _unreadable_task(tmp_path: Path, n: int) -> api.PageTask:
    page = PageImage("p", f"missing{n}.png", 1, tmp_path / f"missing{n}.png", 300, 100, 100)
    return api.PageTask(page, tmp_path, Settings(), None)


class _Recorder:
    """RunEvents that note the worker processes alive at each event."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, int]] = []

    def started(self) -> None:
        self.seen.append(("started", len(multiprocessing.active_children())))

    def spare(self) -> None:
        self.seen.append(("spare", len(multiprocessing.active_children())))


def test_the_pool_forks_every_worker_before_it_says_it_started(tmp_path: Path) -> None:
    events = _Recorder()
    tasks = [_unreadable_task(tmp_path, n) for n in range(3)]
    results = list(api.ProcessExecutor(2).run(tasks, events))
    assert len(results) == 3  # each page reported, none raised
    # Started once, first, with both workers already there; a spare core at most once after
    # (not at all when the last pages finish together).
    assert events.seen[0] == ("started", 2)
    assert events.seen[1:] in ([], [("spare", 2)])


def test_a_pool_without_pages_still_says_it_started(tmp_path: Path) -> None:
    events = _Recorder()
    assert list(api.ProcessExecutor(2).run([], events)) == []
    assert events.seen == [("started", 0)]
