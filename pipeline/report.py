"""Report stage: discrepancies.csv, facts.csv, problems.csv and annotated.pdf, each written atomically."""

from __future__ import annotations

import io
import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import IO, Any
from xml.sax.saxutils import escape

import pikepdf
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .pdf_stream import OutlineItem, StreamingPdfWriter, pdf_number, pdf_string
from .procs import process_alive
from .records import CATEGORIES, SEVERITIES, BBox, Fact, Finding, OcrPage, Problem

log = logging.getLogger(__name__)

DISCREPANCY_COLUMNS = (
    "finding_id",
    "severity",
    "category",
    "subject",
    "provider",
    "file",
    "page",
    "found",
    "expected",
    "other_providers",
    "explanation",
    "confidence",
)
FACT_COLUMNS = (
    "provider",
    "file",
    "page",
    "kind",
    "text",
    "name",
    "code",
    "dose",
    "unit",
    "frequency",
    "route",
    "date",
    "status",
    "confidence",
    "bbox",
)
PROBLEM_COLUMNS = ("file", "page", "stage", "reason", "advice")

DISCREPANCIES_NAME = "discrepancies.csv"
FACTS_NAME = "facts.csv"
PROBLEMS_NAME = "problems.csv"
ANNOTATED_NAME = "annotated.pdf"

# Highlight colours as hex RGB: strong enough to see on a grey scan, light enough that
# the highlighted word stays readable under it.
SEVERITY_COLORS = {"high": "ff6b6b", "medium": "ffae42", "low": "fff35c"}

# Beyond this the summary would run to dozens of pages; the CSV has every row.
_MAX_LISTED_FINDINGS = 200
# RFC 4180 records end with CRLF.
_CSV_LINE_END = "\r\n"
_NOTE_SIZE_PT = 18.0
_NOTE_GAP_PT = 4.0
_FALLBACK_DPI = 300
_MARGIN_PT = 0.6 * inch
# A table row taller than a page stops reportlab; the note on the page has the full text.
_MAX_CELL_CHARS = 300

PageKey = tuple[str, str, int]
# Annotation flags (PDF 32000 12.5.3): print it; keep a note's icon one size and upright.
_PRINT, _NO_ZOOM, _NO_ROTATE = 4, 8, 16


@dataclass(frozen=True)
class RunSummary:
    """What the run processed, for the summary page."""

    input_dir: str
    files: int
    pages: int
    providers: tuple[str, ...]
    problems: int
    elapsed_s: float
    patient: str  # patient name as read ("" if unknown)


@dataclass(frozen=True)
class ReportPaths:
    """Where the four outputs were written."""

    discrepancies: Path
    facts: Path
    problems: Path
    annotated: Path


def write_reports(
    out_dir: Path,
    facts: Sequence[Fact],
    findings: Sequence[Finding],
    problems: Sequence[Problem],
    pages: Sequence[OcrPage],
    summary: RunSummary,
    *,
    page_images: Mapping[PageKey, Path] | None = None,
) -> ReportPaths:
    """Write the four outputs into `out_dir` (created 0700 if missing), each atomically.

    `page_images` optionally maps (provider, file, page) to the page image, used in the
    annotated PDF for pages whose OCR produced no PDF.
    """
    ensure_out_dir(out_dir)
    remove_stale_temp_files(out_dir)
    paths = ReportPaths(
        discrepancies=out_dir / DISCREPANCIES_NAME,
        facts=out_dir / FACTS_NAME,
        problems=out_dir / PROBLEMS_NAME,
        annotated=out_dir / ANNOTATED_NAME,
    )
    # Every file is complete on disk under a staging name before any is renamed into place,
    # so a run killed while writing leaves the previous set of outputs, not a mix of old
    # and new. The renames themselves are four steps: a commit marker written before them
    # lets the next run finish them if this one is killed in between (see
    # remove_stale_temp_files), so the set is always one run's.
    staged = {final: _staging_name(final) for final in _paths_in_order(paths)}
    marker = _commit_marker(out_dir, os.getpid())
    try:
        write_discrepancies_csv(staged[paths.discrepancies], findings)
        write_facts_csv(staged[paths.facts], facts)
        write_problems_csv(staged[paths.problems], problems)
        write_annotated_pdf(
            staged[paths.annotated], findings, pages, summary, page_images=page_images
        )
        marker.touch(mode=0o600)
        _fsync_dir(out_dir)
        for final, tmp in staged.items():
            os.replace(tmp, final)
        _fsync_dir(out_dir)
        marker.unlink()
    except BaseException:
        if not marker.exists():
            for tmp in staged.values():
                tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(out_dir)
    return paths


