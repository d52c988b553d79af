"""Page layouts of the eighth held-out set: record types and wording the other sets do not use."""

from __future__ import annotations

from reportlab.lib.pagesizes import landscape, letter

from ._layouts import Layout, _fact_allergy, _fact_dob, _fact_doc_date, _fact_mrn, _fact_name
from ._layouts_holdout2 import _at_bottom, _band, _fact_med, _fact_vaccine, _page_size
from ._layouts_holdout3 import _grid_row, _verticals
from ._model import MONTHS, Allergy, Document, format_date
from ._writer import Handwriting, PageWriter, clean_line, face, use_faces

# The physical-therapy client's ballpoint.
_INK = (0.07, 0.11, 0.48)


def pdate(iso: str, style: str) -> str:
    """Dates in these providers' styles.

    ``d_month_y`` 8 September 2025, ``dash`` 10-14-2025, ``us`` 11/20/2025, ``hand``
    Dec 3, '25, ``mdyy`` 6/14/73, ``ymd_slash`` 2026/01/09.
    """
    if style == "us":
        return format_date(iso, "us")
    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    year, month, day = (int(p) for p in iso.split("-"))
    return {
        "d_month_y": f"{day} {MONTHS[month - 1]} {year}",
        "dash": f"{month:02d}-{day:02d}-{year}",
        "hand": f"{MONTHS[month - 1][:3]} {day}, '{year % 100:02d}",
        "mdyy": f"{month}/{day}/{year % 100:02d}",
        "ymd_slash": f"{year}/{month:02d}/{day:02d}",
    }[style]


def _allergies(doc: Document) -> list[tuple[Allergy, str]]:
    """Each allergy with the words this provider prints it as (extra["allergies"])."""
    return list(zip(doc.allergies, doc.extra["allergies"].split("|"), strict=True))


def _heading(w: PageWriter, text: str, size: float = 9.2) -> None:
    w.space(3)
    w.line(text, font=w.bold, size=size, lead=1.45)


# -- neurology clinic letter to the patient ---------------------------------------------------


def neurology_patient_letter(doc: Document, w: PageWriter) -> None:
    """Headache clinic letter written to the patient after a visit: the plan in numbered steps,
    the medicines it leaves alone, and the allergies on file."""
    w.margin = 62.0
    w.y = w.height - 50
    use_faces(w, "C059-Roman", "C059-Bold", 9.6)
    ital = face("C059-Italic")
    x = doc.extra
    dated = pdate(doc.document_date, doc.date_style)

    w.line(doc.title, font=w.bold, size=15, lead=1.3)
    for ln in doc.address:
        w.line(ln, font=ital, size=8.5, lead=1.3)
    w.hrule(width=0.7)
    w.space(12)
    w.line(dated, lead=1.9)
    _fact_doc_date(w, doc, dated)
    w.line(f"Ms. {doc.name_text}", lead=1.25)
    _fact_name(w, doc)
    w.line("4617 Jay Street", lead=1.25)
    w.line("Duluth, MN 55804", lead=1.9)
    dob = pdate(doc.dob, doc.date_style)
    w.line(f"RE: your visit of {pdate(x['visit'], doc.date_style)}", font=w.bold, lead=1.3)
    w.line(f"Date of birth: {dob}   Patient #: {doc.mrn_text}", lead=1.9)
    _fact_dob(w, doc, f"Date of birth: {dob}")
    _fact_mrn(w, doc)
    surname = doc.name_text.split()[-1]
    w.line(f"Dear Ms. {surname},", lead=1.7)

    def para(text: str, after: float = 6.0) -> None:
        w.paragraph(text, after=after)

    para("Thank you for coming to the headache clinic. As promised, here is a written summary "
         "of what we talked about and the plan we agreed on, so that you have it at home and "
         "can show it to your other doctors.")  # fmt: skip
    para("Your migraines are much better since you started the monthly injection in the "
         "spring: your diary shows about 4 headache days a month, down from 12. The tablet you "
         "take at night for prevention has been giving you tingling in your fingers and trouble "
         "finding words, and since the injection is working we agreed to stop that tablet. Your "
         "neurological examination was normal, and I do not think you need a scan.")  # fmt: skip
    _heading(w, "Your migraine plan", size=10.5)
    for k, m in enumerate(doc.meds[:4], start=1):
        w.paragraph(f"{k}. {m.item_text}", x=12, after=2)
        _fact_med(w, m, m.item_text)
    w.space(4)
    _heading(w, "Your other medicines (we did not change these)", size=10.5)
    for m in doc.meds[4:]:
        w.line(f"•  {m.item_text}", x=w.margin + 12, lead=1.35)
        _fact_med(w, m, m.item_text)
    w.space(6)
    pieces = [t for _, t in _allergies(doc)]
    text = (f"Allergies in our records: {pieces[0]}, {pieces[1]}; intolerance: {pieces[2]}. "
            "Please tell us if this is not right.")  # fmt: skip
    para(text)
    for a, t in _allergies(doc):
        _fact_allergy(w, a, t)
    para("Please keep your headache diary and bring it next time. Try not to take migraine "
         "tablets or any pain reliever on more than 10 days a month, because that can cause "
         "rebound headaches. If you have the worst headache of your life, weakness, or trouble "
         "speaking that does not go away, call 911.")  # fmt: skip
    para("I would like to see you again in about four months. Our scheduling office will call "
         "you to set up the appointment.", after=10)  # fmt: skip
    w.line("With best wishes,", lead=2.6)
    w.line(x["doctor"], font=w.bold, lead=1.25)
    w.line("Headache Medicine, Lakehead Neurology Associates", font=ital, lead=1.7)
    w.line("cc: Ingrid Solberg, MD (rheumatology); Petra Nystrom, MD (primary care)", size=8.5)
    _at_bottom(w, "This letter was written for you. Bring it to your visits. · Page 1 of 1",
               y=30, fnt=ital, size=7.5)  # fmt: skip


