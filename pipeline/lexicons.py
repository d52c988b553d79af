"""Load the lexicons and rule tables in `models/` (plain CSV data) into typed records."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources

from .errors import ConfigError

MODELS_PACKAGE = "pipeline.models"


@dataclass(frozen=True)
class DrugName:
    """One way of writing a drug: generic, brand, salt form or abbreviation."""

    name: str  # lower case, as written in records ("zestril", "metoprolol succinate")
    ingredient: str  # normalized generic ingredient ("lisinopril")
    name_type: str  # generic | brand | salt | abbreviation | synonym
    rxcui: str  # RxNorm ingredient RxCUI, "" when unknown
    drug_class: str  # "ace inhibitors", "" when unknown
    source: str


@dataclass(frozen=True)
class VaccineName:
    """One way of writing a vaccine, with its CVX code and family."""

    name: str  # lower case as written ("tdap", "boostrix", "flu shot", "fluzone")
    cvx: str  # "115"
    short_name: str  # normalized vaccine short name used as finding subject ("tdap")
    family: str  # comparison family ("tetanus", "influenza")
    source: str


@dataclass(frozen=True)
class Allergen:
    """One way of writing an allergen, with the class it belongs to."""

    name: str  # lower case as written ("pcn", "penicillin", "sulfa drugs")
    allergen: str  # canonical allergen ("penicillin", "sulfa")
    group: str  # class ("penicillins", "sulfonamide antibiotics", "food")
    kind: str  # drug | drug_class | food | environmental | other
    source: str


@dataclass(frozen=True)
class AllergyConflictRule:
    """A drug that should not be given (or needs checking) with an allergy to a class."""

    allergy_group: str  # allergen group ("penicillins")
    ingredient: str  # drug ingredient ("amoxicillin")
    relation: str  # member | cross_reactive
    severity: str  # high | medium | low
    note: str  # plain-language reason, shown to the patient
    source: str


@dataclass(frozen=True)
class DoseRange:
    """Usual adult dose limits for one ingredient in one unit and route."""

    ingredient: str
    unit: str
    route: str  # "" = any
    min_single: float
    max_single: float
    max_daily: float
    source: str


def read_model_text(filename: str, what: str = "table") -> str:
    """The text of models/`filename` (package data); a ConfigError saying to reinstall if absent."""
    try:
        return resources.files(MODELS_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{what} models/{filename} is missing; reinstall RecordCheck (make setup)"
        ) from None


def _rows(filename: str) -> Iterator[dict[str, str]]:
    yield from csv.DictReader(io.StringIO(read_model_text(filename, "lexicon")))


def _load(filename: str, cls: type) -> tuple:
    """Read a CSV whose header must match the record's fields exactly (typos fail loudly)."""
    names = [f.name for f in fields(cls)]
    types = {f.name: f.type for f in fields(cls)}
    out = []
    for lineno, row in enumerate(_rows(filename), start=2):
        if set(row) != set(names):
            raise ConfigError(
                f"models/{filename}: columns {sorted(row)} do not match {names}"
            )
        values: dict[str, object] = {}
        for key in names:
            raw = (row[key] or "").strip()
            if types[key] in ("float", float):
                try:
                    values[key] = float(raw)
                except ValueError:
                    raise ConfigError(f"models/{filename} line {lineno}: {key}={raw!r} is not a number") from None
            else:
                values[key] = raw
        out.append(cls(**values))
    return tuple(out)


@dataclass(frozen=True)
class Lexicons:
    drugs: tuple[DrugName, ...]
    vaccines: tuple[VaccineName, ...]
    allergens: tuple[Allergen, ...]
    allergy_conflicts: tuple[AllergyConflictRule, ...]
    dose_ranges: tuple[DoseRange, ...]


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """The bundled tables; cached, so each process reads them once."""
    return Lexicons(
        drugs=_load("drug_names.csv", DrugName),
        vaccines=_load("vaccines.csv", VaccineName),
        allergens=_load("allergens.csv", Allergen),
        allergy_conflicts=_load("allergy_conflicts.csv", AllergyConflictRule),
        dose_ranges=_load("dose_ranges.csv", DoseRange),
    )
