"""The answer a state gets for every package: a JSON report, and a workbook.

For an XLSX package the workbook is an annotated copy of the state's own file (an ``errors``
sheet first, offending cells filled and commented); for CSV and JSON packages it is a listing.
Every cell goes through :mod:`ingest.safe_cells`, so nothing a state sent can become a formula
in somebody's spreadsheet: values are written as text, and the copy's own formulas are turned
into their text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import xlsxwriter

from contracts.issues import Issue, count
from contracts.rules import Language
from contracts.tables import SUBMISSION
from contracts.validate import ValidationResult
from ingest.safe_cells import WORKBOOK_OPTIONS, CellWriter, neutralise_workbook, set_cell

# Annotating means loading the whole workbook with openpyxl; past this it is a listing.
MAX_ANNOTATED_BYTES = 15 * 1024 * 1024

HEADINGS: dict[Language, list[str]] = {
    "en": ["severity", "rule", "table", "row", "column", "cell", "value", "message", "hint"],
    "fr": [
        "gravité",
        "règle",
        "table",
        "ligne",
        "colonne",
        "cellule",
        "valeur",
        "message",
        "conseil",
    ],
    "es": [
        "gravedad",
        "regla",
        "tabla",
        "fila",
        "columna",
        "celda",
        "valor",
        "mensaje",
        "sugerencia",
    ],
}
SEVERITY_WORDS: dict[Language, dict[str, str]] = {
    "en": {"error": "error", "warning": "warning"},
    "fr": {"error": "erreur", "warning": "avertissement"},
    "es": {"error": "error", "warning": "advertencia"},
}
ERRORS_SHEET = "errors"


def cell_of(result: ValidationResult, issue: Issue) -> tuple[str, str] | None:
    """(sheet, A1 reference) of the issue in the state's workbook, where there is one."""
    if result.conformed.package.encoding != "xlsx" or issue.row is None:
        return None
    if issue.table == SUBMISSION:
        sheet = result.conformed.submission_origin
        letter = result.conformed.submission_value_ref
    else:
        table = result.conformed.tables.get(issue.table or "")
        sheet = table.origin if table else issue.table
        letter = table.column_refs.get(issue.column or "") if table else None
    if sheet is None:
        return None
    return sheet, f"{letter or 'A'}{issue.row}"


def location(result: ValidationResult, issue: Issue) -> str:
    """Where the problem is, in the words of the package's own format."""
    encoding = result.conformed.package.encoding
    table = result.conformed.tables.get(issue.table or "")
    origin = table.origin if table else (issue.table or "")
    if encoding == "xlsx":
        cell = cell_of(result, issue)
        if cell:
            return f"sheet {cell[0]!r}, cell {cell[1]}"
        return f"sheet {origin!r}" if origin else "workbook"
    if encoding == "csv":
        where = origin if origin.lower().endswith(".csv") else f"{origin}.csv" if origin else ""
        line = f" line {issue.row}" if issue.row is not None else ""
        col = f", column {issue.column}" if issue.column else ""
        return f"{where}{line}{col}" if where else "package"
    if encoding == "json":
        path = origin or "document"
        if issue.row is not None and issue.table != SUBMISSION:
            path += f"[{issue.row}]"
        return path + (f".{issue.column}" if issue.column else "")
    return "file"


def report_dict(
    result: ValidationResult, *, submission: dict[str, Any], language: Language | None = None
) -> dict[str, Any]:
    language = language or result.language
    issues = []
    for issue in result.issues:
        entry = issue.to_dict(language)
        entry["location"] = location(result, issue)
        issues.append(entry)
    return {
        "accepted": result.accepted,
        "submission": submission
        | {
            "errors": count(result.issues, "error"),
            "warnings": count(result.issues, "warning"),
            "language": language,
        },
        "issues": issues,
    }


