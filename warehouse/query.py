"""Read-only queries on the published snapshot, for the CLI and the analyst guide's tests."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import duckdb

from warehouse.settings import Settings

# What `make demo` shows: the analyst guide's first reference query.
DEMO_QUERY = """\
select
    origin_country,
    destination_country,
    route_key,
    sum(incidents) as incidents,
    sum(migrants) as migrants
from marts.mart_routes
where year(period_start) = (select max(year(period_start)) from marts.mart_routes)
group by all
order by migrants desc
limit 10"""


def connect_current(settings: Settings) -> duckdb.DuckDBPyConnection:
    """The current snapshot, read-only (many readers may hold it; a build never waits)."""
    return duckdb.connect(str(settings.current_db), read_only=True)


def run_query(settings: Settings, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    con = connect_current(settings)
    try:
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
    finally:
        con.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def format_rows(columns: list[str], rows: list[tuple[Any, ...]], output: str = "table") -> str:
    if output == "json":
        records = [{c: _json_value(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        return json.dumps(records, ensure_ascii=False, indent=2, default=str)
    if output == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    if output != "table":
        raise ValueError(f"unknown format {output!r}: table, csv or json")
    cells = [[_text(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)
