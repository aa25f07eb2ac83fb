"""What the three spreadsheet formats (.xlsx, .ods, .xls) share once their container was checked:
every sheet as text, with its real spreadsheet rows and column letters.

fastexcel (calamine) reads the cells; it never evaluates formulas nor runs macros, and gives the
value the spreadsheet program last calculated. It trims the empty rows and columns around the
used range, so we find where that range starts to number rows and columns the way the state
sees them. Each format's reader scans its own file for what calamine does not tell (a
:class:`SheetScan`: where formulas are, where the used range starts, cells calamine renders
differently from an .xlsx), so that the same workbook gives the same tables in every format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import fastexcel
import polars as pl
from python_calamine import CalamineWorkbook

from contracts.issues import Issue
from ingest.package import SOURCE_ROW, Package, SheetData
from ingest.readers import safety
from warehouse.settings import Limits

_MIDNIGHT = r"^\d{4}-\d{2}-\d{2} 00:00:00$"
# Excel has no day 0: a time-only cell comes out of calamine on 1899-12-31.
_TIME_ONLY = r"^1899-12-31 (\d{2}:\d{2}:\d{2}.*)$"


# A sheet's formula cells listed one by one, at most; the rest are counted in one issue (a
# crafted .ods repeats one formula cell a million times in a few bytes).
MAX_FORMULA_ISSUES = 200
# What one cell would cost written out, at the very least: charged against the package's
# budget of unpacked bytes for every cell an .ods repetition expands to, and for every cell
# of a sheet's range, which calamine allocates densely (two cells far apart cost as much as
# the whole range between them).
CELL_BYTES = 16


def max_cells(budget: int) -> int:
    """The cells a budget of unpacked bytes pays for."""
    return max(1, budget // CELL_BYTES)


@dataclass
class SheetScan:
    """What a format's reader found in one sheet before calamine reads it."""

    # (first row, first column, last row, last column), 0-based, as the file declares or as
    # the scan found it; trusted only when it agrees with what fastexcel returns.
    dimension: tuple[int, int, int, int] | None = None
    # The same corners around every cell the scan saw, which calamine's range cannot exceed;
    # None when the scan saw no cell.
    bounds: tuple[int, int, int, int] | None = None
    # (1-based row, 0-based column) of the first formula cells; None when the cell has no
    # reference. ``n_formulas`` counts them all.
    formulas: list[tuple[int, int] | None] = field(default_factory=list)
    n_formulas: int = 0
    # (1-based row, 0-based column) → the text of a cell that calamine renders differently
    # from the same cell in an .xlsx (or loses), as the .xlsx path gives it.
    texts: dict[tuple[int, int], str] = field(default_factory=dict)

    def add_formulas(self, cells: Iterable[tuple[int, int] | None], count: int = 1) -> None:
        """Counts ``count`` formula cells, and keeps the first of ``cells`` (read lazily)."""
        room = MAX_FORMULA_ISSUES - len(self.formulas)
        if room > 0:
            self.formulas += islice(cells, room)
        self.n_formulas += count

    def include(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        """Widens ``bounds`` to these corners."""
        if self.bounds is None:
            self.bounds = (first_row, first_col, last_row, last_col)
            return
        r0, c0, r1, c1 = self.bounds
        self.bounds = (
            min(r0, first_row),
            min(c0, first_col),
            max(r1, last_row),
            max(c1, last_col),
        )


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


def short(exc: Exception) -> str:
    """The first line of an error, as a detail the state can read."""
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


def read_zipped_workbook(
    path: Path,
    limits: Limits,
    encoding: str,
    expected: str,
    sniff: Callable[[Path], Issue | None],
    scan_archive: Callable[[safety.SafeZip], dict[str, SheetScan]],
) -> Package:
    """An .xlsx or .ods package: its kind checked by ``sniff``, its archive opened under the
    zip limits and scanned by ``scan_archive`` (sheet bounds, formulas), then its sheets read."""
    pkg = Package(path=path, encoding=encoding, size=path.stat().st_size)
    issue = sniff(path)
    if issue is not None:
        pkg.issues.append(issue)
        return pkg
    try:
        with safety.open_zip(path, limits, ratio=limits.max_xlsx_ratio, expected=expected) as zf:
            scans = scan_archive(zf)
            budget = zf.budget
    except safety.Refusal as refusal:
        pkg.issues.extend(refusal.issues)
        return pkg
    read_sheets(pkg, scans, expected, limits, budget)
    return pkg


def read_sheets(
    pkg: Package, scans: dict[str, SheetScan], expected: str, limits: Limits, budget: int
) -> None:
    """Reads every sheet of ``pkg.path`` into ``pkg``; a sheet that fails is reported alone.
    ``budget`` is the package's budget of unpacked bytes: when a sheet's range would cost more
    (see :data:`CELL_BYTES`), the workbook is refused before calamine opens it (it parses
    every sheet of an .ods as it opens it, and an allocation it cannot make aborts us)."""
    cell_budget = max_cells(budget)
    too_large = [_too_large(name, scan.bounds, cell_budget) for name, scan in scans.items()]
    if any(too_large):
        pkg.issues.extend(issue for issue in too_large if issue is not None)
        return
    try:
        reader = fastexcel.read_excel(str(pkg.path))
        names = reader.sheet_names
    except Exception as exc:  # calamine's errors are many; all mean "cannot read this workbook"
        pkg.issues.append(safety.unreadable(expected, short(exc)))
        return
    starts = Starts(pkg.path)
    try:
        for name in names:
            scan = scans.get(name)
            if scan is None:  # the scan found no such sheet: nothing bounds what calamine reads
                detail = f"its sheet {name} is not where its list of sheets points"
                pkg.issues.append(safety.unreadable(expected, detail, table=name))
                continue
            try:
                sheet, issues = _read_sheet(reader, name, scan, starts, limits)
            except Exception as exc:
                pkg.issues.append(safety.unreadable(expected, short(exc), table=name))
                continue
            pkg.sheets.append(sheet)
            pkg.issues.extend(issues)
    finally:
        starts.close()


def _too_large(
    name: str, bounds: tuple[int, int, int, int] | None, cell_budget: int
) -> Issue | None:
    if bounds is None:
        return None
    r0, c0, r1, c1 = bounds
    rows, cols = r1 - r0 + 1, c1 - c0 + 1
    if rows * cols <= cell_budget:
        return None
    where = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
    return Issue(
        "sheet_too_large",
        table=name,
        params={
            "detail": f"{where} ({rows:,} rows × {cols:,} columns)",
            "expected": f"{cell_budget:,}",
        },
    )


class Starts:
    """Where calamine's used range starts, when the scan cannot tell us.

    Opening the workbook a second time parses the sheet again, so it is done only for sheets
    whose dimension disagrees with what fastexcel returned (e.g. formatted empty cells)."""

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
    reader: fastexcel.ExcelReader, name: str, scan: SheetScan, starts: Starts, limits: Limits
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
    frame = raw.rename(dict(zip(raw.columns, cols, strict=True)))
    if scan.texts:
        frame = _with_texts(frame, scan.texts, row0, col0)
    frame = frame.with_columns(_tidy(c) for c in cols)
    headers: list[str | None] = list(frame.row(0))
    header_row = row0 + 1
    data = frame.slice(1).with_columns(
        pl.int_range(header_row + 1, header_row + raw.height, dtype=pl.Int64).alias(SOURCE_ROW)
    )
    data = data.filter(pl.any_horizontal(pl.col(c).is_not_null() for c in cols))
    issues = [_formula_issue(name, f, headers, col0) for f in scan.formulas]
    if scan.n_formulas > len(scan.formulas):
        more = f"{scan.n_formulas - len(scan.formulas):,}"
        issues.append(Issue("more_formula_cells", table=name, params={"detail": more}))
    too_many = safety.too_many_rows(name, data.height, limits)
    if too_many is not None:
        issues.append(too_many)
        data = data.clear()
    refs = [column_letter(col0 + i) for i in range(raw.width)]
    return SheetData(name, headers, data, column_refs=refs, header_row=header_row), issues


def _with_texts(
    frame: pl.DataFrame, texts: dict[tuple[int, int], str], row0: int, col0: int
) -> pl.DataFrame:
    """Puts the scan's texts into their cells (rare cells: a per-column list is fine)."""
    by_col: dict[int, list[tuple[int, str]]] = {}
    for (row, col), text in texts.items():
        r, c = row - 1 - row0, col - col0
        if 0 <= r < frame.height and 0 <= c < frame.width:
            by_col.setdefault(c, []).append((r, text))
    patched = []
    for c, cells in by_col.items():
        values = frame.get_column(f"c{c}").to_list()
        for r, text in cells:
            values[r] = text
        patched.append(pl.Series(f"c{c}", values, dtype=pl.String))
    return frame.with_columns(patched) if patched else frame


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
