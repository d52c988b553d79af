"""Page layouts of the ninth held-out set: record types and wording the other sets do not use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ._layouts import Layout, _fact_allergy, _fact_dob, _fact_doc_date, _fact_mrn, _fact_name
from ._layouts_holdout2 import _at_bottom, _band, _fact_med, _fact_vaccine, _wrapped_row
from ._layouts_holdout3 import _grid_row, _verticals
from ._layouts_holdout5 import _box
from ._model import MONTHS, Document, Med, format_date
from ._writer import Handwriting, PageWriter, clean_line, face, resolve_font, use_faces

# The son's ballpoint on the pharmacy consent form.
_INK = (0.06, 0.10, 0.44)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def pdate(iso: str, style: str) -> str:
    """Dates in these providers' styles.

    ``hand`` 9-22-26, ``us`` 09/22/2026, ``weekday_long`` Tuesday, October 6, 2026, ``m_d_y``
    12/2/1944, ``wk_yy`` Tue 11/03/26, ``yy`` 12/02/44, ``long`` November 16, 2026.
    """
    if style in {"us", "long"}:
        return format_date(iso, style)
    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    year, month, day = (int(p) for p in iso.split("-"))
    weekday = _DAYS[dt.date(year, month, day).weekday()]
    return {
        "hand": f"{month}-{day}-{year % 100:02d}",
        "weekday_long": f"{weekday}, {MONTHS[month - 1]} {day}, {year}",
        "m_d_y": f"{month}/{day}/{year}",
        "wk_yy": f"{weekday[:3]} {month:02d}/{day:02d}/{year % 100:02d}",
        "yy": f"{month:02d}/{day:02d}/{year % 100:02d}",
    }[style]


def _ruled_row(
    w: PageWriter, cells: Sequence[tuple[float, float, str]], *, fnt: str, size: float
) -> str:
    """A table row whose cells wrap to their widths, ruled underneath; returns its text.

    Each baseline is one truth line (left to right); the row's text is those lines joined."""
    w.y -= 3
    lines = _wrapped_row(w, [(x + 3, width - 6, [(text, fnt, size)]) for x, width, text in cells],
                         size=size, lead=1.22)  # fmt: skip
    w.y -= 3.5
    w.canvas.setLineWidth(0.5)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    return " ".join(lines)


# -- retail pharmacy immunization screening and consent form -------------------------------------


