"""bench/marts_by_hand.sql stays the same transformation as the dbt project: on a small
warehouse (a few packages, a resubmission, a withdrawal, a rejection, messy spellings) every
mart it writes equals the dbt mart; its age-group parsing equals contracts.ages."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pytest
from packages import baseline, write

from bench.dbt_vs_sql import MARTS, REPO, SCRIPT, compare_files, mart_differences, run_script
from contracts.ages import parse_age_groups
from ingest.inbox import submit
from warehouse.build import run_dbt
from warehouse.raw_layer import RAW, ensure_schema
from warehouse.refresh import refresh_inbox
from warehouse.settings import Settings

pytestmark = pytest.mark.xdist_group("dbt")


def _messy() -> dict:
    """Labels in French and Spanish, countries by name and M49 number, age schemes, decimal
    commas (";"-separated CSV), an arrow route, unknown codes, a route without legs."""
    pkg = baseline()
    pkg["submission"] |= {
        "reporting_state": "Indonésie",
        "period": "2023-T2",
        "language": "fr",
        "benefit_required": "Non",
    }
    first, second = pkg["incidents"]
    first |= {
        "route": "Afganistán → 586 → Malaisie → IDN → Australie",
        "transport_mode": "bateau",
        "conveyance": "Navire de pêche",
        "detection_date": "2023-05-03",
        "fee_per_migrant": "4600,50",
        "fee_currency": "eur",
        "payment_method": "Hawala o transferencia informal",
        "technology": "WhatsApp | Réseaux sociaux",
        "aggravating": "peligro",
        "related_offences": "traite",
    }
    second |= {
        "route": "Birmanie > THA -> Malaysia",
        "transport_mode": "Terrestre",
        "detection_date": "2023-06-10",
        "conveyance": "zeppelin",
        "fee_per_migrant": "1200",
        "fee_currency": "THB",
    }
    pkg["smuggled_migrants"] = [
        {"incident_ref": first["incident_ref"], "citizenship": "004", "sex": "H",
         "age_group": "moins de 18", "value": "30"},
        {"incident_ref": first["incident_ref"], "citizenship": "Afghanistan", "sex": "Femme",
         "age_group": "15-24", "unaccompanied": "Oui", "value": "10"},
        {"citizenship": "Birmanie", "sex": "Mujer", "age_group": "65 y más", "value": "12"},
        {"citizenship": "Birmanie", "sex": "Mujer", "age_group": "18 à 24 ans", "value": "1"},
    ]  # fmt: skip
    for leg in pkg["route_legs"]:
        leg["transport_mode"] = {"land": "terrestre", "air": "Aérien", "sea": "Maritime"}[
            leg["transport_mode"]
        ]
    pkg["border_events"][0] |= {"value": "1234", "age_group": "18+"}
    return pkg


def _other_state() -> dict:
    pkg = baseline()
    pkg["submission"] |= {"reporting_state": "MYS", "reporting_agency": "Imigresen"}
    return pkg


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(dbt-built warehouse, warehouse the script ran on), from the same raw layer."""
    tmp = tmp_path_factory.mktemp("by_hand")
    settings = Settings(home=tmp / "home")
    replaced = baseline()
    second = baseline()
    second["incidents"] = second["incidents"][:1]
    second["incidents"][0]["migrants_total"] = "45"
    withdrawn = _other_state()
    withdrawal = {"submission": dict(_other_state()["submission"], action="delete")}
    thai = baseline()
    thai["submission"] |= {"reporting_state": "THA", "reporting_agency": "RTP", "period": "2024-01"}
    thai["incidents"][0] |= {"detection_date": "2024-01-05", "related_offences": "Trafficking"}
    thai["incidents"][1] |= {"detection_date": "2024-01-20"}
    del thai["route_legs"]  # legs derived from the routes
    rejected = baseline()
    rejected["submission"] |= {"reporting_state": "PHL", "period": "2024-Q1"}
    rejected["incidents"][0]["migrants_total"] = "many"
    packages = [
        write(replaced, tmp, "json", "idn-v1"),
        write(_messy(), tmp, "zip", "idn-messy", delimiter=";"),
        write(second, tmp, "xlsx", "idn-v2"),
        write(withdrawn, tmp, "json", "mys-v1"),
        write(withdrawal, tmp, "json", "mys-withdrawal"),
        write(thai, tmp, "zip", "tha"),
        write(rejected, tmp, "json", "phl"),
    ]
    sent = datetime(2024, 4, 2, tzinfo=UTC)
    for n, path in enumerate(packages):
        submit(path, settings.inbox, received_at=sent + timedelta(hours=n))
    statuses = [o.status for o in refresh_inbox(settings)]
    assert statuses == ["accepted"] * 6 + ["rejected"], statuses

    raw_only = tmp / "by_hand.duckdb"  # not raw.duckdb: the catalog would shadow schema raw
    shutil.copyfile(settings.warehouse_db, raw_only)
    # Models only: the data tests are the models' business, not this comparison's.
    built = run_dbt(
        settings, "build", "--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"
    )
    assert built.ok, built.log_tail
    run_script(raw_only)  # on the raw layer alone: no dbt seed, no dbt model
    return settings.warehouse_db, raw_only


