"""The login form: a lockout that holds under parallel attempts, in one server process and
across two, a CSRF token before there is a session, and fields too long for it."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from conftest import PASSWORD, Portal, free_port, log_in, login_token

from portal import accounts, audit
from portal.accounts import LOCKOUT_FAILURES, Role
from portal.app import LOGIN_FIELDS, create_app
from warehouse.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
VRS = Path(sys.executable).with_name("vrs")
ATTEMPTS = 20


def login_outcomes(settings: Settings, username: str) -> Counter[str]:
    """How the login attempts for ``username`` ended, as the audit trail recorded them
    (a CSRF refusal apart: it never reaches a password check)."""
    return Counter(
        "csrf" if e.detail.get("reason") == "csrf" else e.outcome
        for e in audit.events(settings, limit=10_000, action="login")
        if e.actor == username
    )


def guess_in_parallel(urls: list[str], username: str) -> list[int]:
    """``ATTEMPTS`` wrong passwords for ``username``, sent at the same instant from as many
    threads (each with its own login form, taken in turn from ``urls``); their status codes."""
    statuses: list[int] = [0] * ATTEMPTS
    with ExitStack() as open_clients:
        # one transport (connection pool) for all: a client of its own would build an SSL
        # context each, a fifth of a second apiece
        transport = open_clients.enter_context(httpx.HTTPTransport())

        def client(url: str, cookies: dict[str, str] | None = None) -> httpx.Client:
            new = httpx.Client(base_url=url, cookies=cookies, transport=transport)
            return open_clients.enter_context(new)

        forms = []  # (token, cookies) of each attempt's login form
        for i in range(ATTEMPTS):
            # with two servers, each form is opened on the other one than it is sent to: the
            # token is signed with a key every server process shares
            opener = client(urls[(i + 1) % len(urls)])
            forms.append((login_token(opener), dict(opener.cookies)))
        clients = [client(urls[i % len(urls)], forms[i][1]) for i in range(ATTEMPTS)]
        start = threading.Barrier(ATTEMPTS)

        def attempt(i: int) -> None:
            start.wait()
            form = {"username": username, "password": f"guess {i}", "csrf": forms[i][0]}
            statuses[i] = clients[i].post("/login", data=form, timeout=120).status_code

        threads = [threading.Thread(target=attempt, args=(i,)) for i in range(ATTEMPTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    return statuses


def test_parallel_wrong_passwords_are_counted_one_by_one(portal: Portal) -> None:
    accounts.add_user(portal.settings, "lao-submitter", Role.submitter, "LAO", PASSWORD)
    statuses = guess_in_parallel([portal.url], "lao-submitter")
    assert sorted(statuses) == [401] * LOCKOUT_FAILURES + [429] * (ATTEMPTS - LOCKOUT_FAILURES)
    with portal.api(None) as client:
        assert log_in(client, "lao-submitter", PASSWORD).status_code == 429
        assert "vrs_session" not in client.cookies
    # only five passwords were ever checked: the others were locked out before verification
    assert login_outcomes(portal.settings, "lao-submitter") == {
        "denied": LOCKOUT_FAILURES,
        "locked": ATTEMPTS - LOCKOUT_FAILURES + 1,
    }


@pytest.fixture
def two_servers(tmp_path: Path) -> Iterator[tuple[Settings, list[str]]]:
    """Two `vrs serve` processes of this tree on one VRS_HOME (one portal.sqlite), as two
    workers behind one proxy would be."""
    home = tmp_path / "home"
    settings = Settings.from_env(home)
    accounts.add_user(settings, "npl-submitter", Role.submitter, "NPL", PASSWORD)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    servers: list[subprocess.Popen[bytes]] = []
    urls: list[str] = []
    try:
        for _ in range(2):
            port = free_port()
            servers.append(
                subprocess.Popen(
                    [str(VRS), "serve", "--port", str(port), "--home", str(home)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    env=env,
                    start_new_session=True,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 60
        for server, url in zip(servers, urls, strict=True):
            while True:
                try:
                    if httpx.get(f"{url}/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert server.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.2)
        yield settings, urls
    finally:
        for server in servers:  # all told to stop before any is waited for
            server.terminate()
        for server in servers:
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(30)


def test_the_lockout_holds_across_server_processes(
    two_servers: tuple[Settings, list[str]],
) -> None:
    settings, urls = two_servers
    statuses = guess_in_parallel(urls, "npl-submitter")
    assert sorted(statuses) == [401] * LOCKOUT_FAILURES + [429] * (ATTEMPTS - LOCKOUT_FAILURES)
    for url in urls:
        with httpx.Client(base_url=url, timeout=60) as client:
            assert log_in(client, "npl-submitter", PASSWORD).status_code == 429
    assert login_outcomes(settings, "npl-submitter") == {
        "denied": LOCKOUT_FAILURES,
        "locked": ATTEMPTS - LOCKOUT_FAILURES + 2,
    }


def test_the_login_form_needs_its_csrf_token(portal: Portal) -> None:
    accounts.add_user(portal.settings, "vnm-analyst", Role.analyst, "VNM", PASSWORD)
    right = {"username": "vnm-analyst", "password": PASSWORD}
    with portal.api(None) as client:
        page = client.get("/login")
        cookie = page.headers["set-cookie"]
        assert cookie.startswith("vrs_login=") and "HttpOnly" in cookie
        assert "samesite=strict" in cookie.lower()
        # the form expires with the cookie, as the message of a refused form says
        assert f"max-age={int(accounts.LOGIN_FORM_LIFETIME.total_seconds())}" in cookie.lower()
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        assert client.get("/login").text.count(token) == 1  # the same cookie, the same token
        jar = dict(client.cookies)
    forged = [
        ({}, None),  # a cross-site form: neither token nor cookie
        ({"csrf": token}, None),  # the token without its cookie
        ({"csrf": "0" * 64}, jar),  # the cookie with a made-up token
        ({"csrf": "é"}, jar),  # not even ASCII
    ]
    for extra, cookies in forged:
        with httpx.Client(base_url=portal.url, timeout=60, cookies=cookies) as other:
            r = other.post("/login", data={**right, **extra}, follow_redirects=False)
            assert r.status_code == 403, (extra, r.status_code)
            assert "vrs_session" not in other.cookies
            assert 'id="login-error"' in r.text and 'name="csrf"' in r.text  # try again
    # the form of one browser is not valid with another browser's cookie
    with portal.api(None) as other:
        login_token(other)
        r = other.post("/login", data={**right, "csrf": token})
        assert r.status_code == 403
    with portal.api(None) as other:  # in the reader's language
        login_token(other)
        r = other.post("/login?lang=fr", data={**right, "csrf": "x"})
        assert r.status_code == 403 and "formulaire de connexion" in r.text
    # refusals are audited, and count no failure against the user: the right form logs in
    assert login_outcomes(portal.settings, "vnm-analyst") == {"csrf": len(forged) + 2}
    with portal.api(None) as browser:
        r = log_in(browser, "vnm-analyst", PASSWORD)
        assert r.status_code == 303 and "vrs_session" in browser.cookies
        assert "vrs_login" not in browser.cookies  # its job is done
        # the session's own CSRF tokens refuse what is not theirs, non-ASCII included
        assert browser.post("/logout", data={"csrf": "é"}).status_code == 403
    assert login_outcomes(portal.settings, "vnm-analyst")["ok"] == 1


def test_overlong_login_fields_get_the_form_again(portal: Portal) -> None:
    accounts.add_user(portal.settings, "khm-analyst", Role.analyst, "KHM", PASSWORD)
    longest = LOGIN_FIELDS["username"]
    cases = [
        ({"username": "k" * (longest + 1), "password": PASSWORD}, "", "User name"),
        ({"username": "khm-analyst", "password": "p" * 1001}, "", "Password"),
        ({"username": "k" * 5000, "password": PASSWORD}, "?lang=fr", "Nom d&#39;utilisateur"),
    ]
    for form, query, field in cases:
        with portal.api(None) as client:
            csrf = login_token(client)
            r = client.post(f"/login{query}", data={**form, "csrf": csrf})
            assert r.status_code == 422, r.text
            # the login form again, saying which field and how long it may be
            assert 'name="csrf"' in r.text and 'name="password"' in r.text
            error = re.search(r'id="login-error">([^<]+)<', r.text).group(1)
            limit = LOGIN_FIELDS["password" if form["password"] != PASSWORD else "username"]
            assert error.startswith(f"{field}") and str(limit) in error, error
            assert "vrs_session" not in client.cookies
            # and the form it gives works
            token = re.search(r'name="csrf" value="([^"]+)"', r.text).group(1)
            ok = {"username": "khm-analyst", "password": PASSWORD, "csrf": token}
            assert client.post("/login", data=ok).status_code == 303
    # audited, the user name cut to the longest a user name may be; no password was checked
    refused = [
        e
        for e in audit.events(portal.settings, limit=200, action="login")
        if e.detail.get("reason") == "invalid"
    ]
    assert [(e.actor, e.detail["field"]) for e in refused] == [
        ("k" * longest, "username"),
        ("khm-analyst", "password"),
        ("k" * longest, "username"),
    ]
    assert login_outcomes(portal.settings, "khm-analyst") == {"ok": 3, "denied": 1}


async def _https_login(settings: Settings) -> None:
    app = create_app(settings)
    right = {"username": "phl-analyst", "password": PASSWORD}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://portal.example") as tls:
        page = await tls.get("/login")
        cookie = page.headers["set-cookie"]
        # the __Host- prefix: Secure, for path /, no Domain, or a browser refuses the cookie
        assert cookie.startswith("__Host-vrs_login="), cookie
        pairs = (part.partition("=") for part in cookie.split(";")[1:])
        attributes = {name.strip().lower(): value for name, _, value in pairs}
        assert {"secure", "httponly", "samesite", "max-age"} <= set(attributes)
        assert attributes["path"] == "/" and "domain" not in attributes
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        r = await tls.post("/login", data={**right, "csrf": token})
        assert r.status_code == 303 and "vrs_session" in tls.cookies
        assert "__Host-vrs_login" not in tls.cookies  # removed: set again with Secure
    # a pair fetched over plain HTTP, its cookie planted without the prefix (what a page of a
    # sibling subdomain or a plain-HTTP page could do): not read over HTTPS
    async with httpx.AsyncClient(transport=transport, base_url="http://portal.example") as plain:
        page = await plain.get("/login")
        assert page.headers["set-cookie"].startswith("vrs_login=")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        planted = {"vrs_login": plain.cookies["vrs_login"]}
    async with httpx.AsyncClient(
        transport=transport, base_url="https://portal.example", cookies=planted
    ) as tls:
        r = await tls.post("/login", data={**right, "csrf": token})
        assert r.status_code == 403 and "vrs_session" not in tls.cookies


def test_over_https_the_login_cookie_is_host_only(tmp_path: Path) -> None:
    settings = Settings.from_env(tmp_path / "home")
    accounts.add_user(settings, "phl-analyst", Role.analyst, "PHL", PASSWORD)
    asyncio.run(_https_login(settings))
    assert login_outcomes(settings, "phl-analyst") == {"ok": 1, "csrf": 1}
