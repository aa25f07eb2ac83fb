"""The portal's own database: accounts, API tokens, sessions, uploads and the audit trail.

SQLite, not DuckDB: the portal is a long-running server beside the pipeline, and DuckDB allows
one writing process per file; SQLite in WAL mode lets `vrs users …` and the server write side by
side. The warehouse is never opened here (a build may be writing it): what the portal shows of
the pipeline comes from files the pipeline publishes (reports, snapshot manifest, shares).
"""

from __future__ import annotations

import secrets
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
    action text not null,            -- login, logout, upload, request, download, api_auth, ...
    outcome text not null,           -- ok | denied | locked | rejected | too_large | error
    target text,
    client text,
    detail text                      -- JSON
);
-- The audit trail is append-only: the database itself refuses to change or delete a line.
create trigger if not exists audit_no_update before update on audit
begin select raise(abort, 'the audit trail is append-only'); end;
create trigger if not exists audit_no_delete before delete on audit
begin select raise(abort, 'the audit trail is append-only'); end;
-- Login attempts let through to a password check within the lockout window and not (or not
-- yet) successful: the lockout counts these rows, in the same transaction that adds one.
create table if not exists login_attempts (
    attempt_id integer primary key autoincrement,
    username text not null,
    at text not null
);
create index if not exists login_attempts_by_user on login_attempts (username, at);
-- The server's own secrets (the key that signs login-form CSRF tokens): in the database, so
-- every worker process of `vrs serve` signs and checks with the same key.
create table if not exists server_keys (
    name text primary key,
    value text not null
);
"""
KEYS = ("login_csrf",)


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
        for name in KEYS:  # made once; every later start keeps the first one
            con.execute(
                "insert or ignore into server_keys (name, value) values (?, ?)",
                [name, secrets.token_hex(32)],
            )
        con.commit()
    finally:
        con.close()
    path.chmod(0o600)
    return path


@contextmanager
def connect(settings: Settings, *, write_lock: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection in autocommit-per-block style: commits on success, rolls back on error.

    ``write_lock``: the block is one transaction that holds the database's write lock from its
    first statement (BEGIN IMMEDIATE), so what it reads cannot change before it commits — not
    from another thread, nor from another process on the same file (a check-then-write that
    must be atomic, like the login lockout)."""
    path = database_path(settings)
    if not path.exists():
        initialise(settings)
    con = sqlite3.connect(path, timeout=30, isolation_level=None if write_lock else "")
    con.row_factory = sqlite3.Row
    con.execute("pragma foreign_keys = on")
    con.execute("pragma busy_timeout = 30000")
    if write_lock:
        con.execute("begin immediate")
    try:
        yield con
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.close()


def server_key(settings: Settings, name: str) -> bytes:
    """One of the server's secret keys (see ``KEYS``)."""
    with connect(settings) as con:
        (value,) = con.execute("select value from server_keys where name = ?", [name]).fetchone()
    return bytes.fromhex(value)
