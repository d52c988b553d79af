"""Pure text normalizers: find dates, doses, frequencies and routes in text and normalize them."""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import TypeVar

from .errors import ConfigError
from .lexicons import read_model_text

__all__ = [
    "DateMatch",
    "DoseMatch",
    "FrequencyMatch",
    "RouteMatch",
    "compare_dates",
    "dose_value",
    "find_dates",
    "find_doses",
    "find_frequencies",
    "find_routes",
    "parse_date",
    "reads_day_first",
]

# The closed vocabularies of docs/architecture.md; a table row outside them fails at load.
UNITS = ("mg", "mcg", "g", "mg/ml", "units", "meq", "ml", "%", "tab", "cap", "puff", "drop", "patch")
ROUTES = (
    "oral", "sublingual", "subcutaneous", "intramuscular", "intravenous", "topical",
    "transdermal", "inhaled", "nasal", "ophthalmic", "otic", "rectal", "vaginal",
)
_FREQUENCY_CODE = re.compile(
    r"(?:daily|bid|tid|qid|qhs|qam|qod|weekly|monthly|once|prn|q[1-9][0-9]*h|q[1-9][0-9]*-[1-9][0-9]*h)"
)
# Partial dates (no day) and bare years are easily something else (a count, a dilution),
# so they are only taken as dates inside this span of years.
_PARTIAL_YEARS = range(1800, 2200)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    raw: str
    iso: str  # "2021-03-14", "2021-03" or "2021"; "" when invalid
    precision: str  # "day" | "month" | "year"
    valid: bool  # False for impossible dates (02/30/2021, 13/45/2020)


@dataclass(frozen=True)
class DoseMatch:
    start: int
    end: int
    raw: str
    dose: str  # canonical decimal without trailing zeros; "1-2" for ranges
    unit: str  # one of UNITS
    strength_text: str  # the strength exactly as written (equals raw)


@dataclass(frozen=True)
class FrequencyMatch:
    start: int
    end: int
    raw: str
    frequency: str  # canonical code, " prn" appended when as-needed is written with it
    per_day: float | None  # doses per day (upper bound for ranges); None for prn-only/once


@dataclass(frozen=True)
class RouteMatch:
    start: int
    end: int
    raw: str
    route: str


# ---------------------------------------------------------------- tables


def _read_table(filename: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(read_model_text(filename)))
    if tuple(reader.fieldnames or ()) != columns:
        raise ConfigError(f"models/{filename}: columns {reader.fieldnames} are not {list(columns)}")
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(row[c] is None for c in columns):
            raise ConfigError(f"models/{filename} line {lineno}: expected {len(columns)} columns")
        rows.append({c: row[c].strip() for c in columns})
    return rows


def _key(text: str) -> str:
    """How a written form is looked up: case, spaces, dots and hyphens do not matter."""
    return re.sub(r"[\s.\-]+", "", text.casefold())


