"""Seeded generator of the synthetic scanned records and their ground truth (`make samples`)."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ._basic import basic_set, degraded_set
from ._control import control_set
from ._hard import hard_set
from ._holdout import holdout_set
from ._holdout2 import holdout2_set
from ._holdout3 import holdout3_set
from ._holdout4 import holdout4_set
from ._holdout5 import holdout5_set
from ._holdout6 import holdout6_set
from ._holdout7 import holdout7_set
from ._holdout8 import holdout8_set
from ._holdout9 import holdout9_set
from ._holdout10 import holdout10_set
from ._holdout11 import holdout11_set
from ._layouts import LAYOUTS
from ._layouts_holdout import HOLDOUT_LAYOUTS
from ._layouts_holdout2 import HOLDOUT2_LAYOUTS
from ._layouts_holdout3 import HOLDOUT3_LAYOUTS
from ._layouts_holdout4 import HOLDOUT4_LAYOUTS
from ._layouts_holdout5 import HOLDOUT5_LAYOUTS
from ._layouts_holdout6 import HOLDOUT6_LAYOUTS
from ._layouts_holdout7 import HOLDOUT7_LAYOUTS
from ._layouts_holdout8 import HOLDOUT8_LAYOUTS
from ._layouts_holdout9 import HOLDOUT9_LAYOUTS
from ._layouts_holdout10 import HOLDOUT10_LAYOUTS
from ._layouts_holdout11 import HOLDOUT11_LAYOUTS
from ._model import Document, SampleSet
from ._scan import degrade_page, encode_jpeg, rasterize_page, write_image_pdf
from ._writer import PageWriter

SAMPLES_DIR = Path(__file__).resolve().parent

SETS: dict[str, Callable[[], SampleSet]] = {
    "basic": basic_set,
    "control": control_set,
    "hard": hard_set,
    "degraded": degraded_set,
    "holdout": holdout_set,
    "holdout2": holdout2_set,
    "holdout3": holdout3_set,
    "holdout4": holdout4_set,
    "holdout5": holdout5_set,
    "holdout6": holdout6_set,
    "holdout7": holdout7_set,
    "holdout8": holdout8_set,
    "holdout9": holdout9_set,
    "holdout10": holdout10_set,
    "holdout11": holdout11_set,
}
ALL_LAYOUTS = {
    **LAYOUTS, **HOLDOUT_LAYOUTS, **HOLDOUT2_LAYOUTS, **HOLDOUT3_LAYOUTS, **HOLDOUT4_LAYOUTS,
    **HOLDOUT5_LAYOUTS, **HOLDOUT6_LAYOUTS, **HOLDOUT7_LAYOUTS, **HOLDOUT8_LAYOUTS,
    **HOLDOUT9_LAYOUTS, **HOLDOUT10_LAYOUTS, **HOLDOUT11_LAYOUTS,
}  # fmt: skip


def render_document(
    doc: Document, scans_dir: Path, work: Path, rng: np.random.Generator
) -> dict[str, Any]:
    """Lay out, print, scan and save one document; return its truth entry."""
    born_digital = work / (Path(doc.file).stem + "-digital.pdf")
    writer = PageWriter(born_digital, doc.font)
    ALL_LAYOUTS[doc.layout](doc, writer)
    texts = writer.save()
    if len(texts) != len(doc.scans):
        raise ValueError(
            f"{doc.file}: layout made {len(texts)} pages but {len(doc.scans)} scan profiles are given"
        )
    pages = []
    for number, profile in enumerate(doc.scans, start=1):
        clean = rasterize_page(born_digital, number, profile.dpi, work)
        scanned = degrade_page(clean, profile, rng)
        height, width = scanned.shape
        pages.append((encode_jpeg(scanned, profile.jpeg_quality), width, height, profile.dpi))
    write_image_pdf(pages, scans_dir / doc.file)
    return {
        "provider": doc.provider,
        "file": doc.file,
        "document_date": doc.document_date,
        "pages": [
            {"page": n, "dpi": p.dpi, "rotation": p.rotation, "skew": p.skew, "text": "\n".join(t)}
            for n, (p, t) in enumerate(zip(doc.scans, texts, strict=True), start=1)
        ],
        "facts": writer.facts,
    }


def generate_set(sample: SampleSet, out_dir: Path) -> Path:
    """Write one set's scans and truth.json under out_dir (laid out as in samples/)."""
    # Layouts are deterministic; the seeded generators drive only the scan damage, so a
    # set can be re-rendered with a new seed and keep the same truth.
    rng = np.random.Generator(np.random.PCG64(sample.seed))
    scans_dir = out_dir / sample.scans_dir
    documents = []
    with tempfile.TemporaryDirectory(prefix="recordcheck-samples-") as tmp:
        for doc in sample.documents:
            documents.append(render_document(doc, scans_dir, Path(tmp), rng))
    truth = {
        "set": sample.name,
        "seed": sample.seed,
        "dpi": 300,
        "patient": {"name": sample.patient_name, "dob": sample.patient_dob},
        "documents": documents,
        "expected_findings": [
            {"category": f.category, "subject": f.subject, "provider": f.provider, "note": f.note}
            for f in sample.expected_findings
        ],
        "harmless_variations": list(sample.harmless_variations),
    }
    truth_path = out_dir / sample.truth_file
    truth_path.parent.mkdir(parents=True, exist_ok=True)
    truth_path.write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return truth_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m samples.generate", description="Generate the synthetic sample scans."
    )
    parser.add_argument("--set", choices=[*SETS, "all"], default="all", dest="which")
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="default: samples/")
    args = parser.parse_args(argv)
    names = list(SETS) if args.which == "all" else [args.which]
    for name in names:
        path = generate_set(SETS[name](), args.out)
        print(f"{name}: wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
