"""Reciprocity data shares: what each state may take home, built at every publication.

The forum's rule: a state sees other states' data only if it contributed itself, and small
counts are sensitive. The share of state S (``<snapshot>/shares/<S>/``: ``share.duckdb`` with
schemas ``marts`` and ``meta``, one Parquet file per mart, ``share.json``) holds

- S's own rows of every mart in full, ``fct_incidents`` included, and ``dim_country``;
- other states' rows of the aggregate marts (never ``fct_incidents``) of the years in which S
  has a current accepted submission (a year y is granted when S reported in [y−w, y+w],
  w = ``window_years``), with small counts withheld; other states' ``mart_reporting_coverage``
  rows of those years unchanged (who reported when: metadata, not counts of people).

Small-cell protection of other states' rows. It is computed once per build, for all states
together, so that two shares never withhold different cells of the same figure. A *group* is
a set of cells of one measure whose total a reader may know: every state × period, and every
state × period × value of one dimension of the mart's grain (for ``mart_modus_operandi``:
state × period × dimension, since its dimensions are not additive together). A group's total
is treated as known whenever it is ≥ k: another mart, the share itself or a national
publication may show it (``mart_routes`` summed over routes for one transport mode is
``mart_modus_operandi``'s transport-mode cell, for instance).

1. Primary: a count from 1 to k−1 is withheld: NULL, with ``<measure>_suppressed`` true (a NULL
   with the flag false is "not reported"). Zeros and NULLs are shown. ``median_fee_usd`` is
   withheld when ``fee_observations`` is withheld or below k; ``source_rows`` (how many lines
   a state sent) is NULL for other states.
2. Complements: in every group with a total ≥ k and withheld cells, at least two cells are
   withheld and their sum R satisfies R − n + 1 ≥ k (n withheld cells, each known to be ≥ 1:
   a reader who knows the total can only place each between 1 and R − n + 1, which does not
   exclude k or more). The complement is the group's smallest visible non-zero cell (one is
   always enough: it is ≥ k), preferring cells that are not alone in a group of another
   grouping (there, the group's total is the cell). Applied over every grouping until nothing
   changes.
3. Rows left out: a group with a total ≥ k whose every non-zero cell is already withheld and
   still R − n + 1 < k (five routes of one incident each), or whose only withheld cell is its
   only non-zero cell, cannot be helped by complements: the number of withheld cells gives
   them away. Whole rows (those with the most withheld measures, then the smallest, first) are
   then left out of other states' view until the withheld cells still shown satisfy
   T − v − n' + 1 ≥ k (T the total, v what is still visible, n' the withheld cells still
   shown) and a lone withheld cell is never the group's only withheld one. Leaving a row out
   only widens what a reader can infer in every other group; it also means that other
   states' visible rows need not add up to their totals.

A group with a total below k shows no non-zero value (each is below k), so its total cannot
be read off the share. What this does *not* protect is listed in docs/data-shares.md.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

log = logging.getLogger(__name__)

SCHEMA = "marts"
KEY = ("reporting_state", "period")
PERIOD_COLUMNS = ("period_start", "period_end", "period_type")
FULL = frozenset({"dim_country"})
# Other states' rows as they are: reporting metadata (who reported when), not counts of people.
UNPROTECTED = frozenset({"mart_reporting_coverage"})
HIDDEN_FROM_OTHERS = ("source_rows",)
# mart → its count measures (a mart not listed here, fct_incidents included, is own rows only)
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
# Values that are not counts but are withheld with one (see withheld_view).
DERIVED: dict[str, tuple[str, ...]] = {"mart_routes": ("median_fee_usd",)}
# Columns that describe a row without being part of the mart's grain (spec/marts.md): no
# grouping of their own (origin and destination follow from route_key; see docs/data-shares.md).
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "mart_routes": ("origin_country", "destination_country", "n_transit_countries"),
    "mart_border_events": ("has_suppressed_values",),
}
_HIDDEN = "_hidden"
_ROW = "_row"


def suppressed_flag(column: str) -> str:
    """The companion column of ``column``: true where the share withholds its value."""
    return f"{column}_suppressed"


def _supp(measure: str) -> str:
    return f"_{measure}_supp"


def groupings(mart: str, columns: Sequence[str]) -> list[tuple[str, ...]]:
    """The groups whose totals a reader may know: state × period, and state × period × one
    dimension of the mart's grain (``mart_modus_operandi``: state × period × dimension only; a
    sum over all its dimensions counts an incident once per dimension, and follows from the
    per-dimension totals)."""
    if mart == "mart_modus_operandi":
        return [(*KEY, "dimension")]
    skip = {
        *KEY,
        *PERIOD_COLUMNS,
        *MEASURES[mart],
        *DERIVED.get(mart, ()),
        *ATTRIBUTES.get(mart, ()),
        *HIDDEN_FROM_OTHERS,
    }
    return [KEY] + [(*KEY, c) for c in columns if c not in skip]


@dataclass
class Protection:
    """Every state's rows of one mart, with what other states must not see marked."""

    mart: str
    frame: pl.DataFrame  # the mart + _row, one _<measure>_supp per measure, _hidden
    measures: tuple[str, ...]
    groups: list[tuple[str, ...]]
    primary: dict[str, int] = field(default_factory=dict)  # cells, per measure
    secondary: dict[str, int] = field(default_factory=dict)  # complements, per measure
    hidden_rows: int = 0  # rows left out of other states' view (rule 3)


