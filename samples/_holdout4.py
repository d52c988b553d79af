"""Scenario of the fourth held-out set: a frail diabetic patient moving into palliative care."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "rosalind k abernathy"
DOB = "1949-02-16"

# CVX (CDC table): 197 influenza high-dose quadrivalent, 115 Tdap, 216 PCV20.
FLU = ("influenza", "influenza", "197", "2025-10-02")
TDAP = ("tdap", "tetanus", "115", "2018-06-11")
TDAP_WRONG = ("tdap", "tetanus", "115", "2018-11-06")  # planted at endocrinology
PCV = ("pneumococcal", "pneumococcal", "216", "2024-01-22")


def _vax(spec: tuple[str, str, str, str], text: str) -> Vaccine:
    return Vaccine(spec[0], spec[1], spec[2], spec[3], text)


def _erythromycin(name_text: str, reaction_text: str) -> Allergy:
    return Allergy("erythromycin", "macrolides", "vomiting", name_text, reaction_text)


def _contrast(name_text: str, reaction_text: str) -> Allergy:
    return Allergy("iodinated contrast", "contrast media", "hives", name_text, reaction_text)


def _endocrinology() -> Document:
    return Document(
        provider="tamarack-endocrine-associates",
        file="tamarack-endocrine-associates/letter-2026-03-04.pdf",
        layout="endo_plan_letter",
        title="Tamarack Endocrine Associates",
        address=("1120 Birchwood Parkway, Suite 200, Elk Rapids, WI 54901", "Tel (920) 555-0147"),
        document_date="2026-03-04",
        date_kind="visit",
        date_style="ordinal",
        name_text="Rosalind K. Abernathy",
        name_value=NAME,
        dob=DOB,
        mrn_text="TEA-70315",
        mrn_value="TEA-70315",
        # name;was;now (the Now column is the medicine as it stands after this visit)
        meds=(
            Med("glipizide", "5", "mg", "bid", "oral", "Glipizide (Glucotrol)",
                "10 mg twice a day", "5 mg by mouth twice a day"),
            Med("insulin glargine", "20", "units", "qhs", "subcutaneous", "Lantus",
                "20 units at bedtime", "20 units subcut at bedtime"),
            Med("levothyroxine", "88", "mcg", "daily", "oral", "Levothyroxine",
                "88 mcg daily", "88 mcg by mouth daily"),
            Med("metoprolol", "25", "mg", "daily", "oral", "Metoprolol succinate ER",
                "25 mg daily", "25 mg by mouth daily"),
            Med("furosemide", "20", "mg", "daily", "oral", "Furosemide", "20 mg daily",
                "20 mg by mouth daily"),
            Med("mirtazapine", "15", "mg", "qhs", "oral", "Mirtazapine", "15 mg at bedtime",
                "15 mg by mouth at bedtime"),
        ),  # fmt: skip
        allergies=(_erythromycin("erythromycin", "vomiting"), _contrast("IV contrast", "hives")),
        vaccines=(
            _vax(FLU, "high-dose influenza vaccine"),
            _vax(TDAP_WRONG, "Tdap"),
            _vax(PCV, "Prevnar 20"),
        ),
        scans=(ScanProfile(skew=0.4, noise=1.7, blur=0.8, jpeg_quality=64, paper=240),),
        font="DejaVuSans-ExtraLight",
        extra={
            "notes": "reduced: early-morning lows|no change|no change, TSH at goal|no change|"
            "no change|no change",
            "to": "Dr. Miriam Osei, Lakeland Family Practice",
            "labs": "Hemoglobin A1c 7.1% (8.2% in November). TSH 2.4 mIU/L, free T4 1.2 ng/dL. "
            "Creatinine 1.3 mg/dL, eGFR 41. Her meter shows four readings between 54 and 66 "
            "before breakfast over the last two weeks.",
            "plan": "At 77, with heart failure and weight loss, a looser target (A1c under 8%) "
            "is safer than a tight one, so I have reduced the glipizide and left everything "
            "else as it is.",
            "followup": "I will see her again in 3 months with an A1c and TSH drawn a week before.",
            "signer": "Priya Ramaswamy, MD, FACE",
            "footer": "Tamarack Endocrine Associates - this letter was dictated and may "
            "contain transcription errors",
        },
    )


def _transfer() -> Document:
    return Document(
        provider="birchwood-skilled-nursing",
        file="birchwood-skilled-nursing/transfer-form-2026-04-10.pdf",
        layout="interfacility_transfer",
        title="Birchwood Skilled Nursing & Rehabilitation",
        address=("77 Orchard Hill Road, Elk Rapids, WI 54902", "Nurses' station (920) 555-0162"),
        document_date="2026-04-10",
        date_kind="discharge",
        date_style="military",
        name_text="ABERNATHY, ROSALIND K",
        name_value=NAME,
        dob=DOB,
        mrn_text="BSN 22-0419",
        mrn_value="BSN22-0419",
        # planted: furosemide, on the three other lists, is not on the transfer form
        meds=(
            Med("levothyroxine", "88", "mcg", "daily", "oral", "Levothyroxine sodium",
                "88 mcg", "PO;QD 0600"),
            Med("glipizide", "5", "mg", "bid", "oral", "Glipizide", "5 mg", "PO;BID AC"),
            Med("insulin glargine", "20", "units", "qhs", "subcutaneous",
                "Insulin glargine (Lantus)", "20 units", "SubQ;QHS"),
            Med("metoprolol", "25", "mg", "daily", "oral", "Toprol XL", "25 mg", "PO;QD 0900"),
            Med("mirtazapine", "15", "mg", "qhs", "oral", "Mirtazapine", "15 mg", "PO;HS"),
        ),  # fmt: skip
        allergies=(
            _erythromycin("Erythromycin", "vomiting"),
            _contrast("Iodinated contrast (CT dye)", "hives"),
        ),
        vaccines=(
            _vax(FLU, "Influenza: Fluzone High-Dose"),
            _vax(TDAP, "Tetanus: Tdap"),
            _vax(PCV, "Pneumococcal: Prevnar 20"),
        ),
        scans=(
            ScanProfile(skew=-0.6, noise=2.2, blur=0.9, jpeg_quality=58, paper=237),
            ScanProfile(dpi=200, skew=0.7, noise=2.4, blur=0.7, jpeg_quality=60),
        ),
        font="NimbusSans-Regular",
        extra={
            "last_given": "04/10 0600|04/10 0745|04/09 2100|04/10 0900|04/09 2100",
            "sending": "Birchwood Skilled Nursing & Rehabilitation, Unit 2 East",
            "receiving": "Lakeshore Palliative Care, inpatient unit",
            "reason": "Goals of care changed to comfort focus; family request",
            "diagnoses": "Type 2 diabetes mellitus with hypoglycemia|Hypothyroidism|"
            "Heart failure with reduced ejection fraction (EF 30%)|Chronic kidney disease "
            "stage 3b|Unintentional weight loss, poor appetite",
            "code_status": "DNR / DNI (POLST on file, signed 03/28/2026)",
            "vitals": "BP 104/62 HR 76 RR 20 SpO2 93% on 2 L O2 Temp 97.9 F Wt 51.4 kg",
            "nurse": "Sending nurse: T. Lindgren, RN   Report called to: A. Moua, RN at 1030",
            "footer": "BSN-TR-07 (rev 2025) - send original with resident; copy to chart",
        },
        breaks=("meds",),
    )


def _pharmacy() -> Document:
    return Document(
        provider="hollis-corner-pharmacy",
        file="hollis-corner-pharmacy/counseling-2026-04-11.pdf",
        layout="counseling_printout",
        title="Hollis Corner Pharmacy",
        address=("402 Main Street, Elk Rapids, WI 54901", "(920) 555-0188"),
        document_date="2026-04-11",
        date_kind="printed",
        date_style="mon_dash",
        name_text="ABERNETHY, ROSALIND",  # planted: family name misspelt
        name_value="rosalind abernethy",
        dob=DOB,
        mrn_text="HC 118274",
        mrn_value="HC118274",
        meds=(
            Med("levothyroxine", "88", "mcg", "qam", "oral", "LEVOTHYROXINE SODIUM",
                "88 MCG TABLET", "Take 1 tablet by mouth every morning on an empty stomach"),
            Med("glipizide", "5", "mg", "bid", "oral", "GLIPIZIDE", "5 MG TABLET",
                "Take 1 tablet by mouth every 12 hours, 30 minutes before a meal"),
            Med("insulin glargine", "20", "units", "qhs", "subcutaneous",
                "LANTUS SOLOSTAR", "100 UNIT/ML PEN",
                "Inject 20 units under the skin at bedtime"),
            Med("metoprolol", "25", "mg", "daily", "oral", "METOPROLOL SUCCINATE ER",
                "25 MG CAPSULE", "Take 1 capsule by mouth once a day"),
            Med("furosemide", "20", "mg", "daily", "oral", "LASIX", "20 MG TABLET",
                "Take 1 tablet by mouth once a day"),
            Med("mirtazapine", "15", "mg", "qhs", "oral", "MIRTAZAPINE", "15 MG TABLET",
                "Take 1 tablet by mouth at bedtime"),
        ),  # fmt: skip
        # planted: erythromycin is not on the pharmacy profile
        allergies=(_contrast("X-RAY DYE", "HIVES"),),
        vaccines=(),
        scans=(
            ScanProfile(skew=2.0, noise=1.9, blur=0.85, jpeg_quality=62, paper=239),
            ScanProfile(skew=-0.3, noise=1.9, blur=0.85, jpeg_quality=62, paper=239),
        ),
        font="NimbusMonoPS-Regular",
        extra={
            "rx": "604117|604118|604121|604125|604126|604130",
            "what": "LEVOTHYROXINE (lee voe thye ROX een) replaces thyroid hormone when the "
            "gland does not make enough.|GLIPIZIDE (GLIP i zide) lowers blood sugar in type 2 "
            "diabetes.|INSULIN GLARGINE (IN su lin GLAR jeen) is a long-acting insulin that "
            "lowers blood sugar.|METOPROLOL (me TOE proe lole) treats heart failure and high "
            "blood pressure.|FUROSEMIDE (fyoor OH se mide) is a water pill; it removes extra "
            "fluid.|MIRTAZAPINE (mir TAZ a peen) treats depression and can help appetite.",
            "watch": "Do not take within 4 hours of calcium or iron.|Can cause low blood "
            "sugar: shaking, sweating, confusion.|Do not share pens. Keep in-use pen at room "
            "temperature up to 28 days.|Do not stop suddenly.|Take early in the day so you "
            "are not up at night.|May cause drowsiness.",
            "pharmacist": "Questions? Ask for the pharmacist: Dana Whitcomb, RPh",
            "footer": "Counseling printout - keep with your medicines",
        },
        breaks=("leaflet4",),
    )


def _palliative() -> Document:
    return Document(
        provider="lakeshore-palliative-care",
        file="lakeshore-palliative-care/intake-note-2026-04-14.pdf",
        layout="palliative_intake",
        title="Lakeshore Palliative Care",
        address=("Inpatient Unit, 3 Harbor View Drive, Elk Rapids, WI 54901",),
        document_date="2026-04-14",
        date_kind="visit",
        date_style="weekday",
        name_text="Rosalind K. Abernathy",
        name_value=NAME,
        dob=DOB,
        mrn_text="LPC-3390-7",
        mrn_value="LPC-3390-7",
        meds=(
            Med("levothyroxine", "112", "mcg", "qam", "oral", "levothyroxine",
                "112 micrograms", "each morning"),  # planted: 88 mcg elsewhere
            Med("glipizide", "5", "mg", "bid", "oral", "glipizide", "5 mg", "twice a day"),
            Med("insulin glargine", "20", "units", "qhs", "subcutaneous", "Lantus",
                "20 units", "at bedtime"),
            Med("furosemide", "20", "mg", "qam", "oral", "furosemide", "20 mg",
                "in the morning"),
            Med("metoprolol", "25", "mg", "daily", "oral", "metoprolol succinate", "25 mg",
                "once a day"),
            Med("mirtazapine", "15", "mg", "qhs", "oral", "mirtazapine", "15 mg", "at night"),
            Med("morphine", "2.5", "mg", "q4h prn", "oral", "oral morphine solution",
                "2.5 mg", "every 4 hours as needed"),
        ),  # fmt: skip
        allergies=(
            _erythromycin("erythromycin", "vomit"),
            _contrast("IV contrast", "hives"),
        ),
        # planted: no pneumococcal vaccine here; PCV20 2024-01-22 at the two others
        vaccines=(_vax(FLU, "Fluzone High-Dose"), _vax(TDAP, "Tdap booster")),
        scans=(ScanProfile(skew=-0.5, noise=1.6, blur=0.8, jpeg_quality=70),),
        font="NimbusRoman-Regular",
        extra={
            "clinician": "Jonah Feldstein, MD, Hospice and Palliative Medicine",
            "footer": "Lakeshore Palliative Care - initial consultation - page 1 of 1",
        },
    )


def holdout4_set() -> SampleSet:
    """Four providers, six pages, six planted findings in six categories."""
    return SampleSet(
        name="holdout4",
        seed=20261128,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_endocrinology(), _transfer(), _pharmacy(), _palliative()),
        expected_findings=(
            Finding("vaccine_date_conflict", "tdap", "tamarack-endocrine-associates",
                    "Tdap November 6th, 2018 in the letter; 11JUN2018 on the transfer form and "
                    "6/11/2018 in the palliative note"),
            Finding("medication_missing", "furosemide", "birchwood-skilled-nursing",
                    "furosemide is not on the transfer form's medication list; furosemide "
                    "20 mg daily at the three other providers"),
            Finding("allergy_missing", "erythromycin", "hollis-corner-pharmacy",
                    "the pharmacy profile lists only X-ray dye; erythromycin (vomiting) at the "
                    "three other providers"),
            Finding("identity_mismatch", "name", "hollis-corner-pharmacy",
                    "ABERNETHY, ROSALIND on the printout; Abernathy elsewhere"),
            Finding("dose_mismatch", "levothyroxine", "lakeshore-palliative-care",
                    "levothyroxine 112 micrograms in the intake note; 88 mcg elsewhere"),
            Finding("vaccine_missing", "pneumococcal", "lakeshore-palliative-care",
                    "no pneumococcal vaccine in the intake note ('does not recall'); Prevnar 20 "
                    "on 2024-01-22 on the transfer form and in the endocrine letter"),
        ),  # fmt: skip
        harmless_variations=(
            "brands vs generics: Glucotrol, Lantus / LANTUS SOLOSTAR, Toprol XL, LASIX; salts "
            "and forms: levothyroxine sodium, metoprolol succinate ER",
            "the endocrine letter's 'Was' column (glipizide 10 mg twice a day) is the dose "
            "before the visit, not a current dose; the Now column is the current one",
            "product strengths that are not doses: LANTUS SOLOSTAR 100 UNIT/ML PEN",
            "frequency wording: QD 0600 / daily / every morning / each morning (levothyroxine); "
            "BID AC / twice a day / every 12 hours; QHS / HS / at bedtime / at night; once a "
            "day / in the morning (furosemide)",
            "route wording: PO / by mouth / SubQ / subcut / under the skin / none written in "
            "the palliative prose",
            "date formats: 16FEB1949, February 16th, 1949, Feb-16-1949, 2/16/1949, Tuesday, "
            "April 14, 2026",
            "name forms: ABERNATHY, ROSALIND K / Rosalind K. Abernathy; each provider's own "
            "record number",
            "morphine oral solution started in palliative care, listed only there",
            "numbers that are not doses or facts: lab values (A1c 7.1%, TSH 2.4, eGFR 41), "
            "glucose readings, vital signs (SpO2 93%, 2 L O2), Rx numbers, 'Last given' times "
            "(04/10 0600), EF 30%",
            "dates that are not facts: POLST signature date, the form revision year, the "
            "contrast reaction year",
        ),
        scans_dir="holdout4/scans",
        truth_file="holdout4/truth.json",
    )
