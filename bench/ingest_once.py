"""Validate + load of one large incidents package against DuckDB's own CSV read, same run.

python -m bench.ingest_once [--rows 1000000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import zipfile
from pathlib import Path

import duckdb

from contracts.validate import validate_package
from ingest.inbox import submit
from samples.generator import big_incidents_csv_bundle
from warehouse.refresh import refresh_inbox
from warehouse.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        package = big_incidents_csv_bundle(work / "big.zip", args.rows)
        with zipfile.ZipFile(package) as bundle:
            bundle.extract("incidents.csv", work)
        t0 = time.perf_counter()
        con = duckdb.connect(str(work / "baseline.duckdb"))
        con.execute(
            "create table incidents as "
            "select * from read_csv(?, all_varchar = true, header = true)",
            [str(work / "incidents.csv")],
        )
        con.close()
        duck = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = validate_package(package)
        validate = time.perf_counter() - t0
        assert result.accepted, [i.to_dict() for i in result.issues[:3]]
        settings = Settings.from_env(work / "home")
        submit(package, settings.inbox)
        t0 = time.perf_counter()
        [outcome] = refresh_inbox(settings)
        refresh = time.perf_counter() - t0
        print(f"rows: {args.rows:,}")
        print(f"duckdb read_csv into a table:        {duck:6.2f} s")
        print(f"validate (read + contracts):         {validate:6.2f} s")
        print(
            f"refresh (archive+validate+report+load): {refresh:6.2f} s "
            f"= {args.rows / refresh:,.0f} rows/s, {refresh / duck:.1f}x DuckDB"
        )
        print(f"outcome: {outcome.status}, {outcome.rows:,} rows loaded")


if __name__ == "__main__":
    main()
