"""Page layouts of the synthetic providers; each draws a Document and records its facts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ._model import Allergy, Document, Med, Vaccine, format_date
from ._writer import PageWriter

Layout = Callable[[Document, PageWriter], None]


# -- facts -------------------------------------------------------------------------------


def _fact_name(w: PageWriter, doc: Document, text: str | None = None) -> None:
    w.fact("identity", name="name", value=doc.name_value, text=text or doc.name_text)


def _fact_dob(w: PageWriter, doc: Document, text: str) -> None:
    w.fact("identity", name="dob", date=doc.dob, text=text)


def _fact_mrn(w: PageWriter, doc: Document) -> None:
    w.fact("identity", name="mrn", value=doc.mrn_value, text=doc.mrn_text)


def _fact_doc_date(w: PageWriter, doc: Document, text: str) -> None:
    w.fact("document_date", date=doc.document_date, value=doc.date_kind, text=text)


def _fact_med(w: PageWriter, m: Med, text: str | None = None) -> None:
    w.fact(
        "medication", name=m.ingredient, dose=m.dose, unit=m.unit, frequency=m.frequency,
        route=m.route, status=m.status, text=text or m.text,
    )  # fmt: skip


def _fact_allergy(w: PageWriter, a: Allergy, text: str | None = None) -> None:
    w.fact(
        "allergy", name=a.name, group=a.group, status=a.status, reaction=a.reaction,
        text=text or a.text,
    )  # fmt: skip


def _fact_vaccine(w: PageWriter, v: Vaccine, text: str) -> None:
    w.fact("vaccine", name=v.name, group=v.group, code=v.code, date=v.date, text=text)


def _date(doc: Document, iso: str, style: str | None = None) -> str:
    return format_date(iso, style or doc.date_style)


def _footer(w: PageWriter, doc: Document, text: str | None = None) -> None:
    """Page footer at a fixed place near the bottom edge; read last on the page."""
    keep = w.y
    w.y = 46
    w.line(text or f"Page {w.page} of {len(doc.scans)}", size=9, center=True)
    w.y = keep


def _next_page(w: PageWriter, doc: Document, footer: str | None = None) -> None:
    _footer(w, doc, footer)
    w.new_page()


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# -- basic set layouts ---------------------------------------------------------------------


def primary_visit(doc: Document, w: PageWriter) -> None:
    """Primary-care visit summary: letterhead, header grid and column tables (Helvetica)."""
    w.line(doc.title.upper(), font=w.bold, size=14)
    w.line(" | ".join(doc.address), size=9)
    w.space(2)
    w.hrule(width=1.2)
    w.space(8)
    w.line("OFFICE VISIT SUMMARY", font=w.bold, size=12, lead=1.6)
    dob = _date(doc, doc.dob)
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob}", f"MRN: {doc.mrn_text}"], [0, 230, 360])
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    visit = _date(doc, doc.document_date)
    w.row([f"Visit date: {visit}", f"Provider: {doc.extra['clinician']}"], [0, 230])
    _fact_doc_date(w, doc, f"Visit date: {visit}")
    w.space(6)
    w.paragraph(f"Reason for visit: {doc.extra['reason']}")

    w.line("Current Medications", font=w.bold, size=11)
    xs = [0, 170, 250]
    w.row(["Medication", "Strength", "Directions"], xs, font=w.bold)
    for m in doc.meds:
        w.row([m.name_text, m.strength_text, m.sig_text], xs)
        _fact_med(w, m)
    w.space(8)

    w.line("Allergies", font=w.bold, size=11)
    w.row(["Allergen", "Reaction"], [0, 170], font=w.bold)
    for a in doc.allergies:
        w.row([a.name_text, a.reaction_text], [0, 170])
        _fact_allergy(w, a, f"{a.name_text} {a.reaction_text}".strip())
    w.space(8)

    if "immunizations" in doc.breaks:
        _next_page(w, doc)
        w.row([f"{doc.title} - {doc.name_text}", f"MRN: {doc.mrn_text}"], [0, 360], size=9)
        _fact_name(w, doc)
        _fact_mrn(w, doc)
        w.space(10)
    w.line("Immunization History", font=w.bold, size=11)
    show_cvx = doc.extra.get("show_cvx") == "yes"
    xs = [0, 230, 300] if show_cvx else [0, 230]
    head = ["Vaccine", "CVX", "Date given"] if show_cvx else ["Vaccine", "Date given"]
    w.row(head, xs, font=w.bold)
    for v in doc.vaccines:
        when = _date(doc, v.date)
        cells = [v.name_text, v.code, when] if show_cvx else [v.name_text, when]
        w.row(cells, xs)
        _fact_vaccine(w, v, " ".join(cells))
    w.space(10)
    w.paragraph(f"Assessment and plan: {doc.extra['plan']}")
    w.line(f"Electronically signed by {doc.extra['clinician']}", size=9)
    _footer(w, doc)


def hospital_discharge(doc: Document, w: PageWriter) -> None:
    """Hospital discharge summary in Times: narrative paragraphs, medications as prose."""
    w.line(doc.title.upper(), font=w.bold, size=14, center=True)
    for ln in doc.address:
        w.line(ln, size=10, center=True)
    w.space(6)
    w.line("DISCHARGE SUMMARY", font=w.bold, size=13, center=True, lead=1.8)
    dob = _date(doc, doc.dob)
    xs = [0, 260]
    w.row([f"Patient name: {doc.name_text}", f"Medical record number: {doc.mrn_text}"], xs, size=11)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.row([f"Date of birth: {dob}", f"Attending physician: {doc.extra['clinician']}"], xs, size=11)
    _fact_dob(w, doc, f"Date of birth: {dob}")
    admit = _date(doc, doc.extra["admitted"])
    discharge = _date(doc, doc.document_date)
    w.row([f"Admission date: {admit}", f"Discharge date: {discharge}"], xs, size=11)
    _fact_doc_date(w, doc, f"Discharge date: {discharge}")
    w.space(10)
    w.paragraph(f"Principal diagnosis: {doc.extra['diagnosis']}", size=11, after=7)
    w.paragraph(f"Hospital course: {doc.extra['course']}", size=11, after=7)

    allergy_text = "; ".join(a.text for a in doc.allergies)
    w.paragraph(f"Allergies: {allergy_text}.", size=11, after=7)
    for a in doc.allergies:
        _fact_allergy(w, a)

    leads = doc.extra["med_leads"].split("|")
    sentences = []
    for i in range(0, len(doc.meds), 3):
        chunk = doc.meds[i : i + 3]
        sentences.append(f"{leads[(i // 3) % len(leads)]} {_join([m.text for m in chunk])}.")
    w.paragraph("Discharge medications: " + " ".join(sentences), size=11, after=7)
    for m in doc.meds:
        _fact_med(w, m)

    if "immunizations" in doc.breaks:
        _next_page(w, doc)
        w.line(
            f"{doc.name_text} - MRN {doc.mrn_text} - Discharge summary (continued)",
            size=9, lead=2.2,
        )  # fmt: skip
        _fact_name(w, doc)
        _fact_mrn(w, doc)
    w.paragraph(f"Immunization history ({doc.extra['imm_source']}):", size=11, after=7)
    for v in doc.vaccines:
        text = f"{v.name_text}, {_date(doc, v.date)}"
        w.line(f"- {text}", size=11, x=w.margin + 14)
        _fact_vaccine(w, v, text)
    w.space(8)
    w.paragraph(f"Follow-up: {doc.extra['followup']}", size=11, after=7)
    w.space(10)
    w.line(f"Electronically signed by {doc.extra['clinician']} on {discharge}.", size=11)
    _footer(w, doc)


def pharmacy_profile(doc: Document, w: PageWriter) -> None:
    """Pharmacy medication profile printout in Courier, fixed-width columns, upper case."""
    size = 9.5
    w.line(doc.title.upper(), font=w.bold, size=12)
    for ln in doc.address:
        w.line(ln.upper(), size=size, lead=1.25)
    w.space(4)
    w.line("PATIENT MEDICATION PROFILE", font=w.bold, size=11, lead=1.6)
    printed = _date(doc, doc.document_date, doc.extra.get("printed_style", "iso"))
    w.line(f"DATE PRINTED: {printed} {doc.extra['printed_time']}", size=size)
    _fact_doc_date(w, doc, f"DATE PRINTED: {printed}")
    w.space(3)
    w.hrule()
    w.space(6)
    dob = _date(doc, doc.dob).upper()
    xs = [0, 300]
    w.row([f"PATIENT: {doc.name_text}", f"DOB: {dob}"], xs, size=size)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    w.row([f"PATIENT ID: {doc.mrn_text}", f"PHONE: {doc.extra['phone']}"], xs, size=size)
    _fact_mrn(w, doc)
    allergy_text = ", ".join(a.text.upper() for a in doc.allergies)
    w.line(f"ALLERGIES: {allergy_text}", size=size)
    for a in doc.allergies:
        _fact_allergy(w, a, a.text.upper())
    w.space(6)
    w.hrule()
    w.space(6)

    w.line("ACTIVE PRESCRIPTIONS", font=w.bold, size=size, lead=1.6)
    xs = [0, 200, 265, 470]
    w.row(["DRUG", "STRENGTH", "DIRECTIONS", "QTY"], xs, font=w.bold, size=size)
    qty = doc.extra["qty"].split("|")
    for i, m in enumerate(doc.meds):
        cells = [m.name_text.upper(), m.strength_text.upper(), m.sig_text.upper(), qty[i % len(qty)]]
        w.row(cells, xs, size=size)
        _fact_med(w, m, " ".join(cells[:3]))
    w.space(6)

    if "immunizations" in doc.breaks:
        _next_page(w, doc, f"PAGE {w.page} OF {len(doc.scans)}")
        w.row([f"PATIENT: {doc.name_text}", f"PATIENT ID: {doc.mrn_text}"], [0, 300], size=size)
        _fact_name(w, doc)
        _fact_mrn(w, doc)
        w.space(8)
    w.line("IMMUNIZATIONS ON FILE", font=w.bold, size=size, lead=1.6)
    xs = [0, 300]
    w.row(["VACCINE", "DATE GIVEN"], xs, font=w.bold, size=size)
    for v in doc.vaccines:
        cells = [v.name_text.upper(), _date(doc, v.date).upper()]
        w.row(cells, xs, size=size)
        _fact_vaccine(w, v, " ".join(cells))
    w.space(10)
    w.hrule()
    w.space(6)
    w.paragraph(doc.extra["disclaimer"].upper(), size=size)
    _footer(w, doc, f"PAGE {w.page} OF {len(doc.scans)}")


# -- hard set layouts ----------------------------------------------------------------------


def clinic_note(doc: Document, w: PageWriter) -> None:
    """Free-text clinic note: medications, allergies and vaccines inside sentences."""
    w.line(doc.title, font=w.bold, size=14)
    w.line(", ".join(doc.address), size=9.5, lead=1.8)
    dob = _date(doc, doc.dob)
    w.row([f"Patient: {doc.name_text}", f"DOB: {dob}", f"Chart #: {doc.mrn_text}"], [0, 190, 330])
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    seen = _date(doc, doc.document_date)
    w.line(f"Date of service: {seen}", lead=2.0)
    _fact_doc_date(w, doc, f"Date of service: {seen}")
    w.hrule()
    w.space(8)
    w.paragraph(f"Subjective: {doc.extra['subjective']}", size=10.5, after=8)

    in_plan = set(doc.extra.get("plan_meds", "").split("|"))
    leads = doc.extra["med_leads"].split("|")
    sentences = []
    listed = [m for m in doc.meds if m.ingredient not in in_plan]
    for i, m in enumerate(listed):
        lead = leads[i % len(leads)]
        sentences.append(f"{lead} {m.text}." if lead else f"{m.text[0].upper()}{m.text[1:]}.")
        _fact_med(w, m)
    w.paragraph("Medications: " + " ".join(sentences), size=10.5, after=8)

    allergy = doc.allergies[0]
    text = f"{allergy.name_text}, which caused {allergy.reaction_text}"
    w.paragraph(f"Allergies: {doc.extra['allergy_lead']} {text}.", size=10.5, after=8)
    _fact_allergy(w, allergy, text)
    w.paragraph(f"Objective: {doc.extra['objective']}", size=10.5, after=8)

    if "immunizations" in doc.breaks:
        _next_page(w, doc)
        w.line(f"{doc.name_text} (Chart #: {doc.mrn_text}) - clinic note, continued", size=9.5, lead=2.0)
        _fact_name(w, doc)
        _fact_mrn(w, doc)
    parts = []
    for v in doc.vaccines:
        text = f"{v.name_text} on {_date(doc, v.date)}"
        parts.append(text)
        _fact_vaccine(w, v, text)
    w.paragraph(f"Immunizations: Her record shows {_join(parts)}.", size=10.5, after=8)

    plan = doc.extra["plan"]
    for m in doc.meds:
        if m.ingredient in in_plan:
            plan = plan.replace("{" + m.ingredient + "}", m.text)
            _fact_med(w, m)
    w.paragraph(f"Assessment and plan: {plan}", size=10.5, after=8)
    w.space(6)
    w.line(f"{doc.extra['clinician']}, {seen}", size=10.5)
    _footer(w, doc)


def two_column_consult(doc: Document, w: PageWriter) -> None:
    """Specialist consult with a full-width header and a two-column body."""
    w.line(doc.title.upper(), font=w.bold, size=13, center=True)
    w.line(" - ".join(doc.address), size=9, center=True, lead=1.7)
    w.line("Cardiology Consultation", font=w.bold, size=12, center=True, lead=1.8)
    dob = _date(doc, doc.dob)
    w.row([f"Name: {doc.name_text}", f"DOB: {dob}", f"MRN: {doc.mrn_text}"], [0, 200, 340])
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    seen = _date(doc, doc.document_date)
    w.row([f"Date of consultation: {seen}", f"Referred by: {doc.extra['referrer']}"], [0, 200])
    _fact_doc_date(w, doc, f"Date of consultation: {seen}")
    w.space(4)
    w.hrule()
    w.space(8)

    left: list[tuple[str, str]] = [("h", "History of present illness"), ("p", doc.extra["hpi"])]
    left.append(("h", "Current medications"))
    for m in doc.meds:
        left.append(("p", m.text))
        _fact_med(w, m)
    right: list[tuple[str, str]] = [("h", "Allergies")]
    for a in doc.allergies:
        right.append(("p", f"{a.name_text} - {a.reaction_text}"))
        _fact_allergy(w, a, f"{a.name_text} - {a.reaction_text}")
    right.append(("h", "Immunizations"))
    for v in doc.vaccines:
        text = f"{v.name_text} {_date(doc, v.date)}"
        right.append(("p", text))
        _fact_vaccine(w, v, text)
    right += [("h", "Assessment"), ("p", doc.extra["assessment"])]
    right += [("h", "Plan"), ("p", doc.extra["plan"])]
    w.columns(left, right)
    w.space(14)
    w.line(doc.extra["clinician"])
    _footer(w, doc)


def fax_referral(doc: Document, w: PageWriter) -> None:
    """Faxed referral letter: a fax machine header line on each page, monospace body."""
    pages = len(doc.scans)
    stamps = doc.extra["fax_times"].split("|")

    def fax_header() -> None:
        stamp = f"FAX {doc.extra['fax_date']} {stamps[w.page - 1]} P.{w.page:03d}/{pages:03d}"
        w.row([stamp, doc.extra["fax_from"]], [0, 250], size=9, lead=2.4)

    fax_header()
    w.line(doc.title.upper(), font=w.bold, size=12)
    for ln in doc.address:
        w.line(ln, size=10, lead=1.25)
    w.space(8)
    w.line("REFERRAL / TRANSFER OF CARE", font=w.bold, size=11, lead=1.8)
    ref = _date(doc, doc.document_date)
    w.line(f"Date of referral: {ref}")
    _fact_doc_date(w, doc, f"Date of referral: {ref}")
    w.line(f"To: {doc.extra['to']}", lead=1.8)
    dob = _date(doc, doc.dob)
    w.row([f"RE: {doc.name_text}", f"DOB: {dob}", f"MRN: {doc.mrn_text}"], [0, 190, 330])
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    w.space(8)
    w.paragraph(doc.extra["reason"], after=8)
    w.line("MEDICATIONS:", font=w.bold)
    for i, m in enumerate(doc.meds, start=1):
        w.line(f"{i}. {m.text}", x=w.margin + 10)
        _fact_med(w, m)
    w.space(6)
    allergy_text = "; ".join(a.text for a in doc.allergies)
    w.line(f"ALLERGIES: {allergy_text}", lead=1.8)
    for a in doc.allergies:
        _fact_allergy(w, a)

    if "immunizations" in doc.breaks:
        _next_page(w, doc)
        fax_header()
        w.line(f"RE: {doc.name_text}  MRN: {doc.mrn_text}  (continued)", lead=2.0)
        _fact_name(w, doc)
        _fact_mrn(w, doc)
    w.line("IMMUNIZATIONS:", font=w.bold)
    for v in doc.vaccines:
        text = f"{v.name_text} {_date(doc, v.date)}"
        w.line(f"- {text}", x=w.margin + 10)
        _fact_vaccine(w, v, text)
    w.space(8)
    w.paragraph(f"PLAN: {doc.extra['plan']}", after=12)
    w.line(doc.extra["clinician"])
    _footer(w, doc)


def _ruled_table(
    w: PageWriter, header: list[str], rows: list[list[str]], xs: Sequence[float], size: float
) -> None:
    """A table with a rule under every row and vertical rules between columns."""
    pad = 4.0
    x_edges = [w.margin + x - pad for x in xs] + [w.right]
    top = w.y
    w.hrule(w.margin - pad, w.right, 0.8)
    for i, cells in enumerate([header, *rows]):
        w.space(size * 0.45)
        w.row(cells, xs, font=w.bold if i == 0 else None, size=size, lead=1.3)
        w.hrule(w.margin - pad, w.right, 0.8 if i == 0 else 0.5)
    for x in x_edges:
        w.canvas.line(x, top, x, w.y)
    w.space(10)


def lab_letter(doc: Document, w: PageWriter) -> None:
    """Specialist letter with ruled tables (results, medications, immunizations)."""
    size = 10.0
    w.line(doc.title, font=w.bold, size=14)
    w.line(" | ".join(doc.address), size=9, lead=2.0)
    sent = _date(doc, doc.document_date)
    w.line(sent, lead=1.8)
    _fact_doc_date(w, doc, sent)
    w.line(doc.extra["to"])
    w.space(6)
    dob = _date(doc, doc.dob)
    w.line(f"Re: {doc.name_text} | DOB {dob} | Clinic no. {doc.mrn_text}", font=w.bold, lead=1.8)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB {dob}")
    _fact_mrn(w, doc)
    w.paragraph(doc.extra["opening"], after=8)
    _ruled_table(
        w, ["Date", "INR", "Target range"],
        [r.split(";") for r in doc.extra["inr"].split("|")], [0, 150, 260], size,
    )  # fmt: skip
    w.line("Current medication list", font=w.bold, lead=1.6)
    rows = []
    for m in doc.meds:
        cells = [m.name_text, m.strength_text, *m.sig_text.split(";")]
        rows.append(cells)
        _fact_med(w, m, " ".join(cells))
    _ruled_table(w, ["Medication", "Dose", "Route", "Frequency"], rows, [0, 190, 290, 370], size)

    if "immunizations" in doc.breaks:
        _next_page(w, doc)
        w.line(f"Re: {doc.name_text} | Clinic no. {doc.mrn_text} | page {w.page}", size=9, lead=2.2)
        _fact_name(w, doc)
        _fact_mrn(w, doc)
    allergy_text = "; ".join(a.text for a in doc.allergies)
    w.line(f"Allergies: {allergy_text}", lead=1.8)
    for a in doc.allergies:
        _fact_allergy(w, a)
    w.line("Immunizations on file", font=w.bold, lead=1.6)
    rows = []
    for v in doc.vaccines:
        cells = [v.name_text, _date(doc, v.date)]
        rows.append(cells)
        _fact_vaccine(w, v, " ".join(cells))
    _ruled_table(w, ["Vaccine", "Date given"], rows, [0, 260], size)
    w.paragraph(doc.extra["closing"], after=14)
    w.line("Sincerely,")
    w.space(14)
    w.line(doc.extra["clinician"])
    _footer(w, doc)


LAYOUTS: dict[str, Layout] = {
    "primary_visit": primary_visit,
    "hospital_discharge": hospital_discharge,
    "pharmacy_profile": pharmacy_profile,
    "clinic_note": clinic_note,
    "two_column_consult": two_column_consult,
    "fax_referral": fax_referral,
    "lab_letter": lab_letter,
}
