"""Page layouts of the sixth held-out set: record types and wording the other sets do not use."""

from __future__ import annotations

import random

from ._layouts import Layout, _fact_allergy, _fact_dob, _fact_doc_date, _fact_mrn, _fact_name
from ._layouts_holdout2 import (
    _at_bottom,
    _band,
    _fact_med,
    _fact_name_as,
    _fact_vaccine,
    _wrapped_row,
)
from ._layouts_holdout3 import _grid_row, _verticals
from ._layouts_holdout5 import _box
from ._model import MONTHS, Document, format_date
from ._writer import PageWriter, clean_line, face, use_faces

# Ballpoint ink of the patient's entries on the screening form.
_INK = (0.09, 0.13, 0.47)


def pdate(iso: str, style: str) -> str:
    """Dates in these providers' styles.

    ``m_d_y`` 6/8/2026, ``m_d_yy`` 10/14/25, ``mm_dd_yy`` 07/14/26, ``dmon`` 12 Sep 2024,
    ``us`` 11/21/1959, ``long`` September 10, 2026, ``iso`` 2026-06-23; a year-month date
    is written as May 2021 in every style.
    """
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    if style in {"us", "long", "iso"}:
        return format_date(iso, style)
    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    year, month, day = parts
    return {
        "m_d_y": f"{month}/{day}/{year}",
        "m_d_yy": f"{month}/{day}/{year % 100:02d}",
        "mm_dd_yy": f"{month:02d}/{day:02d}/{year % 100:02d}",
        "dmon": f"{day} {MONTHS[month - 1][:3]} {year}",
    }[style]


# -- emergency department discharge instructions ----------------------------------------------


