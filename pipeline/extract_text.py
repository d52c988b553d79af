"""Rebuild a document's text from OCR words, keeping a map from character offsets back to word boxes."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from statistics import median

from .records import BBox, OcrPage, Word

COLUMN_SEP = "\t"
# A horizontal gap wider than this many word heights separates table columns.
_COLUMN_GAP_HEIGHTS = 1.4
# Two OCR lines from different blocks whose vertical extents overlap this much are one table row.
_ROW_OVERLAP = 0.4


@dataclass
class Line:
    """One visual line (or table row) of one page, as a slice of the document text."""

    page_index: int
    start: int
    end: int
    text: str
    # (start, end, word) in document offsets, sorted by start
    spans: list[tuple[int, int, Word]] = field(default_factory=list)


@dataclass
class DocText:
    """The text of all pages of one document, one line per text line, with word provenance."""

    text: str
    lines: list[Line]
    pages: Sequence[OcrPage]

    def line_at(self, offset: int) -> int:
        starts = [ln.start for ln in self.lines]
        return max(0, bisect_right(starts, offset) - 1)

    def words_in(self, start: int, end: int) -> list[tuple[int, Word]]:
        """(page_index, word) of every word overlapping the character range."""
        out: list[tuple[int, Word]] = []
        if not self.lines:
            return out
        for li in range(self.line_at(start), len(self.lines)):
            line = self.lines[li]
            if line.start >= end:
                break
            for s, e, w in line.spans:
                if s < end and e > start:
                    out.append((line.page_index, w))
        return out


def _bbox_union(boxes: Sequence[BBox]) -> BBox:
    lefts, tops, rights, bottoms = zip(*boxes, strict=True)
    return (min(lefts), min(tops), max(rights), max(bottoms))


def bbox_of(words: Sequence[Word]) -> BBox | None:
    return _bbox_union([w.bbox for w in words]) if words else None


def _group_lines(page: OcrPage) -> list[list[Word]]:
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for w in page.words:
        if w.text.strip():
            groups.setdefault(w.line_key, []).append(w)
    return list(groups.values())


def _merge_rows(lines: list[list[Word]]) -> list[list[list[Word]]]:
    """Join lines that Tesseract put in separate blocks but sit side by side (table columns)."""
    rows: list[list[list[Word]]] = []
    # Each row's box and its parts' boxes, kept as the rows grow rather than measured again
    # for every line (a page of short lines made that quadratic).
    row_boxes: list[BBox] = []
    part_boxes: list[list[BBox]] = []
    merged = False
    for words in lines:
        box = bbox_of(words)
        assert box is not None
        placed = False
        for r, row in enumerate(rows):
            rbox = row_boxes[r]
            if any((p[0].block, p[0].par) == (words[0].block, words[0].par) for p in row):
                continue
            overlap = min(box[3], rbox[3]) - max(box[1], rbox[1])
            height = min(box[3] - box[1], rbox[3] - rbox[1])
            if height <= 0 or overlap < _ROW_OVERLAP * height:
                continue
            if any(min(box[2], pb[2]) > max(box[0], pb[0]) for pb in part_boxes[r]):
                continue
            row.append(words)
            part_boxes[r].append(box)
            row_boxes[r] = _bbox_union((rbox, box))
            placed = merged = True
            break
        if not placed:
            rows.append([words])
            row_boxes.append(box)
            part_boxes.append([box])
    for row in rows:
        row.sort(key=lambda part: part[0].bbox[0])
    if merged:
        rows.sort(key=lambda row: min(p[0].bbox[1] for p in row))
    return rows


def _column_break(prev: Word, word: Word, gap_limit: float) -> bool:
    """Whether a gap separates table columns rather than two words of one phrase."""
    # "OKAFOR,  DANIEL": a word ending in a comma continues its phrase, however wide the gap
    # after it (monospace print leaves a whole blank character cell after a comma).
    if prev.text.endswith(","):
        return False
    return word.bbox[0] - prev.bbox[2] > gap_limit


def _cells(words: list[Word], gap_limit: float) -> list[list[Word]]:
    cells: list[list[Word]] = []
    for w in words:
        if cells and not _column_break(cells[-1][-1], w, gap_limit):
            cells[-1].append(w)
        else:
            cells.append([w])
    return cells


def _gap_limit(words: Sequence[Word]) -> float:
    heights = [w.bbox[3] - w.bbox[1] for w in words if w.bbox[3] > w.bbox[1]]
    return _COLUMN_GAP_HEIGHTS * (median(heights) if heights else 30)


def _assign_columns(words: list[Word], bounds: list[int], tol: float) -> list[list[Word]] | None:
    """Split a row at the column bounds, or None when a word runs across one (full-width text)."""
    parts: list[list[Word]] = [[] for _ in range(len(bounds) + 1)]
    for w in words:
        if any(w.bbox[0] < b - tol and w.bbox[2] > b + tol for b in bounds):
            return None
        parts[sum(1 for b in bounds if w.bbox[0] >= b - tol)].append(w)
    return parts


def _split_columns(rows: list[list[Word]], is_header: Callable[[str], bool] | None) -> list[list[Word]]:
    """Read a two-column body column by column: it starts with a row whose every cell is a section header.

    Tesseract reads side-by-side columns as one line per row; left as is, the right column's
    entries would sit in the left column's section.
    """
    if is_header is None:
        return rows
    out: list[list[Word]] = []
    i = 0
    while i < len(rows):
        limit = _gap_limit(rows[i])
        cells = _cells(rows[i], limit)
        if len(cells) >= 2 and all(is_header(" ".join(w.text for w in c)) for c in cells):
            bounds = [c[0].bbox[0] for c in cells[1:]]
            cols: list[list[list[Word]]] = [[c] for c in cells]
            j = i + 1
            while j < len(rows):
                parts = _assign_columns(rows[j], bounds, limit / 2)
                if parts is None:
                    break
                for k, part in enumerate(parts):
                    if part:
                        cols[k].append(part)
                j += 1
            if j > i + 1:
                out.extend(line for col in cols for line in col)
                i = j
                continue
        out.append(rows[i])
        i += 1
    return out


def build_doc_text(
    pages: Sequence[OcrPage], is_header: Callable[[str], bool] | None = None
) -> DocText:
    """Text of the pages in order: one line per row, columns joined by a tab, pages by a blank line.

    `is_header` (a section-header test) lets a two-column body be read column by column.
    """
    chunks: list[str] = []
    lines: list[Line] = []
    pos = 0
    for pi, page in enumerate(pages):
        if pi > 0:
            chunks.append("\n")
            pos += 1
        rows = [
            sorted((w for part in row for w in part), key=lambda w: w.bbox[0])
            for row in _merge_rows(_group_lines(page))
        ]
        for words in _split_columns(rows, is_header):
            gap_limit = _gap_limit(words)
            line = Line(pi, pos, pos, "")
            parts: list[str] = []
            cur = pos
            prev: Word | None = None
            for w in words:
                if prev is not None:
                    sep = COLUMN_SEP if _column_break(prev, w, gap_limit) else " "
                    parts.append(sep)
                    cur += 1
                text = w.text.replace("\n", " ").replace("\t", " ")
                line.spans.append((cur, cur + len(text), w))
                parts.append(text)
                cur += len(text)
                prev = w
            line.text = "".join(parts)
            line.end = cur
            lines.append(line)
            chunks.append(line.text + "\n")
            pos = cur + 1
    return DocText("".join(chunks), lines, pages)


# Monospace grid used to fabricate boxes: 10 pt Courier at 300 dpi is about 25 px a character.
_CHAR_W = 25
_LINE_H = 50
_WORD_H = 36
_MARGIN = 150


def ocr_page_from_text(
    text: str,
    *,
    provider: str = "p",
    file: str = "p/doc.pdf",
    page: int = 1,
    dpi: int = 300,
    conf: float = 95.0,
) -> OcrPage:
    """An OcrPage whose words carry monospace-grid boxes, one Tesseract line per text line.

    Runs of three or more spaces become wide gaps, so they read back as table columns.
    """
    scale = dpi / 300
    words: list[Word] = []
    par = 1
    line_no = 0
    max_cols = 0
    text_lines = text.splitlines()
    for row, raw in enumerate(text_lines):
        raw = raw.replace("\t", "    ")
        max_cols = max(max_cols, len(raw))
        if not raw.strip():
            par += 1
            line_no = 0
            continue
        line_no += 1
        y0 = int((_MARGIN + row * _LINE_H) * scale)
        y1 = y0 + int(_WORD_H * scale)
        for n, m in enumerate(re.finditer(r"\S+", raw), start=1):
            x0 = int((_MARGIN + m.start() * _CHAR_W) * scale)
            x1 = int((_MARGIN + m.end() * _CHAR_W) * scale)
            words.append(Word(m.group(), conf, (x0, y0, x1, y1), 1, par, line_no, n))
    width = max(int(8.5 * dpi), int((2 * _MARGIN + max_cols * _CHAR_W) * scale))
    height = max(int(11 * dpi), int((2 * _MARGIN + len(text_lines) * _LINE_H) * scale))
    return OcrPage(
        provider=provider,
        file=file,
        page=page,
        dpi=dpi,
        width=width,
        height=height,
        words=tuple(words),
        pdf_path=None,
    )
