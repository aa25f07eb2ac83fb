"""The portal's own database: accounts, API tokens, sessions, uploads and the audit trail.

SQLite, not DuckDB: the portal is a long-running server beside the pipeline, and DuckDB allows
one writing process per file; SQLite in WAL mode lets `vrs users …` and the server write side by
side. The warehouse is never opened here (a build may be writing it): what the portal shows of
the pipeline comes from files the pipeline publishes (reports, snapshot manifest, shares).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse.settings import Settings

SCHEMA = """
create table if not exists users (
    username text primary key,
    role text not null check (role in ('submitter', 'analyst', 'secretariat')),
    state text,                      -- ISO3; NULL for the secretariat (all states)
    password_hash text not null,     -- argon2id
    created_at text not null,
    disabled integer not null default 0,
    check ((role = 'secretariat') = (state is null))
);
create table if not exists tokens (
    token_id text primary key,       -- public half of the token, to find the row
    username text not null references users(username),
    secret_hash text not null,       -- argon2id of the secret half
    label text,
    created_at text not null,
    revoked integer not null default 0
);
create table if not exists sessions (
    session_hash text primary key,   -- sha256 of the cookie's random value
    username text not null references users(username),
    csrf text not null,
    created_at text not null,
    expires_at text not null
);
create table if not exists uploads (
    upload_id text primary key,
    username text not null,
    user_state text,
    submission_id text not null,     -- sha256[:16], the pipeline's id for the same bytes
    sha256 text not null,
    size integer not null,
    file_name text not null,         -- cleaned, for display only: never used as a path
    received_at text not null,
    verdict text not null check (verdict in ('received', 'validated', 'rejected', 'refused')),
    reporting_state text,
    reporting_agency text,
    period text,
    action text,
    errors integer,
    warnings integer,
    language text
);
create index if not exists uploads_by_state on uploads (reporting_state, received_at);
create table if not exists audit (
    seq integer primary key autoincrement,
    at text not null,
    actor text,                      -- username, or NULL when nobody is authenticated
    actor_state text,
    action text not null,            -- login, login_failed, logout, upload, download, refused, ...
    outcome text not null,           -- ok | denied | rejected | error
    target text,
    client text,
    detail text                      -- JSON
);
-- The audit trail is append-only: the database itself refuses to change or delete a line.
create trigger if not exists audit_no_update before update on audit
begin select raise(abort, 'the audit trail is append-only'); end;
create trigger if not exists audit_no_delete before delete on audit
begin select raise(abort, 'the audit trail is append-only'); end;
"""


def portal_dir(settings: Settings) -> Path:
    return settings.home / "portal"


def database_path(settings: Settings) -> Path:
    return portal_dir(settings) / "portal.sqlite"


def initialise(settings: Settings) -> Path:
    """Create the database (idempotent) and return its path."""
    path = database_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.parent.chmod(0o700)
    con = sqlite3.connect(path)
    try:
        con.execute("pragma journal_mode = wal")
        con.executescript(SCHEMA)
        con.commit()
    finally:
        con.close()
    path.chmod(0o600)
    return path


@contextmanager
def connect(settings: Settings) -> Iterator[sqlite3.Connection]:
    """A connection in autocommit-per-block style: commits on success, rolls back on error."""
    path = database_path(settings)
    if not path.exists():
        initialise(settings)
    con = sqlite3.connect(path, timeout=30)
    con.row_factory = sqlite3.Row
    con.execute("pragma foreign_keys = on")
    con.execute("pragma busy_timeout = 30000")
    try:
        yield con
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.close()
