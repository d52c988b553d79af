"""One validated settings model: config/default.toml, then the user's file, then flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class OcrSettings:
    dpi: int = 300
    lang: str = "eng"
    psm: int = 3
    oem: int = 1
    timeout_s: float = 180.0
    jobs: int = 0


@dataclass(frozen=True)
class CacheSettings:
    enabled: bool = True
    dir: str = ""


@dataclass(frozen=True)
class PreprocessSettings:
    orientation: bool = True
    deskew: bool = True
    max_skew_deg: float = 15.0
    denoise: bool = True
    binarize: str = "auto"
    remove_borders: bool = True


@dataclass(frozen=True)
class QualitySettings:
    min_dpi: int = 150
    min_sharpness: float = 60.0
    min_contrast: float = 40.0


@dataclass(frozen=True)
class LimitSettings:
    max_pixels: int = 200_000_000
    max_file_mb: int = 2048
    max_pages: int = 5000


@dataclass(frozen=True)
class ExtractSettings:
    fuzzy_min_score: float = 86.0
    ambiguity_margin: float = 4.0
    lookalike_margin: float = 15.0
    low_confidence: float = 55.0


@dataclass(frozen=True)
class ReconcileSettings:
    stale_years: float = 2.0
    name_similarity_low: float = 92.0
    name_variant_min: float = 85.0
    vaccine_pair_days: float = 366.0
    unheaded_list_min: int = 3


@dataclass(frozen=True)
class Settings:
    ocr: OcrSettings = OcrSettings()
    cache: CacheSettings = CacheSettings()
    preprocess: PreprocessSettings = PreprocessSettings()
    quality: QualitySettings = QualitySettings()
    limits: LimitSettings = LimitSettings()
    extract: ExtractSettings = ExtractSettings()
    reconcile: ReconcileSettings = ReconcileSettings()
    patient_name: str = ""
    patient_dob: str = ""

    @property
    def jobs(self) -> int:
        return self.ocr.jobs if self.ocr.jobs > 0 else (os.cpu_count() or 1)


_SECTION_TYPES: dict[str, type] = {
    "ocr": OcrSettings,
    "cache": CacheSettings,
    "preprocess": PreprocessSettings,
    "quality": QualitySettings,
    "limits": LimitSettings,
    "extract": ExtractSettings,
    "reconcile": ReconcileSettings,
}


def _coerce(section: str, key: str, value: Any, default: Any) -> Any:
    expected = type(default)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ConfigError(
            f"setting [{section}] {key} must be {expected.__name__}, got {value!r}; "
            "fix it in your config file (see config/default.toml for the defaults)"
        )
    return value


def _apply(settings: Settings, data: dict[str, Any], origin: str) -> Settings:
    updates: dict[str, Any] = {}
    for section, values in data.items():
        cls = _SECTION_TYPES.get(section)
        if cls is None or not isinstance(values, dict):
            raise ConfigError(
                f"{origin}: unknown section [{section}]; known sections are "
                f"{', '.join(sorted(_SECTION_TYPES))}"
            )
        current = getattr(settings, section)
        known = {f.name for f in fields(cls)}
        changes = {}
        for key, value in values.items():
            if key not in known:
                raise ConfigError(
                    f"{origin}: unknown setting [{section}] {key}; known settings are "
                    f"{', '.join(sorted(known))}"
                )
            changes[key] = _coerce(section, key, value, getattr(current, key))
        updates[section] = replace(current, **changes)
    return _validate(replace(settings, **updates))


def _validate(s: Settings) -> Settings:
    problems = []
    if not 50 <= s.ocr.dpi <= 1200:
        problems.append("[ocr] dpi must be between 50 and 1200")
    if s.ocr.jobs < 0:
        problems.append("[ocr] jobs must be 0 (all CPUs) or more")
    if s.ocr.timeout_s <= 0:
        problems.append("[ocr] timeout_s must be positive")
    if s.preprocess.binarize not in {"auto", "always", "never"}:
        problems.append('[preprocess] binarize must be "auto", "always" or "never"')
    if not 0 <= s.extract.fuzzy_min_score <= 100:
        problems.append("[extract] fuzzy_min_score must be between 0 and 100")
    if problems:
        raise ConfigError("invalid settings: " + "; ".join(problems))
    return s


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} not found; check the path given to --config") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


def default_config_text() -> str:
    """The bundled defaults (config/default.toml, shipped as package data)."""
    return resources.files("pipeline.settings").joinpath("default.toml").read_text(encoding="utf-8")


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the user's TOML file, then keyword overrides such as jobs=2."""
    settings = _apply(Settings(), tomllib.loads(default_config_text()), "defaults")
    if config_file is not None:
        settings = _apply(settings, _read_toml(config_file), str(config_file))
    flat: dict[str, dict[str, Any]] = {}
    top: dict[str, Any] = {}
    for key, value in overrides.items():
        if value is None:
            continue
        if key in {"patient_name", "patient_dob"}:
            top[key] = value
        elif key in {"jobs", "dpi", "timeout_s"}:
            flat.setdefault("ocr", {})[key] = value
        elif key == "cache_enabled":
            flat.setdefault("cache", {})["enabled"] = value
        elif key == "cache_dir":
            flat.setdefault("cache", {})["dir"] = str(value)
        else:
            raise ConfigError(f"unknown override {key}")
    settings = _apply(settings, flat, "command line")
    return replace(settings, **top)
