"""Build small packages in any encoding for the tests: a valid baseline and its bad twins.

A package is a dict ``{"submission": {...}, "<table>": [ {column: value}, ... ]}``; writers put
it into a file the way a state would. Every text is written as text.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import xlsxwriter

Package = dict[str, Any]

BASELINE: Package = {
    "submission": {
        "reporting_state": "IDN",
        "reporting_agency": "Indonesian National Police",
        "agency_type": "police",
        "period": "2024-Q1",
        "action": "replace",
        "template_version": "1.0",
        "language": "en",
        "benefit_required": "yes",
    },
    "incidents": [
        {
            "incident_ref": "IDN-2024-0001",
            "detection_date": "2024-02-03",
            "detection_stage": "departure",
            "route": "AFG > PAK > MYS > IDN > AUS",
            "transport_mode": "sea",
            "conveyance": "fishing_vessel",
            "migrants_total": "40",
            "migrants_deceased": "1",
            "migrants_missing": "2",
            "fee_per_migrant": "5000",
            "fee_currency": "USD",
            "payment_method": "hawala",
            "technology": "messaging_app;social_media",
            "aggravating": "danger_to_life",
            "comment": "Intercepted off the coast of Java.",
        },
        {
            "incident_ref": "IDN-2024-0002",
            "detection_date": "2024-03-10",
            "route": "MMR > THA > MYS",
            "transport_mode": "land",
            "migrants_total": "12",
        },
    ],
    "route_legs": [
        {
            "incident_ref": "IDN-2024-0001",
            "leg_seq": "1",
            "from_country": "AFG",
            "to_country": "PAK",
            "transport_mode": "land",
        },
        {
            "incident_ref": "IDN-2024-0001",
            "leg_seq": "2",
            "from_country": "PAK",
            "to_country": "MYS",
            "transport_mode": "air",
        },
        {
            "incident_ref": "IDN-2024-0001",
            "leg_seq": "3",
            "from_country": "MYS",
            "to_country": "IDN",
            "transport_mode": "sea",
        },
        {
            "incident_ref": "IDN-2024-0001",
            "leg_seq": "4",
            "from_country": "IDN",
            "to_country": "AUS",
            "transport_mode": "sea",
        },
    ],
    "smuggled_migrants": [
        {
            "incident_ref": "IDN-2024-0001",
            "citizenship": "AFG",
            "sex": "male",
            "age_group": "18-24",
            "value": "30",
        },
        {
            "incident_ref": "IDN-2024-0001",
            "citizenship": "AFG",
            "sex": "female",
            "age_group": "<18",
            "unaccompanied": "yes",
            "value": "10",
        },
        {"citizenship": "MMR", "sex": "male", "age_group": "adult", "value": "12"},
    ],
    "smugglers": [
        {
            "incident_ref": "IDN-2024-0001",
            "citizenship": "IDN",
            "sex": "male",
            "age_group": "25-34",
            "role": "boat_captain_crew",
            "justice_stage": "arrested",
            "group_structure": "loose_network",
            "value": "2",
        },
    ],
    "border_events": [
        {
            "indicator": "illegal_exit",
            "counting_unit": "person",
            "border_type": "sea",
            "citizenship": "AFG",
            "sex": "male",
            "age_group": "adult",
            "value": "55",
        },
        {
            "indicator": "refusal_of_entry",
            "counting_unit": "person",
            "value": "",
            "obs_status": "Q",
        },
    ],
    "fraudulent_documents": [
        {
            "document_type": "passport",
            "fraud_type": "counterfeit",
            "issuing_country": "MYS",
            "holder_citizenship": "BGD",
            "border_type": "air",
            "value": "3",
        },
        {
            "document_type": "passport",
            "fraud_type": "pseudo_document",
            "issuing_country": "none",
            "value": "1",
        },
    ],
    "cooperation": [
        {
            "request_type": "mla_request",
            "direction": "sent",
            "counterpart_state": "AUS",
            "outcome": "granted",
            "value": "2",
        },
    ],
    "narrative": [
        {"topic": "routes", "text": "Departures shifted from Java to Sumatra."},
    ],
}


def baseline() -> Package:
    return copy.deepcopy(BASELINE)


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    cols: list[str] = []
    for row in rows:
        cols += [c for c in row if c not in cols]
    return cols


def write_json(package: Package, path: Path) -> Path:
    path.write_text(json.dumps(package, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_xlsx(package: Package, path: Path) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    for table, content in package.items():
        sheet = workbook.add_worksheet(table)
        if isinstance(content, dict):
            rows = [{"field": k, "value": v} for k, v in content.items()]
        else:
            rows = content
        cols = _columns(rows) if rows else []
        for c, name in enumerate(cols):
            sheet.write_string(0, c, name)
        for r, row in enumerate(rows, start=1):
            for c, name in enumerate(cols):
                value = row.get(name)
                if value not in (None, ""):
                    sheet.write_string(r, c, str(value))
    workbook.close()
    return path


def csv_text(rows: list[dict[str, Any]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    cols = _columns(rows)
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(cols)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in cols])
    return buffer.getvalue()


def write_csv_zip(
    package: Package, path: Path, *, delimiter: str = ",", charset: str = "utf-8"
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        for table, content in package.items():
            rows = (
                [{"field": k, "value": v} for k, v in content.items()]
                if isinstance(content, dict)
                else content
            )
            bundle.writestr(f"{table}.csv", csv_text(rows, delimiter).encode(charset))
    return path


WRITERS = {"json": write_json, "xlsx": write_xlsx, "zip": write_csv_zip}


def write(
    package: Package, directory: Path, encoding: str = "json", name: str = "pkg", **options: str
) -> Path:
    return WRITERS[encoding](package, directory / f"{name}.{encoding}", **options)
