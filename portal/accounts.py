"""Who may do what: per-state accounts with a role, API tokens, and browser sessions.

Passwords and token secrets are stored as argon2id hashes only. A token reads
``vrs_<token id>_<secret>``: the id finds the row, the secret is checked against its hash.
Session cookies are 256-bit random values stored as SHA-256 (they are not guessable, so a slow
hash adds nothing), and expire.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from portal.store import connect
from warehouse.settings import Settings

MIN_PASSWORD_LENGTH = 12
SESSION_LIFETIME = timedelta(hours=8)
TOKEN_PREFIX = "vrs"
_hasher = PasswordHasher()
# Verified against when the user does not exist, so a wrong user name costs the same time as
# a wrong password (no user enumeration by timing).
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
_verified: dict[bytes, str] = {}  # sha256(token) → the stored hash it verified against


class Role(StrEnum):
    submitter = "submitter"  # uploads its state's packages, sees its state's submissions
    analyst = "analyst"  # sees its state's submissions and downloads its state's data share
    secretariat = "secretariat"  # every state; its data share is the full published snapshot


@dataclass(frozen=True)
class User:
    username: str
    role: Role
    state: str | None  # ISO3; None for the secretariat

    @property
    def is_secretariat(self) -> bool:
        return self.role is Role.secretariat

    def may_see_state(self, state: str | None) -> bool:
        return self.is_secretariat or (state is not None and state == self.state)

    @property
    def may_upload(self) -> bool:
        return self.role is Role.submitter


@dataclass(frozen=True)
class Session:
    user: User
    csrf: str


class AccountError(ValueError):
    """A user or token could not be created as asked."""


def _now() -> datetime:
    return datetime.now(UTC)


def _user(row) -> User:
    return User(row["username"], Role(row["role"]), row["state"])


def add_user(
    settings: Settings, username: str, role: Role, state: str | None, password: str
) -> User:
    if not username or not username.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise AccountError("a user name is letters, digits, '.', '-' and '_' only")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password has at least {MIN_PASSWORD_LENGTH} characters")
    if (role is Role.secretariat) != (state is None):
        raise AccountError("the secretariat has no state; every other role has exactly one")
    with connect(settings) as con:
        if con.execute("select 1 from users where username = ?", [username]).fetchone():
            raise AccountError(f"user {username!r} exists already")
        con.execute(
            "insert into users (username, role, state, password_hash, created_at) "
            "values (?, ?, ?, ?, ?)",
            [username, role.value, state, _hasher.hash(password), _now().isoformat()],
        )
    return User(username, role, state)


def list_users(settings: Settings) -> list[tuple[User, bool]]:
    with connect(settings) as con:
        rows = con.execute("select * from users order by username").fetchall()
    return [(_user(r), bool(r["disabled"])) for r in rows]


def set_disabled(settings: Settings, username: str, disabled: bool = True) -> None:
    with connect(settings) as con:
        changed = con.execute(
            "update users set disabled = ? where username = ?", [int(disabled), username]
        ).rowcount
        if disabled:
            con.execute("delete from sessions where username = ?", [username])
            con.execute("update tokens set revoked = 1 where username = ?", [username])
    if not changed:
        raise AccountError(f"no user {username!r}")


def authenticate(settings: Settings, username: str, password: str) -> User | None:
    with connect(settings) as con:
        row = con.execute(
            "select * from users where username = ? and disabled = 0", [username]
        ).fetchone()
    try:
        _hasher.verify(row["password_hash"] if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return _user(row) if row else None


def create_token(settings: Settings, username: str, label: str | None = None) -> str:
    """A new API token for ``username``; the only time its secret is visible."""
    token_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    with connect(settings) as con:
        if not con.execute(
            "select 1 from users where username = ? and disabled = 0", [username]
        ).fetchone():
            raise AccountError(f"no active user {username!r}")
        con.execute(
            "insert into tokens (token_id, username, secret_hash, label, created_at) "
            "values (?, ?, ?, ?, ?)",
            [token_id, username, _hasher.hash(secret), label, _now().isoformat()],
        )
    return f"{TOKEN_PREFIX}_{token_id}_{secret}"


def user_for_token(settings: Settings, token: str) -> User | None:
    prefix, _, rest = token.partition("_")
    token_id, _, secret = rest.partition("_")
    if prefix != TOKEN_PREFIX or not token_id or not secret:
        return None
    with connect(settings) as con:
        row = con.execute(
            "select t.secret_hash, u.* from tokens t join users u using (username) "
            "where t.token_id = ? and t.revoked = 0 and u.disabled = 0",
            [token_id],
        ).fetchone()
    # argon2 costs ~50 ms by design; a client sends its token with every call. Remember which
    # secret verified against which stored hash: the row is still read every time, so a
    # revoked token or a disabled user is refused at once.
    fingerprint = hashlib.sha256(f"{token_id}:{secret}".encode()).digest()
    if row is not None and _verified.get(fingerprint) == row["secret_hash"]:
        return _user(row)
    try:
        _hasher.verify(row["secret_hash"] if row else _DUMMY_HASH, secret)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if len(_verified) > 10_000:
        _verified.clear()
    _verified[fingerprint] = row["secret_hash"]
    return _user(row)


def _session_hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def open_session(settings: Settings, user: User) -> str:
    """A new session for ``user``; returns the cookie value."""
    value = secrets.token_urlsafe(32)
    now = _now()
    with connect(settings) as con:
        con.execute("delete from sessions where expires_at < ?", [now.isoformat()])
        con.execute(
            "insert into sessions (session_hash, username, csrf, created_at, expires_at) "
            "values (?, ?, ?, ?, ?)",
            [
                _session_hash(value),
                user.username,
                secrets.token_urlsafe(24),
                now.isoformat(),
                (now + SESSION_LIFETIME).isoformat(),
            ],
        )
    return value


def session_for(settings: Settings, value: str) -> Session | None:
    with connect(settings) as con:
        row = con.execute(
            "select s.csrf, u.* from sessions s join users u using (username) "
            "where s.session_hash = ? and s.expires_at > ? and u.disabled = 0",
            [_session_hash(value), _now().isoformat()],
        ).fetchone()
    return Session(_user(row), row["csrf"]) if row else None


def close_session(settings: Settings, value: str) -> None:
    with connect(settings) as con:
        con.execute("delete from sessions where session_hash = ?", [_session_hash(value)])