def _phrase_regex(pattern: str) -> str:
    """Regex for one table pattern written in plain form.

    A space stands for any run of spaces or hyphens, a hyphen for an optional one, a dot
    for an optional dot (so "b.i.d." also reads "bid" and "b. i. d."), a slash may have
    spaces around it; everything else is literal.
    """
    parts: list[str] = []
    last = len(pattern) - 1
    for i, ch in enumerate(pattern):
        if ch == " ":
            parts.append(r"[\s-]+")
        elif ch == "-":
            parts.append(r"[\s-]*")
        elif ch == ".":
            parts.append(r"\.?" if i == last else r"\.?\s*")
        elif ch == "/":
            parts.append(r"\s*/\s*")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _alternation(patterns: Iterable[str]) -> str:
    # Longest first, so that inside one regex the fuller form is tried before its prefix.
    ordered = sorted(set(patterns), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(_phrase_regex(p) for p in ordered) + ")"


def _lookup(filename: str, rows: list[dict[str, str]], pattern_col: str, value_col: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in rows:
        key = _key(row[pattern_col])
        if not key:
            raise ConfigError(f"models/{filename}: empty {pattern_col}")
        if out.get(key, row[value_col]) != row[value_col]:
            raise ConfigError(
                f"models/{filename}: {row[pattern_col]!r} is written two ways with different values"
            )
        out[key] = row[value_col]
    return out


def _parse_per_day(filename: str, raw: str) -> float | None:
    if not raw:
        return None
    try:
        value = float(Fraction(raw))
    except (ValueError, ZeroDivisionError):
        raise ConfigError(f"models/{filename}: per_day {raw!r} is not a number or fraction") from None
    if value <= 0:
        raise ConfigError(f"models/{filename}: per_day {raw!r} must be positive")
    return value


@dataclass(frozen=True)
class _FrequencyTable:
    regex: re.Pattern[str]
    codes: dict[str, tuple[str, float | None]]  # key -> (canonical, per_day); "" = ambiguous


@lru_cache(maxsize=1)
def _frequency_table() -> _FrequencyTable:
    name = "frequencies.csv"
    rows = _read_table(name, ("pattern", "canonical", "per_day"))
    codes: dict[str, tuple[str, float | None]] = {}
    for row in rows:
        canonical = row["canonical"]
        if canonical and not _FREQUENCY_CODE.fullmatch(canonical):
            raise ConfigError(f"models/{name}: {canonical!r} is not a normalized frequency")
        value = (canonical, _parse_per_day(name, row["per_day"]))
        key = _key(row["pattern"])
        if codes.get(key, value) != value:
            raise ConfigError(f"models/{name}: {row['pattern']!r} is written two ways")
        codes[key] = value
    # "hs-CRP", "HS-troponin": a code joined by a hyphen to a word is part of that word.
    regex = re.compile(
        r"(?<!\w)" + _alternation(r["pattern"].lower() for r in rows) + r"(?!\w)(?!-[A-Za-z])",
        re.IGNORECASE,
    )
    return _FrequencyTable(regex, codes)


@dataclass(frozen=True)
class _RouteTable:
    regex: re.Pattern[str]
    routes: dict[str, str]  # key -> route; "" = ambiguous, never reported


@lru_cache(maxsize=1)
def _route_table() -> _RouteTable:
    name = "routes.csv"
    rows = _read_table(name, ("pattern", "route"))
    for row in rows:
        if row["route"] and row["route"] not in ROUTES:
            raise ConfigError(f"models/{name}: {row['route']!r} is not a normalized route")
    regex = re.compile(
        r"(?<!\w)" + _alternation(r["pattern"].lower() for r in rows) + r"(?!\w)", re.IGNORECASE
    )
    return _RouteTable(regex, _lookup(name, rows, "pattern", "route"))


# A dose number: 1,000 (thousands) | 10 | 1.5 | 0,5 (decimal comma) | .5 | 1½ | 1 1/2 | 3/4.
_NUM = (
    r"(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]{1,4})?"
    r"|(?:[0-9]{1,3}\s?)?[½¼¾]"
    r"|(?:[0-9]{1,3}\s+)?(?:1/[24]|3/4)(?![0-9/])"
    r"|[0-9]{1,7}(?:[.,][0-9]{1,4})?"
    r"|\.[0-9]{1,4})"
)
# Not inside a longer number, a fraction, a date, a "#30" quantity or after a range dash.
_NUM_START = r"(?<![0-9.,/#½¼¾])(?<![0-9]-)"
_MASS_TO_MG = {"mg": Decimal(1), "mcg": Decimal("0.001"), "g": Decimal(1000)}
_MISREAD_ONE = re.compile(r"(?<![\w.])[lI|](?P<unit>mg|mcg|gm|g(?=[ ]*\t))(?!\w)")
# "2@ units", "1O mg", "S0-12.5 mg": a 0 read as @ or O, a 5 read as S, inside a number right
# before its unit. Fixed in place (same length) so offsets and the printed text stay the page's.
_MISREAD_ZERO = re.compile(
    r"(?<![\w.@])((?:[1-9]|S(?=[0-9]))[0-9Oo@]{0,3}(?:[.\-/][0-9]+(?:\.[0-9]+)?)?)(?=\s*(?:mg|mcg|units?|ml|meq)(?![^\W_]))"
)
_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "@": "0", "S": "5"})
_THREE_PART = re.compile(
    r"(?<![\w.])[0-9]+(?:\.[0-9]+)?(?:\s*[-/]\s*[0-9]+(?:\.[0-9]+)?){2,}\s*(?:mg|mcg|g)(?![^\W_])", re.IGNORECASE
)
_COMBINATION = re.compile(
    r"(?<![\w.,/])(?P<n1>[0-9]+(?:\.[0-9]+)?)\s*(?:(?:mg|mcg)\s*[-/]|/)\s*(?P<n2>[0-9]+(?:\.[0-9]+)?)\s*"
    r"(?P<unit>mg|mcg|g)(?![^\W_])",
    re.IGNORECASE,
)


def _zeros(m: re.Match[str]) -> str:
    return m.group(1).translate(_DIGIT_FIX)


