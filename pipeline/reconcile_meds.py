"""Medication checks: missing or stopped medicines, strength, schedule, dose limits, allergy clashes."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from .config import Settings
from .lexicons import AllergyConflictRule, DoseRange, Lexicons
from .reconcile_common import (
    ACTIVE_STATUSES,
    MEDICATION_SECTION,
    PARTIAL_FACTOR,
    STALE_FACTOR,
    STOPPED_STATUSES,
    TIE_FACTOR,
    Doc,
    at,
    confidence_of,
    convert_dose,
    current_doc,
    decimal_slip,
    describe_allergy,
    describe_medication,
    dose_in_family,
    dose_number,
    draft,
    fact_sort_key,
    frequency_key,
    frequency_words,
    is_stale,
    list_location,
    lower,
    names,
    newest,
    per_day,
    pick_reference,
    related,
    stale_older_than,
    unit_family,
)
from .records import SEVERITIES, Fact, Finding

_STALE_NOTE = (
    " These records are more than {years:g} years apart, so this may be a real change "
    "since the older record."
)


def _stale_note(settings: Settings) -> str:
    return _STALE_NOTE.format(years=settings.reconcile.stale_years)


def _is_partial(doc: Doc, settings: Settings) -> bool:
    """A document that is not a full medication list: its medicines all sit in another section
    (a letter, a plan), or it names fewer than [reconcile] unheaded_list_min of them outside
    any medication list: one or two drugs (a travel prescription, a referral naming the drug it
    is about) say nothing about what else the patient takes."""
    meds = doc.of_kind("medication")
    sections = {f.section for f in meds}
    if MEDICATION_SECTION in sections:
        return False
    return "" not in sections or len({f.name for f in meds}) < settings.reconcile.unheaded_list_min


def _active(facts: Sequence[Fact]) -> list[Fact]:
    return [f for f in facts if f.status in ACTIVE_STATUSES]


def check_medications(
    docs_by_provider: dict[str, list[Doc]], lexicons: Lexicons, settings: Settings
) -> list[Finding]:
    """All medication findings, comparing each provider's current medication list."""
    lists = {p: d for p, docs in docs_by_provider.items() if (d := current_doc(docs, "medication"))}
    entries: dict[str, dict[str, list[Fact]]] = {}
    for provider, doc in lists.items():
        for fact in doc.of_kind("medication"):
            if not fact.name:
                continue  # a line the extractor could not name: nothing to compare
            entries.setdefault(fact.name, {}).setdefault(provider, []).append(fact)
    out: list[Finding] = []
    for ingredient in sorted(entries):
        by_provider = entries[ingredient]
        out += _missing_or_stopped(ingredient, by_provider, lists, settings)
        out += _dose_and_frequency(ingredient, by_provider, lists, settings)
    out += _dose_out_of_range(lists, lexicons.dose_ranges)
    out += _allergy_conflicts(lists, docs_by_provider, lexicons.allergy_conflicts, settings)
    return out


# --- medication_missing -------------------------------------------------------------------


def _missing_or_stopped(
    ingredient: str, by_provider: dict[str, list[Fact]], lists: dict[str, Doc], settings: Settings
) -> list[Finding]:
    active = {p for p, fs in by_provider.items() if _active(fs)}
    stopped = {p for p, fs in by_provider.items()
               if p not in active and any(f.status in STOPPED_STATUSES for f in fs)}
    if not active:
        return []  # stopped or held everywhere it appears: nothing to reconcile
    absent_full = {p for p in lists if p not in by_provider and not _is_partial(lists[p], settings)}
    absent_partial = {p for p in lists if p not in by_provider and _is_partial(lists[p], settings)}
    ref_fact = _reference_fact(active, by_provider, lists)
    out: list[Finding] = []
    flagged: set[str] = set()

    if stopped:
        side, tie = pick_reference({"active": active, "stopped": stopped}, lists)
        for p in sorted(stopped if side == "active" else active):
            out.append(_stopped_finding(ingredient, p, side, active, stopped, by_provider, lists,
                                        ref_fact, tie, settings))
            flagged.add(p)

    not_current = absent_full | stopped
    if not absent_full and not absent_partial:
        return out
    if len(active) > len(not_current):
        suspects, tie = absent_full | absent_partial, False
    elif len(active) == len(not_current):
        side, tie = pick_reference({"present": active, "absent": not_current}, lists)
        if side == "present":
            suspects = absent_full | absent_partial
        else:
            newest_absent = newest(lists[p] for p in not_current)
            if newest_absent.provider not in absent_full:
                return out  # the newer side says "stopped": the finding above covers it
            for p in sorted(active - flagged):
                out.append(_listed_not_in_newer(ingredient, p, newest_absent, by_provider,
                                                lists, settings))
            return out
    else:
        return out  # on a minority of lists: may be new, not a likely mistake
    for p in sorted(suspects - flagged):
        out.append(_absent_finding(ingredient, p, active, by_provider, lists, ref_fact, tie,
                                   p in absent_partial, settings))
    return out


