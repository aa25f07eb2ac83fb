""".ods and .xls workbooks read like .xlsx: same tables, rows, column letters, typed cells as
text, formula cells, limits and safety. The fixtures were written by LibreOffice (and one by
xlwt) from layout.xlsx and our test packages: see tests/fixtures/libreoffice/README.md."""

from __future__ import annotations

import struct
import time
import zipfile
from pathlib import Path

import pytest

from ingest.package import SOURCE_ROW, Package
from ingest.readers import ole, read_package, spreadsheet
from ingest.readers.xls import _Locked, _scan_workbook
from warehouse.settings import Limits

FIXTURES = Path(__file__).parents[2] / "fixtures" / "libreoffice"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def read(path: Path, limits: Limits | None = None) -> Package:
    return read_package(path, limits or Limits())


def summary(pkg: Package) -> list[tuple]:
    return [(s.origin, s.header_row, s.headers, s.column_refs, s.frame.rows()) for s in pkg.sheets]


@pytest.mark.parametrize("ext", ["ods", "xls"])
def test_layout_reads_as_the_xlsx_it_was_saved_from(ext: str) -> None:
    source = read(FIXTURES / "layout.xlsx")
    pkg = read(FIXTURES / f"layout.{ext}")
    assert pkg.encoding == ext and pkg.readable
    expected = summary(source)
    # LibreOffice turns the .xlsx's boolean cell into the formula =TRUE(); its .ods keeps the
    # value as the number 1, its .xls as a boolean.
    if ext == "ods":
        rows = expected[0][4]
        rows[2] = (None, "1", *rows[2][2:])
    assert summary(pkg) == expected
    # The table under a styled empty A1 starts at B3; text like a formula stays text; a
    # native date is a date, a date-time and a time are as in the .xlsx; blanks are nulls.
    (incidents, _lists) = pkg.sheets
    assert incidents.header_row == 3 and incidents.column_refs == ["B", "C", "D", "E", "F"]
    assert incidents.frame.rows()[:3] == [
        ("I-1", "40", None, "2024-03-05", "=not a formula", 4),
        ("I-2", "12.5", None, "2024-03-05 13:30:00", None, 6),
        (None, "1" if ext == "ods" else "true", None, "13:30:00", None, 7),
    ]
    assert incidents.frame.columns[-1] == SOURCE_ROW
    # Formula cells (the error =1/0 included) are reported where the state sees them.
    assert [(i.rule, i.table, i.row, i.column, dict(i.params)) for i in pkg.issues] == [
        ("formula_cell", "incidents", row, "migrants_total", {"detail": f"C{row}"})
        for row in (6, 7, 8)
    ]


@pytest.mark.parametrize("name", ["good.ods", "good.xls", "xlwt-good.xls"])
def test_typed_numbers_and_dates_arrive_as_text(name: str) -> None:
    pkg = read(FIXTURES / name)
    sheets = {s.origin: s for s in pkg.sheets}
    incidents = sheets["incidents"]
    first = dict(zip(incidents.headers, incidents.frame.row(0), strict=False))
    assert first["detection_date"] == "2024-02-03"
    assert first["migrants_total"] == "40" and first["fee_per_migrant"] == "5000"
    assert incidents.frame[SOURCE_ROW].to_list() == [2, 3]
    legs = sheets["route_legs"].frame
    assert legs["c1"].to_list() == ["1", "2", "3", "4"]
    # The template_version typed as text "1.0" stays "1.0".
    submission = dict(sheets["submission"].frame.select("c0", "c1").rows())
    assert submission["template_version"] == "1.0"
    # Our template's hidden helper sheets ("_lists") are read; the contracts skip them.
    assert ("_lists" in sheets) == name.startswith("good")


@pytest.mark.parametrize("ext", ["ods", "xls"])
def test_too_many_rows(ext: str) -> None:
    pkg = read(FIXTURES / f"layout.{ext}", Limits(max_rows_per_table=4))
    assert [(i.rule, i.table, dict(i.params)) for i in pkg.issues if i.rule != "formula_cell"] == [
        ("table_too_many_rows", "incidents", {"detail": "5", "expected": "4"})
    ]
    assert pkg.sheets[0].n_rows == 0 and pkg.sheets[0].headers[0] == "incident_ref"


@pytest.mark.parametrize("ext", ["ods", "xls"])
def test_truncated_file(tmp_path: Path, ext: str) -> None:
    path = tmp_path / f"p.{ext}"
    path.write_bytes((FIXTURES / f"layout.{ext}").read_bytes()[:3000])
    pkg = read(path)
    assert [i.rule for i in pkg.issues] == ["file_unreadable"] and pkg.sheets == []


# --- .ods: the archive and content.xml ----------------------------------------------------


