"""Page layouts of the eleventh held-out set: record types and wording the other sets do not use."""

from __future__ import annotations

import datetime as dt

from ._layouts import Layout, _fact_allergy, _fact_dob, _fact_doc_date, _fact_mrn, _fact_name
from ._layouts_holdout2 import _at_bottom, _band, _fact_med, _fact_vaccine
from ._layouts_holdout3 import _verticals
from ._layouts_holdout5 import _box
from ._layouts_holdout9 import _ruled_row
from ._model import MONTHS, Document, Med, format_date
from ._writer import PageWriter, clean_line, face, resolve_font, use_faces


def pdate(iso: str, style: str) -> str:
    """Dates in these providers' styles.

    ``us`` 03/05/2026, ``long`` February 10, 2026, ``m_d_y`` 4/18/2026, ``m_d_yy`` 6/11/24,
    ``email`` Sat, May 2, 2026.
    """
    if style in {"us", "long"}:
        return format_date(iso, style)
    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    year, month, day = (int(p) for p in iso.split("-"))
    weekday = dt.date(year, month, day).strftime("%a")
    return {
        "m_d_y": f"{month}/{day}/{year}",
        "m_d_yy": f"{month}/{day}/{year % 100:02d}",
        "email": f"{weekday}, {MONTHS[month - 1][:3]} {day}, {year}",
    }[style]


def _fits(w: PageWriter, doc: Document, bottom: float) -> None:
    """Refuse a layout that ran into its footer: the writer does not break pages itself."""
    if w.y < bottom:
        raise ValueError(f"{doc.file}: page {w.page} overflows ({w.y:.0f} < {bottom:.0f})")


def _pairs(w: PageWriter, pairs: list[tuple[str, str]], xs: list[float], *, label: str,
           value: str, size: float, lead: float = 1.5) -> str:  # fmt: skip
    """Label: value pairs on one baseline, the value in its own face; returns the line."""
    base = w.y - size
    for (lab, val), x in zip(pairs, xs, strict=True):
        w.canvas.setFont(label, size)
        w.canvas.drawString(w.margin + x, base, lab)
        w.canvas.setFont(value, size)
        w.canvas.drawString(w.margin + x + w.canvas.stringWidth(lab + " ", label, size), base, val)
    line = clean_line(" ".join(f"{lab} {val}" for lab, val in pairs))
    w.pages[-1].append(line)
    w.y -= size * lead
    return line


def _grid(w: PageWriter, cells: list[str], xs: list[float], *, fnt: str, size: float,
          height: float) -> str:  # fmt: skip
    """One ruled table row, text centred in the row's height; returns the recorded line."""
    base = w.y - height / 2 - size * 0.35
    w.canvas.setFont(fnt, size)
    for cell, x in zip(cells, xs, strict=True):
        w.canvas.drawString(w.margin + x + 3, base, cell)
    line = clean_line(" ".join(c for c in cells if c))
    w.pages[-1].append(line)
    w.y -= height
    w.canvas.setLineWidth(0.5)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    return line


# -- hepatology clinic letter to the referring doctor ---------------------------------------


