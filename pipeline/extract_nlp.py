"""spaCy components of the extract stage: section headers, lexicon phrase matching, OCR-tolerant fuzzy matching."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import normalize
from .extract_rules import (
    SectionRule,
    load_extract_rules,
    load_lookalikes,
    load_shorthand,
)
from .lexicons import DrugName, Lexicons, read_model_text

DRUG = "DRUG"
VACCINE = "VACCINE"
ALLERGEN = "ALLERGEN"
PRIMARY_SECTIONS = ("medications", "allergies", "immunizations")


@dataclass(frozen=True)
class SectionMark:
    """A section header found at `start` (character offset); the section runs to the next mark."""

    start: int
    section: str
    status: str
    header: str
    whole_line: bool = False  # the line holds only the header (or a table's column titles)


@dataclass
class LexMatch:
    """A lexicon name found in the text: candidates are (lexicon name, score 0..100), best first."""

    label: str
    start: int
    end: int
    candidates: list[tuple[str, float]]
    rule: str
    ambiguous: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.candidates[0][0]

    @property
    def score(self) -> float:
        return self.candidates[0][1]


def _ensure_extensions() -> None:
    if not Doc.has_extension("rc_sections"):
        Doc.set_extension("rc_sections", default=None)
    if not Doc.has_extension("rc_matches"):
        Doc.set_extension("rc_matches", default=None)
    if not Span.has_extension("rc_candidates"):
        Span.set_extension("rc_candidates", default=None)


def section_at(doc: Doc, offset: int) -> SectionMark | None:
    marks: list[SectionMark] = doc._.rc_sections or []
    i = bisect_right([m.start for m in marks], offset) - 1
    return marks[i] if i >= 0 else None


# ---------------------------------------------------------------- sections


def _norm_header(text: str) -> str:
    # "Immunization history (state registry):" is the immunization history header
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    # "Allergies as of 3/14/2026", "Medications (updated 02/01/2025)": the date says when, not which list
    text = re.sub(r"\s+(?:as\s+of|updated(?:\s+on)?|reviewed(?:\s+on)?)\s*:?\s*\d[\d/.\-]*.*$", "", text)
    text = re.sub(r"^[\W_]+", "", text)
    text = re.sub(r"^\d{1,2}[.)]\s+", "", text)  # "3. IMMUNIZATIONS": a numbered form section
    text = re.sub(r"\s*/\s*", "/", text)  # "ALLERGIES / ADVERSE DRUG REACTIONS"
    text = re.sub(r"[\s:.\-_*#]+$", "", text)
    return re.sub(r"\s+", " ", text)


class SectionDetector:
    """Finds section headers line by line: whole-line headers, table header rows and `Header:` inline."""

    def __init__(
        self, rules: Iterable[SectionRule], fuzzy_min_score: float, max_header_words: int
    ) -> None:
        self.by_header = {r.header: r for r in rules}
        self.by_prefix = sorted((h for h in self.by_header if len(h.split()) >= 2), key=len, reverse=True)
        self.fuzzy_min_score = fuzzy_min_score
        self.max_header_words = max_header_words
        names = sorted(self.by_header, key=len, reverse=True)
        alt = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in names)
        self.inline_start = re.compile(r"^[\W_]*(" + alt + r")\s*(?:\([^)]{0,40}\))?\s*:", re.IGNORECASE)
        primary = [h for h in names if self.by_header[h].section in PRIMARY_SECTIONS]
        palt = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in primary)
        self.inline_mid = re.compile(r"(?<![\w/])(" + palt + r")\s*(?:\([^)]{0,40}\))?\s*:", re.IGNORECASE)

    def _lookup(self, text: str) -> SectionRule | None:
        norm = _norm_header(text)
        if not norm or any(ch.isdigit() for ch in norm):
            return None
        rule = self.by_header.get(norm)
        if rule is not None:
            return rule
        if len(norm) >= 6 and len(norm.split()) <= self.max_header_words:
            best = process.extractOne(norm, list(self.by_header), scorer=fuzz.ratio)
            if best is not None and best[1] >= self.fuzzy_min_score:
                return self.by_header[best[0]]
        # "CONTINUE taking these medicines the way you did before:", "CURRENT MEDICINES - list
        # all, with eye drops": a header of two or more words, then the form's own explanation.
        # "2. ALLERGIES TO MEDICINES, FOODS, LATEX": a numbered section of a form, named by its
        # first word when that word names a list.
        numbered = re.match(r"\s*\d{1,2}[.)]\s+(\w+)", text)
        if numbered is not None:
            rule = self.by_header.get(numbered.group(1).lower())
            if rule is not None and rule.section in PRIMARY_SECTIONS:
                return rule
        shouted = text.strip().isupper() and len(norm.split()) <= self.max_header_words + 2
        if text.rstrip().endswith(":") or re.match(r"\S.*?\s[-\u2013\u2014]\s", norm) or shouted:
            for header in self.by_prefix:
                if norm.startswith(header) and norm[len(header) : len(header) + 1] in (" ", ".", ","):
                    return self.by_header[header]
        return None

    def is_header(self, text: str) -> bool:
        return self._lookup(text) is not None

    def match(self, doc: Doc) -> list[SectionMark]:
        marks: list[SectionMark] = []
        pos = 0
        for line in doc.text.split("\n"):
            marks.extend(self._line_marks(line, pos))
            pos += len(line) + 1
        return marks

    def _line_marks(self, line: str, pos: int) -> list[SectionMark]:
        stripped = line.strip()
        if not stripped:
            return []
        cols = [c.strip() for c in line.split("\t") if c.strip()]
        first = cols[0]
        rest = cols[1:]
        rule = self._lookup(first)
        if rule is not None and len(_norm_header(first)) == 1 and not first.rstrip().endswith(":"):
            rule = None  # a SOAP letter ("S:") is a header only with its colon; a lone "A" is not
        # A whole-line header, or the first cell of a table header row ("Medication  Dose  Sig").
        if rule is not None and all(
            len(c.split()) <= 3 and not any(ch.isdigit() for ch in c) for c in rest
        ):
            return [
                SectionMark(
                    pos + line.index(first[0]), rule.section, rule.status, _norm_header(first)
                )
            ]
        # A table's title row names its list in a later column ("Group  Vaccine  CVX  Date given",
        # "Rx#  Filled  NDC  Drug / Strength  Sig"): short titles, no digits, one of them a list's.
        if len(cols) >= 3 and all(len(c.split()) <= 3 and not any(ch.isdigit() for ch in c) for c in cols):
            for c in cols:
                # "Vaccine or prophylaxis", "Drug / Strength": a title opening with the list's name
                r = self._lookup(c) or self._lookup(re.split(r"\s+|/", c)[0])
                if r is not None and r.section in PRIMARY_SECTIONS:
                    return [SectionMark(pos + line.index(first[0]), r.section, r.status, _norm_header(c))]
        out: list[SectionMark] = []
        m = self.inline_start.match(line)
        if m is not None:
            r = self.by_header[_norm_header(m.group(1))]
            out.append(SectionMark(pos + m.start(1), r.section, r.status, _norm_header(m.group(1))))
        for m in self.inline_mid.finditer(line):
            if out and pos + m.start(1) == out[0].start:
                continue
            r = self.by_header[_norm_header(m.group(1))]
            out.append(SectionMark(pos + m.start(1), r.section, r.status, _norm_header(m.group(1))))
        return out


def _add_matches(doc: Doc, matches: list[LexMatch], spans_key: str) -> None:
    """Merge `matches` into doc._.rc_matches and show them as spans under `spans_key`."""
    existing: list[LexMatch] = doc._.rc_matches or []
    doc._.rc_matches = sorted(existing + matches, key=lambda m: (m.start, -m.end))
    spans = []
    for m in matches:
        span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
        if span is not None:
            span._.rc_candidates = m.candidates
            spans.append(span)
    doc.spans[spans_key] = spans


@Language.factory(
    "recordcheck_sections",
    default_config={"fuzzy_min_score": 90.0, "max_header_words": 4},
)
def make_section_component(
    nlp: Language, name: str, fuzzy_min_score: float, max_header_words: int
) -> SectionComponent:
    _ensure_extensions()
    return SectionComponent(fuzzy_min_score, max_header_words)


class SectionComponent:
    """Sets doc._.rc_sections (sorted SectionMark list) and doc.spans['rc_sections']."""

    def __init__(self, fuzzy_min_score: float, max_header_words: int) -> None:
        self.detector = SectionDetector(
            load_extract_rules().sections, fuzzy_min_score, max_header_words
        )

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[SectionMark]:
        return self.detector.match(doc)

    def set_annotations(self, doc: Doc, marks: list[SectionMark]) -> None:
        doc._.rc_sections = marks
        spans = []
        for i, m in enumerate(marks):
            end = marks[i + 1].start if i + 1 < len(marks) else len(doc.text)
            span = doc.char_span(
                m.start, max(m.start + 1, end), label=m.section, alignment_mode="expand"
            )
            if span is not None and len(span):
                spans.append(span)
        doc.spans["rc_sections"] = spans


# ---------------------------------------------------------------- where an inline section ends

# The lexicon labels whose names may start a further entry of each list section.
_ENTRY_LABELS = {
    "allergies": ("ALLERGEN", "DRUG"),
    "medications": ("DRUG", "VACCINE"),
    "immunizations": ("VACCINE",),
}
_LIST_MARKER = re.compile(r"^\s*(?:[-\u2022*\u00b7]|\d{1,2}[.)])\s+")
_WRAPS = re.compile(r"(?:[,(/&\-]|\b(?:and|or|with|to|of))\s*$", re.IGNORECASE)


@Language.factory("recordcheck_section_ends", default_config={"entry_window": 3})
def make_section_end_component(nlp: Language, name: str, entry_window: int) -> SectionEndComponent:
    _ensure_extensions()
    return SectionEndComponent(entry_window)


class SectionEndComponent:
    """Ends a list section opened by an inline label ("ALLERGY: Sulfa - rash") at its line's end.

    A whole-line header opens a list below it, but a label with its entries after it on the
    same line is usually one line of a note; left open, the note's next paragraphs (exam,
    labs) would be read as more allergies. The section goes on only while the next line is
    clearly more of it: a wrapped line (the previous one ends in a comma or "and", or the
    next one starts in lower case or with a digit), or a line that starts with a name the
    list holds (after an optional bullet).
    """

    def __init__(self, entry_window: int) -> None:
        self.entry_window = entry_window

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[SectionMark]:
        marks: list[SectionMark] = doc._.rc_sections or []
        if not marks:
            return []
        text = doc.text
        starts: dict[str, set[int]] = {}
        for m in doc._.rc_matches or []:
            starts.setdefault(m.label, set()).add(m.start)
        mark_starts = [m.start for m in marks]
        ends: list[SectionMark] = []
        for i, mark in enumerate(marks):
            if mark.whole_line or mark.section not in _ENTRY_LABELS:
                continue
            line_start = text.rfind("\n", 0, mark.start) + 1
            line_end = _line_end(text, mark.start)
            after = text[mark.start : line_end].split(":", 1)
            if len(after) < 2 or not after[1].strip():
                continue  # "Allergies:" with nothing after it heads a list below
            limit = marks[i + 1].start if i + 1 < len(marks) else len(text)
            prev_start, prev_end = line_start, line_end
            while prev_end + 1 < limit:
                nxt_start = prev_end + 1
                nxt_end = _line_end(text, nxt_start)
                if not self._continues(text, prev_start, prev_end, nxt_start, nxt_end, mark, starts):
                    if nxt_start not in mark_starts:
                        ends.append(SectionMark(nxt_start, "", "", ""))
                    break
                prev_start, prev_end = nxt_start, nxt_end
        return ends

    def _continues(
        self, text: str, prev_start: int, prev_end: int, start: int, end: int,
        mark: SectionMark, starts: dict[str, set[int]],
    ) -> bool:
        prev = text[prev_start:prev_end].rstrip()
        line = text[start:end]
        if not line.strip():
            return False  # a blank line (or a page break) ends it
        if _WRAPS.search(prev) or (
            not re.search(r"[.;:]$", prev) and re.match(r"\s*[a-z0-9]", line)
        ):
            return True
        # "APAP 1 g\nTID, tramadol ...": the directions of the entry above wrapped onto this line
        freqs = normalize.find_frequencies(line)
        if not re.search(r"[.;:]$", prev) and freqs and not line[: freqs[0].start].strip():
            return True
        marker = _LIST_MARKER.match(line)
        first = start + (marker.end() if marker else len(line) - len(line.lstrip()))
        return any(
            first + k in starts.get(label, set())
            for label in _ENTRY_LABELS[mark.section]
            for k in range(self.entry_window)
        )

    def set_annotations(self, doc: Doc, ends: list[SectionMark]) -> None:
        if ends:
            doc._.rc_sections = sorted([*(doc._.rc_sections or []), *ends], key=lambda m: m.start)


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


# ---------------------------------------------------------------- lexicon (exact)


def shorthand_drugs(lexicons: Lexicons) -> tuple[DrugName, ...]:
    """Drug names from models/drug_shorthand.csv ("atorva", "simva") as extra rows of the drug
    lexicon: only for ingredients the lexicon has, and never a name it already gives."""
    generic: dict[str, DrugName] = {}
    names: set[str] = set()
    for d in lexicons.drugs:
        names.add(d.name.lower())
        if d.name.lower() == d.ingredient.lower():
            generic.setdefault(d.ingredient.lower(), d)
    out = []
    for short, ingredient in load_shorthand():
        g = generic.get(ingredient)
        if g is not None and short not in names:
            out.append(DrugName(short, g.ingredient, "abbreviation", g.rxcui, g.drug_class, "drug_shorthand.csv"))
    return tuple(out)


class LexiconIndex:
    """Lexicon names by label, and the single-word names fuzzy matching compares against."""

    def __init__(self, lexicons: Lexicons, not_a_drug: set[str]) -> None:
        self.names: dict[str, set[str]] = {DRUG: set(), VACCINE: set(), ALLERGEN: set()}
        drugs = lexicons.drugs + shorthand_drugs(lexicons)
        for d in drugs:
            if d.name and d.name not in not_a_drug:
                self.names[DRUG].add(d.name.lower())
        for v in lexicons.vaccines:
            if v.name:
                self.names[VACCINE].add(v.name.lower())
        for a in lexicons.allergens:
            if a.name:
                self.names[ALLERGEN].add(a.name.lower())
        self.concept: dict[str, dict[str, str]] = {DRUG: {}, VACCINE: {}, ALLERGEN: {}}
        multi: dict[str, dict[str, set[str]]] = {DRUG: {}, VACCINE: {}, ALLERGEN: {}}
        for d in drugs:
            multi[DRUG].setdefault(d.name.lower(), set()).add(d.ingredient.lower())
        for v in lexicons.vaccines:
            multi[VACCINE].setdefault(v.name.lower(), set()).add(v.short_name.lower())
        for a in lexicons.allergens:
            multi[ALLERGEN].setdefault(a.name.lower(), set()).add(a.allergen.lower())
        self.concepts = multi
        self.fuzzy_choices: dict[str, list[str]] = {
            label: sorted(n for n in names if " " not in n and len(n) >= 5 and n.isalpha())
            for label, names in self.names.items()
        }


_PLAIN_WORDS = re.compile(r"^[a-z]{2,}(?: [a-z]{2,})*$")


@Language.factory("recordcheck_lexicon", default_config={"attr": "LOWER"})
def make_lexicon_component(nlp: Language, name: str, attr: str) -> LexiconComponent:
    _ensure_extensions()
    return LexiconComponent(nlp, attr)


class LexiconComponent:
    """Exact matches of drug, vaccine and allergen names; keeps the longest match per label.

    Matches as spaCy's PhraseMatcher on LOWER would (every run of tokens whose lowercase
    forms equal a name's tokens, in the same order), but the names are kept as tuples of
    token strings in a dict: building Docs for ~38k names cost over a second a run, mostly
    creating lexemes, while the dict costs a few hundredths.
    """

    def __init__(self, nlp: Language, attr: str) -> None:
        if attr != "LOWER":
            raise ValueError(f"recordcheck_lexicon matches on LOWER only, not {attr}")
        self.nlp = nlp
        self.index: LexiconIndex | None = None
        self.key_to_name: dict[str, str] = {}
        # Token tuple -> labels, in the order PhraseMatcher reports a span with several labels.
        self.patterns: dict[tuple[str, ...], list[str]] = {}
        # Every proper prefix of a pattern: a scan stops as soon as it leaves them.
        self.prefixes: set[tuple[str, ...]] = set()

    def add_lexicons(self, index: LexiconIndex) -> None:
        self.index = index
        patterns: dict[tuple[str, ...], list[str]] = {}
        for label, names in index.names.items():
            for n in sorted(names):
                tokens = self._pattern_tokens(n)
                if not tokens:
                    continue
                self.key_to_name[label + "|" + " ".join(tokens)] = n
                labels = patterns.setdefault(tokens, [])
                if label not in labels:
                    labels.append(label)
                for end in range(1, len(tokens)):
                    self.prefixes.add(tokens[:end])
        order = _label_order(self.nlp, list(index.names))
        for labels in patterns.values():
            if len(labels) > 1:
                labels.sort(key=order.index)
        self.patterns = patterns

    def _pattern_tokens(self, name: str) -> tuple[str, ...]:
        # Plain words are taken as the tokens they are (as before, when the pattern Docs were
        # built from the split words); anything else goes through the tokenizer.
        if _PLAIN_WORDS.match(name):
            return tuple(name.split())
        return tuple(t.lower_ for t in self.nlp.make_doc(name))

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def _find(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(label, start, end) token spans, by start, then end, as PhraseMatcher lists them."""
        lowers = [t.lower_ for t in doc]
        found: list[tuple[str, int, int]] = []
        patterns, prefixes = self.patterns, self.prefixes
        for start in range(len(lowers)):
            end = start + 1
            key: tuple[str, ...] = (lowers[start],)
            while True:
                labels = patterns.get(key)
                if labels:
                    found.extend((label, start, end) for label in labels)
                if end >= len(lowers) or key not in prefixes:
                    break
                key += (lowers[end],)
                end += 1
        return found

    def match(self, doc: Doc) -> list[LexMatch]:
        by_label: dict[str, list[Span]] = {}
        for label, start, end in self._find(doc):
            by_label.setdefault(label, []).append(Span(doc, start, end, label=label))
        out: list[LexMatch] = []
        for label, spans in by_label.items():
            for span in filter_spans(spans):
                key = label + "|" + " ".join(t.lower_ for t in span)
                name = self.key_to_name.get(key)
                if name is None:
                    continue
                out.append(
                    LexMatch(label, span.start_char, span.end_char, [(name, 100.0)], "exact")
                )
        return out

    def set_annotations(self, doc: Doc, matches: list[LexMatch]) -> None:
        _add_matches(doc, matches, "rc_lexicon")


