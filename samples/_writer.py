"""A small reportlab page writer that records every printed line and fact as it draws them."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import reportlab
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")

# Registered name -> (TTF file, standard font used when the TTF is absent).
_TTF_FONTS = {
    "DejaVuSerif": ("DejaVuSerif.ttf", "Times-Roman"),
    "DejaVuSerif-Bold": ("DejaVuSerif-Bold.ttf", "Times-Bold"),
    "DejaVuSans": ("DejaVuSans.ttf", "Helvetica"),
    "DejaVuSans-Bold": ("DejaVuSans-Bold.ttf", "Helvetica-Bold"),
    "DejaVuSansCondensed": ("DejaVuSansCondensed.ttf", "Helvetica"),
    "DejaVuSansCondensed-Bold": ("DejaVuSansCondensed-Bold.ttf", "Helvetica-Bold"),
    "DejaVuSansMono": ("DejaVuSansMono.ttf", "Courier"),
    "DejaVuSansMono-Bold": ("DejaVuSansMono-Bold.ttf", "Courier-Bold"),
}

# Standard font -> the metric-compatible Type 1 face reportlab ships. Embedding it makes
# the rendering independent of the fonts Poppler happens to find on the machine.
_STANDARD_FACES = {
    "Helvetica": "_a______",
    "Helvetica-Bold": "_ab_____",
    "Times-Roman": "_er_____",
    "Times-Bold": "_eb_____",
    "Courier": "com_____",
    "Courier-Bold": "cob_____",
}

_BOLD = {
    "Helvetica": "Helvetica-Bold",
    "Times-Roman": "Times-Bold",
    "Courier": "Courier-Bold",
}


def embed_type1(embedded: str, afm: Path, pfb: Path) -> str | None:
    """Register the Type 1 face in `afm`/`pfb` as `embedded` (once); None if either is missing."""
    if embedded in pdfmetrics.getRegisteredFontNames():
        return embedded
    if not (afm.is_file() and pfb.is_file()):
        return None
    face = pdfmetrics.EmbeddedType1Face(str(afm), str(pfb))
    pdfmetrics.registerTypeFace(face)
    pdfmetrics.registerFont(pdfmetrics.Font(embedded, face.name, "WinAnsiEncoding"))
    return embedded


def embed_ttf(name: str, path: Path) -> str | None:
    """Register the TrueType font at `path` as `name` (once); None if the file is missing."""
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    if not path.is_file():
        return None
    pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


REPORTLAB_FONTS = Path(reportlab.__file__).parent / "fonts"


def _embedded_standard(name: str) -> str:
    face_file = _STANDARD_FACES.get(name)
    if face_file is None:
        return name
    afm, pfb = REPORTLAB_FONTS / f"{face_file}.afm", REPORTLAB_FONTS / f"{face_file}.pfb"
    return embed_type1(f"Embedded-{name}", afm, pfb) or name


def resolve_font(name: str) -> str:
    """The font to draw with: an embedded face of a standard font, a DejaVu TTF, or a fallback."""
    if name.startswith("Embedded-"):
        return name
    if name not in _TTF_FONTS:
        return _embedded_standard(name)
    filename, fallback = _TTF_FONTS[name]
    return embed_ttf(name, DEJAVU_DIR / filename) or _embedded_standard(fallback)


URW_AFM = Path("/usr/share/fonts/type1/urw-base35")
URW_PFB = Path("/usr/share/fonts/X11/Type1")
NOTO_DIR = Path("/usr/share/fonts/truetype/noto")

# The faces the later layouts draw with beyond resolve_font's own, with the standard font
# used when a file is absent (then the line wrapping, and so the truth, differs).
# Registered name -> (TTF file, fallback).
_FACE_TTF = {
    "Vera": (REPORTLAB_FONTS / "Vera.ttf", "Helvetica"),
    "VeraBd": (REPORTLAB_FONTS / "VeraBd.ttf", "Helvetica-Bold"),
    "VeraIt": (REPORTLAB_FONTS / "VeraIt.ttf", "Helvetica"),
    "VeraBI": (REPORTLAB_FONTS / "VeraBI.ttf", "Helvetica-Bold"),
    "NotoMono": (NOTO_DIR / "NotoMono-Regular.ttf", "Courier"),
    "NotoSansMono-Bold": (NOTO_DIR / "NotoSansMono-Bold.ttf", "Courier-Bold"),
    "DejaVuSans-Oblique": (DEJAVU_DIR / "DejaVuSans-Oblique.ttf", "Helvetica"),
    "DejaVuSansCondensed-Oblique": (DEJAVU_DIR / "DejaVuSansCondensed-Oblique.ttf", "Helvetica"),
    "DejaVuSansCondensed-BoldOblique": (DEJAVU_DIR / "DejaVuSansCondensed-BoldOblique.ttf",
                                        "Helvetica-Bold"),
    "DejaVuSerif-Italic": (DEJAVU_DIR / "DejaVuSerif-Italic.ttf", "Times-Roman"),
    "DejaVuSerif-BoldItalic": (DEJAVU_DIR / "DejaVuSerif-BoldItalic.ttf", "Times-Bold"),
    "DejaVuSerifCondensed": (DEJAVU_DIR / "DejaVuSerifCondensed.ttf", "Times-Roman"),
    "DejaVuSerifCondensed-Bold": (DEJAVU_DIR / "DejaVuSerifCondensed-Bold.ttf", "Times-Bold"),
    "DejaVuSerifCondensed-Italic": (DEJAVU_DIR / "DejaVuSerifCondensed-Italic.ttf",
                                    "Times-Roman"),
    "DejaVuSerifCondensed-BoldItalic": (DEJAVU_DIR / "DejaVuSerifCondensed-BoldItalic.ttf",
                                        "Times-Bold"),
}  # fmt: skip

# URW Type 1 face (files in URW_AFM/URW_PFB, registered as "URW-<name>") -> fallback.
_FACE_URW = {
    "NimbusSans-Regular": "Helvetica",
    "NimbusSans-Bold": "Helvetica-Bold",
    "NimbusSans-Italic": "Helvetica",
    "NimbusSans-BoldItalic": "Helvetica-Bold",
    "NimbusSansNarrow-Regular": "Helvetica",
    "NimbusSansNarrow-Bold": "Helvetica-Bold",
    "NimbusSansNarrow-Oblique": "Helvetica",
    "NimbusSansNarrow-BoldOblique": "Helvetica-Bold",
    "NimbusRoman-Regular": "Times-Roman",
    "NimbusRoman-Bold": "Times-Bold",
    "NimbusRoman-Italic": "Times-Roman",
    "NimbusRoman-BoldItalic": "Times-Bold",
    "NimbusMonoPS-Regular": "Courier",
    "NimbusMonoPS-Bold": "Courier-Bold",
    "URWGothic-Book": "Helvetica",
    "URWGothic-Demi": "Helvetica-Bold",
    "URWGothic-BookOblique": "Helvetica",
    "URWGothic-DemiOblique": "Helvetica-Bold",
    "URWBookman-Light": "Times-Roman",
    "URWBookman-Demi": "Times-Bold",
    "URWBookman-LightItalic": "Times-Roman",
    "URWBookman-DemiItalic": "Times-Bold",
    "C059-Roman": "Times-Roman",
    "C059-Bold": "Times-Bold",
    "C059-Italic": "Times-Roman",
    "P052-Roman": "Times-Roman",
    "P052-Bold": "Times-Bold",
    "P052-Italic": "Times-Roman",
    "P052-BoldItalic": "Times-Bold",
    "Z003-MediumItalic": "Times-Roman",
}

# The italic and bold-oblique standard faces reportlab ships beside the ones resolve_font
# embeds -> their file stem in REPORTLAB_FONTS; registered as "Embedded-<name>", with
# Times-Roman as the fallback for all four, as holdout10 was generated.
_FACE_RL_TYPE1 = {
    "Times-Italic": "_ei_____",
    "Times-BoldItalic": "_ebi____",
    "Helvetica-Oblique": "_ai_____",
    "Helvetica-BoldOblique": "_abi____",
}


def face(name: str) -> str:
    """A registered font to draw with: a TTF, a URW or reportlab Type 1 face, or what
    resolve_font gives (an embedded standard face, a DejaVu TTF, or the name itself)."""
    if name in _FACE_TTF:
        path, fallback = _FACE_TTF[name]
        return embed_ttf(name, path) or resolve_font(fallback)
    if name in _FACE_URW:
        afm, pfb = URW_AFM / f"{name}.afm", URW_PFB / f"{name}.pfb"
        return embed_type1(f"URW-{name}", afm, pfb) or resolve_font(_FACE_URW[name])
    if name in _FACE_RL_TYPE1:
        stem = _FACE_RL_TYPE1[name]
        afm, pfb = REPORTLAB_FONTS / f"{stem}.afm", REPORTLAB_FONTS / f"{stem}.pfb"
        return embed_type1(f"Embedded-{name}", afm, pfb) or resolve_font("Times-Roman")
    return resolve_font(name)


def use_faces(w: PageWriter, base: str, bold: str, size: float) -> None:
    """Make `base`/`bold` (any name `face` knows) the writer's body and bold fonts."""
    w.font, w.bold, w.size = face(base), face(bold), size


