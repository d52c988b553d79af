"""Page layouts of the seventh held-out set: record types and wording the other sets do not use."""

from __future__ import annotations

from ._layouts import Layout, _fact_allergy, _fact_dob, _fact_doc_date, _fact_mrn, _fact_name
from ._layouts_holdout2 import _at_bottom, _band, _fact_med, _fact_vaccine, _wrapped_row
from ._layouts_holdout3 import _grid_row, _verticals
from ._layouts_holdout5 import _box
from ._model import MONTHS, Document, format_date
from ._writer import PageWriter, clean_line, face, use_faces


def pdate(iso: str, style: str) -> str:
    """Dates in these providers' styles.

    ``m_d_y`` 9/16/2025, ``us`` 09/03/1980, ``d_mon_y`` 22-Sep-2025, ``mon_dd_yy``
    Nov-04-25, ``vista`` SEP 3,1980, ``rx`` 03-11-25, ``mon_d_y`` Dec 8, 2025, ``dotted``
    01.20.2026; a year alone is printed as the year in every style.
    """
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if style == "us":
        return format_date(iso, "us")
    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    year, month, day = parts
    mon = MONTHS[month - 1][:3]
    return {
        "m_d_y": f"{month}/{day}/{year}",
        "d_mon_y": f"{day}-{mon}-{year}",
        "mon_dd_yy": f"{mon}-{day:02d}-{year % 100:02d}",
        "vista": f"{mon.upper()} {day},{year}",
        "rx": f"{month:02d}-{day:02d}-{year % 100:02d}",
        "mon_d_y": f"{mon} {day}, {year}",
        "dotted": f"{month:02d}.{day:02d}.{year}",
    }[style]


def _rules(w: PageWriter, top: float, xs: list[float]) -> None:
    """The ruled frame of a grid drawn from `top` down to the cursor."""
    w.canvas.setLineWidth(0.5)
    w.canvas.line(w.margin, top, w.right, top)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    for x in [*xs, w.right - w.margin]:
        w.canvas.line(w.margin + x, top, w.margin + x, w.y)


# -- infectious disease clinic note with a pill schedule ---------------------------------------