def _commit_marker(out_dir: Path, pid: int) -> Path:
    return out_dir / f".commit-{pid}"


_COMMIT_NAME = re.compile(r"^\.commit-(\d+)$")


def _finish_commits(out_dir: Path, names: Sequence[str]) -> None:
    """Complete the renames of a run killed after it marked its outputs complete."""
    for name in names:
        match = _COMMIT_NAME.match(name)
        if match is None:
            continue
        pid = int(match.group(1))
        if pid != os.getpid() and process_alive(pid):
            continue
        for output in _OUTPUT_NAMES:
            staged = out_dir / f".{output}.new-{pid}"
            if staged.exists():
                os.replace(staged, out_dir / output)
        _fsync_dir(out_dir)
        (out_dir / name).unlink(missing_ok=True)


def _paths_in_order(paths: ReportPaths) -> tuple[Path, ...]:
    return (paths.discrepancies, paths.facts, paths.problems, paths.annotated)


def _staging_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.new-{os.getpid()}")


_OUTPUT_NAMES = (DISCREPANCIES_NAME, FACTS_NAME, PROBLEMS_NAME, ANNOTATED_NAME)
# .facts.csv.tmp-<pid>, .facts.csv.new-<pid> and the staging file's own ..facts.csv.new-<pid>.tmp-<pid>
_TEMP_NAME = re.compile(
    r"^\.{1,2}(?:"
    + "|".join(map(re.escape, _OUTPUT_NAMES))
    + r")(?:\.new-\d+)?\.(?:tmp|new)-(\d+)$"
)


def remove_stale_temp_files(out_dir: Path) -> None:
    """Remove half-written outputs that a killed run (SIGKILL, power loss) left in `out_dir`,
    after finishing the renames of one killed while putting complete outputs in place."""
    try:
        _finish_commits(out_dir, os.listdir(out_dir))
        entries = list(os.scandir(out_dir))
    except OSError:
        return
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None:
            continue
        pid = int(match.group(1))
        # Our own pid's leftover is from an earlier failed call in this process: ours to replace.
        if pid != os.getpid() and process_alive(pid):
            continue
        try:
            if entry.is_file(follow_symlinks=False) or entry.is_symlink():
                os.unlink(entry.path)
        except OSError as exc:
            log.debug("could not remove %s: %s", entry.name, exc)


def ensure_out_dir(out_dir: Path) -> None:
    """Create the output folder private to the user; an existing one keeps its mode."""
    out_dir.mkdir(mode=0o700, parents=True, exist_ok=True)


# --- atomic output -------------------------------------------------------------------


@contextmanager
def _atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """Yield a 0600 temporary file next to `path`; on success fsync it and rename it over `path`.

    A run killed part-way therefore leaves the previous complete file (or none), never a
    truncated one; on an exception the temporary file is removed.
    """
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    # O_NOFOLLOW: never write through a symlink planted where the temporary file goes.
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fh = os.fdopen(os.open(tmp, flags, 0o600), "wb")
    try:
        with fh:
            os.fchmod(fh.fileno(), 0o600)  # a reused stale temporary file keeps its old mode
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not every platform lets a folder be opened.
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def load_csv_writer() -> ModuleType:
    """pandas, which writes the CSVs.

    Imported on first use (0.15 s): a run does it while the OCR workers read pages (see
    api._Extraction), not before the first page goes to them.
    """
    import pandas

    return pandas


