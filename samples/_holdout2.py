"""Scenario of the second held-out set: an older woman's records from five new kinds of provider."""

from __future__ import annotations

from ._model import Allergy, Document, Finding, Med, SampleSet, ScanProfile, Vaccine

NAME = "eleanor j pruitt"
DOB = "1942-03-09"
DOB_SWAPPED = "1942-09-03"  # planted at the pharmacy: day and month exchanged

# CVX (CDC table): 168 influenza trivalent adjuvanted (Fluad), 88 influenza unspecified,
# 216 pneumococcal conjugate PCV20, 115 Tdap, 187 zoster recombinant (Shingrix),
# 312 COVID-19 mRNA 50 mcg/0.5 mL (Moderna Spikevax 2024-2025), 213 COVID-19 unspecified.
FLU = ("influenza", "influenza", "168", "2025-10-08")
PCV = ("pneumococcal", "pneumococcal", "216", "2023-01-05")
TDAP = ("tdap", "tetanus", "115", "2019-06-21")
TDAP_WRONG = ("tdap", "tetanus", "115", "2019-06-12")  # planted at the geriatrics clinic
RZV1 = ("zoster", "zoster", "187", "2021-09-14")
RZV2 = ("zoster", "zoster", "187", "2021-12-02")
COVID = ("covid-19", "covid-19", "312", "2024-10-22")

PENICILLIN = ("penicillin", "penicillins")


def _vax(spec: tuple[str, str, str, str], text: str, *, code: str = "", date: str = "") -> Vaccine:
    return Vaccine(spec[0], spec[1], code or spec[2], date or spec[3], text)


def _penicillin(name_text: str, reaction_text: str) -> Allergy:
    return Allergy(PENICILLIN[0], PENICILLIN[1], "hives", name_text, reaction_text)


def _home_health() -> Document:
    return Document(
        provider="hearthside-home-health",
        file="hearthside-home-health/soc-assessment-2026-02-09.pdf",
        layout="home_health_intake",
        title="Hearthside Home Health Agency",
        address=("412 Alder Street, Suite 2, Port Ellis, WA 98501",
                 "Tel (360) 555-0142 - Fax (360) 555-0143"),
        document_date="2026-02-09",
        date_kind="visit",
        date_style="mdyy",
        name_text="Pruitt, Eleanor J",
        name_value=NAME,
        dob=DOB,
        mrn_text="HH-20931",
        mrn_value="HH-20931",
        # Handwritten medication profile: name, dose, "route;frequency"; filled in by the nurse
        # from the bottles, so brands, "81mg" without a space and "0.5MG" in capitals.
        meds=(
            Med("apixaban", "5", "mg", "bid", "oral", "Eliquis", "5 mg", "PO;BID"),
            Med("furosemide", "40", "mg", "qam", "oral", "Lasix", "40 mg",
                "PO;once daily in AM"),
            Med("potassium chloride", "20", "meq", "daily", "oral", "Klor-Con", "20 mEq",
                "PO;daily"),
            Med("levothyroxine", "250", "mcg", "daily", "oral", "Levoxyl", "250 mcg",
                "PO;daily"),  # planted: 25 mcg elsewhere (a tenfold slip)
            Med("atorvastatin", "40", "mg", "qhs", "oral", "Lipitor", "40 mg", "PO;at bedtime"),
            Med("aspirin", "81", "mg", "daily", "oral", "ASA", "81mg", "PO;QD"),
            Med("albuterol", "2", "puff", "q4h prn", "inhaled", "ProAir HFA", "2 puffs",
                "inhale;q4h prn SOB"),
            Med("semaglutide", "0.5", "mg", "weekly", "subcutaneous", "Ozempic", "0.5MG",
                "subcut inj;weekly (Sun)"),
            Med("acetaminophen", "1", "g", "tid", "oral", "Tylenol", "1 gm", "PO;Q 8 H"),
            Med("tramadol", "50", "mg", "qid prn", "oral", "tramadol", "50 mg",
                "PO;q6h prn pain"),
            # planted: diltiazem, on the three other medication lists, is not written here
        ),  # fmt: skip
        allergies=(_penicillin("Penicillin", "hives"),),
        vaccines=(
            _vax(FLU, "Influenza", code="88"),
            _vax(PCV, "PCV20"),
            _vax(TDAP, "Tdap"),
            _vax(RZV1, "Shingrix"),
            _vax(RZV2, "Shingrix"),
            _vax(COVID, "Moderna", code="213"),
        ),
        scans=(
            ScanProfile(skew=0.9, noise=2.0, blur=0.9, jpeg_quality=58, paper=240),
            ScanProfile(dpi=200, skew=-0.6, noise=5.0, blur=0.6, fax=True, jpeg_quality=64),
        ),
        font="Helvetica",
        extra={
            "form": "SKILLED NURSING START OF CARE ASSESSMENT",
            "form_id": "Form HH-SOC-01 (rev. 08/2024)",
            "profile_id": "Form HH-MP-02 (rev. 08/2024)",
            "sex": "F",
            "patient_address": "88 Cormorant Ln, Port Ellis",
            "patient_phone": "(360) 555-0177",
            "physician": "Anand Rao, MD",
            "dx": "CHF (diastolic), COPD, A-fib, DM2",
            "allergy_boxes": "Penicillin;x|Sulfa;|Latex;|Codeine;|Iodine/contrast;|NKA;",
            "allergy_page2": "PCN (hives)",
            "vitals": "T;97.8|P;76 irreg|R;18|BP;132/74|SpO2;95% RA|Wt;148 lb",
            "homebound": "Requires walker;x|Leaving home is a taxing effort;x|Bedbound;",
            "fall_risk": "6 (high risk)",
            "nurse": "M. Lindqvist, RN",
            "fax_header": "FEB-10-2026 08:14 FROM-HEARTHSIDE HOME HEALTH 3605550143 "
            "T-118 P.002/002 F-044",
            "profile_name": "Pruitt, Eleanor",
            "profile_name_value": "eleanor pruitt",
            "purposes": "A-fib;|CHF;|low K;|thyroid;|chol;|heart;|COPD;|DM2;N|arthritis;|pain;",
            "review": "No problems found;x|Issues reported to physician;",
        },
    )


