"""Clean a page image for OCR: borders, orientation, skew, noise, binarization, quality check."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from . import tesseract
from .config import Settings
from .errors import OcrError
from .rasterize import work_path
from .records import PageImage, Problem

log = logging.getLogger(__name__)

# cv2's stubs type every image loosely, so a precise dtype here only produces noise.
Gray = NDArray[Any]

# Part of the OCR cache key: bump when a change here changes the cleaned image.
VERSION = "5"  # 5: tilts under 0.3 degree left alone

# Analysis runs on a copy at about this resolution: enough for 10 pt text, cheap to scan.
_ANALYSIS_DPI = 150
# Tesseract's OSD is trusted at or above this confidence; below it our own checks decide.
_OSD_MIN_CONFIDENCE = 3.0
# Deskew: the best angle's projection score must beat the median angle's by this factor.
_SKEW_MIN_PEAK_RATIO = 1.15
_SKEW_MIN_INK_POINTS = 2000
# Tilts below this are left alone: resampling would blur more than it straightens. Measured by
# make eval: from 0.1 to 0.3 degree, F1 equal on every set and CER lower on four; at 0.4 or
# 0.5, medication F1 falls on two to four holdout sets.
_MIN_DESKEW_DEG = 0.3
# A page whose grey levels hardly vary is blank: nothing to orient, deskew or judge.
_BLANK_STD = 3.0
# Sideways: the text lines' projection profile must be this much sharper across than along.
_SIDEWAYS_RATIO = 1.25
# Points sampled for the orientation and skew profiles: plenty for a page, and fast.
_PROFILE_POINTS = 40_000
# Median filter only where isolated specks are common (grain, fax noise): it softens clean text.
_GRAIN_SPECKS = 0.002
_CLEAN_JPEG_QUALITY = 92
# Auto-binarize when the page is faded or lit unevenly (shadows, yellowed paper).
_AUTO_BINARIZE_CONTRAST = 90.0
_AUTO_BINARIZE_UNEVEN = 25.0


@dataclass(frozen=True)
class QualityReport:
    """Scan-quality measures of one page (see QualitySettings for the thresholds)."""

    dpi: int
    sharpness: float  # variance of the Laplacian over the inked areas, at 150 DPI
    contrast: float  # paper grey level minus ink grey level
    blank: bool


def preprocess_page(
    page: PageImage, work_dir: Path, settings: Settings
) -> tuple[PageImage, list[Problem]]:
    """Write the cleaned page as <doc>/000003_clean.jpg; return it and any poor-scan Problem.

    Every measurement runs on one ~150 DPI copy. A page that needs no change keeps its
    raster file, so an untouched JPEG scan reaches Tesseract (and the PDF) as it was.
    Orientation here only tells upright from sideways (from the direction of the text lines);
    an upside-down page is caught after OCR (see reorient_page).
    """
    opts = settings.preprocess
    # One full decode serves every step: decoding a JPEG again at half size for the analysis
    # cost more (5-7 ms) than shrinking the decoded page (0.3 ms at 300 DPI, 5 ms at 200),
    # and almost every scan is tilted enough to be straightened, which needs the full page.
    img = cv2.imread(str(page.image_path), cv2.IMREAD_GRAYSCALE)
    if img is None:
        problem = Problem(
            page.file, page.page, "preprocess",
            "the page image cannot be read back from the work folder",
            "check free disk space and run again",
        )  # fmt: skip
        return page, [problem]
    small, _ = _analysis_copy(img, page.dpi)
    changed = False
    if opts.remove_borders:
        mask = _border_mask(small)
        if mask is not None:
            img = _paint_white(img, mask)
            small = _paint_white(small, mask)
            changed = True
    # One histogram serves the quality check and the ink mask (a quarter turn keeps it too).
    paper, ink_level, median = _levels(small, 90, 0.5, 50)
    quality = _quality_of(small, page.dpi, (paper, ink_level))
    problems = _quality_problems(page, quality, settings)
    ink = _ink_mask(small, median)
    # The ink points and the skew search's coarse profile serve the sideways check as well.
    search: _SkewSearch | None = None
    rotation = 0
    if opts.orientation and not quality.blank:
        search = _SkewSearch(ink, opts.max_skew_deg)
        rotation = _sideways_rotation(small, search, page, work_dir, settings)
        if rotation:
            img, small = rotate_quarter(img, rotation), rotate_quarter(small, rotation)
            ink = _ink_mask(small, median)
            search = None
            changed = True
    skew = 0.0
    if opts.deskew and not quality.blank:
        angle = (search or _SkewSearch(ink, opts.max_skew_deg)).angle()
        if angle is not None and abs(angle) >= _MIN_DESKEW_DEG:
            img = rotate_small(img, angle)
            skew = round(angle, 2)
            changed = True
    if opts.denoise and _is_grainy(ink):
        img = cv2.medianBlur(img, 3)
        changed = True
    bilevel = opts.binarize == "always" or (
        opts.binarize == "auto" and _needs_binarizing(small, quality)
    )
    if bilevel:
        img = binarize(img)
        changed = True
    if not changed:
        return page, problems
    out = _write_clean(img, work_dir, page, "clean", bilevel=bilevel)
    if out is None:
        problem = Problem(
            page.file, page.page, "preprocess",
            "the cleaned page could not be written to the work folder",
            "check free disk space and run again",
        )  # fmt: skip
        return page, [*problems, problem]
    height, width = img.shape
    cleaned = replace(
        page, image_path=out, width=width, height=height, rotation=rotation, skew=skew
    )
    return cleaned, problems


def reorient_page(page: PageImage, work_dir: Path, settings: Settings) -> PageImage:
    """The page turned upright by Tesseract's OSD (with a fallback), or `page` when it is.

    For pages that read badly: upside-down text OCRs as confident-looking garbage, so this
    runs only after OCR says so, and the common upright page never pays for OSD.
    """
    img = cv2.imread(str(page.image_path), cv2.IMREAD_GRAYSCALE)
    if img is None:
        return page
    rotation = detect_rotation(img, page, work_dir, settings)
    if rotation == 0:
        return page
    turned = rotate_quarter(img, rotation)
    bilevel = len(np.unique(img[:: max(1, img.shape[0] // 64)])) <= 2
    out = _write_clean(turned, work_dir, page, f"turn{rotation}", bilevel=bilevel)
    if out is None:
        return page
    height, width = turned.shape
    return replace(
        page,
        image_path=out,
        width=width,
        height=height,
        rotation=(page.rotation + rotation) % 360,
    )


def _write_clean(
    img: Gray, work_dir: Path, page: PageImage, step: str, *, bilevel: bool
) -> Path | None:
    # JPEG at high quality: 10 ms to write against 120 ms for PNG, and Tesseract embeds the
    # JPEG in its PDF as it is instead of re-compressing the pixels (another 0.3 s, 5x larger).
    # Two-level pages stay lossless as 1-bit PNG, which is as small and as quick.
    if bilevel:
        out = work_path(work_dir, page.file, page.page, step, ".png")
        params = [cv2.IMWRITE_PNG_BILEVEL, 1]
    else:
        out = work_path(work_dir, page.file, page.page, step, ".jpg")
        params = [cv2.IMWRITE_JPEG_QUALITY, _CLEAN_JPEG_QUALITY]
    # Encoded in memory and written at once: imwrite's small writes took ~1 ms more a page.
    ok, data = cv2.imencode(out.suffix, img, params)
    if not ok:
        return None
    try:
        out.write_bytes(data.tobytes())
    except OSError:
        return None
    return out


# --- analysis helpers ------------------------------------------------------------------------


def _analysis_copy(img: Gray, dpi: int) -> tuple[Gray, float]:
    """A downscaled copy for measuring, and the factor from it back to full size."""
    scale = min(1.0, _ANALYSIS_DPI / max(dpi, 1))
    if scale >= 0.95:
        return img, 1.0
    small = cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return small, 1.0 / scale


def _level(img: Gray, percent: float) -> float:
    """The grey level below which `percent` % of the pixels lie (a histogram, not a sort)."""
    return _levels(img, percent)[0]


def _levels(img: Gray, *percents: float) -> list[float]:
    """_level for each of `percents`, from one histogram."""
    hist = cv2.calcHist([img], [0], None, [256], [0, 256]).ravel()
    cumulative = np.cumsum(hist)
    return [float(np.searchsorted(cumulative, cumulative[-1] * p / 100)) for p in percents]


def _ink_mask(img: Gray, median: float | None = None) -> NDArray[np.bool_]:
    """Ink pixels by Otsu's threshold; an empty mask for pages without real ink.

    `median` is the image's median grey level (_level(img, 50)) when the caller has it.
    """
    threshold, _ = cv2.threshold(img, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    background = _level(img, 50) if median is None else median
    if background - threshold < 20:
        return np.zeros(img.shape, dtype=bool)
    return img < threshold


def _background(img: Gray) -> Gray:
    """The paper's grey level around each pixel (text removed by a max filter), full size."""
    small = cv2.resize(img, None, fx=0.125, fy=0.125, interpolation=cv2.INTER_AREA)
    paper = cv2.dilate(small, np.ones((5, 5), np.uint8))
    paper = cv2.medianBlur(paper, 5)
    return cv2.resize(paper, (img.shape[1], img.shape[0]), interpolation=cv2.INTER_LINEAR)


