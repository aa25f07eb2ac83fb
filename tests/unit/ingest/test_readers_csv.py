"""CSV bundles: encodings, delimiters, physical line numbers, malformed lines, zip layout."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import polars as pl

from ingest.package import SOURCE_ROW, CsvDialect, Package, SheetData
from ingest.readers import read_package
from ingest.readers.csv_bundle import read_csv_bytes
from warehouse.settings import Limits


def bundle(tmp_path: Path, files: dict[str, bytes]) -> Package:
    path = tmp_path / "package.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return read_package(path, Limits())


def read(data: bytes, limits: Limits | None = None) -> tuple[SheetData, list[tuple]]:
    sheet, issues = read_csv_bytes(data, "incidents.csv", limits or Limits())
    return sheet, [(i.rule, i.table, i.row, i.params.get("detail")) for i in issues]


def rows(sheet: SheetData) -> list[tuple]:
    return sheet.frame.rows()


def test_plain_utf8_bundle(tmp_path: Path) -> None:
    pkg = bundle(
        tmp_path,
        {
            "submission.csv": b"field,value\nreporting_state,ESP\nperiod,2024-03\n",
            "incidents.csv": "incident_ref,detection_place,migrants_total\r\n"
            "I-1,Almería,12\r\nI-2,,3\r\n".encode(),
        },
    )
    assert pkg.issues == [] and pkg.encoding == "csv" and not pkg.decimal_comma
    sub, inc = pkg.sheets
    assert (sub.origin, sub.headers, sub.header_row) == ("submission.csv", ["field", "value"], 1)
    assert rows(sub) == [("reporting_state", "ESP", 2), ("period", "2024-03", 3)]
    assert inc.headers == ["incident_ref", "detection_place", "migrants_total"]
    assert rows(inc) == [("I-1", "Almería", "12", 2), ("I-2", None, "3", 3)]
    assert inc.dialect == CsvDialect("utf-8", ",")
    assert inc.frame.columns == ["c0", "c1", "c2", SOURCE_ROW]
    assert inc.frame.dtypes == [pl.String, pl.String, pl.String, pl.Int64]
    assert inc.column_refs is None


def test_utf8_bom() -> None:
    sheet, issues = read(codecs.BOM_UTF8 + "route,place\nAFG>TUR,Málaga\n".encode())
    assert issues == []
    assert sheet.headers == ["route", "place"]  # the BOM is not part of the first header
    assert rows(sheet) == [("AFG>TUR", "Málaga", 2)]
    assert sheet.dialect == CsvDialect("utf-8-sig", ",")


def test_utf16_le_bom() -> None:
    data = codecs.BOM_UTF16_LE + "conveyance;value\r\nCamión;3\r\nÜber;4\r\n".encode("utf-16-le")
    sheet, issues = read(data)
    assert issues == []
    assert sheet.headers == ["conveyance", "value"]
    assert rows(sheet) == [("Camión", "3", 2), ("Über", "4", 3)]
    assert sheet.dialect == CsvDialect("utf-16", ";")


def test_utf16_be_bom() -> None:
    sheet, issues = read(codecs.BOM_UTF16_BE + "a,b\nñ,2\n".encode("utf-16-be"))
    assert issues == [] and rows(sheet) == [("ñ", "2", 2)]
    assert sheet.dialect == CsvDialect("utf-16", ",")


def test_windows_1252() -> None:
    sheet, issues = read("conveyance,comment\nCamión,“quoted” – 5 €\n".encode("cp1252"))
    assert issues == []
    assert rows(sheet) == [("Camión", "“quoted” – 5 €", 2)]
    assert sheet.dialect == CsvDialect("cp1252", ",")


def test_undecodable_bytes_name_the_file_and_line() -> None:
    sheet, issues = read(b"a,b\nok,1\nbad\x81,2\n")  # 0x81 is undefined in Windows-1252
    assert issues == [
        (
            "file_unreadable",
            "incidents.csv",
            3,
            "incidents.csv holds a byte (0x81) that none of these encodings allows",
        )
    ]
    assert sheet.headers == [] and sheet.n_rows == 0


def test_utf16_without_bom_is_refused() -> None:
    _, issues = read("a,b\n1,2\n".encode("utf-16-le"))
    assert [i[0] for i in issues] == ["file_unreadable"]
    assert "byte order mark" in issues[0][3]


def test_semicolon_delimiter_keeps_decimal_commas_as_text(tmp_path: Path) -> None:
    pkg = bundle(tmp_path, {"incidents.csv": b'fee_per_migrant;comment\n1500,50;"a; b, c"\n'})
    (sheet,) = pkg.sheets
    assert sheet.dialect == CsvDialect("utf-8", ";") and pkg.decimal_comma
    assert rows(sheet) == [("1500,50", "a; b, c", 2)]


def test_delimiter_counts_only_outside_quotes() -> None:
    sheet, _ = read(b'"a;b;c",d\n1,2\n')
    assert sheet.dialect is not None and sheet.dialect.delimiter == ","
    assert sheet.headers == ["a;b;c", "d"]


def test_quoted_newlines_keep_later_line_numbers_right() -> None:
    data = b'ref,comment\r\nI-1,"two\r\nlines"\r\nI-2,"three\n\nlines ""quoted"""\r\nI-3,x\r\n'
    sheet, issues = read(data)
    assert issues == []
    assert rows(sheet) == [
        ("I-1", "two\r\nlines", 2),
        ("I-2", 'three\n\nlines "quoted"', 4),
        ("I-3", "x", 7),
    ]


