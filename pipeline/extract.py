"""Extract stage: the OCR'd pages of one document -> normalized Facts with provenance (spaCy rules)."""

from __future__ import annotations

import datetime
import itertools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from statistics import mean
from typing import Any

import spacy
from spacy.language import Language

from . import normalize
from .config import ExtractSettings, Settings
from .extract_nlp import (
    ALLERGEN,
    DRUG,
    VACCINE,
    LexiconComponent,
    LexiconIndex,
    LexMatch,
    SectionComponent,
    SectionMark,
    section_at,
    shorthand_drugs,
)
from .extract_rules import ExtractRules, PatternRule, load_extract_rules
from .extract_text import COLUMN_SEP, DocText, Line, build_doc_text, ocr_page_from_text
from .lexicons import Allergen, DoseRange, DrugName, Lexicons, VaccineName
from .records import Fact, OcrPage, Provenance

__all__ = ["build_nlp", "extract_facts", "ocr_page_from_text"]

log = logging.getLogger(__name__)

_MASS_UNITS = {"mg", "mcg", "g", "mg/ml", "units", "meq", "ml", "%"}
_PLAIN_MASS = {"mg", "mcg", "g", "units", "meq"}
_INJECTED = re.compile(
    r"\b(?:sc|sq|subq|subcut\w*|im|pen|autoinj\w*|auto-injector|syringe|prefilled|shot|injection)\b", re.IGNORECASE
)
# A comma between digits and three more digits is a thousands separator ("1,000 mg"), not a break.
_CLAUSE_BREAK = re.compile(
    r";|(?<!\d),|,(?!\d{3}(?!\d))|\.(?!\d)|\bbut\b|\band\b(?=\s+(?:no|not|denies)\b)", re.IGNORECASE
)
_SENTENCE_BREAK = re.compile(r"[;]|\.(?:\s|$)")


def _column_heading(sections: SectionComponent, cell: str) -> bool:
    """Whether `cell` heads one column of a two-column body ("History of present illness" beside
    "Allergies"), rather than a table's column ("Medication  Instructions", "Allergen  Reaction")."""
    if not sections.detector.is_header(cell):
        return False
    title = cell.strip(" :").lower()
    return not any(p.fullmatch(title) for p in _cues().columns.get("title", []))


# ---------------------------------------------------------------- nlp construction

_NLP_CACHE: dict[tuple[int, ExtractSettings], tuple[Lexicons, Language]] = {}


def build_nlp(lexicons: Lexicons, settings: Settings) -> Language:
    """spacy.blank("en") with the section, lexicon and fuzzy components; built once per process."""
    key = (id(lexicons), settings.extract)
    cached = _NLP_CACHE.get(key)
    if cached is not None and cached[0] is lexicons:
        return cached[1]
    rules = load_extract_rules()
    nlp = spacy.blank("en")
    nlp.add_pipe("recordcheck_sections")
    nlp.add_pipe("recordcheck_lexicon")
    nlp.add_pipe("recordcheck_section_ends")
    nlp.add_pipe(
        "recordcheck_fuzzy",
        config={
            "min_score": float(settings.extract.fuzzy_min_score),
            "ambiguity_margin": float(settings.extract.ambiguity_margin),
            "lookalike_margin": float(settings.extract.lookalike_margin),
        },
    )
    index = LexiconIndex(lexicons, {r.pattern.lower() for r in rules.family("not_a_drug")})
    lex = nlp.get_pipe("recordcheck_lexicon")
    assert isinstance(lex, LexiconComponent)
    lex.add_lexicons(index)
    nlp.get_pipe("recordcheck_fuzzy").add_lexicons(index)  # type: ignore[attr-defined]
    _NLP_CACHE.clear()
    _NLP_CACHE[key] = (lexicons, nlp)
    return nlp


# ---------------------------------------------------------------- cue tables


@dataclass(frozen=True)
class _Cue:
    regex: re.Pattern[str]
    value: str
    rank: int
    colon: bool
    anywhere: bool = False


def _label_regex(rule: PatternRule) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + rule.pattern + r")(?![\w])", re.IGNORECASE)


# Group references: by number, by name, or in a conditional.
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _any_of(cues: list[_Cue]) -> re.Pattern[str] | None:
    """A regex that matches wherever one of `cues` (all case-blind) does; None if they cannot join.

    Joined, a pattern's references to its own groups would point at another's, and a
    pattern with global flags of its own does not compile inside a group.
    """
    if not cues or any(_BACKREFERENCE.search(c.regex.pattern) for c in cues):
        return None
    try:
        return re.compile("|".join(f"(?:{c.regex.pattern})" for c in cues), re.IGNORECASE)
    except re.error:
        return None


class _Cues:
    """The pattern families compiled once per process."""

    def __init__(self, rules: ExtractRules) -> None:
        def comp(family: str) -> list[_Cue]:
            return [_Cue(r.compiled(), r.value, r.rank, r.colon) for r in rules.family(family)]

        def labels(family: str) -> list[_Cue]:
            return [_Cue(_label_regex(r), r.value, r.rank, r.colon, r.anywhere) for r in rules.family(family)]

        self.status = comp("status")
        self.negation = comp("allergy_negation")
        self.allergy_before = [c for c in comp("allergy_cue") if c.value == "before"]
        self.allergy_after = [c for c in comp("allergy_cue") if c.value == "after"]
        self.reaction = sorted(comp("reaction"), key=lambda c: -len(c.regex.pattern))
        self.med_cue = comp("med_cue")
        self.vaccine_cue = comp("vaccine_cue")
        self.dose_number = comp("dose_number")
        self.identity = labels("identity_label")
        self.reject_prefix = {r.pattern.lower() for r in rules.family("identity_reject_prefix")}
        self.not_person = {r.pattern.lower() for r in rules.family("person_name_reject")}
        self.doc_date = labels("document_date_label")
        # Most lines hold no label: one search for any of them first spares the 80-odd
        # searches a line that were a sixth of extraction's time.
        self.any_label = _any_of(self.identity + self.doc_date)
        self.noise = comp("noise_line")
        self.fax = comp("fax_line")
        self.not_given = comp("vaccine_not_given")
        # A box in a form: only the name after a checked one is an answer the form gives.
        self.boxes = comp("checkbox")
        boxes = [c for c in self.boxes if c.value == "unchecked"]
        self.box_unchecked = [c.regex for c in boxes]
        self.placeholder = [c.regex for c in comp("form_placeholder")]
        self.alias_line = comp("alias_line")
        self.sig = comp("sig_cue")
        self.wrap_end = [c for c in comp("cell_wrap") if c.value == "end"]
        self.wrap_start = [c for c in comp("cell_wrap") if c.value == "start"]
        self.total_dose = comp("total_dose")
        self.dose_change = comp("dose_change")  # "10 mg -> 5 mg", "decreased from 10 mg to 5 mg"
        self.combination_joint = comp("combination_joint")  # "LOSARTAN POTASSIUM-HYDROCHLOROTHIAZIDE"
        self.allergy_category = comp("allergy_category")  # "ALLERGIES TO MEDICINES, FOODS, LATEX"
        self.vaccine_test = comp("vaccine_test_word")  # "HPV co-test", "hepatitis B antibody"
        self.drug_test = comp("drug_test_word")  # "Infliximab trough 7.8 mcg/mL": a lab result
        self.schedule = comp("schedule_column")  # "Morning  Noon  Evening  Bedtime" over tick marks
        self.med_avoid = comp("med_avoid")  # "Do not take ibuprofen": advice, not a medicine taken
        self.vaccine_date = comp("vaccine_date_label")
        self.vaccine_detail = comp("vaccine_detail")
        self.date_convention = comp("date_convention")  # "All dates DD/MM/YYYY"
        self.directions = comp("directions_label")  # "Sig:" opening the line under a drug
        self.allergy_question = comp("allergy_question")  # "Are you allergic to any of these?"
        self.form_answer = comp("form_answer")  # group 1: the Yes/No closing a form's item
        # Table column titles, matched against a whole title: value -> patterns.
        self.columns: dict[str, list[re.Pattern[str]]] = {}
        for r in rules.family("column_header"):
            self.columns.setdefault(r.value, []).append(r.compiled())


_CUES: _Cues | None = None


def _cues() -> _Cues:
    global _CUES
    if _CUES is None:
        _CUES = _Cues(load_extract_rules())
    return _CUES


def _any(cues: Sequence[_Cue], text: str) -> bool:
    return any(c.regex.search(text) for c in cues)


def _lex_maps(
    lexicons: Lexicons,
) -> tuple[
    dict[str, list[DrugName]], dict[str, list[VaccineName]], dict[str, list[Allergen]], dict[str, str]
]:
    drugs: dict[str, list[DrugName]] = {}
    for d in lexicons.drugs + shorthand_drugs(lexicons):
        drugs.setdefault(d.name.lower(), []).append(d)
    vaccines: dict[str, list[VaccineName]] = {}
    for v in lexicons.vaccines:
        vaccines.setdefault(v.name.lower(), []).append(v)
    allergens: dict[str, list[Allergen]] = {}
    for a in lexicons.allergens:
        allergens.setdefault(a.name.lower(), []).append(a)
    return drugs, vaccines, allergens, _combination_names(drugs)


def _combination_names(drugs: dict[str, list[DrugName]]) -> dict[str, str]:
    """Each combination ingredient ("bictegravir-emtricitabine-tenofovir") -> a lexicon name of it."""
    out: dict[str, str] = {}
    for name, entries in sorted(drugs.items()):
        for e in entries:
            ingredient = e.ingredient.lower()
            if "-" in ingredient and (ingredient not in out or name == ingredient):
                out[ingredient] = name
    return out


_MAPS: dict[int, tuple[Lexicons, tuple]] = {}


def _maps_for(lexicons: Lexicons) -> tuple:
    hit = _MAPS.get(id(lexicons))
    if hit is not None and hit[0] is lexicons:
        return hit[1]
    maps = _lex_maps(lexicons)
    _MAPS.clear()
    _MAPS[id(lexicons)] = (lexicons, maps)
    return maps


# ---------------------------------------------------------------- the stage


@dataclass
class _Ctx:
    doc_text: DocText
    pages: Sequence[OcrPage]
    settings: Settings
    drugs: dict[str, list[DrugName]]
    vaccines: dict[str, list[VaccineName]]
    allergens: dict[str, list[Allergen]]
    cues: _Cues
    by_cvx: dict[str, VaccineName] = field(default_factory=dict)
    doc_date: str = ""  # ISO date of the document itself, "" when unknown
    by_line: list[list[LexMatch]] = field(default_factory=list)  # lexicon matches of each line
    dose_ranges: dict[str, list[DoseRange]] = field(default_factory=dict)
    day_first: bool = False  # the document writes numeric dates day/month/year
    described: set[int] = field(default_factory=set)  # lines that belong to the entry above them
    combinations: dict[str, str] = field(default_factory=dict)  # combination ingredient -> a name of it
    titles: dict[tuple[int, str], list[tuple[int, int, bool]] | None] = field(default_factory=dict)  # _column_titles