def _label_order(nlp: Language, labels: list[str]) -> list[str]:
    """The order in which spaCy's PhraseMatcher reports one span found under all `labels`.

    It follows the hash map of label ids, not the order they were added; asked of a
    PhraseMatcher with one one-word pattern, so that ties come out as they always did.
    """
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    probe = Doc(nlp.vocab, words=["x"])
    for label in labels:
        matcher.add(label, [probe])
    return [nlp.vocab.strings[match_id] for match_id, _, _ in matcher(probe)]


# ---------------------------------------------------------------- lexicon (fuzzy)

# OCR confusions that span more than one character, which a plain edit ratio punishes twice.
_OCR_FIXES = (("rn", "m"), ("cl", "d"), ("vv", "w"), ("ii", "u"))
_DIGIT_FIXES = str.maketrans({"1": "l", "0": "o", "5": "s", "|": "l", "8": "b"})
_FIX_PENALTY = 3.0
_TOKEN_RE = re.compile(r"^[A-Za-z][A-Za-z0-9|]{3,}$")
COMMON_WORDS_FILE = "common_words.txt"


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """English words (models/common_words.txt, drug names removed) that are never misread drugs."""
    text = read_model_text(COMMON_WORDS_FILE, "word list")
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


def _variants(token: str) -> list[tuple[str, float]]:
    low = token.lower()
    out = {low: 0.0}
    digits = low.translate(_DIGIT_FIXES)
    if digits != low:
        out.setdefault(digits, 0.0)
    for base in list(out):
        for wrong, right in _OCR_FIXES:
            n = base.count(wrong)
            if n:
                out.setdefault(base.replace(wrong, right), _FIX_PENALTY * n)
    return list(out.items())


