"""Excel workbooks: every worksheet, as text, with its real spreadsheet rows and column letters.

fastexcel (calamine) reads the cells; it never evaluates formulas nor runs macros, and gives the
value Excel last calculated. It trims the empty rows and columns around the used range, so we
find where that range starts to number rows and columns the way the state sees them. Formula
cells are found by a cheap scan of each sheet's XML, which we decompress ourselves anyway to
check the archive (see :mod:`safety`).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import fastexcel
import polars as pl
from defusedxml import ElementTree
from python_calamine import CalamineWorkbook

from contracts.issues import Issue
from ingest.package import SOURCE_ROW, Package, SheetData
from ingest.readers import safety
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
_OVERLAP = 8192
_BOOK_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
_MIDNIGHT = r"^\d{4}-\d{2}-\d{2} 00:00:00$"
# Excel has no day 0: a time-only cell comes out of calamine on 1899-12-31.
_TIME_ONLY = r"^1899-12-31 (\d{2}:\d{2}:\d{2}.*)$"


@dataclass
class _SheetScan:
    # (first row, first column, last row, last column), 0-based, from <dimension ref=…>.
    dimension: tuple[int, int, int, int] | None = None
    # (1-based row, 0-based column) of each formula cell; None when the cell has no r="…".
    formulas: list[tuple[int, int] | None] = field(default_factory=list)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def read(path: Path, limits: Limits) -> Package:
    pkg = Package(path=path, encoding="xlsx", size=path.stat().st_size)
    issue = safety.sniff_xlsx(path)
    if issue is not None:
        pkg.issues.append(issue)
        return pkg
    try:
        with safety.open_zip(path, limits, ratio=limits.max_xlsx_ratio, expected=EXPECTED) as zf:
            scans = _scan_archive(zf)
    except safety.Refusal as refusal:
        pkg.issues.extend(refusal.issues)
        return pkg
    try:
        reader = fastexcel.read_excel(str(path))
        names = reader.sheet_names
    except Exception as exc:  # calamine's errors are many; all mean "cannot read this workbook"
        pkg.issues.append(safety.unreadable(EXPECTED, _short(exc)))
        return pkg
    starts = _Starts(path)
    try:
        for name in names:
            try:
                scan = scans.get(name, _SheetScan())
                sheet, issues = _read_sheet(reader, name, scan, starts, limits)
            except Exception as exc:
                pkg.issues.append(safety.unreadable(EXPECTED, _short(exc), table=name))
                continue
            pkg.sheets.append(sheet)
            pkg.issues.extend(issues)
    finally:
        starts.close()
    return pkg


def _short(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


# --- the archive: sheet parts, dimensions and formulas ---------------------------------------


def _scan_archive(zf: safety.SafeZip) -> dict[str, _SheetScan]:
    """Scans each worksheet's XML, and inflates every other member once under the budget: we
    do not control how calamine bounds what it inflates, so it never inflates a member first."""
    by_name = {i.filename.lower(): i for i in zf.files}
    sheets = _sheet_parts(zf, by_name)
    part_to_sheet = {part: name for name, part in sheets.items()}
    scans: dict[str, _SheetScan] = {}
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


def _scan_sheet(chunks: Iterable[bytes]) -> _SheetScan:
    scan = _SheetScan()
    head = b""  # <dimension> sits near the top of the part
    buf = b""
    for chunk in chunks:
        if len(head) < 65536:
            head += chunk[:65536]
        buf += chunk
        cut = max(0, len(buf) - _OVERLAP)
        _formulas(buf, cut, scan)
        buf = buf[cut:]
    _formulas(buf, len(buf), scan)
    scan.dimension = _dimension(head)
    return scan


def _formulas(buf: bytes, cut: int, scan: _SheetScan) -> None:
    """Records formula cells that start before ``cut``; the rest waits for the next chunk."""
    for m in _FORMULA.finditer(buf):
        if m.start() >= cut:
            break
        attrs = m.group(1)
        if attrs.endswith(b"/"):
            continue
        ref = _CELL_REF.search(attrs)
        scan.formulas.append(
            (int(ref.group(2)), column_index(ref.group(1).decode())) if ref else None
        )


def _dimension(head: bytes) -> tuple[int, int, int, int] | None:
    m = _DIMENSION.search(head)
    if m is None:
        return None
    c0, r0 = column_index(m.group(1).decode()), int(m.group(2)) - 1
    if m.group(3) is None:
        return r0, c0, r0, c0
    return r0, c0, int(m.group(4)) - 1, column_index(m.group(3).decode())


# --- one sheet -------------------------------------------------------------------------------


class _Starts:
    """Where calamine's used range starts, when the sheet's <dimension> cannot tell us.

    Opening the workbook a second time parses the sheet again, so it is done only for sheets
    whose <dimension> disagrees with what fastexcel returned (e.g. formatted empty cells)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._book: CalamineWorkbook | None = None

    def start_row(self, name: str) -> int:
        if self._book is None:
            self._book = CalamineWorkbook.from_path(str(self.path))
        start = self._book.get_sheet_by_name(name).start
        return start[0] if start else 0

    def close(self) -> None:
        if self._book is not None:
            self._book.close()


