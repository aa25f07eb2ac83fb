"""Reciprocity data shares: what each state may take home, built at every publication.

The forum's rule: a state sees other states' data only if it contributed itself, and small
counts are sensitive. The share of state S (``published/shares/<S>/``: ``share.duckdb``, one
Parquet file per mart, ``share.json``) holds

- S's own rows of every mart in full, ``fct_incidents`` included, and ``dim_country``;
- other states' rows of the aggregate marts (never ``fct_incidents``) for the years in which S
  has a current accepted submission (± ``window_years``), with small counts withheld.

Small-cell protection (other states' rows only; computed once per build for every state, so
that two shares never withhold different cells of the same figure):

1. Primary: a count between 1 and k−1 is withheld (NULL, and ``<measure>_suppressed`` true;
   a NULL with the flag false is "not reported"). Zeros and NULLs are shown: they are not small
   counts of anybody. ``median_fee_usd`` goes with ``fee_observations``; ``source_rows`` (how
   many lines a state sent) is never shown for other states.
2. Secondary, within a mart: the total of a group — a state × period, and a state × period ×
   any one dimension — may be known to a reader (another mart, a national publication). In
   every group with withheld cells and a total of at least k, at least two cells are withheld
   and their sum R satisfies R − n + 1 ≥ k (n withheld cells, each known to be ≥ 1: a reader who
   knows the total can only place each between 1 and R − n + 1, which does not exclude a value
   of k or more). Complements are the group's smallest visible non-zero cells; the rules are
   applied over every grouping until nothing changes.
3. Secondary, across marts: the share itself holds the same totals twice —
   ``mart_routes`` summed over routes for one transport mode is ``mart_modus_operandi``'s
   transport-mode cell, and a state × period's total of ``mart_routes`` is the sum of
   ``mart_modus_operandi`` over any single-valued dimension (transport_mode, conveyance,
   concealment, payment_method, payment_timing), for incidents and for migrants. When a group
   cannot be protected inside its own mart (all its non-zero cells withheld, R − n + 1 < k),
   every other member of its family withholds at least one cell, so that its total is not
   visible anywhere in the share; rule 2 then completes them.

What this does not protect is listed in docs/data-shares.md (relations between measures,
multi-valued dimensions, route legs against routes, differences between successive builds).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

log = logging.getLogger(__name__)

SCHEMA = "marts"
KEY = ("reporting_state", "period")
PERIOD_COLUMNS = ("period_start", "period_end", "period_type")
OWN_ONLY = ("fct_incidents",)
FULL = ("dim_country",)
UNPROTECTED = ("mart_reporting_coverage",)  # who reported when: the forum's own metadata
HIDDEN_FROM_OTHERS = ("source_rows",)
SINGLE_VALUED = ("transport_mode", "conveyance", "concealment", "payment_method", "payment_timing")
LINKED_MEASURES = ("incidents", "migrants")
# mart → its count measures
MEASURES: dict[str, tuple[str, ...]] = {
    "mart_routes": ("incidents", "migrants", "deceased_or_missing", "fee_observations"),
    "mart_route_legs": ("incidents", "migrants"),
    "mart_modus_operandi": ("incidents", "migrants"),
    "mart_smuggler_profiles": ("persons",),
    "mart_migrant_profiles": ("persons",),
    "mart_border_events": ("value",),
    "mart_fraudulent_documents": ("documents",),
    "mart_cooperation": ("requests",),
}
# Columns that describe a row but do not split its group (derived from the grain's columns).
DESCRIPTIVE: dict[str, tuple[str, ...]] = {
    "mart_routes": ("origin_country", "destination_country", "n_transit_countries"),
    "mart_border_events": ("has_suppressed_values",),
}


def suppressed_flag(measure: str) -> str:
    return f"{measure}_suppressed"


@dataclass
class Protected:
    """Every state's rows of one mart, with the cells other states must not see withheld."""

    mart: str
    frame: pl.DataFrame  # the mart's columns + _row + one `<measure>_supp` per measure
    measures: tuple[str, ...]
    dims: tuple[str, ...]
    primary: dict[str, int] = field(default_factory=dict)
    secondary: dict[str, int] = field(default_factory=dict)


