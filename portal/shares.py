"""Which data share a user gets, and its files.

A state's users get their state's reciprocity share, built at publication
(``published/shares/<ISO3>/``, see warehouse.shares); the secretariat gets the full published
snapshot, and may look at any state's share. Files are offered by name from a listing of the
share's folder, never by joining a requested name onto a path.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal.accounts import User
from warehouse.publish import current_snapshot
from warehouse.settings import Settings


@dataclass(frozen=True)
class Share:
    scope: str  # ISO3, or "all" for the full snapshot
    build_id: str
    files: dict[str, Path]  # download name → file
    manifest: dict[str, Any]


def shares_root(settings: Settings) -> Path:
    return settings.shares


def share_for(settings: Settings, user: User, state: str | None = None) -> Share | None:
    """The share ``user`` may download: its state's, or for the secretariat the full snapshot
    (or, when it names one, a state's share). None when there is none (or none for this user)."""
    snapshot = current_snapshot(settings)
    if snapshot is None:
        return None
    if user.is_secretariat and state is None:
        folder = settings.current_dir.resolve()
        files = {p.name: p for p in sorted(folder.glob("*.parquet"))}
        files["snapshot.duckdb"] = settings.current_db.resolve()
        files["snapshot.json"] = folder / "snapshot.json"
        return Share("all", snapshot["build_id"], files, snapshot)
    scope = state if user.is_secretariat else user.state
    if scope is None or (state is not None and state != scope):
        return None
    folder = shares_root(settings) / scope
    manifest_path = folder / "share.json"
    if not manifest_path.is_file():
        return None
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    files = {p.name: p for p in sorted(folder.iterdir()) if p.is_file()}
    return Share(scope, manifest.get("build_id", snapshot["build_id"]), files, manifest)


def zip_share(share: Share) -> Path:
    """The share's files in one zip (stored: Parquet and DuckDB are compressed already), in a
    temporary file the caller removes."""
    fd, name = tempfile.mkstemp(prefix="vrs-share-", suffix=".zip")
    os.close(fd)
    with zipfile.ZipFile(name, "w", zipfile.ZIP_STORED) as zf:
        for arcname, path in share.files.items():
            zf.write(path, arcname)
    return Path(name)
