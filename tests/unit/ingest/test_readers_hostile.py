"""Crafted workbooks that try to exhaust memory or time: each is refused quickly, with an issue
that says why, and the report stays small. The ones that would abort the process (calamine
cannot recover from an allocation it cannot make) or take gigabytes are read in a child
process with a bounded address space, so a regression fails the test, not the test run."""

from __future__ import annotations

import base64
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from ingest.package import Package
from ingest.readers import ole, read_package, spreadsheet
from ingest.readers.xls import MAX_SHEETS, _scan_workbook
from warehouse.settings import Limits

ROOT = Path(__file__).parents[3]
MEMORY = 1 << 30  # the child's address space: a reader must never need more
END, FREE, FAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

_CHILD = """
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
from ingest.readers import read_package
from warehouse.settings import Limits
pkg = read_package(Path(sys.argv[1]), Limits())
print(json.dumps([[i.rule, i.table, dict(i.params)] for i in pkg.issues]))
"""


def read_bounded(path: Path) -> list[tuple[str, str | None, dict[str, str]]]:
    """read_package in a child process limited to MEMORY; fails on a crash or a timeout."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD.format(memory=MEMORY), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert time.perf_counter() - started < 60
    return [(rule, table, params) for rule, table, params in json.loads(done.stdout)]


def read(path: Path) -> Package:
    return read_package(path, Limits())


# --- .xls: the compound file ------------------------------------------------------------------


def compound_header(n_fat: int, difat_start: int, n_difat: int, difat: list[int]) -> bytearray:
    header = bytearray(512)
    header[:8] = ole.MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<8I", header, 0x2C, n_fat, 1, 0, 4096, END, 0, difat_start, n_difat)
    struct.pack_into("<109I", header, 0x4C, *difat, *[FREE] * (109 - len(difat)))
    return header


def workbook_file(stream: bytes) -> bytes:
    """A compound file whose Workbook stream is ``stream``, kept in regular sectors: sector 0
    is the FAT, sector 1 the directory, the stream follows."""
    stream = stream.ljust(4096, b"\0")  # the cutoff: smaller streams live in mini sectors
    n = (len(stream) + 511) // 512
    assert n <= 126
    fat = [FAT_SECTOR, END, *range(3, 2 + n), END]
    fat_sector = struct.pack("<128I", *fat, *[FREE] * (128 - len(fat)))

    def entry(name: str, kind: int, start: int, size: int) -> bytes:
        raw = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        raw[: len(encoded)] = encoded
        struct.pack_into("<H", raw, 0x40, len(encoded))
        raw[0x42] = kind
        struct.pack_into("<IQ", raw, 0x74, start, size)
        return bytes(raw)

    directory = (entry("Root Entry", 5, END, 0) + entry("Workbook", 2, 2, len(stream))).ljust(512)
    body = stream.ljust(n * 512, b"\0")
    return bytes(compound_header(1, END, 0, [0])) + fat_sector + directory + body


def biff(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


BOF = biff(0x0809, struct.pack("<HH", 0x0600, 0x0005) + b"\0" * 12)
EOF = biff(0x000A)


def boundsheet(offset: int, name: str = "s") -> bytes:
    return biff(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(name), 0) + name.encode())


def test_fat_sectors_beyond_the_file_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    # The reviewer's file: a header claiming 2^32 FAT sectors and a DIFAT sector chained to
    # itself, which made a 1 MB file take gigabytes.
    header = compound_header(0xFFFFFFF0, 1, 256, [0] * 109)
    body = bytearray(4096 * 256)
    struct.pack_into("<I", body, 4096 * 1 + 4096 - 4, 1)
    struct.pack_into("<HH", header, 0x1E, 12, 6)
    path = tmp_path / "bomb.xls"
    path.write_bytes(bytes(header + body))
    assert read_bounded(path) == [
        (
            "file_unreadable",
            None,
            {
                "expected": "an Excel 97-2003 workbook (.xls)",
                "detail": "its structure is damaged (it claims 4,294,967,280 FAT sectors in a "
                "file of 256)",
            },
        )
    ]


@pytest.mark.parametrize(
    ("header", "detail"),
    [
        # Within the file's size, but the chain of DIFAT sectors points back at itself.
        (compound_header(2000, 1, 2000, [0] * 109), "the chain of DIFAT sectors is broken"),
        # Every FAT sector is the same sector: the FAT would be the file many times over.
        (compound_header(109, END, 0, [0] * 109), "a FAT sector is listed twice"),
    ],
)
def test_fat_that_repeats_sectors_is_refused(
    tmp_path: Path, header: bytearray, detail: str
) -> None:
    body = bytearray(512 * 2000)
    struct.pack_into("<I", body, 512 * 1 + 512 - 4, 1)  # sector 1 chains to itself
    data = bytes(header + body)
    with pytest.raises(ole.Damaged, match=detail):
        ole.CompoundFile(data)
    path = tmp_path / "bomb.xls"
    path.write_bytes(data)
    assert read_bounded(path) == [
        (
            "file_unreadable",
            None,
            {
                "expected": "an Excel 97-2003 workbook (.xls)",
                "detail": f"its structure is damaged ({detail})",
            },
        )
    ]


# --- .xls: the BIFF records -------------------------------------------------------------------


def test_many_sheets_at_one_offset_are_one_walk() -> None:
    # 8,000 BOUNDSHEET records all pointing at the start took 45 s: one walk each.
    sheet = BOF + biff(0x0006, struct.pack("<HH", 1, 1) + b"\0" * 16) + EOF
    globals_len = len(BOF) + 8000 * len(boundsheet(0)) + len(EOF)
    stream = BOF + boundsheet(globals_len) * 8000 + EOF + sheet
    started = time.perf_counter()
    scans = _scan_workbook(stream)
    assert time.perf_counter() - started < 2
    assert list(scans) == ["s"] and scans["s"].formulas == [(2, 1)]


def test_sheets_each_walk_only_their_own_records() -> None:
    # Sheets that never close: each walk stops where the next sheet starts, not at the end.
    n = MAX_SHEETS
    globals_len = len(BOF) + n * len(boundsheet(0, "s000")) + len(EOF)
    sheets = [BOF + biff(0x0203, struct.pack("<HHH", i, 2, 0) + b"\0" * 8) for i in range(n)]
    offsets = [globals_len + sum(map(len, sheets[:i])) for i in range(n)]
    records = [boundsheet(at, f"s{i:03}") for i, at in enumerate(offsets)]
    stream = BOF + b"".join(records) + EOF + b"".join(sheets)
    started = time.perf_counter()
    scans = _scan_workbook(stream)
    assert time.perf_counter() - started < 2
    assert len(scans) == n
    assert [scans[name].bounds for name in ("s000", "s999")] == [(0, 2, 0, 2), (999, 2, 999, 2)]


def test_too_many_sheets_are_refused() -> None:
    stream = BOF + b"".join(boundsheet(i) for i in range(MAX_SHEETS + 1)) + EOF
    with pytest.raises(ole.Damaged, match="more than 1,000 sheets"):
        _scan_workbook(stream)


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"\0" * 7, "a sheet's record is cut short"),  # the reviewer's IndexError
        (struct.pack("<IBBBB", 0, 0, 0, 5, 0), "a sheet's name is cut short"),
    ],
)
def test_a_sheet_record_cut_short_is_a_damaged_file(
    tmp_path: Path, body: bytes, detail: str
) -> None:
    path = tmp_path / "short.xls"
    path.write_bytes(workbook_file(BOF + biff(0x0085, body) + EOF))
    pkg = read(path)
    assert [(i.rule, i.params["detail"]) for i in pkg.issues] == [
        ("file_unreadable", f"its structure is damaged ({detail})")
    ]


# --- formula cells: listed, then counted ------------------------------------------------------


def ods(path: Path, rows: str, padding: int = 0) -> Path:
    # Random text in a comment makes the file as large as the budget it needs.
    pad = base64.b64encode(os.urandom(padding)).decode()
    content = (
        f'<office:document-content xmlns:office="{OFFICE}" xmlns:table="{TABLE}" '
        f'xmlns:text="{TEXT}" office:version="1.3"><!--{pad}--><office:body>'
        f'<office:spreadsheet><table:table table:name="s">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
    return path


def text_cell(text: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def test_one_formula_cell_repeated_is_listed_then_counted(tmp_path: Path) -> None:
    formula = (
        '<table:table-cell table:formula="of:=1" office:value-type="float" office:value="1" '
        'table:number-columns-repeated="300"/>'
    )
    rows = f'<table:table-row table:number-rows-repeated="300">{formula}</table:table-row>'
    pkg = read(ods(tmp_path / "f.ods", rows, padding=12_000))
    rules = [i.rule for i in pkg.issues]
    assert rules.count("formula_cell") == spreadsheet.MAX_FORMULA_ISSUES
    [more] = [i for i in pkg.issues if i.rule == "more_formula_cells"]
    assert (more.table, more.params["detail"]) == ("s", "89,800")
    assert more.message() == (
        "89,800 more cells of sheet s hold a formula; only the first ones are listed."
    )
    # The first ones are those the state sees first.
    assert [i.params["detail"] for i in pkg.issues[:2]] == ["A1", "B1"]


def test_xlsx_formula_cells_are_listed_then_counted(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    sheet = wb.add_worksheet("s")
    sheet.write_string(0, 0, "n")
    for row in range(1, 251):
        sheet.write_formula(row, 0, "=1+1", None, 2)
    wb.close()
    pkg = read(path)
    assert [i.rule for i in pkg.issues].count("formula_cell") == 200
    assert [(i.rule, i.params["detail"]) for i in pkg.issues[200:]] == [
        ("more_formula_cells", "50")
    ]


# --- a sheet's range: calamine allocates all of it --------------------------------------------


def test_ods_with_two_cells_far_apart_is_refused_before_calamine(tmp_path: Path) -> None:
    # 745 bytes that made calamine ask for 2.9 GB and abort the process.
    rows = (
        f"<table:table-row>{text_cell('x')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="9000"><table:table-cell/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="10000"/>'
        f"{text_cell('y')}</table:table-row>"
    )
    path = ods(tmp_path / "corner.ods", rows)
    [(rule, table, params)] = read_bounded(path)
    assert (rule, table) == ("sheet_too_large", "s")
    assert params["detail"] == "A1:NTQ9002 (9,002 rows × 10,001 columns)"


def xlsx_sheet(path: Path, cells: str) -> Path:
    """A minimal workbook with one sheet ``s`` whose sheetData is ``cells``."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="r1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        zf.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        zf.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{main}"><dimension ref="A1"/><sheetData>{cells}</sheetData>'
            "</worksheet>",
        )
    return path


