"""Page layouts of the fourth held-out set: record types, fonts and wording no other set uses."""

from __future__ import annotations

from pathlib import Path

from ._layouts import Layout, _fact_allergy, _fact_dob, _fact_doc_date, _fact_mrn, _fact_name
from ._layouts_holdout2 import _at_bottom, _fact_med, _fact_vaccine
from ._layouts_holdout3 import _grid_row, _verticals
from ._model import MONTHS, Document, format_date
from ._writer import DEJAVU_DIR, PageWriter, embed_ttf, embed_type1, resolve_font

_NOTO = Path("/usr/share/fonts/truetype/noto")
_URW_AFM = Path("/usr/share/fonts/type1/urw-base35")
_URW_PFB = Path("/usr/share/fonts/X11/Type1")

# Registered name -> (TTF file, folder, standard face used when the file is absent; then
# the line wrapping, and so the truth, differs).
_TTF = {
    "DejaVuSans-ExtraLight": ("DejaVuSans-ExtraLight.ttf", DEJAVU_DIR, "Helvetica"),
    "DejaVuSans-BoldOblique": ("DejaVuSans-BoldOblique.ttf", DEJAVU_DIR, "Helvetica-Bold"),
    "DejaVuSansCondensed-BoldOblique": (
        "DejaVuSansCondensed-BoldOblique.ttf", DEJAVU_DIR, "Helvetica-Bold"
    ),
    "NotoSansMono": ("NotoSansMono-Regular.ttf", _NOTO, "Courier"),
}  # fmt: skip
# URW base-35 Type 1 faces not used by the other sets.
_URW = {
    "NimbusSans-Regular": "Helvetica",
    "NimbusMonoPS-Regular": "Courier",
    "NimbusMonoPS-Bold": "Courier-Bold",
    "NimbusRoman-Regular": "Times-Roman",
    "C059-BdIta": "Times-Bold",
    "Z003-MediumItalic": "Times-Roman",
}


def face(name: str) -> str:
    """A registered font to draw with: a TTF, a URW Type 1 face, or a standard fallback."""
    if name in _TTF:
        filename, folder, fallback = _TTF[name]
        return embed_ttf(name, folder / filename) or resolve_font(fallback)
    if name in _URW:
        afm, pfb = _URW_AFM / f"{name}.afm", _URW_PFB / f"{name}.pfb"
        return embed_type1(f"URW-{name}", afm, pfb) or resolve_font(_URW[name])
    return resolve_font(name)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def pdate(iso: str, style: str) -> str:
    """Dates in these providers' styles.

    ``military`` 16FEB1949, ``ordinal`` February 16th, 1949, ``mon_dash`` Feb-16-1949,
    ``mdy`` 2/16/1949, ``weekday`` Tuesday, April 14, 2026.
    """
    import datetime as dt

    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    year, month, day = (int(p) for p in iso.split("-"))
    mon = MONTHS[month - 1]
    if style == "weekday":
        return f"{_WEEKDAYS[dt.date(year, month, day).weekday()]}, {mon} {day}, {year}"
    return {
        "military": f"{day:02d}{mon[:3].upper()}{year}",
        "ordinal": f"{mon} {_ordinal(day)}, {year}",
        "mon_dash": f"{mon[:3]}-{day:02d}-{year}",
        "mdy": f"{month}/{day}/{year}",
    }[style]


def _use(w: PageWriter, base: str, bold: str, size: float) -> None:
    w.font, w.bold, w.size = face(base), face(bold), size


def _prose(w: PageWriter, text: str, *, x: float = 0.0, after: float = 5.0) -> None:
    w.paragraph(text, x=x, lead=1.32, after=after)


# -- skilled-nursing interfacility transfer form ------------------------------------------------


