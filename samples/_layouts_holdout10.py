"""Page layouts of the tenth held-out set: record types and wording the other sets do not use."""

from __future__ import annotations

import datetime as dt

from ._layouts import Layout, _fact_allergy, _fact_dob, _fact_doc_date, _fact_mrn, _fact_name
from ._layouts_holdout2 import _at_bottom, _band, _fact_med, _fact_vaccine
from ._layouts_holdout3 import _grid_row, _verticals
from ._layouts_holdout5 import _box
from ._model import MONTHS, Document, Med, format_date
from ._writer import PageWriter, clean_line, face, resolve_font, use_faces


def pdate(iso: str, style: str) -> str:
    """Dates in these providers' styles.

    ``us`` 09/22/2026, ``long`` October 13, 2026, ``m_d_y`` 7/11/2026, ``yy`` 02/11/97,
    ``mon_d_y`` Sep 28 2026, ``d_mon_y`` 3 Nov 2026; partial dates print as the year.
    """
    if len(iso) == 4:
        return iso
    if style in {"us", "long"}:
        return format_date(iso, style)
    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    year, month, day = (int(p) for p in iso.split("-"))
    dt.date(year, month, day)
    return {
        "m_d_y": f"{month}/{day}/{year}",
        "yy": f"{month:02d}/{day:02d}/{year % 100:02d}",
        "mon_d_y": f"{MONTHS[month - 1][:3]} {day:02d} {year}",
        "d_mon_y": f"{day} {MONTHS[month - 1][:3]} {year}",
    }[style]


def _flow(w: PageWriter, pieces: list[tuple[str, Med | None]], *, x: float = 0.0,
          after: float = 3.0) -> None:  # fmt: skip
    """A paragraph built from plain text and medication items; each item is a fact whose text
    is its own words, wherever the wrap falls."""
    text = "".join(m.item_text if m else t for t, m in pieces)
    w.paragraph(text, x=x, after=after)
    for _, m in pieces:
        if m:
            _fact_med(w, m, m.item_text)


# -- hospital emergency department nurse triage sheet (faxed) ----------------------------------


