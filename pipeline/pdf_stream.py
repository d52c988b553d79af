"""A PDF written object by object, so that pages copied in from other PDFs are held one at a time.

Copying pages with pypdf or pikepdf keeps every copied page (its scanned image above all) in
memory until the whole file is written: half a megabyte a page, 150 MB for a 300-page packet.
Here each source page is read, written out and dropped; only the object offsets are kept.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

import pikepdf

# Page attributes a page may inherit from its parents in the page tree (PDF 32000 7.7.3.4).
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


def pdf_string(text: str) -> bytes:
    """`text` as a PDF text string (escaped, or UTF-16 when it is not plain ASCII)."""
    return bytes(pikepdf.String(text).unparse())


def pdf_number(value: float) -> bytes:
    """A PDF real without exponent (PDF has none), to 4 decimals."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return (text if text not in ("", "-0") else "0").encode()


def ref(num: int) -> bytes:
    return b"%d 0 R" % num


@dataclass
class OutlineItem:
    """One bookmark: a title, the page it opens and its children (shown open)."""

    title: str
    page: int  # index into the pages written
    children: list[OutlineItem] = field(default_factory=list)


class StreamingPdfWriter:
    """Writes objects to `fh` as they come; `close()` writes the page tree, outline and xref."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.offsets: dict[int, int] = {}
        self.count = 0  # object numbers handed out
        self.page_nums: list[int] = []
        self._pos = 0
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        self.catalog = self.reserve()
        self.pages_root = self.reserve()

    def _write(self, data: bytes) -> None:
        self.fh.write(data)
        self._pos += len(data)

    def reserve(self) -> int:
        """A new object number, to be written later with write_object."""
        self.count += 1
        return self.count

    def write_object(self, num: int, body: bytes) -> None:
        self.offsets[num] = self._pos
        self._write(b"%d 0 obj\n" % num + body + b"\nendobj\n")

    def add_object(self, body: bytes) -> int:
        num = self.reserve()
        self.write_object(num, body)
        return num

    def source(self) -> PageCopier:
        """A copier for the pages of one source PDF (objects they share are written once)."""
        return PageCopier(self)

    def page_ref(self, index: int) -> bytes:
        return ref(self.page_nums[index])

    def close(
        self, outline: Sequence[OutlineItem] = (), info: dict[str, str] | None = None
    ) -> None:
        """Write the page tree, outline, catalog, info and cross-reference table."""
        kids = b" ".join(ref(n) for n in self.page_nums)
        self.write_object(
            self.pages_root, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(self.page_nums))
        )
        catalog = [b"/Type /Catalog", b"/Pages " + ref(self.pages_root)]
        if outline:
            catalog += [b"/Outlines " + ref(self._outline(outline)), b"/PageMode /UseOutlines"]
        self.write_object(self.catalog, b"<< " + b" ".join(catalog) + b" >>")
        info_num = None
        if info:
            entries = b" ".join(b"/%s %s" % (k.encode(), pdf_string(v)) for k, v in info.items())
            info_num = self.add_object(b"<< " + entries + b" >>")
        xref_at = self._pos
        size = self.count + 1
        lines = [b"xref\n0 %d\n" % size, b"0000000000 65535 f \n"]
        # A number reserved for a page whose copy failed half way (and was replaced by a
        # placeholder page) has no object: it is listed as free.
        lines += [
            b"%010d 00000 n \n" % self.offsets[n] if n in self.offsets else b"0000000000 65535 f \n"
            for n in range(1, size)
        ]
        self._write(b"".join(lines))
        trailer = b"/Size %d /Root %s" % (size, ref(self.catalog))
        if info_num is not None:
            trailer += b" /Info " + ref(info_num)
        self._write(b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref_at))

    def _outline(self, items: Sequence[OutlineItem]) -> int:
        root = self.reserve()
        first, last, visible = self._outline_level(items, root)
        self.write_object(
            root, b"<< /Type /Outlines /First %s /Last %s /Count %d >>" % (ref(first), ref(last), visible)
        )
        return root

    def _outline_level(self, items: Sequence[OutlineItem], parent: int) -> tuple[int, int, int]:
        """Write one level of bookmarks under `parent`: (first, last, visible count)."""
        nums = [self.reserve() for _ in items]
        visible = len(items)
        for i, (item, num) in enumerate(zip(items, nums, strict=True)):
            parts = [
                b"/Title " + pdf_string(item.title),
                b"/Parent " + ref(parent),
                b"/Dest [%s /Fit]" % self.page_ref(item.page),
            ]
            if i > 0:
                parts.append(b"/Prev " + ref(nums[i - 1]))
            if i + 1 < len(items):
                parts.append(b"/Next " + ref(nums[i + 1]))
            if item.children:
                first, last, below = self._outline_level(item.children, num)
                parts += [b"/First " + ref(first), b"/Last " + ref(last), b"/Count %d" % below]
                visible += below
            self.write_object(num, b"<< " + b" ".join(parts) + b" >>")
        return nums[0], nums[-1], visible


class PageCopier:
    """Copies pages of one source PDF, each indirect object once, under new numbers."""

    def __init__(self, writer: StreamingPdfWriter) -> None:
        self.writer = writer
        self.numbers: dict[tuple[int, int], int] = {}
        self.todo: list[tuple[int, Any]] = []

    def copy_page(self, page: Any, annotations: Iterable[bytes] = ()) -> int:
        """Write `page` (a page dictionary of the source) with these annotation dicts added.

        Returns the page's index in the output. Its annotations of its own are left out.
        """
        entries: dict[str, Any] = {k: v for k, v in page.items() if k not in ("/Parent", "/Annots")}
        for key in _INHERITED:
            if key not in entries:
                value = _inherited(page, key)
                if value is not None:
                    entries[key] = value
        num = self.writer.reserve()
        annots = [self.writer.add_object(a) for a in annotations]
        body = [_name(k) + b" " + self.direct(v, top=False) for k, v in entries.items()]
        body.append(b"/Parent " + ref(self.writer.pages_root))
        if annots:
            body.append(b"/Annots [%s]" % b" ".join(ref(a) for a in annots))
        self.writer.write_object(num, b"<< " + b" ".join(body) + b" >>")
        self.flush()
        self.writer.page_nums.append(num)
        return len(self.writer.page_nums) - 1

    def flush(self) -> None:
        """Write every indirect object referred to so far (and what they refer to)."""
        while self.todo:
            num, obj = self.todo.pop()
            if isinstance(obj, pikepdf.Stream):
                data = obj.read_raw_bytes()
                entries = [
                    _name(k) + b" " + self.direct(v, top=False)
                    for k, v in obj.stream_dict.items()
                    if k != "/Length"
                ]
                entries.append(b"/Length %d" % len(data))
                self.writer.write_object(
                    num, b"<< " + b" ".join(entries) + b" >>\nstream\n" + data + b"\nendstream"
                )
            else:
                self.writer.write_object(num, self.direct(obj))

    def direct(self, value: Any, *, top: bool = True) -> bytes:
        """`value` written out; an indirect object becomes a reference to its new number."""
        if isinstance(value, pikepdf.Object) and value.is_indirect and not top:
            return ref(self._number_of(value))
        if isinstance(value, bool):
            return b"true" if value else b"false"
        if isinstance(value, int):
            return b"%d" % value
        if isinstance(value, decimal.Decimal | float):
            return pdf_number(float(value))
        if value is None:
            return b"null"
        if isinstance(value, pikepdf.Dictionary):
            items = b" ".join(_name(k) + b" " + self.direct(v, top=False) for k, v in value.items())
            return b"<< " + items + b" >>"
        if isinstance(value, pikepdf.Array):
            return b"[" + b" ".join(self.direct(v, top=False) for v in value) + b"]"
        return bytes(value.unparse())  # names, strings

    def _number_of(self, obj: Any) -> int:
        key = obj.objgen
        num = self.numbers.get(key)
        if num is None:
            num = self.numbers[key] = self.writer.reserve()
            self.todo.append((num, obj))
        return num


def _name(key: str) -> bytes:
    return bytes(pikepdf.Name(key).unparse())


def _inherited(page: Any, key: str) -> Any:
    node = page.get("/Parent")
    seen = 0
    while node is not None and seen < 64:  # a looped page tree must not hang us
        if key in node:
            return node[key]
        node = node.get("/Parent")
        seen += 1
    return None
