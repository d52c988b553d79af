"""Shared pieces of the reconcile stage: documents, dates, doses, frequencies and finding drafts."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .config import Settings
from .errors import ConfigError
from .lexicons import read_model_text
from .normalize import compare_dates, dose_value
from .records import SEVERITIES, BBox, Fact, Finding, Provenance

FREQUENCY_FILE = "frequency_codes.csv"

ACTIVE_STATUSES = ("", "active")
STOPPED_STATUSES = ("discontinued", "completed", "refused")
NEGATED_ALLERGY_NAMES = ("", "none")
# The stage that names the patient's own list for each kind of fact (models/sections.csv).
MEDICATION_SECTION = "medications"

# Factors applied to a finding's confidence when the signal is weaker than two current,
# agreeing-but-one lists: a tie between two providers, records far apart in time, a list
# that is not a full list.
TIE_FACTOR = 0.8
STALE_FACTOR = 0.7
PARTIAL_FACTOR = 0.7

_MASS_TO_MG = {"g": 1000.0, "mg": 1.0, "mcg": 0.001}
_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_QH_RE = re.compile(r"^q(\d+)(?:-(\d+))?h$")


# --- documents ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    """All facts read from one file of one provider, with the date that places it in time."""

    provider: str
    file: str
    date: str  # ISO (possibly partial) or "" when unknown
    facts: tuple[Fact, ...]

    def of_kind(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]

    @property
    def order(self) -> tuple[str, str]:
        """Sort key, oldest first; an undated document counts as older than any dated one."""
        return (self.date, self.file)

    @property
    def first_page(self) -> int:
        return min((f.provenance.page for f in self.facts), default=1)


def group_documents(facts: Iterable[Fact], today: dt.date) -> dict[str, list[Doc]]:
    """Provider -> its documents, oldest first."""
    by_file: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        by_file.setdefault((fact.provenance.provider, fact.provenance.file), []).append(fact)
    out: dict[str, list[Doc]] = {}
    for (provider, file), doc_facts in sorted(by_file.items()):
        doc_facts.sort(key=fact_sort_key)
        doc = Doc(provider, file, _document_date(doc_facts, today), tuple(doc_facts))
        out.setdefault(provider, []).append(doc)
    for docs in out.values():
        docs.sort(key=lambda d: d.order)
    return out


def fact_sort_key(f: Fact) -> tuple[object, ...]:
    """A total order on facts so that every choice below is the same whatever the input order."""
    p = f.provenance
    return (
        p.provider,
        p.file,
        p.page,
        p.bbox or (0, 0, 0, 0),
        f.kind,
        f.name,
        f.text,
        f.date,
        f.dose,
        f.unit,
        f.frequency,
        f.status,
        -f.confidence,
        f.value,
        f.raw_date,
    )


# Visit-like dates say when the list was true; a print or fax date may be much later.
_CLINICAL_DATE_KINDS = ("visit", "discharge", "report", "")


def _document_date(facts: Sequence[Fact], today: dt.date) -> str:
    # A date in the future is a mistake (reported as future_date), not the document's age.
    usable = [f for f in facts if f.date and f.date_valid
              and (b := date_bounds(f.date)) is not None and b[0] <= today]
    own = [f for f in usable if f.kind == "document_date"]
    clinical = [f for f in own if f.value in _CLINICAL_DATE_KINDS]
    chosen = clinical or own
    if chosen:
        return max(f.date for f in chosen)
    # No date of its own: the latest event it mentions (never the birth date).
    return max((f.date for f in usable if f.kind != "identity"), default="")


def current_doc(docs: Sequence[Doc], kind: str) -> Doc | None:
    """The provider's most recent document that has facts of this kind (its current list)."""
    with_kind = [d for d in docs if d.of_kind(kind)]
    return with_kind[-1] if with_kind else None


def newest(docs: Iterable[Doc]) -> Doc:
    return max(docs, key=lambda d: d.order)


# --- dates -------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def date_bounds(iso: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a (possibly partial) ISO date can mean; None if it is not one."""
    m = _ISO_RE.match(iso or "")
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def dates_agree(a: str, b: str) -> bool | None:
    """Same date at the coarser of the two precisions ("2021" agrees with "2021-03-14")."""
    if date_bounds(a) is None or date_bounds(b) is None:
        return None
    return compare_dates(a, b)


@lru_cache(maxsize=1)
def _month_words() -> dict[str, int]:
    """models/date_words.csv (shared with the normalizer): month names to numbers."""
    text = read_model_text("date_words.csv")
    return {row["word"].strip().lower(): int(row["month"]) for row in csv.DictReader(io.StringIO(text))}