def _alone(p: Protection, measure: str) -> pl.Expr:
    """True for a cell that is the only non-zero cell of its group in some grouping: its value
    is that group's total, so withholding it as a complement would protect nothing."""
    nonzero = pl.col(measure) > 0
    return pl.any_horizontal(nonzero.sum().over(keys) == 1 for keys in p.groups)


def _complements(p: Protection, k: int) -> int:
    """Rule 2 over every grouping of every measure, once; returns the cells it withheld."""
    added = 0
    for measure in p.measures:
        v, s = pl.col(measure), pl.col(_supp(measure))
        alone = _alone(p, measure)
        for keys in p.groups:
            needy = (
                p.frame.group_by(keys)
                .agg(
                    total=v.sum(),
                    n=s.sum(),
                    withheld=v.filter(s).sum(),
                    visible=(~s & (v > 0)).sum(),
                )
                .filter(
                    (pl.col("n") > 0)
                    & (pl.col("total") >= k)
                    & ((pl.col("n") < 2) | (pl.col("withheld") - pl.col("n") + 1 < k))
                    & (pl.col("visible") > 0)
                )
            )
            if needy.height == 0:
                continue
            chosen = (
                p.frame.with_columns(_alone=alone)
                .filter(~s & (v > 0))
                .join(needy.select(keys), on=list(keys), how="semi", nulls_equal=True)
                .sort([*keys, "_alone", measure, _ROW], nulls_last=True)
                .group_by(keys, maintain_order=True)
                .agg(pl.col(_ROW).first())
                .get_column(_ROW)
            )
            p.frame = p.frame.with_columns(
                (s | pl.col(_ROW).is_in(chosen.implode())).alias(_supp(measure))
            )
            p.secondary[measure] = p.secondary.get(measure, 0) + chosen.len()
            added += chosen.len()
    return added


def _hide_rows(p: Protection, k: int) -> int:
    """Rule 3 over every grouping of every measure, once; returns the rows it left out."""
    added = 0
    withheld_measures = pl.sum_horizontal(pl.col(_supp(m)) for m in p.measures)
    for measure in p.measures:
        v, s, h = pl.col(measure), pl.col(_supp(measure)), pl.col(_HIDDEN)
        for keys in p.groups:
            shown, left_out = pl.col("shown"), pl.col("left_out")
            excess = (
                p.frame.group_by(keys)
                .agg(
                    total=v.sum(),
                    seen=v.filter(~s & ~h).sum(),
                    shown=(s & ~h).sum(),
                    left_out=(h & (v > 0)).sum(),
                )
                .with_columns(
                    excess=pl.max_horizontal(
                        shown - (pl.col("total") - pl.col("seen") - k + 1),
                        # the group's only withheld cell: its value is the total minus the rest
                        pl.when((shown == 1) & (left_out == 0)).then(1).otherwise(0),
                    )
                )
                .filter((pl.col("total") >= k) & (shown > 0) & (pl.col("excess") > 0))
            )
            if excess.height == 0:
                continue
            chosen = (
                p.frame.filter(s & ~h)
                .join(excess.select(*keys, "excess"), on=list(keys), how="inner", nulls_equal=True)
                .with_columns(_withheld=withheld_measures)
                .sort(
                    [*keys, "_withheld", measure, _ROW],
                    descending=[*(False for _ in keys), True, False, False],
                    nulls_last=True,
                )
                .with_columns(_rank=pl.int_range(pl.len()).over(keys))  # nulls: one group
                .filter(pl.col("_rank") < pl.col("excess"))
                .get_column(_ROW)
            )
            p.frame = p.frame.with_columns(
                (h | pl.col(_ROW).is_in(chosen.implode())).alias(_HIDDEN)
            )
            p.hidden_rows += chosen.len()
            added += chosen.len()
    return added