def _write_csv_atomic(path: Path, columns: Sequence[str], rows: list[list[object]]) -> None:
    frame = load_csv_writer().DataFrame(rows, columns=list(columns), dtype=object)
    with _atomic_output(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        frame.to_csv(text, index=False, lineterminator=_CSV_LINE_END)
        text.flush()
        text.detach()  # leave closing the raw handle to _atomic_output


# --- CSVs ----------------------------------------------------------------------------


def _confidence(value: float) -> float:
    return round(float(value), 2)


def _bbox_text(bbox: BBox | None) -> str:
    return "" if bbox is None else " ".join(str(int(v)) for v in bbox)


def write_discrepancies_csv(path: Path, findings: Sequence[Finding]) -> None:
    """One row per finding, in the order given (most severe first)."""
    rows: list[list[object]] = [
        [
            f.finding_id,
            f.severity,
            f.category,
            f.subject,
            f.provider,
            f.file,
            f.page,
            f.found,
            f.expected,
            "; ".join(f.other_providers),
            f.explanation,
            _confidence(f.confidence),
        ]
        for f in findings
    ]
    _write_csv_atomic(path, DISCREPANCY_COLUMNS, rows)


def _fact_row(fact: Fact) -> list[object]:
    p = fact.provenance
    text, code = fact.text, fact.code
    if fact.kind == "identity":
        if fact.name == "mrn" and fact.value:
            code = fact.value
        elif fact.name == "name" and not text:
            text = fact.value
    return [
        p.provider,
        p.file,
        p.page,
        fact.kind,
        text,
        fact.name,
        code,
        fact.dose,
        fact.unit,
        fact.frequency,
        fact.route,
        fact.date,
        fact.status,
        _confidence(fact.confidence),
        _bbox_text(p.bbox),
    ]


def _fact_sort_key(fact: Fact, row: list[object]) -> tuple[Any, ...]:
    p = fact.provenance
    box = p.bbox
    # Facts without a box go after the boxed ones of their page; the whole row breaks
    # the remaining ties so the order never depends on the order facts arrived in.
    return (
        p.provider,
        p.file,
        p.page,
        fact.kind,
        box is None,
        box[1] if box else 0,
        box[0] if box else 0,
        fact.name,
        tuple(str(v) for v in row),
    )


def write_facts_csv(path: Path, facts: Sequence[Fact]) -> None:
    """Every fact with its provenance, ordered by provider, file, page, kind, position, name."""
    keyed = [(_fact_sort_key(f, row), row) for f in facts for row in [_fact_row(f)]]
    keyed.sort(key=lambda item: item[0])
    _write_csv_atomic(path, FACT_COLUMNS, [row for _, row in keyed])


def write_problems_csv(path: Path, problems: Sequence[Problem]) -> None:
    """Inputs or pages that could not be processed; the header is written even when empty."""
    rows: list[list[object]] = [
        [p.file, "" if p.page is None else p.page, p.stage, p.reason, p.advice] for p in problems
    ]
    _write_csv_atomic(path, PROBLEM_COLUMNS, rows)


# --- annotated PDF -------------------------------------------------------------------


def note_text(finding: Finding) -> str:
    """The annotation note: what is wrong, and what this record says against the others."""
    parts = []
    if finding.found:
        parts.append(f"found: {finding.found}")
    if finding.expected:
        parts.append(f"expected: {finding.expected}")
    detail = f" ({', '.join(parts)})" if parts else ""
    return f"{finding.severity} {finding.category}: {finding.explanation}{detail}"


@dataclass(frozen=True)
class MediaBox:
    """A page's media box in PDF points."""

    left: float
    bottom: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.bottom + self.height

    @classmethod
    def of(cls, box: Sequence[Any]) -> MediaBox:
        x0, y0, x1, y1 = (float(v) for v in box)
        return cls(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))


def bbox_to_pdf_rect(
    bbox: BBox, mediabox: MediaBox, width_px: int, height_px: int, dpi: int
) -> tuple[float, float, float, float]:
    """Page pixels (origin top left) to PDF points (origin bottom left) on this page.

    The scale comes from the page's own size over the image size, so it holds whatever
    resolution Tesseract assumed when it sized the page; 72/dpi only when the image size
    is unknown. The result is clipped to the page.
    """
    nominal = 72.0 / (dpi if dpi > 0 else _FALLBACK_DPI)
    left, bottom = mediabox.left, mediabox.bottom
    page_w, page_h = mediabox.width, mediabox.height
    sx = page_w / width_px if width_px > 0 else nominal
    sy = page_h / height_px if height_px > 0 else nominal
    top = bottom + page_h
    x0, y0, x1, y1 = (float(v) for v in bbox)
    rx0 = min(max(left + min(x0, x1) * sx, left), left + page_w)
    rx1 = min(max(left + max(x0, x1) * sx, left), left + page_w)
    ry1 = min(max(top - min(y0, y1) * sy, bottom), top)
    ry0 = min(max(top - max(y0, y1) * sy, bottom), top)
    return (rx0, ry0, rx1, ry1)


