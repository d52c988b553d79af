"""Scenario of the eighth held-out set: rheumatoid arthritis on a biologic, hypothyroidism, migraine."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "colette r vandermeer"
NAME_WRONG = "colette r vandemeer"  # planted at the neurology letter: the second r dropped
DOB = "1973-06-14"

# CVX (CDC table): 88 influenza unspecified, 140 influenza seasonal injectable preservative
# free (trivalent), 213 COVID-19 unspecified, 309 COVID-19 mRNA tris-sucrose 30 mcg/0.3 mL
# (Comirnaty 12 years and up), 216 PCV20, 115 Tdap, 187 zoster recombinant, 189 hepatitis B
# CpG-adjuvanted (Heplisav-B).
FLU = "2025-10-03"
COVID = "2025-10-03"
PCV = "2024-03-05"
PCV_WRONG = "2023-03-05"  # planted at the gynecology visit: the year before
TDAP = "2019-08-22"
RZV = ("2024-03-05", "2024-06-11")
HEPB = ("2025-08-12", "2052-09-09")  # planted: dose 2 of 2025-09-09 keyed as 2052

# Every 14 days is 336 hours: the vocabulary's q<N>h, as it has no every-two-weeks code.
Q2WK = "q336h"


def _pcn(text: str, reaction: str, reaction_text: str) -> Allergy:
    return Allergy("penicillin", "penicillins", reaction, text, reaction_text)


def _sulfa(text: str, reaction_text: str) -> Allergy:
    return Allergy("sulfa", "sulfonamide antibiotics", "rash", text, reaction_text)


def _codeine(text: str, reaction_text: str) -> Allergy:
    return Allergy("codeine", "opioids", "nausea", text, reaction_text)


def _neurology() -> Document:
    return Document(
        provider="lakehead-headache-neurology",
        file="lakehead-headache-neurology/letter-2025-09-08.pdf",
        layout="neurology_patient_letter",
        title="Lakehead Neurology Associates",
        address=("Headache & Facial Pain Program",
                 "1180 Harbor View Parkway, Suite 310, Duluth, MN 55802",
                 "Tel (218) 555-0142  ·  Fax (218) 555-0143"),  # fmt: skip
        document_date="2025-09-08",
        date_kind="report",
        date_style="d_month_y",
        name_text="Colette R. Vandemeer",
        name_value=NAME_WRONG,
        dob=DOB,
        mrn_text="2207-4418",
        mrn_value="2207-4418",
        # meds[0:4] are the migraine plan, meds[4:] the medicines the letter leaves alone
        meds=(
            Med("erenumab", "70", "mg", "monthly", "subcutaneous", "Aimovig (erenumab) 70 mg:",
                "", "keep injecting one pen under the skin once a month."),
            Med("sumatriptan", "50", "mg", "prn", "oral", "Sumatriptan 50 mg:", "",
                "take 1 tablet at the start of a migraine. You may take a second tablet after "
                "2 hours if the headache comes back. No more than 2 tablets in 24 hours."),
            Med("ondansetron", "4", "mg", "tid prn", "oral", "NEW - ondansetron 4 mg ODT:", "",
                "let one tablet melt on your tongue every 8 hours if needed for nausea."),
            Med("topiramate", "25", "mg", "qhs", "oral", "STOP topiramate:", "",
                "take 25 mg at bedtime for 7 days, then stop.", status="discontinued"),
            Med("methotrexate", "15", "mg", "weekly", "oral", "methotrexate 15 mg once a week",
                "", "(Fridays)"),
            Med("folic acid", "1", "mg", "daily", "oral", "folic acid 1 mg daily", "", ""),
            Med("adalimumab", "40", "mg", Q2WK, "subcutaneous",
                "Humira 40 mg injection every 14 days", "", ""),
            Med("hydroxychloroquine", "200", "mg", "bid", "oral", "Plaquenil 200 mg twice a day",
                "", ""),
            Med("levothyroxine", "75", "mcg", "qam", "oral", "levothyroxine 75 mcg each morning",
                "", ""),
        ),  # fmt: skip
        allergies=(
            _pcn("penicillin", "anaphylaxis", "anaphylaxis"),
            _sulfa("sulfa", "rash"),
            _codeine("codeine", "nausea"),
        ),
        vaccines=(),
        scans=(ScanProfile(skew=-0.4, noise=0.5, blur=0.9, jpeg_quality=30, paper=244),),
        font="C059-Roman",
        extra={"visit": "2025-09-05", "doctor": "Anneliese Korhonen, MD",
               "allergies": "penicillin (anaphylaxis)|sulfa (rash)|codeine (nausea)"},
    )


def _rheumatology() -> Document:
    return Document(
        provider="north-shore-rheumatology-infusion",
        file="north-shore-rheumatology-infusion/nurse-visit-2025-10-14.pdf",
        layout="rheum_biologic_nurse_visit",
        title="North Shore Rheumatology & Infusion Center",
        address=("2402 London Road, Building B, Duluth, MN 55812 · (218) 555-0171 · "
                 "Fax (218) 555-0172",),  # fmt: skip
        document_date="2025-10-14",
        date_kind="visit",
        date_style="dash",
        name_text="VANDERMEER, COLETTE R",
        name_value=NAME,
        dob=DOB,
        mrn_text="RA0091573",
        mrn_value="RA0091573",
        # DMARD/biologic table: name_text = Drug, strength_text = Dose, sig_text = Frequency;
        # the rest is the "Other medications" table (name, strength, directions)
        meds=(
            Med("methotrexate", "15", "mg", "weekly", "oral", "Methotrexate 2.5 mg tab",
                "15 mg (6 tabs)", "weekly (Fri)"),
            Med("folic acid", "1", "mg", "daily", "oral", "Folic acid 1 mg tab", "1 mg",
                "daily except MTX day"),
            Med("adalimumab", "40", "mg", Q2WK, "subcutaneous", "Humira Pen 40 mg/0.4 mL",
                "40 mg", "q2wk"),
            Med("hydroxychloroquine", "200", "mg", "bid", "oral", "Plaquenil 200 mg tab",
                "200 mg", "BID"),
            Med("levothyroxine", "75", "mcg", "daily", "oral", "Synthroid", "75 mcg",
                "1 tab PO daily"),
            Med("erenumab", "70", "mg", "monthly", "subcutaneous", "Aimovig autoinjector",
                "70 mg", "SC qMonth"),
            Med("sumatriptan", "50", "mg", "prn", "oral", "Sumatriptan", "50 mg",
                "PO PRN migraine, max 2/day"),
            Med("ondansetron", "4", "mg", "tid prn", "oral", "Ondansetron ODT", "4 mg",
                "q8h PRN nausea"),
        ),  # fmt: skip
        allergies=(
            _pcn("PCN", "anaphylaxis", "anaphylaxis"),
            _sulfa("Sulfa", "rash"),
            _codeine("Codeine", "nausea - intolerance"),
        ),
        # planted: no Shingrix in the reviewed record; both doses at the pharmacy and the
        # gynecology visit
        vaccines=(
            Vaccine("influenza", "influenza", "88", FLU, "Influenza 2025-26"),
            Vaccine("covid-19", "covid-19", "213", COVID, "COVID-19 2025-26"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "Prevnar 20"),
            Vaccine("tdap", "tetanus", "115", TDAP, "Boostrix"),
            Vaccine("hepatitis b", "hepatitis b", "189", HEPB[0], "Heplisav-B"),
            Vaccine("hepatitis b", "hepatitis b", "189", HEPB[1], "Heplisav-B"),
        ),
        scans=(ScanProfile(skew=0.5, noise=0.5, blur=0.9, jpeg_quality=30, paper=242),),
        font="Vera",
        extra={
            "start": "2023-04-18|2023-04-18|2023-11-07|2019-10-08",
            "last": "2025-10-10|2025-10-13|2025-10-03|2025-10-14",
            "given": "Pharmacy|Pharmacy|Pharmacy|Pharmacy|This clinic|This clinic",
            "nurse": "Brita Lindqvist, RN",
            "allergies": "PCN - anaphylaxis|Sulfa (rash)|Codeine - nausea (intolerance)",
        },
    )


def _ophthalmology() -> Document:
    return Document(
        provider="arrowhead-eye-clinic",
        file="arrowhead-eye-clinic/exam-2025-11-20.pdf",
        layout="ophthalmology_hcq_screening",
        title="Arrowhead Eye Clinic",
        address=("Comprehensive Ophthalmology · Retina",
                 "415 E Superior St, Duluth, MN 55802 · (218) 555-0186"),  # fmt: skip
        document_date="2025-11-20",
        date_kind="visit",
        date_style="us",
        name_text="Colette R Vandermeer",
        name_value=NAME,
        dob=DOB,
        mrn_text="51-88207",
        mrn_value="51-88207",
        meds=(
            # planted: the weekly methotrexate transcribed as daily; weekly at the five others
            Med("methotrexate", "15", "mg", "daily", "oral", "Methotrexate 2.5 mg", "",
                "6 tabs (15 mg) PO daily"),
            Med("folic acid", "1", "mg", "daily", "oral", "Folic acid 1 mg", "", "PO daily"),
            Med("adalimumab", "40", "mg", Q2WK, "subcutaneous", "Humira 40 mg", "",
                "subQ every other week"),
            Med("hydroxychloroquine", "200", "mg", "bid", "oral", "Plaquenil 200 mg", "",
                "1 tab PO BID"),
            Med("levothyroxine", "0.075", "mg", "daily", "oral", "Levothyroxine 0.075 mg", "",
                "PO daily"),
            Med("erenumab", "70", "mg", "monthly", "subcutaneous", "Aimovig 70 mg/mL", "",
                "SC monthly"),
            Med("sumatriptan", "50", "mg", "prn", "oral", "Imitrex 50 mg", "", "PO PRN"),
            Med("ondansetron", "4", "mg", "tid prn", "oral", "Zofran ODT 4 mg", "",
                "q8h PRN"),
            Med("cyclosporine", "1", "drop", "bid", "ophthalmic", "Restasis 0.05%", "",
                "1 gtt OU BID"),
        ),  # fmt: skip
        allergies=(
            _pcn("Penicillin", "anaphylaxis", "anaphylaxis"),
            _sulfa("Sulfa drugs", "rash"),
            _codeine("Codeine", "nausea"),
        ),
        vaccines=(),
        scans=(ScanProfile(dpi=200, skew=0.3, noise=0.6, blur=0.7, jpeg_quality=34, paper=243),),
        font="URWGothic-Book",
        extra={"doctor": "Tobias Haugland, MD", "tech": "K. Aho, COA",
               "allergies": "Penicillin (anaphylaxis)|Sulfa drugs (rash)|Codeine (nausea)"},
    )


def _physical_therapy() -> Document:
    return Document(
        provider="bayfront-hand-physical-therapy",
        file="bayfront-hand-physical-therapy/intake-2025-12-03.pdf",
        layout="pt_intake_handwritten",
        title="Bayfront Hand & Physical Therapy",
        address=("22 N Lake Ave, Duluth, MN 55802", "(218) 555-0158 · Fax (218) 555-0159"),
        document_date="2025-12-03",
        date_kind="visit",
        date_style="hand",
        name_text="Colette Vandermeer",
        name_value="colette vandermeer",
        dob=DOB,
        mrn_text="PT-30418",
        mrn_value="PT-30418",
        meds=(
            Med("methotrexate", "15", "mg", "weekly", "oral", "Methotrexate", "6 pills (15mg)",
                "every Friday"),
            Med("folic acid", "1", "mg", "daily", "oral", "Folic acid", "1mg",
                "every day but Friday"),
            Med("adalimumab", "40", "mg", Q2WK, "subcutaneous", "Humira shot", "40 mg",
                "every 2 weeks"),
            Med("hydroxychloroquine", "200", "mg", "bid", "oral", "Plaquenil", "200",
                "2x a day"),
            Med("levothyroxine", "75", "mcg", "qam", "oral", "Levothyroxine (thyroid)", "75 mcg",
                "every morning"),
            Med("erenumab", "70", "mg", "monthly", "subcutaneous", "Aimovig shot", "70mg",
                "once a month"),
            # planted: 100 mg in her own hand; 50 mg at the five others
            Med("sumatriptan", "100", "mg", "prn", "oral", "Imitrex", "100 mg",
                "when I get a migraine (max 2 a day)"),
            Med("ondansetron", "4", "mg", "tid prn", "oral", "Zofran melts", "4mg",
                "if nauseous, up to 3 a day"),
        ),  # fmt: skip
        allergies=(
            _pcn("PCN", "anaphylaxis", "anaphylaxis"),
            _sulfa("Sulfa", "rash"),
            _codeine("codeine", "nausea"),
        ),
        vaccines=(),
        scans=(ScanProfile(skew=2.2, noise=0.5, blur=0.9, jpeg_quality=30, paper=241),),
        font="Helvetica",
        extra={"referrer": "Dr. Ingrid Solberg (rheum)",
               "allergies": "PCN - anaphylaxis|Sulfa (rash)|codeine (nausea)"},
    )


def _pharmacy() -> Document:
    return Document(
        provider="harborside-drug",
        file="harborside-drug/patient-profile-2026-01-09.pdf",
        layout="pharmacy_profile_landscape",
        title="Harborside Drug #118",
        address=("1901 W Superior St, Duluth MN 55806", "(218) 555-0123"),
        document_date="2026-01-09",
        date_kind="printed",
        date_style="ymd_slash",
        name_text="VANDERMEER, COLETTE R",
        name_value=NAME,
        dob=DOB,
        mrn_text="4471920",
        mrn_value="4471920",
        # name_text is the DRUG column, sig_text the SIG column
        meds=(
            Med("adalimumab", "40", "mg", Q2WK, "subcutaneous", "HUMIRA PEN 40 MG/0.4 ML", "",
                "INJECT 40 MG SUBCUTANEOUSLY EVERY 14 DAYS"),
            Med("erenumab", "70", "mg", "monthly", "subcutaneous", "AIMOVIG 70 MG/ML AUTOINJ", "",
                "INJECT 70 MG UNDER THE SKIN ONCE A MONTH"),
            Med("folic acid", "1", "mg", "daily", "oral", "FOLIC ACID 1 MG TAB", "",
                "TAKE 1 TABLET BY MOUTH DAILY EXCEPT ON METHOTREXATE DAY"),
            Med("hydroxychloroquine", "200", "mg", "bid", "oral", "HYDROXYCHLOROQUINE 200 MG TAB",
                "", "TAKE 1 TAB BY MOUTH 2X DAILY WITH FOOD"),
            Med("levothyroxine", "75", "mcg", "daily", "oral", "LEVOTHYROXINE 75 MCG TAB", "",
                "TAKE 1 TAB BY MOUTH DAILY ON AN EMPTY STOMACH"),
            Med("methotrexate", "15", "mg", "weekly", "oral", "METHOTREXATE 2.5 MG TAB", "",
                "TAKE 6 TABLETS (15 MG) BY MOUTH ONCE WEEKLY ON FRIDAY"),
            Med("ondansetron", "4", "mg", "tid prn", "oral", "ONDANSETRON ODT 4 MG", "",
                "DISSOLVE 1 TAB ON TONGUE EVERY 8 HOURS AS NEEDED FOR NAUSEA"),
            Med("sumatriptan", "50", "mg", "prn", "oral", "SUMATRIPTAN SUCC 50 MG TAB", "",
                "1 TAB AT ONSET OF MIGRAINE, MAY REPEAT IN 2 HRS. MAX 2 TABS/24 HRS"),
        ),  # fmt: skip
        # planted: penicillin (anaphylaxis) is not on the profile; at the five others
        allergies=(
            Allergy("sulfa", "sulfonamide antibiotics", "rash", "SULFA (SULFONAMIDE ANTIBIOTICS)",
                    "RASH"),
            _codeine("CODEINE", "NAUSEA - INTOLERANCE"),
        ),  # fmt: skip
        vaccines=(
            Vaccine("influenza", "influenza", "140", FLU, "FLUZONE TRIV 2025-26 PF 0.5 ML"),
            Vaccine("covid-19", "covid-19", "309", COVID, "COMIRNATY 2025-26 30 MCG/0.3 ML"),
            Vaccine("zoster", "zoster", "187", RZV[1], "SHINGRIX 0.5 ML"),
            Vaccine("zoster", "zoster", "187", RZV[0], "SHINGRIX 0.5 ML"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "PREVNAR 20 0.5 ML"),
            Vaccine("tdap", "tetanus", "115", TDAP, "BOOSTRIX (TDAP) 0.5 ML"),
        ),
        scans=(ScanProfile(dpi=200, skew=-0.3, noise=0.8, blur=0.6, jpeg_quality=40,
                           paper=245),),  # fmt: skip
        font="DejaVuSansMono",
        extra={
            "rx": "6604187|6611342|6598820|6598821|6598822|6598823|6611343|6611344",
            "qty": "2|1|78|180|90|72|30|9",
            "days": "28|30|90|90|90|84|10|30",
            "fill": "2025-12-30|2025-12-18|2025-11-21|2025-11-21|2025-11-21|2025-11-21|"
            "2025-09-09|2025-09-09",
            "refills": "3|9|2|2|3|1|1|2",
            "prescriber": "SOLBERG I|KORHONEN A|SOLBERG I|SOLBERG I|NYSTROM P|SOLBERG I|"
            "KORHONEN A|KORHONEN A",
            "dose_no": "||2 OF 2|1 OF 2||",
            "allergies": "SULFA (SULFONAMIDE ANTIBIOTICS) - RASH|CODEINE - NAUSEA (INTOLERANCE)",
        },
    )


def _gynecology() -> Document:
    return Document(
        provider="zenith-womens-health",
        file="zenith-womens-health/annual-exam-2026-02-17.pdf",
        layout="gyn_annual_exam_fax",
        title="Zenith Women's Health Partners",
        address=("3200 Tower Ave, Suite 12, Superior, WI 54880 · (715) 555-0194",),
        document_date="2026-02-17",
        date_kind="visit",
        date_style="us",
        name_text="Colette R Vandermeer",
        name_value=NAME,
        dob=DOB,
        mrn_text="ZWH-0062187",
        mrn_value="ZWH-0062187",
        # meds[:8] are "Current Outpatient Medications" (name line, then sig); meds[8] the new
        # prescription in the plan
        meds=(
            Med("adalimumab", "40", "mg", Q2WK, "subcutaneous",
                "adalimumab (HUMIRA PEN) 40 mg/0.4 mL pen kit", "",
                "Inject 0.4 mL (40 mg total) under the skin every 14 (fourteen) days."),
            Med("erenumab", "70", "mg", "monthly", "subcutaneous",
                "erenumab-aooe (AIMOVIG AUTOINJECTOR) 70 mg/mL", "",
                "Inject 1 mL (70 mg total) under the skin once a month."),
            Med("folic acid", "1", "mg", "daily", "oral", "folic acid (FOLVITE) 1 mg tablet", "",
                "Take 1 tablet (1 mg total) by mouth daily. Skip on methotrexate day."),
            Med("hydroxychloroquine", "200", "mg", "bid", "oral",
                "hydroxychloroquine (PLAQUENIL) 200 mg tablet", "",
                "Take 1 tablet (200 mg total) by mouth 2 (two) times a day."),
            Med("levothyroxine", "75", "mcg", "daily", "oral",
                "levothyroxine (SYNTHROID) 75 mcg tablet", "",
                "Take 1 tablet (75 mcg total) by mouth daily before breakfast."),
            Med("methotrexate", "15", "mg", "weekly", "oral", "methotrexate 2.5 mg tablet", "",
                "Take 6 tablets (15 mg total) by mouth once a week. Take on Fridays."),
            Med("ondansetron", "4", "mg", "tid prn", "oral",
                "ondansetron (ZOFRAN-ODT) 4 mg disintegrating tablet", "",
                "Take 1 tablet (4 mg total) by mouth every 8 (eight) hours as needed for "
                "nausea."),
            Med("sumatriptan", "50", "mg", "prn", "oral", "SUMAtriptan (IMITREX) 50 mg tablet", "",
                "Take 1 tablet at onset of migraine; may repeat once in 2 hours. Max 2 "
                "tablets per day."),
            # planted: a sulfonamide antibiotic prescribed under the sulfa allergy above
            Med("sulfamethoxazole-trimethoprim", "800-160", "mg", "bid", "oral",
                "sulfamethoxazole-trimethoprim (BACTRIM DS) 800-160 mg tablet", "",
                "Take 1 tablet by mouth 2 (two) times a day for 3 days."),
        ),  # fmt: skip
        allergies=(
            _pcn("Penicillins", "anaphylaxis", "Anaphylaxis"),
            _sulfa("Sulfa Antibiotics", "Rash"),
            _codeine("Codeine", "Nausea (intolerance)"),
        ),
        vaccines=(
            Vaccine("covid-19", "covid-19", "213", COVID, "COVID-19 vaccine (2025-26)"),
            Vaccine("influenza", "influenza", "88", FLU, "Influenza vaccine"),
            # planted: a year early; 2024-03-05 at the rheumatology visit and the pharmacy
            Vaccine("pneumococcal", "pneumococcal", "216", PCV_WRONG, "Pneumococcal conjugate PCV20"),
            Vaccine("tdap", "tetanus", "115", TDAP, "Tdap"),
            Vaccine("zoster", "zoster", "187", RZV[0], "Zoster recombinant (Shingrix)"),
            Vaccine("zoster", "zoster", "187", RZV[1], "Zoster recombinant (Shingrix)"),
        ),  # fmt: skip
        scans=(
            ScanProfile(dpi=200, fax=True, skew=0.4, noise=0.6, blur=0.6, jpeg_quality=32,
                        paper=246),
            ScanProfile(dpi=200, fax=True, skew=-0.2, noise=0.6, blur=0.6, jpeg_quality=32,
                        paper=246),
        ),  # fmt: skip
        font="Times-Roman",
        extra={
            "fax": "02/18/2026 09:12 ZENITH WOMENS HEALTH 7155550195 -> 2185550172",
            "doctor": "Marguerite Ostby, CNM",
            "allergies": "Penicillins;Anaphylaxis|Sulfa Antibiotics;Rash|Codeine;Nausea",
        },
    )


def holdout8_set() -> SampleSet:
    """Six providers, seven pages, eight planted findings in eight categories."""
    return SampleSet(
        name="holdout8",
        seed=20270108,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_neurology(), _rheumatology(), _ophthalmology(), _physical_therapy(),
                   _pharmacy(), _gynecology()),  # fmt: skip
        expected_findings=(
            Finding("identity_mismatch", "name", "lakehead-headache-neurology",
                    "Colette R. Vandemeer in the letter's address block, RE line and greeting; "
                    "Vandermeer at the five other providers"),
            Finding("vaccine_missing", "zoster", "north-shore-rheumatology-infusion",
                    "the immunization review for biologic therapy lists no Shingrix; both doses "
                    "(2024-03-05, 2024-06-11) at the pharmacy and the gynecology visit"),
            Finding("future_date", "hepatitis b", "north-shore-rheumatology-infusion",
                    "Heplisav-B dose 2 written as 09-09-2052 (2025 keyed as 2052); only the "
                    "rheumatology center lists hepatitis B"),
            Finding("frequency_mismatch", "methotrexate", "arrowhead-eye-clinic",
                    "Methotrexate 2.5 mg, 6 tabs (15 mg) PO daily on the eye clinic's systemic "
                    "medication list; once a week (Fridays) at the five other providers"),
            Finding("dose_mismatch", "sumatriptan", "bayfront-hand-physical-therapy",
                    "Imitrex 100 mg in the patient's handwritten medication list; 50 mg at the "
                    "five other providers"),
            Finding("allergy_missing", "penicillin", "harborside-drug",
                    "the pharmacy profile lists only sulfa and codeine; penicillin (anaphylaxis) "
                    "at the five other providers"),
            Finding("drug_allergy_conflict", "sulfamethoxazole-trimethoprim",
                    "zenith-womens-health",
                    "Bactrim DS prescribed for a urinary tract infection; sulfa antibiotics "
                    "(rash) in the allergy table of the same visit note"),
            Finding("vaccine_date_conflict", "pneumococcal", "zenith-womens-health",
                    "PCV20 03/05/2023 in the gynecology health-maintenance table; 2024-03-05 "
                    "(03-05-2024, 2024/03/05) at the rheumatology center and the pharmacy"),
        ),  # fmt: skip
        harmless_variations=(
            "brands vs generics: Humira / HUMIRA PEN / adalimumab, Aimovig / erenumab-aooe, "
            "Plaquenil / hydroxychloroquine, Synthroid / levothyroxine, Imitrex / SUMAtriptan "
            "/ SUMATRIPTAN SUCC, Zofran ODT / Zofran melts / ondansetron ODT, FOLVITE / folic "
            "acid; tall-man SUMAtriptan",
            "product strengths that are not doses: 2.5 mg methotrexate tablets taken as 6 (15 "
            "mg), 40 mg/0.4 mL pen, 70 mg/mL autoinjector, Restasis 0.05%, the 400 mg/day and "
            "mg/kg arithmetic of the eye exam's dosing check",
            "levothyroxine written as 0.075 mg at the eye clinic and 75 mcg elsewhere",
            "frequency wording: once a week / weekly (Fri) / every Friday / ONCE WEEKLY ON "
            "FRIDAY; daily / daily except MTX day / every day but Friday / DAILY EXCEPT ON "
            "METHOTREXATE DAY (folic acid, one dose a day); every 14 days / q2wk / every other "
            "week / every 2 weeks (adalimumab); once a month / qMonth / monthly (erenumab); "
            "each morning / every morning / daily / daily before breakfast / DAILY ON AN EMPTY "
            "STOMACH (levothyroxine); twice a day / BID / 2x a day / 2X DAILY; every 8 hours if "
            "needed / q8h PRN / up to 3 a day (ondansetron); at the start of a migraine / PRN "
            "migraine, max 2/day / AT ONSET OF MIGRAINE (sumatriptan)",
            "route wording: by mouth / PO / none written; under the skin / SC / subQ / "
            "SUBCUTANEOUSLY / shot; ODT tablets melted on the tongue are oral",
            "allergy and intolerance wording: PCN / Penicillins / penicillin; Sulfa / Sulfa drugs "
            "/ Sulfa Antibiotics / SULFA (SULFONAMIDE ANTIBIOTICS); codeine listed as an "
            "intolerance (nausea) at every provider that lists allergies",
            "one-provider items: topiramate being tapered off in the neurology letter; Restasis "
            "eye drops at the eye clinic; Bactrim DS at the gynecology visit (whose finding is "
            "the allergy conflict); hepatitis B only at the rheumatology center (whose finding is "
            "the future date)",
            "vaccine names and codes: Influenza 2025-26 / FLUZONE TRIV 2025-26 PF (CVX 140) / "
            "Influenza vaccine (88); COVID-19 2025-26 (213) / COMIRNATY 2025-26 30 MCG/0.3 ML "
            "(309); Prevnar 20 / PREVNAR 20 / PCV20; Boostrix / BOOSTRIX (TDAP) / Tdap; "
            "Shingrix / Zoster recombinant; 0.5 ML volumes; the pharmacy's most-recent-first "
            "order",
            "date formats: 8 September 2025, 14 June 1973, 10-14-2025, 11/20/2025, Dec 3, '25 "
            "and 6/14/73 handwritten, 2026/01/09, 02/17/2026; Fall 2019 (when RA and "
            "hydroxychloroquine began, not a fact)",
            "name forms: Colette R Vandermeer / VANDERMEER, COLETTE R / Colette Vandermeer; "
            "each provider's own record number (Patient #, Med Rec #, Chart #, Client ID, "
            "Pt #, MRN)",
            "numbers that are not doses or facts: Rx numbers, quantities, days supply, refills, "
            "visual acuity, intraocular pressure, OCT thickness, labs (QuantiFERON, CBC, ALT, "
            "creatinine, TSH), vital signs, pain scores, urinalysis, weight, copays",
            "dates that are not facts: the visit date inside the neurology letter, drug start "
            "and last-dose dates, last-fill dates, lab dates, the fax header, the next Humira "
            "due date, mammogram and Pap dates, the follow-up dates",
            "live vaccines named only as ones to avoid on Humira (MMR, varicella, FluMist), and "
            "Shingrix named in the rheumatology plan as a recommendation, not as given",
        ),
        scans_dir="holdout8/scans",
        truth_file="holdout8/truth.json",
    )
