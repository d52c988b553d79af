"""Rule tables for the extract stage (models/sections.csv, models/extract_patterns.jsonl) as typed records."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from .errors import ConfigError
from .lexicons import read_model_text

SECTIONS_FILE = "sections.csv"
PATTERNS_FILE = "extract_patterns.jsonl"

SECTION_KINDS = ("medications", "allergies", "immunizations", "problems", "other")
FAMILIES = (
    "status",
    "allergy_negation",
    "allergy_cue",
    "reaction",
    "med_cue",
    "vaccine_cue",
    "dose_number",
    "identity_label",
    "identity_reject_prefix",
    "document_date_label",
    "noise_line",
    "fax_line",
    "not_a_drug",
    "vaccine_not_given",
    "column_header",
    "checkbox",
    "form_placeholder",
    "alias_line",
    "sig_cue",
    "cell_wrap",
    "total_dose",
    "vaccine_date_label",
    "vaccine_detail",
    "person_name_reject",
    "date_convention",
    "directions_label",
    "allergy_question",
    "form_answer",
    "dose_change",
    "med_avoid",
    "combination_joint",
    "allergy_category",
    "schedule_column",
    "vaccine_test_word",
    "drug_test_word",
)


@dataclass(frozen=True)
class SectionRule:
    """One section header as written, the section it opens and the status it implies."""

    header: str
    section: str
    status: str = ""


@dataclass(frozen=True)
class PatternRule:
    """One cue: a phrase (matched on word boundaries, any case) or a regex, with its value."""

    family: str
    pattern: str
    value: str = ""
    regex: bool = False
    rank: int = 0
    colon: bool = False  # a label that only counts when a colon (or #) follows it
    anywhere: bool = False  # a date label that counts wherever it stands (a footer's "Printed ...")

    def compiled(self) -> re.Pattern[str]:
        if self.regex:
            return re.compile(self.pattern, re.IGNORECASE)
        return re.compile(r"(?<![\w])" + re.escape(self.pattern) + r"(?![\w])", re.IGNORECASE)


def _strict(cls: type, data: dict[str, Any], where: str) -> Any:
    """Build a rule record, refusing unknown keys so that a typo in a rule file fails loudly."""
    known = {f.name for f in fields(cls)}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(known)}")
    try:
        return cls(**data)
    except TypeError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _read(filename: str) -> str:
    return read_model_text(filename, "rule file")


@dataclass(frozen=True)
class ExtractRules:
    sections: tuple[SectionRule, ...]
    patterns: tuple[PatternRule, ...]

    def family(self, name: str) -> tuple[PatternRule, ...]:
        return tuple(p for p in self.patterns if p.family == name)


def parse_sections(text: str, where: str = SECTIONS_FILE) -> tuple[SectionRule, ...]:
    out = []
    for lineno, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        rule = _strict(
            SectionRule, {k: (v or "").strip() for k, v in row.items()}, f"{where} line {lineno}"
        )
        if rule.section not in SECTION_KINDS:
            raise ConfigError(
                f"{where} line {lineno}: section {rule.section!r} not in {SECTION_KINDS}"
            )
        out.append(SectionRule(rule.header.lower(), rule.section, rule.status))
    return tuple(out)


def parse_patterns(text: str, where: str = PATTERNS_FILE) -> tuple[PatternRule, ...]:
    out = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where} line {lineno}: not JSON ({exc})") from None
        rule = _strict(PatternRule, data, f"{where} line {lineno}")
        if rule.family not in FAMILIES:
            raise ConfigError(f"{where} line {lineno}: family {rule.family!r} not in {FAMILIES}")
        try:
            rule.compiled()
        except re.error as exc:
            raise ConfigError(f"{where} line {lineno}: bad regex ({exc})") from None
        out.append(rule)
    return tuple(out)


@lru_cache(maxsize=1)
def load_extract_rules() -> ExtractRules:
    """The bundled rule tables; cached, so each process reads them once."""
    return ExtractRules(
        sections=parse_sections(_read(SECTIONS_FILE)),
        patterns=parse_patterns(_read(PATTERNS_FILE)),
    )


LOOKALIKES_FILE = "lookalike_drugs.csv"


def parse_lookalikes(text: str, where: str = LOOKALIKES_FILE) -> dict[str, frozenset[str]]:
    """ingredient -> the ingredients it is known to be confused with (both directions)."""
    pairs: dict[str, set[str]] = {}
    for lineno, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        a = (row.get("ingredient_a") or "").strip().lower()
        b = (row.get("ingredient_b") or "").strip().lower()
        if not a or not b or a == b:
            raise ConfigError(f"{where} line {lineno}: needs two different ingredients")
        pairs.setdefault(a, set()).add(b)
        pairs.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in pairs.items()}


@lru_cache(maxsize=1)
def load_lookalikes() -> dict[str, frozenset[str]]:
    """The bundled look-alike drug pairs (models/lookalike_drugs.csv); cached per process."""
    return parse_lookalikes(_read(LOOKALIKES_FILE))


SHORTHAND_FILE = "drug_shorthand.csv"


def parse_shorthand(text: str, where: str = SHORTHAND_FILE) -> tuple[tuple[str, str], ...]:
    """(shorthand, ingredient) pairs, lower case: note-writers' short names of drugs."""
    out: list[tuple[str, str]] = []
    for lineno, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        short = (row.get("shorthand") or "").strip().lower()
        ingredient = (row.get("ingredient") or "").strip().lower()
        if not short or not ingredient:
            raise ConfigError(f"{where} line {lineno}: needs a shorthand and an ingredient")
        out.append((short, ingredient))
    return tuple(out)


@lru_cache(maxsize=1)
def load_shorthand() -> tuple[tuple[str, str], ...]:
    """The bundled drug shorthand table (models/drug_shorthand.csv); cached per process."""
    return parse_shorthand(_read(SHORTHAND_FILE))
