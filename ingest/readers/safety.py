"""What is checked before a parser sees the bytes: is the content what the file's name says (and
if not, what it looks like), is a zip safe to open, and is a table within the row limit.

Zip members are decompressed here, by us, in bounded chunks: the sizes a zip declares are only
used for a cheap early refusal, never trusted to bound memory (a crafted header can understate
them). Everything wrong becomes an :class:`Issue`; inside the readers a :class:`Refusal` carries
it up to the reader's entry point.
"""

from __future__ import annotations

import codecs
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
from ingest.readers import ole
from warehouse.settings import Limits

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"  # an archive with no entries at all
CHUNK = 1 << 20
# A real workbook has a few dozen parts and a CSV bundle nine tables; a zip with tens of
# thousands of entries only costs us time to list.
MAX_ZIP_ENTRIES = 10_000
_MAX_PATH_ISSUES = 20
_DRIVE = re.compile(r"^[A-Za-z]:")

XLSX_EXPECTED = "an Excel workbook (.xlsx)"
ODS_EXPECTED = "an OpenDocument spreadsheet (.ods)"
XLS_EXPECTED = "an Excel 97-2003 workbook (.xls)"
ZIP_EXPECTED = "a zip archive of CSV files"
JSON_EXPECTED = "a JSON object in UTF-8 text"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# The streams that tell an old workbook (BIFF8, BIFF5) from a password-protected .xlsx, which
# Excel also saves in a compound file.
XLS_STREAMS = ("Workbook", "Book")
ENCRYPTED_OOXML_STREAM = "EncryptedPackage"
# What a file whose content calls for this extension holds, as a mismatch names it.
_KINDS = {
    ".xlsx": XLSX_EXPECTED,
    ".ods": ODS_EXPECTED,
    ".xls": XLS_EXPECTED,
    ".zip": ZIP_EXPECTED,
    ".json": "JSON text",
}


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


def mismatch(path: Path, expected: str) -> Issue:
    """The file's content is not what its name says; ``value`` is the extension its content
    calls for, when it is one we know (".xlsx" for a workbook renamed .zip)."""
    return _mismatch(path.name, expected, looks_like(path))


def _mismatch(name: str, expected: str, found: str | None) -> Issue:
    kind = _KINDS.get(found or "", "content of another kind")
    return Issue(
        "file_type_mismatch",
        value=found,
        params={"detail": name, "expected": expected, "found": kind},
    )


def bomb(detail: str, budget: int) -> Issue:
    return Issue("zip_bomb", params={"detail": detail, "expected": describe_size(budget)})


def unpacked_budget(size: int, limits: Limits, ratio: float) -> int:
    """The bytes a package of ``size`` bytes may expand to: ``ratio`` times its size, within
    the absolute limit."""
    return int(min(limits.max_unzipped_bytes, ratio * max(size, 1)))


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
    if head.startswith(ole.MAGIC):
        # Excel saves password-protected workbooks in this container; so are old .xls files.
        streams = _ole_streams(path)
        if streams is None:
            return unreadable(
                XLSX_EXPECTED, "it is password-protected or saved in the old .xls format"
            )
        if ENCRYPTED_OOXML_STREAM in streams:
            return unreadable(XLSX_EXPECTED, "it is password-protected")
        return mismatch(path, XLSX_EXPECTED)
    if not head.startswith(ZIP_MAGIC):
        return mismatch(path, XLSX_EXPECTED)
    names = _zip_names(path)
    if names is None:
        return unreadable(XLSX_EXPECTED, "the archive inside the workbook is damaged")
    if not {"[content_types].xml", "xl/workbook.xml"} <= names:
        return mismatch(path, XLSX_EXPECTED)
    return None


def sniff_ods(path: Path) -> Issue | None:
    """An .ods is a zip whose ``mimetype`` member names an OpenDocument spreadsheet."""
    if not _head(path).startswith(ZIP_MAGIC):
        return mismatch(path, ODS_EXPECTED)
    if _zip_names(path) is None:
        return unreadable(ODS_EXPECTED, "the archive inside the spreadsheet is damaged")
    if _odf_mimetype(path) != ODS_MIMETYPE:
        return mismatch(path, ODS_EXPECTED)
    return None


