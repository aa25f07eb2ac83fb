"""Zip inspection shared by the XLSX and CSV-bundle readers: paths, bombs, encryption, damage."""

from __future__ import annotations

import stat
import struct
import zipfile
from pathlib import Path

import pytest

from ingest.readers import read_package, safety
from warehouse.settings import Limits

CSV = b"a,b\n1,2\n"


def make_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def patch_member(path: Path, *, file_size: int | None = None, flags: int | None = None) -> None:
    """Rewrites the first member's headers (local and central) the way a forger would."""
    raw = bytearray(path.read_bytes())
    local = raw.index(b"PK\x03\x04")
    central = raw.index(b"PK\x01\x02")
    if file_size is not None:
        raw[local + 22 : local + 26] = struct.pack("<I", file_size)
        raw[central + 24 : central + 28] = struct.pack("<I", file_size)
    if flags is not None:
        raw[local + 6 : local + 8] = struct.pack("<H", flags)
        raw[central + 8 : central + 10] = struct.pack("<H", flags)
    path.write_bytes(bytes(raw))


def rules(path: Path, limits: Limits | None = None) -> list[tuple[str, dict[str, str]]]:
    pkg = read_package(path, limits or Limits())
    return [(i.rule, dict(i.params)) for i in pkg.issues]


@pytest.mark.parametrize(
    "name", ["../evil.csv", "tables/../../evil.csv", "/etc/evil.csv", "C:\\evil.csv", "\\evil.csv"]
)
def test_unsafe_paths_are_refused(tmp_path: Path, name: str) -> None:
    path = make_zip(tmp_path / "p.zip", {"submission.csv": CSV, name: CSV})
    pkg = read_package(path, Limits())
    assert [(i.rule, i.params["detail"], i.value) for i in pkg.issues] == [
        ("zip_unsafe_path", name, name)
    ]
    assert pkg.sheets == []


def test_unsafe_path_in_a_workbook_is_refused_too(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "p.xlsx",
        {"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>", "../evil.xml": b"x"},
    )
    assert rules(path) == [("zip_unsafe_path", {"detail": "../evil.xml"})]


def test_symlink_entry_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.zip"
    with zipfile.ZipFile(path, "w") as zf:
        link = zipfile.ZipInfo("incidents.csv")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
    assert rules(path) == [("zip_unsafe_path", {"detail": "incidents.csv"})]


def test_zip_bomb_by_declared_size(tmp_path: Path) -> None:
    # 200 MB of zeros deflate to ~200 KB: 1000x, far past the 20x ratio.
    path = tmp_path / "bomb.zip"
    zeros = b"\0" * (10 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("incidents.csv", "w") as fh,
    ):
        for _ in range(20):
            fh.write(zeros)
    size = path.stat().st_size
    pkg = read_package(path, Limits(max_unzipped_bytes=50 << 20))
    assert [i.rule for i in pkg.issues] == ["zip_bomb"]
    assert pkg.issues[0].params["detail"] == f"200.0 MB from {safety.describe_size(size)}"
    assert pkg.issues[0].params["expected"] == safety.describe_size(20 * size)
    assert pkg.sheets == []


def test_absolute_unzipped_limit(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {"incidents.csv": b"a,b\n" + b"x" * 5000})
    limits = Limits(max_unzipped_bytes=1000, max_zip_ratio=1e9)
    assert rules(path, limits) == [
        (
            "zip_bomb",
            {
                "detail": f"4.9 KB from {safety.describe_size(path.stat().st_size)}",
                "expected": "1000 bytes",
            },
        )
    ]


def test_lying_header_is_caught_while_decompressing(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {"incidents.csv": b"a,b\n" + b"1,2\n" * 1_000_000})
    patch_member(path, file_size=1000)  # claims 1000 bytes; inflates to 4 MB
    assert zipfile.ZipFile(path).infolist()[0].file_size == 1000
    assert rules(path) == [
        (
            "zip_bomb",
            {
                "detail": "incidents.csv holds more than its declared size",
                "expected": safety.describe_size(20 * path.stat().st_size),
            },
        )
    ]


def test_stream_never_yields_more_than_a_chunk(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {"zeros.csv": b"\0" * (5 << 20)})
    with safety.open_zip(path, Limits(), ratio=1e9, expected="x") as zf:
        sizes = [len(c) for c in zf.stream(zf.files[0])]
    assert sum(sizes) == 5 << 20 and max(sizes) <= safety.CHUNK


def test_encrypted_member(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {"incidents.csv": CSV})
    patch_member(path, flags=0x1)
    assert rules(path) == [
        (
            "file_unreadable",
            {
                "expected": "a zip archive of CSV files",
                "detail": "incidents.csv is password-protected",
            },
        )
    ]


def test_truncated_archive(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {"incidents.csv": CSV * 100})
    path.write_bytes(path.read_bytes()[:60])
    pkg = read_package(path, Limits())
    assert [i.rule for i in pkg.issues] == ["file_unreadable"]
    assert pkg.issues[0].params["detail"].startswith("the archive is damaged")


def test_damaged_member_data(tmp_path: Path) -> None:
    path = tmp_path / "p.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("incidents.csv", CSV)
    raw = path.read_bytes().replace(b"1,2", b"1,3", 1)  # the CRC no longer matches
    path.write_bytes(raw)
    assert rules(path) == [
        (
            "file_unreadable",
            {
                "expected": "a zip archive of CSV files",
                "detail": "incidents.csv is damaged (checksum)",
            },
        )
    ]


def test_too_many_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ZIP_ENTRIES", 3)
    path = make_zip(tmp_path / "p.zip", {f"t{i}.csv": CSV for i in range(4)})
    assert [r for r, _ in rules(path)] == ["zip_bomb"]
    assert rules(path)[0][1]["detail"] == "4 files"


def test_empty_zip_is_readable_and_empty(tmp_path: Path) -> None:
    path = tmp_path / "p.zip"
    zipfile.ZipFile(path, "w").close()
    pkg = read_package(path, Limits())
    assert pkg.issues == [] and pkg.sheets == [] and pkg.encoding == "csv"
