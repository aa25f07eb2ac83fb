"""The bundled demo set through the real refresh: every package lands where the manifest says,
nothing is lost, and running it all again changes nothing."""

from __future__ import annotations

import json

import duckdb
import pytest

from ingest.archive import sha256_of
from ingest.inbox import submit
from warehouse.refresh import Outcome, refresh_inbox
from warehouse.settings import REPO_ROOT, Settings

DEMO = REPO_ROOT / "samples" / "demo"
MANIFEST = json.loads((DEMO / "MANIFEST.json").read_text(encoding="utf-8"))
ENTRIES = MANIFEST["files"]

pytestmark = pytest.mark.xdist_group("demo")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, dict[str, Outcome]]:
    settings = Settings.from_env(tmp_path_factory.mktemp("demo") / "home")
    for entry in ENTRIES:  # in the order the states sent them
        submit(DEMO / entry["file"], settings.inbox)
    outcomes = refresh_inbox(settings)
    return settings, {o.file: o for o in outcomes}


def _sql(settings: Settings, sql: str) -> list[tuple]:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_every_package_ends_as_the_manifest_says(loaded) -> None:
    settings, outcomes = loaded
    assert len(outcomes) == len(ENTRIES)
    for entry in ENTRIES:
        outcome = outcomes[entry["file"]]
        expected = "duplicate" if entry["kind"] == "duplicate" else entry["expect"]
        assert outcome.status == expected, entry["file"]
    issues = _sql(
        settings,
        "select s.original_name, i.rule, i.severity, i.table_name, i.source_row, i.column_name "
        "from raw.issues i join raw.submissions s using (submission_id)",
    )
    found: dict[str, set[tuple]] = {}
    for name, *issue in issues:
        found.setdefault(name, set()).add(tuple(issue))
    for entry in ENTRIES:
        if entry["kind"] == "duplicate":
            continue
        rules = {i[0] for i in found.get(entry["file"], set())}
        assert set(entry["expect_rules"]) <= rules, entry["file"]
        for want in entry.get("expect_issues", []):
            key = (want["rule"], want["severity"], want["table"], want["row"], want["column"])
            assert key in found[entry["file"]], (entry["file"], key)


def test_rejected_packages_load_nothing_and_accepted_ones_load_everything(loaded) -> None:
    settings, _ = loaded
    leaked = _sql(
        settings,
        "select count(*) from raw.incidents join raw.submissions using (submission_id) "
        "where status = 'rejected'",
    )
    assert leaked == [(0,)]
    by_file = dict(
        _sql(
            settings,
            "select original_name, (select count(*) from raw.incidents i "
            "where i.submission_id = s.submission_id) from raw.submissions s "
            "where status = 'accepted'",
        )
    )
    for entry in ENTRIES:
        if entry["expect"] == "accepted" and entry["kind"] != "duplicate":
            assert by_file[entry["file"]] == entry["rows"].get("incidents", 0), entry["file"]


def test_current_versions_follow_replacements_and_withdrawals(loaded) -> None:
    settings, _ = loaded
    latest: dict[tuple[str, str, str], dict] = {}
    for entry in ENTRIES:
        if entry["expect"] == "accepted" and entry["kind"] != "duplicate":
            latest[(entry["reporting_state"], entry["agency"], entry["period"])] = entry
    expected = {
        (state, period, e["file"])
        for (state, _, period), e in latest.items()
        if e["action"] == "replace"
    }
    current = set(
        _sql(settings, "select reporting_state, period, original_name from raw.current_submissions")
    )
    assert current == expected
    assert any(e["kind"] == "withdrawal" for e in ENTRIES)
    assert any(e["kind"] == "resubmission" for e in ENTRIES)


def test_the_archive_holds_every_received_file(loaded) -> None:
    settings, _ = loaded
    for entry in ENTRIES:
        source = DEMO / entry["file"]
        sha = sha256_of(source)
        [archived] = [
            p for p in (settings.archive / sha[:2]).glob(f"{sha}.*") if ".receipt" not in p.name
        ]
        assert archived.read_bytes() == source.read_bytes()


def test_running_everything_again_changes_nothing(loaded) -> None:
    settings, _ = loaded
    tables = ("submissions", "issues", "submission_tables", "incidents", "border_events")
    before = {t: _sql(settings, f"select count(*) from raw.{t}") for t in tables}
    for entry in ENTRIES:
        submit(DEMO / entry["file"], settings.inbox)
    again = refresh_inbox(settings)
    assert {o.status for o in again} == {"duplicate"}
    assert {t: _sql(settings, f"select count(*) from raw.{t}") for t in tables} == before