def _reference_fact(active: set[str], by_provider: dict[str, list[Fact]],
                    lists: dict[str, Doc]) -> Fact:
    """The entry of the newest list that has the medicine active (what "the others say")."""
    provider = newest(lists[p] for p in active).provider
    return sorted(_active(by_provider[provider]), key=fact_sort_key)[0]


def _absent_finding(ingredient: str, p: str, active: set[str], by_provider: dict[str, list[Fact]],
                    lists: dict[str, Doc], ref_fact: Fact, tie: bool, partial: bool,
                    settings: Settings) -> Finding:
    doc = lists[p]
    refs = [lists[q] for q in active]
    stale = is_stale(doc, refs, settings)
    severity = "low" if partial else "medium"
    if stale:
        severity = lower(severity)
    expected = describe_medication(ref_fact)
    others = names(active)
    lead = "The two records disagree: " if tie else ""
    text = (f"{lead}{others} list{'s' if len(active) == 1 else ''} {expected}, but the medication "
            f"list from {p} does not. A medicine missing from a list can lead to a harmful "
            "combination or a gap in treatment.")
    if partial:
        text += " This document is not a full medication list, so the gap may be expected."
    if stale:
        text += _stale_note(settings)
    text += f" Ask {p} whether you take {ingredient} and to add it to your record if so."
    ref_facts = [f for q in active for f in _active(by_provider[q])]
    factor = (TIE_FACTOR if tie else 1.0) * (STALE_FACTOR if stale else 1.0)
    factor *= PARTIAL_FACTOR if partial else 1.0
    return draft(
        severity=severity, category="medication_missing", subject=ingredient,
        provenance=list_location(doc, "medication", "reconcile.medication_missing"),
        found=f"{ingredient} not on this medication list", expected=expected,
        other_providers=active, explanation=text, confidence=confidence_of(ref_facts, factor),
        related_to=related(ref_facts),
    )


def _listed_not_in_newer(ingredient: str, p: str, newer: Doc, by_provider: dict[str, list[Fact]],
                         lists: dict[str, Doc], settings: Settings) -> Finding:
    fact = sorted(_active(by_provider[p]), key=fact_sort_key)[0]
    stale = is_stale(lists[p], [newer], settings)
    found = describe_medication(fact)
    text = (f"The two records disagree: {p} lists {found}, but the more recent medication list "
            f"from {newer.provider} does not. It may have been stopped, or left off the newer "
            "list by mistake.")
    if stale:
        text += _stale_note(settings)
    text += (f" Ask {p} whether you still take {ingredient} and to correct the record if it "
             "is wrong.")
    factor = TIE_FACTOR * (STALE_FACTOR if stale else 1.0)
    return draft(
        severity=lower("medium") if stale else "medium", category="medication_missing",
        subject=ingredient, provenance=at(fact, "reconcile.medication_missing"), found=found,
        expected=f"not on the {newer.date or 'newer'} list from {newer.provider}",
        other_providers=[newer.provider], explanation=text,
        confidence=confidence_of([fact], factor),
        related_to=[list_location(newer, "medication", "reconcile.medication_missing")],
    )


