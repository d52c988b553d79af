"""Records stay on the machine and private: no network, private files and folders, no content in logs."""

from __future__ import annotations

import ast
import datetime as dt
import json
import os
import re
import socket
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from pipeline import api, report
from pipeline.config import load_settings
from pipeline.errors import ExitCode
from tests.conftest import ROOT, SAMPLES, run_cli
from tests.test_reliability import (
    KEPT_HIDDEN,
    MEDS_PAGE,
    OUTPUTS,
    read_csv,
    sample_runs,
    text_pdf_bytes,
    text_png,
    work_dirs,
    write,
)

PACKAGE = ROOT / "pipeline"
NETWORK_MODULES = (
    "socket", "ssl", "urllib", "urllib3", "http", "requests", "httpx", "aiohttp",
    "ftplib", "smtplib", "telnetlib", "xmlrpc", "websocket", "websockets",
)  # fmt: skip


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- no network ------------------------------------------------------------------------


def _imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            names += [str(a.value) for a in node.args if isinstance(a, ast.Constant)]
    return names


def test_package_imports_no_network_module() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for name in _imports(ast.parse(path.read_text(), str(path))):
            if name.split(".")[0] in NETWORK_MODULES:
                found.append(f"{path.relative_to(ROOT)}: {name}")
    assert found == []


class NetworkAttempt(RuntimeError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """socket.socket and friends raise, and leave a note in a file (seen across fork)."""
    notes = tmp_path / "network-attempts.txt"

    def refuse(*args: Any, **kwargs: Any) -> Any:
        with notes.open("a") as fh:
            fh.write(f"{args!r}\n")
        raise NetworkAttempt("network access attempted at run time")

    class NoSocket(socket.socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            refuse(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)
    return notes


@pytest.mark.parametrize("executor", ["serial", "process"])
def test_pipeline_runs_to_the_end_with_sockets_blocked(
    tmp_path: Path, no_network: Path, monkeypatch: pytest.MonkeyPatch, executor: str
) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "out"
    text_png(in_dir / "clinic" / "meds.png", MEDS_PAGE)
    write(in_dir / "pharmacy" / "list.pdf", text_pdf_bytes([MEDS_PAGE]))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    settings = load_settings(None, jobs=2, dpi=150, cache_enabled=False)
    # None: the driver's own choice, the forked process pool (workers inherit the patches).
    chosen = api.SerialExecutor() if executor == "serial" else None
    result = api.run(in_dir, out, settings, executor=chosen, today=dt.date(2025, 1, 1))
    assert not no_network.exists(), no_network.read_text()
    assert not result.unread, result.problems
    assert {(f.provenance.file, f.name) for f in result.facts} >= {
        ("clinic/meds.png", "lisinopril"),
        ("pharmacy/list.pdf", "lisinopril"),
    }
    assert all((out / name).is_file() for name in OUTPUTS)
    assert work_dirs(tmp_path) == []


# --- private files and folders ----------------------------------------------------------


def test_new_out_folder_is_0700_and_every_file_in_it_0600(tmp_path: Path) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "new" / "out"
    text_png(in_dir / "clinic" / "meds.png", MEDS_PAGE)
    proc = run_cli("process", str(in_dir), "--out", str(out), "--jobs", "1")
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert _mode(out) == 0o700
    cache = out / ".cache"  # the default cache: OCR text of health records
    assert _mode(cache) == 0o700
    files = [p for p in out.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= set(OUTPUTS)
    assert any(p.parent == cache for p in files)
    assert {str(p.relative_to(out)): _mode(p) for p in files} == {
        str(p.relative_to(out)): 0o600 for p in files
    }


def test_custom_cache_folder_is_created_private_with_private_files(tmp_path: Path) -> None:
    in_dir, cache = tmp_path / "in", tmp_path / "caches" / "recordcheck"
    text_png(in_dir / "clinic" / "meds.png", MEDS_PAGE)
    args = ["process", str(in_dir), "--out", str(tmp_path / "out"), "--cache-dir", str(cache)]
    proc = run_cli(*args, "--jobs", "1")
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert _mode(cache) == 0o700
    entries = list(cache.iterdir())
    assert entries and all(_mode(p) == 0o600 for p in entries), [
        (p.name, oct(_mode(p))) for p in entries
    ]


def test_existing_out_folder_keeps_its_mode_but_outputs_are_0600(tmp_path: Path) -> None:
    in_dir, out = tmp_path / "in", tmp_path / "shared"
    text_png(in_dir / "clinic" / "meds.png", MEDS_PAGE)
    out.mkdir()
    out.chmod(0o755)  # the user's own choice of folder is respected
    proc = run_cli("process", str(in_dir), "--out", str(out), "--jobs", "1", "--no-cache")
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert _mode(out) == 0o755
    assert {name: _mode(out / name) for name in OUTPUTS} == dict.fromkeys(OUTPUTS, 0o600)


def _run_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **kwargs: Any
) -> api.RunResult:
    in_dir = tmp_path / "in"
    for n in range(2):
        write(in_dir / "clinic" / f"visit-{n}.pdf", text_pdf_bytes([MEDS_PAGE, MEDS_PAGE]))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    settings = load_settings(None, jobs=2, dpi=150, cache_enabled=False)
    return api.run(in_dir, tmp_path / "out", settings, **kwargs)


def test_work_folder_is_0700_during_the_run_and_removed_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, int, int]] = []

    def look(progress: api.Progress) -> None:
        for d in tmp_path.glob("recordcheck-*"):
            # Page images are deleted as soon as they are read, so look for the per-document
            # folders they are written in, which stay until the run ends.
            seen.append((d.name, _mode(d), len(list(d.iterdir()))))

    _run_in_process(tmp_path, monkeypatch, on_progress=look)
    assert seen, "no work folder while pages were processed"
    assert {mode for _, mode, _ in seen} == {0o700}
    assert any(entries for _, _, entries in seen)  # the page images are written there
    assert work_dirs(tmp_path) == []


