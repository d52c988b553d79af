"""Page layouts of the second held-out set: record styles, fonts and page sizes no other set uses."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.pdfbase import pdfmetrics

from ._layouts import Layout, _fact_allergy, _fact_dob, _fact_doc_date, _fact_mrn, _fact_name
from ._layouts_holdout import register_font
from ._model import MONTHS, Document, Med, Vaccine, format_date
from ._writer import (
    DEJAVU_DIR,
    PageWriter,
    clean_line,
    resolve_font,
)

_NOTO_DIR = Path("/usr/share/fonts/truetype/noto")
HALF_LETTER = (5.5 * 72, 8.5 * 72)

# Registered name -> (TTF file, folder, font used when the file is absent).
_TTF = {
    "DejaVuSans-Oblique": ("DejaVuSans-Oblique.ttf", DEJAVU_DIR, "Helvetica-Oblique"),
    "DejaVuSansCondensed-Oblique": (
        "DejaVuSansCondensed-Oblique.ttf", DEJAVU_DIR, "Helvetica-Oblique"
    ),
    "DejaVuSerifCondensed-Italic": ("DejaVuSerifCondensed-Italic.ttf", DEJAVU_DIR, "Times-Italic"),
    "NotoMono": ("NotoMono-Regular.ttf", _NOTO_DIR, "DejaVuSansMono"),
    "NotoSansMono-Bold": ("NotoSansMono-Bold.ttf", _NOTO_DIR, "DejaVuSansMono-Bold"),
}  # fmt: skip

# Oblique and italic standard faces, embedded (from the Type 1 files reportlab ships) so
# that Poppler does not substitute whatever the machine has.
_TYPE1 = {
    "Helvetica-Oblique": "_ai_____",
    "Helvetica-BoldOblique": "_abi____",
    "Times-Italic": "_ei_____",
    "Times-BoldItalic": "_ebi____",
}

# Ballpoint ink of the home-health nurse's entries.
_INK = (0.10, 0.14, 0.42)


def face(name: str) -> str:
    """A registered font name to draw with, falling back to a standard face."""
    return register_font(name, _TTF, _TYPE1)


def pdate(iso: str, style: str) -> str:
    """Dates as these providers print them.

    ``mdyy`` 3/9/42 (handwritten), ``mdy`` 3/14/2026, ``iso`` 2026-03-30,
    ``dmon`` 09 Mar 1942 (a month alone as January 2023), ``dash`` 01-05-2023.
    """
    parts = [int(p) for p in iso.split("-")]
    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    if style == "iso":
        return iso
    if len(parts) == 2 and style == "dmon":
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    year, month, day = parts
    return {
        "mdyy": f"{month}/{day}/{year % 100:02d}",
        "mdy": f"{month}/{day}/{year}",
        "dmon": f"{day:02d} {MONTHS[month - 1][:3]} {year}",
        "dash": f"{month:02d}-{day:02d}-{year}",
    }[style]


def _use(w: PageWriter, base: str, bold: str, size: float) -> None:
    w.font, w.bold, w.size = face(base), face(bold), size


def _page_size(w: PageWriter, size: tuple[float, float], margin: float) -> None:
    """Give the current (still empty) page another size and start at its top."""
    w.canvas.setPageSize(size)
    w.width, w.height = size
    w.margin = margin
    w.y = w.height - margin


def _at_bottom(w: PageWriter, text: str, *, y: float, fnt: str, size: float) -> None:
    """A footer line at a fixed height, centred; recorded last on the page like every footer."""
    keep = w.y
    w.y = y
    w.line(text, font=fnt, size=size, center=True)
    w.y = keep


def _fact_med(w: PageWriter, m: Med, text: str) -> None:
    w.fact(
        "medication", name=m.ingredient, dose=m.dose, unit=m.unit, frequency=m.frequency,
        route=m.route, status=m.status, text=text,
    )  # fmt: skip


def _fact_vaccine(w: PageWriter, v: Vaccine, text: str, dose_number: str = "") -> None:
    fields = {"name": v.name, "group": v.group, "code": v.code, "date": v.date}
    if dose_number:
        fields["dose_number"] = dose_number
    w.fact("vaccine", **fields, text=text)


def _fact_name_as(w: PageWriter, value: str, text: str) -> None:
    """A name printed differently from the document's main header."""
    w.fact("identity", name="name", value=value, text=text)


