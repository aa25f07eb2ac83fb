"""The quality gate: great-expectations suites run on every built mart before publication.

dbt's own tests check each model in isolation (keys, not-nulls, code lists). The gate is the last
look at the marts *as analysts will get them*, and checks what dbt tests do not express well:

* **non-negative measures**: every count or amount column of every mart is >= 0;
* **codes**: every coded column holds a code of its code list (read from the warehouse's
  ``codelists`` schema, i.e. the seeds the build used), or one of the explicit members the dbt
  YAML allows (``unmapped``; ``unknown`` where the mart fills blanks with it);
* **referential integrity**: every country column's values are in ``marts.dim_country.iso3``;
* **conservation**: nothing is lost or double counted between the layers, e.g. the migrants of
  ``mart_routes`` add up to those of ``fct_incidents``, which add up to the current incidents of
  the intermediate layer; the persons of the profile marts to those of their intermediate tables;
* **period-over-period anomalies**: for each reporting state and a few key series, a value far
  above the state's own history (see :data:`SPIKE_FACTOR`) is a *warning*: it may be a real
  surge or a unit/typing error (thousands reported as units), and a person should look.

Each expectation carries a GX 1.x ``severity``: a failed ``critical`` one blocks publication
(``QualityReport.passed`` is False), a failed ``warning`` one is only reported.

How it runs: each mart is read with a read-only DuckDB connection into a pandas DataFrame and
validated as a whole-dataframe batch of an ephemeral GX context (nothing of GX is left on disk but
the Data Docs). A checkpoint's ``batch_parameters`` apply to all of its validation definitions, and
every mart is a different DataFrame, so there is one checkpoint per mart (12 runs in all, not one
per expectation). A mart is read only with the columns its suite names, when its checkpoint runs,
and dropped after it. The Data Docs site (``<out_dir>/data_docs/``) is built once, after the last
checkpoint, from the context's stored results, and made self-contained (:mod:`warehouse.data_docs`:
no CDN, opens offline from ``file://``); the gate writes ``quality-report.json`` and
``quality-report.md`` next to it.

Importing this module is cheap: great_expectations (several seconds), pandas and DuckDB are
imported by the functions that need them, so the CLI and DAG parsing do not pay for them.
"""

from __future__ import annotations

import json
import logging
import math
import re
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlparse
from urllib.request import url2pathname

from warehouse.data_docs import make_self_contained

if TYPE_CHECKING:
    import duckdb
    import great_expectations as gx
    import pandas as pd

log = logging.getLogger(__name__)

Severity = Literal["critical", "warning", "info"]

MARTS_SCHEMA = "marts"
CODELISTS_SCHEMA = "codelists"
DATA_DOCS_DIR = "data_docs"
REPORT_JSON = "quality-report.json"
REPORT_MD = "quality-report.md"
_SITE = "vrs_quality"
_RUN_NAME = "vrs-quality-gate"

# Members that are not codes of a list but that the dbt YAML accepts in a coded column:
# "unmapped" (a value no code list knows yet) everywhere, "unknown" where the mart fills a blank
# with it (group-by keys that cannot be NULL).
UNMAPPED: tuple[str, ...] = ("unmapped",)
UNKNOWN_UNMAPPED: tuple[str, ...] = ("unknown", "unmapped")
PERIOD_TYPES: tuple[str, ...] = ("M", "Q", "S", "A")
AGE_CLASSES: tuple[str, ...] = ("minor", "adult", "unknown")
REGIONS: tuple[str, ...] = (
    "Africa",
    "Americas",
    "Asia",
    "Europe",
    "Oceania",
    "Antarctica",
    "Unknown",
)
# mart_modus_operandi: dimension -> the code list of its values.
MODUS_DIMENSIONS: dict[str, str] = {
    "transport_mode": "transport_mode",
    "conveyance": "conveyance",
    "concealment": "concealment",
    "payment_method": "payment_method",
    "payment_timing": "payment_timing",
    "technology": "technology",
    "related_offence": "related_offence",
    "aggravating": "aggravating",
}
# The dimensions where each incident has exactly one value (blank -> "unknown"), so each counts
# every incident once; multi-valued ones count an incident under each of its values.
MODUS_SINGLE_VALUED: tuple[str, ...] = (
    "transport_mode",
    "conveyance",
    "concealment",
    "payment_method",
    "payment_timing",
)

# Period-over-period rule: a value is an anomaly when it is more than SPIKE_FACTOR times the
# median of the state's previous HISTORY_WINDOW (at least MIN_HISTORY) reported periods of the
# same period type, and above the series' absolute floor. The median, not the mean, so that one
# earlier spike does not hide the next; a window, so that a steady trend moves the baseline; a
# floor, so that 1 -> 6 incidents is not news.
SPIKE_FACTOR = 5.0
MIN_HISTORY = 3
HISTORY_WINDOW = 8