def interfacility_transfer(doc: Document, w: PageWriter) -> None:
    """Two-page transfer form; the medication grid with last-given times is on page 2."""
    w.margin = 46.0
    w.y = w.height - w.margin
    _use(w, "NimbusSans-Regular", "DejaVuSans-BoldOblique", 9.0)
    x = doc.extra
    sent = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    def header() -> None:
        w.line(doc.title, font=w.bold, size=12.5, lead=1.3)
        for ln in doc.address:
            w.line(ln, size=8, lead=1.25)
        w.space(4)
        w.line("INTERFACILITY TRANSFER FORM", font=w.bold, size=11.5, center=True, lead=1.6)
        w.row([f"Resident: {doc.name_text}", f"DOB: {dob}", f"Record #: {doc.mrn_text}"],
              [0, 230, 355])  # fmt: skip
        _fact_name(w, doc)
        _fact_dob(w, doc, f"DOB: {dob}")
        _fact_mrn(w, doc)
        w.hrule()
        w.space(6)

    def section(title: str) -> None:
        w.space(5)
        w.line(title, font=w.bold, size=10, lead=1.5)

    header()
    w.row([f"Date of transfer: {sent}", "Time: 1100"], [0, 230])
    _fact_doc_date(w, doc, f"Date of transfer: {sent}")
    w.line(f"Sending facility: {x['sending']}")
    w.line(f"Receiving facility: {x['receiving']}")
    w.line(f"Reason for transfer: {x['reason']}")
    w.line(f"Code status: {x['code_status']}")
    w.line(f"Last vital signs: {x['vitals']}")

    section("Diagnoses")
    for n, dx in enumerate(x["diagnoses"].split("|"), start=1):
        w.line(f"{n}. {dx}", x=w.margin + 10)

    section("Allergies & Sensitivities")
    w.line("[ ] None known   [x] See below", x=w.margin + 10)
    for a in doc.allergies:
        text = f"{a.name_text} -> {a.reaction_text}"
        w.line(text, x=w.margin + 10)
        _fact_allergy(w, a, text)

    section("Immunization status")
    for v in doc.vaccines:
        text = f"{v.name_text} {pdate(v.date, doc.date_style)}"
        w.line(text, x=w.margin + 10)
        _fact_vaccine(w, v, text)
    w.line("COVID-19: declined (resident preference)", x=w.margin + 10)

    section("Functional status")
    w.line("Transfers with 1 assist; wheelchair for distances; pureed diet, thin liquids;")
    w.line("continent of bladder; skin intact except stage 1 area, sacrum.")
    _at_bottom(w, f"{x['footer']} - page 1 of 2", y=30, fnt=w.font, size=7.5)

    w.new_page()
    header()
    section("Current Medications (last given)")
    cols = [0.0, 170.0, 240.0, 290.0, 380.0]
    top = w.y
    w.canvas.setLineWidth(0.9)
    w.canvas.line(w.margin, w.y, w.right, w.y)
    heads = ["Medication", "Dose", "Route", "Schedule", "Last given"]
    _grid_row(w, heads, cols, fnt=w.bold, size=8.5, height=16)
    for m, last in zip(doc.meds, x["last_given"].split("|"), strict=True):
        route, sched = m.sig_text.split(";")
        line = _grid_row(w, [m.name_text, m.strength_text, route, sched, last], cols,
                         fnt=w.font, size=9, height=18)  # fmt: skip
        _fact_med(w, m, line)
    _verticals(w, cols, top)
    w.space(10)
    w.line("Medication administration record (MAR) for the last 72 hours is attached.")
    w.line("Controlled substances counted and signed out: none.", lead=2.0)
    w.line(x["nurse"])
    w.line("Receiving signature: ______________________   Date/time: ____________", lead=1.8)
    _at_bottom(w, f"{x['footer']} - page 2 of 2", y=30, fnt=w.font, size=7.5)


# -- endocrinology lab-and-plan letter ------------------------------------------------------