def ed_discharge_instructions(doc: Document, w: PageWriter) -> None:
    """ED discharge instructions: what happened, then medicines grouped START / HOLD / STOP /
    CONTINUE as numbered sentences, then follow-up and return precautions on page 2."""
    w.margin = 50.0
    w.y = w.height - 44
    use_faces(w, "NimbusSans-Regular", "NimbusSans-Bold", 9.5)
    ital = face("NimbusSans-Italic")
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)
    footer = f"Printed {seen} 4:41 PM by {x['nurse']} - Cedar Ridge Medical Center ED"

    def id_row() -> None:
        w.row([f"Name: {doc.name_text}", f"MRN: {doc.mrn_text}", f"DOB: {dob} (66 y.o.)"],
              [0, 205, 340], size=9.5)  # fmt: skip
        _fact_name(w, doc)
        _fact_mrn(w, doc)
        _fact_dob(w, doc, f"DOB: {dob}")

    def head(text: str) -> None:
        w.space(3)
        w.line(text, font=w.bold, size=10.5, lead=1.45)

    w.row([doc.title.upper(), "Emergency Department"], [0, 372], font=w.bold, size=14, lead=1.3)
    w.line("  ·  ".join(doc.address), size=8, lead=1.9)
    _band(w, "DISCHARGE INSTRUCTIONS", fnt=w.bold, size=11, grey=0.82, height=17)
    w.space(4)
    id_row()
    text = f"Arrived: {seen}"
    w.row([f"{text} {x['arrived']}", f"Discharged: {seen} {x['left']}",
           f"Attending: {x['attending']}"], [0, 205, 340], size=9.5)  # fmt: skip
    _fact_doc_date(w, doc, text)
    w.hrule(width=1.0)
    w.space(6)

    head("Why you were seen today")
    w.paragraph("You came in with dizziness, vomiting and diarrhea for 3 days, and low back pain "
                "after lifting a box of books. Your kidney test was higher than usual "
                "(creatinine 2.1; your usual is about 1.5) because you were dried out and had "
                "been taking ibuprofen for your back. Your urine test showed a bladder "
                "infection. You were given 1 liter of IV fluid and felt better.", x=8)  # fmt: skip
    head("Your diagnoses")
    for n, dx in enumerate(("Acute kidney injury (dehydration)", "Viral gastroenteritis",
                            "Urinary tract infection", "Strain of lower back muscles"), 1):  # fmt: skip
        w.line(f"{n}. {dx}", x=w.margin + 8, lead=1.3)
    head("Allergies")
    allergy_line = f"Allergies as of {seen}: " + ", ".join(a.text for a in doc.allergies)
    w.line(allergy_line, x=w.margin + 8)
    for a in doc.allergies:
        _fact_allergy(w, a)

    head("Your medicines: what to do now")
    titles = {
        "new": "START taking these new medicines:",
        "hold": "HOLD these medicines. Do not take them until your kidney doctor tells you to "
        "start them again:",
        "stop": "STOP taking:",
        "continue": "CONTINUE taking these medicines the way you did before:",
    }
    groups = x["groups"].split("|")
    number = 0
    for group in ("new", "hold", "stop", "continue"):
        meds = [m for m, g in zip(doc.meds, groups, strict=True) if g == group]
        if group == "continue":
            _at_bottom(w, f"{footer} - Page 1 of 2", y=28, fnt=ital, size=7.5)
            w.new_page()
            w.y = w.height - 46
            w.line(f"{doc.title} - Emergency Department - Discharge Instructions (continued)",
                   font=w.bold, size=9.5, lead=1.5)  # fmt: skip
            id_row()
            w.hrule(width=1.0)
            w.space(8)
        w.paragraph(titles[group], font=w.bold, size=9.5, x=8, after=1)
        for m in meds:
            number += 1
            body = m.item_text
            w.paragraph(f"{number}. {body}", x=16, after=2)
            _fact_med(w, m, body)
        if group == "stop":
            w.paragraph("Do not take ibuprofen, naproxen (ALEVE) or other NSAID pain relievers. "
                        "They can hurt your kidneys.", font=ital, x=16, after=2)  # fmt: skip
        w.space(4)

    head("Follow-up")
    w.paragraph("Call Prairie Kidney Specialists (Dr. Adaeze Okonjo), 970-555-0181, for a visit in "
                "1 to 2 weeks. Have a blood test (basic metabolic panel) in 3 to 5 days at any "
                "Cedar Ridge lab; the order is in our system.", x=8)  # fmt: skip
    w.paragraph("Your primary care provider: Helen Marsh, DO, Foothills Family Medicine, "
                "970-555-0122.", x=8)  # fmt: skip
    head("Come back to the Emergency Department or call 911 if:")
    for ln in ("you cannot keep fluids down, or you pass very little urine",
               "you have a fever over 101 F, shaking chills, or back pain that gets much worse",
               "you have black or bloody stools, or bleeding that will not stop (you take a "
               "blood thinner)",
               "you feel faint, or your heart races or pounds"):  # fmt: skip
        w.paragraph(f"- {ln}", x=12, after=1)
    head("Home care")
    w.paragraph("Drink small sips of fluid often: water, broth or an oral rehydration drink. Eat "
                "bland food as you feel able. Use ice or heat on your back for 20 minutes at a "
                "time and keep walking gently.", x=8)  # fmt: skip
    w.space(18)
    w.line("I have received these instructions and understand them.", size=9, lead=2.2)
    w.line("Patient signature: ______________________________     Nurse: ____________________",
           size=9)  # fmt: skip
    _at_bottom(w, f"{footer} - Page 2 of 2", y=28, fnt=ital, size=7.5)


# -- nephrology progress note, faxed ----------------------------------------------------------


