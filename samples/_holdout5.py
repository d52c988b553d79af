"""Scenario of the fifth held-out set: atrial fibrillation, gout and a January admission."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "delphine a marchetti"
DOB = "1953-10-07"

# CVX (CDC table): 185 influenza recombinant quadrivalent (Flublok, 2024-25 season),
# 216 PCV20, 187 zoster recombinant, 115 Tdap, 189 hepatitis B adjuvanted (Heplisav-B).
FLU = ("influenza", "influenza", "185", "2024-10-02")
PCV = ("pneumococcal", "pneumococcal", "216", "2023-09-28")
RZV1 = ("zoster", "zoster", "187", "2022-02-14")
RZV2 = ("zoster", "zoster", "187", "2022-05-20")
TDAP = ("tdap", "tetanus", "115", "2019-03-11")
TDAP_WRONG = ("tdap", "tetanus", "115", "2019-11-03")  # planted at the hospital
HEPB1 = ("hepatitis b", "hepatitis b", "189", "2024-06-12")
HEPB2_WRONG = ("hepatitis b", "hepatitis b", "189", "2042-07-17")  # planted: 2024 keyed as 2042


def _vax(spec: tuple[str, str, str, str], text: str) -> Vaccine:
    return Vaccine(spec[0], spec[1], spec[2], spec[3], text)


def _ibuprofen(name_text: str, reaction_text: str) -> Allergy:
    return Allergy("ibuprofen", "nsaids", "angioedema", name_text, reaction_text)


def _lisinopril(name_text: str, reaction_text: str) -> Allergy:
    return Allergy("lisinopril", "ace inhibitors", "cough", name_text, reaction_text)


def _urgent_care() -> Document:
    return Document(
        provider="desert-bloom-urgent-care",
        file="desert-bloom-urgent-care/visit-summary-2024-11-14.pdf",
        layout="urgent_care_summary",
        title="Desert Bloom Urgent Care",
        address=("4410 E. Grant Road, Tucson, AZ 85712", "Ph (520) 555-0139",
                 "Fax (520) 555-0140"),  # fmt: skip
        document_date="2024-11-14",
        date_kind="visit",
        date_style="mon_d_y",
        name_text="MARCHETTI, DELPHINE A",
        name_value=NAME,
        dob=DOB,
        mrn_text="UC-0048213",
        mrn_value="UC-0048213",
        # name;instructions (the last one is the new prescription)
        meds=(
            Med("metoprolol", "25", "mg", "bid", "oral", "metoprolol tartrate 50 mg tablet",
                "", "one-half tablet by mouth twice daily"),
            Med("apixaban", "5", "mg", "bid", "oral", "Eliquis 5 mg tablet", "",
                "1 tablet by mouth twice daily"),
            Med("insulin detemir", "10", "units", "qhs", "subcutaneous",
                "Levemir FlexPen 100 unit/mL", "", "10 units under the skin at bedtime"),
            # planted: once daily here; twice daily at the three other lists
            Med("fluticasone", "2", "puff", "daily", "inhaled", "Flovent HFA 110 mcg/actuation",
                "", "2 puffs inhaled once daily"),
            Med("pravastatin", "40", "mg", "qhs", "oral", "pravastatin 40 mg tablet", "",
                "1 tablet by mouth at bedtime"),
            Med("allopurinol", "100", "mg", "daily", "oral", "allopurinol 100 mg tablet", "",
                "1 tablet by mouth daily"),
            Med("acetaminophen", "1", "g", "tid prn", "oral", "acetaminophen 500 mg tablet", "",
                "1 gram by mouth every 8 hours as needed for pain"),
            # planted: an NSAID prescribed under a recorded ibuprofen angioedema
            Med("naproxen", "500", "mg", "bid", "oral", "naproxen 500 mg tablet", "",
                "1 tablet by mouth twice daily with food for 5 days, #10, no refills"),
        ),  # fmt: skip
        allergies=(_ibuprofen("Ibuprofen", "angioedema"), _lisinopril("Lisinopril", "cough")),
        vaccines=(),
        scans=(ScanProfile(skew=1.7, noise=1.3, blur=0.85, jpeg_quality=43, paper=240),),
        font="NimbusSans-Regular",
        extra={
            "severity": "severe|mild",
            "clinician": "Renee Castillo, PA-C",
            "complaint": "Right great toe pain, redness and swelling x 2 days. No injury. "
            "Similar episode 2021.",
            "vitals": "BP 138/84   P 72 irreg   T 98.9 F   RR 16   SpO2 96% RA   Wt 168 lb",
            "exam": "R 1st MTP joint warm, erythematous, exquisitely tender; skin intact. "
            "Lungs: scattered expiratory wheeze. Heart irregularly irregular.",
            "assessment": "Acute gout flare, right first MTP joint (M10.071).",
            "followup": "Ice and elevate. Follow up with your primary care provider in 1 week, "
            "sooner if fever or spreading redness.",
        },
    )


def _cardiology() -> Document:
    return Document(
        provider="sonoran-heart-rhythm",
        file="sonoran-heart-rhythm/consult-letter-2024-12-02.pdf",
        layout="cardiology_letter",
        title="Sonoran Heart & Rhythm Associates",
        address=("1901 W. Orange Grove Road, Suite 310", "Tucson, Arizona 85704",
                 "Telephone 520-555-0171 · Facsimile 520-555-0176"),  # fmt: skip
        document_date="2024-12-02",
        date_kind="visit",
        date_style="long",
        name_text="Delphine Marchetti",
        name_value="delphine marchetti",
        dob=DOB,
        mrn_text="SHR-22871",
        mrn_value="SHR-22871",
        meds=(
            # planted: the tablet strength copied as the dose; 25 mg (half a 50 mg) elsewhere
            Med("metoprolol", "50", "mg", "bid", "oral", "Metoprolol tartrate", "50 mg",
                "p.o. b.i.d."),
            Med("apixaban", "5", "mg", "bid", "oral", "Apixaban", "5 mg", "p.o. b.i.d."),
            Med("insulin detemir", "10", "units", "qhs", "subcutaneous", "Insulin detemir",
                "10 units", "subcut. q.h.s."),
            Med("fluticasone", "2", "puff", "bid", "inhaled", "Fluticasone HFA 110 mcg,",
                "2 puffs", "inh. b.i.d."),
            Med("pravastatin", "40", "mg", "qhs", "oral", "Pravastatin", "40 mg", "p.o. q.h.s."),
            Med("allopurinol", "100", "mg", "daily", "oral", "Allopurinol", "100 mg",
                "p.o. q.d."),
            Med("acetaminophen", "1000", "mg", "tid prn", "oral", "Acetaminophen", "1000 mg",
                "p.o. q.8h p.r.n."),
        ),  # fmt: skip
        allergies=(_ibuprofen("Ibuprofen", "angioedema"), _lisinopril("lisinopril", "cough")),
        vaccines=(
            _vax(FLU, "Influenza (Flublok)"),
            _vax(PCV, "Prevnar 20"),
            _vax(TDAP, "Tdap (Boostrix)"),
            _vax(RZV1, "Shingrix #1"),
            _vax(RZV2, "Shingrix #2"),
        ),
        scans=(
            ScanProfile(skew=0.4, noise=1.2, blur=0.8, jpeg_quality=44, paper=242),
            ScanProfile(dpi=200, skew=-0.3, noise=1.2, blur=0.8, jpeg_quality=46, paper=242),
        ),
        font="P052-Roman",
        extra={
            "to": "Reginald Okafor, MD|Catalina Family Medicine|6130 N. Oracle Road|"
            "Tucson, AZ 85704",
            "signer": "Anjali Deshmukh, MD, FACC",
            "physicians": "Anjali Deshmukh, MD, FACC|Thomas Nguyen, MD|"
            "Lorenzo Ibarra, MD, FHRS|Karen Byrd, NP-C",
        },
    )


def _hospital() -> Document:
    return Document(
        provider="palo-verde-regional-medical-center",
        file="palo-verde-regional-medical-center/discharge-med-rec-2025-01-09.pdf",
        layout="discharge_med_rec",
        title="Palo Verde Regional Medical Center",
        address=("2200 E. River Road, Tucson, AZ 85718 · (520) 555-0190",),
        document_date="2025-01-09",
        date_kind="discharge",
        date_style="dmy_upper",
        name_text="Marchetti, Delphine A.",
        name_value=NAME,
        dob=DOB,
        mrn_text="PV4408172",
        mrn_value="PV4408172",
        # planted: insulin detemir, on the three other lists, is not on the discharge list
        meds=(
            Med("metoprolol", "25", "mg", "bid", "oral", "Metoprolol tartrate (Lopressor)",
                "25 mg", "Oral;2 times a day"),
            Med("apixaban", "5", "mg", "bid", "oral", "Apixaban (Eliquis)", "5 mg",
                "Oral;every 12 hours"),
            Med("fluticasone", "2", "puff", "bid", "inhaled", "Fluticasone HFA (Flovent)",
                "2 puffs", "Inhalation;2 times a day"),
            Med("pravastatin", "40", "mg", "qhs", "oral", "Pravastatin (Pravachol)", "40 mg",
                "Oral;nightly"),
            Med("allopurinol", "100", "mg", "daily", "oral", "Allopurinol (Zyloprim)", "100 mg",
                "Oral;daily"),
            Med("acetaminophen", "1", "g", "tid prn", "oral", "Acetaminophen (Tylenol)", "1 g",
                "Oral;every 8 hours as needed"),
            Med("prednisone", "40", "mg", "daily", "oral", "PredniSONE", "40 mg",
                "Oral;daily x 3 more days"),
        ),  # fmt: skip
        # planted: ibuprofen (angioedema) is not in the hospital's allergy table
        allergies=(_lisinopril("Lisinopril", "Cough"),),
        vaccines=(
            _vax(FLU, "Influenza (Flublok)"),
            _vax(PCV, "Pneumococcal conjugate (PCV20)"),
            _vax(RZV1, "Zoster recombinant (Shingrix) dose 1"),
            _vax(RZV2, "Zoster recombinant (Shingrix) dose 2"),
            _vax(TDAP_WRONG, "Tdap"),
        ),
        scans=(
            ScanProfile(skew=-0.5, noise=1.4, blur=0.85, jpeg_quality=45, paper=238),
            ScanProfile(dpi=200, skew=0.3, noise=1.4, blur=0.85, jpeg_quality=42, paper=238),
        ),
        font="Vera",
        extra={
            "boxes": "continue|continue|continue|continue|continue|continue|new",
            "next_dose": "Tonight 9 PM|Tonight 9 PM|Tonight 9 PM|Tonight bedtime|"
            "Tomorrow AM|If needed|Tomorrow AM",
            "sources": "State registry|State registry|State registry|State registry|"
            "Patient recall",
            "admit": "2025-01-05",
            "attending": "Miguel Serrano, MD (Hospital Medicine)",
            "diagnoses": "Atrial fibrillation with rapid ventricular response, rate "
            "controlled|COPD exacerbation|Type 2 diabetes mellitus",
            "followup": "Sonoran Heart & Rhythm Associates - Dr. Deshmukh - 01/23/2025 "
            "10:15 AM|Catalina Family Medicine - Dr. Okafor - within 7 days",
            "nurse": "K. Whitehorse, RN",
        },
        breaks=("immunizations",),
    )


def _pharmacy() -> Document:
    return Document(
        provider="saguaro-pharmacy",
        file="saguaro-pharmacy/medication-profile-2025-01-16.pdf",
        layout="pharmacy_profile_fax",
        title="Saguaro Pharmacy #0412",
        address=("2901 N CAMPBELL AVE TUCSON AZ 85719", "PH 520-555-0152"),
        document_date="2025-01-16",
        date_kind="printed",
        date_style="m_d_yy",
        name_text="MARCHETTI, DELPHINE",
        name_value="delphine marchetti",
        dob="1958-10-07",  # planted: 1953 elsewhere
        mrn_text="00731946",
        mrn_value="00731946",
        # name;sig (Latin-style sig codes as the pharmacy system prints them)
        meds=(
            Med("metoprolol", "25", "mg", "bid", "oral", "METOPROLOL TART", "50MG TAB",
                "ss T PO BID"),
            Med("apixaban", "5", "mg", "bid", "oral", "ELIQUIS", "5MG TAB", "i T PO BID"),
            Med("insulin detemir", "10", "units", "qhs", "subcutaneous", "LEVEMIR FLEXPEN",
                "100U/ML", "INJ 10 U SC QHS"),
            Med("fluticasone", "2", "puff", "bid", "inhaled", "FLOVENT HFA", "110MCG INH",
                "ii PUFFS INH BID"),
            Med("pravastatin", "40", "mg", "qhs", "oral", "PRAVASTATIN SOD", "40MG TAB",
                "i T PO QHS"),
            Med("allopurinol", "100", "mg", "daily", "oral", "ALLOPURINOL", "100MG TAB",
                "i T PO QD"),
            Med("acetaminophen", "1000", "mg", "tid prn", "oral", "ACETAMINOPHEN", "500MG TAB",
                "ii T PO Q8H PRN PAIN"),
        ),  # fmt: skip
        # the profile prints allergens without reactions
        allergies=(
            Allergy("ibuprofen", "nsaids", "", "IBUPROFEN"),
            Allergy("lisinopril", "ace inhibitors", "", "LISINOPRIL"),
        ),
        vaccines=(),
        scans=(ScanProfile(dpi=200, fax=True, skew=0.35, noise=1.4, blur=0.5, jpeg_quality=50,
                           paper=246),),  # fmt: skip
        font="NotoMono",
        extra={
            "rx": "6120448|6120449|6120451|6120455|6120457|6120460|6120462",
            "filled": "2025-01-02|2025-01-02|2024-12-28|2024-12-20|2025-01-02|2024-12-20|"
            "2024-11-30",
            "ndc": "00378-0047-01|00003-0894-21|00169-6438-10|00173-0719-20|00093-7202-98|"
            "00591-5543-01|00904-6720-80",
            "qty": "30|60|15ML|12GM|30|30|90",
            "days": "30|30|45|30|30|30|15",
            "refills": "3|5|2|4|5|1|0",
            "prescriber": "OKAFOR R|DESHMUKH A|OKAFOR R|OKAFOR R|OKAFOR R|OKAFOR R|OKAFOR R",
            "fax_to": "SONORAN HEART 5205550176",
            "fax_time": "11:07",
            "pharmacist": "RPH: M. LEYVA",
        },
    )


def _registry() -> Document:
    return Document(
        provider="pima-vista-county-immunization-registry",
        file="pima-vista-county-immunization-registry/history-2025-01-20.pdf",
        layout="county_registry",
        title="Pima Vista County Health Department",
        address=("Immunization Registry (PVIR) · 3950 S. Country Club Road, Tucson, AZ 85714",),
        document_date="2025-01-20",
        date_kind="printed",
        date_style="us",
        name_text="Delphine Ann Marchetti",
        name_value="delphine ann marchetti",
        dob=DOB,
        mrn_text="3300415827",
        mrn_value="3300415827",
        meds=(),
        allergies=(),
        # grouped by vaccine family, oldest first within a group, as the registry prints them
        vaccines=(
            _vax(HEPB1, "Hepatitis B, adjuvanted (Heplisav-B)"),
            _vax(HEPB2_WRONG, "Hepatitis B, adjuvanted (Heplisav-B)"),
            _vax(FLU, "Flu recombinant quad (Flublok)"),
            _vax(PCV, "PCV20 (Prevnar 20)"),
            _vax(TDAP, "Tdap (Boostrix)"),
            _vax(RZV1, "Zoster recombinant (Shingrix)"),
            _vax(RZV2, "Zoster recombinant (Shingrix)"),
        ),
        scans=(ScanProfile(skew=-0.9, noise=1.3, blur=0.8, jpeg_quality=43, paper=241),),
        font="URWGothic-Book",
        extra={
            "groups": "HepB|HepB|Influenza|Pneumococcal|Td/Tdap|Zoster|Zoster",
            "doses": "1|2|1|1|1|1|2",
            "mfr": "Dynavax|Dynavax|Sanofi|Pfizer|GSK|GSK|GSK",
            "lots": "HB24A117|HB24B302|UT8342LA|LL4471|B4W7H|5K92P|7R3YK",
            "sites": "RD/IM|LD/IM|LD/IM|LD/IM|LD/IM|LD/IM|RD/IM",
            "given_by": "Catalina Fam Med|Catalina Fam Med|Walgreens #10233|"
            "Catalina Fam Med|Catalina Fam Med|CVS #8812|CVS #8812",
            "run_by": "CATALINA FAMILY MEDICINE (user JMORA)",
            "run_time": "09:41 AM",
        },
    )


def holdout5_set() -> SampleSet:
    """Five providers, seven pages, eight planted findings in eight categories."""
    return SampleSet(
        name="holdout5",
        seed=20261203,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_urgent_care(), _cardiology(), _hospital(), _pharmacy(), _registry()),
        expected_findings=(
            Finding("drug_allergy_conflict", "naproxen", "desert-bloom-urgent-care",
                    "naproxen 500 mg twice daily prescribed for gout; ibuprofen (angioedema, "
                    "severe), an NSAID, in the allergy line of the same summary"),
            Finding("frequency_mismatch", "fluticasone", "desert-bloom-urgent-care",
                    "Flovent HFA 2 puffs once daily; twice daily (b.i.d., BID, 2 times a day) "
                    "at the three other providers"),
            Finding("dose_mismatch", "metoprolol", "sonoran-heart-rhythm",
                    "metoprolol tartrate 50 mg p.o. b.i.d. in the letter; one-half of a 50 mg "
                    "tablet (25 mg) twice daily elsewhere"),
            Finding("medication_missing", "insulin detemir", "palo-verde-regional-medical-center",
                    "insulin detemir (Levemir) 10 units at bedtime is not on the discharge "
                    "medication list; on the three other lists"),
            Finding("allergy_missing", "ibuprofen", "palo-verde-regional-medical-center",
                    "the hospital's allergy table lists only lisinopril; ibuprofen "
                    "(angioedema) at the three other providers that list allergies"),
            Finding("vaccine_date_conflict", "tdap", "palo-verde-regional-medical-center",
                    "Tdap 03-NOV-2019 (patient recall); 03/11/2019 at the cardiology letter "
                    "and the registry"),
            Finding("identity_mismatch", "dob", "saguaro-pharmacy",
                    "DOB 10/7/1958 on the pharmacy profile; 1953-10-07 elsewhere"),
            Finding("future_date", "hepatitis b", "pima-vista-county-immunization-registry",
                    "Heplisav-B dose 2 recorded as given 07/17/2042 (2024 keyed as 2042); only "
                    "the registry lists hepatitis B"),
        ),  # fmt: skip
        harmless_variations=(
            "brands vs generics: Eliquis, Levemir FlexPen, Flovent HFA, Lopressor, Pravachol, "
            "Zyloprim, Tylenol; salts and abbreviations: metoprolol tartrate / METOPROLOL "
            "TART, PRAVASTATIN SOD, PredniSONE tall-man lettering",
            "dose forms: one-half tablet of a 50 mg tablet and 'ss T' of METOPROLOL TART 50MG "
            "TAB are 25 mg; 'ii T' of ACETAMINOPHEN 500MG TAB is 1000 mg; 1 gram / 1 g / "
            "1000 mg acetaminophen; 2 puffs / ii PUFFS",
            "product strengths that are not doses: 110 mcg/actuation, 110MCG INH, 100 unit/mL, "
            "100U/ML, the 500 mg tablet at urgent care taken as 1 gram",
            "frequency wording: twice daily / b.i.d. / BID / 2 times a day / every 12 hours; at "
            "bedtime / q.h.s. / QHS / nightly; daily / q.d. / QD; every 8 hours as needed / "
            "q.8h p.r.n. / Q8H PRN PAIN",
            "route wording: by mouth / p.o. / PO / Oral; under the skin / subcut. / INJ SC; "
            "inhaled / inh. / INH / Inhalation",
            "date formats: Nov 14 2024, December 2, 2024, 10/07/1953, 07-OCT-1953, "
            "09-JAN-2025, 1/16/25, 2025.01.09 in the hospital's print stamp",
            "name forms: MARCHETTI, DELPHINE A / Delphine Marchetti / Marchetti, Delphine A. / "
            "MARCHETTI, DELPHINE / Delphine Ann Marchetti; each provider's own record number "
            "(Acct #, Chart no., Patient ID, PATIENT ID, Client ID)",
            "one-provider medicines: naproxen prescribed at urgent care (a 5-day course), "
            "prednisone started in hospital (3 more days)",
            "vaccines only the registry lists: hepatitis B dose 1 (2024-06-12)",
            "numbers that are not doses or facts: Rx numbers, NDC numbers, quantities, days "
            "supply, refills, lot numbers, vital signs, EF 55%, CHA2DS2-VASc score, ICD-10 code, "
            "'#10' dispensed",
            "dates that are not facts: fill dates, the fax header time, the admission date, "
            "follow-up appointment dates, the registry report run time, the 2021 gout episode",
            "unchecked boxes on the discharge list (Change / Stop / New for continued medicines)",
        ),
        scans_dir="holdout5/scans",
        truth_file="holdout5/truth.json",
    )