def near_miss(raw: str, iso: str) -> bool:
    """True when an impossible date is one character away from a real one ("66-APR-2021")."""
    if len(iso) != 10 or date_bounds(iso) is None:
        return False
    parts: list[str] = []
    for token in re.findall(r"[0-9]+|[a-z]+", raw.lower()):
        if token.isdigit():
            parts.append(token)
        elif token in _month_words():
            parts.append(str(_month_words()[token]))
    if len(parts) != 3:
        return False
    year, month, day = iso[:4], iso[5:7], iso[8:10]
    for order in itertools.permutations(parts):
        y, a, b = order
        cost = Levenshtein.distance(y, year)
        cost += min(Levenshtein.distance(a.zfill(2), month) + Levenshtein.distance(b.zfill(2), day),
                    Levenshtein.distance(a.zfill(2), day) + Levenshtein.distance(b.zfill(2), month))
        if cost <= 1:
            return True
    return False


def days_between(a: str, b: str) -> int | None:
    ba, bb = date_bounds(a), date_bounds(b)
    if ba is None or bb is None:
        return None
    return abs((ba[0] - bb[0]).days)


def is_stale(suspect: Doc, references: Iterable[Doc], settings: Settings) -> bool:
    """True when every reference document is more than stale_years from the suspect one."""
    limit = settings.reconcile.stale_years * 365.25
    gaps = []
    for ref in references:
        gap = days_between(suspect.date, ref.date)
        if gap is None:
            return False
        gaps.append(gap)
    return bool(gaps) and min(gaps) > limit


def stale_older_than(suspect: Doc, references: Iterable[Doc], settings: Settings) -> bool:
    """Stale, and the suspect is the older side (so the others may record a later change)."""
    refs = list(references)
    return is_stale(suspect, refs, settings) and all(suspect.date < r.date for r in refs)


# --- doses and frequencies ----------------------------------------------------------------


def dose_number(dose: str) -> float | None:
    """The number of a normalized dose; the upper end of a range ("1-2" -> 2.0)."""
    return dose_value(dose or "")


def unit_family(unit: str) -> str:
    """Units that convert into each other share a family (g, mg and mcg are all "mg")."""
    return "mg" if unit in _MASS_TO_MG else unit


def dose_in_family(dose: str, unit: str, combination: bool = False) -> float | None:
    """The dose converted to its unit family (mass in mg), rounded so equal doses compare equal.

    A combination product's dose ("50-12.5" mg of losartan-hydrochlorothiazide) is two
    strengths, not a range: it is compared by their sum, so 100-12.5 and 50-12.5 differ.
    """
    parts = dose.split("-")
    if combination and len(parts) == 2 and all(dose_value(p) is not None for p in parts):
        value: float | None = sum(dose_value(p) or 0.0 for p in parts)
    else:
        value = dose_number(dose)
    if value is None:
        return None
    return round(value * _MASS_TO_MG.get(unit, 1.0), 6)


def convert_dose(value: float, unit: str, to_unit: str) -> float | None:
    if unit == to_unit:
        return value
    if unit in _MASS_TO_MG and to_unit in _MASS_TO_MG:
        return value * _MASS_TO_MG[unit] / _MASS_TO_MG[to_unit]
    return None


def decimal_slip(a: float, b: float) -> bool:
    """True when one dose is the other times a power of ten: a moved or lost decimal point."""
    if a <= 0 or b <= 0 or a == b:
        return False
    exponent = math.log10(max(a, b) / min(a, b))
    return exponent >= 0.999 and abs(exponent - round(exponent)) < 1e-6


@dataclass(frozen=True)
class FrequencyCode:
    code: str
    per_day: float | None
    plain: str
    source: str


@lru_cache(maxsize=1)
def frequency_codes() -> dict[str, FrequencyCode]:
    """models/frequency_codes.csv: per-day count and plain words of each frequency code."""
    text = read_model_text(FREQUENCY_FILE)
    out: dict[str, FrequencyCode] = {}
    for lineno, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        if set(row) != {"code", "per_day", "plain", "source"}:
            raise ConfigError(f"models/{FREQUENCY_FILE}: unexpected columns {sorted(row)}")
        raw = (row["per_day"] or "").strip()
        try:
            per_day = float(raw) if raw else None
        except ValueError:
            raise ConfigError(f"models/{FREQUENCY_FILE} line {lineno}: per_day={raw!r}") from None
        code = row["code"].strip()
        out[code] = FrequencyCode(code, per_day, row["plain"].strip(), row["source"].strip())
    return out


def _split_prn(frequency: str) -> tuple[str, bool]:
    words = (frequency or "").strip().lower().split()
    prn = "prn" in words
    base = " ".join(w for w in words if w != "prn")
    return base, prn


