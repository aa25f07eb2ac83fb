"""What is checked before a parser sees the bytes: is the content what the file's name says, is a
zip safe to open, and is a table within the row limit.

Zip members are decompressed here, by us, in bounded chunks: the sizes a zip declares are only
used for a cheap early refusal, never trusted to bound memory (a crafted header can understate
them). Everything wrong becomes an :class:`Issue`; inside the readers a :class:`Refusal` carries
it up to the reader's entry point.
"""

from __future__ import annotations

import io
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from contracts.issues import Issue
from warehouse.settings import Limits

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"  # an archive with no entries at all
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, or an encrypted .xlsx
CHUNK = 1 << 20
# A real workbook has a few dozen parts and a CSV bundle nine tables; a zip with tens of
# thousands of entries only costs us time to list.
MAX_ZIP_ENTRIES = 10_000
_MAX_PATH_ISSUES = 20
_DRIVE = re.compile(r"^[A-Za-z]:")

XLSX_EXPECTED = "an Excel workbook (.xlsx)"
ZIP_EXPECTED = "a zip archive of CSV files"
JSON_EXPECTED = "a JSON object in UTF-8 text"


class Refusal(Exception):
    """The package cannot be read further; ``issues`` say why."""

    def __init__(self, *issues: Issue) -> None:
        super().__init__(", ".join(i.rule for i in issues))
        self.issues = list(issues)


def describe_size(n: float) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{int(n)} bytes"


def unreadable(
    expected: str, detail: str, *, table: str | None = None, row: int | None = None
) -> Issue:
    return Issue(
        "file_unreadable", table=table, row=row, params={"expected": expected, "detail": detail}
    )


def mismatch(name: str, expected: str) -> Issue:
    return Issue("file_type_mismatch", params={"detail": name, "expected": expected})


def too_many_rows(origin: str, n_rows: int, limits: Limits) -> Issue | None:
    if n_rows <= limits.max_rows_per_table:
        return None
    return Issue(
        "table_too_many_rows",
        table=origin,
        params={"detail": f"{n_rows:,}", "expected": f"{limits.max_rows_per_table:,}"},
    )


# --- content sniffing -------------------------------------------------------------------------


def _head(path: Path, n: int = 8) -> bytes:
    with path.open("rb") as fh:
        return fh.read(n)


