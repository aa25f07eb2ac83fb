"""What a reader hands on: the tables of a package exactly as submitted, with locations.

Readers know encodings (XLSX, ODS, XLS, CSV bundle, JSON), not the template: they do not rename
columns or tables and they never interpret values. Everything is text (``pl.String``) or
null (blank); ``_source_row`` says where each row is, as the state sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import polars as pl

from contracts.issues import Issue

Encoding = Literal["xlsx", "ods", "xls", "csv", "json"]
# The encodings read as spreadsheets: sheets, rows and column letters as the state sees them.
SPREADSHEETS: frozenset[Encoding] = frozenset({"xlsx", "ods", "xls"})

SOURCE_ROW = "_source_row"


@dataclass(frozen=True)
class CsvDialect:
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1252"
    delimiter: str  # "," or ";"

    @property
    def decimal_comma(self) -> bool:
        # Spec §1: with ";" as delimiter the decimal separator is ",".
        return self.delimiter == ";"


@dataclass
class SheetData:
    """One sheet, CSV file or JSON array, as submitted.

    ``frame`` has one String column per position (``c0``, ``c1``, …) and the Int64 column
    ``_source_row``; ``headers[i]`` is the header cell of column ``ci`` as submitted (None when
    blank). ``column_refs[i]`` is the spreadsheet column letter (spreadsheets only).
    """

    origin: str
    headers: list[str | None]
    frame: pl.DataFrame
    column_refs: list[str] | None = None
    # For CSV files, the dialect the file was read with (per file: files may differ).
    dialect: CsvDialect | None = None
    # Where the header is (spreadsheet row or CSV line); None for JSON.
    header_row: int | None = None

    @property
    def n_rows(self) -> int:
        return self.frame.height


@dataclass
class Package:
    """A received file, read but not yet checked against the template."""

    path: Path
    encoding: Encoding | None
    size: int
    sheets: list[SheetData] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return not any(i.severity == "error" for i in self.issues)

    @property
    def decimal_comma(self) -> bool:
        """True when the package's CSV files use ``;`` (hence decimal commas)."""
        return any(s.dialect is not None and s.dialect.decimal_comma for s in self.sheets)