@pytest.mark.parametrize(
    ("cells", "detail"),
    [
        # The declared dimension says A1: only the cells tell.
        (
            '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
            '<row r="9000"><c r="NTP9000" t="inlineStr"><is><t>y</t></is></c></row>',
            "A1:NTP9000 (9,000 rows × 10,000 columns)",
        ),
        # The same far cell spelled otherwise, under a prefix.
        (
            '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
            "<row r='9000'><x:c xmlns:x=\"urn:x\" t='n' r = 'NTP9000'><x:v>1</x:v></x:c></row>",
            "A1:NTP9000 (9,000 rows × 10,000 columns)",
        ),
        # Cells without a reference follow the row's: a far row, then 10,000 cells.
        (
            '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
            '<row r="9000">' + "<c/>" * 9999 + "<c><v>1</v></c></row>",
            "A1:NTQ9000 (9,000 rows × 10,001 columns)",
        ),
    ],
)
def test_xlsx_with_two_cells_far_apart_is_refused_before_calamine(
    tmp_path: Path, cells: str, detail: str
) -> None:
    path = xlsx_sheet(tmp_path / "corner.xlsx", cells)
    [(rule, table, params)] = read_bounded(path)
    assert (rule, table, params["detail"]) == ("sheet_too_large", "s", detail)


def test_a_sheet_within_its_budget_is_read(tmp_path: Path) -> None:
    cells = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        '<row r="30"><c r="J30" t="inlineStr"><is><t>y</t></is></c></row>'
    )
    pkg = read(xlsx_sheet(tmp_path / "small.xlsx", cells))
    assert pkg.issues == [] and pkg.sheets[0].column_refs[-1] == "J"


def test_child_process_memory_bound_is_real() -> None:
    # The bound the tests above rely on: more than MEMORY cannot be allocated in the child.
    code = (
        f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({MEMORY}, {MEMORY}))\n"
        "try:\n    b = bytearray(2 << 30)\nexcept MemoryError:\n    print('bounded')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "bounded"