def pharmacy_vaccine_consent(doc: Document, w: PageWriter) -> None:
    """Pharmacy vaccine screening questionnaire filled in by the patient's son, the consent, and
    the pharmacist's administration record with the pharmacy's earlier immunizations."""
    w.margin = 42.0
    w.y = w.height - 36
    use_faces(w, "NimbusSans-Regular", "NimbusSans-BoldItalic", 8.6)
    plain_bold = face("NimbusSans-Bold")
    # The son's printing on a paper form: a chancery italic in blue that wanders a little.
    hand = Handwriting(w, 20260922, face("Z003-MediumItalic"), _INK, jitter=(-0.8, 0.8),
                       tilt=(-0.9, 0.9), size=12.0, height=17.0, rule_drop=3.5)  # fmt: skip
    x = doc.extra
    signed = pdate(doc.document_date, "hand")
    dob = pdate(doc.dob, "hand")

    w.row([doc.title.upper(), f"Patient ID: {doc.mrn_text}"], [0, 400], font=plain_bold,
          size=12, lead=1.25)  # fmt: skip
    _fact_mrn(w, doc)
    w.line(f"{doc.address[0]}  ·  {doc.address[1]}  ·  Pharmacy use: label here", size=7.6,
           lead=1.6)  # fmt: skip
    w.line("IMMUNIZATION SCREENING, CONSENT & ADMINISTRATION RECORD (ADULT)", font=plain_bold,
           size=10.5, lead=1.7)  # fmt: skip
    w.line("Section 1. Patient information - please print", font=w.bold, size=9.2, lead=1.5)
    hand.line([(0, "p", "Name (last, first, MI):"), (100, "h", doc.name_text),
                      (330, "p", "Date of birth:"), (390, "h", dob), (450, "p", "Age:"),
                      (472, "h", "81")], rule=98)  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"Date of birth: {dob}")
    hand.line([(0, "p", "Address:"), (40, "h", "118 Ridge Rd, White Oak PA 15131"),
               (330, "p", "Phone:"), (362, "h", "412-555-0189")], rule=38)  # fmt: skip
    hand.line([(0, "p", "Person completing form (if not the patient):"),
               (190, "h", x["completed_by"])], rule=188)  # fmt: skip
    hand.line([(0, "p", "Insurance:"), (48, "h", "Medicare Part B + Part D (SilverScript)")],
              rule=46, height=21)  # fmt: skip

    w.line("Section 2. Screening questions for the person getting the vaccine", font=w.bold,
           size=9.2, lead=1.3)  # fmt: skip
    w.row(["", "Yes", "No", "Don't know"], [0, 392, 424, 452], font=plain_bold, size=8)
    questions = (
        ("1. Are you sick today?", 1, ""),
        ("2. Do you have allergies to medications, food, a vaccine component, or latex?", 0,
         "ALLERGY"),
        ("3. Have you ever had a serious reaction after receiving a vaccination?", 1, ""),
        ("4. Do you have a long-term heart, lung, kidney or metabolic disease (e.g. diabetes)?",
         0, "heart (a-fib), kidneys"),
        ("5. Do you take a blood thinner or have a bleeding disorder?", 0, "blood thinner"),
        ("6. Have you had a seizure, or a brain or other nervous system problem?", 0,
         "dementia"),
        ("7. Do you have cancer, HIV, or another immune system problem, or take steroids?", 1,
         ""),
        ("8. Have you received any vaccinations in the past 4 weeks?", 1, ""),
        ("9. Have you ever had Guillain-Barre syndrome?", 1, ""),
    )  # fmt: skip
    for text, answer, note in questions:
        xs_box = (392, 424, 452)
        base = w.y - 9
        for k, bx in enumerate(xs_box):
            _box(w, w.margin + bx + 2, base - 1, False, side=7.5)
            if k == answer:
                hand.tick(w.margin + bx + 1, base)
        if note == "ALLERGY":
            hand.line([(0, "p", text)], height=14)
            allergy = doc.allergies[0]
            said = f"{allergy.name_text} ({allergy.reaction_text})"
            hand.line([(14, "p", "If yes, please list:"), (96, "h", said)], rule=94, height=16)
            _fact_allergy(w, allergy, said)
        elif note:
            hand.line([(0, "p", text)], height=13)
            hand.line([(14, "p", "If yes:"), (50, "h", note)], height=15)
        else:
            hand.line([(0, "p", text)], height=15)
    w.space(4)

    w.line("Section 3. Consent", font=w.bold, size=9.2, lead=1.35)
    w.paragraph("I have read, or had explained to me, the Vaccine Information Statement(s) for "
                "the vaccine(s) below and had the chance to ask questions. I request that the "
                "vaccine(s) be given to me, or to the person named above for whom I am "
                "authorized to make this request. A record of this vaccination will be sent to "
                "the Pennsylvania Statewide Immunization Information System (PA-SIIS) and to "
                "my doctor.", size=7.8, after=6)  # fmt: skip
    text = f"Date: {signed}"
    hand.line([(0, "p", "Signature of patient or legal representative:"),
               (330, "p", "Date:"), (356, "h", signed)], rule=190, height=19)  # fmt: skip
    hand.scribble(w.margin + 196, w.y + 8, loops=8, pitch=13, height=10)
    _fact_doc_date(w, doc, text)
    hand.line([(0, "p", "Relationship to patient:"), (104, "h", "son / POA")], rule=102,
              height=22)  # fmt: skip

    w.line("Section 4. For pharmacy use only", font=w.bold, size=9.2, lead=1.45)
    mono = resolve_font("Courier")
    mono_b = resolve_font("Courier-Bold")
    size = 7.4
    w.line(f"{'VACCINE':<29}{'MFR':<8}{'LOT':<9}{'EXP':<9}{'DOSE':<7}{'ROUTE/SITE':<11}"
           f"{'VIS DATE':<11}{'DATE GIVEN':<11}", font=mono_b, size=size, lead=1.35)  # fmt: skip
    mfr = ("SANOFI", "MODERNA")
    lots = ("UJ744AB", "3046K9A")
    exps = ("06/30/27", "03/14/27")
    sites = ("IM L DELT", "IM R DELT")
    vis = ("08/06/2024", "01/31/2025")
    for v, m, lot, exp, site, vd in zip(doc.vaccines[:2], mfr, lots, exps, sites, vis,
                                        strict=True):  # fmt: skip
        row = (f"{v.name_text:<29}{m:<8}{lot:<9}{exp:<9}{'0.5 ML':<7}{site:<11}{vd:<11}"
               f"{pdate(v.date, 'us'):<11}")  # fmt: skip
        w.line(row, font=mono, size=size, lead=1.3)
        _fact_vaccine(w, v, clean_line(row))
    w.line(f"ADMINISTERED BY: {x['rph']}   PA-SIIS: SENT   OBSERVED 15 MIN: YES", font=mono,
           size=size, lead=1.3)  # fmt: skip
    w.line("NOTE: PT ON ANTICOAGULANT - 25G 1\" NEEDLE, FIRM PRESSURE 2 MIN, NO RUBBING",
           font=mono, size=size, lead=1.6)  # fmt: skip
    w.line("IMMUNIZATIONS PREVIOUSLY GIVEN AT THIS PHARMACY", font=mono_b, size=size, lead=1.3)
    numbers = ("", "2 OF 2", "1 OF 2", "")
    for v, number in zip(doc.vaccines[2:], numbers, strict=True):
        row = f"{v.name_text:<18}{pdate(v.date, 'us'):<13}{number:<9}CVX {v.code}"
        w.line(row, font=mono, size=size, lead=1.25)
        _fact_vaccine(w, v, clean_line(row), dose_number=number.split()[0] if number else "")
    _at_bottom(w, "MVP-IMM-01 (rev. 05/2025) · Keep the Vaccine Information Statement for your "
               "records", y=22, fnt=w.font, size=6.8)  # fmt: skip


