"""One settings object for every path and limit; everything hangs off ``VRS_HOME``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
# A published build's DuckDB file, inside its snapshot folder (warehouse/publish.py). DuckDB
# names a database after its file, even opened through a symlink: never "marts", "meta", "build".
SNAPSHOT_DATABASE = "snapshot.duckdb"


@dataclass(frozen=True)
class Limits:
    """Package limits of spec §1 (configurable through the environment)."""

    max_package_bytes: int = 50 * 1024 * 1024
    max_rows_per_table: int = 1_000_000
    max_zip_ratio: float = 20.0
    max_unzipped_bytes: int = 500 * 1024 * 1024
    # An XLSX file is a zip of XML that routinely compresses better than 20x, so the
    # ratio limit for workbooks is looser; the absolute limit is the same.
    max_xlsx_ratio: float = 200.0
    max_text_chars: int = 2000

    @classmethod
    def from_env(cls) -> Limits:
        def _int(name: str, default: int) -> int:
            return int(os.environ.get(name, default))

        d = cls()
        return cls(
            max_package_bytes=_int("VRS_MAX_PACKAGE_BYTES", d.max_package_bytes),
            max_rows_per_table=_int("VRS_MAX_ROWS_PER_TABLE", d.max_rows_per_table),
            max_zip_ratio=float(os.environ.get("VRS_MAX_ZIP_RATIO", d.max_zip_ratio)),
            max_unzipped_bytes=_int("VRS_MAX_UNZIPPED_BYTES", d.max_unzipped_bytes),
            max_xlsx_ratio=float(os.environ.get("VRS_MAX_XLSX_RATIO", d.max_xlsx_ratio)),
            max_text_chars=_int("VRS_MAX_TEXT_CHARS", d.max_text_chars),
        )


@dataclass(frozen=True)
class Settings:
    """Where vrs keeps things. Build with :meth:`from_env`; pass it down, never read globals."""

    home: Path
    limits: Limits = field(default_factory=Limits)
    dbt_project_dir: Path = DBT_PROJECT_DIR
    # DuckDB runs one query on all cores already; measure before raising (docs/benchmarks.md).
    dbt_threads: int = 1
    keep_snapshots: int = 5
    # Reciprocity shares (warehouse/shares.py): counts 1..k-1 of other states are withheld;
    # others' years are granted within this many years of the state's own reports.
    share_min_count: int = 3
    share_window_years: int = 0
    participants: Path = REPO_ROOT / "config" / "participants.yml"
    # dbt's documentation site, one page per version of the project (see build.dbt_docs)
    docs_cache: Path | None = None

    @classmethod
    def from_env(cls, home: str | os.PathLike[str] | None = None) -> Settings:
        raw = home or os.environ.get("VRS_HOME") or REPO_ROOT / "var"
        return cls(
            home=Path(raw).resolve(),
            limits=Limits.from_env(),
            dbt_project_dir=Path(os.environ.get("VRS_DBT_PROJECT_DIR", DBT_PROJECT_DIR)).resolve(),
            dbt_threads=int(os.environ.get("VRS_DBT_THREADS", 1)),
            keep_snapshots=int(os.environ.get("VRS_KEEP_SNAPSHOTS", 5)),
            share_min_count=int(os.environ.get("VRS_SHARE_MIN_COUNT", 3)),
            share_window_years=int(os.environ.get("VRS_SHARE_WINDOW_YEARS", 0)),
            participants=Path(
                os.environ.get("VRS_PARTICIPANTS", REPO_ROOT / "config" / "participants.yml")
            ).resolve(),
            docs_cache=Path(os.environ["VRS_DOCS_CACHE"])
            if "VRS_DOCS_CACHE" in os.environ
            else None,
        )

    @property
    def inbox(self) -> Path:
        return self.home / "inbox"

    @property
    def archive(self) -> Path:
        return self.home / "archive"

    @property
    def quarantine(self) -> Path:
        return self.home / "quarantine"

    @property
    def reports(self) -> Path:
        return self.home / "reports"

    @property
    def warehouse_dir(self) -> Path:
        return self.home / "warehouse"

    @property
    def warehouse_db(self) -> Path:
        """The private read-write DuckDB file: raw layer, and later the dbt build."""
        return self.warehouse_dir / "vrs.duckdb"

    @property
    def dbt_target(self) -> Path:
        """dbt's compiled files and logs: under VRS_HOME, never in the repository."""
        return self.home / "dbt"

    @property
    def docs_dir(self) -> Path:
        return self.docs_cache or self.home / "docs"

    @property
    def airflow_home(self) -> Path:
        """Airflow's own files: its SQLite metadata database, logs, generated passwords."""
        return self.home / "airflow"

    @property
    def published(self) -> Path:
        return self.home / "published"

    @property
    def snapshots(self) -> Path:
        """One folder per published build, holding all of it: ``snapshot.duckdb``, the Parquet
        files, ``shares/``, ``docs/``, ``quality/`` and ``snapshot.json``."""
        return self.published / "snapshots"

    @property
    def current_db(self) -> Path:
        """What analysts open: a fixed symlink through ``current`` (``current/snapshot.duckdb``)."""
        return self.published / "current.duckdb"

    @property
    def current_dir(self) -> Path:
        """The symlink to the current snapshot's folder: the one link a publication switches."""
        return self.published / "current"

    @property
    def shares(self) -> Path:
        """Each state's reciprocity share of the current snapshot: a fixed symlink through
        ``current`` (``current/shares``)."""
        return self.published / "shares"

    def ensure_dirs(self) -> None:
        for p in (self.inbox, self.archive, self.quarantine, self.reports, self.warehouse_dir):
            p.mkdir(parents=True, exist_ok=True)
