"""Settings: defaults, the user's file, then flags; unknown or wrong-typed keys fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.errors import ConfigError, ExitCode


def test_defaults_come_from_the_bundled_toml() -> None:
    s = load_settings()
    assert s.ocr.dpi == 300
    assert s.ocr.lang == "eng"
    assert s.cache.enabled is True
    assert s.jobs >= 1


def test_user_file_overrides_defaults_and_flags_override_the_file(tmp_path: Path) -> None:
    cfg = tmp_path / "my.toml"
    cfg.write_text("[ocr]\ndpi = 200\njobs = 3\n[reconcile]\nstale_years = 5\n")
    s = load_settings(cfg, jobs=1)
    assert s.ocr.dpi == 200
    assert s.ocr.jobs == 1
    assert s.reconcile.stale_years == 5.0


@pytest.mark.parametrize(
    "text, message",
    [
        ("[ocr]\ndpii = 200\n", "unknown setting [ocr] dpii"),
        ("[orc]\ndpi = 200\n", "unknown section [orc]"),
        ('[ocr]\ndpi = "high"\n', "must be int"),
        ("[ocr]\ndpi = 20\n", "dpi must be between"),
        ('[preprocess]\nbinarize = "sometimes"\n', "binarize must be"),
        ("[ocr\n", "not valid TOML"),
    ],
)
def test_bad_config_is_refused_with_a_message_naming_the_key(tmp_path: Path, text: str, message: str) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert message in str(info.value)
    assert info.value.exit_code == ExitCode.BAD_ARGS


def test_missing_config_file_says_to_check_the_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="check the path"):
        load_settings(tmp_path / "nope.toml")