# -- primary care Medicare annual wellness visit ------------------------------------------------------


def medicare_wellness_visit(doc: Document, w: PageWriter) -> None:
    """Medicare annual wellness visit: the health risk assessment answered by the son, screening
    scores, the reviewed medication list, allergies, immunizations and the prevention plan."""
    w.margin = 40.0
    w.y = w.height - 34
    use_faces(w, "DejaVuSerif", "DejaVuSerif-BoldItalic", 7.6)
    ital = face("DejaVuSerif-Italic")
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, "us")

    w.line(doc.title, font=w.bold, size=12, lead=1.25)
    w.line(f"{doc.address[0]} | {doc.address[1]}", size=7, lead=1.5)
    w.line("MEDICARE ANNUAL WELLNESS VISIT (subsequent, G0439)", font=w.bold, size=10,
           center=True, lead=1.6)  # fmt: skip
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob} (81 y.o. M)", f"MRN: {doc.mrn_text}"],
          [0, 230, 390])  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Visit: {seen}"
    w.row([text, f"Provider: {x['doctor']}", f"HRA taken by: {x['ma']}"], [0, 230, 390])
    _fact_doc_date(w, doc, text)
    w.line("Informant: son Michael (health-care POA), who fills the weekly pillbox; patient "
           "present, pleasant, oriented to person only.", font=ital, lead=1.4)  # fmt: skip
    w.hrule(width=0.8)
    w.space(3)

    def head(text: str) -> None:
        w.space(2)
        w.line(text, font=w.bold, size=8.6, lead=1.4)

    head("Health Risk Assessment (answers by son)")
    pairs = (
        ("Self-rated health", "Fair"), ("Falls past 12 months", "1, no injury (June)"),
        ("Fear of falling", "Yes"), ("Uses walker / cane", "Cane outdoors"),
        ("Help with bathing, dressing", "Bathing: yes"), ("Manages own medicines", "No - son"),
        ("Drives", "No (stopped 2024)"), ("Lives", "Alone - moving to memory care"),
        ("Hearing", "Hearing aids both ears"), ("Urinary leakage", "Sometimes at night"),
        ("Tobacco / alcohol", "Former smoker, quit 1988 / none"), ("Advance directive", "POLST on file"),
    )  # fmt: skip
    for k in range(0, len(pairs), 2):
        cells = [f"{q}: {a}" for q, a in pairs[k:k + 2]]
        w.row(cells, [0, 266], size=7.6, lead=1.4)
    w.row(["Mini-Cog: 1/5 (known Alzheimer dementia, moderate)", "PHQ-2: 1",
           "BP 128/70  HR 68 irreg  Wt 154 lb  BMI 23.1"], [0, 266, 330], size=7.6,
          lead=1.4)  # fmt: skip

    head("Current Medications (reconciled with pill bottles brought by son)")
    cols = [0.0, 190.0, 452.0]
    widths = [190.0, 262.0, w.right - w.margin - 452.0]
    top = w.y
    _grid_row(w, ["Medication", "Directions", "Prescriber"], cols, fnt=w.bold, size=7.5,
              height=13)  # fmt: skip
    for m, who in zip(doc.meds, x["prescriber"].split("|"), strict=True):
        cells = list(zip(cols, widths, (m.name_text, m.sig_text, who), strict=True))
        _fact_med(w, m, _ruled_row(w, cells, fnt=w.font, size=7.5))
    _verticals(w, cols, top)

    head("Allergies")
    parts = [f"{a.name_text}: {a.reaction_text}" for a in doc.allergies]
    w.line("   ".join(parts), lead=1.35)
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)

    head("Immunizations (PA-SIIS query and pharmacy records)")
    cols = [0.0, 170.0, 320.0]
    top = w.y
    _grid_row(w, ["Vaccine", "Date(s) given", "Status"], cols, fnt=w.bold, size=7.5, height=13)
    status = ("Up to date, 2026-27 season", "Up to date, 2026-27 season", "Complete (age 65+)",
              "Next Td/Tdap due 07/2028")  # fmt: skip
    for v, s in zip(doc.vaccines[:4], status, strict=True):
        line = _grid_row(w, [v.name_text, pdate(v.date, "us"), s], cols, fnt=w.font, size=7.5,
                         height=13)  # fmt: skip
        _fact_vaccine(w, v, line)
    dates = ", ".join(pdate(v.date, "us") for v in doc.vaccines[4:6])
    line = _grid_row(w, [doc.vaccines[4].name_text, dates, "Series complete (2 of 2)"], cols,
                     fnt=w.font, size=7.5, height=13)  # fmt: skip
    for n, v in enumerate(doc.vaccines[4:6], start=1):
        _fact_vaccine(w, v, line, dose_number=str(n))
    _grid_row(w, ["RSV (age 75+)", "not received", "Recommended - son will decide"], cols,
              fnt=w.font, size=7.5, height=13)  # fmt: skip
    _verticals(w, cols, top)

    head("Personalized Prevention Plan")
    for k, item in enumerate((
        "Cognition: Alzheimer dementia, moderate, progressing; neurology (Dr. Mehta) manages "
        "donepezil and memantine. Son arranging move to Laurel Glen Memory Care in November.",
        "Falls: PT referral for balance and gait; remove throw rugs; night lights. Warfarin "
        "continues (CHA2DS2-VASc 4); fall risk discussed with son.",
        "CKD stage 3b (eGFR 38 on 09/30/2026): renal follow-up as scheduled; avoid NSAIDs.",
        "Colorectal and prostate cancer screening: no longer recommended at his age and health.",
        "Cataract, left eye: surgery planned at Ridgeview Eye Surgery Center this month.",
        "Return in 12 months for the next wellness visit, 3 months for a chronic care visit.",
    ), start=1):  # fmt: skip
        w.paragraph(f"{k}. {item}", x=6, size=7.6, after=0.5)
    w.space(3)
    w.line(f"Electronically signed: {x['doctor']}, {pdate(doc.document_date, 'us')} 4:12 PM",
           font=ital, size=7, lead=1.3)  # fmt: skip
    _at_bottom(w, f"{doc.name_text} | MRN {doc.mrn_text} | Page 1 of 1", y=20, fnt=ital,
               size=6.8)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)


