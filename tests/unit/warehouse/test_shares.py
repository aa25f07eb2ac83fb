"""Reciprocity data shares (warehouse.shares) on a small snapshot with the real marts' columns
(tests/share_snapshot.py), attacked by tests/share_attack.py."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import duckdb
import polars as pl
import pytest
from share_attack import (
    attack_with_the_share,
    attack_with_true_totals,
    read_share,
    small_visible_counts,
)
from share_snapshot import PARTICIPANTS, make_snapshot

from warehouse.publish import publish
from warehouse.settings import Settings
from warehouse.shares import MEASURES, build_shares, read_marts

K = 3
STATES = ["AUS", "IDN", "MYS", "NZL", "THA"]


def _years(frame: pl.DataFrame, state: str) -> set[int]:
    others = frame.filter(pl.col("reporting_state") != state)
    return set(others.get_column("period_start").dt.year())


def _without_flags(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.drop(c for c in frame.columns if c.endswith("_suppressed"))


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows in one order, time zones named one way (Parquet says UTC, DuckDB Etc/UTC)."""
    zoned = [c for c, t in frame.schema.items() if isinstance(t, pl.Datetime) and t.time_zone]
    return frame.with_columns(pl.col(zoned).dt.convert_time_zone("UTC")).sort(
        [c for c, t in frame.schema.items() if not isinstance(t, pl.List)], nulls_last=True
    )


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_snapshot(tmp_path_factory.mktemp("shares") / "snapshot.duckdb")


@pytest.fixture(scope="module")
def truth(snapshot: Path) -> dict[str, pl.DataFrame]:
    return read_marts(snapshot)


