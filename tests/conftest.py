"""Shared fixtures: the committed samples and one real end-to-end run over them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
RECORDCHECK = [sys.executable, "-m", "pipeline.cli"]


@dataclass(frozen=True)
class CliRun:
    returncode: int
    stdout: str
    stderr: str
    out_dir: Path


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RECORDCHECK, *args], capture_output=True, text=True, timeout=timeout,
                          env=env or dict(os.environ), cwd=ROOT)


@pytest.fixture(scope="session")
def basic_truth() -> dict[str, Any]:
    return json.loads((SAMPLES / "truth.json").read_text())


@pytest.fixture(scope="session")
def basic_run(tmp_path_factory: pytest.TempPathFactory) -> CliRun:
    """The real pipeline (Tesseract, Poppler, every stage) over samples/scans, once per session."""
    out = tmp_path_factory.mktemp("e2e") / "out"
    proc = run_cli("process", str(SAMPLES / "scans"), "--out", str(out), "--no-cache")
    return CliRun(proc.returncode, proc.stdout, proc.stderr, out)
