"""Who may do what: per-state accounts with a role, API tokens, and browser sessions.

Passwords and token secrets are stored as argon2id hashes only. A token reads
``vrs_<token id>_<secret>``: the id finds the row, the secret is checked against its hash.
Session cookies are 256-bit random values stored as SHA-256 (they are not guessable, so a slow
hash adds nothing), and expire. Before there is a session, the login form carries a token
tied to a random value in a cookie (its HMAC under a server key). That pair is no secret:
anyone can open the login page and get one. What stops a login CSRF is that the cookie is
required and ``SameSite=Strict`` (a form posted from another site arrives without it), and, over
HTTPS, that its name carries the ``__Host-`` prefix (no other host, sibling subdomain or
plain-HTTP page can plant it); see portal.app.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from portal.store import connect, server_key
from warehouse.settings import Settings

MIN_PASSWORD_LENGTH = 12
SESSION_LIFETIME = timedelta(hours=8)
LOCKOUT_FAILURES = 5
LOCKOUT_WINDOW = timedelta(minutes=15)
# How long the browser keeps the login form's cookie (renewed by every login page it opens):
# a form left open longer is refused as expired.
LOGIN_FORM_LIFETIME = timedelta(hours=1)
# A login-form nonce as login_nonce() makes it; anything else in the cookie is replaced.
_NONCE = re.compile(r"[A-Za-z0-9_-]{43}")
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


class LockedOut(Exception):
    """Too many failed logins for this user name within ``LOCKOUT_WINDOW``."""


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
    """The user with this name and password, or None; raises LockedOut after
    ``LOCKOUT_FAILURES`` failures for the name within ``LOCKOUT_WINDOW``, right password or not.

    The attempt is counted before the password is checked, in the same write transaction that
    reads the count: parallel attempts, from any number of threads or processes sharing the
    database, are counted one after another, so at most ``LOCKOUT_FAILURES`` passwords are
    ever checked per window. A successful attempt is then taken off the count, so until its
    password has been checked an attempt counts as a failure: while five are in flight, a sixth
    is locked out even with the right password (the safe side)."""
    now = _now()
    with connect(settings, write_lock=True) as con:
        con.execute("delete from login_attempts where at < ?", [(now - LOCKOUT_WINDOW).isoformat()])
        (failures,) = con.execute(
            "select count(*) from login_attempts where username = ?", [username]
        ).fetchone()
        if failures >= LOCKOUT_FAILURES:
            raise LockedOut(username)
        attempt = con.execute(
            "insert into login_attempts (username, at) values (?, ?)", [username, now.isoformat()]
        ).lastrowid
        row = con.execute(
            "select * from users where username = ? and disabled = 0", [username]
        ).fetchone()
    try:
        _hasher.verify(row["password_hash"] if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    with connect(settings) as con:
        con.execute("delete from login_attempts where attempt_id = ?", [attempt])
    return _user(row)


def login_nonce(current: str | None) -> str:
    """The login form's cookie value: the browser's own when it holds one of ours (several
    open login pages keep working), else a new random one."""
    return current if current and _NONCE.fullmatch(current) else secrets.token_urlsafe(32)


def login_form_token(settings: Settings, nonce: str) -> str:
    """The login form's CSRF token for the cookie value ``nonce``: its HMAC under the server's
    key. It only ties the form to the cookie (a made-up cookie value has no token, a token is
    no good with another cookie); anyone may fetch a matching pair from the login page, so the
    protection is the cookie's: see portal.app's login_cookie."""
    key = server_key(settings, "login_csrf")
    return hmac.new(key, f"login:{nonce}".encode(), hashlib.sha256).hexdigest()


def login_form_token_valid(settings: Settings, nonce: str | None, token: str | None) -> bool:
    if not nonce or not token:
        return False
    # as bytes: compare_digest refuses str with non-ASCII characters, which a client may send
    return hmac.compare_digest(login_form_token(settings, nonce).encode(), token.encode())


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


def user_for_token(settings: Settings, token: str, *, remembered_only: bool = False) -> User | None:
    """The active user ``token`` belongs to, or None. With ``remembered_only`` only a token this
    process has verified before counts (no argon2): to name who sent something, never to let
    anyone in."""
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
    if remembered_only:
        return None
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