# A table cell: x offset from the margin, width, and stacked (text, font, size) paragraphs.
Cell = tuple[float, float, Sequence[tuple[str, str, float]]]


def _cell_lines(w: PageWriter, cell: Cell) -> list[tuple[str, str, float]]:
    _, width, paragraphs = cell
    out: list[tuple[str, str, float]] = []
    for text, fnt, size in paragraphs:
        out.extend((ln, fnt, size) for ln in w.wrap(text, width, fnt, size))
    return out


def _row_height(w: PageWriter, cells: Sequence[Cell], size: float, lead: float) -> float:
    return max(len(_cell_lines(w, c)) for c in cells) * size * lead


def _wrapped_row(
    w: PageWriter, cells: Sequence[Cell], *, size: float, lead: float = 1.25
) -> list[str]:
    """Cells wrapped to their widths; each baseline is recorded as one line, left to right."""
    lines = [_cell_lines(w, c) for c in cells]
    recorded: list[str] = []
    for i in range(max(len(c) for c in lines)):
        parts = []
        for (x, _, _), cell in zip(cells, lines, strict=True):
            if i < len(cell):
                text, fnt, sz = cell[i]
                w.canvas.setFont(fnt, sz)
                w.canvas.drawString(w.margin + x, w.y - size, text)
                parts.append(text)
        line = clean_line(" ".join(parts))
        if line:
            w.pages[-1].append(line)
            recorded.append(line)
        w.y -= size * lead
    return recorded


def _band(w: PageWriter, text: str, *, fnt: str, size: float, grey: float, height: float) -> None:
    """A shaded full-width bar with a label, as EHR printouts head their groups."""
    w.canvas.setFillGray(grey)
    w.canvas.rect(w.margin - 3, w.y - height + 2, w.right - w.margin + 6, height, stroke=0, fill=1)
    w.canvas.setFillGray(0)
    w.line(text, font=fnt, size=size, x=w.margin, lead=height / size)


# -- emergency department after-visit summary ------------------------------------------------