# --- borders ---------------------------------------------------------------------------------


def remove_dark_border(img: Gray) -> Gray:
    """Paint white the dark scanner margins: dark regions touching an edge along half of it."""
    mask = _border_mask(img)
    return img if mask is None else _paint_white(img, mask)


def _border_mask(img: Gray) -> Gray | None:
    """A coarse (about 1/8 scale) mask of the dark margins, or None when there are none."""
    factor = min(1.0, 400 / max(img.shape))
    small = cv2.resize(img, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    h, w = small.shape
    if h < 8 or w < 8:
        return None
    paper = _level(small, 90)
    dark = (small < min(paper * 0.5, 110)).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    border = np.zeros_like(dark)
    for label in range(1, count):
        x, y, bw, bh, _area = stats[label]
        touches = x == 0 or y == 0 or x + bw == w or y + bh == h
        # A long dark strip along an edge is scanner lid or book gutter; text never is.
        if touches and (bw >= 0.5 * w or bh >= 0.5 * h):
            border[labels == label] = 1
    if not border.any():
        return None
    # Grow a little to catch the grey antialiased rim of the border.
    return cv2.dilate(border, np.ones((3, 3), np.uint8))


def _paint_white(img: Gray, mask: Gray) -> Gray:
    full = cv2.resize(mask, (img.shape[1], img.shape[0]), interpolation=cv2.INTER_NEAREST)
    cleaned = img.copy()
    cleaned[full.astype(bool)] = 255
    return cleaned


# --- orientation -----------------------------------------------------------------------------


def rotate_quarter(img: Gray, clockwise: int) -> Gray:
    """Turn the image clockwise by 0, 90, 180 or 270 degrees."""
    codes = {
        90: cv2.ROTATE_90_CLOCKWISE,
        180: cv2.ROTATE_180,
        270: cv2.ROTATE_90_COUNTERCLOCKWISE,
    }
    code = codes.get(clockwise % 360)
    return img if code is None else cv2.rotate(img, code)


def _sideways_rotation(
    small: Gray, search: _SkewSearch, page: PageImage, work_dir: Path, settings: Settings
) -> int:
    """90 or 270 when the text lines run up or down the page, else 0 (no OCR for upright pages)."""
    if search.points is None:
        return 0
    xs, ys = search.points
    angles = np.arange(
        -settings.preprocess.max_skew_deg, settings.preprocess.max_skew_deg + 1e-9, 1.0
    )
    # The whole degrees of the skew search's 0.5 degree steps: the same angles, the same sums.
    across = search.coarse_scores()[::2].max()
    along = _profile_scores(ys, xs, small.shape[::-1], angles).max()
    if along < across * _SIDEWAYS_RATIO:
        return 0
    timeout = min(settings.ocr.timeout_s, 60.0)
    dpi = min(page.dpi, _ANALYSIS_DPI)
    probe = _osd_probe(small, work_dir, page)
    try:
        osd = tesseract.run_osd(probe, dpi=dpi, timeout_s=timeout, engine=_engine(settings))
        if osd is not None and osd.confidence >= _OSD_MIN_CONFIDENCE and osd.rotate in (90, 270):
            return osd.rotate
        log.debug("page %d: sideways, OSD unsure (%s); reading both ways", page.page, osd)
        return _best_reading(small, (90, 270), probe, dpi, settings, timeout)
    except OcrError as exc:
        log.debug("page %d: orientation check failed (%s); leaving it as is", page.page, exc)
        return 0
    finally:
        probe.unlink(missing_ok=True)


def _osd_probe(small: Gray, work_dir: Path, page: PageImage) -> Path:
    """The analysis copy as an uncompressed PGM: the long-lived engine reads it without a codec."""
    probe = work_path(work_dir, page.file, page.page, "osd", ".pgm")
    cv2.imwrite(str(probe), small)
    return probe


def _engine(settings: Settings) -> tuple[str, int, int]:
    ocr = settings.ocr
    return ocr.lang, ocr.psm, ocr.oem


def detect_rotation(img: Gray, page: PageImage, work_dir: Path, settings: Settings) -> int:
    """Clockwise degrees (0/90/180/270) that turn the page upright.

    Tesseract's OSD decides when it is sure; otherwise the direction of the text lines picks
    horizontal or vertical, and a quick OCR of both remaining candidates picks the one that
    reads better.
    """
    small, _ = _analysis_copy(img, page.dpi)
    analysis_dpi = min(page.dpi, _ANALYSIS_DPI)
    probe = _osd_probe(small, work_dir, page)
    timeout = min(settings.ocr.timeout_s, 60.0)
    try:
        osd = tesseract.run_osd(probe, dpi=analysis_dpi, timeout_s=timeout, engine=_engine(settings))
        if osd is not None and osd.confidence >= _OSD_MIN_CONFIDENCE:
            return osd.rotate
        log.debug("page %d: OSD unsure (%s); using the fallback", page.page, osd)
        ink = _ink_mask(small)
        if ink.sum() < _SKEW_MIN_INK_POINTS // 4:
            return 0
        vertical = _line_strength(ink) < _line_strength(ink.T)
        candidates = (90, 270) if vertical else (0, 180)
        return _best_reading(small, candidates, probe, analysis_dpi, settings, timeout)
    except OcrError as exc:
        log.debug("page %d: orientation check failed (%s); leaving it as is", page.page, exc)
        return 0
    finally:
        probe.unlink(missing_ok=True)


def _best_reading(
    small: Gray,
    candidates: tuple[int, int],
    probe: Path,
    dpi: int,
    settings: Settings,
    timeout: float,
) -> int:
    """The candidate turn under which a band of the page reads best (0 when nothing reads)."""
    scores: dict[int, float] = {}
    for angle in candidates:
        cv2.imwrite(str(probe), _text_band(rotate_quarter(small, angle)))
        # psm 6 (one block): the band needs no layout analysis, which halves the time.
        words = tesseract.run_tsv(probe, lang=settings.ocr.lang, psm=6, dpi=dpi, timeout_s=timeout)
        # Weight by length: upside-down text reads as a few confident short fragments.
        real = [w for w in words if len(w.text) >= 3 and w.conf >= 0]
        scores[angle] = sum(w.conf * len(w.text) for w in real) / max(1, len(words))
    best = max(candidates, key=lambda a: scores[a])
    return best if scores[best] > 0 else 0


def _text_band(img: Gray) -> Gray:
    """The middle of the inked area, about a third of its height: enough text to judge by."""
    ink = _ink_mask(img)
    rows = np.nonzero(ink.any(axis=1))[0]
    cols = np.nonzero(ink.any(axis=0))[0]
    if rows.size == 0 or cols.size == 0:
        return img
    top, bottom = int(rows[0]), int(rows[-1])
    height = bottom - top
    mid = top + height // 2
    half = max(height // 6, 40)
    return img[max(0, mid - half) : mid + half, max(0, cols[0] - 10) : cols[-1] + 10]


def _line_strength(ink: NDArray[np.bool_]) -> float:
    """How strongly ink gathers into rows: high for horizontal text lines."""
    rows = ink.sum(axis=1).astype(np.float64)
    mean = rows.mean()
    return float(rows.var() / (mean * mean)) if mean > 0 else 0.0


# --- skew ------------------------------------------------------------------------------------


def _sample(xs: NDArray[Any], ys: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any]]:
    if len(xs) <= _PROFILE_POINTS:
        return xs, ys
    pick = np.random.default_rng(0).choice(len(xs), _PROFILE_POINTS, replace=False)
    return xs[pick], ys[pick]


def _profile_scores(
    xs: NDArray[Any], ys: NDArray[Any], shape: tuple[int, ...], angles: NDArray[Any]
) -> NDArray[np.float64]:
    """Sharpness of the row profile of the points turned by each angle (sum of squared counts)."""
    x = xs.astype(np.float64) - shape[1] / 2
    y = ys.astype(np.float64) - shape[0] / 2
    half = int(np.hypot(shape[0], shape[1])) // 2 + 2
    scores = np.empty(len(angles))
    # Buffers reused from angle to angle: allocating them anew cost as much as the arithmetic.
    across, along = np.empty_like(y), np.empty_like(x)
    rows = np.empty(len(x), dtype=np.int64)
    for i, deg in enumerate(angles):
        t = np.deg2rad(deg)
        np.multiply(y, np.cos(t), out=across)
        np.multiply(x, np.sin(t), out=along)
        across += along
        across += half
        # Truncation is the floor here: `half` makes every value positive. (Not rint: its
        # round-half-to-even merges pixel rows in pairs at 0 degrees.)
        rows[:] = across
        hist = np.bincount(rows, minlength=2 * half)
        scores[i] = float(np.dot(hist, hist))  # exact: integer counts
    return scores


def estimate_skew(img: Gray, dpi: int, max_deg: float) -> float | None:
    """Counter-clockwise tilt of the text lines in degrees, or None when it is unclear.

    Projection-profile search on the ink pixels: the angle at which ink piles into the
    sharpest rows is the angle of the lines. Coarse 0.5 degree steps, then 0.05 degree.
    """
    small, _ = _analysis_copy(img, dpi)
    return _skew_of(_ink_mask(small), max_deg)


def _skew_of(ink: NDArray[np.bool_], max_deg: float) -> float | None:
    return _SkewSearch(ink, max_deg).angle()


class _SkewSearch:
    """The projection-profile search over one ink mask, each part computed once."""

    def __init__(self, ink: NDArray[np.bool_], max_deg: float) -> None:
        self.shape = ink.shape
        self.max_deg = max_deg
        # The same points in the same order as np.nonzero(ink), at a tenth of its cost.
        ys, xs = np.divmod(np.flatnonzero(ink), ink.shape[1])
        # Sampled (xs, ys) of the ink, or None when there is too little ink to judge.
        self.points = _sample(xs, ys) if len(xs) >= _SKEW_MIN_INK_POINTS else None
        self.coarse = np.arange(-max_deg, max_deg + 1e-9, 0.5)
        self._coarse_scores: NDArray[np.float64] | None = None

    def coarse_scores(self) -> NDArray[np.float64]:
        if self._coarse_scores is None:
            assert self.points is not None
            xs, ys = self.points
            self._coarse_scores = _profile_scores(xs, ys, self.shape, self.coarse)
        return self._coarse_scores

    def angle(self) -> float | None:
        if self.points is None:
            return None
        xs, ys = self.points
        coarse_scores = self.coarse_scores()
        best = float(self.coarse[int(np.argmax(coarse_scores))])
        peak_ratio = coarse_scores.max() / max(float(np.median(coarse_scores)), 1.0)
        if peak_ratio < _SKEW_MIN_PEAK_RATIO:
            return None
        fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
        fine_scores = _profile_scores(xs, ys, self.shape, fine)
        angle = float(fine[int(np.argmax(fine_scores))])
        if abs(angle) > self.max_deg - 0.25:
            # At the edge of the search range the true tilt may lie beyond it: do not guess.
            return None
        return round(angle, 2)


def rotate_small(img: Gray, ccw_tilt: float) -> Gray:
    """Rotate clockwise by `ccw_tilt` degrees about the centre, filling the corners white."""
    h, w = img.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -ccw_tilt, 1.0)
    return cv2.warpAffine(
        img, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=255
    )


