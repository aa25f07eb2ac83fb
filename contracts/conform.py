"""From what a reader found to the template's tables: match sheet, file and column names
(ignoring case, accents, spaces and punctuation), and report what does not fit.

Values are not touched: ``frame`` keeps every cell as submitted. Unknown columns are kept in
``_extra`` (one JSON object per row) so that nothing the state sent is dropped silently, and as
``extra_columns`` for the personal-data screen. Names the state gave (unknown sheets, columns
and submission fields) are screened here: one that is itself personal data is never repeated,
and its column is called by its position (``#5``) instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import polars as pl

from contracts.issues import Issue
from contracts.normalise import normalise_text
from contracts.personal_data import identifier_column, personal_data_kind, personal_data_kinds
from contracts.tables import CONTRACTS, SUBMISSION, columns
from ingest.package import SOURCE_ROW, CsvDialect, Package, SheetData

EXTRA = "_extra"


def _key(name: str) -> str:
    """Sheet, file and column names compare as normalised words joined by "_"."""
    stem = name.strip()
    if stem.lower().endswith(".csv"):
        stem = stem[:-4]
    return normalise_text(stem).replace(" ", "_")


@dataclass
class ConformedTable:
    name: str
    origin: str  # sheet / file / JSON key as submitted
    frame: pl.DataFrame  # template columns (String, as submitted) + _source_row [+ _extra]
    headers: dict[str, str]  # template column -> header as submitted
    # template, unknown or identifier column (as issues name it) -> spreadsheet letter (XLSX)
    column_refs: dict[str, str]
    header_row: int | None
    dialect: CsvDialect | None
    # The unknown columns, as submitted, named as issues name them (the rows of ``frame``).
    extra_columns: pl.DataFrame = field(default_factory=pl.DataFrame)

    @property
    def decimal_comma(self) -> bool:
        return self.dialect is not None and self.dialect.decimal_comma


@dataclass
class ConformedPackage:
    package: Package
    tables: dict[str, ConformedTable] = field(default_factory=dict)
    # The submission record: field -> value as submitted, and where each field is.
    submission: dict[str, str | None] = field(default_factory=dict)
    submission_rows: dict[str, int | None] = field(default_factory=dict)
    submission_origin: str | None = None
    submission_value_ref: str | None = None  # spreadsheet letter of the value column
    # Spreadsheets: each known field's value cell (column letter, row), and the A1 references
    # of the record's cells that hold template words (the layout's headers, the known fields'
    # names). Nothing else of the record's sheet was read as the record.
    submission_cells: dict[str, tuple[str, int]] = field(default_factory=dict)
    submission_labels: set[str] = field(default_factory=set)
    issues: list[Issue] = field(default_factory=list)


def _position(index: int) -> str:
    """How a sheet or column whose own name is personal data is called: by its position."""
    return f"#{index + 1}"


def _table_issue(rule: str, table: str, **params: str) -> Issue:
    return Issue(rule, table=table, params=params)


def _sheet_has_values(sheet: SheetData, position: int) -> bool:
    return sheet.frame.get_column(f"c{position}").drop_nulls().len() > 0


def conform(package: Package) -> ConformedPackage:
    out = ConformedPackage(package=package, issues=list(package.issues))
    seen: dict[str, SheetData] = {}
    for sheet_number, sheet in enumerate(package.sheets):
        name = _key(sheet.origin)
        if sheet.origin.startswith("_") or name not in CONTRACTS:
            # Every name the state gave is screened, a helper sheet's too: the report's copy of
            # the workbook keeps the sheets (and blanks those that are not the template's).
            if (kind := personal_data_kind(sheet.origin)) is not None:
                out.issues.append(
                    Issue(
                        "personal_data_value",
                        table=_position(sheet_number),
                        params={"detail_key": kind},
                    )
                )
                continue
            if sheet.origin.startswith("_"):
                continue  # our own template's helper sheets (drop-down lists)
            out.issues.append(
                _table_issue("unknown_table", sheet.origin, expected=", ".join(CONTRACTS))
            )
            continue
        if name in seen:
            out.issues.append(
                _table_issue(
                    "duplicate_table", name, detail=f"{seen[name].origin!r}, {sheet.origin!r}"
                )
            )
            continue
        seen[name] = sheet
    if SUBMISSION in seen:
        _conform_submission(seen.pop(SUBMISSION), out)
    elif package.readable or package.sheets:
        # A file that could not be opened at all already has its error; "no submission
        # table" would only be noise after it.
        out.issues.append(Issue("missing_submission", table=SUBMISSION))
    for name, sheet in seen.items():
        table = _conform_table(name, sheet, out.issues)
        if table is not None:
            out.tables[name] = table
    out.issues = _without_personal_names(out.issues, package, seen)
    return out


def _without_personal_names(
    issues: list[Issue], package: Package, conformed: dict[str, SheetData]
) -> list[Issue]:
    """Readers name a sheet and a column as submitted (a formula_cell under its header, a
    too_many_rows of its sheet), and so do some issues above. A name that is itself personal
    data is replaced by its position, as the sheet or column is called elsewhere (``#3``), and
    no value or detail that quotes it is kept. ``conformed``: template table -> its sheet."""
    template = set(CONTRACTS) | {c for t in CONTRACTS for c in columns(t)}
    names = sorted({n for i in issues for n in (i.table, i.column) if n and n not in template})
    if not names:
        return issues
    kinds = personal_data_kinds(pl.Series(names, dtype=pl.String))
    personal = [n for n, k in zip(names, kinds, strict=True) if k is not None]
    if not personal:
        return issues
    positions: dict[str, int] = {}
    for number, sheet in enumerate(package.sheets):
        positions.setdefault(sheet.origin, number)
    sheets = {s.origin: s for s in reversed(package.sheets)} | conformed

    def quotes(text: str | None) -> bool:
        return text is not None and any(n in text for n in personal)

    out = []
    for issue in issues:
        table, column = issue.table, issue.column
        sheet = sheets.get(table or "")
        if table in personal:
            table = _position(positions[table]) if table in positions else None
        if column in personal:
            headers = sheet.headers if sheet is not None else []
            column = _position(headers.index(column)) if column in headers else None
        out.append(
            replace(
                issue,
                table=table,
                column=column,
                value=None if quotes(issue.value) else issue.value,
                params={k: v for k, v in issue.params.items() if not quotes(v)},
            )
        )
    return out


def _empty_table(name: str, sheet: SheetData) -> ConformedTable:
    """A table sent with nothing in it (an empty JSON array, a blank sheet): reported, and
    zero rows — not "not reported", and not a table without its columns."""
    frame = pl.DataFrame(schema={**dict.fromkeys(columns(name), pl.String), SOURCE_ROW: pl.Int64})
    return ConformedTable(name, sheet.origin, frame, {}, {}, sheet.header_row, sheet.dialect)


def _conform_table(name: str, sheet: SheetData, issues: list[Issue]) -> ConformedTable | None:
    if not any(h is not None and h.strip() for h in sheet.headers) and sheet.n_rows == 0:
        return _empty_table(name, sheet)
    known = set(columns(name))
    chosen: dict[str, int] = {}
    extras: dict[str, int] = {}
    identifiers: dict[str, int] = {}
    personal = _personal_headers(sheet, known)
    for position, header in enumerate(sheet.headers):
        if header is None or not header.strip():
            if _sheet_has_values(sheet, position):
                issues.append(Issue("unnamed_column", table=name, row=sheet.header_row))
            continue
        key = _key(header)
        if key in known:
            if key in chosen:
                issues.append(Issue("duplicate_column", table=name, column=key))
                continue
            chosen[key] = position
        elif identifier_column(header):
            issues.append(
                Issue(
                    "personal_data_column",
                    table=name,
                    column=header.strip(),
                    row=sheet.header_row,
                )
            )
            identifiers[header.strip()] = position
        elif position in personal:
            label = _position(position)
            issues.append(
                Issue(
                    "personal_data_value",
                    table=name,
                    column=label,
                    row=sheet.header_row,
                    params={"detail_key": personal[position]},
                )
            )
            extras[label] = position
        else:
            label = header.strip() if header.strip() not in extras else _position(position)
            issues.append(
                Issue(
                    "unknown_column",
                    table=name,
                    column=label,
                    row=sheet.header_row,
                    params={"expected": ", ".join(columns(name))},
                )
            )
            extras[label] = position
    frame = sheet.frame.select(
        *(pl.col(f"c{pos}").alias(col) for col, pos in chosen.items()),
        pl.col(SOURCE_ROW),
    )
    if extras:
        extra = pl.struct(*(pl.col(f"c{pos}").alias(h) for h, pos in extras.items()))
        frame = frame.with_columns(sheet.frame.select(extra.struct.json_encode().alias(EXTRA)))
    refs = sheet.column_refs or []
    located = chosen | extras | identifiers
    return ConformedTable(
        name=name,
        origin=sheet.origin,
        frame=frame,
        headers={col: str(sheet.headers[pos]) for col, pos in chosen.items()},
        column_refs={col: refs[pos] for col, pos in located.items() if pos < len(refs)},
        header_row=sheet.header_row,
        dialect=sheet.dialect,
        extra_columns=sheet.frame.select(pl.col(f"c{pos}").alias(h) for h, pos in extras.items()),
    )


def _personal_headers(sheet: SheetData, known: set[str]) -> dict[int, str]:
    """Position -> kind of personal data, for the headers of unknown columns (a header can
    itself be a name)."""
    unknown = {
        position: header
        for position, header in enumerate(sheet.headers)
        if header is not None
        and header.strip()
        and _key(header) not in known
        and not identifier_column(header)
    }
    if not unknown:
        return {}
    kinds = personal_data_kinds(pl.Series(list(unknown.values()), dtype=pl.String))
    return {p: k for p, k in zip(unknown, kinds, strict=True) if k is not None}


def _conform_submission(sheet: SheetData, out: ConformedPackage) -> None:
    """Accept the two-column ``field,value`` layout (XLSX, CSV) and the one-record layout
    (JSON, or a sheet with the fields as headers)."""
    keys = [_key(h) if h else "" for h in sheet.headers]
    known = set(columns(SUBMISSION))
    out.submission_origin = sheet.origin
    refs = sheet.column_refs or []
    # (field name, value, row, A1 of the name cell, letter of the value cell): cells only for
    # spreadsheets, whose readers give column letters.
    pairs: list[tuple[str, str | None, int | None, str | None, str | None]] = []
    if "field" in keys and "value" in keys:
        name_at, value_at = keys.index("field"), keys.index("value")
        fields = sheet.frame.get_column(f"c{name_at}").to_list()
        values = sheet.frame.get_column(f"c{value_at}").to_list()
        rows = sheet.frame.get_column(SOURCE_ROW).to_list()
        if refs:
            out.submission_value_ref = refs[value_at]
            out.submission_labels |= {f"{refs[i]}{sheet.header_row}" for i in (name_at, value_at)}
        pairs = [
            (f, v, r, f"{refs[name_at]}{r}" if refs else None, refs[value_at] if refs else None)
            for f, v, r in zip(fields, values, rows, strict=True)
            if f
        ]
    elif known & set(keys):
        if sheet.n_rows != 1:
            out.issues.append(
                Issue(
                    "submission_layout",
                    table=SUBMISSION,
                    params={"detail": f"{sheet.n_rows} records were found"},
                )
            )
            return
        row = sheet.frame.row(0, named=True)
        pairs = [
            (
                h,
                row[f"c{i}"],
                row[SOURCE_ROW] if sheet.header_row is not None else None,
                f"{refs[i]}{sheet.header_row}" if i < len(refs) else None,
                refs[i] if i < len(refs) else None,
            )
            for i, h in enumerate(sheet.headers)
            if h
        ]
    else:
        out.issues.append(
            Issue(
                "submission_layout",
                table=SUBMISSION,
                params={"detail": "no field/value columns and no known field names"},
            )
        )
        return
    for field_name, value, row, name_ref, value_letter in pairs:
        key = _key(field_name)
        if key in out.submission:
            out.issues.append(
                Issue(
                    "submission_layout",
                    table=SUBMISSION,
                    row=row,
                    column=key,
                    params={"detail": f"the field {key} is given twice"},
                )
            )
        elif key in known:
            out.submission[key] = value
            out.submission_rows[key] = row
            if name_ref is not None and value_letter is not None and row is not None:
                out.submission_labels.add(name_ref)
                out.submission_cells[key] = (value_letter, row)
        elif identifier_column(field_name):
            out.issues.append(
                Issue(
                    "personal_data_column",
                    table=SUBMISSION,
                    row=row,
                    column=field_name.strip(),
                )
            )
        elif (kind := personal_data_kind(field_name)) is not None:
            out.issues.append(
                Issue("personal_data_value", table=SUBMISSION, row=row, params={"detail_key": kind})
            )
        else:
            out.issues.append(
                Issue("unknown_submission_field", table=SUBMISSION, row=row, column=field_name)
            )
