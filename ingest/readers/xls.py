"""Old Excel workbooks (.xls, Excel 97–2003, as LibreOffice still writes them): the compound
file is checked, then read as every spreadsheet is (:mod:`spreadsheet`).

The workbook stream is a list of BIFF records; one walk over it finds each sheet's formula cells
(FORMULA records), its used range (DIMENSIONS) and the range its cells span, which calamine
does not tell us, and a FILEPASS record, which means the workbook is password-protected.
"""

from __future__ import annotations

import struct
from pathlib import Path

from ingest.package import Package
from ingest.readers import ole, safety
from ingest.readers.spreadsheet import SheetScan, read_sheets
from warehouse.settings import Limits

EXPECTED = safety.XLS_EXPECTED
_BOF, _EOF, _BOUNDSHEET, _FORMULA, _DIMENSIONS, _FILEPASS = (
    0x0809,
    0x000A,
    0x0085,
    0x0006,
    0x0200,
    0x002F,
)
# The records of one cell (row and column first) and of a run of cells in one row (row, first
# column, …, last column in the last two bytes): together they bound calamine's range.
_CELLS = frozenset({0x0006, 0x00FD, 0x0203, 0x027E, 0x0201, 0x0205, 0x0204, 0x00D6})
_RUNS = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK
_BIFF8 = 0x0600
# Far more sheets than any report has; a crafted globals substream can list thousands.
MAX_SHEETS = 1000


class _Locked(Exception):
    """The workbook carries a FILEPASS record: its records are encrypted."""


def read(path: Path, limits: Limits) -> Package:
    size = path.stat().st_size
    pkg = Package(path=path, encoding="xls", size=size)
    try:
        book = safety.open_xls(path)
        stream = book.stream("Workbook" if "Workbook" in book.stream_names() else "Book")
        scans = _scan_workbook(stream)
    except safety.Refusal as refusal:
        pkg.issues.extend(refusal.issues)
        return pkg
    except _Locked:
        pkg.issues.append(safety.unreadable(EXPECTED, "it is password-protected"))
        return pkg
    except (ole.Damaged, struct.error, UnicodeDecodeError) as exc:
        pkg.issues.append(safety.unreadable(EXPECTED, f"its structure is damaged ({exc})"))
        return pkg
    # The cells of an .xls are not compressed, but calamine lays its sheets out as densely
    # as those of a workbook in a zip: the same budget bounds them.
    read_sheets(
        pkg, scans, EXPECTED, limits, safety.unpacked_budget(size, limits, limits.max_xlsx_ratio)
    )
    return pkg


def _records(stream: bytes, at: int) -> tuple[int, bytes, int]:
    kind, length = struct.unpack_from("<HH", stream, at)
    return kind, stream[at + 4 : at + 4 + length], at + 4 + length


def _scan_workbook(stream: bytes) -> dict[str, SheetScan]:
    """Sheet name → what its substream says; the globals substream lists the sheets.

    Each sheet's walk stops where the next sheet starts, so the stream is walked once however
    many BOUNDSHEET records point into it; two pointing at the same place are one sheet."""
    sheets: dict[int, str] = {}
    at, biff8 = 0, True
    while at + 4 <= len(stream):
        kind, body, at = _records(stream, at)
        if kind == _BOF and len(body) >= 2:
            biff8 = struct.unpack_from("<H", body)[0] == _BIFF8
        elif kind == _FILEPASS:
            raise _Locked
        elif kind == _BOUNDSHEET:
            if len(body) < 8:  # offset, visibility, type, then the name's length and flags
                raise ole.Damaged("a sheet's record is cut short")
            offset = struct.unpack_from("<I", body)[0]
            sheets.setdefault(offset, _sheet_name(body[6:], biff8))
            if len(sheets) > MAX_SHEETS:
                raise ole.Damaged(f"it lists more than {MAX_SHEETS:,} sheets")
        elif kind == _EOF:
            break
    starts = sorted(sheets)
    ends = dict(zip(starts, [*starts[1:], len(stream)], strict=True))
    return {name: _scan_sheet(stream, at, ends[at], biff8) for at, name in sheets.items()}


def _sheet_name(body: bytes, biff8: bool) -> str:
    """The name in a BOUNDSHEET record after its first six bytes (length, then characters)."""
    length = body[0] if body else 0
    if not biff8:  # BIFF5: bytes in the workbook's code page; ASCII names are the rule
        raw, width = body[1 : 1 + length], 1
    elif len(body) >= 2 and body[1] & 0x1:
        raw, width = body[2 : 2 + 2 * length], 2
    else:
        raw, width = body[2 : 2 + length], 1
    if not length or len(raw) < length * width:
        raise ole.Damaged("a sheet's name is cut short")
    if not biff8:
        return raw.decode("cp1252")
    return raw.decode("utf-16-le" if width == 2 else "latin-1")


def _scan_sheet(stream: bytes, at: int, end: int, biff8: bool) -> SheetScan:
    """Walks one sheet's substream, up to ``end`` (charts embedded in it open and close their
    own)."""
    scan = SheetScan()
    depth = 0
    while at + 4 <= len(stream) and at < end:
        kind, body, at = _records(stream, at)
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif depth != 1:
            continue
        elif kind in _CELLS and len(body) >= 4:
            row, col = struct.unpack_from("<HH", body)
            scan.include(row, col, row, col)
            if kind == _FORMULA:
                scan.add_formulas([(row + 1, col)])
        elif kind in _RUNS and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            scan.include(row, first, row, struct.unpack_from("<H", body, len(body) - 2)[0])
        elif kind == _DIMENSIONS:
            # The last row and column are stored one past the end; an empty sheet has none.
            r0, r1, c0, c1 = struct.unpack_from("<IIHH" if biff8 else "<HHHH", body)
            if r1 > r0 and c1 > c0:
                scan.dimension = (r0, c0, r1 - 1, c1 - 1)
    return scan