def protect(
    marts: Mapping[str, pl.DataFrame], *, k: int = 3, secondary: bool = True
) -> dict[str, Protection]:
    """Mark what other states must not see in every mart of ``marts`` that has count
    measures (rules 1–3 of the module docstring; ``secondary=False``: rule 1 only)."""
    protected = {}
    for mart, frame in marts.items():
        if mart not in MEASURES:
            continue
        measures = tuple(m for m in MEASURES[mart] if m in frame.columns)
        framed = frame.with_row_index(_ROW).with_columns(
            *(
                (pl.col(m).is_not_null() & (pl.col(m) >= 1) & (pl.col(m) < k)).alias(_supp(m))
                for m in measures
            ),
            pl.lit(False).alias(_HIDDEN),
        )
        p = Protection(mart, framed, measures, groupings(mart, frame.columns))
        p.primary = {m: int(framed.get_column(_supp(m)).sum()) for m in measures}
        if secondary:
            while _complements(p, k):
                pass
            while _hide_rows(p, k):
                pass
        protected[mart] = p
    return protected


def withheld_view(p: Protection, k: int) -> pl.DataFrame:
    """The mart as other states see it: rows of rule 3 left out, withheld values NULL, each
    count (and derived value) with its ``_suppressed`` flag."""
    frame = p.frame.filter(~pl.col(_HIDDEN))
    columns = []
    for m in p.measures:
        columns.append(pl.when(pl.col(_supp(m))).then(None).otherwise(pl.col(m)).alias(m))
        columns.append(pl.col(_supp(m)).alias(suppressed_flag(m)))
    frame = frame.with_columns(columns)
    if p.mart == "mart_routes" and "median_fee_usd" in frame.columns:
        hide = pl.col(suppressed_flag("fee_observations")) | (pl.col("fee_observations") < k)
        frame = frame.with_columns(
            pl.when(hide).then(None).otherwise(pl.col("median_fee_usd")).alias("median_fee_usd"),
            hide.fill_null(False).alias(suppressed_flag("median_fee_usd")),
        )
    for column in HIDDEN_FROM_OTHERS:
        if column in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=frame.schema[column]).alias(column))
    return frame.drop(_ROW, _HIDDEN, *(_supp(m) for m in p.measures))


@dataclass(frozen=True)
class ShareSummary:
    state: str
    years_granted: list[int]
    rows: dict[str, int]  # per mart
    suppressed: dict[str, int]  # withheld cells shown as NULL + flag, per mart
    path: Path


def read_marts(database: Path) -> dict[str, pl.DataFrame]:
    """Every table of schema ``marts`` of ``database`` (opened read-only)."""
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