# -- ambulatory surgery center pre-operative telephone interview, faxed ---------------------------


def asc_preop_phone_interview(doc: Document, w: PageWriter) -> None:
    """Eye surgery center nurse's pre-admission telephone interview before cataract surgery,
    faxed to the anticoagulation clinic: history checklist, home medicines with the last dose and
    morning-of-surgery instruction, allergies and the arrival instructions."""
    w.margin = 40.0
    use_faces(w, "URWBookman-Light", "URWBookman-DemiItalic", 7.8)
    demi = face("URWBookman-Demi")
    x = doc.extra
    called = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)
    surgery = pdate(x["surgery"], doc.date_style)

    w.y = w.height - 22
    w.line(x["fax"], font=resolve_font("Courier"), size=7.5, lead=2.0)
    w.line(doc.title, font=demi, size=12, lead=1.25)
    w.line("  ·  ".join(doc.address), size=7.2, lead=1.6)
    _band(w, "PRE-ADMISSION TELEPHONE INTERVIEW - NURSING", fnt=demi, size=9.4, grey=0.82,
          height=14)  # fmt: skip
    w.space(4)
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob}", f"Pt ID: {doc.mrn_text}"],
          [0, 220, 360])  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Interview date: {called}"
    w.row([text, f"Surgery date: {surgery}", "Arrive: 6:30 AM"], [0, 220, 360])
    _fact_doc_date(w, doc, text)
    w.row(["Procedure: Phaco / IOL, LEFT eye", "Surgeon: Anjali Raman, MD",
           "Anesthesia: MAC + topical"], [0, 220, 360])  # fmt: skip
    w.line("Information from: son Michael (POA) by phone - pt has dementia; son will sign "
           "consent and stay with pt.", lead=1.6)  # fmt: skip

    w.line("Health history (checked = yes)", font=w.bold, size=8.6, lead=1.4)
    items = (
        ("Atrial fibrillation", True), ("Hypertension", True), ("CHF", False),
        ("Pacemaker / AICD", False), ("Diabetes", False), ("Sleep apnea / CPAP", False),
        ("Kidney disease (CKD 3b)", True), ("Dementia / confusion", True), ("COPD / asthma", False),
        ("Glaucoma", True), ("Can lie flat 30 min", True), ("Hearing aids", True),
    )  # fmt: skip
    for k in range(0, len(items), 4):
        base = w.y - 8
        cells = []
        for j, (label, checked) in enumerate(items[k:k + 4]):
            bx = w.margin + 132 * j
            _box(w, bx, base - 1, checked, side=7)
            cells.append(label)
        for j, label in enumerate(cells):
            w.canvas.setFont(w.font, w.size)
            w.canvas.drawString(w.margin + 132 * j + 11, base, label)
        w.pages[-1].append(clean_line(" ".join(cells)))
        w.y -= 12
    w.space(4)

    w.line("Home medications (son reading from the bottles)", font=w.bold, size=8.6, lead=1.3)
    cols = [0.0, 100.0, 236.0, 296.0, 360.0]
    top = w.y
    _grid_row(w, ["Medication", "Dose", "How often", "Last dose", "Take morning of surgery?"],
              cols, fnt=demi, size=7.4, height=12)  # fmt: skip
    for m, last, morning in zip(doc.meds, x["last"].split("|"), x["morning"].split("|"),
                                strict=True):  # fmt: skip
        line = _grid_row(w, [m.name_text, m.strength_text, m.sig_text, last, morning], cols,
                         fnt=w.font, size=7.4, height=12.5)  # fmt: skip
        _fact_med(w, m, line)
    _verticals(w, cols, top)
    w.space(4)
    base = w.y - 8
    _box(w, w.margin + 292, base - 1, False, side=7)
    _box(w, w.margin + 330, base - 1, True, side=7)
    w.canvas.setFont(w.font, w.size)
    question = "Alpha-blocker ever (Flomax, Uroxatral, Rapaflo) - IFIS risk:"
    w.canvas.drawString(w.margin, base, question)
    w.canvas.drawString(w.margin + 302, base, "Yes")
    w.canvas.drawString(w.margin + 340, base, "No")
    w.pages[-1].append(f"{question} Yes No")
    w.y -= 13
    w.line("Herbals / OTC: none per son.   Anticoagulant: warfarin - DO NOT STOP for cataract "
           "surgery; INR 10/23 at Three Rivers, goal < 3.0 (fax result).", lead=1.6)  # fmt: skip

    parts = [f"{a.name_text} - {a.reaction_text}" for a in doc.allergies]
    w.line(f"ALLERGIES: {';  '.join(parts)}     Latex: No     Tape: paper tape only",
           font=demi, size=8, lead=1.7)  # fmt: skip
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)

    w.line("Instructions given to son", font=w.bold, size=8.6, lead=1.35)
    for item in (
        "Nothing to eat after midnight; clear liquids until 4:30 AM 10/27.",
        "Take morning medicines marked YES with a sip of water. Bring all eye drops.",
        "Wear a button-front shirt; no jewelry. Responsible adult must drive and stay.",
        "Post-op drops will be prescribed on the day of surgery and started the next morning.",
    ):  # fmt: skip
        w.line(f"-  {item}", x=w.margin + 6, lead=1.3)
    w.space(6)
    w.line(f"Interviewed by: {x['nurse']}   {called} 2:48 PM   Faxed to anticoagulation clinic "
           "for INR", size=7.4, lead=1.3)  # fmt: skip
    _at_bottom(w, "RESC-N-014 rev 02/2026 · Confidential health information", y=22, fnt=w.font,
               size=6.8)  # fmt: skip