@pytest.mark.parametrize("failure", [RuntimeError("bug"), KeyboardInterrupt()])
def test_work_folder_is_removed_on_error_and_on_ctrl_c(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    calls = []

    def fail_midway(progress: api.Progress) -> None:
        calls.append(progress.pages_done)
        if progress.pages_done == 1:  # pages still in flight in the workers
            raise failure

    with pytest.raises(type(failure)):
        _run_in_process(tmp_path, monkeypatch, on_progress=fail_midway)
    assert calls == [1]
    assert work_dirs(tmp_path) == []
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} <= KEPT_HIDDEN


def test_stale_work_folder_of_a_killed_run_is_removed_but_live_ones_are_kept(
    tmp_path: Path,
) -> None:
    dead_pid = 2**22 + 12345  # above the default pid_max, so no process has it
    dead = tmp_path / f"recordcheck-{dead_pid}-abc123"
    live = tmp_path / f"recordcheck-{os.getpid()}-def456"
    other = tmp_path / "recordcheck-eval-xyz"  # another tool's folder: not ours to judge
    for d in (dead, live, other):
        (d / "doc").mkdir(parents=True)
        (d / "doc" / "000001_raster.png").write_bytes(b"page image")
    assert api.remove_stale_work_dirs(tmp_path) == 1
    assert not dead.exists() and live.exists() and other.exists()


def test_stale_temporary_outputs_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    dead_pid = 2**22 + 12345
    stale = [
        tmp_path / f".facts.csv.tmp-{dead_pid}",
        tmp_path / f".annotated.pdf.new-{dead_pid}",
        tmp_path / f"..problems.csv.new-{dead_pid}.tmp-{dead_pid}",
    ]
    alive = os.getppid()  # a running process: its temporary file may be in use
    keep = [
        tmp_path / "facts.csv",
        tmp_path / ".notes.txt.tmp-1",
        tmp_path / f".facts.csv.tmp-{alive}",
    ]
    for p in stale + keep:
        p.write_text("x")
    report.remove_stale_temp_files(tmp_path)
    assert [p for p in stale if p.exists()] == []
    assert all(p.exists() for p in keep)


# --- logs name files and counts, never record content --------------------------------