def bold_of(font: str) -> str:
    """The bold face that goes with a base font name (before resolving)."""
    if font in _BOLD:
        return resolve_font(_BOLD[font])
    if font in _TTF_FONTS:
        return resolve_font(font + "-Bold")
    return resolve_font(font)


def clean_line(text: str) -> str:
    """A printed line as the truth records it: whitespace runs collapsed."""
    return re.sub(r"\s+", " ", text).strip()


class PageWriter:
    """Draws text top-down on letter pages, keeping the truth in step with the drawing.

    Everything drawn on one baseline is one truth line, left to right; two-column
    pages record the left column before the right one (see `columns`).
    """

    def __init__(self, path: Path, font: str, size: float = 10.0, margin: float = 54.0) -> None:
        self.width, self.height = letter
        self.canvas = canvas.Canvas(str(path), pagesize=letter, invariant=1)
        self.margin = margin
        self.font = resolve_font(font)
        self.bold = bold_of(font)
        self.size = size
        self.y = self.height - margin
        self.pages: list[list[str]] = [[]]
        self.facts: list[dict[str, Any]] = []

    @property
    def page(self) -> int:
        return len(self.pages)

    @property
    def right(self) -> float:
        return self.width - self.margin

    def _record(self, text: str) -> None:
        line = clean_line(text)
        if line:
            self.pages[-1].append(line)

    def _draw(self, x: float, y: float, text: str, font: str, size: float) -> None:
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, y, text)

    def line(
        self,
        text: str,
        *,
        font: str | None = None,
        size: float | None = None,
        x: float | None = None,
        lead: float = 1.35,
        center: bool = False,
    ) -> None:
        """One printed line at the cursor, then move down."""
        font = resolve_font(font) if font else self.font
        size = size or self.size
        if center:
            x = (self.width - pdfmetrics.stringWidth(text, font, size)) / 2
        self._draw(self.margin if x is None else x, self.y - size, text, font, size)
        self._record(text)
        self.y -= size * lead

    def row(
        self,
        cells: Sequence[str],
        xs: Sequence[float],
        *,
        font: str | None = None,
        size: float | None = None,
        lead: float = 1.45,
    ) -> None:
        """Cells on one baseline at the given x offsets (from the left margin)."""
        font = resolve_font(font) if font else self.font
        size = size or self.size
        for cell, x in zip(cells, xs, strict=True):
            self._draw(self.margin + x, self.y - size, cell, font, size)
        self._record(" ".join(c for c in cells if c))
        self.y -= size * lead

    def wrap(self, text: str, width: float, font: str, size: float) -> list[str]:
        """Greedy word wrap by the font's own metrics."""
        lines: list[str] = []
        current = ""
        for word in text.split():
            trial = f"{current} {word}" if current else word
            if current and pdfmetrics.stringWidth(trial, font, size) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        if current:
            lines.append(current)
        return lines

    def paragraph(
        self,
        text: str,
        *,
        font: str | None = None,
        size: float | None = None,
        x: float = 0.0,
        width: float | None = None,
        lead: float = 1.3,
        after: float = 4.0,
    ) -> None:
        font = resolve_font(font) if font else self.font
        size = size or self.size
        width = width or (self.right - self.margin - x)
        for ln in self.wrap(text, width, font, size):
            self.line(ln, font=font, size=size, x=self.margin + x, lead=lead)
        self.y -= after

    def columns(
        self,
        left: list[tuple[str, str]],
        right: list[tuple[str, str]],
        *,
        gap: float = 18.0,
        size: float | None = None,
        lead: float = 1.3,
    ) -> None:
        """Two columns of (style, text) paragraphs, style "h" for a bold heading."""
        size = size or self.size
        col_w = (self.right - self.margin - gap) / 2
        top = bottom = self.y
        for items, x0 in ((left, self.margin), (right, self.margin + col_w + gap)):
            y = top
            for style, text in items:
                font = self.bold if style == "h" else self.font
                if style == "h":
                    y -= 4
                for ln in self.wrap(text, col_w, font, size):
                    self._draw(x0, y - size, ln, font, size)
                    self._record(ln)
                    y -= size * lead
            bottom = min(bottom, y)
        self.y = bottom

    def hrule(self, x0: float | None = None, x1: float | None = None, width: float = 0.6) -> None:
        self.canvas.setLineWidth(width)
        self.canvas.line(x0 or self.margin, self.y, x1 or self.right, self.y)

    def space(self, points: float) -> None:
        self.y -= points

    def fact(self, kind: str, **fields: str) -> None:
        """A fact printed on the current page, keys in the truth's order."""
        self.facts.append({"kind": kind, "page": self.page, **fields})

    def new_page(self) -> None:
        self.canvas.showPage()
        self.pages.append([])
        self.y = self.height - self.margin

    def save(self) -> list[list[str]]:
        self.canvas.showPage()
        self.canvas.save()
        return self.pages


