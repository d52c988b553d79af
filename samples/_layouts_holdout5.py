"""Page layouts of the fifth held-out set: record types and wording the other sets do not use."""

from __future__ import annotations

from reportlab.lib.pagesizes import landscape, letter

from ._layouts import Layout, _fact_allergy, _fact_dob, _fact_doc_date, _fact_mrn, _fact_name
from ._layouts_holdout2 import _at_bottom, _fact_med, _fact_vaccine, _page_size
from ._layouts_holdout3 import _grid_row, _verticals
from ._model import MONTHS, Document, format_date
from ._writer import PageWriter, face, use_faces


def pdate(iso: str, style: str) -> str:
    """Dates in these providers' styles.

    ``mon_d_y`` Nov 14 2024, ``long`` December 2, 2024, ``us`` 10/07/1953, ``dmy_upper``
    09-JAN-2025, ``m_d_yy`` 1/16/25, ``m_d_y`` 10/7/1958, ``dotted`` 2025.01.09.
    """
    if style in {"us", "long"}:
        return format_date(iso, style)
    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    year, month, day = (int(p) for p in iso.split("-"))
    mon = MONTHS[month - 1][:3]
    return {
        "mon_d_y": f"{mon} {day} {year}",
        "dmy_upper": f"{day:02d}-{mon.upper()}-{year}",
        "m_d_yy": f"{month}/{day}/{year % 100:02d}",
        "m_d_y": f"{month}/{day}/{year}",
        "dotted": f"{year}.{month:02d}.{day:02d}",
    }[style]


def _box(w: PageWriter, x: float, y: float, checked: bool, side: float = 7.0) -> None:
    """A printed check box (a drawn square, not a character), ticked with an X."""
    c = w.canvas
    c.setLineWidth(0.6)
    c.rect(x, y, side, side, stroke=1, fill=0)
    if checked:
        c.setLineWidth(1.1)
        c.line(x + 1.2, y + 1.2, x + side - 1.2, y + side - 1.2)
        c.line(x + 1.2, y + side - 1.2, x + side - 1.2, y + 1.2)


# -- urgent-care visit summary ---------------------------------------------------------------


def urgent_care_summary(doc: Document, w: PageWriter) -> None:
    """One-page urgent-care visit summary: allergy table with severity, home meds, new Rx."""
    w.margin = 50.0
    w.y = w.height - 46
    use_faces(w, "NimbusSans-Regular", "NimbusSans-Bold", 9.5)
    ital = face("NimbusSans-Italic")
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.row([doc.title.upper(), "VISIT SUMMARY"], [0, 400], font=w.bold, size=13.5, lead=1.3)
    w.line(" | ".join(doc.address), size=8, lead=2.0)
    w.row([f"Patient: {doc.name_text}", f"Acct #: {doc.mrn_text}", f"DOB: {dob}"],
          [0, 215, 360])  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    w.row([f"Date of service: {seen}", f"Provider: {x['clinician']}"], [0, 215])
    _fact_doc_date(w, doc, f"Date of service: {seen}")
    w.hrule(width=1.0)
    w.space(8)

    def label(text: str) -> None:
        w.line(text, font=w.bold, size=10, lead=1.45)

    label("Chief complaint")
    w.paragraph(x["complaint"], x=10)
    label("Allergies")
    xs = [10, 150, 260]
    w.row(["Allergen", "Reaction", "Severity"], xs, font=w.bold, size=9)
    for a, sev in zip(doc.allergies, x["severity"].split("|"), strict=True):
        cells = [a.name_text, a.reaction_text, sev]
        w.row(cells, xs, size=9)
        _fact_allergy(w, a, " ".join(cells))
    w.space(4)

    home, new = list(doc.meds[:-1]), doc.meds[-1]
    label("Home medications (reviewed with patient today)")
    xs = [10, 205]
    w.row(["Medication", "Instructions"], xs, font=w.bold, size=9)
    for m in home:
        cells = [m.name_text, m.sig_text]
        w.row(cells, xs, size=9, lead=1.4)
        _fact_med(w, m, " ".join(cells))
    w.space(4)

    label("Vitals")
    w.line(x["vitals"], x=w.margin + 10, lead=1.6)
    label("Exam")
    w.paragraph(x["exam"], x=10)
    label("Assessment")
    w.paragraph(x["assessment"], x=10)
    label("Plan")
    w.line("New prescription (e-prescribed to Saguaro Pharmacy #0412):", x=w.margin + 10)
    text = f"{new.name_text} - {new.sig_text}"
    w.paragraph(text, x=22)
    _fact_med(w, new, text)
    w.paragraph(x["followup"], x=10)
    w.space(6)
    w.line(f"Seen by {x['clinician']}. Electronically signed {seen}.", font=ital, size=9)
    _at_bottom(w, f"Printed {seen} 4:52 PM - {doc.title} - Page 1 of 1", y=30, fnt=ital,
               size=7.5)  # fmt: skip