def ed_after_visit(doc: Document, w: PageWriter) -> None:
    """ED After Visit Summary: header block, instructions and the grouped medication list."""
    w.margin = 46.0
    w.y = w.height - w.margin
    _use(w, "DejaVuSans", "DejaVuSans-Bold", 9.0)
    oblique = face("DejaVuSans-Oblique")
    x = doc.extra
    visit = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)
    pages = len(doc.scans)

    def footer() -> None:
        _at_bottom(
            w,
            f"{doc.name_text} (MRN {doc.mrn_text}) \u2022 Printed at {visit} "
            f"{x['printed_time']} \u2022 Page {w.page} of {pages}",
            y=30, fnt=w.font, size=7.5,
        )  # fmt: skip
        if w.page > 1:  # the footer is the only identity on a continuation page
            _fact_name(w, doc)
            _fact_mrn(w, doc)

    w.row([doc.title, "After Visit Summary"], [0, 350], font=w.bold, size=13, lead=1.4)
    w.line(" \u2022 ".join(doc.address), size=8, lead=1.6)
    w.hrule(width=1.6)
    w.space(9)
    w.row([doc.name_text, f"MRN: {doc.mrn_text}", f"DOB: {dob} ({x['age']})"], [0, 190, 330],
          font=w.bold, size=10.5, lead=1.5)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    w.row([f"Date of visit: {visit}", f"Attending: {x['attending']}"], [0, 190])
    _fact_doc_date(w, doc, f"Date of visit: {visit}")
    w.row([f"Reason for visit: {x['reason']}"], [0], lead=1.9)

    def heading(text: str) -> None:
        w.line(text, font=w.bold, size=11, lead=1.3)
        w.hrule(width=0.5)
        w.space(5)

    heading("Diagnoses")
    for dx in x["diagnoses"].split("|"):
        w.line(f"\u2022 {dx}", x=w.margin + 6, lead=1.35)
    w.space(6)
    heading("Instructions")
    w.paragraph(x["instructions"], lead=1.3, after=8)

    heading(f"Allergies as of {visit}")
    xs = [0, 190, 330]
    w.row(["Allergen", "Reactions", "Severity"], xs, font=w.bold, size=8.5)
    for a in doc.allergies:
        w.row([a.name_text, a.reaction_text, x["allergy_severity"]], xs)
        _fact_allergy(w, a, f"{a.name_text} {a.reaction_text}")
    w.line(x["reviewed"], font=oblique, size=8, lead=2.0)

    w.line("Your Medication List", font=w.bold, size=13, lead=1.4)
    w.line("Bring this list to every appointment. Ask your pharmacist if you have questions.",
           font=oblique, size=8, lead=1.8)  # fmt: skip
    cols = ((0.0, 180.0), (192.0, 218.0), (420.0, 100.0))

    def table_head() -> None:
        w.row(["Medication", "How to take it", "Notes"], [c[0] for c in cols], font=w.bold,
              size=8.5, lead=1.2)  # fmt: skip
        w.hrule(width=0.6)
        w.space(4)

    table_head()
    group = ""
    for m, spec in zip(doc.meds, x["rows"].split("|"), strict=True):
        action, brand, note = spec.split(";")
        name_cell: list[tuple[str, str, float]] = [(f"{m.name_text} {m.strength_text}", w.bold, 8.5)]
        if brand:
            name_cell.append((f"Commonly known as: {brand}", oblique, 8))
        cells: list[Cell] = [
            (cols[0][0], cols[0][1], name_cell),
            (cols[1][0], cols[1][1], [(m.sig_text, w.font, 8.5)]),
            (cols[2][0], cols[2][1], [(note, oblique, 8)] if note else []),
        ]
        needed = _row_height(w, cells, 8.5, 1.25) + (24 if action != group else 0)
        if w.y - needed < 60:
            footer()
            w.new_page()
            w.line("Your Medication List (continued)", font=w.bold, size=11, lead=1.6)
            table_head()
            if action == group:
                _band(w, f"{action} (continued)", fnt=w.bold, size=9, grey=0.86, height=15)
        if action != group:
            w.space(3)
            _band(w, action, fnt=w.bold, size=9, grey=0.86, height=15)
            group = action
        text = " ".join(_wrapped_row(w, cells, size=8.5))
        _fact_med(w, m, text)
        w.space(4)
        w.hrule(width=0.25)
        w.space(4)

    w.space(10)
    heading("Today's Vitals")
    w.line(x["vitals"], lead=1.9)
    heading("What's Next")
    who, where, when = x["follow_up"].split("|")
    w.row([who, where], [0, 240], font=w.bold)
    w.line(when, lead=1.9)
    heading("Return to the Emergency Department if you have:")
    for item in x["return_if"].split("|"):
        w.paragraph(f"\u2022 {item}", x=6, lead=1.3, after=2)
    w.space(10)
    w.line(x["signature"], font=oblique, size=8.5)
    w.line(x["reviewed"], font=oblique, size=8.5)
    footer()


# -- home-health start-of-care form, filled in by hand ----------------------------------------

# One piece of a form line: ("label", text), ("hand", text) or ("box", "x"/"" + label).
Piece = tuple[str, str]


