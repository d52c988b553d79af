"""Page layouts of the third held-out set: record types, fonts and wording no other set uses."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4

from ._layouts import Layout, _fact_allergy, _fact_dob, _fact_doc_date, _fact_mrn, _fact_name
from ._layouts_holdout2 import _at_bottom, _fact_med, _fact_vaccine, _page_size
from ._model import Allergy, Document, Med, format_date
from ._writer import (
    DEJAVU_DIR,
    Handwriting,
    PageWriter,
    clean_line,
    embed_ttf,
    embed_type1,
    resolve_font,
)

# The URW base-35 Type 1 faces (Century Schoolbook, Bookman, Avant Garde, Palatino and
# Helvetica Narrow clones): metrics from one folder, glyph programs from the other.
_URW_AFM = Path("/usr/share/fonts/type1/urw-base35")
_URW_PFB = Path("/usr/share/fonts/X11/Type1")

# Registered name -> standard face used when the URW files are absent (then the line
# wrapping, and so the truth, differs, as for the hard set without DejaVu).
_URW = {
    "C059-Roman": "Times-Roman",
    "C059-Bold": "Times-Bold",
    "C059-Italic": "Times-Roman",
    "URWBookman-Light": "Times-Roman",
    "URWBookman-Demi": "Times-Bold",
    "URWGothic-Book": "Helvetica",
    "URWGothic-Demi": "Helvetica-Bold",
    "NimbusSansNarrow-Regular": "Helvetica",
    "NimbusSansNarrow-Bold": "Helvetica-Bold",
    "P052-Roman": "Times-Roman",
    "P052-Bold": "Times-Bold",
    "P052-Italic": "Times-Roman",
}
# The patient's own handwriting on the dental form.
_HAND = ("DejaVuSerif-Italic", "DejaVuSerif-Italic.ttf")
_INK = (0.08, 0.12, 0.45)


def face(name: str) -> str:
    """A registered font to draw with: a URW Type 1 face, the handwriting TTF, or a fallback."""
    if name == _HAND[0]:
        return embed_ttf(name, DEJAVU_DIR / _HAND[1]) or resolve_font("Times-Roman")
    if name not in _URW:
        return resolve_font(name)
    afm, pfb = _URW_AFM / f"{name}.afm", _URW_PFB / f"{name}.pfb"
    return embed_type1(f"URW-{name}", afm, pfb) or resolve_font(_URW[name])


_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec.")  # fmt: skip


def pdate(iso: str, style: str) -> str:
    """Dates in these providers' styles.

    ``us`` 01/19/2026, ``long`` March 2, 2026, ``dash`` 11-27-1966, ``abbr`` (news style)
    Nov. 27, 1966 / July 4, 2021, ``dmy_slash`` 27/11/1966 (day first).
    """
    if style in {"us", "long"}:
        return format_date(iso, style)
    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    year, month, day = (int(p) for p in iso.split("-"))
    return {
        "dash": f"{month:02d}-{day:02d}-{year}",
        "abbr": f"{_AP_MONTHS[month - 1]} {day}, {year}",
        "dmy_slash": f"{day:02d}/{month:02d}/{year}",
    }[style]


def _use(w: PageWriter, base: str, bold: str, size: float) -> None:
    w.font, w.bold, w.size = face(base), face(bold), size


def _grid_row(
    w: PageWriter, cells: list[str], xs: list[float], *, fnt: str, size: float, height: float
) -> str:
    """One ruled table row: cells on one baseline, a rule under it; returns the recorded line."""
    for cell, x in zip(cells, xs, strict=True):
        w.canvas.setFont(fnt, size)
        w.canvas.drawString(w.margin + x + 3, w.y - size - 3, cell)
    line = clean_line(" ".join(c for c in cells if c))
    w.pages[-1].append(line)
    w.y -= height
    w.canvas.setLineWidth(0.5)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    return line


def _verticals(w: PageWriter, xs: list[float], top: float) -> None:
    w.canvas.setLineWidth(0.5)
    for x in [*xs, w.right - w.margin]:
        w.canvas.line(w.margin + x, top, w.margin + x, w.y)


def _allergy(w: PageWriter, a: Allergy, text: str) -> None:
    _fact_allergy(w, a, text)


# -- hospital admission medication reconciliation ----------------------------------------------


def admission_med_rec(doc: Document, w: PageWriter) -> None:
    """Admission medication reconciliation form: a ruled grid of home medications."""
    w.margin = 40.0
    w.y = w.height - w.margin
    _use(w, "C059-Roman", "C059-Bold", 9.5)
    italic = face("C059-Italic")
    x = doc.extra
    admit = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.row([doc.title.upper(), "PATIENT LABEL"], [0, 420], font=w.bold, size=13, lead=1.3)
    for ln in doc.address:
        w.line(ln, size=8.5, lead=1.25)
    w.space(6)
    w.line("ADMISSION MEDICATION RECONCILIATION", font=w.bold, size=12, center=True, lead=1.4)
    w.line("Home (pre-admission) medications - complete within 24 hours of admission",
           font=italic, size=8.5, center=True, lead=2.0)  # fmt: skip
    xs = [0, 225, 390]
    w.row([f"Patient: {doc.name_text}", f"MRN: {doc.mrn_text}", f"DOB: {dob}"], xs)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    w.row([f"Admit date: {admit}", f"Unit: {x['unit']}"], xs[:2])
    _fact_doc_date(w, doc, f"Admit date: {admit}")
    w.line(f"Admitting diagnosis: {x['admit_dx']}")
    w.line(f"Source of list: {x['source']}", lead=1.7)

    parts = [f"{a.name_text} - {a.reaction_text}" for a in doc.allergies]
    w.line(f"Allergies / reactions: {'; '.join(parts)}   [ ] No known allergies", lead=1.9)
    for a, text in zip(doc.allergies, parts, strict=True):
        _allergy(w, a, text)

    cols = [0.0, 150.0, 205.0, 245.0, 375.0, 455.0]
    top = w.y
    w.canvas.setLineWidth(0.9)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    heads = ["Home medication", "Dose", "Route", "Frequency", "Last dose taken", "Continue? Y/N"]
    _grid_row(w, heads, cols, fnt=w.bold, size=8.5, height=16)
    for m, last, cont in zip(doc.meds, x["last_dose"].split("|"), x["continue"].split("|"),
                             strict=True):  # fmt: skip
        route, freq = m.sig_text.split(";")
        line = _grid_row(w, [m.name_text, m.strength_text, route, freq, last, cont], cols,
                         fnt=w.font, size=9, height=19)  # fmt: skip
        _fact_med(w, m, line)
    for _ in range(3):  # blank rows for later entries
        _grid_row(w, ["", "", "", "", "", ""], cols, fnt=w.font, size=9, height=19)
    _verticals(w, cols, top)
    w.space(14)

    w.line("Immunization screening", font=w.bold, size=10, lead=1.5)
    for v, label in zip(doc.vaccines, ("Date given:", "Date of last dose:"), strict=True):
        line = f"{v.name_text}: [x] Yes [ ] No [ ] Unknown {label} {pdate(v.date, doc.date_style)}"
        w.line(line, lead=1.45)
        _fact_vaccine(w, v, line)
    w.space(10)
    for key in ("nurse", "pharmacist", "prescriber"):
        w.line(x[key], lead=1.6)
    w.line("Continue = resume on admission orders; N = do not order (reason in Continue column).",
           font=italic, size=8, lead=1.4)  # fmt: skip
    _at_bottom(w, x["footer"], y=28, fnt=italic, size=7.5)


# -- dental health-history questionnaire, filled in by the patient ------------------------------


def dental_health_history(doc: Document, w: PageWriter) -> None:
    """A dentist's health-history questionnaire, answered and signed by the patient."""
    w.margin = 50.0
    w.y = w.height - w.margin
    _use(w, "URWBookman-Light", "URWBookman-Demi", 9.0)
    # The patient's entries: a serif italic in ballpoint blue that wanders a little.
    hand = Handwriting(w, 20251103, face(_HAND[0]), _INK, jitter=(-0.8, 0.8),
                       tilt=(-1.2, 1.2), size=11.0, height=18.0)  # fmt: skip
    x = doc.extra
    today = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title, font=w.bold, size=15, center=True, lead=1.3)
    w.line(" - ".join(doc.address), size=8.5, center=True, lead=1.8)
    w.line("MEDICAL / HEALTH HISTORY", font=w.bold, size=11.5, center=True, lead=1.3)
    w.line("Please print. Your answers are kept confidential and help us treat you safely.",
           size=8.5, center=True, lead=2.0)  # fmt: skip
    hand.line([(0, "p", "Name:"), (34, "h", doc.name_text), (300, "p", "Chart #"),
               (345, "h", doc.mrn_text)])  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    hand.line([(0, "p", "Date of birth:"), (74, "h", dob), (300, "p", "Today's date:"),
               (370, "h", today)])  # fmt: skip
    _fact_dob(w, doc, f"Date of birth: {dob}")
    _fact_doc_date(w, doc, f"Today's date: {today}")
    hand.line([(0, "p", "Phone:"), (38, "h", x["phone"]), (200, "p", "Emergency contact:"),
               (300, "h", x["emergency"])])  # fmt: skip
    hand.line([(0, "p", "Physician's name:"), (92, "h", x["physician"])], height=26)

    w.line("Please answer Yes or No:", font=w.bold, lead=1.7)
    for item in x["questions"].split("|"):
        question, answer, note = item.split(";")
        pieces = [(0.0, "p", question), (370.0, "h", answer)]
        if note:
            pieces.append((400.0, "h", note))
        hand.line(pieces)
    w.space(4)
    w.line("If yes, please list every medicine (name, strength and how often you take it):",
           lead=1.6)  # fmt: skip
    for m in doc.meds:
        line = hand.line([(14, "h", m.text)], height=19)
        w.canvas.setLineWidth(0.4)
        w.canvas.line(w.margin + 10, w.y + 5, w.right, w.y + 5)
        _fact_med(w, m, line)
    w.space(8)
    hand.line([(0, "p", "Are you taking a blood thinner (Plavix, Coumadin, Eliquis, aspirin)?"),
               (370, "h", x["blood_thinner"])])  # fmt: skip
    _at_bottom(w, x["footer1"], y=30, fnt=w.font, size=7.5)

    w.new_page()
    hand.line([(0, "p", "Patient name:"), (70, "h", doc.name_text), (300, "p", "Chart #"),
               (345, "h", doc.mrn_text)], height=28)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.line("Are you allergic to any of the following?", font=w.bold, size=10, lead=1.7)
    for item in x["allergy_items"].split("|"):
        label, answer = item.split(";")
        hand.line([(14, "p", label), (300, "h", answer)])
    a = doc.allergies[0]
    text = f"{a.name_text} - {a.reaction_text}"
    hand.line([(14, "p", "Any other allergy or bad reaction to a medicine? Please list:"),
               (300, "h", text)], height=28)  # fmt: skip
    _allergy(w, a, text)

    w.line("Do you have or have you ever had:", font=w.bold, size=10, lead=1.7)
    conditions = [c.split(";") for c in x["conditions"].split("|")]
    for left, right in zip(conditions[0::2], conditions[1::2], strict=True):
        hand.line([(14, "p", left[0]), (170, "h", left[1]), (250, "p", right[0]),
                   (410, "h", right[1])])  # fmt: skip
    w.space(14)
    w.paragraph("I have answered the questions above truthfully. I will tell the dentist about "
                "any change in my health or medicines.", size=8.5)  # fmt: skip
    w.space(8)
    hand.line([(0, "p", "Signature:"), (56, "h", x["signature"]), (300, "p", "Date:"),
               (332, "h", today)], height=26)  # fmt: skip
    w.line(x["reviewed"], size=8.5)
    _at_bottom(w, x["footer2"], y=30, fnt=w.font, size=7.5)


