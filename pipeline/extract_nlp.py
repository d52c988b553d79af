"""spaCy components of the extract stage: section headers, lexicon phrase matching, OCR-tolerant fuzzy matching."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import normalize
from .extract_rules import SectionRule, load_extract_rules
from .lexicons import Lexicons

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
    text = re.sub(r"^[\W_]+", "", text)
    text = re.sub(r"[\s:.\-_*#]+$", "", text)
    return re.sub(r"\s+", " ", text)


class SectionDetector:
    """Finds section headers line by line: whole-line headers, table header rows and `Header:` inline."""

    def __init__(
        self, rules: Iterable[SectionRule], fuzzy_min_score: float, max_header_words: int
    ) -> None:
        self.by_header = {r.header: r for r in rules}
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
        # A whole-line header, or the first cell of a table header row ("Medication  Dose  Sig").
        if rule is not None and all(
            len(c.split()) <= 3 and not any(ch.isdigit() for ch in c) for c in rest
        ):
            return [
                SectionMark(
                    pos + line.index(first[0]), rule.section, rule.status, _norm_header(first)
                )
            ]
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


# ---------------------------------------------------------------- lexicon (exact)


class LexiconIndex:
    """Lexicon names by label, and the single-word names fuzzy matching compares against."""

    def __init__(self, lexicons: Lexicons, not_a_drug: set[str]) -> None:
        self.names: dict[str, set[str]] = {DRUG: set(), VACCINE: set(), ALLERGEN: set()}
        for d in lexicons.drugs:
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
        for d in lexicons.drugs:
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
    """PhraseMatcher over drug, vaccine and allergen names; keeps the longest match per label."""

    def __init__(self, nlp: Language, attr: str) -> None:
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self.index: LexiconIndex | None = None
        self.key_to_name: dict[str, str] = {}

    def add_lexicons(self, index: LexiconIndex) -> None:
        self.index = index
        for label, names in index.names.items():
            ordered = sorted(names)
            docs = [self._pattern_doc(n) for n in ordered]
            for n, d in zip(ordered, docs, strict=True):
                self.key_to_name[label + "|" + " ".join(t.lower_ for t in d)] = n
            self.matcher.add(label, docs)

    def _pattern_doc(self, name: str) -> Doc:
        # Plain words tokenize to themselves; building the Doc directly halves the build time.
        if _PLAIN_WORDS.match(name):
            return Doc(self.nlp.vocab, words=name.split())
        return self.nlp.make_doc(name)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[LexMatch]:
        by_label: dict[str, list[Span]] = {}
        for match_id, start, end in self.matcher(doc):
            label = self.nlp.vocab.strings[match_id]
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
        existing: list[LexMatch] = doc._.rc_matches or []
        doc._.rc_matches = sorted(existing + matches, key=lambda m: (m.start, -m.end))
        spans = []
        for m in matches:
            span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["rc_lexicon"] = spans


# ---------------------------------------------------------------- lexicon (fuzzy)

# OCR confusions that span more than one character, which a plain edit ratio punishes twice.
_OCR_FIXES = (("rn", "m"), ("cl", "d"), ("vv", "w"), ("ii", "u"))
_DIGIT_FIXES = str.maketrans({"1": "l", "0": "o", "5": "s", "|": "l", "8": "b"})
_FIX_PENALTY = 3.0
_TOKEN_RE = re.compile(r"^[A-Za-z][A-Za-z0-9|]{3,}$")


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
    default_config={"min_score": 86.0, "ambiguity_margin": 4.0, "max_candidates": 8},
)
def make_fuzzy_component(
    nlp: Language, name: str, min_score: float, ambiguity_margin: float, max_candidates: int
) -> FuzzyComponent:
    _ensure_extensions()
    return FuzzyComponent(min_score, ambiguity_margin, max_candidates)


class FuzzyComponent:
    """Matches misread names (l/1, O/0, rn/m, a dropped or doubled letter) in list sections and before doses."""

    def __init__(self, min_score: float, ambiguity_margin: float, max_candidates: int) -> None:
        self.min_score = min_score
        self.margin = ambiguity_margin
        self.max_candidates = max_candidates
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

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

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
        return [(top_name, top_score)], ambiguous

    def set_annotations(self, doc: Doc, matches: list[LexMatch]) -> None:
        existing: list[LexMatch] = doc._.rc_matches or []
        doc._.rc_matches = sorted(existing + matches, key=lambda m: (m.start, -m.end))
        spans = []
        for m in matches:
            span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
            if span is not None:
                span._.rc_candidates = m.candidates
                spans.append(span)
        doc.spans["rc_fuzzy"] = spans