class _Form:
    """Draws a printed form with handwritten entries; each form line is one truth line."""

    def __init__(self, w: PageWriter, seed: int) -> None:
        self.w = w
        self.label = face("Helvetica")
        self.label_bold = face("Helvetica-Bold")
        self.hand = face("DejaVuSerifCondensed-Italic")
        self.rng = random.Random(seed)

    def _hand(self, x: float, y: float, text: str, size: float) -> None:
        c = self.w.canvas
        c.saveState()
        c.setFillColorRGB(*_INK)
        # Handwriting wanders: a little off the baseline and off the horizontal.
        c.translate(x, y + self.rng.uniform(-1.0, 1.0))
        c.rotate(self.rng.uniform(-1.6, 1.6))
        c.setFont(self.hand, size)
        c.drawString(0, 0, text)
        c.restoreState()

    def line(self, pieces: Sequence[tuple[float, str, str]], *, height: float = 19.0) -> str:
        """Pieces (x, kind, text) on one baseline; returns the recorded line."""
        w = self.w
        base = w.y - 10
        words = []
        for x, kind, text in pieces:
            at = w.margin + x
            if kind == "label":
                w.canvas.setFont(self.label, 8.5)
                w.canvas.drawString(at, base, text)
                words.append(text)
            elif kind == "bold":
                w.canvas.setFont(self.label_bold, 8.5)
                w.canvas.drawString(at, base, text)
                words.append(text)
            elif kind == "hand":
                self._hand(at, base, text, 11.5)
                words.append(text)
            else:  # a checkbox: "x;Label" ticked, ";Label" empty
                mark, label = text.split(";")
                w.canvas.setFont(self.label, 9)
                w.canvas.drawString(at, base, "[")
                w.canvas.drawString(at + 8.5, base, "]")
                if mark:
                    self._hand(at + 2.0, base, "x", 11)
                w.canvas.setFont(self.label, 8.5)
                w.canvas.drawString(at + 14, base, label)
                words.append(f"[{mark or ' '}] {label}")
        line = clean_line(" ".join(words))
        w.pages[-1].append(line)
        w.y -= height
        return line

    def boxes(self, x0: float, spec: str, gap: float = 20.0) -> list[tuple[float, str, str]]:
        """Checkbox pieces from "Label;x|Label;" laid out left to right from x0."""
        out = []
        x = x0
        for item in spec.split("|"):
            label, mark = item.split(";")
            out.append((x, "box", f"{mark};{label}"))
            x += 14 + pdfmetrics.stringWidth(label, self.label, 8.5) + gap
        return out

    def section(self, title: str) -> float:
        """A shaded section title; returns the top of the section's frame."""
        w = self.w
        top = w.y + 2
        _band(w, title, fnt=self.label_bold, size=9, grey=0.82, height=15)
        w.space(3)
        return top

    def frame(self, top: float) -> None:
        w = self.w
        w.canvas.setLineWidth(0.7)
        w.canvas.rect(w.margin - 4, w.y + 2, w.right - w.margin + 8, top - w.y - 2)
        w.space(8)