def _groupings(mart: str, dims: tuple[str, ...]) -> list[list[str]]:
    """The groups whose totals a reader may know: state × period (per dimension of
    ``mart_modus_operandi``, whose dimensions are not additive together), and that with each
    dimension."""
    if mart == "mart_modus_operandi":
        return [[*KEY, "dimension"]]
    return [list(KEY)] + [[*KEY, d] for d in dims]


def _supp(measure: str) -> str:
    return f"_{measure}_supp"


def _primary(frame: pl.DataFrame, measures: Iterable[str], k: int) -> pl.DataFrame:
    return frame.with_columns(
        (pl.col(m).is_not_null() & (pl.col(m) >= 1) & (pl.col(m) < k)).alias(_supp(m))
        for m in measures
    )


def _group_stats(frame: pl.DataFrame, measure: str, keys: list[str], k: int) -> pl.DataFrame:
    """Per group: withheld cells n, their sum R, the total T, visible non-zero cells, and
    whether the group needs more withheld (``needy``)."""
    v, s = pl.col(measure), pl.col(_supp(measure))
    stats = frame.group_by(keys).agg(
        n=s.sum(),
        R=v.filter(s).sum(),
        T=v.sum(),
        visible=(~s & (v > 0)).sum(),
    )
    unsafe = (pl.col("n") < 2) | (pl.col("R") - pl.col("n") + 1 < k)
    return stats.with_columns(
        needy=(pl.col("n") > 0) & (pl.col("T") >= k) & unsafe,
    )


def _withhold_smallest(
    frame: pl.DataFrame, measure: str, keys: list[str], groups: pl.DataFrame
) -> tuple[pl.DataFrame, int]:
    """Withhold the smallest visible non-zero cell of each group in ``groups``."""
    if groups.height == 0:
        return frame, 0
    v, s = pl.col(measure), pl.col(_supp(measure))
    candidates = (
        frame.filter(~s & (v > 0))
        .join(groups.select(keys), on=keys, how="semi", nulls_equal=True)
        .sort([*keys, measure, "_row"], nulls_last=True)
        .group_by(keys, maintain_order=True)
        .first()
        .get_column("_row")
    )
    if candidates.len() == 0:
        return frame, 0
    frame = frame.with_columns(
        pl.when(pl.col("_row").is_in(candidates.implode()))
        .then(True)
        .otherwise(s)
        .alias(_supp(measure))
    )
    return frame, candidates.len()


def _within(p: Protected, k: int) -> int:
    """Rule 2 on every grouping of every measure; returns how many cells it withheld."""
    added = 0
    for measure in p.measures:
        for keys in _groupings(p.mart, p.dims):
            while True:
                stats = _group_stats(p.frame, measure, keys, k)
                needy = stats.filter(pl.col("needy") & (pl.col("visible") > 0))
                p.frame, n = _withhold_smallest(p.frame, measure, keys, needy)
                added += n
                p.secondary[measure] = p.secondary.get(measure, 0) + n
                if n == 0:
                    break
    return added


@dataclass(frozen=True)
class _Member:
    """One side of a family of groups with the same total: a mart, its grouping, and a filter
    (a dimension of mart_modus_operandi) with the column that plays the family's key."""

    mart: str
    keys: tuple[str, ...]
    where: dict[str, str] = field(default_factory=dict)
    rename: dict[str, str] = field(default_factory=dict)


def _families() -> list[tuple[tuple[str, ...], list[_Member]]]:
    by_mode = [
        _Member("mart_routes", (*KEY, "transport_mode")),
        _Member(
            "mart_modus_operandi",
            (*KEY, "value"),
            {"dimension": "transport_mode"},
            {"value": "transport_mode"},
        ),
    ]
    by_period = [_Member("mart_routes", KEY)] + [
        _Member("mart_modus_operandi", KEY, {"dimension": d}) for d in SINGLE_VALUED
    ]
    return [((*KEY, "transport_mode"), by_mode), (KEY, by_period)]


def _member_frame(p: Protected, member: _Member) -> pl.DataFrame:
    frame = p.frame
    for column, value in member.where.items():
        frame = frame.filter(pl.col(column) == value)
    return frame.rename(member.rename) if member.rename else frame