def hepatology_letter(doc: Document, w: PageWriter) -> None:
    """Hepatology follow-up letter to the PCP after hepatitis C cure: labs, elastography,
    the medicines reviewed for liver safety, allergies, a vaccine table, recommendations."""
    w.margin = 60.0
    w.y = w.height - 40
    use_faces(w, "P052-Roman", "P052-Bold", 9.1)
    ital = face("P052-Italic")
    bital = face("P052-BoldItalic")
    x = doc.extra
    when = pdate(doc.document_date, "long")
    dob = pdate(doc.dob, "us")

    w.line(doc.title, font=w.bold, size=15, center=True, lead=1.2)
    for ln in doc.address:
        w.line(ln, font=ital, size=8.2, center=True, lead=1.25)
    w.space(3)
    w.hrule(width=0.8)
    w.space(8)
    w.line(when, lead=1.6)
    w.fact("document_date", date=doc.document_date, value="report", text=when)
    for ln in ("Peter Lindqvist, MD", "Arrowhead Family Medicine",
               "3300 Tower Avenue, Superior, WI 54880"):  # fmt: skip
        w.line(ln, lead=1.2)
    w.space(6)
    w.row([f"RE: {doc.name_text}", f"DOB {dob}", f"MRN {doc.mrn_text}"], [0, 170, 290],
          font=w.bold)  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB {dob}")
    _fact_mrn(w, doc)
    text = f"Date of visit: {when}"
    w.line(text, x=w.margin + 24, lead=1.7)
    _fact_doc_date(w, doc, text)
    w.line(f"Dear {x['pcp']},", lead=1.5)
    w.paragraph("Thank you for asking me to see Mr. Vukovich again. As you know, he is a "
                "63-year-old man with chronic hepatitis C, genotype 1a, treated with a 12-week "
                "course of sofosbuvir-velpatasvir (Epclusa) from May 6 to July 29, 2025. I am "
                "pleased to report a sustained virologic response: HCV RNA was not detected on "
                "10/21/2025 and again today, so he is cured. He also has type 2 diabetes, gout, "
                "hypertension and severe obstructive sleep apnea on CPAP. He drinks no alcohol and "
                "has lost 19 pounds since starting a GLP-1 agonist.", after=4)  # fmt: skip
    cols = [12.0, 140.0, 230.0, 340.0]
    w.row(["Test", "Today", "Pre-treatment", "Reference"], cols, font=w.bold, size=8.6, lead=1.3)
    w.hrule(x0=w.margin + 12, x1=w.margin + 400, width=0.5)
    w.space(2)
    for row in (
        ["ALT", "31 U/L", "88 U/L (04/2025)", "7-56"],
        ["AST", "29 U/L", "71 U/L", "10-40"],
        ["Platelets", "182 K/uL", "164 K/uL", "150-400"],
        ["Albumin", "4.1 g/dL", "3.9 g/dL", "3.5-5.0"],
        ["HCV RNA", "not detected", "2,140,000 IU/mL", "-"],
        ["FIB-4 index", "1.62", "2.91", "< 1.30"],
    ):  # fmt: skip
        w.row(row, cols, size=8.6, lead=1.3)
    w.space(5)
    w.paragraph("Transient elastography (FibroScan) today: liver stiffness 8.9 kPa (11.4 kPa "
                "before treatment), CAP 301 dB/m. This fits moderate (F2) fibrosis with marked "
                "fatty liver; the stiffness should keep falling now that the virus is gone.",
                after=5)  # fmt: skip

    w.line("Current medications, reviewed with him today (none needs a change for the liver):",
           font=bital, lead=1.4)  # fmt: skip
    for m in doc.meds:
        text = m.item_text
        w.line(f"\u2013  {text}", x=w.margin + 14, lead=1.28)
        _fact_med(w, m, text)
    w.space(4)
    parts = [f"{a.name_text} ({a.reaction_text})" for a in doc.allergies]
    w.line("Allergies: " + "; ".join(parts) + ".", lead=1.6)
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)

    w.line("Immunizations relevant to liver disease:", font=bital, lead=1.35)
    cols = [12.0, 170.0, 230.0, 320.0]
    w.row(["Vaccine", "Dose", "Date given", "Given at"], cols, font=w.bold, size=8.6, lead=1.3)
    w.hrule(x0=w.margin + 12, x1=w.margin + 400, width=0.5)
    w.space(2)
    places = ("this office", "this office", "this office", "this office", "your office",
              "pharmacy", "your office")
    series = ("1 of 2", "2 of 2", "1 of 2", "2 of 2", "", "", "")
    for v, place, dose in zip(doc.vaccines, places, series, strict=True):
        cells = [v.name_text, dose or "-", pdate(v.date, "us"), place]
        w.row(cells, cols, size=8.6, lead=1.3)
        _fact_vaccine(w, v, " ".join(cells), dose_number=dose[:1])
    w.space(5)

    w.line("Recommendations", font=bital, lead=1.35)
    for k, ln in enumerate((
        "No further hepatitis C treatment or viral load testing is needed. He can still be "
        "reinfected; he knows how to avoid exposure.",
        "Because of F2 fibrosis and fatty liver, continue weight loss and diabetes control; the "
        "current regimen is well suited. Pravastatin is safe to continue; no routine ALT checks "
        "are needed for it.",
        "Repeat FibroScan and liver panel in 12 months here. No HCC surveillance needed unless "
        "stiffness rises above 10 kPa.",
        "Hepatitis A and B series are complete; no booster is needed.",
    ), start=1):  # fmt: skip
        w.paragraph(f"{k}.  {ln}", x=8, after=1.5)
    w.space(6)
    w.line("With kind regards,", lead=2.0)
    w.line(x["doctor"], font=w.bold, lead=1.2)
    w.line("Transplant Hepatology", font=ital, lead=1.2)
    _fits(w, doc, 40)
    _at_bottom(w, f"{doc.name_text}  \u00b7  DOB {dob}  \u00b7  Page 1 of 1", y=24, fnt=ital,
               size=7.6)  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB {dob}")


