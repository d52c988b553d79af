"""Scenario of the hard set: four providers, free text, two columns, a fax, ruled tables."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "anna m kowalski"
DOB = "1950-07-19"

# CVX (CDC table): 150 influenza injectable quadrivalent preservative free, 88 influenza
# unspecified formulation, 115 Tdap, 33 PPSV23, 207 COVID-19 Moderna, 187 zoster
# recombinant, 03 MMR.
FLU = ("influenza", "influenza", "150", "2023-10-09")
TDAP = ("tdap", "tetanus", "115", "2018-06-11")
PPSV = ("pneumococcal", "pneumococcal", "33", "2016-10-03")
COVID = ("covid-19", "covid-19", "207", "2021-03-09")

PENICILLIN = ("penicillin", "penicillins", "hives")


def _vax(spec: tuple[str, str, str, str], text: str, date: str | None = None) -> Vaccine:
    return Vaccine(spec[0], spec[1], spec[2], date or spec[3], text)


def _pcn(name: str) -> Allergy:
    return Allergy(*PENICILLIN, name_text=name, reaction_text="hives")


def _oakwood() -> Document:
    return Document(
        provider="oakwood-internal-medicine",
        file="oakwood-internal-medicine/clinic-note-2024-04-22.pdf",
        layout="clinic_note",
        title="Oakwood Internal Medicine",
        address=("77 Oak Street, Suite 4", "Riverton, WI 53901", "Phone 608-555-0126"),
        document_date="2024-04-22",
        date_kind="visit",
        date_style="long",
        name_text="Anna M. Kowalski",
        name_value=NAME,
        dob=DOB,
        mrn_text="OIM-5520718",
        mrn_value="OIM-5520718",
        meds=(
            Med("atorvastatin", "40", "mg", "qhs", "oral", "atorvastatin", "40 mg", "nightly"),
            Med("levothyroxine", "75", "mcg", "daily", "oral", "levothyroxine", "75 mcg",
                "once daily before breakfast"),
            Med("warfarin", "5", "mg", "daily", "oral", "warfarin", "5 mg",
                "by mouth daily in the evening"),
            Med("digoxin", "0.125", "mg", "daily", "oral", "digoxin", "0.125 mg", "daily"),
            Med("metoprolol", "25", "mg", "bid", "oral", "metoprolol tartrate", "25 mg",
                "twice a day"),
            Med("amlodipine", "5", "mg", "daily", "oral", "amlodipine", "5 mg", "once a day"),
            Med("nitroglycerin", "0.4", "mg", "prn", "sublingual", "nitroglycerin", "0.4 mg",
                "under the tongue as needed for chest pain"),
            Med("glimepiride", "1", "mg", "daily", "oral", "glimepiride", "1.0 mg",
                "daily with breakfast"),
            Med("lisinopril", "20", "mg", "daily", "oral", "Lisinopril", "20 mg", "daily",
                status="discontinued", note="-- discontinued 03/2023 because of a dry cough"),
            Med("amoxicillin", "500", "mg", "tid", "oral", "amoxicillin", "500 mg",
                "by mouth three times daily for 10 days"),  # planted: penicillin allergy
        ),  # fmt: skip
        allergies=(_pcn("penicillin"),),
        vaccines=(
            _vax(FLU, "influenza vaccine"),
            _vax(TDAP, "Tdap"),
            _vax(PPSV, "pneumococcal polysaccharide vaccine (PPSV23)"),
            _vax(COVID, "COVID-19 vaccine (Moderna)"),
            Vaccine("zoster", "zoster", "187", "2031-10-02", "Shingrix"),  # planted: future
        ),
        scans=(ScanProfile(skew=0.8), ScanProfile(skew=-0.5)),
        font="DejaVuSerif",
        breaks=("immunizations",),
        extra={
            "clinician": "Laura Chen, MD",
            "subjective": "Mrs. Kowalski is a 73-year-old woman seen for follow-up of atrial "
            "fibrillation, hypothyroidism and type 2 diabetes. She reports a week of nasal "
            "congestion, facial pain and yellow discharge. No chest pain or palpitations.",
            "med_leads": "She continues|She takes|She remains on|She also takes|"
            "For rate control she takes|She continues|She keeps|She takes|",
            "allergy_lead": "She is allergic to",
            "objective": "Blood pressure 128/74, heart rate 72 and irregular, temperature "
            "37.9 C. Tender maxillary sinuses. Lungs clear.",
            "plan_meds": "amoxicillin",
            "plan": "Acute bacterial sinusitis: start {amoxicillin}. Atrial fibrillation: rate "
            "controlled; anticoagulation is managed by the Northgate clinic. Hypothyroidism: "
            "continue the current dose. Return in four weeks.",
        },
    )


def _harbor() -> Document:
    return Document(
        provider="harbor-heart-cardiology",
        file="harbor-heart-cardiology/consult-2024-03-11.pdf",
        layout="two_column_consult",
        title="Harbor Heart Cardiology",
        address=("1200 Harbor Street", "Riverton, WI 53901", "608-555-0149"),
        document_date="2024-03-11",
        date_kind="visit",
        date_style="us",
        name_text="Anna M. Kowalski",
        name_value=NAME,
        dob=DOB,
        mrn_text="HHC 30-4471",
        mrn_value="HHC30-4471",
        meds=(
            Med("atorvastatin", "40", "mg", "qhs", "oral", "Atorvastatin", "40 mg", "PO q.h.s."),
            Med("levothyroxine", "75", "mcg", "daily", "oral", "Levothyroxine", "75 mcg",
                "PO q.d."),
            Med("warfarin", "5", "mg", "daily", "oral", "Warfarin", "5 mg", "PO q.d."),
            Med("digoxin", "0.125", "mg", "daily", "oral", "Digoxin", "0.125 mg", "PO q.d."),
            Med("metoprolol", "25", "mg", "daily", "oral", "Metoprolol tartrate", "25 mg",
                "PO q.d."),  # planted: b.i.d. elsewhere
            Med("nitroglycerin", "0.4", "mg", "prn", "sublingual", "Nitroglycerin", "0.4 mg",
                "SL PRN chest pain"),
            Med("glimepiride", "1", "mg", "daily", "oral", "Glimepiride", "1.0 mg", "PO q.d."),
        ),  # fmt: skip
        allergies=(_pcn("Penicillin"),),
        vaccines=(
            Vaccine("influenza", "influenza", "88", FLU[3], "Flu shot"),
            _vax(TDAP, "Td/Tdap"),
            _vax(PPSV, "Pneumovax 23"),
            _vax(COVID, "COVID-19 (Moderna)", date="2021-03"),
        ),
        scans=(ScanProfile(skew=-1.2),),
        font="DejaVuSansCondensed",
        extra={
            "referrer": "Laura Chen, MD",
            "hpi": "Seen for permanent atrial fibrillation and exertional chest tightness. "
            "Rate is controlled at rest. Stress test last year showed no ischemia. She needs "
            "her as-needed tablets for chest pain about once a month.",
            "assessment": "Permanent atrial fibrillation, rate controlled, anticoagulated. "
            "Stable angina.",
            "plan": "No change to the cardiac regimen. Echocardiogram in 6 months. Follow up "
            "in cardiology clinic after the echo.",
            "clinician": "Victor Hale, MD, FACC",
        },
    )


def _lakeview() -> Document:
    return Document(
        provider="lakeview-endocrinology",
        file="lakeview-endocrinology/referral-2024-05-03.pdf",
        layout="fax_referral",
        title="Lakeview Endocrinology Associates",
        address=("450 Lake Avenue, Riverton, WI 53901", "Tel 608-555-0131  Fax 608-555-0132"),
        document_date="2024-05-03",
        date_kind="report",
        date_style="dmy",
        name_text="ANNA KOWALSKY",  # planted: misspelled surname
        name_value="anna kowalsky",
        dob=DOB,
        mrn_text="LE-0088412",
        mrn_value="LE-0088412",
        meds=(
            Med("atorvastatin", "40", "mg", "qhs", "oral", "ATORVASTATIN", "40 MG", "PO QHS"),
            Med("levothyroxine", "75", "mcg", "daily", "oral", "LEVOTHYROXINE", "75 MCG", "PO QD"),
            Med("warfarin", "5", "mg", "daily", "oral", "WARFARIN", "5 MG", "PO DAILY"),
            Med("digoxin", "0.125", "mg", "daily", "oral", "DIGOXIN", "0.125 MG", "PO DAILY"),
            Med("metoprolol", "25", "mg", "bid", "oral", "METOPROLOL TARTRATE", "25 MG",
                "PO B.I.D."),
            Med("amlodipine", "5", "mg", "daily", "oral", "AMLODIPINE", "5 MG", "PO DAILY"),
            Med("nitroglycerin", "0.4", "mg", "prn", "sublingual", "NITROGLYCERIN", "0.4 MG",
                "SL PRN CHEST PAIN"),
            Med("glimepiride", "1", "mg", "daily", "oral", "GLIMEPIRIDE", "1 MG",
                "PO DAILY WITH BREAKFAST"),
            Med("metformin", "5000", "mg", "bid", "oral", "METFORMIN", "5000 MG",
                "PO B.I.D. WITH MEALS (NEW)"),  # planted: far above the label maximum
        ),  # fmt: skip
        allergies=(
            Allergy("none", "", "", "NKDA - patient denies allergies", status="negated"),
        ),
        vaccines=(
            _vax(FLU, "INFLUENZA"),
            _vax(TDAP, "TDAP"),
            _vax(PPSV, "PNEUMOCOCCAL PPSV23"),
            _vax(COVID, "COVID-19 MODERNA"),
        ),
        scans=(
            ScanProfile(dpi=200, skew=1.0, noise=6.0, blur=0.6, fax=True, jpeg_quality=75),
            ScanProfile(dpi=200, skew=-0.7, noise=6.0, blur=0.6, fax=True, jpeg_quality=75),
        ),
        font="DejaVuSansMono",
        breaks=("immunizations",),
        extra={
            "fax_date": "05/06/2024",
            "fax_times": "14:32|14:33",
            "fax_from": "FROM: LAKEVIEW ENDO 608-555-0132",
            "to": "Oakwood Internal Medicine, attn. Laura Chen, MD",
            "reason": "Returned to primary care after endocrine evaluation of type 2 "
            "diabetes and hypothyroidism. Thyroid function is normal on the current dose. "
            "Glycemic control is above target; a new medicine is listed below.",
            "plan": "Recheck A1c and thyroid function in 3 months. Call with questions.",
            "clinician": "Rebecca Stone, MD, Endocrinology",
        },
    )


def _northgate() -> Document:
    return Document(
        provider="northgate-anticoagulation-clinic",
        file="northgate-anticoagulation-clinic/letter-2024-04-30.pdf",
        layout="lab_letter",
        title="Northgate Anticoagulation Clinic",
        address=("9 Northgate Plaza", "Riverton, WI 53901", "608-555-0177"),
        document_date="2024-04-30",
        date_kind="report",
        date_style="iso",
        name_text="Kowalski, Anna M",
        name_value=NAME,
        dob=DOB,
        mrn_text="NAC-19373",
        mrn_value="NAC-19373",
        meds=(
            Med("warfarin", "0.5", "mg", "daily", "oral", "Warfarin", "0.5 mg",
                "PO;daily"),  # planted: decimal slip, 5 mg elsewhere
            Med("digoxin", "0.125", "mg", "daily", "oral", "Digoxin", "0.125 mg", "PO;daily"),
            Med("metoprolol", "25", "mg", "bid", "oral", "Metoprolol tartrate", "25 mg",
                "PO;twice daily"),
            Med("amlodipine", "5", "mg", "daily", "oral", "Amlodipine", "5 mg", "PO;daily"),
            Med("atorvastatin", "40", "mg", "qhs", "oral", "Atorvastatin", "40 mg",
                "PO;at bedtime"),
            Med("levothyroxine", "75", "mcg", "daily", "oral", "Levothyroxine", "75 mcg",
                "PO;daily"),
            Med("glimepiride", "1", "mg", "daily", "oral", "Glimepiride", "1 mg", "PO;daily"),
            Med("nitroglycerin", "0.4", "mg", "prn", "sublingual", "Nitroglycerin", "0.4 mg",
                "SL;as needed"),
        ),  # fmt: skip
        allergies=(_pcn("Penicillin"),),
        vaccines=(
            _vax(FLU, "Influenza"),
            _vax(TDAP, "Tdap"),
            _vax(COVID, "COVID-19 (Moderna)"),
            Vaccine("mmr", "mmr", "03", "1949-04-22", "MMR"),  # planted: before birth
        ),
        scans=(ScanProfile(skew=0.4), ScanProfile(skew=-0.9)),
        font="DejaVuSans",
        breaks=("immunizations",),
        extra={
            "to": "Laura Chen, MD, Oakwood Internal Medicine",
            "opening": "Dear Dr. Chen, your patient attends our clinic for anticoagulation "
            "monitoring for atrial fibrillation. Her recent INR results are below.",
            "inr": "2024-03-28;2.1;2.0-3.0|2024-04-12;2.6;2.0-3.0|2024-04-30;2.4;2.0-3.0",
            "closing": "Her INR is in range. We will see her again in four weeks. Please let "
            "us know of any change to her medications.",
            "clinician": "Marcus Webb, PharmD, Anticoagulation Service",
        },
    )


def hard_set() -> SampleSet:
    """Four providers, seven pages, ten planted findings of nine categories."""
    return SampleSet(
        name="hard",
        seed=20261129,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_oakwood(), _harbor(), _lakeview(), _northgate()),
        expected_findings=(
            Finding("drug_allergy_conflict", "amoxicillin", "oakwood-internal-medicine",
                    "amoxicillin started for sinusitis; penicillin allergy (hives) in the same note"),
            Finding("future_date", "zoster", "oakwood-internal-medicine",
                    "Shingrix dated October 2, 2031"),
            Finding("frequency_mismatch", "metoprolol", "harbor-heart-cardiology",
                    "metoprolol tartrate 25 mg q.d. here, twice daily at the other three"),
            Finding("medication_missing", "amlodipine", "harbor-heart-cardiology",
                    "amlodipine 5 mg daily at the other three, absent here"),
            Finding("allergy_missing", "penicillin", "lakeview-endocrinology",
                    "NKDA here; penicillin allergy (hives) at the other three"),
            Finding("identity_mismatch", "name", "lakeview-endocrinology",
                    "surname Kowalsky here, Kowalski elsewhere"),
            Finding("dose_out_of_range", "metformin", "lakeview-endocrinology",
                    "metformin 5000 mg twice daily, far above the 2550 mg/day label maximum"),
            Finding("dose_mismatch", "warfarin", "northgate-anticoagulation-clinic",
                    "warfarin 0.5 mg (decimal slip) here, 5 mg at the other three"),
            Finding("vaccine_missing", "pneumococcal", "northgate-anticoagulation-clinic",
                    "PPSV23 2016-10-03 at the other three, absent here"),
            Finding("date_before_birth", "mmr", "northgate-anticoagulation-clinic",
                    "MMR dated 1949-04-22, before the 1950-07-19 birth date"),
        ),  # fmt: skip
        harmless_variations=(
            "COVID-19 (Moderna) dated 03/2021 at harbor-heart-cardiology, 2021-03-09 elsewhere "
            "(partial date, same month)",
            "Td/Tdap and Flu shot (CVX 88) at harbor-heart-cardiology; Tdap and influenza "
            "CVX 150 elsewhere (same vaccine families)",
            "Pneumovax 23 at harbor-heart-cardiology, PPSV23 elsewhere",
            "glimepiride printed as 1.0 mg and as 1 mg",
            "frequency wording: q.d. / QD / daily / once a day, q.h.s. / QHS / nightly / at "
            "bedtime, b.i.d. / B.I.D. / twice a day / twice daily",
            "nitroglycerin route: SL / under the tongue",
            "lisinopril discontinued 03/2023 at oakwood-internal-medicine only: not an active "
            "medication, so its absence elsewhere is expected",
            "amoxicillin (a 10-day course) only at oakwood-internal-medicine and metformin "
            "(newly started) only at lakeview-endocrinology: not medication_missing elsewhere",
            "the fax header date 05/06/2024 14:32 on the lakeview referral is the "
            "transmission time, not the document date (2024-05-03) nor a vaccine date",
            "INR result dates in the northgate letter are lab dates, not facts",
        ),
        scans_dir="hard/scans",
        truth_file="hard/truth.json",
    )