def endo_plan_letter(doc: Document, w: PageWriter) -> None:
    """A letter to the primary doctor with labs and a Was -> Now medication change table."""
    w.margin = 60.0
    w.y = w.height - 50
    _use(w, "DejaVuSans-ExtraLight", "DejaVuSansCondensed-BoldOblique", 9.5)
    mono = face("NotoSansMono")
    x = doc.extra
    dated = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)

    w.line(doc.title, font=w.bold, size=15, lead=1.25)
    w.line(" - ".join(doc.address), size=8, lead=2.2)
    w.line(dated, lead=1.8)
    _fact_doc_date(w, doc, dated)
    w.line(x["to"], lead=1.8)
    text = f"RE: {doc.name_text}, born {dob} (our ref. {doc.mrn_text})"
    w.line(text, font=w.bold, lead=1.8)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"born {dob}")
    _fact_mrn(w, doc)
    w.line("Dear Dr. Osei,", lead=1.6)
    _prose(w, f"Thank you for asking me to keep following Mrs. Abernathy. I saw her in clinic "
              f"today with her daughter. Results: {x['labs']}")  # fmt: skip
    _prose(w, x["plan"])

    w.line("Medication changes", font=w.bold, size=10.5, lead=1.6)
    cols = [0.0, 150.0, 265.0, 290.0]
    w.row(["Medicine", "Was", "", "Now"], cols, font=w.bold, size=9)
    w.hrule(width=0.4)
    w.space(2)
    for m, note in zip(doc.meds, x["notes"].split("|"), strict=True):
        cells = [m.name_text, m.strength_text, "->", m.sig_text]
        w.row(cells, cols, font=mono, size=8.2, lead=1.5)
        _fact_med(w, m, " ".join(cells))
        w.line(f"({note})", font=mono, size=7.2, x=w.margin + 290, lead=1.45)
    w.space(6)

    allergy_texts = [f"{a.name_text} ({a.reaction_text})" for a in doc.allergies]
    _prose(w, f"Intolerances on our file: {allergy_texts[0]} and {allergy_texts[1]}.")
    for a, t in zip(doc.allergies, allergy_texts, strict=True):
        _fact_allergy(w, a, t)
    parts = [f"{v.name_text} on {pdate(v.date, doc.date_style)}" for v in doc.vaccines]
    _prose(w, f"Vaccines, from her card: {parts[0]}; {parts[1]}; {parts[2]}.")
    for v, t in zip(doc.vaccines, parts, strict=True):
        _fact_vaccine(w, v, t)
    _prose(w, x["followup"])
    w.line("With kind regards,", lead=1.4)
    w.line("P. Ramaswamy", font=face("Z003-MediumItalic"), size=17, lead=1.2)
    w.line(x["signer"])
    _at_bottom(w, x["footer"], y=30, fnt=w.font, size=7)


# -- independent pharmacy counseling printout -----------------------------------------------


def counseling_printout(doc: Document, w: PageWriter) -> None:
    """One counseling leaflet per dispensed drug, three to a page."""
    w.margin = 50.0
    w.y = w.height - w.margin
    _use(w, "NimbusMonoPS-Regular", "NimbusMonoPS-Bold", 9.0)
    x = doc.extra
    filled = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, doc.date_style)
    pages = len(doc.scans)

    def header(page: int) -> None:
        w.line(f"{doc.title.upper()}  {doc.address[0]}  {doc.address[1]}", font=w.bold,
               size=8.5, lead=1.4)  # fmt: skip
        w.row([f"PATIENT: {doc.name_text}", f"DOB: {dob}", f"ACCT: {doc.mrn_text}"],
              [0, 235, 370], size=8.5)  # fmt: skip
        _fact_name(w, doc)
        _fact_dob(w, doc, f"DOB: {dob}")
        _fact_mrn(w, doc)
        if page == 1:
            w.line(f"PRINTED: {filled}", size=8.5)
            _fact_doc_date(w, doc, f"PRINTED: {filled}")
            allergy = doc.allergies[0]
            text = f"{allergy.name_text} ({allergy.reaction_text})"
            w.line(f"ALLERGIES ON PROFILE: {text}", size=8.5)
            _fact_allergy(w, allergy, text)
        w.hrule()
        w.space(8)

    header(1)
    per_page = 3
    for i, (m, rx, what, watch) in enumerate(zip(
        doc.meds, x["rx"].split("|"), x["what"].split("|"), x["watch"].split("|"), strict=True
    )):  # fmt: skip
        if i and i % per_page == 0:
            _at_bottom(w, f"{x['footer']} - page {w.page} of {pages}", y=30, fnt=w.font, size=7.5)
            w.new_page()
            header(w.page)
        w.line(f"Rx# {rx}   FILLED {filled}", size=8.5)
        drug = f"{m.name_text} {m.strength_text}"
        w.line(drug, font=w.bold, size=10, lead=1.5)
        w.line("WHAT IS THIS MEDICINE?", font=w.bold, size=8.5)
        w.paragraph(what, size=8.5, x=12, after=2)
        w.line("HOW SHOULD I USE THIS MEDICINE?", font=w.bold, size=8.5)
        w.paragraph(m.sig_text + ".", size=8.5, x=12, after=2)
        # The drug's name and its directions are apart, with the description between.
        _fact_med(w, m, f"{drug} WHAT IS THIS MEDICINE? {what} HOW SHOULD I USE THIS "
                        f"MEDICINE? {m.sig_text}.")  # fmt: skip
        w.line("WHAT SHOULD I WATCH FOR?", font=w.bold, size=8.5)
        w.paragraph(watch, size=8.5, x=12, after=10)
    w.line(x["pharmacist"], size=8.5)
    _at_bottom(w, f"{x['footer']} - page {w.page} of {pages}", y=30, fnt=w.font, size=7.5)


