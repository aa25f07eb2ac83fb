"""An attacker holding one state's data share, trying to recompute other states' withheld cells.

Written apart from warehouse.shares on purpose: it knows the marts' identities itself and only
uses what a reader has (the share), plus, for the worst case, the true totals.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

KEY = ["reporting_state", "period"]
COUNTS = {
    "mart_routes": ["incidents", "migrants", "deceased_or_missing", "fee_observations"],
    "mart_route_legs": ["incidents", "migrants"],
    "mart_modus_operandi": ["incidents", "migrants"],
    "mart_smuggler_profiles": ["persons"],
    "mart_migrant_profiles": ["persons"],
    "mart_border_events": ["value"],
    "mart_fraudulent_documents": ["documents"],
    "mart_cooperation": ["requests"],
}
SINGLE_VALUED = ["transport_mode", "conveyance", "concealment", "payment_method", "payment_timing"]


@dataclass(frozen=True)
class Recovered:
    mart: str
    measure: str
    group: tuple
    withheld: int  # cells withheld in the group
    upper_bound: int  # what the attacker learns: each withheld cell is in [1, upper_bound]


def read_share(path: Path) -> dict[str, pl.DataFrame]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [
            n
            for (n,) in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        ]
        return {
            n: pl.from_arrow(con.sql(f"select * from marts.{n}").to_arrow_table()) for n in names
        }
    finally:
        con.close()


def others(share: dict[str, pl.DataFrame], state: str, mart: str) -> pl.DataFrame:
    return share[mart].filter(pl.col("reporting_state") != state)


def small_visible_counts(share: dict[str, pl.DataFrame], state: str, k: int) -> list[str]:
    """Other states' visible counts between 1 and k−1 (there must be none)."""
    found = []
    for mart, measures in COUNTS.items():
        if mart not in share:
            continue
        frame = others(share, state, mart)
        for m in measures:
            n = frame.filter(pl.col(m).is_between(1, k - 1)).height
            if n:
                found.append(f"{mart}.{m}: {n}")
    return found


def _attack(
    frame: pl.DataFrame, mart: str, measure: str, keys: list[str], totals: pl.DataFrame, k: int
) -> list[Recovered]:
    """Given known totals per group (column T), what the withheld cells of each group become."""
    flag = f"{measure}_suppressed"
    stats = frame.group_by(keys).agg(
        n=pl.col(flag).sum(), visible=pl.col(measure).filter(~pl.col(flag)).sum()
    )
    joined = stats.filter(pl.col("n") > 0).join(totals, on=keys, how="inner", nulls_equal=True)
    found = []
    for row in joined.iter_rows(named=True):
        residual = row["T"] - (row["visible"] or 0)
        upper = residual - (row["n"] - 1)
        if row["n"] == 1 or upper < k:
            found.append(Recovered(mart, measure, tuple(row[c] for c in keys), row["n"], upper))
    return found


def _family_totals(
    share: dict[str, pl.DataFrame], state: str, measure: str, members: list[tuple]
) -> pl.DataFrame:
    """Totals a reader derives from the share: any member of a family of groups with the same
    total that shows all its cells gives that total away."""
    known = []
    for mart, keys, where, rename in members:
        frame = others(share, state, mart)
        for column, value in where.items():
            frame = frame.filter(pl.col(column) == value)
        frame = frame.rename(rename)
        family_keys = [rename.get(c, c) for c in keys]
        known.append(
            frame.group_by(family_keys)
            .agg(n=pl.col(f"{measure}_suppressed").sum(), T=pl.col(measure).sum())
            .filter(pl.col("n") == 0)
            .select(*family_keys, "T")
        )
    return pl.concat(known).unique(subset=[c for c in known[0].columns if c != "T"])


FAMILIES = [
    # mart_routes over routes, for one mode = mart_modus_operandi's transport_mode cell
    [
        ("mart_routes", [*KEY, "transport_mode"], {}, {}),
        (
            "mart_modus_operandi",
            [*KEY, "value"],
            {"dimension": "transport_mode"},
            {"value": "transport_mode"},
        ),
    ],
    # a state × period's total of mart_routes = the sum over any single-valued dimension
    [("mart_routes", KEY, {}, {})]
    + [("mart_modus_operandi", KEY, {"dimension": d}, {}) for d in SINGLE_VALUED],
]


def attack_with_the_share(share: dict[str, pl.DataFrame], state: str, k: int) -> list[Recovered]:
    """Every withheld cell the share's own totals pin down or narrow below k."""
    found: list[Recovered] = []
    for family in FAMILIES:
        for measure in ("incidents", "migrants"):
            totals = _family_totals(share, state, measure, family)
            for mart, keys, where, rename in family:
                frame = others(share, state, mart)
                for column, value in where.items():
                    frame = frame.filter(pl.col(column) == value)
                frame = frame.rename(rename)
                family_keys = [rename.get(c, c) for c in keys]
                found += _attack(frame, mart, measure, family_keys, totals, k)
    return found


def groupings(mart: str, frame: pl.DataFrame) -> list[list[str]]:
    if mart == "mart_modus_operandi":
        return [[*KEY, "dimension"]]
    skip = {
        *KEY,
        "period_start",
        "period_end",
        "period_type",
        "median_fee_usd",
        "source_rows",
        "origin_country",
        "destination_country",
        "n_transit_countries",
        "has_suppressed_values",
        *COUNTS[mart],
    }
    dims = [c for c in frame.columns if c not in skip and not c.endswith("_suppressed")]
    return [KEY] + [[*KEY, d] for d in dims]


def attack_with_true_totals(
    share: dict[str, pl.DataFrame], truth: dict[str, pl.DataFrame], state: str, k: int
) -> tuple[list[Recovered], list[Recovered]]:
    """The worst case: the reader knows every group total of k or more (from elsewhere).
    Returns (cells recovered in groups that still show a non-zero cell, cells recovered in
    groups whose every non-zero cell is withheld)."""
    partly, wholly = [], []
    for mart, measures in COUNTS.items():
        if mart not in share:
            continue
        frame = others(share, state, mart)
        true = truth[mart].join(frame.select(KEY).unique(), on=KEY, how="semi")
        for measure in measures:
            for keys in groupings(mart, frame):
                totals = true.group_by(keys).agg(T=pl.col(measure).sum()).filter(pl.col("T") >= k)
                shown = frame.group_by(keys).agg(
                    shown=((~pl.col(f"{measure}_suppressed")) & (pl.col(measure) > 0)).sum()
                )
                for hit in _attack(frame, mart, measure, keys, totals, k):
                    row = shown.filter(
                        pl.all_horizontal(
                            pl.col(c).eq_missing(v) for c, v in zip(keys, hit.group, strict=True)
                        )
                    )
                    (partly if row.item(0, "shown") > 0 else wholly).append(hit)
    return partly, wholly