# --------------------------------------------------------------------------------------------
# What is checked: one table-driven spec per mart (kept in step with the dbt YAML by
# tests/unit/warehouse/test_quality.py).


@dataclass(frozen=True)
class Codes:
    """``column`` takes the codes of ``codelist`` plus ``also``; with ``where``, only on the rows
    where ``where[0] == where[1]`` (mart_modus_operandi's ``value`` depends on ``dimension``)."""

    column: str
    codelist: str
    also: tuple[str, ...] = UNMAPPED
    where: tuple[str, str] | None = None


@dataclass(frozen=True)
class Total:
    """Conservation: ``sum(column)`` over the mart (the row count when ``column`` is None),
    optionally on the rows where ``where`` holds, equals the answer of ``source_sql``."""

    column: str | None
    source_sql: str
    source: str  # for people: where the expected total comes from
    where: tuple[str, str] | None = None


@dataclass(frozen=True)
class MartSpec:
    name: str
    measures: tuple[str, ...] = ()
    codes: tuple[Codes, ...] = ()
    fixed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    countries: tuple[str, ...] = ()
    totals: tuple[Total, ...] = ()
    unique: tuple[str, ...] = ()
    # Every mart but dim_country carries reporting_state and the period columns (spec §marts).
    periodic: bool = True

    @property
    def country_columns(self) -> tuple[str, ...]:
        return (("reporting_state",) if self.periodic else ()) + self.countries

    @property
    def fixed_sets(self) -> dict[str, tuple[str, ...]]:
        return ({"period_type": PERIOD_TYPES} if self.periodic else {}) | dict(self.fixed)


def _sum(table: str, expression: str) -> str:
    return f"select coalesce(sum({expression}), 0) from {table}"


def _count(table: str) -> str:
    return f"select count(*) from {table}"


def _profile_totals(intermediate: str, measure: str, source_measure: str) -> tuple[Total, ...]:
    """An aggregated mart holds every row of its intermediate table exactly once."""
    table = f"intermediate.{intermediate}"
    return (
        Total(measure, _sum(table, source_measure), f"sum({source_measure}) of {table}"),
        Total("source_rows", _count(table), f"rows of {table}"),
    )


_FCT = f"{MARTS_SCHEMA}.fct_incidents"
_INCIDENTS_CURRENT = "intermediate.int_incidents_current"

