"""Scenario of the tenth held-out set: Crohn's disease on infliximab, asthma and ADHD at 29."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "marcus e thibodeaux"
DOB = "1997-02-11"
DOB_WRONG = "1997-02-17"  # planted at student health: the 1 keyed as a 7

# CVX (CDC table): 03 MMR, 21 varicella, 45 hepatitis B unspecified, 115 Tdap, 88 influenza
# unspecified, 213 COVID-19 unspecified, 216 PCV20.
MMR = ("1998-02-20", "2001-08-14")
VAR = ("1998-02-20", "2001-08-14")
HEPB = ("1997-02-12", "1997-03-18", "1997-08-20")
HEPB_WRONG = "2097-08-20"  # planted at student health: the century keyed wrong
TDAP = "2019-08-26"
FLU = "2026-09-15"
COVID = "2025-10-02"
PCV = "2026-03-10"
PCV_WRONG = "2026-03-19"  # planted at the asthma clinic: day digits exchanged

# Infliximab 5 mg/kg at 80 kg, interval shortened from 8 to 4 weeks (q672h).
INFLIXIMAB = ("infliximab", "400", "mg", "q672h", "intravenous")
SYMBICORT = ("budesonide-formoterol", "2", "puff", "bid", "inhaled")
ALBUTEROL = ("albuterol", "2", "puff", "q4-6h prn", "inhaled")
VYVANSE = ("lisdexamfetamine", "40", "mg", "qam", "oral")
MONTELUKAST = ("montelukast", "10", "mg", "qhs", "oral")
VITAMIN_D = ("cholecalciferol", "2000", "units", "daily", "oral")
B12 = ("cyanocobalamin", "1000", "mcg", "monthly", "intramuscular")
EPIPEN = ("epinephrine", "0.3", "mg", "prn", "intramuscular")
CLOBETASOL = ("clobetasol", "0.05", "%", "bid", "topical")


def _sulfa(text: str, reaction_text: str) -> Allergy:
    return Allergy("sulfa", "sulfonamide antibiotics", "hives", text, reaction_text)


def _peanut(text: str, reaction_text: str) -> Allergy:
    return Allergy("peanut", "food", "anaphylaxis", text, reaction_text)


def _ed() -> Document:
    return Document(
        provider="vermilion-general-hospital-ed",
        file="vermilion-general-hospital-ed/triage-assessment-2026-07-11.pdf",
        layout="ed_nurse_triage",
        title="Vermilion General Hospital",
        address=("Emergency Department", "2400 Ambassador Caffery Pkwy, Lafayette, LA 70506",
                 "ED (337) 555-0140"),  # fmt: skip
        document_date="2026-07-11",
        date_kind="visit",
        date_style="m_d_y",
        name_text="THIBODEAUX, MARCUS EMILE",
        name_value="marcus emile thibodeaux",
        dob=DOB,
        mrn_text="E4471920",
        mrn_value="E4471920",
        # name_text = Medication, strength_text = Dose, sig_text = Frequency (as the patient said)
        meds=(
            Med(*INFLIXIMAB, "Inflectra (infliximab) infusion", "400 mg IV", "q 4 wks"),
            # planted: once a day; twice a day at the three other providers that list it
            Med("budesonide-formoterol", "2", "puff", "daily", "inhaled",
                "Symbicort 160/4.5 inhaler", "2 puffs", "once a day"),
            Med(*ALBUTEROL, "Albuterol HFA (rescue)", "2 puffs", "q4-6h prn"),
            Med(*MONTELUKAST, "Singulair", "10 mg PO", "at night"),
            Med(*VYVANSE, "Vyvanse", "40 mg PO", "qAM"),
            Med(*VITAMIN_D, "Vit D3", "2000 IU PO", "daily"),
            Med(*B12, "B12 shot", "1000 mcg IM", "monthly"),
            Med(*EPIPEN, "EpiPen", "0.3 mg IM", "prn"),
        ),  # fmt: skip
        allergies=(_sulfa("Sulfa drugs", "hives"), _peanut("Peanut", "anaphylaxis")),
        vaccines=(Vaccine("tdap", "tetanus", "115", "2019", "Tdap"),),
        scans=(ScanProfile(dpi=200, fax=True, skew=-0.6, noise=0.6, blur=0.6, jpeg_quality=36,
                           paper=247),),  # fmt: skip
        font="DejaVuSansMono",
        extra={
            "fax": "07/12/2026 02:07   VGH ED HIM   3375550141 -> 3375550162   P. 1/1",
            "last": "06/30 (infusion ctr)|this AM|22:30 tonight|last night|this AM|"
                    "this AM|07/01|never used",
            "rn": "Brittany Guidry, RN",
        },  # fmt: skip
    )


def _gi() -> Document:
    return Document(
        provider="acadiana-ibd-center",
        file="acadiana-ibd-center/progress-note-2026-09-22.pdf",
        layout="gi_problem_oriented_note",
        title="Acadiana Digestive & IBD Center",
        address=("1101 Camellia Blvd, Suite 300, Lafayette, LA 70508",
                 "Clinic 337-555-0161 | Fax 337-555-0162 | Infusion suite 337-555-0163"),
        document_date="2026-09-22",
        date_kind="visit",
        date_style="us",
        name_text="Thibodeaux, Marcus E.",
        name_value=NAME,
        dob=DOB,
        mrn_text="AIC-0048213",
        mrn_value="AIC-0048213",
        # planted: no montelukast under the asthma problem; on the three other lists
        meds=(
            Med(*INFLIXIMAB, "infliximab-dyyb (INFLECTRA)", "400 mg", "IV every 4 weeks"),
            Med(*B12, "cyanocobalamin", "1,000 mcg", "IM monthly"),
            Med(*VITAMIN_D, "vitamin D3", "2,000 IU", "by mouth daily"),
            Med(*SYMBICORT, "Symbicort 160/4.5 mcg", "2 puffs", "inhaled twice daily"),
            Med(*ALBUTEROL, "albuterol HFA", "2 puffs", "every 4-6 hours PRN wheeze"),
            Med(*VYVANSE, "Vyvanse", "40 mg", "PO every morning"),
            Med(*EPIPEN, "EpiPen", "0.3 mg", "IM PRN anaphylaxis"),
        ),  # fmt: skip
        allergies=(_sulfa("Sulfa drugs", "hives"), _peanut("Peanuts", "anaphylaxis")),
        # planted: no COVID-19 vaccine on record; 10/02/2025 at student health and the asthma clinic
        vaccines=(
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "PCV20 (Prevnar 20)"),
            Vaccine("influenza", "influenza", "88", FLU, "Influenza"),
            Vaccine("tdap", "tetanus", "115", TDAP, "Tdap"),
        ),
        scans=(
            ScanProfile(skew=0.3, noise=0.5, blur=0.8, jpeg_quality=34, paper=244),
            ScanProfile(skew=-0.2, noise=0.5, blur=0.8, jpeg_quality=34, paper=244),
        ),
        font="DejaVuSerifCondensed",
        extra={"doctor": "Anne-Marie Broussard, MD", "weight": "80.2 kg"},
    )


def _student_health() -> Document:
    return Document(
        provider="bayou-state-university-student-health",
        file="bayou-state-university-student-health/immunization-compliance-2026-09-28.pdf",
        layout="student_immunization_compliance",
        title="Bayou State University",
        address=("Student Health Center - Immunization Compliance Office",
                 "PO Box 43070, Lafayette, LA 70504 | 337-555-0177 | shc-immunize@bsu.example.edu"),
        document_date="2026-09-28",
        date_kind="report",
        date_style="mon_d_y",
        name_text="Thibodeaux, Marcus E",
        name_value=NAME,
        dob=DOB_WRONG,
        mrn_text="C00412276",
        mrn_value="C00412276",
        meds=(),
        allergies=(),
        # the requirement rows in drawing order; a row with two or three dates gives one fact each
        vaccines=(
            Vaccine("mmr", "mmr", "03", MMR[0], "MMR"),
            Vaccine("mmr", "mmr", "03", MMR[1], "MMR"),
            Vaccine("varicella", "varicella", "21", VAR[0], "Varicella"),
            Vaccine("varicella", "varicella", "21", VAR[1], "Varicella"),
            Vaccine("hepatitis b", "hepatitis b", "45", HEPB[0], "Hepatitis B"),
            Vaccine("hepatitis b", "hepatitis b", "45", HEPB[1], "Hepatitis B"),
            Vaccine("hepatitis b", "hepatitis b", "45", HEPB_WRONG, "Hepatitis B"),
            Vaccine("tdap", "tetanus", "115", TDAP, "Tdap"),
            Vaccine("influenza", "influenza", "88", FLU, "Influenza"),
            Vaccine("covid-19", "covid-19", "213", COVID, "COVID-19"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "Pneumococcal conjugate (PCV20)"),
        ),
        scans=(ScanProfile(dpi=200, skew=0.4, noise=0.8, blur=0.7, jpeg_quality=40,
                           paper=245),),  # fmt: skip
        font="DejaVuSansCondensed",
        extra={"program": "Graduate School - M.S. Civil Engineering (Coastal)",
               "term": "Fall 2026"},  # fmt: skip
    )


def _dermatology() -> Document:
    return Document(
        provider="cypress-lake-dermatology",
        file="cypress-lake-dermatology/visit-note-2026-10-13.pdf",
        layout="dermatology_visit_note",
        title="Cypress Lake Dermatology",
        address=("Medical & Surgical Dermatology - Mohs Surgery",
                 "4212 W. Congress St., Building B, Lafayette, Louisiana 70506 - (337) 555-0186"),
        document_date="2026-10-13",
        date_kind="visit",
        date_style="long",
        name_text="Marcus Thibodeaux",
        name_value="marcus thibodeaux",
        dob=DOB,
        mrn_text="20-55817",
        mrn_value="20-55817",
        # meds[:7] the patient's list in a sentence; meds[7:] started in the plan
        meds=(
            Med(*INFLIXIMAB, "Inflectra", "400 mg", "IV every 4 weeks"),
            Med(*SYMBICORT, "Symbicort 160/4.5", "2 puffs", "twice a day"),
            Med(*ALBUTEROL, "albuterol inhaler", "2 puffs", "every 4 to 6 hours as needed"),
            Med(*MONTELUKAST, "montelukast", "10 mg", "at bedtime"),
            # planted: 30 mg; 40 mg at the three other providers that list it
            Med("lisdexamfetamine", "30", "mg", "qam", "oral", "Vyvanse", "30 mg",
                "in the morning"),
            Med(*VITAMIN_D, "vitamin D3", "2000 units", "daily"),
            Med(*B12, "vitamin B12", "1000 mcg", "injection monthly"),
            Med(*EPIPEN, "EpiPen", "0.3 mg", "as needed"),
            Med(*CLOBETASOL, "clobetasol propionate 0.05% solution", "",
                "apply to scalp plaques twice daily for 2 weeks"),
            # planted: a sulfonamide started under the sulfa allergy on the same note
            Med("sulfamethoxazole-trimethoprim", "800-160", "mg", "bid", "oral",
                "Bactrim DS (sulfamethoxazole-trimethoprim) 800-160 mg", "",
                "1 tablet by mouth twice daily x 10 days"),
        ),  # fmt: skip
        allergies=(_sulfa("sulfonamides", "hives"), _peanut("peanuts", "anaphylaxis")),
        vaccines=(),
        scans=(ScanProfile(skew=1.9, noise=0.6, blur=0.8, jpeg_quality=36, paper=241),),
        font="Times-Roman",
        extra={"doctor": "Celeste Arceneaux, MD, FAAD", "referrer": "A. Broussard, MD (GI)"},
    )


def _asthma_clinic() -> Document:
    return Document(
        provider="teche-allergy-asthma-immunology",
        file="teche-allergy-asthma-immunology/asthma-action-plan-2026-11-03.pdf",
        layout="asthma_action_plan_visit",
        title="Teche Allergy, Asthma & Immunology",
        address=("300 Rue Louis XIV, Lafayette, LA 70508", "tel 337.555.0194 / fax 337.555.0195"),
        document_date="2026-11-03",
        date_kind="visit",
        date_style="d_mon_y",
        name_text="Marcus E. Thibodeaux",
        name_value=NAME,
        dob=DOB,
        mrn_text="AAI-77310",
        mrn_value="AAI-77310",
        # meds[:3] the action plan's green zone; meds[3:] the other medicines on file
        meds=(
            Med(*SYMBICORT, "Symbicort (budesonide/formoterol) 160/4.5", "2 puffs",
                "2 times a day, every day - rinse mouth after"),
            Med(*MONTELUKAST, "Montelukast (Singulair)", "10 mg", "1 tablet every night"),
            Med(*ALBUTEROL, "Albuterol (ProAir HFA)", "2 puffs", "every 4-6 hours if needed"),
            Med(*INFLIXIMAB, "Inflectra", "400 mg", "IV q4 weeks (GI)"),
            Med(*VYVANSE, "Vyvanse", "40 mg", "q AM"),
            Med(*VITAMIN_D, "Vitamin D3", "2000 units", "daily"),
            Med(*B12, "Vitamin B12", "1000 mcg", "IM monthly"),
            Med(*CLOBETASOL, "Clobetasol 0.05% soln", "", "to scalp BID (derm)"),
            Med(*EPIPEN, "EpiPen", "0.3 mg", "IM PRN anaphylaxis (2-pack)"),
        ),  # fmt: skip
        allergies=(_sulfa("Sulfa antibiotics", "hives"), _peanut("Peanut", "anaphylaxis")),
        vaccines=(
            Vaccine("influenza", "influenza", "88", FLU, "Flu shot"),
            # planted: 03/19/2026; 03/10/2026 at the IBD center and student health
            Vaccine("pneumococcal", "pneumococcal", "216", PCV_WRONG, "Prevnar 20"),
            Vaccine("covid-19", "covid-19", "213", COVID, "COVID-19"),
            Vaccine("tdap", "tetanus", "115", TDAP, "Tdap"),
        ),
        scans=(ScanProfile(skew=-0.4, noise=0.5, blur=0.8, jpeg_quality=38, paper=243),),
        font="Helvetica",
        extra={"doctor": "Paul Hebert, MD", "rn": "Monique Landry, RN, AE-C"},
    )


def holdout10_set() -> SampleSet:
    """Five providers, six pages, eight planted findings in eight categories."""
    return SampleSet(
        name="holdout10",
        seed=20270110,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_ed(), _gi(), _student_health(), _dermatology(), _asthma_clinic()),
        expected_findings=(
            Finding("frequency_mismatch", "budesonide-formoterol", "vermilion-general-hospital-ed",
                    "Symbicort 160/4.5 2 puffs once a day on the triage home-medication list; "
                    "twice a day at the IBD center, dermatology and the asthma clinic"),
            Finding("medication_missing", "montelukast", "acadiana-ibd-center",
                    "no montelukast under the asthma problem of the problem-oriented note; on the "
                    "ED triage, dermatology and asthma clinic lists"),
            Finding("vaccine_missing", "covid-19", "acadiana-ibd-center",
                    "health maintenance gives COVID-19 as 'no record'; 10/02/2025 at student "
                    "health and the asthma clinic"),
            Finding("identity_mismatch", "dob", "bayou-state-university-student-health",
                    "Date of birth Feb 17 1997 on the compliance report; February 11, 1997 at the "
                    "four other providers"),
            Finding("future_date", "hepatitis b", "bayou-state-university-student-health",
                    "hepatitis B dose 3 dated Aug 20 2097 (1997 intended); only student health "
                    "lists hepatitis B"),
            Finding("dose_mismatch", "lisdexamfetamine", "cypress-lake-dermatology",
                    "Vyvanse 30 mg in the medication sentence; 40 mg at the ED, the IBD center and "
                    "the asthma clinic"),
            Finding("drug_allergy_conflict", "sulfamethoxazole-trimethoprim",
                    "cypress-lake-dermatology",
                    "Bactrim DS started in the plan; sulfonamide allergy (hives) on the same note"),
            Finding("vaccine_date_conflict", "pneumococcal", "teche-allergy-asthma-immunology",
                    "Prevnar 20 03/19/2026 on the action-plan visit; 03/10/2026 at the IBD center "
                    "and student health"),
        ),  # fmt: skip
        harmless_variations=(
            "brands vs generics and salts: Inflectra / infliximab-dyyb / INFLECTRA, Symbicort / "
            "budesonide/formoterol, ProAir HFA / albuterol HFA, Singulair / montelukast, Vyvanse, "
            "EpiPen, vitamin D3 / Vit D3, vitamin B12 / B12 shot / cyanocobalamin, clobetasol "
            "propionate / Clobetasol, Bactrim DS",
            "product strengths and concentrations that are not doses: Symbicort 160/4.5 mcg per "
            "puff, clobetasol 0.05% (the dose itself for a solution with no count), infliximab "
            "5 mg/kg behind 400 mg, the 80 kg weight",
            "frequency wording: twice daily / twice a day / 2 times a day / twice a day every day; "
            "every 4 weeks / q 4 wks / q4 weeks; every 4-6 hours PRN / q4-6h prn / every 4 to 6 "
            "hours as needed / if needed; at night / at bedtime / every night; every morning / "
            "qAM / q AM / in the morning; IM monthly / injection monthly / monthly",
            "dose wording: 1,000 mcg / 1000 mcg, 2,000 IU / 2000 IU / 2000 units",
            "route wording: IV, IM, PO, by mouth, inhaled, to scalp; none written for inhalers",
            "allergy wording: Sulfa drugs / sulfonamides / Sulfa antibiotics (all sulfa), Peanut / "
            "Peanuts",
            "one-provider items: clobetasol and Bactrim started at dermatology (clobetasol also on "
            "the later asthma list, Bactrim a 10-day course); MMR, varicella and hepatitis B only "
            "on the student-health report; the ED's partial Tdap year 2019",
            "vaccine names: Flu shot / Influenza; PCV20 (Prevnar 20) / Prevnar 20 / Pneumococcal "
            "conjugate (PCV20); meningococcal ACWY marked not required (no dose given); live "
            "vaccines named only as to avoid on infliximab",
            "date formats: 7/11/2026 and 2/11/1997, 09/22/2026 and 02/11/1997, Sep 28 2026, "
            "October 13, 2026 and 02/11/97, 3 Nov 2026 and 11 Feb 1997; the fax header 07/12/2026",
            "name forms: THIBODEAUX, MARCUS EMILE / Thibodeaux, Marcus E. / Marcus Thibodeaux / "
            "Marcus E. Thibodeaux; each provider's own record number (MRN, Student ID, Chart #, "
            "Patient #) and the ED's account number",
            "numbers that are not doses or facts: vital signs, peak flow and spirometry, ESI level, "
            "pain score, CRP, fecal calprotectin, infliximab trough and antibodies, 25-OH vitamin "
            "D, hemoglobin, BSA percentage, ACT score, IGRA result",
            "dates that are not facts: last-dose times, infusion and follow-up dates, lab dates, "
            "the IGRA date, registration deadlines, the fax header, surgery year 2021",
            "drugs named without a dose, which are not medication entries: albuterol neb per "
            "standing order at triage, prednisone burst completed in July, the yellow- and "
            "red-zone instructions, the OTC hydrocortisone tried before dermatology, 'avoid live "
            "vaccines' and 'hold infliximab if febrile'",
        ),
        scans_dir="holdout10/scans",
        truth_file="holdout10/truth.json",
    )