def _truth_secrets() -> list[str]:
    """Patient name, DOB (as ISO and as written), MRNs and drug/allergen names of the samples."""
    truth = json.loads((SAMPLES / "truth.json").read_text())
    secrets = set(truth["patient"]["name"].split())
    secrets.add(truth["patient"]["dob"])
    for doc in truth["documents"]:
        for fact in doc["facts"]:
            if fact["kind"] == "identity":
                secrets.update(fact.get(k, "") for k in ("value", "date"))
                secrets.add(fact.get("text", "").split(":")[-1].strip())  # "DOB: 04/12/1961"
            elif fact["kind"] in ("medication", "allergy"):
                secrets.add(fact["name"])
                # The drug as written (a brand such as Zestril): the first word of the entry.
                words = re.findall(r"[A-Za-z]{4,}", fact.get("text", ""))
                if words:
                    secrets.add(words[0])
    # Shorter strings (the middle initial "l") would match anywhere.
    return sorted(s for s in secrets if len(s) >= 4)


def test_secrets_list_covers_name_dob_mrn_and_drugs() -> None:
    secrets = {s.lower() for s in _truth_secrets()}
    assert {"maria", "gonzalez", "1961-04-12", "04/12/1961", "pc-448812", "0073 1956"} <= secrets
    assert {"lisinopril", "zestril", "penicillin", "metformin"} <= secrets


@pytest.mark.parametrize("verbosity", ["default", "-v"])
def test_log_of_a_sample_run_holds_no_record_content(verbosity: str) -> None:
    run = sample_runs()[0 if verbosity == "default" else 1]
    assert run.returncode == ExitCode.OK, run.stderr
    log_text = (run.stdout + run.stderr).lower()
    leaked = [s for s in _truth_secrets() if s.lower() in log_text]
    assert leaked == [], leaked
    # ...and it does say what was read, by counts.
    assert "Read " in run.stdout and "pages from" in run.stdout
    if verbosity == "-v":
        assert "INFO" in run.stderr


def test_reports_do_name_the_patient_the_log_does_not() -> None:
    # The grep above would pass vacuously if the run had read nothing.
    facts = read_csv(sample_runs()[0].out / "facts.csv")
    assert "lisinopril" in set(facts.name)


_LOG_LEVELS_SHOWN = {"info", "warning", "error", "exception", "critical"}
# Arguments that INFO-and-above log calls may format: counts, DPI, paths of our own folders
# and OS errors about them. A new argument fails this test until someone has checked that
# it can never carry record content (names, drugs, text) and added it here.
_SAFE_LOG_ARGS = {"n", "dpi", "removed", "cache_dir", "exc"}
_SAFE_CALLS = {"len", "sum"}


def _log_calls(tree: ast.AST) -> list[ast.Call]:
    calls = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _LOG_LEVELS_SHOWN
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in {"log", "logger", "logging"}
        ):
            calls.append(node)
    return calls


def _safe_arg(arg: ast.expr) -> bool:
    if isinstance(arg, ast.Constant):
        return True
    if isinstance(arg, ast.Name):
        return arg.id in _SAFE_LOG_ARGS
    if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name):
        return arg.func.id in _SAFE_CALLS
    return False


def test_info_and_louder_log_calls_format_only_counts_and_paths() -> None:
    unsafe = []
    count = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        for call in _log_calls(ast.parse(path.read_text(), str(path))):
            count += 1
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if not call.args or not isinstance(call.args[0], ast.Constant):
                unsafe.append(f"{where}: the message is not a plain string")
            unsafe += [f"{where}: {ast.unparse(a)}" for a in call.args[1:] if not _safe_arg(a)]
            unsafe += [f"{where}: {k.arg}=" for k in call.keywords if k.arg != "exc_info"]
    assert count > 0
    assert unsafe == []


@pytest.mark.parametrize(("flag", "shown"), [("-q", False), ("-v", False), ("-vv", True)])
def test_library_warnings_quoting_the_file_appear_only_at_debug(
    tmp_path: Path, flag: str, shown: bool
) -> None:
    in_dir = tmp_path / "in"
    # No %%EOF: pypdf reads it but warns, and its warnings may quote raw bytes of the file.
    data = text_pdf_bytes([MEDS_PAGE]).rstrip()
    assert data.endswith(b"%%EOF")
    write(in_dir / "clinic" / "visit.pdf", data[: -len(b"%%EOF")])
    proc = run_cli("process", str(in_dir), "--out", str(tmp_path / "out"), "--dpi", "100", flag)
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert ("pypdf" in proc.stderr) == shown, proc.stderr[-2000:]