def extract_facts(pages: Sequence[OcrPage], lexicons: Lexicons, settings: Settings) -> list[Fact]:
    """All facts of one document (its pages in order): medications, allergies, vaccines, identity, date."""
    if not pages:
        return []
    nlp = build_nlp(lexicons, settings)
    sections = nlp.get_pipe("recordcheck_sections")
    assert isinstance(sections, SectionComponent)
    doc_text = build_doc_text(pages, lambda cell: _column_heading(sections, cell))
    if not doc_text.text.strip():
        return []
    doc = nlp(doc_text.text)
    drugs, vaccines, allergens, combinations = _maps_for(lexicons)
    by_cvx: dict[str, VaccineName] = {}
    for v in lexicons.vaccines:
        by_cvx.setdefault(_cvx_key(v.cvx), v)
    ctx = _Ctx(doc_text, pages, settings, drugs, vaccines, allergens, _cues(), by_cvx, combinations=combinations)
    ctx.day_first = normalize.reads_day_first(doc_text.text, _any(ctx.cues.date_convention, doc_text.text))
    for r in lexicons.dose_ranges:
        ctx.dose_ranges.setdefault(r.ingredient.lower(), []).append(r)
    facts: list[Fact] = []
    label_spans: list[tuple[int, int]] = []
    identity, doc_dates = _header_facts(ctx, doc, label_spans)
    # A pharmacy's or clinic's "Acct #" is its number for the patient, unless the document also
    # prints a record number: then the account is a billing visit's, not the patient's.
    if any(f.name == "mrn" and f.provenance.rule != _ACCOUNT_RULE for f in identity):
        identity = [f for f in identity if f.provenance.rule != _ACCOUNT_RULE]
    facts.extend(identity)
    best = _best_document_date(doc_dates)
    ctx.doc_date = best.date if best is not None else ""
    matches: list[LexMatch] = doc._.rc_matches or []
    by_line: list[list[LexMatch]] = [[] for _ in doc_text.lines]
    for m in matches:
        li = doc_text.line_at(m.start)
        if not _route_after_dose(ctx, doc_text.lines[li], m):
            by_line[li].append(m)
    by_line = [_combinations(ctx, ms) for ms in by_line]
    ctx.by_line = by_line
    for li, line in enumerate(doc_text.lines):
        mark = section_at(doc, line.start)
        if mark is not None and mark.whole_line and mark.start >= line.start:
            continue  # a header row ("Allergen  Reaction") names no entries
        if _any(ctx.cues.alias_line, line.text):
            continue  # "Commonly known as: LASIX" names the brand of the entry above it
        if by_line[li] and li not in ctx.described:
            below = by_line[li + 1] if li + 1 < len(by_line) else []
            cont = _directions_below(ctx, li, below) or _continuation(ctx, doc, li, below)
            cont = cont or _cell_continuation(ctx, li, below)
            facts.extend(_line_facts(ctx, doc, li, by_line[li], label_spans, cont))
        facts.extend(_negation_only_facts(ctx, doc, li, by_line[li]))
    if best is not None:
        facts.append(best)
    out = _dedupe([f for f in facts if not _scheduled_not_given(ctx, f)])
    log.debug("extracted %d facts from %s", len(out), pages[0].file)
    return out


# ---------------------------------------------------------------- helpers: provenance


def _combinations(ctx: _Ctx, matches: list[LexMatch]) -> list[LexMatch]:
    """Drug names joined into a combination product the lexicon knows ("LOSARTAN POTASSIUM-
    HYDROCHLOROTHIAZIDE", "bictegravir/emtricitabine/tenofovir", "BUDESONIDE 160/FORMOTEROL"):
    one name, the combination."""
    drugs = sorted((m for m in matches if m.label == DRUG), key=lambda m: m.start)
    if len(drugs) < 2:
        return matches
    # Runs of names each joined to the next by a joint (a salt word, a strength, then - / and).
    runs: list[list[LexMatch]] = [[drugs[0]]]
    for m in drugs[1:]:
        prev = runs[-1][-1]
        between = ctx.doc_text.text[prev.end : m.start] if m.start >= prev.end else "\n"
        if any(c.regex.match(between) for c in ctx.cues.combination_joint):
            runs[-1].append(m)
        else:
            runs.append([m])
    joined: list[LexMatch] = []
    used: set[int] = set()
    for run in runs:
        i = 0
        while i < len(run) - 1:
            for n in range(min(len(run) - i, _MAX_PARTS), 1, -1):
                part = run[i : i + n]
                known = _known_combination(ctx, part)
                if known is not None:
                    score = min(m.score for m in part)
                    joined.append(LexMatch(DRUG, part[0].start, part[-1].end, [(known, score)], "combination"))
                    used.update(id(m) for m in part)
                    i += n
                    break
            else:
                i += 1
    if not joined:
        return matches
    return sorted([m for m in matches if id(m) not in used] + joined, key=lambda m: m.start)


_MAX_PARTS = 4  # ingredients of the largest combination products looked for


def _known_combination(ctx: _Ctx, part: list[LexMatch]) -> str | None:
    """The lexicon's combination product of these names' ingredients, in any order."""
    # "tenofovir alafenamide" is filed under its base, "tenofovir", in combination names
    choices = [
        sorted({x for e in ctx.drugs.get(m.name, []) for x in (e.ingredient.lower(), e.ingredient.lower().split()[0])})
        for m in part
    ]
    for combo in itertools.product(*choices):
        for order in itertools.permutations(combo):
            name = ctx.combinations.get("-".join(order))
            if name is not None:
                return name
    return None


def _route_after_dose(ctx: _Ctx, line: Line, m: LexMatch) -> bool:
    """A drug abbreviation that is also a route's, written after a dose in its cell ("FLOVENT HFA
    110MCG INH": inhaled, not isoniazid). Before any dose it stays a name ("INH 300 mg daily")."""
    entries = ctx.drugs.get(m.name, []) if m.label == DRUG else ctx.allergens.get(m.name, [])
    if not entries or m.label == VACCINE:
        return False
    if m.label == DRUG and any(getattr(e, "name_type", "") != "abbreviation" for e in entries):
        return False
    raw = ctx.doc_text.text[m.start : m.end]
    routes = normalize.find_routes(raw)
    if not routes or routes[0].start != 0 or routes[0].end != len(raw):
        return False
    cell = ctx.doc_text.text[line.start : m.start].split(COLUMN_SEP)[-1]
    return bool(normalize.find_doses(cell))


def _fact(
    ctx: _Ctx, kind: str, name: str, start: int, end: int, rule: str, score: float = 100.0,
    also: tuple[tuple[int, int], ...] = (), **kw: object,
) -> Fact:
    """A fact read from the text in [start, end) and the ranges in `also` (a sig further down
    the entry's column): its words give the page, the box and the OCR confidence."""
    words = ctx.doc_text.words_in(start, end) + [w for a, b in also for w in ctx.doc_text.words_in(a, b)]
    if words:
        page_index = words[0][0]
        same_page = [w for pi, w in words if pi == page_index]
    else:
        page_index = ctx.doc_text.lines[ctx.doc_text.line_at(start)].page_index
        same_page = []
    page = ctx.pages[page_index]
    confs = [w.conf for w in same_page if w.conf >= 0]
    ocr_conf = mean(confs) / 100.0 if confs else 1.0
    bbox = None
    if same_page:
        bbox = (
            min(w.bbox[0] for w in same_page),
            min(w.bbox[1] for w in same_page),
            max(w.bbox[2] for w in same_page),
            max(w.bbox[3] for w in same_page),
        )
    text = " ".join(ctx.doc_text.text[a:b] for a, b in ((start, end), *also))
    text = re.sub(r"\s+", " ", text).strip(" ,;:-")
    text = re.sub(r"(?:\s+(?:and|or|with))+$", "", text, flags=re.IGNORECASE)
    prov = Provenance(page.provider, page.file, page.page, bbox, rule)
    confidence = round(max(0.0, min(1.0, ocr_conf * score / 100.0)), 4)
    return Fact(kind=kind, name=name, text=text, provenance=prov, confidence=confidence, **kw)  # type: ignore[arg-type]


def _section_name(mark: SectionMark | None) -> str:
    return mark.section if mark else ""


# ---------------------------------------------------------------- identity and document date


@dataclass
class _Label:
    start: int
    end: int
    family: str  # identity | doc_date
    value: str
    rank: int
    anywhere: bool = False


def _find_labels(ctx: _Ctx, text: str) -> list[_Label]:
    if ctx.cues.any_label is not None and not ctx.cues.any_label.search(text):
        return []
    hits: list[_Label] = []
    for family, cues in (("identity", ctx.cues.identity), ("doc_date", ctx.cues.doc_date)):
        for cue in cues:
            for m in cue.regex.finditer(text):
                after = text[m.end() : m.end() + 48]
                has_colon = bool(re.match(r"\s*(?:\([^()]{0,40}\)\s*)?[:#]", after))
                if cue.colon and not has_colon:
                    continue
                hits.append(_Label(m.start(), m.end(), family, cue.value, cue.rank, cue.anywhere))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Label] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


def _value_region(text: str, label: _Label, nxt: _Label | None) -> tuple[int, int]:
    start = label.end
    # "Patient name (Last, First, MI): Pruitt, Eleanor J": the bracket describes the value's form
    hint = re.match(r"\s*\([^()]{0,40}\)\s*(?=[:#])", text[start:])
    if hint:
        start += hint.end()
    m = re.match(r"\s*[:#.;]*\s*", text[start:])
    if m:
        start += m.end()
    end = nxt.start if nxt is not None else len(text)
    tab = text.find(COLUMN_SEP, start, end)
    if tab >= 0:
        end = tab
    return start, end


_NAME_SUFFIX = {"jr", "sr", "ii", "iii", "iv", "md", "do", "rn", "np", "pa"}
_TITLES = {"mr", "mrs", "ms", "miss", "mx"}


def _normalize_person(raw: str) -> str:
    raw = raw.strip()
    if "," not in raw and re.fullmatch(r"[^/\d]+\s/\s[^/\d]+", raw):
        raw = raw.replace(" / ", ", ", 1)  # "Last/First: PELLEGRINO / DARIUS"
    if "," in raw:
        family, _, rest = raw.partition(",")
        ordered = rest.split() + family.split()
    else:
        ordered = raw.split()
        # "HAUGEN Theodore Nils": a family name in capitals before mixed-case given names
        # (passports, travel certificates) goes last.
        if (
            len(ordered) >= 2 and ordered[0].isupper() and len(ordered[0]) > 1 and ordered[0].isalpha()
            and all(t[:1].isupper() and not t.isupper() for t in ordered[1:] if len(t.strip(".")) > 1)
            and any(len(t.strip(".")) > 1 for t in ordered[1:])
        ):
            ordered = ordered[1:] + ordered[:1]
    tokens: list[str] = []
    for tok in ordered:
        if re.search(r"\d", tok):
            break
        clean = re.sub(r"[^a-z]", "", tok.lower())
        if not clean or clean in _NAME_SUFFIX or clean in _TITLES:
            continue
        tokens.append(clean)
    if not 2 <= len(tokens) <= 5:
        return ""
    return " ".join(tokens)


_MRN_STOP = frozenset({"DOS", "DOB", "DATE", "VISIT", "ACCT", "PAGE", "SEX", "AGE"})


def _normalize_mrn(raw: str) -> str:
    parts: list[str] = []
    for tok in raw.split():
        tok = tok.strip(".,;:()[]")
        if parts and (tok.upper() in _MRN_STOP or normalize.find_dates(tok)):
            break  # "MRN AIC-0048213 DOS 09/22/2026": the next label, or a date, ends the number
        if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9\-/]*", tok) and (
            re.search(r"\d", tok) or (tok.isalpha() and tok.isupper() and len(tok) <= 4)
        ):
            parts.append(tok)
        else:
            break
    value = "".join(parts)
    return value if re.search(r"\d", value) else ""