def nephrology_soap_fax(doc: Document, w: PageWriter) -> None:
    """Nephrology SOAP note with vitals and labs, sent to the primary care office by fax."""
    w.margin = 48.0
    w.y = w.height - 30
    use_faces(w, "NimbusRoman-Regular", "NimbusRoman-Bold", 10)
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(x["fax_header"], font=face("NimbusMonoPS-Regular"), size=8, lead=2.2)
    w.line(doc.title, font=w.bold, size=14, center=True, lead=1.25)
    for ln in doc.address:
        w.line(ln, size=8.5, center=True, lead=1.2)
    w.space(4)
    w.hrule(width=0.8)
    w.space(6)
    w.line("NEPHROLOGY PROGRESS NOTE", font=w.bold, size=11.5, lead=1.5)
    w.row([f"Pt: {doc.name_text}", f"DOB: {dob}", f"MRN: {doc.mrn_text}"], [0, 200, 330])
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    text = f"Date of service: {seen}"
    w.row([text, x["provider_line"]], [0, 200])
    _fact_doc_date(w, doc, text)
    w.hrule(width=0.8)
    w.space(6)

    def label(tag: str, body: str) -> None:
        w.paragraph(f"{tag} {body}", after=3)

    label("S:", "66F with CKD stage 3b (hypertensive nephrosclerosis), paroxysmal AF and "
          "osteoporosis, seen 2 wks after an ED visit for AKI with gastroenteritis (Cr 2.1 on "
          "6/8). Vomiting and diarrhea resolved by 6/11; eating and drinking well. Completed "
          "the antibiotic course for UTI. Off NSAIDs since the ED visit. ARB/diuretic and "
          "SGLT2 inhibitor on hold since then. Back pain much better with the patch. Home BP "
          "128-146/78-88. No dysuria, no edema.")  # fmt: skip
    label("O:", "BP 142/86 (R arm, seated)   HR 68 irreg   T 97.9 F   RR 14   SpO2 97% RA   "
          "Wt 71.4 kg (157 lb)   BMI 27.8")  # fmt: skip
    w.paragraph("Gen: well, NAD. No JVD. Lungs clear. Heart irregularly irregular, no murmur. "
                "Abd soft. No edema. Mild L paraspinal tenderness.", x=18, after=3)  # fmt: skip
    w.paragraph("Labs 6/22/26: Cr 1.6 (2.1 on 6/8; baseline 1.4-1.6), eGFR 36, K 4.6, CO2 23, "
                "Ca 9.1, Phos 3.9, PTH 88, UACR 210 mg/g. UA: no nitrite, 0-2 WBC.", x=18,
                after=5)  # fmt: skip

    listed, plan = doc.meds[:7], doc.meds[7:]
    w.line("Medications (reviewed with pt):", font=w.bold)
    for m in listed:
        body = m.item_text
        w.line(body, x=w.margin + 18, lead=1.25)
        _fact_med(w, m, body)
    w.space(3)
    allergies = "; ".join(a.text for a in doc.allergies)
    w.line(f"Allergies: {allergies}", lead=1.4)
    for a in doc.allergies:
        _fact_allergy(w, a)
    flu, pcv, hb1, hb2, hb3 = doc.vaccines
    d = "m_d_yy"
    pieces = [f"{flu.name_text} {pdate(flu.date, d)}", f"{pcv.name_text} {pdate(pcv.date, d)}",
              f"{hb1.name_text} {pdate(hb1.date, d)}", f"{hb2.name_text} {pdate(hb2.date, d)}",
              f"{hb3.name_text} {pdate(hb3.date, d)}"]  # fmt: skip
    w.paragraph(f"Immunizations: {pieces[0]}; {pieces[1]}; {pieces[2]}, {pieces[3]}, "
                f"{pieces[4]} - anti-HBs ordered.", after=5)  # fmt: skip
    for v, t, n in zip(doc.vaccines, pieces, ("", "", "1", "2", "3"), strict=True):
        _fact_vaccine(w, v, t, dose_number=n)

    w.line("A/P:", font=w.bold)
    losartan, jardiance, apixaban, metoprolol = plan
    items = [
        f"AKI on CKD 3b, resolved; creatinine back to baseline. {losartan.item_text} "
        f"{jardiance.item_text} now that she is eating and drinking normally. Hold both on any day "
        "with vomiting, diarrhea or poor intake (sick-day rules handout given).",
        "HTN: above goal off ARB; keep home BP log, recheck at next visit.",
        f"Paroxysmal AF: {apixaban.item_text} dose-reduction criteria not met. Rate controlled, "
        f"{metoprolol.item_text}",
        "CKD-MBD: PTH 88, phosphorus normal; no change to vitamin D. Bisphosphonate acceptable "
        "while eGFR stays above 35.",
        "Avoid NSAIDs. Acetaminophen is fine for pain.",
        "RTC 3 months with BMP, CBC, UACR one week before; sooner if Cr rises on repeat BMP.",
    ]
    for k, item in enumerate(items, start=1):
        w.paragraph(f"{k}. {item}", x=12, after=1)
    for m in plan:
        _fact_med(w, m, m.item_text)
    w.space(8)
    w.line(f"Electronically signed: Adaeze Okonjo, MD {seen} 17:05", size=9.5)
    _at_bottom(w, f"{doc.title} - CONFIDENTIAL - Page 1 of 1", y=26, fnt=w.font, size=8)