def _across(marts: dict[str, Protected], k: int) -> int:
    """Rule 3: a group that cannot be protected in its own mart hides its total from every
    other member of its family."""
    added = 0
    for family_keys, members in _families():
        present = [m for m in members if m.mart in marts]
        if len(present) < 2:
            continue
        for measure in LINKED_MEASURES:
            exposed = []
            stats = []
            for member in present:
                frame = _member_frame(marts[member.mart], member)
                keys = list(family_keys)
                st = _group_stats(frame, measure, keys, k)
                stats.append(st)
                exposed.append(st.filter(pl.col("needy") & (pl.col("visible") == 0)).select(keys))
            exposed_keys = pl.concat(exposed).unique()
            if exposed_keys.height == 0:
                continue
            for member, st in zip(present, stats, strict=True):
                # members of an exposed family that still show their whole total
                bare = st.filter((pl.col("n") == 0) & (pl.col("visible") > 0)).join(
                    exposed_keys, on=list(family_keys), how="semi", nulls_equal=True
                )
                if bare.height == 0:
                    continue
                p = marts[member.mart]
                inverse = {v: k_ for k_, v in member.rename.items()}
                groups = bare.rename(inverse).with_columns(
                    pl.lit(v).alias(c) for c, v in member.where.items()
                )
                keys = [inverse.get(c, c) for c in family_keys] + list(member.where)
                p.frame, n = _withhold_smallest(p.frame, measure, keys, groups)
                p.secondary[measure] = p.secondary.get(measure, 0) + n
                added += n
    return added


def protect(
    marts: dict[str, pl.DataFrame], *, k: int = 3, secondary: bool = True
) -> dict[str, Protected]:
    """Withhold small cells of every mart in ``marts`` (rules 1–3 of the module docstring)."""
    protected = {}
    for mart, frame in marts.items():
        measures = MEASURES[mart]
        dims = tuple(
            c
            for c in frame.columns
            if c not in {*KEY, *PERIOD_COLUMNS, *measures, *HIDDEN_FROM_OTHERS}
            and c not in DESCRIPTIVE.get(mart, ())
            and c != "median_fee_usd"
        )
        framed = _primary(frame.with_row_index("_row"), measures, k)
        p = Protected(mart, framed, measures, dims)
        p.primary = {m: int(framed.get_column(_supp(m)).sum()) for m in measures}
        protected[mart] = p
    if secondary:
        while True:
            added = sum(_within(p, k) for p in protected.values())
            added += _across(protected, k)
            if added == 0:
                break
    return protected


def withheld_view(p: Protected, k: int) -> pl.DataFrame:
    """The mart as other states see it: withheld cells NULL, with their flags."""
    frame = p.frame
    exprs = []
    for m in p.measures:
        exprs.append(pl.when(pl.col(_supp(m))).then(None).otherwise(pl.col(m)).alias(m))
        exprs.append(pl.col(_supp(m)).alias(suppressed_flag(m)))
    frame = frame.with_columns(exprs)
    if p.mart == "mart_routes":
        hide = pl.col(suppressed_flag("fee_observations")) | (pl.col("fee_observations") < k)
        frame = frame.with_columns(
            pl.when(hide).then(None).otherwise(pl.col("median_fee_usd")).alias("median_fee_usd")
        )
    for column in HIDDEN_FROM_OTHERS:
        if column in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=frame.schema[column]).alias(column))
    return frame.drop("_row", *[_supp(m) for m in p.measures])


def own_view(frame: pl.DataFrame, measures: Iterable[str]) -> pl.DataFrame:
    return frame.with_columns(pl.lit(False).alias(suppressed_flag(m)) for m in measures)


@dataclass(frozen=True)
class ShareSummary:
    state: str
    years_granted: list[int]
    rows: dict[str, int]
    withheld: dict[str, int]
    path: Path


def _years(coverage: pl.DataFrame, state: str) -> set[int]:
    return set(
        coverage.filter((pl.col("reporting_state") == state) & (pl.col("submissions_current") > 0))
        .get_column("period_start")
        .dt.year()
        .to_list()
    )


def granted_years(own_years: set[int], all_years: set[int], window: int) -> list[int]:
    return sorted(y for y in all_years if any(abs(y - o) <= window for o in own_years))


