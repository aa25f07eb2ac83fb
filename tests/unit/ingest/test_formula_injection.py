"""No workbook we generate holds a formula, whatever a state sent: the annotated copy of an XLSX
package, the listing for CSV and JSON packages, and the template. A formula-looking value comes
back as the text the state wrote, marked with the quote prefix so that it stays text."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from openpyxl.formatting.rule import FormulaRule
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.formula import ArrayFormula
from packages import baseline, write

from contracts.validate import validate_package
from ingest.reports import ERRORS_SHEET, write_workbook
from ingest.safe_cells import CellWriter, looks_like_formula, neutralise_workbook, set_cell
from portal.workbook_template import build_template

HYPERLINK = '=HYPERLINK("http://x","y")'
DDE = "cmd|' /C calc'!A0"
PAYLOADS = [HYPERLINK, "=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+2", "\r=1+3"]
# Where each payload goes: a column whose check fails, so the value is echoed in the report.
ECHOED = [
    ("incidents", 0, "conveyance"),  # unknown code: warning
    ("incidents", 0, "concealment"),
    ("incidents", 0, "payment_method"),
    ("incidents", 1, "migrants_total"),  # not a count: error
    ("smuggled_migrants", 0, "sex"),
    ("incidents", 1, "fee_basis"),
    ("border_events", 0, "border_type"),
]
# Free text, which passes: it only comes back in the annotated copy of a workbook.
FREE_TEXT = [
    ("incidents", 0, "comment"),
    ("incidents", 1, "detection_place"),
    ("narrative", 0, "text"),
    ("border_events", 1, "comment"),
]


PLACED = dict(zip(ECHOED, PAYLOADS, strict=True)) | dict(
    zip(FREE_TEXT, PAYLOADS[: len(FREE_TEXT)], strict=True)
)


def hostile_package() -> dict:
    package = baseline()
    for (table, row, column), payload in PLACED.items():
        package[table][row][column] = payload
    package["submission"]["notes"] = "+cmd|' /C calc'!A0"
    return package


def xml_formulas(data: bytes) -> list[str]:
    """Worksheet parts holding a formula element: what a spreadsheet would evaluate."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            name
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
            and re.search(rb"<(\w+:)?f[ >]", archive.read(name))
        ]


def formula_cells(book: openpyxl.Workbook) -> list[str]:
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f" or isinstance(cell.value, ArrayFormula)
    ]


def as_read(text: str) -> str:
    """A text as openpyxl reads it back: a carriage return is stored as the escape _x000D_
    (xlsxwriter), or raw and then read as a line feed (XML normalises line ends)."""
    return text.replace("_x000D_", "\r").replace("\n", "\r")


def cells_showing(book: openpyxl.Workbook, text: str, sheet: str | None = None) -> list:
    sheets = [book[sheet]] if sheet else book.worksheets
    return [
        c
        for s in sheets
        for r in s.iter_rows()
        for c in r
        if isinstance(c.value, str) and as_read(c.value) == as_read(text)
    ]


def assert_inert(path: Path) -> openpyxl.Workbook:
    assert xml_formulas(path.read_bytes()) == []
    book = openpyxl.load_workbook(path)
    assert formula_cells(book) == []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and looks_like_formula(cell.value):
                    assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    return book


@pytest.mark.parametrize("encoding", ["xlsx", "zip", "json"])
def test_echoed_values_come_back_as_readable_text(encoding: str, tmp_path: Path) -> None:
    result = validate_package(write(hostile_package(), tmp_path, encoding))
    assert not result.accepted
    echoed = {(i.table, i.column): i.value for i in result.issues if i.value is not None}
    for table, _, column in ECHOED:
        assert looks_like_formula(echoed[(table, column)]), (table, column)
    book = assert_inert(write_workbook(result, tmp_path / "report.xlsx"))
    assert book.sheetnames[0] == ERRORS_SHEET
    for payload in PAYLOADS:
        shown = cells_showing(book, payload, ERRORS_SHEET)
        assert shown, f"{payload!r} is not readable in the listing"
        assert all(c.data_type == "s" and c.quotePrefix for c in shown)


def test_the_annotated_copy_keeps_the_states_text(tmp_path: Path) -> None:
    source = write(hostile_package(), tmp_path, "xlsx")
    book = assert_inert(write_workbook(validate_package(source), tmp_path / "report.xlsx"))
    assert set(openpyxl.load_workbook(source).sheetnames) < set(book.sheetnames)  # a copy
    for (table, row, column), payload in PLACED.items():
        header = [c.value for c in book[table][1]]
        cell = book[table].cell(row + 2, header.index(column) + 1)
        assert as_read(cell.value) == as_read(payload), (table, column)
        assert cell.data_type == "s" and cell.quotePrefix
    marked = book["incidents"].cell(
        3, [c.value for c in book["incidents"][1]].index("migrants_total") + 1
    )
    assert marked.value == "-2+3" and "invalid_count" in marked.comment.text