# -- retail pharmacy pickup sheet with label copies ---------------------------------------------


def _label_line(
    w: PageWriter, text: str, fnt: str, x0: float, y: float, size: float, lead: float
) -> float:
    """One line inside a label box; returns the next baseline's top."""
    w.canvas.setFont(fnt, size)
    w.canvas.drawString(x0 + 5, y - size, text)
    w.pages[-1].append(clean_line(text))
    return y - size * lead


def pharmacy_pickup_labels(doc: Document, w: PageWriter) -> None:
    """Med-sync pickup receipt: patient block, then a copy of every bag label, two columns."""
    w.margin = 40.0
    w.y = w.height - 40
    use_faces(w, "DejaVuSansMono", "DejaVuSansMono-Bold", 8)
    x = doc.extra
    filled = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title.upper(), font=w.bold, size=12, lead=1.3)
    w.line("  ".join(doc.address), size=8, lead=1.6)
    text = f"DATE: {filled}"
    w.line(f"MED SYNC PICKUP RECEIPT   {text} 10:18 AM   REG 2   CASHIER KM", font=w.bold,
           lead=1.6)  # fmt: skip
    _fact_doc_date(w, doc, text)
    w.row([f"PATIENT: {doc.name_text}", f"DOB: {dob}", f"PT#: {doc.mrn_text}"], [0, 230, 330])
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    w.line("ALLERGIES: " + ", ".join(a.name_text for a in doc.allergies), lead=1.5)
    for a in doc.allergies:
        _fact_allergy(w, a)
    w.line(f"{len(doc.meds)} PRESCRIPTIONS - COPIES OF THE LABELS ON YOUR BOTTLES", lead=1.4)
    w.canvas.setDash(3, 2)
    w.hrule(width=0.6)
    w.canvas.setDash()
    w.space(8)

    label_name = " ".join(reversed(doc.name_text.split(", ")))
    col_w = (w.right - w.margin - 14) / 2
    size, lead = 7.6, 1.3
    top = w.y
    bottom = top
    fields = list(zip(doc.meds, *(x[k].split("|") for k in ("rx", "qty", "refills", "prescriber")),
                      strict=True))  # fmt: skip
    half = (len(fields) + 1) // 2
    for column, x0 in ((fields[:half], w.margin), (fields[half:], w.margin + col_w + 14)):
        y = top
        for m, rx, qty, refills, who in column:
            box_top = y
            y -= 5
            y = _label_line(w, f"Rx# {rx}   FILLED {filled}", w.bold, x0, y, size, lead)
            y = _label_line(w, label_name, w.font, x0, y, size, lead)
            _fact_name_as(w, doc.name_value, label_name)
            drug_lines = [m.name_text, *w.wrap(m.sig_text, col_w - 10, w.font, size)]
            for i, ln in enumerate(drug_lines):
                y = _label_line(w, ln, w.bold if i == 0 else w.font, x0, y, size, lead)
            _fact_med(w, m, " ".join(drug_lines))
            y = _label_line(w, f"QTY: {qty}   REFILLS: {refills}   DR. {who}", w.font, x0, y,
                            size, lead) - 4
            w.canvas.setLineWidth(0.8)
            w.canvas.roundRect(x0, y, col_w, box_top - y, 4, stroke=1, fill=0)
            y -= 8
        bottom = min(bottom, y)
    w.y = bottom - 6

    copays = [float(c) for c in x["copay"].split("|")]
    w.line(f"ITEMS: {len(doc.meds)}   COPAY TOTAL: ${sum(copays):.2f}   PAID VISA ****4471",
           font=w.bold, lead=1.5)  # fmt: skip
    w.line("COUNSELING: OFFERED - DECLINED     PATIENT SIGNATURE ON FILE", lead=1.5)
    w.line("NEXT SYNC PICKUP: 08/11/26. WE WILL CALL OR TEXT WHEN YOUR ORDER IS READY.")
    _at_bottom(w, f"{doc.title.upper()} - QUESTIONS? CALL {doc.address[1]} - PAGE 1 OF 1", y=30,
               fnt=w.font, size=7.5)  # fmt: skip


