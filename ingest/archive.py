"""The archive: every received file, byte for byte, under its SHA-256, before anything else.

Content-addressed (``archive/<sha[:2]>/<sha256><ext>``), so archiving the same bytes twice is a
no-op and a file can never be overwritten by different content. A sidecar
``<sha256>.receipt.json`` records the name and time of first receipt.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class ArchivedFile:
    sha256: str
    path: Path  # the archived copy
    original_name: str
    size: int
    received_at: datetime

    @property
    def submission_id(self) -> str:
        """Stable id of a package: the same bytes always get the same id."""
        return self.sha256[:16]


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def archive_file(
    source: Path, archive_root: Path, *, original_name: str, received_at: datetime
) -> ArchivedFile:
    """Copy ``source`` into the archive (durably: fsync, then atomic rename) and return where.

    The copy is hashed as it is written and checked against the source's hash, so what is
    archived is exactly what was received.
    """
    sha = sha256_of(source)
    suffix = Path(original_name).suffix.lower()[:10]
    directory = archive_root / sha[:2]
    target = directory / f"{sha}{suffix}"
    sidecar = directory / f"{sha}.receipt.json"
    directory.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=".incoming-")
        tmp = Path(tmp_name)
        try:
            with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
                dst.flush()
                os.fsync(dst.fileno())
            if sha256_of(tmp) != sha:
                raise OSError(f"archive copy of {source} does not match its hash")
            tmp.chmod(0o444)
            tmp.replace(target)
            _fsync_dir(directory)
        finally:
            tmp.unlink(missing_ok=True)
    if not sidecar.exists():
        meta = {
            "sha256": sha,
            "original_name": original_name,
            "size": target.stat().st_size,
            "received_at": received_at.astimezone(UTC).isoformat(),
        }
        tmp_meta = sidecar.with_suffix(".json.tmp")
        tmp_meta.write_text(json.dumps(meta, indent=2), encoding="utf-8")
        tmp_meta.replace(sidecar)
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    return ArchivedFile(
        sha256=sha,
        path=target,
        original_name=meta["original_name"],
        size=meta["size"],
        received_at=datetime.fromisoformat(meta["received_at"]),
    )