def id_clinic_pill_grid(doc: Document, w: PageWriter) -> None:
    """HIV clinic progress note: a Morning / Noon / Evening / Bedtime medication schedule,
    then allergies, two immunization tables (a dose-column series grid) and the plan."""
    w.margin = 46.0
    w.y = w.height - 42
    use_faces(w, "DejaVuSansCondensed", "DejaVuSansCondensed-Bold", 8.8)
    obl = face("DejaVuSansCondensed-Oblique")
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)
    footer = (f"{doc.title} · CONFIDENTIAL: HIV-related information, protected by state law; "
              "do not redisclose")  # fmt: skip

    w.line(doc.title.upper(), font=w.bold, size=13, lead=1.3)
    for ln in doc.address:
        w.line(ln, size=8, lead=1.25)
    w.space(5)
    _band(w, "HIV PRIMARY CARE - PROGRESS NOTE", fnt=w.bold, size=10, grey=0.85, height=15)
    w.space(4)
    w.row([f"Patient Name: {doc.name_text}", f"DOB {dob}", f"MRN: {doc.mrn_text}"],
          [0, 180, 340])  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB {dob}")
    _fact_mrn(w, doc)
    text = f"Date of visit: {seen}"
    w.row([text, "Provider: Celeste Arceneaux, NP", "Supervising: Rafael Okwuosa, MD"],
          [0, 180, 340])  # fmt: skip
    _fact_doc_date(w, doc, text)
    w.hrule(width=0.8)
    w.space(6)

    def para(label: str, body: str) -> None:
        w.paragraph(f"{label} {body}", after=3)

    para("Subjective:", "45 y/o M with HIV-1 (dx 2018, suppressed since 2019), moderate "
         "persistent asthma, major depression and hyperlipidemia, here for 6-month follow-up. "
         "Reports no missed doses in the last 30 days (uses a weekly pill box). Insurance now "
         "requires a specialty pharmacy for ART; first mail shipment due next week. Asthma: "
         "rescue inhaler about once a week, no night waking, no ED visits or steroid bursts "
         "since January. Mood better; sees therapist every 2 weeks. Sleep fair.")  # fmt: skip
    para("Objective:", "BP 124/78, HR 72, T 98.1 F, SpO2 98% RA, Wt 87.1 kg, BMI 27.5. Lungs "
         "clear, no wheeze. No thrush, no lymphadenopathy. Skin without rash.")  # fmt: skip
    para("Labs (drawn 9/2/2025):", "CD4 612 cells/uL (34%); HIV-1 RNA <20 copies/mL, not "
         "detected; Cr 1.04, eGFR 88; ALT 22; LDL 96, HDL 41; 25-OH vitamin D 18 ng/mL; "
         "RPR non-reactive; UA normal.")  # fmt: skip
    w.space(3)
    w.line("MEDICATION SCHEDULE (reviewed with patient; pill bottles brought)", font=w.bold,
           size=9.5, lead=1.5)  # fmt: skip

    cols = [0.0, 196.0, 236.0, 276.0, 310.0, 350.0, 392.0]
    widths = [192.0, 38.0, 38.0, 32.0, 38.0, 40.0, w.right - w.margin - 394.0]
    top = w.y
    w.space(3)
    heads = ["Medicine", "Dose", "Morning", "Noon", "Evening", "Bedtime", "Notes"]
    _wrapped_row(w, [(c, wd, [(h, w.bold, 8.5)]) for c, wd, h in zip(cols, widths, heads,
                                                                      strict=True)], size=8.5)  # fmt: skip
    w.canvas.setLineWidth(0.5)
    w.space(1)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    slots = [s.split(",") for s in x["slots"].split("|")]
    for m, slot in zip(doc.meds[:8], slots, strict=True):
        w.space(3)
        cells = [m.name_text, m.strength_text, *slot, m.sig_text]
        lines = _wrapped_row(w, [(c, wd, [(t, w.font, 8.6)] if t else [])
                                 for c, wd, t in zip(cols, widths, cells, strict=True)],
                             size=8.6)  # fmt: skip
        _fact_med(w, m, " ".join(lines))
        w.space(1)
        w.canvas.line(w.margin, w.y, w.right, w.y)
    _rules(w, top, cols)
    w.space(6)
    w.line("PRN = only when needed. Keep this schedule with your pill box.", font=obl, size=8,
           lead=1.3)  # fmt: skip
    _at_bottom(w, f"{footer} · Page 1 of 2", y=26, fnt=obl, size=7)

    w.new_page()
    w.y = w.height - 42
    w.line(f"{doc.name_text} · MRN {doc.mrn_text} · HIV primary care progress note (continued)",
           font=w.bold, size=9, lead=1.6)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.hrule(width=0.8)
    w.space(6)
    w.line("ALLERGIES / ADVERSE DRUG REACTIONS", font=w.bold, size=9.5, lead=1.4)
    for a in doc.allergies:
        w.line(a.text, x=w.margin + 10, lead=1.5)
        _fact_allergy(w, a)
    w.space(4)
    w.line("IMMUNIZATIONS", font=w.bold, size=9.5, lead=1.5)
    cols2 = [0.0, 200.0, 280.0, 360.0]
    top = w.y
    w.canvas.setLineWidth(0.5)
    _grid_row(w, ["Vaccine series", "Dose 1", "Dose 2", "Dose 3"], cols2, fnt=w.bold, size=8.5,
              height=14)  # fmt: skip
    series = x["series"].split("|")
    groups = [doc.vaccines[0:3], doc.vaccines[3:5], doc.vaccines[5:7]]
    for name, group in zip(series, groups, strict=True):
        cells = [name, *(pdate(v.date, doc.date_style) for v in group)]
        cells += [""] * (4 - len(cells))
        line = _grid_row(w, cells, cols2, fnt=w.font, size=8.6, height=14)
        for n, v in enumerate(group, start=1):
            _fact_vaccine(w, v, line, dose_number=str(n))
    _verticals(w, cols2, top)
    w.space(8)
    cols3 = [0.0, 200.0, 280.0]
    top = w.y
    _grid_row(w, ["Other vaccines", "Date given", "Site / where given"], cols3, fnt=w.bold,
              size=8.5, height=14)  # fmt: skip
    for v, site in zip(doc.vaccines[7:], x["sites"].split("|"), strict=True):
        line = _grid_row(w, [v.name_text, pdate(v.date, doc.date_style), site], cols3,
                         fnt=w.font, size=8.6, height=14)  # fmt: skip
        _fact_vaccine(w, v, line)
    _verticals(w, cols3, top)
    w.space(10)

    w.line("ASSESSMENT AND PLAN", font=w.bold, size=9.5, lead=1.4)
    plan_med = doc.meds[8]
    items = [
        f"HIV-1 infection, virally suppressed, CD4 612. {plan_med.item_text} Refills now through "
        "Bluestem Specialty Pharmacy (mail order) per insurance; they will call to set up "
        "delivery.",
        "Asthma, moderate persistent: well controlled (ACT 21). Continue controller and rescue "
        "inhaler as on the schedule. Spacer reviewed.",
        "Depression: PHQ-9 6 today (14 in March). Continue current treatment and therapy.",
        "Vitamin D deficiency (25-OH D 18 ng/mL while repleting): recheck level in 3 months.",
        "Hyperlipidemia: LDL 96 on statin; no interaction with current ART.",
        "Immunizations reviewed and updated in the tables above. Annual dilated eye exam due; "
        "referral placed.",
        "Return in 6 months with labs one week before (CD4, viral load, CMP, lipids, "
        "vitamin D).",
    ]
    for k, item in enumerate(items, start=1):
        w.paragraph(f"{k}. {item}", x=8, after=2)
    _fact_med(w, plan_med, plan_med.item_text)
    w.space(10)
    w.line(f"Electronically signed by Celeste Arceneaux, NP on {seen} 4:12 PM", size=8.5,
           lead=1.4)  # fmt: skip
    w.line("Cosigned: Rafael Okwuosa, MD", size=8.5)
    _at_bottom(w, f"{footer} · Page 2 of 2", y=26, fnt=obl, size=7)


