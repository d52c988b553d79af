"""Rebuild models/drug_names.csv, vaccines.csv and allergens.csv from the curated sources and the drug dictionary."""

from __future__ import annotations

import argparse
import bz2
import csv
import io
import logging
import pickle
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, fields
from importlib import resources
from pathlib import Path
from typing import TypeVar

from pipeline.lexicons import Allergen, AllergyConflictRule, DoseRange, DrugName, VaccineName

log = logging.getLogger("build_lexicons")
_Row = TypeVar("_Row", DrugName, VaccineName, Allergen)

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
SOURCES = "sources"
NER_PACKAGE = "drug_named_entity_recognition"
NER_FILE = "drug_ner_dictionary.pkl.bz2"
NER_SOURCE = "drug-named-entity-recognition 2.0.9"
CURATED_DRUG_SOURCE = "curated 2026-11-26 (RxNorm, FDA labels)"
CVX_SOURCE = "CDC CVX code set"
CURATED_ALLERGEN_SOURCE = "curated 2026-11-26"

# The long tail is matched against OCR text with fuzzy matching, so it is held to stricter
# rules than the curated table: at least 5 characters (4-letter entries in the dictionary are
# mostly lab acronyms such as "caps", "oats", "tris"), letters only, at most 4 words.
MIN_GENERATED_LEN = 5
MAX_GENERATED_TOKENS = 4
_GENERATED_NAME = re.compile(r"^[a-z][a-z' .\-]*[a-z]$")
_COMBO_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_LIST_SEP = "|"


class BuildError(Exception):
    """A source table is inconsistent; the message names the file and the row."""


@dataclass(frozen=True)
class CuratedDrug:
    ingredient: str
    rxcui: str
    drug_class: str
    allergy_group: str
    brands: tuple[str, ...]
    salts: tuple[str, ...]
    abbreviations: tuple[str, ...]
    synonyms: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip().lower() for x in cell.split(_LIST_SEP) if x.strip())