def test_every_mart_by_hand_equals_the_dbt_mart(warehouses: tuple[Path, Path]) -> None:
    dbt_db, sql_db = warehouses
    result = compare_files(dbt_db, sql_db)
    assert set(result) == set(MARTS)
    differences = {
        m: mart_differences(dbt_db, sql_db, m) for m, e in result.items() if not e["equal"]
    }
    assert not differences, differences
    # Not vacuous: the current reports are IDN 2024-Q1 (v2), IDN 2023-Q2 and THA 2024-01.
    assert result["fct_incidents"]["dbt_rows"] == 5
    assert all(result[m]["dbt_rows"] > 0 for m in MARTS), result


def test_the_comparison_sees_a_difference(warehouses: tuple[Path, Path], tmp_path: Path) -> None:
    dbt_db, sql_db = warehouses
    changed = shutil.copyfile(sql_db, tmp_path / "changed.duckdb")
    con = duckdb.connect(str(changed))
    try:
        con.execute(
            "update byhand.mart_routes set median_fee_usd = median_fee_usd + 1e-3 "
            "where median_fee_usd is not null"
        )
        con.execute("delete from byhand.mart_border_events where has_suppressed_values")
    finally:
        con.close()
    result = compare_files(dbt_db, changed)
    assert not result["mart_routes"]["equal"]
    assert not result["mart_border_events"]["equal"]
    assert result["fct_incidents"]["equal"]


def _age_spellings() -> list[str]:
    values = [
        "18-24", "0–17", "15-24", "<18", "under 18", "moins de 18", "menos de 18", "65+",
        "65 and over", "65 et plus", "65 y más", "minor", "Mineur", "menor", "adult", "Adulte",
        "adulto", "10+", "18 à 24 ans", "unknown", "inconnu", "desconocido", "Not stated",
        "24-18", "200+", "teenagers", "≤17", "≥ 18", "jusqu'à 17 ans", "jusqu’à 17", "18 a",
        "5 yo", "n/a", "?", "18 - 24 YEARS", "18\u00a0-\u00a024", "18\u2013\u200924",
        "0-17 años", "< 18 ans", "plus de 17", "more than 17", ">17", ">=18", "<=17",
        "up to 17", "hasta 17 años", "18 years and over", "18 yrs+", "18y/o+", "Children",
        "enfants", "niños", "underage", "under age", "adultes", "NK", "n/k", "no consta",
        "non précisé", "unspecified", "18 to 24", "18 au 24", "18 al 24", "18a24", "121",
        "999", "-5", "18—24", "18−24", "18 - ", "18 +", "18 or over", "18 or more",
        "18 and older", "18 y more", "MINEURES", "menores", "under18", "below 18",
        "less than 18", "18 ans et plus", "18 AÑOS", "18\u300024", "x",
    ]  # fmt: skip
    forms = ["<{}", "under {}", "{}+", "{} and over", "{}", "{} ans", ">{}", ">= {}", "up to {}"]
    for a in range(0, 125, 7):
        values += [f"{a}{dash}{b}" for b in range(0, 125, 11) for dash in ("-", " to ", " à ")]
        values += [form.format(a) for form in forms]
    return values


def test_age_groups_parse_as_the_contracts_parse_them() -> None:
    values = _age_spellings()
    con = duckdb.connect()
    try:
        ensure_schema(con)
        con.execute(
            f"insert into {RAW}.submissions (submission_id, sha256, original_name, size_bytes, "
            "received_at, processed_at, status, reporting_state, agency_key, period, action, "
            "version, error_count, warning_count, archive_path) values ('s1', 'h1', 'p.json', "
            "1, now(), now(), 'accepted', 'IDN', 'polri', '2024', 'replace', 1, 0, 0, '-')"
        )
        con.executemany(
            f"insert into {RAW}.smuggled_migrants (submission_id, source_row, age_group, value) "
            "values ('s1', ?, ?, '1')",
            [[n, v] for n, v in enumerate(values, start=2)],
        )
        con.execute(f"set file_search_path = '{REPO}'")
        con.execute(SCRIPT.read_text(encoding="utf-8"))
        # the script's lookup of distinct (cleaned) age groups, still there in this connection
        by_hand = dict(con.execute("select value_raw, age_class from ages").fetchall())
        cleaned = [
            r[0]
            for r in con.execute(
                "select distinct nullif(regexp_replace(age_group, '^[\\s\\p{Z}]+|[\\s\\p{Z}]+$', "
                f"'', 'g'), '') from {RAW}.smuggled_migrants"
            ).fetchall()
            if r[0] is not None
        ]
    finally:
        con.close()
    parsed = parse_age_groups(pl.Series(cleaned))
    expected = dict(zip(parsed["value"].to_list(), parsed["age_class"].to_list(), strict=True))
    assert by_hand == expected
    assert {"minor", "adult", "unknown"} <= set(expected.values())