def open_xls(path: Path) -> ole.CompoundFile:
    """An .xls is a compound file holding a workbook stream (a password-protected .xlsx is a
    compound file too, and says so). The file is parsed here, once, for the reader to use.
    Raises Refusal."""
    if not _head(path).startswith(ole.MAGIC):
        raise Refusal(mismatch(path, XLS_EXPECTED))
    try:
        book = ole.CompoundFile(path.read_bytes())
    except (ole.Damaged, struct.error, UnicodeDecodeError) as exc:
        raise Refusal(unreadable(XLS_EXPECTED, f"its structure is damaged ({exc})")) from exc
    streams = book.stream_names()
    if ENCRYPTED_OOXML_STREAM in streams:
        raise Refusal(unreadable(XLS_EXPECTED, "it is password-protected"))
    if not streams & set(XLS_STREAMS):
        # A compound file without a workbook (a Word document …) is none of the formats we read.
        raise Refusal(_mismatch(path.name, XLS_EXPECTED, None))
    return book


def sniff_zip(path: Path) -> Issue | None:
    """A zip; but not a workbook renamed .zip (a zip too, holding no CSV file)."""
    head = _head(path)
    if head.startswith(EMPTY_ZIP_MAGIC):
        return None
    if not head.startswith(ZIP_MAGIC):
        return mismatch(path, ZIP_EXPECTED)
    if looks_like(path) in (".xlsx", ".ods"):
        return mismatch(path, ZIP_EXPECTED)
    return None


def looks_like(path: Path) -> str | None:
    """The extension the file's content calls for, among the formats we read; None when it
    is none of them. Only the container is looked at, never a table."""
    head = _head(path)
    if head.startswith(ole.MAGIC):
        streams = _ole_streams(path) or set()
        return ".xls" if streams & set(XLS_STREAMS) else None
    if head.startswith(ZIP_MAGIC):
        names = _zip_names(path) or set()
        if {"[content_types].xml", "xl/workbook.xml"} <= names:
            return ".xlsx"
        if "mimetype" in names and _odf_mimetype(path) == ODS_MIMETYPE:
            return ".ods"
        return ".zip" if any(n.endswith(".csv") for n in names) else None
    text = _head(path, 64).removeprefix(codecs.BOM_UTF8).lstrip()
    return ".json" if text[:1] in (b"{", b"[") else None


def _zip_names(path: Path) -> set[str] | None:
    """The lower-cased member names, or None when the zip cannot be listed."""
    try:
        with zipfile.ZipFile(path) as zf:
            return {n.lower() for n in zf.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def _odf_mimetype(path: Path) -> bytes | None:
    """The first bytes of an OpenDocument's ``mimetype`` member (never more are inflated)."""
    try:
        with zipfile.ZipFile(path) as zf, zf.open("mimetype") as fh:
            return fh.read(len(ODS_MIMETYPE) + 16).strip().split(b"-template")[0]
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None


def _ole_streams(path: Path) -> set[str] | None:
    """The stream names of a compound file, or None when its structure is damaged."""
    try:
        return ole.CompoundFile(path.read_bytes()).stream_names()
    except (ole.Damaged, struct.error, UnicodeDecodeError):
        return None


def sniff_json(path: Path, data: bytes) -> Issue | None:
    """JSON text in UTF-8 (a BOM is tolerated) that opens an object (or, wrongly, a list: that
    is still JSON, and the reader says what is wrong with it)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return mismatch(path, JSON_EXPECTED)
    if text.lstrip()[:1] not in ("{", "["):
        return mismatch(path, JSON_EXPECTED)
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
        return bomb(detail, self.budget)


def open_zip(path: Path, limits: Limits, *, ratio: float, expected: str) -> SafeZip:
    """Opens and inspects a zip: paths, symlinks, encryption, declared sizes. Raises Refusal."""
    size = path.stat().st_size
    budget = unpacked_budget(size, limits, ratio)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise Refusal(unreadable(expected, f"the archive is damaged ({exc})")) from exc
    try:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise Refusal(bomb(f"{len(infos):,} files", budget))
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
            raise Refusal(bomb(detail, budget))
    except Refusal:
        zf.close()
        raise
    return SafeZip(path, zf, budget, expected)
