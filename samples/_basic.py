"""Scenario of the basic set (and its degraded re-scan): one patient, three providers."""

from __future__ import annotations

from dataclasses import replace

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "maria l gonzalez"
DOB = "1961-04-12"

PENICILLIN = Allergy("penicillin", "penicillins", "hives", "Penicillin", "hives")
SULFA = Allergy("sulfa", "sulfonamide antibiotics", "rash", "Sulfa drugs", "rash")

# CVX codes from the CDC CVX table: 150 influenza injectable quadrivalent preservative
# free, 115 Tdap, 216 pneumococcal conjugate PCV20, 187 zoster recombinant,
# 208 COVID-19 Pfizer-BioNTech 30 mcg/0.3 mL.
FLU = ("influenza", "influenza", "150", "2023-10-12")
TDAP = ("tdap", "tetanus", "115", "2019-05-02")
TDAP_WRONG = ("tdap", "tetanus", "115", "2019-08-15")
PCV = ("pneumococcal", "pneumococcal", "216", "2022-09-20")
ZOSTER = ("zoster", "zoster", "187", "2021-03-14")
COVID = ("covid-19", "covid-19", "208", "2021-04-06")


def _vax(spec: tuple[str, str, str, str], text: str) -> Vaccine:
    return Vaccine(spec[0], spec[1], spec[2], spec[3], text)


def _riverside(scans: tuple[ScanProfile, ...], breaks: tuple[str, ...]) -> Document:
    tab = "Take 1 tablet by mouth"
    return Document(
        provider="riverside-primary-care",
        file="riverside-primary-care/visit-2024-05-02.pdf",
        layout="primary_visit",
        title="Riverside Primary Care",
        address=("412 Riverside Drive, Suite 200", "Springfield, IL 62704", "Tel (217) 555-0142"),
        document_date="2024-05-02",
        date_kind="visit",
        date_style="us",
        name_text="Maria L. Gonzalez",
        name_value=NAME,
        dob=DOB,
        mrn_text="PC-448812",
        mrn_value="PC-448812",
        meds=(
            Med("lisinopril", "10", "mg", "daily", "oral", "Lisinopril", "10 mg", f"{tab} once daily"),
            Med("metformin", "500", "mg", "bid", "oral", "Metformin", "500 mg",
                f"{tab} twice daily with meals"),
            Med("metoprolol", "25", "mg", "daily", "oral", "Metoprolol succinate ER", "25 mg",
                f"{tab} once daily"),
            Med("atorvastatin", "40", "mg", "qhs", "oral", "Atorvastatin", "40 mg",
                f"{tab} at bedtime"),
            Med("aspirin", "81", "mg", "daily", "oral", "Aspirin", "81 mg", f"{tab} once daily"),
            Med("omeprazole", "20", "mg", "daily", "oral", "Omeprazole", "20 mg",
                "Take 1 capsule by mouth once daily before breakfast"),
        ),  # fmt: skip
        allergies=(PENICILLIN, SULFA),
        vaccines=(
            _vax(FLU, "Influenza, quadrivalent"),
            _vax(TDAP_WRONG, "Tdap"),
            _vax(PCV, "Pneumococcal conjugate (PCV20)"),
            _vax(ZOSTER, "Zoster recombinant (Shingrix)"),
            _vax(COVID, "COVID-19 mRNA (Pfizer)"),
        ),
        scans=scans,
        font="Helvetica",
        breaks=breaks,
        extra={
            "clinician": "Jorge Alvarez, MD",
            "reason": "Follow-up of hypertension and type 2 diabetes. No new complaints.",
            "plan": "Blood pressure at goal. Continue current medications. Fasting labs "
            "before the next visit. Return to clinic in 3 months.",
        },
    )


