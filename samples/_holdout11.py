"""Scenario of the eleventh held-out set: diabetes on a GLP-1 and insulin, cured hepatitis C, gout, sleep apnea at 63."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "harlan j vukovich"
DOB = "1962-03-10"

# CVX (CDC table): 52 hepatitis A adult (Havrix 1440), 189 hepatitis B (Heplisav-B), 216 PCV20,
# 88 influenza unspecified, 115 Tdap.
HEPA = ("2025-03-19", "2025-09-19")
HEPA_WRONG = "2052-09-19"  # planted at hepatology: 2025 typed as 2052
HEPB = ("2025-03-19", "2025-04-16")
PCV = "2024-11-06"
PCV_WRONG = "2024-06-11"  # planted on the SBAR: month and day exchanged
FLU = "2025-10-14"
TDAP = "2019-07-22"

TRULICITY = ("dulaglutide", "1.5", "mg", "weekly", "subcutaneous")
TRESIBA = ("insulin degludec", "30", "units", "daily", "subcutaneous")
JARDIANCE = ("empagliflozin", "10", "mg", "daily", "oral")
ALLOPURINOL = ("allopurinol", "300", "mg", "daily", "oral")
COLCHICINE = ("colchicine", "0.6", "mg", "daily", "oral")
VALSARTAN = ("valsartan", "160", "mg", "daily", "oral")
PRAVASTATIN = ("pravastatin", "40", "mg", "qhs", "oral")


def _penicillin(text: str, reaction_text: str) -> Allergy:
    return Allergy("penicillin", "penicillins", "hives", text, reaction_text)


def _shellfish(text: str, reaction_text: str, reaction: str = "swelling") -> Allergy:
    return Allergy("shellfish", "food", reaction, text, reaction_text)


def _hepatology() -> Document:
    return Document(
        provider="northland-hepatology",
        file="northland-hepatology/consult-letter-2026-02-10.pdf",
        layout="hepatology_letter",
        title="Northland Hepatology Associates",
        address=("Liver Disease & Viral Hepatitis Program",
                 "407 E. Superior Street, Suite 610, Duluth, MN 55802",
                 "Tel 218-555-0131  ·  Fax 218-555-0132"),  # fmt: skip
        document_date="2026-02-10",
        date_kind="visit",
        date_style="long",
        name_text="Harlan J. Vukovich",
        name_value=NAME,
        dob=DOB,
        mrn_text="NHA-2207415",
        mrn_value="NHA-2207415",
        meds=(
            Med(*TRULICITY, "Trulicity (dulaglutide)", "1.5 mg", "subcutaneously once weekly"),
            Med(*TRESIBA, "Tresiba (insulin degludec)", "30 units", "subcutaneously once daily"),
            Med(*JARDIANCE, "Jardiance (empagliflozin)", "10 mg", "by mouth daily"),
            Med(*ALLOPURINOL, "allopurinol", "300 mg", "by mouth daily"),
            Med(*COLCHICINE, "colchicine", "0.6 mg", "by mouth daily"),
            Med(*VALSARTAN, "valsartan", "160 mg", "by mouth daily"),
            Med(*PRAVASTATIN, "pravastatin", "40 mg", "by mouth at bedtime"),
        ),  # fmt: skip
        allergies=(_penicillin("penicillin", "hives"),
                   _shellfish("shellfish", "lip and tongue swelling", "lip and tongue swelling")),
        # the table rows in drawing order; the second Havrix dose carries the planted year
        vaccines=(
            Vaccine("hepatitis a", "hepatitis a", "52", HEPA[0], "Hepatitis A (Havrix 1440)"),
            Vaccine("hepatitis a", "hepatitis a", "52", HEPA_WRONG, "Hepatitis A (Havrix 1440)"),
            Vaccine("hepatitis b", "hepatitis b", "189", HEPB[0], "Hepatitis B (Heplisav-B)"),
            Vaccine("hepatitis b", "hepatitis b", "189", HEPB[1], "Hepatitis B (Heplisav-B)"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "Pneumococcal (Prevnar 20)"),
            Vaccine("influenza", "influenza", "88", FLU, "Influenza 2025-26"),
            Vaccine("tdap", "tetanus", "115", TDAP, "Tdap (Boostrix)"),
        ),
        scans=(
            ScanProfile(skew=0.3, noise=0.6, blur=0.8, jpeg_quality=34, paper=244),
        ),
        font="P052-Roman",
        extra={"doctor": "Ingrid S. Halvorsen, MD", "pcp": "Dr. Lindqvist"},
    )


def _sleep() -> Document:
    return Document(
        provider="lake-superior-sleep-center",
        file="lake-superior-sleep-center/follow-up-2026-03-05.pdf",
        layout="sleep_followup",
        title="Lake Superior Sleep Disorders Center",
        address=("1220 London Road, Duluth, MN 55805", "Phone (218) 555-0144   Fax (218) 555-0145"),
        document_date="2026-03-05",
        date_kind="visit",
        date_style="us",
        name_text="Vukovich, Harlan J",
        name_value=NAME,
        dob=DOB,
        mrn_text="0072214",
        mrn_value="0072214",
        meds=(
            Med(*TRULICITY, "Trulicity 1.5 mg/0.5 mL subcutaneous pen injector", "",
                "inject 1.5 mg by subcutaneous route once a week"),
            Med(*TRESIBA, "Tresiba FlexTouch U-100 insulin 100 unit/mL (3 mL) subcutaneous pen",
                "", "inject 30 units by subcutaneous route once daily"),
            Med(*JARDIANCE, "Jardiance 10 mg tablet", "", "take 1 tablet by oral route every day"),
            # planted: 100 mg; 300 mg at the four other providers
            Med("allopurinol", "100", "mg", "daily", "oral", "allopurinol 100 mg tablet", "",
                "take 1 tablet by oral route every day"),
            Med(*COLCHICINE, "colchicine 0.6 mg tablet", "", "take 1 tablet by oral route every day"),
            Med(*VALSARTAN, "Diovan 160 mg tablet", "", "take 1 tablet by oral route every day"),
            Med(*PRAVASTATIN, "pravastatin 40 mg tablet", "",
                "take 1 tablet by oral route every day at bedtime"),
        ),  # fmt: skip
        allergies=(_penicillin("Penicillins", "Hives"),
                   _shellfish("Shellfish", "Swelling")),
        vaccines=(
            Vaccine("influenza", "influenza", "88", FLU, "Influenza, unspecified formulation"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "Pneumococcal conjugate PCV20"),
            Vaccine("tdap", "tetanus", "115", TDAP, "Tdap"),
        ),
        scans=(ScanProfile(skew=-0.4, noise=0.4, blur=0.8, jpeg_quality=34, paper=242),),
        font="Vera",
        extra={"doctor": "Thomas R. Aho, MD", "rt": "Kelsey Nygaard, RPSGT"},
    )


def _sbar() -> Document:
    return Document(
        provider="two-harbors-transitional-care",
        file="two-harbors-transitional-care/sbar-transfer-2026-04-18.pdf",
        layout="sbar_transfer",
        title="Two Harbors Transitional Care & Rehabilitation",
        address=("1600 Seventh Avenue, Two Harbors, MN 55616", "Nurses' station 218-555-0126"),
        document_date="2026-04-18",
        date_kind="report",
        date_style="m_d_y",
        name_text="VUKOVICH, HARLAN J",
        name_value=NAME,
        dob=DOB,
        mrn_text="30418",
        mrn_value="30418",
        # eMAR orders in drawing order
        meds=(
            # planted: daily; once a week at the four other providers
            Med("dulaglutide", "1.5", "mg", "daily", "subcutaneous", "Trulicity pen", "1.5 mg",
                "SQ Daily 0900"),
            Med(*TRESIBA, "Tresiba FlexTouch", "30 units", "SQ Daily 2100"),
            Med(*JARDIANCE, "Jardiance", "10 mg", "PO Daily 0900"),
            Med(*ALLOPURINOL, "Allopurinol", "300 mg", "PO Daily 0900"),
            Med(*COLCHICINE, "Colchicine", "0.6 mg", "PO Daily 0900"),
            Med(*VALSARTAN, "Valsartan", "160 mg", "PO Daily 0900"),
            Med(*PRAVASTATIN, "Pravastatin", "40 mg", "PO HS"),
            Med("acetaminophen", "650", "mg", "qid prn", "oral", "Acetaminophen", "650 mg",
                "PO Q6H PRN pain"),
            # planted: a penicillin started under the penicillin allergy on the same sheet
            Med("amoxicillin-clavulanate", "875-125", "mg", "bid", "oral",
                "Amoxicillin-clav (Augmentin)", "875-125 mg", "PO BID x 7 days"),
        ),  # fmt: skip
        allergies=(_penicillin("PCN", "hives"), _shellfish("Shellfish", "swelling")),
        vaccines=(
            Vaccine("influenza", "influenza", "88", FLU, "Flu"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV_WRONG, "PCV20"),
            Vaccine("tdap", "tetanus", "115", TDAP, "Tdap"),
        ),
        scans=(ScanProfile(dpi=200, fax=True, skew=0.5, noise=0.6, blur=0.6, jpeg_quality=34,
                           paper=246),),  # fmt: skip
        font="DejaVuSerifCondensed",
        extra={
            "fax": "04/18/2026 16:52  2185550127  TWO HARBORS TCU  ->  ST LUKES ED  P.001/001",
            "last": "4/18 0902|4/17 2105|4/18 0902|4/18 0902|4/18 0902|4/18 0902|4/17 2030|"
                    "4/18 1215|4/18 0800",
            "rn": "Jolene Marttila, RN",
        },  # fmt: skip
    )


def _pharmacy() -> Document:
    return Document(
        provider="careway-home-delivery-pharmacy",
        file="careway-home-delivery-pharmacy/order-confirmation-2026-05-02.pdf",
        layout="pharmacy_order_email",
        title="CareWay Home Delivery Pharmacy",
        address=("orders@careway-rx.example.com", "1-800-555-0199"),
        document_date="2026-05-02",
        date_kind="report",
        date_style="email",
        # planted: surname misspelled on the pharmacy account
        name_text="HARLAN VUKOVITCH",
        name_value="harlan vukovitch",
        dob=DOB,
        mrn_text="7720-19934",
        mrn_value="7720-19934",
        # meds[:4] in this order; meds[4:] other prescriptions on file
        meds=(
            Med(*TRULICITY, "TRULICITY 1.5 MG/0.5 ML PEN", "",
                "Inject 1.5 mg under the skin once a week on the same day each week"),
            Med(*TRESIBA, "TRESIBA FLEXTOUCH U-100 INSULIN PEN", "",
                "Inject 30 units under the skin once daily"),
            Med(*JARDIANCE, "JARDIANCE 10 MG TABLET", "", "Take 1 tablet by mouth every day"),
            Med(*ALLOPURINOL, "ALLOPURINOL 300 MG TABLET", "", "Take 1 tablet by mouth daily"),
            Med(*COLCHICINE, "COLCHICINE 0.6 MG TABLET", "", "Take 1 tablet by mouth daily"),
            Med(*VALSARTAN, "VALSARTAN 160 MG TABLET", "", "Take 1 tablet by mouth daily"),
            Med(*PRAVASTATIN, "PRAVASTATIN SODIUM 40 MG TABLET", "",
                "Take 1 tablet by mouth at bedtime"),
        ),  # fmt: skip
        # planted: no penicillin on the pharmacy's health profile
        allergies=(Allergy("shellfish", "food", "", "Shellfish"),),
        vaccines=(),
        scans=(
            ScanProfile(skew=0.2, noise=0.4, blur=0.7, jpeg_quality=32, paper=245),
            ScanProfile(skew=-0.3, noise=0.4, blur=0.7, jpeg_quality=32, paper=245),
        ),
        font="DejaVuSans",
        extra={"email": "hvukovich62@example.net", "order": "44817203"},
    )


def _prior_auth() -> Document:
    return Document(
        provider="superior-endocrinology",
        file="superior-endocrinology/prior-authorization-2026-05-20.pdf",
        layout="prior_auth_form",
        title="Northstar Health Plan",
        address=("Pharmacy Prior Authorization", "Fax completed form to 1-888-555-0173"),
        document_date="2026-05-20",
        date_kind="report",
        date_style="us",
        name_text="Harlan James Vukovich",
        name_value="harlan james vukovich",
        dob=DOB,
        mrn_text="NSH448120377",
        mrn_value="NSH448120377",
        # meds[0] the drug requested (renewal); meds[1:6] other current medications (planted:
        # no colchicine); meds[6:] therapies tried before
        meds=(
            Med(*TRULICITY, "Trulicity (dulaglutide) 1.5 mg/0.5 mL pen", "",
                "Inject 1.5 mg subcut once weekly"),
            Med(*TRESIBA, "Tresiba (insulin degludec)", "30 units", "SC once daily"),
            Med(*JARDIANCE, "Jardiance", "10 mg", "PO daily"),
            Med(*ALLOPURINOL, "Allopurinol", "300 mg", "PO daily"),
            Med(*VALSARTAN, "Valsartan", "160 mg", "PO daily"),
            Med(*PRAVASTATIN, "Pravastatin", "40 mg", "PO qHS"),
            Med("metformin", "1000", "mg", "bid", "oral", "Metformin ER", "1000 mg", "PO BID",
                status="discontinued"),
            Med("glipizide", "5", "mg", "bid", "oral", "Glipizide", "5 mg", "PO BID",
                status="discontinued"),
        ),  # fmt: skip
        allergies=(),
        vaccines=(),
        scans=(ScanProfile(dpi=200, skew=1.7, noise=0.7, blur=0.7, jpeg_quality=40, paper=244),),
        font="NimbusSansNarrow-Regular",
        extra={"clinic": "Superior Endocrinology & Diabetes Care",
               "doctor": "Marisa K. Oja, MD", "npi": "1639204418"},  # fmt: skip
    )


def holdout11_set() -> SampleSet:
    """Five providers, six pages, eight planted findings in eight categories."""
    return SampleSet(
        name="holdout11",
        seed=20270111,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_hepatology(), _sleep(), _sbar(), _pharmacy(), _prior_auth()),
        expected_findings=(
            Finding("future_date", "hepatitis a", "northland-hepatology",
                    "Havrix dose 2 of 2 dated 09/19/2052 (2025 intended); only hepatology lists "
                    "hepatitis A"),
            Finding("dose_mismatch", "allopurinol", "lake-superior-sleep-center",
                    "allopurinol 100 mg tablet once a day on the sleep center's medication list; "
                    "300 mg at hepatology, the transitional-care unit, the pharmacy and the "
                    "prior authorization"),
            Finding("frequency_mismatch", "dulaglutide", "two-harbors-transitional-care",
                    "Trulicity 1.5 mg SQ Daily 0900 on the SBAR medication list; once weekly at "
                    "the four other providers"),
            Finding("drug_allergy_conflict", "amoxicillin-clavulanate",
                    "two-harbors-transitional-care",
                    "Augmentin 875-125 mg BID for foot cellulitis; PCN (hives) allergy on the same "
                    "sheet"),
            Finding("vaccine_date_conflict", "pneumococcal", "two-harbors-transitional-care",
                    "PCV20 6/11/24 on the SBAR; 11/06/2024 at hepatology and the sleep center"),
            Finding("allergy_missing", "penicillin", "careway-home-delivery-pharmacy",
                    "allergies on file: Shellfish only; penicillin (hives) at hepatology, the sleep "
                    "center and the transitional-care unit"),
            Finding("identity_mismatch", "name", "careway-home-delivery-pharmacy",
                    "HARLAN VUKOVITCH on the order confirmation; Vukovich at the four other "
                    "providers"),
            Finding("medication_missing", "colchicine", "superior-endocrinology",
                    "the prior authorization's 'all other current medications' omits colchicine; "
                    "0.6 mg daily at hepatology, the sleep center, the transitional-care unit and "
                    "the pharmacy"),
        ),  # fmt: skip
        harmless_variations=(
            "brands vs generics and salts: Trulicity / dulaglutide, Tresiba FlexTouch / insulin "
            "degludec, Jardiance / empagliflozin, Diovan / valsartan, PRAVASTATIN SODIUM, "
            "Augmentin / Amoxicillin-clav",
            "product strengths and concentrations that are not doses: 1.5 mg/0.5 mL pen, "
            "U-100 and 100 unit/mL (3 mL) insulin pens, Havrix 1440",
            "frequency wording: once weekly / once a week / once a week on the same day each "
            "week / subcut once weekly; once daily / every day / daily / Daily 0900 / Daily 2100; "
            "at bedtime / every day at bedtime / HS / qHS; Q6H PRN pain",
            "route wording: subcutaneously / by subcutaneous route / under the skin / SQ / SC / "
            "subcut; by mouth / by oral route / PO",
            "allergy wording: penicillin / Penicillins / PCN; shellfish reaction given as lip and "
            "tongue swelling / Swelling / swelling / none on the pharmacy profile",
            "one-provider items: acetaminophen PRN and the 7-day Augmentin course at the "
            "transitional-care unit; metformin ER and glipizide as previous (discontinued) "
            "therapies on the prior authorization; hepatitis A and hepatitis B vaccines only in "
            "the hepatology letter",
            "drugs named without a dose, which are not medication entries: the completed Epclusa "
            "(sofosbuvir-velpatasvir) course, the sleep center's advice to avoid zolpidem and "
            "opioids, the SBAR's 'no insulin sliding scale', the plan's request to switch "
            "Trulicity to Ozempic on the prior authorization, COVID-19 vaccine declined",
            "date formats: February 10, 2026 and 03/10/1962; 03/05/2026; 4/18/2026, 3/10/1962 and "
            "6/11/24; Sat, May 2, 2026 and 5/2/26; 05/20/2026; the fax header",
            "name forms: Harlan J. Vukovich / Vukovich, Harlan J / VUKOVICH, HARLAN J / Harlan "
            "James Vukovich; each provider's own number (MRN, Chart, Resident #, CareWay account, "
            "Member ID)",
            "numbers that are not doses or facts: liver labs, FibroScan kPa and CAP, FIB-4, HCV "
            "RNA, CPAP download (AHI, usage hours, leak, pressure), Epworth score, vitals, "
            "blood glucose, A1c values, BMI, ICD-10 codes, NPI, Rx numbers, quantities, days "
            "supply, prices, tracking and order numbers",
            "dates that are not facts: last-dose times on the SBAR, refill and delivery dates, "
            "the sleep study date, lab dates, the ORIF date, the Epclusa course dates, the "
            "browser print header",
        ),
        scans_dir="holdout11/scans",
        truth_file="holdout11/truth.json",
    )