def test_blank_lines_are_skipped_but_counted() -> None:
    sheet, issues = read(b"\n\nref,n\n\nI-1,1\n,\n\r\nI-2,2")
    assert issues == []
    assert sheet.header_row == 3
    assert rows(sheet) == [("I-1", "1", 5), ("I-2", "2", 8)]


def test_missing_trailing_values_are_blank() -> None:
    sheet, issues = read(b"a,b,c\n1\n2,3\n")
    assert issues == [] and rows(sheet) == [("1", None, None, 2), ("2", "3", None, 3)]


def test_quoted_empty_value_is_blank_and_spaces_are_kept() -> None:
    sheet, _ = read(b'a,b,c\n"",  , x \n')
    assert rows(sheet) == [(None, "  ", " x ", 2)]


def test_duplicate_and_blank_headers_survive() -> None:
    sheet, issues = read(b"ref,,ref, Ref \n1,2,3,4\n")
    assert issues == [] and sheet.headers == ["ref", None, "ref", " Ref "]


def test_ragged_lines_are_malformed_at_their_line() -> None:
    data = b'ref,comment\nI-1,ok\nI-2,"quoted, fine"\nI-3,not, quoted\n"I-\n4",a,b,c\nI-5,x\n'
    sheet, issues = read(data)
    assert issues == [
        ("csv_malformed", "incidents.csv", 4, "this line has 3 values but the header has 2"),
        ("csv_malformed", "incidents.csv", 5, "this line has 4 values but the header has 2"),
    ]
    # The rest is still read (extra values dropped) so later checks can report more at once.
    assert rows(sheet)[-3:] == [("I-3", "not", 4), ("I-\n4", "a", 5), ("I-5", "x", 7)]


def test_unclosed_quote() -> None:
    _, issues = read(b'ref,comment\nI-1,ok\nI-2,"never closed\nI-3,x\n')
    assert issues == [
        (
            "csv_malformed",
            "incidents.csv",
            3,
            "a quote opened in the record starting on line 3 is never closed",
        )
    ]


def test_text_after_a_closing_quote() -> None:
    sheet, issues = read(b'ref,comment\nI-1,"a"b\nI-2,ok\n')
    assert [(i[0], i[2]) for i in issues] == [("csv_malformed", 2)]
    assert rows(sheet) == [("I-2", "ok", 3)]


def test_stray_quote_inside_an_unquoted_value_is_accepted() -> None:
    sheet, issues = read(b'ref,comment\nI-1,a 5" screen\nI-2,ok\n')
    assert issues == [] and rows(sheet) == [("I-1", 'a 5" screen', 2), ("I-2", "ok", 3)]


def test_classic_mac_line_ends() -> None:
    sheet, _ = read(b"a,b\r1,2\r3,4\r")
    assert rows(sheet) == [("1", "2", 2), ("3", "4", 3)]


def test_empty_and_blank_files() -> None:
    for data in (b"", b"\r\n\n", codecs.BOM_UTF8):
        sheet, issues = read(data)
        assert (sheet.headers, sheet.n_rows, issues) == ([], 0, [])
        assert sheet.frame.columns == [SOURCE_ROW]


def test_header_only() -> None:
    sheet, _ = read(b"a,b\n")
    assert sheet.headers == ["a", "b"] and sheet.n_rows == 0
    assert sheet.frame.columns == ["c0", "c1", SOURCE_ROW]


def test_too_many_rows_keeps_headers_only() -> None:
    sheet, issues = read(b"a\n1\n2\n3\n", Limits(max_rows_per_table=2))
    assert issues == [("table_too_many_rows", "incidents.csv", None, "3")]
    assert sheet.headers == ["a"] and sheet.n_rows == 0


def test_files_in_one_folder_are_read_from_there(tmp_path: Path) -> None:
    pkg = bundle(
        tmp_path,
        {
            "ESP 2024-03/submission.csv": b"field,value\n",
            "ESP 2024-03/incidents.CSV": b"ref\nI-1\n",
            "ESP 2024-03/readme.txt": b"hello",
            "__MACOSX/ESP 2024-03/._incidents.CSV": b"\0\0",
            "ESP 2024-03/.DS_Store": b"\0",
        },
    )
    assert [(i.rule, dict(i.params)) for i in pkg.issues] == [
        ("zip_files_in_folder", {"detail": "ESP 2024-03"})
    ]
    assert [(s.origin, s.headers, s.n_rows) for s in pkg.sheets] == [
        ("submission.csv", ["field", "value"], 0),
        ("incidents.CSV", ["ref"], 1),
        ("readme.txt", [], 0),  # listed unread: the template step warns about it
    ]


def test_root_files_win_over_folders(tmp_path: Path) -> None:
    pkg = bundle(
        tmp_path,
        {"submission.csv": b"field,value\n", "old/incidents.csv": b"ref\nI-1\n", "notes.txt": b""},
    )
    assert pkg.issues == []
    assert [(s.origin, s.headers) for s in pkg.sheets] == [
        ("submission.csv", ["field", "value"]),
        ("old/incidents.csv", []),
        ("notes.txt", []),
    ]


def test_each_file_has_its_own_dialect(tmp_path: Path) -> None:
    pkg = bundle(
        tmp_path,
        {"a.csv": b"x;y\n1;2\n", "b.csv": "x,y\nñ,2\n".encode("cp1252")},
    )
    assert [s.dialect for s in pkg.sheets] == [
        CsvDialect("utf-8", ";"),
        CsvDialect("cp1252", ","),
    ]
