"""The answer a state gets for every package: a JSON report, and a workbook.

For a spreadsheet package the workbook is an annotated copy of the state's own file (an
``errors`` sheet first, offending cells filled and commented): an .xlsx always, so for an .ods
or .xls package it is rebuilt from the cells as read, at their own sheets, rows and columns,
without the formatting. For CSV and JSON packages it is a listing.
Every cell goes through :mod:`ingest.safe_cells`, so nothing a state sent can become a formula
in somebody's spreadsheet: values are written as text, and the copy's own formulas are turned
into their text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import xlsxwriter

from contracts.issues import Issue, count
from contracts.rules import Language
from contracts.tables import SUBMISSION
from contracts.validate import ValidationResult
from ingest.package import SOURCE_ROW, SPREADSHEETS
from ingest.safe_cells import WORKBOOK_OPTIONS, CellWriter, neutralise_workbook, set_cell

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

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
# What the annotated copy holds instead of a value judged personal (spec §5).
PERSONAL_DATA_MARKS: dict[Language, str] = {
    "en": "[personal data removed]",
    "fr": "[données personnelles retirées]",
    "es": "[datos personales retirados]",
}


def cell_of(result: ValidationResult, issue: Issue) -> tuple[str, str] | None:
    """(sheet, A1 reference) of the issue in the state's workbook, where there is one."""
    if result.conformed.package.encoding not in SPREADSHEETS or issue.row is None:
        return None
    if issue.table == SUBMISSION:
        sheet = result.conformed.submission_origin
        field_cell = result.conformed.submission_cells.get(issue.column or "")
        if sheet is not None and field_cell is not None and field_cell[1] == issue.row:
            return sheet, f"{field_cell[0]}{field_cell[1]}"
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
    if encoding in SPREADSHEETS:
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
    """What the report says about the package itself: whose it is and its period whenever
    their own fields are valid, even in a package the record's other errors reject."""
    header = result.header
    out: dict[str, Any] = {"file": result.path.name, "encoding": result.conformed.package.encoding}
    if result.reporting_state is not None:
        out["reporting_state"] = result.reporting_state
    if result.period is not None:
        out["period"] = result.period.label
    if header is not None:
        out |= {"reporting_agency": header.reporting_agency, "action": header.action}
    out["tables"] = {name: t.frame.height for name, t in result.tables.items()}
    return out


def write_json(report: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), "utf-8")
    tmp.replace(path)
    return path


def write_workbook(result: ValidationResult, path: Path, language: Language | None = None) -> Path:
    """The annotated copy of a spreadsheet package, or a listing for other packages."""
    language = language or result.language
    path.parent.mkdir(parents=True, exist_ok=True)
    source = result.conformed.package
    annotate = (
        source.encoding in SPREADSHEETS and source.sheets and source.size <= MAX_ANNOTATED_BYTES
    )
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
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    workbook = _workbook_to_annotate(result)
    # The state's own formulas come back as their text (the reader reported them already).
    neutralise_workbook(workbook)
    _remove_personal_data(result, workbook, language)
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


def _remove_personal_data(result: ValidationResult, workbook: Workbook, language: Language) -> None:
    """The copy goes back to the state and stays in the reports folder: it repeats only cells
    that were screened, and never one the screen judged personal (spec §5).

    The template's tables keep their header and the cells of their known and unknown columns
    (all screened); the submission record keeps the known fields' names and values. Every other
    cell is blanked (unknown and helper sheets, columns without a header, rows above a header,
    unknown fields), and the state's own cell comments go. A personal cell holds a marker
    instead, and so does every value of a column named like a personal identifier; a sheet
    whose name is personal is renamed after its position."""
    mark = PERSONAL_DATA_MARKS[language]
    conformed = result.conformed
    kept: dict[str, set[str]] = {}  # sheet -> A1 references of the screened cells
    for table in conformed.tables.values():
        rows = [table.header_row, *table.frame.get_column(SOURCE_ROW).to_list()]
        letters = table.column_refs.values()
        kept[table.origin] = {f"{c}{r}" for c in letters for r in rows if r is not None}
    if conformed.submission_origin is not None:
        values = {f"{c}{r}" for c, r in conformed.submission_cells.values()}
        kept[conformed.submission_origin] = conformed.submission_labels | values
    for sheet in workbook.worksheets:
        screened = kept.get(sheet.title, set())
        for row in sheet.iter_rows():
            for cell in row:
                if cell.comment is not None:
                    cell.comment = None
                if cell.value is not None and cell.coordinate not in screened:
                    cell.value = None  # a merged cell's value is None: never set here

    def put_mark(issue: Issue) -> None:
        cell = cell_of(result, issue)
        if cell is not None and cell[0] in workbook.sheetnames:
            set_cell(workbook[cell[0]][cell[1]], mark)

    # All personal cells: the issues name only the first ones of a column.
    for table, row, column in result.personal_cells.select("table", "row", "column").iter_rows():
        put_mark(Issue("personal_data_value", table=table, row=row, column=column))
    sheets = conformed.package.sheets
    for issue in result.issues:
        if issue.rule == "personal_data_value" and (issue.table or "").startswith("#"):
            origin = sheets[int(issue.table[1:]) - 1].origin  # type: ignore[index]
            if origin in workbook.sheetnames:
                workbook[origin].title = issue.table
        elif issue.rule == "personal_data_value" and issue.table != SUBMISSION:
            put_mark(issue)  # a header that is personal (the record's names are blank already)
        elif issue.rule == "personal_data_column" and issue.table != SUBMISSION:
            # The header stays, its values go (the record's unknown fields are blank already).
            cell = cell_of(result, issue)
            if cell is None or cell[0] not in workbook.sheetnames:
                continue
            sheet = workbook[cell[0]]
            header = sheet[cell[1]]
            for (c,) in sheet.iter_rows(
                min_row=header.row + 1, min_col=header.column, max_col=header.column
            ):
                if c.value is not None:
                    set_cell(c, mark)


def _workbook_to_annotate(result: ValidationResult) -> Workbook:
    """The state's .xlsx itself; for an .ods or .xls (which openpyxl cannot open) a new
    workbook holding the cells as read, each at its own sheet, row and column letter."""
    import openpyxl  # only the annotated copy needs it; loading it costs time

    package = result.conformed.package
    if package.encoding == "xlsx":
        return openpyxl.load_workbook(result.path, keep_vba=False, keep_links=False)
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet in package.sheets:
        target = workbook.create_sheet(sheet.origin)
        refs = sheet.column_refs or []
        if sheet.header_row is not None:
            for ref, header in zip(refs, sheet.headers, strict=False):
                if header is not None:
                    set_cell(target[f"{ref}{sheet.header_row}"], header)
        columns = [c for c in sheet.frame.columns if c != SOURCE_ROW]
        for *values, row in sheet.frame.select(*columns, SOURCE_ROW).iter_rows():
            for ref, value in zip(refs, values, strict=False):
                if value is not None:
                    set_cell(target[f"{ref}{row}"], value)
    return workbook


def issues_table(issues: Iterable[Issue], language: Language = "en") -> list[dict[str, Any]]:
    return [i.to_dict(language) for i in issues]