# -- specialty pharmacy welcome letter with a dosing calendar -----------------------------------


def specialty_welcome_calendar(doc: Document, w: PageWriter) -> None:
    """Specialty pharmacy welcome letter: the prescription box, a month's dosing calendar and
    what the intake call recorded about the patient's other medicines and allergies."""
    w.margin = 54.0
    w.y = w.height - 44
    use_faces(w, "URWBookman-Light", "URWBookman-Demi", 8.8)
    ital = face("URWBookman-LightItalic")
    x = doc.extra
    dated = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, "us")

    w.line(doc.title, font=w.bold, size=15, lead=1.25)
    for ln in doc.address:
        w.line(ln, size=7.8, lead=1.3)
    w.space(10)
    w.line(dated, lead=1.7)
    _fact_doc_date(w, doc, dated)
    w.line(doc.name_text, lead=1.2)
    _fact_name(w, doc)
    w.line("2719 N. Rampart St., Apt. 3", lead=1.2)
    w.line("New Orleans, LA 70117", lead=1.7)
    w.row([f"Member #: {doc.mrn_text}", f"Date of Birth: {dob}"], [0, 200], lead=1.8)
    _fact_mrn(w, doc)
    _fact_dob(w, doc, f"Date of Birth: {dob}")
    w.line(f"Dear {doc.name_text.split()[0]},", lead=1.6)
    w.paragraph("Welcome to Bluestem Specialty Pharmacy. Your clinic has sent us your HIV "
                "prescription, and your insurance has approved it. We will ship your medicine "
                "to your home in a plain, temperature-safe package. A pharmacist will call you "
                "before every refill to check how you are doing and to schedule delivery. "
                "Please read the information below and keep this letter.", after=6)  # fmt: skip

    bik = doc.meds[0]
    top = w.y
    w.space(4)
    w.line("YOUR SPECIALTY PRESCRIPTION", font=w.bold, size=9, x=w.margin + 8, lead=1.45)
    w.line(bik.name_text, font=w.bold, size=10, x=w.margin + 8, lead=1.35)
    w.line(bik.sig_text, x=w.margin + 8, lead=1.35)
    _fact_med(w, bik, f"{bik.name_text} {bik.sig_text}")
    w.line(f"Qty: 30 tablets   Days supply: 30   Refills: 5   Prescriber: {x['prescriber']}",
           x=w.margin + 8, lead=1.35)  # fmt: skip
    w.line(f"First shipment: {pdate(x['ship'], doc.date_style)} by overnight courier, no "
           "signature needed   Your copay: $0.00", x=w.margin + 8, lead=1.35)  # fmt: skip
    w.space(2)
    w.canvas.setLineWidth(1.0)
    w.canvas.rect(w.margin, w.y, w.right - w.margin, top - w.y, stroke=1, fill=0)
    w.space(10)

    w.line("Your dosing calendar - October 2025", font=w.bold, size=9.5, lead=1.4)
    w.line("Take one tablet each day. Check the box after you take it.", font=ital, size=8.3,
           lead=1.5)  # fmt: skip
    cell = (w.right - w.margin) / 7
    top = w.y
    days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    w.row(days, [k * cell + 4 for k in range(7)], font=w.bold, size=8, lead=1.6)
    # October 2025 begins on a Wednesday.
    weeks = [[""] * 3 + [str(d) for d in range(1, 5)]]
    day = 5
    while day <= 31:
        weeks.append([str(d) if d <= 31 else "" for d in range(day, day + 7)])
        day += 7
    for week in weeks:
        w.canvas.setLineWidth(0.5)
        w.canvas.line(w.margin, w.y + 3, w.right, w.y + 3)
        row_top = w.y
        w.row(week, [k * cell + 4 for k in range(7)], size=8, lead=2.9)
        for k, d in enumerate(week):
            if d:
                _box(w, w.margin + k * cell + cell - 16, row_top - 19, False, side=8)
    w.y += 3
    w.canvas.line(w.margin, w.y, w.right, w.y)
    for k in range(8):
        w.canvas.line(w.margin + k * cell, top, w.margin + k * cell, w.y)
    w.canvas.line(w.margin, top, w.right, top)
    w.space(10)

    intake = pdate(x["intake"], doc.date_style)
    w.line(f"What we have on file for you (from your intake call on {intake})", font=w.bold,
           size=9.5, lead=1.5)  # fmt: skip
    w.line("Other medicines you take:", lead=1.35)
    for m in doc.meds[1:]:
        body = m.item_text
        w.line(f"- {body}", x=w.margin + 12, lead=1.3)
        _fact_med(w, m, body)
    w.space(3)
    names = ", ".join(a.name_text for a in doc.allergies)
    w.line(f"Allergies: {names}", lead=1.6)
    for a in doc.allergies:
        _fact_allergy(w, a, a.name_text)
    w.paragraph("If anything above is wrong or has changed, please call us so our pharmacist "
                "can check it against your HIV medicine. Never stop or skip doses without "
                "talking to your clinic first.", after=8)  # fmt: skip
    w.line("Welcome aboard,", lead=1.5)
    w.line(x["pharmacist"], font=w.bold, lead=1.2)
    w.line("Clinical Pharmacist, HIV Care Team", lead=1.2)
    _at_bottom(w, "BSP-WL-HIV rev. 06/2025 · Bluestem Specialty Pharmacy is accredited for "
                  "specialty pharmacy services · Page 1 of 1", y=28, fnt=ital, size=7)  # fmt: skip