# -- occupational medicine volunteer screening form ---------------------------------------------


class _Form:
    """Printed labels and drawn check boxes with the patient's handwritten answers."""

    def __init__(self, w: PageWriter, seed: int) -> None:
        self.w = w
        self.hand = face("DejaVuSerifCondensed-Italic")
        self.rng = random.Random(seed)

    def _hand(self, x: float, y: float, text: str) -> None:
        c = self.w.canvas
        c.saveState()
        c.setFillColorRGB(*_INK)
        # Handwriting wanders a little off the baseline and off the horizontal.
        c.translate(x, y + self.rng.uniform(-0.8, 0.8))
        c.rotate(self.rng.uniform(-1.2, 1.2))
        c.setFont(self.hand, 11)
        c.drawString(0, 0, text)
        c.restoreState()

    def line(self, pieces: list[tuple[float, str, str]], height: float = 18.0) -> str:
        """Pieces (x, kind, text), kind "label", "bold", "hand" or a box "x"/"o" (ticked or
        not; the box is drawn, only its label is text). Returns the recorded line."""
        w = self.w
        base = w.y - 11
        words = []
        for x, kind, text in pieces:
            at = w.margin + x
            if kind == "hand":
                self._hand(at, base, text)
            elif kind in {"x", "o"}:
                _box(w, at, base - 0.5, False)
                if kind == "x":
                    self._hand(at + 0.5, base + 0.2, "x")
                w.canvas.setFont(w.font, 8.5)
                w.canvas.drawString(at + 11, base, text)
            else:
                w.canvas.setFont(w.bold if kind == "bold" else w.font, 8.5)
                w.canvas.drawString(at, base, text)
            words.append(text)
        line = clean_line(" ".join(words))
        w.pages[-1].append(line)
        w.y -= height
        return line

    def section(self, title: str) -> None:
        w = self.w
        w.space(5)
        _band(w, title, fnt=w.bold, size=9, grey=0.86, height=14)
        w.space(2)