def _read_source_csv(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if list(reader.fieldnames or []) != list(columns):
            raise BuildError(f"{path}: header {reader.fieldnames} is not {list(columns)}")
        return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def read_curated_drugs(path: Path) -> list[CuratedDrug]:
    """models/sources/common_drugs.csv, one row per ingredient with |-separated name lists."""
    cols = [f.name for f in fields(CuratedDrug)]
    out = []
    for row in _read_source_csv(path, cols):
        out.append(
            CuratedDrug(
                ingredient=row["ingredient"].lower(),
                rxcui=row["rxcui"],
                drug_class=row["drug_class"].lower(),
                allergy_group=row["allergy_group"].lower(),
                brands=_split(row["brands"]),
                salts=_split(row["salts"]),
                abbreviations=_split(row["abbreviations"]),
                synonyms=_split(row["synonyms"]),
            )
        )
    return out


def _read_word_list(path: Path) -> frozenset[str]:
    return frozenset(
        " ".join(line.split()).lower()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def _spacy_stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS)


def read_stop_names(path: Path) -> frozenset[str]:
    """The hand-made stop list (whole names) plus spaCy's English stop words."""
    return _read_word_list(path) | _spacy_stop_words()


@dataclass(frozen=True)
class StopLists:
    """What the long tail must not contain: whole names, and words that disqualify a name."""

    names: frozenset[str]  # whole names that are not drugs
    words: frozenset[str]  # a name containing one of these words is not a drug
    phrase_words: frozenset[str]  # ... nor a phrase of several words containing one of these


def _salt_variants(salt: str) -> list[str]:
    # Prescriptions abbreviate the salt ("sertraline hcl"), so each hydrochloride gets its hcl form.
    out = [salt]
    if salt.endswith(" hydrochloride"):
        out.append(salt[: -len(" hydrochloride")] + " hcl")
    return out


def curated_drug_rows(drugs: Iterable[CuratedDrug]) -> list[DrugName]:
    """Generic, brand, salt, abbreviation and synonym rows of the curated ingredients."""
    rows: list[DrugName] = []
    for d in drugs:
        named: list[tuple[str, str]] = [(d.ingredient, "generic")]
        named += [(b, "brand") for b in d.brands]
        named += [(v, "salt") for s in d.salts for v in _salt_variants(s)]
        named += [(a, "abbreviation") for a in d.abbreviations]
        named += [(s, "synonym") for s in d.synonyms]
        for name, kind in named:
            rows.append(DrugName(name, d.ingredient, kind, d.rxcui, d.drug_class, CURATED_DRUG_SOURCE))
    return rows


def load_ner_dictionary() -> dict:
    """The dictionary shipped inside the installed drug-named-entity-recognition wheel."""
    ref = resources.files(NER_PACKAGE).joinpath(NER_FILE)
    with ref.open("rb") as raw, bz2.open(raw, "rb") as fh:
        # The pickle comes from the pinned, installed package, not from user input.
        data = pickle.load(fh)  # noqa: S301
    if not isinstance(data, dict) or "drug_variant_to_canonical" not in data:
        raise BuildError(f"{NER_PACKAGE}/{NER_FILE}: unexpected structure")
    return data


def _is_drug_canonical(info: dict) -> bool:
    # MeSH-only entries are proteins, genes and drug classes; a DrugBank or MedlinePlus entry
    # is a substance someone is actually given.
    return bool(info.get("drugbank_id") or info.get("medline_plus_id"))


def _combo_key(ingredient: str) -> frozenset[str]:
    return frozenset(p.strip() for p in re.split(r"-|/", ingredient) if p.strip())


def _generated_ingredient(canonical: str, by_name: dict[str, str], combos: dict[frozenset[str], str]) -> str:
    """Map a dictionary canonical to our ingredient spelling (curated names win)."""
    name = canonical.strip().lower()
    if name in by_name:
        return by_name[name]
    parts = [p.strip() for p in _COMBO_SPLIT.split(name) if p.strip()]
    if len(parts) > 1:
        key = frozenset(parts)
        if key in combos:
            return combos[key]
        return "-".join(parts)
    return name


def _acceptable_generated(name: str, stop: StopLists) -> bool:
    if len(name) < MIN_GENERATED_LEN or not _GENERATED_NAME.match(name):
        return False
    tokens = name.split()
    if len(tokens) > MAX_GENERATED_TOKENS or name in stop.names:
        return False
    # A stop word inside a phrase ("all clear", "available generically") means wording, not a name.
    words = set(re.split(r"[ \-]", name))
    return not (words & stop.words or (len(tokens) > 1 and words & stop.phrase_words))


def generated_drug_rows(ner: dict, curated: Sequence[DrugName], stop: StopLists) -> list[DrugName]:
    """Long-tail rows from the drug dictionary, minus names the curated table already has."""
    by_name = {r.name: r.ingredient for r in curated}
    combos = {_combo_key(r.ingredient): r.ingredient for r in curated if "-" in r.ingredient}
    canon_data: dict = ner["drug_canonical_to_data"]
    variant_data: dict = ner.get("drug_variant_to_variant_data", {})
    rows: list[DrugName] = []
    seen: set[str] = set()
    for variant, canonicals in sorted(ner["drug_variant_to_canonical"].items()):
        if len(canonicals) != 1:
            continue
        canonical = canonicals[0]
        if not _is_drug_canonical(canon_data.get(canonical, {})):
            continue
        name = " ".join(variant.strip().lower().split())
        if name in by_name or name in seen or not _acceptable_generated(name, stop):
            continue
        ingredient = _generated_ingredient(canonical, by_name, combos)
        if ingredient in stop.names or len(ingredient) < MIN_GENERATED_LEN:
            continue
        if name == ingredient:
            kind = "generic"
        elif variant_data.get(variant, {}).get("is_brand"):
            kind = "brand"
        else:
            kind = "synonym"
        seen.add(name)
        rows.append(DrugName(name, ingredient, kind, "", "", NER_SOURCE))
    return rows


def build_drug_names(drugs: Sequence[CuratedDrug], ner: dict, stop: StopLists) -> list[DrugName]:
    """Curated rows plus the long tail, one row per name, sorted."""
    curated = _unique_names(curated_drug_rows(drugs), "common_drugs.csv")
    bad = sorted(r.name for r in curated if r.name in stop.names)
    if bad:
        raise BuildError(f"common_drugs.csv: names in the stop list: {bad}")
    rxcui = {r.ingredient: r.rxcui for r in curated}
    drug_class = {r.ingredient: r.drug_class for r in curated}
    generated = [
        DrugName(r.name, r.ingredient, r.name_type, rxcui.get(r.ingredient, ""),
                 drug_class.get(r.ingredient, ""), r.source)
        for r in generated_drug_rows(ner, curated, stop)
    ]
    return sorted(curated + generated, key=lambda r: (r.name, r.ingredient))


def _unique_names(rows: Iterable[_Row], where: str) -> list[_Row]:
    """Drop repeats of a name; a name that maps to two different targets is a curation error."""
    seen: dict[str, _Row] = {}
    out = []
    for r in rows:
        first = seen.get(r.name)
        if first is None:
            seen[r.name] = r
            out.append(r)
        elif _target(first) != _target(r):
            raise BuildError(f"{where}: {r.name!r} maps to both {_target(first)!r} and {_target(r)!r}")
    return out


def _target(row: DrugName | VaccineName | Allergen) -> str:
    if isinstance(row, DrugName):
        return row.ingredient
    if isinstance(row, VaccineName):
        return row.cvx
    return row.allergen


def build_vaccines(path: Path) -> list[VaccineName]:
    """One row per way of writing a vaccine; the CVX short description is one of them."""
    src = _read_source_csv(path, ["cvx", "description", "short_name", "family", "names"])
    explicit: dict[str, str] = {}
    for row in src:
        for name in _split(row["names"]):
            if explicit.setdefault(name, row["cvx"]) != row["cvx"]:
                raise BuildError(f"{path.name}: {name!r} listed for CVX {explicit[name]} and {row['cvx']}")
    rows: list[VaccineName] = []
    for row in src:
        cvx, short, family = row["cvx"], row["short_name"].lower(), row["family"].lower()
        names = list(_split(row["names"]))
        desc = " ".join(row["description"].lower().split())
        # An explicit name elsewhere wins over a description ("dtap" means any DTaP, code 107).
        if desc and explicit.get(desc, cvx) == cvx and desc not in names:
            names.append(desc)
        rows += [VaccineName(n, cvx, short, family, CVX_SOURCE) for n in names]
    rows = _unique_names(rows, path.name)
    return sorted(rows, key=lambda r: (r.name, r.cvx))


def read_listed_allergens(path: Path) -> list[Allergen]:
    """models/sources/allergens.csv: drug classes, foods and environmental allergens by hand."""
    src = _read_source_csv(path, ["allergen", "group", "kind", "names"])
    rows = [
        Allergen(name, row["allergen"].lower(), row["group"].lower(), row["kind"].lower(), CURATED_ALLERGEN_SOURCE)
        for row in src
        for name in _split(row["names"])
    ]
    return _unique_names(rows, path.name)


def build_allergens(
    listed: Sequence[Allergen], drugs: Sequence[CuratedDrug], drug_rows: Sequence[DrugName]
) -> list[Allergen]:
    """Hand-listed allergens plus every curated drug's names (allergen = the ingredient)."""
    rows = list(listed)
    taken = {r.name for r in rows}
    group = {d.ingredient: d.allergy_group or d.drug_class for d in drugs}
    for r in drug_rows:
        if r.source != CURATED_DRUG_SOURCE or r.name in taken:
            continue
        rows.append(Allergen(r.name, r.ingredient, group[r.ingredient], "drug", CURATED_DRUG_SOURCE))
        taken.add(r.name)
    return sorted(rows, key=lambda r: (r.name, r.allergen))


def _read_table(path: Path, cls: type) -> list:
    names = [f.name for f in fields(cls)]
    rows = _read_source_csv(path, names)
    floats = {f.name for f in fields(cls) if f.type in ("float", float)}
    out = []
    for lineno, row in enumerate(rows, start=2):
        try:
            out.append(cls(**{k: float(v) if k in floats else v for k, v in row.items()}))
        except ValueError as exc:
            raise BuildError(f"{path.name} line {lineno}: {exc}") from None
    return out


def check_rule_tables(models: Path, drug_rows: Sequence[DrugName], allergens: Sequence[Allergen]) -> None:
    """The hand-curated rule tables may only name ingredients and allergy groups that exist."""
    ingredients = {r.ingredient for r in drug_rows}
    groups = {a.group for a in allergens} | {a.allergen for a in allergens}
    problems = []
    for rule in _read_table(models / "allergy_conflicts.csv", AllergyConflictRule):
        if rule.ingredient not in ingredients:
            problems.append(f"allergy_conflicts.csv: unknown ingredient {rule.ingredient!r}")
        if rule.allergy_group not in groups:
            problems.append(f"allergy_conflicts.csv: unknown allergy group {rule.allergy_group!r}")
        if rule.relation not in ("member", "cross_reactive") or rule.severity not in ("high", "medium", "low"):
            problems.append(f"allergy_conflicts.csv: bad relation/severity in {rule}")
    for dr in _read_table(models / "dose_ranges.csv", DoseRange):
        if dr.ingredient not in ingredients:
            problems.append(f"dose_ranges.csv: unknown ingredient {dr.ingredient!r}")
        if not 0 < dr.min_single <= dr.max_single <= dr.max_daily:
            problems.append(f"dose_ranges.csv: limits out of order for {dr.ingredient} {dr.unit}")
    if problems:
        raise BuildError("\n".join(problems))


def render_csv(rows: Sequence, cls: type) -> str:
    """CSV text whose header is exactly the record's field names (what the loader requires)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([f.name for f in fields(cls)])
    writer.writerows(astuple(r) for r in rows)
    return buf.getvalue()


def build_all(models: Path) -> dict[str, str]:
    """The three generated tables as CSV text, keyed by file name; also checks the rule tables."""
    src = models / SOURCES
    drugs = read_curated_drugs(src / "common_drugs.csv")
    listed_allergens = read_listed_allergens(src / "allergens.csv")
    # A food or environmental allergen ("cat hair", "egg white") is never a drug name, and
    # neither is a vaccine name: the long tail lists both as substances.
    vaccines = build_vaccines(src / "cvx_vaccines.csv")
    not_drugs = {a.name for a in listed_allergens if a.kind != "drug_class"} | {v.name for v in vaccines}
    stop = StopLists(
        names=read_stop_names(src / "not_drug_names.txt") | not_drugs,
        words=_read_word_list(src / "not_drug_words.txt"),
        phrase_words=_spacy_stop_words(),
    )
    drug_rows = build_drug_names(drugs, load_ner_dictionary(), stop)
    allergens = build_allergens(listed_allergens, drugs, drug_rows)
    check_rule_tables(models, drug_rows, allergens)
    return {
        "drug_names.csv": render_csv(drug_rows, DrugName),
        "vaccines.csv": render_csv(vaccines, VaccineName),
        "allergens.csv": render_csv(allergens, Allergen),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", type=Path, default=MODELS_DIR, help="models folder (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="only report whether the files are up to date")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        tables = build_all(args.models)
    except BuildError as exc:
        log.error("%s", exc)
        return 1
    stale = []
    for name, text in tables.items():
        path = args.models / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
        log.info("%s %s (%d rows)", "stale" if args.check else "wrote", path, text.count("\n") - 1)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
