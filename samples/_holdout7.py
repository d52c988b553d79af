"""Scenario of the seventh held-out set: HIV on antiretrovirals, asthma and depression at 45."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "darius m pellegrino"
DOB = "1980-09-03"
DOB_WRONG = "1980-09-08"  # planted at the specialty pharmacy: the 3 keyed as an 8

# CVX (CDC table): 43 hepatitis B adult (Engerix-B 20 mcg), 45 hepatitis B unspecified,
# 52 hepatitis A adult (Havrix 1440), 187 zoster recombinant, 115 Tdap, 216 PCV20,
# 88 influenza unspecified formulation, 213 COVID-19 unspecified formulation.
HEPB = ("2019-01-03", "2019-02-04", "2019-07-08")
HEPA = ("2019-01-03", "2091-07-08")  # planted: dose 2 of July 2019 keyed as 2091
RZV = ("2023-03-06", "2023-06-12")
TDAP = "2021-05-14"
TDAP_WRONG = "2020-05-14"  # planted at the VA
PCV = "2024-02-20"
FLU = "2025-09-16"
COVID = "2024-10-15"


def _aspirin(name_text: str, reaction: str, reaction_text: str = "") -> Allergy:
    return Allergy("aspirin", "nsaids", reaction, name_text, reaction_text)


def _hepb(code: str, texts: tuple[str, str, str]) -> tuple[Vaccine, ...]:
    return tuple(Vaccine("hepatitis b", "hepatitis b", code, d, t)
                 for d, t in zip(HEPB, texts, strict=True))  # fmt: skip


def _zoster(texts: tuple[str, str]) -> tuple[Vaccine, ...]:
    return tuple(Vaccine("zoster", "zoster", "187", d, t) for d, t in zip(RZV, texts, strict=True))


BIK = "bictegravir-emtricitabine-tenofovir"
SYM = "budesonide-formoterol"


def _id_clinic() -> Document:
    return Document(
        provider="magnolia-id-clinic",
        file="magnolia-id-clinic/progress-note-2025-09-16.pdf",
        layout="id_clinic_pill_grid",
        title="Magnolia Infectious Disease & HIV Clinic",
        address=("880 Esplanade Row, Suite 4B, New Orleans, LA 70116",
                 "Phone (504) 555-0163 · Fax (504) 555-0164"),  # fmt: skip
        document_date="2025-09-16",
        date_kind="visit",
        date_style="m_d_y",
        name_text="Pellegrino, Darius M",
        name_value=NAME,
        dob=DOB,
        mrn_text="00417732",
        mrn_value="00417732",
        # name_text is the Medicine cell, strength_text the Dose cell, sig_text the Notes cell;
        # the schedule columns are in extra["slots"].
        meds=(
            Med(BIK, "1", "tab", "daily", "oral",
                "Biktarvy (bictegravir/emtricitabine/tenofovir alafenamide)", "1 tab",
                "with or without food; 2 h apart from antacids"),
            # planted: the morning column only; twice a day at the four other providers
            Med(SYM, "2", "puff", "daily", "inhaled", "Symbicort 160/4.5 mcg inhaler",
                "2 puffs", "rinse mouth after"),
            Med("albuterol", "2", "puff", "q4h prn", "inhaled", "Albuterol HFA 90 mcg (ProAir)",
                "2 puffs", "every 4 hours as needed for wheeze/SOB"),
            Med("montelukast", "10", "mg", "qhs", "oral", "Montelukast (Singulair) 10 mg", "1 tab",
                ""),
            Med("sertraline", "100", "mg", "daily", "oral", "Sertraline (Zoloft) 100 mg", "1 tab",
                ""),
            Med("rosuvastatin", "10", "mg", "daily", "oral", "Rosuvastatin (Crestor) 10 mg",
                "1 tab", "with supper"),
            Med("trazodone", "50", "mg", "qhs prn", "oral", "Trazodone 50 mg", "1 tab",
                "only if needed for sleep"),
            Med("ergocalciferol", "50000", "units", "weekly", "oral",
                "Vitamin D2 (ergocalciferol) 50,000 units", "1 cap", "Sundays only"),
            Med(BIK, "1", "tab", "daily", "oral", "Continue Biktarvy", "", "1 tab PO daily."),
        ),  # fmt: skip
        allergies=(_aspirin("Aspirin", "wheezing", "wheezing"),),
        vaccines=(
            *_hepb("43", ("", "", "")),
            Vaccine("hepatitis a", "hepatitis a", "52", HEPA[0], ""),
            Vaccine("hepatitis a", "hepatitis a", "52", HEPA[1], ""),
            *_zoster(("", "")),
            Vaccine("tdap", "tetanus", "115", TDAP, "Tdap (Boostrix)"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "Pneumococcal conjugate (Prevnar 20)"),
            Vaccine("covid-19", "covid-19", "213", COVID, "COVID-19 mRNA, 2024-25 formula"),
            Vaccine("influenza", "influenza", "88", FLU, "Influenza, 2025-26 season"),
        ),  # fmt: skip
        scans=(
            ScanProfile(skew=0.3, noise=0.8, blur=0.85, jpeg_quality=32, paper=242),
            ScanProfile(skew=-0.4, noise=0.8, blur=0.85, jpeg_quality=32, paper=242),
        ),
        font="DejaVuSansCondensed",
        extra={
            # Morning,Noon,Evening,Bedtime per medicine ("" for an empty cell)
            "slots": "✓,,,|2 puffs,,,|,,,|,,,✓|✓,,,|,,✓,|,,,PRN|✓,,,",
            "series": "Hepatitis B (Engerix-B 20 mcg)|Hepatitis A (Havrix 1440)|"
            "Zoster recombinant (Shingrix)",
            "sites": "L deltoid, pharmacy|R deltoid, this clinic|L deltoid, pharmacy|"
            "R deltoid, this clinic",
        },
    )


def _specialty_pharmacy() -> Document:
    return Document(
        provider="bluestem-specialty-pharmacy",
        file="bluestem-specialty-pharmacy/welcome-letter-2025-09-22.pdf",
        layout="specialty_welcome_calendar",
        title="Bluestem Specialty Pharmacy",
        address=("4100 Airline Drive, Suite 12, Metairie, LA 70001",
                 "Toll-free 1-888-555-0119 · Fax 1-888-555-0120 · 24/7 pharmacist line"),  # fmt: skip
        document_date="2025-09-22",
        date_kind="printed",
        date_style="d_mon_y",
        name_text="Darius M. Pellegrino",
        name_value=NAME,
        dob=DOB_WRONG,
        mrn_text="BSP-7730194",
        mrn_value="BSP-7730194",
        meds=(
            Med(BIK, "1", "tab", "daily", "oral", "BIKTARVY 50-200-25 MG TABLET", "",
                "Directions: Take 1 tablet by mouth once daily at the same time each day."),
            Med(SYM, "2", "puff", "bid", "inhaled", "Symbicort 160/4.5", "",
                "2 puffs twice a day"),
            Med("albuterol", "2", "puff", "q4h prn", "inhaled", "albuterol (ProAir HFA)", "",
                "2 puffs every 4 hours if needed"),
            Med("montelukast", "10", "mg", "qhs", "oral", "Singulair", "10 mg", "at bedtime"),
            Med("sertraline", "100", "mg", "qam", "oral", "Zoloft", "100 mg", "every morning"),
            Med("rosuvastatin", "10", "mg", "daily", "oral", "Crestor", "10 mg", "daily"),
            Med("trazodone", "50", "mg", "qhs prn", "oral", "trazodone", "50 mg",
                "at bedtime as needed for sleep"),
            Med("ergocalciferol", "50000", "units", "weekly", "oral", "vitamin D", "50,000 units",
                "once a week"),
        ),  # fmt: skip
        allergies=(_aspirin("Aspirin", ""),),
        vaccines=(),
        scans=(ScanProfile(skew=1.8, noise=0.8, blur=0.9, jpeg_quality=32, paper=244),),
        font="URWBookman-Light",
        extra={
            "pharmacist": "Nadia Fontenot, PharmD",
            "ship": "2025-09-23",
            "intake": "2025-09-19",
            "prescriber": "Celeste Arceneaux, NP",
        },
    )


def _va_profile() -> Document:
    return Document(
        provider="gulf-south-va-health-care-system",
        file="gulf-south-va-health-care-system/medication-profile-2025-11-04.pdf",
        layout="va_medication_profile",
        title="GULF SOUTH VA HEALTH CARE SYSTEM",
        address=("PHARMACY SERVICE (119) - 2400 LAKESHORE PKWY, NEW ORLEANS LA 70122",),
        document_date="2025-11-04",
        date_kind="printed",
        date_style="vista",
        name_text="PELLEGRINO,DARIUS M",
        name_value=NAME,
        dob=DOB,
        mrn_text="V0934417",
        mrn_value="V0934417",
        # name_text is the drug line, sig_text the SIG line, note the status column
        meds=(
            # planted: the 50 mg strength; 100 mg at the four other providers
            Med("sertraline", "50", "mg", "daily", "oral", "SERTRALINE HCL 50MG TAB", "",
                "SIG: TAKE ONE TABLET BY MOUTH EVERY DAY", note="ACTIVE"),
            Med(SYM, "2", "puff", "bid", "inhaled", "BUDESONIDE 160/FORMOTEROL 4.5MCG INHL", "",
                "SIG: INHALE 2 PUFFS BY MOUTH TWICE A DAY. RINSE MOUTH AFTER USE",
                note="ACTIVE"),
            Med("albuterol", "2", "puff", "q4h prn", "inhaled", "ALBUTEROL 90MCG/ACTUAT INHL", "",
                "SIG: INHALE 2 PUFFS BY MOUTH EVERY 4 HOURS AS NEEDED FOR SOB/WHEEZING",
                note="ACTIVE"),
            Med("montelukast", "10", "mg", "qhs", "oral", "MONTELUKAST NA 10MG TAB", "",
                "SIG: TAKE ONE TABLET BY MOUTH AT BEDTIME", note="ACTIVE"),
            Med("rosuvastatin", "10", "mg", "daily", "oral", "ROSUVASTATIN CA 10MG TAB", "",
                "SIG: TAKE ONE TABLET BY MOUTH EVERY EVENING", note="ACTIVE"),
            Med("trazodone", "50", "mg", "qhs prn", "oral", "TRAZODONE HCL 50MG TAB", "",
                "SIG: TAKE ONE TABLET BY MOUTH AT BEDTIME AS NEEDED FOR SLEEP", note="ACTIVE"),
            Med("ergocalciferol", "50000", "units", "weekly", "oral",
                "ERGOCALCIFEROL 50,000 UNIT CAP", "", "SIG: TAKE ONE CAPSULE BY MOUTH EVERY WEEK",
                note="ACTIVE"),
            Med("albuterol", "2", "puff", "q4h prn", "inhaled", "ALBUTEROL 90MCG/ACTUAT INHL", "",
                "SIG: INHALE 2 PUFFS BY MOUTH EVERY 4 HOURS AS NEEDED FOR SOB/WHEEZING",
                note="PENDING"),
            Med("prednisone", "40", "mg", "daily", "oral", "PREDNISONE 20MG TAB", "",
                "SIG: TAKE TWO TABLETS BY MOUTH EVERY DAY FOR 5 DAYS", status="completed",
                note="EXPIRED"),
            Med("fluticasone", "2", "puff", "bid", "inhaled", "FLUTICASONE PROP 110MCG INHL", "",
                "SIG: INHALE 2 PUFFS BY MOUTH TWICE A DAY", status="discontinued",
                note="DISCONTINUED"),
            Med(BIK, "1", "tab", "daily", "oral",
                "BICTEGRAVIR 50/EMTRICITABINE 200/TENOFOVIR AF 25MG TAB", "",
                "TAKE 1 TABLET BY MOUTH DAILY", note="ACTIVE (NON-VA)"),
        ),  # fmt: skip
        allergies=(_aspirin("ASPIRIN", "sob", "SOB"),),
        vaccines=(
            Vaccine("influenza", "influenza", "88", FLU, "INFLUENZA, UNSPECIFIED FORMULATION"),
            Vaccine("covid-19", "covid-19", "213", COVID, "COVID-19, UNSPECIFIED"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "PNEUMOCOCCAL CONJUGATE PCV 20"),
            *reversed(_zoster(("ZOSTER RECOMBINANT", "ZOSTER RECOMBINANT"))),
            Vaccine("tdap", "tetanus", "115", TDAP_WRONG, "TDAP"),
            *reversed(_hepb("43", ("HEP B, ADULT", "HEP B, ADULT", "HEP B, ADULT"))),
        ),  # fmt: skip
        scans=(ScanProfile(dpi=200, fax=True, skew=-0.3, noise=0.8, blur=0.6, jpeg_quality=36,
                           paper=246),),  # fmt: skip
        font="NimbusMonoPS-Regular",
        extra={
            "fax_header": "NOV-05-2025 08:41 FROM-GULF SOUTH VAHCS PHARM 5045550172 "
            "T-118 P.001/001",
            "rx": "2210457|2210458|2210459|2210460|2210461|2210462|2210463|2211090|2109884|"
            "2109112|",
            "issued": "2025-03-11|2025-03-11|2025-03-11|2025-03-11|2025-03-11|2025-06-02|"
            "2025-06-02|2025-11-03|2025-01-27|2024-04-08|2019-05-20",
            "fill": "2025-10-14|2025-10-14|2025-08-19|2025-10-14|2025-10-14|2025-09-30|"
            "2025-10-14||2025-01-27|2024-12-02|",
            "qty": "30|1|1|30|30|30|4|1|10|1|",
            "refills": "2|3|0|2|2|1|1|5|0|0|",
        },
    )


def _telehealth() -> Document:
    return Document(
        provider="harborline-virtual-care",
        file="harborline-virtual-care/video-visit-2025-12-08.pdf",
        layout="telehealth_visit_printout",
        title="Harborline Virtual Care",
        address=("harborlinecare.example · 1-855-555-0131",),
        document_date="2025-12-08",
        date_kind="visit",
        date_style="mon_d_y",
        name_text="Darius Pellegrino",
        name_value="darius pellegrino",
        dob=DOB,
        mrn_text="HVC-2290417",
        mrn_value="HVC-2290417",
        # planted: montelukast is not on this list; on the four other lists
        meds=(
            Med(BIK, "1", "tab", "daily", "oral", "Biktarvy", "", "1 tab PO daily"),
            Med(SYM, "2", "puff", "bid", "inhaled", "Symbicort 160-4.5 mcg", "",
                "2 puffs inh BID"),
            Med("albuterol", "2", "puff", "q4h prn", "inhaled", "albuterol HFA", "",
                "2 puffs inh q4h PRN"),
            Med("sertraline", "100", "mg", "daily", "oral", "sertraline", "100 mg", "1 po qd"),
            Med("rosuvastatin", "10", "mg", "daily", "oral", "rosuvastatin", "10 mg", "1 po qd"),
            Med("trazodone", "50", "mg", "qhs prn", "oral", "trazodone", "50 mg", "1 po qhs prn"),
            Med("ergocalciferol", "50000", "units", "weekly", "oral", "ergocalciferol",
                "50,000 IU", "i cap po q wk"),
            # planted: an NSAID for the knee under an aspirin allergy on the same page
            Med("meloxicam", "15", "mg", "daily", "oral", "meloxicam (MOBIC) 15 mg tablet", "",
                "Take 1 tablet by mouth once daily with food for 10 days."),
        ),  # fmt: skip
        allergies=(_aspirin("aspirin", "bronchospasm", "bronchospasm"),),
        vaccines=(),
        scans=(ScanProfile(skew=-0.5, noise=0.7, blur=0.9, jpeg_quality=34, paper=243),),
        font="DejaVuSans",
        extra={
            "clinician": "Brandon Whitlock, PA-C",
            "pharmacy": "Levee Street Pharmacy, 611 Levee St, New Orleans, LA (504) 555-0178",
        },
    )


def _wellness() -> Document:
    return Document(
        provider="pelican-bay-worksite-wellness",
        file="pelican-bay-worksite-wellness/screening-2026-01-20.pdf",
        layout="employer_wellness_screening",
        title="Pelican Bay Worksite Wellness",
        address=("Biometric screening services for Gulf Coast Freight Lines, Inc.",
                 "PO Box 52217, Harahan, LA 70123 · (504) 555-0185"),  # fmt: skip
        document_date="2026-01-20",
        date_kind="visit",
        date_style="dotted",
        name_text="PELLEGRINO / DARIUS",
        name_value="darius pellegrino",
        dob=DOB,
        mrn_text="GCF-55810",
        mrn_value="GCF-55810",
        meds=(
            Med(BIK, "1", "tab", "daily", "oral", "Biktarvy", "", "1 tab daily"),
            Med(SYM, "2", "puff", "bid", "inhaled", "Symbicort 160", "", "2 puffs 2x/day"),
            Med("albuterol", "2", "puff", "q4h prn", "inhaled", "ProAir", "", "2 puffs q4h prn"),
            Med("montelukast", "10", "mg", "qhs", "oral", "Singulair", "10 mg", "qhs"),
            Med("sertraline", "100", "mg", "daily", "oral", "Zoloft", "100 mg", "qd"),
            Med("rosuvastatin", "10", "mg", "daily", "oral", "Crestor", "10 mg", "qd"),
            Med("trazodone", "50", "mg", "qhs prn", "oral", "Desyrel", "50 mg", "hs prn"),
            Med("ergocalciferol", "50000", "units", "weekly", "oral", "Drisdol", "50,000 IU",
                "weekly"),
        ),  # fmt: skip
        # planted: no known allergies; aspirin at the four other providers
        allergies=(Allergy("none", "", "", "NKA", status="negated"),),
        vaccines=(
            Vaccine("influenza", "influenza", "88", FLU, "Flu shot"),
            Vaccine("tdap", "tetanus", "115", "2021", "Tdap"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "Prevnar 20"),
            *_zoster(("Shingrix #1", "#2")),
            *_hepb("45", ("Hep B #1", "#2", "#3")),
            Vaccine("covid-19", "covid-19", "213", COVID, "COVID-19"),
        ),
        scans=(ScanProfile(dpi=200, skew=0.6, noise=0.7, blur=0.8, jpeg_quality=36, paper=241),),
        font="NimbusSansNarrow-Regular",
        extra={"screener": "Tamika Broussard, LPN", "employer": "Gulf Coast Freight Lines"},
    )


def holdout7_set() -> SampleSet:
    """Five providers, six pages, eight planted findings in eight categories."""
    return SampleSet(
        name="holdout7",
        seed=20261224,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_id_clinic(), _specialty_pharmacy(), _va_profile(), _telehealth(),
                   _wellness()),  # fmt: skip
        expected_findings=(
            Finding("frequency_mismatch", SYM, "magnolia-id-clinic",
                    "Symbicort 2 puffs ticked only in the Morning column of the pill schedule "
                    "(once a day); twice a day at the four other providers"),
            Finding("future_date", "hepatitis a", "magnolia-id-clinic",
                    "Havrix dose 2 written as 7/8/2091 (2019 keyed as 2091); only the ID clinic "
                    "lists hepatitis A"),
            Finding("identity_mismatch", "dob", "bluestem-specialty-pharmacy",
                    "Date of Birth 09/08/1980 on the welcome letter; September 3, 1980 at the "
                    "four other providers"),
            Finding("dose_mismatch", "sertraline", "gulf-south-va-health-care-system",
                    "SERTRALINE HCL 50MG TAB, ACTIVE, on the VA profile; 100 mg at the four "
                    "other providers"),
            Finding("vaccine_date_conflict", "tdap", "gulf-south-va-health-care-system",
                    "TDAP MAY 14,2020 on the VA immunization list; 5/14/2021 at the ID clinic "
                    "and 2021 on the wellness form"),
            Finding("drug_allergy_conflict", "meloxicam", "harborline-virtual-care",
                    "meloxicam 15 mg once daily prescribed for a knee sprain; aspirin "
                    "(bronchospasm, an NSAID) in the allergy line of the same visit summary"),
            Finding("medication_missing", "montelukast", "harborline-virtual-care",
                    "montelukast (Singulair) is not in the visit's current medication list; on "
                    "the four other lists"),
            Finding("allergy_missing", "aspirin", "pelican-bay-worksite-wellness",
                    "ALLERGIES: NKA on the screening form; aspirin at the four other providers"),
        ),  # fmt: skip
        harmless_variations=(
            "brands vs generics: Biktarvy / BICTEGRAVIR 50/EMTRICITABINE 200/TENOFOVIR AF 25MG "
            "TAB / bictegravir/emtricitabine/tenofovir alafenamide, Symbicort / BUDESONIDE "
            "160/FORMOTEROL 4.5MCG, ProAir, Singulair, Zoloft, Crestor, Desyrel, Drisdol / "
            "vitamin D / Vitamin D2; salts: SERTRALINE HCL, MONTELUKAST NA, ROSUVASTATIN CA, "
            "TRAZODONE HCL",
            "product strengths that are not doses: BIKTARVY 50-200-25 MG, 160/4.5 mcg, 160-4.5 "
            "mcg and Symbicort 160 (taken as 2 puffs), 90 mcg and 90MCG/ACTUAT (2 puffs), the "
            "20MG prednisone tablet taken as 2",
            "frequency wording: once daily / daily / qd / 1 po qd / EVERY DAY / every morning / "
            "the Morning column (sertraline, one dose a day); twice a day / BID / 2x/day; "
            "every evening / with supper / the Evening column (rosuvastatin, daily); at bedtime "
            "/ qhs / hs / the Bedtime column; q4h PRN / every 4 hours if needed / as needed; "
            "once a week / weekly / q wk / EVERY WEEK / Sundays only",
            "route wording: by mouth / PO / po / none written; inh / INHALE ... BY MOUTH for "
            "inhalers",
            "units: 50,000 units / 50,000 IU / 50,000 UNIT",
            "VA statuses: ALBUTEROL PENDING (a renewal of the same active order), PREDNISONE "
            "EXPIRED (a finished 5-day burst), FLUTICASONE DISCONTINUED (replaced by "
            "Symbicort), Biktarvy ACTIVE (NON-VA); Biktarvy again in the ID clinic's plan",
            "one-provider items: meloxicam at the telehealth visit (whose only finding is the "
            "allergy conflict); prednisone and fluticasone, inactive, at the VA; hepatitis A "
            "only at the ID clinic (whose only finding is the future date)",
            "allergy reactions written differently: wheezing / SOB / bronchospasm / none "
            "written at the pharmacy",
            "date formats: 9/16/2025, 22-Sep-2025, SEP 3,1980, Nov-04-25, Dec 8, 2025, "
            "01.20.2026; the partial Tdap date 2021 on the wellness form; hepatitis B written "
            "as Engerix-B (CVX 43), HEP B, ADULT (43) or Hep B (45), same dates",
            "name forms: Pellegrino, Darius M / Darius M. Pellegrino / PELLEGRINO,DARIUS M / "
            "Darius Pellegrino / PELLEGRINO / DARIUS; each provider's own record number (MRN, "
            "Member #, VA#, ID:, Employee ID)",
            "numbers that are not doses or facts: Rx numbers, quantities, refills, days supply, "
            "calendar day numbers, CD4 count, viral load, labs, vital signs, BMI, cholesterol, "
            "glucose, A1c, copays",
            "dates that are not facts: the fax header, issue, last-fill and expiration dates, "
            "the shipment and intake-call dates, lab dates, the calendar month, the follow-up "
            "date, the flu shot due next season",
        ),
        scans_dir="holdout7/scans",
        truth_file="holdout7/truth.json",
    )
