"""A file whose content is not what its name says is a file_type_mismatch, which names the file,
what its extension promised, and (as the issue's value) the extension its content calls for."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest
from packages import baseline, write

from ingest.readers import read_package
from warehouse.settings import Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FIXTURES = Path(__file__).parents[2] / "fixtures" / "libreoffice"
EXPECTED = {
    ".xlsx": "an Excel workbook (.xlsx)",
    ".ods": "an OpenDocument spreadsheet (.ods)",
    ".xls": "an Excel 97-2003 workbook (.xls)",
    ".zip": "a zip archive of CSV files",
    ".json": "a JSON object in UTF-8 text",
}

FOUND = {**EXPECTED, ".json": "JSON text"}


def compound_file(*streams: str) -> bytes:
    """The smallest OLE compound file holding empty streams with these names."""
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(512)
    header[:8] = OLE_MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<8I", header, 0x2C, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *[free] * 108)
    fat = struct.pack("<128I", fat_sector, end, *[free] * 126)

    def entry(name: str, kind: int) -> bytes:
        raw = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        raw[: len(encoded)] = encoded
        struct.pack_into("<H", raw, 0x40, len(encoded))
        raw[0x42] = kind
        struct.pack_into("<IQ", raw, 0x74, end, 0)
        return bytes(raw)

    entries = [entry("Root Entry", 5), *(entry(s, 2) for s in streams)]
    directory = b"".join(entries).ljust(512, b"\0")
    return bytes(header) + fat + directory


@pytest.fixture(scope="module")
def contents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One real file of each format, under its own extension."""
    tmp = tmp_path_factory.mktemp("contents")
    return {
        ".xlsx": write(baseline(), tmp, "xlsx"),
        ".ods": FIXTURES / "good.ods",
        ".xls": FIXTURES / "good.xls",
        ".zip": write(baseline(), tmp, "zip"),
        ".json": write(baseline(), tmp, "json"),
    }


@pytest.mark.parametrize(
    ("content", "named"), [(c, n) for c in EXPECTED for n in EXPECTED if c != n]
)
def test_every_format_under_every_other_name(
    contents: dict[str, Path], tmp_path: Path, content: str, named: str
) -> None:
    path = tmp_path / f"report{named}"
    shutil.copyfile(contents[content], path)
    pkg = read_package(path, Limits())
    assert [(i.rule, i.value, dict(i.params)) for i in pkg.issues] == [
        (
            "file_type_mismatch",
            content,
            {"detail": f"report{named}", "expected": EXPECTED[named], "found": FOUND[content]},
        )
    ]
    assert pkg.sheets == []


@pytest.mark.parametrize("named", [".ods", ".xls"])
def test_text_named_as_a_spreadsheet_is_a_mismatch_of_unknown_kind(
    tmp_path: Path, named: str
) -> None:
    # Web systems often export an HTML table under a spreadsheet's name.
    path = tmp_path / f"export{named}"
    path.write_text("<html><body><table><tr><td>IDN</td></tr></table></body></html>")
    pkg = read_package(path, Limits())
    assert [(i.rule, i.value, i.params["detail"]) for i in pkg.issues] == [
        ("file_type_mismatch", None, f"export{named}")
    ]
    assert pkg.issues[0].message() == (
        f"The file export{named} holds content of another kind, not {EXPECTED[named]}."
    )


def test_workbook_renamed_zip_is_not_a_missing_submission(
    contents: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "package.zip"
    shutil.copyfile(contents[".xlsx"], path)
    issue = read_package(path, Limits()).issues[0]
    assert issue.rule == "file_type_mismatch" and issue.value == ".xlsx"
    # The message names what the file holds, so the state knows what to rename it to.
    assert issue.message() == (
        "The file package.zip holds an Excel workbook (.xlsx), not a zip archive of CSV files."
    )
    assert issue.message("fr") == (
        "Le fichier package.zip contient an Excel workbook (.xlsx), et non a zip archive of "
        "CSV files."
    )
    assert ".xlsx" in issue.hint() and "{" not in issue.hint()


@pytest.mark.parametrize("named", [".xlsx", ".xls"])
def test_password_protected_workbook(tmp_path: Path, named: str) -> None:
    # Excel keeps an encrypted .xlsx in a compound file, as EncryptedPackage.
    path = tmp_path / f"locked{named}"
    path.write_bytes(compound_file("EncryptionInfo", "EncryptedPackage"))
    pkg = read_package(path, Limits())
    assert [(i.rule, i.params["detail"]) for i in pkg.issues] == [
        ("file_unreadable", "it is password-protected")
    ]


def test_word_document_named_xls(tmp_path: Path) -> None:
    path = tmp_path / "report.xls"
    path.write_bytes(compound_file("WordDocument", "1Table"))
    pkg = read_package(path, Limits())
    assert [(i.rule, i.value) for i in pkg.issues] == [("file_type_mismatch", None)]


def test_old_workbook_named_xlsx_is_told_apart_from_a_locked_one(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(compound_file("Workbook"))
    pkg = read_package(path, Limits())
    assert [(i.rule, i.value) for i in pkg.issues] == [("file_type_mismatch", ".xls")]