def _st_marys(scans: tuple[ScanProfile, ...], breaks: tuple[str, ...]) -> Document:
    oral = "by mouth"
    return Document(
        provider="st-marys-hospital",
        file="st-marys-hospital/discharge-2024-03-18.pdf",
        layout="hospital_discharge",
        title="St. Mary's Regional Hospital",
        address=("1800 Lakeshore Boulevard, Springfield, IL 62702",),
        document_date="2024-03-18",
        date_kind="discharge",
        date_style="long",
        name_text="Maria L. Gonzalez",
        name_value=NAME,
        dob="1961-12-04",  # planted: month and day swapped
        mrn_text="0073 1956",
        mrn_value="00731956",
        meds=(
            Med("atorvastatin", "40", "mg", "qhs", "oral", "atorvastatin", "40 mg",
                f"{oral} at bedtime"),
            Med("lisinopril", "10", "mg", "daily", "oral", "lisinopril", "10 mg", f"{oral} daily"),
            Med("metformin", "500", "mg", "bid", "oral", "Glucophage", "500 mg",
                f"{oral} twice daily with meals"),
            Med("metoprolol", "50", "mg", "daily", "oral", "metoprolol", "50 mg",
                f"{oral} once daily"),  # planted: 25 mg elsewhere
            Med("omeprazole", "20", "mg", "daily", "oral", "omeprazole", "20 mg",
                f"{oral} daily before breakfast"),
            Med("aspirin", "81", "mg", "daily", "oral", "aspirin", "81 mg", f"{oral} daily"),
        ),  # fmt: skip
        allergies=(
            Allergy("penicillin", "penicillins", "hives", "penicillin", "hives"),
            Allergy("sulfa", "sulfonamide antibiotics", "rash", "sulfa drugs", "rash"),
        ),
        vaccines=(
            _vax(TDAP, "Tdap"),
            _vax(FLU, "Influenza vaccine, quadrivalent"),
            _vax(COVID, "COVID-19 vaccine, Pfizer"),
            _vax(ZOSTER, "Shingrix (zoster recombinant)"),
            _vax(PCV, "Pneumococcal PCV20"),
        ),
        scans=scans,
        font="Times-Roman",
        breaks=breaks,
        extra={
            "clinician": "Helen Park, MD",
            "admitted": "2024-03-15",
            "diagnosis": "Community-acquired pneumonia, right lower lobe.",
            "course": "The patient was admitted with fever, productive cough and "
            "shortness of breath. Chest radiograph showed a right lower lobe infiltrate. "
            "She was treated with intravenous antibiotics and supplemental oxygen and "
            "improved steadily. She completed the antibiotic course in hospital and was "
            "afebrile for 48 hours before discharge.",
            "med_leads": "She is to continue|She will also take",
            "imm_source": "per the state immunization registry",
            "followup": "See her primary care physician within one week. Return to the "
            "emergency department for fever, chest pain or worsening shortness of breath.",
        },
    )


def _city_pharmacy(scans: tuple[ScanProfile, ...], breaks: tuple[str, ...]) -> Document:
    return Document(
        provider="city-pharmacy",
        file="city-pharmacy/profile-2024-05-20.pdf",
        layout="pharmacy_profile",
        title="City Pharmacy #0417",
        address=("2250 Main Street, Springfield, IL 62701", "Tel (217) 555-0188"),
        document_date="2024-05-20",
        date_kind="printed",
        date_style="dmy",
        name_text="GONZALEZ, MARIA L",
        name_value=NAME,
        dob=DOB,
        mrn_text="CP-0093127",
        mrn_value="CP-0093127",
        meds=(
            Med("metformin", "500", "mg", "bid", "oral", "Metformin HCl", "500 mg",
                "1 tab PO BID with meals"),
            Med("lisinopril", "10", "mg", "daily", "oral", "Zestril", "10 mg", "1 tab PO daily"),
            Med("omeprazole", "20", "mg", "daily", "oral", "Omeprazole DR", "20 mg",
                "1 cap PO daily before breakfast"),
            Med("atorvastatin", "40", "mg", "qhs", "oral", "Atorvastatin", "40 mg",
                "1 tab PO at bedtime"),
            Med("metoprolol", "25", "mg", "daily", "oral", "Metoprolol succinate ER", "25 mg",
                "1 tab PO daily"),
            Med("aspirin", "81", "mg", "daily", "oral", "Aspirin EC", "81 mg", "1 tab PO daily"),
        ),  # fmt: skip
        allergies=(Allergy("sulfa", "sulfonamide antibiotics", "rash", "Sulfa drugs", "rash"),),
        vaccines=(
            _vax(FLU, "Influenza quadrivalent"),
            _vax(COVID, "COVID-19 mRNA Pfizer"),
            _vax(TDAP, "Tdap"),
            _vax(ZOSTER, "Zoster recombinant"),
            _vax(PCV, "Pneumococcal PCV20"),
        ),
        scans=scans,
        font="Courier",
        breaks=breaks,
        extra={
            "printed_style": "iso",
            "printed_time": "09:41",
            "phone": "(217) 555-0163",
            "qty": "180|90|90|90|90|90",
            "disclaimer": "This profile lists prescriptions filled at this pharmacy and "
            "immunizations given here or reported to us. Bring it to every appointment.",
        },
    )