class Handwriting:
    """A person's pen on a printed form: ink text that wanders a little, ticks, a signature.

    One seeded stream drives all the wandering, drawn from in drawing order (each handwritten
    string takes its vertical jitter, then its tilt), so a layout draws the same every time.
    """

    def __init__(
        self,
        w: PageWriter,
        seed: int,
        font: str,
        ink: tuple[float, float, float],
        *,
        jitter: tuple[float, float],
        tilt: tuple[float, float],
        size: float,
        height: float,
        rule_drop: float = 4.5,
    ) -> None:
        """`font` is registered already (see `face`); `jitter` is the baseline's range in
        points, `tilt` the rotation's in degrees; `size` and `height` are the defaults of
        `write` and `line`; `rule_drop` is how far a writing line sits under the baseline."""
        self.w = w
        self.font = font
        self.ink = ink
        self.jitter = jitter
        self.tilt = tilt
        self.size = size
        self.height = height
        self.rule_drop = rule_drop
        self.rng = random.Random(seed)

    def write(self, x: float, y: float, text: str, size: float | None = None) -> None:
        c = self.w.canvas
        c.saveState()
        c.setFillColorRGB(*self.ink)
        c.translate(x, y + self.rng.uniform(*self.jitter))
        c.rotate(self.rng.uniform(*self.tilt))
        c.setFont(self.font, self.size if size is None else size)
        c.drawString(0, 0, text)
        c.restoreState()

    def line(
        self,
        pieces: list[tuple[float, str, str]],
        *,
        height: float | None = None,
        rule: float | None = None,
    ) -> str:
        """(x, "p"rinted or "h"andwritten, text) on one baseline; returns the recorded line.

        `rule` draws a writing line under the baseline from that x offset to the margin."""
        w = self.w
        base = w.y - 11
        for x, kind, text in pieces:
            if kind == "h":
                self.write(w.margin + x, base, text)
            else:
                w.canvas.setFont(w.font, w.size)
                w.canvas.drawString(w.margin + x, base, text)
        if rule is not None:
            w.canvas.setLineWidth(0.4)
            w.canvas.line(w.margin + rule, base - self.rule_drop, w.right, base - self.rule_drop)
        line = clean_line(" ".join(t for _, _, t in pieces))
        w.pages[-1].append(line)
        w.y -= self.height if height is None else height
        return line

    def tick(self, x: float, y: float) -> None:
        """A pen check mark in a printed box."""
        c = self.w.canvas
        c.saveState()
        c.setStrokeColorRGB(*self.ink)
        c.setLineWidth(1.2)
        c.line(x, y + 3, x + 3, y)
        c.line(x + 3, y, x + 9, y + 8 + self.rng.uniform(-1, 1))
        c.restoreState()

    def scribble(self, x: float, y: float, *, loops: int, pitch: float, height: float) -> None:
        """A signature: `loops` pen loops `pitch` wide rising `height` above y, no letters."""
        c = self.w.canvas
        c.saveState()
        c.setStrokeColorRGB(*self.ink)
        c.setLineWidth(0.9)
        path = c.beginPath()
        path.moveTo(x, y)
        for k in range(loops):
            path.curveTo(x + (pitch - 8) + pitch * k, y + height,
                         x + (pitch - 4) + pitch * k, y - (height - 4),
                         x + pitch + pitch * k, y + self.rng.uniform(-2, 3))  # fmt: skip
        c.drawPath(path, stroke=1, fill=0)
        c.restoreState()