def _stopped_finding(ingredient: str, p: str, side: str, active: set[str], stopped: set[str],
                     by_provider: dict[str, list[Fact]], lists: dict[str, Doc], ref_fact: Fact,
                     tie: bool, settings: Settings) -> Finding:
    others = stopped if side == "stopped" else active
    stale = is_stale(lists[p], [lists[q] for q in others], settings)
    lead = "The records disagree: " if tie else ""
    if side == "stopped":  # p still lists it as current
        fact = sorted(_active(by_provider[p]), key=fact_sort_key)[0]
        found = f"{describe_medication(fact)} (current)"
        expected = f"{ingredient} stopped (discontinued)"
        text = (f"{lead}{p} lists {ingredient} as a current medicine, but {names(others)} "
                f"record{'s' if len(others) == 1 else ''} that it was stopped (discontinued). "
                "Taking a stopped medicine by mistake can cause harm.")
        ask = f" Ask {p} whether you should still take {ingredient} and to update the list if it was stopped."
    else:
        fact = sorted((f for f in by_provider[p] if f.status in STOPPED_STATUSES),
                      key=fact_sort_key)[0]
        found = f"{ingredient} stopped ({fact.status})"
        expected = f"{describe_medication(ref_fact)} (current)"
        text = (f"{lead}{p} records {ingredient} as stopped ({fact.status}), but "
                f"{names(others)} list{'s' if len(others) == 1 else ''} it as a current "
                f"medicine ({describe_medication(ref_fact)}). If you still take it, a record "
                "that says it was stopped can leave it out of your care.")
        ask = f" Ask {p} whether {ingredient} was really stopped and to correct the record if it is wrong."
    if stale:
        text += _stale_note(settings)
    other_facts = [f for q in others for f in by_provider[q]]
    factor = (TIE_FACTOR if tie else 1.0) * (STALE_FACTOR if stale else 1.0)
    return draft(
        severity=lower("medium") if stale else "medium", category="medication_missing",
        subject=ingredient, provenance=at(fact, "reconcile.medication_stopped"), found=found,
        expected=expected, other_providers=others, explanation=text + ask,
        confidence=confidence_of([fact, *other_facts], factor), related_to=related(other_facts),
    )


# --- dose_mismatch and frequency_mismatch -------------------------------------------------


def _dose_and_frequency(ingredient: str, by_provider: dict[str, list[Fact]],
                        lists: dict[str, Doc], settings: Settings) -> list[Finding]:
    active = {p: _active(fs) for p, fs in by_provider.items() if _active(fs)}
    if len(active) < 2:
        return []
    # Compare in the unit family most providers use (strength in mg, or tablets, ...).
    families: dict[str, set[str]] = {}
    for p, fs in active.items():
        for f in fs:
            if dose_number(f.dose) is not None:
                families.setdefault(unit_family(f.unit), set()).add(p)
    out: list[Finding] = []
    same_dose: dict[str, list[Fact]] = {}
    if families:
        family = max(sorted(families), key=lambda u: len(families[u]))
        doses: dict[str, dict[float, list[Fact]]] = {}
        for p, fs in active.items():
            for f in fs:
                value = dose_in_family(f.dose, f.unit, combination="-" in ingredient)
                if value is not None and unit_family(f.unit) == family:
                    doses.setdefault(p, {}).setdefault(value, []).append(f)
        if len(doses) >= 2:
            supporters: dict[str, set[str]] = {}
            for p, by_value in doses.items():
                for value in by_value:
                    supporters.setdefault(repr(value), set()).add(p)
            ref_key, tie = pick_reference(supporters, lists)
            ref_value = float(ref_key)
            ref_provider = newest(lists[p] for p in supporters[ref_key]).provider
            ref_fact = sorted(doses[ref_provider][ref_value], key=fact_sort_key)[0]
            for p in sorted(doses):
                if ref_value in doses[p]:
                    same_dose[p] = doses[p][ref_value]
                    continue
                out.append(_dose_finding(ingredient, p, doses[p], ref_value, ref_fact,
                                         supporters[ref_key], doses, lists, tie, settings))
            # A provider that gives no strength can still be compared on schedule.
            for p, fs in active.items():
                if p not in doses and all(dose_number(f.dose) is None for f in fs):
                    same_dose[p] = fs
    if not same_dose:
        same_dose = dict(active)
    out += _frequency(ingredient, same_dose, lists, settings)
    return out