# -- sleep medicine follow-up visit ------------------------------------------------------------


def sleep_followup(doc: Document, w: PageWriter) -> None:
    """Sleep-medicine CPAP follow-up from an ambulatory EHR: device download grid, active
    medications with 'by oral route' sigs, allergies, registry immunizations, plan."""
    w.margin = 44.0
    w.y = w.height - 38
    use_faces(w, "Vera", "VeraBd", 8.6)
    bi = face("VeraBI")
    x = doc.extra
    seen = pdate(doc.document_date, "us")
    dob = pdate(doc.dob, "us")

    w.line(doc.title, font=w.bold, size=12.5, lead=1.3)
    w.row(["   ".join(doc.address), "Sleep Medicine Follow-up Visit"], [0, 330], font=w.font,
          size=7.8, lead=1.5)  # fmt: skip
    w.hrule(width=1.4)
    w.space(6)
    xs = [0, 190, 360]
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob} (63 yo M)", f"Chart: {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Date of service: {seen}"
    w.row([text, f"Provider: {x['doctor']}", "Referring: Peter Lindqvist, MD"], xs, lead=1.8)
    _fact_doc_date(w, doc, text)

    def head(t: str) -> None:
        w.space(2)
        w.line(t, font=bi, size=9.2, lead=1.4)

    head("Reason for visit")
    w.paragraph("3-month CPAP adherence follow-up. Severe obstructive sleep apnea, AHI 41.3/h "
                "and nadir SpO2 78% on in-lab polysomnogram 11/12/2025.", after=3)
    head("Interval history")
    w.paragraph("Uses CPAP every night with a full face mask; wife reports no snoring or pauses. "
                "Epworth Sleepiness Scale 7/24 (was 14/24). Nocturia down from 3 to 1 per night. "
                "No morning headaches. Mild dry mouth, better with heated humidity at 4. Weight "
                "down 11 lb since December. Drives 40 minutes to work without drowsiness.", after=3)  # fmt: skip
    head("CPAP download (ResMed AirSense 11 AutoSet), 02/03/2026 - 03/04/2026")
    cols = [0.0, 130.0, 260.0, 390.0]
    w.hrule(width=0.5)
    top = w.y
    for row in (
        ["Days used: 30 of 30", "Days >= 4 h: 28 (93%)", "Average use: 6 h 41 min",
         "Mask: AirFit F20, M"],
        ["Pressure: auto 8-14 cm H2O", "Median: 10.2 cm H2O", "95th pct: 12.6 cm H2O",
         "EPR: 2"],
        ["Residual AHI: 2.4 /h", "Central AI: 0.6 /h", "Leak 95th: 16.8 L/min",
         "Humidity: 4"],
    ):  # fmt: skip
        _grid(w, row, cols, fnt=w.font, size=8.2, height=12)
    _verticals(w, cols, top)
    w.space(5)
    w.line("Vitals: BP 132/78   HR 71   Wt 248 lb   BMI 35.6   Neck 17.5 in   SpO2 96% RA",
           lead=1.4)  # fmt: skip

    head("Active Medications")
    cells = [(0.0, 240.0), (240.0, 200.0), (440.0, w.right - w.margin - 440.0)]
    w.hrule(width=0.5)
    top = w.y
    _ruled_row(w, [(a, b, t) for (a, b), t in zip(cells, ["Medication", "Sig", "Prescriber"],
                                                     strict=True)], fnt=w.bold, size=8.2)
    prescribers = ("M. Oja", "M. Oja", "M. Oja", "P. Lindqvist", "P. Lindqvist",
                   "P. Lindqvist", "P. Lindqvist")
    for m, who in zip(doc.meds, prescribers, strict=True):
        text = _ruled_row(w, [(cells[0][0], cells[0][1], m.name_text),
                              (cells[1][0], cells[1][1], m.sig_text),
                              (cells[2][0], cells[2][1], who)], fnt=w.font, size=8.2)
        _fact_med(w, m, text)
    _verticals(w, [c[0] for c in cells], top)
    w.space(5)
    parts = [f"{a.name_text} ({a.reaction_text})" for a in doc.allergies]
    w.line("Allergies: " + "; ".join(parts), font=w.bold, lead=1.6)
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)

    head("Immunizations (imported from MIIC, state registry)")
    cols = [0.0, 250.0]
    w.hrule(width=0.5)
    for v in doc.vaccines:
        line = _grid(w, [v.name_text, pdate(v.date, "us")], cols, fnt=w.font, size=8.2,
                         height=11.5)  # fmt: skip
        _fact_vaccine(w, v, line)
    w.space(4)

    head("Assessment / Plan")
    for ln in (
        "1. Obstructive sleep apnea, severe, well treated on auto-CPAP 8-14 cm H2O with excellent "
        "adherence. Continue current settings. Replace cushion monthly and mask every 3 months.",
        "2. Daytime sleepiness resolved. Avoid sedative hypnotics such as zolpidem, and opioids "
        "where possible; if opioids are needed after surgery, use CPAP for every sleep period.",
        "3. Weight loss encouraged; if he loses another 20 lb, repeat a home sleep test.",
        "4. Return in 12 months, sooner if snoring or sleepiness comes back.",
    ):  # fmt: skip
        w.paragraph(ln, x=6, after=1.5)
    w.space(4)
    w.line(f"Electronically signed by {x['doctor']} on {seen} at 04:18 PM", font=bi, size=8,
           lead=1.3)  # fmt: skip
    w.line(f"Download reviewed with patient by {x['rt']}", size=8)
    _fits(w, doc, 36)
    _at_bottom(w, f"{doc.name_text} (ID {doc.mrn_text}), DOB: {dob}        Page 1/1", y=22,
               fnt=w.font, size=7)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")