def _emergency() -> Document:
    return Document(
        provider="bayview-regional-ed",
        file="bayview-regional-ed/after-visit-summary-2026-03-14.pdf",
        layout="ed_after_visit",
        title="Bayview Regional Medical Center",
        address=("Emergency Department", "1200 Harbor Blvd, Port Ellis, WA 98501",
                 "(360) 555-0144"),
        document_date="2026-03-14",
        date_kind="visit",
        date_style="mdy",
        name_text="Eleanor J. Pruitt",
        name_value=NAME,
        dob=DOB,
        mrn_text="E1044172",
        mrn_value="E1044172",
        # Printed in "Your Medication List" order: START, CHANGE, CONTINUE, STOP.
        meds=(
            Med("cephalexin", "500", "mg", "tid", "oral", "cephalexin", "500 MG capsule",
                "Take 1 capsule (500 mg total) by mouth every 8 (eight) hours for 7 days."),
            Med("furosemide", "40", "mg", "qam", "oral", "furosemide", "20 MG tablet",
                "Take 2 tablets (40 mg total) by mouth every morning."),
            Med("apixaban", "5", "mg", "bid", "oral", "apixaban", "5 MG tablet",
                "Take 1 tablet (5 mg total) by mouth 2 times daily."),
            Med("diltiazem", "120", "mg", "daily", "oral", "dilTIAZem HCl",
                "120 MG 24 hr capsule", "Take 1 capsule (120 mg total) by mouth daily."),
            Med("potassium chloride", "20", "meq", "daily", "oral", "potassium chloride",
                "20 MEQ ER tablet", "Take 1 tablet (20 mEq total) by mouth every evening."),
            Med("levothyroxine", "25", "mcg", "daily", "oral", "levothyroxine", "25 MCG tablet",
                "Take 1 tablet (25 mcg total) by mouth once a day."),
            Med("atorvastatin", "40", "mg", "qhs", "oral", "atorvastatin", "40 MG tablet",
                "Take 1 tablet (40 mg total) by mouth at bedtime."),
            Med("aspirin", "81", "mg", "daily", "oral", "aspirin", "81 MG EC tablet",
                "Take 1 tablet (81 mg total) by mouth daily."),
            Med("albuterol", "2", "puff", "q4h prn", "inhaled", "albuterol",
                "90 mcg/actuation inhaler",
                "Inhale 2 puffs into the lungs every 4 (four) hours as needed for wheezing."),
            Med("semaglutide", "0.5", "mg", "weekly", "subcutaneous", "semaglutide",
                "0.5 mg/dose (2 mg/3 mL) pen injector",
                "Inject 0.5 mg under the skin once a week."),
            Med("acetaminophen", "1000", "mg", "tid", "oral", "acetaminophen", "500 MG tablet",
                "Take 2 tablets (1,000 mg total) by mouth 3 times daily."),
            Med("tramadol", "50", "mg", "qid prn", "oral", "traMADol", "50 MG tablet",
                "Take 1 tablet (50 mg total) by mouth every 6 hours as needed for moderate "
                "pain."),
            Med("meloxicam", "7.5", "mg", "daily", "oral", "meloxicam", "7.5 MG tablet",
                "Take 1 tablet (7.5 mg total) by mouth daily.", status="discontinued"),
        ),  # fmt: skip
        allergies=(_penicillin("Penicillins", "Hives"),),
        vaccines=(),
        scans=(
            ScanProfile(skew=-0.5, noise=1.6, blur=0.8, jpeg_quality=60),
            ScanProfile(skew=0.4, noise=1.7, blur=0.8, jpeg_quality=60),
        ),
        font="DejaVuSans",
        extra={
            # action;brand ("Commonly known as");note, one per medication above
            "rows": "START taking;KEFLEX;Reason: skin infection of the left forearm|"
            "CHANGE how you take;LASIX;What changed: medication strength|"
            "CONTINUE taking;ELIQUIS;|CONTINUE taking;CARDIZEM CD;|"
            "CONTINUE taking;KLOR-CON M20;|CONTINUE taking;SYNTHROID;|"
            "CONTINUE taking;LIPITOR;|CONTINUE taking;;Available over the counter|"
            "CONTINUE taking;PROAIR HFA;|CONTINUE taking;OZEMPIC;|"
            "CONTINUE taking;TYLENOL;|CONTINUE taking;ULTRAM;|"
            "STOP taking;MOBIC;Reason: bleeding risk with your blood thinner",
            "attending": "Carla M. Ruiz, MD",
            "age": "84 y.o.",
            "printed_time": "4:52 PM",
            "reason": "Fall; Arm Injury",
            "diagnoses": "Fall from standing, initial encounter|Skin tear of left forearm|"
            "Cellulitis of left forearm",
            "instructions": "You were seen today after a fall at home. You have a skin tear on "
            "your left forearm with an early skin infection (cellulitis). Keep the dressing "
            "clean and dry and change it once a day. Your X-rays showed no broken bones. "
            "Because you take a blood thinner, watch for new bruising or bleeding.",
            "allergy_severity": "Not Specified",
            "reviewed": "Reviewed by K. Nguyen, RN",
            "vitals": "BP 146/82 | Pulse 88 | Temp 98.4 \u00b0F (36.9 \u00b0C) | Resp 18 | "
            "SpO2 96% | Wt 67.1 kg",
            "follow_up": "Anand Rao, MD - Geriatrics|Willow Creek Geriatrics|Schedule an "
            "appointment in 1 week for a wound check.",
            "return_if": "Fever over 100.4 \u00b0F, redness spreading beyond the pen mark, red "
            "streaks, or pus from the wound|Another fall, a hard hit to the head, or new "
            "confusion|Black stools, vomiting blood, or bleeding that does not stop with 10 "
            "minutes of pressure",
            "signature": "Discharge instructions reviewed with the patient and her daughter.",
        },
    )