# -- cardiology consultation letter ---------------------------------------------------------


def cardiology_letter(doc: Document, w: PageWriter) -> None:
    """Two-page consult letter; medications beside allergies and vaccines in two columns."""
    w.margin = 62.0
    w.y = w.height - 48
    use_faces(w, "P052-Roman", "P052-BoldItalic", 10.5)
    ital = face("P052-Italic")
    x = doc.extra
    dated = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, "us")

    w.line(doc.title, font=w.bold, size=16, center=True, lead=1.3)
    for ln in doc.address:
        w.line(ln, size=8.5, center=True, lead=1.25)
    w.line(" · ".join(x["physicians"].split("|")), font=ital, size=8, center=True, lead=1.6)
    w.hrule(width=0.5)
    w.space(14)
    w.line(dated, lead=1.8)
    _fact_doc_date(w, doc, dated)
    for ln in x["to"].split("|"):
        w.line(ln, lead=1.2)
    w.space(10)
    w.row([f"RE: {doc.name_text}", f"DOB: {dob}", f"Chart no. {doc.mrn_text}"], [0, 200, 330],
          font=w.bold)  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    w.space(6)
    w.line("Dear Dr. Okafor,", lead=1.6)
    w.paragraph(
        "Thank you for referring Mrs. Marchetti, a pleasant 71-year-old woman with "
        "paroxysmal atrial fibrillation first found in August, hypertension, type 2 "
        "diabetes and COPD. She notices palpitations two or three times a week, lasting "
        "minutes, with mild dyspnea on hills. Her ECG today shows sinus rhythm, 68 bpm, "
        "with a normal QT. Echocardiogram: normal LV size, EF 55%, mild left atrial "
        "enlargement, no significant valve disease. CHA2DS2-VASc score is 4.",
        lead=1.3, after=8,
    )  # fmt: skip
    w.line("Medications and allergies, as reviewed today", font=w.bold, size=11, lead=1.3)
    left = [("h", "Current medications")]
    left += [("p", f"{m.name_text} {m.strength_text} {m.sig_text}") for m in doc.meds]
    right = [("h", "Adverse reactions")]
    right += [("p", f"{a.name_text}: {a.reaction_text}") for a in doc.allergies]
    right += [("h", "Immunizations (from her card)")]
    right += [("p", f"{v.name_text} {pdate(v.date, 'us')}") for v in doc.vaccines]
    w.columns(left, right, size=10)
    for m, (_, t) in zip(doc.meds, left[1:], strict=True):
        _fact_med(w, m, t)
    for a, (_, t) in zip(doc.allergies, right[1:3], strict=True):
        _fact_allergy(w, a, t)
    for v, (_, t) in zip(doc.vaccines, right[4:], strict=True):
        _fact_vaccine(w, v, t)
    _at_bottom(w, "(continued)", y=34, fnt=ital, size=8.5)

    w.new_page()
    w.y = w.height - 56
    w.row([doc.name_text, f"Chart no. {doc.mrn_text}", dated], [0, 200, 330], size=9)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.space(12)
    w.line("Impression", font=w.bold, size=11, lead=1.4)
    w.paragraph(
        "Paroxysmal atrial fibrillation, symptomatic but infrequent, with a stroke risk "
        "that clearly favors anticoagulation, which she already takes without bleeding. "
        "Blood pressure 136/82 today.", after=8,
    )  # fmt: skip
    w.line("Recommendations", font=w.bold, size=11, lead=1.4)
    for n, rec in enumerate((
        "No change to her anticoagulation or rate control at this time.",
        "14-day ambulatory ECG monitor to measure her AF burden; we will call with results.",
        "Please check a basic metabolic panel and CBC at her next visit.",
        "If episodes become more frequent we will discuss rhythm control or ablation.",
        "Return to our clinic in 3 months, sooner if syncope or sustained palpitations.",
    ), start=1):  # fmt: skip
        w.paragraph(f"{n}. {rec}", x=12, after=2)
    w.space(10)
    w.paragraph("Thank you for involving us in her care. Please do not hesitate to call.")
    w.space(8)
    w.line("Sincerely,", lead=2.6)
    w.line(x["signer"])
    w.line("Cardiac Electrophysiology", font=ital, lead=2.0)
    w.line("cc: Delphine Marchetti (patient portal)", size=9)
    _at_bottom(w, f"{doc.title} - page 2 of 2", y=34, fnt=ital, size=8)