# Latin sig counts: "ss T" (half a tablet), "i T", "ii PUFFS", "iii caps". A lone "T" is a
# tablet only after such a count. Rewritten in place, padded to the same length.
# Counts in words are read the same way: "one-half tablet", "half a tablet", "two capsules".
_COUNT_WORDS = {
    "ss": "\u00bd", "i": "1", "ii": "2", "iii": "3", "iv": "4",
    "one-half": "\u00bd", "one half": "\u00bd", "half a": "\u00bd", "half": "\u00bd",
    "one": "1", "two": "2", "three": "3", "four": "4", "|": "1",
}
_LATIN_COUNT = re.compile(
    r"(?<![\w.\-|])(ss|iii|ii|iv|i|one-half|one\s+half|half\s+a|half|one|two|three|four|\|(?=\s))(\s*)"
    r"(t|tabs?|tablets?|caps?|capsules?|puffs?|gtts?|drops?)(?!\w)",
    re.IGNORECASE,
)


def _latin_count(m: re.Match[str]) -> str:
    word, gap, unit = m.group(1), m.group(2), m.group(3)
    if unit.lower() == "t" and len(word) > 3:
        return m.group(0)  # "two T" is no sig shorthand anyone writes; leave it
    if not gap and (len(word) > 3 or unit != "T" or not word.islower()):
        return m.group(0)  # "iT PO QD" is a sig; "it", "IT", "ssTABS" are words
    number = _COUNT_WORDS[re.sub(r"\s+", " ", word.lower())].ljust(len(word))
    return number + gap + unit


@dataclass(frozen=True)
class _UnitTable:
    single: re.Pattern[str]  # 10 mg
    ranged: re.Pattern[str]  # 1-2 tabs, 1 to 2 tablets
    ratio: re.Pattern[str]  # 500 mg/5 mL
    units: dict[str, str]  # key -> unit; "" = not a dose (lab value, weight-based, ...)


@lru_cache(maxsize=1)
def _unit_table() -> _UnitTable:
    name = "units.csv"
    rows = _read_table(name, ("pattern", "unit"))
    for row in rows:
        if row["unit"] and row["unit"] not in UNITS:
            raise ConfigError(f"models/{name}: {row['unit']!r} is not a normalized unit")
    patterns = [r["pattern"].lower() for r in rows]
    # "25 mg_": OCR reads a form's underline after the unit as "_", which ends the unit too
    unit = r"(?P<unit>" + _alternation(patterns) + r")(?![^\W_])"
    simple = _alternation(p for p in patterns if "/" not in p)
    volume = _alternation(r["pattern"].lower() for r in rows if r["unit"] == "ml")
    flags = re.IGNORECASE
    return _UnitTable(
        single=re.compile(_NUM_START + rf"(?P<n1>{_NUM})\s*" + unit, flags),
        ranged=re.compile(
            _NUM_START + rf"(?P<n1>{_NUM})(?:\s*[-–—]\s*|\s+to\s+)(?P<n2>{_NUM})\s*" + unit, flags
        ),
        ratio=re.compile(
            _NUM_START
            + rf"(?P<n1>{_NUM})\s*(?P<unit>{simple})\s*/\s*(?P<n2>{_NUM})?\s*(?P<vol>{volume})(?!\w)",
            flags,
        ),
        units=_lookup(name, rows, "pattern", "unit"),
    )


@dataclass(frozen=True)
class _DateTable:
    regexes: tuple[re.Pattern[str], ...]
    months: dict[str, int]


# OCR reads 0 as O/o and 1 as l/I; inside a numeric date token that is cheap to undo.
_OCR_DIGIT = "[0-9OolI]"
_OCR_FIX = str.maketrans("OolI", "0011")
# A date is not part of a longer number (phone, MRN, version); "03/14/2021-04/01/2021"
# is a range of two dates, so a hyphen right after a full date is allowed on both sides.
_DATE_START = r"(?<![0-9A-Za-z/.])(?:(?<![0-9]-)|(?<=[0-9]/[0-9]{4}-))"
_DATE_END = r"(?![0-9A-Za-z])(?![/.][0-9])"
_ORDINAL = r"(?:st|nd|rd|th)?"