def _pulmonology() -> Document:
    return Document(
        provider="lakeshore-pulmonary",
        file="lakeshore-pulmonary/progress-note-2026-03-30.pdf",
        layout="pulm_progress_note",
        title="Lakeshore Pulmonary & Sleep Associates, PC",
        address=("2210 Lakeshore Dr, Bldg C, Port Ellis, WA 98502", "Tel (360) 555-0166"),
        document_date="2026-03-30",
        date_kind="visit",
        date_style="iso",
        name_text="PRUITT, ELEANOR J",
        name_value=NAME,
        dob=DOB,
        mrn_text="LPS-55012",
        mrn_value="LPS-55012",
        # Dictated in shorthand: "ASA 81 daily" has no unit, "atorva" is clipped.
        meds=(
            Med("aspirin", "81", "mg", "daily", "oral", "ASA", "81", "daily"),
            Med("atorvastatin", "40", "mg", "qhs", "oral", "atorva", "40", "qhs"),
            Med("apixaban", "5", "mg", "daily", "oral", "Eliquis", "5 mg",
                "daily"),  # planted: twice daily elsewhere
            Med("diltiazem", "120", "mg", "daily", "oral", "diltiazem CD", "120 mg", "daily"),
            Med("furosemide", "40", "mg", "qam", "oral", "Lasix", "40 mg", "qAM"),
            Med("potassium chloride", "20", "meq", "daily", "oral", "KCl", "20 mEq", "daily"),
            Med("levothyroxine", "25", "mcg", "daily", "oral", "levothyroxine", "25 mcg",
                "daily"),
            Med("semaglutide", "0.5", "mg", "weekly", "subcutaneous", "Ozempic", "0.5 mg",
                "SC weekly"),
            Med("acetaminophen", "1", "g", "tid", "oral", "APAP", "1 g", "TID"),
            Med("tramadol", "50", "mg", "qid prn", "oral", "tramadol", "50 mg", "q6h prn"),
            Med("albuterol", "2", "puff", "q4h prn", "inhaled", "albuterol HFA", "2 puffs",
                "q4h prn"),
        ),  # fmt: skip
        allergies=(  # planted: penicillin (hives) at the three other allergy lists
            Allergy("none", "", "", "No Known Allergies", status="negated"),
        ),
        vaccines=(),
        scans=(ScanProfile(skew=-0.7, noise=2.2, blur=0.9, jpeg_quality=58),),
        font="Courier",
        extra={
            "provider_name": "Priya Venkataraman, MD",
            "referring": "Anand Rao, MD (Geriatrics)",
            "cc": "f/u COPD; dyspnea on exertion",
            "hpi": "84 yo F w/ COPD (GOLD 2), HFpEF, paroxysmal AF on anticoagulation, "
            "hypothyroidism and DM2, seen for routine f/u. ED visit 3/14 after a mechanical "
            "fall (skin tear L forearm, tx for cellulitis); no resp sx at that time. Uses "
            "rescue inhaler 2-3x/wk, mostly w/ exertion. No exacerbations or steroid bursts "
            "in past 12 mo. Former smoker, quit 1994, 30 pk-yr.",
            "ros": "Constitutional: no fever, chills, night sweats; wt stable|"
            "Resp: + DOE 1 flight of stairs; no hemoptysis; occasional AM cough|"
            "CV: no chest pain; + mild ankle edema, improved; no orthopnea|"
            "GI/GU: negative|Skin: L forearm wound healing|"
            "All other systems reviewed and negative.",
            "vitals": "BP 128/72  HR 78 irreg  RR 18  T 36.7 C  SpO2 94% RA  Wt 66.5 kg",
            "exam": "NAD, speaks in full sentences. Lungs: mildly decreased BS bilat, no "
            "wheeze or crackles. Heart: irreg irreg, no murmur. Ext: trace edema bilat.",
            "pft": "Spirometry today: FEV1 1.10 L (57% pred), FVC 1.98 L, FEV1/FVC 0.56.",
            "plan": "COPD, GOLD 2 - stable. Continue rescue inhaler PRN. Discussed adding a "
            "LAMA for maintenance; pt prefers to wait. Reassess next visit.|"
            "Chronic HFpEF / PAF - rate controlled; anticoagulation per PCP.|"
            "Immunizations up to date per PCP records.|RTC 6 months with full PFTs.",
            "signed": "16:40",
        },
    )