# -- rheumatology infusion center nurse visit ------------------------------------------------------


def rheum_biologic_nurse_visit(doc: Document, w: PageWriter) -> None:
    """Rheumatology infusion-center nurse visit: TB screen and labs before the biologic, a DMARD /
    biologic grid, other medicines, allergies and the immunization review."""
    w.margin = 44.0
    w.y = w.height - 40
    use_faces(w, "Vera", "VeraBd", 8.4)
    ital = face("VeraIt")
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)
    d = doc.date_style

    w.line(doc.title, font=w.bold, size=13, lead=1.3)
    w.line(doc.address[0], size=7.6, lead=1.8)
    _band(w, "BIOLOGIC / DMARD MONITORING - NURSE VISIT", fnt=w.bold, size=9.6, grey=0.84,
          height=15)  # fmt: skip
    w.space(4)
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob}", f"Med Rec #: {doc.mrn_text}"],
          [0, 180, 370])  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Visit date: {seen}"
    w.row([text, "Rheumatologist: Ingrid Solberg, MD", "Dx: M05.79 seropositive RA"],
          [0, 180, 370])  # fmt: skip
    _fact_doc_date(w, doc, text)
    w.hrule(width=0.7)
    w.space(5)
    w.paragraph("Reason for visit: TB screening result and monitoring labs before the next pen; "
                "immunization review. Pt reports morning stiffness about 30 min, R wrist and "
                "MCPs sore for 3 weeks, no fevers, no infections or antibiotics since last visit, "
                "no missed weekly doses. Next pen due 10-17-2025.", after=3)  # fmt: skip
    w.paragraph("Labs 10-07-2025: WBC 6.2, Hgb 12.9, Plt 268, ALT 24, AST 21, Cr 0.78, ESR 14, "
                "CRP 3.1 mg/L. QuantiFERON-TB Gold Plus negative (07-22-2025). Vitals: BP "
                "118/74, HR 70, T 97.9 F, Wt 84.0 kg.", after=3)  # fmt: skip

    _heading(w, "DMARD / BIOLOGIC THERAPY")
    cols = [0.0, 140.0, 214.0, 250.0, 356.0, 430.0]
    top = w.y
    _grid_row(w, ["Drug", "Dose", "Route", "Frequency", "Start", "Last dose"], cols,
              fnt=w.bold, size=8.2, height=13)  # fmt: skip
    routes = ["PO", "PO", "SC", "PO"]
    starts, lasts = x["start"].split("|"), x["last"].split("|")
    for m, route, start, last in zip(doc.meds[:4], routes, starts, lasts, strict=True):
        line = _grid_row(w, [m.name_text, m.strength_text, route, m.sig_text, pdate(start, d),
                             pdate(last, d)], cols, fnt=w.font, size=8.2, height=13)  # fmt: skip
        _fact_med(w, m, line)
    _verticals(w, cols, top)

    _heading(w, "OTHER MEDICATIONS")
    cols = [0.0, 150.0, 232.0]
    top = w.y
    _grid_row(w, ["Medication", "Dose", "Directions"], cols, fnt=w.bold, size=8.2, height=13)
    for m in doc.meds[4:]:
        line = _grid_row(w, [m.name_text, m.strength_text, m.sig_text], cols, fnt=w.font,
                         size=8.2, height=13)  # fmt: skip
        _fact_med(w, m, line)
    _verticals(w, cols, top)

    _heading(w, "ALLERGIES / ADRs")
    texts = [t for _, t in _allergies(doc)]
    w.line("     ".join(texts), lead=1.4)
    for a, t in _allergies(doc):
        _fact_allergy(w, a, t)

    _heading(w, "IMMUNIZATION REVIEW (all sources, before immunosuppressive therapy)")
    cols = [0.0, 150.0, 232.0, 300.0]
    top = w.y
    _grid_row(w, ["Vaccine", "Date", "Dose #", "Given at"], cols, fnt=w.bold, size=8.2,
              height=13)  # fmt: skip
    hepb = 0
    for v, where in zip(doc.vaccines, x["given"].split("|"), strict=True):
        number = ""
        if v.name == "hepatitis b":
            hepb += 1
            number = f"{hepb} of 2"
        line = _grid_row(w, [v.name_text, pdate(v.date, d), number, where], cols, fnt=w.font,
                         size=8.2, height=13)  # fmt: skip
        _fact_vaccine(w, v, line, dose_number=str(hepb) if number else "")
    _verticals(w, cols, top)
    w.space(4)
    w.line("Live vaccines (MMR, varicella, yellow fever, nasal flu vaccine) are not to be given "
           "during biologic therapy.", font=ital, size=7.8, lead=1.5)  # fmt: skip

    _heading(w, "PLAN")
    for k, item in enumerate((
        "TB screen negative and labs stable: OK to continue current therapy per Dr. Solberg.",
        "Repeat CBC with diff and CMP every 3 months (next due 01-2026).",
        "Hepatitis B vaccine series complete (2 doses) - anti-HBs in 1-2 months.",
        "Recommend recombinant zoster vaccine (Shingrix) if not already received; pt unsure, "
        "will check with her pharmacy.",
        "R wrist synovitis: referred to hand therapy for splint and joint protection.",
    ), start=1):  # fmt: skip
        w.paragraph(f"{k}. {item}", x=8, after=1)
    w.space(5)
    w.line(f"{x['nurse']} · {seen} 11:05 · reviewed with Ingrid Solberg, MD", size=8, lead=1.3)
    _at_bottom(w, f"{doc.title} · {doc.name_text} · Med Rec # {doc.mrn_text} · Page 1 of 1",
               y=26, fnt=ital, size=7)  # fmt: skip
    # the footer repeats name and record number
    _fact_name(w, doc)
    _fact_mrn(w, doc)


