"""Excel workbooks (.xlsx): the archive is checked, then read as every spreadsheet is
(:mod:`spreadsheet`).

Formula cells are found by a cheap scan of each sheet's XML, which we decompress ourselves
anyway to check the archive (see :mod:`safety`); so is each sheet's ``<dimension>``, which
says where its used range starts.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path

from defusedxml import ElementTree

from ingest.package import Package
from ingest.readers import safety
from ingest.readers.spreadsheet import SheetScan, column_index, read_zipped_workbook
from warehouse.settings import Limits

EXPECTED = safety.XLSX_EXPECTED
_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix (x:c, x:f …)
# A cell whose first child is a formula: <c r="B7" …><f …>. Bounded repeats keep every match
# short, so chunks can be scanned with a fixed overlap.
_FORMULA = re.compile(rb"<" + _P + rb"c\b([^<>]{0,4096})>\s{0,256}<" + _P + rb"f\b")
_CELL_REF = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{1,3})([0-9]{1,7})["']""")
_DIMENSION = re.compile(
    rb"<" + _P + rb"""dimension\b[^>]*\bref\s*=\s*["']\$?([A-Za-z]{1,3})\$?([0-9]{1,7})"""
    rb"""(?::\$?([A-Za-z]{1,3})\$?([0-9]{1,7}))?["']"""
)
# Every cell and row, with its reference when it has one: calamine lays out the range they
# span (a cell or row without a reference takes the next position). No match holds a "<"
# past its first byte, so a chunk cut just before a "<" splits none of them. Writers put the
# reference first, as <c r="B7": that spelling alone is looked for first (a pattern that
# starts with a literal, which re finds fast), the general ones only where a cell is not
# spelled so.
_CELL_FAST = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_CELL = re.compile(rb"<" + _P + rb"c\b")
_CELL_AT = re.compile(
    rb"<" + _P + rb"""c\b[^<>]{0,4096}?\br\s*=\s*["']([A-Za-z]{1,3})([0-9]{1,7})["']"""
)
_ROW = re.compile(rb"<" + _P + rb"row\b")
_ROW_AT = re.compile(rb"<" + _P + rb"""row\b[^<>]{0,4096}?\br\s*=\s*["']([0-9]{1,7})["']""")
_OVERLAP = 8192
_BOOK_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")


def read(path: Path, limits: Limits) -> Package:
    return read_zipped_workbook(path, limits, "xlsx", EXPECTED, safety.sniff_xlsx, _scan_archive)


# --- the archive: sheet parts, dimensions and formulas ---------------------------------------


def _scan_archive(zf: safety.SafeZip) -> dict[str, SheetScan]:
    """Scans each worksheet's XML, and inflates every other member once under the budget: we
    do not control how calamine bounds what it inflates, so it never inflates a member first."""
    by_name = {i.filename.lower(): i for i in zf.files}
    sheets = _sheet_parts(zf, by_name)
    part_to_sheet = {part: name for name, part in sheets.items()}
    scans: dict[str, SheetScan] = {}
    for info in zf.files:
        name = info.filename.lower()
        sheet = part_to_sheet.get(name)
        if sheet is not None:
            scans[sheet] = _scan_sheet(zf.stream(info))
        elif name not in _BOOK_PARTS:  # those were read whole already
            for _ in zf.stream(info):
                pass
    return scans


