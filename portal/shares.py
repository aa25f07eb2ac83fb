"""Which data share a user gets, and its files.

A state's users get their state's reciprocity share, built at publication
(``published/shares/<ISO3>/``, see warehouse.shares); the secretariat gets the full published
snapshot, and may look at any state's share. Files are offered by name from a listing of the
share's folder, never by joining a requested name onto a path; a state a client names is
checked by ``known_state`` (the ISO3 code of a known state) before its folder is looked at.
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from portal.accounts import User
from warehouse.publish import current_snapshot
from warehouse.settings import SEEDS_DIR, SNAPSHOT_DATABASE, Settings

STATE_PATTERN = "^[A-Z]{3}$"
COUNTRIES_SEED = SEEDS_DIR / "reference" / "countries.csv"


@cache
def known_states() -> frozenset[str]:
    """The ISO 3166-1 alpha-3 codes of the countries seed, without its special members
    (stateless, unknown): the states a share can belong to."""
    with COUNTRIES_SEED.open(encoding="utf-8", newline="") as fh:
        return frozenset(r["iso3"] for r in csv.DictReader(fh) if r["is_special"] != "true")


def known_state(code: str) -> str:
    """``code`` when it is the ISO3 code of a known state, else ValueError: every ``state`` a
    client sends goes through this before it is used (it becomes a folder name)."""
    if not re.fullmatch(STATE_PATTERN, code) or code not in known_states():
        raise ValueError("not the ISO 3166 alpha-3 code of a known state")
    return code


@dataclass(frozen=True)
class Share:
    scope: str  # ISO3, or "all" for the full snapshot
    build_id: str
    files: dict[str, Path]  # download name → file
    manifest: dict[str, Any]


def share_for(settings: Settings, user: User, state: str | None = None) -> Share | None:
    """The share ``user`` may download: its state's, or for the secretariat the full snapshot
    (or, when it names one, a state's share). None when there is none (or none for this user)."""
    snapshot = current_snapshot(settings)
    if snapshot is None:
        return None
    # The build's own folder, named by its manifest (snapshots are immutable): every file
    # offered is of that one build, even if a publication switches `current` meanwhile.
    current = settings.snapshots / snapshot["build_id"]
    if user.is_secretariat and state is None:
        files = {p.name: p for p in sorted(current.glob("*.parquet"))}
        files["snapshot.duckdb"] = current / SNAPSHOT_DATABASE
        files["snapshot.json"] = current / "snapshot.json"
        return Share("all", snapshot["build_id"], files, snapshot)
    scope = state if user.is_secretariat else user.state
    if scope is None or (state is not None and state != scope) or scope not in known_states():
        return None
    folder = current / "shares" / scope
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
