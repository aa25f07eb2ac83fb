"""End to end in headless Chromium (Debian's, driven by Playwright): `vrs serve` as a user
starts it, a state logs in, uploads a bad workbook, reads the errors, uploads a good one, and
after `vrs refresh` (the Airflow DAGs) sees it published and downloads its data share."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import openpyxl
import pytest
from conftest import DEMO, PASSWORD, free_port
from playwright.sync_api import Page, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
VRS = Path(sys.executable).with_name("vrs")
# Without the background-networking flags Chromium keeps calling home, and a closed network
# refuses it many times a second.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BAD = DEMO / "0155_AUS_AFP_2021-S1.xlsx"  # legs that do not chain
GOOD = DEMO / "0013_AUS_ABF_2020-Q1.xlsx"
OTHER_STATE = DEMO / "0001_MYS_JIM_2020-01.xlsx"

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser")]


def vrs(*args: str, home: Path, stdin: str | None = None) -> str:
    run = subprocess.run(
        [str(VRS), *args, "--home", str(home)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return run.stdout


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    home = tmp_path_factory.mktemp("e2e") / "home"
    for name, role, state in (
        ("aus", "submitter", "Australia"),
        ("mys", "submitter", "MYS"),
        ("sec", "secretariat", None),
    ):
        extra = ["--state", state] if state else []
        vrs(
            "users",
            "add",
            name,
            "--role",
            role,
            *extra,
            "--password-stdin",
            home=home,
            stdin=PASSWORD + "\n",
        )
    port = free_port()
    server = subprocess.Popen(
        [str(VRS), "serve", "--port", str(port), "--home", str(home)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/health").status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, "vrs serve did not start"
        time.sleep(0.2)
    yield url, home
    server.terminate()
    server.wait(30)


@pytest.fixture(scope="module")
def browser_page() -> Iterator[Page]:
    assert CHROMIUM.exists(), "Debian's chromium is installed by `make browser`"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(accept_downloads=True, locale="en-GB")
        yield context.new_page()
        context.close()
        browser.close()


def upload(page: Page, url: str, path: Path) -> None:
    page.goto(f"{url}/upload")
    page.set_input_files("#file", str(path))
    page.click("#send")
    page.wait_for_selector("#result")


def test_a_state_uploads_reads_its_errors_and_sees_its_package_published(
    served: tuple[str, Path], browser_page: Page
) -> None:
    url, home = served
    page = browser_page
    page.goto(f"{url}/")
    expect(page).to_have_url(f"{url}/login")
    page.fill("input[name=username]", "aus")
    page.fill("input[name=password]", "not the password")
    page.click("#login")
    expect(page.locator("#login-error")).to_be_visible()
    page.fill("input[name=username]", "aus")
    page.fill("input[name=password]", PASSWORD)
    page.click("#login")
    expect(page).to_have_url(f"{url}/submissions")
    expect(page.locator("#who")).to_have_text("aus")

    # a bad workbook: rejected, each error with its sheet, row and column, on the same page
    upload(page, url, BAD)
    expect(page.locator("#result")).to_have_attribute("data-verdict", "rejected")
    rows = page.locator("#issues tbody tr.error")
    assert rows.count() >= 1
    first = rows.first.inner_text()
    assert "legs_not_chained" in first and "route_legs" in first
    with page.expect_download() as download:
        page.click("#annotated")
    assert download.value.suggested_filename.endswith(".xlsx")
    annotated = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert annotated.sheetnames[0] == "errors"

    # a good one: validated, on its way
    upload(page, url, GOOD)
    expect(page.locator("#result")).to_have_attribute("data-verdict", "validated")
    expect(page.locator("#errors")).to_have_text("0")
    page.goto(f"{url}/submissions")
    good_row = page.locator("#submissions tr", has_text=GOOD.name)
    expect(good_row.locator("td.status")).to_have_attribute("data-status", "validated")

    # another state reports the same year, through the API
    token = vrs("users", "token", "mys", home=home).strip()
    r = httpx.post(
        f"{url}/api/v1/submissions",
        headers={"Authorization": f"Bearer {token}"},
        files={"file": (OTHER_STATE.name, OTHER_STATE.read_bytes())},
        timeout=120,
    )
    assert r.status_code == 201, r.text

    # the data engineers' refresh: vrs_ingest then vrs_build, through Airflow
    env_home = os.environ.get("VRS_HOME")
    assert env_home is None or Path(env_home) != home
    vrs("refresh", home=home)
    page.reload()
    expect(good_row.locator("td.status")).to_have_attribute("data-status", "published")
    bad_row = page.locator("#submissions tr", has_text=BAD.name)
    expect(bad_row.locator("td.status")).to_have_attribute("data-status", "rejected")

    # the data share: AUS in full, MYS only as protected aggregates
    page.click("text=My data share")
    expect(page.locator("#share-files")).to_contain_text("share.duckdb")
    with page.expect_download() as download:
        page.click("#share-zip")
    with zipfile.ZipFile(download.value.path()) as zf:
        names = set(zf.namelist())
        assert {"share.duckdb", "fct_incidents.parquet", "mart_routes.parquet"} <= names
        database = home / "downloaded-share.duckdb"
        database.write_bytes(zf.read("share.duckdb"))
        incidents = zf.read("fct_incidents.parquet")
    con = duckdb.connect(str(database), read_only=True)
    try:
        own = con.execute("select distinct reporting_state from marts.fct_incidents").fetchall()
        assert own == [("AUS",)]
        states = {
            s
            for (s,) in con.execute(
                "select distinct reporting_state from marts.mart_routes"
            ).fetchall()
        }
        assert states == {"AUS", "MYS"}
        small = con.execute(
            "select count(*) from marts.mart_routes where reporting_state = 'MYS' "
            "and incidents between 1 and 2"
        ).fetchone()[0]
        assert small == 0
    finally:
        con.close()
    parquet = home / "downloaded-incidents.parquet"
    parquet.write_bytes(incidents)
    others = (
        duckdb.connect()
        .execute(
            "select count(*) from read_parquet(?) where reporting_state <> 'AUS'", [str(parquet)]
        )
        .fetchone()[0]
    )
    assert others == 0


def test_a_states_token_cannot_reach_another_states_share(served: tuple[str, Path]) -> None:
    url, home = served
    aus = {"Authorization": f"Bearer {vrs('users', 'token', 'aus', home=home).strip()}"}
    sec = {"Authorization": f"Bearer {vrs('users', 'token', 'sec', home=home).strip()}"}
    with httpx.Client(base_url=url, timeout=60) as client:
        own = client.get("/api/v1/share", headers=aus)
        if own.status_code == 404:
            pytest.fail("nothing published: the end-to-end test publishes first")
        assert own.json()["scope"] == "AUS"
        assert client.get("/api/v1/share", params={"state": "MYS"}, headers=aus).status_code == 404
        for name in ("share.duckdb", "mart_routes.parquet"):
            assert (
                client.get(f"/api/v1/share/files/{name}", params={"state": "MYS"}, headers=aus)
            ).status_code == 404
        for name in ("..%2FMYS%2Fshare.duckdb", "..%2F..%2Fcurrent.duckdb", "%2Fetc%2Fpasswd"):
            assert client.get(f"/api/v1/share/files/{name}", headers=aus).status_code == 404
        assert (
            client.get("/api/v1/share.zip", params={"state": "MYS"}, headers=aus).status_code == 404
        )
        full = client.get("/api/v1/share", headers=sec).json()
        assert full["scope"] == "all" and "snapshot.duckdb" in full["files"]
        mys = client.get("/api/v1/share", params={"state": "MYS"}, headers=sec).json()
        assert mys["scope"] == "MYS"
        archive = client.get("/api/v1/share.zip", headers=aus)
        assert archive.status_code == 200
        with zipfile.ZipFile(io.BytesIO(archive.content)) as zf:
            assert "share.json" in zf.namelist()
