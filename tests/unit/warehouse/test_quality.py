"""The quality gate (warehouse.quality) on a tiny hand-built warehouse: the marts, the code lists
(the real seeds) and the intermediate tables the conservation checks read, made consistent the way
dbt would make them; then one defect at a time."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml

from warehouse.quality import (
    MARTS,
    MODUS_DIMENSIONS,
    MODUS_SINGLE_VALUED,
    PERIOD_OVER_PERIOD,
    QualityReport,
    run_quality_gate,
)
from warehouse.settings import DBT_PROJECT_DIR, REPO_ROOT, SEEDS_DIR

STATES = ("IDN", "MYS")
QUARTERS = (
    ("2023-Q1", date(2023, 1, 1), date(2023, 3, 31)),
    ("2023-Q2", date(2023, 4, 1), date(2023, 6, 30)),
    ("2023-Q3", date(2023, 7, 1), date(2023, 9, 30)),
    ("2023-Q4", date(2023, 10, 1), date(2023, 12, 31)),
    ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
)
COUNTRIES = (
    ("AFG", "Asia"),
    ("PAK", "Asia"),
    ("MYS", "Asia"),
    ("IDN", "Asia"),
    ("THA", "Asia"),
    ("AUS", "Oceania"),
    ("XXX", "Unknown"),
)
PERIOD_COLUMNS = "reporting_state, period, period_start, period_end, period_type"


def _incidents(spike: bool) -> pd.DataFrame:
    """Two incidents of 10 migrants per state and quarter; with ``spike``, IDN's last quarter
    has 400 migrants, 20 times its history (20 a quarter)."""
    rows = []
    for state in STATES:
        for q, (period, start, end) in enumerate(QUARTERS):
            for n in range(2):
                last = q == len(QUARTERS) - 1
                rows.append(
                    {
                        "incident_key": f"{state}-{period}-{n}",
                        "reporting_state": state,
                        "period": period,
                        "period_start": start,
                        "period_end": end,
                        "period_type": "Q",
                        "detection_stage": "departure" if n == 0 else None,
                        "detection_country": state,
                        "origin_country": "AFG",
                        "destination_country": "AUS" if n == 0 else "XXX",
                        "route_key": "AFG>PAK>MYS>AUS" if n == 0 else "AFG>PAK>MYS>XXX",
                        "n_transit_countries": 2,
                        # "unmapped": a value no code list knows yet is allowed.
                        "transport_mode": "sea" if n == 0 else "unmapped",
                        "conveyance": "fishing_vessel" if n == 0 else None,
                        "concealment": None,
                        "migrants_total": 390
                        if spike and state == "IDN" and last and n == 0
                        else 10,
                        "migrants_deceased": 1 if n == 0 else None,
                        "migrants_missing": None,
                        "migrants_injured": None,
                        "unaccompanied_minors": 0,
                        "smugglers_detected": 1,
                        "fee_per_migrant": 5000.0 if n == 0 else None,
                        "fee_per_migrant_usd": 5000.0 if n == 0 else None,
                        "fee_basis": None,
                        "payment_method": "hawala" if n == 0 else None,
                        "payment_timing": None,
                        "benefit_required": "yes",
                        "technology": ["messaging_app", "social_media"] if n == 0 else None,
                    }
                )
    frame = pd.DataFrame(rows)
    integers = ["migrants_deceased", "migrants_missing", "migrants_injured"]
    return frame.astype(dict.fromkeys(integers, "Int64"))


# The intermediate rows of each aggregated mart, repeated for every state and quarter.
PER_PERIOD: dict[str, tuple[str, str]] = {
    "int_smugglers_harmonised": (
        "citizenship, sex, age_class, role, justice_stage, group_structure, persons",
        "('PAK', 'male', 'adult', 'transporter_driver', 'arrested', 'loose_network', 3),"
        "('PAK', 'male', 'adult', 'transporter_driver', 'arrested', 'loose_network', 1),"
        "('XXX', 'unknown', 'unknown', 'unmapped', 'unknown', 'unknown', 2)",
    ),
    "int_smuggled_migrants_harmonised": (
        "citizenship, sex, age_class, unaccompanied, persons",
        "('AFG', 'male', 'adult', 'no', 12), ('AFG', 'female', 'minor', 'unknown', 8)",
    ),
    "int_border_events_harmonised": (
        "indicator, counting_unit, border_type, detection_location, citizenship, sex, age_class, "
        "value",
        "('ibc_between_bcp', 'person', 'sea', 'at_sea', 'AFG', 'male', 'adult', 30),"
        "('refusal_of_entry', 'person', 'air', 'unknown', 'PAK', 'unknown', 'unknown', 5),"
        "('refusal_of_entry', 'person', 'air', 'unknown', 'PAK', 'unknown', 'unknown', null)",
    ),
    "int_fraudulent_documents_harmonised": (
        "document_type, fraud_type, issuing_country, holder_citizenship, border_type, documents",
        "('passport', 'counterfeit', 'MYS', 'AFG', 'air', 4)",
    ),
    "int_cooperation_harmonised": (
        "counterpart_state, request_type, direction, outcome, requests",
        "('THA', 'mla_request', 'sent', 'pending', 2), ('AUS', 'extradition_request', 'received', "
        "'unknown', 1)",
    ),
    "int_submissions_current": ("submission_id, agency_key", "('s1', 'police'), ('s2', 'navy')"),
}
# mart <- intermediate table: the measure summed, the rest of its columns the grain.
AGGREGATED: dict[str, tuple[str, str]] = {
    "mart_smuggler_profiles": ("int_smugglers_harmonised", "persons"),
    "mart_migrant_profiles": ("int_smuggled_migrants_harmonised", "persons"),
    "mart_border_events": ("int_border_events_harmonised", "value"),
    "mart_fraudulent_documents": ("int_fraudulent_documents_harmonised", "documents"),
    "mart_cooperation": ("int_cooperation_harmonised", "requests"),
}


def build_warehouse(path: Path, *, spike: bool = False) -> Path:
    """A warehouse whose marts satisfy every suite (with ``spike``, one anomaly)."""
    con = duckdb.connect(str(path))
    try:
        for schema in ("marts", "intermediate", "codelists"):
            con.execute(f"create schema {schema}")
        for csv in sorted((SEEDS_DIR / "codelists").glob("*.csv")):
            con.execute(
                f"create table codelists.{csv.stem} as "
                "select * from read_csv(?, header = true, all_varchar = true)",
                [str(csv)],
            )
        con.execute(
            "create table marts.dim_country as select iso3, region, "
            "region = 'Unknown' as is_special from (values "
            + ", ".join(f"('{iso3}', '{region}')" for iso3, region in COUNTRIES)
            + ") as c(iso3, region)"
        )
        con.execute(
            "create table periods as select * from (values "
            + ", ".join(
                f"('{s}', '{p}', date '{a}', date '{b}', 'Q')"
                for s in STATES
                for p, a, b in QUARTERS
            )
            + f") as p({PERIOD_COLUMNS})"
        )
        incidents = _incidents(spike)  # noqa: F841 (read by DuckDB below)
        con.execute("create table marts.fct_incidents as select * from incidents")
        con.execute(
            "create table intermediate.int_incidents_current as "
            "select incident_key, migrants_total from marts.fct_incidents"
        )
        con.execute(
            f"""create table marts.mart_routes as select {PERIOD_COLUMNS}, route_key,
            transport_mode, any_value(origin_country) as origin_country,
            any_value(destination_country) as destination_country,
            any_value(n_transit_countries) as n_transit_countries, count(*) as incidents,
            sum(migrants_total)::bigint as migrants,
            sum(coalesce(migrants_deceased, 0) + coalesce(migrants_missing, 0))::bigint
                as deceased_or_missing,
            median(fee_per_migrant_usd) as median_fee_usd,
            count(fee_per_migrant_usd) as fee_observations
            from marts.fct_incidents group by all"""
        )
        con.execute(
            f"""create table marts.mart_route_legs as select {PERIOD_COLUMNS}, from_country,
            to_country, coalesce(transport_mode, 'unknown') as transport_mode,
            count(*) as incidents, sum(migrants_total)::bigint as migrants
            from marts.fct_incidents,
                (values ('AFG', 'PAK'), ('PAK', 'MYS')) as legs(from_country, to_country)
            group by all"""
        )
        single = " union all ".join(
            f"select incident_key, '{d}' as dimension, coalesce({d}, 'unknown') as value "
            "from marts.fct_incidents"
            for d in MODUS_SINGLE_VALUED
        )
        con.execute(
            f"""create table marts.mart_modus_operandi as
            with values_ as (
                {single}
                union all
                select incident_key, 'technology', unnest(coalesce(technology, ['unknown']))
                from marts.fct_incidents
            )
            select {PERIOD_COLUMNS}, dimension, value, count(*) as incidents,
                sum(migrants_total)::bigint as migrants
            from values_ join marts.fct_incidents using (incident_key) group by all"""
        )
        for table, (columns, rows) in PER_PERIOD.items():
            con.execute(
                f"create table intermediate.{table} as select periods.*, v.* "
                f"from periods, (values {rows}) as v({columns})"
            )
        for mart, (table, measure) in AGGREGATED.items():
            con.execute(
                f"create table marts.{mart} as select * exclude ({measure}), "
                f"sum({measure})::bigint as {measure}, count(*) as source_rows "
                f"from intermediate.{table} group by all"
            )
        con.execute(
            f"""create table marts.mart_reporting_coverage as select {PERIOD_COLUMNS},
            count(distinct agency_key) as agencies_reporting, count(*) as submissions_current,
            0::bigint as warnings, count(*) as packages_received, 0::bigint as packages_rejected
            from intermediate.int_submissions_current group by all"""
        )
        con.execute("drop table periods")
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("clean") / "vrs.duckdb")


def test_a_clean_warehouse_passes_with_data_docs_and_reports(clean: Path, tmp_path: Path) -> None:
    out = tmp_path / "quality"
    report = run_quality_gate(clean, out)
    assert report.passed, report.failures
    assert report.failures == [] and report.anomalies == []
    assert report.data_docs == out / "data_docs" / "index.html"
    assert report.data_docs.exists()
    pages = {m.mart: out / m.data_docs_page for m in report.marts if m.data_docs_page}
    assert set(pages) == {spec.name for spec in MARTS} | {PERIOD_OVER_PERIOD}
    assert all(page.exists() for page in pages.values())
    assert report.expectations > 100
    doc = json.loads(report.report_json.read_text(encoding="utf-8"))
    assert doc["passed"] is True and doc["critical_failures"] == 0
    assert {m["mart"]: m["rows"] for m in doc["marts"]}["fct_incidents"] == 20
    assert report.report_md.read_text(encoding="utf-8").startswith("# Quality gate: PASSED")
    # A rerun replaces the Data Docs instead of piling up runs.
    again = run_quality_gate(clean, out)
    assert len(list((out / "data_docs" / "validations" / "fct_incidents").rglob("*.html"))) == 1
    assert again.passed


def _critical(report: QualityReport) -> set[tuple[str, str, str | None]]:
    return {(f.mart, f.check, f.column) for f in report.critical}


def _break(clean: Path, folder: Path, *statements: str) -> QualityReport:
    """Run the gate on a copy of the clean warehouse after some SQL statements."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "vrs.duckdb"
    shutil.copyfile(clean, db)
    con = duckdb.connect(str(db))
    try:
        for sql in statements:
            con.execute(sql)
    finally:
        con.close()
    return run_quality_gate(db, folder / "quality")


