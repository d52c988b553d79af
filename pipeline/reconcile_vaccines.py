"""Vaccine checks: one dose recorded on different dates, a vaccine missing from a history."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .config import Settings
from .reconcile_common import (
    TIE_FACTOR,
    Doc,
    at,
    confidence_of,
    date_bounds,
    dates_agree,
    draft,
    fact_sort_key,
    list_location,
    names,
    near_miss,
    related,
)
from .records import Fact, Finding

INFLUENZA = "influenza"


def _family(f: Fact) -> str:
    return f.group or f.name


def _season(iso: str) -> int | None:
    """Flu season (northern hemisphere, July to June) of a date with at least a month."""
    if len(iso) < 7 or date_bounds(iso) is None:
        return None
    year, month = int(iso[:4]), int(iso[5:7])
    return year if month >= 7 else year - 1


@dataclass
class _Dose:
    provider: str
    facts: list[Fact]
    date: str  # the most precise date among its facts
    doc: Doc  # the newest document that records it


def _histories(docs_by_provider: dict[str, list[Doc]]) -> dict[str, dict[str, list[_Dose]]]:
    """Provider -> family -> doses: the union of the provider's documents, one entry a dose."""
    out: dict[str, dict[str, list[_Dose]]] = {}
    for provider in sorted(docs_by_provider):
        for doc in docs_by_provider[provider]:  # oldest first, so .doc ends on the newest
            for fact in doc.of_kind("vaccine"):
                if not _family(fact):
                    continue
                doses = out.setdefault(provider, {}).setdefault(_family(fact), [])
                match = next((d for d in doses if fact.date and dates_agree(d.date, fact.date)),
                             None) if fact.date_valid else None
                if match is None:
                    doses.append(_Dose(provider, [fact], fact.date if fact.date_valid else "", doc))
                else:
                    match.facts.append(fact)
                    match.doc = doc
                    if len(fact.date) > len(match.date):
                        match.date = fact.date
    return out


def _read_through_misreads(histories: dict[str, dict[str, list[_Dose]]]) -> None:
    """Date an impossible date by the one real date, at another provider, it nearly spells.

    "62-MAY-2019" beside another provider's 2019-05-02 is most likely that date misread, so it
    counts as a vote for it (the impossible date itself is still reported as invalid_date).
    """
    real = {(p, fam): [d.date for d in doses if d.date]
            for p, h in histories.items() for fam, doses in h.items()}
    for provider, families in histories.items():
        for family, doses in families.items():
            for dose in doses:
                raw = dose.facts[0].raw_date
                if dose.date or not raw:
                    continue
                near = {date for p in histories if p != provider
                        for date in real.get((p, family), []) if near_miss(raw, date)}
                if len(near) == 1:
                    dose.date = near.pop()


def check_vaccines(docs_by_provider: dict[str, list[Doc]], settings: Settings) -> list[Finding]:
    histories = _histories(docs_by_provider)
    _read_through_misreads(histories)
    families = sorted({fam for h in histories.values() for fam in h})
    out: list[Finding] = []
    for family in families:
        out += _date_conflicts(family, histories, settings)
        out += _missing(family, histories, docs_by_provider)
    return out


# --- vaccine_date_conflict ----------------------------------------------------------------


def _pairable(a: str, b: str, gap: int, family: str, window_days: float) -> bool:
    """Two doses of one family, one at each of two providers, with no matching date at the
    other, are one dose written on two dates when they are `window_days` apart or less
    ([reconcile] vaccine_pair_days), or when their dates differ in a single character (2019
    read as 2018, a slipped digit). Further apart they are two doses, each missing elsewhere."""
    if family == INFLUENZA:
        # Flu shots are yearly: only two dates in the same season can be one dose.
        sa, sb = _season(a), _season(b)
        if sa is None or sa != sb:
            return False
    if gap <= window_days:
        return True
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _union_find(n: int) -> tuple[list[int], Callable[[int], int]]:
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    return parent, root