def ed_nurse_triage(doc: Document, w: PageWriter) -> None:
    """ED nursing triage assessment as faxed by health information management: arrival, chief
    complaint, ESI, vitals grid, allergies, home medications as the patient gave them, screens."""
    w.margin = 40.0
    w.y = w.height - 22
    use_faces(w, "DejaVuSansMono", "DejaVuSansMono-Bold", 8.2)
    x = doc.extra
    arrived = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, "m_d_y")

    w.line(x["fax"], font=resolve_font("Courier"), size=8, lead=2.2)
    w.row([doc.title.upper(), doc.address[0].upper()], [0, 380], font=w.bold, size=12,
          lead=1.25)  # fmt: skip
    w.line(f"{doc.address[1]}   {doc.address[2]}", size=7.6, lead=1.7)
    _band(w, "NURSING TRIAGE ASSESSMENT", fnt=w.bold, size=10, grey=0.82, height=15)
    w.space(3)
    xs = [0, 250, 400]
    w.row([f"Pt: {doc.name_text}", f"DOB: {dob}  29y M", f"MRN: {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Arrival: {arrived} 23:14"
    w.row([text, "Acct: 60019482773", "Mode: private vehicle"], xs)
    _fact_doc_date(w, doc, f"Arrival: {arrived}")
    w.row(["Triage start: 23:19", "Acuity (ESI): 3", "Rm/Area: 14 (isolation mask)"], xs,
          lead=1.7)  # fmt: skip

    w.line("Chief complaint (pt's words): \"can't catch my breath, wheezing since Thursday\"",
           font=w.bold, lead=1.4)  # fmt: skip
    w.paragraph("Cough x 3 days after a cold, wheeze worse tonight, used rescue inhaler 5-6x today "
                "with short relief. Denies chest pain, fever > 100.4. Hx asthma (2 prior ED "
                "visits, no intubation), Crohn's on infusions - immunocompromised.", after=5)

    w.line("VITAL SIGNS", font=w.bold, size=8.6, lead=1.3)
    cols = [0.0, 60.0, 118.0, 168.0, 222.0, 288.0, 346.0, 406.0, 466.0]
    top = w.y
    _grid_row(w, ["Time", "BP", "HR", "RR", "Temp", "SpO2", "Pain", "Wt", "PEF"], cols,
              fnt=w.bold, size=8, height=12)  # fmt: skip
    _grid_row(w, ["23:21", "138/84", "112", "24", "99.1 F", "93% RA", "3/10", "80 kg",
                  "280 L/min"], cols, fnt=w.font, size=8, height=12)  # fmt: skip
    _verticals(w, cols, top)
    w.space(6)

    parts = [f"{a.name_text} - {a.reaction_text}" for a in doc.allergies]
    base = w.y - 9
    w.canvas.setFont(w.bold, w.size)
    label = "ALLERGIES: " + ";  ".join(parts)
    w.canvas.drawString(w.margin, base, label)
    _box(w, w.margin + 360, base - 1, False, side=7)
    w.canvas.setFont(w.font, w.size)
    w.canvas.drawString(w.margin + 371, base, "NKDA   Latex: N")
    w.pages[-1].append(clean_line(f"{label} NKDA Latex: N"))
    w.y -= 15
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)
    w.line("Allergy band applied: Y (red)", size=8, lead=1.7)

    w.line("HOME MEDICATIONS (per patient - not reconciled)", font=w.bold, size=8.6, lead=1.3)
    cols = [0.0, 170.0, 262.0, 352.0]
    top = w.y
    _grid_row(w, ["Medication", "Dose/Route", "Frequency", "Last taken"], cols, fnt=w.bold,
              size=8, height=12)  # fmt: skip
    for m, last in zip(doc.meds, x["last"].split("|"), strict=True):
        line = _grid_row(w, [m.name_text, m.strength_text, m.sig_text, last], cols, fnt=w.font,
                         size=8, height=12)  # fmt: skip
        _fact_med(w, m, line)
    _verticals(w, cols, top)
    w.space(7)

    v = doc.vaccines[0]
    text = f"Tetanus status: {v.name_text} {pdate(v.date, 'm_d_y')} (per pt)"
    w.line(text, lead=1.35)
    _fact_vaccine(w, v, text)
    for ln in (
        "Fall risk (Morse): 0 - low.   Suicide screen (C-SSRS): negative.",
        "Travel outside US in 21 days: No.   Cough/fever screen: mask given, placed in Rm 14.",
        "Abuse/neglect screen: negative.   Pregnant: N/A.",
        "Triage interventions: albuterol neb per standing order started 23:26; peak flow "
        "before and after; MD notified 23:24.",
    ):  # fmt: skip
        w.paragraph(ln, after=1)
    w.space(10)
    w.row([f"Triage RN: {x['rn']}", f"Date/Time: {arrived} 23:27"], [0, 300])
    _at_bottom(w, f"{doc.name_text}  MRN {doc.mrn_text}  Acct 60019482773  ED Nursing Triage  "
               "Page 1 of 1", y=26, fnt=w.font, size=7)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)


# -- GI / IBD clinic progress note in problem-oriented format ----------------------------------