def submission_summary(result: ValidationResult) -> dict[str, Any]:
    """What the report says about the package itself."""
    header = result.header
    out: dict[str, Any] = {"file": result.path.name, "encoding": result.conformed.package.encoding}
    if header is not None:
        out |= {
            "reporting_state": header.reporting_state,
            "reporting_agency": header.reporting_agency,
            "period": header.period.label,
            "action": header.action,
        }
    out["tables"] = {name: t.frame.height for name, t in result.tables.items()}
    return out


def write_json(report: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), "utf-8")
    tmp.replace(path)
    return path


def write_workbook(result: ValidationResult, path: Path, language: Language | None = None) -> Path:
    """The annotated copy of an XLSX package, or a listing for other packages."""
    language = language or result.language
    path.parent.mkdir(parents=True, exist_ok=True)
    source = result.conformed.package
    annotate = source.encoding == "xlsx" and source.sheets and source.size <= MAX_ANNOTATED_BYTES
    if annotate:
        try:
            _annotated_copy(result, path, language)
            return path
        except Exception:
            pass
    _listing(result, path, language)
    return path


def _row_values(result: ValidationResult, issue: Issue, language: Language) -> list[Any]:
    cell = cell_of(result, issue)
    data = issue.to_dict(language)
    return [
        SEVERITY_WORDS[language][issue.severity],
        issue.rule,
        issue.table or "",
        issue.row if issue.row is not None else "",
        issue.column or "",
        f"{cell[0]}!{cell[1]}" if cell else location(result, issue),
        data.get("value") or "",
        data["message"],
        data["hint"],
    ]


def _listing(result: ValidationResult, path: Path, language: Language) -> None:
    workbook = xlsxwriter.Workbook(str(path), dict(WORKBOOK_OPTIONS))
    cells = CellWriter(workbook)
    sheet = workbook.add_worksheet(ERRORS_SHEET)
    for col, heading in enumerate(HEADINGS[language]):
        cells.write(sheet, 0, col, heading, {"bold": True})
    for r, issue in enumerate(result.issues, start=1):
        for c, value in enumerate(_row_values(result, issue, language)):
            cells.write(sheet, r, c, value if isinstance(value, int) else str(value))
    sheet.autofilter(0, 0, max(len(result.issues), 1), len(HEADINGS[language]) - 1)
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, 5, 14)
    sheet.set_column(6, 6, 24)
    sheet.set_column(7, 8, 70)
    workbook.close()


def _annotated_copy(result: ValidationResult, path: Path, language: Language) -> None:
    import openpyxl  # only this path needs it; loading it costs time
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    workbook = openpyxl.load_workbook(result.path, keep_vba=False, keep_links=False)
    # The state's own formulas come back as their text (the reader reported them already).
    neutralise_workbook(workbook)
    errors = workbook.create_sheet(ERRORS_SHEET, 0)
    for col, heading in enumerate(HEADINGS[language], start=1):
        set_cell(errors.cell(row=1, column=col), heading)
        errors.cell(row=1, column=col).font = Font(bold=True)
    fills = {
        "error": PatternFill("solid", fgColor="FFC7CE"),
        "warning": PatternFill("solid", fgColor="FFEB9C"),
    }
    notes: dict[tuple[str, str], list[Issue]] = {}
    for r, issue in enumerate(result.issues, start=2):
        for c, value in enumerate(_row_values(result, issue, language), start=1):
            set_cell(errors.cell(row=r, column=c), value)
        if (cell := cell_of(result, issue)) and cell[0] in workbook.sheetnames:
            notes.setdefault(cell, []).append(issue)
    for (sheet_name, ref), cell_issues in notes.items():
        target = workbook[sheet_name][ref]
        worst = "error" if any(i.severity == "error" for i in cell_issues) else "warning"
        target.fill = fills[worst]
        text = "\n".join(f"[{i.rule}] {i.message(language)}" for i in cell_issues)
        target.comment = Comment(text[:2000], "vrs")
    errors.freeze_panes = "A2"
    errors.column_dimensions["H"].width = 70
    errors.column_dimensions["I"].width = 70
    workbook.save(path)


def issues_table(issues: Iterable[Issue], language: Language = "en") -> list[dict[str, Any]]:
    return [i.to_dict(language) for i in issues]
