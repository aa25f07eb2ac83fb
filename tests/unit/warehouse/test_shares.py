"""Reciprocity shares on a small snapshot whose marts are aggregated from incidents the way
dbt aggregates them (so the identities between marts hold), with many small counts."""

from __future__ import annotations

import random
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

from warehouse.shares import build_shares, read_marts

K = 3
STATES = ["AUS", "IDN", "MYS", "THA"]  # AUS reports in 2023 only; THA never reports
MODES = ["air", "sea", "land"]
ROUTES = ["AFG>PAK>IDN", "MMR>THA>MYS", "LKA>AUS", "IRN>TUR>IDN>AUS", "VNM>MYS"]
CONVEYANCES = ["truck_lorry", "fishing_vessel", "commercial_flight", "car"]


def _incidents(seed: int = 7) -> pl.DataFrame:
    rng = random.Random(seed)
    rows = []
    for state in STATES[:3]:
        years = [2023] if state == "AUS" else [2022, 2023, 2024]
        for year in years:
            for quarter in (1, 2):
                for n in range(rng.randint(3, 14)):
                    route = rng.choice(ROUTES)
                    rows.append(
                        {
                            "incident_key": f"{state}-{year}-{quarter}-{n}",
                            "reporting_state": state,
                            "period": f"{year}-Q{quarter}",
                            "period_start": f"{year}-{3 * quarter - 2:02d}-01",
                            "route_key": route,
                            "origin_country": route.split(">")[0],
                            "destination_country": route.split(">")[-1],
                            "transport_mode": rng.choice(MODES),
                            "conveyance": rng.choice(CONVEYANCES),
                            "concealment": rng.choice(["none", "hidden_compartment"]),
                            "payment_method": rng.choice(["cash", "hawala", "bank"]),
                            "payment_timing": rng.choice(["upfront", "on_arrival"]),
                            "migrants_total": rng.choice([1, 1, 2, 3, 5, 8, 20, 40]),
                            "dead_or_missing": rng.choice([0, 0, 0, 1, 2]),
                            "fee": rng.choice([None, 500.0, 1500.0, 4000.0]),
                        }
                    )
    return pl.DataFrame(rows).with_columns(pl.col("period_start").str.to_date())


def make_snapshot(path: Path) -> Path:
    incidents = _incidents()
    con = duckdb.connect(str(path))
    con.register("inc", incidents.to_arrow())
    period = (
        "reporting_state, period, period_start, "
        "period_start + interval 3 month - interval 1 day as period_end, 'Q' as period_type"
    )
    con.execute("create schema marts")
    con.execute("create table marts.fct_incidents as select * from inc")
    con.execute(
        f"""create table marts.mart_routes as
        select {period}, route_key, transport_mode, any_value(origin_country) as origin_country,
            any_value(destination_country) as destination_country, 1 as n_transit_countries,
            count(*) as incidents, sum(migrants_total) as migrants,
            sum(dead_or_missing) as deceased_or_missing, median(fee) as median_fee_usd,
            count(fee) as fee_observations
        from inc group by all"""
    )
    dims = " union all ".join(
        f"select {period}, '{d}' as dimension, {d} as value, count(*) as incidents, "
        f"sum(migrants_total) as migrants from inc group by all"
        for d in ["transport_mode", "conveyance", "concealment", "payment_method", "payment_timing"]
    )
    con.execute(f"create table marts.mart_modus_operandi as {dims}")
    con.execute(
        f"""create table marts.mart_smuggler_profiles as
        select {period}, conveyance as citizenship, transport_mode as sex, 'adult' as age_class,
            'driver' as role, 'arrested' as justice_stage, 'unknown' as group_structure,
            sum(dead_or_missing) + count(*) as persons, count(*) as source_rows
        from inc group by all"""
    )
    con.execute(
        f"""create table marts.mart_reporting_coverage as
        select {period}, 1 as agencies_reporting, 1 as submissions_current, 0 as warnings
        from inc group by all"""
    )
    con.execute(
        "create table marts.dim_country as select * from (values ('AUS'), ('IDN'), ('MYS'), "
        "('THA')) t(iso3)"
    )
    con.close()
    return path


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_snapshot(tmp_path_factory.mktemp("shares") / "snapshot.duckdb")