def _dose_finding(ingredient: str, p: str, mine: dict[float, list[Fact]], ref_value: float,
                  ref_fact: Fact, ref_providers: set[str], doses: dict[str, dict[float, list[Fact]]],
                  lists: dict[str, Doc], tie: bool, settings: Settings) -> Finding:
    value = min(mine, key=lambda v: (abs(v - ref_value), v))
    fact = sorted(mine[value], key=fact_sort_key)[0]
    slip = decimal_slip(value, ref_value)
    stale = is_stale(lists[p], [lists[q] for q in ref_providers], settings)
    severity = "high" if slip else "medium"
    if stale:
        severity = lower(severity)
    found, expected = describe_medication(fact), describe_medication(ref_fact)
    lead = "The two records disagree: " if tie else ""
    text = (f"{lead}{p} lists {found}, but {names(ref_providers)} "
            f"list{'s' if len(ref_providers) == 1 else ''} {expected}.")
    if slip:
        times = round(max(value, ref_value) / min(value, ref_value))
        text += (f" That is {times} times {'more' if value > ref_value else 'less'}, which is "
                 "often a misread or a notation error (for example \"1.0 mg\" read as \"10 mg\", "
                 "or a lost decimal point), and can cause serious harm.")
    else:
        text += " Taking the wrong strength of a medicine can cause harm."
        if fact.unit == ref_fact.unit and Levenshtein.distance(fact.dose, ref_fact.dose) == 1:
            text += " Only one character differs, so it may also be a misread of the scan."
    if stale:
        text += _stale_note(settings)
    text += f" Ask {p} to check the dose on this page and correct the record if it is wrong."
    ref_facts = [f for q in ref_providers for f in doses[q][ref_value]]
    factor = (TIE_FACTOR if tie else 1.0) * (STALE_FACTOR if stale else 1.0)
    return draft(
        severity=severity, category="dose_mismatch", subject=ingredient,
        provenance=at(fact, "reconcile.dose_mismatch"), found=found, expected=expected,
        other_providers=ref_providers, explanation=text,
        confidence=confidence_of([fact, *ref_facts], factor), related_to=related(ref_facts),
    )


def _frequency(ingredient: str, same_dose: dict[str, list[Fact]], lists: dict[str, Doc],
               settings: Settings) -> list[Finding]:
    keys: dict[str, dict[str, list[Fact]]] = {}
    for p, fs in same_dose.items():
        for f in fs:
            schedule = frequency_key(f.frequency)
            if schedule is not None:
                keys.setdefault(p, {}).setdefault(f"{schedule[0]}|{schedule[1]}", []).append(f)
    if len(keys) < 2:
        return []
    supporters: dict[str, set[str]] = {}
    for p, by_key in keys.items():
        for key in by_key:
            supporters.setdefault(key, set()).add(p)
    ref_key, tie = pick_reference(supporters, lists)
    ref_providers = supporters[ref_key]
    ref_provider = newest(lists[p] for p in ref_providers).provider
    ref_fact = sorted(keys[ref_provider][ref_key], key=fact_sort_key)[0]
    ref_facts = [f for q in ref_providers for f in keys[q][ref_key]]
    out = []
    for p in sorted(keys):
        if ref_key in keys[p]:
            continue
        fact = sorted((f for fs in keys[p].values() for f in fs), key=fact_sort_key)[0]
        stale = is_stale(lists[p], [lists[q] for q in ref_providers], settings)
        lead = "The two records disagree: " if tie else ""
        text = (f"{lead}{p} lists {ingredient} {frequency_words(fact.frequency)}, but "
                f"{names(ref_providers)} list{'s' if len(ref_providers) == 1 else ''} it "
                f"{frequency_words(ref_fact.frequency)}. Taking a medicine more or less often "
                "than prescribed can cause harm.")
        if stale:
            text += _stale_note(settings)
        text += (f" Ask {p} how often you should take {ingredient} and to correct the record if "
                 "it is wrong.")
        factor = (TIE_FACTOR if tie else 1.0) * (STALE_FACTOR if stale else 1.0)
        out.append(draft(
            severity=lower("medium") if stale else "medium", category="frequency_mismatch",
            subject=ingredient, provenance=at(fact, "reconcile.frequency_mismatch"),
            found=describe_medication(fact), expected=describe_medication(ref_fact),
            other_providers=ref_providers, explanation=text,
            confidence=confidence_of([fact, *ref_facts], factor), related_to=related(ref_facts),
        ))
    return out


