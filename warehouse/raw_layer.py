"""The raw layer in DuckDB: the registry of every received package, its issues, and every
accepted table's values exactly as submitted (all VARCHAR) with submission id and source row.

DuckDB lets one process at a time open the file read-write: the Airflow tasks that do (loading
packages, dbt, coverage) share the pool ``duckdb_writer`` of one slot, and :func:`connect` turns
a lock held by another process into :class:`WarehouseInUse`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

RAW = "raw"

REGISTRY_DDL = f"""
create schema if not exists {RAW};

create table if not exists {RAW}.submissions (
    submission_id varchar primary key,      -- first 16 hex digits of sha256
    sha256 varchar not null unique,
    original_name varchar not null,
    file_encoding varchar,                  -- xlsx | ods | xls | csv | json
    size_bytes bigint not null,
    received_at timestamptz not null,       -- arrival in the inbox (UTC)
    processed_at timestamptz not null,
    status varchar not null,                -- accepted | rejected
    reporting_state varchar,                -- ISO alpha-3 (null when unreadable)
    reporting_agency varchar,
    agency_key varchar,                     -- normalised agency name (versioning key)
    agency_type varchar,
    period varchar,                         -- canonical label: 2024-03, 2024-Q1, 2024-S1, 2024
    period_type varchar,                    -- M, Q, S, A
    period_start date,
    period_end date,
    action varchar,                         -- replace | delete
    version integer,                        -- 1, 2, … per state × agency × period (accepted)
    template_version varchar,
    language varchar,
    date_format varchar,
    benefit_required varchar,               -- yes | no | unknown (null: not stated)
    stay_facilitation_criminalised varchar,
    notes varchar,
    submission_raw json,                    -- the submission record as submitted
    error_count integer not null,
    warning_count integer not null,
    archive_path varchar not null,
    report_path varchar,
    quarantine_path varchar
);

create table if not exists {RAW}.submission_tables (
    submission_id varchar not null,
    table_name varchar not null,
    origin varchar not null,                -- sheet / file / JSON key as submitted
    row_count bigint not null,
    csv_encoding varchar,
    csv_delimiter varchar,
    decimal_comma boolean not null,
    primary key (submission_id, table_name)
);

create table if not exists {RAW}.issues (
    submission_id varchar not null,
    seq integer not null,
    severity varchar not null,
    rule varchar not null,
    table_name varchar,
    source_row bigint,
    column_name varchar,
    value varchar,
    message varchar not null,               -- English; reports carry the state's language
    hint varchar not null,
    primary key (submission_id, seq)
);

-- Earlier verdicts on packages a data engineer sent through again (vrs reprocess), kept:
-- a re-run never erases what the state was told.
create table if not exists {RAW}.submissions_reprocessed as
    select *, null::timestamptz as reprocessed_at from {RAW}.submissions where false;
create table if not exists {RAW}.issues_reprocessed as
    select *, null::timestamptz as reprocessed_at from {RAW}.issues where false;

-- Current version of every state × agency × period: its latest accepted package, unless
-- that package withdraws the report (spec §4).
create or replace view {RAW}.current_submissions as
select * exclude (recency)
from (
    select
        *,
        row_number() over (
            partition by reporting_state, agency_key, period order by version desc
        ) as recency
    from {RAW}.submissions
    where status = 'accepted'
)
where recency = 1 and action = 'replace';
"""


def table_ddl(table: str) -> str:
    # imported here: opening the warehouse (connect) must not wait for pandera's import
    from contracts.tables import columns

    cols = ",\n    ".join(f'"{c}" varchar' for c in columns(table))
    return (
        f"create table if not exists {RAW}.{table} (\n"
        f"    submission_id varchar not null,\n"
        f"    source_row bigint not null,\n"
        f"    {cols},\n"
        f"    _extra json\n"
        f");"
    )


# DuckDB names the process that holds a file's lock: "... Conflicting lock is held in
# /usr/bin/python3.11 (PID 1234) ..." (one writing process per file, or many readers).
LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


class WarehouseInUse(RuntimeError):
    """Another process holds the lock of the warehouse file. The message is one line for the
    person at the terminal: the file, the process that holds it, what to do."""

    def __init__(self, path: Path, pid: int, program: str) -> None:
        self.path, self.pid = path, pid
        holder = f"pid {pid}: {process_command(pid) or Path(program).name}"
        super().__init__(
            f"the warehouse {path} is in use by another process ({holder}); "
            "wait for it to finish or stop it"
        )


def process_command(pid: int) -> str | None:
    """What a process runs, short: ``vrs refresh``, ``dbt build``, ``warehouse.cli status``
    (the program or module and its leading words, without the interpreter, options or paths);
    None when the process is gone or /proc cannot tell."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    words = [w.decode(errors="replace") for w in raw.split(b"\0") if w]
    if len(words) > 1 and Path(words[0]).name.startswith("python"):
        if words[1] == "-c":  # a program on the command line: its text says nothing short
            return f"{Path(words[0]).name} -c"
        # the interpreter: name the script or module it runs
        words = words[2:] if words[1] == "-m" else words[1:]
    if not words:
        return None
    leading = [Path(words[0]).name]
    for word in words[1:3]:
        if word.startswith("-"):
            break
        leading.append(word)
    return " ".join(leading)


@contextmanager
def lock_conflicts(path: Path) -> Iterator[None]:
    """Turn DuckDB's lock conflict on ``path`` (an open or an ATTACH) into WarehouseInUse."""
    try:
        yield
    except duckdb.IOException as error:
        holder = LOCK_HOLDER.search(str(error))
        if holder is None:
            raise
        raise WarehouseInUse(path, int(holder["pid"]), holder["program"]) from None


def connect(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; WarehouseInUse when another process holds its lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with lock_conflicts(path):
        return duckdb.connect(str(path), read_only=read_only)


def ensure_free(path: Path) -> None:
    """WarehouseInUse unless this process can open the warehouse read-write now: checked
    before a run starts, so that a held lock is one line, not a failed task in a log."""
    if path.exists():
        connect(path).close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(REGISTRY_DDL)
    from contracts.tables import DATA_TABLES

    for table in DATA_TABLES:
        con.execute(table_ddl(table))
