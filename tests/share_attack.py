"""An attacker holding one state's data share, trying to recompute other states' withheld cells.

Written apart from warehouse.shares on purpose: it knows the marts' measures and groupings
itself and uses only what a reader has (the share), plus, for the worst case, the true group
totals. The full snapshot also checks the attacker's work: a total derived from the share that
is wrong (rows left out make a group look complete) is no knowledge, and a cell counts as
recovered when the conclusion about it is right and tells too much: its value pinned, or
bounded below k.

For one group (cells of one measure, e.g. one state × period × transport mode) with known
total T, visible cells summing to v and n flagged cells (each ≥ 1, zeros being shown): each
flagged cell lies in [1, T − v − n + 1]; with n = 1 it "is" T − v.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

KEY = ["reporting_state", "period"]
PERIOD = ["period_start", "period_end", "period_type"]
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
# not part of a mart's grain (spec/marts.md): no grouping of their own
ATTRIBUTES = {"origin_country", "destination_country", "n_transit_countries"}
NOT_DIMENSIONS = {*KEY, *PERIOD, *ATTRIBUTES, "has_suppressed_values"}
NOT_DIMENSIONS |= {"median_fee_usd", "source_rows"}
SINGLE_VALUED = ["transport_mode", "conveyance", "concealment", "payment_method", "payment_timing"]

# (mart, measure, group columns) → known totals (group columns + T), or None
Totals = Callable[[str, str, list[str]], pl.DataFrame | None]


@dataclass(frozen=True)
class Recovered:
    mart: str
    measure: str
    cell: tuple  # the cell's grain
    true_value: int
    upper_bound: int  # the attacker's bound: the cell is in [1, upper_bound]
    pinned: bool  # the attacker's single value is the true one


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


def dimensions(mart: str, frame: pl.DataFrame) -> list[str]:
    skip = {*NOT_DIMENSIONS, *COUNTS[mart]}
    return [c for c in frame.columns if c not in skip and not c.endswith("_suppressed")]


def groupings(mart: str, frame: pl.DataFrame) -> list[list[str]]:
    if mart == "mart_modus_operandi":
        return [[*KEY, "dimension"]]
    return [KEY] + [[*KEY, d] for d in dimensions(mart, frame)]


def small_visible_counts(share: dict[str, pl.DataFrame], state: str, k: int) -> list[str]:
    """Other states' visible counts between 1 and k−1 (there must be none)."""
    found = []
    for mart, measures in COUNTS.items():
        if mart in share:
            frame = others(share, state, mart)
            for m in (m for m in measures if m in frame.columns):
                if n := frame.filter(pl.col(m).is_between(1, k - 1)).height:
                    found.append(f"{mart}.{m}: {n}")
    return found


def true_totals(truth: dict[str, pl.DataFrame], k: int) -> Totals:
    """The worst case: the attacker knows every group total of k or more."""

    def totals(mart: str, measure: str, keys: list[str]) -> pl.DataFrame:
        return truth[mart].group_by(keys).agg(T=pl.col(measure).sum()).filter(pl.col("T") >= k)

    return totals


