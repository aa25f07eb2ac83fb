"""A small published snapshot for the data-share tests: every mart of spec/marts.md with the
columns of the real build (MART_COLUMNS, checked against the demo build in
tests/system/test_demo_set.py), aggregated from random incidents the way dbt aggregates them,
so that the identities between marts hold, and full of small counts.

AUS reports in 2023 only, IDN and MYS in 2022-2024, NZL (not in the reporting plan) in 2024;
THA is in the plan and never reports.
"""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import polars as pl

MART_COLUMNS = {
    "dim_country": "iso3, iso2, m49_code, name_en, name_fr, name_es, region, subregion, is_special",
    "fct_incidents": "incident_key, reporting_state, reporting_agency, period, period_start, "
    "period_end, period_type, incident_ref, submission_id, detection_date, detection_stage, "
    "detection_country, origin_country, destination_country, route_key, route_countries, "
    "n_transit_countries, transport_mode, conveyance, concealment, migrants_total, "
    "migrants_deceased, migrants_missing, migrants_injured, unaccompanied_minors, "
    "smugglers_detected, fee_per_migrant, fee_currency, fee_per_migrant_usd, "
    "is_fee_rate_missing, fee_basis, payment_method, payment_timing, related_offences, "
    "technology, aggravating, is_aggravated, possible_trafficking, benefit_required",
    "mart_border_events": "reporting_state, period, period_start, period_end, period_type, "
    "indicator, counting_unit, border_type, detection_location, citizenship, sex, age_class, "
    "value, has_suppressed_values, source_rows",
    "mart_cooperation": "reporting_state, period, period_start, period_end, period_type, "
    "counterpart_state, request_type, direction, outcome, requests, source_rows",
    "mart_fraudulent_documents": "reporting_state, period, period_start, period_end, "
    "period_type, document_type, fraud_type, issuing_country, holder_citizenship, border_type, "
    "documents, source_rows",
    "mart_migrant_profiles": "reporting_state, period, period_start, period_end, period_type, "
    "citizenship, sex, age_class, unaccompanied, persons, source_rows",
    "mart_modus_operandi": "reporting_state, period, period_start, period_end, period_type, "
    "dimension, value, incidents, migrants",
    "mart_reporting_coverage": "reporting_state, period, period_start, period_end, period_type, "
    "agencies_reporting, submissions_current, first_received_at, last_received_at, "
    "tables_reported, warnings, packages_received, packages_rejected",
    "mart_route_legs": "reporting_state, period, period_start, period_end, period_type, "
    "from_country, to_country, transport_mode, incidents, migrants",
    "mart_routes": "reporting_state, period, period_start, period_end, period_type, route_key, "
    "transport_mode, origin_country, destination_country, n_transit_countries, incidents, "
    "migrants, deceased_or_missing, median_fee_usd, fee_observations",
    "mart_smuggler_profiles": "reporting_state, period, period_start, period_end, period_type, "
    "citizenship, sex, age_class, role, justice_stage, group_structure, persons, source_rows",
}
YEARS = {"AUS": [2023], "IDN": [2022, 2023, 2024], "MYS": [2022, 2023, 2024], "NZL": [2024]}
PARTICIPANTS = ["AUS", "IDN", "MYS", "THA"]
COUNTRIES = ["AFG", "AUS", "IDN", "IRN", "LKA", "MMR", "MYS", "NZL", "PAK", "THA", "VNM"]
ROUTES = ["AFG>PAK>IDN", "MMR>THA>MYS", "LKA>AUS", "IRN>MYS>IDN>AUS", "VNM>MYS", "IDN>NZL"]
MODES = ["air", "sea", "land"]
PERIOD_END = "(period_start + interval 3 month - interval 1 day)::date as period_end"
PERIOD = f"reporting_state, period, period_start, {PERIOD_END}, 'Q' as period_type"


