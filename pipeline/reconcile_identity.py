"""Identity checks: date of birth, name and MRN that differ between documents."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .config import Settings
from .reconcile_common import (
    STALE_FACTOR,
    TIE_FACTOR,
    Doc,
    at,
    confidence_of,
    dates_agree,
    draft,
    fact_sort_key,
    is_stale,
    lower,
    names,
    related,
)
from .records import Fact, Finding

RULE = "reconcile.identity_mismatch"


@dataclass(frozen=True)
class _Person:
    given: str
    middle: tuple[str, ...]
    family: str


def normalize_name(value: str) -> str:
    """Lower case, letters and single spaces only (the extract stage's vocabulary)."""
    return " ".join(re.sub(r"[^a-z]+", " ", value.lower()).split())


def _parses(value: str) -> list[_Person]:
    """A name read both as "given middle family" and as "family given middle" (comma lost)."""
    t = normalize_name(value).split()
    if not t:
        return []
    if len(t) == 1:
        return [_Person(t[0], (), t[0])]
    return [_Person(t[0], tuple(t[1:-1]), t[-1]), _Person(t[1], tuple(t[2:]), t[0])]


def _pairs(a: str, b: str) -> list[tuple[_Person, _Person]]:
    """Readings to compare: both as written, or one of the two in "family given" order.

    Both swapped would compare the same order again, only with the family name taken as a
    middle name, so that pair is left out.
    """
    pa, pb = _parses(a), _parses(b)
    return [(x, y) for i, x in enumerate(pa) for j, y in enumerate(pb) if not (i and j)]


def same_person(a: str, b: str) -> bool:
    """Equal as people: case, punctuation, order and a middle name or initial do not matter."""
    if normalize_name(a).replace(" ", "") == normalize_name(b).replace(" ", ""):
        return True
    for pa, pb in _pairs(a, b):
        if pa.given != pb.given or pa.family != pb.family:
            continue
        if not pa.middle or not pb.middle:
            return True
        if [m[0] for m in pa.middle] == [m[0] for m in pb.middle]:
            return True
    return False


def name_similarity(a: str, b: str) -> float:
    """0..100: how alike two names are, ignoring middle names and name order."""
    scores = [fuzz.ratio(normalize_name(a), normalize_name(b))]
    for pa, pb in _pairs(a, b):
        scores.append(fuzz.ratio(f"{pa.given} {pa.family}", f"{pb.given} {pb.family}"))
    return max(scores)


def _readable(f: Fact, settings: Settings) -> bool:
    # A misread header is an unreadable_entry, not evidence of another patient.
    return f.confidence >= settings.extract.low_confidence / 100


def _doc_key(doc: Doc) -> str:
    return f"{doc.provider}\0{doc.file}"


@dataclass
class _Reference:
    value: str
    docs: list[Doc]
    facts: list[Fact]
    tie: bool
    given: bool  # the user gave it (--patient-name / --patient-dob)


def _reference(
    values: dict[str, list[tuple[Doc, Fact]]],
    same: Callable[[str, str], bool],
    given: str,
) -> _Reference | None:
    """The value most documents agree with (or the user's own), and who agrees with it."""
    if given:
        agree = [(d, f) for v, hits in values.items() if same(v, given) for d, f in hits]
        return _Reference(given, [d for d, _ in agree], [f for _, f in agree], False, True)
    supporters = {v: {_doc_key(d) for u, hits in values.items() if same(u, v) for d, _ in hits}
                  for v in values}
    if not supporters:
        return None
    best = max(len(p) for p in supporters.values())
    top = [v for v, p in supporters.items() if len(p) == best]

    def strength(v: str) -> tuple[tuple[str, str], float, str]:
        # Newest document first; within one document, the more confidently read value.
        hits = [(d, f) for u, h in values.items() if same(u, v) for d, f in h]
        return (max(d.order for d, _ in hits), max(f.confidence for _, f in hits), v)

    value, tie = max(top, key=strength), len(top) > 1
    agree = [(d, f) for u, hits in values.items() if same(u, value) for d, f in hits]
    return _Reference(value, [d for d, _ in agree], [f for _, f in agree], tie, False)


def _collect(docs: list[Doc], field: str, settings: Settings,
             key: Callable[[Fact], str]) -> dict[str, list[tuple[Doc, Fact]]]:
    values: dict[str, list[tuple[Doc, Fact]]] = {}
    for doc in docs:
        for f in doc.of_kind("identity"):
            if f.name == field and _readable(f, settings) and key(f):
                values.setdefault(key(f), []).append((doc, f))
    return values


def _suspects(values: dict[str, list[tuple[Doc, Fact]]], ref: _Reference,
              same: Callable[[str, str], bool]) -> list[tuple[str, Doc, list[Fact]]]:
    """(value, document, its facts) for each document value that disagrees with the reference."""
    out: dict[tuple[str, str, str], tuple[str, Doc, list[Fact]]] = {}
    for value, hits in values.items():
        if same(value, ref.value):
            continue
        for doc, fact in hits:
            entry = out.setdefault((doc.provider, doc.file, value), (value, doc, []))
            entry[2].append(fact)
    return [out[k] for k in sorted(out)]


def _valid_dob(f: Fact) -> str:
    return f.date if f.date_valid and dates_agree(f.date, f.date) else ""


def agreed_dob(docs_by_provider: dict[str, list[Doc]], settings: Settings) -> str:
    """The date of birth to check other dates against: the user's, else most documents'."""
    if settings.patient_dob:
        return settings.patient_dob
    docs = [d for ds in docs_by_provider.values() for d in ds]
    values = _collect(docs, "dob", settings, _valid_dob)
    ref = _reference(values, lambda a, b: bool(dates_agree(a, b)), "")
    return ref.value if ref else ""


def check_identity(docs_by_provider: dict[str, list[Doc]], settings: Settings) -> list[Finding]:
    docs = [d for p in sorted(docs_by_provider) for d in docs_by_provider[p]]
    out = _check_dob(docs, settings)
    out += _check_name(docs, settings)
    for provider in sorted(docs_by_provider):
        # Each provider numbers its own patients: MRNs are only compared within one provider.
        out += _check_mrn(docs_by_provider[provider], settings)
    return out


def _others(ref: _Reference, what: str, verb: str) -> str:
    """"the other records (a and b) give" or "the date of birth you gave is"."""
    if ref.given:
        return f"the {what} you gave is"
    providers = {d.provider for d in ref.docs}
    if len(ref.docs) > 1:
        return f"the other records ({names(providers)}) {verb}"
    singular = {"give": "gives", "have": "has"}[verb]
    return f"the other record ({names(providers)}) {singular}"


def _finding(*, severity: str, subject: str, facts: list[Fact], ref: _Reference, found: str,
             expected: str, text: str, factor: float = 1.0,
             category: str = "identity_mismatch") -> Finding:
    first = sorted(facts, key=fact_sort_key)[0]
    factor *= TIE_FACTOR if ref.tie else 1.0
    return draft(
        severity=severity, category=category, subject=subject,
        provenance=at(first, RULE if category == "identity_mismatch" else "reconcile.unreadable_entry"), found=found, expected=expected,
        other_providers={d.provider for d in ref.docs}, explanation=text,
        confidence=confidence_of([first, *ref.facts], factor),
        related_to=related([*facts, *ref.facts]),
    )


def _same_document(doc: Doc, ref: _Reference) -> bool:
    return any(d.provider == doc.provider and d.file == doc.file for d in ref.docs)


_MISREAD = (" Other pages of this same record give {ref}, one character away, so this is "
            "probably a misread of the scan: check it on the page. If the page itself shows "
            "{value}, ask {provider} to correct it.")


def _check_dob(docs: list[Doc], settings: Settings) -> list[Finding]:
    values = _collect(docs, "dob", settings, _valid_dob)

    def same(a: str, b: str) -> bool:
        return bool(dates_agree(a, b))

    ref = _reference(values, same, settings.patient_dob)
    if ref is None:
        return []
    out = []
    for value, doc, facts in _suspects(values, ref, same):
        others = _others(ref, "date of birth", "give")
        lead = "The two records disagree: " if ref.tie else ""
        text = (f"{lead}This record gives the date of birth as {value}, but {others} "
                f"{ref.value}. A different date of birth can mean these pages belong to another "
                f"patient, or that the date was written or read wrong. Ask {doc.provider} to "
                "check the date of birth on this record and correct it if it is wrong.")
        severity, category = "high", "identity_mismatch"
        if _same_document(doc, ref) and Levenshtein.distance(value, ref.value) <= 1:
            # A likely misread of the scan: a request to check the page, not another patient.
            severity, category = "low", "unreadable_entry"
            text = (f"This page gives the date of birth as {value}."
                    + _MISREAD.format(ref=ref.value, value=value, provider=doc.provider))
        out.append(_finding(severity=severity, subject="dob", facts=facts, ref=ref,
                            found=f"date of birth {value}", expected=f"date of birth {ref.value}",
                            text=text, category=category))
    return out


def _check_name(docs: list[Doc], settings: Settings) -> list[Finding]:
    values = _collect(docs, "name", settings, lambda f: normalize_name(f.value))
    ref = _reference(values, same_person, normalize_name(settings.patient_name))
    if ref is None:
        return []
    # Show the fullest spelling of the agreed name (with the middle initial when known).
    shown = max([ref.value, *(normalize_name(f.value) for f in ref.facts)],
                key=lambda v: (len(v.split()), v))
    out = []
    for value, doc, facts in _suspects(values, ref, same_person):
        score = name_similarity(value, ref.value)
        if score >= settings.reconcile.name_similarity_low:
            severity = "low"
        elif score >= settings.reconcile.name_variant_min:
            severity = "medium"
        else:
            severity = "high"
        stale = not ref.given and is_stale(doc, ref.docs, settings)
        lead = "The two records disagree: " if ref.tie else ""
        others = _others(ref, "name", "have")
        if severity == "high":
            text = (f"{lead}This record is for {value}, but {others} {shown}. These pages may "
                    "belong to another patient.")
        else:
            text = (f"{lead}This record spells the name {value}, but {others} {shown}. A "
                    "misspelled name can keep records from being matched to you.")
        if stale:
            severity = lower(severity)
            text += (f" These records are more than {settings.reconcile.stale_years:g} years "
                     "apart, so the name may have really changed.")
        text += (f" Ask {doc.provider} to check the name on this record and correct it if it is "
                 "wrong.")
        out.append(_finding(severity=severity, subject="name", facts=facts, ref=ref,
                            found=f"name {value}", expected=f"name {shown}", text=text,
                            factor=STALE_FACTOR if stale else 1.0))
    return out


def _mrn(f: Fact) -> str:
    return re.sub(r"[^0-9a-z]", "", f.value.lower())


def _check_mrn(docs: list[Doc], settings: Settings) -> list[Finding]:
    values = _collect(docs, "mrn", settings, _mrn)

    def same(a: str, b: str) -> bool:
        return a == b

    ref = _reference(values, same, "")
    if ref is None:
        return []
    out = []
    for value, doc, facts in _suspects(values, ref, same):
        shown = sorted(facts, key=fact_sort_key)[0].value
        ref_shown = sorted(ref.facts, key=fact_sort_key)[0].value
        stale = is_stale(doc, ref.docs, settings)
        lead = "The records disagree: " if ref.tie else ""
        text = (f"{lead}This record from {doc.provider} uses medical record number (MRN) "
                f"{shown}, but {doc.provider}'s other records use {ref_shown}. A different "
                "number can mean these pages were filed under another patient.")
        severity, category = "high", "identity_mismatch"
        if _same_document(doc, ref) and Levenshtein.distance(value, ref.value) <= 1:
            severity, category = "low", "unreadable_entry"
            text = (f"This page gives the medical record number (MRN) as {shown}."
                    + _MISREAD.format(ref=ref_shown, value=shown, provider=doc.provider))
        else:
            if stale:
                severity = lower(severity)
                text += (f" These records are more than {settings.reconcile.stale_years:g} years "
                         "apart, so the number may have been changed on purpose.")
            text += (f" Ask {doc.provider} to check the medical record number and correct it if "
                     "it is wrong.")
        out.append(_finding(severity=severity, subject="mrn", facts=facts, ref=ref,
                            found=f"MRN {shown}", expected=f"MRN {ref_shown}", text=text,
                            factor=STALE_FACTOR if stale else 1.0, category=category))
    return out
