"""Scenario of the third held-out set: a cardiac patient's records from five more kinds of provider."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "theodore n haugen"
DOB = "1966-11-27"
DOB_WRONG = "1966-11-22"  # planted at the mail-order pharmacy: a mistyped day

# CVX (CDC table): 88 influenza unspecified, 115 Tdap, 52 hepatitis A adult (Havrix 1440),
# 10 IPV (IPOL).
FLU = ("influenza", "influenza", "88", "2025-09-22")
TDAP = ("tdap", "tetanus", "115", "2021-04-07")
TDAP_WRONG = ("tdap", "tetanus", "115", "2021-07-04")  # planted at cardiac rehab
HEPA = ("hepatitis a", "hepatitis a", "52", "2025-10-06")
IPV = ("polio", "polio", "10", "2025-10-06")


def _vax(spec: tuple[str, str, str, str], text: str) -> Vaccine:
    return Vaccine(spec[0], spec[1], spec[2], spec[3], text)


def _levofloxacin(name_text: str, reaction_text: str) -> Allergy:
    return Allergy("levofloxacin", "fluoroquinolones", "tendon pain", name_text, reaction_text)


def _latex(name_text: str, reaction_text: str) -> Allergy:
    return Allergy("latex", "environmental", "rash", name_text, reaction_text)


def _hospital() -> Document:
    return Document(
        provider="northshore-general-hospital",
        file="northshore-general-hospital/med-reconciliation-2026-01-19.pdf",
        layout="admission_med_rec",
        title="Northshore General Hospital",
        address=("3300 Lakeview Avenue, Duluth Harbor, MN 55802", "Pharmacy Services (218) 555-0131"),
        document_date="2026-01-19",
        date_kind="visit",
        date_style="us",
        name_text="HAUGEN, THEODORE N",
        name_value=NAME,
        dob=DOB,
        mrn_text="NGH-4471902",
        mrn_value="NGH-4471902",
        # Columns: name, dose, route, frequency; last dose and continue flag in `extra`.
        meds=(
            Med("losartan", "100", "mg", "daily", "oral", "Cozaar (losartan)", "100 mg",
                "PO;daily"),  # planted: 50 mg elsewhere
            Med("carvedilol", "12.5", "mg", "bid", "oral", "carvedilol", "12.5 mg",
                "PO;BID with food"),
            Med("rosuvastatin", "20", "mg", "qhs", "oral", "Crestor", "20 mg", "PO;at bedtime"),
            Med("clopidogrel", "75", "mg", "daily", "oral", "clopidogrel", "75 mg", "PO;daily"),
            Med("sertraline", "50", "mg", "qam", "oral", "Zoloft", "50 mg", "PO;each morning"),
            Med("metformin", "500", "mg", "bid", "oral", "metformin", "500 mg",
                "PO;twice daily with meals"),
            Med("ibuprofen", "400", "mg", "tid prn", "oral", "ibuprofen (Motrin)", "400 mg",
                "PO;every 8 hours as needed", status="discontinued"),
        ),  # fmt: skip
        allergies=(_levofloxacin("Levofloxacin", "tendon pain"), _latex("Latex", "rash")),
        vaccines=(_vax(FLU, "Influenza (this season)"), _vax(TDAP, "Tdap")),
        scans=(ScanProfile(rotation=90, skew=0.6, noise=1.6, blur=0.8, jpeg_quality=66),),
        font="C059-Roman",
        extra={
            "last_dose": "01/19 0730|01/19 0730|01/18 2200|01/19 0730|01/19 0730|01/18 1800|"
            "01/16 (pt unsure)",
            "continue": "Y|Y|Y|Y|Y|Y|N (stop)",
            "unit": "4 West Cardiac Telemetry",
            "source": "Patient, pill bottles, outside pharmacy list",
            "admit_dx": "Chest pain, rule out acute coronary syndrome",
            "nurse": "Admitting RN: K. Bjornstad, RN 01/19/2026 1040",
            "pharmacist": "Pharmacist verified: A. Oyelaran, PharmD 01/19/2026 1315",
            "prescriber": "Admitting prescriber: S. Kaur, MD",
            "footer": "NGH-PHM-114 (rev. 06/2023) - place in the Medication section of the chart",
        },
    )


def _dentist() -> Document:
    return Document(
        provider="brightwater-family-dentistry",
        file="brightwater-family-dentistry/health-history-2025-11-03.pdf",
        layout="dental_health_history",
        title="Brightwater Family Dentistry",
        address=("18 Canal Park Drive, Duluth Harbor, MN 55802", "(218) 555-0158"),
        document_date="2025-11-03",
        date_kind="visit",
        date_style="dash",
        name_text="Theodore Haugen",
        name_value="theodore haugen",
        dob=DOB,
        mrn_text="20817",
        mrn_value="20817",
        # Written by the patient in his own words, one medicine a line.
        meds=(
            Med("losartan", "50", "mg", "daily", "oral", "blood pressure pill losartan", "50mg",
                "once a day"),
            Med("carvedilol", "12.5", "mg", "bid", "oral", "carvedilol", "12.5 mg",
                "twice a day (heart)"),
            Med("rosuvastatin", "20", "mg", "qhs", "oral", "Crestor", "20 mg",
                "at bedtime for cholesterol"),
            Med("clopidogrel", "75", "mg", "daily", "oral", "Plavix", "75",
                "1 every day (blood thinner)"),
            Med("sertraline", "50", "mg", "qam", "oral", "sertraline", "50mg", "each morning"),
            Med("metformin", "500", "mg", "bid", "oral", "metformin", "500",
                "two times a day with food (sugar)"),
        ),  # fmt: skip
        # planted: latex answered "No" here; latex (rash) at the four other providers
        allergies=(_levofloxacin("levofloxacin", "tendon pain"),),
        vaccines=(),
        scans=(
            ScanProfile(skew=-0.8, noise=2.0, blur=0.9, jpeg_quality=60, paper=238),
            ScanProfile(skew=0.5, noise=2.0, blur=0.9, jpeg_quality=60, paper=238),
        ),
        font="URWBookman-Light",
        extra={
            # question;answer (Yes/No);note written after it
            "questions": "Are you under a physician's care now?;Yes;heart doctor + family "
            "doctor|Have you been hospitalized or had a serious illness in the last 5 years?;"
            "Yes;heart stent 2023|Have you ever had a bad reaction to dental anesthetic?;No;|"
            "Do you take any medicines, vitamins or supplements?;Yes;see below",
            "allergy_items": "Penicillin / amoxicillin;No|Codeine or other narcotics;No|"
            "Local anesthetics (lidocaine);No|Latex (gloves, rubber dam);No|Sulfa drugs;No|"
            "Metals (nickel);No|Aspirin / ibuprofen;No",
            "conditions": "Heart attack / stent;Yes|High blood pressure;Yes|Diabetes;Yes|"
            "Artificial joint;No|Bleeding problems;No|Asthma;No|Stroke;No|Hepatitis;No|"
            "Heart murmur;No|Kidney disease;No",
            "blood_thinner": "Yes",
            "phone": "(218) 555-0174",
            "emergency": "Ingrid Haugen (wife) (218) 555-0175",
            "physician": "Dr. Kaur, Northshore Heart",
            "signature": "T. Haugen",
            "reviewed": "Reviewed with patient: L. Freitas, DDS",
            "footer1": "BFD-HH-2 Please turn over",
            "footer2": "BFD-HH-2 Page 2 - Thank you!",
        },
    )


def _rehab() -> Document:
    return Document(
        provider="summit-cardiac-rehab",
        file="summit-cardiac-rehab/progress-report-2026-02-23.pdf",
        layout="cardiac_rehab_report",
        title="Summit Cardiac & Pulmonary Rehabilitation",
        address=("St. Olaf Medical Pavilion, 2nd floor", "902 E 4th Street, Duluth Harbor, MN 55805",
                 "Phone (218) 555-0163 - Fax (218) 555-0164"),
        document_date="2026-02-23",
        date_kind="report",
        date_style="abbr",
        name_text="Theodore N. Haugen",
        name_value=NAME,
        dob=DOB,
        mrn_text="CR-0938",
        mrn_value="CR-0938",
        meds=(
            Med("losartan", "50", "mg", "daily", "oral", "Losartan", "50 mg",
                "by mouth once daily"),
            Med("carvedilol", "12.5", "mg", "daily", "oral", "Carvedilol", "12.5 mg",
                "by mouth once daily"),  # planted: twice daily elsewhere
            Med("rosuvastatin", "20", "mg", "qhs", "oral", "Rosuvastatin", "20 mg",
                "by mouth at bedtime"),
            Med("clopidogrel", "75", "mg", "daily", "oral", "Clopidogrel", "75 mg",
                "by mouth once daily"),
            Med("sertraline", "50", "mg", "qam", "oral", "Sertraline", "50 mg",
                "by mouth each morning"),
            Med("metformin", "500", "mg", "bid", "oral", "Metformin", "500 mg",
                "by mouth twice daily with meals"),
        ),  # fmt: skip
        allergies=(_latex("Latex", "rash"), _levofloxacin("levofloxacin", "tendon pain")),
        vaccines=(_vax(FLU, "Influenza vaccine"), _vax(TDAP_WRONG, "Tdap")),
        scans=(ScanProfile(dpi=200, skew=-0.4, noise=3.0, blur=0.6, fax=True, jpeg_quality=70),),
        font="URWGothic-Book",
        extra={
            "fax_header": "02/23/2026 15:07 FAX 2185550164 SUMMIT CARDIAC REHAB P.001/001",
            "to": "To: Sunita Kaur, MD - Northshore Heart Clinic (fax 218-555-0139)",
            "program": "Phase II Cardiac Rehabilitation - 30-Day Progress Report",
            "dx": "CAD, s/p PCI to LAD (2023); chest pain admission 01/2026, ACS ruled out; "
            "HTN; type 2 diabetes",
            "sessions": "12 of 36",
            "exercise": "Treadmill;20;2.8 mph / 2% grade;95-115;12-13|"
            "Recumbent bike;10;45 watts;95-115;12|Arm ergometer;8;20 watts;90-110;11-12|"
            "Resistance bands;10;2 sets x 12;-;11",
            "outcomes": "Resting BP 124/78 (entry 138/86); resting HR 64; peak HR 112 on "
            "treadmill, no ectopy on telemetry. 6-minute walk 455 m (entry 390 m). Weight "
            "94.1 kg (entry 95.8 kg). No angina, dizziness or unusual shortness of breath "
            "during sessions.",
            "note": "Beta-blocker blunts heart-rate response: progress workload by RPE. "
            "Non-latex electrodes and BP cuff in use. Fingerstick glucose before exercise.",
            "goals": "Walk 30 minutes on 5 days a week at home|Lose 3 kg by the end of the "
            "program|Return to light carpentry work (lifting up to 15 kg) by April",
            "signed": "Report by: Maren Solberg, MS, ACSM-CEP, Clinical Exercise Physiologist|"
            "Reviewed: Paul Decker, MD, Medical Director",
            "footer": "Summit Cardiac & Pulmonary Rehabilitation - confidential health "
            "information - page 1 of 1",
        },
    )


def _pharmacy() -> Document:
    return Document(
        provider="cascade-mail-order-pharmacy",
        file="cascade-mail-order-pharmacy/refill-statement-2026-03-02.pdf",
        layout="mail_order_statement",
        title="Cascade Mail-Order Pharmacy",
        address=("PO Box 40712, Sioux Falls, SD 57117", "Member services 1-800-555-0186"),
        document_date="2026-03-02",
        date_kind="printed",
        date_style="long",
        name_text="THEODORE HAUGEN",
        name_value="theodore haugen",
        dob=DOB_WRONG,
        mrn_text="CMX 5521 0873",
        mrn_value="CMX55210873",
        # planted: clopidogrel, on the four other medication lists, has no prescription here
        meds=(
            Med("losartan", "50", "mg", "daily", "oral", "LOSARTAN POTASSIUM", "50 MG TABLET",
                "TAKE 1 TABLET BY MOUTH ONCE DAILY"),
            Med("rosuvastatin", "20", "mg", "qhs", "oral", "CRESTOR", "20 MG TABLET",
                "TAKE 1 TABLET BY MOUTH AT BEDTIME"),
            Med("metformin", "500", "mg", "bid", "oral", "METFORMIN HCL", "500 MG TABLET",
                "TAKE 1 TABLET BY MOUTH TWICE DAILY WITH MEALS"),
            Med("carvedilol", "12.5", "mg", "bid", "oral", "CARVEDILOL", "12.5 MG TABLET",
                "TAKE 1 TABLET BY MOUTH EVERY 12 HOURS WITH FOOD"),
            Med("sertraline", "50", "mg", "qam", "oral", "SERTRALINE HCL", "50 MG TABLET",
                "TAKE 1 TABLET BY MOUTH EACH MORNING"),
        ),  # fmt: skip
        # Allergens only, no reactions: the pharmacy system keeps none.
        allergies=(
            Allergy("latex", "environmental", "", "LATEX"),
            Allergy("levofloxacin", "fluoroquinolones", "", "LEVOFLOXACIN"),
        ),
        vaccines=(),
        scans=(
            ScanProfile(skew=0.3, noise=1.5, blur=0.8, jpeg_quality=72),
            ScanProfile(skew=-0.9, noise=1.7, blur=0.85, jpeg_quality=68),
        ),
        font="NimbusSansNarrow-Regular",
        extra={
            # Rx number;quantity;days supply;refills left;last filled;next fill;prescriber
            "rx": "7730418;90;90;3;12/08/2025;03/01/2026;S. KAUR MD|"
            "7730422;90;90;2;12/08/2025;03/01/2026;S. KAUR MD|"
            "7730431;180;90;1;12/10/2025;03/03/2026;J. LINDQVIST NP|"
            "7730455;180;90;3;01/22/2026;04/16/2026;S. KAUR MD|"
            "7730467;90;90;0;12/10/2025;03/03/2026;J. LINDQVIST NP",
            "ship_to": "THEODORE HAUGEN|411 N 21ST AVE E|DULUTH HARBOR MN 55812",
            "plan": "NORTHSTAR HEALTH PPO - GROUP 55821",
            "copays": "LOSARTAN POTASSIUM 50 MG;$10.00|CRESTOR 20 MG;$45.00|"
            "METFORMIN HCL 500 MG;$0.00|CARVEDILOL 12.5 MG;$10.00|SERTRALINE HCL 50 MG;$10.00",
            "total": "$75.00",
            "page1_footer": "Statement CMX-26-0302-118 - Page 1 of 2",
            "page2_footer": "Statement CMX-26-0302-118 - Page 2 of 2",
        },
        breaks=("rx4",),
    )


def _travel() -> Document:
    return Document(
        provider="meridian-travel-clinic",
        file="meridian-travel-clinic/vaccination-certificate-2025-10-06.pdf",
        layout="travel_vaccine_certificate",
        title="Meridian Travel Health Clinic",
        address=("Harbor Medical Arts Building, Suite 310", "220 W Superior Street, Duluth Harbor, "
                 "MN 55802 - (218) 555-0122"),
        document_date="2025-10-06",
        date_kind="visit",
        date_style="dmy_slash",
        name_text="HAUGEN Theodore Nils",
        name_value="theodore nils haugen",
        dob=DOB,
        mrn_text="MTC-18830",
        mrn_value="MTC-18830",
        meds=(
            Med("ciprofloxacin", "500", "mg", "bid", "oral", "Ciprofloxacin", "500 mg tablets",
                "take one tablet by mouth twice a day for 3 days if severe travellers' "
                "diarrhoea"),  # planted: levofloxacin allergy on the same certificate
        ),  # fmt: skip
        allergies=(_levofloxacin("levofloxacin", "tendon pain"), _latex("latex", "rash")),
        vaccines=(
            _vax(FLU, "Influenza (seasonal)"),
            _vax(TDAP, "Tdap (Boostrix)"),
            _vax(HEPA, "Hepatitis A (Havrix 1440), dose 1 of 2"),
            _vax(IPV, "Polio booster, IPV (IPOL)"),
        ),
        scans=(ScanProfile(skew=1.1, noise=1.8, blur=0.85, jpeg_quality=62, paper=236),),
        font="P052-Roman",
        extra={
            # manufacturer;batch;given by (none: recorded from the patient's records)
            "details": "Seqirus;;per pharmacy record|GSK;;per primary care record|"
            "GSK;AHAVB914AA;R. Castellano, RN|Sanofi Pasteur;X1K321V;R. "
            "Castellano, RN",
            "sex": "M",
            "nationality": "USA",
            "passport": "Passport no.: 5XXXXX418 (last digits)",
            "trip": "Destination: Ghana and Togo. Departure 20/10/2025, return 14/11/2025.",
            "advice": "Yellow fever vaccine: already holds a valid certificate (given 2016, valid "
            "for life). Malaria prevention discussed; he will ask his primary care "
            "physician for tablets. Food and water precautions and insect-bite avoidance discussed.",
            "next_dose": "Hepatitis A dose 2 due on or after 06/04/2026.",
            "clinician": "Dr. Helena Moreau, MD, Travel Medicine",
            "footer": "This record is issued by the clinic; it is not the official ICVP booklet. "
            "Bring it to your next visit.",
        },
    )


def holdout3_set() -> SampleSet:
    """Five providers, seven pages, seven planted findings in seven categories."""
    return SampleSet(
        name="holdout3",
        seed=20261127,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_travel(), _dentist(), _hospital(), _rehab(), _pharmacy()),
        expected_findings=(
            Finding("dose_mismatch", "losartan", "northshore-general-hospital",
                    "Cozaar (losartan) 100 mg on the admission reconciliation form; 50 mg at "
                    "the dentist, cardiac rehab and the mail-order pharmacy"),
            Finding("allergy_missing", "latex", "brightwater-family-dentistry",
                    "latex answered 'No' on the dental questionnaire; latex (rash) at the "
                    "hospital, cardiac rehab, the pharmacy and the travel clinic"),
            Finding("frequency_mismatch", "carvedilol", "summit-cardiac-rehab",
                    "carvedilol 12.5 mg once daily in the rehab report; twice daily / BID / "
                    "every 12 hours elsewhere"),
            Finding("vaccine_date_conflict", "tdap", "summit-cardiac-rehab",
                    "Tdap July 4, 2021 in the rehab report; 04/07/2021 (US) at the hospital and "
                    "07/04/2021 (day/month) on the travel certificate, both April 7, 2021"),
            Finding("medication_missing", "clopidogrel", "cascade-mail-order-pharmacy",
                    "no clopidogrel prescription on the refill statement; clopidogrel 75 mg "
                    "daily at the four other providers"),
            Finding("identity_mismatch", "dob", "cascade-mail-order-pharmacy",
                    "date of birth November 22, 1966 on the statement; November 27, 1966 "
                    "elsewhere"),
            Finding("drug_allergy_conflict", "ciprofloxacin", "meridian-travel-clinic",
                    "ciprofloxacin (a fluoroquinolone) prescribed for travellers' diarrhoea; "
                    "levofloxacin allergy (tendon pain) on the same certificate"),
        ),  # fmt: skip
        harmless_variations=(
            "brands vs generics: Cozaar, Crestor / CRESTOR, Plavix, Zoloft, Motrin; salts "
            "LOSARTAN POTASSIUM, METFORMIN HCL, SERTRALINE HCL",
            "patient wording on the dental form: 'blood pressure pill losartan 50mg once a day', "
            "'Plavix 75 1 every day (blood thinner)' and 'metformin 500 ...' without a unit",
            "frequency wording: daily / once a day / 1 every day / ONCE DAILY; BID with food / "
            "twice a day / EVERY 12 HOURS WITH FOOD (carvedilol); twice daily with meals / two "
            "times a day with food; at bedtime; each morning / EACH MORNING",
            "route wording: PO / by mouth / none written by the patient",
            "date formats: 11/27/1966, 11-27-1966, Nov. 27, 1966, 27/11/1966 (the travel "
            "certificate states it writes day/month/year: 07/04/2021 there is April 7, 2021 "
            "and 06/10/2025 is October 6, 2025)",
            "name forms: HAUGEN, THEODORE N / Theodore Haugen / Theodore N. Haugen / THEODORE "
            "HAUGEN / HAUGEN Theodore Nils; each provider's own record number",
            "ibuprofen stopped at admission ('Continue? N', discontinued) is listed only at "
            "the hospital; ciprofloxacin (travel prescription) only at the travel clinic; "
            "hepatitis A and polio only on the travel certificate",
            "the travel certificate has no list of home medicines, only a travel prescription "
            "(ciprofloxacin): it makes no claim about the other medicines, so none is "
            "medication_missing there",
            "numbers that are not doses: refill quantities (90, 180), days supply, refills "
            "left, Rx numbers, copays, exercise workloads (45 watts, 2.8 mph), 'Last dose taken' "
            "times (01/19 0730)",
            "dates that are not facts: last-filled and next-fill dates, the travel departure "
            "and return dates, the 'dose 2 due' date, the yellow fever year, the fax header, "
            "form revision dates, 'stent 2023'",
            "'No' answers on the dental questionnaire (penicillin, codeine, sulfa, ...) are "
            "neither allergies nor a negation of all allergies; the pharmacy lists allergens "
            "without reactions",
            "the yellow fever vaccine is mentioned in the travel advice (given 2016, not a "
            "vaccine of the vocabulary), not on the certificate's table",
        ),
        scans_dir="holdout3/scans",
        truth_file="holdout3/truth.json",
    )
