"""Excel workbooks: real row numbers and column letters, dates, formulas, blank and empty sheets."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter

from ingest.package import SOURCE_ROW, Package
from ingest.readers import read_package, spreadsheet
from ingest.readers.spreadsheet import column_index, column_letter
from ingest.readers.xlsx import _scan_sheet
from warehouse.settings import Limits


def workbook(path: Path, build, **options) -> Path:
    wb = xlsxwriter.Workbook(str(path), options)
    build(wb)
    wb.close()
    return path


def incidents_at_b3(wb: xlsxwriter.Workbook, *, formatted_a1: bool = False) -> None:
    ws = wb.add_worksheet("incidents")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    clock = wb.add_format({"num_format": "hh:mm"})
    if formatted_a1:  # a styled empty cell: Excel's <dimension> then starts at A1
        ws.write_blank(0, 0, None, wb.add_format({"bg_color": "yellow"}))
    for col, text in {
        1: "incident_ref",
        2: "migrants_total",
        4: "detection_date",
        5: "Comment ",
    }.items():
        ws.write_string(2, col, text)
    ws.write_string(3, 1, "I-1")
    ws.write_number(3, 2, 12)
    ws.write_datetime(3, 4, dt.datetime(2024, 3, 5), date)
    ws.write_string(3, 5, "=not a formula")  # text that looks like a formula stays text
    # row 5 (index 4) left blank
    ws.write_string(5, 1, "I-2")
    ws.write_formula(5, 2, "=10+2.5", None, 12.5)
    ws.write_datetime(5, 4, dt.datetime(2024, 3, 5, 13, 30), stamp)
    ws.write_string(6, 1, "")
    ws.write_boolean(6, 2, True)
    ws.write_datetime(6, 4, dt.time(13, 30), clock)


def read(path: Path, limits: Limits | None = None) -> Package:
    return read_package(path, limits or Limits())


@pytest.mark.parametrize("formatted_a1", [False, True])
def test_table_starting_at_b3(
    tmp_path: Path, formatted_a1: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "p.xlsx", lambda wb: incidents_at_b3(wb, formatted_a1=formatted_a1))
    asked: list[str] = []
    original = spreadsheet.Starts.start_row

    def spy(self: spreadsheet.Starts, name: str) -> int:
        asked.append(name)
        return original(self, name)

    monkeypatch.setattr(spreadsheet.Starts, "start_row", spy)
    pkg = read(path)
    # The sheet's <dimension> is used when it matches; calamine is asked only otherwise.
    assert asked == (["incidents"] if formatted_a1 else [])
    (sheet,) = pkg.sheets
    assert sheet.origin == "incidents" and sheet.header_row == 3
    assert sheet.headers == ["incident_ref", "migrants_total", None, "detection_date", "Comment "]
    assert sheet.column_refs == ["B", "C", "D", "E", "F"]
    assert sheet.frame.columns == ["c0", "c1", "c2", "c3", "c4", SOURCE_ROW]
    assert sheet.frame.dtypes == [pl.String] * 5 + [pl.Int64]
    assert sheet.frame.rows() == [
        ("I-1", "12", None, "2024-03-05", "=not a formula", 4),
        ("I-2", "12.5", None, "2024-03-05 13:30:00", None, 6),
        (None, "true", None, "13:30:00", None, 7),
    ]
    assert [(i.rule, i.table, i.row, i.column, dict(i.params)) for i in pkg.issues] == [
        ("formula_cell", "incidents", 6, "migrants_total", {"detail": "C6"})
    ]
    assert pkg.issues[0].severity == "warning" and pkg.readable


def test_formula_under_a_blank_header_and_in_the_header_row(tmp_path: Path) -> None:
    def build(wb: xlsxwriter.Workbook) -> None:
        ws = wb.add_worksheet("s")
        ws.write_string(0, 0, "a")
        ws.write_formula(0, 2, '="b"&"c"', None, "bc")
        ws.write_string(1, 0, "x")
        ws.write_formula(1, 1, "=1+1", None, 2)

    pkg = read(workbook(tmp_path / "p.xlsx", build))
    assert pkg.sheets[0].headers == ["a", None, "bc"]
    assert pkg.sheets[0].frame.rows() == [("x", "2", None, 2)]
    assert [(i.row, i.column, i.params["detail"]) for i in pkg.issues] == [
        (1, "bc", "C1"),
        (2, None, "B2"),
    ]


def test_columns_past_z(tmp_path: Path) -> None:
    def build(wb: xlsxwriter.Workbook) -> None:
        ws = wb.add_worksheet("wide")
        ws.write_string(9, 26, "aa")
        ws.write_string(9, 27, "ab")
        ws.write_number(10, 27, 7)

    sheet = read(workbook(tmp_path / "p.xlsx", build)).sheets[0]
    assert sheet.column_refs == ["AA", "AB"] and sheet.header_row == 10
    assert sheet.frame.rows() == [(None, "7", 11)]


def test_header_only_empty_and_hidden_sheets_keep_their_order(tmp_path: Path) -> None:
    def build(wb: xlsxwriter.Workbook) -> None:
        wb.add_worksheet("submission").write_row(0, 0, ["field", "value"])
        wb.add_worksheet("empty")
        hidden = wb.add_worksheet("notes")
        hidden.write_string(0, 0, "text")
        hidden.hide()

    pkg = read(workbook(tmp_path / "p.xlsx", build))
    assert pkg.issues == []
    assert [(s.origin, s.headers, s.n_rows, s.header_row) for s in pkg.sheets] == [
        ("submission", ["field", "value"], 0, 1),
        ("empty", [], 0, None),
        ("notes", ["text"], 0, 1),
    ]
    assert pkg.sheets[0].frame.columns == ["c0", "c1", SOURCE_ROW]
    assert pkg.sheets[1].frame.columns == [SOURCE_ROW]


def test_numbers_as_fastexcel_renders_them(tmp_path: Path) -> None:
    def build(wb: xlsxwriter.Workbook) -> None:
        ws = wb.add_worksheet("n")
        ws.write_string(0, 0, "v")
        for r, v in enumerate([3.0, 0.25, 1500.5, -2], start=1):
            ws.write_number(r, 0, v)

    sheet = read(workbook(tmp_path / "p.xlsx", build)).sheets[0]
    assert sheet.frame["c0"].to_list() == ["3", "0.25", "1500.5", "-2"]


def test_too_many_rows(tmp_path: Path) -> None:
    def build(wb: xlsxwriter.Workbook) -> None:
        ws = wb.add_worksheet("incidents")
        ws.write_string(0, 0, "ref")
        for r in range(1, 4):
            ws.write_string(r, 0, f"I-{r}")

    pkg = read(workbook(tmp_path / "p.xlsx", build), Limits(max_rows_per_table=2))
    assert [(i.rule, i.table, dict(i.params)) for i in pkg.issues] == [
        ("table_too_many_rows", "incidents", {"detail": "3", "expected": "2"})
    ]
    assert pkg.sheets[0].headers == ["ref"] and pkg.sheets[0].n_rows == 0


def test_workbook_that_expands_too_much(tmp_path: Path) -> None:
    def build(wb: xlsxwriter.Workbook) -> None:
        ws = wb.add_worksheet("incidents")
        for r in range(5000):
            ws.write_string(r, 0, "the same text again and again")

    pkg = read(workbook(tmp_path / "p.xlsx", build), Limits(max_xlsx_ratio=3))
    assert [i.rule for i in pkg.issues] == ["zip_bomb"] and pkg.sheets == []


def test_truncated_workbook(tmp_path: Path) -> None:
    path = workbook(tmp_path / "p.xlsx", incidents_at_b3)
    path.write_bytes(path.read_bytes()[:2000])
    pkg = read(path)
    assert [(i.rule, i.params["expected"]) for i in pkg.issues] == [
        ("file_unreadable", "an Excel workbook (.xlsx)")
    ]


def test_member_that_lies_about_its_size(tmp_path: Path) -> None:
    path = workbook(tmp_path / "p.xlsx", incidents_at_b3)
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/styles.xml")
    # Local header: uncompressed size at +22. Central directory entry: at +24.
    raw[info.header_offset + 22 : info.header_offset + 26] = struct.pack("<I", 10)
    name = b"xl/styles.xml"
    central = raw.index(name, raw.index(b"PK\x01\x02")) - 46
    raw[central + 24 : central + 28] = struct.pack("<I", 10)
    path.write_bytes(bytes(raw))
    pkg = read(path)
    assert [(i.rule, i.params["detail"]) for i in pkg.issues] == [
        ("zip_bomb", "xl/styles.xml holds more than its declared size")
    ]
    assert pkg.sheets == []


def test_damaged_sheet_xml(tmp_path: Path) -> None:
    src = workbook(tmp_path / "src.xlsx", lambda wb: wb.add_worksheet("s").write_string(0, 0, "a"))
    path = tmp_path / "p.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            zout.writestr(info, data)
    pkg = read(path)
    assert [(i.rule, i.table) for i in pkg.issues] == [("file_unreadable", "s")]


def test_scan_finds_formulas_across_chunk_boundaries() -> None:
    xml = (
        b'<worksheet><dimension ref="B2:D9"/><sheetData><row r="2">'
        b'<c r="B2" t="s"><v>0</v></c><c r="C2" s="1"/>'
        + b" " * 9000
        + b'<c r="D7" s="3">\n <f>SUM(A1:A3)</f><v>6</v></c>'
        + b'<x:c r="AB9" t="str"><x:f t="shared" si="0"/><x:v>a</x:v></x:c>'
        + b"<c><f>1+1</f><v>2</v></c></row></sheetData></worksheet>"
    )
    for size in (1, 7, 64, 9030, len(xml)):
        chunks = [xml[i : i + size] for i in range(0, len(xml), size)]
        scan = _scan_sheet(chunks)
        assert scan.formulas == [(7, 3), (9, 27), None], size
        assert scan.dimension == (1, 1, 8, 3)


def test_column_letters_round_trip() -> None:
    for index, letters in [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA")]:
        assert column_letter(index) == letters and column_index(letters) == index