# Independent defects, one per mart, so that one gate run (GX is slow) tests them all: the key
# names the defect; the value is the critical failure (mart, check, column) it must cause.
DEFECTS: dict[str, tuple[str, tuple[str, str, str | None]]] = {
    "negative measure": (
        "update marts.mart_route_legs set incidents = -1 "
        "where reporting_state = 'MYS' and period = '2023-Q2' and from_country = 'AFG' "
        "and transport_mode = 'sea'",
        ("mart_route_legs", "non_negative", "incidents"),
    ),
    "unknown code": (
        "update marts.mart_smuggler_profiles set role = 'wizard' where sex = 'male'",
        ("mart_smuggler_profiles", "codes", "role"),
    ),
    # indicator takes "unmapped" but not "unknown" (an event always has an indicator).
    "unknown where the dbt YAML does not allow it": (
        "update marts.mart_border_events set indicator = 'unknown' "
        "where indicator = 'ibc_between_bcp'",
        ("mart_border_events", "codes", "indicator"),
    ),
    # "hawala" is a payment method, not a technology.
    "modus operandi value of another dimension": (
        "update marts.mart_modus_operandi set value = 'hawala' where value = 'social_media'",
        ("mart_modus_operandi", "codes", "value"),
    ),
    "country not in dim_country": (
        "update marts.mart_cooperation set counterpart_state = 'ZZZ' "
        "where counterpart_state = 'THA'",
        ("mart_cooperation", "countries", "counterpart_state"),
    ),
    "migrants added on the way to mart_routes": (
        "update marts.mart_routes set migrants = migrants + 1 where reporting_state = 'IDN' "
        "and period = '2023-Q1' and transport_mode = 'sea'",
        ("mart_routes", "conservation", "migrants"),
    ),
    "persons lost on the way to mart_migrant_profiles": (
        "delete from marts.mart_migrant_profiles where reporting_state = 'MYS' "
        "and period = '2024-Q1' and sex = 'female'",
        ("mart_migrant_profiles", "conservation", "persons"),
    ),
}


