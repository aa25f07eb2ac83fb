"""The inbox: packages waiting to be processed, in arrival order.

A file enters the inbox atomically (written under a hidden temporary name, then renamed), so
a refresh never sees half a file. Its name is ``<UTC time>__<original name>``; the original
name is cleaned, never trusted as a path.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SEPARATOR = "__"
MAX_NAME = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# An extension as readers know them (".xlsx", ".json"): shortening a long name keeps it, or
# the package would be refused as a file without one.
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}$")


def safe_name(name: str) -> str:
    """A file name made of harmless characters (no directories, no leading dots), at most
    ``MAX_NAME`` characters, its extension kept."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).lstrip("._") or "package"
    if len(cleaned) <= MAX_NAME:
        return cleaned
    ext = m.group(0) if (m := _EXTENSION.search(cleaned)) else ""
    return cleaned[: MAX_NAME - len(ext)] + ext


@dataclass(frozen=True)
class Waiting:
    path: Path
    original_name: str
    received_at: datetime


def submit(
    source: Path, inbox: Path, *, received_at: datetime | None = None, name: str | None = None
) -> Path:
    """Put a copy of ``source`` into the inbox and return its path there.

    ``received_at`` (default: now) becomes the file's modification time, which is its place in
    the arrival order and the receipt time the registry records. ``name`` is the name the
    package came under (default: the source's), cleaned.
    """
    inbox.mkdir(parents=True, exist_ok=True)
    now = received_at or datetime.now(UTC)
    name = f"{now.strftime('%Y%m%dT%H%M%S%fZ')}{SEPARATOR}{safe_name(name or source.name)}"
    fd, tmp_name = tempfile.mkstemp(dir=inbox, prefix=".incoming-")
    tmp = Path(tmp_name)
    try:
        with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        target = inbox / name
        if received_at is not None:
            stamp = received_at.timestamp()
            os.utime(tmp, (stamp, stamp))
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def waiting_item(path: Path) -> Waiting | None:
    """The waiting package at ``path``, or None when it is no longer there (processed)."""
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    _stamp, sep, original = path.name.partition(SEPARATOR)
    return Waiting(
        path=path,
        original_name=original if sep else path.name,
        received_at=datetime.fromtimestamp(mtime, UTC),
    )


def _place(stat: os.stat_result, name: str) -> tuple[int, str]:
    """A file's place in the arrival order: modification time, then name."""
    return stat.st_mtime_ns, name


def arrival(path: Path) -> tuple[int, str] | None:
    """A waiting file's place in the arrival order, or None when it is no longer there."""
    try:
        return _place(path.stat(), path.name)
    except FileNotFoundError:
        return None


def waiting(inbox: Path, *, before: tuple[int, str] | None = None) -> list[Waiting]:
    """Files waiting in the inbox, oldest first (modification time, then name); with
    ``before``, only those that arrived before that place in the order."""
    if not inbox.exists():
        return []
    places: list[tuple[tuple[int, str], Path]] = []
    with os.scandir(inbox) as entries:  # one stat per file: every task of a run reads this
        for entry in entries:
            if entry.name.startswith(".") or not entry.is_file():
                continue
            try:
                place = _place(entry.stat(), entry.name)
            except FileNotFoundError:  # taken by another process meanwhile: not waiting
                continue
            if before is None or place < before:
                places.append((place, Path(entry.path)))
    places.sort()
    return [item for _place, path in places if (item := waiting_item(path)) is not None]