def gi_problem_oriented_note(doc: Document, w: PageWriter) -> None:
    """IBD clinic progress note: interval history, exam, labs, then a numbered problem list in
    which each problem carries its own medicines and plan; allergies and health maintenance."""
    w.margin = 50.0
    w.y = w.height - 44
    use_faces(w, "DejaVuSerifCondensed", "DejaVuSerifCondensed-Bold", 9.0)
    ital = face("DejaVuSerifCondensed-Italic")
    x = doc.extra
    seen = pdate(doc.document_date, "us")
    dob = pdate(doc.dob, "us")
    meds = {m.ingredient: m for m in doc.meds}

    w.line(doc.title, font=w.bold, size=13.5, lead=1.2)
    for ln in doc.address:
        w.line(ln, font=ital, size=7.8, lead=1.25)
    w.space(3)
    w.hrule(width=1.2)
    w.space(6)
    w.line("OFFICE VISIT - PROGRESS NOTE (IBD)", font=w.bold, size=11, lead=1.5)
    xs = [0, 220, 400]
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob}", f"MRN: {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Date of service: {seen}"
    w.row([text, f"Provider: {x['doctor']}", "Visit: 25 min + infusion"], xs, lead=1.7)
    _fact_doc_date(w, doc, text)

    def head(t: str) -> None:
        w.space(2)
        w.line(t, font=w.bold, size=9.6, lead=1.35)

    head("SUBJECTIVE")
    w.paragraph("29 y/o man with ileocolonic Crohn's disease (dx 2016, Montreal A2 L3 B1), s/p "
                "laparoscopic ileocecal resection 2021, on infliximab since 2022; interval "
                "shortened from every 8 to every 4 weeks in 02/2026 for a low trough. Here with "
                "his infusion today. 1-2 formed BMs a day, no blood, no nocturnal stools, no "
                "abdominal pain. Weight stable. ED visit 07/11 for an asthma flare, treated with a "
                "5-day prednisone burst, now resolved. New scaly patches on the scalp for about a "
                "month.", x=8, after=4)
    head("OBJECTIVE")
    w.paragraph(f"BP 122/76, HR 74, T 98.2 F, Wt {x['weight']} (BMI 24.6). Abdomen soft, "
                "non-tender, healed port sites. No perianal disease. Skin: well-demarcated "
                "erythematous scaly plaques on the scalp margin and both elbows; no pustules.",
                x=8, after=3)  # fmt: skip
    cols = [8.0, 150.0, 220.0, 300.0]
    top = w.y
    _grid_row(w, ["Lab (09/15/2026)", "Result", "Ref", "Prior (06/2026)"], cols, fnt=w.bold,
              size=8.2, height=12)  # fmt: skip
    for row in (
        ["CRP", "3.1 mg/L", "< 5.0", "4.4"],
        ["Fecal calprotectin", "84 mcg/g", "< 120", "162"],
        ["Hemoglobin", "14.1 g/dL", "13.5-17.5", "13.6"],
        ["Infliximab trough", "7.8 mcg/mL", "> 5", "1.9 (02/2026)"],
        ["Anti-infliximab Ab", "undetectable", "", "undetectable"],
        ["25-OH vitamin D", "24 ng/mL", "30-100", "19"],
    ):  # fmt: skip
        _grid_row(w, row, cols, fnt=w.font, size=8.2, height=11.5)
    _verticals(w, [c for c in cols], top)
    w.space(5)

    head("ALLERGIES")
    parts = [f"{a.name_text} ({a.reaction_text})" for a in doc.allergies]
    w.line("   ".join(parts), x=w.margin + 8, lead=1.5)
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)

    head("ASSESSMENT AND PLAN BY PROBLEM")
    m = meds
    _flow(w, [("#1 Crohn's ileocolitis, in clinical and biochemical remission. Continue ", None),
              ("", m["infliximab"]),
              (" (5 mg/kg, dosed on 80 kg; next infusion 10/20/2026). Premedication not needed. "
               "Hold infliximab if febrile or on antibiotics for an active infection; call.",
               None)], x=8)  # fmt: skip
    _flow(w, [("#2 Vitamin B12 deficiency after ileal resection. Continue ", None),
              ("", m["cyanocobalamin"]),
              (", self-injected on the 1st. B12 level 612 on 06/2026.", None)], x=8)
    _flow(w, [("#3 Vitamin D insufficiency (24 ng/mL, improving). Continue ", None),
              ("", m["cholecalciferol"]), ("; recheck in 6 months.", None)], x=8)

    w.new_page()
    w.y = w.height - 44
    line = f"{doc.name_text}   MRN {doc.mrn_text}   DOS {seen}   (continued)"
    w.line(line, font=ital, size=8.4, lead=1.8)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _fact_doc_date(w, doc, f"DOS {seen}")
    _flow(w, [("#4 Asthma, moderate persistent - followed by allergy/asthma (Dr. Hebert). ", None),
              ("", m["budesonide-formoterol"]), ("; ", None), ("", m["albuterol"]),
              (". Well controlled since July.", None)], x=8)  # fmt: skip
    _flow(w, [("#5 ADHD, adult - managed by PCP. ", None), ("", m["lisdexamfetamine"]),
              (". Appetite fine, weight stable.", None)], x=8)
    _flow(w, [("#6 Peanut allergy with prior anaphylaxis. ", None), ("", m["epinephrine"]),
              ("; carries two.", None)], x=8)
    w.paragraph("#7 Psoriasiform rash of scalp and elbows, likely anti-TNF induced. Referred to "
                "Cypress Lake Dermatology; continue infliximab unless it spreads.", x=8, after=3)
    w.paragraph("#8 Health maintenance on immunosuppression. Avoid live vaccines (MMR, varicella, "
                "yellow fever, nasal flu). Annual skin exam. Hepatitis B immune (anti-HBs 38, "
                "01/2026). IGRA negative 08/2026.", x=8, after=3)
    cols = [16.0, 170.0, 270.0]
    top = w.y
    _grid_row(w, ["Vaccine", "Last given", "Due"], cols, fnt=w.bold, size=8.4, height=12.5)
    dues = ("none (PCV20 complete)", "09/2027", "08/2029")
    for v, due in zip(doc.vaccines, dues, strict=True):
        line = _grid_row(w, [v.name_text, pdate(v.date, "us"), due], cols, fnt=w.font, size=8.4,
                         height=12.5)  # fmt: skip
        _fact_vaccine(w, v, line)
    _grid_row(w, ["COVID-19", "no record", "offer 2026-27 dose"], cols, fnt=w.font, size=8.4,
              height=12.5)  # fmt: skip
    _verticals(w, cols, top)
    w.space(8)
    w.paragraph("Infusion today in the IBD suite, chair 6 (see infusion record). Return to clinic "
                "in 6 months with labs; infusions every 4 weeks in between.", after=10)
    w.line(f"Electronically signed: {x['doctor']}  {seen} 16:42", font=ital, lead=1.3)
    w.line("cc: Teche Allergy, Asthma & Immunology; Cypress Lake Dermatology", font=ital,
           size=8.2)  # fmt: skip
    _at_bottom(w, f"{doc.title} - {doc.name_text} - Page 2 of 2", y=26, fnt=ital, size=7.4)


