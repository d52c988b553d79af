"""The facts of each document, kept in the cache: a re-run with nothing changed extracts nothing.

An entry's key is a sha256 of everything extraction reads: the document's pages as read
(every word with its box and confidence, the page's size, resolution and turn), its file and
provider, the [extract] settings, today's date (extraction compares dates with it), the
versions of spaCy and RapidFuzz, and the bytes of the code and tables that do the work
(every .py file of the pipeline package and every file of its models). Change a rule, a lexicon, an
[extract] setting or the code and every document is extracted again; add one file and only
that file is.

Entries are JSON (`<key>.facts.json`, mode 0600, beside the OCR entries): the cache folder
may be shared between runs and its contents must never be able to run code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import logging
from collections.abc import Sequence
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .config import Settings
from .lexicons import MODELS_PACKAGE
from .ocr import write_entry
from .records import Fact, OcrPage, Provenance

log = logging.getLogger(__name__)

# Bump when the entries' layout changes.
FORMAT = "1"


def fingerprint(settings: Settings) -> str:
    """What every document's key shares in this run: code, tables, settings, versions, date."""
    # Extraction reads the [extract] settings only (the others shape the pages, which are
    # in each key already): a re-run with --patient-dob, say, finds every document.
    digest = hashlib.sha256()
    for part in (FORMAT, _code_and_tables(), repr(settings.extract), dt.date.today().isoformat()):
        digest.update(part.encode("utf-8") + b"\0")
    for package in ("spacy", "rapidfuzz"):
        try:
            digest.update(f"{package} {metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} -\0".encode())
    return digest.hexdigest()


@functools.cache
def _code_and_tables() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        _add_file(digest, path.name, path.read_bytes())
    _add_tree(digest, resources.files(MODELS_PACKAGE), "models")
    return digest.hexdigest()


def _add_tree(digest: hashlib._Hash, folder: Traversable, name: str) -> None:
    for child in sorted(folder.iterdir(), key=lambda c: c.name):
        if child.name == "__pycache__":
            continue
        if child.is_dir():
            _add_tree(digest, child, f"{name}/{child.name}")
        else:
            _add_file(digest, f"{name}/{child.name}", child.read_bytes())


def _add_file(digest: hashlib._Hash, name: str, data: bytes) -> None:
    digest.update(f"{name}\0{len(data)}\0".encode())
    digest.update(data)


def document_key(fingerprint_: str, rel: str, pages: Sequence[OcrPage]) -> str:
    """The key of the document `rel` read as `pages` (in the order extraction takes them)."""
    digest = hashlib.sha256(f"{fingerprint_}\0{rel}\0".encode())
    for p in pages:
        head = (p.provider, p.file, p.page, p.dpi, p.width, p.height, p.rotation, p.skew)
        digest.update(repr(head).encode("utf-8"))
        for w in p.words:
            digest.update(repr((w.text, w.conf, w.bbox, w.block, w.par, w.line, w.word)).encode("utf-8"))
    return digest.hexdigest()


def load(cache_dir: Path, key: str) -> list[Fact] | None:
    """The facts stored under `key`, or None (no entry, or one that cannot be used)."""
    try:
        entry = json.loads((cache_dir / f"{key}.facts.json").read_text(encoding="utf-8"))
        return [_fact(item) for item in entry["facts"]]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.debug("facts cache entry %s unusable (%s)", key, exc)
        return None


def store(cache_dir: Path, key: str, facts: Sequence[Fact]) -> None:
    """Keep `facts` under `key` (see ocr.write_entry)."""
    write_entry(cache_dir, f"{key}.facts.json", {"facts": [dataclasses.asdict(f) for f in facts]})


def _fact(item: dict[str, object]) -> Fact:
    provenance = dict(item["provenance"])  # type: ignore[call-overload]
    bbox = provenance["bbox"]
    provenance["bbox"] = None if bbox is None else tuple(int(v) for v in bbox)
    fields = {**item, "provenance": Provenance(**provenance)}
    fields["ambiguous_with"] = tuple(str(v) for v in item["ambiguous_with"])  # type: ignore[attr-defined]
    fact = Fact(**fields)  # type: ignore[arg-type]
    if not isinstance(fact.confidence, (int, float)) or not isinstance(fact.date_valid, bool):
        raise TypeError("a field of the wrong type")
    return fact


class Lookup:
    """This run's use of the facts cache: which documents it holds, and keeping the others."""

    def __init__(self, cache_dir: Path | None, settings: Settings) -> None:
        self.cache_dir = cache_dir
        self.fingerprint = fingerprint(settings) if cache_dir is not None else ""
        self.keys: dict[str, str] = {}  # by InputFile.rel, once looked up
        self.found: dict[str, list[Fact]] = {}

    def has(self, rel: str, pages: Sequence[OcrPage]) -> bool:
        """True when the facts of `rel`, read as `pages`, are cached (then in self.found)."""
        if self.cache_dir is None:
            return False
        if rel not in self.keys:
            self.keys[rel] = document_key(self.fingerprint, rel, pages)
            hit = load(self.cache_dir, self.keys[rel])
            if hit is not None:
                self.found[rel] = hit
        return rel in self.found

    def keep(self, rel: str, facts: Sequence[Fact]) -> None:
        """Cache the facts just extracted from `rel` (looked up with has() before)."""
        if self.cache_dir is not None and rel in self.keys and rel not in self.found:
            store(self.cache_dir, self.keys[rel], facts)