def sniff_xlsx(path: Path) -> Issue | None:
    """An .xlsx is a zip holding the two parts every workbook has."""
    head = _head(path)
    if head.startswith(OLE_MAGIC):
        # Excel saves password-protected workbooks (and old .xls files) in this container.
        detail = "it is password-protected or saved in the old .xls format"
        return unreadable(XLSX_EXPECTED, detail)
    if not head.startswith(ZIP_MAGIC):
        return mismatch(path.name, XLSX_EXPECTED)
    try:
        with zipfile.ZipFile(path) as zf:
            names = {n.lower() for n in zf.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return unreadable(XLSX_EXPECTED, "the archive inside the workbook is damaged")
    if not {"[content_types].xml", "xl/workbook.xml"} <= names:
        return mismatch(path.name, XLSX_EXPECTED)
    return None


def sniff_zip(path: Path) -> Issue | None:
    head = _head(path)
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return None
    return mismatch(path.name, ZIP_EXPECTED)


def sniff_json(name: str, data: bytes) -> Issue | None:
    """JSON text in UTF-8 (a BOM is tolerated) that opens an object (or, wrongly, a list: that
    is still JSON, and the reader says what is wrong with it)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return mismatch(name, JSON_EXPECTED)
    if text.lstrip()[:1] not in ("{", "["):
        return mismatch(name, JSON_EXPECTED)
    return None


# --- zip inspection ---------------------------------------------------------------------------


def unsafe_path(info: zipfile.ZipInfo) -> bool:
    name = info.orig_filename
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return True
    if ".." in re.split(r"[\\/]", name):
        return True
    # Unix "made by" entries carry the mode in the high bits; a symlink could point anywhere.
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


class SafeZip:
    """A zip whose entries passed inspection; members are read through a shared byte budget."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, budget: int, expected: str) -> None:
        self.path = path
        self.zf = zf
        self.files = [i for i in zf.infolist() if not i.is_dir()]
        self.budget = budget
        self.expected = expected
        self.used = 0
        self._fh = path.open("rb")

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._fh.close()
        self.zf.close()

    def read(self, info: zipfile.ZipInfo) -> bytes:
        # BytesIO grows in place and hands its buffer over: no second copy of a big member.
        buf = io.BytesIO()
        for chunk in self.stream(info):
            buf.write(chunk)
        return buf.getvalue()

    def stream(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The member's bytes in chunks of at most :data:`CHUNK`; refuses as soon as the member
        outgrows its declared size or the package outgrows its budget."""
        produced = 0
        crc = 0
        try:
            for chunk in self._decompressed(info):
                produced += len(chunk)
                self.used += len(chunk)
                if produced > info.file_size:
                    raise Refusal(self._bomb(f"{info.filename} holds more than its declared size"))
                if self.used > self.budget:
                    raise Refusal(self._bomb(f"more than {describe_size(self.budget)} unpacked"))
                crc = zlib.crc32(chunk, crc)
                yield chunk
        except (zlib.error, zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
            raise Refusal(unreadable(self.expected, f"{info.filename} is damaged ({exc})")) from exc
        if produced != info.file_size or crc != info.CRC:
            raise Refusal(unreadable(self.expected, f"{info.filename} is damaged (checksum)"))

    def _decompressed(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # bzip2/lzma: rare; zipfile stops at the declared size, so memory stays bounded.
            with self.zf.open(info) as fh:
                while chunk := fh.read(CHUNK):
                    yield chunk
            return
        self._fh.seek(info.header_offset)
        local = self._fh.read(30)
        if len(local) < 30 or not local.startswith(ZIP_MAGIC):
            raise zipfile.BadZipFile("bad local header")
        name_len, extra_len = struct.unpack("<HH", local[26:30])
        self._fh.seek(info.header_offset + 30 + name_len + extra_len)
        left = info.compress_size
        inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
        while left > 0:
            raw = self._fh.read(min(CHUNK, left))
            if not raw:
                raise EOFError("archive truncated")
            left -= len(raw)
            if inflate is None:
                yield raw
                continue
            # max_length keeps each step's output bounded, whatever the input expands to.
            out = inflate.decompress(raw, CHUNK)
            while out:
                yield out
                out = inflate.decompress(inflate.unconsumed_tail, CHUNK)
        if inflate is not None and not inflate.eof:
            raise EOFError("compressed data truncated")

    def _bomb(self, detail: str) -> Issue:
        return _bomb_issue(detail, self.budget)


def _bomb_issue(detail: str, budget: int) -> Issue:
    return Issue("zip_bomb", params={"detail": detail, "expected": describe_size(budget)})


def open_zip(path: Path, limits: Limits, *, ratio: float, expected: str) -> SafeZip:
    """Opens and inspects a zip: paths, symlinks, encryption, declared sizes. Raises Refusal."""
    size = path.stat().st_size
    budget = int(min(limits.max_unzipped_bytes, ratio * max(size, 1)))
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise Refusal(unreadable(expected, f"the archive is damaged ({exc})")) from exc
    try:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise Refusal(_bomb_issue(f"{len(infos):,} files", budget))
        unsafe = [i for i in infos if unsafe_path(i)]
        if unsafe:
            raise Refusal(
                *(
                    Issue(
                        "zip_unsafe_path", value=i.orig_filename, params={"detail": i.orig_filename}
                    )
                    for i in unsafe[:_MAX_PATH_ISSUES]
                )
            )
        locked = [i.filename for i in infos if i.flag_bits & 0x1]
        if locked:
            raise Refusal(unreadable(expected, f"{locked[0]} is password-protected"))
        declared = sum(i.file_size for i in infos)
        if declared > budget:
            detail = f"{describe_size(declared)} from {describe_size(size)}"
            raise Refusal(_bomb_issue(detail, budget))
    except Refusal:
        zf.close()
        raise
    return SafeZip(path, zf, budget, expected)
