"""The bundled demo set through the real refresh: every package lands where the manifest says,
nothing is lost, and running it all again changes nothing."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import duckdb
import pytest

from ingest.archive import sha256_of
from ingest.inbox import submit
from warehouse.pipeline import build_and_publish
from warehouse.publish import current_snapshot
from warehouse.query import run_query
from warehouse.refresh import Outcome, refresh_inbox
from warehouse.settings import REPO_ROOT, Settings

DEMO = REPO_ROOT / "samples" / "demo"
MANIFEST = json.loads((DEMO / "MANIFEST.json").read_text(encoding="utf-8"))
ENTRIES = MANIFEST["files"]

pytestmark = pytest.mark.xdist_group("demo")

# The fixtures are per session, not per module: the worker running this group may run other
# tests between two of this module's, which tears module fixtures down (the demo was built
# twice, then published twice).


@pytest.fixture(scope="session")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, dict[str, Outcome]]:
    settings = Settings.from_env(tmp_path_factory.mktemp("demo") / "home")
    for entry in ENTRIES:  # in the order, and at the time, the states sent them
        sent = datetime.fromtimestamp(entry["mtime"], UTC)
        submit(DEMO / entry["file"], settings.inbox, received_at=sent)
    outcomes = refresh_inbox(settings)
    return settings, {o.file: o for o in outcomes}


@pytest.fixture(scope="session")
def published(loaded) -> Settings:
    """The demo warehouse built by dbt (every model, data test and unit test) and published."""
    settings, _ = loaded
    result = build_and_publish(settings)
    assert result.build is not None and result.build.ok, result.build
    assert result.snapshot is not None
    return settings


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


def test_the_demo_build_is_published_with_every_mart(published: Settings) -> None:
    snapshot = current_snapshot(published)
    assert snapshot is not None
    assert set(snapshot["marts"]) == {
        "dim_country",
        "fct_incidents",
        "mart_routes",
        "mart_route_legs",
        "mart_modus_operandi",
        "mart_smuggler_profiles",
        "mart_migrant_profiles",
        "mart_border_events",
        "mart_fraudulent_documents",
        "mart_cooperation",
        "mart_reporting_coverage",
    }
    assert all(rows > 0 for rows in snapshot["marts"].values()), snapshot["marts"]
    for mart, rows in snapshot["marts"].items():
        parquet = published.current_dir / f"{mart}.parquet"
        assert _sql(published, f"select count(*) from '{parquet}'") == [(rows,)]
    assert (published.current_dir / "docs" / "index.html").stat().st_size > 100_000
    current = {
        (e["reporting_state"], e["period"])
        for e in ENTRIES
        if e["expect"] == "accepted" and e["kind"] != "duplicate"
    }
    covered = set(
        run_query(published, "select reporting_state, period from marts.mart_reporting_coverage")[1]
    )
    assert covered <= current


GUIDE = (REPO_ROOT / "docs" / "analyst-guide.md").read_text(encoding="utf-8")
QUERIES = dict(re.findall(r"```sql\n-- query: (\w+)\n(.*?)```", GUIDE, re.S))


def test_the_guide_has_ten_reference_queries() -> None:
    assert len(QUERIES) == 10


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_reference_query_answers_on_the_demo_build(published: Settings, name: str) -> None:
    columns, rows = run_query(published, QUERIES[name])
    assert rows, f"{name} returned nothing"
    record = [dict(zip(columns, row, strict=True)) for row in rows]
    for column in columns:
        if column.startswith("share_"):
            assert all(r[column] is None or 0 <= r[column] <= 1 for r in record), column
    if name == "largest_routes_per_year":
        assert {r["year"] for r in record} == {2020, 2021, 2022, 2023, 2024}
        assert all(r["rank_in_year"] <= 5 for r in record)
    if name == "deadliest_routes":
        assert [r["deceased_or_missing"] for r in record] == sorted(
            (r["deceased_or_missing"] for r in record), reverse=True
        )
    if name == "reporting_coverage":
        years = {r["last_received_at"].year for r in record}
        assert years <= {2020, 2021, 2022, 2023, 2024, 2025}  # when the states sent them
    if name == "median_fee_per_route_and_year":
        assert all(r["p25_fee_usd"] <= r["median_fee_usd"] <= r["p75_fee_usd"] for r in record)


def test_every_participant_gets_a_share_and_none_gives_a_cell_away(
    published: Settings, tmp_path
) -> None:
    """The reciprocity shares of the demo build (26 states): one per participant, switched
    with current, and the attacker of tests/share_attack.py recovers none of another state's
    withheld cells, even knowing every true group total of k or more."""
    from share_attack import (
        attack_with_the_share,
        attack_with_true_totals,
        read_share,
        small_visible_counts,
    )
    from share_snapshot import make_snapshot

    from warehouse.coverage import load_participants
    from warehouse.shares import read_marts

    k = published.share_min_count
    snapshot = current_snapshot(published)
    shares = published.shares.resolve()
    assert shares == published.current_dir.resolve() / "shares"
    states = {p.state for p in load_participants(published.participants)}
    assert len(states) == 26
    assert states <= {p.name for p in shares.iterdir()}
    truth = read_marts(published.current_db)
    for state in ("AUS", "IDN", "FJI", "AFG"):  # AFG stopped reporting in 2021
        manifest = json.loads((shares / state / "share.json").read_text(encoding="utf-8"))
        assert manifest["build_id"] == snapshot["build_id"]
        share = read_share(shares / state / "share.duckdb")
        own = truth["fct_incidents"].filter(truth["fct_incidents"]["reporting_state"] == state)
        assert share["fct_incidents"]["incident_key"].sort().equals(own["incident_key"].sort())
        others = share["mart_routes"].filter(share["mart_routes"]["reporting_state"] != state)
        assert others["incidents_suppressed"].sum() > 0  # the demo has small cells to withhold
        assert small_visible_counts(share, state, k) == []
        assert attack_with_the_share(share, truth, state, k) == []
        assert attack_with_true_totals(share, truth, state, k) == []

    # the unit tests' synthetic snapshot has the real marts' columns and types
    def columns(database) -> list[tuple]:
        con = duckdb.connect(str(database), read_only=True)
        try:
            return con.execute(
                "select table_name, column_name, data_type from duckdb_columns() "
                "where schema_name = 'marts' order by all"
            ).fetchall()
        finally:
            con.close()

    assert columns(make_snapshot(tmp_path / "synthetic.duckdb")) == columns(published.current_db)