def ods(path: Path, rows: str, *, manifest: str = "", content: str | None = None) -> Path:
    """A minimal OpenDocument spreadsheet with one sheet ``s`` holding ``rows``."""
    content = content or (
        f'<office:document-content xmlns:office="{OFFICE}" xmlns:table="{TABLE}" '
        f'xmlns:text="{TEXT}" office:version="1.3"><office:body><office:spreadsheet>'
        f'<table:table table:name="s">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", f"<manifest>{manifest}</manifest>")
    return path


def cell(text: str, repeat: int = 1) -> str:
    return (
        f'<table:table-cell table:number-columns-repeated="{repeat}" '
        f'office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def test_repeated_rows_and_cells_are_counted(tmp_path: Path) -> None:
    # LibreOffice writes identical neighbours once, with a repeat count.
    rows = (
        '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
        f"<table:table-row><table:table-cell/>{cell('ref')}{cell('n')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="3"><table:table-cell/>'
        f"{cell('I')}"
        '<table:table-cell table:formula="of:=1+1" office:value-type="float" office:value="2">'
        "<text:p>2</text:p></table:table-cell></table:table-row>"
        '<table:table-row><table:covered-table-cell table:number-columns-repeated="2"/>'
        '<table:table-cell office:value-type="time" office:time-value="PT07H05M09S">'
        "<text:p>07:05</text:p></table:table-cell></table:table-row>"
    )
    pkg = read(ods(tmp_path / "p.ods", rows))
    (sheet,) = pkg.sheets
    assert (sheet.header_row, sheet.headers, sheet.column_refs) == (3, ["ref", "n"], ["B", "C"])
    assert sheet.frame.rows() == [
        ("I", "2", 4),
        ("I", "2", 5),
        ("I", "2", 6),
        (None, "07:05:09", 7),
    ]
    assert [(i.row, i.params["detail"]) for i in pkg.issues] == [(4, "C4"), (5, "C5"), (6, "C6")]


def test_cells_repeated_far_beyond_the_file_are_refused_before_calamine(tmp_path: Path) -> None:
    rows = (
        '<table:table-row table:number-rows-repeated="1000000">'
        f"{cell('x', 16384)}</table:table-row>"
    )
    path = ods(tmp_path / "bomb.ods", rows)
    started = time.perf_counter()
    pkg = read(path)
    assert time.perf_counter() - started < 5
    assert [i.rule for i in pkg.issues] == ["zip_bomb"] and pkg.sheets == []
    assert "content.xml repeats cells into more than" in pkg.issues[0].params["detail"]


def test_ods_that_expands_too_much(tmp_path: Path) -> None:
    rows = "".join(f"<table:table-row>{cell('the same text again')}</table:table-row>" * 5000)
    pkg = read(ods(tmp_path / "p.ods", rows), Limits(max_xlsx_ratio=3))
    assert [i.rule for i in pkg.issues] == ["zip_bomb"] and pkg.sheets == []


def test_password_protected_ods(tmp_path: Path) -> None:
    entry = "<manifest:file-entry><manifest:encryption-data/></manifest:file-entry>"
    pkg = read(ods(tmp_path / "p.ods", "", manifest=entry))
    assert [(i.rule, i.params["detail"]) for i in pkg.issues] == [
        ("file_unreadable", "it is password-protected")
    ]


def test_ods_with_entities_is_refused(tmp_path: Path) -> None:
    entities = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    pkg = read(ods(tmp_path / "p.ods", "", content=entities))
    assert [i.rule for i in pkg.issues] == ["file_unreadable"] and pkg.sheets == []


# --- .xls: the compound file and its BIFF records ------------------------------------------


def biff(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def test_scan_of_biff_records() -> None:
    bof = biff(0x0809, struct.pack("<H", 0x0600) + b"\0" * 14)
    eof = biff(0x000A)
    name = "Réseau".encode("utf-16-le")
    globals_ = [bof, None, eof]  # the sheet's offset is known once the globals are laid out
    sheet = (
        bof
        + biff(0x0200, struct.pack("<IIHHH", 2, 9, 1, 6, 0))
        + biff(0x0006, struct.pack("<HH", 4, 2) + b"\0" * 16)
        + bof  # an embedded chart: its records are not the sheet's
        + biff(0x0006, struct.pack("<HH", 99, 99) + b"\0" * 16)
        + eof
        + biff(0x0006, struct.pack("<HH", 7, 3) + b"\0" * 16)
        + eof
    )
    boundsheet_len = 4 + 4 + 2 + 2 + len(name)
    offset = len(bof) + boundsheet_len + len(eof)
    globals_[1] = biff(0x0085, struct.pack("<IBBBB", offset, 0, 0, 6, 1) + name)
    scans = _scan_workbook(b"".join(globals_) + sheet)  # type: ignore[arg-type]
    assert list(scans) == ["Réseau"]
    assert scans["Réseau"].formulas == [(5, 2), (8, 3)]
    assert scans["Réseau"].dimension == (2, 1, 8, 5)


def test_encrypted_xls_is_password_protected() -> None:
    bof = biff(0x0809, struct.pack("<H", 0x0600) + b"\0" * 14)
    with pytest.raises(_Locked):
        _scan_workbook(bof + biff(0x002F, b"\1\0") + biff(0x000A))


def test_xls_whose_sector_chain_loops(tmp_path: Path) -> None:
    data = bytearray((FIXTURES / "good.xls").read_bytes())
    book = ole.CompoundFile(bytes(data))
    start = next(e.start for e in book.entries if e.name == "Workbook")
    fat_sector = struct.unpack_from("<I", data, 0x4C)[0]
    struct.pack_into("<I", data, 512 + fat_sector * 512 + start * 4, start)  # points at itself
    path = tmp_path / "loop.xls"
    path.write_bytes(bytes(data))
    pkg = read(path)
    assert [(i.rule, i.params["detail"]) for i in pkg.issues] == [
        ("file_unreadable", "its structure is damaged (a chain of sectors is broken)")
    ]


def test_compound_file_garbage() -> None:
    with pytest.raises(ole.Damaged):
        ole.CompoundFile(ole.MAGIC + b"\0" * 600)
    with pytest.raises(ole.Damaged):
        ole.CompoundFile(b"not at all")


def test_column_letters_are_shared() -> None:
    assert spreadsheet.column_letter(27) == "AB" and spreadsheet.column_index("AB") == 27
