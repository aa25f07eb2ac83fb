"""Answers made outside the routes carry the same security headers as every other answer: the
body limit's 413 (with a line in the audit trail naming who sent it, from where and how large
it said it was) and a 500."""

from __future__ import annotations

import json
import socket

from conftest import Portal

from portal import accounts, audit
from portal.app import MULTIPART_OVERHEAD, SECURITY_HEADERS


def raw_post(portal: Portal, path: str, length: int, headers: dict[str, str]) -> bytes:
    """Send only the head of a POST declaring ``length`` bytes; the whole answer."""
    host, port = portal.url.removeprefix("http://").split(":")
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    with socket.create_connection((host, int(port)), timeout=60) as raw:
        raw.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\n{head}"
            f"Content-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {length}\r\n\r\n".encode()
        )
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    return answer


def head_of(answer: bytes) -> tuple[int, dict[str, str]]:
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    fields = dict(line.split(": ", 1) for line in head[1:])
    return int(head[0].split()[1]), {name.lower(): value for name, value in fields.items()}


def last_too_large(portal: Portal) -> audit.Event:
    # filed under `request`, whatever the path: not every oversized request is an upload
    events = [e for e in audit.events(portal.settings, limit=50, action="request")]
    assert events and events[-1].outcome == "too_large", events[-3:]
    return events[-1]


def expected_headers(portal: Portal) -> dict[str, str]:
    """The security headers as an ordinary answer (/health) carries them, lower-case names."""
    with portal.api(None) as client:
        ordinary = client.get("/health").headers
    assert "content-security-policy" in ordinary
    expected = {name.lower(): ordinary[name] for name in SECURITY_HEADERS}
    assert expected == {name.lower(): value for name, value in SECURITY_HEADERS.items()}
    return expected


def test_413_carries_the_security_headers_and_is_audited(portal: Portal) -> None:
    package_limit = portal.settings.limits.max_package_bytes
    limit = package_limit + MULTIPART_OVERHEAD
    expected = expected_headers(portal)
    # a token this server has never verified: not verified for the 413 either (argon2 on
    # every oversized request would be a cheap way to make the server work), so no actor
    token = accounts.create_token(portal.settings, "aus-submitter", "oversized")

    # a declared length over the limit, through the API
    declared = limit + 10**6
    answer = raw_post(portal, "/api/v1/submissions", declared, {"Authorization": f"Bearer {token}"})
    status, headers = head_of(answer)
    assert status == 413
    assert {name: headers.get(name) for name in expected} == expected
    # the limit a client can act on: the package limit, not the request limit behind it
    detail = json.loads(answer.split(b"\r\n\r\n", 1)[1])["detail"]
    assert f"the package limit ({package_limit:,} bytes)" in detail
    event = last_too_large(portal)
    assert (event.actor, event.client) == (None, "127.0.0.1")
    assert event.target == "/api/v1/submissions"
    assert event.detail["declared_bytes"] == declared
    assert event.detail["limit_bytes"] == package_limit

    # once the token has been verified (any call with it), the 413 names its user
    with portal.api(None) as client:
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.json()["username"] == "aus-submitter"
    raw_post(portal, "/api/v1/submissions", declared, {"Authorization": f"Bearer {token}"})
    event = last_too_large(portal)
    assert (event.actor, event.actor_state, event.client) == ("aus-submitter", "AUS", "127.0.0.1")

    # a chunked stream, with no length to trust, counted until it passes the limit
    def body():
        yield b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.zip"\r\n\r\n'
        for _ in range(limit // 2**20 + 2):
            yield b"\0" * 2**20
        yield b"\r\n--x--\r\n"

    with portal.api("mys-submitter") as client:
        assert client.get("/api/v1/me").status_code == 200  # the token verified once
        streamed = client.post(
            "/api/v1/submissions",
            content=body(),
            headers={"Content-Type": "multipart/form-data; boundary=x"},
        )
    assert streamed.status_code == 413
    assert {name: streamed.headers.get(name) for name in expected} == expected
    event = last_too_large(portal)
    assert (event.actor, event.client) == ("mys-submitter", "127.0.0.1")
    assert event.detail["declared_bytes"] is None
    assert event.detail["received_bytes"] > limit

    # the upload form of a logged-in page session: a page in the reader's language
    with portal.browser("aus-submitter") as page:
        cookie = f"vrs_session={page.cookies['vrs_session']}"
    answer = raw_post(portal, "/upload", declared, {"Cookie": cookie, "Accept-Language": "fr"})
    status, headers = head_of(answer)
    assert status == 413 and headers["content-type"].startswith("text/html")
    assert {name: headers.get(name) for name in expected} == expected
    megabytes = portal.settings.limits.max_package_bytes // 2**20
    assert f"Refusé : le fichier dépasse {megabytes} Mo." in answer.decode()
    event = last_too_large(portal)
    assert (event.actor, event.target) == ("aus-submitter", "/upload")

    # nobody logged in: refused and recorded all the same, with the client's address
    status, headers = head_of(raw_post(portal, "/login", declared, {}))
    assert status == 413
    assert {name: headers.get(name) for name in expected} == expected
    event = last_too_large(portal)
    assert (event.actor, event.client, event.target) == (None, "127.0.0.1", "/login")


def test_a_500_carries_the_security_headers(portal: Portal) -> None:
    """Starlette answers an unhandled exception from a layer outside every middleware added
    with add_middleware; the headers are set outside that one too. The failure is a real one:
    a `current` snapshot whose manifest is cut short."""
    expected = expected_headers(portal)
    settings = portal.settings
    build = settings.snapshots / "cut-short"
    build.mkdir(parents=True)
    (build / "snapshot.json").write_text('{"build_id": "cut-', encoding="utf-8")
    settings.current_dir.symlink_to(build)
    try:
        with portal.api("aus-analyst") as api, portal.browser("aus-analyst") as page:
            for client, path in ((api, "/api/v1/share"), (page, "/share")):
                r = client.get(path)
                assert r.status_code == 500, (path, r.status_code)
                assert {name: r.headers.get(name) for name in expected} == expected, path
    finally:
        settings.current_dir.unlink()