# -- skilled nursing to hospital SBAR transfer sheet (faxed) ----------------------------------


def sbar_transfer(doc: Document, w: PageWriter) -> None:
    """Nursing-home to hospital SBAR transfer sheet: Situation, Background with vitals,
    allergies, the active eMAR orders with last dose given, immunizations, Assessment,
    Recommendation, and what was sent along."""
    w.margin = 42.0
    w.y = w.height - 20
    use_faces(w, "DejaVuSerifCondensed", "DejaVuSerifCondensed-Bold", 8.8)
    bi = face("DejaVuSerifCondensed-BoldItalic")
    x = doc.extra
    when = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(x["fax"], font=resolve_font("Courier"), size=8, lead=2.4)
    w.line(doc.title, font=w.bold, size=13, lead=1.2)
    w.line("  |  ".join(doc.address), size=7.8, lead=1.6)
    _band(w, "SBAR  -  NURSE TO NURSE TRANSFER COMMUNICATION  (facility to hospital)", fnt=bi,
          size=10, grey=0.80, height=15)  # fmt: skip
    w.space(4)
    xs = [0, 210, 370]
    w.row([f"Resident: {doc.name_text}", f"DOB: {dob}", f"Resident #: {doc.mrn_text}"], xs,
          font=w.bold)  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Date: {when}"
    w.row([f"{text}  Time: 16:40", "Sending to: St. Luke's ED", "Room: 214-B"], xs)
    _fact_doc_date(w, doc, text)
    w.row(["Code status: FULL CODE", "Admitted here: 4/2/2026", "Attending: D. Karjala, DO"],
          xs, lead=1.8)  # fmt: skip

    def head(t: str) -> None:
        w.line(t, font=bi, size=10, lead=1.35)

    head("S  -  Situation")
    w.paragraph("Temp 101.6 F at 15:30. Redness, warmth and swelling of L ankle/foot spreading "
                "past the ORIF incision despite 48 h of oral antibiotic (marked 4/16 at 10 cm, now "
                "16 cm). Dr. Karjala notified 15:45; sent to ED for IV antibiotics and evaluation "
                "of the hardware.", x=10, after=3)  # fmt: skip
    head("B  -  Background")
    w.paragraph("64 y/o M here for short-term rehab after ORIF L ankle fracture 3/28/2026 (fell "
                "during a gout flare). Hx: DM2 on insulin, HTN, gout, severe OSA on CPAP (machine "
                "sent with him), hepatitis C treated 2025 - cured. Baseline: alert and oriented "
                "x4, walks 50 ft with walker, WBAT L leg, independent with ADLs except socks.",
                x=10, after=3)  # fmt: skip
    cols = [10.0, 70.0, 120.0, 180.0, 222.0, 264.0, 324.0]
    w.hrule(x0=w.margin + cols[0], width=0.5)
    top = w.y
    _grid(w, ["Time", "Temp", "BP", "HR", "RR", "SpO2", "Blood glucose"], cols, fnt=w.bold,
              size=8.2, height=12)  # fmt: skip
    _grid(w, ["15:30", "101.6 F", "118/64", "104", "20", "94% RA", "212 mg/dL (fingerstick)"],
              cols, fnt=w.font, size=8.2, height=12)  # fmt: skip
    _verticals(w, cols, top)
    w.space(6)

    parts = [f"{a.name_text} - {a.reaction_text}" for a in doc.allergies]
    label = "ALLERGIES: " + ";   ".join(parts)
    base = w.y - 9
    w.canvas.setFont(w.bold, w.size)
    w.canvas.drawString(w.margin, base, label)
    _box(w, w.margin + 330, base - 1, False, side=7)
    w.canvas.setFont(w.font, w.size)
    w.canvas.drawString(w.margin + 341, base, "NKA")
    w.pages[-1].append(clean_line(f"{label} NKA"))
    w.y -= 16
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)

    w.line("CURRENT MEDICATION ORDERS (from eMAR) with last dose given", font=w.bold, size=8.8,
           lead=1.3)  # fmt: skip
    cols = [0.0, 150.0, 230.0, 340.0]
    w.hrule(width=0.5)
    top = w.y
    _grid(w, ["Medication", "Dose", "Route / Frequency", "Last given"], cols, fnt=w.bold,
              size=8.2, height=12)  # fmt: skip
    for m, last in zip(doc.meds, x["last"].split("|"), strict=True):
        line = _grid(w, [m.name_text, m.strength_text, m.sig_text, last], cols, fnt=w.font,
                         size=8.2, height=11.5)  # fmt: skip
        _fact_med(w, m, line)
    _verticals(w, cols, top)
    w.space(6)

    pieces = [f"{v.name_text} {pdate(v.date, 'm_d_yy')}" for v in doc.vaccines]
    w.line("Immunizations:   " + "    ".join(pieces) + "    COVID-19: declined 10/2025",
           lead=1.7)  # fmt: skip
    for v, t in zip(doc.vaccines, pieces, strict=True):
        _fact_vaccine(w, v, t)

    head("A  -  Assessment (RN)")
    w.paragraph("Suspect worsening cellulitis / possible hardware infection. Alert, mildly "
                "tachycardic, no rigors. Last BM 4/17. Pain 5/10 L ankle. Sugars 140-220 here; "
                "no insulin sliding scale ordered.", x=10, after=3)  # fmt: skip
    head("R  -  Recommendation / Request")
    w.paragraph("Evaluate for IV antibiotics and imaging of L ankle. Please call report back to "
                "218-555-0126 before return; send new orders and a reconciled med list if he "
                "comes back to us.", x=10, after=3)  # fmt: skip
    w.line("Sent with resident: face sheet, eMAR copy, POLST, CPAP machine and mask, glasses, "
           "walker.", lead=1.8)  # fmt: skip
    w.row([f"Report called to ED RN (ext 4471) at 16:45 by: {x['rn']}", "Signature: J. Marttila RN"],
          [0, 330])  # fmt: skip
    _fits(w, doc, 34)
    _at_bottom(w, f"{doc.name_text}  #{doc.mrn_text}   SBAR facility form NUR-117 rev 09/2023   "
               "Page 1 of 1", y=22, fnt=w.font, size=7)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)


