"""Page layouts of the held-out set: record styles, fonts and wording no other set uses."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import landscape, letter

from ._layouts import (
    Layout,
    _fact_allergy,
    _fact_dob,
    _fact_doc_date,
    _fact_med,
    _fact_mrn,
    _fact_name,
    _join,
)
from ._model import MONTHS, Document, Med, Vaccine, format_date
from ._writer import (
    DEJAVU_DIR,
    REPORTLAB_FONTS,
    PageWriter,
    clean_line,
    embed_ttf,
    embed_type1,
    resolve_font,
)

# Registered name -> (TTF file, folder, standard font used when the file is absent).
# Bitstream Vera ships inside reportlab, so the portal's look never depends on the machine.
_TTF = {
    "Vera": ("Vera.ttf", REPORTLAB_FONTS, "Helvetica"),
    "VeraBd": ("VeraBd.ttf", REPORTLAB_FONTS, "Helvetica-Bold"),
    "DejaVuSerifCondensed": ("DejaVuSerifCondensed.ttf", DEJAVU_DIR, "Times-Roman"),
    "DejaVuSerifCondensed-Bold": ("DejaVuSerifCondensed-Bold.ttf", DEJAVU_DIR, "Times-Bold"),
}

# The oblique and italic standard faces _writer does not embed; embedded for the same
# reason as there (Poppler would otherwise substitute whatever the machine has).
_TYPE1 = {
    "Helvetica-Oblique": "_ai_____",
    "Times-Italic": "_ei_____",
    "Courier-Oblique": "coo_____",
}


def register_font(name: str, ttf: dict[str, tuple[str, Path, str]], type1: dict[str, str]) -> str:
    """A registered font name to draw with: a TrueType face from `ttf`, an embedded Type 1
    face from reportlab's own fonts by `type1`, else a standard face (`resolve_font`)."""
    if name in ttf:
        filename, folder, fallback = ttf[name]
        return embed_ttf(name, folder / filename) or register_font(fallback, ttf, type1)
    if name in type1:
        afm, pfb = REPORTLAB_FONTS / f"{type1[name]}.afm", REPORTLAB_FONTS / f"{type1[name]}.pfb"
        return embed_type1(f"Embedded-{name}", afm, pfb) or name
    return resolve_font(name)


def font(name: str) -> str:
    """A registered font name to draw with, falling back to a standard face."""
    return register_font(name, _TTF, _TYPE1)


def print_date(iso: str, style: str) -> str:
    """Dates in the held-out providers' own styles, besides those of `format_date`.

    ``num`` 8/2/2024 (no zero padding), ``yy`` 06/01/24, ``mon`` Aug 2, 2024,
    ``dmonth`` 2 August 2024.
    """
    if style not in {"num", "yy", "mon", "dmonth"}:
        return format_date(iso, style)
    year, month, day = (int(p) for p in iso.split("-"))
    format_date(iso, "iso")  # refuse an impossible date in the scenario data
    return {
        "num": f"{month}/{day}/{year}",
        "yy": f"{month:02d}/{day:02d}/{year % 100:02d}",
        "mon": f"{MONTHS[month - 1][:3]} {day}, {year}",
        "dmonth": f"{day} {MONTHS[month - 1]} {year}",
    }[style]


def _use(w: PageWriter, base: str, bold: str, size: float) -> None:
    w.font, w.bold, w.size = font(base), font(bold), size


def _at_bottom(w: PageWriter, text: str, *, y: float, fnt: str, size: float, center: bool) -> None:
    """A footer line at a fixed height; recorded last on the page like every footer."""
    keep = w.y
    w.y = y
    w.line(text, font=fnt, size=size, center=center)
    w.y = keep


def _cells(w: PageWriter, cells: Sequence[tuple[str, float, str, float]], *, height: float) -> None:
    """Cells of mixed fonts and sizes on one baseline, recorded as one line, left to right."""
    size = max(c[3] for c in cells)
    for text, x, fnt, sz in cells:
        w.canvas.setFont(fnt, sz)
        w.canvas.drawString(w.margin + x, w.y - size, text)
    line = clean_line(" ".join(c[0] for c in cells))
    if line:
        w.pages[-1].append(line)
    w.y -= height


def _vaccine_fact(w: PageWriter, v: Vaccine, text: str, dose_number: str = "") -> None:
    fields = {"name": v.name, "group": v.group, "code": v.code, "date": v.date}
    if dose_number:
        fields["dose_number"] = dose_number
    w.fact("vaccine", **fields, text=text)