def volunteer_health_screening(doc: Document, w: PageWriter) -> None:
    """Occupational medicine pre-placement screening for a hospice volunteer, answered by hand."""
    w.margin = 46.0
    w.y = w.height - 40
    use_faces(w, "URWGothic-Book", "URWGothic-Demi", 8.5)
    obl = face("URWGothic-BookOblique")
    form = _Form(w, seed=20260825)
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title.upper(), font=w.bold, size=13, lead=1.3)
    w.line(doc.address[0], size=8, lead=1.8)
    w.line("VOLUNTEER PRE-PLACEMENT HEALTH SCREENING", font=w.bold, size=11.5, center=True,
           lead=1.8)  # fmt: skip

    form.line([(0, "label", "Name (Last, First, MI):"), (100, "hand", doc.name_text),
               (330, "label", "Chart #:"), (370, "hand", doc.mrn_text)])  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    form.line([(0, "label", "Date of birth:"), (100, "hand", dob), (330, "label", "Visit date:"),
               (380, "hand", seen)])  # fmt: skip
    _fact_dob(w, doc, f"Date of birth: {dob}")
    _fact_doc_date(w, doc, f"Visit date: {seen}")
    form.line([(0, "label", "Placement:"), (100, "hand", x["placement"])])

    form.section("1. CURRENT MEDICINES - list all, with eye drops, patches, inhalers and vitamins")
    for m in doc.meds:
        body = m.item_text
        form.line([(14, "hand", body)], height=16.5)
        _fact_med(w, m, body)

    form.section("2. ALLERGIES TO MEDICINES, FOODS, LATEX")
    listed = "; ".join(f"{a.name_text} - {a.reaction_text}" for a in doc.allergies)
    form.line([(0, "o", "No known allergies"), (110, "x", "Yes - medicine and reaction:"),
               (250, "hand", listed)])  # fmt: skip
    for a in doc.allergies:
        _fact_allergy(w, a, f"{a.name_text} - {a.reaction_text}")

    form.section("3. IMMUNIZATIONS (copy of records attached)")
    tdap, flu, hb1, hb2, hb3, c1, c2, c3, c4, pcv = doc.vaccines
    hand = "m_d_y"
    line = form.line([(0, "label", "Tdap (within 10 years):"), (130, "hand", pdate(tdap.date, hand))])
    _fact_vaccine(w, tdap, line)
    line = form.line([(0, "label", "Influenza, 2025-26 season:"), (130, "hand",
                      pdate(flu.date, hand)), (250, "label", "2026-27 season:"),
                      (330, "o", "given"), (380, "x", "due - will get in October")])  # fmt: skip
    _fact_vaccine(w, flu, line.split(" 2026-27")[0])
    form.line([(0, "label", "MMR:"), (130, "x", "immune by titer"), (240, "hand", "2019"),
               (290, "o", "2 doses documented")])  # fmt: skip
    form.line([(0, "label", "Varicella:"), (130, "x", "history of chickenpox"),
               (290, "o", "2 doses documented")])  # fmt: skip
    hb = ", ".join(f"#{n} {pdate(v.date, hand)}" for n, v in enumerate((hb1, hb2, hb3), 1))
    line = form.line([(0, "label", "Hepatitis B series:"), (130, "hand", hb)])
    for n, v in enumerate((hb1, hb2, hb3), 1):
        _fact_vaccine(w, v, line, dose_number=str(n))
    names = x["covid"].split("|")
    doses = [f"#1 {names[0]} {pdate(c1.date, hand)}", f"#2 {names[1]} {pdate(c2.date, hand)}",
             f"booster #3 {names[2]} {pdate(c3.date, hand)}",
             f"booster #4 {names[3]} {pdate(c4.date, hand)}"]  # fmt: skip
    first = form.line([(0, "label", "COVID-19:"), (130, "hand", f"{doses[0]}, {doses[1]},")])
    second = form.line([(130, "hand", f"{doses[2]}, {doses[3]}")])
    for n, v in enumerate((c1, c2), 1):
        _fact_vaccine(w, v, first, dose_number=str(n))
    for n, v in enumerate((c3, c4), 3):
        _fact_vaccine(w, v, f"{first} {second}", dose_number=str(n))
    line = form.line([(0, "label", "Other vaccines:"),
                      (130, "hand", f"{pcv.name_text} {pdate(pcv.date, hand)}")])  # fmt: skip
    _fact_vaccine(w, pcv, line)

    form.section("4. TUBERCULOSIS SCREENING")
    form.line([(0, "label", "IGRA (QuantiFERON-TB Gold Plus) drawn:"),
               (170, "hand", pdate(x["igra"], doc.date_style)), (300, "label", "Result:"),
               (340, "hand", "negative 8/27/26")])  # fmt: skip
    form.line([(0, "label", "TB symptom review:"), (130, "x", "negative"), (200, "o", "positive")])

    form.section("5. CLEARANCE")
    form.line([(0, "x", "Cleared for placement"), (150, "o", "Cleared with restrictions"),
               (310, "o", "Not cleared")])  # fmt: skip
    form.line([(0, "label", "Restrictions / comments:"),
               (110, "hand", "none - flu shot due in October")])  # fmt: skip
    w.space(8)
    form.line([(0, "label", "Reviewed by:"), (70, "hand", x["nurse"]), (330, "label", "Date:"),
               (360, "hand", seen)])  # fmt: skip
    _at_bottom(w, "FROM-VH-02 rev. 03/2024 · Confidential employee and volunteer health record · "
                  "Page 1 of 1", y=28, fnt=obl, size=7)  # fmt: skip