def granted_years(own_years: Iterable[int], all_years: Iterable[int], window: int) -> list[int]:
    """The years of other states' data a state sees: those within ``window`` of its own."""
    own = set(own_years)
    return sorted(y for y in set(all_years) if any(abs(y - o) <= window for o in own))


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
    """Write ``out_dir/<ISO3>/`` for every state of ``states`` and every reporting state of
    ``snapshot_db`` (a snapshot's DuckDB file, read only), from its schema ``marts``.
    ``secondary=False`` withholds small cells only (for tests: it is not safe)."""
    started = time.perf_counter()
    marts = read_marts(snapshot_db)
    protected = protect(marts, k=k, secondary=secondary)
    others = {mart: withheld_view(p, k).to_arrow() for mart, p in protected.items()}
    coverage = marts.get("mart_reporting_coverage")
    reporting: set[str] = set()
    own_years: dict[str, set[int]] = {}
    all_years: set[int] = set()
    if coverage is not None:
        current = coverage.filter(pl.col("submissions_current") > 0).select(
            "reporting_state", year=pl.col("period_start").dt.year()
        )
        reporting = set(coverage.get_column("reporting_state"))
        all_years = set(coverage.get_column("period_start").dt.year())
        for state, year in current.iter_rows():  # a few hundred (state, period) rows
            own_years.setdefault(state, set()).add(year)
    protection_done = time.perf_counter()
    summaries = {}
    for state in sorted(set(states) | reporting):
        years = granted_years(own_years.get(state, ()), all_years, window_years)
        summaries[state] = _write_share(
            snapshot_db, out_dir / state, state, build_id, k, window_years, years, marts, others
        )
    log.info(
        "shares: %d states; protection %.1f s, files %.1f s; withheld cells primary %d, "
        "complements %d, rows left out %d",
        len(summaries),
        protection_done - started,
        time.perf_counter() - protection_done,
        sum(sum(p.primary.values()) for p in protected.values()),
        sum(sum(p.secondary.values()) for p in protected.values()),
        sum(p.hidden_rows for p in protected.values()),
    )
    return summaries


def _write_share(
    snapshot_db: Path,
    folder: Path,
    state: str,
    build_id: str,
    k: int,
    window: int,
    years: list[int],
    marts: Mapping[str, pl.DataFrame],
    others: Mapping[str, object],
) -> ShareSummary:
    """One DuckDB connection: the snapshot attached read-only, other states' views
    registered, every table one ``create table … as select`` (and one Parquet copy)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows: dict[str, int] = {}
    suppressed: dict[str, int] = {}
    con = duckdb.connect(str(folder / "share.duckdb"))
    try:
        con.execute("attach ? as snapshot (read_only)", [str(snapshot_db)])
        con.execute(f"create schema {SCHEMA}")
        granted = "list_contains(?::integer[], year(period_start)::integer)"
        for mart, frame in marts.items():
            source = f"snapshot.{SCHEMA}.{mart}"
            params: list[object] = []
            if mart in FULL:
                select = f"select * from {source}"
            elif "reporting_state" not in frame.columns:
                log.warning("shares: %s has no reporting_state; left out", mart)
                continue
            elif mart in UNPROTECTED:
                select = f"select * from {source} where reporting_state = ? or {granted}"
                params = [state, years]
            elif mart in others:
                flags = [c for c in others[mart].column_names if c.endswith("_suppressed")]
                con.register("_others", others[mart])
                select = (
                    f"select *, {', '.join(f'false as {f}' for f in flags)} from {source} "
                    f"where reporting_state = ? union all by name "
                    f"select * from _others where reporting_state <> ? and {granted}"
                )
                params = [state, state, years]
            else:  # fct_incidents, and any mart this module does not know: own rows only
                select = f"select * from {source} where reporting_state = ?"
                params = [state]
            con.execute(f"create table {SCHEMA}.{mart} as {select}", params)
            if mart in others:
                con.unregister("_others")
                counted = " + ".join(f"count(*) filter ({f})" for f in flags)
                suppressed[mart] = con.execute(f"select {counted} from {SCHEMA}.{mart}").fetchone()[
                    0
                ]
            rows[mart] = con.execute(f"select count(*) from {SCHEMA}.{mart}").fetchone()[0]
            con.execute(
                f"copy {SCHEMA}.{mart} to ? (format parquet, compression zstd)",
                [str(folder / f"{mart}.parquet")],
            )
        con.execute("detach snapshot")
        con.execute("create schema meta")
        con.execute(
            "create table meta.share as select ? as state, ? as build_id, ? as k, "
            "? as window_years, ?::integer[] as years_granted",
            [state, build_id, k, window, years],
        )
        con.execute("checkpoint")
    finally:
        con.close()
    manifest = {
        "state": state,
        "build_id": build_id,
        "k": k,
        "window_years": window,
        "years_granted": years,
        "rows": rows,
        "suppressed_cells": suppressed,
        "rules": "docs/data-shares.md",
    }
    (folder / "share.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return ShareSummary(state, years, rows, suppressed, folder)
