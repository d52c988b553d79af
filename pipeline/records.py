"""Typed records that flow between the stages; all frozen and picklable."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

BBox = tuple[int, int, int, int]
"""x0, y0, x1, y1 in page pixels at the processing DPI (origin top left)."""

FACT_KINDS = ("medication", "allergy", "vaccine", "identity", "document_date")

CATEGORIES = (
    "identity_mismatch",
    "allergy_missing",
    "drug_allergy_conflict",
    "medication_missing",
    "dose_mismatch",
    "frequency_mismatch",
    "dose_out_of_range",
    "vaccine_date_conflict",
    "vaccine_missing",
    "invalid_date",
    "future_date",
    "date_before_birth",
    "unreadable_entry",
)

SEVERITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class InputFile:
    """One input document, validated enough to be worth rasterizing."""

    path: Path  # absolute path of the original; never written to
    rel: str  # path relative to the input folder, as shown in the outputs
    provider: str
    kind: str  # "pdf" | "tiff" | "image"
    pages: int  # page count (1 for a single image)


@dataclass(frozen=True)
class Problem:
    """An input, or one page of it, that could not be (fully) processed."""

    file: str
    page: int | None
    stage: str
    reason: str
    advice: str


@dataclass(frozen=True)
class PageImage:
    """One page as an image file in the private work folder."""

    provider: str
    file: str  # InputFile.rel
    page: int  # 1-based
    image_path: Path
    dpi: int
    width: int
    height: int
    source: str = "raster"  # "raster" | "embedded" | "image"
    rotation: int = 0  # degrees clockwise applied by preprocess (0/90/180/270)
    skew: float = 0.0  # degrees corrected by preprocess
    text_layer: str = ""  # text already present in a born-digital PDF page


@dataclass(frozen=True, slots=True)
class Word:
    """One word as read by Tesseract (slots: a long packet holds hundreds of thousands)."""

    text: str
    conf: float  # 0..100; -1 when Tesseract gives none
    bbox: BBox
    block: int
    par: int
    line: int
    word: int

    @property
    def line_key(self) -> tuple[int, int, int]:
        return (self.block, self.par, self.line)


@dataclass(frozen=True)
class OcrPage:
    """What OCR made of one page: the word table and the one-page searchable PDF."""

    provider: str
    file: str
    page: int
    dpi: int
    width: int
    height: int
    words: tuple[Word, ...]
    pdf_path: Path | None  # one-page PDF (image + invisible text), None if OCR failed
    cached: bool = False
    rotation: int = 0
    skew: float = 0.0

    @property
    def text(self) -> str:
        """Plain text, one line per Tesseract line, blocks separated by a blank line."""
        out: list[str] = []
        prev_block: tuple[int, int] | None = None
        prev_line: tuple[int, int, int] | None = None
        for w in self.words:
            if w.line_key != prev_line:
                if prev_line is not None:
                    out.append("\n")
                    if (w.block, w.par) != prev_block:
                        out.append("\n")
                prev_line = w.line_key
                prev_block = (w.block, w.par)
            elif out:
                out.append(" ")
            out.append(w.text)
        return "".join(out)


@dataclass(frozen=True)
class Provenance:
    """Where a fact or finding was read: enough to point at it on the page."""

    provider: str
    file: str
    page: int
    bbox: BBox | None
    rule: str


@dataclass(frozen=True)
class Fact:
    """One extracted statement about the patient.

    Field meaning by kind (values are normalized, see docs/architecture.md):
    - medication: name=ingredient, code=RxCUI, dose/unit/frequency/route/status
    - allergy: name=allergen, status="active" | "negated" ("NKDA" has name "none"), reaction
    - vaccine: name=vaccine short name, group=family, code=CVX, date, dose_number
    - identity: name="name" | "dob" | "mrn"; value=normalized value; date for dob
    - document_date: date=the document's own date, value=what kind ("visit", "discharge", ...)
    """

    kind: str
    name: str
    text: str
    provenance: Provenance
    code: str = ""
    dose: str = ""
    unit: str = ""
    frequency: str = ""
    route: str = ""
    date: str = ""  # ISO 8601, possibly partial ("2021-03" / "2021")
    status: str = ""
    confidence: float = 1.0  # 0..1: OCR confidence x lexicon match score
    value: str = ""
    group: str = ""  # vaccine family or drug class
    reaction: str = ""
    dose_number: str = ""
    ambiguous_with: tuple[str, ...] = ()  # other names a fuzzy match was as close to
    section: str = ""
    date_valid: bool = True  # False for impossible dates such as 02/30/2021
    raw_date: str = ""  # the date as written


@dataclass(frozen=True)
class Finding:
    """One likely mistake, pointing at the suspect entry."""

    finding_id: str
    severity: str
    category: str
    subject: str
    provenance: Provenance
    found: str
    expected: str
    other_providers: tuple[str, ...]
    explanation: str
    confidence: float
    related: tuple[Provenance, ...] = field(default=())

    @property
    def provider(self) -> str:
        return self.provenance.provider

    @property
    def file(self) -> str:
        return self.provenance.file

    @property
    def page(self) -> int:
        return self.provenance.page