# -- ophthalmology hydroxychloroquine screening -------------------------------------------------------


def ophthalmology_hcq_screening(doc: Document, w: PageWriter) -> None:
    """Eye clinic visit for hydroxychloroquine retinal screening: the systemic medication list the
    technician keyed, ocular medicines, an OD/OS exam grid, imaging and the plan."""
    w.margin = 48.0
    w.y = w.height - 42
    use_faces(w, "URWGothic-Book", "URWGothic-Demi", 8.6)
    obl = face("URWGothic-BookOblique")
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title.upper(), font=w.bold, size=14, lead=1.25)
    for ln in doc.address:
        w.line(ln, size=8, lead=1.25)
    w.space(4)
    _band(w, "OFFICE VISIT - HIGH-RISK MEDICATION RETINAL SCREENING", fnt=w.bold, size=9.6,
          grey=0.86, height=15)  # fmt: skip
    w.space(4)
    text = f"Name of patient: {doc.name_text}"
    w.row([text, f"DOB: {dob}", f"Chart #: {doc.mrn_text}"], [0, 210, 400])
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Exam date: {seen}"
    w.row([text, f"Provider: {x['doctor']}", f"Tech: {x['tech']}"], [0, 210, 400])
    _fact_doc_date(w, doc, text)
    w.hrule(width=0.7)
    w.space(5)
    w.paragraph("CC: Annual retinal toxicity screening. Eyes dry and gritty by late afternoon, "
                "worse with screen work; no flashes, floaters or vision loss.", after=2)  # fmt: skip
    w.paragraph("History: RA on hydroxychloroquine since Fall 2019 (about 6 years). Hypothyroid. "
                "Migraine. No diabetes, no kidney disease, no tamoxifen. Last eye exam 11/2024, "
                "normal.", after=2)  # fmt: skip
    w.paragraph("Dosing check: 400 mg/day, real body weight 84 kg = 4.8 mg/kg/day (AAO "
                "recommendation 5.0 mg/kg/day or less).", after=2)  # fmt: skip

    _heading(w, "Systemic medications (reviewed with patient)")
    for m in doc.meds[:8]:
        body = m.item_text
        w.line(body, x=w.margin + 10, lead=1.32)
        _fact_med(w, m, body)
    _heading(w, "Ocular medications")
    body = doc.meds[8].item_text
    w.line(body, x=w.margin + 10, lead=1.32)
    _fact_med(w, doc.meds[8], body)
    _heading(w, "Allergies")
    texts = [t for _, t in _allergies(doc)]
    w.line("; ".join(texts), x=w.margin + 10, lead=1.4)
    for a, t in _allergies(doc):
        _fact_allergy(w, a, t)

    _heading(w, "Examination")
    cols = [0.0, 150.0, 300.0]
    top = w.y
    _grid_row(w, ["", "OD", "OS"], cols, fnt=w.bold, size=8.4, height=13)
    for cells in (
        ["VA cc (distance)", "20/20", "20/25"],
        ["IOP (Goldmann)", "15 mmHg", "16 mmHg"],
        ["Lids / lashes", "mild MGD", "mild MGD"],
        ["Conjunctiva", "white and quiet", "white and quiet"],
        ["Cornea", "1+ inferior SPK, TBUT 6 s", "1+ inferior SPK, TBUT 5 s"],
        ["Lens", "clear", "clear"],
        ["Macula (dilated)", "flat, normal foveal reflex", "flat, normal foveal reflex"],
        ["Periphery", "flat, no holes or tears", "flat, no holes or tears"],
    ):
        _grid_row(w, cells, cols, fnt=w.font, size=8.4, height=12.5)
    _verticals(w, cols, top)
    w.space(3)
    w.paragraph("SD-OCT macula: intact ellipsoid zone OU, no parafoveal thinning; central "
                "subfield 268 um OD, 271 um OS. HVF 10-2 SITA-Fast: reliable, no paracentral "
                "defects OU. Fundus autofluorescence: normal OU.", after=2)  # fmt: skip

    _heading(w, "Assessment and plan")
    for k, item in enumerate((
        "Long-term use of high-risk medication (Z79.899): no sign of retinal toxicity on OCT, "
        "10-2 field or FAF. Continue yearly screening.",
        "Dry eye, both eyes, with meibomian gland dysfunction: continue current drops; warm "
        "compresses twice a day; take screen breaks.",
        "Return in 1 year (11/2026) with OCT and 10-2 visual field; sooner if vision changes.",
    ), start=1):  # fmt: skip
        w.paragraph(f"{k}. {item}", x=8, after=1)
    w.space(4)
    w.line(f"Electronically signed: {x['doctor']} {seen}", size=8, lead=1.3)
    _at_bottom(w, f"{doc.title} · Copy to Ingrid Solberg, MD (rheumatology) · Page 1 of 1",
               y=28, fnt=obl, size=7)  # fmt: skip