@lru_cache(maxsize=1)
def _date_table() -> _DateTable:
    name = "date_words.csv"
    rows = _read_table(name, ("word", "month"))
    months: dict[str, int] = {}
    for row in rows:
        if not row["month"].isdigit() or not 1 <= int(row["month"]) <= 12:
            raise ConfigError(f"models/{name}: month {row['month']!r} is not 1-12")
        months[_key(row["word"])] = int(row["month"])
    month = r"(?P<mon>" + _alternation(r["word"].lower() for r in rows) + r")(?![A-Za-z])\.?"
    d = _OCR_DIGIT
    regexes = (
        # 03/14/2021, 3-14-21, 03.14.2021 (month first unless the first number is > 12)
        re.compile(_DATE_START + rf"(?P<a>{d}{{1,2}})(?P<sep>[/.-])(?P<b>{d}{{1,2}})(?P=sep)(?P<y>{d}{{4}}|{d}{{2}})" + _DATE_END),
        # 2021-03-14, 2021/03/14
        re.compile(_DATE_START + r"(?P<y>[0-9]{4})(?P<sep>[/.-])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})" + _DATE_END),
        # 03/2021, 3-2021
        re.compile(_DATE_START + rf"(?P<m>{d}{{1,2}})[/-](?P<y>{d}{{4}})" + _DATE_END),
        # 2021-03
        re.compile(_DATE_START + r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})" + _DATE_END),
        # 14 Mar 2021, 14-Mar-21, 14th March, 2021
        re.compile(
            r"(?<![0-9A-Za-z])(?P<d>[0-9]{1,2})" + _ORDINAL + r"(?:\s+of)?[\s-]*" + month
            + r"(?:\s*,\s*|[\s-]*)(?P<y>[0-9]{4}|[0-9]{2})(?![0-9A-Za-z])",
            re.IGNORECASE,
        ),
        # Mar 14, 2021, March 14 2021, Mar-14-2021; two-digit years only as Nov-04-25 or Mar 5, '24
        re.compile(
            r"(?<![A-Za-z])" + month + r"[\s-]*(?P<d>[0-9]{1,2})" + _ORDINAL
            + r"(?:\s*,\s*'?|[\s-]+'?|(?<=[0-9])-)(?P<y>[0-9]{4}|(?<=[-'])[0-9]{2})(?![0-9A-Za-z])",
            re.IGNORECASE,
        ),
        # Mar 2021, March, 2021
        re.compile(
            r"(?<![A-Za-z])" + month + r"(?:\s*,\s*|[\s-]*)(?P<y>[0-9]{4})(?![0-9A-Za-z])",
            re.IGNORECASE,
        ),
    )
    return _DateTable(regexes, months)


# ---------------------------------------------------------------- helpers

_T = TypeVar("_T")


def _longest(candidates: list[tuple[int, int, _T]], length: int) -> list[tuple[int, int, _T]]:
    """Keep non-overlapping candidates, longest first (earlier start on ties), sorted by start."""
    taken = bytearray(length)
    kept: list[tuple[int, int, _T]] = []
    for start, end, payload in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if end <= start or taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, payload))
    kept.sort(key=lambda c: c[0])
    return kept


def _two_digit_year(yy: int, today: datetime.date) -> int:
    century = today.year // 100 * 100
    return century + yy if yy <= today.year % 100 + 1 else century - 100 + yy


def _make_date(
    text: str, start: int, end: int, year: int, month: int, day: int | None
) -> DateMatch:
    raw = text[start:end]
    if day is None:
        valid = 1 <= month <= 12 and year >= 1
        iso = f"{year:04d}-{month:02d}" if valid else ""
        return DateMatch(start, end, raw, iso, "month", valid)
    try:
        iso = datetime.date(year, month, day).isoformat()
    except ValueError:
        return DateMatch(start, end, raw, "", "day", False)
    return DateMatch(start, end, raw, iso, "day", True)


def _ocr_number(token: str) -> int | None:
    """A numeric date token with O/l misreads undone; None unless it holds a real digit."""
    if not any(ch.isdigit() for ch in token):
        return None
    return int(token.translate(_OCR_FIX))