# -- VA medication profile, faxed -----------------------------------------------------------------


def va_medication_profile(doc: Document, w: PageWriter) -> None:
    """VistA-style outpatient medication profile with a Status column, non-VA medicines and the
    immunization list, printed in monospace and faxed."""
    w.margin = 36.0
    w.y = w.height - 30
    use_faces(w, "NimbusMonoPS-Regular", "NimbusMonoPS-Bold", 7.7)
    x = doc.extra
    printed = pdate(doc.document_date, "mon_dd_yy")
    dob = pdate(doc.dob, "vista")
    lead = 1.32

    def ln(text: str, bold: bool = False, after: float = 0.0) -> None:
        w.line(text, font=w.bold if bold else w.font, lead=lead)
        w.space(after)

    ln(x["fax_header"], after=6)
    ln("DEPARTMENT OF VETERANS AFFAIRS", bold=True)
    ln(doc.title, bold=True)
    ln(doc.address[0], after=4)
    text = f"Printed: {printed}"
    ln(f"{'OUTPATIENT MEDICATION PROFILE':<66}{text} 14:22   PAGE 1")
    _fact_doc_date(w, doc, text)
    ln("=" * 116)
    ln(f"PATIENT: {doc.name_text:<28}VA#: {doc.mrn_text:<14}DOB: {dob} (45)    SEX: M")
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    ln("ELIGIBILITY: SC LESS THAN 50% (30%)      PCP: THERIOT,KIMBERLY NP (GREEN PACT)")
    a = doc.allergies[0]
    ln(f"ALLERGIES/ADR: {a.text}   VERIFIED 03-11-25", after=2)
    _fact_allergy(w, a)
    ln("-" * 116)

    rx = x["rx"].split("|")
    issued = [pdate(d, "rx") if d else "" for d in x["issued"].split("|")]
    fill = [pdate(d, "rx") if d else "" for d in x["fill"].split("|")]
    qty, refills = x["qty"].split("|"), x["refills"].split("|")
    ln(f"{'RX #':<9}{'DRUG':<56}{'STATUS':<17}{'ISSUED':<10}{'LAST FILL':<10}{'QTY':>4}"
       f"{'RF':>4}", bold=True)  # fmt: skip

    def med(k: int) -> None:
        m = doc.meds[k]
        head = (f"{rx[k]:<9}{m.name_text:<56}{m.note:<17}{issued[k]:<10}{fill[k]:<10}"
                f"{qty[k]:>4}{refills[k]:>4}")  # fmt: skip
        ln(head)
        ln(f"{'':9}{m.sig_text}", after=1.5)
        body = clean_line(head[9:])
        _fact_med(w, m, f"{body} {m.sig_text}")

    ln("ACTIVE/PENDING OUTPATIENT PRESCRIPTIONS (INCLUDING SUPPLIES):", bold=True, after=2)
    for k in range(8):
        med(k)
    w.space(3)
    ln("EXPIRED/DISCONTINUED IN THE LAST 365 DAYS:", bold=True, after=2)
    for k in (8, 9):
        med(k)
    w.space(3)
    ln("NON-VA MEDS (DOCUMENTED, NOT DISPENSED BY VA):", bold=True, after=2)
    med(10)
    ln(f"{'':9}SOURCE: OUTSIDE SPECIALTY PHARMACY (ID CLINIC RX)   DOCUMENTED: 05-20-19",
       after=4)  # fmt: skip
    ln("-" * 116)
    ln("IMMUNIZATIONS (ALL ON FILE, MOST RECENT FIRST):", bold=True, after=2)
    ln(f"{'IMMUNIZATION':<40}{'DATE':<16}{'SERIES':<9}FACILITY / SOURCE", bold=True)
    series = {"zoster": 2, "hepatitis b": 3}
    for v in doc.vaccines:
        number = ""
        if v.name in series:
            number = str(series[v.name])
            series[v.name] -= 1
        where = "HISTORICAL (OUTSIDE)" if v.name in {"influenza", "covid-19"} else \
            "NEW ORLEANS VAMC"  # fmt: skip
        line = f"{v.name_text:<40}{pdate(v.date, 'vista'):<16}{number:<9}{where}"
        ln(line)
        _fact_vaccine(w, v, clean_line(line), dose_number=number)
    w.space(4)
    ln("*** END OF PROFILE ***   OUTSIDE MEDS MUST BE REVIEWED AT EACH VISIT.")
    keep = w.y
    w.y = 40
    text = f"{doc.name_text}  {doc.mrn_text}"
    ln(f"{text}   CONFIDENTIAL - 38 USC 7332 PROTECTED   PAGE 1 OF 1")
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.y = keep