# -- home-delivery pharmacy order confirmation e-mail, printed from a web mailbox ------------


def _browser(w: PageWriter, stamp: str, page: int, pages: int) -> None:
    """The web browser's print header and footer (recorded first and last on the page)."""
    small = resolve_font("Helvetica")
    w.row([stamp, "Mail - Outlook"], [-26, 240], font=small, size=7, lead=2.6)
    keep = w.y
    w.y = 26
    w.row(["https://outlook.live.com/mail/0/inbox/id/AQQkADAwATY0MDABLTg2NzAALTEwAA%3D%3D",
           f"{page}/{pages}"], [-26, w.right - w.margin + 14], font=small, size=7)
    w.y = keep


def _rx_block(w: PageWriter, m: Med, details: str) -> None:
    """One prescription: the drug line, its directions, then the fill details."""
    first = m.name_text
    directions = f"Directions: {m.sig_text}"
    w.line(first, font=w.bold, lead=1.35, x=w.margin + 10)
    for ln in w.wrap(directions, w.right - w.margin - 10, w.font, w.size):
        w.line(ln, x=w.margin + 10, lead=1.3)
    _fact_med(w, m, f"{first} {directions}")
    w.line(details, size=7.8, x=w.margin + 10, lead=1.3)
    w.space(3)
    w.canvas.setStrokeGray(0.7)
    w.hrule(x0=w.margin + 10, width=0.4)
    w.canvas.setStrokeGray(0)
    w.space(6)