def _color(severity: str) -> bytes:
    color = SEVERITY_COLORS.get(severity, SEVERITY_COLORS["low"])
    return b" ".join(pdf_number(int(color[i : i + 2], 16) / 255) for i in (0, 2, 4))


def _annotation(finding: Finding, subtype: bytes, rect: tuple[float, float, float, float], flags: int, extra: bytes) -> bytes:
    parts = [
        b"/Type /Annot /Subtype /" + subtype,
        b"/Rect [" + b" ".join(pdf_number(v) for v in rect) + b"]",
        b"/C [" + _color(finding.severity) + b"]",
        b"/F %d" % flags,
        b"/T " + pdf_string(f"RecordCheck {finding.finding_id}"),
        b"/Contents " + pdf_string(note_text(finding)),
        b"/NM " + pdf_string(finding.finding_id),
        extra,
    ]
    return b"<< " + b" ".join(parts) + b" >>"


def _highlight(finding: Finding, rect: tuple[float, float, float, float]) -> bytes:
    x0, y0, x1, y1 = rect
    # Quad order upper-left, upper-right, lower-left, lower-right: what Acrobat writes
    # and what pdf.js, Poppler and PDFium expect.
    quad = b" ".join(pdf_number(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0))
    return _annotation(finding, b"Highlight", rect, _PRINT, b"/QuadPoints [" + quad + b"]")


def _sticky_note(finding: Finding, rect: tuple[float, float, float, float]) -> bytes:
    return _annotation(finding, b"Text", rect, _PRINT | _NO_ZOOM | _NO_ROTATE, b"/Open false")


def _note_rect(mediabox: MediaBox, index: int) -> tuple[float, float, float, float]:
    """The index-th slot in a row of small notes along the top margin, wrapping to new rows."""
    left, top = mediabox.left, mediabox.top
    step = _NOTE_SIZE_PT + _NOTE_GAP_PT
    per_row = max(1, int((mediabox.width - 2 * _NOTE_GAP_PT) // step))
    row, col = divmod(index, per_row)
    x0 = left + _NOTE_GAP_PT + col * step
    y1 = top - _NOTE_GAP_PT - row * step
    return (x0, y1 - _NOTE_SIZE_PT, x0 + _NOTE_SIZE_PT, y1)


def _summary_story(findings: Sequence[Finding], summary: RunSummary) -> list[Flowable]:
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    small = ParagraphStyle("rc-small", parent=body, fontSize=8, leading=9.5)
    small_bold = ParagraphStyle("rc-small-bold", parent=small, fontName="Helvetica-Bold")
    story: list[Flowable] = [Paragraph("RecordCheck summary", styles["Title"])]

    def line(label: str, value: str) -> None:
        story.append(Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", body))

    line("Patient (as read from the records)", summary.patient or "not found in the records")
    line("Input folder", summary.input_dir)
    providers = ", ".join(summary.providers) if summary.providers else "none"
    line(
        "Processed",
        f"{summary.files} file(s), {summary.pages} page(s) from "
        f"{len(summary.providers)} provider(s): {providers}",
    )
    line(
        "Problems",
        f"{summary.problems} input(s) or page(s) could not be fully processed"
        + (" (see problems.csv for what to do)" if summary.problems else ""),
    )
    line("Likely mistakes found", str(len(findings)))
    line("Time taken", f"{summary.elapsed_s:.1f} s")
    story.append(Spacer(1, 8))

    if findings:
        story.append(_counts_table(findings, small, small_bold))
        story.append(Spacer(1, 8))
    story.append(
        Paragraph(
            "Highlighted entries on the following pages explain each finding; "
            "open the annotation note to read it.",
            body,
        )
    )
    if findings:
        next_step = (
            "What to do next: take discrepancies.csv (and this file) to the provider named in "
            "each row and ask them to check the entry and, if it is wrong, amend the record. "
            "You have the right to ask a provider to amend your record."
        )
    else:
        next_step = (
            "No likely mistakes were found in the text that could be read. Pages listed in "
            "problems.csv were not checked."
        )
    story.append(Paragraph(next_step, body))

    if findings:
        story.append(Spacer(1, 8))
        story.append(Paragraph("Findings, most severe first", styles["Heading2"]))
        story.append(_findings_table(findings[:_MAX_LISTED_FINDINGS], small, small_bold))
        if len(findings) > _MAX_LISTED_FINDINGS:
            story.append(
                Paragraph(
                    f"... and {len(findings) - _MAX_LISTED_FINDINGS} more in discrepancies.csv.",
                    body,
                )
            )
    return story


_GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)


def _counts_table(findings: Sequence[Finding], cell: ParagraphStyle, head: ParagraphStyle) -> Table:
    counts = Counter((f.category, f.severity) for f in findings)
    categories = [c for c in CATEGORIES if any(k[0] == c for k in counts)]
    categories += sorted({c for c, _ in counts} - set(categories))
    severities = list(SEVERITIES) + sorted({s for _, s in counts} - set(SEVERITIES))
    data: list[list[Any]] = [[Paragraph(h, head) for h in ["category", *severities, "total"]]]
    for cat in categories:
        row = [counts[(cat, s)] for s in severities]
        data.append([Paragraph(escape(cat), cell), *map(str, row), str(sum(row))])
    totals = [sum(counts[(c, s)] for c in categories) for s in severities]
    data.append([Paragraph("total", head), *map(str, totals), str(sum(totals))])
    widths = [150.0] + [50.0] * (len(severities) + 1)
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(_GRID)
    return table


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3].rstrip() + "..."


def _findings_table(
    findings: Sequence[Finding], cell: ParagraphStyle, head: ParagraphStyle
) -> Table:
    header = ["id", "severity", "category", "subject", "where", "explanation"]
    data: list[list[Any]] = [[Paragraph(h, head) for h in header]]
    for f in findings:
        where = f"{f.provider}, {f.file} p.{f.page}"
        values = [f.finding_id, f.severity, f.category, f.subject, where, f.explanation]
        data.append([Paragraph(escape(_shorten(v, _MAX_CELL_CHARS)), cell) for v in values])
    usable = letter[0] - 2 * _MARGIN_PT
    widths = [38.0, 46.0, 106.0, 62.0, 110.0]
    widths.append(usable - sum(widths))
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_GRID)
    return table


