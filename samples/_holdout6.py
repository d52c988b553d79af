"""Scenario of the sixth held-out set: CKD, atrial fibrillation and an ED visit for kidney injury."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "lorraine d whitcomb"
DOB = "1959-11-21"

# CVX (CDC table): 135 influenza high-dose (trivalent Fluzone High-Dose, 2025-26 season),
# 216 PCV20, 43 hepatitis B adult (Engerix-B 20 mcg), 45 hepatitis B unspecified formulation,
# 115 Tdap, 213 COVID-19 unspecified, 300 Pfizer bivalent, 88 influenza unspecified.
FLU = ("influenza", "influenza", "135", "2025-10-14")
PCV = ("pneumococcal", "pneumococcal", "216", "2024-09-12")
PCV_WRONG = ("pneumococcal", "pneumococcal", "216", "2024-12-09")  # planted: day and month swapped
HEPB = ("2025-02-10", "2025-03-10", "2025-08-11")
TDAP = ("tdap", "tetanus", "115", "2021-05")
COVID = (("213", "2021-02-03"), ("213", "2021-02-24"), ("300", "2022-10-18"),
         ("213", "2034-10-09"))  # fmt: skip  # planted: booster #4 of 2024 written as 2034


def _vax(spec: tuple[str, str, str, str], text: str) -> Vaccine:
    return Vaccine(spec[0], spec[1], spec[2], spec[3], text)


def _hepb(code: str, texts: tuple[str, str, str]) -> tuple[Vaccine, ...]:
    return tuple(Vaccine("hepatitis b", "hepatitis b", code, d, t)
                 for d, t in zip(HEPB, texts, strict=True))  # fmt: skip


def _amoxicillin(name_text: str, reaction_text: str) -> Allergy:
    return Allergy("amoxicillin", "penicillins", "hives", name_text, reaction_text)


def _morphine(name_text: str, reaction_text: str) -> Allergy:
    return Allergy("morphine", "opioids", "itching", name_text, reaction_text)


def _emergency() -> Document:
    return Document(
        provider="cedar-ridge-medical-center-ed",
        file="cedar-ridge-medical-center-ed/discharge-instructions-2026-06-08.pdf",
        layout="ed_discharge_instructions",
        title="Cedar Ridge Medical Center",
        address=("1200 Ridgeline Parkway, Fort Collins, CO 80525", "Emergency Department (970) 555-0144"),
        document_date="2026-06-08",
        date_kind="visit",
        date_style="m_d_y",
        name_text="WHITCOMB, LORRAINE D",
        name_value=NAME,
        dob=DOB,
        mrn_text="CR-00418827",
        mrn_value="CR-00418827",
        # group;text printed after the number (the whole item is the fact)
        meds=(
            # planted: amoxicillin-clavulanate prescribed under a recorded amoxicillin allergy
            Med("amoxicillin-clavulanate", "500-125", "mg", "bid", "oral",
                "amoxicillin-clavulanate (AUGMENTIN) 500-125 mg tablet:", "",
                "Take 1 tablet by mouth every 12 hours for 7 days. Take with food and finish "
                "all of it."),
            Med("ondansetron", "4", "mg", "tid prn", "oral", "ondansetron ODT (ZOFRAN ODT) 4 mg:",
                "", "Dissolve 1 tablet on the tongue every 8 hours as needed for nausea or "
                "vomiting."),
            Med("acetaminophen", "650", "mg", "qid prn", "oral",
                "acetaminophen (TYLENOL) 325 mg tablet:", "",
                "Take 2 tablets (650 mg) by mouth every 6 hours as needed for pain. Do not take "
                "more than 3,000 mg in one day."),
            Med("lidocaine", "1", "patch", "daily", "topical", "lidocaine 5% patch (LIDODERM):",
                "", "Apply 1 patch to the lower back once a day. Remove it after 12 hours "
                "(12 hours on, 12 hours off)."),
            Med("losartan-hydrochlorothiazide", "50-12.5", "mg", "daily", "oral",
                "losartan-hydrochlorothiazide (HYZAAR) 50-12.5 mg tablet,", "",
                "1 tablet by mouth daily", status="held"),
            Med("empagliflozin", "10", "mg", "daily", "oral", "empagliflozin (JARDIANCE) 10 mg "
                "tablet,", "", "1 tablet by mouth daily", status="held"),
            Med("ibuprofen", "400", "mg", "tid", "oral", "ibuprofen (ADVIL) 200 mg tablets,", "",
                "2 tablets by mouth three times a day", status="discontinued"),
            Med("apixaban", "5", "mg", "bid", "oral", "apixaban (ELIQUIS) 5 mg tablet,", "",
                "1 tablet by mouth twice a day"),
            Med("metoprolol", "50", "mg", "daily", "oral",
                "metoprolol succinate ER (TOPROL XL) 50 mg tablet,", "",
                "1 tablet by mouth once a day"),
            Med("calcitriol", "0.25", "mcg", "daily", "oral",
                "calcitriol (ROCALTROL) 0.25 mcg capsule,", "", "1 capsule by mouth once a day"),
            Med("alendronate", "70", "mg", "weekly", "oral", "alendronate (FOSAMAX) 70 mg tablet,",
                "", "1 tablet by mouth once a week on Sunday"),
            Med("latanoprost", "1", "drop", "qhs", "ophthalmic",
                "latanoprost (XALATAN) 0.005% eye drops,", "", "1 drop in both eyes at bedtime"),
        ),  # fmt: skip
        allergies=(_amoxicillin("Amoxicillin", "Hives"), _morphine("Morphine", "Itching")),
        vaccines=(),
        scans=(
            ScanProfile(skew=0.4, noise=0.7, blur=0.9, jpeg_quality=30, paper=241),
            ScanProfile(skew=-0.3, noise=0.7, blur=0.9, jpeg_quality=30, paper=241),
        ),
        font="NimbusSans-Regular",
        extra={
            "groups": "new|new|new|new|hold|hold|stop|continue|continue|continue|continue|"
            "continue",
            "arrived": "10:52 AM",
            "left": "4:37 PM",
            "attending": "Paul Lindgren, MD",
            "nurse": "J. Abeyta, RN",
        },
    )


def _nephrology() -> Document:
    return Document(
        provider="prairie-kidney-specialists",
        file="prairie-kidney-specialists/progress-note-2026-06-23.pdf",
        layout="nephrology_soap_fax",
        title="Prairie Kidney Specialists, PC",
        address=("2630 Timberwood Dr., Suite 200, Fort Collins, CO 80528",
                 "Tel 970-555-0181 | Fax 970-555-0183"),  # fmt: skip
        document_date="2026-06-23",
        date_kind="visit",
        date_style="iso",
        name_text="Lorraine Whitcomb",
        name_value="lorraine whitcomb",
        dob=DOB,
        mrn_text="0118345",
        mrn_value="0118345",
        # planted: latanoprost eye drops, on the four other lists, are not on this one. The
        # first six are the reviewed list; the last four are written into the plan.
        meds=(
            Med("apixaban", "5", "mg", "bid", "oral", "apixaban (Eliquis) 5 mg tab", "",
                "- 1 PO BID"),
            Med("metoprolol", "50", "mg", "daily", "oral", "metoprolol succinate (Toprol XL) 50 mg",
                "", "- 1 PO daily"),
            Med("losartan-hydrochlorothiazide", "50-12.5", "mg", "daily", "oral",
                "losartan-HCTZ 50-12.5 mg", "", "- 1 PO daily (held since 6/8, resumed today)"),
            Med("empagliflozin", "10", "mg", "daily", "oral", "empagliflozin (Jardiance) 10 mg",
                "", "- 1 PO daily (held since 6/8, resumed today)"),
            Med("calcitriol", "0.25", "mcg", "daily", "oral", "calcitriol 0.25 mcg cap", "",
                "- 1 PO daily"),
            Med("alendronate", "70", "mg", "weekly", "oral", "alendronate 70 mg tab", "",
                "- 1 PO q week (Sun)"),
            Med("lidocaine", "1", "patch", "daily", "topical", "lidocaine 5% patch", "",
                "- 1 patch to low back, 12 h on / 12 h off"),
            Med("losartan-hydrochlorothiazide", "50-12.5", "mg", "daily", "oral",
                "Resume losartan-hydrochlorothiazide", "50-12.5 mg", "once daily."),
            Med("empagliflozin", "10", "mg", "daily", "oral", "Resume Jardiance", "10 mg",
                "daily"),
            Med("apixaban", "5", "mg", "bid", "oral", "Continue apixaban", "5 mg", "twice daily;"),
            Med("metoprolol", "50", "mg", "daily", "oral", "continue metoprolol succinate",
                "50 mg", "daily."),
        ),  # fmt: skip
        allergies=(_amoxicillin("amoxicillin", "hives"), _morphine("morphine", "itching")),
        vaccines=(
            _vax(FLU, "Influenza (Fluzone High-Dose)"),
            _vax(PCV_WRONG, "Prevnar 20"),
            *_hepb("43", ("Hep B (Engerix-B, adult) #1", "#2", "#3")),
        ),
        scans=(ScanProfile(dpi=200, fax=True, skew=0.3, noise=0.8, blur=0.6, jpeg_quality=34,
                           paper=246),),  # fmt: skip
        font="NimbusRoman-Regular",
        extra={
            "fax_header": "JUN-24-2026 09:12 PRAIRIE KIDNEY SPEC 9705550183 >> 9705550122 "
            "FOOTHILLS FAM MED P.001/001",
            "provider_line": "Provider: Adaeze Okonjo, MD   PCP: Helen Marsh, DO",
        },
    )


def _pharmacy() -> Document:
    return Document(
        provider="aspen-hollow-pharmacy",
        file="aspen-hollow-pharmacy/pickup-labels-2026-07-14.pdf",
        layout="pharmacy_pickup_labels",
        title="Aspen Hollow Pharmacy #27",
        address=("415 E HARMONY RD FORT COLLINS CO 80525", "(970) 555-0167"),
        document_date="2026-07-14",
        date_kind="printed",
        date_style="mm_dd_yy",
        # planted: the name is misspelled in the pharmacy's system
        name_text="WHITCOMBE, LORRAINE",
        name_value="lorraine whitcombe",
        dob=DOB,
        mrn_text="5530871",
        mrn_value="5530871",
        meds=(
            Med("apixaban", "5", "mg", "bid", "oral", "ELIQUIS 5MG TABLET", "",
                "TAKE 1 TABLET BY MOUTH TWICE DAILY"),
            Med("losartan-hydrochlorothiazide", "50-12.5", "mg", "daily", "oral",
                "LOSARTAN/HCTZ 50-12.5MG TAB", "", "TAKE 1 TABLET BY MOUTH ONCE DAILY"),
            Med("metoprolol", "50", "mg", "daily", "oral", "METOPROLOL SUCC ER 50MG TAB", "",
                "TAKE 1 TABLET BY MOUTH DAILY. DO NOT CRUSH OR CHEW"),
            Med("empagliflozin", "10", "mg", "qam", "oral", "JARDIANCE 10MG TABLET", "",
                "TAKE 1 TABLET BY MOUTH EVERY MORNING"),
            Med("calcitriol", "0.25", "mcg", "daily", "oral", "CALCITRIOL 0.25MCG CAPSULE", "",
                "TAKE 1 CAPSULE BY MOUTH DAILY"),
            Med("alendronate", "70", "mg", "weekly", "oral", "ALENDRONATE 70MG TABLET", "",
                "TAKE 1 TABLET BY MOUTH ONCE A WEEK ON SUNDAY 30 MIN BEFORE BREAKFAST WITH A "
                "FULL GLASS OF WATER"),
            Med("latanoprost", "1", "drop", "qhs", "ophthalmic", "LATANOPROST 0.005% EYE DROPS", "",
                "INSTILL 1 DROP INTO BOTH EYES AT BEDTIME"),
            Med("lidocaine", "1", "patch", "daily", "topical", "LIDOCAINE 5% PATCH", "",
                "APPLY 1 PATCH TO LOWER BACK FOR 12 HOURS THEN REMOVE FOR 12 HOURS"),
        ),  # fmt: skip
        # planted: amoxicillin (hives) is not on the pharmacy's allergy profile
        allergies=(Allergy("morphine", "opioids", "", "MORPHINE"),),
        vaccines=(),
        scans=(ScanProfile(skew=2.2, noise=0.8, blur=0.85, jpeg_quality=34, paper=236),),
        font="DejaVuSansMono",
        extra={
            "rx": "6630182|6630183|6630184|6630185|6630186|6630187|6630188|6630189",
            "qty": "60|30|30|30|30|4|2.5ML|30",
            "refills": "4|2|5|3|5|11|5|2",
            "prescriber": "MARSH, H|OKONJO, A|MARSH, H|OKONJO, A|OKONJO, A|MARSH, H|"
            "PATEL, R (OPHTH)|LINDGREN, P",
            "copay": "47.00|0.00|0.00|47.00|0.00|0.00|8.40|9.00",
        },
    )


def _health_plan() -> Document:
    return Document(
        provider="keystone-peak-health-plan",
        file="keystone-peak-health-plan/medication-list-2026-09-10.pdf",
        layout="plan_personal_medication_list",
        title="Keystone Peak Health Plan",
        address=("Medicare Advantage (HMO) · Medication Therapy Management Program",
                 "PO Box 4410, Denver, CO 80217 · 1-800-555-0126 (TTY 711)"),  # fmt: skip
        document_date="2026-09-10",
        date_kind="printed",
        date_style="long",
        name_text="LORRAINE D WHITCOMB",
        name_value=NAME,
        dob=DOB,
        mrn_text="KPH-88421037-01",
        mrn_value="KPH-88421037-01",
        meds=(
            Med("apixaban", "5", "mg", "bid", "oral", "ELIQUIS 5 MG TABLET", "",
                "Take 1 tablet by mouth 2 times a day"),
            Med("losartan-hydrochlorothiazide", "50-12.5", "mg", "daily", "oral",
                "LOSARTAN POTASSIUM-HYDROCHLOROTHIAZIDE 50 MG-12.5 MG TABLET", "",
                "Take 1 tablet by mouth once a day"),
            # planted: the old strength from before the dose was raised; 50 mg elsewhere
            Med("metoprolol", "25", "mg", "daily", "oral", "METOPROLOL SUCCINATE ER 25 MG TABLET",
                "", "Take 1 tablet by mouth once a day"),
            Med("empagliflozin", "10", "mg", "qam", "oral", "JARDIANCE 10 MG TABLET", "",
                "Take 1 tablet by mouth every morning"),
            Med("calcitriol", "0.25", "mcg", "daily", "oral", "CALCITRIOL 0.25 MCG CAPSULE", "",
                "Take 1 capsule by mouth once a day"),
            Med("alendronate", "70", "mg", "weekly", "oral", "ALENDRONATE SODIUM 70 MG TABLET", "",
                "Take 1 tablet by mouth once a week, 30 minutes before breakfast"),
            Med("latanoprost", "1", "drop", "qhs", "ophthalmic",
                "XALATAN 0.005% OPHTHALMIC SOLUTION", "", "Put 1 drop in both eyes at bedtime"),
            Med("lidocaine", "1", "patch", "daily", "topical", "LIDOCAINE 5% PATCH", "",
                "Apply 1 patch to the skin once a day; take it off after 12 hours"),
        ),  # fmt: skip
        allergies=(_amoxicillin("Amoxicillin", "hives"), _morphine("Morphine", "itching all over")),
        vaccines=(
            _vax(PCV, "PREVNAR 20 (PCV20) 0.5 ML"),
            *_hepb("43", ("ENGERIX-B ADULT 20 MCG/ML (dose 1 of 3)",
                          "ENGERIX-B ADULT 20 MCG/ML (dose 2 of 3)",
                          "ENGERIX-B ADULT 20 MCG/ML (dose 3 of 3)")),
            _vax(FLU, "FLUZONE HIGH-DOSE 2025-2026"),
        ),  # fmt: skip
        scans=(
            ScanProfile(dpi=200, skew=0.2, noise=0.7, blur=0.9, jpeg_quality=33, paper=243),
            ScanProfile(dpi=200, skew=-0.5, noise=0.7, blur=0.9, jpeg_quality=33, paper=243),
        ),
        font="C059-Roman",
        extra={
            "why": "to prevent stroke (atrial fibrillation)|blood pressure|heart rate and blood "
            "pressure|kidneys|bones and kidneys|osteoporosis|glaucoma|low back pain",
            "prescriber": "Helen Marsh, DO|Adaeze Okonjo, MD|Helen Marsh, DO|Adaeze Okonjo, MD|"
            "Adaeze Okonjo, MD|Helen Marsh, DO|Ravi Patel, MD|Paul Lindgren, MD",
            "started": "March 2023|2019|2021|2024|2025|2022|2018|June 2026",
            "filled": "2026-08-11|2026-08-11|2026-08-11|2026-08-11|2026-08-11|2026-08-11|"
            "2026-07-14|2026-08-11",
            "supply": "30|30|30|30|30|28|50|30",
            "places": "Foothills Family Medicine|Prairie Kidney Specialists|Prairie Kidney "
            "Specialists|Prairie Kidney Specialists|Aspen Hollow Pharmacy #27",
            "pharmacist": "Dana Whitfield-Oduya, PharmD",
            "review": "2026-09-02",
        },
        breaks=("vaccines",),
    )


def _occupational() -> Document:
    return Document(
        provider="front-range-occupational-medicine",
        file="front-range-occupational-medicine/volunteer-screening-2026-08-25.pdf",
        layout="volunteer_health_screening",
        title="Front Range Occupational Medicine",
        address=("3318 S. College Ave, Fort Collins, CO 80525 · 970-555-0158",),
        document_date="2026-08-25",
        date_kind="visit",
        date_style="dmon",
        name_text="Whitcomb, Lorraine D.",
        name_value=NAME,
        dob=DOB,
        mrn_text="FROM-77120",
        mrn_value="FROM-77120",
        # written by the patient; pills carry route oral though none is written
        meds=(
            Med("apixaban", "5", "mg", "bid", "oral", "Eliquis", "5 mg", "2x a day"),
            Med("losartan-hydrochlorothiazide", "50-12.5", "mg", "daily", "oral", "Hyzaar",
                "50/12.5", "1 a day"),
            Med("metoprolol", "50", "mg", "qam", "oral", "metoprolol ER", "50 mg",
                "every morning"),
            Med("empagliflozin", "10", "mg", "qam", "oral", "Jardiance", "10 mg",
                "every morning"),
            Med("calcitriol", "0.25", "mcg", "daily", "oral", "calcitriol", ".25 mcg", "daily"),
            # planted: monthly; once a week on the four other lists
            Med("alendronate", "70", "mg", "monthly", "oral", "Fosamax", "70 mg",
                "once a month"),
            Med("latanoprost", "1", "drop", "qhs", "ophthalmic", "Xalatan eye drops", "1 drop",
                "both eyes at night"),
            Med("lidocaine", "1", "patch", "daily", "topical", "Lidoderm", "1 patch",
                "on back 12 hrs a day"),
        ),  # fmt: skip
        allergies=(_amoxicillin("amoxicillin", "hives"), _morphine("morphine", "itchy")),
        vaccines=(
            _vax(TDAP, "Tdap"),
            # only "Influenza" is written here: the unspecified code
            Vaccine("influenza", "influenza", "88", FLU[3], "Influenza"),
            *_hepb("45", ("#1", "#2", "#3")),
            *(Vaccine("covid-19", "covid-19", c, d, "") for c, d in COVID),
            _vax(PCV, "Prevnar 20"),
        ),
        scans=(ScanProfile(skew=-0.8, noise=0.7, blur=0.9, jpeg_quality=34, paper=240),),
        font="URWGothic-Book",
        extra={
            "placement": "Larimer Valley Hospice - patient companion volunteer",
            "nurse": "Teresa Villanueva, RN, COHN",
            "covid": "Pfizer|Pfizer|Pfizer bivalent|Pfizer",
            "igra": "2026-08-25",
        },
    )


def holdout6_set() -> SampleSet:
    """Five providers, seven pages, eight planted findings in eight categories."""
    return SampleSet(
        name="holdout6",
        seed=20261217,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_emergency(), _nephrology(), _pharmacy(), _occupational(), _health_plan()),
        expected_findings=(
            Finding("drug_allergy_conflict", "amoxicillin-clavulanate",
                    "cedar-ridge-medical-center-ed",
                    "Augmentin 500-125 mg every 12 hours started for a UTI; amoxicillin (hives) "
                    "in the allergy line of the same discharge instructions"),
            Finding("medication_missing", "latanoprost", "prairie-kidney-specialists",
                    "latanoprost (Xalatan) eye drops are not in the reviewed medication list; on "
                    "the four other lists"),
            Finding("vaccine_date_conflict", "pneumococcal", "prairie-kidney-specialists",
                    "Prevnar 20 12/9/24 (day and month swapped); 12 Sep 2024 on the plan's "
                    "claims and 9/12/2024 on the screening form"),
            Finding("allergy_missing", "amoxicillin", "aspen-hollow-pharmacy",
                    "the pickup sheet lists only MORPHINE; amoxicillin (hives) at the four other "
                    "providers"),
            Finding("identity_mismatch", "name", "aspen-hollow-pharmacy",
                    "WHITCOMBE, LORRAINE on the pickup sheet and every label; Whitcomb elsewhere"),
            Finding("frequency_mismatch", "alendronate", "front-range-occupational-medicine",
                    "Fosamax 70 mg once a month written by the patient; once a week at the four "
                    "other providers"),
            Finding("future_date", "covid-19", "front-range-occupational-medicine",
                    "COVID-19 booster #4 written as 10/9/2034 (2024 slipped to 2034); only the "
                    "screening form lists COVID-19 vaccines"),
            Finding("dose_mismatch", "metoprolol", "keystone-peak-health-plan",
                    "metoprolol succinate ER 25 mg once a day on the plan's list; 50 mg at the "
                    "four other providers"),
        ),  # fmt: skip
        harmless_variations=(
            "brands vs generics: Eliquis, Hyzaar, Toprol XL, Jardiance, Rocaltrol, Fosamax, "
            "Xalatan, Lidoderm, Augmentin, Zofran ODT, Tylenol, Advil; salts and abbreviations: "
            "metoprolol succinate ER / METOPROLOL SUCC ER / metoprolol ER, ALENDRONATE SODIUM, "
            "LOSARTAN POTASSIUM-HYDROCHLOROTHIAZIDE, losartan-HCTZ / LOSARTAN/HCTZ",
            "combination strengths: 50-12.5 mg / 50-12.5MG / 50 MG-12.5 MG / 50/12.5 written "
            "without a unit; calcitriol 0.25 mcg / 0.25MCG / .25 mcg",
            "product strengths that are not doses: 0.005% eye drops, 5% patch, the 325 mg tablet "
            "taken as 2 tablets (650 mg), 200 mg ibuprofen tablets taken as 2, 20 MCG/ML and "
            "0.5 ML on vaccine claims",
            "frequency wording: twice a day / BID / twice daily / 2 times a day / 2x a day; once a "
            "day / daily / once daily / 1 a day / every morning (one dose a day); once a week on "
            "Sunday / q week (Sun) / once a week; at bedtime / at night; 12 hours on, 12 hours "
            "off / 12 h on / 12 h off / 12 hrs a day",
            "route wording: by mouth / PO / none written on the patient's list; in both eyes / "
            "into both eyes; to the lower back / to the skin / on back",
            "status: losartan-hydrochlorothiazide and empagliflozin held at the ED (same dose) "
            "and resumed at nephrology; the same medicine in the nephrology list and again in "
            "its plan",
            "one-provider medicines: at the ED amoxicillin-clavulanate (a 7-day course, whose "
            "only finding is the allergy conflict), ondansetron and acetaminophen as needed, "
            "ibuprofen stopped; naproxen and NSAIDs named only in a warning",
            "date formats: 6/8/2026, 2026-06-23, 10/14/25, 07/14/26, 11/21/59, September 10, "
            "2026, 12 Sep 2024, 25 Aug 2026, 21 Nov 1959; the partial Tdap date May 2021",
            "name forms: WHITCOMB, LORRAINE D / Lorraine Whitcomb / Whitcomb, Lorraine D. / "
            "LORRAINE D WHITCOMB; each provider's own record number (MRN, Pt#, Chart #, Member ID)",
            "vaccines only the screening form lists: Tdap, COVID-19 doses 1-3; MMR immune by "
            "titer and a history of chickenpox are not vaccinations; the 2026-27 flu dose "
            "marked due; hepatitis B written as Engerix-B adult (CVX 43) or Hepatitis B (45) and "
            "influenza as Fluzone High-Dose (135) or Influenza (88), same dates",
            "numbers that are not doses or facts: Rx numbers, quantities, refills, copays, days "
            "supply, vital signs, labs (creatinine, eGFR, potassium, UACR, PTH), weight, BMI, "
            "the IGRA result",
            "dates that are not facts: the fax header, arrival and discharge times, fill and "
            "last-filled dates, start dates, lab dates, the pharmacist review date, the IGRA "
            "date, the form revision date",
            "the unchecked 'No known allergies' box on the screening form",
        ),
        scans_dir="holdout6/scans",
        truth_file="holdout6/truth.json",
    )