EXPECTED = (
    Finding("allergy_missing", "penicillin", "city-pharmacy",
            "penicillin allergy (hives) at the clinic and the hospital; the pharmacy lists only sulfa"),
    Finding("dose_mismatch", "metoprolol", "st-marys-hospital",
            "metoprolol 50 mg daily at the hospital, 25 mg daily at the other two"),
    Finding("vaccine_date_conflict", "tdap", "riverside-primary-care",
            "Tdap 2019-08-15 at the clinic, 2019-05-02 at the other two"),
    Finding("identity_mismatch", "dob", "st-marys-hospital",
            "DOB December 4, 1961 (month and day swapped); 1961-04-12 elsewhere"),
)  # fmt: skip

HARMLESS = (
    "brand Zestril at city-pharmacy, generic lisinopril elsewhere",
    "brand Glucophage at st-marys-hospital, generic metformin elsewhere",
    "salt and release forms: metoprolol succinate ER, metformin HCl, omeprazole DR, aspirin EC",
    "date formats: 03/14/2021 (clinic), March 14, 2021 (hospital), 14-Mar-2021 and "
    "2024-05-20 (pharmacy)",
    "the same medications and vaccines listed in a different order at each provider",
    "directions worded differently: once daily / daily / PO daily, twice daily / BID",
    "each provider has its own MRN format (PC-448812, 0073 1956, CP-0093127)",
)


def basic_set() -> SampleSet:
    """Three providers, four pages; one page faxed at 200 DPI."""
    return SampleSet(
        name="basic",
        seed=20261126,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(
            _riverside((ScanProfile(skew=0.6),), ()),
            _st_marys((ScanProfile(skew=-0.9), ScanProfile(skew=0.4)), ("immunizations",)),
            _city_pharmacy(
                (ScanProfile(dpi=200, skew=1.3, noise=7.0, blur=0.6, fax=True, jpeg_quality=75),), ()
            ),
        ),
        expected_findings=EXPECTED,
        harmless_variations=HARMLESS,
        scans_dir="scans",
        truth_file="truth.json",
    )


def degraded_set() -> SampleSet:
    """The basic records re-scanned badly: turned pages, skew, noise, low DPI, a border."""
    harsh = ScanProfile(noise=7.0, blur=1.3, jpeg_quality=40)
    docs = (
        _riverside(
            (replace(harsh, rotation=90, skew=2.0), replace(harsh, skew=-4.5, jpeg_quality=30)),
            ("immunizations",),
        ),
        _st_marys(
            (replace(harsh, rotation=180, skew=1.0, noise=9.0),
             replace(harsh, skew=-2.5, border=90, blur=1.0)),
            ("immunizations",),
        ),  # fmt: skip
        _city_pharmacy(
            (ScanProfile(dpi=150, skew=3.2, noise=10.0, blur=0.7, fax=True, jpeg_quality=50),
             ScanProfile(dpi=200, skew=-5.0, noise=10.0, blur=0.9, fax=True, jpeg_quality=40)),
            ("immunizations",),
        ),  # fmt: skip
    )
    return SampleSet(
        name="degraded",
        seed=20261127,
        patient_name=NAME,
        patient_dob=DOB,
        documents=docs,
        expected_findings=EXPECTED,
        harmless_variations=HARMLESS,
        scans_dir="degraded/scans",
        truth_file="degraded/truth.json",
    )