# -- hospital discharge medication reconciliation ------------------------------------------


def discharge_med_rec(doc: Document, w: PageWriter) -> None:
    """Discharge medication reconciliation: allergy table, a grid of check boxes, immunizations."""
    w.margin = 36.0
    w.y = w.height - 40
    use_faces(w, "Vera", "VeraBd", 8.5)
    ital = face("VeraIt")
    x = doc.extra
    out = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)
    stamp = f"Printed {pdate(doc.document_date, 'dotted')} 15:42 by {x['nurse']}"

    def id_row() -> None:
        w.row([f"Patient: {doc.name_text}", f"Patient ID: {doc.mrn_text}", f"DOB: {dob}"],
              [0, 210, 380], size=9)  # fmt: skip
        _fact_name(w, doc)
        _fact_mrn(w, doc)
        _fact_dob(w, doc, f"DOB: {dob}")

    w.line(doc.title.upper(), font=w.bold, size=13, lead=1.25)
    w.line(doc.address[0], size=7.5, lead=1.8)
    w.line("DISCHARGE MEDICATION RECONCILIATION", font=w.bold, size=11.5, center=True, lead=1.7)
    id_row()
    w.row([f"Admit: {pdate(x['admit'], doc.date_style)}", f"Discharge: {out}"], [0, 210],
          size=9)  # fmt: skip
    _fact_doc_date(w, doc, f"Discharge: {out}")
    w.line(f"Attending: {x['attending']}", size=9)
    w.hrule(width=1.0)
    w.space(8)
    w.line("Discharge diagnoses", font=w.bold, size=9.5, lead=1.4)
    for n, dx in enumerate(x["diagnoses"].split("|"), start=1):
        w.line(f"{n}. {dx}", x=w.margin + 8)
    w.space(8)

    w.line("Allergies and adverse reactions", font=w.bold, size=9.5, lead=1.5)
    cols = [0.0, 150.0, 270.0, 360.0]
    top = w.y
    w.canvas.setLineWidth(0.9)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    _grid_row(w, ["Allergen", "Reaction", "Severity", "Type"], cols, fnt=w.bold, size=8,
              height=14)  # fmt: skip
    for a in doc.allergies:
        line = _grid_row(w, [a.name_text, a.reaction_text, "Mild", "Intolerance"], cols,
                         fnt=w.font, size=8.5, height=16)  # fmt: skip
        _fact_allergy(w, a, line)
    _verticals(w, cols, top)
    w.space(12)

    w.line("Medications after discharge - one box checked for each medicine", font=w.bold,
           size=9.5, lead=1.5)  # fmt: skip
    cols = [0.0, 145.0, 182.0, 232.0, 330.0, 372.0, 410.0, 440.0, 468.0]
    box_cols = cols[4:8]
    top = w.y
    w.canvas.setLineWidth(0.9)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    heads = ["Medication", "Dose", "Route", "How often", "Continue", "Change", "Stop", "New",
             "Next dose due"]  # fmt: skip
    _grid_row(w, heads, cols, fnt=w.bold, size=6.9, height=15)
    kinds = ("continue", "change", "stop", "new")
    for m, ticked, nxt in zip(doc.meds, x["boxes"].split("|"), x["next_dose"].split("|"),
                              strict=True):  # fmt: skip
        route, often = m.sig_text.split(";")
        y0 = w.y
        line = _grid_row(w, [m.name_text, m.strength_text, route, often, "", "", "", "", nxt],
                         cols, fnt=w.font, size=7.8, height=18)  # fmt: skip
        for kind, bx in zip(kinds, box_cols, strict=True):
            _box(w, w.margin + bx + 12, y0 - 12.5, kind == ticked)
        _fact_med(w, m, line)
    _verticals(w, cols, top)
    w.space(10)
    w.paragraph("Bring this list to every appointment. Do not take any medicine that is not on "
                "this list without asking your doctor or pharmacist.", font=ital, size=8)  # fmt: skip
    w.line("Reviewed with patient and daughter; teach-back done.", size=8.5, lead=1.8)
    w.line(f"Nurse: {x['nurse']}     Physician: {x['attending']}", size=8.5)
    _at_bottom(w, f"{stamp}   Page 1 of 2", y=26, fnt=ital, size=7)

    w.new_page()
    w.y = w.height - 40
    w.line(f"{doc.title.upper()} - DISCHARGE MEDICATION RECONCILIATION (continued)",
           font=w.bold, size=9, lead=1.5)  # fmt: skip
    id_row()
    w.hrule(width=1.0)
    w.space(10)
    w.line("Immunization history (reviewed with patient)", font=w.bold, size=9.5, lead=1.5)
    cols = [0.0, 220.0, 320.0]
    top = w.y
    w.canvas.setLineWidth(0.9)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    _grid_row(w, ["Vaccine", "Date", "Source"], cols, fnt=w.bold, size=8, height=14)
    for v, src in zip(doc.vaccines, x["sources"].split("|"), strict=True):
        line = _grid_row(w, [v.name_text, pdate(v.date, doc.date_style), src], cols,
                         fnt=w.font, size=8.5, height=16)  # fmt: skip
        _fact_vaccine(w, v, line)
    _verticals(w, cols, top)
    w.line("No vaccines were given during this admission.", font=ital, size=8, lead=2.2)
    w.space(6)
    w.line("Follow-up appointments", font=w.bold, size=9.5, lead=1.4)
    for ln in x["followup"].split("|"):
        w.line(ln, x=w.margin + 8)
    w.space(8)
    w.line("When to call", font=w.bold, size=9.5, lead=1.4)
    w.paragraph("Call your doctor or return to the Emergency Department for a heart rate over "
                "120 at rest, chest pain, fainting, black or bloody stools, or breathing that "
                "gets worse.", x=8)  # fmt: skip
    w.space(16)
    w.line("Patient signature: ____________________________   Date: ____________", lead=2.2)
    w.line("Nurse signature: ______________________________   Date: ____________")
    _at_bottom(w, f"{stamp}   Page 2 of 2", y=26, fnt=ital, size=7)