def _summary_pdf(findings: Sequence[Finding], summary: RunSummary) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=letter,
        leftMargin=_MARGIN_PT,
        rightMargin=_MARGIN_PT,
        topMargin=_MARGIN_PT,
        bottomMargin=_MARGIN_PT,
        title="RecordCheck summary",
        invariant=1,  # no timestamps: same inputs, same summary bytes
    )
    doc.build(_summary_story(findings, summary))
    return buf.getvalue()


def _page_size_pt(page: OcrPage) -> tuple[float, float]:
    dpi = page.dpi if page.dpi > 0 else _FALLBACK_DPI
    if page.width > 0 and page.height > 0:
        return (page.width * 72.0 / dpi, page.height * 72.0 / dpi)
    return letter


def _fallback_page_pdf(page: OcrPage, image: Path | None) -> bytes:
    """A page with just the image when OCR made no PDF, else a placeholder saying so."""
    buf = io.BytesIO()
    size = _page_size_pt(page)
    c = canvas.Canvas(buf, pagesize=size, invariant=1)
    drawn = False
    if image is not None and image.is_file():
        try:
            c.drawImage(str(image), 0, 0, width=size[0], height=size[1])
            drawn = True
        except (OSError, ValueError) as exc:  # unreadable image: fall back to the placeholder
            log.debug("could not draw page image %s: %s", image, exc)
    if not drawn:
        c.setFont("Helvetica-Bold", 14)
        c.drawString(36, size[1] - 72, "This page could not be read.")
        c.setFont("Helvetica", 10)
        c.drawString(36, size[1] - 92, f"{page.provider} / {page.file}, page {page.page}")
        c.drawString(36, size[1] - 108, "See problems.csv for the reason and what to do.")
    c.showPage()
    c.save()
    return buf.getvalue()


def _ordered_pages(pages: Sequence[OcrPage]) -> list[OcrPage]:
    unique: dict[PageKey, OcrPage] = {}
    for p in pages:
        unique.setdefault((p.provider, p.file, p.page), p)
    return [unique[k] for k in sorted(unique)]


