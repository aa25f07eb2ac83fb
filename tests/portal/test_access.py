"""Authentication, authorisation and the audit trail, against a real portal over HTTP."""

from __future__ import annotations

import io
import re
import socket
import sqlite3
import zipfile
from pathlib import Path

import pytest
from conftest import DEMO, PASSWORD, Portal, log_in
from fastapi.routing import APIRoute
from starlette.routing import Mount

from portal import accounts, audit
from portal.accounts import Role
from portal.app import create_app
from portal.store import database_path

PUBLIC = {
    ("GET", "/health"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("GET", "/api/v1/openapi.json"),
}
MYS_PACKAGE = DEMO / "0001_MYS_JIM_2020-01.xlsx"
AUS_PACKAGE = DEMO / "0013_AUS_ABF_2020-Q1.xlsx"


def upload(portal: Portal, user: str, path: Path, name: str | None = None):
    with portal.api(user) as client:
        return client.post(
            "/api/v1/submissions", files={"file": (name or path.name, path.read_bytes())}
        )


def routes(portal: Portal) -> list[tuple[str, str]]:
    """Every (method, path) the application serves, path parameters filled in."""
    found = []
    for route in create_app(portal.settings).routes:
        if isinstance(route, Mount):
            found.append(("GET", f"{route.path}/portal.css"))
            continue
        for method in sorted(getattr(route, "methods", None) or []):
            if method == "HEAD":
                continue
            found.append((method, re.sub(r"\{[^}]+\}", "x", route.path)))
    return found


def test_every_non_public_route_requires_authentication(portal: Portal) -> None:
    found = routes(portal)
    assert len(found) >= 25, found  # the enumeration really sees the application
    api_routes = [r for r in create_app(portal.settings).routes if isinstance(r, APIRoute)]
    assert any(r.path.startswith("/api/v1/") for r in api_routes)
    checked = 0
    with portal.api(None) as client:
        for method, path in found:
            if (method, path) in PUBLIC or path.startswith("/static/"):
                continue
            for headers in ({}, {"Authorization": "Bearer vrs_0000_forged"}):
                r = client.request(method, path, headers=headers, follow_redirects=False)
                if path.startswith("/api/"):
                    assert r.status_code == 401, (method, path, r.status_code)
                else:
                    assert r.status_code == 303, (method, path, r.status_code)
                    assert r.headers["location"] == "/login"
            checked += 1
    with portal.api(None) as client:  # a forged session cookie is no session either
        client.cookies.set("vrs_session", "forged")
        for method, path in found:
            if (method, path) not in PUBLIC and not path.startswith(("/static/", "/api/")):
                r = client.request(method, path, follow_redirects=False)
                assert r.status_code == 303, (method, path)
    assert checked >= 20
    # and the public ones really are public
    with portal.api(None) as client:
        assert client.get("/health").status_code == 200
        assert client.get("/api/v1/openapi.json").json()["openapi"].startswith("3.")
        assert client.get("/static/portal.css").status_code == 200


def test_state_a_cannot_read_state_b(portal: Portal) -> None:
    r = upload(portal, "mys-submitter", MYS_PACKAGE)
    assert r.status_code == 201, r.text
    mys_upload = r.json()["upload_id"]
    paths = [
        f"/api/v1/submissions/{mys_upload}",
        f"/api/v1/submissions/{mys_upload}/report",
        f"/api/v1/submissions/{mys_upload}/report.xlsx",
    ]
    for user in ("aus-submitter", "aus-analyst"):
        with portal.api(user) as client:
            listed = {s["upload_id"] for s in client.get("/api/v1/submissions").json()}
            assert mys_upload not in listed
            for path in paths:
                assert client.get(path).status_code == 404, (user, path)
            # the secretariat's filter is not the state's
            others = client.get("/api/v1/submissions", params={"state": "MYS"}).json()
            assert mys_upload not in {s["upload_id"] for s in others}
        with portal.browser(user) as page:
            for path in (f"/submissions/{mys_upload}", f"/submissions/{mys_upload}/report.json"):
                assert page.get(path).status_code == 404
            assert mys_upload not in page.get("/submissions").text
    for user in ("mys-submitter", "secretariat"):
        with portal.api(user) as client:
            for path in paths:
                assert client.get(path).status_code == 200, (user, path)
    refusals = [
        e
        for e in audit.events(portal.settings, limit=500, action="read_submission")
        if e.target == mys_upload
    ]
    assert {e.actor for e in refusals} == {"aus-submitter", "aus-analyst"}
    assert all(e.outcome == "denied" for e in refusals)


def test_a_package_for_another_state_is_refused_archived_and_logged(portal: Portal) -> None:
    data = MYS_PACKAGE.read_bytes()
    r = upload(portal, "aus-submitter", MYS_PACKAGE, name="not-ours.xlsx")
    assert r.status_code == 403
    assert r.json()["reporting_state"] == "MYS"
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    assert (portal.settings.archive / sha[:2] / f"{sha}.xlsx").read_bytes() == data
    assert not any("not-ours" in p.name for p in portal.settings.inbox.glob("*"))
    last = audit.events(portal.settings, limit=500, action="upload")
    refused = [e for e in last if e.actor == "aus-submitter" and e.outcome == "denied"]
    assert refused and refused[-1].detail["reporting_state"] == "MYS"
    # the refused upload is the uploader's to see, nobody else's in MYS
    with portal.api("mys-submitter") as client:
        assert r.json()["upload_id"] not in {
            s["upload_id"] for s in client.get("/api/v1/submissions").json()
        }
    # an analyst may not upload at all, even for its own state
    r = upload(portal, "aus-analyst", AUS_PACKAGE)
    assert r.status_code == 403


def test_another_states_package_with_an_error_in_its_record_is_still_refused(
    portal: Portal, tmp_path: Path
) -> None:
    # An error elsewhere in the submission record (personal data in notes) must not hide
    # whose package it is: 403, not 422.
    from packages import baseline, write

    pkg = baseline()  # IDN
    pkg["submission"]["notes"] = "questions to a.b@example.org"
    r = upload(portal, "aus-submitter", write(pkg, tmp_path, "json", "idn-with-notes"))
    assert r.status_code == 403
    assert r.json()["reporting_state"] == "IDN"
    # the secretariat reads whose package it was and for which period, not "?"
    with portal.api("secretariat") as client:
        stored = client.get(f"/api/v1/submissions/{r.json()['upload_id']}").json()
    assert (stored["reporting_state"], stored["period"]) == ("IDN", "2024-Q1")


def test_a_package_rejected_for_its_record_still_says_whose_and_which_period(
    portal: Portal, tmp_path: Path
) -> None:
    from packages import baseline, write

    pkg = baseline()
    pkg["submission"] |= {"reporting_state": "AUS", "template_version": "9.9"}
    r = upload(portal, "aus-submitter", write(pkg, tmp_path, "json", "aus-bad-version"))
    assert r.status_code == 422
    summary = r.json()["report"]["submission"]
    assert (summary["reporting_state"], summary["period"]) == ("AUS", "2024-Q1")
    with portal.api("secretariat") as client:
        stored = client.get(f"/api/v1/submissions/{r.json()['upload_id']}").json()
    assert (stored["verdict"], stored["reporting_state"], stored["period"]) == (
        "rejected",
        "AUS",
        "2024-Q1",
    )


def test_oversized_upload_is_refused_with_413(portal: Portal) -> None:
    limit = portal.settings.limits.max_package_bytes
    before = sorted(portal.settings.archive.rglob("*"))

    def body():  # chunked: no Content-Length to trust
        yield b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.zip"\r\n\r\n'
        chunk = b"\0" * 2**20
        for _ in range(limit // 2**20 + 2):
            yield chunk
        yield b"\r\n--x--\r\n"

    # a declared length over the limit is answered before a byte of the body is read
    host, port = portal.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as raw:
        raw.sendall(
            f"POST /api/v1/submissions HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: Bearer {portal.tokens['aus-submitter']}\r\n"
            f"Content-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {limit + 10**6}\r\n\r\n".encode()
        )
        assert raw.recv(4096).startswith(b"HTTP/1.1 413 ")
    with portal.api("aus-submitter") as client:
        streamed = client.post(
            "/api/v1/submissions",
            content=body(),
            headers={"Content-Type": "multipart/form-data; boundary=x"},
        )
        assert streamed.status_code == 413
    # a whole multipart upload just over the limit, through the page form too
    big = b"PK" + b"\0" * (limit + 1)
    with portal.browser("aus-submitter") as page:
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.get("/upload").text).group(1)
        r = page.post("/upload", data={"csrf": csrf}, files={"file": ("big.zip", big)})
        assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
    assert sorted(portal.settings.archive.rglob("*")) == before


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("submission.csv", "field,value\nreporting_state,AUS\n")
        zf.writestr("incidents.csv", b"0" * 50_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "rule"),
    [
        ("bomb.zip", _zip_bomb(), "zip_bomb"),
        ("slip.zip", (DEMO / "0483_LAO_IPD_2024.zip").read_bytes(), "zip_unsafe_path"),
        ("disguised.zip", (DEMO / "0303_NPL_AHTB_2022-S2.zip").read_bytes(), "file_type_mismatch"),
        ("../../../../tmp/evil.json", b'{"submission": "\\u0000"', None),
        ("..\\..\\evil.xlsx", b"MZ\x90\x00 not a workbook", None),
    ],
)
def test_hostile_files_are_rejected_and_names_never_become_paths(
    portal: Portal, name: str, content: bytes, rule: str | None
) -> None:
    home = portal.settings.home
    before = {p for p in home.parent.rglob("*") if "evil" in p.name}
    with portal.api("aus-submitter") as client:
        r = client.post("/api/v1/submissions", files={"file": (name, content)})
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["verdict"] == "rejected"
    rules = {i["rule"] for i in body["report"]["issues"]}
    if rule:
        assert rule in rules
    assert "/" not in body["report"]["submission"]["file"]
    assert "\\" not in body["report"]["submission"]["file"]
    after = {p for p in home.parent.rglob("*") if "evil" in p.name}
    assert after == before  # no file named after the client's name, anywhere
    assert not Path("/tmp/evil.json").exists()