# -- physical therapy intake questionnaire filled in by hand ----------------------------------------


def pt_intake_handwritten(doc: Document, w: PageWriter) -> None:
    """Outpatient hand-therapy new-client questionnaire, answered in the client's own hand."""
    w.margin = 50.0
    w.y = w.height - 44
    use_faces(w, "Helvetica", "Helvetica-Bold", 8.6)
    # The client's handwriting: a condensed serif italic in blue that wanders a little.
    pen = Handwriting(w, 20251203, face("DejaVuSerifCondensed-Italic"), _INK,
                      jitter=(-0.9, 0.9), tilt=(-0.8, 1.0), size=10.5, height=18.0)  # fmt: skip
    x = doc.extra
    today = pdate(doc.document_date, "hand")
    dob = pdate(doc.dob, "mdyy")

    w.line(doc.title.upper(), font=w.bold, size=13, lead=1.25)
    w.line("  ·  ".join(doc.address), size=7.8, lead=1.7)
    w.line("NEW CLIENT INTAKE QUESTIONNAIRE", font=w.bold, size=11, center=True, lead=1.3)
    w.line("Please print clearly. Your therapist will review this with you.", size=8,
           center=True, lead=1.9)  # fmt: skip
    line = f"Client ID: {doc.mrn_text}     (office use)"
    w.line(line, font=w.bold, size=8.6, x=w.right - 150, lead=1.6)
    _fact_mrn(w, doc)
    pen.line([(0, "p", "Client:"), (34, "h", doc.name_text), (300, "p", "Today's date:"),
              (360, "h", today)])  # fmt: skip
    _fact_name(w, doc)
    _fact_doc_date(w, doc, f"Today's date: {today}")
    pen.line([(0, "p", "Date of birth:"), (62, "h", dob), (300, "p", "Phone:"),
              (330, "h", "218-555-0107")])  # fmt: skip
    _fact_dob(w, doc, f"Date of birth: {dob}")
    pen.line([(0, "p", "Referring physician:"), (92, "h", x["referrer"])])
    pen.line([(0, "p", "What brings you in today?"), (118, "h", "RA flare both hands, R wrist "
              "worst. Can't open jars, typing hurts")])  # fmt: skip
    pen.line([(0, "p", "When did this start?"), (96, "h", "early Nov. (RA since Fall 2019)")])
    pen.line([(0, "p", "Pain right now (0-10):"), (104, "h", "5"), (150, "p", "At worst:"),
              (192, "h", "8"), (240, "p", "At best:"), (280, "h", "2")], height=24)  # fmt: skip

    w.line("Do you have any of the following? (write Yes or No)", font=w.bold, lead=1.7)
    for question, answer in (
        ("Pacemaker or other implanted device", "No"),
        ("Diabetes", "No"),
        ("Thyroid problems", "Yes - low thyroid"),
        ("Osteoporosis / history of fractures", "No"),
        ("Numbness or tingling in the hands", "Yes - R hand at night"),
        ("Are you pregnant or could you be?", "No"),
        ("Do you bruise or get infections easily?", "Yes - on immune meds"),
    ):
        pen.line([(10, "p", question), (250, "h", answer)], height=16)
    w.space(6)
    w.line("Medications - list ALL (name, dose, how often):", font=w.bold, lead=1.7)
    for m in doc.meds:
        line = pen.line([(10, "h", m.item_text)], height=18, rule=10)
        _fact_med(w, m, line)
    w.space(6)
    w.line("Allergies (medicines, latex, tape, food):", font=w.bold, lead=1.6)
    texts = [t for _, t in _allergies(doc)]
    pen.line([(10, "h", ", ".join(texts))], height=18, rule=10)
    for a, t in _allergies(doc):
        _fact_allergy(w, a, t)
    pen.line([(10, "p", "Latex allergy?"), (80, "h", "No"), (200, "p", "Tape / adhesive?"),
              (280, "h", "No")], height=26)  # fmt: skip
    w.paragraph("I give permission for evaluation and treatment and understand that therapy "
                "may cause temporary soreness. I have received the privacy notice.", size=7.8,
                after=10)  # fmt: skip
    w.line("Signature:", lead=1.4)
    pen.scribble(w.margin + 52, w.y + 12, loops=9, pitch=14, height=11)
    _at_bottom(w, "BHPT form 104 (rev. 3/2024) · Page 1 of 1", y=28, fnt=w.font, size=7)


