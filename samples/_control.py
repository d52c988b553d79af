"""Scenario of the control set: three providers whose records differ only harmlessly."""

from __future__ import annotations

from ._model import Allergy, Document, Med, SampleSet, ScanProfile, Vaccine

NAME = "daniel p okafor"
DOB = "1958-09-23"

# CVX (CDC table): influenza 140 (seasonal injectable preservative free), 88 (unspecified
# formulation, what "flu shot" amounts to), 158 (injectable quadrivalent, contains
# preservative: Fluzone Quadrivalent multi-dose vial); 115 Tdap; 33 PPSV23;
# 187 zoster recombinant; 207 COVID-19 Moderna.
FLU_DATE = "2023-10-05"
TDAP = ("tdap", "tetanus", "115", "2020-07-21")
PPSV = ("pneumococcal", "pneumococcal", "33", "2023-03-02")
ZOSTER = ("zoster", "zoster", "187", "2022-11-15")
COVID = ("covid-19", "covid-19", "207", "2021-03-30")


def _vax(spec: tuple[str, str, str, str], text: str) -> Vaccine:
    return Vaccine(spec[0], spec[1], spec[2], spec[3], text)


def _codeine(name: str, reaction: str) -> Allergy:
    return Allergy("codeine", "opioids", "nausea", name, reaction)


def _shellfish(name: str, reaction: str) -> Allergy:
    return Allergy("shellfish", "food", "hives", name, reaction)