def share_totals(share: dict[str, pl.DataFrame], state: str) -> Totals:
    """What the share itself gives away: mart_routes summed over routes for one transport mode
    is mart_modus_operandi's transport-mode cell; a state × period's mart_routes total is the
    sum of mart_modus_operandi over any single-valued dimension. A member of such a family
    that shows every cell of a group shows the family's total."""

    def complete(frame: pl.DataFrame, measure: str, keys: list[str]) -> pl.DataFrame:
        return (
            frame.group_by(keys)
            .agg(n=pl.col(f"{measure}_suppressed").sum(), T=pl.col(measure).sum())
            .filter(pl.col("n") == 0)
            .select(*keys, "T")
        )

    def totals(mart: str, measure: str, keys: list[str]) -> pl.DataFrame | None:
        if measure not in ("incidents", "migrants") or not {
            "mart_routes",
            "mart_modus_operandi",
        } <= set(share):
            return None
        routes = others(share, state, "mart_routes")
        modus = others(share, state, "mart_modus_operandi")
        if mart == "mart_routes" and keys == [*KEY, "transport_mode"]:
            cells = modus.filter(pl.col("dimension") == "transport_mode")
            return complete(cells.rename({"value": "transport_mode"}), measure, keys)
        if mart == "mart_routes" and keys == KEY:
            by_dim = modus.filter(pl.col("dimension").is_in(SINGLE_VALUED))
            return complete(by_dim, measure, [*KEY, "dimension"]).drop("dimension").unique(KEY)
        if mart == "mart_modus_operandi":
            known = complete(routes, measure, KEY)
            return known.join(pl.DataFrame({"dimension": SINGLE_VALUED}), how="cross")
        return None

    return totals


def attack(
    share: dict[str, pl.DataFrame],
    truth: dict[str, pl.DataFrame],
    state: str,
    k: int,
    totals: Totals,
) -> list[Recovered]:
    """Every withheld cell of another state that ``totals`` let the attacker recompute: pinned
    (one flagged cell, and the value is right) or bounded below k (and the bound is right).
    ``truth`` (the full snapshot) only checks the attacker's conclusions."""
    found: list[Recovered] = []
    for mart, measures in COUNTS.items():
        if mart not in share:
            continue
        frame = others(share, state, mart)
        measures = [m for m in measures if m in frame.columns]
        grain = [*KEY, *dimensions(mart, frame)]
        true = (
            truth[mart]
            .select(*grain, *measures)
            .join(frame.select(KEY).unique(), on=KEY, how="semi")
        )
        for measure in measures:
            flag = f"{measure}_suppressed"
            cells = frame.filter(pl.col(flag)).join(
                true.select(*grain, true_value=pl.col(measure)),
                on=grain,
                how="left",
                nulls_equal=True,
            )
            for keys in groupings(mart, frame):
                known = totals(mart, measure, keys)
                if known is None or cells.height == 0:
                    continue
                # a wrong total (a member with rows left out looks complete) is no knowledge
                right = true.group_by(keys).agg(true_total=pl.col(measure).sum())
                known = known.join(right, on=keys, how="inner", nulls_equal=True).filter(
                    pl.col("T") == pl.col("true_total")
                )
                groups = (
                    frame.group_by(keys)
                    .agg(
                        n=pl.col(flag).sum(),
                        seen=pl.col(measure).filter(~pl.col(flag)).sum(),
                    )
                    .filter(pl.col("n") > 0)
                    .join(known.select(*keys, "T"), on=keys, how="inner", nulls_equal=True)
                    .with_columns(residual=pl.col("T") - pl.col("seen"))
                    .with_columns(upper=pl.col("residual") - pl.col("n") + 1)
                )
                hits = (
                    cells.join(groups, on=keys, how="inner", nulls_equal=True)
                    .with_columns(
                        pinned=(pl.col("n") == 1) & (pl.col("true_value") == pl.col("residual"))
                    )
                    .filter(
                        pl.col("pinned")
                        | ((pl.col("upper") < k) & (pl.col("true_value") <= pl.col("upper")))
                    )
                )
                found += [
                    Recovered(mart, measure, r[:-3], *r[-3:])
                    for r in hits.select(*grain, "true_value", "upper", "pinned").iter_rows()
                ]
    return found


def attack_with_true_totals(
    share: dict[str, pl.DataFrame], truth: dict[str, pl.DataFrame], state: str, k: int
) -> list[Recovered]:
    return attack(share, truth, state, k, true_totals(truth, k))


def attack_with_the_share(
    share: dict[str, pl.DataFrame], truth: dict[str, pl.DataFrame], state: str, k: int
) -> list[Recovered]:
    return attack(share, truth, state, k, share_totals(share, state))