def _split_meds(doc: Document) -> tuple[list[Med], list[Med]]:
    """(meds listed as current, meds written into the plan), per the doc's plan_meds."""
    in_plan = set(doc.extra.get("plan_meds", "").split("|"))
    return (
        [m for m in doc.meds if m.ingredient not in in_plan],
        [m for m in doc.meds if m.ingredient in in_plan],
    )


# -- urgent care: SOAP note --------------------------------------------------------------


def soap_note(doc: Document, w: PageWriter) -> None:
    """Urgent-care visit note in S/O/A-P form; home meds and the new Rx written in the plan."""
    _use(w, "DejaVuSerifCondensed", "DejaVuSerifCondensed-Bold", 10.0)
    x = doc.extra
    w.line(doc.title.upper(), font=w.bold, size=13)
    w.line(" \u2022 ".join(doc.address), size=9)
    w.space(3)
    w.hrule(width=0.9)
    w.space(8)
    w.line("URGENT CARE VISIT NOTE", font=w.bold, size=11, lead=1.7)
    dob = print_date(doc.dob, doc.date_style)
    xs = [0, 190, 330]
    w.row([f"Pt: {doc.name_text}", f"DOB: {dob}", f"Acct#: {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    _fact_mrn(w, doc)
    dos = print_date(doc.document_date, doc.date_style)
    w.row([f"DOS: {dos}", f"Time in: {x['time_in']}", f"Provider: {x['clinician']}"], xs)
    _fact_doc_date(w, doc, f"DOS: {dos}")
    w.space(6)
    w.paragraph(f"CC: {x['cc']}", after=3)
    allergy = "; ".join(f"{a.name_text} - {a.reaction_text}" for a in doc.allergies)
    w.line(f"ALLERGY: {allergy}", font=w.bold, lead=1.6)
    for a in doc.allergies:
        _fact_allergy(w, a, f"{a.name_text} - {a.reaction_text}")
    w.paragraph(f"S: {x['subjective']}", after=5)
    w.paragraph(f"O: {x['objective']}", after=5)
    w.paragraph(f"A/P: {x['assessment']}", after=2)
    home, new = _split_meds(doc)
    for item in x["plan"].split("|"):
        if item == "{rx}":
            for m in new:
                w.paragraph(f"- Rx: {m.text}", x=14, after=2)
                _fact_med(w, m)
        elif item == "{home}":
            w.paragraph(f"- Continue home meds: {', '.join(m.text for m in home)}.", x=14, after=2)
            for m in home:
                _fact_med(w, m)
        else:
            w.paragraph(f"- {item}", x=14, after=2)
    w.space(14)
    w.line(f"Electronically signed by {x['clinician']} on {dos} {x['signed_time']}", size=9)
    _at_bottom(w, x["footer"], y=44, fnt=w.font, size=8, center=True)


# -- patient portal printout ---------------------------------------------------------------


def portal_summary(doc: Document, w: PageWriter) -> None:
    """Patient-portal "My Health Summary" printout: sans-serif, plain-language headings."""
    _use(w, "Vera", "VeraBd", 10.0)
    x = doc.extra
    oblique = font("Helvetica-Oblique")
    printed = print_date(doc.document_date, doc.date_style)
    pages = len(doc.scans)

    def footer() -> None:
        text = (
            f"{x['portal_url']}   Printed {printed} {x['printed_time']}   Page {w.page} of {pages}"
        )
        _at_bottom(w, text, y=38, fnt=oblique, size=8, center=False)

    w.row([doc.title, x["portal_name"]], [0, 400], font=w.bold, size=15, lead=1.5)
    w.line("My Health Summary", font=w.bold, size=13, lead=1.7)
    dob = print_date(doc.dob, doc.date_style)
    w.row([doc.name_text, f"Date of birth: {dob}", f"MRN: {doc.mrn_text}"], [0, 150, 330])
    _fact_name(w, doc)
    _fact_dob(w, doc, f"Date of birth: {dob}")
    _fact_mrn(w, doc)
    w.line(f"Primary care provider: {x['pcp']}", lead=1.6)
    w.paragraph(x["intro"].format(printed=printed), size=9, after=8)
    w.hrule(width=0.4)
    w.space(8)

    w.line("Health issues", font=w.bold, size=12, lead=1.6)
    for issue in x["issues"].split("|"):
        w.line(issue, x=w.margin + 10)
    w.space(8)

    w.line("Medicines you are taking", font=w.bold, size=12, lead=1.6)
    for m in doc.meds:
        w.line(f"{m.name_text} {m.strength_text}", font=w.bold, size=10, lead=1.3)
        w.line(m.sig_text, size=9.5, x=w.margin + 12, lead=1.6)
        _fact_med(w, m)
    footer()
    _fact_doc_date(w, doc, f"Printed {printed}")

    w.new_page()
    w.line(f"{doc.name_text} \u2022 Date of birth: {dob}", size=9, lead=2.2)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"Date of birth: {dob}")
    w.line("Allergies and reactions", font=w.bold, size=12, lead=1.6)
    xs = [0, 140, 300, 380]
    w.row(["Allergen", "Reactions", "Severity", "Noted"], xs, font=w.bold, size=9)
    notes = x["allergy_notes"].split("|")
    for a, note in zip(doc.allergies, notes, strict=True):
        severity, noted = note.split(";")
        w.row([a.name_text, a.reaction_text, severity, print_date(noted, doc.date_style)], xs)
        _fact_allergy(w, a, f"{a.name_text} {a.reaction_text}")
    w.space(10)

    w.line("Immunizations you've received", font=w.bold, size=12, lead=1.6)
    xs = [0, 330]
    w.row(["Immunization", "Date received"], xs, font=w.bold, size=9)
    for v in doc.vaccines:
        cells = [v.name_text, print_date(v.date, doc.date_style)]
        w.row(cells, xs)
        _vaccine_fact(w, v, " ".join(cells))
    w.space(10)

    w.line("Preventive care reminders", font=w.bold, size=12, lead=1.6)
    for reminder in x["reminders"].split("|"):
        topic, status, iso = reminder.split(";")
        w.row([topic, f"{status} {print_date(iso, doc.date_style)}"], [0, 330])
    w.space(10)
    w.paragraph(x["disclaimer"], font=oblique, size=8.5)
    footer()


# -- nursing-home medication administration record ----------------------------------------


def mar_grid(doc: Document, w: PageWriter) -> None:
    """Nursing-home MAR, landscape: a ruled order grid with a box per day of the month."""
    w.canvas.setPageSize(landscape(letter))
    w.width, w.height = landscape(letter)
    w.margin = 30.0
    w.y = w.height - w.margin
    _use(w, "Courier", "Courier-Bold", 9.0)
    x = doc.extra
    w.row([doc.title.upper(), "MEDICATION ADMINISTRATION RECORD"], [0, 470], font=w.bold, size=11)
    w.line(" - ".join(doc.address).upper(), size=8.5, lead=1.8)
    dob = print_date(doc.dob, "us")  # order dates are short, the birth date never is
    xs = [0, 260, 400, 500, 620]
    w.row([f"RESIDENT: {doc.name_text}", f"RES #: {doc.mrn_text}", f"ROOM: {x['room']}",
           f"DOB: {dob}", f"SEX: {x['sex']}"], xs)  # fmt: skip
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    _fact_dob(w, doc, f"DOB: {dob}")
    period = " - ".join(print_date(d, doc.date_style) for d in x["period"].split("|"))
    w.row([f"PHYSICIAN: {x['physician']}", f"ADMIT: {print_date(x['admit'], doc.date_style)}",
           f"PERIOD: {period}"], [0, 260, 400])  # fmt: skip
    w.line(f"DX: {x['dx']}")
    allergy = "; ".join(f"{a.name_text} ({a.reaction_text})" for a in doc.allergies)
    w.line(f"ALLERGIES: {allergy}", font=w.bold, lead=1.7)
    for a in doc.allergies:
        _fact_allergy(w, a, f"{a.name_text} ({a.reaction_text})")

    # Columns: order, dose, route, frequency, start, stop, hour, then one box per day.
    cols = [0.0, 160.0, 210.0, 242.0, 350.0, 398.0, 446.0]
    grid_x, days = 520.0, int(x["days"])
    box = (w.right - w.margin - grid_x) / days
    small = font("Helvetica")
    left, top = w.margin - 3, w.y
    head = [
        (t, c, w.bold, 8.5)
        for t, c in zip(
            ["ORDER", "DOSE", "ROUTE", "FREQ", "START", "STOP", "HOUR"], cols, strict=True
        )
    ]
    head += [(str(d), grid_x + (d - 1) * box + 1.0, small, 6.0) for d in range(1, days + 1)]
    w.hrule(left, w.right, 0.9)
    w.space(3)
    _cells(w, head, height=12)
    w.hrule(left, w.right, 0.9)
    rows = x["rows"].split("|")
    for m, row in zip(doc.meds, rows, strict=True):
        start, stop, hours = row.split(";")
        route, freq = m.sig_text.split(";")
        start_text = print_date(start, doc.date_style)
        stop_text = print_date(stop, doc.date_style) if stop else ""
        cells = [m.name_text, m.strength_text, route, freq, start_text, stop_text, hours]
        w.space(4)
        _cells(
            w,
            [
                (t, c, w.bold if i == 0 else w.font, 8.5)
                for i, (t, c) in enumerate(zip(cells, cols, strict=True))
            ],
            height=17,
        )
        _fact_med(w, m, " ".join(c for c in cells if c))
        if stop:
            # A stopped order is struck through on the remaining days of the month.
            first = int(stop.split("-")[2])
            y = w.y + 9
            w.canvas.setLineWidth(1.2)
            w.canvas.line(w.margin + grid_x + first * box, y, w.right, y)
        w.hrule(left, w.right, 0.5)
    edges = [left, *(w.margin + c - 3 for c in cols[1:]), w.margin + grid_x]
    edges += [w.margin + grid_x + d * box for d in range(1, days)] + [w.right]
    w.canvas.setLineWidth(0.5)
    for ex in edges:
        w.canvas.line(ex, top, ex, w.y)
    w.space(12)
    w.line(x["legend"], size=8)
    w.space(4)
    w.line(x["signatures"], size=8)
    printed = print_date(doc.document_date, "us")
    stamp = f"PRINTED {printed} {x['printed_time']} BY {x['printed_by']}"
    _fact_doc_date(w, doc, f"PRINTED {printed}")
    _at_bottom(w, f"{stamp}   PAGE 1 OF 1", y=34, fnt=w.font, size=8, center=False)


# -- state immunization registry (IIS) printout --------------------------------------------


def iis_record(doc: Document, w: PageWriter) -> None:
    """State immunization registry record: patient block, history table with CVX and dose #."""
    _use(w, "Helvetica", "Helvetica-Bold", 9.0)
    x = doc.extra
    oblique = font("Helvetica-Oblique")
    w.line(doc.title.upper(), font=w.bold, size=12)
    w.line(x["system"], font=oblique, size=10.5)
    for ln in doc.address:
        w.line(ln, size=8.5, lead=1.25)
    w.space(6)
    w.line("OFFICIAL IMMUNIZATION RECORD", font=w.bold, size=11, center=True, lead=1.8)
    run = print_date(doc.document_date, doc.date_style)
    w.row([f"Report date: {run} {x['run_time']}", f"Requested by: {x['requested_by']}"], [0, 250])
    _fact_doc_date(w, doc, f"Report date: {run}")
    w.space(2)
    w.hrule(width=0.8)
    w.space(6)
    dob = print_date(doc.dob, doc.date_style)
    xs = [0, 300]
    w.row([f"Patient Name: {doc.name_text}", f"Registry ID: {doc.mrn_text}"], xs)
    _fact_name(w, doc)
    _fact_mrn(w, doc)
    w.row([f"DOB: {dob}", f"Gender: {x['gender']}"], xs)
    _fact_dob(w, doc, f"DOB: {dob}")
    w.row([f"Address: {x['patient_address']}", f"Phone: {x['patient_phone']}"], xs)
    w.space(2)
    w.hrule(width=0.8)
    w.space(8)

    w.line("Immunization History", font=w.bold, size=10.5, lead=1.6)
    xs = [0, 88, 255, 287, 374, 418]
    w.row(["Vaccine Group", "Vaccine", "CVX", "Date Administered", "Dose #", "Series Status"],
          xs, font=w.bold, size=8.5)  # fmt: skip
    w.hrule(width=0.5)
    w.space(3)
    groups, doses, series = (x[k].split("|") for k in ("groups", "doses", "series"))
    for v, group, dose, status in zip(doc.vaccines, groups, doses, series, strict=True):
        cells = [group, v.name_text, v.code, print_date(v.date, doc.date_style), dose, status]
        w.row(cells, xs)
        _vaccine_fact(w, v, " ".join(cells), dose)
    w.space(10)

    w.line(f"Recommended Immunizations (forecast as of {run})", font=w.bold, size=10.5, lead=1.6)
    xs = [0, 110, 200, 300]
    w.row(
        ["Vaccine Group", "Status", "Earliest Date", "Recommended Date"], xs, font=w.bold, size=8.5
    )
    w.hrule(width=0.5)
    w.space(3)
    for forecast in x["forecast"].split("|"):
        group, status, earliest, recommended = forecast.split(";")
        w.row([group, status, print_date(earliest, doc.date_style),
               print_date(recommended, doc.date_style)], xs)  # fmt: skip
    w.space(12)
    w.paragraph(x["notice"], font=oblique, size=8)
    _at_bottom(w, x["footer"], y=40, fnt=w.font, size=8, center=True)


# -- specialist consultation letter ---------------------------------------------------------


def consult_letter(doc: Document, w: PageWriter) -> None:
    """Consultation letter to the referring physician, the patient described in sentences."""
    _use(w, "Times-Roman", "Times-Bold", 11.5)
    x = doc.extra
    italic = font("Times-Italic")
    w.line(doc.title.upper(), font=w.bold, size=15, center=True, lead=1.4)
    w.line(x["tagline"], font=italic, size=10, center=True)
    w.line(" \u00b7 ".join(doc.address), size=9.5, center=True)
    w.space(4)
    w.hrule(width=0.7)
    w.space(16)
    sent = print_date(doc.document_date, x["letter_style"])
    w.line(sent, lead=1.8)
    _fact_doc_date(w, doc, sent)
    for ln in x["to"].split("|"):
        w.line(ln, lead=1.2)
    w.space(12)
    dob = print_date(doc.dob, doc.date_style)
    w.line(f"Re: {doc.name_text}, DOB {dob}, MRN {doc.mrn_text}", font=w.bold, lead=1.9)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB {dob}")
    _fact_mrn(w, doc)
    w.line(f"Dear {x['salutation']},", lead=1.8)
    w.paragraph(x["opening"], after=7)
    w.paragraph(x["history"], after=7)

    current, started = _split_meds(doc)
    w.paragraph(f"{x['med_lead']} {_join([m.text for m in current])}.", after=7)
    for m in current:
        _fact_med(w, m)
    w.paragraph(f"{x['allergy_lead']} {_join([a.text for a in doc.allergies])}.", after=7)
    for a in doc.allergies:
        _fact_allergy(w, a)

    # Doses of one series share a phrase: "Shingrix on February 10, 2021 and May 12, 2021".
    parts: list[str] = []
    i = 0
    while i < len(doc.vaccines):
        v = doc.vaccines[i]
        first = f"{v.name_text} on {print_date(v.date, x['letter_style'])}"
        _vaccine_fact(w, v, first)
        nxt = doc.vaccines[i + 1] if i + 1 < len(doc.vaccines) else None
        if nxt is not None and nxt.name_text == v.name_text:
            both = f"{first} and {print_date(nxt.date, x['letter_style'])}"
            _vaccine_fact(w, nxt, both)
            parts.append(both)
            i += 2
        else:
            parts.append(first)
            i += 1
    w.paragraph(f"{x['imm_lead']} {'; '.join(parts[:-1])}; and {parts[-1]}.", after=7)
    w.paragraph(x["exam"], after=7)

    w.new_page()
    w.line(f"{doc.name_text}, DOB {dob} - page 2", size=9.5, lead=2.4)
    _fact_name(w, doc)
    _fact_dob(w, doc, f"DOB {dob}")
    w.paragraph(f"Assessment: {x['assessment']}", after=7)
    w.line("Recommendations:", lead=1.5)
    by_name = {m.ingredient: m for m in started}
    for n, item in enumerate(x["recommendations"].split("|"), start=1):
        for ingredient, m in by_name.items():
            if "{" + ingredient + "}" in item:
                item = item.replace("{" + ingredient + "}", m.text)
                _fact_med(w, m)
        w.paragraph(f"{n}. {item}", x=14, after=3)
    w.space(6)
    w.paragraph(x["closing"], after=10)
    w.line("Sincerely,", lead=3.2)
    w.line(x["clinician"], lead=1.2)
    w.line(x["credentials"], font=italic, size=10.5, lead=1.8)
    w.line(x["cc"], size=10)


HOLDOUT_LAYOUTS: dict[str, Layout] = {
    "soap_note": soap_note,
    "portal_summary": portal_summary,
    "mar_grid": mar_grid,
    "iis_record": iis_record,
    "consult_letter": consult_letter,
}
