"""Exit statuses and messages of `recordcheck process` (OCRmyPDF's convention)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline import cli
from pipeline.errors import ExitCode
from tests.conftest import run_cli


def _page_png(path: Path, lines: list[str]) -> None:
    """A small clean 300-DPI page with a few lines of text."""
    img = Image.new("L", (1700, 900), 255)
    draw = ImageDraw.Draw(img)
    try:
        font: ImageFont.ImageFont | ImageFont.FreeTypeFont = ImageFont.truetype("DejaVuSans.ttf", 40)
    except OSError:
        font = ImageFont.load_default()
    for i, line in enumerate(lines):
        draw.text((100, 100 + 70 * i), line, fill=0, font=font)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, dpi=(300, 300))


def test_missing_input_folder_is_bad_usage(tmp_path: Path) -> None:
    proc = run_cli("process", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert proc.returncode == ExitCode.BAD_ARGS
    assert "does not exist" in proc.stderr


def test_unknown_flag_is_bad_usage(tmp_path: Path) -> None:
    assert cli.main(["process", str(tmp_path), "--out", str(tmp_path / "o"), "--frobnicate"]) == ExitCode.BAD_ARGS


def test_bad_config_is_bad_usage_and_names_the_key(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[ocr]\nspeed = 3\n")
    (tmp_path / "in").mkdir()
    proc = run_cli("process", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--config", str(cfg))
    assert proc.returncode == ExitCode.BAD_ARGS
    assert "speed" in proc.stderr


def test_empty_input_folder_says_what_to_put_there(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    proc = run_cli("process", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert proc.returncode == ExitCode.BAD_ARGS
    assert "sub-folder" in proc.stderr


def test_unreadable_input_gives_status_2_and_the_rest_is_processed(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    _page_png(in_dir / "clinic" / "meds.png", ["Medications", "Lisinopril 10 mg daily"])
    (in_dir / "clinic" / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    out = tmp_path / "out"
    proc = run_cli("process", str(in_dir), "--out", str(out), "--jobs", "1")
    assert proc.returncode == ExitCode.INPUT_PROBLEMS, proc.stderr
    problems = (out / "problems.csv").read_text()
    assert "broken.pdf" in problems
    assert "problems.csv" in proc.stdout
    facts = (out / "facts.csv").read_text()
    assert "lisinopril" in facts


def test_missing_tesseract_gives_status_3_and_the_install_command(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    _page_png(in_dir / "clinic" / "p.png", ["Medications"])
    env = dict(os.environ, PATH=str(Path(sys.executable).parent))  # the venv only: no tesseract
    proc = run_cli("process", str(in_dir), "--out", str(tmp_path / "out"), env=env)
    assert proc.returncode == ExitCode.MISSING_DEPENDENCY
    assert "apt-get install" in proc.stderr


def test_ctrl_c_gives_status_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run", interrupted)
    (tmp_path / "in").mkdir()
    assert cli.main(["process", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == ExitCode.INTERRUPTED