def _geriatrics() -> Document:
    return Document(
        provider="willow-creek-geriatrics",
        file="willow-creek-geriatrics/clinic-note-2026-04-20.pdf",
        layout="geriatrics_note",
        title="Willow Creek Geriatrics",
        address=("A department of Port Ellis Community Health",
                 "515 Willow Creek Pkwy, Port Ellis, WA 98503 - (360) 555-0187"),
        document_date="2026-04-20",
        date_kind="visit",
        date_style="dmon",
        name_text="Eleanor Jean Pruitt",
        name_value="eleanor jean pruitt",
        dob=DOB,
        mrn_text="GC-7730148",
        mrn_value="GC-7730148",
        meds=(
            Med("apixaban", "5", "mg", "bid", "oral", "apixaban (ELIQUIS)", "5 mg tablet",
                "Take 1 tablet (5 mg total) by mouth 2 times daily."),
            Med("diltiazem", "120", "mg", "daily", "oral", "dilTIAZem CD (CARDIZEM CD)",
                "120 MG 24 hr capsule", "Take 1 capsule (120 mg total) by mouth daily."),
            Med("furosemide", "40", "mg", "qam", "oral", "furosemide (LASIX)", "20 MG tablet",
                "Take 2 tablets (40 mg total) by mouth daily in the morning."),
            Med("potassium chloride", "20", "meq", "daily", "oral",
                "potassium chloride SA (K-DUR)", "20 MEQ tablet",
                "Take 1 tablet (20 mEq total) by mouth daily."),
            Med("levothyroxine", "25", "mcg", "daily", "oral", "levothyroxine sodium (LEVOXYL)",
                "25 mcg (0.025 mg) tablet", "Take 1 tablet (25 mcg total) by mouth daily."),
            Med("atorvastatin", "40", "mg", "qhs", "oral", "atorvastatin (LIPITOR)",
                "40 MG tablet", "Take 1 tablet (40 mg total) by mouth nightly."),
            Med("aspirin", "81", "mg", "daily", "oral", "aspirin", "81 MG EC tablet",
                "Take 81 mg by mouth daily."),
            Med("albuterol", "2", "puff", "q4h prn", "inhaled",
                "albuterol sulfate HFA (PROVENTIL HFA)", "90 mcg/actuation inhaler",
                "Inhale 2 puffs into the lungs every 4 hours as needed for wheezing or "
                "shortness of breath."),
            Med("semaglutide", "0.5", "mg", "weekly", "subcutaneous", "semaglutide (OZEMPIC)",
                "0.5 mg/dose pen", "Inject 0.5 mg by subcutaneous injection once weekly."),
            Med("acetaminophen", "1", "g", "tid", "oral", "acetaminophen (TYLENOL)",
                "500 MG tablet", "Take 2 tablets (1 gm) by mouth three times daily with meals."),
            Med("tramadol", "50", "mg", "qid prn", "oral", "traMADol (ULTRAM)", "50 MG tablet",
                "Take 1 tablet by mouth as needed every 6 hrs for pain."),
            Med("donepezil", "100", "mg", "qhs", "oral", "donepezil", "100 mg",
                "by mouth at bedtime"),  # planted: label maximum is 23 mg a day
        ),  # fmt: skip
        allergies=(_penicillin("penicillin", "hives"),),
        vaccines=(
            _vax(FLU, "Influenza, adjuvanted (Fluad)"),
            _vax(PCV, "Pneumococcal conjugate (PCV20)", date="2023-01"),
            _vax(TDAP_WRONG, "Tdap (Boostrix)"),
            _vax(RZV1, "Zoster recombinant (Shingrix)"),
            _vax(RZV2, "Zoster recombinant (Shingrix)"),
            _vax(COVID, "COVID-19 mRNA (Moderna 2024-2025)"),
        ),
        scans=(
            ScanProfile(skew=0.6, noise=1.8, blur=0.85, jpeg_quality=58),
            ScanProfile(skew=-0.3, noise=1.9, blur=0.9, jpeg_quality=58),
        ),
        font="Times-Roman",
        extra={
            "clinician": "Anand Rao, MD",
            "visit_type": "Follow-up, 40 min",
            "age": "84 yrs",
            "cc": "Follow-up after an ED visit for a fall; memory concerns raised by her "
            "daughter.",
            "hpi": "Mrs. Pruitt is an 84-year-old woman with heart failure with preserved "
            "ejection fraction, paroxysmal atrial fibrillation, COPD, hypothyroidism, type 2 "
            "diabetes and knee osteoarthritis. She fell at home on 14 Mar 2026 and was treated "
            "in the ED for a forearm skin tear with cellulitis, now healed; her NSAID was "
            "stopped there. Her daughter reports six months of repeated questions, missed "
            "bills and two episodes of getting lost while driving. MoCA today 19/30 (delayed "
            "recall 1/5). No hallucinations. Mood is good. Sleeping well.",
            "dispense": "180 tablet;1|90 capsule;3|180 tablet;1|90 tablet;3|90 tablet;3|"
            "90 tablet;3|;|18 g;2|3 mL;2|;|30 tablet;0",
            "exam": "BP 134/70, HR 74 irregular, Wt 66.8 kg, BMI 25.9. Alert, pleasant, "
            "oriented to person and place. Healed scar left forearm. Gait slow with a "
            "rolling walker; Timed Up and Go 18 s.",
            "plan": "Mild neurocognitive disorder, probably Alzheimer type. B12 and TSH normal "
            "in February. Start {donepezil}; reassess in 6 weeks for nausea, slow heart "
            "rate and vivid dreams. Referred to neuropsychology.|Falls: home safety "
            "evaluation by home health PT; continue walker.|Atrial fibrillation: continue "
            "anticoagulation; weight and kidney function are stable.|Health maintenance: "
            "immunizations are up to date; due for the 2026-2027 influenza vaccine in the "
            "fall.|Return in 6 weeks, sooner if needed.",
            "signed": "17:12",
            "page2_name": "Pruitt, Eleanor J",
            "page2_name_value": NAME,
        },
        breaks=("immunizations",),
    )


