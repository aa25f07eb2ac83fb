"""JSON packages: ``{"submission": {...}, "<table>": [ {row}, ... ], ...}``.

An object is a one-row table, a list of objects a table whose rows are numbered by their index
in the list (0-based, as the state sees it in its own JSON). Values become text without losing
anything: numbers as written by Python, booleans as true/false, nested values as compact JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl

from contracts.issues import Issue
from ingest.package import SOURCE_ROW, Package, SheetData
from ingest.readers import safety
from warehouse.settings import Limits

EXPECTED = "JSON"
MAX_ELEMENT_ISSUES = 100


class _DupDict(dict[str, Any]):
    """An object that repeated some of its keys; the first value of each key is kept."""

    duplicates: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    out = _DupDict()
    out.duplicates = []
    for key, value in pairs:
        if key in out:
            out.duplicates.append(key)
        else:
            out[key] = value
    return out


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def read(path: Path, limits: Limits) -> Package:
    data = path.read_bytes()
    pkg = Package(path=path, encoding="json", size=len(data))
    issue = safety.sniff_json(path, data)
    if issue is not None:
        pkg.issues.append(issue)
        return pkg
    try:
        doc = json.loads(
            data.decode("utf-8-sig"), object_pairs_hook=_pairs, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
        pkg.issues.append(safety.unreadable(EXPECTED, detail))
        return pkg
    except (ValueError, RecursionError) as exc:  # NaN, huge integers, absurd nesting
        pkg.issues.append(safety.unreadable(EXPECTED, str(exc)[:200] or type(exc).__name__))
        return pkg
    if not isinstance(doc, dict):
        detail = f"the top level is {_kind(doc)}, not an object of tables"
        pkg.issues.append(safety.unreadable(EXPECTED, detail))
        return pkg
    pkg.issues.extend(_duplicates(doc, None, None))
    for key, value in doc.items():
        sheet, issues = _table(key, value, limits)
        pkg.sheets.append(sheet)
        pkg.issues.extend(issues)
    return pkg


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    return "a boolean" if isinstance(value, bool) else "a number"


def _duplicates(obj: dict[str, Any], table: str | None, row: int | None) -> list[Issue]:
    dups = getattr(obj, "duplicates", [])
    return [
        safety.unreadable(EXPECTED, f"duplicate key {key}", table=table or key, row=row)
        for key in dups
    ]


def text(value: Any) -> str | None:
    """A JSON value as the text a spreadsheet cell would hold."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # shortest text that reads back as the same number
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _table(key: str, value: Any, limits: Limits) -> tuple[SheetData, list[Issue]]:
    if isinstance(value, dict):
        return _frame(key, [value], [0]), _duplicates(value, key, 0)
    if not isinstance(value, list):
        return _frame(key, [], []), []
    issues: list[Issue] = []
    rows: list[dict[str, Any]] = []
    index: list[int] = []
    for i, element in enumerate(value):
        if isinstance(element, dict):
            rows.append(element)
            index.append(i)
            issues.extend(_duplicates(element, key, i))
        elif len(issues) < MAX_ELEMENT_ISSUES:
            detail = f"element {i} of {key} is {_kind(element)}, not an object"
            issues.append(safety.unreadable(EXPECTED, detail, table=key, row=i))
    too_many = safety.too_many_rows(key, len(rows), limits)
    if too_many is not None:
        return _frame(key, rows, index, keep_rows=False), [*issues, too_many]
    return _frame(key, rows, index), issues


def _frame(
    origin: str, rows: list[dict[str, Any]], index: list[int], *, keep_rows: bool = True
) -> SheetData:
    """Column by column: headers are the union of the keys, in the order first seen."""
    # Rows nearly always share one key order, so the union is over a handful of tuples.
    shapes = dict.fromkeys(tuple(r) for r in rows)
    headers: list[str | None] = list(dict.fromkeys(k for shape in shapes for k in shape))
    if not keep_rows:
        rows, index = [], []
    columns = {
        f"c{i}": pl.Series(
            [v if type(v) is str else text(v) for v in (r.get(h) for r in rows)], dtype=pl.String
        )
        for i, h in enumerate(headers)
    }
    columns[SOURCE_ROW] = pl.Series(index, dtype=pl.Int64)
    return SheetData(origin=origin, headers=headers, frame=pl.DataFrame(columns))