# -- pharmacist-run anticoagulation clinic flowsheet ------------------------------------------------


def anticoag_flowsheet(doc: Document, w: PageWriter) -> None:
    """Warfarin management flowsheet: indication and goal, the weekly dosing grid and the
    regimen in words, INR history, the interaction review of other medicines, and notes."""
    w.margin = 38.0
    w.y = w.height - 34
    use_faces(w, "NimbusSansNarrow-Regular", "NimbusSansNarrow-BoldOblique", 8.6)
    bold = face("NimbusSansNarrow-Bold")
    x = doc.extra
    printed = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, "yy")

    w.line(doc.title.upper(), font=bold, size=14, lead=1.2)
    w.line(doc.address[0], size=7.8, lead=1.6)
    text = f"Printed: {printed} 09:41"
    w.row(["WARFARIN MANAGEMENT FLOWSHEET", text], [0, 400], font=bold, size=10.5, lead=1.6)
    _fact_doc_date(w, doc, f"Printed: {printed}")
    w.hrule(width=1.0)
    w.space(3)
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob} (81 y)", f"Clinic ID: {doc.mrn_text}"],
          [0, 200, 330])  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    w.row(["Indication: atrial fibrillation (CHA2DS2-VASc 4, HAS-BLED 2)", "INR goal: 2.0 - 3.0",
           "On warfarin since: 06/2019"], [0, 250, 370])  # fmt: skip
    w.row(["Referring: Renata Szabo, DO (North Hills FP)", "Tablet strength: 5 mg",
           "Who gives doses: son (pillbox)"], [0, 250, 370], lead=1.8)  # fmt: skip

    w.line("CURRENT WEEKLY SCHEDULE", font=w.bold, size=9.2, lead=1.4)
    days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Total/week"]
    mg = ["2.5 mg", "5 mg", "2.5 mg", "5 mg", "2.5 mg", "5 mg", "2.5 mg", "25 mg"]
    tabs = ["1/2 tab", "1 tab", "1/2 tab", "1 tab", "1/2 tab", "1 tab", "1/2 tab", ""]
    cols = [0.0, 58.0, 116.0, 174.0, 232.0, 290.0, 348.0, 406.0]
    top = w.y
    for cells, fnt in ((days, bold), (mg, w.font), (tabs, w.font)):
        _grid_row(w, cells, cols, fnt=fnt, size=8.4, height=13)
    _verticals(w, cols, top)
    w.space(4)
    reg = doc.meds[0]
    body = f"Regimen: {reg.item_text}"
    for ln in w.wrap(body, w.right - w.margin, w.font, w.size):
        w.line(ln, lead=1.3)
    _fact_med(w, reg, reg.item_text)
    w.space(5)

    w.line("INR HISTORY", font=w.bold, size=9.2, lead=1.4)
    cols = [0.0, 52.0, 86.0, 140.0, 268.0, 370.0, 418.0, 478.0]
    top = w.y
    _grid_row(w, ["Date", "INR", "Wk dose", "Dose change", "Bleeding / bruising", "Missed",
                  "Next INR", "By"], cols, fnt=bold, size=8, height=12.5)  # fmt: skip
    for row in (
        ["08/18/26", "2.4", "25 mg", "none", "none", "0", "09/15/26", "JM"],
        ["09/15/26", "3.4", "25 mg", "hold x1, then same", "bruise L forearm", "0", "09/29/26",
         "RK"],
        ["09/29/26", "2.6", "25 mg", "none", "none", "0", "10/23/26", "JM"],
        ["10/23/26", "2.2", "25 mg", "none - OK for cataract surg", "none", "0", "11/03/26",
         "RK"],
        ["11/03/26", "2.8", "25 mg", "none", "none", "0", "12/01/26", "JM"],
    ):  # fmt: skip
        _grid_row(w, row, cols, fnt=w.font, size=8, height=12.5)
    _verticals(w, cols, top)
    w.space(6)

    w.line("CONCURRENT MEDICATIONS - INTERACTION REVIEW (11/03/26)", font=w.bold, size=9.2,
           lead=1.4)  # fmt: skip
    for m in doc.meds[1:]:
        w.line(f"-  {m.item_text}", x=w.margin + 8, lead=1.3)
        _fact_med(w, m, m.item_text)
    w.space(2)
    w.line("No antibiotics, antifungals, amiodarone or NSAIDs. Diet: vitamin K steady (salad "
           "3x/week).", lead=1.6)  # fmt: skip
    parts = [f"{a.name_text} ({a.reaction_text})" for a in doc.allergies]
    w.line(f"ALLERGIES: {', '.join(parts)}", font=bold, lead=1.7)
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)

    w.line("NOTES", font=w.bold, size=9.2, lead=1.4)
    for item in (
        "11/03/26: INR in range. Son reports pt moving to Laurel Glen Memory Care on 11/16; "
        "facility nurse will give warfarin and draw INR by fingerstick on site. Flowsheet and "
        "weekly schedule faxed to the facility; next INR 12/01/26 through the facility.",
        "10/23/26: pre-op INR for L cataract surgery 10/27 at Ridgeview ESC - 2.2, no "
        "interruption needed per surgeon.",
        "09/15/26: INR 3.4 after 3 days of poor intake (cold); one dose held, no change.",
    ):  # fmt: skip
        w.paragraph(item, x=8, after=1.5)
    w.space(4)
    w.line(f"Anticoagulation pharmacist: {x['pharmacist']}    Collaborating physician: Renata "
           "Szabo, DO", size=8, lead=1.3)  # fmt: skip
    _at_bottom(w, f"{doc.name_text}  |  Clinic ID {doc.mrn_text}  |  Page 1 of 1", y=22,
               fnt=w.font, size=7)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)