def _pharmacy() -> Document:
    return Document(
        provider="coastline-pharmacy",
        file="coastline-pharmacy/immunization-record-2026-05-06.pdf",
        layout="pharmacy_immunization_card",
        title="Coastline Pharmacy #0418",
        address=("1875 Harbor Blvd, Port Ellis, WA 98501", "(360) 555-0129"),
        document_date="2026-05-06",
        date_kind="printed",
        date_style="dash",
        name_text="ELEANOR PRUITT",
        name_value="eleanor pruitt",
        dob=DOB_SWAPPED,
        mrn_text="88213407",
        mrn_value="88213407",
        meds=(),
        allergies=(),
        # Newest first, as the pharmacy system prints them.
        vaccines=(
            _vax(FLU, "FLUAD TRIVALENT 2025-2026"),
            _vax(COVID, "SPIKEVAX 2024-2025 (MODERNA)"),
            _vax(PCV, "PREVNAR 20 (PCV20)"),
            _vax(RZV2, "SHINGRIX"),
            _vax(RZV1, "SHINGRIX"),
            _vax(TDAP, "BOOSTRIX (TDAP)"),
        ),
        scans=(ScanProfile(skew=2.4, noise=2.0, blur=0.8, jpeg_quality=62, paper=238),),
        font="DejaVuSansCondensed",
        extra={
            # dose number;route and site;lot (none when given elsewhere);manufacturer;given or
            # reported by, one per vaccine above
            "details": ";0.5 mL IM L deltoid;AF4419K;Seqirus;T. Albright, PharmD|"
            ";0.5 mL IM R deltoid;3051872;Moderna;T. Albright, PharmD|"
            ";0.5 mL IM;;Pfizer;Willow Creek Geriatrics|"
            "2 of 2;0.5 mL IM L deltoid;7TX29;GSK;J. Moreno, PharmD|"
            "1 of 2;0.5 mL IM L deltoid;4G3K9;GSK;J. Moreno, PharmD|"
            ";0.5 mL IM;;GSK;Willow Creek Geriatrics",
            "printed_time": "11:20 AM",
            "store_phone": "(360) 555-0129",
            "note": "Keep this record with your important papers and bring it to every "
            "medical visit. Vaccines given elsewhere are shown as reported to us.",
            "footer": "Coastline Pharmacy - Immunization Record - Page 1 of 1",
        },
    )