def _sheet_parts(zf: safety.SafeZip, by_name: dict[str, zipfile.ZipInfo]) -> dict[str, str]:
    """Sheet name → lower-cased member name of its XML part (part names ignore case)."""
    try:
        book = ElementTree.fromstring(zf.read(by_name[_BOOK_PARTS[0]]))
        rels_info = by_name.get(_BOOK_PARTS[1])
        rels = ElementTree.fromstring(zf.read(rels_info)) if rels_info is not None else None
    except safety.Refusal:
        raise
    except Exception as exc:  # defusedxml refuses entities; a broken part is just as fatal
        raise safety.Refusal(safety.unreadable(EXPECTED, "its list of sheets is damaged")) from exc
    targets: dict[str, str] = {}
    for rel in rels.iter() if rels is not None else ():
        target = rel.get("Target")
        if _local(rel.tag) == "Relationship" and rel.get("Id") and target:
            full = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[rel.get("Id", "")] = posixpath.normpath(full).lower()
    parts: dict[str, str] = {}
    for el in book.iter():
        if _local(el.tag) != "sheet":
            continue
        rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
        name = el.get("name")
        if name is not None and rid in targets and targets[rid] in by_name:
            parts[name] = targets[rid]
    return parts


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _scan_sheet(chunks: Iterable[bytes]) -> SheetScan:
    scan = SheetScan()
    extent = _Extent()
    head = b""  # <dimension> sits near the top of the part
    buf = b""
    for chunk in chunks:
        if len(head) < 65536:
            head += chunk[:65536]
        buf += chunk
        limit = max(0, len(buf) - _OVERLAP)
        cut = buf.rfind(b"<", 0, limit)
        if cut <= 0:  # no tag starts in the window but (maybe) the first: cut anywhere
            cut = limit
        _formulas(buf, cut, scan)
        extent.count(buf, cut)
        buf = buf[cut:]
    _formulas(buf, len(buf), scan)
    extent.count(buf, len(buf))
    scan.dimension = _dimension(head)
    scan.bounds = extent.bounds()
    return scan


class _Extent:
    """The range calamine can lay a sheet out on, from every cell and row reference (C-speed
    regex passes: a sheet has millions of cells)."""

    def __init__(self) -> None:
        self.columns: set[bytes] = set()
        self.first_row = self.last_row = -1
        self.cells_without_ref = self.rows_without_ref = 0

    def count(self, buf: bytes, cut: int) -> None:
        refs = _CELL_FAST.findall(buf, 0, cut)
        rows: list[bytes] = []
        # Every "<c" a <c r="B7" (a cell without a prefix starts with "<c", one with a prefix
        # holds ":c"); if not, some cell may be spelled otherwise: every cell and row counts.
        if buf.count(b"<c", 0, cut) != len(refs) or b":c" in buf[:cut]:
            refs = _CELL_AT.findall(buf, 0, cut)
            rows = _ROW_AT.findall(buf, 0, cut)
            self.cells_without_ref += len(_CELL.findall(buf, 0, cut)) - len(refs)
            self.rows_without_ref += len(_ROW.findall(buf, 0, cut)) - len(rows)
        self.columns.update(map(itemgetter(0), refs))
        numbers = [*map(int, map(itemgetter(1), refs)), *map(int, rows)]
        if numbers:
            low, high = min(numbers) - 1, max(numbers) - 1
            self.first_row = low if self.first_row < 0 else min(self.first_row, low)
            self.last_row = max(self.last_row, high)

    def bounds(self) -> tuple[int, int, int, int] | None:
        if self.last_row < 0 and not self.cells_without_ref:
            return None
        columns = [column_index(c.decode()) for c in self.columns] or [0]
        # A cell without a reference goes to the right of the one before it, a row without
        # one below the one before it: at worst, all of them after the last referenced one.
        first_row = 0 if self.rows_without_ref or self.first_row < 0 else self.first_row
        first_col = 0 if self.cells_without_ref else min(columns)
        last_row = max(self.last_row, 0) + self.rows_without_ref
        last_col = max(columns) + self.cells_without_ref
        return first_row, first_col, last_row, last_col


def _formulas(buf: bytes, cut: int, scan: SheetScan) -> None:
    """Records formula cells that start before ``cut``; the rest waits for the next chunk."""
    for m in _FORMULA.finditer(buf):
        if m.start() >= cut:
            break
        attrs = m.group(1)
        if attrs.endswith(b"/"):
            continue
        ref = _CELL_REF.search(attrs)
        scan.add_formulas(
            [(int(ref.group(2)), column_index(ref.group(1).decode())) if ref else None]
        )


def _dimension(head: bytes) -> tuple[int, int, int, int] | None:
    m = _DIMENSION.search(head)
    if m is None:
        return None
    c0, r0 = column_index(m.group(1).decode()), int(m.group(2)) - 1
    if m.group(3) is None:
        return r0, c0, r0, c0
    return r0, c0, int(m.group(4)) - 1, column_index(m.group(3).decode())