def home_health_intake(doc: Document, w: PageWriter) -> None:
    """Home-health start-of-care assessment and medication profile, entries written by hand."""
    x = doc.extra
    w.margin = 44.0
    w.y = w.height - w.margin
    form = _Form(w, seed=20260209)
    _use(w, "Helvetica", "Helvetica-Bold", 8.5)
    soc = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title.upper(), font=w.bold, size=13, lead=1.3)
    for ln in doc.address:
        w.line(ln, size=8, lead=1.25)
    w.space(6)
    w.line(x["form"], font=w.bold, size=11, center=True, lead=1.9)

    top = form.section("PATIENT INFORMATION")
    form.line([(0, "label", "Patient name (Last, First, MI):"), (140, "hand", doc.name_text),
               (330, "label", "Agency MR#:"), (390, "hand", doc.mrn_text)])  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    sex = [(190, "label", "Sex:"), *form.boxes(212, f"M;{'x' if x['sex'] == 'M' else ''}|"
                                                 f"F;{'x' if x['sex'] == 'F' else ''}", 8)]
    form.line([(0, "label", "Date of birth:"), (62, "hand", dob), *sex,
               (330, "label", "SOC date:"), (380, "hand", soc)])  # fmt: skip
    _fact_dob(w, doc, f"Date of birth: {dob}")
    _fact_doc_date(w, doc, f"SOC date: {soc}")
    form.line([(0, "label", "Address:"), (42, "hand", x["patient_address"]),
               (330, "label", "Phone:"), (362, "hand", x["patient_phone"])])  # fmt: skip
    form.line([(0, "label", "Attending physician:"), (90, "hand", x["physician"])])
    form.line([(0, "label", "Primary diagnoses:"), (84, "hand", x["dx"])])
    form.frame(top)

    top = form.section("ALLERGIES")
    boxes = form.boxes(0, x["allergy_boxes"])
    form.line(boxes)
    ticked = {item.split(";")[0] for item in x["allergy_boxes"].split("|") if item.endswith("x")}
    for a in doc.allergies:
        if a.name_text in ticked:
            _fact_allergy(w, a, f"[x] {a.name_text}")
    form.line([(0, "label", "Adverse reactions:"), (84, "hand", doc.allergies[0].reaction_text),
               (250, "label", "Other:"), (282, "label", "______________________")])  # fmt: skip
    form.frame(top)

    top = form.section("IMMUNIZATIONS (patient / caregiver report and records)")
    labels = {
        "influenza": ("Influenza (this season):", "Date:"),
        "pneumococcal": ("Pneumococcal:", "Type/Date:"),
        "tdap": ("Tetanus (Td/Tdap):", "Type/Date:"),
        "zoster": ("Shingles:", "Type/Date(s):"),
        "covid-19": ("COVID-19:", "Last dose:"),
    }
    i = 0
    while i < len(doc.vaccines):
        v = doc.vaccines[i]
        series = [v]
        while i + len(series) < len(doc.vaccines) and doc.vaccines[i + len(series)].name == v.name:
            series.append(doc.vaccines[i + len(series)])
        dates = ", ".join(pdate(s.date, doc.date_style) for s in series)
        entry = dates if v.name == "influenza" else f"{v.name_text} {dates}"
        label, date_label = labels[v.name]
        line = form.line([(0, "label", label), *form.boxes(112, "Yes;x|No;", 8),
                          (200, "label", date_label), (256, "hand", entry)])  # fmt: skip
        for s in series:
            _fact_vaccine(w, s, line)
        i += len(series)
    form.frame(top)

    top = form.section("VITAL SIGNS")
    pieces: list[tuple[float, str, str]] = []
    at = 0.0
    for item in x["vitals"].split("|"):
        label, value = item.split(";")
        pieces += [(at, "label", label), (at + 6 + 5.2 * len(label), "hand", value)]
        at += 18 + 5.2 * len(label) + 6.4 * len(value)
    form.line(pieces)
    form.frame(top)

    top = form.section("HOMEBOUND STATUS")
    form.line(form.boxes(0, x["homebound"]))
    form.line([(0, "label", "Fall risk (MAHC-10) score:"), (112, "hand", x["fall_risk"])])
    form.frame(top)

    w.space(10)
    form.line([(0, "label", "Clinician signature:"), (90, "hand", x["nurse"]),
               (330, "label", "Date:"), (358, "hand", soc)])  # fmt: skip
    _at_bottom(w, f"{x['form_id']} Page 1 of 2", y=28, fnt=w.font, size=7.5)

    # Page 2: the medication profile, landscape, as it was faxed to the physician.
    w.new_page()
    _page_size(w, landscape(letter), 36.0)
    w.line(x["fax_header"], font=resolve_font("Courier"), size=8, lead=2.2)
    w.line("MEDICATION PROFILE", font=w.bold, size=12, lead=1.2)
    name2 = x["profile_name"]
    form.line([(0, "label", "Patient:"), (40, "hand", name2), (250, "label", "MR#:"),
               (278, "hand", doc.mrn_text), (430, "label", "Physician:"),
               (478, "hand", x["physician"])])  # fmt: skip
    _fact_name_as(w, x["profile_name_value"], name2)
    _fact_mrn(w, doc)
    form.line([(0, "label", "Allergies:"), (46, "hand", x["allergy_page2"])])
    _fact_allergy(w, doc.allergies[0], x["allergy_page2"])
    w.space(4)

    cols = [0.0, 200.0, 285.0, 370.0, 535.0, 655.0]
    grid_top = w.y + 4
    w.hrule(w.margin - 4, w.right + 4, 0.9)
    form.line([(c, "bold", t) for c, t in zip(
        cols, ["Medication (name / strength)", "Dose", "Route", "Frequency", "Reason", "N/C"],
        strict=True)], height=17)  # fmt: skip
    w.hrule(w.margin - 4, w.right + 4, 0.9)
    for m, extra in zip(doc.meds, x["purposes"].split("|"), strict=True):
        route, freq = m.sig_text.split(";")
        purpose, flag = extra.split(";")
        w.space(3)
        cells = [m.name_text, m.strength_text, route, freq, purpose, flag]
        form.line([(c, "hand", t) for c, t in zip(cols, cells, strict=True) if t], height=17)
        _fact_med(w, m, " ".join(cells[:4]))
        w.space(2)
        w.hrule(w.margin - 4, w.right + 4, 0.4)
    for _ in range(3):  # blank rows left for later entries
        w.space(20)
        w.hrule(w.margin - 4, w.right + 4, 0.4)
    w.canvas.setLineWidth(0.5)
    for c in [*cols[1:], -4.0]:
        w.canvas.line(w.margin + c - 4, grid_top, w.margin + c - 4, w.y)
    w.canvas.line(w.right + 4, grid_top, w.right + 4, w.y)
    w.space(6)
    form.line([(0, "label", "N = new medication   C = changed dose or frequency (last 60 days)")])
    form.line([(0, "label", "Drug regimen review:"), *form.boxes(100, x["review"])])
    form.line([(0, "label", "Reviewed by:"), (62, "hand", x["nurse"]), (330, "label", "Date:"),
               (358, "hand", soc)])  # fmt: skip
    _at_bottom(w, f"{x['profile_id']} Page 2 of 2", y=24, fnt=w.font, size=7.5)