def read_marts(database: Path) -> dict[str, pl.DataFrame]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        names = [
            n
            for (n,) in con.execute(
                "select table_name from duckdb_tables() where schema_name = ? order by 1",
                [SCHEMA],
            ).fetchall()
        ]
        return {
            n: pl.from_arrow(con.sql(f"select * from {SCHEMA}.{n}").to_arrow_table()) for n in names
        }
    finally:
        con.close()


def build_shares(
    snapshot_db: Path,
    out_dir: Path,
    *,
    states: Iterable[str],
    build_id: str,
    k: int = 3,
    window_years: int = 0,
    secondary: bool = True,
) -> dict[str, ShareSummary]:
    """Write the share of every state in ``states`` (and every state in the snapshot) under
    ``out_dir/<ISO3>/`` from the marts of ``snapshot_db``."""
    started = time.perf_counter()
    marts = read_marts(snapshot_db)
    protected = protect({m: f for m, f in marts.items() if m in MEASURES}, k=k, secondary=secondary)
    views = {m: withheld_view(p, k) for m, p in protected.items()}
    coverage = marts.get("mart_reporting_coverage")
    reporting = (
        set(coverage.get_column("reporting_state").to_list()) if coverage is not None else set()
    )
    all_years = (
        set(coverage.get_column("period_start").dt.year().to_list())
        if coverage is not None
        else set()
    )
    summaries = {}
    for state in sorted(set(states) | reporting):
        years = (
            granted_years(_years(coverage, state), all_years, window_years)
            if coverage is not None
            else []
        )
        tables: dict[str, pl.DataFrame] = {}
        withheld: dict[str, int] = {}
        for mart, frame in marts.items():
            own = (
                frame.filter(pl.col("reporting_state") == state)
                if "reporting_state" in frame.columns
                else frame
            )
            if mart in FULL:
                tables[mart] = frame
            elif mart in OWN_ONLY:
                tables[mart] = own
            elif mart in UNPROTECTED:
                others = frame.filter(
                    (pl.col("reporting_state") != state)
                    & pl.col("period_start").dt.year().is_in(years)
                )
                tables[mart] = pl.concat([own, others])
            elif mart in views:
                measures = MEASURES[mart]
                others = views[mart].filter(
                    (pl.col("reporting_state") != state)
                    & pl.col("period_start").dt.year().is_in(years)
                )
                tables[mart] = pl.concat([own_view(own, measures), others], how="vertical_relaxed")
                withheld[mart] = int(
                    others.select(
                        pl.sum_horizontal(pl.col(suppressed_flag(m)) for m in measures).sum()
                    ).item()
                    or 0
                )
            else:
                continue  # a mart this module does not know is not shared with other states
        summaries[state] = _write_share(
            out_dir / state, state, build_id, k, window_years, years, tables, withheld
        )
    log.info("built %d shares in %.1f s", len(summaries), time.perf_counter() - started)
    return summaries


def _write_share(
    folder: Path,
    state: str,
    build_id: str,
    k: int,
    window: int,
    years: list[int],
    tables: dict[str, pl.DataFrame],
    withheld: dict[str, int],
) -> ShareSummary:
    folder.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(folder / "share.duckdb"))
    try:
        con.execute(f"create schema {SCHEMA}")
        for name, frame in tables.items():
            con.register("_frame", frame.to_arrow())
            con.execute(f"create table {SCHEMA}.{name} as select * from _frame")
            con.unregister("_frame")
            con.execute(
                f"copy {SCHEMA}.{name} to ? (format parquet, compression zstd)",
                [str(folder / f"{name}.parquet")],
            )
        con.execute("create schema meta")
        con.execute(
            "create table meta.share as select ? as state, ? as build_id, ? as min_count, "
            "? as window_years, ?::integer[] as years_granted",
            [state, build_id, k, window, years],
        )
        con.execute("checkpoint")
    finally:
        con.close()
    rows = {name: frame.height for name, frame in tables.items()}
    manifest = {
        "state": state,
        "build_id": build_id,
        "min_count": k,
        "window_years": window,
        "years_granted": years,
        "rows": rows,
        "withheld_cells": withheld,
        "rules": "docs/data-shares.md",
    }
    (folder / "share.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return ShareSummary(state, years, rows, withheld, folder)
