"""`state=` on every route that takes it, found from the application itself: one validator (the
ISO3 code of a known state) before the value is used, so hostile values get a 404/422 answer,
never a 500 and never a folder outside the shares."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import Portal
from fastapi.routing import APIRoute

from portal import shares
from portal.accounts import Role, User
from portal.app import create_app

HOSTILE = [
    "A" * 300,  # longer than a file name may be
    "../../snapshots",
    "../snapshots",
    "AUS/../../snapshots",
    "..",
    ".",
    "",
    "aus",
    "AU",
    "AUS ",
    "AUS\n",
    "ZZZ",  # three capitals, no such state
    "XXX",  # the unknown country is no state
]
SECRET = b"not for anyone: outside the shares"


@pytest.fixture(scope="module")
def published(portal: Portal) -> Portal:
    """A publication laid out as warehouse.publish lays it out (a snapshot folder holding the
    build and its shares; `current`, `current.duckdb` and `shares` links), with AUS's share;
    and share-like folders outside the shares where a state joined onto the path would lead."""
    settings = portal.settings
    build = settings.snapshots / "b1"
    (build / "shares" / "AUS").mkdir(parents=True)
    (build / "snapshot.json").write_text(json.dumps({"build_id": "b1"}))
    (build / "snapshot.duckdb").write_bytes(b"duckdb")
    (build / "shares" / "AUS" / "share.json").write_text(json.dumps({"build_id": "b1"}))
    (build / "shares" / "AUS" / "share.duckdb").write_bytes(b"AUS share")
    settings.current_dir.symlink_to(build)
    settings.current_db.symlink_to(settings.current_dir / "snapshot.duckdb")
    settings.shares.symlink_to(settings.current_dir / "shares")
    shares_folder = settings.shares.resolve()
    for way in (".", "..", "../snapshots", "../../snapshots"):  # where the hostile values lead
        folder = Path(os.path.normpath(shares_folder / way))
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "share.json").write_text(json.dumps({"build_id": "b1"}))
        (folder / "secret.duckdb").write_bytes(SECRET)
    return portal


def routes_taking_state(portal: Portal) -> list[str]:
    """Every GET route whose query string has a `state`, path parameters filled in."""
    found = []
    for route in create_app(portal.settings).routes:
        if isinstance(route, APIRoute) and "state" in {
            p.name for p in route.dependant.query_params
        }:
            assert route.methods == {"GET"}, route.path
            found.append(re.sub(r"\{[^}]+\}", "secret.duckdb", route.path))
    return found


def test_every_route_refuses_a_hostile_state(published: Portal) -> None:
    portal = published
    paths = routes_taking_state(portal)
    pages = [p for p in paths if not p.startswith("/api/")]
    assert len(pages) >= 3 and len(paths) - len(pages) >= 4, paths
    checked = 0
    for user in ("secretariat", "aus-analyst"):
        with portal.api(user) as api, portal.browser(user) as page:
            for path in paths:
                client = api if path.startswith("/api/") else page
                for value in HOSTILE:
                    r = client.get(path, params={"state": value}, follow_redirects=False)
                    assert r.status_code in {404, 422}, (user, path, value, r.status_code)
                    assert SECRET not in r.content
                    if client is page:  # a page, in the reader's language
                        assert r.headers["content-type"].startswith("text/html")
                        assert 'role="alert"' in r.text
                    checked += 1
    assert checked == 2 * len(paths) * len(HOSTILE)
    # a real state still works
    with portal.api("secretariat") as api, portal.browser("secretariat") as page:
        assert api.get("/api/v1/share", params={"state": "AUS"}).json()["scope"] == "AUS"
        assert "share.duckdb" in page.get("/share", params={"state": "AUS"}).text
        r = page.get("/share/files/share.duckdb", params={"state": "AUS"})
        assert r.status_code == 200 and r.content == b"AUS share"
        assert page.get("/share", params={"state": "XKX"}).status_code == 200  # none yet


@pytest.mark.parametrize("value", HOSTILE)
def test_a_share_is_never_looked_for_outside_the_shares(published: Portal, value: str) -> None:
    secretariat = User("secretariat", Role.secretariat, None)
    assert shares.share_for(published.settings, secretariat, value) is None
    with pytest.raises(ValueError, match="known state"):
        shares.known_state(value)


def test_the_validator_knows_the_states() -> None:
    assert shares.known_state("AUS") == "AUS"
    assert shares.known_state("XKX") == "XKX"  # Kosovo: a user-assigned code, a real state
    assert {"XXA", "XXX"}.isdisjoint(shares.known_states())
    assert len(shares.known_states()) >= 240
