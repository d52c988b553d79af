"""Allergy check: an allergy one provider records that another provider's current list lacks."""

from __future__ import annotations

from .config import Settings
from .reconcile_common import (
    ACTIVE_STATUSES,
    NEGATED_ALLERGY_NAMES,
    STALE_FACTOR,
    Doc,
    at,
    confidence_of,
    current_doc,
    describe_allergy,
    draft,
    fact_sort_key,
    list_location,
    lower,
    names,
    newest,
    related,
    stale_older_than,
)
from .records import Fact, Finding, Provenance

RULE = "reconcile.allergy_missing"
# "NKDA" says nothing about foods or things in the environment.
_NON_DRUG_GROUPS = ("food", "environmental")


def _singular(name: str) -> str:
    return name[:-1] if name.endswith("s") else name


def _covers(entry: Fact, allergen: str, group: str) -> bool:
    """An entry covers an allergen when it names it, or names the class it belongs to."""
    return (entry.name == allergen or (bool(group) and entry.name == group)
            or _singular(entry.name) == _singular(allergen))


def _drug_only_negation(fact: Fact) -> bool:
    text = fact.text.lower()
    return "nkda" in text or "drug" in text


def check_allergies(docs_by_provider: dict[str, list[Doc]], settings: Settings) -> list[Finding]:
    """allergy_missing findings, one per allergen and provider that lacks it."""
    lists = {p: current_doc(docs, "allergy") for p, docs in docs_by_provider.items()}
    active: dict[str, list[Fact]] = {}
    for p, doc in lists.items():
        if doc is not None:
            active[p] = sorted((f for f in doc.of_kind("allergy") if f.status in ACTIVE_STATUSES
                                and f.name not in NEGATED_ALLERGY_NAMES), key=fact_sort_key)
    active_docs = {p: d for p, d in lists.items() if d is not None}
    allergens: dict[str, list[Fact]] = {}
    for facts in active.values():
        for f in facts:
            allergens.setdefault(f.name, []).append(f)
    out: list[Finding] = []
    for allergen in sorted(allergens):
        group = sorted(allergens[allergen], key=fact_sort_key)[0].group
        holders = {p for p, fs in active.items() if any(_covers(f, allergen, group) for f in fs)}
        holder_facts = allergens[allergen]
        ref_provider = newest(active_docs[f.provenance.provider] for f in holder_facts).provider
        ref_fact = sorted((f for f in holder_facts if f.provenance.provider == ref_provider),
                          key=fact_sort_key)[0]
        # A provider whose records hold no allergy list and no allergy statement at all (an
        # immunization registry, a lab report) makes no claim about allergies: nothing to flag.
        for p in sorted(set(active_docs) - holders):
            out.append(_finding(allergen, group, p, active_docs[p], active.get(p, []), holders,
                                ref_fact, holder_facts, [active_docs[h] for h in holders],
                                settings))
    return out


def _finding(allergen: str, group: str, p: str, doc: Doc, mine: list[Fact], holders: set[str],
             ref_fact: Fact, holder_facts: list[Fact], holder_docs: list[Doc],
             settings: Settings) -> Finding:
    expected = f"allergy to {describe_allergy(ref_fact)}"
    who = f"{names(holders)} record{'s' if len(holders) == 1 else ''}"
    danger = ("A missing allergy can lead to being given something that causes a serious "
              "reaction.")
    factor = 1.0
    provenance: Provenance
    negations = sorted(
        (f for f in doc.of_kind("allergy") if f.status == "negated"
         and f.name in (*NEGATED_ALLERGY_NAMES, allergen)), key=fact_sort_key)
    if group in _NON_DRUG_GROUPS:
        negations = [f for f in negations if f.name == allergen or not _drug_only_negation(f)]
    evidence: list[Fact]
    if mine or not negations:
        suspect_doc = doc
        severity = "medium"
        provenance = list_location(doc, "allergy", RULE)
        listed = ", ".join(sorted({f.name for f in mine})) or "none"
        found = f"allergies listed: {listed}"
        text = (f"{who} an allergy to {describe_allergy(ref_fact)}, but the allergy list from {p} "
                f"does not include it. {danger} Ask {p} to add the {allergen} allergy to your "
                "record if it is correct.")
        evidence = mine
    else:
        suspect_doc = doc
        severity = "high"
        negation = negations[0]
        provenance = at(negation, RULE)
        if negation.name == allergen:
            found = f"no {allergen} allergy ({negation.text})"
            says = f"says you are not allergic to {allergen}"
        else:
            found = f"no known allergies ({negation.text})" if negation.text else "no known allergies"
            says = "says you have no known allergies"
        text = (f"{who} an allergy to {describe_allergy(ref_fact)}, but the record from {p} "
                f"{says}. {danger} Ask {p} to add the {allergen} allergy to your record if it "
                "is correct.")
        evidence = [negation]
    refs = holder_docs
    # Allergies are rarely outgrown: only a record older than the others is excused by time.
    if stale_older_than(suspect_doc, refs, settings):
        severity = lower(severity)
        factor *= STALE_FACTOR
        text = text.replace(
            f" Ask {p}",
            f" These records are more than {settings.reconcile.stale_years:g} years apart and "
            f"this one is older, so the allergy may have been found after it. Ask {p}", 1)
    return draft(
        severity=severity, category="allergy_missing", subject=allergen, provenance=provenance,
        found=found, expected=expected, other_providers=holders, explanation=text,
        confidence=confidence_of([*evidence, *holder_facts], factor),
        related_to=related(holder_facts),
    )