def test_pages_need_the_csrf_token_and_show_errors_without_javascript(portal: Portal) -> None:
    bad = DEMO / "0155_AUS_AFP_2021-S1.xlsx"  # legs that do not chain
    with portal.browser("aus-submitter") as page:
        form = page.get("/upload?lang=fr")
        assert form.status_code == 200 and "<script" not in form.text
        assert 'lang="fr"' in form.text
        csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
        files = {"file": (bad.name, bad.read_bytes())}
        assert page.post("/upload", data={"csrf": "forged"}, files=files).status_code == 403
        r = page.post("/upload", data={"csrf": csrf}, files=files)
        assert r.status_code == 200
        assert 'data-verdict="rejected"' in r.text and "legs_not_chained" in r.text
        assert "Rejeté" in r.text and "<td>erreur</td>" in r.text  # in the chosen language
        annotated = re.search(r'href="(/submissions/[0-9a-f]+/report\.xlsx)"', r.text).group(1)
        workbook = page.get(annotated)
        assert workbook.status_code == 200 and workbook.content[:2] == b"PK"
        # logout needs the token too, and ends the session
        assert page.post("/logout", data={"csrf": "forged"}).status_code == 403
        assert page.post("/logout", data={"csrf": csrf}).status_code == 303
        assert page.get("/submissions", follow_redirects=False).status_code == 303