@pytest.fixture(scope="module")
def defects(clean: Path, tmp_path_factory: pytest.TempPathFactory) -> QualityReport:
    folder = tmp_path_factory.mktemp("defects")
    return _break(clean, folder, *(sql for sql, _ in DEFECTS.values()))


def test_defects_fail_critically_and_nothing_else_does(defects: QualityReport) -> None:
    assert not defects.passed
    expected = {failure for _, failure in DEFECTS.values()}
    # The lost profile row also loses a source row.
    expected.add(("mart_migrant_profiles", "conservation", "source_rows"))
    assert _critical(defects) == expected
    assert defects.anomalies == []
    md = defects.report_md.read_text(encoding="utf-8")
    assert md.startswith("# Quality gate: FAILED")
    assert all(f"| {mart} | {check} | {column} |" in md for mart, check, column in expected)


@pytest.mark.parametrize("defect", DEFECTS)
def test_each_defect_is_named(defects: QualityReport, defect: str) -> None:
    _, (mart, check, column) = DEFECTS[defect]
    matching = [f for f in defects.critical if (f.mart, f.check, f.column) == (mart, check, column)]
    assert len(matching) == 1, defect
    failure = matching[0]
    if check == "conservation":
        assert failure.details.startswith("observed ")
    else:
        assert failure.details.startswith("1 of ") or " rows unexpected" in failure.details