# -- telehealth video visit printout ----------------------------------------------------------------


def telehealth_visit_printout(doc: Document, w: PageWriter) -> None:
    """On-demand video visit summary from a telehealth company's patient app."""
    w.margin = 50.0
    w.y = w.height - 44
    use_faces(w, "DejaVuSans", "DejaVuSans-Bold", 8.6)
    obl = face("DejaVuSans-Oblique")
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, "us")

    w.line(doc.title, font=w.bold, size=13, lead=1.25)
    w.line(doc.address[0], size=8, lead=1.6)
    _band(w, "VIDEO VISIT SUMMARY", fnt=w.bold, size=10, grey=0.86, height=15)
    w.space(4)
    w.row([f"Pt Name: {doc.name_text}", f"DOB: {dob}", f"ID: {doc.mrn_text}"], [0, 200, 330])
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Visit: {seen}"
    w.row([f"{text} 7:42 PM CST", "Type: on-demand video", f"Clinician: {x['clinician']}"],
          [0, 200, 330])  # fmt: skip
    _fact_doc_date(w, doc, text)
    w.hrule(width=0.8)
    w.space(6)

    def head(label: str) -> None:
        w.space(2)
        w.line(label, font=w.bold, size=9, lead=1.4)

    head("Reason for visit")
    w.paragraph("Right knee pain and swelling after basketball 2 days ago.", after=2)
    head("History of present illness")
    w.paragraph("45 y/o M twisted his right knee landing from a jump. Pain 6/10, worse on stairs; "
                "able to walk without help. No popping at the time, no locking or giving way, "
                "no calf pain, no fever. Has used ice and elevation. Has not taken anything for "
                "pain. Medical history: HIV (undetectable, followed at an ID clinic), asthma, "
                "depression, high cholesterol.", after=2)  # fmt: skip
    head("Allergies/Intolerances")
    for a in doc.allergies:
        w.line(a.text, lead=1.35)
        _fact_allergy(w, a)
    head("Current medications (patient-reported, reviewed on video)")
    home, new = doc.meds[:-1], doc.meds[-1]
    for m in home:
        body = m.item_text
        w.line(body, x=w.margin + 10, lead=1.3)
        _fact_med(w, m, body)
    head("Exam (by video)")
    w.paragraph("Alert, in no distress, speaking full sentences. Right knee: mild swelling over "
                "the medial joint line, no redness; full extension, flexion to about 110 degrees "
                "with pain; walks across the room with a slight limp. Patient-performed calf "
                "squeeze without pain.", after=2)  # fmt: skip
    head("Assessment")
    w.paragraph("Sprain of right knee, initial encounter (S83.91XA). Ottawa knee rule negative; "
                "low concern for fracture or complete ligament tear.", after=2)  # fmt: skip
    head("Plan")
    body = new.item_text
    for ln in (f"- New Rx: {body} Disp #10, RF 0.",
               "- Rest, ice 20 minutes 3-4 times a day, compression sleeve, elevation. Walk as "
               "pain allows.",
               "- See your primary care clinic or urgent care in person if you cannot bear "
               "weight, the knee locks, or the calf swells; otherwise follow up in 2 weeks if "
               "not improving.",
               f"- e-Prescribed to: {x['pharmacy']}"):  # fmt: skip
        w.paragraph(ln, x=8, after=1)
    _fact_med(w, new, body)
    w.space(6)
    w.paragraph("Visit length 14 minutes. Patient located in Louisiana at the time of the "
                "visit; consent for telehealth obtained; identity verified with photo ID.",
                font=obl, size=8, after=2)  # fmt: skip
    w.line(f"Signed: {x['clinician']}, licensed in LA", lead=1.3)
    _at_bottom(w, f"Printed from the Harborline app on {seen} 8:03 PM · Not for emergencies: call "
                  "911 · Page 1 of 1", y=28, fnt=obl, size=7)  # fmt: skip