def test_failed_logins_lock_the_account_and_are_audited(portal: Portal) -> None:
    accounts.add_user(portal.settings, "tha-submitter", Role.submitter, "THA", PASSWORD)
    with portal.api(None) as client:
        for _ in range(5):
            assert log_in(client, "tha-submitter", "guess").status_code == 401
        r = log_in(client, "tha-submitter", PASSWORD)
        assert r.status_code == 429  # locked, even with the right password
        assert log_in(client, "nobody", PASSWORD).status_code == 401
    logins = audit.events(portal.settings, limit=1000, action="login")
    mine = [e.outcome for e in logins if e.actor == "tha-submitter"]
    assert mine == ["denied"] * 5 + ["locked"]
    assert any(e.actor == "nobody" and e.outcome == "denied" for e in logins)


def test_the_audit_trail_is_append_only(portal: Portal) -> None:
    audit.record(portal.settings, "probe", "ok", actor="tests")
    con = sqlite3.connect(database_path(portal.settings))
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("update audit set outcome = 'changed'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("delete from audit")
    finally:
        con.close()
    assert audit.events(portal.settings, limit=1)[0].action == "probe"


def test_credentials_are_stored_as_argon2_hashes_only(portal: Portal) -> None:
    con = sqlite3.connect(database_path(portal.settings))
    try:
        hashes = [h for (h,) in con.execute("select password_hash from users")]
        secrets_ = [h for (h,) in con.execute("select secret_hash from tokens")]
        dump = "\n".join(con.iterdump())
    finally:
        con.close()
    assert hashes and all(h.startswith("$argon2id$") for h in hashes + secrets_)
    assert PASSWORD not in dump
    for token in portal.tokens.values():
        assert token.split("_", 2)[2] not in dump
    assert (database_path(portal.settings).stat().st_mode & 0o077) == 0


def test_a_disabled_account_loses_its_token(portal: Portal) -> None:
    accounts.add_user(portal.settings, "tmp-analyst", Role.analyst, "AUS", PASSWORD)
    token = accounts.create_token(portal.settings, "tmp-analyst")
    with portal.api(None) as client:
        headers = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/v1/me", headers=headers).status_code == 200
        accounts.set_disabled(portal.settings, "tmp-analyst")
        assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_the_template_comes_in_the_asked_language(portal: Portal) -> None:
    import openpyxl

    with portal.api("aus-analyst") as client:
        r = client.get("/api/v1/template.xlsx", params={"language": "es"})
    assert r.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(r.content))
    assert "submission" in workbook.sheetnames
    downloads = [e for e in audit.events(portal.settings, limit=50, action="download")]
    assert any(e.target == "template/es" for e in downloads)