# -- memory-care residence admission medication orders -----------------------------------------


def memory_care_admission_orders(doc: Document, w: PageWriter) -> None:
    """Memory-care (personal care home) admission packet: resident face sheet with allergies and
    immunization history, then the physician's admission medication orders set up for the MAR."""
    w.margin = 44.0
    w.y = w.height - 38
    use_faces(w, "NimbusRoman-Regular", "NimbusRoman-BoldItalic", 9.4)
    bold = face("NimbusRoman-Bold")
    ital = face("NimbusRoman-Italic")
    band = face("URWGothic-DemiOblique")
    x = doc.extra
    admitted = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, "us")

    def header(title: str) -> None:
        w.line(doc.title, font=bold, size=14, center=True, lead=1.2)
        for ln in doc.address:
            w.line(ln, font=ital, size=8.2, center=True, lead=1.25)
        w.space(4)
        _band(w, title, fnt=band, size=10, grey=0.85, height=15)
        w.space(3)

    header("RESIDENT ADMISSION RECORD")
    xs = [0, 270]
    w.row([f"Resident: {doc.name_text}", "Preferred name: Hal"], xs)
    _fact_name(w, doc)
    w.row([f"Date of birth: {dob}", f"Resident #: {doc.mrn_text}"], xs)
    _fact_dob(w, doc, f"Date of birth: {dob}")
    _fact_mrn(w, doc)
    text = f"Admission date: {admitted}"
    w.row([text, "Room: 14B (Willow neighborhood)"], xs)
    _fact_doc_date(w, doc, text)
    w.row(["Responsible party: Michael Brzezinski (son), POA", "Phone: 412-555-0189"], xs)
    w.row(["Attending physician: " + x["physician"], "Code status: DNR (POLST signed 2025)"], xs,
          lead=1.8)  # fmt: skip

    def section(text: str) -> None:
        w.line(text, font=bold, size=10, lead=1.45)

    section("Diagnoses")
    w.paragraph("Alzheimer's disease, moderate, with wandering risk (G30.1, F02.B0); persistent "
                "atrial fibrillation on warfarin; hypertension; chronic kidney disease stage 3b; "
                "benign prostatic hyperplasia; open-angle glaucoma; depression; s/p left cataract "
                "extraction with IOL 10/27/2026; hearing loss (aids both ears).", x=8, after=5)
    section("Allergies / adverse reactions")
    top = w.y + 1
    w.space(4)
    parts = [f"{a.name_text} - {a.reaction_text}" for a in doc.allergies]
    w.line("ALLERGIES:  " + "      ".join(parts), font=bold, size=10, x=w.margin + 8, lead=1.5)
    for a, t in zip(doc.allergies, parts, strict=True):
        _fact_allergy(w, a, t)
    w.canvas.setLineWidth(1.1)
    w.canvas.rect(w.margin + 2, w.y, w.right - w.margin - 4, top - w.y, stroke=1, fill=0)
    w.space(10)
    section("Diet / function")
    w.paragraph("Regular diet, thin liquids; cut meat. Needs cueing and set-up for meals. "
                "Ambulates with cane, stand-by assist; high fall risk. Continent with reminders, "
                "brief at night. Hearing aids in daytime; glasses for reading.", x=8, after=5)

    section("Immunization history (from son and PA-SIIS printout)")
    cols = [0.0, 170.0, 260.0]
    top = w.y
    _grid_row(w, ["Vaccine", "Date", "Source"], cols, fnt=bold, size=9, height=14)
    sources = ("Mon Valley Pharmacy", "Mon Valley Pharmacy", "Mon Valley Pharmacy", "PA-SIIS")
    for v, src in zip(doc.vaccines, sources, strict=True):
        line = _grid_row(w, [v.name_text, pdate(v.date, "m_d_y"), src], cols, fnt=w.font,
                         size=9, height=14)  # fmt: skip
        _fact_vaccine(w, v, line)
    _grid_row(w, ["Shingles (zoster)", "unknown", "son unsure - will check"], cols, fnt=w.font,
              size=9, height=14)  # fmt: skip
    _verticals(w, cols, top)
    w.space(5)
    w.line("TB screening: QuantiFERON-TB Gold negative, drawn 11/05/2026.", x=w.margin + 8,
           lead=1.8)  # fmt: skip
    w.line(f"Admission nurse: Dana Roth, LPN   {admitted}", font=ital, size=8.6, lead=1.3)
    _at_bottom(w, f"{doc.name_text} · Resident # {doc.mrn_text} · Page 1 of 2", y=24, fnt=ital,
               size=7.5)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)

    w.new_page()
    w.y = w.height - 38
    header("ADMISSION MEDICATION ORDERS / MAR SET-UP")
    line = f"Resident: {doc.name_text}   Resident #: {doc.mrn_text}   Admitted: {admitted}"
    w.line(line, lead=1.3)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _fact_doc_date(w, doc, f"Admitted: {admitted}")
    w.line("Source: family physician's list, anticoagulation clinic flowsheet and bottles from "
           "son. Pharmacy: Allegheny LTC (blister packs).", font=ital, size=8.6,
           lead=1.6)  # fmt: skip

    cols = [0.0, 138.0, 232.0, 262.0, 318.0, 376.0, 462.0]
    widths = [b - a for a, b in zip(cols, [*cols[1:], w.right - w.margin], strict=True)]
    heads = ["Medication", "Dose", "Route", "Frequency", "Time(s)", "Indication", "Crush?"]
    routes = ["PO"] * 9 + ["OU", "PO", "PO", "PR"]
    times = x["times"].split("|")
    indication = x["indication"].split("|")
    crush = x["crush"].split("|")
    rows = list(zip(doc.meds, routes, times, indication, crush, strict=True))

    def grid(title: str, part: list[tuple[Med, str, str, str, str]]) -> None:
        section(title)
        top = w.y
        _grid_row(w, heads, cols, fnt=bold, size=8.4, height=13)
        for m, route, time, why, cr in part:
            texts = (m.name_text, m.strength_text, route, m.sig_text, time, why, cr)
            cells = list(zip(cols, widths, texts, strict=True))
            _fact_med(w, m, _ruled_row(w, cells, fnt=w.font, size=8.4))
        _verticals(w, cols, top)
        w.space(6)

    grid("Scheduled medications", rows[:10])
    grid("PRN (as needed) standing orders", rows[10:])
    w.paragraph("Warfarin: dose per Three Rivers Anticoagulation Service; INR fingerstick on site "
                "12/01/2026 and as directed; report any bleeding, black stools or falls to the "
                "nurse at once. Latanoprost: wait 5 minutes between eye drops. Hold metoprolol "
                "and call if HR < 55 or SBP < 100.", size=8.6, after=6)  # fmt: skip
    w.paragraph("I have reviewed the resident's medications and order them as written above. "
                "Generic substitution permitted.", font=ital, size=8.6, after=14)  # fmt: skip
    w.row([f"Physician: {x['physician']}", f"Date: {admitted}", "Time: 15:20"], [0, 230, 380])
    w.row(["Transcribed by: Dana Roth, LPN", "Second check: A. Mwangi, RN"], [0, 230],
          size=8.6)  # fmt: skip
    _at_bottom(w, f"{doc.name_text} · Resident # {doc.mrn_text} · Page 2 of 2", y=24, fnt=ital,
               size=7.5)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)


HOLDOUT9_LAYOUTS: dict[str, Layout] = {
    "pharmacy_vaccine_consent": pharmacy_vaccine_consent,
    "medicare_wellness_visit": medicare_wellness_visit,
    "asc_preop_phone_interview": asc_preop_phone_interview,
    "anticoag_flowsheet": anticoag_flowsheet,
    "memory_care_admission_orders": memory_care_admission_orders,
}