def _annotations(findings: Sequence[Finding], page: OcrPage | None, mediabox: MediaBox) -> list[bytes]:
    """One highlight per finding over its words, or a note in the top margin when it has no box."""
    out = []
    notes = 0
    for f in findings:
        box = f.provenance.bbox
        if box is not None and page is not None:
            rect = bbox_to_pdf_rect(box, mediabox, page.width, page.height, page.dpi)
            if rect[2] > rect[0] and rect[3] > rect[1]:
                out.append(_highlight(f, rect))
                continue
        out.append(_sticky_note(f, _note_rect(mediabox, notes)))
        notes += 1
    return out


def _copy_first_page(writer: StreamingPdfWriter, source: pikepdf.Pdf, page: OcrPage | None, findings: Sequence[Finding]) -> None:
    first = pikepdf.Page(source.pages[0])
    annots = _annotations(findings, page, MediaBox.of(list(first.mediabox)))
    writer.source().copy_page(first.obj, annots)


def _append_input_page(
    writer: StreamingPdfWriter,
    page: OcrPage,
    page_images: Mapping[PageKey, Path],
    findings: Sequence[Finding],
) -> None:
    if page.pdf_path is not None:
        try:
            with pikepdf.open(page.pdf_path) as source:
                if len(source.pages):
                    _copy_first_page(writer, source, page, findings)
                    return
        except (OSError, pikepdf.PdfError, ValueError, KeyError) as exc:
            log.warning("OCR PDF of a page could not be read; using its image instead")
            log.debug("%s: %s", page.pdf_path, exc)
    image = page_images.get((page.provider, page.file, page.page))
    with pikepdf.open(io.BytesIO(_fallback_page_pdf(page, image))) as source:
        _copy_first_page(writer, source, page, findings)


def _outline(ordered: Sequence[OcrPage], offset: int) -> list[OutlineItem]:
    items = [OutlineItem("Summary", 0)]
    previous: OcrPage | None = None
    for i, p in enumerate(ordered):
        if previous is None or p.provider != previous.provider:
            items.append(OutlineItem(p.provider or "(unknown provider)", offset + i))
        if previous is None or (p.provider, p.file) != (previous.provider, previous.file):
            items[-1].children.append(OutlineItem(p.file, offset + i))
        previous = p
    return items


def write_annotated_to(
    fh: IO[bytes],
    findings: Sequence[Finding],
    pages: Sequence[OcrPage],
    summary: RunSummary,
    *,
    page_images: Mapping[PageKey, Path] | None = None,
) -> None:
    """Summary page(s), then every input page in order, one highlight or note per finding.

    Written page by page: however long the records, one page is in memory at a time.
    """
    ordered = _ordered_pages(pages)
    wanted = {(p.provider, p.file, p.page) for p in ordered}
    by_page: dict[PageKey, list[Finding]] = {}
    orphans: list[Finding] = []
    for f in findings:
        key = (f.provider, f.file, f.page)
        if key in wanted:
            by_page.setdefault(key, []).append(f)
        else:
            orphans.append(f)
    if orphans:
        # The page is not in the output (e.g. it failed before OCR): keep the finding
        # visible as a note on the first summary page rather than drop it.
        log.warning("%d finding(s) point at pages not in the output", len(orphans))
    writer = StreamingPdfWriter(fh)
    with pikepdf.open(io.BytesIO(_summary_pdf(findings, summary))) as source:
        copier = writer.source()
        for n, sp in enumerate(source.pages):
            annots = _annotations(orphans, None, MediaBox.of(list(sp.mediabox))) if n == 0 else []
            copier.copy_page(sp.obj, annots)
    offset = len(writer.page_nums)
    for p in ordered:
        _append_input_page(writer, p, page_images or {}, by_page.get((p.provider, p.file, p.page), []))
    writer.close(
        _outline(ordered, offset),
        {"Title": "RecordCheck annotated records", "Creator": "RecordCheck"},
    )


def write_annotated_pdf(
    path: Path,
    findings: Sequence[Finding],
    pages: Sequence[OcrPage],
    summary: RunSummary,
    *,
    page_images: Mapping[PageKey, Path] | None = None,
) -> None:
    """Build the annotated PDF and write it atomically to `path`."""
    _write_atomic_with(
        path, lambda fh: write_annotated_to(fh, findings, pages, summary, page_images=page_images)
    )


def _write_atomic_with(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    with _atomic_output(path) as fh:
        write(fh)
