"""Dates and age groups as spreadsheet software writes them, through the real pipeline: the
contracts accept the package, dbt re-reads the raw text, and what is published is what the
validator accepted. A dbt data test stops any date before 1900 from reaching a table."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from ingest.inbox import submit
from warehouse.build import dbt_build, run_dbt
from warehouse.refresh import refresh_inbox
from warehouse.settings import Settings

pytestmark = pytest.mark.xdist_group("spreadsheet_values")


# Written by LibreOffice itself (tests/fixtures/libreoffice/make_fixtures.py): the baseline
# package with MM/DD/YYYY dates and the age group 25+, each CSV opened in a US-English
# LibreOffice (special numbers detected) and saved as shown: dates come out as 02/24/19 and
# 02/04/19, and 25+ as 25.
LIBREOFFICE_BUNDLE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "libreoffice" / "reexported-en-us.zip"
)


def _libreoffice_bundle(directory: Path) -> Path:
    target = directory / LIBREOFFICE_BUNDLE.name
    shutil.copyfile(LIBREOFFICE_BUNDLE, target)
    return target


def _sql(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings.from_env(tmp_path_factory.mktemp("spreadsheet") / "home")
    submit(_libreoffice_bundle(tmp_path_factory.mktemp("packages")), settings.inbox)
    [outcome] = refresh_inbox(settings)
    assert outcome.status == "accepted", outcome
    run = dbt_build(settings)
    assert run.ok, run.log_tail
    return settings


def test_what_is_published_is_what_the_validator_read(built: Settings) -> None:
    db = built.warehouse_db
    # The state is told how its bare number was read; its dates raise nothing.
    assert _sql(db, "select rule, severity, table_name, column_name from raw.issues") == [
        ("age_group_single_value", "warning", "smugglers", "age_group")
    ]
    expected = [("IDN-2024-0001", date(2019, 2, 24)), ("IDN-2024-0002", date(2019, 2, 4))]
    for model in ("intermediate.int_incidents_harmonised", "marts.fct_incidents"):
        rows = _sql(db, f"select incident_ref, detection_date from {model} order by 1")
        assert rows == expected, model
    # 25 stays the single age 25, as the contracts read it.
    assert _sql(
        db,
        "select age_group_raw, age_min, age_max, age_class "
        "from intermediate.int_smugglers_harmonised",
    ) == [("25", 25, 25, "adult")]


def test_no_date_before_1900_passes_the_dbt_tests(built: Settings, tmp_path: Path) -> None:
    # Were a reading ever to drift from the contracts' (year 19 for 19), the build must fail:
    # on a copy of the built warehouse, the raw text of one date says year 0019.
    copy = Settings.from_env(tmp_path / "home")
    copy.warehouse_db.parent.mkdir(parents=True)
    shutil.copyfile(built.warehouse_db, copy.warehouse_db)
    con = duckdb.connect(str(copy.warehouse_db))
    try:
        con.execute("update raw.incidents set detection_date = '02/24/0019' where source_row = 2")
    finally:
        con.close()
    run = run_dbt(
        copy,
        "build",
        "--select",
        "stg_vrs_raw__incidents int_incidents_current int_incidents_harmonised",
    )
    assert not run.ok
    assert "date_from_1900_int_incidents_harmonised_detection_date" in run.log_tail
