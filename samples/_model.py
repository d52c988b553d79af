"""Data model of the synthetic records: what each provider prints, and the truth it implies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(iso: str, style: str) -> str:
    """Print an ISO date (full, year-month or year) the way one provider writes dates.

    Styles: ``us`` 03/14/2021, ``long`` March 14, 2021, ``iso`` 2021-03-14,
    ``dmy`` 14-Mar-2021. Partial dates keep their precision (``us`` 03/2021).
    """
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    year, month = parts[0], parts[1]
    if len(parts) == 2:
        return {
            "us": f"{month:02d}/{year}",
            "long": f"{MONTHS[month - 1]} {year}",
            "iso": f"{year}-{month:02d}",
            "dmy": f"{MONTHS[month - 1][:3]}-{year}",
        }[style]
    day = parts[2]
    dt.date(year, month, day)  # refuse an impossible date in the scenario data
    return {
        "us": f"{month:02d}/{day:02d}/{year}",
        "long": f"{MONTHS[month - 1]} {day}, {year}",
        "iso": f"{year}-{month:02d}-{day:02d}",
        "dmy": f"{day:02d}-{MONTHS[month - 1][:3]}-{year}",
    }[style]


@dataclass(frozen=True)
class Med:
    """One medication line: the normalized values and the words the provider printed."""

    ingredient: str  # normalized generic ingredient
    dose: str  # normalized plain decimal ("0.125", "1")
    unit: str
    frequency: str  # canonical code ("daily", "bid", "prn", ...)
    route: str
    name_text: str  # as printed: "Zestril", "metoprolol succinate ER"
    strength_text: str  # as printed: "10 mg", "1.0 mg"
    sig_text: str  # directions as printed: "1 tab by mouth once daily"
    status: str = "active"
    note: str = ""  # printed after the sig, part of the fact text ("-- discontinued 03/2023")

    @property
    def text(self) -> str:
        return " ".join(p for p in (self.name_text, self.strength_text, self.sig_text, self.note) if p)

    @property
    def item_text(self) -> str:
        """Name, strength and sig without the note: a medicine as a list item prints it."""
        return " ".join(p for p in (self.name_text, self.strength_text, self.sig_text) if p)


@dataclass(frozen=True)
class Allergy:
    """One allergy entry (or a negation such as NKDA, with name ``none``)."""

    name: str  # canonical allergen, "none" for a negation
    group: str
    reaction: str
    name_text: str  # as printed
    reaction_text: str = ""
    status: str = "active"

    @property
    def text(self) -> str:
        return f"{self.name_text} ({self.reaction_text})" if self.reaction_text else self.name_text


@dataclass(frozen=True)
class Vaccine:
    """One administered vaccine."""

    name: str  # short name ("tdap")
    group: str  # comparison family ("tetanus")
    code: str  # CVX
    date: str  # ISO, possibly partial
    name_text: str  # as printed


@dataclass(frozen=True)
class ScanProfile:
    """How one page is scanned: resolution, orientation and damage.

    ``rotation`` is the quarter turn, clockwise, the page was fed with (0/90/180/270);
    ``skew`` is the small tilt in degrees, positive counter-clockwise.
    """

    dpi: int = 300
    rotation: int = 0
    skew: float = 0.5
    noise: float = 1.8
    blur: float = 0.9
    jpeg_quality: int = 75
    fax: bool = False
    border: int = 0  # width in pixels of a dark scanner-lid border, 0 for none
    paper: int = 243  # grey level of the blank paper


@dataclass(frozen=True)
class Document:
    """Everything one provider printed in one document, plus how to lay it out and scan it."""

    provider: str  # folder name
    file: str  # path relative to the set's scans/ folder
    layout: str  # name of a layout function in samples._layouts
    title: str  # provider's letterhead name
    address: tuple[str, ...]
    document_date: str  # ISO
    date_kind: str  # visit | discharge | printed | fax | report
    date_style: str  # us | long | iso | dmy
    name_text: str  # patient name as printed
    name_value: str  # normalized: lower case, letters and spaces
    dob: str  # ISO, as this provider has it
    mrn_text: str
    mrn_value: str
    meds: tuple[Med, ...]
    allergies: tuple[Allergy, ...]
    vaccines: tuple[Vaccine, ...]
    scans: tuple[ScanProfile, ...]  # one per page; the layout must make exactly this many pages
    font: str = "Helvetica"  # base font family for the layout
    extra: dict[str, str] = field(default_factory=dict)  # layout-specific wording
    breaks: tuple[str, ...] = ()  # sections that start a new page


@dataclass(frozen=True)
class Finding:
    """A planted mistake that the pipeline should report."""

    category: str
    subject: str
    provider: str
    note: str = ""


@dataclass(frozen=True)
class SampleSet:
    """One synthetic patient's records from several providers."""

    name: str
    seed: int
    patient_name: str
    patient_dob: str
    documents: tuple[Document, ...]
    expected_findings: tuple[Finding, ...]
    harmless_variations: tuple[str, ...]
    scans_dir: str  # relative to samples/: "scans" or "<set>/scans"
    truth_file: str  # relative to samples/
