"""Packages LibreOffice really wrote (.ods, .xls, a CSV bundle it re-exported) and one xlwt wrote:
reader → contract → report, as for the .xlsx they came from."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl
import pytest

from contracts.validate import ValidationResult, validate_package
from ingest.inbox import submit, waiting
from ingest.readers import read_package
from ingest.reports import report_dict, submission_summary, write_workbook
from portal.accounts import Role, User
from portal.uploads import receive
from warehouse.settings import Limits, Settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "libreoffice"


def _make_fixtures():  # the script that wrote the fixtures, for the .xlsx they came from
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _issues(result: ValidationResult) -> list[tuple]:
    report = report_dict(result, submission=submission_summary(result))
    return [
        (i["severity"], i["rule"], i["table"], i["row"], i["column"], i["location"])
        for i in report["issues"]
    ]


def _tables(result: ValidationResult) -> dict[str, list[tuple]]:
    return {name: table.frame.rows() for name, table in result.tables.items()}


@pytest.mark.parametrize("twin", ["good", "bad"])
@pytest.mark.parametrize("ext", ["ods", "xls"])
def test_same_tables_and_report_as_the_xlsx_it_was_saved_from(
    tmp_path: Path, ext: str, twin: str
) -> None:
    make = _make_fixtures()
    xlsx = validate_package(make.typed_xlsx(getattr(make, twin)(), tmp_path / f"{twin}.xlsx"))
    other = validate_package(FIXTURES / f"{twin}.{ext}")
    assert other.conformed.package.encoding == ext
    assert _tables(other) == _tables(xlsx)
    assert _issues(other) == _issues(xlsx)
    assert other.accepted is (twin == "good")


@pytest.mark.parametrize("name", ["good.ods", "good.xls"])
def test_good_workbooks_are_accepted_with_their_formula_noted(name: str) -> None:
    result = validate_package(FIXTURES / name)
    assert result.accepted and result.header is not None
    assert result.header.reporting_state == "IDN" and result.header.period.label == "2024-Q1"
    assert {n: t.frame.height for n, t in result.tables.items()} == {
        "incidents": 2,
        "route_legs": 4,
        "smuggled_migrants": 3,
        "smugglers": 1,
        "border_events": 2,
        "fraudulent_documents": 2,
        "cooperation": 1,
        "narrative": 1,
    }
    assert _issues(result) == [
        (
            "warning",
            "formula_cell",
            "incidents",
            3,
            "migrants_total",
            "sheet 'incidents', cell G3",
        )
    ]


def test_an_xls_not_written_by_libreoffice() -> None:
    result = validate_package(FIXTURES / "xlwt-good.xls")
    assert result.accepted and _issues(result) == []
    assert result.tables["incidents"].frame["detection_date"].to_list() == [
        "2024-02-03",
        "2024-03-10",
    ]


@pytest.mark.parametrize("ext", ["ods", "xls"])
def test_bad_twin_report(ext: str) -> None:
    result = validate_package(FIXTURES / f"bad.{ext}")
    assert not result.accepted
    assert _issues(result) == [
        (
            "error",
            "duplicate_incident_ref",
            "incidents",
            2,
            "incident_ref",
            "sheet 'incidents', cell A2",
        ),
        (
            "error",
            "duplicate_incident_ref",
            "incidents",
            3,
            "incident_ref",
            "sheet 'incidents', cell A3",
        ),
        ("error", "unknown_code", "incidents", 3, "transport_mode", "sheet 'incidents', cell E3"),
        ("warning", "formula_cell", "incidents", 3, "migrants_total", "sheet 'incidents', cell G3"),
        (
            "warning",
            "profile_sum_mismatch",
            "incidents",
            3,
            "migrants_total",
            "sheet 'incidents', cell G3",
        ),
    ]
    summary = submission_summary(result)
    assert summary["encoding"] == ext and summary["file"] == f"bad.{ext}"


@pytest.mark.parametrize("ext", ["ods", "xls"])
def test_annotated_copy_is_an_xlsx_with_the_cells_in_place(tmp_path: Path, ext: str) -> None:
    result = validate_package(FIXTURES / f"bad.{ext}")
    out = write_workbook(result, tmp_path / "report.xlsx", "es")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "errors"
    assert book.sheetnames[1:] == [
        "submission",
        "incidents",
        "route_legs",
        "smuggled_migrants",
        "smugglers",
        "border_events",
        "fraudulent_documents",
        "cooperation",
        "narrative",
        "_lists",
    ]
    errors = {r[1]: r for r in book["errors"].iter_rows(min_row=2, values_only=True)}
    assert errors["unknown_code"][:6] == (
        "error",
        "unknown_code",
        "incidents",
        3,
        "transport_mode",
        "incidents!E3",
    )
    incidents = book["incidents"]
    assert [c.value for c in incidents[1]][:5] == [
        "incident_ref",
        "detection_date",
        "detection_stage",
        "route",
        "transport_mode",
    ]
    marked = incidents["E3"]
    assert marked.value == "teleport" and marked.fill.fgColor.rgb.endswith("FFC7CE")
    assert "unknown_code" in marked.comment.text
    assert incidents["G3"].value == "12" and incidents["B2"].value == "2024-02-03"
    assert book["submission"]["B7"].value == "1.0"


def test_csv_bundle_reexported_by_libreoffice() -> None:
    pkg = read_package(FIXTURES / "reexported.zip", Limits())
    assert pkg.encoding == "csv" and pkg.issues == []
    sheets = {s.origin: s for s in pkg.sheets}
    assert {(s.dialect.encoding, s.dialect.delimiter) for s in pkg.sheets} == {("utf-8", ",")}
    submission = dict(sheets["submission.csv"].frame.select("c0", "c1").rows())
    # LibreOffice read "1.0" as a number and wrote it back as 1; ISO dates it keeps.
    assert submission["template_version"] == "1"
    incidents = sheets["incidents.csv"]
    assert incidents.header_row == 1
    assert incidents.frame.select("c0", "c1", "c6", "_source_row").rows() == [
        ("IDN-2024-0001", "2024-02-03", "40", 2),
        ("IDN-2024-0002", "2024-03-10", "12", 3),
    ]
    smugglers = sheets["smugglers.csv"]
    assert smugglers.headers[3] == "age_group" and smugglers.frame["c3"].to_list() == ["25+"]
    migrants = sheets["smuggled_migrants.csv"].frame
    assert migrants["c3"].to_list() == ["18-24", "<18", "adult"]


# --- long file names ---------------------------------------------------------------------


LONG = "Rapport trimestriel de la Police nationale indonésienne " * 4


def test_a_long_named_ods_upload_is_read_as_ods(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")
    user = User("idn-upload", Role.submitter, "IDN")
    with (FIXTURES / "good.ods").open("rb") as stream:
        receipt = receive(settings, user, LONG + ".ods", stream)
    assert receipt.verdict == "validated", receipt.report["issues"]
    assert receipt.report["submission"]["encoding"] == "ods"
    (item,) = waiting(settings.inbox)
    assert item.original_name.endswith(".ods") and len(item.original_name) == 120


def test_a_long_named_package_submitted_to_the_inbox_is_read(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    path = submit(FIXTURES / "good.xls", inbox, name=LONG + ".xls")
    assert path.suffix == ".xls"
    assert validate_package(path).accepted
