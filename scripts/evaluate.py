"""`make eval`: run the pipeline on every sample set and score it against the ground truth."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from pipeline import tesseract
from pipeline.api import RunResult, run
from pipeline.config import load_settings
from pipeline.extract_text import build_doc_text
from pipeline.records import CATEGORIES, Fact, OcrPage

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
KINDS = ("medication", "allergy", "vaccine", "identity", "document_date")
# unreadable_entry asks the user to check what the scan says; unless a set plants one it is
# reported as a count of verification requests, not scored as a false alarm.
VERIFY = "unreadable_entry"


@dataclass(frozen=True)
class SampleSet:
    name: str
    scans: Path
    truth: dict[str, Any]


def sample_sets(names: Sequence[str] | None = None) -> list[SampleSet]:
    """The basic set (samples/scans) and every samples/<set>/ with scans/ and truth.json."""
    found: list[SampleSet] = []
    if (SAMPLES / "truth.json").exists():
        found.append(SampleSet("basic", SAMPLES / "scans", json.loads((SAMPLES / "truth.json").read_text())))
    for sub in sorted(SAMPLES.iterdir()):
        if (sub / "truth.json").exists() and (sub / "scans").is_dir():
            found.append(SampleSet(sub.name, sub / "scans", json.loads((sub / "truth.json").read_text())))
    if names:
        found = [s for s in found if s.name in names]
    return found


def normalize_text(text: str) -> str:
    """Whitespace-insensitive text for the character error rate."""
    return " ".join(text.split())


def cer(reference: str, hypothesis: str) -> float:
    ref, hyp = normalize_text(reference), normalize_text(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return Levenshtein.distance(ref, hyp) / len(ref)


def fact_key(kind: str, f: dict[str, str]) -> tuple[str, ...]:
    """What must be right for an extracted fact to count as correct (see issue text)."""
    g = f.get
    if kind == "medication":
        return (g("name", ""), g("dose", ""), g("unit", ""), g("frequency", ""))
    if kind == "allergy":
        return (g("name", ""), g("status", "") or "active")
    if kind == "vaccine":
        return (g("name", ""), g("date", ""))
    if kind == "identity":
        field_name = g("name", "")
        if field_name == "dob":
            return (field_name, g("date", ""))
        return (field_name, (g("value", "") or "").lower().replace(" ", ""))
    return (g("date", ""),)


def fact_as_dict(f: Fact) -> dict[str, str]:
    return {"name": f.name, "dose": f.dose, "unit": f.unit, "frequency": f.frequency,
            "status": f.status, "date": f.date, "value": f.value}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_multisets(truth: Iterable[tuple[str, ...]], found: Iterable[tuple[str, ...]], score: Score, where: str) -> None:
    t, f = Counter(truth), Counter(found)
    for key in t | f:
        hit = min(t[key], f[key])
        score.tp += hit
        if t[key] > hit:
            score.fn += t[key] - hit
            score.misses.append(f"{where}: {key}")
        if f[key] > hit:
            score.fp += f[key] - hit
            score.extras.append(f"{where}: {key}")


def score_extraction(truth: dict[str, Any], result: RunResult) -> dict[str, Score]:
    scores = {k: Score() for k in KINDS}
    found_by_file: dict[str, list[Fact]] = defaultdict(list)
    for fact in result.facts:
        found_by_file[fact.provenance.file].append(fact)
    for doc in truth["documents"]:
        for kind in KINDS:
            t_keys = {fact_key(kind, f) for f in doc["facts"] if f["kind"] == kind}
            f_keys = {fact_key(kind, fact_as_dict(f)) for f in found_by_file.get(doc["file"], []) if f.kind == kind}
            # Facts repeated on several pages of one document count once.
            score_multisets(t_keys, f_keys, scores[kind], doc["file"])
    return scores


def score_findings(truth: dict[str, Any], result: RunResult) -> dict[str, Score]:
    scores = {c: Score() for c in CATEGORIES}
    expected = defaultdict(list)
    for e in truth.get("expected_findings", []):
        expected[e["category"]].append((e["subject"], e["provider"]))
    found = defaultdict(list)
    for f in result.findings:
        found[f.category].append((f.subject, f.provider))
    for cat in CATEGORIES:
        if cat == VERIFY and not expected[cat]:
            continue  # requests to check a misread scan: counted apart, see evaluate_set
        score_multisets(expected[cat], found[cat], scores[cat], cat)
    return scores


def page_text(page: OcrPage) -> tuple[str, str]:
    """The two reading orders both CERs are taken over, the better counting: the extractor's
    row rebuild (tables read across) and Tesseract's block order (columns read down).

    CER is to measure reading the characters; the ground truth reads a two-column page
    column by column and a table row by row, and neither order alone suits both."""
    return build_doc_text([page]).text, page.text


def plain_tesseract_text(pdf: Path, page: int, dpi: int, work: Path) -> tuple[str, str]:
    """Baseline: the page rendered by pdftoppm, read by Tesseract with no cleaning.

    Read as a word table and rebuilt by page_text, like the pipeline's words, so that the two
    CERs differ by what cleaning did and not by how the words were put back in order.
    """
    stem = work / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(stem)], check=True, capture_output=True)
    out = subprocess.run(["tesseract", f"{stem}.pgm", "-", "--dpi", str(dpi), "-l", "eng", "--psm", "3", "tsv"],
                         check=True, capture_output=True, text=True,
                         env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
    Path(f"{stem}.pgm").unlink(missing_ok=True)
    words = tesseract.parse_tsv(out.stdout)
    return page_text(OcrPage(provider="", file=pdf.name, page=page, dpi=dpi, width=0, height=0,
                             words=tuple(words), pdf_path=None))


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    lines += [fmt.format(*map(str, r)) for r in rows]
    return "\n".join(lines)


def evaluate_set(s: SampleSet, out_root: Path, baseline: bool, verbose: bool, jobs: int | None) -> dict[str, Any]:
    settings = load_settings(jobs=jobs, cache_dir=out_root / ".cache")
    today = dt.date.fromisoformat(s.truth["today"]) if "today" in s.truth else dt.date.today()
    result = run(s.scans, out_root / s.name, settings, today=today)
    dpi = settings.ocr.dpi

    print(f"\n=== sample set: {s.name} ({len(result.pages)} pages, {len(result.inputs)} files) ===")
    # OCR character error rate, per page, with and without the pipeline's preprocessing.
    ocr_by_page = {(p.file, p.page): page_text(p) for p in result.pages}
    rows, total_err, total_len, base_err = [], 0.0, 0, 0.0
    with tempfile.TemporaryDirectory(prefix="recordcheck-eval-") as tmp:
        for doc in s.truth["documents"]:
            for page in doc["pages"]:
                ref = page["text"]
                hyp = ocr_by_page.get((doc["file"], page["page"]), ("",))
                c = min(cer(ref, h) for h in hyp)
                n = len(normalize_text(ref))
                total_err += c * n
                total_len += n
                row = [doc["file"], str(page["page"]), f"{100 * c:.2f}%"]
                if baseline:
                    b = min(cer(ref, h) for h in
                            plain_tesseract_text(s.scans / doc["file"], page["page"], dpi, Path(tmp)))
                    base_err += b * n
                    row.append(f"{100 * b:.2f}%")
                rows.append(row)
    header = ["file", "page", "CER pipeline"] + (["CER plain tesseract"] if baseline else [])
    print("OCR character error rate (whitespace-normalized, vs. ground-truth page text, the better of two reading orders):")
    print(_table(rows, header))
    overall = total_err / total_len if total_len else 0.0
    overall_base = base_err / total_len if total_len and baseline else None
    print(f"overall CER: pipeline {100 * overall:.2f}%"
          + (f", plain tesseract {100 * overall_base:.2f}%" if overall_base is not None else ""))

    ext = score_extraction(s.truth, result)
    print("\nExtraction (per fact kind; medication = name+strength+unit+frequency, allergy = allergen+negation,"
          " vaccine = vaccine+date):")
    print(_table([[k, v.tp, v.fp, v.fn, f"{v.precision:.3f}", f"{v.recall:.3f}", f"{v.f1:.3f}"] for k, v in ext.items()],
                 ["kind", "tp", "fp", "fn", "precision", "recall", "F1"]))
    fnd = score_findings(s.truth, result)
    active = {c: v for c, v in fnd.items() if v.tp or v.fp or v.fn}
    print("\nFindings (category, subject, provider vs. planted mistakes):")
    if active:
        print(_table([[c, v.tp, v.fp, v.fn, f"{v.precision:.3f}", f"{v.recall:.3f}"] for c, v in active.items()],
                     ["category", "tp", "fp", "fn", "precision", "recall"]))
    else:
        print("(no planted mistakes and no findings)")
    verify = [f for f in result.findings if f.category == VERIFY]
    if verify and not any(e["category"] == VERIFY for e in s.truth.get("expected_findings", [])):
        print(f"requests to check a likely misread (unreadable_entry, not scored): {len(verify)} "
              f"({', '.join(sorted({f.severity for f in verify}))})")
    serious = [f for f in result.findings if f.severity in ("high", "medium")]
    if not s.truth.get("expected_findings"):
        print(f"control set: {len(serious)} findings of medium or high severity (target 0)")
    if verbose:
        for kind, v in ext.items():
            for m in v.misses:
                print(f"  missed {kind}: {m}")
            for m in v.extras:
                print(f"  extra  {kind}: {m}")
        for v in fnd.values():
            for m in v.misses:
                print(f"  missed finding: {m}")
            for m in v.extras:
                print(f"  extra finding:  {m}")
        for p in result.problems:
            print(f"  problem: {p.file} p{p.page} {p.stage}: {p.reason}")
    return {
        "set": s.name,
        "pages": len(result.pages),
        "cer": overall,
        "cer_plain_tesseract": overall_base,
        "extraction": {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1, "tp": v.tp, "fp": v.fp, "fn": v.fn}
                       for k, v in ext.items()},
        "findings": {c: {"precision": v.precision, "recall": v.recall, "tp": v.tp, "fp": v.fp, "fn": v.fn}
                     for c, v in active.items()},
        "medium_or_high_findings": len(serious),
        "verification_requests": len(verify),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", action="append", dest="sets", help="only this sample set (repeatable)")
    parser.add_argument("--out", type=Path, default=ROOT / "eval-out", help="where runs and eval.json go")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain Tesseract for the CER comparison")
    parser.add_argument("--jobs", type=int)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    args = parser.parse_args(argv)
    sets = sample_sets(args.sets)
    if not sets:
        print("no sample sets found; run `make samples` first", file=sys.stderr)
        return 1
    results = [evaluate_set(s, args.out, not args.no_baseline, args.verbose, args.jobs) for s in sets]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "eval.json").write_text(json.dumps(results, indent=2))
    print(f"\nwrote {args.out / 'eval.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