# -- university student health immunization compliance report ---------------------------------


def student_immunization_compliance(doc: Document, w: PageWriter) -> None:
    """Student-health compliance report: student block, overall status, one row per requirement
    with its status and dose dates, then notes."""
    w.margin = 44.0
    w.y = w.height - 40
    use_faces(w, "DejaVuSansCondensed", "DejaVuSansCondensed-Bold", 8.8)
    obl = face("DejaVuSansCondensed-Oblique")
    bobl = face("DejaVuSansCondensed-BoldOblique")
    x = doc.extra
    run = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title.upper(), font=w.bold, size=14, lead=1.15)
    for ln in doc.address:
        w.line(ln, font=obl, size=7.8, lead=1.25)
    w.space(6)
    _band(w, "IMMUNIZATION COMPLIANCE REPORT", fnt=bobl, size=11, grey=0.88, height=16)
    w.space(4)
    xs = [0, 270]
    w.row([f"Student: {doc.name_text}", f"Student ID: {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.row([f"Date of Birth: {dob}", f"Program: {x['program']}"], xs)
    _fact_dob(w, doc, f"Date of Birth: {dob}")
    text = f"Report run: {run} 10:12"
    w.row([f"Term: {x['term']}", text], xs)
    _fact_doc_date(w, doc, f"Report run: {run}")
    w.row(["Clinical placement: Yes (hospital site - flu required)", "Housing: off campus"], xs,
          lead=1.8)  # fmt: skip
    w.line("OVERALL STATUS: COMPLIANT - registration hold released", font=w.bold, size=10,
           lead=1.7)  # fmt: skip

    cols = [0.0, 140.0, 205.0, 385.0]
    top = w.y
    _grid_row(w, ["Requirement", "Status", "Date(s) received", "Source"], cols, fnt=bobl,
              size=8.4, height=13)  # fmt: skip
    vs = doc.vaccines
    groups = (
        ("MMR - 2 doses", vs[0:2], "LINKS state registry"),
        ("Varicella - 2 doses or titer", vs[2:4], "LINKS state registry"),
        ("Hepatitis B - 3 doses or titer", vs[4:7], "Childhood record (scan)"),
        ("Tdap - within 10 years", vs[7:8], "Student upload"),
    )
    for label, doses, source in groups:
        dates = "; ".join(pdate(v.date, doc.date_style) for v in doses)
        line = _grid_row(w, [label, "MET", dates, source], cols, fnt=w.font, size=8.4,
                         height=13)  # fmt: skip
        for k, v in enumerate(doses, start=1):
            _fact_vaccine(w, v, line, dose_number=str(k) if len(doses) > 1 else "")
    _grid_row(w, ["Meningococcal ACWY", "NOT REQUIRED", "age 22+ / off campus", "-"], cols,
              fnt=w.font, size=8.4, height=13)  # fmt: skip
    _grid_row(w, ["TB screening (IGRA)", "MET", "negative, drawn Aug 03 2026", "SHC lab"], cols,
              fnt=w.font, size=8.4, height=13)  # fmt: skip
    flu = vs[8]
    line = _grid_row(w, ["Influenza 2026-27 (clinical)", "MET", pdate(flu.date, doc.date_style),
                         "SHC flu clinic"], cols, fnt=w.font, size=8.4, height=13)  # fmt: skip
    _fact_vaccine(w, flu, line)
    _verticals(w, cols, top)
    w.space(8)

    w.line("Other immunizations on file (not required)", font=bobl, size=9, lead=1.4)
    cols = [0.0, 205.0, 385.0]
    top = w.y
    for v, source in zip(vs[9:], ("Student upload", "Acadiana IBD Center (fax)"), strict=True):
        line = _grid_row(w, [v.name_text, pdate(v.date, doc.date_style), source], cols,
                         fnt=w.font, size=8.4, height=13)  # fmt: skip
        _fact_vaccine(w, v, line)
    _verticals(w, cols, top)
    w.space(8)

    w.line("Notes", font=bobl, size=9, lead=1.4)
    for ln in (
        "Medical note on file: immunosuppressive therapy - live vaccines deferred; no further "
        "MMR or varicella doses required (2 documented doses each).",
        "Flu requirement for clinical sites must be met each year by Oct 15.",
        "Records are reviewed as received and are not verified with the vaccine provider.",
    ):  # fmt: skip
        w.paragraph(f"-  {ln}", x=4, size=8.2, after=1.5)
    w.space(12)
    w.line("Reviewed by: T. Mouton, LPN, Immunization Compliance", font=obl, size=8.2)
    _at_bottom(w, f"BSU SHC | {doc.name_text} | ID {doc.mrn_text} | Page 1 of 1 | "
               "FERPA/HIPAA protected", y=26, fnt=obl, size=7)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)


# -- dermatology visit note ---------------------------------------------------------------------


def dermatology_visit_note(doc: Document, w: PageWriter) -> None:
    """Dermatology new-patient note: history with the medicines in one sentence, exam with body
    areas and BSA, numbered assessment and plan with a topical and an oral antibiotic started."""
    w.margin = 58.0
    w.y = w.height - 50
    use_faces(w, "Times-Roman", "Times-Bold", 10.4)
    ital = face("Times-Italic")
    bital = face("Times-BoldItalic")
    x = doc.extra
    seen = pdate(doc.document_date, "long")
    dob = pdate(doc.dob, "yy")

    w.line(doc.title, font=bital, size=17, center=True, lead=1.15)
    for ln in doc.address:
        w.line(ln, font=ital, size=8.6, center=True, lead=1.25)
    w.space(4)
    w.hrule(width=0.5)
    w.space(6)
    w.row([f"Patient: {doc.name_text}", f"D.O.B. {dob}", f"Chart #: {doc.mrn_text}"],
          [0, 220, 350])  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"D.O.B. {dob}")
    _fact_mrn(w, doc)
    text = f"Date of Visit: {seen}"
    w.row([text, f"Referred by: {x['referrer']}"], [0, 220], lead=1.8)
    _fact_doc_date(w, doc, text)

    def head(t: str) -> None:
        w.line(t, font=bital, size=10.8, lead=1.35)

    head("History of Present Illness")
    w.paragraph("New patient, 29-year-old man with Crohn's disease on infliximab, referred for "
                "scaly plaques on the scalp and both elbows for about 6 weeks, itchy, flaking on "
                "his shirts. Tried OTC hydrocortisone and a tar shampoo without help. Also 3 "
                "tender bumps in the left armpit for 5 days, one draining. No fever. No personal "
                "or family history of psoriasis.", after=4)  # fmt: skip
    meds = doc.meds[:8]
    pieces: list[tuple[str, Med | None]] = [("Medications, per patient: ", None)]
    for k, m in enumerate(meds):
        pieces.append(("", m))
        pieces.append(("." if k == len(meds) - 1 else ", ", None))
    _flow(w, pieces, after=4)
    parts = [f"{a.name_text} ({a.reaction_text})" for a in doc.allergies]
    w.line("Allergies: " + " and ".join(parts), font=w.bold, lead=1.6)
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)

    head("Examination")
    w.paragraph("Skin type III. Examined: scalp, face, neck, chest, back, abdomen, both arms and "
                "hands, axillae. Scalp: thick silvery-scaled pink plaques along the frontal and "
                "occipital hairline. Elbows: two 3 x 4 cm plaques. Left axilla: three 6-10 mm "
                "follicular pustules and a 1.5 cm fluctuant nodule with purulent drainage. Nails "
                "normal. Body surface area about 3%.", after=4)  # fmt: skip

    head("Assessment and Plan")
    started = doc.meds[8:]
    w.paragraph("1. Psoriasiform dermatitis, anti-TNF (infliximab) induced, mild (BSA 3%). "
                "Discussed with GI; continue Inflectra for now.", x=6, after=1.5)
    _flow(w, [("Start ", None), ("", started[0]),
              (". Stop if skin thins or stings.", None)], x=18,
          after=2.5)  # fmt: skip
    w.paragraph("2. Folliculitis with furuncle, left axilla. Incised and drained today under "
                "local; culture sent (MRSA screen).", x=6, after=1.5)
    _flow(w, [("Start ", None), ("", started[1]),
              (" pending culture. Warm compresses. If worse or fever, call.", None)], x=18,
          after=2.5)  # fmt: skip
    w.paragraph("3. Skin cancer screening on immunosuppression: no suspicious lesions. Sun "
                "protection. Yearly full-skin exam.", x=6, after=6)  # fmt: skip
    w.line("Return in 4 weeks (scalp) - sooner for the axilla if needed.", font=ital, lead=1.8)
    w.line(f"{x['doctor']}", font=bital, lead=1.2)
    w.line("Dictated, not proofread", font=ital, size=8, lead=1.2)
    _at_bottom(w, f"{doc.name_text}  |  Chart # {doc.mrn_text}  |  {seen}", y=30, fnt=ital,
               size=8)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _fact_doc_date(w, doc, seen)