def _date_conflicts(
    family: str, histories: dict[str, dict[str, list[_Dose]]], settings: Settings
) -> list[Finding]:
    doses = [d for p in sorted(histories) for d in histories[p].get(family, []) if d.date]
    # Clusters: doses of different providers whose dates agree are one dose.
    parent, root = _union_find(len(doses))
    for i, a in enumerate(doses):
        for j in range(i + 1, len(doses)):
            if a.provider != doses[j].provider and dates_agree(a.date, doses[j].date):
                parent[root(j)] = root(i)
    by_root: dict[int, list[_Dose]] = {}
    for i, d in enumerate(doses):
        by_root.setdefault(root(i), []).append(d)
    clusters = [c for _, c in sorted(by_root.items())]
    dates = [_date_of(c) for c in clusters]
    starts = [date_bounds(d) for d in dates]
    providers = [{d.provider for d in c} for c in clusters]
    # Groups of clusters: the nearest clusters of disjoint providers are one dose dated twice.
    # Candidate pairs are merged nearest first, as long as a group keeps one dose a provider.
    pairs = []
    for i in range(len(clusters)):
        for j in range(i + 1, len(clusters)):
            si, sj = starts[i], starts[j]
            if si is None or sj is None or providers[i] & providers[j]:
                continue
            gap = abs((si[0] - sj[0]).days)
            if _pairable(dates[i], dates[j], gap, family, settings.reconcile.vaccine_pair_days):
                pairs.append((gap, i, j))
    group_of, group_root = _union_find(len(clusters))
    members = {i: set(p) for i, p in enumerate(providers)}
    for _, i, j in sorted(pairs):
        ri, rj = group_root(i), group_root(j)
        if ri == rj or members[ri] & members[rj]:
            continue
        group_of[rj] = ri
        members[ri] |= members.pop(rj)
    groups: dict[int, list[list[_Dose]]] = {}
    for i, c in enumerate(clusters):
        groups.setdefault(group_root(i), []).append(c)
    out: list[Finding] = []
    for _, group in sorted(groups.items()):
        if len(group) > 1:
            out += _conflict_findings(family, group)
    return out


def _providers(group: list[list[_Dose]]) -> set[str]:
    return {d.provider for cluster in group for d in cluster}


def _date_of(cluster: list[_Dose]) -> str:
    return max((d.date for d in cluster), key=lambda s: (len(s), s))


def _conflict_findings(family: str, group: list[list[_Dose]]) -> list[Finding]:
    def weight(cluster: list[_Dose]) -> tuple[int, tuple[str, str], str]:
        return (len({d.provider for d in cluster}), max(d.doc.order for d in cluster),
                _date_of(cluster))

    ranked = sorted(group, key=weight, reverse=True)
    ref = ranked[0]
    tie = len(ranked) > 1 and weight(ranked[1])[0] == weight(ref)[0]
    ref_providers = {d.provider for d in ref}
    ref_facts = sorted((f for d in ref for f in d.facts), key=fact_sort_key)
    ref_date = _date_of(ref)
    out: list[Finding] = []
    for cluster in ranked[1:]:
        for dose in sorted(cluster, key=lambda d: d.provider):
            fact = sorted(dose.facts, key=fact_sort_key)[-1]
            lead = "The two records disagree: " if tie else ""
            text = (f"{lead}{dose.provider} records the {fact.name} vaccine on {dose.date}, but "
                    f"{names(ref_providers)} record{'s' if len(ref_providers) == 1 else ''} "
                    f"the same dose on {ref_date}. A wrong date can make a dose look missing or "
                    "due when it is not. Ask "
                    f"{dose.provider} to check the date of this vaccine and correct the record "
                    "if it is wrong.")
            out.append(draft(
                severity="medium", category="vaccine_date_conflict", subject=fact.name,
                provenance=at(fact, "reconcile.vaccine_date_conflict"),
                found=f"{fact.name} on {dose.date}", expected=f"{ref_facts[0].name} on {ref_date}",
                other_providers=ref_providers, explanation=text,
                confidence=confidence_of([fact, *ref_facts], TIE_FACTOR if tie else 1.0),
                related_to=related(ref_facts),
            ))
    return out


# --- vaccine_missing ----------------------------------------------------------------------


def _missing(family: str, histories: dict[str, dict[str, list[_Dose]]],
             docs_by_provider: dict[str, list[Doc]]) -> list[Finding]:
    have = {p for p, h in histories.items() if family in h}
    lack = set(histories) - have
    if not have or not lack or len(have) < len(lack):
        return []
    facts = sorted((f for p in have for d in histories[p][family] for f in d.facts),
                   key=fact_sort_key)
    subject = sorted(Counter(f.name for f in facts).items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    dated = [f.date for f in facts if f.date and f.date_valid]
    earliest = min(dated, default="")
    out: list[Finding] = []
    for p in sorted(lack):
        with_history = [d for d in docs_by_provider[p] if d.of_kind("vaccine")]
        doc = with_history[-1]
        # A history written before the first dose was given cannot be expected to have it.
        if earliest and docs_by_provider[p][-1].date and docs_by_provider[p][-1].date < earliest:
            continue
        when = f" on {', '.join(sorted(set(dated)))}" if dated else ""
        text = (f"{names(have)} record{'s' if len(have) == 1 else ''} the {subject} vaccine{when}, "
                f"but the immunization history from {p} does not. A missing vaccine can lead to "
                f"an unneeded extra dose or a missed one. Ask {p} to add it to your record if "
                "you had it.")
        out.append(draft(
            severity="low", category="vaccine_missing", subject=subject,
            provenance=list_location(doc, "vaccine", "reconcile.vaccine_missing"),
            found=f"no {subject} in this immunization history",
            expected=f"{subject}{when}", other_providers=have, explanation=text,
            confidence=confidence_of(facts), related_to=related(facts),
        ))
    return out