# -- retail pharmacy patient profile, landscape --------------------------------------------------------


def pharmacy_profile_landscape(doc: Document, w: PageWriter) -> None:
    """Chain pharmacy patient profile printed in landscape: fixed columns of active prescriptions
    and the immunizations the pharmacy gave."""
    _page_size(w, landscape(letter), 30.0)
    use_faces(w, "DejaVuSansMono", "DejaVuSansMono-Bold", 7.3)
    x = doc.extra
    d = doc.date_style
    printed = pdate(doc.document_date, d)
    dob = pdate(doc.dob, d)
    lead = 1.42

    def ln(text: str, bold: bool = False, after: float = 0.0) -> None:
        w.line(text, font=w.bold if bold else w.font, lead=lead)
        w.space(after)

    ln(f"{doc.title.upper()}   {doc.address[0].upper()}   {doc.address[1]}", bold=True)
    text = f"PRINTED {printed}"
    ln(f"{'PATIENT PROFILE':<100}{text} 10:47  USER RPH14", after=3)
    _fact_doc_date(w, doc, text)
    ln("=" * 158)
    ln(f"PATIENT: {doc.name_text:<30}DOB: {dob:<14}SEX: F   PT #: {doc.mrn_text:<12}"
       "PHONE: 218-555-0107")  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    ln("ADDRESS: 4617 JAY ST, DULUTH MN 55804        PRIMARY INS: MEDICA CHOICE  BIN 610014  "
       "GRP MNC44")  # fmt: skip
    texts = [t for _, t in _allergies(doc)]
    ln(f"ALLERGIES: {'; '.join(texts)}")
    for a, t in _allergies(doc):
        _fact_allergy(w, a, t)
    ln("CONDITIONS: RHEUMATOID ARTHRITIS; HYPOTHYROIDISM; MIGRAINE       LANGUAGE: ENGLISH   "
       "EASY-OPEN CAPS: NO", after=2)  # fmt: skip
    ln("-" * 158)
    ln("ACTIVE PRESCRIPTIONS", bold=True, after=1)
    ln(f"{'RX#':<9}{'DRUG':<31}{'SIG':<69}{'QTY':>4}{'DAYS':>6}  {'LAST FILL':<12}{'RF':>3}  "
       "PRESCRIBER", bold=True)  # fmt: skip
    fields = zip(doc.meds, *(x[k].split("|") for k in
                             ("rx", "qty", "days", "fill", "refills", "prescriber")),
                 strict=True)  # fmt: skip
    for m, rx, qty, days, fill, refills, who in fields:
        row = (f"{rx:<9}{m.name_text:<31}{m.sig_text:<69}{qty:>4}{days:>6}  "
               f"{pdate(fill, d):<12}{refills:>3}  {who}")  # fmt: skip
        ln(row, after=1.5)
        _fact_med(w, m, clean_line(row))
    ln(f"{len(doc.meds)} ACTIVE   0 ON HOLD   AUTO-REFILL: ON", after=2)
    ln("-" * 158)
    ln("IMMUNIZATIONS ADMINISTERED AT THIS PHARMACY (MOST RECENT FIRST)", bold=True, after=1)
    ln(f"{'VACCINE':<40}{'DATE GIVEN':<13}{'DOSE':<10}{'LOT':<12}{'SITE':<10}{'CVX':<6}"
       "ADMINISTERED BY", bold=True)  # fmt: skip
    lots = ("UT8421BA", "LP3390", "9K7T2", "9F4C8", "LL0917", "AC52B417AA")
    numbers = x["dose_no"].split("|")
    for v, number, lot in zip(doc.vaccines, numbers, lots, strict=True):
        row = (f"{v.name_text:<40}{pdate(v.date, d):<13}{number:<10}{lot:<12}{'L DELT':<10}"
               f"{v.code:<6}HALVORSEN, T RPH")  # fmt: skip
        ln(row)
        _fact_vaccine(w, v, clean_line(row), dose_number=number.split()[0] if number else "")
    w.space(4)
    ln("STATE IIS: REPORTED (MIIC)   NEXT DUE PER CDC: INFLUENZA 2026-27 SEASON")
    _at_bottom(w, "CONFIDENTIAL PATIENT INFORMATION - HARBORSIDE DRUG #118 - PAGE 1 OF 1", y=22,
               fnt=w.font, size=7)  # fmt: skip