# -- cardiac rehabilitation progress report, faxed ----------------------------------------------


def cardiac_rehab_report(doc: Document, w: PageWriter) -> None:
    """Phase II cardiac rehab 30-day report, faxed to the cardiologist."""
    w.margin = 48.0
    w.y = w.height - 30
    _use(w, "URWGothic-Book", "URWGothic-Demi", 9.0)
    x = doc.extra
    when = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(x["fax_header"], font=face("NimbusSansNarrow-Regular"), size=8, lead=2.4)
    w.line(doc.title.upper(), font=w.bold, size=12.5, lead=1.3)
    for ln in doc.address:
        w.line(ln, size=8, lead=1.25)
    w.space(4)
    w.hrule(width=1.2)
    w.space(8)
    w.line(x["program"], font=w.bold, size=10.5, lead=1.5)
    w.line(x["to"], lead=1.7)
    xs = [0, 210, 370]
    w.row([f"Participant: {doc.name_text}", f"DOB: {dob}", f"Rehab ID: {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    w.row([f"Report date: {when}", f"Sessions completed: {x['sessions']}"], xs[:2], lead=1.7)
    _fact_doc_date(w, doc, f"Report date: {when}")
    w.paragraph(f"Referral diagnosis: {x['dx']}", after=6)

    w.line("Exercise prescription", font=w.bold, size=10, lead=1.4)
    cols = [0.0, 120.0, 175.0, 300.0, 400.0]
    top = w.y
    w.canvas.setLineWidth(0.8)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    _grid_row(w, ["Modality", "Minutes", "Workload", "Target HR", "RPE"], cols, fnt=w.bold,
              size=8.5, height=15)  # fmt: skip
    for spec in x["exercise"].split("|"):
        _grid_row(w, spec.split(";"), cols, fnt=w.font, size=8.5, height=15)
    _verticals(w, cols, top)
    w.space(8)
    w.paragraph(f"Outcomes to date: {x['outcomes']}", after=6)

    w.line("Current medications (reviewed with participant at today's session):", font=w.bold,
           size=9.5, lead=1.45)  # fmt: skip
    for m in doc.meds:
        w.line(f"- {m.text}", x=w.margin + 10, lead=1.35)
        _fact_med(w, m, m.text)
    w.space(4)
    parts = [f"{a.name_text} ({a.reaction_text})" for a in doc.allergies]
    w.line(f"Allergies: {'; '.join(parts)}", lead=1.5)
    for a, text in zip(doc.allergies, parts, strict=True):
        _allergy(w, a, text)
    w.line("Immunizations on file:", lead=1.35)
    for v in doc.vaccines:
        text = f"{v.name_text} - {pdate(v.date, doc.date_style)}"
        w.line(f"- {text}", x=w.margin + 10, lead=1.35)
        _fact_vaccine(w, v, text)
    w.space(4)
    w.paragraph(f"Note: {x['note']}", after=6)
    w.line("Goals for the next 30 days:", font=w.bold, size=9.5, lead=1.4)
    for n, goal in enumerate(x["goals"].split("|"), start=1):
        w.line(f"{n}. {goal}", x=w.margin + 10, lead=1.35)
    w.space(8)
    for ln in x["signed"].split("|"):
        w.line(ln, lead=1.4)
    _at_bottom(w, x["footer"], y=26, fnt=w.font, size=7.5)


# -- mail-order pharmacy refill statement --------------------------------------------------------


def _rx_block(w: PageWriter, m: Med, spec: str) -> None:
    rx, qty, days, refills, last, nxt, prescriber = spec.split(";")
    head = f"{m.name_text} {m.strength_text}"
    w.row([f"Rx {rx}", head], [0, 70], font=w.bold, size=10, lead=1.35)
    directions = f"Directions: {m.sig_text}"
    w.line(directions, x=w.margin + 70, lead=1.35)
    _fact_med(w, m, f"{head} {directions}")
    w.row([f"Qty: {qty}", f"Days supply: {days}", f"Refills left: {refills}",
           f"Prescriber: {prescriber}"], [70, 140, 240, 340], lead=1.35)  # fmt: skip
    w.row([f"Last filled: {last}", f"Next refill available: {nxt}"], [70, 240], lead=1.3)
    w.space(3)
    w.canvas.setLineWidth(0.4)
    w.canvas.setDash(2, 2)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    w.canvas.setDash()
    w.space(8)


def mail_order_statement(doc: Document, w: PageWriter) -> None:
    """A mail-order pharmacy's refill statement: one block per prescription on file."""
    w.margin = 46.0
    w.y = w.height - w.margin
    _use(w, "NimbusSansNarrow-Regular", "NimbusSansNarrow-Bold", 9.5)
    x = doc.extra
    printed = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.canvas.setFillGray(0.15)
    w.canvas.rect(w.margin - 6, w.y - 26, w.right - w.margin + 12, 28, stroke=0, fill=1)
    w.canvas.setFillGray(1)
    w.line(doc.title.upper(), font=w.bold, size=15, x=w.margin, lead=1.9)
    w.canvas.setFillGray(0)
    w.line(" | ".join(doc.address), size=8.5, lead=2.0)
    w.row(["PRESCRIPTION REFILL STATEMENT", f"Statement date: {printed}"], [0, 330],
          font=w.bold, size=11, lead=1.8)  # fmt: skip
    _fact_doc_date(w, doc, f"Statement date: {printed}")
    xs = [0, 250]
    w.row([f"Member: {doc.name_text}", f"Member ID: {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.row([f"Date of birth: {dob}", f"Plan: {x['plan']}"], xs, lead=1.6)
    _fact_dob(w, doc, f"Date of birth: {dob}")
    w.line("Ship to:", font=w.bold, lead=1.3)
    for ln in x["ship_to"].split("|"):
        w.line(ln, x=w.margin + 10, lead=1.25)
    w.space(6)
    names = [a.name_text for a in doc.allergies]
    w.line(f"Allergies on file: {', '.join(names)}", font=w.bold, lead=1.9)
    for a, name in zip(doc.allergies, names, strict=True):
        _allergy(w, a, name)
    w.line("YOUR PRESCRIPTIONS ON FILE", font=w.bold, size=10.5, lead=1.2)
    w.hrule(width=0.9)
    w.space(8)
    specs = x["rx"].split("|")
    split = 3 if "rx4" in doc.breaks else len(doc.meds)
    for m, spec in zip(doc.meds[:split], specs[:split], strict=True):
        _rx_block(w, m, spec)
    _at_bottom(w, x["page1_footer"], y=30, fnt=w.font, size=8)

    w.new_page()
    w.row([f"{doc.name_text}", f"Member ID: {doc.mrn_text}"], xs, font=w.bold, lead=2.0)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.line("YOUR PRESCRIPTIONS ON FILE (continued)", font=w.bold, size=10.5, lead=1.2)
    w.hrule(width=0.9)
    w.space(8)
    for m, spec in zip(doc.meds[split:], specs[split:], strict=True):
        _rx_block(w, m, spec)
    w.space(10)
    w.line("THIS SHIPMENT - AMOUNT DUE", font=w.bold, size=10.5, lead=1.4)
    for item in x["copays"].split("|"):
        label, amount = item.split(";")
        w.row([label, amount], [0, 300], lead=1.35)
    w.row(["Total charged to card on file", x["total"]], [0, 300], font=w.bold, lead=2.0)
    w.paragraph("Refills left 0: we will ask your prescriber for a new prescription. To "
                "order a refill call 1-800-555-0186 or use the mobile app. Pharmacists are "
                "available 24 hours a day.", after=6)  # fmt: skip
    _at_bottom(w, x["page2_footer"], y=30, fnt=w.font, size=8)


# -- travel clinic vaccination certificate --------------------------------------------------------


def travel_vaccine_certificate(doc: Document, w: PageWriter) -> None:
    """A travel clinic's international-style vaccination record on A4, dates day first."""
    _page_size(w, A4, 45.0)
    _use(w, "P052-Roman", "P052-Bold", 9.5)
    italic = face("P052-Italic")
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title.upper(), font=w.bold, size=14, center=True, lead=1.3)
    for ln in doc.address:
        w.line(ln, size=8.5, center=True, lead=1.25)
    w.space(6)
    w.line("INTERNATIONAL CERTIFICATE OF VACCINATION OR PROPHYLAXIS", font=w.bold, size=11,
           center=True, lead=1.3)  # fmt: skip
    w.line("Clinic record of vaccines given or verified", font=italic, size=9.5, center=True,
           lead=1.6)  # fmt: skip
    w.line("All dates on this certificate are written day/month/year (DD/MM/YYYY).",
           font=w.bold, size=9, center=True, lead=2.0)  # fmt: skip
    xs = [0, 250, 360]
    w.row([f"Name: {doc.name_text}", f"Sex: {x['sex']}", f"Date of birth: {dob}"], xs)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"Date of birth: {dob}")
    w.row([f"Nationality: {x['nationality']}", f"Clinic file no.: {doc.mrn_text}"], [0, 250])
    _fact_mrn(w, doc)
    w.row([x["passport"], f"Date of consultation: {seen}"], [0, 250], lead=1.6)
    _fact_doc_date(w, doc, f"Date of consultation: {seen}")
    parts = [f"{a.name_text} ({a.reaction_text})" for a in doc.allergies]
    w.line(f"Allergies: {'; '.join(parts)}", lead=1.9)
    for a, text in zip(doc.allergies, parts, strict=True):
        _allergy(w, a, text)

    cols = [0.0, 178.0, 240.0, 318.0, 400.0]
    top = w.y
    w.canvas.setLineWidth(0.9)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    _grid_row(w, ["Vaccine or prophylaxis", "Date given", "Manufacturer", "Batch no.",
                  "Given by"], cols, fnt=w.bold, size=8.5, height=16)  # fmt: skip
    for v, spec in zip(doc.vaccines, x["details"].split("|"), strict=True):
        mfr, batch, given = spec.split(";")
        cells = [v.name_text, pdate(v.date, doc.date_style), mfr, batch or "-", given]
        line = _grid_row(w, cells, cols, fnt=w.font, size=8.5, height=18)
        _fact_vaccine(w, v, line)
    _verticals(w, cols, top)
    w.space(14)

    w.line("Travel prescription", font=w.bold, size=10, lead=1.4)
    for m in doc.meds:
        text = f"{m.name_text} {m.strength_text}: {m.sig_text}"
        w.paragraph(f"{text}. Dispense 6 tablets.", after=6)
        _fact_med(w, m, text)
    w.line("Travel advice", font=w.bold, size=10, lead=1.4)
    w.paragraph(x["trip"], after=2)
    w.paragraph(x["advice"], after=2)
    w.paragraph(x["next_dose"], after=16)
    w.row([f"Clinician: {x['clinician']}", "Official stamp:"], [0, 330], lead=1.5)
    w.line(f"Signed: {seen}", lead=1.5)
    _at_bottom(w, x["footer"], y=30, fnt=italic, size=8)


HOLDOUT3_LAYOUTS: dict[str, Layout] = {
    "admission_med_rec": admission_med_rec,
    "dental_health_history": dental_health_history,
    "cardiac_rehab_report": cardiac_rehab_report,
    "mail_order_statement": mail_order_statement,
    "travel_vaccine_certificate": travel_vaccine_certificate,
}