@Language.factory(
    "recordcheck_fuzzy",
    default_config={
        "min_score": 86.0, "ambiguity_margin": 4.0, "max_candidates": 8, "min_letters": 6,
        "lookalike_margin": 15.0,
    },
)
def make_fuzzy_component(
    nlp: Language, name: str, min_score: float, ambiguity_margin: float, max_candidates: int,
    min_letters: int, lookalike_margin: float,
) -> FuzzyComponent:
    _ensure_extensions()
    return FuzzyComponent(min_score, ambiguity_margin, max_candidates, min_letters, lookalike_margin)


class FuzzyComponent:
    """Matches misread names (l/1, O/0, rn/m, a dropped or doubled letter) in list sections and before doses."""

    def __init__(
        self, min_score: float, ambiguity_margin: float, max_candidates: int, min_letters: int = 6,
        lookalike_margin: float = 15.0,
    ) -> None:
        self.min_score = min_score
        self.margin = ambiguity_margin
        self.lookalike_margin = lookalike_margin
        self.lookalikes = load_lookalikes()
        self.names_of: dict[str, list[str]] = {}  # drug ingredient -> its single-word names
        self.max_candidates = max_candidates
        # A short word is a few edits from too many names ("June" -> Junel): only longer
        # tokens are worth reading through OCR noise.
        self.min_letters = min_letters
        # An ordinary English word ("tenderness", "nitrite") is what it says, not a misread drug.
        self.common = _common_words()
        self.index: LexiconIndex | None = None
        rules = load_extract_rules()
        # Words the rule files already give a meaning to (headers, cues, reactions) are never
        # misread drug names: "Reaction" is not a misread "Reactine".
        self.stop = {
            word
            for r in rules.patterns
            if not r.regex
            for word in re.findall(r"[a-z]+", r.pattern.lower())
        }
        self.stop |= {word for r in rules.sections for word in re.findall(r"[a-z]+", r.header)}

    def add_lexicons(self, index: LexiconIndex) -> None:
        self.index = index
        self.names_of = {}
        for name in index.fuzzy_choices[DRUG]:
            for concept in index.concepts[DRUG].get(name, {name}):
                self.names_of.setdefault(concept, []).append(name)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def _lookalike_partners(self, token: str, top_concept: str, top_name: str) -> list[str]:
        """Known look-alike partners (models/lookalike_drugs.csv) the misread may equally be.

        Confused pairs look alike by shape (length, prefix, tall letters) more than by
        spelling: even written correctly they are only 30-90 apart in edit ratio, so a
        plain score floor would almost never keep them. A partner is kept when the misread
        is about as close to it as the matched name itself is (within `lookalike_margin`),
        or when it scores within that margin of the fuzzy threshold.
        """
        out = []
        for partner in sorted(self.lookalikes.get(top_concept, ())):
            names = self.names_of.get(partner, [])
            if not names:
                continue  # not in this lexicon
            pair_score = max(fuzz.ratio(top_name, n) for n in names)
            score = max(
                float(fuzz.ratio(variant, n)) - penalty
                for variant, penalty in _variants(token)
                for n in names
            )
            floor = min(self.min_score, pair_score) - self.lookalike_margin
            if score >= floor:
                out.append(partner)
        return out

    def _labels_for(self, doc: Doc, offset: int, dose_follows: bool) -> list[str]:
        mark = section_at(doc, offset)
        section = mark.section if mark else ""
        if section == "medications":
            return [DRUG, VACCINE]
        if section == "allergies":
            return [ALLERGEN, DRUG]
        if section == "immunizations":
            return [VACCINE]
        return [DRUG] if dose_follows else []

    def match(self, doc: Doc) -> list[LexMatch]:
        if self.index is None:
            return []
        covered: set[int] = set()
        for m in doc._.rc_matches or []:
            covered.update(range(m.start, m.end))
        out: list[LexMatch] = []
        text = doc.text
        for tok in doc:
            if tok.idx in covered or not _TOKEN_RE.match(tok.text) or tok.lower_ in self.stop:
                continue
            if len(tok.text) < self.min_letters or tok.lower_ in self.common:
                continue
            line_end = text.find("\n", tok.idx)
            tail = text[tok.idx + len(tok.text) : line_end if line_end >= 0 else len(text)][:40]
            doses = normalize.find_doses(tail)
            dose_follows = bool(doses) and doses[0].start <= 3
            for label in self._labels_for(doc, tok.idx, dose_follows):
                found = self._best(tok.text, label)
                if found is not None:
                    out.append(
                        LexMatch(
                            label, tok.idx, tok.idx + len(tok.text), found[0], "fuzzy", found[1]
                        )
                    )
                    break
        return out

    def _best(self, token: str, label: str) -> tuple[list[tuple[str, float]], list[str]] | None:
        assert self.index is not None
        choices = self.index.fuzzy_choices[label]
        concepts = self.index.concepts[label]
        best_by_concept: dict[str, tuple[str, float]] = {}
        floor = self.min_score - self.margin
        for variant, penalty in _variants(token):
            for name, score, _ in process.extract(
                variant, choices, scorer=fuzz.ratio, limit=self.max_candidates, score_cutoff=floor
            ):
                score = float(score) - penalty
                if score >= 100.0 and penalty == 0.0:
                    continue  # an exact word would have been matched by the phrase matcher
                score = min(score, 99.0)
                for concept in concepts.get(name, {name}):
                    if concept not in best_by_concept or best_by_concept[concept][1] < score:
                        best_by_concept[concept] = (name, score)
        if not best_by_concept:
            return None
        ranked = sorted(best_by_concept.items(), key=lambda kv: -kv[1][1])
        top_concept, (top_name, top_score) = ranked[0]
        if top_score < self.min_score:
            return None
        ambiguous = [c for c, (_, s) in ranked[1:] if top_score - s <= self.margin]
        if label == DRUG:
            ambiguous += [
                p for p in self._lookalike_partners(token, top_concept, top_name) if p not in ambiguous
            ]
        return [(top_name, top_score)], ambiguous

    def set_annotations(self, doc: Doc, matches: list[LexMatch]) -> None:
        _add_matches(doc, matches, "rc_fuzzy")