def _date_candidates(
    text: str, today: datetime.date, day_first: bool = False
) -> Iterator[tuple[int, int, DateMatch]]:
    table = _date_table()
    numeric_mdy, iso_ymd, numeric_my, iso_ym, named_dmy, named_mdy, named_my = table.regexes

    for m in numeric_mdy.finditer(text):
        a, b, y = _ocr_number(m["a"]), _ocr_number(m["b"]), _ocr_number(m["y"])
        if a is None or b is None or y is None:
            continue
        if len(m["y"]) == 2:
            if m["sep"] == ".":
                continue  # "1.10.21" is as likely a version or section number as a date
            y = _two_digit_year(y, today)
        # Month first unless the first number cannot be a month or the document reads day first.
        month, day = (b, a) if a > 12 or (day_first and b <= 12) else (a, b)
        yield m.start(), m.end(), _make_date(text, m.start(), m.end(), y, month, day)

    for m in iso_ymd.finditer(text):
        yield m.start(), m.end(), _make_date(text, m.start(), m.end(), int(m["y"]), int(m["m"]), int(m["d"]))

    for regex in (numeric_my, iso_ym):
        for m in regex.finditer(text):
            mon, yr = _ocr_number(m["m"]), _ocr_number(m["y"])
            if mon is None or yr is None or not 1 <= mon <= 12 or yr not in _PARTIAL_YEARS:
                continue
            yield m.start(), m.end(), _make_date(text, m.start(), m.end(), yr, mon, None)

    for regex in (named_dmy, named_mdy, named_my):
        for m in regex.finditer(text):
            named = table.months.get(_key(m["mon"]))
            if named is None:
                continue
            month, year = named, int(m["y"])
            if len(m["y"]) == 2:
                year = _two_digit_year(year, today)
            if regex is named_my:
                if year not in _PARTIAL_YEARS:
                    continue
                yield m.start(), m.end(), _make_date(text, m.start(), m.end(), year, month, None)
            else:
                yield m.start(), m.end(), _make_date(text, m.start(), m.end(), year, month, int(m["d"]))


# ---------------------------------------------------------------- dates

_NUMERIC_DATE = re.compile(_DATE_START + r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-](?:[0-9]{4}|[0-9]{2})" + _DATE_END)


def reads_day_first(text: str, stated: bool) -> bool:
    """Whether a document's ambiguous numeric dates are day/month/year: it says so (`stated`,
    found by the caller from its own cue table), or it writes a date whose first number
    cannot be a month (25/03/2021) and none whose second number cannot be one (03/25/2021)."""
    if stated:
        return True
    day_first = month_first = False
    for m in _NUMERIC_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        day_first |= 12 < a <= 31 and 1 <= b <= 12
        month_first |= 12 < b <= 31 and 1 <= a <= 12
    return day_first and not month_first



def find_dates(
    text: str, *, today: datetime.date | None = None, day_first: bool = False
) -> list[DateMatch]:
    """Every date written in `text` (day or month precision), impossible ones flagged invalid.

    `day_first` reads an ambiguous numeric date ("03/04/2021") as day/month/year, for a
    document that states that convention or writes its other dates that way.

    Two-digit years are read as 20yy up to one year past `today`, else 19yy. Bare years
    and 8-digit runs (20210314) are not taken here: in running text they are too often
    something else; `parse_date` accepts them when a field holds nothing but the date.
    """
    candidates = list(_date_candidates(text, today or datetime.date.today(), day_first))
    return [payload for _, _, payload in _longest(candidates, len(text))]