def _header_facts(
    ctx: _Ctx, doc: spacy.tokens.Doc, label_spans: list[tuple[int, int]]
) -> tuple[list[Fact], list[tuple[int, int, Fact]]]:
    facts: list[Fact] = []
    dates: list[tuple[int, int, Fact]] = []
    page_rows: dict[int, list[int]] = {}
    for li, line in enumerate(ctx.doc_text.lines):
        page_rows.setdefault(line.page_index, []).append(li)
    for li, line in enumerate(ctx.doc_text.lines):
        text = line.text
        labels = _find_labels(ctx, text)
        mark = section_at(doc, line.start)
        section = _section_name(mark)
        rows = page_rows[line.page_index]
        at_edge = li in rows[:_HEADER_ROWS] or li in rows[-_FOOTER_ROWS:]
        if at_edge:
            unlabelled = _unlabelled_name(ctx, line.start, text, labels) or _addressee(ctx, li, line.start, text)
            if unlabelled is not None:
                facts.append(unlabelled)
        for i, lab in enumerate(labels):
            nxt = labels[i + 1] if i + 1 < len(labels) else None
            vs, ve = _value_region(text, lab, nxt)
            value = text[vs:ve]
            if not value.strip():
                continue
            if lab.family == "identity":
                # "Physician's name:", "Reviewed with patient:", "Signed by Dr. ... Name:": a few
                # words before the label that make the name someone else's.
                cell = text[: lab.start].split(COLUMN_SEP)[-1].lower()
                before = re.findall(r"[a-z]+", re.sub(r"'s\b", "", cell))
                if any(w in ctx.cues.reject_prefix for w in before[-3:]):
                    continue
                fact = _identity_fact(ctx, line.start, lab, vs, ve, value)
                if fact is not None:
                    facts.append(fact)
                    label_spans.append((line.start + lab.start, line.start + ve))
            else:
                # A bare "Date:" is the document's date only in the header, and a date inside a
                # list belongs to its entry; a print-date label ("Printed Jul 15, 2024") names the
                # document's date wherever it stands, typically in a footer below the lists.
                if not lab.anywhere and lab.rank >= 3 and section:
                    continue
                if not lab.anywhere and section in ("medications", "immunizations", "allergies"):
                    continue
                # "Seen on Tuesday, April 14, 2026": the weekday before the date says nothing more
                weekday = _WEEKDAY.match(value)
                if weekday is not None:
                    vs += weekday.end()
                    value = value[weekday.end() :]
                found = normalize.find_dates(value, day_first=ctx.day_first)
                if not found or found[0].start > 2:
                    continue
                dm = found[0]
                s, e = line.start + vs + dm.start, line.start + vs + dm.end
                label_spans.append((line.start + lab.start, e))
                fact = _fact(
                    ctx, "document_date", "", line.start + lab.start, e, "extract.document_date.label",
                    date=dm.iso if dm.valid else "", value=lab.value, date_valid=dm.valid,
                    raw_date=dm.raw, section=section,
                )
                dates.append((lab.rank, s, fact))
        if not labels and not section and line.page_index == 0:
            # A letter's date stands alone on its own line above the body.
            found = normalize.find_dates(text, day_first=ctx.day_first)
            if len(found) == 1 and found[0].raw.strip() == text.strip(" .,\t"):
                dm = found[0]
                dates.append(
                    (
                        3,
                        line.start + dm.start,
                        _fact(
                            ctx, "document_date", "", line.start + dm.start, line.start + dm.end,
                            "extract.document_date.letter", date=dm.iso if dm.valid else "",
                            value="report", date_valid=dm.valid, raw_date=dm.raw,
                        ),
                    )
                )
                label_spans.append((line.start + dm.start, line.start + dm.end))
        if _any(ctx.cues.fax, text):
            for dm in normalize.find_dates(text, day_first=ctx.day_first):
                s, e = line.start + dm.start, line.start + dm.end
                label_spans.append((s, e))
                if dm.valid:
                    fact = _fact(
                        ctx, "document_date", "", line.start, line.end, "extract.document_date.fax",
                        date=dm.iso, value="fax", raw_date=dm.raw, section=section,
                    )
                    dates.append((9, s, fact))
                break
        elif _any(ctx.cues.noise, text):
            for dm in normalize.find_dates(text, day_first=ctx.day_first):
                label_spans.append((line.start + dm.start, line.start + dm.end))
    return facts, dates


_ACCOUNT_RULE = "extract.identity.account"
_WEEKDAY = re.compile(
    r"\s*(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?=\w)", re.IGNORECASE
)
_HEADER_ROWS = 8  # lines at the top of a page that a running header may take
_FOOTER_ROWS = 4
_NAME_TOKEN = re.compile(r"^(?:[A-Za-z][a-z']+(?:-[A-Za-z][a-z']+)*|[A-Z][A-Z'\-]+|[A-Za-z]\.?)$")
_PREFIX_TRIM = " \t\u2022\u00b7*\u00ab\u00bb|-\u2013\u2014(,;:"


def _unlabelled_name(ctx: _Ctx, base: int, text: str, labels: list[_Label]) -> Fact | None:
    """The patient's name written without a label before the MRN or DOB of a header or footer line.

    "Eleanor J. Pruitt   MRN: 4471002   DOB: 03/09/1942", "PRUITT, ELEANOR J - MRN ...": many
    records print the name bare and label only the numbers. The text before the line's first
    label (in its own cell) is the name when it looks like one: two to four letter words, at
    most one "Last," comma, initials allowed, no word of an organization or a title
    (models/extract_patterns.jsonl, person_name_reject).
    """
    if not labels or labels[0].family != "identity" or labels[0].value not in ("mrn", "dob", "account"):
        return None
    if any(lab.family == "identity" and lab.value == "name" for lab in labels):
        return None
    before = text[: labels[0].start].rstrip()  # the label may open a cell of its own
    cell_start = before.rfind(COLUMN_SEP) + 1
    # "PERSONAL MEDICATION LIST FOR LORRAINE D WHITCOMB, DATE OF BIRTH: ...": the name is
    # what follows the title's last "for" / "of"
    title = list(re.finditer(r"\b(?:for|of)\s+", before[cell_start:], re.IGNORECASE))
    if title:
        cell_start += title[-1].end()
    raw = before[cell_start:]
    name = raw.rstrip(_PREFIX_TRIM)
    lead = len(name) - len(name.lstrip(_PREFIX_TRIM))
    name = name.strip(_PREFIX_TRIM)
    if not name or ":" in name or name.count(",") > 1:
        return None
    tokens = name.replace(",", " ").split()
    full = [t for t in tokens if len(t.rstrip(".")) > 1]
    if not 2 <= len(tokens) <= 4 or len(full) < 2 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    if any(t.lower().rstrip(".") in ctx.cues.not_person for t in tokens):
        return None
    if sum(t[0].isupper() for t in full) < len(full):
        return None  # "seen today by" is prose, not a name
    person = _normalize_person(name)
    if not person:
        return None
    start = base + cell_start + lead
    return _fact(ctx, "identity", "name", start, start + len(name), "extract.identity.name_unlabelled", value=person)


_ADDRESSEE = re.compile(r"(?:mr|mrs|ms|miss|mx)\.?\s+((?:[A-Z][A-Za-z'\-]*\.?\s+){0,2}[A-Z][A-Za-z'\-]+)", re.IGNORECASE)


def _addressee(ctx: _Ctx, li: int, base: int, text: str) -> Fact | None:
    """The patient's name heading the address block of a letter to the patient ("Ms. Colette R.
    Vandemeer" on its own line above the street): a courtesy title, then two to four name words."""
    if ctx.doc_text.lines[li].page_index != 0 or COLUMN_SEP in text:
        return None
    m = _ADDRESSEE.fullmatch(text.strip())
    if m is None or any(t.lower().rstrip(".") in ctx.cues.not_person for t in m.group(1).split()):
        return None
    person = _normalize_person(m.group(1))
    if not person:
        return None
    start = base + text.index(m.group(1))
    return _fact(ctx, "identity", "name", start, start + len(m.group(1)), "extract.identity.addressee", value=person)


def _identity_fact(ctx: _Ctx, base: int, lab: _Label, vs: int, ve: int, value: str) -> Fact | None:
    start, end = base + lab.start, base + ve
    if lab.value == "name":
        words = re.findall(r"[A-Za-z.]+", value)
        if words and all(any(p.fullmatch(w) for p in ctx.cues.placeholder) for w in words):
            return None  # a blank form's own words ("Last, First MI"), not a person
        if words and words[0].lower().rstrip(".") in ctx.cues.reject_prefix:
            return None  # "Name: Dr. Kaur": a clinician, not the patient
        person = _normalize_person(value)
        if not person:
            return None
        return _fact(ctx, "identity", "name", start, end, "extract.identity.name", value=person)
    if lab.value == "dob":
        found = normalize.find_dates(value, day_first=ctx.day_first)
        if not found or found[0].start > 2:
            return None
        dm = found[0]
        end = base + vs + dm.end
        return _fact(
            ctx, "identity", "dob", start, end, "extract.identity.dob",
            date=dm.iso if dm.valid else "", value=dm.iso if dm.valid else "",
            date_valid=dm.valid, raw_date=dm.raw,
        )
    if lab.value in ("mrn", "account"):
        mrn = _normalize_mrn(value)
        if not mrn:
            return None
        return _fact(ctx, "identity", "mrn", start, end, f"extract.identity.{lab.value}", value=mrn)
    return None


def _best_document_date(dates: list[tuple[int, int, Fact]]) -> Fact | None:
    valid = [d for d in dates if d[2].date]
    pool = valid or dates
    if not pool:
        return None
    return min(pool, key=lambda d: (d[0], d[1]))[2]


# ---------------------------------------------------------------- list entries


