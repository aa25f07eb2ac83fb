"""The OLE compound file (the container of .xls workbooks, and of password-protected .xlsx):
its list of streams, and one stream's bytes.

Just enough of [MS-CFB] to tell what a file holds and to read the workbook stream for the
formula scan of :mod:`xls`; calamine reads the cells. Every sector number is checked and every
chain is bounded by the file's own size, so a crafted file can only be refused, never loop.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADER = 512
_DIFAT_IN_HEADER = 109
_LAST_REGULAR = 0xFFFFFFFA  # sector numbers from here on are markers (end of chain, free …)
_END_OF_CHAIN = 0xFFFFFFFE
_ENTRY = 128
_STREAM = 2
_MINI_SECTOR = 64


class Damaged(ValueError):
    """The compound file's structure is not what [MS-CFB] allows."""


@dataclass(frozen=True)
class Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int


class CompoundFile:
    """A compound file read from bytes (the whole file is in memory: packages are bounded)."""

    def __init__(self, data: bytes) -> None:
        if len(data) < _HEADER or not data.startswith(MAGIC):
            raise Damaged("not a compound file")
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise Damaged("unknown sector size")
        self.data = data
        self.sector_size = 1 << shift
        self.n_sectors = (len(data) - _HEADER + self.sector_size - 1) // self.sector_size
        (n_fat, dir_start, _, self.cutoff, mini_fat_start, n_mini_fat, difat_start, n_difat) = (
            struct.unpack_from("<8I", data, 0x2C)
        )
        # A crafted header can claim any number of FAT sectors, list one sector many times or
        # chain a DIFAT sector to itself: each FAT sector is a distinct sector of the file, so
        # the FAT is never larger than the file.
        if n_fat > self.n_sectors:
            raise Damaged(f"it claims {n_fat:,} FAT sectors in a file of {self.n_sectors:,}")
        difat = list(struct.unpack_from(f"<{_DIFAT_IN_HEADER}I", data, 0x4C))
        sector, seen = difat_start, set[int]()
        while len(difat) < n_fat and sector < _LAST_REGULAR:
            if sector in seen or len(seen) >= n_difat:
                raise Damaged("the chain of DIFAT sectors is broken")
            seen.add(sector)
            words = struct.unpack(f"<{self.sector_size // 4}I", self._sector(sector))
            difat += words[:-1]
            sector = words[-1]
        fat_sectors = [s for s in difat[:n_fat] if s < _LAST_REGULAR]
        if len(set(fat_sectors)) < len(fat_sectors):
            raise Damaged("a FAT sector is listed twice")
        self.fat = _words(b"".join(self._sector(s) for s in fat_sectors))
        self.entries = _entries(self._chain_bytes(dir_start))
        self._mini_fat_start, self._n_mini_fat = mini_fat_start, n_mini_fat

    def _sector(self, number: int) -> bytes:
        if number >= self.n_sectors:
            raise Damaged(f"sector {number} is past the end of the file")
        offset = _HEADER + number * self.sector_size
        return self.data[offset : offset + self.sector_size]

    def _chain(self, start: int, fat: list[int], limit: int) -> list[int]:
        out: list[int] = []
        sector = start
        while sector != _END_OF_CHAIN:
            if sector >= len(fat) or len(out) >= limit:
                raise Damaged("a chain of sectors is broken")
            out.append(sector)
            sector = fat[sector]
        return out

    def _chain_bytes(self, start: int) -> bytes:
        chain = self._chain(start, self.fat, self.n_sectors)
        return b"".join(self._sector(s) for s in chain)

    def stream_names(self) -> set[str]:
        return {e.name for e in self.entries if e.kind == _STREAM}

    def stream(self, name: str) -> bytes:
        """The bytes of the stream called ``name`` (case-insensitive)."""
        entry = next(
            (e for e in self.entries if e.kind == _STREAM and e.name.lower() == name.lower()), None
        )
        if entry is None:
            raise Damaged(f"no stream {name}")
        if entry.size >= self.cutoff:
            return self._chain_bytes(entry.start)[: entry.size]
        # Small streams live in 64-byte mini sectors inside the root entry's own stream.
        mini_stream = self._chain_bytes(self.entries[0].start)
        mini_fat = _words(self._chain_bytes(self._mini_fat_start)) if self._n_mini_fat else []
        chain = self._chain(entry.start, mini_fat, len(mini_stream) // _MINI_SECTOR + 1)
        data = b"".join(mini_stream[s * _MINI_SECTOR : (s + 1) * _MINI_SECTOR] for s in chain)
        return data[: entry.size]


def _words(data: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4]))


def _entries(directory: bytes) -> list[Entry]:
    entries = []
    for offset in range(0, len(directory) - _ENTRY + 1, _ENTRY):
        raw = directory[offset : offset + _ENTRY]
        name_bytes = struct.unpack_from("<H", raw, 0x40)[0]
        name = raw[: max(0, min(name_bytes, 64) - 2)].decode("utf-16-le", "replace")
        start, size = struct.unpack_from("<IQ", raw, 0x74)
        entries.append(Entry(name, raw[0x42], start, size & 0xFFFFFFFF))
    if not entries or entries[0].kind != 5:
        raise Damaged("no root entry")
    return entries