def per_day(frequency: str) -> float | None:
    """Doses a day of a canonical frequency code (bid 2, q8h 3, q4-6h 6); None if unknown."""
    base, _ = _split_prn(frequency)
    m = _QH_RE.match(base)
    if m:
        hours = int(m.group(1))
        return 24.0 / hours if hours > 0 else None
    code = frequency_codes().get(base)
    return code.per_day if code else None


def frequency_key(frequency: str) -> tuple[str, bool] | None:
    """What two frequencies must share to mean the same schedule: the daily count and PRN."""
    base, prn = _split_prn(frequency)
    if not base and not prn:
        return None
    count = per_day(frequency)
    return (f"{count:.4f}" if count is not None else base, prn)


def frequency_words(frequency: str) -> str:
    """A frequency code in plain words with the code in brackets: "twice a day (bid)"."""
    base, prn = _split_prn(frequency)
    words = ""
    if base:
        m = _QH_RE.match(base)
        if m:
            hours = f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)
            words = f"every {hours} hours ({base})"
        else:
            code = frequency_codes().get(base)
            words = code.plain if code else base
    if prn:
        words = f"{words} as needed (prn)" if words else frequency_codes()["prn"].plain
    return words


def describe_medication(f: Fact) -> str:
    """ "metoprolol 25 mg daily", in plain words."""
    parts = [f.name]
    if f.dose:
        parts.append(f"{f.dose} {f.unit}".strip())
    if f.frequency:
        parts.append(frequency_words(f.frequency))
    return " ".join(parts)


def describe_allergy(f: Fact) -> str:
    return f"{f.name} ({f.reaction})" if f.reaction else f.name


# --- findings ----------------------------------------------------------------------------


def lower(severity: str) -> str:
    """One step less severe (low stays low)."""
    index = SEVERITIES.index(severity)
    return SEVERITIES[min(index + 1, len(SEVERITIES) - 1)]


def union_bbox(boxes: Iterable[BBox | None]) -> BBox | None:
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    return (
        min(b[0] for b in real),
        min(b[1] for b in real),
        max(b[2] for b in real),
        max(b[3] for b in real),
    )


def list_location(doc: Doc, kind: str, rule: str) -> Provenance:
    """Where a document's list of one kind is: its first page with such facts, boxed together."""
    facts = doc.of_kind(kind)
    if not facts:
        return Provenance(doc.provider, doc.file, doc.first_page, None, rule)
    page = min(f.provenance.page for f in facts)
    box = union_bbox(f.provenance.bbox for f in facts if f.provenance.page == page)
    return Provenance(doc.provider, doc.file, page, box, rule)


def at(fact: Fact, rule: str) -> Provenance:
    p = fact.provenance
    return Provenance(p.provider, p.file, p.page, p.bbox, rule)


def related(facts: Iterable[Fact]) -> tuple[Provenance, ...]:
    seen: dict[tuple[object, ...], Provenance] = {}
    for f in sorted(facts, key=fact_sort_key):
        p = f.provenance
        seen.setdefault((p.provider, p.file, p.page, p.bbox), p)
    return tuple(seen.values())


def confidence_of(facts: Iterable[Fact], factor: float = 1.0) -> float:
    values = [f.confidence for f in facts]
    base = min(values) if values else 1.0
    return round(max(0.0, min(1.0, base * factor)), 3)


def names(providers: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = sorted(set(providers))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def draft(
    *,
    severity: str,
    category: str,
    subject: str,
    provenance: Provenance,
    found: str,
    expected: str,
    other_providers: Iterable[str],
    explanation: str,
    confidence: float,
    related_to: Iterable[Provenance] = (),
) -> Finding:
    """A finding without its id yet; reconcile_facts gives ids once all findings are known."""
    return Finding(
        finding_id="",
        severity=severity,
        category=category,
        subject=subject,
        provenance=provenance,
        found=found,
        expected=expected,
        other_providers=tuple(sorted(set(other_providers) - {provenance.provider})),
        explanation=explanation,
        confidence=confidence,
        related=tuple(r for r in related_to if r != provenance),
    )


def pick_reference(
    supporters: dict[str, set[str]], docs_by_provider: dict[str, Doc]
) -> tuple[str, bool]:
    """The value most providers give; on a tie the value of the newest document.

    `supporters` maps each value to the providers giving it; returns (value, was_tie).
    """
    best = max(len(p) for p in supporters.values())
    top = sorted(v for v, p in supporters.items() if len(p) == best)
    if len(top) == 1:
        return top[0], False

    def newest_doc(value: str) -> tuple[str, str]:
        return max(docs_by_provider[p].order for p in supporters[value])

    return max(top, key=lambda v: (newest_doc(v), v)), True