def test_the_details_say_what_is_wrong(defects: QualityReport) -> None:
    details = {(f.mart, f.column): f.details for f in defects.critical}
    assert details[("mart_route_legs", "incidents")] == "1 of 40 rows unexpected (2.50%): -1 ×1"
    assert "wizard" in details[("mart_smuggler_profiles", "role")]
    assert "ZZZ" in details[("mart_cooperation", "counterpart_state")]
    assert details[("mart_modus_operandi", "value")] == (
        "where dimension = technology: 10 of 30 rows unexpected (33.33%): hawala ×10"
    )
    assert details[("mart_routes", "migrants")] == "observed 201, expected 200"
    (negative,) = [f for f in defects.critical if f.check == "non_negative"]
    assert negative.expectation == "expect_column_values_to_be_between"


def test_an_incident_duplicated_in_fct_incidents_breaks_conservation(
    clean: Path, tmp_path: Path
) -> None:
    # As a fanning-out join would: fct_incidents no longer matches the current incidents of
    # the intermediate layer (and the marts built from it, not rebuilt here, no longer match it).
    report = _break(
        clean,
        tmp_path,
        "insert into marts.fct_incidents select * replace ('dup' as incident_key) "
        "from marts.fct_incidents where incident_key = 'IDN-2023-Q1-1'",
    )
    assert _critical(report) == {
        ("fct_incidents", "conservation", None),
        ("fct_incidents", "conservation", "migrants_total"),
        ("mart_routes", "conservation", "incidents"),
        ("mart_routes", "conservation", "migrants"),
        ("mart_modus_operandi", "conservation", "incidents"),
        ("mart_modus_operandi", "conservation", "migrants"),
    }
    row_count = next(f for f in report.critical if f.column is None)
    assert row_count.expectation == "expect_table_row_count_to_equal"
    assert row_count.details == "observed 21, expected 20"