# -- health plan personal medication list (Medicare MTM) ---------------------------------------


def plan_personal_medication_list(doc: Document, w: PageWriter) -> None:
    """Health plan MTM letter with the Personal Medication List and the plan's vaccine claims."""
    w.margin = 54.0
    w.y = w.height - 46
    use_faces(w, "C059-Roman", "C059-Bold", 9.5)
    ital = face("C059-Italic")
    x = doc.extra
    dated = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, "us")
    form_id = "Y0078_MTM26_PML_M"

    w.line(doc.title, font=w.bold, size=15, lead=1.25)
    for ln in doc.address:
        w.line(ln, size=8.5, lead=1.25)
    w.space(12)
    w.line(dated, lead=1.8)
    _fact_doc_date(w, doc, dated)
    w.line(doc.name_text, lead=1.2)
    _fact_name(w, doc)
    w.line("1908 W PLUM ST", lead=1.2)
    w.line("FORT COLLINS CO 80521", lead=1.8)
    w.line(f"Member ID: {doc.mrn_text}", lead=1.8)
    _fact_mrn(w, doc)
    w.line("Dear Member:", lead=1.6)
    review = pdate(x["review"], "long")
    w.paragraph(f"Thank you for talking with our pharmacist, {x['pharmacist']}, on {review} for "
                "your comprehensive medication review. This Personal Medication List was made "
                "from that call and from your prescription claims. Keep it with you and show it "
                "to your doctors, pharmacists and other health care providers. Write down any "
                "changes so the list stays up to date.", after=8)  # fmt: skip

    w.line(f"PERSONAL MEDICATION LIST FOR {doc.name_text}, DATE OF BIRTH: {dob}", font=w.bold,
           size=10, lead=1.5)  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DATE OF BIRTH: {dob}")
    w.line("Allergies or side effects", font=w.bold, lead=1.4)
    cols = [0.0, 250.0]
    top = w.y
    w.canvas.setLineWidth(0.8)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    _grid_row(w, ["Medicine I took that made me sick or ill", "What happened to me"], cols,
              fnt=w.bold, size=8.5, height=14)  # fmt: skip
    for a in doc.allergies:
        line = _grid_row(w, [a.name_text, a.reaction_text], cols, fnt=w.font, size=9, height=15)
        _fact_allergy(w, a, line)
    _verticals(w, cols, top)
    w.space(10)
    w.line("My medicines", font=w.bold, lead=1.4)

    left, right, width_l, width_r = 0.0, 300.0, 292.0, w.right - w.margin - 306.0
    small = 8.8
    rows = zip(doc.meds, *(x[k].split("|") for k in ("why", "prescriber", "started", "filled",
                                                      "supply")), strict=True)  # fmt: skip
    page = 1
    for m, why, who, started, filled, supply in rows:
        if w.y < 200:
            _at_bottom(w, f"{form_id} · {doc.title} · Page {page} of 2", y=30, fnt=ital, size=7.5)
            w.new_page()
            page += 1
            w.y = w.height - 46
            w.line(f"Personal Medication List for {doc.name_text} · Member ID {doc.mrn_text} "
                   "(continued)", font=ital, size=9, lead=1.8)  # fmt: skip
            _fact_name(w, doc)
            _fact_mrn(w, doc)
        w.canvas.setLineWidth(0.8)
        w.canvas.line(w.margin, w.y, w.right, w.y)
        w.space(3)
        lines = _wrapped_row(w, [
            (left, width_l, [(f"Medicine: {m.name_text}", w.bold, small)]),
            (right, width_r, [(f"Why I use it: {why}", w.font, small)]),
        ], size=small)  # fmt: skip
        lines += _wrapped_row(w, [
            (left, width_l, [(f"How I use it: {m.sig_text}", w.font, small)]),
            (right, width_r, [(f"Prescriber: {who}", w.font, small)]),
        ], size=small)  # fmt: skip
        _fact_med(w, m, " ".join(lines))
        _wrapped_row(w, [
            (left, width_l, [(f"Date I started using it: {started}", w.font, small)]),
            (right, width_r, [(f"Last filled: {pdate(filled, 'us')} ({supply}-day supply)",
                               w.font, small)]),
        ], size=small)  # fmt: skip
        w.space(2)
    w.canvas.setLineWidth(0.8)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    w.space(14)
    if "vaccines" in doc.breaks and page == 1:
        _at_bottom(w, f"{form_id} · {doc.title} · Page 1 of 2", y=30, fnt=ital, size=7.5)
        w.new_page()
        page = 2
        w.y = w.height - 46
        w.line(f"Personal Medication List for {doc.name_text} · Member ID {doc.mrn_text} "
               "(continued)", font=ital, size=9, lead=1.8)  # fmt: skip
        _fact_name(w, doc)
        _fact_mrn(w, doc)

    w.line("Vaccines paid by your plan, 09/01/2024 to 08/31/2026", font=w.bold, lead=1.5)
    cols = [0.0, 90.0, 330.0]
    top = w.y
    w.canvas.setLineWidth(0.8)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    _grid_row(w, ["Date of service", "Vaccine", "Given at"], cols, fnt=w.bold, size=8.5,
              height=14)  # fmt: skip
    places = x["places"].split("|")
    for v, place in zip(doc.vaccines, places, strict=True):
        line = _grid_row(w, [pdate(v.date, "dmon"), v.name_text, place], cols, fnt=w.font,
                         size=8.8, height=15)  # fmt: skip
        number = v.name_text.split("(dose ")[1][0] if "(dose " in v.name_text else ""
        _fact_vaccine(w, v, line, dose_number=number)
    _verticals(w, cols, top)
    w.space(12)
    w.paragraph("Your pharmacist's notes: your 2026-2027 flu shot is due this fall and is covered "
                "at no cost at any network pharmacy. Keep avoiding over-the-counter pain "
                "relievers called NSAIDs, as your kidney doctor advised.", after=6)  # fmt: skip
    w.paragraph("Questions? Call our pharmacists at 1-800-555-0126 (TTY 711), Monday to Friday, "
                "8 a.m. to 8 p.m. Mountain time.", font=ital, size=8.5)  # fmt: skip
    _at_bottom(w, f"{form_id} · {doc.title} · Page {page} of 2", y=30, fnt=ital, size=7.5)


HOLDOUT6_LAYOUTS: dict[str, Layout] = {
    "ed_discharge_instructions": ed_discharge_instructions,
    "nephrology_soap_fax": nephrology_soap_fax,
    "pharmacy_pickup_labels": pharmacy_pickup_labels,
    "volunteer_health_screening": volunteer_health_screening,
    "plan_personal_medication_list": plan_personal_medication_list,
}