# -- employer biometric wellness screening ----------------------------------------------------------


def employer_wellness_screening(doc: Document, w: PageWriter) -> None:
    """Worksite biometric screening results with a short health history taken by the screener."""
    w.margin = 46.0
    w.y = w.height - 42
    use_faces(w, "NimbusSansNarrow-Regular", "NimbusSansNarrow-Bold", 9.4)
    obl = face("NimbusSansNarrow-Oblique")
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title.upper(), font=w.bold, size=14, lead=1.25)
    for ln in doc.address:
        w.line(ln, size=8.5, lead=1.25)
    w.space(4)
    _band(w, "BIOMETRIC HEALTH SCREENING - RESULTS AND HEALTH HISTORY", fnt=w.bold, size=10.5,
          grey=0.84, height=16)  # fmt: skip
    w.space(4)
    w.row([f"Last/First: {doc.name_text}", f"DOB {dob}", f"Employee ID: {doc.mrn_text}"],
          [0, 200, 330])  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB {dob}")
    _fact_mrn(w, doc)
    text = f"Screening date: {seen}"
    w.row([text, "Site: Harahan terminal, break room B", f"Screener: {x['screener']}"],
          [0, 200, 330])  # fmt: skip
    _fact_doc_date(w, doc, text)
    w.space(6)

    w.line("YOUR RESULTS", font=w.bold, size=10, lead=1.4)
    cols = [0.0, 170.0, 290.0, 420.0]
    top = w.y
    _grid_row(w, ["Measure", "Your result", "Healthy range", "Status"], cols, fnt=w.bold,
              size=8.8, height=14)  # fmt: skip
    for cells in (
        ["Height / weight", "5 ft 10 in / 192 lb", "", ""],
        ["Body mass index", "27.5", "18.5 - 24.9", "Above range"],
        ["Blood pressure", "128/82 mmHg", "below 120/80", "Elevated"],
        ["Waist", "37 in", "below 40 in", "In range"],
        ["Total cholesterol", "178 mg/dL", "below 200", "In range"],
        ["HDL cholesterol", "44 mg/dL", "40 or higher", "In range"],
        ["LDL cholesterol (calc.)", "101 mg/dL", "below 100", "Borderline"],
        ["Triglycerides", "165 mg/dL", "below 150", "Above range"],
        ["Glucose (fasting 10 h)", "97 mg/dL", "70 - 99", "In range"],
        ["Hemoglobin A1c", "5.6%", "below 5.7%", "In range"],
        ["Nicotine (cotinine swab)", "Negative", "Negative", "Non-user rate"],
    ):
        _grid_row(w, cells, cols, fnt=w.font, size=8.8, height=13.5)
    _verticals(w, cols, top)
    w.space(10)

    w.line("HEALTH HISTORY (as told to the screener)", font=w.bold, size=10, lead=1.5)
    w.line("Conditions: asthma; HIV, controlled; depression; high cholesterol", lead=1.4)
    allergy = doc.allergies[0]
    w.line(f"ALLERGIES: {allergy.name_text}", lead=1.5)
    _fact_allergy(w, allergy, allergy.name_text)
    w.line("Current medications:", lead=1.35)
    for pair in (doc.meds[k : k + 2] for k in range(0, len(doc.meds), 2)):
        cells = [m.item_text for m in pair]
        w.row(cells, [12, 240][: len(cells)], lead=1.35)
        for m, body in zip(pair, cells, strict=True):
            _fact_med(w, m, body)
    w.space(4)
    w.line("Immunizations (from the patient's vaccine card and pharmacy app):", lead=1.4)
    v = doc.vaccines
    d = doc.date_style
    cells = [f"{v[0].name_text}: {pdate(v[0].date, d)}", f"{v[1].name_text}: {pdate(v[1].date, d)}",
             f"{v[2].name_text}: {pdate(v[2].date, d)}", f"{v[8].name_text}: {pdate(v[8].date, d)}"]  # fmt: skip
    w.row(cells, [12, 130, 230, 360], lead=1.35)
    for vac, cell in zip((v[0], v[1], v[2], v[8]), cells, strict=True):
        _fact_vaccine(w, vac, cell)
    line = f"{v[3].name_text} {pdate(v[3].date, d)}, {v[4].name_text} {pdate(v[4].date, d)}"
    w.line(line, x=w.margin + 12, lead=1.35)
    for n, vac in enumerate(v[3:5], start=1):
        _fact_vaccine(w, vac, line, dose_number=str(n))
    line = ", ".join(f"{vac.name_text} {pdate(vac.date, d)}" for vac in v[5:8])
    w.line(line, x=w.margin + 12, lead=1.35)
    for n, vac in enumerate(v[5:8], start=1):
        _fact_vaccine(w, vac, line, dose_number=str(n))
    w.space(8)
    w.paragraph("Results were reviewed with the participant today. Screening complete: the "
                "$300 wellness credit will be added to the HSA within 30 days. Blood pressure "
                "and LDL are slightly above range: share this report with your doctor. Next "
                "screening window opens January 2027.", after=6)  # fmt: skip
    w.line(f"Screener: {x['screener']}     Participant signature on file", lead=1.3)
    _at_bottom(w, f"Pelican Bay Worksite Wellness for {x['employer']} · Individual results are "
                  "confidential and are not shared with your employer · Page 1 of 1", y=26,
               fnt=obl, size=7.5)  # fmt: skip


HOLDOUT7_LAYOUTS: dict[str, Layout] = {
    "id_clinic_pill_grid": id_clinic_pill_grid,
    "specialty_welcome_calendar": specialty_welcome_calendar,
    "va_medication_profile": va_medication_profile,
    "telehealth_visit_printout": telehealth_visit_printout,
    "employer_wellness_screening": employer_wellness_screening,
}
