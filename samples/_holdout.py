"""Scenario of the held-out set: five providers in styles and wording no other set uses."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "gerald r whitfield"
DOB = "1957-08-23"

# CVX (CDC table): 197 influenza high-dose quadrivalent, 309 COVID-19 mRNA tris-sucrose
# 30 mcg/0.3 mL (Pfizer 2023-2024 formula), 216 pneumococcal conjugate PCV20,
# 187 zoster recombinant, 115 Tdap.
FLU = ("influenza", "influenza", "197", "2023-10-05")
COVID = ("covid-19", "covid-19", "309", "2023-10-19")
PCV = ("pneumococcal", "pneumococcal", "216", "2023-03-14")
RZV1 = ("zoster", "zoster", "187", "2021-02-10")
RZV2 = ("zoster", "zoster", "187", "2021-05-12")
TDAP = ("tdap", "tetanus", "115", "2016-04-03")
TDAP_WRONG = ("tdap", "tetanus", "115", "2018-04-03")

SULFA = ("sulfa", "sulfonamide antibiotics")
CODEINE = ("codeine", "opioids")


def _vax(spec: tuple[str, str, str, str], text: str) -> Vaccine:
    return Vaccine(spec[0], spec[1], spec[2], spec[3], text)


def _allergy(spec: tuple[str, str], reaction: str, name_text: str, reaction_text: str) -> Allergy:
    return Allergy(spec[0], spec[1], reaction, name_text, reaction_text)


def _urgent_care() -> Document:
    return Document(
        provider="pinecrest-urgent-care",
        file="pinecrest-urgent-care/visit-2024-08-02.pdf",
        layout="soap_note",
        title="Pinecrest Urgent Care",
        address=("3100 Valley Road, Cedar Falls, CS 50613", "(319) 555-0163"),
        document_date="2024-08-02",
        date_kind="visit",
        date_style="num",
        name_text="WHITFIELD, GERALD",
        name_value="gerald whitfield",
        dob=DOB,
        mrn_text="PUC-771204",
        mrn_value="PUC-771204",
        meds=(
            Med("lisinopril", "10", "mg", "daily", "oral", "lisinopril", "10 mg", "daily"),
            Med("metformin", "1000", "mg", "bid", "oral", "metformin", "1000 mg", "BID"),
            Med("amlodipine", "5", "mg", "daily", "oral", "amlodipine", "5 mg", "daily"),
            Med("tamsulosin", "0.4", "mg", "qhs", "oral", "tamsulosin", "0.4 mg", "qhs"),
            Med("gabapentin", "300", "mg", "tid", "oral", "gabapentin", "300 mg", "TID"),
            Med("pantoprazole", "40", "mg", "qam", "oral", "pantoprazole", "40 mg", "qAM"),
            Med("acetaminophen", "500", "mg", "qid prn", "oral", "Tylenol", "500 mg",
                "q6h PRN pain"),
            # planted: simvastatin, on the other three lists, is left out here
            Med("sulfamethoxazole-trimethoprim", "1", "tab", "bid", "oral", "Bactrim DS",
                "1 tab", "po q12h x 7d, #14, RF 0"),  # planted: sulfa allergy above
        ),  # fmt: skip
        allergies=(
            _allergy(SULFA, "rash", "Sulfa", "rash"),
            _allergy(CODEINE, "nausea/vomiting", "Codeine", "nausea/vomiting"),
        ),
        vaccines=(),
        scans=(ScanProfile(skew=0.7, noise=2.2, blur=0.9, jpeg_quality=62),),
        font="Times-Roman",
        extra={
            "clinician": "Nina Okoye, PA-C",
            "time_in": "14:10",
            "signed_time": "15:02",
            "cc": "burning with urination x 3 days",
            "subjective": "66 yo M w/ BPH, HTN, DM2 and peripheral neuropathy c/o dysuria and "
            "urinary frequency x 3 days. No fever, chills or flank pain. No gross hematuria. "
            "No recent antibiotics. Lives at home with wife since rehab stay in June.",
            "objective": "T 99.1 F, HR 84, BP 138/82, RR 16, SpO2 97% RA. Alert, NAD. Abd soft, "
            "mild suprapubic tenderness, no CVA tenderness. UA dip: LE 2+, nitrite pos, "
            "blood trace, glucose neg.",
            "assessment": "Acute cystitis, uncomplicated.",
            "plan_meds": "sulfamethoxazole-trimethoprim",
            "plan": "{rx}|Urine culture sent; will call if resistant.|Push fluids.|{home}|"
            "F/u with PCP in 1 wk; ED if fever, flank pain or vomiting.",
            "footer": "Pinecrest Urgent Care - Visit Note - Confidential patient information",
        },
    )


def _portal() -> Document:
    return Document(
        provider="summit-family-health",
        file="summit-family-health/health-summary-2024-07-15.pdf",
        layout="portal_summary",
        title="Summit Family Health",
        address=("845 Elm Street, Cedar Falls, CS 50613",),
        document_date="2024-07-15",
        date_kind="printed",
        date_style="mon",
        name_text="Gerald R Whitfield",
        name_value=NAME,
        dob=DOB,
        mrn_text="40021877",
        mrn_value="40021877",
        meds=(
            Med("lisinopril", "10", "mg", "daily", "oral", "lisinopril (ZESTRIL)", "10 MG tablet",
                "Take 1 tablet (10 mg total) by mouth daily."),
            Med("metformin", "1000", "mg", "bid", "oral", "metFORMIN (GLUCOPHAGE)",
                "1,000 MG tablet",
                "Take 1 tablet (1,000 mg total) by mouth 2 (two) times a day with meals."),
            Med("simvastatin", "40", "mg", "qhs", "oral", "simvastatin (ZOCOR)", "40 MG tablet",
                "Take 1 tablet (40 mg total) by mouth at bedtime."),
            Med("amlodipine", "5", "mg", "daily", "oral", "amLODIPine (NORVASC)", "5 MG tablet",
                "Take 1 tablet (5 mg total) by mouth daily."),
            Med("tamsulosin", "0.4", "mg", "qhs", "oral", "tamsulosin (FLOMAX)",
                "0.4 MG 24 hr capsule", "Take 1 capsule (0.4 mg total) by mouth nightly."),
            Med("gabapentin", "300", "mg", "tid", "oral", "gabapentin (NEURONTIN)",
                "300 MG capsule", "Take 1 capsule (300 mg total) by mouth 3 (three) times a day."),
            Med("pantoprazole", "40", "mg", "qam", "oral", "pantoprazole (PROTONIX)",
                "40 MG EC tablet",
                "Take 1 tablet (40 mg total) by mouth every morning before breakfast."),
            Med("acetaminophen", "500", "mg", "qid prn", "oral", "acetaminophen (TYLENOL)",
                "500 MG tablet",
                "Take 1 tablet (500 mg total) by mouth every 6 (six) hours as needed for pain."),
        ),  # fmt: skip
        allergies=(
            # planted: the sulfa allergy the other three record is missing here
            _allergy(CODEINE, "nausea and vomiting", "Codeine", "Nausea And Vomiting"),
        ),
        vaccines=(
            _vax(FLU, "Influenza, High Dose, Quadrivalent (Fluzone HD)"),
            _vax(COVID, "COVID-19 Vaccine, Pfizer 2023-2024"),
            _vax(PCV, "Pneumococcal Conjugate 20-Valent (Prevnar 20)"),
            _vax(RZV1, "Zoster Recombinant (Shingrix)"),
            _vax(RZV2, "Zoster Recombinant (Shingrix)"),
            _vax(TDAP, "Tdap"),
        ),
        scans=(
            ScanProfile(skew=-0.4, noise=1.8, blur=0.8, jpeg_quality=66),
            ScanProfile(skew=1.1, noise=2.0, blur=0.9, jpeg_quality=64),
        ),
        font="Helvetica",
        extra={
            "portal_name": "MyHealth",
            "portal_url": "myhealth.summitfamilyhealth.example",
            "printed_time": "10:42 AM",
            "pcp": "Arjun Patel, MD",
            "intro": "This summary shows information from your medical record as of "
            "{printed}. If something is missing or wrong, send a message to your care team.",
            "issues": "Benign prostatic hyperplasia|Type 2 diabetes mellitus without "
            "complication|Essential hypertension|Peripheral neuropathy|Closed fracture of "
            "right hip, subsequent encounter",
            "allergy_notes": "Medium;2015-03-02",
            "reminders": "Influenza Vaccine (1 dose);Due on;2024-09-01|"
            "Diabetic Eye Exam;Overdue since;2024-03-02",
            "disclaimer": "Information in MyHealth comes from your Summit Family Health record "
            "and may not include care you received elsewhere. Do not use MyHealth for urgent "
            "medical needs.",
        },
    )


def _mar() -> Document:
    return Document(
        provider="maplewood-care-center",
        file="maplewood-care-center/mar-2024-06.pdf",
        layout="mar_grid",
        title="Maplewood Care Center",
        address=("Skilled Nursing & Rehabilitation", "77 Maple Avenue, Cedar Falls, CS 50613",
                 "Ph (319) 555-0190"),
        document_date="2024-06-30",
        date_kind="printed",
        date_style="yy",
        name_text="WHITFIELD, GERALD R",
        name_value=NAME,
        dob="1975-08-23",  # planted: year digits transposed
        mrn_text="MCC-20417",
        mrn_value="MCC-20417",
        meds=(
            Med("lisinopril", "20", "mg", "daily", "oral", "LISINOPRIL TAB", "20 MG",
                "PO;DAILY"),  # planted: 10 mg elsewhere
            Med("metformin", "1000", "mg", "bid", "oral", "METFORMIN HCL TAB", "1000 MG",
                "PO;BID W/MEALS"),
            Med("simvastatin", "40", "mg", "qhs", "oral", "SIMVASTATIN TAB", "40 MG", "PO;HS"),
            Med("amlodipine", "5", "mg", "daily", "oral", "AMLODIPINE BESYLATE TAB", "5 MG",
                "PO;DAILY"),
            Med("tamsulosin", "0.4", "mg", "qhs", "oral", "TAMSULOSIN HCL CAP", "0.4 MG", "PO;HS"),
            Med("gabapentin", "300", "mg", "tid", "oral", "GABAPENTIN CAP", "300 MG", "PO;TID"),
            Med("pantoprazole", "40", "mg", "qam", "oral", "PANTOPRAZOLE SOD DR TAB", "40 MG",
                "PO;QAM AC"),
            Med("enoxaparin", "40", "mg", "daily", "subcutaneous", "ENOXAPARIN SODIUM INJ",
                "40 MG", "SUBQ;DAILY", status="discontinued"),
            Med("acetaminophen", "500", "mg", "qid prn", "oral", "ACETAMINOPHEN TAB", "500 MG",
                "PO;Q6H PRN PAIN"),
            Med("polyethylene glycol 3350", "17", "g", "daily prn", "oral",
                "POLYETHYLENE GLYCOL 3350 PWD", "17 G", "PO;DAILY PRN CONSTIP"),
        ),  # fmt: skip
        allergies=(
            _allergy(SULFA, "rash", "SULFONAMIDES", "RASH"),
            _allergy(CODEINE, "n/v", "CODEINE", "N/V"),
        ),
        vaccines=(),
        scans=(ScanProfile(dpi=200, skew=-0.8, noise=6.0, blur=0.6, fax=True, jpeg_quality=72),),
        font="Courier",
        extra={
            "room": "214-B",
            "sex": "M",
            "physician": "ARJUN PATEL, MD",
            "admit": "2024-05-28",
            "period": "2024-06-01|2024-06-30",
            "days": "30",
            "dx": "AFTERCARE R HIP FX (ORIF 05/22/24); HTN; DM2; BPH; NEUROPATHY; GERD",
            "rows": "2024-06-01;;0900|2024-06-01;;0800 1700|2024-06-01;;2100|"
            "2024-06-01;;0900|2024-06-01;;2100|2024-06-01;;0800 1400 2000|2024-06-01;;0630|"
            "2024-05-28;2024-06-10;0900|2024-06-01;;PRN|2024-06-01;;PRN",
            "legend": "CHART CODES: A=ADMINISTERED  R=REFUSED  H=HELD  L=LOA  "
            "S=SEE NURSES NOTES  D/C=DISCONTINUED",
            "signatures": "NURSE INITIALS / SIGNATURE: ____ ______________   "
            "____ ______________   ____ ______________",
            "printed_time": "23:05",
            "printed_by": "MSANCHEZ",
        },
    )


def _registry() -> Document:
    return Document(
        provider="cedar-state-immunization-registry",
        file="cedar-state-immunization-registry/record-2024-08-20.pdf",
        layout="iis_record",
        title="Cedar State Department of Public Health",
        address=("Bureau of Immunization, 321 Capitol Avenue, Cedar City, CS 50300",
                 "Help desk (319) 555-0110"),
        document_date="2024-08-20",
        date_kind="printed",
        date_style="us",
        name_text="WHITFIELD, GERALD RAYMOND",
        name_value="gerald raymond whitfield",
        dob=DOB,
        mrn_text="3004417792",
        mrn_value="3004417792",
        meds=(),
        allergies=(),
        vaccines=(
            _vax(COVID, "COVID-19 mRNA 2023-24 (Pfizer)"),
            _vax(FLU, "Influenza, high-dose, quadrivalent"),
            _vax(PCV, "Pneumococcal conjugate PCV20"),
            _vax(TDAP, "Tdap"),
            _vax(RZV1, "Zoster recombinant"),
            _vax(RZV2, "Zoster recombinant"),
        ),
        scans=(ScanProfile(skew=0.9, noise=2.5, blur=1.0, jpeg_quality=60, paper=236),),
        font="Helvetica",
        extra={
            "system": "Immunization Information System (IIS)",
            "run_time": "09:15",
            "requested_by": "Summit Family Health",
            "gender": "Male",
            "patient_address": "418 Birch Ln, Cedar Falls, CS 50613",
            "patient_phone": "(319) 555-0121",
            "groups": "COVID-19|INFLUENZA|PNEUMOCOCCAL|TD/TDAP|ZOSTER|ZOSTER",
            "doses": "1|1|1|1|1|2",
            "series": "Valid|Valid|Complete|Valid|Valid|Complete",
            "forecast": "INFLUENZA;Due;2024-08-01;2024-09-01|COVID-19;Due;2024-08-22;2024-09-15",
            "notice": "This record contains the immunizations reported to the IIS by health "
            "care providers and pharmacies. It may be incomplete. Recommendations follow the "
            "ACIP adult schedule and do not replace clinical judgment.",
            "footer": "Official record of the Cedar State IIS - Page 1 of 1",
        },
    )


def _urology() -> Document:
    return Document(
        provider="riverbend-urology",
        file="riverbend-urology/consult-letter-2024-09-10.pdf",
        layout="consult_letter",
        title="Riverbend Urology Associates",
        address=("2200 River Road, Suite 310", "Cedar Falls, CS 50613", "Tel (319) 555-0178"),
        document_date="2024-09-10",
        date_kind="report",
        date_style="dmonth",
        name_text="Gerald R. Whitfield",
        name_value=NAME,
        dob=DOB,
        mrn_text="RU-88310",
        mrn_value="RU-88310",
        meds=(
            Med("lisinopril", "10", "mg", "daily", "oral", "lisinopril", "10 mg", "once daily"),
            Med("metformin", "1000", "mg", "bid", "oral", "metformin", "1000 mg",
                "twice daily with meals"),
            Med("simvastatin", "40", "mg", "qhs", "oral", "simvastatin", "40 mg", "at night"),
            Med("amlodipine", "5", "mg", "daily", "oral", "amlodipine", "5 mg", "once daily"),
            Med("tamsulosin", "0.4", "mg", "qhs", "oral", "tamsulosin", "0.4 mg", "at bedtime"),
            Med("gabapentin", "300", "mg", "bid", "oral", "gabapentin", "300 mg",
                "two times a day"),  # planted: three times a day elsewhere
            Med("pantoprazole", "40", "mg", "qam", "oral", "pantoprazole", "40 mg",
                "each morning"),
            Med("acetaminophen", "500", "mg", "qid prn", "oral", "acetaminophen", "500 mg",
                "every 6 hours as needed for pain"),
            Med("finasteride", "5", "mg", "daily", "oral", "finasteride", "5 mg",
                "by mouth once daily"),  # newly started in this letter
        ),  # fmt: skip
        allergies=(
            _allergy(SULFA, "rash", "sulfa", "rash"),
            _allergy(CODEINE, "nausea and vomiting", "codeine", "nausea and vomiting"),
        ),
        vaccines=(
            _vax(FLU, "the high-dose influenza vaccine"),
            _vax(COVID, "the updated COVID-19 vaccine (Pfizer)"),
            _vax(PCV, "Prevnar 20"),
            _vax(RZV1, "Shingrix"),
            _vax(RZV2, "Shingrix"),
            _vax(TDAP_WRONG, "a Tdap booster"),  # planted: April 3, 2016 elsewhere
        ),
        scans=(
            ScanProfile(skew=-0.3, noise=1.6, blur=0.8, jpeg_quality=68),
            ScanProfile(skew=0.6, noise=1.8, blur=0.9, jpeg_quality=66),
        ),
        font="Times-Roman",
        extra={
            "tagline": "Adult and Geriatric Urology - Stone Disease - Urodynamics",
            "letter_style": "long",
            "to": "Arjun Patel, MD|Summit Family Health|845 Elm Street|Cedar Falls, CS 50613",
            "salutation": "Dr. Patel",
            "opening": "Thank you for asking me to see Mr. Whitfield, whom I saw in the office "
            "today for lower urinary tract symptoms after a recent urinary tract infection.",
            "history": "Mr. Whitfield is a 67-year-old man with benign prostatic hyperplasia, "
            "hypertension, type 2 diabetes and peripheral neuropathy. He was treated at an "
            "urgent care center in early August for acute cystitis and his dysuria resolved "
            "within a few days. He reports nocturia two to three times a night, a weak stream "
            "and a sense of incomplete emptying despite his alpha-blocker. He spent four weeks "
            "in a rehabilitation facility in June after repair of a right hip fracture.",
            "med_lead": "His medications, all taken orally, are",
            "allergy_lead": "He reports an allergy to",
            "imm_lead": "For completeness, his immunization history includes",
            "exam": "On examination he was comfortable. The abdomen was soft, without a palpable "
            "bladder. Digital rectal examination showed a smooth, symmetric, non-tender prostate "
            "of about 45 grams without nodules. Urinalysis today was clear, and the post-void "
            "residual by bladder scan was 110 mL. His PSA on 08/28/2024 was 2.1 ng/mL.",
            "assessment": "Benign prostatic hyperplasia with bothersome lower urinary tract "
            "symptoms despite an alpha-blocker; recent cystitis, resolved; no evidence of "
            "retention.",
            "plan_meds": "finasteride",
            "recommendations": "Continue his current alpha-blocker.|I have started {finasteride} "
            "to reduce prostate size over the next 6 to 12 months; he understands it lowers "
            "the PSA by about half.|For any future urinary infection please avoid sulfonamide "
            "antibiotics because of his sulfa allergy; nitrofurantoin or cephalexin would be "
            "reasonable choices, guided by culture.|Repeat PSA in one year.|Follow-up in "
            "3 months with a uroflow study and bladder scan.",
            "closing": "Thank you for allowing me to share in his care. Please do not hesitate "
            "to call me with any questions.",
            "clinician": "Daniel K. Mercer, MD",
            "credentials": "Diplomate, American Board of Urology",
            "cc": "cc: patient",
        },
    )


def holdout_set() -> SampleSet:
    """Five providers, seven pages, seven planted findings in seven categories."""
    return SampleSet(
        name="holdout",
        seed=20261203,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_urgent_care(), _portal(), _mar(), _registry(), _urology()),
        expected_findings=(
            Finding("drug_allergy_conflict", "sulfamethoxazole-trimethoprim",
                    "pinecrest-urgent-care",
                    "Bactrim DS prescribed for cystitis; sulfa allergy (rash) in the same note"),
            Finding("medication_missing", "simvastatin", "pinecrest-urgent-care",
                    "simvastatin 40 mg at bedtime at the other three, not in 'Continue home "
                    "meds' here"),
            Finding("allergy_missing", "sulfa", "summit-family-health",
                    "portal lists only codeine; sulfa (rash) at the other three"),
            Finding("dose_mismatch", "lisinopril", "maplewood-care-center",
                    "LISINOPRIL 20 MG on the MAR, 10 mg at the other three"),
            Finding("identity_mismatch", "dob", "maplewood-care-center",
                    "DOB 08/23/1975 on the MAR (year digits transposed), 08/23/1957 elsewhere"),
            Finding("frequency_mismatch", "gabapentin", "riverbend-urology",
                    "gabapentin 300 mg two times a day in the letter, three times a day at the "
                    "other three"),
            Finding("vaccine_date_conflict", "tdap", "riverbend-urology",
                    "Tdap booster on April 3, 2018 in the letter, 2016-04-03 at the portal and "
                    "the registry"),
        ),  # fmt: skip
        harmless_variations=(
            "brand names with tall-man lettering at summit-family-health (lisinopril (ZESTRIL), "
            "metFORMIN (GLUCOPHAGE), simvastatin (ZOCOR), amLODIPine (NORVASC), tamsulosin "
            "(FLOMAX), gabapentin (NEURONTIN), pantoprazole (PROTONIX), acetaminophen "
            "(TYLENOL)) and Tylenol at pinecrest-urgent-care vs generic names elsewhere",
            "salt and form words on the MAR: METFORMIN HCL, AMLODIPINE BESYLATE, TAMSULOSIN HCL, "
            "PANTOPRAZOLE SOD DR, ENOXAPARIN SODIUM; '24 hr capsule' and 'EC tablet' at the "
            "portal",
            "'1,000 MG' with a thousands comma at the portal, 1000 mg elsewhere; '1 tablet "
            "(10 mg total)' portal dose wording",
            "frequency wording: daily / once daily / DAILY; BID / 2 (two) times a day / BID "
            "W/MEALS / twice daily with meals; qhs / nightly / HS / at bedtime (tamsulosin); at "
            "bedtime / HS / at night (simvastatin); TID / 3 (three) times a day; qAM / every "
            "morning before breakfast / QAM AC / each morning; q6h PRN pain / every 6 (six) "
            "hours as needed for pain / Q6H PRN PAIN / every 6 hours as needed for pain",
            "route wording: none printed (urgent-care plan), by mouth (portal), PO (MAR), 'all "
            "taken orally' (letter)",
            "patient name as WHITFIELD, GERALD (no middle initial), Gerald R Whitfield, "
            "WHITFIELD, GERALD R, Gerald R. Whitfield and WHITFIELD, GERALD RAYMOND (full "
            "middle name at the registry)",
            "date formats: 8/2/2024, Aug 23, 1957, 06/01/24, 08/20/2024, 23 August 1957, "
            "September 10, 2024; each provider's own record number",
            "vaccine names: Fluzone HD / Influenza, high-dose, quadrivalent / the high-dose "
            "influenza vaccine; Prevnar 20 / PCV20; Shingrix / Zoster recombinant; "
            "COVID-19 Pfizer 2023-2024 / COVID-19 mRNA 2023-24 (Pfizer); two Shingrix doses of "
            "one series at the portal, the registry and the letter",
            "enoxaparin 40 mg SUBQ daily on the MAR was stopped 06/10/24 (post-operative "
            "prophylaxis): not active, so its absence elsewhere is expected",
            "polyethylene glycol 3350 PRN only on the MAR (a facility PRN order), Bactrim DS "
            "only at pinecrest-urgent-care (a 7-day course) and finasteride only in the "
            "urology letter (newly started): not medication_missing elsewhere",
            "the portal's 'Influenza Vaccine (1 dose) Due on Sep 1, 2024' reminder and the "
            "registry's forecast dates are recommendations, not doses given",
            "the PSA date 08/28/2024 in the letter, the MAR's admit/start/stop dates, the "
            "portal's allergy 'noted' date and the print timestamps are not facts",
            "nitrofurantoin and cephalexin named in the urology letter as future choices, not "
            "medications he takes; 'avoid sulfonamide antibiotics because of his sulfa "
            "allergy' repeats the sulfa allergy",
        ),
        scans_dir="holdout/scans",
        truth_file="holdout/truth.json",
    )