# -- allergy / asthma clinic visit with the asthma action plan --------------------------------


def asthma_action_plan_visit(doc: Document, w: PageWriter) -> None:
    """Allergy clinic visit summary built around an asthma action plan: green zone medicines,
    yellow and red zone instructions, then other medicines, allergies, immunizations, tests."""
    w.margin = 46.0
    w.y = w.height - 40
    use_faces(w, "Helvetica", "Helvetica-BoldOblique", 9.0)
    bold = resolve_font("Helvetica-Bold")
    obl = face("Helvetica-Oblique")
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.row([doc.title, "ASTHMA ACTION PLAN"], [0, 350], font=bold, size=12, lead=1.25)
    w.line(f"{doc.address[0]}  |  {doc.address[1]}", font=obl, size=7.8, lead=1.7)
    xs = [0, 200, 340]
    w.row([f"Name: {doc.name_text}", f"DOB {dob}", f"Patient # {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB {dob}")
    _fact_mrn(w, doc)
    text = f"Visit: {seen}"
    w.row([text, f"Doctor: {x['doctor']}", "Personal best peak flow: 590"], xs, lead=1.6)
    _fact_doc_date(w, doc, text)

    cols = [0.0, 190.0, 262.0]
    _band(w, "GREEN ZONE - Doing well: no cough, wheeze, chest tightness; can work and play",
          fnt=w.bold, size=9, grey=0.86, height=14)  # fmt: skip
    w.line("Peak flow more than 470 (80% of my best). Take these medicines every day:", size=8.6,
           lead=1.3)  # fmt: skip
    top = w.y
    _grid_row(w, ["Medicine", "How much", "How often / when"], cols, fnt=bold, size=8.4,
              height=12.5)  # fmt: skip
    for m in doc.meds[:2]:
        line = _grid_row(w, [m.name_text, m.strength_text, m.sig_text], cols, fnt=w.font,
                         size=8.4, height=12.5)  # fmt: skip
        _fact_med(w, m, line)
    w.line("Quick-relief medicine:", font=w.bold, size=8.4, x=w.margin + 3, lead=1.5)
    m = doc.meds[2]
    line = _grid_row(w, [m.name_text, m.strength_text, m.sig_text], cols, fnt=w.font, size=8.4,
                     height=12.5)  # fmt: skip
    _fact_med(w, m, line)
    _verticals(w, cols, top)
    w.space(6)
    _band(w, "YELLOW ZONE - Getting worse: cough, wheeze, tight chest, waking at night",
          fnt=w.bold, size=9, grey=0.86, height=14)  # fmt: skip
    w.paragraph("Peak flow 300 to 470. Use your quick-relief inhaler as above and keep taking "
                "your green-zone medicines. If you are not back in the green zone within 1 hour, "
                "or need the quick-relief inhaler more than every 4 hours for a day, call the "
                "office: a steroid burst may be started.", size=8.6, after=4)  # fmt: skip
    _band(w, "RED ZONE - Medical alert: very short of breath, lips blue, can't talk",
          fnt=w.bold, size=9, grey=0.70, height=14)  # fmt: skip
    w.paragraph("Peak flow below 300. Use your quick-relief inhaler NOW and call 911 or go to the "
                "nearest ER. If throat or tongue swelling after food: use EpiPen first, then 911.",
                size=8.6, after=8)  # fmt: skip

    w.line("Other medicines on file (reconciled today)", font=w.bold, size=9.4, lead=1.4)
    for m in doc.meds[3:]:
        text = m.item_text
        w.line(f"\u2022  {text}", x=w.margin + 6, lead=1.3)
        _fact_med(w, m, text)
    w.space(4)
    parts = [f"{a.name_text} - {a.reaction_text}" for a in doc.allergies]
    w.line("Allergies: " + "; ".join(parts) + "  (peanut Ara h 2 IgE 14.2, 10/2026)", font=bold,
           lead=1.6)  # fmt: skip
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)
    w.line("Immunizations", font=w.bold, size=9.4, lead=1.35)
    cols = [6.0, 150.0]
    for v in doc.vaccines:
        line = _grid_row(w, [v.name_text, pdate(v.date, "us")], cols, fnt=w.font, size=8.6,
                         height=12)  # fmt: skip
        _fact_vaccine(w, v, line)
    w.space(6)
    w.line("Today: spirometry FEV1 3.41 L (82% pred), FEV1/FVC 0.74, +11% after albuterol. "
           "ACT score 21/25.", size=8.6, lead=1.3)  # fmt: skip
    w.line("Inhaler technique checked with spacer. Follow-up 3 months. Plan copy given to patient "
           "and faxed to GI.", size=8.6, lead=1.8)  # fmt: skip
    w.row([f"Reviewed with patient by: {x['rn']}", f"Physician: {x['doctor']}"], [0, 260],
          font=obl, size=8.4)  # fmt: skip
    _at_bottom(w, f"{doc.name_text} - Patient # {doc.mrn_text} - printed {seen} - page 1/1",
               y=24, fnt=obl, size=7)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)


HOLDOUT10_LAYOUTS: dict[str, Layout] = {
    "ed_nurse_triage": ed_nurse_triage,
    "gi_problem_oriented_note": gi_problem_oriented_note,
    "student_immunization_compliance": student_immunization_compliance,
    "dermatology_visit_note": dermatology_visit_note,
    "asthma_action_plan_visit": asthma_action_plan_visit,
}