def test_a_missing_mart_fails(clean: Path, tmp_path: Path) -> None:
    report = _break(clean, tmp_path, "drop table marts.mart_cooperation")
    assert _critical(report) == {("mart_cooperation", "table", None)}


def test_a_spike_passes_but_is_listed_as_an_anomaly(tmp_path: Path) -> None:
    db = build_warehouse(tmp_path / "vrs.duckdb", spike=True)
    report = run_quality_gate(db, tmp_path / "quality")
    assert report.passed
    assert [(f.mart, f.severity, f.check) for f in report.failures] == [
        (PERIOD_OVER_PERIOD, "warning", "anomaly")
    ]
    assert "IDN 2024-Q1 migrants" in report.failures[0].details
    (anomaly,) = report.anomalies
    assert (anomaly.reporting_state, anomaly.period, anomaly.series) == (
        "IDN",
        "2024-Q1",
        "migrants",
    )
    assert (anomaly.value, anomaly.history_median, anomaly.history_periods) == (400, 20, 4)
    assert anomaly.ratio == 20
    md = report.report_md.read_text(encoding="utf-8")
    assert "| IDN | 2024-Q1 | migrants | 400 | 20 | 4 | 20.0× |" in md
    doc = json.loads(report.report_json.read_text(encoding="utf-8"))
    assert doc["anomalies"][0]["ratio"] == 20 and doc["warnings"] == 1


def test_the_suites_follow_the_dbt_yaml() -> None:
    """Every code list, country and accepted-values test, and every numeric column, of the marts'
    dbt YAML has its expectation (numbers are measures, but for dim_country's m49 code)."""
    path = DBT_PROJECT_DIR / "models" / "marts" / "_marts__models.yml"
    models = yaml.safe_load(path.read_text(encoding="utf-8"))["models"]
    specs = {spec.name: spec for spec in MARTS}
    assert set(specs) == {model["name"] for model in models}
    for model in models:
        codes, countries, fixed, numeric, lists = set(), set(), {}, set(), set()
        for column in model["columns"]:
            name = column["name"]
            if column.get("data_type") in {"bigint", "integer", "double"} and name != "m49_code":
                numeric.add(name)
            for test in column.get("data_tests", []):
                if not isinstance(test, dict):
                    continue
                ((kind, body),) = test.items()
                args = body.get("arguments", body)
                if kind == "values_in_codelist":
                    codes.add((name, args["codelist"], tuple(args.get("also", ()))))
                elif kind == "list_values_in_codelist":
                    lists.add(args["codelist"])
                elif kind == "relationships":
                    countries.add(name)
                elif kind == "accepted_values":
                    fixed[name] = tuple(args["values"])
        spec = specs[model["name"]]
        assert {(c.column, c.codelist, c.also) for c in spec.codes if c.where is None} == codes
        assert set(spec.country_columns) == countries, model["name"]
        assert spec.fixed_sets == fixed, model["name"]
        assert set(spec.measures) == numeric, model["name"]
        # List columns are checked through mart_modus_operandi, one row per member.
        assert lists <= set(MODUS_DIMENSIONS.values())


def test_importing_the_module_does_not_import_great_expectations() -> None:
    code = (
        "import sys, warehouse.quality; "
        "print(sorted(m for m in ('great_expectations', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
