"""read_package: size first, then the reader chosen by extension, then content sniffing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import xlsxwriter

from ingest.readers import read_package
from ingest.readers.dispatch import READERS
from warehouse.settings import Limits


def _rules(pkg) -> list[tuple[str, dict[str, str]]]:
    return [(i.rule, dict(i.params)) for i in pkg.issues]


def test_registry_maps_the_five_extensions() -> None:
    assert sorted(READERS) == [".json", ".ods", ".xls", ".xlsx", ".zip"]


def test_macro_workbook_is_not_accepted_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsm"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    pkg = read_package(path, Limits())
    assert [i.rule for i in pkg.issues] == ["unsupported_file_type"]
    assert pkg.issues[0].params["detail"].startswith(".xlsm (")
    assert pkg.encoding is None and pkg.sheets == [] and not pkg.readable
    assert ".xlsm" in pkg.issues[0].message()


def test_lone_csv_is_not_accepted_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    path.write_text("a,b\n1,2\n")
    pkg = read_package(path, Limits())
    assert [i.rule for i in pkg.issues] == ["unsupported_file_type"]
    assert pkg.issues[0].params["detail"].startswith(".csv (")
    assert "zip" in pkg.issues[0].params["detail"]


def test_no_extension(tmp_path: Path) -> None:
    path = tmp_path / "report"
    path.write_text("{}")
    pkg = read_package(path, Limits())
    assert _rules(pkg) == [
        (
            "unsupported_file_type",
            {
                "detail": "(a file without extension)",
                "expected": ".xlsx, .ods, .xls, .zip, .json",
            },
        )
    ]


def test_size_is_checked_before_anything_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"not json at all " * 20)  # 320 bytes; content never looked at
    pkg = read_package(path, Limits(max_package_bytes=100))
    assert _rules(pkg) == [("package_too_large", {"detail": "320 bytes", "expected": "100 bytes"})]
    assert pkg.size == 320 and pkg.sheets == []


def test_package_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_bytes(b'{"submission": {"a": "1"}}')
    pkg = read_package(path, Limits(max_package_bytes=path.stat().st_size))
    assert pkg.issues == [] and [s.origin for s in pkg.sheets] == ["submission"]


def test_xlsx_that_is_really_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    path.write_text("reporting_state,period\nESP,2024-01\n")
    pkg = read_package(path, Limits())
    assert _rules(pkg) == [
        (
            "file_type_mismatch",
            {
                "detail": "report.xlsx",
                "expected": "an Excel workbook (.xlsx)",
                "found": "content of another kind",
            },
        )
    ]
    assert pkg.encoding == "xlsx" and pkg.sheets == []


def test_xlsx_that_is_a_zip_of_csv_files(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("submission.csv", "field,value\n")
    pkg = read_package(path, Limits())
    assert [i.rule for i in pkg.issues] == ["file_type_mismatch"]


def test_encrypted_or_old_workbook_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    pkg = read_package(path, Limits())
    assert [i.rule for i in pkg.issues] == ["file_unreadable"]
    assert "password-protected" in pkg.issues[0].params["detail"]


def test_json_that_is_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("x.json", "{}")
    pkg = read_package(path, Limits())
    assert _rules(pkg) == [
        (
            "file_type_mismatch",
            {
                "detail": "report.json",
                "expected": "a JSON object in UTF-8 text",
                "found": "content of another kind",
            },
        )
    ]


def test_json_in_utf16_is_a_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_bytes('{"a": []}'.encode("utf-16"))
    assert [i.rule for i in read_package(path, Limits()).issues] == ["file_type_mismatch"]


def test_zip_that_is_text(tmp_path: Path) -> None:
    path = tmp_path / "tables.zip"
    path.write_text("a,b\n")
    pkg = read_package(path, Limits())
    assert _rules(pkg) == [
        (
            "file_type_mismatch",
            {
                "detail": "tables.zip",
                "expected": "a zip archive of CSV files",
                "found": "content of another kind",
            },
        )
    ]


def test_extension_case_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "REPORT.XLSX"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("submission").write_string(0, 0, "field")
    wb.close()
    pkg = read_package(path, Limits())
    assert pkg.encoding == "xlsx" and pkg.issues == []
    assert [(s.origin, s.headers) for s in pkg.sheets] == [("submission", ["field"])]


def test_missing_file_does_not_raise(tmp_path: Path) -> None:
    pkg = read_package(tmp_path / "gone.json", Limits())
    assert [i.rule for i in pkg.issues] == ["file_unreadable"]