# -- palliative care intake note in prose ------------------------------------------------


def palliative_intake(doc: Document, w: PageWriter) -> None:
    """A palliative care consultation note written as prose."""
    w.margin = 64.0
    w.y = w.height - 56
    _use(w, "NimbusRoman-Regular", "C059-BdIta", 10.5)
    x = doc.extra
    seen = pdate(doc.document_date, doc.date_style)
    dob = pdate(doc.dob, "mdy")

    w.line(doc.title, font=w.bold, size=14, center=True, lead=1.3)
    w.line(doc.address[0], size=8.5, center=True, lead=1.8)
    w.line("Palliative Care Consultation - Initial Visit", font=w.bold, size=11.5, lead=1.5)
    w.line(f"Seen on {seen}", lead=1.4)
    _fact_doc_date(w, doc, seen)
    w.row([f"Patient: {doc.name_text}", f"Date of birth: {dob}", f"MRN {doc.mrn_text}"],
          [0, 190, 330])  # fmt: skip
    _fact_name(w, doc)
    _fact_dob(w, doc, f"Date of birth: {dob}")
    _fact_mrn(w, doc)
    w.hrule()
    w.space(8)

    def heading(text: str) -> None:
        w.line(text, font=w.bold, size=11, lead=1.45)

    heading("Story")
    _prose(w, "Mrs. Abernathy is a 77-year-old retired schoolteacher with heart failure (EF 30%), "
              "type 2 diabetes, hypothyroidism and stage 3b kidney disease. She came to us on "
              "04/10 from Birchwood, where she had lost 6 kg since January, was eating little "
              "and had two low sugars. She says she is tired of hospitals and wants to be "
              "comfortable and near her garden.")  # fmt: skip

    heading("Medicines")
    meds = list(doc.meds)
    home, new = meds[:-1], meds[-1]
    phrases = [f"{m.name_text} {m.strength_text} {m.sig_text}" for m in home]
    _prose(w, f"She takes {phrases[0]}, {phrases[1]}, {phrases[2]}, {phrases[3]}, "
              f"{phrases[4]} and {phrases[5]}. Her daughter fills the weekly pill box.")  # fmt: skip
    new_text = f"{new.name_text} {new.strength_text} {new.sig_text}"
    _prose(w, f"For breathlessness at night we started {new_text}; the family was shown how "
              f"to measure it with the oral syringe.")  # fmt: skip
    for m, t in zip(meds, [*phrases, new_text], strict=True):
        _fact_med(w, m, t)

    heading("Allergies")
    ery, contrast = doc.allergies
    ery_text = f"{ery.name_text}, which makes her {ery.reaction_text}"
    contrast_text = f"{contrast.reaction_text} after {contrast.name_text}"
    _prose(w, f"She cannot take {ery_text}, and she broke out in {contrast_text} for a CT "
              f"scan in 2019.")  # fmt: skip
    _fact_allergy(w, ery, ery_text)
    _fact_allergy(w, contrast, contrast_text)

    heading("Immunizations")
    flu, tdap = doc.vaccines
    flu_text = f"{flu.name_text} flu shot on {pdate(flu.date, 'mdy')}"
    tdap_text = f"{tdap.name_text} on {pdate(tdap.date, 'mdy')}"
    _prose(w, f"Her daughter keeps the records: a {flu_text} and a {tdap_text}. She does not "
              f"recall a pneumonia vaccine and the family did not have a record of one.")  # fmt: skip
    _fact_vaccine(w, flu, flu_text)
    _fact_vaccine(w, tdap, tdap_text)

    heading("Impression and plan")
    _prose(w, "Advanced heart failure with frailty; goals are comfort and time at home. We "
              "will relax the sugar targets, check a fingerstick only once a day, and talk "
              "with her endocrinologist about stopping the glipizide. Chaplain and social work "
              "to visit. Family meeting on Thursday at 2 pm.")  # fmt: skip
    w.space(6)
    w.line(x["clinician"])
    _at_bottom(w, x["footer"], y=30, fnt=w.font, size=7.5)


HOLDOUT4_LAYOUTS: dict[str, Layout] = {
    "interfacility_transfer": interfacility_transfer,
    "endo_plan_letter": endo_plan_letter,
    "counseling_printout": counseling_printout,
    "palliative_intake": palliative_intake,
}