def _incidents(rng: random.Random) -> list[dict]:
    rows = []
    for state, years in YEARS.items():
        for year in years:
            for quarter in (1, 3):
                for n in range(rng.randint(3, 16)):
                    route = rng.choice(ROUTES)
                    countries = route.split(">")
                    fee = rng.choice([None, 500.0, 1500.0, 4000.0])
                    rows.append(
                        {
                            "incident_key": f"{state}-{year}-{quarter}-{n}",
                            "reporting_state": state,
                            "reporting_agency": "Border Police",
                            "period": f"{year}-Q{quarter}",
                            "period_start": f"{year}-{3 * quarter - 2:02d}-01",
                            "incident_ref": str(n),
                            "submission_id": f"{state}-{year}-{quarter}",
                            "detection_stage": rng.choice(["exit", "entry", "inland"]),
                            "detection_country": state,
                            "origin_country": countries[0],
                            "destination_country": countries[-1],
                            "route_key": route,
                            "route_countries": countries,
                            "n_transit_countries": len(countries) - 2,
                            "transport_mode": rng.choice(MODES),
                            "conveyance": rng.choice(["truck_lorry", "fishing_vessel", "car"]),
                            "concealment": rng.choice(["none", "hidden_on_vessel", "unknown"]),
                            "migrants_total": rng.choice([1, 1, 2, 3, 5, 8, 20, 40]),
                            "migrants_deceased": rng.choice([0, 0, 0, 0, 1, 2]),
                            "migrants_missing": rng.choice([0, 0, 0, 1]),
                            "migrants_injured": 0,
                            "unaccompanied_minors": rng.choice([0, 0, 1]),
                            "smugglers_detected": rng.choice([0, 1, 2]),
                            "fee_per_migrant": fee,
                            "fee_currency": "USD" if fee else None,
                            "fee_per_migrant_usd": fee,
                            "is_fee_rate_missing": False,
                            "fee_basis": "per_migrant" if fee else None,
                            "payment_method": rng.choice(["cash", "hawala", "unknown"]),
                            "payment_timing": rng.choice(["upfront", "on_arrival", "unknown"]),
                            "related_offences": rng.sample(["document_fraud", "corruption"], 1),
                            "technology": rng.sample(["social_media", "messaging_app", "gps"], 2),
                            "aggravating": rng.choice([["none"], ["danger_to_life"]]),
                            "benefit_required": rng.choice(["yes", "no", None]),
                        }
                    )
    return rows


def _lines(rng: random.Random, columns: dict[str, list[str]], measure: str) -> pl.DataFrame:
    """Source lines of one table: a few per state and quarter, small values."""
    rows = []
    for state, years in YEARS.items():
        for year in years:
            for quarter in (1, 3):
                for _ in range(rng.randint(2, 12)):
                    row = {
                        "reporting_state": state,
                        "period": f"{year}-Q{quarter}",
                        "period_start": f"{year}-{3 * quarter - 2:02d}-01",
                    }
                    row.update({c: rng.choice(values) for c, values in columns.items()})
                    row[measure] = rng.choice([0, 1, 1, 2, 3, 4, 7, 12, 30, None])
                    rows.append(row)
    return pl.DataFrame(rows).with_columns(pl.col("period_start").str.to_date())


def _aggregate(con: duckdb.DuckDBPyConnection, mart: str, lines: pl.DataFrame) -> None:
    """The mart's rows: its grain's dimensions, the measure summed, how many lines."""
    measure = lines.columns[-1]
    dims = [c for c in MART_COLUMNS[mart].split(", ")[5:] if c in lines.columns and c != measure]
    flag = (
        ", bool_or(value is null) as has_suppressed_values" if mart == "mart_border_events" else ""
    )
    con.register("lines", lines.to_arrow())
    con.execute(
        f"create table marts.{mart} as select {PERIOD}, {', '.join(dims)}, "
        f"sum({measure})::bigint as {measure}{flag}, count(*)::bigint as source_rows "
        "from lines group by all"
    )
    con.unregister("lines")