def _clauses(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for m in _CLAUSE_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _clause_of(clauses: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for s, e in clauses:
        if s <= offset <= e:
            return s, e
    return 0, 0


def _concepts(ctx: _Ctx, group: list[LexMatch]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for m in group:
        if m.label == DRUG:
            out.update((DRUG, e.ingredient.lower()) for e in ctx.drugs.get(m.name, []))
        elif m.label == VACCINE:
            # "Tetanus (Tdap)": a family name and a vaccine of that family are one entry
            out.update((VACCINE, e.short_name.lower()) for e in ctx.vaccines.get(m.name, []))
            out.update((VACCINE, e.family.lower()) for e in ctx.vaccines.get(m.name, []) if e.family)
        else:
            out.update((ALLERGEN, e.allergen.lower()) for e in ctx.allergens.get(m.name, []))
        out.add((m.label, m.name))
    return out


def _choose(ctx: _Ctx, text: str, base: int, line_matches: list[LexMatch]) -> list[list[LexMatch]]:
    """Group matches into entries: names sharing a span (a drug that is also an allergen), and
    two names of one concept a few words apart ("Zoster recombinant (Shingrix)", "lisinopril (Zestril)")."""
    groups: list[list[LexMatch]] = []
    for m in sorted(line_matches, key=lambda m: (m.start, -(m.end - m.start))):
        if groups and m.start < max(x.end for x in groups[-1]):
            groups[-1].append(m)
        else:
            groups.append([m])
    merged: list[list[LexMatch]] = []
    for g in groups:
        if merged:
            prev = merged[-1]
            between = text[max(x.end for x in prev) - base : min(x.start for x in g) - base]
            # "Pneumococcal Conjugate 20-Valent (Prevnar 20)": a name in brackets after a short
            # description names the same product, digits in the description or not.
            bracketed = re.fullmatch(r"[^;()\t]*\(\s*", between) is not None and len(between.split()) <= 5
            if (
                (bracketed or (len(between.split()) <= 3 and not re.search(r"[\d;/]", between)))
                and _concepts(ctx, prev) & _concepts(ctx, g)
            ):
                prev.extend(g)
                continue
        merged.append(list(g))
    return merged


@dataclass(frozen=True)
class _Cont:
    """The start of the next line when an entry wraps onto it (paragraph text)."""

    text: str
    end: int  # document offset where the continuation ends
    full: str  # the next line up to its first lexicon name
    next_start: int  # document offset of the next line
    next_vaccine: str  # short name of a vaccine named at the very start of the next line
    at: int = -1  # a table cell's wrap: the line offset where the cell ends and `text` goes on
    sig: bool = False  # `text` is the entry's directions ("Take 1 tablet by mouth daily")
    # Where `text` was read when it is not the text right after the entry (cells further down
    # its column): the fact's words are the entry's own plus these.
    spans: tuple[tuple[int, int], ...] = ()


def _continuation(ctx: _Ctx, doc: spacy.tokens.Doc, li: int, next_matches: list[LexMatch]) -> _Cont | None:
    lines = ctx.doc_text.lines
    if li + 1 >= len(lines):
        return None
    line, nxt = lines[li], lines[li + 1]
    if nxt.page_index != line.page_index or re.search(r"[.;:]\s*$", line.text) or COLUMN_SEP in line.text:
        return None
    mark = section_at(doc, nxt.end)
    if mark is not None and mark.start >= nxt.start:
        return None
    full = min([m.start - nxt.start for m in next_matches] + [len(nxt.text)])
    stop = full
    brk = _CLAUSE_BREAK.search(nxt.text, 0, stop)
    if brk is not None:
        stop = brk.start()
    first = min(next_matches, key=lambda m: m.start) if next_matches else None
    next_vaccine = ""
    if first is not None and first.label == VACCINE and first.start - nxt.start <= 3:
        next_vaccine = _vaccine_short(ctx, first)
    if full <= 0 and not next_vaccine:
        return None
    if next_matches and re.fullmatch(r"\s*(?:hold|stop|start|resume|restart|continue|increase|decrease)\s*", nxt.text[:full], re.IGNORECASE):
        return None  # "Hold metoprolol and call if ...": the verb of the next instruction, not this entry's
    sig = any(c.regex.match(nxt.text.lstrip(" -*\u2022")) for c in ctx.cues.sig)
    return _Cont(nxt.text[:stop], nxt.start + stop, nxt.text[:full], nxt.start, next_vaccine, sig=sig)


def _directions_below(ctx: _Ctx, li: int, next_matches: list[LexMatch]) -> _Cont | None:
    """A labelled directions line right under a drug line ("Rx 123  LOSARTAN 50 MG TABLET" over
    "Directions: TAKE 1 TABLET BY MOUTH ONCE DAILY"): the sig of that drug, even when the drug
    line is a row of cells or the label ends in a colon."""
    lines = ctx.doc_text.lines
    if li + 1 >= len(lines) or lines[li + 1].page_index != lines[li].page_index:
        return None
    nxt = lines[li + 1]
    if not any(c.regex.match(nxt.text) for c in ctx.cues.directions):
        return None
    stop = min([m.start - nxt.start for m in next_matches] + [len(nxt.text)])
    stop = min(stop, nxt.text.find(COLUMN_SEP) if COLUMN_SEP in nxt.text else stop)
    return _Cont(nxt.text[:stop], nxt.start + stop, nxt.text[:stop], nxt.start, "", sig=True)


_SIG_LINES = 6  # how far below its drug line a leaflet's directions may stand


def _sig_below(ctx: _Ctx, li: int, group: list[LexMatch]) -> _Cont | None:
    """The directions of an entry that gives none on its own line, from a sig a few lines below
    it in its column: a pharmacy leaflet ("METOPROLOL 25 MG TABLET", "What is this medicine?",
    a description naming the drug again, "Take 1 tablet by mouth once a day."), bag labels
    printed two to a row, a "Medicine: ..." box over its "How I use it: ..." line. Another
    drug's line in that column ends the search: its directions are its own."""
    def names(m: LexMatch) -> set[str]:
        return {c[1] for c in _concepts(ctx, [m])}

    own = set.union(*(names(m) for m in group))
    lines = ctx.doc_text.lines
    line = lines[li]
    cs, ce = _cell_span(line.start, line.text, min(m.start for m in group))
    # One entry per cell: every name in it (an allergen row of the same drug, a brand in
    # brackets) shares a concept with this entry.
    if any(not (names(m) & own) for m in ctx.by_line[li] if cs <= m.start < ce):
        return None
    boxes = [w.bbox for s, _, w in line.spans if cs <= s < ce]
    if not boxes:
        return None
    x0 = min(b[0] for b in boxes)
    tolerance = 2 * max(b[3] - b[1] for b in boxes)
    wrapped: tuple[int, int] | None = None  # "50 MG-12.5 MG TABLET" under a long drug name
    for k in range(li + 1, min(len(lines), li + 1 + _SIG_LINES)):
        nxt = lines[k]
        if nxt.page_index != line.page_index:
            return None
        cell: tuple[int, int] | None = None
        for ns, ne in _cells(nxt.text):
            nb = [w.bbox for s, _, w in nxt.spans if nxt.start + ns <= s < nxt.start + ne]
            if nb and abs(min(b[0] for b in nb) - x0) <= tolerance:
                cell = (nxt.start + ns, nxt.start + ne)
                break
        if cell is None:
            # no cell of this line stands under the entry: the line is another layout's, and a
            # drug named on it is another entry ("2109884 PREDNISONE 20MG" under a shifted grid)
            if any(m.label == DRUG and not (names(m) & own) for m in ctx.by_line[k]):
                return None
            continue
        ks, ke = cell
        if any(c.regex.fullmatch(ctx.doc_text.text[ks:ke].strip()) for c in ctx.cues.directions):
            ke = nxt.end  # "SIG:" in its own cell, the directions in the cells after it
        # The first drug a cell names says whose it is: "INSULIN GLARGINE (...) is a long-acting
        # insulin" describes this entry; "Do not take with aspirin" ends it.
        first = min((m for m in ctx.by_line[k] if m.label == DRUG and ks <= m.start < ke),
                    key=lambda m: m.start, default=None)
        if first is not None and not (names(first) & own):
            return None
        body = ctx.doc_text.text[ks:ke].lstrip(" -*\u2022")
        if (
            any(c.regex.match(body) for c in (*ctx.cues.sig, *ctx.cues.directions))
            and normalize.find_frequencies(body)
        ):
            # The lines passed over that name only this drug describe it ("ATORVASTATIN (a TORE
            # va sta tin) lowers cholesterol"): part of this entry, not entries of their own.
            ctx.described.update(
                j for j in range(li + 1, k + 1) if ctx.by_line[j] and all(names(m) & own for m in ctx.by_line[j])
            )
            spans = ((wrapped,) if wrapped else ()) + ((ke - len(body), ke),)
            text = " ".join(ctx.doc_text.text[a:b] for a, b in spans)
            return _Cont(text, ke, text, nxt.start, "", sig=True, spans=spans)
        if k == li + 1 and first is None and normalize.find_doses(body):
            wrapped = (ks, ke)
    return None


def _cell_continuation(ctx: _Ctx, li: int, next_matches: list[LexMatch]) -> _Cont | None:
    """A table cell whose directions wrap onto the next row ("... by mouth every 8" over
    "(eight) hours for 7 days."): the part of the next line under that cell."""
    lines = ctx.doc_text.lines
    if li + 1 >= len(lines) or COLUMN_SEP not in lines[li].text:
        return None
    line, nxt = lines[li], lines[li + 1]
    if nxt.page_index != line.page_index:
        return None
    lead = len(nxt.text) - len(nxt.text.lstrip(" -*\u2022"))
    if any(m.start - nxt.start <= lead + 2 for m in next_matches):
        return None  # the next row names its own entry: its cells are its own
    for cs, ce in _cells(line.text):
        cell = line.text[cs:ce]
        boxes = [w.bbox for s, e, w in line.spans if line.start + cs <= s < line.start + ce]
        if not boxes:
            continue
        x0, x1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
        for ns, ne in _cells(nxt.text):
            nboxes = [w.bbox for s, e, w in nxt.spans if nxt.start + ns <= s < nxt.start + ne]
            if not nboxes or min(b[2] for b in nboxes) < x0 or min(b[0] for b in nboxes) > x1:
                continue  # the wrapped words start under the cell, not left of it or past it
            below = nxt.text[ns:ne]
            if re.match(r"\s*[A-Za-z]{2,6}\s*=\s", below):
                return None  # "PRN = only when needed": the table's legend, not a wrapped cell
            if _any(ctx.cues.wrap_end, cell) or _any(ctx.cues.wrap_start, below):
                return _Cont(below, nxt.start + ne, "", nxt.start, "", ce)
            break
    return None


def _cells(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for part in text.split(COLUMN_SEP):
        out.append((pos, pos + len(part)))
        pos += len(part) + len(COLUMN_SEP)
    return out


def _line_facts(
    ctx: _Ctx, doc: spacy.tokens.Doc, li: int, line_matches: list[LexMatch],
    label_spans: list[tuple[int, int]], cont: _Cont | None,
) -> list[Fact]:
    line = ctx.doc_text.lines[li]
    text = line.text
    base = line.start
    groups = _choose(ctx, text, base, line_matches)
    clauses = _clauses(text)
    out: list[Fact] = []
    for gi, group in enumerate(groups):
        start = min(m.start for m in group) - base
        end = max(m.end for m in group) - base
        nxt = (min(m.start for m in groups[gi + 1]) - base) if gi + 1 < len(groups) else len(text)
        prev_end = (max(m.end for m in groups[gi - 1]) - base) if gi > 0 else 0
        if _unchecked_before(ctx, text, 0, start):
            continue  # "[ ] Sulfa": a choice the form offers, not one it records
        if _example_in_question(ctx, text, base, start) or _examples_in_brackets(ctx, text, base, start):
            continue  # "Are you taking a blood thinner (Plavix, Coumadin, Eliquis)?": examples
        if any(m.label == DRUG for m in group) and _any(ctx.cues.drug_test, text[end:]):
            continue  # "Infliximab trough  7.8 mcg/mL", "Anti-infliximab Ab": a lab test of the drug
        if re.match(r"\s+day\b", text[end:], re.IGNORECASE):
            continue  # "daily except on methotrexate day": the day, not a dose of it
        if _advised_against(ctx, text, start):
            continue  # "Do not take ibuprofen, naproxen (ALEVE) or other NSAIDs": advice
        labels: dict[str, LexMatch] = {}
        for m in group:
            labels.setdefault(m.label, m)
        last_cont = cont if gi + 1 == len(groups) else None
        mark = section_at(doc, base + start)
        section = _section_name(mark)
        cs, ce = _clause_of(clauses, start)
        clause_before = text[cs:start]
        seg_text = text[end:nxt]
        # A clause break between this entry and the next one ends this entry's words there.
        seg_end = nxt
        if gi + 1 < len(groups):
            breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, end, nxt)]
            if breaks:
                seg_end = max(end, breaks[-1] - 1)
        seg_text = text[end:seg_end]
        if DRUG in labels and not normalize.find_frequencies(
            seg_text + (" " + last_cont.text if last_cont is not None else "")
        ):
            last_cont = _sig_below(ctx, li, group) or last_cont
        prefix = text[max(prev_end, cs) : start]
        negation = _negation_before(ctx, text, cs, start)
        answer = _item_answer(ctx, text, end, nxt)
        if re.match(r"\s*[:\-]\s*(?:no?|none|neg(?:ative)?)\b", text[end:], re.IGNORECASE) and ALLERGEN in labels:
            continue  # "Latex: No": a form's item answered no
        asked = _any(ctx.cues.allergy_question, text) or _under_allergy_question(ctx, li)
        if asked and re.match(r"\s*if\s*yes\b", text, re.IGNORECASE) and answer != "no":
            answer = "yes"  # "If yes, please list: codeine (hallucinations)" under the allergy question
        if answer == "no" and (asked or _any(ctx.cues.allergy_before, text[:start])):
            continue  # "Latex ... No": the form asked and the answer was no allergy
        allergy_ctx = (
            (asked and answer == "yes")
            or section == "allergies"
            or _any(ctx.cues.allergy_before, text[:start])
            or negation is not None
            or _allergy_after(ctx, text, end)
        )
        doses = normalize.find_doses(seg_text)
        has_dose = bool(doses)
        if not has_dose and DRUG in labels and normalize.find_frequencies(seg_text):
            # "metformin 500 two times a day": a patient's list leaves the unit out; a number the
            # drug's usual doses give one unit, followed by how often, is a dose all the same.
            ingredient = _drug_concept(ctx, labels[DRUG])[0]
            has_dose = _bare_dose(ctx, ingredient, seg_text) is not None
        if not has_dose and last_cont is not None and last_cont.at < 0:
            # "Start donepezil 100\nmg by mouth at bedtime": the dose straddles the line break
            own = seg_text.rstrip()
            has_dose = any(d.start < len(own) for d in normalize.find_doses(own + " " + last_cont.text))
            # "LANTUS SOLOSTAR 100 UNIT/ML PEN" over "Inject 20 units at bedtime": the dose is the sig's
            has_dose = has_dose or (last_cont.sig and bool(normalize.find_doses(last_cont.text)))
        # "cephalexin 500 MG capsule  Take 1 capsule by mouth every 8 hours": a dose with
        # directions is a medication wherever it stands; an allergy line carries no sig.
        has_sig = has_dose and (
            bool(normalize.find_frequencies(seg_text)) or _any(ctx.cues.sig, seg_text)
        )
        if has_sig and negation is None and not _any(ctx.cues.allergy_before, clause_before):
            drug = labels.get(DRUG) or _as_drug(ctx, labels.get(ALLERGEN))
            if drug is not None:
                med = _med_fact(ctx, drug, base, start, end, seg_end, prefix, seg_text, mark, last_cont)
                if med.status == "active" and _stopped_by_column(ctx, li, label_spans):
                    med = replace(med, status="discontinued")
                out.append(med)
                continue
        if VACCINE in labels and (DRUG not in labels or not has_dose):
            vfacts = _vaccine_facts(ctx, labels[VACCINE], section, li, groups, gi, label_spans, last_cont)
            if vfacts is not None and (not allergy_ctx or section == "immunizations"):
                out.extend(vfacts)
                continue
        if allergy_ctx and not (has_dose and section != "allergies" and not negation) and not (
            has_dose and DRUG in labels and not _any(ctx.cues.allergy_before, clause_before)
        ):
            if _among_categories(ctx, text, start):
                continue  # "ALLERGIES TO MEDICINES, FOODS, LATEX": the form's question, no answer
            fact = _allergy_fact(ctx, labels, base, start, end, seg_end, negation, section, last_cont)
            if fact is not None:
                out.append(fact)
            continue
        if DRUG not in labels:
            continue
        med_ctx = (
            section == "medications"
            or has_dose
            or (section not in ("problems", "allergies") and _any(ctx.cues.med_cue, clause_before))
        )
        if not med_ctx:
            continue
        med = _med_fact(ctx, labels[DRUG], base, start, end, seg_end, prefix, seg_text, mark, last_cont)
        if med.status == "active" and _stopped_by_column(ctx, li, label_spans):
            med = replace(med, status="discontinued")
        out.append(med)
    return out


def _among_categories(ctx: _Ctx, text: str, start: int) -> bool:
    """Whether the allergen at `start` is one item of a list of kinds of allergy ("ALLERGIES TO
    MEDICINES, FOODS, LATEX"): a form's heading naming what to list, not something listed."""
    cs, ce = _cell_span(0, text, start)
    items = re.split(r"[,;/]|\bor\b|\band\b", text[cs:ce], flags=re.IGNORECASE)
    return any(
        any(c.regex.match(item.strip(" .:()").lower()) for c in ctx.cues.allergy_category) for item in items
    )


def _advised_against(ctx: _Ctx, text: str, start: int) -> bool:
    """Whether the sentence names the drug at `start` to be avoided ("Do not take ibuprofen,
    naproxen or other NSAIDs", "Avoid NSAIDs"): advice, neither a medicine taken nor an allergy."""
    cell = text.rfind(COLUMN_SEP, 0, start) + 1
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, cell, start)]
    sentence = text[breaks[-1] if breaks else cell : start]
    return _any(ctx.cues.med_avoid, sentence) and not _any(ctx.cues.allergy_before, sentence)


