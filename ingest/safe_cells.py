"""Cells that can never run: how every workbook we generate writes a value.

States' values come back to people in workbooks we write (the annotated copy of a package,
the listing of its problems) and our own texts go out in the template. A text that starts
with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before one) is what
Excel and LibreOffice read as a formula when it is typed or imported: ``=HYPERLINK(…)``
phishing and ``=cmd|' /C calc'!A0`` (DDE) payloads ride on that.

Both libraries turn such a text into a formula when asked to guess: xlsxwriter's ``write()``
does (its ``strings_to_formulas`` option is on by default), and openpyxl's ``cell.value = "=…"``
sets the cell's type to formula. So values are written here as *string cells*, which a
spreadsheet displays and never evaluates when it opens the file, and a formula-looking text
also gets the *quote prefix* style — what Excel records when a user types a leading
apostrophe — so that it stays text even when somebody edits the cell and presses Enter. The
text itself is not changed: the state reads exactly what it sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook as OpenpyxlWorkbook
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook as XlsxWorkbook
    from xlsxwriter.worksheet import Worksheet

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# xlsxwriter guesses nothing with these (a second guard: only typed writes are used here).
WORKBOOK_OPTIONS: Mapping[str, bool] = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}
# Characters XML 1.0 cannot hold (openpyxl refuses them): shown as the replacement character.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def looks_like_formula(text: str) -> bool:
    """True for a text a spreadsheet would take for a formula (or a DDE command)."""
    # A carriage return is stored as the escape _x000D_, which openpyxl reads back verbatim.
    return text.startswith(FORMULA_TRIGGERS) or text[:7].lower() == "_x000d_"


def as_text(value: Any) -> str:
    """The text a cell shows for ``value``, with the characters XML cannot hold replaced."""
    return _ILLEGAL.sub("\ufffd", str(value))


class CellWriter:
    """Writes into the worksheets of one xlsxwriter workbook, never a formula.

    Formats are given as property mappings (``{"bold": True}``) and made once per workbook,
    so that a formula-looking text can get the same format plus the quote prefix.
    """

    def __init__(self, workbook: XlsxWorkbook) -> None:
        self.workbook = workbook
        self._formats: dict[tuple[tuple[str, Any], ...], Format] = {}

    def format(self, properties: Mapping[str, Any] | None = None) -> Format | None:
        """The workbook's format with these properties (None for no properties)."""
        if not properties:
            return None
        key = tuple(sorted(properties.items()))
        if key not in self._formats:
            self._formats[key] = self.workbook.add_format(dict(properties))
        return self._formats[key]

    def write(
        self,
        sheet: Worksheet,
        row: int,
        col: int,
        value: Any,
        style: Mapping[str, Any] | None = None,
    ) -> None:
        """Numbers as numbers, dates as dates, anything else as a string cell."""
        if value is None or value == "":
            if style:
                sheet.write_blank(row, col, None, self.format(style))
            return
        if isinstance(value, bool):
            sheet.write_boolean(row, col, value, self.format(style))
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value, self.format(style))
        elif isinstance(value, datetime | date):
            sheet.write_datetime(row, col, value, self.format(style))
        else:
            text = as_text(value)
            if looks_like_formula(text):
                style = {**(style or {}), "quote_prefix": True}
            sheet.write_string(row, col, text, self.format(style))


def set_cell(cell: Cell, value: Any) -> None:
    """Set an openpyxl cell so that it can never be read as a formula."""
    if not isinstance(value, str):
        cell.value = value
        return
    text = as_text(value)
    cell.value = text  # openpyxl types "=…" as a formula and "#N/A" as an error: undone below
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True


def neutralise_workbook(workbook: OpenpyxlWorkbook) -> int:
    """Make an openpyxl workbook inert; returns how many formula cells became text.

    A formula cell keeps its formula as its text (what the state wrote, readable, never
    evaluated), a formula-looking text gets the quote prefix, and cell hyperlinks go (their
    text stays). Formulas outside cells (defined names, drop-down sources, conditional
    formats) are evaluated too: those that reach another program (DDE, ``app|topic!item``)
    go. Only the cells the file has are visited: ``iter_rows()`` would create every cell of
    the used range, and a sheet with one cell in A1 and one in XFD1048576 has billions.
    """
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    _drop_dde(workbook.defined_names)
    formulas = 0
    for sheet in workbook.worksheets:
        cells = getattr(sheet, "_cells", {})  # chartsheets have none
        for cell in list(cells.values()):
            value = cell.value
            if isinstance(value, ArrayFormula):
                set_cell(cell, value.text or "")
                formulas += 1
            elif isinstance(value, DataTableFormula):
                set_cell(cell, "")
                formulas += 1
            elif cell.data_type == "f":
                set_cell(cell, str(value))
                formulas += 1
            elif isinstance(value, str) and looks_like_formula(value):
                cell.data_type = "s"
                cell.quotePrefix = True
            if cell.hyperlink is not None:
                cell.hyperlink = None
        if hasattr(sheet, "data_validations"):
            _drop_dde(getattr(sheet, "defined_names", {}))
            validations = sheet.data_validations.dataValidation
            validations[:] = [v for v in validations if not (_dde(v.formula1) or _dde(v.formula2))]
            for formatting in list(sheet.conditional_formatting):
                rules = sheet.conditional_formatting[formatting]  # the list itself, not a copy
                rules[:] = [r for r in rules if not any(_dde(f) for f in r.formula or ())]
                if not rules:  # a range without rules is not a valid part of a sheet
                    del sheet.conditional_formatting[str(formatting.sqref)]
    return formulas


def _dde(formula: str | None) -> bool:
    """A formula that names another program: ``cmd|' /C calc'!A0`` (DDE)."""
    return formula is not None and "|" in formula


def _drop_dde(names: Any) -> None:
    for name, defined in list(names.items()):
        if _dde(defined.attr_text):
            del names[name]