def _read_sheet(
    reader: fastexcel.ExcelReader, name: str, scan: _SheetScan, starts: _Starts, limits: Limits
) -> tuple[SheetData, list[Issue]]:
    sheet = reader.load_sheet(name, header_row=None, dtypes="string")
    raw = sheet.to_polars()
    if raw.width == 0 or raw.height == 0:
        empty = pl.DataFrame(schema={SOURCE_ROW: pl.Int64})
        return SheetData(origin=name, headers=[], frame=empty, column_refs=[]), []
    col0 = sheet.selected_columns[0].absolute_index
    dim = scan.dimension
    # The dimension is trusted only when it is exactly the range fastexcel returned.
    if dim is not None and dim[1:] == (col0, dim[0] + raw.height - 1, col0 + raw.width - 1):
        row0 = dim[0]
    else:
        row0 = starts.start_row(name)
    cols = [f"c{i}" for i in range(raw.width)]
    frame = raw.rename(dict(zip(raw.columns, cols, strict=True))).with_columns(
        _tidy(c) for c in cols
    )
    headers: list[str | None] = list(frame.row(0))
    header_row = row0 + 1
    data = frame.slice(1).with_columns(
        pl.int_range(header_row + 1, header_row + raw.height, dtype=pl.Int64).alias(SOURCE_ROW)
    )
    data = data.filter(pl.any_horizontal(pl.col(c).is_not_null() for c in cols))
    issues = [_formula_issue(name, f, headers, col0) for f in scan.formulas]
    too_many = safety.too_many_rows(name, data.height, limits)
    if too_many is not None:
        issues.append(too_many)
        data = data.clear()
    refs = [column_letter(col0 + i) for i in range(raw.width)]
    return SheetData(name, headers, data, column_refs=refs, header_row=header_row), issues


def _tidy(name: str) -> pl.Expr:
    """An empty text cell is a blank; a native date is a date, not a midnight datetime."""
    col = pl.col(name)
    return (
        pl.when(col == "")
        .then(None)
        .when(col.str.starts_with("1899-12-31 "))
        .then(col.str.replace(_TIME_ONLY, "$1"))
        .when(col.str.contains(_MIDNIGHT))
        .then(col.str.slice(0, 10))
        .otherwise(col)
        .alias(name)
    )


def _formula_issue(
    sheet: str, where: tuple[int, int] | None, headers: list[str | None], col0: int
) -> Issue:
    if where is None:
        return Issue("formula_cell", table=sheet, params={"detail": "a cell without a reference"})
    row, col = where
    idx = col - col0
    header = headers[idx] if 0 <= idx < len(headers) else None
    ref = f"{column_letter(col)}{row}"
    return Issue("formula_cell", table=sheet, row=row, column=header, params={"detail": ref})