@pytest.fixture(scope="module")
def shares(snapshot: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    build_shares(snapshot, out, states=STATES, build_id="test", k=K)
    return out


def test_the_snapshot_really_has_small_counts_and_the_identities_hold(snapshot: Path) -> None:
    marts = read_marts(snapshot)
    assert marts["mart_routes"].filter(pl.col("incidents").is_between(1, K - 1)).height > 20
    by_mode = (
        marts["mart_routes"]
        .group_by("reporting_state", "period", "transport_mode")
        .agg(pl.col("incidents").sum())
    )
    cells = marts["mart_modus_operandi"].filter(pl.col("dimension") == "transport_mode")
    joined = by_mode.join(
        cells.rename({"value": "transport_mode"}),
        on=["reporting_state", "period", "transport_mode"],
    )
    assert joined.height == by_mode.height
    assert (joined["incidents"] == joined["incidents_right"]).all()


def test_own_data_in_full_others_only_in_granted_years(shares: Path, snapshot: Path) -> None:
    truth = read_marts(snapshot)
    aus = read_share(shares / "AUS" / "share.duckdb")
    assert aus["fct_incidents"].get_column("reporting_state").unique().to_list() == ["AUS"]
    own = aus["mart_routes"].filter(pl.col("reporting_state") == "AUS")
    assert (
        own.drop([c for c in own.columns if c.endswith("_suppressed")])
        .sort("period", "route_key", "transport_mode")
        .equals(
            truth["mart_routes"]
            .filter(pl.col("reporting_state") == "AUS")
            .sort("period", "route_key", "transport_mode")
        )
    )
    years = aus["mart_routes"].filter(pl.col("reporting_state") != "AUS")["period"].str.head(4)
    assert set(years) == {"2023"}  # AUS reported in 2023 only
    assert {"IDN", "MYS"} <= set(aus["mart_routes"]["reporting_state"])
    # THA never reported: its own (empty) data and nobody else's
    tha = read_share(shares / "THA" / "share.duckdb")
    for mart, frame in tha.items():
        if mart != "dim_country":
            assert frame.height == 0, mart
    assert tha["dim_country"].height == 4
    # IDN reported every year: it sees AUS's 2023, but never AUS's incidents
    idn = read_share(shares / "IDN" / "share.duckdb")
    assert "AUS" in set(idn["mart_routes"]["reporting_state"])
    assert set(idn["fct_incidents"]["reporting_state"]) == {"IDN"}


def test_a_window_grants_neighbouring_years(snapshot: Path, tmp_path: Path) -> None:
    build_shares(snapshot, tmp_path, states=["AUS"], build_id="w", k=K, window_years=1)
    aus = read_share(tmp_path / "AUS" / "share.duckdb")
    years = set(aus["mart_routes"].filter(pl.col("reporting_state") != "AUS")["period"].str.head(4))
    assert years == {"2022", "2023", "2024"}


@pytest.mark.parametrize("state", STATES)
def test_no_withheld_cell_can_be_recomputed(shares: Path, snapshot: Path, state: str) -> None:
    share = read_share(shares / state / "share.duckdb")
    assert small_visible_counts(share, state, K) == []
    assert attack_with_the_share(share, state, K) == []
    partly, _wholly = attack_with_true_totals(share, read_marts(snapshot), state, K)
    assert partly == []


def test_without_secondary_suppression_the_attack_works(snapshot: Path, tmp_path: Path) -> None:
    """The attack is real: with primary suppression only, it recovers withheld cells."""
    build_shares(snapshot, tmp_path, states=["AUS"], build_id="p", k=K, secondary=False)
    share = read_share(tmp_path / "AUS" / "share.duckdb")
    assert small_visible_counts(share, "AUS", K) == []  # primary suppression alone did its part
    recovered = attack_with_the_share(share, "AUS", K)
    assert any(hit.withheld == 1 for hit in recovered)
    partly, _ = attack_with_true_totals(share, read_marts(snapshot), "AUS", K)
    assert len(partly) > 5


def test_others_withheld_cells_are_flagged_and_source_rows_hidden(shares: Path) -> None:
    share = read_share(shares / "AUS" / "share.duckdb")
    routes = share["mart_routes"]
    others = routes.filter(pl.col("reporting_state") != "AUS")
    withheld = others.filter(pl.col("incidents_suppressed"))
    assert withheld.height > 0 and withheld["incidents"].null_count() == withheld.height
    assert not routes.filter(pl.col("reporting_state") == "AUS")["incidents_suppressed"].any()
    hidden_fee = others.filter(
        pl.col("fee_observations_suppressed") | (pl.col("fee_observations") < K)
    )
    assert hidden_fee["median_fee_usd"].null_count() == hidden_fee.height
    profiles = share["mart_smuggler_profiles"]
    assert profiles.filter(pl.col("reporting_state") != "AUS")["source_rows"].null_count() == (
        profiles.filter(pl.col("reporting_state") != "AUS").height
    )
    parquet = pl.read_parquet(shares / "AUS" / "mart_routes.parquet")
    assert parquet.sort(parquet.columns[:7]).equals(routes.sort(routes.columns[:7]))