MARTS: tuple[MartSpec, ...] = (
    MartSpec("dim_country", fixed={"region": REGIONS}, unique=("iso3",), periodic=False),
    MartSpec(
        "fct_incidents",
        measures=(
            "n_transit_countries",
            "migrants_total",
            "migrants_deceased",
            "migrants_missing",
            "migrants_injured",
            "unaccompanied_minors",
            "smugglers_detected",
            "fee_per_migrant",
            "fee_per_migrant_usd",
        ),
        codes=(
            Codes("detection_stage", "detection_stage"),
            Codes("transport_mode", "transport_mode"),
            Codes("conveyance", "conveyance"),
            Codes("concealment", "concealment"),
            Codes("fee_basis", "fee_basis"),
            Codes("payment_method", "payment_method"),
            Codes("payment_timing", "payment_timing"),
            Codes("benefit_required", "yes_no"),
            # The list columns (related_offences, technology, aggravating) are checked through
            # mart_modus_operandi, which holds one row per member of each list.
        ),
        countries=("detection_country", "origin_country", "destination_country"),
        totals=(
            # Harmonising joins code, country, route and fee tables: a duplicate key in any of
            # them would multiply incidents.
            Total(None, _count(_INCIDENTS_CURRENT), f"rows of {_INCIDENTS_CURRENT}"),
            Total(
                "migrants_total",
                _sum(_INCIDENTS_CURRENT, "migrants_total"),
                f"sum(migrants_total) of {_INCIDENTS_CURRENT}",
            ),
        ),
    ),
    MartSpec(
        "mart_routes",
        measures=(
            "n_transit_countries",
            "incidents",
            "migrants",
            "deceased_or_missing",
            "median_fee_usd",
            "fee_observations",
        ),
        codes=(Codes("transport_mode", "transport_mode"),),
        countries=("origin_country", "destination_country"),
        totals=(
            Total("incidents", _count(_FCT), f"rows of {_FCT}"),
            Total("migrants", _sum(_FCT, "migrants_total"), f"sum(migrants_total) of {_FCT}"),
            Total(
                "deceased_or_missing",
                _sum(_FCT, "coalesce(migrants_deceased, 0) + coalesce(migrants_missing, 0)"),
                f"sum(migrants_deceased + migrants_missing) of {_FCT}",
            ),
            Total(
                "fee_observations",
                f"select count(fee_per_migrant_usd) from {_FCT}",
                f"incidents with fee_per_migrant_usd in {_FCT}",
            ),
        ),
    ),
    MartSpec(
        "mart_route_legs",
        # No conservation: an incident counts once on each of its legs, and legs come from the
        # route_legs table or from the route, so no simple total is invariant.
        measures=("incidents", "migrants"),
        codes=(Codes("transport_mode", "transport_mode", UNKNOWN_UNMAPPED),),
        countries=("from_country", "to_country"),
    ),
    MartSpec(
        "mart_modus_operandi",
        measures=("incidents", "migrants"),
        fixed={"dimension": tuple(MODUS_DIMENSIONS)},
        codes=tuple(
            Codes("value", codelist, UNKNOWN_UNMAPPED, where=("dimension", dimension))
            for dimension, codelist in MODUS_DIMENSIONS.items()
        ),
        totals=tuple(
            total
            for dimension in MODUS_SINGLE_VALUED
            for total in (
                Total("incidents", _count(_FCT), f"rows of {_FCT}", ("dimension", dimension)),
                Total(
                    "migrants",
                    _sum(_FCT, "migrants_total"),
                    f"sum(migrants_total) of {_FCT}",
                    ("dimension", dimension),
                ),
            )
        ),
    ),
    MartSpec(
        "mart_smuggler_profiles",
        measures=("persons", "source_rows"),
        codes=(
            Codes("sex", "sex", UNKNOWN_UNMAPPED),
            Codes("role", "role", UNKNOWN_UNMAPPED),
            Codes("justice_stage", "justice_stage", UNKNOWN_UNMAPPED),
            Codes("group_structure", "group_structure", UNKNOWN_UNMAPPED),
        ),
        fixed={"age_class": AGE_CLASSES},
        countries=("citizenship",),
        totals=_profile_totals("int_smugglers_harmonised", "persons", "persons"),
    ),
    MartSpec(
        "mart_migrant_profiles",
        measures=("persons", "source_rows"),
        codes=(
            Codes("sex", "sex", UNKNOWN_UNMAPPED),
            Codes("unaccompanied", "yes_no", UNKNOWN_UNMAPPED),
        ),
        fixed={"age_class": AGE_CLASSES},
        countries=("citizenship",),
        totals=_profile_totals("int_smuggled_migrants_harmonised", "persons", "persons"),
    ),
    MartSpec(
        "mart_border_events",
        measures=("value", "source_rows"),
        codes=(
            Codes("indicator", "indicator"),
            Codes("counting_unit", "counting_unit"),
            Codes("border_type", "border_type", UNKNOWN_UNMAPPED),
            Codes("detection_location", "detection_location", UNKNOWN_UNMAPPED),
            Codes("sex", "sex", UNKNOWN_UNMAPPED),
        ),
        fixed={"age_class": AGE_CLASSES},
        countries=("citizenship",),
        totals=_profile_totals("int_border_events_harmonised", "value", "value"),
    ),
    MartSpec(
        "mart_fraudulent_documents",
        measures=("documents", "source_rows"),
        codes=(
            Codes("document_type", "document_type"),
            Codes("fraud_type", "fraud_type"),
            Codes("border_type", "border_type", UNKNOWN_UNMAPPED),
        ),
        countries=("issuing_country", "holder_citizenship"),
        totals=_profile_totals("int_fraudulent_documents_harmonised", "documents", "documents"),
    ),
    MartSpec(
        "mart_cooperation",
        measures=("requests", "source_rows"),
        codes=(
            Codes("request_type", "request_type"),
            Codes("direction", "direction"),
            Codes("outcome", "request_outcome", UNKNOWN_UNMAPPED),
        ),
        countries=("counterpart_state",),
        totals=_profile_totals("int_cooperation_harmonised", "requests", "requests"),
    ),
    MartSpec(
        "mart_reporting_coverage",
        measures=(
            "agencies_reporting",
            "submissions_current",
            "warnings",
            "packages_received",
            "packages_rejected",
        ),
        totals=(
            Total(
                "submissions_current",
                _count("intermediate.int_submissions_current"),
                "rows of intermediate.int_submissions_current",
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Series:
    """A key series for the period-over-period check: ``value`` (an SQL aggregate) of ``mart``
    per reporting state and period, for each ``name`` (an SQL expression)."""

    label: str  # for people
    mart: str
    name: str
    value: str
    floor: float  # at or below this, no value is an anomaly however small the history


SERIES: tuple[Series, ...] = (
    Series("incidents", "fct_incidents", "'incidents'", "count(*)", 20),
    Series("migrants", "fct_incidents", "'migrants'", "sum(migrants_total)", 100),
    Series("smugglers", "mart_smuggler_profiles", "'smugglers'", "sum(persons)", 20),
    Series(
        "fraudulent_documents",
        "mart_fraudulent_documents",
        "'fraudulent_documents'",
        "sum(documents)",
        20,
    ),
    # Events and persons are different units: one series per indicator and counting unit.
    Series(
        "border_events:<indicator>/<counting_unit>",
        "mart_border_events",
        "'border_events:' || indicator || '/' || counting_unit",
        "sum(value)",
        100,
    ),
)
PERIOD_OVER_PERIOD = "period_over_period"


# --------------------------------------------------------------------------------------------
# The report.


@dataclass(frozen=True)
class Failure:
    """A failed expectation (or a check that could not run, which counts as failed)."""

    mart: str
    expectation: str  # GX expectation type, e.g. expect_column_values_to_be_in_set
    severity: Severity
    column: str | None
    details: str
    check: str = ""  # non_negative | codes | countries | conservation | anomaly | ...


@dataclass(frozen=True)
class Anomaly:
    """A value far above the reporting state's own history (a warning, never blocking)."""

    reporting_state: str
    period_type: str
    period: str
    series: str
    mart: str
    value: float
    history_median: float
    history_periods: int
    threshold: float

    @property
    def ratio(self) -> float | None:
        return self.value / self.history_median if self.history_median else None


@dataclass(frozen=True)
class MartResult:
    mart: str
    rows: int
    expectations: int
    failed_critical: int
    failed_warning: int
    data_docs_page: Path | None  # relative to the report's folder


@dataclass
class QualityReport:
    """What the gate found. ``passed`` is False iff a critical expectation failed."""

    passed: bool
    failures: list[Failure]
    anomalies: list[Anomaly]
    data_docs: Path | None  # the Data Docs site's index.html
    report_json: Path
    report_md: Path
    seconds: float
    marts: list[MartResult] = field(default_factory=list)

    @property
    def critical(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == "critical"]

    @property
    def warnings(self) -> list[Failure]:
        return [f for f in self.failures if f.severity != "critical"]

    @property
    def expectations(self) -> int:
        return sum(m.expectations for m in self.marts)


# --------------------------------------------------------------------------------------------
# Reading the warehouse.


@dataclass
class Lookups:
    """Everything the suites need from the warehouse besides the marts themselves."""

    codelists: dict[str, list[str]]
    iso3: list[str]
    totals: dict[tuple[str, int], int | float]  # (mart, index in spec.totals) -> expected
    problems: list[Failure]  # a code list or source table that could not be read


def _tables(con: duckdb.DuckDBPyConnection, schema: str) -> set[str]:
    rows = con.execute(
        "select table_name from duckdb_tables() where schema_name = ? "
        "union select view_name from duckdb_views() where schema_name = ?",
        [schema, schema],
    ).fetchall()
    return {name for (name,) in rows}


def _read_lookups(con: duckdb.DuckDBPyConnection, marts: set[str]) -> Lookups:
    import duckdb

    lookups = Lookups({}, [], {}, [])
    available = _tables(con, CODELISTS_SCHEMA)
    for codelist in sorted({c.codelist for spec in MARTS for c in spec.codes}):
        if codelist not in available:
            lookups.problems.append(
                Failure(
                    CODELISTS_SCHEMA,
                    "expect_table_to_exist",
                    "critical",
                    None,
                    f"code list {CODELISTS_SCHEMA}.{codelist} is missing: its columns "
                    "cannot be checked",
                    "codes",
                )
            )
            continue
        rows = con.execute(
            f"select code from {CODELISTS_SCHEMA}.{codelist} where code is not null order by code"
        ).fetchall()
        lookups.codelists[codelist] = [code for (code,) in rows]
    if "dim_country" in marts:
        lookups.iso3 = [
            iso3
            for (iso3,) in con.execute(f"select iso3 from {MARTS_SCHEMA}.dim_country").fetchall()
        ]
    for spec in MARTS:
        for i, total in enumerate(spec.totals):
            try:
                (value,) = con.execute(total.source_sql).fetchone() or (0,)
            except duckdb.CatalogException as exc:
                lookups.problems.append(
                    Failure(
                        spec.name,
                        "expect_column_sum_to_be_between",
                        "critical",
                        total.column,
                        f"cannot compute the expected total ({total.source}): {exc}",
                        "conservation",
                    )
                )
                continue
            lookups.totals[(spec.name, i)] = value
    return lookups


def _period_over_period(con: duckdb.DuckDBPyConnection, marts: set[str]) -> pd.DataFrame:
    """One row per state × series × period that has enough history, with its threshold.

    Only reported periods count as history (a period a state did not report is unknown, not 0),
    and only periods of the same type: a state may report some agencies monthly and others
    quarterly."""
    selects = [
        f"select '{s.mart}' as mart, {s.name} as series, reporting_state, period_type, period, "
        f"period_start, ({s.value})::double as value, {s.floor}::double as floor "
        f"from {MARTS_SCHEMA}.{s.mart} group by all"
        for s in SERIES
        if s.mart in marts
    ]
    if not selects:
        selects = [
            "select ''::varchar as mart, ''::varchar as series, ''::varchar as reporting_state, "
            "''::varchar as period_type, ''::varchar as period, null::date as period_start, "
            "0::double as value, 0::double as floor where false"
        ]
    union = "\n    union all\n    ".join(selects)
    sql = f"""
    with series as (
        {union}
    ),
    history as (
        select
            *,
            median(value) over w as history_median,
            count(value) over w as history_periods
        from series
        window w as (
            partition by mart, series, reporting_state, period_type
            order by period_start
            rows between {HISTORY_WINDOW} preceding and 1 preceding
        )
    )
    select
        reporting_state, period_type, period, series, mart, value, history_median,
        history_periods, greatest({SPIKE_FACTOR} * history_median, floor) as threshold
    from history
    where history_periods >= {MIN_HISTORY} and value is not null
    order by reporting_state, series, period_type, period_start
    """
    return con.execute(sql).df()


# --------------------------------------------------------------------------------------------
# The suites.


def build_suite(spec: MartSpec, lookups: Lookups) -> gx.ExpectationSuite:
    """The expectation suite of one mart, from its spec and the warehouse's code lists,
    countries and expected totals."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    critical: dict[str, Any] = {"severity": "critical"}
    expectations: list[gxe.Expectation] = []
    for column in spec.measures:
        expectations.append(
            gxe.ExpectColumnValuesToBeBetween(
                column=column, min_value=0, meta={"check": "non_negative"}, **critical
            )
        )
    for column, values in spec.fixed_sets.items():
        expectations.append(
            gxe.ExpectColumnValuesToBeInSet(
                column=column, value_set=list(values), meta={"check": "codes"}, **critical
            )
        )
    for codes in spec.codes:
        if codes.codelist not in lookups.codelists:
            continue  # reported as a problem when the code list was read
        expectations.append(
            gxe.ExpectColumnValuesToBeInSet(
                column=codes.column,
                value_set=[*lookups.codelists[codes.codelist], *codes.also],
                meta={"check": "codes", "codelist": codes.codelist} | _where_meta(codes.where),
                **critical,
                **_row_condition(codes.where),
            )
        )
    for column in spec.country_columns:
        expectations.append(
            gxe.ExpectColumnValuesToBeInSet(
                column=column,
                value_set=lookups.iso3,
                meta={"check": "countries", "to": "marts.dim_country.iso3"},
                **critical,
            )
        )
    for column in spec.unique:
        expectations.append(
            gxe.ExpectColumnValuesToNotBeNull(column=column, meta={"check": "key"}, **critical)
        )
        expectations.append(
            gxe.ExpectColumnValuesToBeUnique(column=column, meta={"check": "key"}, **critical)
        )
    for i, total in enumerate(spec.totals):
        if (spec.name, i) not in lookups.totals:
            continue  # reported as a problem when the totals were computed
        expected = lookups.totals[(spec.name, i)]
        meta = {"check": "conservation", "source": total.source} | _where_meta(total.where)
        notes = f"Conservation: the expected total is the {total.source}."
        if total.column is None:
            expectations.append(
                gxe.ExpectTableRowCountToEqual(
                    value=int(expected), meta=meta, notes=notes, **critical
                )
            )
            continue
        expectations.append(
            gxe.ExpectColumnSumToBeBetween(
                column=total.column,
                min_value=expected,
                max_value=expected,
                meta=meta,
                notes=notes,
                **critical,
                **_row_condition(total.where),
            )
        )
    # Built in one go: adding to a suite one by one needs a context to save it in.
    return gx.ExpectationSuite(name=spec.name, expectations=expectations)


def _row_condition(where: tuple[str, str] | None) -> dict[str, Any]:
    """GX 1.x's row condition (a Condition object; condition strings are deprecated)."""
    if where is None:
        return {}
    from great_expectations.expectations.row_conditions import Column

    return {"row_condition": Column(where[0]) == where[1]}


def _where_meta(where: tuple[str, str] | None) -> dict[str, str]:
    return {} if where is None else {"where": f"{where[0]} = {where[1]}"}


def build_period_over_period_suite() -> gx.ExpectationSuite:
    """The derived frame of :func:`_period_over_period`: every value at most its threshold."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    rule = (
        f"threshold = max({SPIKE_FACTOR:g} × the median of the state's previous {MIN_HISTORY} "
        f"to {HISTORY_WINDOW} reported periods of the same type, the series' floor)"
    )
    anomaly = gxe.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A="threshold",
        column_B="value",
        or_equal=True,
        severity="warning",
        meta={"check": "anomaly", "rule": rule},
        notes=f"Period-over-period anomaly (a warning, never blocking): {rule}.",
    )
    return gx.ExpectationSuite(name=PERIOD_OVER_PERIOD, expectations=[anomaly])


# --------------------------------------------------------------------------------------------
# Running the checkpoints.


@dataclass
class _Batch:
    name: str
    # Read when its checkpoint runs and dropped after it: one mart in memory at a time.
    load: Callable[[], pd.DataFrame]
    suite: gx.ExpectationSuite
    result_format: str | dict[str, Any] = "SUMMARY"


def _mart_loader(
    con: duckdb.DuckDBPyConnection, mart: str, suite: gx.ExpectationSuite
) -> Callable[[], pd.DataFrame]:
    """Read only the columns the suite names (its expectations and their row conditions): a
    large mart has many more (fct_incidents: about forty), and pandas holds text as objects."""
    columns = [
        name
        for (name,) in con.execute(
            "select column_name from duckdb_columns() "
            "where schema_name = ? and table_name = ? order by column_index",
            [MARTS_SCHEMA, mart],
        ).fetchall()
    ]
    text = json.dumps(suite.to_json_dict(), default=str)
    needed = [c for c in columns if re.search(rf"\b{re.escape(c)}\b", text)] or columns[:1]
    select = ", ".join(f'"{c}"' for c in needed)
    return lambda: _frame(con.sql(f"select {select} from {MARTS_SCHEMA}.{mart}"))


def _frame(relation: duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """A pandas frame whose text columns stay in Arrow memory (``string[pyarrow]``): as Python
    objects, a 10-million-row fct_incidents held the gate at 5.9 GB (docs/benchmarks.md)."""
    import pandas as pd
    import pyarrow as pa

    def text(t: pa.DataType) -> pd.StringDtype | None:
        is_text = pa.types.is_string(t) or pa.types.is_large_string(t)
        return pd.StringDtype("pyarrow") if is_text or pa.types.is_string_view(t) else None

    return relation.to_arrow_table().to_pandas(types_mapper=text)


def _context(docs_dir: Path) -> gx.data_context.EphemeralDataContext:
    """An in-memory context whose only output is a local Data Docs site in ``docs_dir``."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        analytics_enabled=False,  # a build server must not phone home
        progress_bars=ProgressBarsConfig(globally=False),  # keep the job's log readable
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        data_docs_sites={
            _SITE: {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            }
        },
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _describe(result: Any) -> str:
    """One line on why an expectation failed, from its GX result."""
    info = result.exception_info or {}
    # One exception is a flat dict; several (one per metric) are keyed by metric.
    infos = [info] if "raised_exception" in info else list(info.values())
    errors = sorted({i["exception_message"] for i in infos if i.get("raised_exception")})
    if errors:
        return "error: " + "; ".join(errors)
    res = result.result or {}
    kwargs = result.expectation_config.kwargs
    if "observed_value" in res:
        expected = kwargs.get("value", kwargs.get("min_value"))
        return f"observed {_plain(res['observed_value'])}, expected {_plain(expected)}"
    if "unexpected_count" in res:
        names = res.get("unexpected_index_column_names") or []
        rows = res.get("partial_unexpected_index_list") or []
        if names and rows and isinstance(rows[0], dict):
            # Rows named by their identifying columns (the period-over-period frame).
            examples = "; ".join(
                " ".join(str(row[n]) for n in names)
                + " ("
                + ", ".join(f"{k}={_plain(v)}" for k, v in row.items() if k not in names)
                + ")"
                for row in rows[:10]
            )
        else:
            examples = ", ".join(
                f"{_plain(c['value'])} ×{c['count']}"
                for c in res.get("partial_unexpected_counts", [])[:8]
            )
        return (
            f"{res['unexpected_count']} of {res.get('element_count')} rows unexpected "
            f"({res.get('unexpected_percent') or 0:.2f}%)" + (f": {examples}" if examples else "")
        )
    return json.dumps(res, default=str)[:300]


def _plain(value: Any) -> Any:
    """numpy scalars and tuples as plain Python, whole floats as ints: GX turns the expected
    total 200 into 200.0, which reads like a measurement."""
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _validate(
    batches: Sequence[_Batch], docs_dir: Path, out_dir: Path
) -> tuple[list[Failure], list[MartResult]]:
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    context = _context(docs_dir)
    source = context.data_sources.add_pandas("vrs_warehouse")
    # One run id for all checkpoints: the Data Docs list them as one run.
    run_id = RunIdentifier(run_name=_RUN_NAME, run_time=datetime.now(UTC))
    failures: list[Failure] = []
    checked: list[tuple[_Batch, int, dict[str, int], list[Any]]] = []
    for batch in batches:
        definition = source.add_dataframe_asset(batch.name).add_batch_definition_whole_dataframe(
            "whole"
        )
        suite = context.suites.add(batch.suite)
        validation = context.validation_definitions.add(
            gx.ValidationDefinition(name=batch.name, data=definition, suite=suite)
        )
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name=f"quality_gate_{batch.name}",
                validation_definitions=[validation],
                actions=[],
                result_format=batch.result_format,
            )
        )
        frame = batch.load()
        rows = len(frame)
        outcome = checkpoint.run(batch_parameters={"dataframe": frame}, run_id=run_id)
        del frame
        counts = {"critical": 0, "warning": 0}
        for suite_result in outcome.run_results.values():
            for result in suite_result.results:
                if result.success:
                    continue
                config = result.expectation_config
                severity: Severity = config.severity.value
                kwargs = config.kwargs
                column = kwargs.get("column") or (
                    f"{kwargs['column_A']} >= {kwargs['column_B']}"
                    if "column_A" in kwargs
                    else None
                )
                meta = config.meta or {}
                where = f"where {meta['where']}: " if "where" in meta else ""
                failures.append(
                    Failure(
                        batch.name,
                        config.type,
                        severity,
                        column,
                        where + _describe(result),
                        meta.get("check", ""),
                    )
                )
                counts["critical" if severity == "critical" else "warning"] += 1
        checked.append((batch, rows, counts, list(outcome.run_results)))
    # The site once, from the stored results of every checkpoint: an UpdateDataDocsAction per
    # checkpoint rebuilt the index and re-compiled GX's templates each time (docs/benchmarks.md).
    context.build_data_docs(site_names=[_SITE])
    make_self_contained(docs_dir)
    results: list[MartResult] = []
    for batch, rows, counts, identifiers in checked:
        page: Path | None = None
        for identifier in identifiers:
            urls = context.get_docs_sites_urls(resource_identifier=identifier, site_name=_SITE)
            if urls and urls[0].get("site_url"):
                path = Path(url2pathname(urlparse(str(urls[0]["site_url"])).path))
                page = path.relative_to(out_dir) if path.is_relative_to(out_dir) else None
        results.append(
            MartResult(
                batch.name,
                rows,
                len(batch.suite.expectations),
                counts["critical"],
                counts["warning"],
                page,
            )
        )
    return failures, results


# --------------------------------------------------------------------------------------------
# The gate.


def run_quality_gate(warehouse_db: Path, out_dir: Path) -> QualityReport:
    """Validate every mart of ``warehouse_db`` and write the report and Data Docs in ``out_dir``.

    The warehouse is opened read-only. ``out_dir/data_docs/`` is rebuilt from scratch (a rerun of
    the same build must not list the previous run's pages); ``quality-report.json`` and
    ``quality-report.md`` are rewritten. A missing mart, code list or source table of a
    conservation total is a critical failure in the report; errors reading the warehouse itself
    (it cannot be opened, a mart lacks a period column) raise: WarehouseInUse when another
    process holds it for writing.
    """
    from warehouse.raw_layer import connect

    started = time.perf_counter()
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    docs_dir = out_dir / DATA_DOCS_DIR
    # Nothing of a previous run may survive into this one: a stale "PASSED" report next to a
    # run that crashed would mislead.
    shutil.rmtree(docs_dir, ignore_errors=True)
    (out_dir / REPORT_JSON).unlink(missing_ok=True)
    (out_dir / REPORT_MD).unlink(missing_ok=True)

    failures: list[Failure] = []
    # GX logs dozens of INFO lines while importing ("Skipping registering function ..."); keep
    # them out of the CLI's and Airflow's logs unless someone configured its logger.
    gx_log = logging.getLogger("great_expectations")
    if gx_log.level == logging.NOTSET:
        gx_log.setLevel(logging.WARNING)
    con = connect(warehouse_db, read_only=True)
    try:
        marts = _tables(con, MARTS_SCHEMA)
        lookups = _read_lookups(con, marts)
        failures.extend(lookups.problems)
        batches: list[_Batch] = []
        for spec in MARTS:
            if spec.name not in marts:
                failures.append(
                    Failure(
                        spec.name,
                        "expect_table_to_exist",
                        "critical",
                        None,
                        f"{MARTS_SCHEMA}.{spec.name} is missing from the build",
                        "table",
                    )
                )
                continue
            suite = build_suite(spec, lookups)
            batches.append(_Batch(spec.name, _mart_loader(con, spec.name, suite), suite))
        history = _period_over_period(con, marts)
        batches.append(
            _Batch(
                PERIOD_OVER_PERIOD,
                lambda: history,
                build_period_over_period_suite(),
                # The failing rows named by state, period and series in the Data Docs.
                {
                    "result_format": "COMPLETE",
                    "unexpected_index_column_names": ["reporting_state", "period", "series"],
                },
            )
        )
        validated, mart_results = _validate(batches, docs_dir, out_dir)
    finally:
        con.close()
    failures.extend(validated)
    anomalies = [
        Anomaly(
            reporting_state=row.reporting_state,
            period_type=row.period_type,
            period=row.period,
            series=row.series,
            mart=row.mart,
            value=float(row.value),
            history_median=float(row.history_median),
            history_periods=int(row.history_periods),
            threshold=float(row.threshold),
        )
        for row in history[history["value"] > history["threshold"]].itertuples(index=False)
    ]
    index = docs_dir / "index.html"
    report = QualityReport(
        passed=not any(f.severity == "critical" for f in failures),
        failures=failures,
        anomalies=anomalies,
        data_docs=index if index.exists() else None,
        report_json=out_dir / REPORT_JSON,
        report_md=out_dir / REPORT_MD,
        seconds=0.0,
        marts=mart_results,
    )
    report.seconds = round(time.perf_counter() - started, 2)
    _write_json(report, warehouse_db)
    _write_markdown(report, warehouse_db)
    log.info(
        "quality gate %s in %.1f s: %d expectations, %d critical, %d warnings, %d anomalies",
        "passed" if report.passed else "FAILED",
        report.seconds,
        report.expectations,
        len(report.critical),
        len(report.warnings),
        len(report.anomalies),
    )
    return report


# --------------------------------------------------------------------------------------------
# Writing the report.


def _write_json(report: QualityReport, warehouse_db: Path) -> None:
    doc = {
        "passed": report.passed,
        "warehouse": str(warehouse_db),
        "checked_at": datetime.now(UTC).isoformat(),
        "seconds": report.seconds,
        "expectations": report.expectations,
        "critical_failures": len(report.critical),
        "warnings": len(report.warnings),
        "rule": {
            "spike_factor": SPIKE_FACTOR,
            "min_history": MIN_HISTORY,
            "history_window": HISTORY_WINDOW,
            "floors": {s.label: s.floor for s in SERIES},
        },
        "data_docs": _relative(report.data_docs, report.report_json.parent),
        "marts": [
            asdict(m) | {"data_docs_page": _relative(m.data_docs_page, None)} for m in report.marts
        ],
        "failures": [asdict(f) for f in report.failures],
        "anomalies": [asdict(a) | {"ratio": _finite(a.ratio)} for a in report.anomalies],
    }
    report.report_json.write_text(json.dumps(doc, indent=2, default=str), encoding="utf-8")


def _relative(path: Path | None, base: Path | None) -> str | None:
    if path is None:
        return None
    return (
        str(path.relative_to(base)) if base is not None and path.is_relative_to(base) else str(path)
    )


def _finite(value: float | None) -> float | None:
    return round(value, 2) if value is not None and math.isfinite(value) else None


def _cell(value: Any) -> str:
    """A Markdown table cell: no pipes or newlines from the data."""
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _failure_table(failures: Sequence[Failure]) -> list[str]:
    lines = ["| mart | check | column | expectation | details |", "|---|---|---|---|---|"]
    lines += [
        f"| {_cell(f.mart)} | {_cell(f.check)} | {_cell(f.column)} | {_cell(f.expectation)} "
        f"| {_cell(f.details)} |"
        for f in failures
    ]
    return lines


def _write_markdown(report: QualityReport, warehouse_db: Path) -> None:
    status = "PASSED" if report.passed else "FAILED — nothing is published"
    lines = [
        f"# Quality gate: {status}",
        "",
        f"- Warehouse: `{warehouse_db}`",
        f"- Checked at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC in {report.seconds:.1f} s: "
        f"{report.expectations} expectations on {len(report.marts)} batches",
        f"- Critical failures (block publication): **{len(report.critical)}**; "
        f"warnings: **{len(report.warnings)}**; anomalies: **{len(report.anomalies)}**",
    ]
    if report.data_docs is not None:
        lines.append(
            f"- Data Docs: [{_relative(report.data_docs, report.report_md.parent)}]"
            f"({_relative(report.data_docs, report.report_md.parent)}) (self-contained: opens "
            "offline)"
        )
    lines += [
        "",
        "## Marts",
        "",
        "| mart | rows | expectations | critical failed | warnings | Data Docs |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for m in report.marts:
        page = f"[page]({m.data_docs_page})" if m.data_docs_page else ""
        lines.append(
            f"| {m.mart} | {m.rows:,} | {m.expectations} | {m.failed_critical} "
            f"| {m.failed_warning} | {page} |"
        )
    lines += ["", "## Critical failures", ""]
    lines += _failure_table(report.critical) if report.critical else ["None."]
    lines += ["", "## Warnings (reported, not blocking)", ""]
    lines += _failure_table(report.warnings) if report.warnings else ["None."]
    lines += [
        "",
        "## Period-over-period anomalies",
        "",
        f"A value is listed when it is more than {SPIKE_FACTOR:g}× the median of the state's "
        f"previous {MIN_HISTORY} to {HISTORY_WINDOW} reported periods of the same period type, "
        "and above the series' floor ("
        + ", ".join(f"`{s.label}` {s.floor:g}" for s in SERIES)
        + "). It may be a real surge or a reporting error: check with the state.",
        "",
    ]
    if report.anomalies:
        lines += [
            "| state | period | series | value | history median | periods | ratio |",
            "|---|---|---|---:|---:|---:|---:|",
        ]
        for a in report.anomalies:
            ratio = f"{a.ratio:.1f}×" if a.ratio is not None else "∞"
            lines.append(
                f"| {a.reporting_state} | {a.period} | {_cell(a.series)} | {_number(a.value)} "
                f"| {_number(a.history_median)} | {a.history_periods} | {ratio} |"
            )
    else:
        lines.append("None.")
    report.report_md.write_text("\n".join(lines) + "\n", encoding="utf-8")