# --- noise -----------------------------------------------------------------------------------


def _is_grainy(mask: NDArray[np.bool_]) -> bool:
    """True when isolated dark specks (sensor grain, fax noise) are common on the page."""
    ink = mask.astype(np.uint8)
    if not ink.any():
        return False
    # A speck is an ink pixel with no ink among its 8 neighbours.
    neighbours = cv2.filter2D(ink, -1, np.ones((3, 3), np.float32), borderType=cv2.BORDER_CONSTANT)
    specks = int(np.count_nonzero((ink == 1) & (neighbours == 1)))
    return specks > _GRAIN_SPECKS * ink.size


# --- binarization ----------------------------------------------------------------------------


def _needs_binarizing(img: Gray, quality: QualityReport) -> bool:
    if quality.blank:
        return False
    if quality.contrast < _AUTO_BINARIZE_CONTRAST:
        return True
    high, low = _levels(_background(img), 95, 5)
    uneven = high - low
    return uneven > _AUTO_BINARIZE_UNEVEN


def binarize(img: Gray) -> Gray:
    """Black text on white: divide out the paper's shading, then Otsu's threshold."""
    paper = _background(img)
    flat = cv2.divide(img, np.maximum(paper, 1), scale=255)
    _, out = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return out


# --- quality ---------------------------------------------------------------------------------