def control_set() -> SampleSet:
    """Three one- or two-page records that agree on every fact."""
    lakeside = Document(
        provider="lakeside-family-medicine",
        file="lakeside-family-medicine/visit-2024-02-14.pdf",
        layout="primary_visit",
        title="Lakeside Family Medicine",
        address=("96 Harbor View Road", "Fairview, OH 44126", "Tel (440) 555-0117"),
        document_date="2024-02-14",
        date_kind="visit",
        date_style="us",
        name_text="Daniel P. Okafor",
        name_value=NAME,
        dob=DOB,
        mrn_text="LF-220931",
        mrn_value="LF-220931",
        meds=(
            Med("amlodipine", "5", "mg", "daily", "oral", "Amlodipine", "5 mg",
                "Take 1 tablet by mouth once daily"),
            Med("levothyroxine", "50", "mcg", "daily", "oral", "Levothyroxine", "50 mcg",
                "Take 1 tablet by mouth once daily"),
            Med("metformin", "1000", "mg", "bid", "oral", "Metformin", "1000 mg",
                "Take 1 tablet by mouth BID"),
            Med("simvastatin", "20", "mg", "qhs", "oral", "Simvastatin", "20 mg",
                "Take 1 tablet by mouth at bedtime"),
            Med("tamsulosin", "0.4", "mg", "daily", "oral", "Flomax", "0.4 mg",
                "Take 1 capsule by mouth once daily"),
        ),  # fmt: skip
        allergies=(_codeine("Codeine", "nausea"), _shellfish("Shellfish", "hives")),
        vaccines=(
            Vaccine("influenza", "influenza", "140", FLU_DATE, "Influenza, injectable"),
            _vax(TDAP, "Tdap"),
            _vax(PPSV, "Pneumococcal polysaccharide (PPSV23)"),
            _vax(ZOSTER, "Zoster recombinant"),
            _vax(COVID, "COVID-19 mRNA (Moderna)"),
        ),
        scans=(ScanProfile(skew=-0.7),),
        font="Helvetica",
        extra={
            "clinician": "Priya Raman, MD",
            "reason": "Annual wellness visit.",
            "plan": "Chronic conditions stable. No changes to medications. Recheck in 6 months.",
            "show_cvx": "yes",
        },
    )
    mercy = Document(
        provider="mercy-general-hospital",
        file="mercy-general-hospital/discharge-2024-01-09.pdf",
        layout="hospital_discharge",
        title="Mercy General Hospital",
        address=("3300 Euclid Avenue, Cleveland, OH 44115",),
        document_date="2024-01-09",
        date_kind="discharge",
        date_style="long",
        name_text="Daniel Okafor",
        name_value="daniel okafor",
        dob=DOB,
        mrn_text="4410 2876",
        mrn_value="44102876",
        meds=(
            Med("metformin", "1000", "mg", "bid", "oral", "metformin", "1000 mg",
                "by mouth every 12 hours"),
            Med("amlodipine", "5", "mg", "daily", "oral", "Norvasc", "5 mg", "by mouth daily"),
            Med("tamsulosin", "0.4", "mg", "daily", "oral", "tamsulosin", "0.4 mg",
                "by mouth daily"),
            Med("levothyroxine", "50", "mcg", "daily", "oral", "levothyroxine", "50 mcg",
                "by mouth once daily"),
            Med("simvastatin", "20", "mg", "qhs", "oral", "simvastatin", "20 mg",
                "by mouth nightly at bedtime"),
        ),  # fmt: skip
        allergies=(_codeine("codeine", "nausea"), _shellfish("shellfish", "hives")),
        vaccines=(
            Vaccine("influenza", "influenza", "88", FLU_DATE, "Flu shot"),
            _vax(COVID, "COVID-19 vaccine, Moderna"),
            _vax(TDAP, "Tdap"),
            _vax(PPSV, "Pneumococcal polysaccharide vaccine"),
            _vax(ZOSTER, "Shingrix"),
        ),
        scans=(ScanProfile(skew=0.8), ScanProfile(skew=-0.4)),
        font="Times-Roman",
        breaks=("immunizations",),
        extra={
            "clinician": "Samuel Ortiz, MD",
            "admitted": "2024-01-06",
            "diagnosis": "Cellulitis of the left lower leg.",
            "course": "The patient was admitted with redness and swelling of the left "
            "lower leg. He was treated with intravenous antibiotics, the leg was elevated "
            "and the redness receded. He was switched to oral therapy and finished the "
            "course before discharge.",
            "med_leads": "He should continue his home medications:|He also takes",
            "imm_source": "as reported by the patient",
            "followup": "Primary care follow-up in one to two weeks. Keep the leg elevated "
            "when sitting.",
        },
    )
    northside = Document(
        provider="northside-pharmacy",
        file="northside-pharmacy/profile-2024-02-20.pdf",
        layout="pharmacy_profile",
        title="Northside Pharmacy",
        address=("18 Detroit Road, Fairview, OH 44126", "Tel (440) 555-0190"),
        document_date="2024-02-20",
        date_kind="printed",
        date_style="dmy",
        name_text="OKAFOR,  DANIEL P",
        name_value=NAME,
        dob=DOB,
        mrn_text="NP-771204",
        mrn_value="NP-771204",
        meds=(
            Med("simvastatin", "20", "mg", "qhs", "oral", "Simvastatin", "20  mg",
                "1 tab PO QHS"),
            Med("levothyroxine", "50", "mcg", "daily", "oral", "Synthroid", "50 mcg",
                "1 tab PO daily"),
            Med("amlodipine", "5", "mg", "daily", "oral", "Amlodipine besylate", "5 mg",
                "1 tab PO daily"),
            Med("metformin", "1000", "mg", "bid", "oral", "Metformin HCl", "1000 mg",
                "1 tab PO twice daily"),
            Med("tamsulosin", "0.4", "mg", "daily", "oral", "Tamsulosin HCl", "0.4 mg",
                "1 cap PO daily"),
        ),  # fmt: skip
        allergies=(_codeine("Codeine", "nausea"), _shellfish("Shellfish", "hives")),
        vaccines=(
            _vax(ZOSTER, "Zoster recombinant"),
            Vaccine("influenza", "influenza", "158", FLU_DATE, "Fluzone Quadrivalent CVX 158"),
            _vax(TDAP, "Tdap"),
            _vax(COVID, "COVID-19 mRNA Moderna"),
            _vax(PPSV, "Pneumococcal PPSV23"),
        ),
        scans=(ScanProfile(skew=1.1),),
        font="Courier",
        extra={
            "printed_style": "iso",
            "printed_time": "15:07",
            "phone": "(440) 555-0175",
            "qty": "90|90|90|180|90",
            "disclaimer": "Prescriptions filled at Northside Pharmacy. Ask your pharmacist "
            "before starting any new medicine.",
        },
    )
    return SampleSet(
        name="control",
        seed=20261128,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(lakeside, mercy, northside),
        expected_findings=(),
        harmless_variations=(
            "brand Flomax at lakeside-family-medicine, Norvasc at mercy-general-hospital, "
            "Synthroid at northside-pharmacy; generic names elsewhere",
            "salt forms at the pharmacy: amlodipine besylate, metformin HCl, tamsulosin HCl",
            "influenza recorded as CVX 140 (clinic), 'Flu shot' = CVX 88 (hospital) and "
            "Fluzone Quadrivalent CVX 158 (pharmacy), all on 2023-10-05",
            "name with middle initial (Daniel P. Okafor, OKAFOR, DANIEL P) and without "
            "(Daniel Okafor at the hospital)",
            "date formats: 10/05/2023, October 5, 2023, 05-OCT-2023, 2024-02-20",
            "same medications and vaccines in a different order at each provider",
            "extra whitespace in the pharmacy printout (OKAFOR,  DANIEL P; 20  mg)",
            "metformin frequency worded BID / every 12 hours / twice daily; simvastatin at "
            "bedtime / nightly at bedtime / QHS",
            "Zoster recombinant at the clinic and pharmacy, Shingrix at the hospital",
        ),
        scans_dir="control/scans",
        truth_file="control/truth.json",
    )