def holdout2_set() -> SampleSet:
    """Five providers, eight pages, eight planted findings in eight categories."""
    return SampleSet(
        name="holdout2",
        seed=20261126,
        patient_name=NAME,
        patient_dob=DOB,
        documents=(_home_health(), _emergency(), _pulmonology(), _geriatrics(), _pharmacy()),
        expected_findings=(
            Finding("dose_mismatch", "levothyroxine", "hearthside-home-health",
                    "Levoxyl 250 mcg handwritten on the home-health profile (a tenfold slip); "
                    "25 mcg at the ED, the pulmonologist and the geriatrics clinic"),
            Finding("medication_missing", "diltiazem", "hearthside-home-health",
                    "diltiazem CD 120 mg daily on the three other medication lists, not on "
                    "the home-health profile"),
            Finding("drug_allergy_conflict", "cephalexin", "bayview-regional-ed",
                    "cephalexin (a cephalosporin) started in the ED; penicillin allergy "
                    "(hives) on the same summary"),
            Finding("allergy_missing", "penicillin", "lakeshore-pulmonary",
                    "'No Known Allergies' in the pulmonology note; penicillin (hives) at the "
                    "home-health agency, the ED and the geriatrics clinic"),
            Finding("frequency_mismatch", "apixaban", "lakeshore-pulmonary",
                    "Eliquis 5 mg daily in the pulmonology note; twice daily at the other "
                    "three"),
            Finding("dose_out_of_range", "donepezil", "willow-creek-geriatrics",
                    "donepezil 100 mg at bedtime started in the plan (label maximum 23 mg a "
                    "day); no other provider lists donepezil"),
            Finding("vaccine_date_conflict", "tdap", "willow-creek-geriatrics",
                    "Tdap 12 Jun 2019 at the geriatrics clinic; 6/21/19 at home health and "
                    "06-21-2019 at the pharmacy"),
            Finding("identity_mismatch", "dob", "coastline-pharmacy",
                    "DOB 09-03-1942 on the pharmacy card (day and month exchanged); March 9, "
                    "1942 elsewhere"),
        ),  # fmt: skip
        harmless_variations=(
            "brands vs generics: Eliquis, Lasix, Klor-Con / KLOR-CON M20 / K-DUR / KCl, "
            "Levoxyl / SYNTHROID, Lipitor, ProAir HFA / PROVENTIL HFA, Ozempic, Tylenol / APAP, "
            "ULTRAM, CARDIZEM CD; ASA for aspirin; tall-man traMADol and dilTIAZem",
            "salt and form words: dilTIAZem HCl, potassium chloride SA / ER, levothyroxine "
            "sodium, albuterol sulfate HFA, 24 hr capsule, EC tablet, pen injector",
            "dose wording: 81mg / 81 MG / 81 (no unit in the shorthand note); 0.5MG / 0.5 mg "
            "(the Ozempic pen's '2 mg/3 mL' and the inhaler's '90 mcg/actuation' are product "
            "strengths, not doses); '25 mcg (0.025 mg)'; furosemide '20 MG tablet, take 2 "
            "tablets (40 mg total)' = 40 mg; acetaminophen 1 gm / 1 g / '2 tablets (1,000 mg "
            "total)' are the same dose",
            "frequency wording: BID / 2 times daily; once daily in AM / every morning / qAM / "
            "daily in the morning (furosemide); daily / every evening / QD / once a day; at "
            "bedtime / qhs / nightly; Q 8 H / TID / 3 times daily / three times daily with "
            "meals; q6h prn pain / every 6 hours as needed / as needed every 6 hrs for pain; "
            "q4h prn / every 4 (four) hours as needed; weekly (Sun) / once a week / once weekly",
            "route wording: PO / by mouth; inhale / into the lungs / HFA puffs; subcut inj / "
            "SC / under the skin / by subcutaneous injection",
            "patient name as Pruitt, Eleanor J / Pruitt, Eleanor / Eleanor J. Pruitt / PRUITT, "
            "ELEANOR J / Eleanor Jean Pruitt / ELEANOR PRUITT; each provider's own record "
            "number",
            "date formats: 3/9/42 and 2/9/26 (two-digit years, handwritten), 3/14/2026, "
            "1942-03-09, 09 Mar 1942, 01-05-2023; PCV20 as 'January 2023' (partial) at the "
            "geriatrics clinic vs 1/5/23 and 01-05-2023",
            "cephalexin (a 7-day course started in the ED) and the meloxicam the ED stopped "
            "are listed only in the ED summary; donepezil is started in the geriatrics plan "
            "(its dose is the planted error); none is medication_missing elsewhere",
            "the pharmacy card has no medication or allergy section (no claim), and the "
            "pulmonology and ED documents no immunization section",
            "unchecked boxes on the home-health form ([ ] Sulfa, [ ] Latex, [ ] Codeine, "
            "[ ] Iodine/contrast, [ ] NKA) are not allergies or negations; the fax header "
            "date FEB-10-2026 and the form revision dates are not document dates",
            "influenza as a ticked box with a date (home health), Fluad and FLUAD TRIVALENT 2025-2026; COVID-19 as "
            "Moderna / Moderna 2024-2025 / SPIKEVAX 2024-2025 (MODERNA); the season years are "
            "not dates; two Shingrix doses of one series; '0.5 mL IM' on the card is a vaccine "
            "volume, not a medication",
            "the plan's 'due for the 2026-2027 influenza vaccine in the fall' is a reminder, "
            "and dates inside sentences (fall on 14 Mar 2026, ED visit 3/14, quit 1994) are "
            "not facts",
        ),
        scans_dir="holdout2/scans",
        truth_file="holdout2/truth.json",
    )