@pytest.fixture(scope="module")
def shares(snapshot: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    summaries = build_shares(snapshot, out, states=PARTICIPANTS, build_id="b1", k=K)
    assert sorted(summaries) == STATES  # the plan's states and every state with data
    return out


def test_the_snapshot_has_small_counts_and_the_identities_hold(truth) -> None:
    routes, modus = truth["mart_routes"], truth["mart_modus_operandi"]
    assert routes.filter(pl.col("incidents").is_between(1, K - 1)).height > 30
    by_mode = routes.group_by("reporting_state", "period", "transport_mode").agg(
        pl.col("incidents").sum()
    )
    cells = modus.filter(pl.col("dimension") == "transport_mode").rename(
        {"value": "transport_mode", "incidents": "cell"}
    )
    joined = by_mode.join(cells, on=["reporting_state", "period", "transport_mode"])
    assert joined.height == by_mode.height == cells.height
    assert (joined["incidents"] == joined["cell"]).all()


def test_own_rows_of_every_mart_in_full(shares: Path, truth) -> None:
    aus = read_share(shares / "AUS" / "share.duckdb")
    assert set(aus) == set(truth)
    for mart, frame in truth.items():
        if mart == "dim_country":
            assert aus[mart].equals(frame)
            continue
        own = aus[mart].filter(pl.col("reporting_state") == "AUS")
        expected = frame.filter(pl.col("reporting_state") == "AUS")
        assert own.height == expected.height > 0, mart
        assert _sorted(_without_flags(own)).equals(_sorted(expected)), mart
        for flag in (c for c in own.columns if c.endswith("_suppressed")):
            assert not own[flag].any(), (mart, flag)


def test_others_only_in_granted_years_and_never_their_incidents(shares: Path) -> None:
    aus = read_share(shares / "AUS" / "share.duckdb")  # reported in 2023 only
    idn = read_share(shares / "IDN" / "share.duckdb")  # 2022-2024
    for mart in [*MEASURES, "mart_reporting_coverage"]:
        assert _years(aus[mart], "AUS") == {2023}, mart
        assert _years(idn[mart], "IDN") == {2022, 2023, 2024}, mart
    assert set(aus["mart_routes"]["reporting_state"]) == {"AUS", "IDN", "MYS"}
    assert "NZL" in set(idn["mart_routes"]["reporting_state"])  # not in the plan, but reported
    assert set(aus["fct_incidents"]["reporting_state"]) == {"AUS"}
    assert set(idn["fct_incidents"]["reporting_state"]) == {"IDN"}


def test_a_window_grants_neighbouring_years(snapshot: Path, tmp_path: Path) -> None:
    build_shares(snapshot, tmp_path, states=["AUS"], build_id="w", k=K, window_years=1)
    aus = read_share(tmp_path / "AUS" / "share.duckdb")
    assert _years(aus["mart_routes"], "AUS") == {2022, 2023, 2024}
    nzl = read_share(tmp_path / "NZL" / "share.duckdb")  # 2024, so 2023 too, not 2022
    assert _years(nzl["mart_routes"], "NZL") == {2023, 2024}
    assert set(nzl["fct_incidents"]["reporting_state"]) == {"NZL"}


def test_a_state_that_never_reported_gets_nothing_of_others(shares: Path) -> None:
    tha = read_share(shares / "THA" / "share.duckdb")
    for mart, frame in tha.items():
        assert frame.height == (12 if mart == "dim_country" else 0), mart
    manifest = json.loads((shares / "THA" / "share.json").read_text(encoding="utf-8"))
    assert manifest["years_granted"] == []


def test_every_visible_count_of_others_is_zero_null_or_at_least_k(shares: Path, truth) -> None:
    for state in STATES:
        share = read_share(shares / state / "share.duckdb")
        assert small_visible_counts(share, state, K) == [], state
        for mart, measures in MEASURES.items():
            others = share[mart].filter(pl.col("reporting_state") != state)
            for m in measures:
                flagged = others.filter(pl.col(f"{m}_suppressed"))
                assert flagged[m].null_count() == flagged.height, (state, mart, m)
    # a NULL that is not withheld is "not reported": it is NULL in the snapshot too
    idn = read_share(shares / "IDN" / "share.duckdb")["mart_cooperation"]
    blank = idn.filter(pl.col("requests").is_null() & ~pl.col("requests_suppressed"))
    grain = ["reporting_state", "period", "counterpart_state", "request_type", "direction"]
    grain.append("outcome")
    assert blank.filter(pl.col("reporting_state") != "IDN").height > 0
    matched = truth["mart_cooperation"].join(blank.select(grain), on=grain)
    assert matched.height == blank.height and matched["requests"].is_null().all()


@pytest.mark.parametrize("state", STATES)
def test_no_withheld_cell_can_be_recomputed(shares: Path, truth, state: str) -> None:
    share = read_share(shares / state / "share.duckdb")
    withheld = sum(
        share[m].filter(pl.col("reporting_state") != state)[f"{c}_suppressed"].sum()
        for m, cs in MEASURES.items()
        for c in cs
    )
    assert (withheld > 0) == (state != "THA")  # THA sees nobody else's rows
    assert attack_with_the_share(share, truth, state, K) == []
    assert attack_with_true_totals(share, truth, state, K) == []


def test_without_secondary_suppression_the_same_attack_recovers_cells(
    snapshot: Path, truth, tmp_path: Path
) -> None:
    """The attack bites: with small cells withheld and nothing else, the share's own totals
    (mart_modus_operandi against mart_routes) give cells away, and true totals many more."""
    build_shares(snapshot, tmp_path, states=["AUS"], build_id="p", k=K, secondary=False)
    share = read_share(tmp_path / "AUS" / "share.duckdb")
    assert small_visible_counts(share, "AUS", K) == []  # primary suppression did its part
    from_the_share = attack_with_the_share(share, truth, "AUS", K)
    assert from_the_share and all(hit.true_value < K for hit in from_the_share)
    assert len(attack_with_true_totals(share, truth, "AUS", K)) > 20


def _example(path: Path) -> Path:
    """docs/data-shares.md's example: state B's routes in 2023-Q1, A reporting the same year."""
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    rows = [("A", "IDN>AUS", "air", 5), ("B", "X", "sea", 7), ("B", "Y", "sea", 1)]
    rows += [("B", "Z", "sea", 1), ("B", "X", "land", 5)]
    con.execute(
        "create table marts.mart_routes as select s as reporting_state, '2023-Q1' as period, "
        "date '2023-01-01' as period_start, r as route_key, m as transport_mode, "
        "n::bigint as incidents from (values " + ", ".join(map(str, rows)) + ") t(s, r, m, n)"
    )
    con.execute(
        "create table marts.mart_modus_operandi as select reporting_state, period, "
        "period_start, 'transport_mode' as dimension, transport_mode as value, "
        "sum(incidents)::bigint as incidents from marts.mart_routes group by all"
    )
    con.execute(
        "create table marts.mart_reporting_coverage as select distinct reporting_state, "
        "period, period_start, 1 as submissions_current from marts.mart_routes"
    )
    con.close()
    return path


def test_the_documented_example(tmp_path: Path) -> None:
    snapshot = _example(tmp_path / "example.duckdb")
    truth = read_marts(snapshot)

    def b_routes(folder: Path) -> list[tuple]:
        share = read_share(folder / "A" / "share.duckdb")
        frame = share["mart_routes"].filter(pl.col("reporting_state") == "B")
        columns = ["route_key", "transport_mode", "incidents", "incidents_suppressed"]
        return sorted(frame.select(columns).iter_rows())

    build_shares(snapshot, tmp_path / "primary", states=[], build_id="e", secondary=False)
    assert b_routes(tmp_path / "primary") == [
        ("X", "land", 5, False),
        ("X", "sea", 7, False),
        ("Y", "sea", None, True),
        ("Z", "sea", None, True),
    ]
    share = read_share(tmp_path / "primary" / "A" / "share.duckdb")
    recovered = attack_with_the_share(share, truth, "A", K)  # sea: 9 − 7 = 2 = 1 + 1
    assert {(hit.cell[2], hit.upper_bound) for hit in recovered} == {("Y", 1), ("Z", 1)}

    build_shares(snapshot, tmp_path / "full", states=[], build_id="e")
    assert b_routes(tmp_path / "full") == [
        ("X", "sea", None, True),  # the complement of the sea group
        ("Y", "sea", None, True),
        ("Z", "sea", None, True),
    ]  # X by land (5) became the complement of route X, then the only withheld cell of
    # "land", so its row is left out
    share = read_share(tmp_path / "full" / "A" / "share.duckdb")
    assert attack_with_the_share(share, truth, "A", K) == []
    assert attack_with_true_totals(share, truth, "A", K) == []


def test_share_files_and_manifest(shares: Path) -> None:
    folder = shares / "AUS"
    manifest = json.loads((folder / "share.json").read_text(encoding="utf-8"))
    assert manifest["state"] == "AUS" and manifest["build_id"] == "b1"
    assert (manifest["k"], manifest["window_years"], manifest["years_granted"]) == (K, 0, [2023])
    share = read_share(folder / "share.duckdb")
    assert manifest["rows"] == {mart: frame.height for mart, frame in share.items()}
    flags = [c for c in share["mart_routes"].columns if c.endswith("_suppressed")]
    assert len(flags) == 5  # the four counts and median_fee_usd
    assert manifest["suppressed_cells"]["mart_routes"] == sum(
        share["mart_routes"][flag].sum() for flag in flags
    )
    con = duckdb.connect(str(folder / "share.duckdb"), read_only=True)
    try:
        assert con.execute("select * from meta.share").fetchall() == [("AUS", "b1", K, 0, [2023])]
    finally:
        con.close()
    for mart, frame in share.items():
        parquet = pl.read_parquet(folder / f"{mart}.parquet")
        assert _sorted(parquet).equals(_sorted(frame)), mart
    others = share["mart_routes"].filter(pl.col("reporting_state") != "AUS")
    no_fee = others.filter(pl.col("fee_observations_suppressed") | (pl.col("fee_observations") < K))
    assert no_fee.height > 0 and no_fee["median_fee_usd"].null_count() == no_fee.height
    assert no_fee["median_fee_usd_suppressed"].all()
    profiles = share["mart_smuggler_profiles"]
    assert profiles.filter(pl.col("reporting_state") != "AUS")["source_rows"].is_null().all()
    assert profiles.filter(pl.col("reporting_state") == "AUS")["source_rows"].is_not_null().all()


def test_publish_switches_the_shares_with_current(snapshot: Path, tmp_path: Path) -> None:
    plan = tmp_path / "participants.yml"
    plan.write_text(
        "defaults:\n  due_days: 60\nparticipants:\n  - state: THA\n    period_type: Q\n"
        "    from: 2022-01-01\n",
        encoding="utf-8",
    )
    settings = replace(Settings.from_env(tmp_path / "home"), participants=plan)
    settings.warehouse_dir.mkdir(parents=True)
    con = duckdb.connect(str(settings.warehouse_db))
    con.execute("attach ? as snap (read_only)", [str(snapshot)])
    con.execute("copy from database snap to vrs")
    con.execute("create schema raw")
    con.execute(
        "create table raw.submissions as select 'S1' as submission_id, 'accepted' as status"
    )
    con.close()

    first = publish(settings, fingerprint="1" * 64)
    assert settings.shares.is_symlink()
    assert settings.shares.resolve() == first.folder / "shares"
    assert sorted(p.name for p in settings.shares.iterdir()) == STATES
    assert (settings.shares / "THA" / "share.json").is_file()
    second = publish(settings, fingerprint="2" * 64)
    assert settings.shares.resolve() == second.folder / "shares"
    assert settings.current_dir.resolve() == second.folder
    manifest = json.loads((settings.shares / "AUS" / "share.json").read_text(encoding="utf-8"))
    assert manifest["build_id"] == second.build_id
    assert (first.folder / "shares" / "AUS" / "share.json").is_file()  # the old one stays whole
    assert not (settings.shares / "AUS" / "share.duckdb").stat().st_mode & 0o222  # read-only
