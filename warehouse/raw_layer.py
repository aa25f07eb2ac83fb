"""The raw layer in DuckDB: the registry of every received package, its issues, and every
accepted table's values exactly as submitted (all VARCHAR) with submission id and source row.

One writer: only :mod:`warehouse.refresh` opens the warehouse read-write.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from contracts.tables import DATA_TABLES, columns

RAW = "raw"

REGISTRY_DDL = f"""
create schema if not exists {RAW};

create table if not exists {RAW}.submissions (
    submission_id varchar primary key,      -- first 16 hex digits of sha256
    sha256 varchar not null unique,
    original_name varchar not null,
    file_encoding varchar,                  -- xlsx | csv | json
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
    cols = ",\n    ".join(f'"{c}" varchar' for c in columns(table))
    return (
        f"create table if not exists {RAW}.{table} (\n"
        f"    submission_id varchar not null,\n"
        f"    source_row bigint not null,\n"
        f"    {cols},\n"
        f"    _extra json\n"
        f");"
    )


def connect(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), read_only=read_only)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(REGISTRY_DDL)
    for table in DATA_TABLES:
        con.execute(table_ddl(table))