def pharmacy_order_email(doc: Document, w: PageWriter) -> None:
    """Order confirmation e-mail from a mail-order pharmacy as printed from a webmail page: mail
    headers, the items in the order, other prescriptions on file and the health profile."""
    w.margin = 62.0
    w.y = w.height - 24
    use_faces(w, "DejaVuSans", "DejaVuSans-Bold", 8.6)
    obl = face("DejaVuSans-Oblique")
    x = doc.extra
    sent = pdate(doc.document_date, "email")
    year, month, day = (int(p) for p in doc.document_date.split("-"))
    stamp = f"{month}/{day}/{year % 100:02d}, 8:41 AM"

    _browser(w, stamp, 1, 2)
    w.fact("document_date", date=doc.document_date, value="printed", text=stamp.split(",")[0])
    w.line(f"Your CareWay order #{x['order']} is confirmed", font=w.bold, size=13, lead=1.6)
    w.line(f"From: CareWay Pharmacy <{doc.address[0]}>", size=8, lead=1.3)
    w.line(f"To: {x['email']}", size=8, lead=1.3)
    text = f"Date: {sent} at 6:03 AM"
    w.line(text, size=8, lead=1.6)
    _fact_doc_date(w, doc, f"Date: {sent}")
    w.hrule(width=0.5)
    w.space(10)
    w.row(["CareWay", "Home Delivery Pharmacy"], [0, 96], font=w.bold, size=15, lead=1.6)
    w.line("Hello,", lead=1.5)
    w.paragraph("We received your order and our pharmacists are filling it now. You'll get "
                "another e-mail with tracking as soon as it ships. Please check the details below.",
                after=6)  # fmt: skip
    w.line(f"Order for: {doc.name_text}", font=w.bold, lead=1.35)
    _fact_name(w, doc)
    w.line(f"Account #: {doc.mrn_text}", lead=1.35)
    _fact_mrn(w, doc)
    w.line("Ship to: 5512 Jean Duluth Road, Duluth, MN 55803", lead=1.35)
    w.line("Shipping: Standard (free) - Estimated delivery Tue, May 5 - Thu, May 7", lead=1.8)
    _band(w, "Items in this order (4)", fnt=w.bold, size=10, grey=0.9, height=15)
    w.space(6)
    details = (
        "Rx #6620145  |  Qty: 4 pens (2 mL)  |  28-day supply  |  Refills left: 3  |  You pay: $25.00",
        "Rx #6620146  |  Qty: 15 mL (5 pens)  |  50-day supply  |  Refills left: 2  |  You pay: $35.00",
        "Rx #6618820  |  Qty: 90 tablets  |  90-day supply  |  Refills left: 1  |  You pay: $45.00",
        "Rx #6541177  |  Qty: 90 tablets  |  90-day supply  |  Refills left: 3  |  You pay: $12.40",
    )  # fmt: skip
    for m, d in zip(doc.meds[:4], details, strict=True):
        _rx_block(w, m, d)
    w.row(["Order total", "$117.40"], [10, 330], font=w.bold, size=10, lead=1.4)
    w.line("Charged to Visa ending in 4410 when your order ships.", x=w.margin + 10, lead=2.0)
    _fits(w, doc, 40)

    w.new_page()
    w.y = w.height - 24
    _browser(w, stamp, 2, 2)
    w.fact("document_date", date=doc.document_date, value="printed", text=stamp.split(",")[0])
    _band(w, "Other prescriptions on file (not in this order)", fnt=w.bold, size=10, grey=0.9,
          height=15)  # fmt: skip
    w.space(6)
    for m, refill in zip(doc.meds[4:], ("05/29/2026", "06/14/2026", "06/14/2026"), strict=True):
        _rx_block(w, m, f"Next refill available: {refill}  |  Auto-refill: ON")
    w.space(4)
    _band(w, "Your health profile", fnt=w.bold, size=10, grey=0.9, height=15)
    w.space(4)
    text = ", ".join(a.name_text for a in doc.allergies)
    w.line(f"Allergies: {text}", x=w.margin + 10, lead=1.35)
    for a in doc.allergies:
        _fact_allergy(w, a, a.name_text)
    w.line("Health conditions: Type 2 diabetes, Gout, High blood pressure", x=w.margin + 10,
           lead=1.35)  # fmt: skip
    w.paragraph("Is this information out of date? Call us at 1-800-555-0199 (TTY 711) or update it "
                "in the CareWay app under Profile > Health info.", x=10, after=8)
    w.paragraph("Keep your insulin and Trulicity pens in the refrigerator as soon as they arrive. "
                "They ship in an insulated box with cold packs; do not use a pen that has been "
                "frozen.", font=obl, x=10, after=12)  # fmt: skip
    for ln in (
        "CareWay Pharmacy, Inc. - PO Box 94410, Scottsdale, AZ 85261",
        f"This message was sent to {x['email']} because you have a CareWay account.",
        "Please do not reply to this e-mail; this mailbox is not monitored.",
    ):  # fmt: skip
        w.line(ln, font=obl, size=7.2, x=w.margin + 10, lead=1.3)
    _fits(w, doc, 40)