# -- retail pharmacy medication profile, faxed -------------------------------------------------


def pharmacy_profile_fax(doc: Document, w: PageWriter) -> None:
    """Landscape pharmacy profile in capitals with NDC numbers and Latin-style sig codes."""
    _page_size(w, landscape(letter), 32.0)
    use_faces(w, "NotoMono", "NotoSansMono-Bold", 8.2)
    x = doc.extra
    printed = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, "m_d_y")
    year, month, day = (int(p) for p in doc.document_date.split("-"))
    fax_date = f"{MONTHS[month - 1][:3].upper()}-{day:02d}-{year}"

    w.line(f"{fax_date} {x['fax_time']}   FROM: SAGUARO PHARMACY #0412 5205550153   "
           f"TO: {x['fax_to']}   P.1/1", size=7.5, lead=2.0)  # fmt: skip
    w.row([doc.title.upper(), "  ".join(doc.address)], [0, 200], font=w.bold, size=10)
    w.row(["PATIENT MEDICATION PROFILE - ACTIVE PRESCRIPTIONS", f"PRINTED: {printed}"],
          [0, 560], font=w.bold)  # fmt: skip
    _fact_doc_date(w, doc, f"PRINTED: {printed}")
    w.space(4)
    w.row([f"PATIENT: {doc.name_text}", f"DOB: {dob}", f"PATIENT ID: {doc.mrn_text}",
           "PHONE: 520-555-0118"], [0, 200, 330, 500])  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    names = [a.name_text for a in doc.allergies]
    w.line(f"ALLERGIES: {'; '.join(names)}")
    for a in doc.allergies:
        _fact_allergy(w, a, a.name_text)
    w.line("PRIMARY MD: OKAFOR, REGINALD  520-555-0166      INSURANCE: AZ SENIOR ADVANTAGE PPO",
           lead=1.6)  # fmt: skip
    w.hrule(width=0.8)
    w.space(3)
    cols = [0, 52, 102, 190, 340, 460, 505, 535, 565]
    w.row(["RX#", "FILLED", "NDC", "DRUG / STRENGTH", "SIG", "QTY", "DS", "RF", "PRESCRIBER"],
          cols, font=w.bold)  # fmt: skip
    w.hrule(width=0.4)
    w.space(3)
    fields = zip(doc.meds, *(x[k].split("|") for k in
                             ("rx", "filled", "ndc", "qty", "days", "refills", "prescriber")),
                 strict=True)  # fmt: skip
    for m, rx, filled, ndc, qty, days, refills, who in fields:
        cells = [rx, pdate(filled, doc.date_style), ndc, f"{m.name_text} {m.strength_text}",
                 m.sig_text, qty, days, refills, who]  # fmt: skip
        w.row(cells, cols, lead=1.7)
        _fact_med(w, m, " ".join(cells))
    w.hrule(width=0.4)
    w.space(4)
    w.line(f"{len(doc.meds)} ACTIVE RX   0 ON HOLD   0 TRANSFERRED OUT")
    w.line("REFILL REQUESTS: 520-555-0152 OPT 2 OR SAGUAROPHARMACY.EXAMPLE/REFILL", size=7.5,
           lead=1.8)  # fmt: skip
    w.line(x["pharmacist"])
    _at_bottom(w, "CONFIDENTIAL HEALTH INFORMATION - IF RECEIVED IN ERROR CALL 520-555-0152 AND "
                  "DESTROY", y=28, fnt=w.font, size=7)  # fmt: skip


