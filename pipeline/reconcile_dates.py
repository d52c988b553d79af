"""Checks on single entries: impossible, future and before-birth dates, and unreadable entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .config import Settings
from .reconcile_common import (
    Doc,
    at,
    confidence_of,
    date_bounds,
    describe_medication,
    draft,
    fact_sort_key,
    names,
    near_miss,
)
from .records import Fact, Finding

KEY_KINDS = ("medication", "allergy", "vaccine", "identity")
# Dates a birth date can come after: things that happened to the patient, and the record itself.
_AFTER_BIRTH_KINDS = ("vaccine", "medication", "document_date")


def subject_of(f: Fact) -> str:
    if f.kind == "document_date":
        return "document date"
    if f.kind == "allergy" and f.name in ("", "none"):
        return "none"
    return f.name


def _what(f: Fact) -> str:
    """The entry in plain words: "tdap vaccine date", "date of birth"."""
    if f.kind == "vaccine":
        return f"{f.name} vaccine date"
    if f.kind == "medication":
        return f"date of the {f.name} entry"
    if f.kind == "identity":
        return "date of birth" if f.name == "dob" else f"{f.name} date"
    if f.kind == "allergy":
        return f"date of the {subject_of(f)} allergy entry"
    return f"{f.value} date of this document" if f.value else "date of this document"


def _first_per_key(facts: Iterable[Fact], key_extra: str) -> list[Fact]:
    """One fact per document and entry: a header repeated on every page is one finding."""
    seen: dict[tuple[str, ...], Fact] = {}
    for f in sorted(facts, key=fact_sort_key):
        p = f.provenance
        value = f.raw_date if key_extra == "raw" else f.date
        seen.setdefault((p.provider, p.file, f.kind, subject_of(f), value), f)
    return list(seen.values())


def _likely_reading(f: Fact, facts: list[Fact]) -> tuple[str, set[str]] | None:
    """The date other providers give for the same vaccine, if the impossible one is a near miss."""
    if f.kind != "vaccine":
        return None
    family = f.group or f.name
    hits: dict[str, set[str]] = {}
    for other in facts:
        if (other.kind == "vaccine" and (other.group or other.name) == family and other.date_valid
                and other.provenance.provider != f.provenance.provider
                and near_miss(f.raw_date, other.date)):
            hits.setdefault(other.date, set()).add(other.provenance.provider)
    if len(hits) != 1:
        return None
    return next(iter(hits.items()))


def check_dates(docs_by_provider: dict[str, list[Doc]], settings: Settings, today: dt.date,
                dob: str) -> list[Finding]:
    facts = [f for docs in docs_by_provider.values() for d in docs for f in d.facts]
    out: list[Finding] = []
    for f in _first_per_key((f for f in facts if not f.date_valid), "raw"):
        raw = f.raw_date or f.text
        p = f.provenance.provider
        likely = _likely_reading(f, facts)
        if likely is None:
            out.append(draft(
                severity="medium", category="invalid_date", subject=subject_of(f),
                provenance=at(f, "reconcile.invalid_date"), found=raw,
                expected="a real calendar date", other_providers=(),
                explanation=(f"\"{raw}\" is not a real calendar date, so the {_what(f)} on this "
                             f"page was written or read wrong. Ask {p} to check it and correct "
                             "the record."),
                confidence=confidence_of([f]),
            ))
            continue
        # One character from the date the others give: most likely a scan misread, so this is
        # a request to check the page (unreadable_entry), not a claim about the record.
        date, providers = likely
        out.append(draft(
            severity="low", category="unreadable_entry", subject=subject_of(f),
            provenance=at(f, "reconcile.unreadable_entry.date"), found=raw,
            expected=f"{date} (as {names(providers)} record it)", other_providers=providers,
            explanation=(f"\"{raw}\" is not a real calendar date, but it is one character away "
                         f"from {date}, the date {names(providers)} give for this vaccine, so it "
                         "is probably a misread of the scan. Check the date on the page; if the "
                         f"page itself shows \"{raw}\", ask {p} to correct the record."),
            confidence=confidence_of([f]),
        ))
    dated = [f for f in facts if f.date_valid and date_bounds(f.date) is not None]
    for f in _first_per_key(dated, "date"):
        bounds = date_bounds(f.date)
        assert bounds is not None
        p = f.provenance.provider
        if bounds[0] > today:
            is_dob = f.kind == "identity" and f.name == "dob"
            why = (" A wrong date of birth can mix your records up with another patient's."
                   if is_dob else " It is probably a typing or reading mistake, such as a wrong year.")
            out.append(draft(
                severity="high" if is_dob else "medium", category="future_date",
                subject=subject_of(f), provenance=at(f, "reconcile.future_date"),
                found=f"{_what(f)} {f.date}", expected=f"a date on or before {today.isoformat()}",
                other_providers=(),
                explanation=(f"The {_what(f)} on this page is {f.date}, which is in the future."
                             f"{why} Ask {p} to check the date and correct the record."),
                confidence=confidence_of([f]),
            ))
            continue
        birth = date_bounds(dob) if dob else None
        if birth and f.kind in _AFTER_BIRTH_KINDS and bounds[1] < birth[0]:
            out.append(draft(
                severity="medium", category="date_before_birth", subject=subject_of(f),
                provenance=at(f, "reconcile.date_before_birth"),
                found=f"{_what(f)} {f.date}", expected=f"a date after the date of birth {dob}",
                other_providers=(),
                explanation=(f"The {_what(f)} on this page is {f.date}, before the date of "
                             f"birth ({dob}), so one of the two dates is wrong. Ask {p} to check "
                             "both dates and correct the record."),
                confidence=confidence_of([f]),
            ))
    return out


def check_readability(docs_by_provider: dict[str, list[Doc]], settings: Settings) -> list[Finding]:
    """unreadable_entry: key facts read with low confidence, and look-alike medicine names."""
    threshold = settings.extract.low_confidence / 100
    seen: set[tuple[str, ...]] = set()
    out: list[Finding] = []
    facts = sorted((f for docs in docs_by_provider.values() for d in docs for f in d.facts
                    if f.kind in KEY_KINDS), key=fact_sort_key)
    for f in facts:
        ambiguous = f.kind == "medication" and bool(f.ambiguous_with)
        if not ambiguous and f.confidence >= threshold:
            continue
        p = f.provenance
        key = (p.provider, p.file, str(p.page), f.kind, subject_of(f))
        if key in seen:
            continue
        seen.add(key)
        shown = describe_medication(f) if f.kind == "medication" else (f.text or f.value or f.name)
        if ambiguous:
            alternatives = ", ".join(sorted(set(f.ambiguous_with) - {f.name}))
            severity = "medium"
            expected = f"one of: {f.name}, {alternatives}"
            text = (f"The medicine name here was read as {f.name} but could also be "
                    f"{alternatives}: different medicines with similar names, and a mix-up can "
                    f"cause harm. Check the name on the page and ask {p.provider} to confirm "
                    "which medicine it is and to correct the record if it is wrong.")
        else:
            severity = "low"
            expected = "a clearly readable entry"
            text = (f"This entry was hard to read (faint or blurred scan), so \"{shown}\" may "
                    "have been misread. Check it against the page; if the page itself is unclear, "
                    f"ask {p.provider} for a clear copy and to confirm the entry.")
        out.append(draft(
            severity=severity, category="unreadable_entry", subject=subject_of(f),
            provenance=at(f, "reconcile.unreadable_entry"), found=shown, expected=expected,
            other_providers=(), explanation=text, confidence=confidence_of([f]),
        ))
    return out