_QUESTION = re.compile(r"^\s*(?:are|do|does|did|have|has|is|were|was)\b[^?\t]*\?", re.IGNORECASE)


def _example_in_question(ctx: _Ctx, text: str, base: int, start: int) -> bool:
    """Whether the name at `start` is one of several drugs a form's question gives as examples
    ("Are you taking a blood thinner (Plavix, Coumadin, Eliquis, aspirin)? Yes"): the answer
    says some such drug is taken, not which one."""
    cs = text.rfind(COLUMN_SEP, 0, start) + 1
    q = _QUESTION.match(text, cs)
    if q is None or not cs <= start < q.end():
        return False
    li = ctx.doc_text.line_at(base)
    named = [m for m in ctx.by_line[li] if m.label == DRUG and base + cs <= m.start < base + q.end()]
    return len({m.name for m in named}) >= 2


def _examples_in_brackets(ctx: _Ctx, text: str, base: int, start: int) -> bool:
    """Whether the name at `start` is one of several drugs in brackets after a class or a
    question ("Alpha-blocker ever (Flomax, Uroxatral, Rapaflo)"), with no dose among them:
    examples of a kind, not entries. A brand in brackets after its generic is no such list."""
    opening = text.rfind("(", 0, start)
    closing = text.find(")", start)
    if opening < 0 or closing < 0 or ")" in text[opening:start] or COLUMN_SEP in text[opening:closing]:
        return False  # only a closed bracket within one cell lists examples
    inner = text[opening + 1 : closing]
    if normalize.find_doses(inner):
        return False
    li = ctx.doc_text.line_at(base)
    inside = {m.name for m in ctx.by_line[li] if m.label == DRUG and base + opening < m.start < base + opening + 1 + len(inner)}
    before = [m for m in ctx.by_line[li] if m.label == DRUG and m.end <= base + opening]
    if before and not text[before[-1].end - base : opening].strip():
        return False  # "apixaban (Eliquis, Xarelto)" after a drug: its brands
    return len(inside) >= 2


def _item_answer(ctx: _Ctx, text: str, end: int, nxt: int) -> str:
    """The Yes/No a form gives the item ending at `end`: the cell right after the item's own
    cell ("Tape / adhesive?  No"), else an answer closing the text before the next item."""
    cells = text[end:].split(COLUMN_SEP)
    if len(cells) > 1 and cells[1].strip().lower().rstrip(".") in ("yes", "no"):
        return cells[1].strip().lower().rstrip(".")
    return _form_answer(ctx, text[end:nxt])


def _form_answer(ctx: _Ctx, tail: str) -> str:
    """"yes" / "no" when the rest of a form's item line is its answer ("Latex\tNo"), else ""."""
    for cue in ctx.cues.form_answer:
        m = cue.regex.search(tail)
        if m is not None:
            return m.group(1).lower()
    return ""


def _under_allergy_question(ctx: _Ctx, li: int) -> bool:
    """Whether line `li` is an item of an allergy question above it ("Are you allergic to any of
    the following?" over "Latex\tYes", "Sulfa drugs\tNo"): only answered items in between."""
    lines = ctx.doc_text.lines
    for k in range(li - 1, max(-1, li - 16), -1):
        if lines[k].page_index != lines[li].page_index:
            return False
        if _any(ctx.cues.allergy_question, lines[k].text):
            return True
        if not _form_answer(ctx, lines[k].text):
            return False
    return False


def _unchecked_before(ctx: _Ctx, text: str, lo: int, start: int) -> bool:
    """Whether the form box nearest before `start` in its cell is unchecked ("[ ] Sulfa", "( )
    Iodine/contrast"), with at most a few words between the box and the name."""
    cell = text[lo:start].split(COLUMN_SEP)[-1]
    last: tuple[int, int, bool] | None = None
    for c in ctx.cues.boxes:
        for m in c.regex.finditer(cell):
            if last is None or m.start() > last[0]:
                last = (m.start(), m.end(), c.value == "unchecked")
    return last is not None and last[2] and len(cell[last[1] :].split()) <= 3


def _as_drug(ctx: _Ctx, m: LexMatch | None) -> LexMatch | None:
    """An allergen name that is also a drug name, read as the drug."""
    if m is None or m.name not in ctx.drugs:
        return None
    return replace(m, label=DRUG)


def _negation_before(ctx: _Ctx, text: str, clause_start: int, start: int) -> str | None:
    # A form's "( ) No known allergies" box in one cell says nothing of the answer in the next.
    region = text[clause_start:start].split(COLUMN_SEP)[-1]
    for cue in ctx.cues.negation:
        if cue.value in ("scope", "scope_or_none") and cue.regex.search(region):
            return cue.value
    return None


def _allergy_after(ctx: _Ctx, text: str, end: int) -> bool:
    tail = text[end : end + 14]
    return any(
        (m := c.regex.match(tail.lstrip(" -:"))) is not None and m.start() == 0
        for c in ctx.cues.allergy_after
    )


def _drug_concept(ctx: _Ctx, m: LexMatch) -> tuple[str, str, str, list[str]]:
    """(ingredient, rxcui, class, other ingredients the same name could mean)."""
    entries = ctx.drugs.get(m.name, [])
    if not entries:
        return m.name, "", "", list(m.ambiguous)
    ingredients = sorted({e.ingredient.lower() for e in entries})
    preferred = [e for e in entries if e.name_type == "generic" or e.name.lower() == e.ingredient.lower()]
    chosen = preferred[0] if preferred else entries[0]
    ingredient = _without_biologic_suffix(ctx, chosen.ingredient.lower())
    ingredients = sorted({_without_biologic_suffix(ctx, i) for i in ingredients})
    others = [i for i in ingredients if i != ingredient]
    # A brand row may lack the code or class its generic row carries.
    generic = next((e for e in ctx.drugs.get(ingredient, []) if e.ingredient.lower() == ingredient), chosen)
    rxcui = chosen.rxcui or generic.rxcui
    drug_class = chosen.drug_class or generic.drug_class
    return ingredient, rxcui, drug_class, others + list(m.ambiguous)


def _without_biologic_suffix(ctx: _Ctx, ingredient: str) -> str:
    """"erenumab-aooe" -> "erenumab": the FDA's four-letter suffix tells makers apart, not
    medicines, and records write the name with or without it."""
    m = re.fullmatch(r"(.+)-[a-z]{4}", ingredient)
    return m.group(1) if m is not None and m.group(1) in ctx.drugs else ingredient


def _med_fact(
    ctx: _Ctx, m: LexMatch, base: int, start: int, end: int, seg_end: int, prefix: str,
    seg_text: str, mark: SectionMark | None, cont: _Cont | None,
) -> Fact:
    ingredient, rxcui, drug_class, ambiguous = _drug_concept(ctx, m)
    own_len = len(seg_text)
    if cont is not None and cont.at >= 0 and 0 <= cont.at - end <= len(seg_text):
        k = cont.at - end
        seg_text = seg_text[:k] + " " + cont.text + seg_text[k:]
    elif cont is not None:
        seg_text = seg_text + " " + cont.text
    seg_text = _changed_part(ctx, seg_text)
    doses = normalize.find_doses(seg_text)
    # "Humira Pen 40 mg/0.4 mL  40 mg": the amount beats the pen's concentration
    strength = (
        next((d for d in doses if d.unit in _PLAIN_MASS), None)
        or next((d for d in doses if d.unit in _MASS_UNITS), None)
        or (doses[0] if doses else None)
    )
    # "20 MG tablet  Take 2 tablets (40 mg total)": the amount taken at a time is the dose
    totalled = False
    for cue in ctx.cues.total_dose:
        hit = cue.regex.search(seg_text)
        taken = normalize.find_doses(hit.group(1)) if hit is not None else []
        if hit is not None and taken and taken[0].unit in _MASS_UNITS:
            strength = replace(taken[0], start=hit.start(1) + taken[0].start, end=hit.start(1) + taken[0].end)
            totalled = True
            break
    if not totalled and strength is not None:
        strength = _amount_taken(ctx, seg_text, doses, strength)
    alternating = _alternating_doses(seg_text, doses)
    if alternating is not None:
        strength = alternating
    parts = ingredient.count("-") + 1
    if parts >= 3 and strength is not None and strength.unit in _MASS_UNITS and strength.dose.count("-") + 1 < parts:
        # "BICTEGRAVIR 50/EMTRICITABINE 200/TENOFOVIR AF 25MG TAB": a strength read for one of
        # three ingredients is no dose of the product; the count of tablets is.
        strength = next((d for d in doses if d.unit in _SOLID_COUNTS), None)
    # "albuterol 90 mcg/actuation inhaler  Inhale 2 puffs": for an inhaler the amount taken at a
    # time is the count of puffs; the mass is per puff (or the canister's size, "18 g").
    puffs = next((d for d in doses if d.unit == "puff"), None)
    if puffs is not None:
        strength = puffs
    if strength is None:
        strength = _bare_dose(ctx, ingredient, seg_text)
    elif strength.unit in _SOLID_COUNTS and (bare := _bare_dose(ctx, ingredient, seg_text)) is not None:
        # "metformin 500 one tablet three times a day": the unit-less strength, that many times
        total = normalize.scaled_dose(bare.dose, strength.dose) if bare.end <= strength.start else None
        strength = replace(bare, dose=total) if total is not None else bare
    elif strength.unit == "g":
        strength = _gram_or_milligram(ctx, ingredient, strength)
    elif strength.unit == "mg/ml" and re.fullmatch(r"[\d.,]+\s*mg\s*/\s*ml", strength.raw, re.IGNORECASE) and (
        _INJECTED.search(seg_text)
    ):
        # "Aimovig 70 mg/mL SC monthly": a one-dose pen of 1 mL, so 70 mg a dose
        strength = replace(strength, unit="mg")
    freqs = normalize.find_frequencies(seg_text)
    routes = normalize.find_routes(seg_text)
    if alternating is not None and not freqs:
        # a dose for every day of the week, so once a day
        freqs = [normalize.FrequencyMatch(alternating.start, alternating.end, alternating.raw, "daily", 1.0)]
    grid = ""
    if not freqs or freqs[0].frequency == "prn":
        # "Trazodone 50 mg  1 tab  PRN" under a Bedtime column: the grid says when, the text as needed
        grid = _grid_frequency(ctx, ctx.doc_text.line_at(base), base + end)
        if grid and freqs and not grid.endswith("prn"):
            grid += " prn"
        if grid and freqs:
            freqs = []
    status = ""
    if mark is not None and mark.status:
        status = mark.status
    cue_text = prefix + " " + seg_text
    found_status = _status(ctx, cue_text)
    if found_status and found_status != "active":
        status = found_status
    attr_end = end
    for found in (strength, freqs[0] if freqs else None, routes[0] if routes else None):
        if found is not None:
            attr_end = max(attr_end, end + found.end)
    fact_end = seg_end if seg_end - end < 80 else min(attr_end, seg_end)
    text_end = base + len(ctx.doc_text.text[base + end : base + fact_end].rstrip(" ,;\t")) + end
    also: tuple[tuple[int, int], ...] = ()
    if cont is not None and attr_end - end > own_len:
        if cont.spans:
            text_end, also = base + end + own_len, cont.spans
        else:
            text_end = cont.end
    return _fact(
        ctx, "medication", ingredient, base + start, text_end,
        f"extract.medication.{m.rule}", m.score, also=also,
        code=rxcui,
        dose=strength.dose if strength else "",
        unit=strength.unit if strength else "",
        frequency=freqs[0].frequency if freqs else grid,
        route=routes[0].route if routes else "",
        status=status or "active",
        group=drug_class,
        ambiguous_with=tuple(dict.fromkeys(ambiguous)),
        section=_section_name(mark),
    )


