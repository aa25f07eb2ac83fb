"""OpenDocument spreadsheets (.ods, LibreOffice's own format): the archive is checked, then read
as every spreadsheet is (:mod:`spreadsheet`).

All the sheets are in one part, ``content.xml``, which we decompress ourselves anyway to check
the archive (see :mod:`safety`); one streaming pass over it finds what calamine does not tell:
each sheet's formula cells and used range, and the cells calamine renders unlike an .xlsx
(time-only cells it loses, date-times it writes with a ``T``). Cells carry no reference in
ODS: rows and columns are counted, repetitions included, and a file that repeats cells into
far more than its size is refused before calamine expands them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from ingest.package import Package
from ingest.readers import safety
from ingest.readers.spreadsheet import CELL_BYTES, SheetScan, max_cells, read_zipped_workbook
from warehouse.settings import Limits

EXPECTED = safety.ODS_EXPECTED
CONTENT = "content.xml"
MANIFEST = "meta-inf/manifest.xml"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DURATION = re.compile(r"^P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(\.\d+)?S)?$")


def read(path: Path, limits: Limits) -> Package:
    return read_zipped_workbook(path, limits, "ods", EXPECTED, safety.sniff_ods, _scan_archive)


def _scan_archive(zf: safety.SafeZip) -> dict[str, SheetScan]:
    """Scans content.xml, and inflates every other member once under the budget: we do not
    control how calamine bounds what it inflates, so it never inflates a member first."""
    scans: dict[str, SheetScan] | None = None
    for info in zf.files:
        name = info.filename.lower()
        if name == MANIFEST and b"encryption-data" in zf.read(info):
            raise safety.Refusal(safety.unreadable(EXPECTED, "it is password-protected"))
        if name == CONTENT:
            scans = _scan_content(zf, info)
        else:
            for _ in zf.stream(info):
                pass
    if scans is None:
        raise safety.Refusal(safety.unreadable(EXPECTED, f"it has no {CONTENT}"))
    return scans


def _scan_content(zf: safety.SafeZip, info: zipfile.ZipInfo) -> dict[str, SheetScan]:
    """One pass of expat straight into the counter: a tree, ElementTree's parser target, or
    expat's own namespace processing cost two to three times more on sheets of many thousand
    rows; ODF declares its prefixes once, on the root element (see :class:`_Names`)."""
    counter = _Counter(max_cells(zf.budget))
    parser = expat.ParserCreate()
    parser.StartElementHandler = counter.start
    parser.EndElementHandler = counter.end
    # As defusedxml does: no entity may be declared, no external one resolved.
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities
    try:
        for chunk in zf.stream(info):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except safety.Refusal:
        raise
    except (expat.ExpatError, _EntitiesForbidden, ValueError) as exc:
        detail = f"its {CONTENT} is damaged ({type(exc).__name__})"
        raise safety.Refusal(safety.unreadable(EXPECTED, detail)) from exc
    return counter.scans


class _EntitiesForbidden(ValueError):
    pass


def _refuse_entities(*_args: object) -> None:
    raise _EntitiesForbidden("entity declarations are not allowed")


@dataclass(frozen=True)
class _Names:
    """The element and attribute names we look for, as this file spells them."""

    sheet: str
    row: str
    cells: frozenset[str]
    rows_repeated: str
    columns_repeated: str
    name: str
    formula: str
    value_type: str
    date_value: str
    time_value: str

    @classmethod
    def declared(cls, root: dict[str, str]) -> _Names:
        prefixes = {v: k.partition(":")[2] for k, v in root.items() if k.split(":")[0] == "xmlns"}
        table = _prefixed(prefixes.get(_TABLE, "table"))
        office = _prefixed(prefixes.get(_OFFICE, "office"))
        return cls(
            sheet=table("table"),
            row=table("table-row"),
            cells=frozenset({table("table-cell"), table("covered-table-cell")}),
            rows_repeated=table("number-rows-repeated"),
            columns_repeated=table("number-columns-repeated"),
            name=table("name"),
            formula=table("formula"),
            value_type=office("value-type"),
            date_value=office("date-value"),
            time_value=office("time-value"),
        )


def _prefixed(prefix: str) -> Callable[[str], str]:
    return lambda local: f"{prefix}:{local}" if prefix else local


class _Counter:
    """Expat's handlers: count rows and columns as calamine will lay them out."""

    def __init__(self, max_cells: int) -> None:
        self.scans: dict[str, SheetScan] = {}
        self.max_cells = max_cells
        self.cells = 0  # non-empty cells once repetitions are expanded, all sheets
        self.depth = 0  # table:table nesting (a cell may hold a sub-table: not a sheet)
        self.scan = SheetScan()
        # The sheet's used range so far: first row (None while empty), columns, last row.
        self.first_row: int | None = None
        self.first_col = self.last_row = self.last_col = 0
        self.row = self.col = 0
        self.row_repeat = 1
        self.n: _Names | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        n = self.n
        if n is None:  # the root element
            self.n = _Names.declared(attrib)
        elif tag in n.cells:  # the most frequent element first
            if self.depth == 1:
                repeat = _repeat(attrib[n.columns_repeated]) if n.columns_repeated in attrib else 1
                if n.value_type in attrib or n.formula in attrib:
                    self._cells(attrib, repeat, n)
                self.col += repeat
        elif tag == n.row:
            if self.depth == 1:
                self.col = 0
                self.row_repeat = (
                    _repeat(attrib[n.rows_repeated]) if n.rows_repeated in attrib else 1
                )
        elif tag == n.sheet:
            self.depth += 1
            if self.depth == 1:
                self.scan = self.scans.setdefault(attrib.get(n.name, ""), SheetScan())
                self.first_row, self.row = None, 0

    def _cells(self, attrib: dict[str, str], n: int, names: _Names) -> None:
        repeat = self.row_repeat
        self.cells += n * repeat
        if self.cells > self.max_cells:  # before anything is expanded
            detail = f"{CONTENT} repeats cells into more than {self.max_cells:,} cells"
            raise safety.Refusal(safety.bomb(detail, self.max_cells * CELL_BYTES))
        row, col = self.row, self.col
        last_row, last_col = row + repeat - 1, col + n - 1
        if self.first_row is None:
            self.first_row, self.first_col = row, col
            self.last_row, self.last_col = last_row, last_col
        else:
            if col < self.first_col:
                self.first_col = col
            if last_row > self.last_row:
                self.last_row = last_row
            if last_col > self.last_col:
                self.last_col = last_col
        if names.formula in attrib:
            self.scan.add_formulas(
                ((r + 1, c) for r in range(row, last_row + 1) for c in range(col, last_col + 1)),
                n * repeat,
            )
        kind = attrib.get(names.value_type)
        if (kind == "date" or kind == "time") and (text := _text(kind, attrib, names)):
            self.scan.texts.update(
                {
                    (r + 1, c): text
                    for r in range(row, last_row + 1)
                    for c in range(col, last_col + 1)
                }
            )

    def end(self, tag: str) -> None:
        n = self.n
        if n is None:
            return
        if tag == n.row:
            if self.depth == 1:
                self.row += self.row_repeat
                self.row_repeat = 1
        elif tag == n.sheet:
            self.depth -= 1
            if self.depth == 0 and self.first_row is not None:
                used = (self.first_row, self.first_col, self.last_row, self.last_col)
                # Counted, not declared: calamine lays out exactly this range.
                self.scan.dimension = self.scan.bounds = used


def _repeat(value: str) -> int:
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _text(kind: str, attrib: dict[str, str], names: _Names) -> str | None:
    """The cell's text as the .xlsx path gives it, where calamine's differs."""
    if kind == "date":
        value = attrib.get(names.date_value, "")
        return value.replace("T", " ") if "T" in value else None
    m = _DURATION.match(attrib.get(names.time_value, ""))
    if m is None:
        return None
    days, hours, minutes, seconds, fraction = m.groups()
    total = int(days or 0) * 24 + int(hours or 0)
    return f"{total:02d}:{int(minutes or 0):02d}:{int(seconds or 0):02d}{fraction or ''}"