# -- gynecology annual visit, faxed -------------------------------------------------------------------------


def gyn_annual_exam_fax(doc: Document, w: PageWriter) -> None:
    """Women's health annual exam note from an EHR, faxed: the medication list as name and sig
    lines, an allergy table, health maintenance with immunizations, and a UTI treated in the
    plan."""
    w.margin = 52.0
    use_faces(w, "Times-Roman", "Times-Bold", 9.4)
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    def fax_header(page: int) -> None:
        w.y = w.height - 24
        w.line(f"{x['fax']}  P. {page}/2", size=8, lead=2.2)

    fax_header(1)
    w.line(doc.title, font=w.bold, size=14, lead=1.25)
    w.line(doc.address[0], size=8.5, lead=1.7)
    w.line("ANNUAL WELL-WOMAN VISIT - PROGRESS NOTE", font=w.bold, size=11, lead=1.6)
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob} (52 y.o.)", f"MRN: {doc.mrn_text}"],
          [0, 210, 360])  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Date of service: {seen}"
    w.row([text, f"Provider: {x['doctor']}", "Visit type: preventive + problem"], [0, 210, 360])
    _fact_doc_date(w, doc, text)
    w.hrule(width=0.7)
    w.space(6)

    def para(label: str, body: str) -> None:
        w.paragraph(f"{label} {body}", after=3)

    para("Chief complaint:", "Annual exam. Also 2 days of burning with urination and "
         "urgency.")  # fmt: skip
    para("HPI:", "52 y.o. G2P2 here for her annual exam. Perimenopausal, LMP 11/2025, hot flashes "
         "2-3 a week, not bothersome enough to treat. Since Sunday dysuria, frequency and "
         "urgency; no fever, flank pain, vaginal discharge or hematuria. Last UTI 2021. Takes "
         "immune-suppressing medicines for rheumatoid arthritis.")  # fmt: skip
    para("Past medical history:", "Rheumatoid arthritis (seropositive, 2019). Hypothyroidism. "
         "Migraine without aura. Dry eye.")  # fmt: skip

    w.line("Current Outpatient Medications", font=w.bold, size=10, lead=1.5)
    for m in doc.meds[:8]:
        w.line(m.name_text, font=w.bold, x=w.margin + 6, lead=1.22)
        sig = w.wrap(m.sig_text, w.right - w.margin - 20, w.font, w.size)
        for s in sig:
            w.line(s, x=w.margin + 16, lead=1.22)
        w.space(2)
        _fact_med(w, m, f"{m.name_text} {' '.join(sig)}")
    w.space(3)
    w.line("Allergies", font=w.bold, size=10, lead=1.4)
    cols = [0.0, 160.0, 280.0]
    top = w.y
    _grid_row(w, ["Allergen", "Reactions", "Type"], cols, fnt=w.bold, size=9, height=13)
    kinds = ["Allergy", "Allergy", "Intolerance"]
    for (a, t), kind in zip(_allergies(doc), kinds, strict=True):
        name, reaction = t.split(";")
        _grid_row(w, [name, reaction, kind], cols, fnt=w.font, size=9, height=13)
        _fact_allergy(w, a, f"{name} {reaction}")
    _verticals(w, cols, top)
    _at_bottom(w, f"{doc.name_text} · MRN {doc.mrn_text} · Page 1 of 2", y=26, fnt=w.font,
               size=8)  # fmt: skip
    # the EHR footer repeats name and record number on every page
    _fact_name(w, doc)
    _fact_mrn(w, doc)

    w.new_page()
    fax_header(2)
    w.line(f"{doc.name_text} · MRN {doc.mrn_text} · DOS {seen} (continued)", font=w.bold,
           lead=1.7)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _fact_doc_date(w, doc, f"DOS {seen}")
    w.line("Health Maintenance", font=w.bold, size=10, lead=1.5)
    cols = [0.0, 200.0]
    top = w.y
    _grid_row(w, ["Immunization", "Date(s) given"], cols, fnt=w.bold, size=9, height=13)
    v = doc.vaccines
    for vac in v[:4]:
        line = _grid_row(w, [vac.name_text, pdate(vac.date, doc.date_style)], cols, fnt=w.font,
                         size=9, height=13)  # fmt: skip
        _fact_vaccine(w, vac, line)
    dates = ", ".join(pdate(z.date, doc.date_style) for z in v[4:6])
    line = _grid_row(w, [v[4].name_text, dates], cols, fnt=w.font, size=9, height=13)
    for n, vac in enumerate(v[4:6], start=1):
        _fact_vaccine(w, vac, line, dose_number=str(n))
    _verticals(w, cols, top)
    w.space(4)
    for item in ("Mammogram 01/09/2026: BI-RADS 1, negative. Next due 01/2027.",
                 "Cervical screening: Pap with HPV co-test 03/2023 negative; next due 03/2028.",
                 "Colonoscopy 05/2023: 1 small tubular adenoma; repeat 2030.",
                 "DEXA: not yet due; consider at 60 or sooner given RA."):  # fmt: skip
        w.line(item, x=w.margin + 6, lead=1.35)
    w.space(4)
    para("Exam:", "BP 116/72, HR 74, T 98.0 F, Wt 84.1 kg, BMI 30.4. No CVA tenderness. Breasts "
         "without masses, skin changes or nodes. External genitalia normal; vagina and cervix "
         "normal. Uterus normal size, nontender; no adnexal masses. Hands: MCP 2-3 swelling "
         "R > L.")  # fmt: skip
    para("UA (dipstick, clean catch):", "leukocyte esterase 2+, nitrite positive, blood trace, "
         "protein negative. Culture sent.")  # fmt: skip
    w.line("Assessment / Plan", font=w.bold, size=10, lead=1.5)
    rx = doc.meds[8]
    items = [
        "Encounter for well-woman exam (Z01.419): screenings up to date as above. Discussed "
        "perimenopause; call if hot flashes interfere with sleep.",
        f"Acute cystitis (N30.00): {rx.name_text}. {rx.sig_text} Push fluids. Culture pending; "
        "will call if a change is needed. Return if fever or flank pain.",
        "Rheumatoid arthritis, hypothyroidism, migraine: followed by rheumatology, primary care "
        "and neurology; medication list reviewed and unchanged.",
        "Return in 1 year for annual exam.",
    ]
    for k, item in enumerate(items, start=1):
        w.paragraph(f"{k}. {item}", x=8, after=2)
    _fact_med(w, rx, f"{rx.name_text}. {rx.sig_text}")
    w.space(6)
    w.line(f"Electronically signed by {x['doctor']} on {seen} at 3:48 PM", size=8.6, lead=1.3)
    _at_bottom(w, f"{doc.name_text} · MRN {doc.mrn_text} · Page 2 of 2", y=26, fnt=w.font,
               size=8)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)


HOLDOUT8_LAYOUTS: dict[str, Layout] = {
    "neurology_patient_letter": neurology_patient_letter,
    "rheum_biologic_nurse_visit": rheum_biologic_nurse_visit,
    "ophthalmology_hcq_screening": ophthalmology_hcq_screening,
    "pt_intake_handwritten": pt_intake_handwritten,
    "pharmacy_profile_landscape": pharmacy_profile_landscape,
    "gyn_annual_exam_fax": gyn_annual_exam_fax,
}