# -- health plan prior authorization form filled in by the endocrinology office ---------------


def prior_auth_form(doc: Document, w: PageWriter) -> None:
    """A health plan's GLP-1 prior authorization request (renewal) typed into the plan's fillable
    form: member, prescriber, drug requested, clinical data, other current medications, previous
    therapies, rationale, attestation."""
    w.margin = 40.0
    w.y = w.height - 36
    use_faces(w, "NimbusSansNarrow-Regular", "NimbusSansNarrow-Bold", 8.6)
    typed = resolve_font("Courier")
    x = doc.extra
    dob = pdate(doc.dob, "us")
    signed = pdate(doc.document_date, "us")

    w.row([doc.title.upper(), "PRIOR AUTHORIZATION REQUEST"], [0, 330], font=w.bold, size=13,
          lead=1.25)  # fmt: skip
    w.line("GLP-1 Receptor Agonists (dulaglutide, liraglutide, semaglutide, tirzepatide)  |  "
           f"{doc.address[1]}  |  Questions 1-800-555-0174", size=7.8, lead=1.3)  # fmt: skip
    w.line("Incomplete forms will be returned. Answer every question. Standard review: up to 72 "
           "hours.", size=7.8, lead=1.6)  # fmt: skip

    def section(t: str) -> None:
        w.space(2)
        _band(w, t, fnt=w.bold, size=9, grey=0.82, height=13)
        w.space(3)

    base = w.y - 9
    w.canvas.setFont(w.bold, w.size)
    w.canvas.drawString(w.margin, base, "Request type:")
    for bx, checked, lab in ((70, False, "New start"), (140, True, "Renewal / continuation"),
                             (260, False, "Expedited (exigent circumstances)")):  # fmt: skip
        _box(w, w.margin + bx, base - 1, checked)
        w.canvas.setFont(w.font, w.size)
        w.canvas.drawString(w.margin + bx + 11, base, lab)
    w.pages[-1].append("Request type: New start Renewal / continuation Expedited (exigent "
                       "circumstances)")
    w.y -= 16

    lab, val = w.bold, typed
    section("A.  MEMBER INFORMATION")
    xs = [0, 280]
    _pairs(w, [("Member name:", doc.name_text), ("Member ID:", doc.mrn_text)], xs, label=lab,
           value=val, size=8.6)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _pairs(w, [("Date of birth:", dob), ("Group #:", "60771-MN")], xs, label=lab, value=val,
           size=8.6)  # fmt: skip
    _fact_dob(w, doc, f"Date of birth: {dob}")
    section("B.  PRESCRIBER INFORMATION")
    _pairs(w, [("Prescriber:", x["doctor"]), ("NPI:", x["npi"])], xs, label=lab, value=val,
           size=8.6)  # fmt: skip
    _pairs(w, [("Clinic:", x["clinic"]), ("Phone / Fax:", "218-555-0152 / 218-555-0153")], xs,
           label=lab, value=val, size=8.6)  # fmt: skip
    section("C.  MEDICATION REQUESTED")
    m = doc.meds[0]
    first = _pairs(w, [("Drug name / strength / form:", m.name_text)], [0], label=lab, value=val,
                   size=8.6, lead=1.4)  # fmt: skip
    second = _pairs(w, [("Directions:", m.sig_text)], [0], label=lab, value=val, size=8.6,
                    lead=1.4)  # fmt: skip
    _fact_med(w, m, f"{first} {second}")
    _pairs(w, [("Quantity:", "2 mL (4 pens)"), ("Days supply:", "28"),
               ("Duration requested:", "12 months")], [0, 180, 300], label=lab, value=val,
           size=8.6)  # fmt: skip
    section("D.  CLINICAL INFORMATION")
    _pairs(w, [("Diagnosis (ICD-10):", "E11.65 Type 2 diabetes mellitus with hyperglycemia; "
                "Z79.4 Long-term use of insulin")], [0], label=lab, value=val, size=8.6)
    _pairs(w, [("A1c before GLP-1:", "9.4% (10/17/2023)"), ("Most recent A1c:", "7.1% (04/28/2026)")],
           xs, label=lab, value=val, size=8.6)  # fmt: skip
    _pairs(w, [("Weight at start:", "271 lb"), ("Current weight / BMI:", "246 lb / 35.3")], xs,
           label=lab, value=val, size=8.6)  # fmt: skip
    base = w.y - 9
    w.canvas.setFont(lab, 8.6)
    w.canvas.drawString(w.margin, base, "Is the drug prescribed for weight loss only?")
    _box(w, w.margin + 200, base - 1, False)
    _box(w, w.margin + 240, base - 1, True)
    w.canvas.setFont(w.font, 8.6)
    w.canvas.drawString(w.margin + 211, base, "Yes")
    w.canvas.drawString(w.margin + 251, base, "No")
    w.pages[-1].append("Is the drug prescribed for weight loss only? Yes No")
    w.y -= 15

    section("E.  ALL OTHER CURRENT MEDICATIONS (name, dose, frequency)")
    cols = [0.0, 200.0, 300.0]
    w.hrule(width=0.5)
    top = w.y
    _grid(w, ["Medication", "Dose", "Directions"], cols, fnt=lab, size=8.4, height=12)
    for m in doc.meds[1:6]:
        line = _grid(w, [m.name_text, m.strength_text, m.sig_text], cols, fnt=val, size=8.4,
                         height=12)  # fmt: skip
        _fact_med(w, m, line)
    _verticals(w, cols, top)
    w.space(4)
    section("F.  PREVIOUS DIABETES THERAPIES TRIED (drug, dose, dates, why stopped)")
    cols = [0.0, 110.0, 170.0, 230.0, 340.0]
    w.hrule(width=0.5)
    top = w.y
    _grid(w, ["Medication", "Dose", "Directions", "Dates", "Reason stopped"], cols, fnt=lab,
              size=8.4, height=12)  # fmt: skip
    for m, dates, why in zip(doc.meds[6:], ("01/2019 - 06/2023", "05/2021 - 10/2023"),
                             ("GI intolerance (diarrhea)", "hypoglycemia on insulin"),
                             strict=True):  # fmt: skip
        line = _grid(w, [m.name_text, m.strength_text, m.sig_text, dates, why], cols, fnt=val,
                         size=8.4, height=12)  # fmt: skip
        _fact_med(w, m, line)
    _verticals(w, cols, top)
    w.space(4)
    section("G.  CLINICAL RATIONALE")
    w.paragraph("Renewal. On current dose since 03/2024 with A1c down 2.3 points and 25 lb weight "
                "loss. Plan formulary asks to switch Trulicity to Ozempic; a switch now risks "
                "hypoglycemia on basal insulin and loss of control. Fibrosis of the liver (F2) "
                "from fatty liver; weight loss is part of that treatment.", font=val, size=8.2,
                after=4)  # fmt: skip
    w.paragraph("I attest that the information on this form is accurate and supported by the "
                "medical record, which is available to the plan on request.", size=7.8, after=10)
    sig_y = w.y - 9
    w.canvas.setFont(lab, 8.6)
    w.canvas.drawString(w.margin, sig_y, "Prescriber signature:")
    w.canvas.setLineWidth(0.8)
    path = w.canvas.beginPath()
    path.moveTo(w.margin + 100, sig_y)
    for k in range(7):
        path.curveTo(w.margin + 106 + 14 * k, sig_y + 9, w.margin + 110 + 14 * k, sig_y - 5,
                     w.margin + 114 + 14 * k, sig_y + (k % 3))  # fmt: skip
    w.canvas.drawPath(path, stroke=1, fill=0)
    w.canvas.drawString(w.margin + 300, sig_y, "Date:")
    w.canvas.setFont(val, 8.6)
    w.canvas.drawString(w.margin + 326, sig_y, signed)
    w.pages[-1].append(f"Prescriber signature: Date: {signed}")
    w.y -= 16
    _fact_doc_date(w, doc, f"Date: {signed}")
    _fits(w, doc, 36)
    _at_bottom(w, "NHP-PA-GLP1 (rev. 01/2026)  |  Page 1 of 1  |  Confidential member health "
               "information", y=22, fnt=w.font, size=7)  # fmt: skip


HOLDOUT11_LAYOUTS: dict[str, Layout] = {
    "hepatology_letter": hepatology_letter,
    "sleep_followup": sleep_followup,
    "sbar_transfer": sbar_transfer,
    "pharmacy_order_email": pharmacy_order_email,
    "prior_auth_form": prior_auth_form,
}