# -- pulmonology progress note, monospace ------------------------------------------------------


def pulm_progress_note(doc: Document, w: PageWriter) -> None:
    """Pulmonology progress note on A4 in a monospace face, medications in dictated shorthand."""
    _page_size(w, A4, 50.0)
    _use(w, "NotoMono", "NotoSansMono-Bold", 9.0)
    x = doc.extra
    dos = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title.upper(), font=w.bold, size=10.5, lead=1.4)
    for ln in doc.address:
        w.line(ln, size=8.5, lead=1.3)
    w.space(4)
    w.hrule(width=0.8)
    w.space(8)
    w.line("PULMONARY PROGRESS NOTE", font=w.bold, size=10, lead=1.7)
    xs = [0, 215, 355]
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob}", f"MRN: {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    w.row([f"Date of service: {dos}", f"Provider: {x['provider_name']}"], xs[:2])
    _fact_doc_date(w, doc, f"Date of service: {dos}")
    w.line(f"Referring: {x['referring']}", lead=2.0)

    w.paragraph(f"CC: {x['cc']}", lead=1.3, after=5)
    w.paragraph(f"HPI: {x['hpi']}", lead=1.3, after=5)
    w.paragraph(f"Meds: {', '.join(m.text for m in doc.meds)}.", lead=1.3, after=5)
    for m in doc.meds:
        _fact_med(w, m, m.text)
    negation = doc.allergies[0]
    w.line(f"Drug allergies/intolerances: {negation.name_text}", lead=1.8)
    _fact_allergy(w, negation, negation.name_text)
    w.line("ROS:", lead=1.3)
    for item in x["ros"].split("|"):
        w.paragraph(item, x=18, lead=1.3, after=0)
    w.space(5)
    w.paragraph(f"Vitals: {x['vitals']}", lead=1.3, after=5)
    w.paragraph(f"Exam: {x['exam']}", lead=1.3, after=5)
    w.paragraph(x["pft"], lead=1.3, after=5)
    w.line("A/P:", lead=1.3)
    for n, item in enumerate(x["plan"].split("|"), start=1):
        w.paragraph(f"{n}. {item}", x=18, lead=1.3, after=2)
    w.space(12)
    w.line(f"Electronically signed: {x['provider_name']} {dos} {x['signed']}")
    _at_bottom(w, f"{doc.title} - CONFIDENTIAL - Page 1 of 1", y=34, fnt=w.font, size=7.5)


# -- geriatrics clinic note ---------------------------------------------------------------------


def geriatrics_note(doc: Document, w: PageWriter) -> None:
    """Geriatrics clinic note: Times text, an EHR 'Current Outpatient Medications' table."""
    _use(w, "Times-Roman", "Times-Bold", 10.5)
    head_font = face("Times-BoldItalic")
    italic = face("Times-Italic")
    table, table_bold = face("Helvetica"), face("Helvetica-Bold")
    x = doc.extra
    dos = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)
    pages = len(doc.scans)

    def footer() -> None:
        _at_bottom(w, f"{doc.title} \u2022 Confidential \u2022 Page {w.page} of {pages}", y=36,
                   fnt=italic, size=8.5)  # fmt: skip

    def next_page() -> None:
        footer()
        w.new_page()
        name2 = x["page2_name"]
        w.line(f"{name2} \u2022 MRN {doc.mrn_text} \u2022 DOB {dob}", font=italic, size=9,
               lead=2.4)  # fmt: skip
        _fact_name_as(w, x["page2_name_value"], name2)
        _fact_mrn(w, doc)
        _fact_dob(w, doc, f"DOB {dob}")

    def heading(text: str) -> None:
        w.space(3)
        w.line(text, font=head_font, size=11.5, lead=1.45)

    w.line(doc.title.upper(), font=w.bold, size=15, lead=1.3)
    for ln in doc.address:
        w.line(ln, font=italic, size=9, lead=1.25)
    w.space(3)
    w.hrule(width=1.0)
    w.space(8)
    w.line("Clinic Note \u2014 Geriatric Medicine", font=head_font, size=12.5, lead=1.7)
    xs = [0, 205, 370]
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob} ({x['age']})", f"MRN: {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    w.row([f"Date of service: {dos}", f"Provider: {x['clinician']}",
           f"Visit: {x['visit_type']}"], xs, lead=1.8)  # fmt: skip
    _fact_doc_date(w, doc, f"Date of service: {dos}")

    heading("Chief Complaint")
    w.paragraph(x["cc"], after=4)
    heading("History of Present Illness")
    w.paragraph(x["hpi"], after=4)
    heading("Allergies")
    allergy_text = "; ".join(a.text for a in doc.allergies)
    w.line(f"Allergic to: {allergy_text}", lead=1.5)
    for a in doc.allergies:
        _fact_allergy(w, a)

    in_plan = [m for m in doc.meds if "{" + m.ingredient + "}" in x["plan"]]
    listed = [m for m in doc.meds if m not in in_plan]
    heading("Current Outpatient Medications")
    cols = ((0.0, 190.0), (198.0, 214.0), (420.0, 56.0), (482.0, 26.0))

    def table_head() -> None:
        w.row(["Medication", "Sig", "Dispense", "Refill"], [c[0] for c in cols],
              font=table_bold, size=8.5, lead=1.2)  # fmt: skip
        w.hrule(width=0.6)
        w.space(4)

    table_head()
    for m, spec in zip(listed, x["dispense"].split("|"), strict=True):
        dispense, refill = spec.split(";")
        cells: list[Cell] = [
            (cols[0][0], cols[0][1], [(f"{m.name_text} {m.strength_text}", table, 8.5)]),
            (cols[1][0], cols[1][1], [(m.sig_text, table, 8.5)]),
            (cols[2][0], cols[2][1], [(dispense, table, 8.5)] if dispense else []),
            (cols[3][0], cols[3][1], [(refill, table, 8.5)] if refill else []),
        ]
        if w.page == 1 and w.y - _row_height(w, cells, 8.5, 1.25) < 70:
            next_page()
            w.line("Current Outpatient Medications (continued)", font=head_font, size=11,
                   lead=1.5)  # fmt: skip
            table_head()
        text = " ".join(_wrapped_row(w, cells, size=8.5))
        _fact_med(w, m, text)
        w.space(2)
        w.hrule(width=0.25)
        w.space(4)

    if w.page == 1 and "immunizations" in doc.breaks:
        next_page()
    heading("Immunizations")
    xs = [0, 240]
    w.row(["Immunization", "Date(s) given"], xs, font=table_bold, size=8.5, lead=1.3)
    i = 0
    while i < len(doc.vaccines):
        v = doc.vaccines[i]
        series = [v]
        while i + len(series) < len(doc.vaccines) and doc.vaccines[i + len(series)].name == v.name:
            series.append(doc.vaccines[i + len(series)])
        cells2 = [v.name_text, ", ".join(pdate(s.date, doc.date_style) for s in series)]
        w.row(cells2, xs, font=table, size=9, lead=1.45)
        for s in series:
            _fact_vaccine(w, s, " ".join(cells2))
        i += len(series)

    heading("Physical Examination")
    w.paragraph(x["exam"], after=4)
    heading("Assessment and Plan")
    for n, item in enumerate(x["plan"].split("|"), start=1):
        for m in in_plan:
            key = "{" + m.ingredient + "}"
            if key in item:
                item = item.replace(key, m.text)
                _fact_med(w, m, m.text)
        w.paragraph(f"{n}. {item}", x=12, after=3)
    w.space(10)
    w.line(f"Electronically signed by {x['clinician']} on {dos} at {x['signed']}", font=italic)
    footer()


# -- retail pharmacy immunization record card --------------------------------------------------


def pharmacy_immunization_card(doc: Document, w: PageWriter) -> None:
    """A pharmacy's immunization record on a half-letter card, vaccines in two narrow columns."""
    _page_size(w, HALF_LETTER, 24.0)
    _use(w, "DejaVuSansCondensed", "DejaVuSansCondensed-Bold", 8.0)
    oblique = face("DejaVuSansCondensed-Oblique")
    x = doc.extra
    printed = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title.upper(), font=w.bold, size=13, center=True, lead=1.3)
    w.line("IMMUNIZATION RECORD", font=w.bold, size=11, center=True, lead=1.4)
    w.line(" \u2022 ".join(doc.address), size=8, center=True, lead=1.5)
    w.hrule(width=0.9)
    w.space(6)
    xs = [0, 190]
    w.row([f"Patient: {doc.name_text}", f"Patient ID: {doc.mrn_text}"], xs, size=9.5)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.row([f"DOB: {dob}", f"Printed: {printed} {x['printed_time']}"], xs, size=9.5)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_doc_date(w, doc, f"Printed: {printed}")
    w.space(2)
    w.hrule(width=0.9)
    w.space(8)

    gap = 14.0
    col_w = (w.right - w.margin - gap) / 2
    details = x["details"].split("|")
    half = (len(doc.vaccines) + 1) // 2
    top = w.y
    bottom = top
    for col, start in enumerate((0, half)):
        w.y = top
        x0 = w.margin + col * (col_w + gap)
        for v, spec in zip(doc.vaccines[start : start + half], details[start : start + half],
                           strict=True):  # fmt: skip
            dose, route, lot, mfr, given = spec.split(";")
            block = [(v.name_text, w.bold, 9.5)]
            block.append((f"CVX {v.code}" + (f" \u2022 Dose {dose}" if dose else ""), w.font, 9))
            block.append((f"Date given: {pdate(v.date, doc.date_style)}", w.font, 9))
            if lot:
                block += [(route, w.font, 9), (f"Lot {lot} \u2022 {mfr}", w.font, 9),
                          (f"By: {given}", oblique, 8.5)]  # fmt: skip
            else:  # given elsewhere: the pharmacy only records what it was told
                block += [(f"{route} \u2022 {mfr}", w.font, 9),
                          (f"Reported by: {given}", oblique, 8.5)]  # fmt: skip
            recorded: list[list[str]] = []
            for text, fnt, size in block:
                recorded.append(w.wrap(text, col_w, fnt, size))
                for ln in recorded[-1]:
                    w.line(ln, font=fnt, size=size, x=x0, lead=1.32)
            # The fact is the name, CVX and date lines; the dose number is "2" of "2 of 2".
            text = clean_line(" ".join(ln for lines in recorded[:3] for ln in lines))
            _fact_vaccine(w, v, text, dose.split(" ")[0] if dose else "")
            w.canvas.setLineWidth(0.3)
            w.canvas.line(x0, w.y - 2, x0 + col_w, w.y - 2)
            w.space(11)
        bottom = min(bottom, w.y)
    w.y = bottom - 4
    w.paragraph(x["note"], font=oblique, size=8.5, lead=1.3)
    _at_bottom(w, x["footer"], y=20, fnt=w.font, size=7)


HOLDOUT2_LAYOUTS: dict[str, Layout] = {
    "ed_after_visit": ed_after_visit,
    "home_health_intake": home_health_intake,
    "pulm_progress_note": pulm_progress_note,
    "geriatrics_note": geriatrics_note,
    "pharmacy_immunization_card": pharmacy_immunization_card,
}
