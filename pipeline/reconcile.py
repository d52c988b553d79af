"""Reconcile stage: every fact of every document -> the likely mistakes, most severe first."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Sequence
from dataclasses import replace

from .config import Settings
from .lexicons import Lexicons
from .reconcile_allergies import check_allergies
from .reconcile_common import group_documents
from .reconcile_dates import check_dates, check_readability
from .reconcile_identity import agreed_dob, check_identity
from .reconcile_meds import check_medications
from .reconcile_vaccines import check_vaccines
from .records import CATEGORIES, SEVERITIES, Fact, Finding

log = logging.getLogger(__name__)

# Categories that compare providers: one finding per (category, subject, suspect provider).
_ONE_PER_PROVIDER = (
    "allergy_missing", "drug_allergy_conflict", "medication_missing", "dose_mismatch",
    "frequency_mismatch", "dose_out_of_range", "vaccine_date_conflict", "vaccine_missing",
)  # fmt: skip


def reconcile_facts(
    facts: Sequence[Fact], lexicons: Lexicons, settings: Settings, today: dt.date
) -> list[Finding]:
    """Cross-check all facts and return findings sorted most severe first, with stable ids."""
    docs = group_documents(facts, today)
    findings = check_identity(docs, settings)
    findings += check_allergies(docs, settings)
    findings += check_medications(docs, lexicons, settings)
    findings += check_vaccines(docs, settings)
    findings += check_dates(docs, settings, today, agreed_dob(docs, settings))
    findings += check_readability(docs, settings)
    findings = _with_ids(_one_per_provider(sorted(findings, key=_order)))
    log.info("reconcile: %d documents from %d providers, %d findings",
             sum(len(d) for d in docs.values()), len(docs), len(findings))
    return findings


def _order(f: Finding) -> tuple[object, ...]:
    return (SEVERITIES.index(f.severity), CATEGORIES.index(f.category), f.subject, f.provider,
            f.file, f.page, f.found, f.expected, f.explanation, f.provenance.bbox or ())


def _one_per_provider(findings: list[Finding]) -> list[Finding]:
    """Keep the most severe finding of each (category, subject, provider); fold in the rest."""
    kept: dict[tuple[str, str, str], int] = {}
    out: list[Finding] = []
    for f in findings:
        if f.category not in _ONE_PER_PROVIDER:
            out.append(f)
            continue
        key = (f.category, f.subject, f.provider)
        if key not in kept:
            kept[key] = len(out)
            out.append(f)
            continue
        first = out[kept[key]]
        extra = tuple(r for r in (f.provenance, *f.related) if r not in first.related
                      and r != first.provenance)
        out[kept[key]] = replace(first, related=first.related + extra)
    return out


def _with_ids(findings: list[Finding]) -> list[Finding]:
    """"RC-" + 8 hex of sha1 over what the finding says; a clash gets a counter in the hash."""
    used: set[str] = set()
    out = []
    for f in findings:
        base = "|".join((f.category, f.subject, f.provider, f.file, str(f.page), f.found))
        salt = 0
        while True:
            text = base if salt == 0 else f"{base}#{salt}"
            fid = "RC-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
            if fid not in used:
                break
            salt += 1
        used.add(fid)
        out.append(replace(f, finding_id=fid))
    return out