_SOLID_COUNTS = {"tab", "cap"}
_APPLIED_COUNTS = {"drop", "patch", "puff"}
_MAX_COUNT = 8  # tablets taken at once; more is a quantity dispensed
_QUANTITY = re.compile(r"(?:qty|quantity|disp(?:ense)?|dispensed|#|supply|refills?|count)\W{0,3}$", re.IGNORECASE)


def _quantity_before(text: str, offset: int) -> bool:
    """Whether the number at `offset` is a quantity dispensed ("Qty: 30 tablets", "#60 tabs")."""
    return _QUANTITY.search(text[max(0, offset - 14) : offset]) is not None
_SIG_START = re.compile(r"\b(?:take|takes|inject|give|chew|inhale|use|apply|instill|dissolve|place)\b", re.IGNORECASE)


def _amount_taken(
    ctx: _Ctx, seg_text: str, doses: list[normalize.DoseMatch], strength: normalize.DoseMatch
) -> normalize.DoseMatch:
    """The amount taken at a time when the directions say it and the strength is per unit.

    The directions start at a sig verb ("Take", "Inject") or at the next table cell after the
    strength. Their first amount is the dose: a mass ("500 mg tablet  1 gram by mouth ...",
    "81 MG EC tablet  Take 81 mg") as written, or a count of tablets or capsules times the
    strength ("50 mg tablet  one-half tablet ...", "500MG TAB  ii T PO Q8H") in the strength's unit.
    """
    if strength.unit == "%":
        # "latanoprost 0.005% eye drops, 1 drop in both eyes", "lidocaine 5% patch: Apply 1
        # patch": a concentration is no amount; the count of drops or patches is.
        count = next((d for d in doses if d.start >= strength.end and d.unit in _APPLIED_COUNTS), None)
        return count if count is not None and not _quantity_before(seg_text, count.start) else strength
    if strength.unit not in ("mg", "mcg", "g", "meq", "units"):
        return strength
    starts = [m.start() for m in _SIG_START.finditer(seg_text, strength.end)]
    tab = seg_text.find(COLUMN_SEP, strength.end)
    if tab >= 0:
        starts.append(tab)
    # "ibuprofen 200 mg tablets, 2 tablets by mouth": a count right after the product's words
    after = next((d for d in doses if d.start >= strength.end), None)
    if after is not None and after.unit in _SOLID_COUNTS:
        between = seg_text[strength.end : after.start]
        if re.fullmatch(r"[\s,;:\-]*(?:[A-Za-z]+[\s,;:\-]*){0,3}", between) and not _quantity_before(seg_text, after.start):
            starts.append(after.start)
    if not starts:
        return strength
    first = next((d for d in doses if d.start >= min(starts)), None)
    if first is None or _quantity_before(seg_text, first.start):
        return strength
    if first.unit in _SOLID_COUNTS and (normalize.dose_value(first.dose) or 0) > _MAX_COUNT:
        return strength  # "30 tablets" is what the bottle holds, not what is taken at a time
    if first.unit in ("mg", "mcg", "g") and strength.unit in ("mg", "mcg", "g"):
        return first
    if first.unit not in _SOLID_COUNTS:
        return strength
    total = normalize.scaled_dose(strength.dose, first.dose)
    return replace(strength, dose=total) if total is not None else strength


_GRID_ONE = {"am": "qam", "noon": "daily", "pm": "daily", "hs": "qhs"}
_GRID_MANY = {2: "bid", 3: "tid", 4: "qid"}


def _grid_frequency(ctx: _Ctx, li: int, after: int) -> str:
    """How often, from the marks a medication schedule puts under its time-of-day columns
    ("Medicine  Dose  Morning  Noon  Evening  Bedtime" over "Sertraline 100 mg  1 tab  v"):
    one mark is that time of day, two are bid, three tid, four qid; "PRN" in a column adds prn."""
    lines = ctx.doc_text.lines
    columns: list[tuple[float, str]] = []
    for hi in range(li - 1, max(-1, li - 30), -1):
        if lines[hi].page_index != lines[li].page_index:
            return ""
        if ctx.by_line[hi] or re.search(r"\d", lines[hi].text):
            continue  # an entry's row ("Aricept 10 mg HS 10/19 HS"), not the grid's titles
        columns = [
            ((w.bbox[0] + w.bbox[2]) / 2, c.value)
            for _, _, w in lines[hi].spans
            for c in ctx.cues.schedule
            if c.regex.match(w.text.strip(":|").lower())
        ]
        if len({v for _, v in columns}) >= 2:
            break
    if len({v for _, v in columns}) < 2:
        return ""
    centres = sorted(x for x, _ in columns)
    half = min(b - a for a, b in zip(centres, centres[1:], strict=False)) / 2
    slots: set[str] = set()
    prn = False
    for s, _, w in lines[li].spans:
        if s < after:
            continue
        x = (w.bbox[0] + w.bbox[2]) / 2
        nearest = min(columns, key=lambda c: abs(c[0] - x))
        if abs(nearest[0] - x) > half:
            continue  # the dose or notes column, not under a time of day
        if w.text.strip(".").lower() == "prn":
            prn = True
        slots.add(nearest[1])
    if not slots:
        return ""
    base = _GRID_ONE[next(iter(slots))] if len(slots) == 1 else _GRID_MANY.get(len(slots), "")
    return f"{base} prn".strip() if prn else base


def _changed_part(ctx: _Ctx, seg_text: str) -> str:
    """`seg_text` with what a change replaced blanked out ("10 mg twice a day -> 5 mg twice a day",
    "decreased from 10 mg to 5 mg"): the dose, frequency and route after the change are the ones
    taken now. Blanks keep the offsets; a frequency or route the new part leaves out still holds."""
    cut = -1
    for cue in ctx.cues.dose_change:
        for hit in cue.regex.finditer(seg_text):
            if hit.end() > cut and normalize.find_doses(seg_text[hit.end() :]):
                cut = hit.end()
    if cut < 0:
        return seg_text
    old, new = seg_text[:cut], seg_text[cut:]
    keep: list[tuple[int, int]] = []
    if not normalize.find_frequencies(new):
        keep.extend((f.start, f.end) for f in normalize.find_frequencies(old))
    if not normalize.find_routes(new):
        keep.extend((r.start, r.end) for r in normalize.find_routes(old))
    blank = [" "] * len(old)
    for s, e in keep[:2]:
        blank[s:e] = old[s:e]
    return "".join(blank) + new


_WEEKDAYS = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?\b|\b(?:m|tu|w|th|f|sa|su)(?:\s*[/\-,]\s*(?:m|tu|w|th|f|sa|su)){1,5}\b"
    r"|\bother\s+days\b|\brest\s+of\s+(?:the\s+)?week\b|\ball\s+other\s+days\b",
    re.IGNORECASE,
)


def _alternating_doses(seg_text: str, doses: list[normalize.DoseMatch]) -> normalize.DoseMatch | None:
    """A dose that changes with the day of the week ("5 mg M/W/F, 2.5 mg other days", a warfarin
    calendar): the range of the day's doses, as the vocabulary writes a range ("2.5-5")."""
    # "= 25 mg/week", "Total/week 25 mg": a week's total is no day's dose
    masses = [
        d for d in doses
        if d.unit in ("mg", "mcg") and "-" not in d.dose
        and not re.match(r"\s*(?:/|a|per|each)\s*(?:wk|week)\b", seg_text[d.end :], re.IGNORECASE)
    ]
    same = [d for d in masses if d.unit == masses[0].unit and normalize.dose_value(d.dose) is not None]
    if len({d.dose for d in same}) < 2 or len(same) < len([d for d in masses if d.unit == masses[0].unit]):
        return None
    if len(_WEEKDAYS.findall(seg_text)) < 2:
        return None  # one weekday ("15 mg weekly (Fri)") is a weekly day, not two schedules
    low = min(same, key=lambda d: normalize.dose_value(d.dose) or 0.0)
    high = max(same, key=lambda d: normalize.dose_value(d.dose) or 0.0)
    return replace(masses[0], dose=f"{low.dose}-{high.dose}")


def _gram_or_milligram(ctx: _Ctx, ingredient: str, strength: normalize.DoseMatch) -> normalize.DoseMatch:
    """"ELIQUIS 5G TAB": OCR lost the M of "5MG" on a faxed page. A strength in grams far above
    the drug's largest single dose (models/dose_ranges.csv) that is a usual dose in milligrams
    is read in milligrams; a plausible gram dose ("cephalexin 1 g") is left as written."""
    value = normalize.dose_value(strength.dose)
    ranges = [r for r in ctx.dose_ranges.get(ingredient, []) if r.unit == "mg"]
    if value is None or not ranges or not re.fullmatch(r"\d+(?:\.\d+)?\s*g", strength.raw, re.IGNORECASE):
        return strength
    if any(r.min_single <= value * 1000 <= r.max_single for r in ranges):
        return strength
    if any(r.min_single <= value <= r.max_single for r in ranges):
        return replace(strength, unit="mg")
    return strength


def _bare_dose(ctx: _Ctx, ingredient: str, seg_text: str) -> normalize.DoseMatch | None:
    """A strength written without its unit right after the name ("ASA 81 daily", "atorva 40
    qhs"), given the one unit whose usual single doses (models/dose_ranges.csv) hold it."""
    combo = re.match(r"[ \t:]*([0-9]+(?:\.[0-9]+)?)\s*/\s*([0-9]+(?:\.[0-9]+)?)(?![0-9/%.])", seg_text)
    if combo is not None and "-" in ingredient:
        # "Hyzaar 50/12.5 1 a day": a combination's strengths written without their unit are mg
        dose = f"{normalize.number_text(combo.group(1))}-{normalize.number_text(combo.group(2))}"
        return normalize.DoseMatch(combo.start(1), combo.end(2), combo.group(0).strip(), dose, "mg", combo.group(0).strip())
    found = normalize.find_bare_dose(seg_text)
    if found is None:
        return None
    start, end, number = found
    value = float(number)
    units = {r.unit for r in ctx.dose_ranges.get(ingredient, []) if r.min_single <= value <= r.max_single}
    if len(units) != 1:
        return None  # no range, or the number fits two units: no guess
    unit = units.pop()
    raw = seg_text[start:end]
    return normalize.DoseMatch(start, end, raw, number, unit, raw)


def _status(ctx: _Ctx, text: str) -> str:
    hits: list[tuple[int, str]] = []
    for cue in ctx.cues.status:
        m = cue.regex.search(text)
        if m is not None:
            hits.append((m.start(), cue.value))
    non_active = [h for h in hits if h[1] not in ("active", "resumed")]
    if non_active:
        first = min(non_active)
        # "held since 6/8, resumed today": a restart after the hold is the state now
        if any(at > first[0] and value == "resumed" for at, value in hits):
            return "active"
        return first[1]
    return "active" if hits else ""


def _reaction(ctx: _Ctx, text: str) -> str:
    best: tuple[int, str] | None = None
    for cue in ctx.cues.reaction:
        m = cue.regex.search(text)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), cue.value)
    return best[1] if best else ""


def _allergy_fact(
    ctx: _Ctx, labels: dict[str, LexMatch], base: int, start: int, end: int, seg_end: int,
    negation: str | None, section: str, cont: _Cont | None,
) -> Fact | None:
    if ALLERGEN in labels:
        m = labels[ALLERGEN]
        entries = ctx.allergens.get(m.name, [])
        name = entries[0].allergen.lower() if entries else m.name
        group = entries[0].group if entries else ""
        ambiguous = list(m.ambiguous)
    elif DRUG in labels:
        m = labels[DRUG]
        name, _, group, ambiguous = _drug_concept(ctx, m)
    else:
        return None
    tail = ctx.doc_text.text[base + end : base + seg_end] + (" " + cont.text if cont else "")
    reaction = _reaction(ctx, tail) if not negation else ""
    return _fact(
        ctx, "allergy", name, base + start, base + seg_end, f"extract.allergy.{m.rule}", m.score,
        status="negated" if negation else "active", group=group, reaction=reaction,
        ambiguous_with=tuple(dict.fromkeys(ambiguous)), section=section,
    )