def measure_quality(img: Gray, dpi: int) -> QualityReport:
    """Resolution, sharpness and contrast of a page (after border removal)."""
    small, _ = _analysis_copy(img, dpi)
    return _quality_of(small, dpi)


def _quality_of(small: Gray, dpi: int, levels: tuple[float, float] | None = None) -> QualityReport:
    """measure_quality on the analysis copy of a page scanned at `dpi`.

    `levels` are _level(small, 90) and _level(small, 0.5) when the caller has them.
    """
    if float(cv2.meanStdDev(small)[1][0, 0]) < _BLANK_STD:
        return QualityReport(dpi=dpi, sharpness=0.0, contrast=0.0, blank=True)
    paper, ink_level = _levels(small, 90, 0.5) if levels is None else levels
    # 16-bit integers hold a 3x3 Laplacian of 8-bit pixels exactly, in a quarter of the memory
    # of floats; the variance below is computed in float64 all the same.
    lap = cv2.Laplacian(small, cv2.CV_16S)
    # Judge sharpness where there is writing: around ink, not across the empty margins.
    near_ink = cv2.dilate((small < (paper + ink_level) / 2).astype(np.uint8), np.ones((5, 5), np.uint8))
    region = lap[near_ink.view(bool)]
    sharpness = float(region.var()) if region.size > 100 else float(lap.var())
    return QualityReport(dpi=dpi, sharpness=sharpness, contrast=paper - ink_level, blank=False)


def _quality_problems(page: PageImage, q: QualityReport, settings: Settings) -> list[Problem]:
    limits = settings.quality
    issues: list[str] = []
    if q.dpi < limits.min_dpi:
        issues.append(f"low resolution (~{q.dpi} DPI)")
    if not q.blank and q.sharpness < limits.min_sharpness:
        issues.append(f"blurred (sharpness {q.sharpness:.0f}, below {limits.min_sharpness:g})")
    if not q.blank and q.contrast < limits.min_contrast:
        issues.append(f"faded (contrast {q.contrast:.0f}, below {limits.min_contrast:g})")
    if not issues:
        return []
    return [
        Problem(
            page.file,
            page.page,
            "quality",
            "poor scan: " + ", ".join(issues),
            "rescan this page at 300 DPI, flat and in focus; entries read from it may be wrong",
        )  # fmt: skip
    ]
