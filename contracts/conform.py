"""From what a reader found to the template's tables: match sheet, file and column names
(ignoring case, accents, spaces and punctuation), and report what does not fit.

Values are not touched: ``frame`` keeps every cell as submitted. Unknown columns are kept in
``extra`` (one JSON object per row) so that nothing the state sent is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from contracts.issues import Issue
from contracts.normalise import normalise_text
from contracts.personal_data import identifier_column
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
    column_refs: dict[str, str]  # template column -> spreadsheet letter (XLSX)
    header_row: int | None
    dialect: CsvDialect | None

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
    issues: list[Issue] = field(default_factory=list)


def _table_issue(rule: str, table: str, **params: str) -> Issue:
    return Issue(rule, table=table, params=params)


def _sheet_has_values(sheet: SheetData, position: int) -> bool:
    return sheet.frame.get_column(f"c{position}").drop_nulls().len() > 0


def conform(package: Package) -> ConformedPackage:
    out = ConformedPackage(package=package, issues=list(package.issues))
    seen: dict[str, SheetData] = {}
    for sheet in package.sheets:
        name = _key(sheet.origin)
        if sheet.origin.startswith("_"):
            continue  # our own template's helper sheets (drop-down lists)
        if name not in CONTRACTS:
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
        else:
            issues.append(
                Issue(
                    "unknown_column",
                    table=name,
                    column=header.strip(),
                    row=sheet.header_row,
                    params={"expected": ", ".join(columns(name))},
                )
            )
            extras[header.strip()] = position
    frame = sheet.frame.select(
        *(pl.col(f"c{pos}").alias(col) for col, pos in chosen.items()),
        pl.col(SOURCE_ROW),
    )
    if extras:
        extra = pl.struct(*(pl.col(f"c{pos}").alias(h) for h, pos in extras.items()))
        frame = frame.with_columns(sheet.frame.select(extra.struct.json_encode().alias(EXTRA)))
    refs = sheet.column_refs or []
    return ConformedTable(
        name=name,
        origin=sheet.origin,
        frame=frame,
        headers={col: str(sheet.headers[pos]) for col, pos in chosen.items()},
        column_refs={col: refs[pos] for col, pos in chosen.items() if pos < len(refs)},
        header_row=sheet.header_row,
        dialect=sheet.dialect,
    )


def _conform_submission(sheet: SheetData, out: ConformedPackage) -> None:
    """Accept the two-column ``field,value`` layout (XLSX, CSV) and the one-record layout
    (JSON, or a sheet with the fields as headers)."""
    keys = [_key(h) if h else "" for h in sheet.headers]
    known = set(columns(SUBMISSION))
    out.submission_origin = sheet.origin
    pairs: list[tuple[str, str | None, int | None]] = []
    if "field" in keys and "value" in keys:
        fields = sheet.frame.get_column(f"c{keys.index('field')}").to_list()
        values = sheet.frame.get_column(f"c{keys.index('value')}").to_list()
        rows = sheet.frame.get_column(SOURCE_ROW).to_list()
        if sheet.column_refs:
            out.submission_value_ref = sheet.column_refs[keys.index("value")]
        pairs = [(f, v, r) for f, v, r in zip(fields, values, rows, strict=True) if f]
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
            (h, row[f"c{i}"], row[SOURCE_ROW] if sheet.header_row is not None else None)
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
    for field_name, value, row in pairs:
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
        elif identifier_column(field_name):
            out.issues.append(
                Issue(
                    "personal_data_column",
                    table=SUBMISSION,
                    row=row,
                    column=field_name.strip(),
                )
            )
        else:
            out.issues.append(
                Issue("unknown_submission_field", table=SUBMISSION, row=row, column=field_name)
            )