def _negation_only_facts(
    ctx: _Ctx, doc: spacy.tokens.Doc, li: int, line_matches: list[LexMatch]
) -> list[Fact]:
    """NKDA / "no known allergies" / "denies allergies" with no allergen after it: one "none" fact."""
    line = ctx.doc_text.lines[li]
    text = line.text
    out: list[Fact] = []
    clauses = _clauses(text)
    for cue in ctx.cues.negation:
        if cue.value not in ("none", "scope_or_none"):
            continue
        for m in cue.regex.finditer(text):
            if _unchecked_before(ctx, text, 0, m.start()):
                continue  # "[ ] NKA": the form offers the answer, nobody gave it
            if cue.value == "scope_or_none":
                _, ce = _clause_of(clauses, m.end())
                if any(m.end() <= x.start - line.start < max(ce, m.end()) + 1 for x in line_matches):
                    continue
            out.append(
                _fact(
                    ctx, "allergy", "none", line.start + m.start(), line.start + m.end(),
                    "extract.allergy.negation", status="negated",
                    section=_section_name(section_at(doc, line.start + m.start())),
                )
            )
    return out[:1]


# ---------------------------------------------------------------- vaccines


def _vaccine_facts(
    ctx: _Ctx, m: LexMatch, section: str, li: int, groups: list[list[LexMatch]], gi: int,
    label_spans: list[tuple[int, int]], cont: _Cont | None,
) -> list[Fact] | None:
    """The doses a vaccine entry records: None when the name is no vaccine entry here, [] when
    it is one but records no dose given (a reminder, a forecast, a refusal)."""
    line = ctx.doc_text.lines[li]
    text = line.text
    base = line.start
    own_len = len(text)
    cs, ce = _cell_span(base, text, m.start)
    if any(c.regex.match(ctx.doc_text.text[cs:ce]) for c in ctx.cues.vaccine_detail):
        return []  # "Lot 3051872 - Moderna": the maker of the entry above, not another dose
    if cont is not None and cont.full:
        # "Tdap on June 11,\n2018": the date of the line's last vaccine may wrap onto the next line.
        text = text + " " + cont.full

    def absolute(off: int) -> int:
        if cont is None or off <= own_len:
            return base + off
        return cont.next_start + off - own_len - 1

    start = m.start - base
    vac_groups = [
        g for g in groups
        if any(x.label == VACCINE for x in g) and (m in g or not _in_column(ctx, li, g[0].start, g[0].end, "maker"))
    ]
    vi = next(i for i, g in enumerate(vac_groups) if m in g)
    # "Zoster recombinant (Shingrix)": one entry; the later, bracketed name is the more specific.
    own = sorted((x for x in vac_groups[vi] if x.label == VACCINE), key=lambda x: x.start)
    named = m
    for x in own[1:]:
        if text[: x.start - base].rstrip().endswith("("):
            named = x
    # "Tetanus: Tdap 11JUN2018": a family's name labels the row; the vaccine is the one named in it
    first = ctx.vaccines.get(named.name, [])
    if first and first[0].short_name.lower() == first[0].family.lower():
        named = next((x for x in own if x is not named and _vaccine_short(ctx, x) != first[0].family.lower()), named)
    # "Td/Tdap": two names joined by a slash are one entry the record did not settle.
    joined: list[LexMatch] = []
    if vi + 1 < len(vac_groups):
        nm = next(x for x in vac_groups[vi + 1] if x.label == VACCINE)
        if re.fullmatch(r"\s*(?:/|or)\s*", text[max(x.end for x in own) - base : nm.start - base]):
            joined.append(nm)
    if vi > 0:
        pm = max((x for x in vac_groups[vi - 1] if x.label == VACCINE), key=lambda x: x.end)
        if re.fullmatch(r"\s*(?:/|or)\s*", text[pm.end - base : start]):
            return None  # reported with the first name of the pair
    last = joined[-1] if joined else max(own, key=lambda x: x.end)
    nxt_v = next(
        (min(x.start for x in g) - base for g in vac_groups[vi + 1 :] if not any(j in g for j in joined)),
        len(text),
    )
    if _any(ctx.cues.vaccine_test, text[last.end - base :]):
        return None  # "Pap with HPV co-test 03/2023", "varicella titer": a test, not a vaccine
    cue_ok = (
        section == "immunizations"
        or _any(ctx.cues.vaccine_cue, text + " " + _sentence_above(ctx, li))
        or _any(ctx.cues.vaccine_cue, _title_row(ctx, li))  # "Requirement  Status  Date(s) received"
    )
    if _in_column(ctx, li, m.start, m.end, "maker") or _in_column(ctx, li, m.start, m.end, "not_given"):
        return []  # "MODERNA" under a MFR column, "PCV20 complete" under a Due column: no dose
    dates = [
        d for d in normalize.find_dates(text, day_first=ctx.day_first)
        if not any(s <= absolute(d.start) < e for s, e in label_spans)
    ]
    # A table with a DATE GIVEN column dates the dose there; EXP and VIS DATE columns never do.
    if _column_titles(ctx, li, "given") is not None:
        dates = [d for d in dates if d.start >= own_len or _in_column(ctx, li, base + d.start, base + d.end, "given")]
    dates = [d for d in dates if d.start >= own_len or not _in_column(ctx, li, base + d.start, base + d.end, "not_given")]
    # "Influenza vaccine  Due on Sep 1, 2024", "Tdap 05/02/2019, next due 05/2029": a date
    # after a reminder word (due, overdue, recommended, scheduled) is not a dose given, and a
    # reminder word before the name makes the whole entry a reminder ("Due: Tdap").
    prev_end = max((x.end for x in vac_groups[vi - 1]), default=base) - base if vi > 0 else 0
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, prev_end, start)]
    entry_start = breaks[-1] if breaks else prev_end
    # The entry's words end with its sentence: "... a Tdap booster on 6/11/2018. She does not
    # recall a pneumonia vaccine" says nothing against the Tdap.
    # An entry without a date of its own goes on to its sentence's end: "Live vaccines (MMR,
    # varicella, yellow fever) are not to be given" says it of every name in the list.
    own_date = any(last.end - base <= d.start < nxt_v for d in dates)
    stop = _SENTENCE_BREAK.search(text, last.end - base, nxt_v if own_date else len(text))
    entry_end = stop.start() if stop is not None else (nxt_v if own_date else len(text))
    not_given = [
        (hit.start(), cue.value)
        for cue in ctx.cues.not_given
        for hit in [cue.regex.search(text, entry_start, entry_end)]
        if hit is not None
    ]
    if not_given:
        first_cue, why = min(not_given)
        if why == "refused" or first_cue < start:
            return []
        dates = [d for d in dates if d.start < first_cue]
    after = [d for d in dates if last.end - base <= d.start < nxt_v]
    if not after:
        # "Tdap: 2021": a year alone right after the name is the date, to the year
        year = _BARE_YEAR.match(text, last.end - base)
        if year is not None and year.start(1) < nxt_v:
            after = [normalize.DateMatch(year.start(1), year.end(1), year.group(1), year.group(1), "year", True)]
    chosen = after[0] if after else None
    if chosen is None and vi == 0:
        before = [d for d in dates if d.end <= start]
        chosen = before[-1] if before else None
    if chosen is None and not_given:
        return []
    below = _dated_line_below(ctx, li, m.start) if chosen is None else None
    # "Pneumococcal:  [x] Yes [ ] No  Type/Date: PCV20 1/5/23": an undated row label of a form
    # asks the question; the dose given, if any, is the dated name the row goes on to give.
    if (
        chosen is None
        and below is None
        and re.match(r"\s*\)?\s*(?:\([^()]*\))?\s*:", text[last.end - base :])
        and (nxt_v < len(text) or _any(ctx.cues.boxes, text))
    ):
        return []
    # Bare disease words ("influenza", "polio") are vaccine names only in a list of vaccines,
    # beside a vaccine cue, or dated inside a medication list (pharmacies file shots there).
    cue_ok = cue_ok or (below is not None and below[2])  # "Date given:" under it: a dose record
    if not cue_ok and not (section == "medications" and (chosen or below) is not None):
        return None
    entries = ctx.vaccines.get(named.name, []) or ctx.vaccines.get(m.name, [])
    entry = entries[0] if entries else None
    printed = _printed_cvx(ctx, li, text[last.end - base : nxt_v] + (below[1] if below else ""))
    if printed is not None and (entry is None or printed.cvx != entry.cvx):
        entry = printed  # a CVX code printed on the row says exactly which vaccine it was
    short = entry.short_name.lower() if entry else named.name
    cvx = entry.cvx if entry else ""
    family = entry.family if entry else ""
    if chosen is None and below is None and cont is not None and cont.next_vaccine == short and nxt_v == len(text):
        return None  # "COVID-19 vaccine\n(Moderna) on 03/09/2021": the entry goes on below
    ambiguous = list(m.ambiguous)
    for j in joined:
        je = ctx.vaccines.get(j.name, [])
        if je and family and je[0].family == family:
            # "Td/Tdap": one family either way; the later, more specific name is kept
            short, cvx = je[0].short_name.lower(), je[0].cvx
            continue
        jn = je[0].short_name.lower() if je else j.name
        if jn != short:
            ambiguous.append(jn)
    # "Shingrix on February 10, 2021 and May 12, 2021": dates joined by "and" or a comma are
    # that many doses of the one vaccine; dates in separate table columns are not.
    doses = [chosen] if chosen is not None else [below[0]] if below is not None else []
    series = _under_dose_columns(ctx, li)
    if chosen is not None and chosen in after:
        for d in after[after.index(chosen) + 1 :]:
            # "#1 2/10/25, #2 3/10/25, #3 8/11/25": dose numbers between the dates join them too;
            # under "Dose 1 | Dose 2 | Dose 3" titles each column's date is one dose.
            between = text[doses[-1].end : d.start]
            if not re.fullmatch(_DOSE_JOIN, between, re.IGNORECASE) and not (
                series and re.fullmatch(r"\s*", between)
            ):
                break
            doses.append(d)
    seg_lo = last.end - base
    masked = list(text[seg_lo:nxt_v])
    for d in dates:
        for k in range(max(d.start, seg_lo), min(d.end, nxt_v)):
            masked[k - seg_lo] = " "
    dose_number = ""
    fend = seg_lo
    if chosen is not None and chosen.start >= seg_lo:
        fend = chosen.end
    if len(doses) == 1:
        for cue in ctx.cues.dose_number:
            dm = cue.regex.search("".join(masked))
            if dm is not None:
                dose_number = cue.value or (dm.group(1) if dm.groups() else "")
                dose_number = dose_number.lstrip("0") or dose_number
                fend = max(fend, seg_lo + dm.end())
                break
    fstart = chosen.start if chosen is not None and chosen.end <= start else start
    kwargs: dict[str, Any] = {"code": cvx, "group": family, "dose_number": dose_number, "section": section}
    kwargs["ambiguous_with"] = tuple(dict.fromkeys(a for a in ambiguous if a != short))
    rule = f"extract.vaccine.{m.rule}"
    if not doses:
        return [_fact(ctx, "vaccine", short, absolute(fstart), absolute(fend), rule, m.score, **kwargs)]
    out: list[Fact] = []
    for d in doses:
        kwargs.update(date=d.iso if d.valid else "", raw_date=d.raw, date_valid=d.valid)
        # A date read from a line below (a card) keeps the fact's box on the name.
        d_end = max(fend, d.end) if d is not (below[0] if below else None) else fend
        out.append(_fact(ctx, "vaccine", short, absolute(fstart), absolute(d_end), rule, m.score, **kwargs))
    return out


_WRAPPED_LINE = 40  # characters: shorter lines are not a paragraph's wrapped lines


def _title_row(ctx: _Ctx, li: int) -> str:
    """The text of the nearest table title row above line `li` on its page (three or more
    cells, no digits), "" when there is none within a few lines."""
    lines = ctx.doc_text.lines
    for hi in range(li - 1, max(-1, li - 12), -1):
        if lines[hi].page_index != lines[li].page_index:
            return ""
        if lines[hi].text.count(COLUMN_SEP) >= 2 and not re.search(r"\d", lines[hi].text):
            return lines[hi].text
    return ""