def parse_date(
    text: str, *, today: datetime.date | None = None, day_first: bool = False
) -> DateMatch | None:
    """The date that `text` (stripped) consists of, or None when it is anything else."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    body = text[start:end]
    if not body:
        return None
    for match in find_dates(text, today=today, day_first=day_first):
        if match.start == start and match.end == end:
            return match
    if re.fullmatch(r"[0-9]{4}", body) and int(body) in _PARTIAL_YEARS:
        return DateMatch(start, end, body, body, "year", True)
    compact = re.fullmatch(r"([0-9]{4})([0-9]{2})([0-9]{2})", body)
    if compact:
        year, month, day = (int(g) for g in compact.groups())
        if year in _PARTIAL_YEARS and 1 <= month <= 12 and 1 <= day <= 31:
            return _make_date(text, start, end, year, month, day)
    return None


def compare_dates(a: str, b: str) -> bool | None:
    """Whether two ISO dates agree at the coarser of their precisions; None if either is empty."""
    if not a or not b:
        return None
    n = min(len(a), len(b))
    return a[:n] == b[:n]


# ---------------------------------------------------------------- doses


def _number(raw: str) -> Decimal | None:
    text = raw.strip()
    vulgar = text[-1:]
    if vulgar in "½¼¾" and vulgar:
        whole = text[:-1].strip()
        return (Decimal(whole) if whole else Decimal(0)) + Decimal(str(unicodedata.numeric(vulgar)))
    if "/" in text:
        *wholes, fraction = text.split()
        num, den = fraction.split("/")
        return (Decimal(wholes[0]) if wholes else Decimal(0)) + Decimal(num) / Decimal(den)
    if re.fullmatch(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?", text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")  # a decimal comma: "0,5 mg"
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _decimal_text(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _exact_quotient(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """numerator/denominator if it has a finite decimal expansion, else None."""
    if denominator == 0:
        return None
    q = Fraction(numerator) / Fraction(denominator)
    den = q.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    if den != 1:
        return None
    return Decimal(q.numerator) / Decimal(q.denominator)


def _dose_candidates(text: str) -> Iterator[tuple[int, int, tuple[str, str] | None]]:
    """(start, end, (dose, unit)) or (start, end, None) for a span that is not a dose."""
    table = _unit_table()
    for m in table.single.finditer(text):
        value = _number(m["n1"])
        unit = table.units.get(_key(m["unit"]))
        if value is None or unit is None:
            continue
        yield m.start(), m.end(), ((_decimal_text(value), unit) if unit else None)
    for m in table.ranged.finditer(text):
        low, high = _number(m["n1"]), _number(m["n2"])
        unit = table.units.get(_key(m["unit"]))
        if low is None or high is None or unit is None:
            continue
        if low >= high and not (unit in _MASS_TO_MG and re.fullmatch(r"\s*-\s*", text[m.end("n1") : m.start("n2")])):
            continue  # "50-12.5 mg" is a combination tablet's two strengths; "2-1 tabs" is nothing
        if m["n2"] and re.search(r"\bfrom\s+$", text[max(0, m.start() - 10) : m.start()], re.I):
            continue  # "from 10 to 20 mg" is a change, not a range
        dose = f"{_decimal_text(low)}-{_decimal_text(high)}"
        yield m.start(), m.end(), ((dose, unit) if unit else None)
    for m in table.ratio.finditer(text):
        value = _number(m["n1"])
        volume = _number(m["n2"]) if m["n2"] else Decimal(1)
        unit = table.units.get(_key(m["unit"]))
        if value is None or volume is None or unit is None:
            continue
        if unit not in _MASS_TO_MG:
            yield m.start(), m.end(), None  # 100 units/mL, 20 mEq/15 mL: a strength, not a dose
            continue
        per_ml = _exact_quotient(value * _MASS_TO_MG[unit], volume)
        if per_ml is not None:
            yield m.start(), m.end(), (_decimal_text(per_ml), "mg/ml")
    # "BIKTARVY 50-200-25 MG": three strengths in one is a product's label, no single dose
    for m in _THREE_PART.finditer(text):
        yield m.start(), m.end(), None
    # "losartan/HCTZ 50/12.5 mg", "hydrocodone-APAP 5/325 mg": a combination's strengths
    for m in _COMBINATION.finditer(text):
        unit = table.units.get(_key(m["unit"]))
        first, second = _number(m["n1"]), _number(m["n2"])
        if unit in _MASS_TO_MG and first is not None and second is not None:
            yield m.start(), m.end(), (f"{_decimal_text(first)}-{_decimal_text(second)}", unit)
    # "Tylenol lgm": a 1 read as l or I, glued to a mass unit. Only this exact shape: "lg" alone
    # may mean large, and a longer word is a word.
    for m in _MISREAD_ONE.finditer(text):
        unit = table.units.get(_key(m["unit"]))
        if unit in _MASS_TO_MG:
            yield m.start(), m.end(), ("1", unit)


_TABLET_COUNT = re.compile(
    r"\s+(?:[1-4]|1/2|one|two|half|a)\s+(?:(?:tabs?|tablets?|pills?|caps?|capsules?)\s+)?(?=\S)", re.IGNORECASE
)
_BARE_NUMBER = re.compile(r"[ \t:]*([0-9]+(?:\.[0-9]+)?)(?![0-9/%]|[.,][0-9])")


def find_bare_dose(text: str) -> tuple[int, int, str] | None:
    """The number at the start of `text` written without a unit: "81" of "ASA 81 daily".

    Only a number followed by nothing, a clause break or a frequency ("atorva 40 qhs") counts;
    (start, end, the number as a plain decimal). The caller decides the unit, if any makes sense.
    """
    m = _BARE_NUMBER.match(text)
    if m is None:
        return None
    rest = text[m.end() :]
    # "Plavix 75 1 every day": a count of tablets between the strength and how often
    count = _TABLET_COUNT.match(rest)
    if count is not None and find_frequencies(rest[count.end() :])[:1]:
        rest = " " + rest[count.end() :]
    gap = len(rest) - len(rest.lstrip())
    if rest.strip() and not re.match(r"[,;.)]", rest.lstrip()):
        freqs = find_frequencies(rest)
        if not freqs or freqs[0].start != gap or gap == 0:
            return None
    value = _number(m.group(1))
    if value is None or value <= 0:
        return None
    return m.start(1), m.end(1), _decimal_text(value)


def find_doses(text: str) -> list[DoseMatch]:
    """Every dose (a number with a unit) in `text`; bare numbers are never doses.

    Concentrations are given per mL when they divide exactly ("500 mg/5 mL" -> 100 mg/ml);
    otherwise only the leading "500 mg" is reported. Lab values and weight-based doses
    ("110 mg/dL", "10 mg/kg") are not reported.
    """
    read = _LATIN_COUNT.sub(_latin_count, _MISREAD_ZERO.sub(_zeros, text))
    kept = _longest(list(_dose_candidates(read)), len(text))
    out = []
    for start, end, payload in kept:
        if payload is None:
            continue
        raw = text[start:end]
        out.append(DoseMatch(start, end, raw, payload[0], payload[1], raw))
    return out


def number_text(raw: str) -> str:
    """A number as the vocabulary writes it: "12.50" -> "12.5", "1,000" -> "1000"; "" if none."""
    value = _number(raw)
    return _decimal_text(value) if value is not None else ""


def scaled_dose(strength: str, count: str) -> str | None:
    """The amount of `count` units of `strength` each: ("50", "0.5") -> "25", ("5", "1-2") -> "5-10"."""
    per = _number(strength)
    if per is None or "-" in strength:
        return None
    parts = [_number(c) for c in count.split("-")]
    if not parts or len(parts) > 2 or any(p is None or p <= 0 for p in parts):
        return None
    return "-".join(_decimal_text(per * p) for p in parts if p is not None)


def dose_value(dose: str) -> float | None:
    """The number of a normalized dose: "0.5" -> 0.5, "1-2" -> 2.0 (the upper bound)."""
    m = re.fullmatch(r"\s*(?:[0-9]*\.?[0-9]+\s*-\s*)?([0-9]*\.?[0-9]+)\s*", dose)
    return float(m.group(1)) if m else None


# ---------------------------------------------------------------- frequencies

_HOURS = r"\s*(?:hours|hour|hrs|hr|h)(?!\w)"


@lru_cache(maxsize=1)
def _number_words() -> tuple[tuple[str, ...], dict[str, int]]:
    """Number words of Sig text as written ("two", "twenty-four"), and by lookup key to value."""
    name = "number_words.csv"
    written: list[str] = []
    values: dict[str, int] = {}
    for row in _read_table(name, ("word", "value")):
        if not row["value"].isdigit() or int(row["value"]) <= 0:
            raise ConfigError(f"models/{name}: value {row['value']!r} is not a positive whole number")
        written.append(row["word"].lower())
        values[_key(row["word"])] = int(row["value"])
    return tuple(written), values


def _count(group: str) -> str:
    """A count written as digits, digits with the word in brackets ("2 (two)", the Epic Sig
    style), or a word alone ("six"); the groups are <group>, <group>_w and <group>_v."""
    words = _alternation(_number_words()[0])
    return (
        rf"(?:(?P<{group}>[0-9]{{1,3}})(?:\s*\(\s*(?P<{group}_w>{words})\s*\))?"
        rf"|(?P<{group}_v>{words})(?![\w-]))"
    )


def _count_value(m: re.Match[str], group: str) -> int | None:
    """The count a `_count` group read; None when absent, or when digits and word disagree
    ("2 (three)"): the record is then ambiguous and no frequency is better than a wrong one."""
    digits = m.group(group)
    word = m.group(group + "_w") or m.group(group + "_v")
    spelled = _number_words()[1].get(_key(word)) if word else None
    if digits is None:
        return spelled
    if spelled is not None and spelled != int(digits):
        return None
    return int(digits)


@dataclass(frozen=True)
class _IntervalRegexes:
    q_hours: re.Pattern[str]
    every_hours: re.Pattern[str]
    every_days: re.Pattern[str]
    every_weeks: re.Pattern[str]
    times_a_day: re.Pattern[str]


@lru_cache(maxsize=1)
def _interval_regexes() -> _IntervalRegexes:
    def span(first: str, second: str) -> str:
        return _count(first) + r"(?:\s*(?:[-–]|to)\s*" + _count(second) + ")?"

    flags = re.IGNORECASE
    return _IntervalRegexes(
        q_hours=re.compile(r"(?<!\w)q\.?\s*" + span("n", "m") + _HOURS, flags),
        every_hours=re.compile(r"(?<!\w)every\s*" + span("n", "m") + _HOURS, flags),
        every_days=re.compile(
            r"(?<!\w)(?:every|q\.?)\s*" + _count("n") + r"\s*(?:days|day|d)(?!\w)", flags
        ),
        every_weeks=re.compile(
            r"(?<!\w)(?:every|q\.?)\s*" + _count("n") + r"\s*(?:weeks|week|wks|wk|w)(?!\w)", flags
        ),
        times_a_day=re.compile(
            r"(?<!\w)" + _count("n")
            + r"\s*(?:x|times|time)\s*(?:(?:a|per|each|every)\s+|/\s*)?(?:day|daily|d)(?!\w)",
            flags,
        ),
    )


_MAX_INTERVAL_DAYS = 28  # longest "every N days" read as q<N>h; a month or more is the table's

# What may stand between a frequency and the "PRN" that qualifies it.
_PRN_GAP = re.compile(r"[ \t,;:(\-]{0,4}")

_Freq = tuple[str, float | None]


def _interval(hours: int, upper: int | None, days_ok: bool = True) -> _Freq | None:
    """The canonical form of "every N(-M) hours": an alias from the table or q<N>h."""
    codes = _frequency_table().codes
    if hours <= 0 or (upper is not None and upper <= 0):
        return None
    if upper is not None and upper != hours:
        low, high = sorted((hours, upper))
        return codes.get(_key(f"q{low}-{high}h"), (f"q{low}-{high}h", 24 / low))
    alias = codes.get(_key(f"q{hours}h"))
    if alias is not None:
        return alias
    return (f"q{hours}h", 24 / hours) if days_ok else None


def _frequency_candidates(text: str) -> Iterator[tuple[int, int, _Freq]]:
    table = _frequency_table()
    for m in table.regex.finditer(text):
        value = table.codes.get(_key(m.group()))
        if value is not None:
            yield m.start(), m.end(), value  # ("", None) for ambiguous forms: blocks, dropped later
    rx = _interval_regexes()
    for regex in (rx.q_hours, rx.every_hours):
        for m in regex.finditer(text):
            hours = _count_value(m, "n")
            upper = _count_value(m, "m") if (m["m"] or m["m_w"] or m["m_v"]) else None
            if hours is None or (upper is None and (m["m"] or m["m_v"])):
                continue
            found = _interval(hours, upper)
            if found:
                yield m.start(), m.end(), found
    for regex, length in ((rx.every_days, 1), (rx.every_weeks, 7)):
        for m in regex.finditer(text):
            count = _count_value(m, "n")
            if count is None:
                continue
            days = count * length
            # Every 7 days is weekly where the table says so; up to a month apart, an injection's
            # "every 14 days" / "q2wk" is q336h; longer gaps are left to the table's words.
            found = _interval(24 * days, None, days_ok=days <= _MAX_INTERVAL_DAYS)
            if found:
                yield m.start(), m.end(), found
    for m in rx.times_a_day.finditer(text):
        n = _count_value(m, "n")
        if n and 24 % n == 0:
            found = _interval(24 // n, None)
            if found:
                yield m.start(), m.end(), found


def find_frequencies(text: str) -> list[FrequencyMatch]:
    """Every dosing frequency in `text`, normalized; a PRN next to a frequency joins it."""
    text = text.replace("_", " ")  # "q4-6h_ prn": a form's underline read after the code
    kept = [c for c in _longest(list(_frequency_candidates(text)), len(text)) if c[2][0]]
    out: list[FrequencyMatch] = []
    i = 0
    while i < len(kept):
        start, end, (code, per_day) = kept[i]
        if i + 1 < len(kept):
            n_start, n_end, (n_code, n_per_day) = kept[i + 1]
            adjacent = _PRN_GAP.fullmatch(text, end, n_start) is not None
            if adjacent and (code == "prn") != (n_code == "prn"):
                base, base_per_day = (n_code, n_per_day) if code == "prn" else (code, per_day)
                out.append(
                    FrequencyMatch(start, n_end, text[start:n_end], f"{base} prn", base_per_day)
                )
                i += 2
                continue
        out.append(FrequencyMatch(start, end, text[start:end], code, per_day))
        i += 1
    return out


# ---------------------------------------------------------------- routes


def find_routes(text: str) -> list[RouteMatch]:
    """Every route of administration in `text`.

    "OD" is never reported: it means "right eye" to some writers and "once daily" to
    others (ISMP lists it as error-prone), so neither reading is safe.
    """
    table = _route_table()
    candidates = []
    for m in table.regex.finditer(text):
        route = table.routes.get(_key(m.group()))
        if route is not None:
            candidates.append((m.start(), m.end(), route))
    return [
        RouteMatch(start, end, text[start:end], route)
        for start, end, route in _longest(candidates, len(text))
        if route
    ]