# --- dose_out_of_range --------------------------------------------------------------------


def _fmt(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _matching_range(fact: Fact, ranges: Sequence[DoseRange]) -> DoseRange | None:
    usable = [r for r in ranges if r.ingredient == fact.name
              and (not r.route or not fact.route or r.route == fact.route)
              and convert_dose(1.0, fact.unit, r.unit) is not None]
    if not fact.route:
        routes = {r.route for r in ranges if r.ingredient == fact.name}
        routed = [r for r in usable if r.route]
        if len(routes) > 1 and routed and not any(not r.route for r in usable):
            return _unrouted_limit(fact, routed)
    # A range written for this very route beats a route-less one.
    usable.sort(key=lambda r: (r.route != fact.route, r.route, r.unit))
    return usable[0] if usable else None


def _unrouted_limit(fact: Fact, routed: Sequence[DoseRange]) -> DoseRange | None:
    """The limit a dose of unknown route can be held to when its ranges differ by route.

    Semaglutide 0.5 mg weekly is a usual injection and far below the oral minimum: without
    the route no minimum applies, and only a dose above every route's maximum, in the very
    unit the ranges are written in, is clearly too much.
    """
    same_unit = [r for r in routed if r.unit == fact.unit]
    if not same_unit:
        return None
    single = 0.0 if any(r.max_single <= 0 for r in same_unit) else max(r.max_single for r in same_unit)
    daily = 0.0 if any(r.max_daily <= 0 for r in same_unit) else max(r.max_daily for r in same_unit)
    if single <= 0 and daily <= 0:
        return None
    first = same_unit[0]
    return DoseRange(first.ingredient, first.unit, "", 0.0, single, daily,
                     "; ".join(sorted({r.source for r in same_unit})))


def _dose_out_of_range(lists: dict[str, Doc], ranges: Sequence[DoseRange]) -> list[Finding]:
    worst: dict[tuple[str, str], tuple[tuple[int, float], Finding]] = {}
    for provider in sorted(lists):
        for fact in _active(lists[provider].of_kind("medication")):
            value = dose_number(fact.dose)
            rule = _matching_range(fact, ranges)
            if value is None or rule is None:
                continue
            single = convert_dose(value, fact.unit, rule.unit)
            if single is None:
                continue
            count = per_day(fact.frequency)
            daily = single * count if count is not None else None
            hit = _range_hit(single, daily, rule)
            if hit is None:
                continue
            severity, excess, what = hit
            u = rule.unit
            amounts = f"{_fmt(single)} {u} at a time"
            if daily is not None:
                amounts += f", {_fmt(daily)} {u} a day"
            if severity == "low":
                expected = f"usual adult dose: at least {_fmt(rule.min_single)} {u} at a time"
                text = (f"This dose of {fact.name} ({amounts}) is below the usual adult dose. It "
                        "may be intended, or a mistake such as a misplaced decimal point or the "
                        f"wrong unit. Ask {provider} to check the dose on this page and correct "
                        "the record if it is wrong.")
            else:
                limits = []
                if rule.max_single > 0:
                    limits.append(f"{_fmt(rule.max_single)} {u} at a time")
                if rule.max_daily > 0:
                    limits.append(f"{_fmt(rule.max_daily)} {u} a day")
                expected = "usual adult maximum: " + " and ".join(limits)
                text = (f"This dose of {fact.name} ({amounts}) is above the usual adult maximum "
                        f"{what}. Too much of a medicine can cause serious harm; this may also be "
                        "a typing or reading mistake such as a misplaced decimal point. "
                        f"Ask {provider} to check the dose on this page and correct the record "
                        "if it is wrong.")
            finding = draft(
                severity=severity, category="dose_out_of_range", subject=fact.name,
                provenance=at(fact, "reconcile.dose_out_of_range"),
                found=f"{describe_medication(fact)} ({amounts})", expected=expected,
                other_providers=(), explanation=text, confidence=confidence_of([fact]),
            )
            rank = (-SEVERITIES.index(severity), excess)
            key = (provider, fact.name)
            if key not in worst or rank > worst[key][0]:
                worst[key] = (rank, finding)
    return [worst[k][1] for k in sorted(worst)]


def _range_hit(single: float, daily: float | None,
               rule: DoseRange) -> tuple[str, float, str] | None:
    """(severity, how far past the limit, which limit) for a dose outside the range."""
    excesses = []
    if rule.max_single > 0 and single > rule.max_single * (1 + 1e-9):
        excesses.append((single / rule.max_single, "for a single dose"))
    if daily is not None and rule.max_daily > 0 and daily > rule.max_daily * (1 + 1e-9):
        excesses.append((daily / rule.max_daily, "for one day"))
    if excesses:
        ratio, what = max(excesses)
        return ("high" if ratio > 2 else "medium"), ratio, what
    if rule.min_single > 0 and single < rule.min_single * (1 - 1e-9):
        return "low", rule.min_single / single if single > 0 else 0.0, "for a single dose"
    return None


# --- drug_allergy_conflict ----------------------------------------------------------------


def _allergy_conflicts(lists: dict[str, Doc], docs_by_provider: dict[str, list[Doc]],
                       rules: Sequence[AllergyConflictRule], settings: Settings) -> list[Finding]:
    allergies: list[tuple[Fact, Doc]] = [
        (f, d) for docs in docs_by_provider.values() for d in docs
        for f in d.of_kind("allergy") if f.status in ACTIVE_STATUSES and f.name not in ("", "none")
    ]
    if not allergies:
        return []
    by_ingredient: dict[str, list[AllergyConflictRule]] = {}
    for rule in rules:
        by_ingredient.setdefault(rule.ingredient, []).append(rule)
    out: list[Finding] = []
    for provider in sorted(lists):
        doc = lists[provider]
        seen: set[str] = set()
        for med in sorted(_active(doc.of_kind("medication")), key=fact_sort_key):
            if med.name in seen:
                continue
            hits = []
            for allergy, adoc in allergies:
                if allergy.name == med.name:
                    hits.append((0, 0, allergy, adoc, allergy.group or allergy.name, "high",
                                 "The allergy is to this very medicine."))
                for rule in by_ingredient.get(med.name, ()):
                    if rule.allergy_group in (allergy.name, allergy.group):
                        hits.append((SEVERITIES.index(rule.severity),
                                     0 if rule.relation == "member" else 1, allergy, adoc,
                                     rule.allergy_group, rule.severity, rule.note))
            if not hits:
                continue
            seen.add(med.name)
            # The strongest rule wins; among equals, the most recent allergy record.
            best = min((h[0], h[1]) for h in hits)
            strongest = sorted((h for h in hits if (h[0], h[1]) == best),
                               key=lambda h: fact_sort_key(h[2]))
            _, _, allergy, adoc, group, severity, note = max(strongest, key=lambda h: h[3].order)
            stale = stale_older_than(doc, [adoc], settings)
            if stale:
                severity = lower(severity)
            allergy_providers = {a.provenance.provider for _, _, a, *_ in hits}
            reaction = f", {allergy.reaction}" if allergy.reaction else ""
            by = names(allergy_providers - {provider})
            if provider in allergy_providers:
                by = "this provider" + (f" and by {by}" if by else "")
            text = (f"{provider} lists {describe_medication(med)} as a current medicine, but an "
                    f"allergy to {describe_allergy(allergy)} is recorded by {by}. {note}".rstrip())
            if stale:
                text += (" The allergy was recorded more than "
                         f"{settings.reconcile.stale_years:g} years after this list, so it may "
                         "have been found later.")
            text += (f" Ask {provider} to check whether {med.name} is safe for you and to correct "
                     "the medication or allergy list if it is wrong.")
            factor = STALE_FACTOR if stale else 1.0
            out.append(draft(
                severity=severity, category="drug_allergy_conflict", subject=med.name,
                provenance=at(med, "reconcile.drug_allergy_conflict"),
                found=describe_medication(med),
                expected=f"no {group} drugs (allergy: {allergy.name}{reaction})",
                other_providers=allergy_providers, explanation=text,
                confidence=confidence_of([med, allergy], factor),
                related_to=related(h[2] for h in hits),
            ))
    return out