def make_snapshot(path: Path, seed: int = 7) -> Path:
    """Write the snapshot's schema ``marts`` to the DuckDB file ``path``."""
    rng = random.Random(seed)
    incidents = pl.DataFrame(_incidents(rng)).with_columns(
        pl.col("period_start").str.to_date(),
        detection_date=pl.col("period_start").str.to_date(),
    )
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.register("inc", incidents.to_arrow())
    con.execute(
        f"""create table marts.fct_incidents as
        select incident_key, reporting_state, reporting_agency, period, period_start,
            period_end, period_type, incident_ref, submission_id, detection_date,
            detection_stage, detection_country, origin_country, destination_country, route_key,
            route_countries, n_transit_countries, transport_mode, conveyance, concealment,
            migrants_total, migrants_deceased, migrants_missing, migrants_injured,
            unaccompanied_minors, smugglers_detected, fee_per_migrant, fee_currency,
            fee_per_migrant_usd, is_fee_rate_missing, fee_basis, payment_method, payment_timing,
            related_offences, technology, aggravating,
            aggravating <> ['none'] or migrants_deceased + migrants_missing > 0 as is_aggravated,
            false as possible_trafficking, benefit_required
        from (select *, {PERIOD_END}, 'Q' as period_type from inc)"""
    )
    con.execute(
        f"""create table marts.mart_routes as
        select {PERIOD}, route_key, transport_mode, any_value(origin_country) as origin_country,
            any_value(destination_country) as destination_country,
            any_value(n_transit_countries) as n_transit_countries,
            count(*)::bigint as incidents, sum(migrants_total)::bigint as migrants,
            sum(migrants_deceased + migrants_missing)::bigint as deceased_or_missing,
            median(fee_per_migrant_usd) as median_fee_usd,
            count(fee_per_migrant_usd)::bigint as fee_observations
        from marts.fct_incidents group by all"""
    )
    con.execute(
        f"""create table marts.mart_route_legs as
        with legs as (
            select *,
                unnest(list_slice(route_countries, 1, len(route_countries) - 1)) as from_country,
                unnest(list_slice(route_countries, 2, len(route_countries))) as to_country
            from marts.fct_incidents
        )
        select {PERIOD}, from_country, to_country, transport_mode,
            count(distinct incident_key)::bigint as incidents,
            sum(migrants_total)::bigint as migrants
        from legs group by all"""
    )
    single = ["transport_mode", "conveyance", "concealment", "payment_method", "payment_timing"]
    multi = {"technology": "technology", "related_offence": "related_offences"}
    multi["aggravating"] = "aggravating"
    parts = [
        f"select {PERIOD}, '{d}' as dimension, {d} as value, count(*)::bigint as incidents, "
        f"sum(migrants_total)::bigint as migrants from marts.fct_incidents group by all"
        for d in single
    ] + [
        f"select {PERIOD}, '{d}' as dimension, value, count(*)::bigint as incidents, "
        f"sum(migrants_total)::bigint as migrants "
        f"from (select *, unnest({column}) as value from marts.fct_incidents) group by all"
        for d, column in multi.items()
    ]
    con.execute(f"create table marts.mart_modus_operandi as {' union all '.join(parts)}")
    sexes, ages = ["male", "female", "unknown"], ["minor", "adult", "unknown"]
    citizenship = ["AFG", "MMR", "LKA", "IRN"]
    _aggregate(
        con,
        "mart_smuggler_profiles",
        _lines(
            rng,
            {
                "citizenship": citizenship,
                "sex": sexes,
                "age_class": ages,
                "role": ["organiser", "transporter_driver"],
                "justice_stage": ["arrested", "prosecuted"],
                "group_structure": ["loose_network", "unknown"],
            },
            "persons",
        ),
    )
    _aggregate(
        con,
        "mart_migrant_profiles",
        _lines(
            rng,
            {
                "citizenship": citizenship,
                "sex": sexes,
                "age_class": ages,
                "unaccompanied": ["yes", "no", "unknown"],
            },
            "persons",
        ),
    )
    _aggregate(
        con,
        "mart_border_events",
        _lines(
            rng,
            {
                "indicator": ["refusal_of_entry", "illegal_stay"],
                "counting_unit": ["person"],
                "border_type": ["air", "sea"],
                "detection_location": ["at_bcp", "inland"],
                "citizenship": citizenship,
                "sex": sexes,
                "age_class": ages,
            },
            "value",
        ),
    )
    _aggregate(
        con,
        "mart_fraudulent_documents",
        _lines(
            rng,
            {
                "document_type": ["passport", "visa"],
                "fraud_type": ["forged_altered", "impostor"],
                "issuing_country": citizenship,
                "holder_citizenship": citizenship,
                "border_type": ["air", "land"],
            },
            "documents",
        ),
    )
    _aggregate(
        con,
        "mart_cooperation",
        _lines(
            rng,
            {
                "counterpart_state": COUNTRIES,
                "request_type": ["mla_request", "joint_investigation"],
                "direction": ["sent", "received"],
                "outcome": ["granted", "pending"],
            },
            "requests",
        ),
    )
    con.execute(
        f"""create table marts.mart_reporting_coverage as
        select {PERIOD}, 1::bigint as agencies_reporting, 1::bigint as submissions_current,
            (period_start + interval 100 day)::timestamptz as first_received_at,
            (period_start + interval 100 day)::timestamptz as last_received_at,
            ['incidents'] as tables_reported, 0::bigint as warnings,
            1::bigint as packages_received, 0::bigint as packages_rejected
        from (select distinct reporting_state, period, period_start from marts.fct_incidents)"""
    )
    con.execute(
        "create table marts.dim_country as select iso3, left(iso3, 2) as iso2, "
        "row_number() over ()::integer as m49_code, iso3 as name_en, iso3 as name_fr, "
        "iso3 as name_es, 'Asia' as region, 'Asia' as subregion, false as is_special "
        "from unnest(?::varchar[]) t(iso3)",
        [[*COUNTRIES, "XXX"]],
    )
    con.close()
    return path
