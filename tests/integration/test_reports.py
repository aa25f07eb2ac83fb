"""The report a state gets back: JSON, and its own workbook annotated (or a listing)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from packages import baseline, write

from contracts.validate import validate_package
from ingest.reports import report_dict, submission_summary, write_json, write_workbook

INJECTION = '=HYPERLINK("http://evil.example","click")'


def _bad_package() -> dict:
    pkg = baseline()
    pkg["submission"]["language"] = "fr"
    pkg["incidents"][1]["migrants_total"] = "-3"
    pkg["incidents"][1]["conveyance"] = INJECTION  # unknown code: echoed in the report
    pkg["narrative"][0]["text"] = "écrire à a.b@example.org"
    return pkg


def test_an_xlsx_package_gets_its_own_workbook_back_annotated(tmp_path: Path) -> None:
    source = write(_bad_package(), tmp_path, "xlsx")
    result = validate_package(source)
    out = write_workbook(result, tmp_path / "report.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "errors"
    assert set(openpyxl.load_workbook(source).sheetnames) <= set(book.sheetnames)
    errors = book["errors"]
    assert [c.value for c in errors[1]] == [
        "gravité",
        "règle",
        "table",
        "ligne",
        "colonne",
        "cellule",
        "valeur",
        "message",
        "conseil",
    ]
    rows = [[c.value for c in r] for r in errors.iter_rows(min_row=2)]
    by_rule = {r[1]: r for r in rows}
    assert by_rule["invalid_count"][:6] == [
        "erreur",
        "invalid_count",
        "incidents",
        3,
        "migrants_total",
        "incidents!G3",
    ]
    assert by_rule["invalid_count"][6] == "-3"
    # The offending cell itself is marked, with the message as a comment.
    cell = book["incidents"]["G3"]
    assert cell.fill.fgColor.rgb.endswith("FFC7CE")
    assert "invalid_count" in cell.comment.text
    # The personal value is named, never repeated.
    personal = by_rule["personal_data_value"]
    assert personal[6] in (None, "")
    assert not any("example.org" in str(v) for r in rows for v in r)


@pytest.mark.parametrize("encoding", ["xlsx", "zip", "json"])
def test_nothing_in_a_report_workbook_can_run_as_a_formula(tmp_path: Path, encoding: str) -> None:
    result = validate_package(write(_bad_package(), tmp_path, encoding))
    out = write_workbook(result, tmp_path / "report.xlsx")
    errors = openpyxl.load_workbook(out)["errors"]
    values = [c for r in errors.iter_rows() for c in r if c.value == INJECTION]
    assert values, "the offending value is listed"
    assert all(c.data_type == "s" for c in values)
    formulas = [c.coordinate for r in errors.iter_rows() for c in r if c.data_type == "f"]
    assert formulas == []


def test_a_csv_package_gets_a_listing_with_lines(tmp_path: Path) -> None:
    result = validate_package(write(_bad_package(), tmp_path, "zip"))
    errors = openpyxl.load_workbook(write_workbook(result, tmp_path / "r.xlsx"))["errors"]
    rows = {r[1]: r for r in errors.iter_rows(min_row=2, values_only=True)}
    assert rows["invalid_count"][3] == 3
    assert rows["invalid_count"][5] == "incidents.csv line 3, column migrants_total"


def test_the_json_report(tmp_path: Path) -> None:
    result = validate_package(write(_bad_package(), tmp_path, "json"))
    report = report_dict(result, submission=submission_summary(result))
    path = write_json(report, tmp_path / "report.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["accepted"] is False
    assert data["submission"]["reporting_state"] == "IDN"
    assert data["submission"]["language"] == "fr"
    assert data["submission"]["errors"] == 2 and data["submission"]["warnings"] == 1
    first = data["issues"][0]
    assert set(first) == {
        "severity",
        "rule",
        "table",
        "row",
        "column",
        "value",
        "message",
        "hint",
        "location",
    }
    personal = next(i for i in data["issues"] if i["rule"] == "personal_data_value")
    assert "value" not in personal
    assert personal["location"] == "narrative[0].text"
    assert "example.org" not in path.read_text(encoding="utf-8")