def _vaccine_short(ctx: _Ctx, m: LexMatch) -> str:
    entries = ctx.vaccines.get(m.name, [])
    return entries[0].short_name.lower() if entries else m.name


def _sentence_above(ctx: _Ctx, li: int) -> str:
    """The line above `li` when the sentence of line `li` began there ("Vaccines, from her card:
    Tdap on June 11,\n2018; Prevnar 20 on ..."): the words that say what the wrapped list is."""
    lines = ctx.doc_text.lines
    if li == 0 or lines[li - 1].page_index != lines[li].page_index or COLUMN_SEP in lines[li - 1].text:
        return ""
    above = lines[li - 1].text
    # A sentence wraps from a full line; a short line without a stop is a heading or a label
    # ("Recommended Vaccines" over a reminder list), which says nothing of the line below.
    if re.search(r"[.!?]\s*$", above) or len(above) < _WRAPPED_LINE:
        return ""
    return above[max((m.end() for m in re.finditer(r"\.\s", above)), default=0) :]


# Between two dates of one vaccine's doses: "and", a comma, then perhaps the next dose's number
# and its maker ("#1 Pfizer 2/3/2021, #2 Pfizer 2/24/2021").
_BARE_YEAR = re.compile(r"\s*\)?\s*[:\-]?\s*((?:19|20)[0-9]{2})(?![0-9A-Za-z]|[/.\-][0-9])")
_DOSE_TITLE = re.compile(r"(?:dose|shot)\s*#?\s*\d|#\s*\d|\d(?:st|nd|rd|th)(?:\s+dose)?", re.IGNORECASE)


def _under_dose_columns(ctx: _Ctx, li: int) -> bool:
    """Whether line `li` is a row of a vaccine series table titled "Dose 1  Dose 2  Dose 3"."""
    lines = ctx.doc_text.lines
    for hi in range(li - 1, max(-1, li - 15), -1):
        if lines[hi].page_index != lines[li].page_index:
            return False
        cells = [c.strip() for c in lines[hi].text.split(COLUMN_SEP)]
        if sum(1 for c in cells if _DOSE_TITLE.fullmatch(c)) >= 2:
            return True
        if len(cells) >= 3 and not re.search(r"\d", lines[hi].text):
            return False  # another table's titles ("Other vaccines  Date given  Site")
    return False


_DOSE_JOIN = (
    r"\s*(?:[,;]\s*)?(?:and|&|,|;)\s*(?:(?:booster\s*)?(?:#\s*\d{1,2}|dose\s*\d{1,2}"
    r"|\d(?:st|nd|rd|th)(?:\s+dose)?)\s*[:\-]?\s*)?(?:[A-Za-z]{3,}\s+){0,2}"
)
_CARD_LINES = 5  # how far below its name a card's "Date given:" line may stand
_CARD_GAP = 1.2  # a vertical gap this many line heights is a blank line: the entry ended


def _cell_span(line_start: int, text: str, offset: int) -> tuple[int, int]:
    """Document offsets of the table cell of `text` (a line starting at `line_start`) holding `offset`."""
    for cs, ce in _cells(text):
        if line_start + cs <= offset <= line_start + ce:
            return line_start + cs, line_start + ce
    return line_start, line_start + len(text)


def _dated_line_below(ctx: _Ctx, li: int, offset: int) -> tuple[normalize.DateMatch, str, bool] | None:
    """The date of a "Date given: 10-08-2025" line under an undated vaccine name in its column.

    Immunization cards and pharmacy registries print the name, then the CVX code, the date,
    the lot and the giver on lines of their own, often two narrow columns of such entries
    side by side on one page. The date is taken from the first labelled date line below the
    name in the same column, before any other vaccine name there. Returns the date and the
    text of the lines passed over (where a "CVX 168" line says exactly which vaccine it was),
    and whether the label says the dose was given (a bare "Date:" does not).
    """
    lines = ctx.doc_text.lines
    line = lines[li]
    cs, ce = _cell_span(line.start, line.text, offset)
    boxes = [w.bbox for s, _, w in line.spans if cs <= s < ce]
    if not boxes:
        return None
    x0, x1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
    height = max(b[3] - b[1] for b in boxes)
    bottom = max(b[3] for b in boxes)
    passed: list[str] = []
    for k in range(li + 1, min(len(lines), li + 1 + _CARD_LINES)):
        nxt = lines[k]
        if nxt.page_index != line.page_index or not nxt.text.strip() or not nxt.spans:
            return None
        if min(w.bbox[1] for _, _, w in nxt.spans) - bottom > _CARD_GAP * height:
            return None  # a blank line's gap ends the entry
        bottom = max(w.bbox[3] for _, _, w in nxt.spans)
        under: tuple[int, int, int] | None = None  # (distance of left edges, start, end)
        for ns, ne in _cells(nxt.text):
            nb = [w.bbox for s, _, w in nxt.spans if nxt.start + ns <= s < nxt.start + ne]
            if nb and min(b[0] for b in nb) <= x1 and max(b[2] for b in nb) >= x0:
                dist = abs(min(b[0] for b in nb) - x0)
                if under is None or dist < under[0]:
                    under = (dist, nxt.start + ns, nxt.start + ne)
        if under is None:
            continue
        _, us, ue = under
        if any(x.label == VACCINE and us <= x.start < ue for x in ctx.by_line[k]):
            return None  # the next entry of this column
        cell = ctx.doc_text.text[us:ue]
        for cue in ctx.cues.vaccine_date:
            hit = cue.regex.match(cell)
            if hit is None:
                continue
            found = normalize.find_dates(cell[hit.end() :], day_first=ctx.day_first)
            if found and found[0].start <= 2:
                return found[0], " ".join(passed), cue.value == "given"
        passed.append(cell)
    return None


def _cvx_key(code: str) -> str:
    return code.strip().lstrip("0") or code.strip()


def _printed_cvx(ctx: _Ctx, li: int, segment: str) -> VaccineName | None:
    """The vaccine of a CVX code the row prints: "CVX 197", or a number in a table's CVX column."""
    inline = re.search(r"\bcvx\s*(?:code)?\s*[:#]?\s*(\d{1,3})\b", segment, re.IGNORECASE)
    if inline is not None:
        return ctx.by_cvx.get(_cvx_key(inline.group(1)))
    line = ctx.doc_text.lines[li]
    titles = _column_titles(ctx, li, "cvx")
    if titles is None:
        return None
    for _, _, w in line.spans:
        if re.fullmatch(r"\d{1,3}", w.text) and _column_of(titles, w.bbox[0], w.bbox[2]):
            return ctx.by_cvx.get(_cvx_key(w.text))
    return None


def _column_titles(ctx: _Ctx, li: int, value: str) -> list[tuple[int, int, bool]] | None:
    """The column titles (x0, x1, is it the `value` column) of the nearest table title row above
    line `li` on its page that has a `value` column (models/extract_patterns.jsonl, column_header).

    A vaccine row asks this for its maker, given and not-given columns and again for each date
    on it: the answer is looked up once per line and column kind."""
    key = (li, value)
    if key not in ctx.titles:
        ctx.titles[key] = _find_column_titles(ctx, li, value)
    return ctx.titles[key]


def _find_column_titles(ctx: _Ctx, li: int, value: str) -> list[tuple[int, int, bool]] | None:
    patterns = ctx.cues.columns.get(value, [])
    lines = ctx.doc_text.lines
    page = lines[li].page_index
    for hi in range(li - 1, max(-1, li - 40), -1):
        head = lines[hi]
        if head.page_index != page:
            break
        if head.text.count(COLUMN_SEP) < 2:
            if len(head.text.split()) >= 3 and head.text.isupper() and not re.search(r"\d", head.text):
                return None  # "IMMUNIZATIONS PREVIOUSLY GIVEN AT THIS PHARMACY": a new table starts
            continue
        words = [w for _, _, w in head.spans]
        titles: list[tuple[int, int, bool]] = []
        i = 0
        while i < len(words):
            one = words[i].text.strip(":|[]")
            two = one + " " + words[i + 1].text.strip(":|[]") if i + 1 < len(words) else ""
            if two and any(p.fullmatch(two) for p in patterns):
                titles.append((words[i].bbox[0], words[i + 1].bbox[2], True))
                i += 2
                continue
            titles.append((words[i].bbox[0], words[i].bbox[2], any(p.fullmatch(one) for p in patterns)))
            i += 1
        if any(t[2] for t in titles):
            return titles
    return None


def _in_column(ctx: _Ctx, li: int, start: int, end: int, value: str) -> bool:
    """Whether the words of line `li` in [start, end) stand under the table's `value` column."""
    titles = _column_titles(ctx, li, value)
    if titles is None:
        return False
    boxes = [w.bbox for s, e, w in ctx.doc_text.lines[li].spans if s < end and e > start]
    return bool(boxes) and _column_of(titles, min(b[0] for b in boxes), max(b[2] for b in boxes))


def _column_of(titles: list[tuple[int, int, bool]], x0: int, x1: int) -> bool:
    """Whether a box sits under the wanted column: its centre is nearest that column's title."""
    centre = (x0 + x1) / 2
    nearest = min(titles, key=lambda t: abs((t[0] + t[1]) / 2 - centre))
    return nearest[2]


def _stopped_by_column(ctx: _Ctx, li: int, label_spans: list[tuple[int, int]]) -> bool:
    """A medication row (a MAR, an order list) whose STOP column holds a date on or before the
    document's date (or today, for an undated document): the order has ended."""
    titles = _column_titles(ctx, li, "stop")
    if titles is None:
        return False
    line = ctx.doc_text.lines[li]
    ref = ctx.doc_date or datetime.date.today().isoformat()
    for d in normalize.find_dates(line.text, day_first=ctx.day_first):
        if not d.valid or any(s <= line.start + d.start < e for s, e in label_spans):
            continue
        boxes = [w.bbox for s, e, w in line.spans if s < line.start + d.end and e > line.start + d.start]
        if boxes and _column_of(titles, min(b[0] for b in boxes), max(b[2] for b in boxes)):
            n = min(len(d.iso), len(ref))
            return d.iso[:n] <= ref[:n]
    return False


def _scheduled_not_given(ctx: _Ctx, fact: Fact) -> bool:
    """A vaccine dated after the document's own date but not after today was scheduled when the
    document was written (a reminder, a forecast): it cannot be a dose the document saw given.

    A date after today too is kept: it is a mistake in the record ("Shingrix 10/02/2031"),
    which the reconcile stage reports as a future date.
    """
    if fact.kind != "vaccine" or not fact.date or not ctx.doc_date:
        return False
    today = datetime.date.today().isoformat()
    n = min(len(fact.date), len(ctx.doc_date))
    return fact.date[:n] > ctx.doc_date[:n] and fact.date[: len(today)] <= today[: len(fact.date)]


# ---------------------------------------------------------------- de-duplication


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per distinct normalized statement per document (repeated page headers, lists).

    A medication named again with less ("CRESTOR 20 MG  $45.00" in a bill under the profile's
    "CRESTOR 20 MG TABLET  Take 1 tablet at bedtime") is the same entry: the fuller one is kept.
    """
    scheduled = {
        (f.name, f.dose, f.unit, f.status) for f in facts if f.kind == "medication" and f.frequency
    }
    # "Hold metoprolol and call if HR < 55" under the orders that give metoprolol's dose: a mention
    dosed = {f.name for f in facts if f.kind == "medication" and f.dose}
    seen: dict[tuple, int] = {}
    out: list[Fact] = []
    for f in facts:
        if f.kind == "medication" and not f.frequency and (f.name, f.dose, f.unit, f.status) in scheduled:
            continue
        if f.kind == "medication" and not f.dose and not f.frequency and f.name in dosed:
            continue
        if f.kind == "identity":
            key: tuple = (f.kind, f.name, f.value, f.date)
        elif f.kind == "allergy":
            key = (f.kind, f.name, f.status)
        elif f.kind == "medication":
            key = (f.kind, f.name, f.dose, f.unit, f.frequency, f.route, f.status)
        elif f.kind == "vaccine":
            key = (f.kind, f.name, f.date, f.raw_date, f.dose_number)
        else:
            key = (f.kind, f.date)
        if key in seen:
            i = seen[key]
            if f.kind == "allergy" and not out[i].reaction and f.reaction:
                out[i] = replace(out[i], reaction=f.reaction)
            continue
        seen[key] = len(out)
        out.append(f)
    return out