# -- county immunization registry printout -------------------------------------------------


def county_registry(doc: Document, w: PageWriter) -> None:
    """County registry history: vaccines grouped by family with lot, manufacturer and site."""
    w.margin = 36.0
    w.y = w.height - 42
    use_faces(w, "URWGothic-Book", "URWGothic-Demi", 8.5)
    obl = face("URWGothic-BookOblique")
    x = doc.extra
    run = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title.upper(), font=w.bold, size=12.5, lead=1.3)
    w.line(doc.address[0], size=8, lead=1.8)
    w.line("PATIENT IMMUNIZATION HISTORY", font=w.bold, size=11, lead=1.4)
    text = f"Report run: {run}"
    w.line(f"{text} {x['run_time']}   by {x['run_by']}", font=obl, size=8, lead=1.9)
    _fact_doc_date(w, doc, text)
    w.row([f"Name: {doc.name_text}", f"Client ID: {doc.mrn_text}"], [0, 300], size=9.5)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.row([f"Date of birth: {dob}", "Sex: F"], [0, 300], size=9.5)
    _fact_dob(w, doc, f"Date of birth: {dob}")
    w.row(["Address: 2716 N. Palo Santo Dr, Tucson AZ 85745", "Phone: (520) 555-0118"],
          [0, 300], size=9.5, lead=1.9)  # fmt: skip

    cols = [0.0, 62.0, 226.0, 252.0, 302.0, 326.0, 372.0, 424.0, 464.0]
    top = w.y
    w.canvas.setLineWidth(0.9)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    heads = ["Group", "Vaccine", "CVX", "Date given", "Dose", "Mfr", "Lot #", "Site/Rte",
             "Administered by"]  # fmt: skip
    _grid_row(w, heads, cols, fnt=w.bold, size=7.5, height=14)
    fields = zip(doc.vaccines, *(x[k].split("|") for k in
                                 ("groups", "doses", "mfr", "lots", "sites", "given_by")),
                 strict=True)  # fmt: skip
    for v, group, dose, mfr, lot, site, who in fields:
        cells = [group, v.name_text, v.code, pdate(v.date, doc.date_style), dose, mfr, lot,
                 site, who]  # fmt: skip
        line = _grid_row(w, cells, cols, fnt=w.font, size=7.2, height=16)
        _fact_vaccine(w, v, line, dose_number=dose)
    _verticals(w, cols, top)
    w.space(12)
    w.line("Contraindications / precautions: none on file", size=8.5)
    w.line("Exemptions: none on file", size=8.5, lead=2.0)
    w.paragraph("Dates are as reported to the registry by the administering provider. Report "
                "errors to the provider who gave the vaccine or to the registry help desk, "
                "(520) 555-0109.", font=obl, size=8)  # fmt: skip
    _at_bottom(w, f"{doc.title} Immunization Registry - official record when signed - "
                  "Page 1 of 1", y=28, fnt=obl, size=7)  # fmt: skip


HOLDOUT5_LAYOUTS: dict[str, Layout] = {
    "urgent_care_summary": urgent_care_summary,
    "cardiology_letter": cardiology_letter,
    "discharge_med_rec": discharge_med_rec,
    "pharmacy_profile_fax": pharmacy_profile_fax,
    "county_registry": county_registry,
}
