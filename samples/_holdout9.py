"""Scenario of the ninth held-out set: dementia, atrial fibrillation on warfarin and CKD at 81."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "harold j brzezinski"
NAME_WRONG = "harold j brzezinksi"  # planted at the surgery center: the k and s exchanged
DOB = "1944-12-02"

# CVX (CDC table): 135 influenza high-dose seasonal (trivalent Fluzone High-Dose), 88
# influenza unspecified, 312 COVID-19 mRNA 50 mcg/0.5 mL (Spikevax 12 years and up), 213
# COVID-19 unspecified, 216 PCV20, 115 Tdap, 187 zoster recombinant.
FLU = "2026-09-22"
COVID = "2026-09-22"
PCV = "2024-11-12"
PCV_WRONG = "2024-11-21"  # planted at the wellness visit: day digits exchanged
TDAP = "2018-07-30"
RZV = ("2022-03-15", "2022-06-01")

# Warfarin is taken as 5 mg on Mon/Wed/Fri and 2.5 mg on the other days: one dose a day whose
# amount varies, recorded as the range of the amounts taken at a time.
WARFARIN = ("warfarin", "2.5-5", "mg", "daily", "oral")


def _lisinopril(text: str, reaction_text: str) -> Allergy:
    return Allergy("lisinopril", "ace inhibitors", "angioedema", text, reaction_text)


def _codeine(text: str, reaction_text: str) -> Allergy:
    return Allergy("codeine", "opioids", "hallucinations", text, reaction_text)


def _pharmacy() -> Document:
    return Document(
        provider="mon-valley-pharmacy",
        file="mon-valley-pharmacy/vaccine-consent-2026-09-22.pdf",
        layout="pharmacy_vaccine_consent",
        title="Mon Valley Pharmacy #0427",
        address=("512 Fifth Avenue, McKeesport, PA 15132", "(412) 555-0163"),
        document_date="2026-09-22",
        date_kind="visit",
        date_style="hand",
        name_text="Brzezinski, Harold J",
        name_value=NAME,
        dob=DOB,
        mrn_text="558120",
        mrn_value="558120",
        meds=(),
        # planted: the son lists only codeine; lisinopril (angioedema) at the four others
        allergies=(_codeine("codeine", "hallucinations"),),
        # [0:2] given today (pharmacist's section), [2:] the pharmacy's own history
        vaccines=(
            Vaccine("influenza", "influenza", "135", FLU, "Fluzone High-Dose 2026-2027"),
            Vaccine("covid-19", "covid-19", "312", COVID, "Spikevax 2026-2027"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "PREVNAR 20"),
            Vaccine("zoster", "zoster", "187", RZV[1], "SHINGRIX"),
            Vaccine("zoster", "zoster", "187", RZV[0], "SHINGRIX"),
            Vaccine("tdap", "tetanus", "115", TDAP, "BOOSTRIX"),
        ),
        scans=(ScanProfile(dpi=200, skew=2.3, noise=0.7, blur=0.6, jpeg_quality=38,
                           paper=244),),  # fmt: skip
        font="NimbusSans-Regular",
        extra={"completed_by": "Michael Brzezinski (son, POA)", "rph": "D. Kowalczyk, RPh"},
    )


def _wellness() -> Document:
    return Document(
        provider="north-hills-family-practice",
        file="north-hills-family-practice/annual-wellness-visit-2026-10-06.pdf",
        layout="medicare_wellness_visit",
        title="North Hills Family Practice",
        address=("9310 Perry Highway, Suite 200, Pittsburgh, PA 15237",
                 "Phone 412-555-0112 | Fax 412-555-0113"),  # fmt: skip
        document_date="2026-10-06",
        date_kind="visit",
        date_style="weekday_long",
        name_text="Harold Joseph Brzezinski",
        name_value="harold joseph brzezinski",
        dob=DOB,
        mrn_text="00417725",
        mrn_value="00417725",
        # name_text = Medication column, sig_text = Directions column
        meds=(
            Med(*WARFARIN, "warfarin (JANTOVEN) 5 mg tablet", "",
                "5 mg (1 tab) Mon, Wed, Fri and 2.5 mg (1/2 tab) all other days, in the "
                "evening; dose per anticoagulation clinic"),
            Med("metoprolol", "50", "mg", "daily", "oral",
                "metoprolol succinate ER (TOPROL XL) 50 mg 24 hr tablet", "",
                "Take 1 tablet by mouth once daily"),
            Med("donepezil", "10", "mg", "qhs", "oral", "donepezil (ARICEPT) 10 mg tablet", "",
                "Take 1 tablet by mouth at bedtime"),
            Med("memantine", "10", "mg", "bid", "oral", "memantine (NAMENDA) 10 mg tablet", "",
                "Take 1 tablet by mouth twice a day"),
            Med("tamsulosin", "0.4", "mg", "daily", "oral", "tamsulosin (FLOMAX) 0.4 mg capsule",
                "", "Take 1 capsule by mouth daily, 30 minutes after supper"),
            Med("furosemide", "20", "mg", "qam", "oral", "furosemide (LASIX) 20 mg tablet", "",
                "Take 1 tablet by mouth every morning"),
            Med("atorvastatin", "10", "mg", "qhs", "oral", "atorvastatin (LIPITOR) 10 mg tablet",
                "", "Take 1 tablet by mouth nightly"),
            Med("calcitriol", "0.25", "mcg", "daily", "oral",
                "calcitriol (ROCALTROL) 0.25 mcg capsule", "", "Take 1 capsule by mouth daily"),
            Med("sertraline", "50", "mg", "daily", "oral", "sertraline (ZOLOFT) 50 mg tablet", "",
                "Take 1 tablet by mouth daily"),
            Med("latanoprost", "1", "drop", "qhs", "ophthalmic",
                "latanoprost (XALATAN) 0.005 % eye drops", "",
                "Instill 1 drop in both eyes at bedtime"),
        ),  # fmt: skip
        allergies=(
            _lisinopril("Lisinopril", "angioedema (ED visit 2019)"),
            _codeine("Codeine", "hallucinations"),
        ),
        vaccines=(
            Vaccine("influenza", "influenza", "135", FLU, "Influenza, high-dose (2026-27)"),
            Vaccine("covid-19", "covid-19", "213", COVID, "COVID-19 (2026-27)"),
            # planted: 11/21/2024; 11/12/2024 at the pharmacy and the memory-care facility
            Vaccine("pneumococcal", "pneumococcal", "216", PCV_WRONG, "Pneumococcal PCV20"),
            Vaccine("tdap", "tetanus", "115", TDAP, "Tdap"),
            Vaccine("zoster", "zoster", "187", RZV[0], "Zoster recombinant (Shingrix)"),
            Vaccine("zoster", "zoster", "187", RZV[1], "Zoster recombinant (Shingrix)"),
        ),
        scans=(ScanProfile(skew=-0.3, noise=0.4, blur=0.8, jpeg_quality=32, paper=243),),
        font="DejaVuSerif",
        extra={"doctor": "Renata Szabo, DO", "ma": "Kayla Novak, CMA",
               "prescriber": "Szabo|Szabo|Mehta (neuro)|Mehta (neuro)|Szabo|Szabo|Szabo|"
                             "Okafor (renal)|Szabo|Lindqvist (eye)"},  # fmt: skip
    )


def _surgery_center() -> Document:
    return Document(
        provider="ridgeview-eye-surgery-center",
        file="ridgeview-eye-surgery-center/preop-phone-interview-2026-10-20.pdf",
        layout="asc_preop_phone_interview",
        title="Ridgeview Eye Surgery Center",
        address=("1550 Washington Road, Mt. Lebanon, PA 15228", "Tel 412-555-0148",
                 "Fax 412-555-0149"),  # fmt: skip
        document_date="2026-10-20",
        date_kind="visit",
        date_style="m_d_y",
        name_text="Harold J. Brzezinksi",
        name_value=NAME_WRONG,
        dob=DOB,
        mrn_text="RESC-118204",
        mrn_value="RESC-118204",
        # planted: no tamsulosin (and "alpha-blocker: No"); on the three other lists
        # name_text = Medication, strength_text = Dose, sig_text = How often
        meds=(
            Med(*WARFARIN, "Warfarin (Jantoven)", "5 mg M/W/F, 2.5 mg other days", "daily (eve)"),
            Med("metoprolol", "50", "mg", "daily", "oral", "Metoprolol succ ER", "50 mg",
                "once a day"),
            Med("donepezil", "10", "mg", "qhs", "oral", "Aricept", "10 mg", "HS"),
            Med("memantine", "10", "mg", "bid", "oral", "Namenda", "10 mg", "twice a day"),
            Med("furosemide", "20", "mg", "qam", "oral", "Furosemide", "20 mg", "q AM"),
            Med("atorvastatin", "10", "mg", "qhs", "oral", "Atorvastatin", "10 mg", "HS"),
            Med("calcitriol", "0.25", "mcg", "daily", "oral", "Calcitriol", "0.25 mcg", "daily"),
            Med("sertraline", "50", "mg", "daily", "oral", "Zoloft", "50 mg", "daily"),
            Med("latanoprost", "1", "drop", "qhs", "ophthalmic", "Latanoprost 0.005%",
                "1 gtt OU", "HS"),
        ),  # fmt: skip
        allergies=(
            _lisinopril("Lisinopril", "angioedema"),
            _codeine("Codeine", "hallucinations"),
        ),
        vaccines=(),
        scans=(ScanProfile(dpi=200, fax=True, skew=0.4, noise=0.6, blur=0.6, jpeg_quality=34,
                           paper=246),),  # fmt: skip
        font="URWBookman-Light",
        extra={
            "fax": "OCT-20-2026 15:12  RIDGEVIEW ESC  4125550149 -> 4125550138  P.01/01",
            "surgery": "2026-10-27",
            "last": "10/19 6 PM|10/20 8 AM|10/19 HS|10/20 8 AM|10/20 8 AM|10/19 HS|10/20 8 AM|"
                    "10/20 8 AM|10/19 HS",
            "morning": "NO - take 10/26 eve as usual|YES w/ sip of water|no (HS)|YES|HOLD AM of "
                       "surgery|no (HS)|HOLD|YES|no (HS)",
            "nurse": "Colleen Marsh, RN",
        },  # fmt: skip
    )


def _anticoagulation() -> Document:
    return Document(
        provider="three-rivers-anticoagulation-service",
        file="three-rivers-anticoagulation-service/warfarin-flowsheet-2026-11-03.pdf",
        layout="anticoag_flowsheet",
        title="Three Rivers Anticoagulation Service",
        address=("Pharmacist-Managed Warfarin Clinic · 3471 Fifth Avenue, 2nd Floor, "
                 "Pittsburgh, PA 15213 · Ph (412) 555-0137 · Fax (412) 555-0138",),  # fmt: skip
        document_date="2026-11-03",
        date_kind="printed",
        date_style="wk_yy",
        name_text="BRZEZINSKI, HAROLD J",
        name_value=NAME,
        dob=DOB,
        mrn_text="TRA-20931",
        mrn_value="TRA-20931",
        # meds[0] the regimen line; meds[1:] the concurrent medications reviewed
        meds=(
            Med(*WARFARIN, "Warfarin 5 mg tablets (peach):", "",
                "5 mg Mon/Wed/Fri, 2.5 mg (1/2 tab) all other days = 25 mg/week, taken with "
                "supper"),
            Med("metoprolol", "50", "mg", "daily", "oral", "Toprol XL 50 mg daily", "", ""),
            Med("donepezil", "10", "mg", "qhs", "oral", "donepezil 10 mg qhs", "", ""),
            # planted: once daily; twice a day at the three others
            Med("memantine", "10", "mg", "daily", "oral", "Namenda 10 mg once daily", "", ""),
            Med("tamsulosin", "0.4", "mg", "daily", "oral", "tamsulosin 0.4 mg daily", "", ""),
            Med("furosemide", "20", "mg", "daily", "oral", "furosemide 20 mg daily", "", ""),
            Med("atorvastatin", "10", "mg", "qhs", "oral", "atorvastatin 10 mg qhs", "", ""),
            Med("calcitriol", "0.25", "mcg", "daily", "oral", "calcitriol 0.25 mcg daily", "", ""),
            Med("sertraline", "50", "mg", "daily", "oral", "sertraline 50 mg daily", "",
                "(SSRI: additive bleeding risk, monitored)"),
            Med("latanoprost", "1", "drop", "qhs", "ophthalmic",
                "latanoprost 0.005% 1 gtt OU qhs", "", ""),
        ),  # fmt: skip
        allergies=(
            _lisinopril("LISINOPRIL", "angioedema"),
            _codeine("CODEINE", "hallucinations"),
        ),
        vaccines=(),
        scans=(ScanProfile(skew=0.6, noise=0.4, blur=0.9, jpeg_quality=30, paper=242),),
        font="NimbusSansNarrow-Regular",
        extra={"pharmacist": "Jenna Morales, PharmD, CACP"},
    )


def _memory_care() -> Document:
    return Document(
        provider="laurel-glen-memory-care",
        file="laurel-glen-memory-care/admission-medication-orders-2026-11-16.pdf",
        layout="memory_care_admission_orders",
        title="Laurel Glen Memory Care Residence",
        address=("A licensed personal care home · 2201 Babcock Blvd, Pittsburgh, PA 15237",
                 "(412) 555-0175 · Fax (412) 555-0176"),  # fmt: skip
        document_date="2026-11-16",
        date_kind="visit",
        date_style="long",
        name_text="Harold J. Brzezinski",
        name_value=NAME,
        dob=DOB,
        mrn_text="LG-0316",
        mrn_value="LG-0316",
        # scheduled orders, then the PRN standing orders (meds[10:])
        # name_text = Medication, strength_text = Dose, sig_text = Frequency
        meds=(
            Med(*WARFARIN, "Warfarin 5 mg tab", "5 mg M-W-F; 2.5 mg (1/2 tab) Su-Tu-Th-Sa",
                "Daily"),
            Med("metoprolol", "50", "mg", "daily", "oral", "Metoprolol succinate ER 50 mg",
                "50 mg", "QD"),
            Med("donepezil", "10", "mg", "qhs", "oral", "Donepezil 10 mg", "10 mg", "HS"),
            Med("memantine", "10", "mg", "bid", "oral", "Memantine 10 mg", "10 mg", "BID"),
            Med("tamsulosin", "0.4", "mg", "daily", "oral", "Tamsulosin 0.4 mg cap", "0.4 mg",
                "QD after supper"),
            # planted: 40 mg; 20 mg at the three others
            Med("furosemide", "40", "mg", "qam", "oral", "Furosemide 40 mg", "40 mg", "QAM"),
            Med("atorvastatin", "10", "mg", "qhs", "oral", "Atorvastatin 10 mg", "10 mg", "HS"),
            Med("calcitriol", "0.25", "mcg", "daily", "oral", "Calcitriol 0.25 mcg cap",
                "0.25 mcg", "QD"),
            Med("sertraline", "50", "mg", "daily", "oral", "Sertraline 50 mg", "50 mg", "QD"),
            Med("latanoprost", "1", "drop", "qhs", "ophthalmic", "Latanoprost 0.005% soln",
                "1 gtt each eye", "HS"),
            Med("acetaminophen", "650", "mg", "qid prn", "oral", "Acetaminophen 325 mg tab",
                "650 mg (2 tabs)", "q6h PRN"),
            # planted: codeine under the codeine allergy on page 1 of the same orders
            Med("acetaminophen-codeine", "300-30", "mg", "qid prn", "oral",
                "Tylenol w/ Codeine #3 (300-30 mg)", "1 tab", "q6h PRN"),
            Med("bisacodyl", "10", "mg", "daily prn", "rectal", "Bisacodyl 10 mg supp",
                "10 mg", "QD PRN"),
        ),  # fmt: skip
        allergies=(
            _codeine("CODEINE", "hallucinations"),
            _lisinopril("LISINOPRIL", "angioedema (lips/tongue)"),
        ),
        # planted: no zoster vaccine ("unknown"); two Shingrix doses at the pharmacy and the
        # wellness visit
        vaccines=(
            Vaccine("influenza", "influenza", "135", FLU, "Influenza (high dose)"),
            Vaccine("covid-19", "covid-19", "213", COVID, "COVID-19 (Moderna)"),
            Vaccine("pneumococcal", "pneumococcal", "216", PCV, "Pneumococcal (Prevnar 20)"),
            Vaccine("tdap", "tetanus", "115", TDAP, "Tetanus (Tdap)"),
        ),
        scans=(
            ScanProfile(skew=0.2, noise=0.4, blur=0.8, jpeg_quality=30, paper=244),
            ScanProfile(dpi=200, skew=-0.5, noise=0.5, blur=0.6, jpeg_quality=34, paper=244),
        ),
        font="NimbusRoman-Regular",
        extra={
            "times": "1700|0800|2000|0800-1700|1700|0800|2000|0800|0800|2000|||",
            "indication": "A-fib|A-fib / HTN|Dementia|Dementia|BPH|Edema / CKD|Lipids|CKD|"
                          "Mood|Glaucoma|Pain or fever|Moderate pain|Constipation",
            "crush": "Yes|NO|Yes|Yes|NO|Yes|Yes|NO|Yes|-|Yes|Yes|-",
            "physician": "Gregory Patel, MD",
        },  # fmt: skip
    )


def holdout9_set() -> SampleSet:
    """Five providers, six pages, eight planted findings in eight categories."""
    return SampleSet(
        name="holdout9",
        seed=20270109,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_pharmacy(), _wellness(), _surgery_center(), _anticoagulation(),
                   _memory_care()),  # fmt: skip
        expected_findings=(
            Finding("allergy_missing", "lisinopril", "mon-valley-pharmacy",
                    "the son's answer on the vaccine consent form lists only codeine; lisinopril "
                    "(angioedema) at the four other providers"),
            Finding("vaccine_date_conflict", "pneumococcal", "north-hills-family-practice",
                    "PCV20 11/21/2024 in the wellness visit's immunization table; 11/12/2024 at "
                    "the pharmacy and the memory-care facility"),
            Finding("identity_mismatch", "name", "ridgeview-eye-surgery-center",
                    "Harold J. Brzezinksi in the pre-op interview header; Brzezinski at the four "
                    "other providers"),
            Finding("medication_missing", "tamsulosin", "ridgeview-eye-surgery-center",
                    "no tamsulosin on the pre-op home medication list (and the alpha-blocker "
                    "question answered No); on the wellness visit, anticoagulation and "
                    "memory-care lists"),
            Finding("frequency_mismatch", "memantine", "three-rivers-anticoagulation-service",
                    "Namenda 10 mg once daily in the interaction review; twice a day at the three "
                    "other providers that list it"),
            Finding("dose_mismatch", "furosemide", "laurel-glen-memory-care",
                    "Furosemide 40 mg QAM on the admission orders; 20 mg at the three other "
                    "providers that list it"),
            Finding("drug_allergy_conflict", "acetaminophen-codeine", "laurel-glen-memory-care",
                    "Tylenol w/ Codeine #3 as a PRN standing order; codeine (hallucinations) in "
                    "the allergy box of the same admission orders"),
            Finding("vaccine_missing", "zoster", "laurel-glen-memory-care",
                    "immunization history gives the shingles vaccine as unknown; both Shingrix "
                    "doses (2022-03-15, 2022-06-01) at the pharmacy and the wellness visit"),
        ),  # fmt: skip
        harmless_variations=(
            "brands vs generics and salts: Jantoven / warfarin, TOPROL XL / Toprol XL / metoprolol "
            "succinate ER / Metoprolol succ ER, ARICEPT / Aricept / donepezil, NAMENDA / Namenda / "
            "memantine, FLOMAX / tamsulosin, LASIX / furosemide, LIPITOR / atorvastatin, "
            "ROCALTROL / calcitriol, ZOLOFT / Zoloft / sertraline, XALATAN / latanoprost",
            "warfarin's alternating schedule written four ways (5 mg Mon/Wed/Fri and 2.5 mg other "
            "days; M/W/F; M-W-F and Su-Tu-Th-Sa; a weekly grid of 2.5 and 5 with 25 mg/week): "
            "the same regimen at every provider",
            "product strengths that are not doses: latanoprost 0.005 %, the 5 mg warfarin tablet "
            "split in half, acetaminophen 325 mg tablets taken as 2 (650 mg)",
            "frequency wording: once daily / once a day / daily / QD; at bedtime / HS / qhs / "
            "nightly; twice a day / BID; every morning / q AM / QAM / daily (furosemide, one dose "
            "a day); daily after supper / 30 minutes after supper (tamsulosin); in the evening / "
            "with supper / daily (eve) (warfarin)",
            "route wording: by mouth / PO / none written; both eyes / OU; rectal suppository",
            "allergy wording: Lisinopril - angioedema (ED visit 2019) / angioedema (lips/tongue) "
            "/ LISINOPRIL; codeine (hallucinations) written by the son",
            "one-provider items: acetaminophen and bisacodyl PRN standing orders at the "
            "memory-care facility; the RSV vaccine recommended, not given, at the wellness visit; "
            "the cataract surgery's post-op drops named as to be prescribed on the day",
            "vaccine names and codes: Fluzone High-Dose 2026-2027 / Influenza, high-dose / "
            "Influenza (high dose) (CVX 135); Spikevax 2026-2027 (312) / COVID-19 / COVID-19 "
            "(Moderna) (213); PREVNAR 20 / Pneumococcal PCV20 / Pneumococcal (Prevnar 20); "
            "BOOSTRIX / Tdap / Tetanus (Tdap); SHINGRIX / Zoster recombinant (Shingrix); the "
            "pharmacy's most-recent-first history",
            "date formats: 9-22-26 and 12-2-44 handwritten, 09/22/2026, Tuesday, October 6, 2026, "
            "10/20/2026 and 12/2/1944, Tue 11/03/26 and 12/02/44, November 16, 2026",
            "name forms: Brzezinski, Harold J / Harold Joseph Brzezinski / BRZEZINSKI, HAROLD J / "
            "Harold J. Brzezinski, the preferred name Hal; each provider's own record number "
            "(Patient ID, MRN, Pt ID, Clinic ID, Resident #)",
            "numbers that are not doses or facts: INR values and goal, weekly warfarin totals, "
            "lot numbers, VIS edition dates, vaccine expiry dates, 0.5 mL volumes, vital signs, "
            "Mini-Cog and PHQ-2 scores, eGFR, CHA2DS2-VASc, room number, administration times",
            "dates that are not facts: INR visit and next-INR dates, surgery and arrival dates, "
            "last-dose times, the fax header, the Tdap due date, screening dates, the "
            "QuantiFERON date, the son's signature date",
            "the pharmacy consent form's Yes/No screening answers (blood thinner: Yes, no drug "
            "named) and the son named as the person completing forms and answering questions",
            "drugs named without a dose in questions, plans and instructions, which are not "
            "medication entries: the surgery center's alpha-blocker question (Flomax, Uroxatral, "
            "Rapaflo: No) and 'warfarin - DO NOT STOP', 'neurology manages donepezil and "
            "memantine', 'Warfarin continues', 'avoid NSAIDs', 'No antibiotics, antifungals, "
            "amiodarone or NSAIDs', the facility's warfarin, latanoprost and metoprolol "
            "instructions",
        ),
        scans_dir="holdout9/scans",
        truth_file="holdout9/truth.json",
    )