def test_the_states_own_formulas_come_back_as_their_text(tmp_path: Path) -> None:
    """Real formulas in a state's workbook (never evaluated by vrs, reported by the reader)
    come back as text, and links on cells go."""
    path = write(baseline(), tmp_path, "xlsx")
    book = openpyxl.load_workbook(path)
    incidents = book["incidents"]
    header = [c.value for c in incidents[1]]
    total = header.index("migrants_total") + 1
    comment = header.index("comment") + 1
    incidents.cell(2, comment).value = "=1+1"
    incidents.cell(3, total).value = '=HYPERLINK("http://example.invalid","x")'
    incidents.cell(3, comment).value = ArrayFormula("X3", "=SUM(J2:J3)")
    incidents.cell(2, header.index("route") + 1).hyperlink = "http://example.invalid"
    # formulas outside cells that would call another program (DDE) when the copy is opened
    book.defined_names["launch"] = DefinedName("launch", attr_text=DDE)
    listed = DataValidation(type="list", formula1=DDE)
    listed.add("A2:A3")
    incidents.add_data_validation(listed)
    kept = DataValidation(type="list", formula1="$A$2:$A$3")
    kept.add("B2:B3")
    incidents.add_data_validation(kept)
    incidents.conditional_formatting.add("A2:A3", FormulaRule(formula=[DDE]))
    book.save(path)
    assert len(formula_cells(openpyxl.load_workbook(path))) == 3  # the package has formulas
    result = validate_package(path)
    assert not result.accepted
    assert "formula_cell" in {i.rule for i in result.issues}
    out = assert_inert(write_workbook(result, tmp_path / "report.xlsx"))
    assert out.sheetnames[0] == ERRORS_SHEET and "incidents" in out.sheetnames  # the copy
    copied = out["incidents"]
    assert copied.cell(2, comment).value == "=1+1"
    assert copied.cell(3, total).value == '=HYPERLINK("http://example.invalid","x")'
    assert copied.cell(3, comment).value == "=SUM(J2:J3)"
    assert not [c for r in copied.iter_rows() for c in r if c.hyperlink is not None]
    assert "launch" not in out.defined_names
    assert [v.formula1 for v in copied.data_validations.dataValidation] == ["$A$2:$A$3"]
    assert not [r for cf in copied.conditional_formatting for r in cf.rules]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_template_holds_no_formula(language: str, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    path.write_bytes(build_template(language))
    assert_inert(path)


# --- the helper itself, and why it is needed ------------------------------------------------


def test_xlsxwriter_write_would_make_a_formula_and_the_writer_does_not(tmp_path: Path) -> None:
    naive, safe = tmp_path / "naive.xlsx", tmp_path / "safe.xlsx"
    workbook = xlsxwriter.Workbook(str(naive))
    workbook.add_worksheet().write(0, 0, "=1+1")
    workbook.close()
    assert xml_formulas(naive.read_bytes())  # the hazard this module exists for
    workbook = xlsxwriter.Workbook(str(safe))
    sheet = workbook.add_worksheet()
    cells = CellWriter(workbook)
    for row, payload in enumerate(PAYLOADS):
        cells.write(sheet, row, 0, payload, {"bold": True})
    cells.write(sheet, len(PAYLOADS), 0, 42)
    cells.write(sheet, len(PAYLOADS) + 1, 0, "plain")
    workbook.close()
    book = assert_inert(safe)
    column = [c for r in book.active.iter_rows() for c in r]
    assert [as_read(str(c.value)) for c in column] == [as_read(p) for p in PAYLOADS] + [
        "42",
        "plain",
    ]
    assert all(c.font.b for c in column[: len(PAYLOADS)])  # the asked format is kept
    assert not column[-1].quotePrefix


def test_openpyxl_cells_and_loaded_workbooks_are_made_inert(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row, payload in enumerate([*PAYLOADS, "#N/A"], start=1):
        set_cell(sheet.cell(row, 1), payload)
    sheet["B1"] = "=1+1"  # a formula, as openpyxl makes one
    sheet["B2"] = ArrayFormula("B2", "=SUM(A1:A2)")
    sheet["C5000"] = "=2+2"
    assert neutralise_workbook(book) == 3
    path = tmp_path / "inert.xlsx"
    book.save(path)
    loaded = assert_inert(path)
    shown = [as_read(loaded.active.cell(r, 1).value) for r in range(1, 9)]
    assert shown == [as_read(p) for p in [*PAYLOADS, "#N/A"]]
    assert loaded.active.cell(8, 1).data_type == "s"
    assert loaded.active["B1"].value == "=1+1" and loaded.active["C5000"].value == "=2+2"
