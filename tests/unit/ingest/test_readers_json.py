"""JSON packages: objects and lists of objects, values as text, element indexes as rows."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

from ingest.package import SOURCE_ROW, Package
from ingest.readers import read_package
from ingest.readers.json_doc import text
from warehouse.settings import Limits


def read(tmp_path: Path, raw: str | bytes, limits: Limits | None = None) -> Package:
    path = tmp_path / "package.json"
    path.write_bytes(raw.encode() if isinstance(raw, str) else raw)
    return read_package(path, limits or Limits())


def issues(pkg: Package) -> list[tuple]:
    return [(i.rule, i.table, i.row, i.params.get("detail")) for i in pkg.issues]


DOC = """{
  "submission": {"reporting_state": "ESP", "period": "2024-03", "template_version": 1.0},
  "incidents": [
    {"incident_ref": "I-1", "migrants_total": 12, "fee_per_migrant": 1500.5, "flag": true,
     "comment": null, "route": ["AFG", "TUR"], "extra": {"a": 1, "b": "é"}},
    {"incident_ref": "I-2", "migrants_total": 3, "new_key": "x", "flag": false},
    "not a row",
    {"incident_ref": "I-4", "big": 1e20, "neg": -0.5, "huge": 123456789012345678901234567890}
  ],
  "narrative": [],
  "notes": "just text"
}"""


def test_tables_values_and_rows(tmp_path: Path) -> None:
    pkg = read(tmp_path, DOC)
    assert pkg.encoding == "json"
    assert [s.origin for s in pkg.sheets] == ["submission", "incidents", "narrative", "notes"]
    sub, inc, nar, notes = pkg.sheets
    assert sub.headers == ["reporting_state", "period", "template_version"]
    assert sub.frame.rows() == [("ESP", "2024-03", "1.0", 0)]
    assert sub.header_row is None and sub.column_refs is None and sub.dialect is None
    assert inc.headers == [
        "incident_ref", "migrants_total", "fee_per_migrant", "flag", "comment", "route", "extra",
        "new_key", "big", "neg", "huge",
    ]  # fmt: skip
    assert inc.frame.columns == [f"c{i}" for i in range(11)] + [SOURCE_ROW]
    assert inc.frame.rows() == [
        ("I-1", "12", "1500.5", "true", None, '["AFG","TUR"]', '{"a":1,"b":"é"}',
         None, None, None, None, 0),
        ("I-2", "3", None, "false", None, None, None, "x", None, None, None, 1),
        ("I-4", None, None, None, None, None, None, None, "1e+20", "-0.5",
         "123456789012345678901234567890", 3),
    ]  # fmt: skip
    assert (nar.headers, nar.n_rows) == ([], 0)
    assert (notes.headers, notes.n_rows) == ([], 0)
    assert issues(pkg) == [
        ("file_unreadable", "incidents", 2, "element 2 of incidents is a string, not an object")
    ]
    assert pkg.issues[0].message() == (
        "The file cannot be read as JSON: element 2 of incidents is a string, not an object."
    )


def test_value_to_text() -> None:
    assert [text(v) for v in ["", "a", 0, 12, 12.0, 0.1, 1e-7, True, False, None]] == [
        "", "a", "0", "12", "12.0", "0.1", "1e-07", "true", "false", None,
    ]  # fmt: skip
    assert text([1, {"x": None}]) == '[1,{"x":null}]'


def test_bom_is_accepted(tmp_path: Path) -> None:
    pkg = read(tmp_path, codecs.BOM_UTF8 + b'{"submission": {"period": "2024"}}')
    assert pkg.issues == [] and pkg.sheets[0].frame.rows() == [("2024", 0)]


def test_top_level_must_be_an_object(tmp_path: Path) -> None:
    pkg = read(tmp_path, '[{"a": 1}]')
    assert issues(pkg) == [
        ("file_unreadable", None, None, "the top level is a list, not an object of tables")
    ]
    assert pkg.sheets == []


def test_syntax_error_says_where(tmp_path: Path) -> None:
    pkg = read(tmp_path, '{"incidents": [\n  {"a": 1},\n  {"a": }\n]}')
    assert issues(pkg) == [("file_unreadable", None, None, "Expecting value at line 3, column 9")]


def test_nan_is_not_json(tmp_path: Path) -> None:
    pkg = read(tmp_path, '{"incidents": [{"a": NaN}]}')
    assert issues(pkg) == [("file_unreadable", None, None, "NaN is not a JSON value")]


def test_duplicate_keys(tmp_path: Path) -> None:
    pkg = read(tmp_path, '{"incidents": [{"a": 1}], "x": 1, "incidents": [], '
               '"smugglers": [{"v": 1}, {"v": 2, "v": 3}]}')  # fmt: skip
    assert issues(pkg) == [
        ("file_unreadable", "incidents", None, "duplicate key incidents"),
        ("file_unreadable", "smugglers", 1, "duplicate key v"),
    ]
    # The first of duplicate keys is kept.
    assert [s.origin for s in pkg.sheets] == ["incidents", "x", "smugglers"]
    assert pkg.sheets[0].frame.rows() == [("1", 0)]
    assert pkg.sheets[2].frame.rows() == [("1", 0), ("2", 1)]


def test_too_many_rows(tmp_path: Path) -> None:
    doc = json.dumps({"incidents": [{"ref": f"I-{i}"} for i in range(3)]})
    pkg = read(tmp_path, doc, Limits(max_rows_per_table=2))
    assert issues(pkg) == [("table_too_many_rows", "incidents", None, "3")]
    assert pkg.sheets[0].headers == ["ref"] and pkg.sheets[0].n_rows == 0


def test_large_list_is_built_column_wise(tmp_path: Path) -> None:
    rows = [{"ref": f"I-{i}", "n": i, "ok": i % 2 == 0} for i in range(100_000)]
    pkg = read(tmp_path, json.dumps({"incidents": rows}))
    frame = pkg.sheets[0].frame
    assert frame.height == 100_000
    assert frame.row(99_999) == ("I-99999", "99999", "false", 99_999)
