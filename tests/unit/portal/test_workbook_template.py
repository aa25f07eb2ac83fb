"""The Excel template: its sheets and headers come from the contracts, every coded column offers
every code of its seed, the instructions speak the chosen language, and a template filled the
way a state fills it (picking from the drop-downs) is a valid package."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter
from packages import baseline

from contracts.codelists import load_codelists
from contracts.rules import LANGUAGES
from contracts.tables import DATA_TABLES, SUBMISSION, columns, schema
from contracts.validate import validate_package
from contracts.values import DATE_FORMATS
from portal.workbook_template import LAST_ROW, LISTS_SHEET, build_template
from warehouse.settings import SEEDS_DIR

INSTRUCTIONS_SHEET = {"en": "_instructions", "fr": "_instructions", "es": "_instrucciones"}
# Words of each language's instructions, typed here rather than read from the module.
PHRASES = {
    "en": ["Voluntary reporting on migrant smuggling", "Personal data: never", "Blank or 0"],
    "fr": [
        "Déclaration volontaire sur le trafic illicite de migrants",
        "Données personnelles : jamais",
        "Vide ou 0",
    ],
    "es": [
        "Notificación voluntaria sobre el tráfico ilícito de migrantes",
        "Datos personales: nunca",
        "Vacío o 0",
    ],
}
REQUIRED_WORD = {"en": "Required", "fr": "Obligatoire", "es": "Obligatorio"}
OPTIONAL_WORD = {"en": "Optional", "fr": "Facultatif", "es": "Opcional"}
COUNTS = {"migrants_total", "migrants_deceased", "migrants_missing", "value", "leg_seq"}


def template(language: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(build_template(language)))


# --- what the seeds say a drop-down must offer (read from the CSV files, not the module) ----


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def seed_meanings(table: str, column: str) -> tuple[dict[str, str], set[str]] | None:
    """For a coded column: every accepted spelling of a drop-down entry → its code, and the
    set of codes of the seed. None for a column that is not coded."""
    checks = {c.name: c.statistics for c in schema(table).columns[column].checks}
    if "codelist" in checks:
        rows = _rows(SEEDS_DIR / "codelists" / f"{checks['codelist']['name']}.csv")
        spellings = {row[key]: row["code"] for row in rows for key in row if key != "synonyms"}
        return spellings, {row["code"] for row in rows}
    if "country" in checks:
        rows = _rows(SEEDS_DIR / "reference" / "countries.csv")
        names = {row[f"name_{lang}"]: row["iso3"] for row in rows for lang in LANGUAGES}
        names |= {row["iso3"]: row["iso3"] for row in rows}
        codes = {row["iso3"] for row in rows}
        if checks["country"].get("allow_none"):
            names["none"] = "none"
            codes.add("none")
        return names, codes
    if "currency" in checks:
        codes = {row["currency"] for row in _rows(SEEDS_DIR / "reference" / "currencies.csv")}
        return {c: c for c in codes}, codes
    options = {"language": set(LANGUAGES), "date_format": set(DATE_FORMATS)}
    if table == SUBMISSION and column in options:
        return {o: o for o in options[column]}, options[column]
    return None


def is_multi(table: str, column: str) -> bool:
    checks = {c.name: c.statistics for c in schema(table).columns[column].checks}
    return bool(checks.get("codelist", {}).get("multi"))


# --- what the workbook offers ----------------------------------------------------------------

RANGE = re.compile(r"^=?'?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$")


def drop_downs(book: openpyxl.Workbook, sheet: str) -> dict[str, tuple[list[str], Any, str]]:
    """Each validated range of ``sheet`` ("C2:C5000", "B2") → (the values its list offers,
    the validation, the error style)."""
    found = {}
    for validation in book[sheet].data_validations.dataValidation:
        assert validation.type == "list", validation
        match = RANGE.match(validation.formula1)
        assert match, validation.formula1
        source, col, first, col_end, last = match.groups()
        assert source == LISTS_SHEET and col == col_end
        lists = book[source]
        values = [lists[f"{col}{r}"].value for r in range(int(first), int(last) + 1)]
        for cells in str(validation.sqref).split():
            found[cells] = (values, validation, validation.errorStyle)
    return found


def header(book: openpyxl.Workbook, table: str) -> list[str]:
    return [c.value for c in book[table][1]]


def submission_rows(book: openpyxl.Workbook) -> dict[str, int]:
    return {r[0].value: r[0].row for r in book[SUBMISSION].iter_rows(min_row=2) if r[0].value}


def coded_cells(book: openpyxl.Workbook) -> list[tuple[str, str, str]]:
    """(sheet, column or field, validated range) of every cell range that must have a list."""
    out = []
    for field, row in submission_rows(book).items():
        if seed_meanings(SUBMISSION, field) is not None:
            out.append((SUBMISSION, field, f"B{row}"))
    for table in DATA_TABLES:
        for index, column in enumerate(header(book, table), start=1):
            if seed_meanings(table, column) is not None:
                letter = get_column_letter(index)
                out.append((table, column, f"{letter}2:{letter}{LAST_ROW}"))
    return out


# --- the tests -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_sheet_per_table_with_the_contracts_headers_and_notes(language: str) -> None:
    book = template(language)
    assert book.sheetnames == [
        INSTRUCTIONS_SHEET[language],
        SUBMISSION,
        *DATA_TABLES,
        LISTS_SHEET,
    ]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    assert book.active.title == INSTRUCTIONS_SHEET[language]
    for table in DATA_TABLES:
        assert header(book, table) == columns(table)
        for cell in book[table][1]:
            note = cell.comment.text
            required = schema(table).columns[cell.value].nullable is False
            word = REQUIRED_WORD if required else OPTIONAL_WORD
            assert note.startswith(f"{cell.value} — {word[language]}"), (table, note)
    form = book[SUBMISSION]
    assert [form["A1"].value, form["B1"].value] == ["field", "value"]
    assert list(submission_rows(book)) == columns(SUBMISSION)
    values = {r[0].value: r[1].value for r in form.iter_rows(min_row=2)}
    assert values["template_version"] == "1.0"
    assert values["language"] == language
    assert all(v is None for k, v in values.items() if k not in {"template_version", "language"})


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_coded_column_offers_every_code_of_its_seed(language: str) -> None:
    book = template(language)
    expected = coded_cells(book)
    assert len(expected) >= 45  # codes, countries, currencies and the submission's options
    offered = {sheet: drop_downs(book, sheet) for sheet in [SUBMISSION, *DATA_TABLES]}
    for sheet, column, cells in expected:
        assert cells in offered[sheet], f"no drop-down on {sheet}.{column} ({cells})"
        values, _, style = offered[sheet].pop(cells)
        meanings, codes = seed_meanings(sheet, column)  # type: ignore[misc]
        unknown = [v for v in values if v not in meanings]
        assert not unknown, f"{sheet}.{column}: {unknown} mean no code of the seed"
        missing = codes - {meanings[v] for v in values}
        assert not missing, f"{sheet}.{column} does not offer {sorted(missing)}"
        assert len(values) == len(codes), f"{sheet}.{column} offers a code twice"
        assert style == ("information" if is_multi(sheet, column) else "warning")
    leftovers = {sheet: list(ranges) for sheet, ranges in offered.items() if ranges}
    assert not leftovers, f"drop-downs on columns that are not coded: {leftovers}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_drop_downs_show_the_labels_of_the_chosen_language(language: str) -> None:
    book = template(language)
    letter = get_column_letter(columns("incidents").index("transport_mode") + 1)
    values, _, _ = drop_downs(book, "incidents")[f"{letter}2:{letter}{LAST_ROW}"]
    codelist = load_codelists()["transport_mode"]
    assert values == [codelist.labels[code][language] for code in codelist.codes]
    letter = get_column_letter(columns("smuggled_migrants").index("citizenship") + 1)
    countries, _, _ = drop_downs(book, "smuggled_migrants")[f"{letter}2:{letter}{LAST_ROW}"]
    spanish = {"en": "Afghanistan", "fr": "Afghanistan", "es": "Afganistán"}[language]
    assert spanish in countries and "Stateless" not in countries[:-2]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_instructions_are_in_the_chosen_language(language: str) -> None:
    book = template(language)
    text = "\n".join(
        str(v)
        for row in book[INSTRUCTIONS_SHEET[language]].iter_rows(values_only=True)
        for v in row
    )
    assert book[INSTRUCTIONS_SHEET[language]]["A1"].value.startswith(PHRASES[language][0])
    for phrase in PHRASES[language]:
        assert phrase in text
    for other in LANGUAGES:
        if other != language:
            assert not any(phrase in text for phrase in PHRASES[other]), other
    # the topics a state needs: several values, upload, limits, the helper sheets
    for needle in ("messaging_app;social_media", "vrs submit", "/api/v1/submissions", "_lists"):
        assert needle in text
    assert "incidents.related_offences, incidents.technology, incidents.aggravating" in text


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="en, fr, es"):
        build_template("de")


def test_the_same_template_is_the_same_bytes() -> None:
    assert build_template("fr") == build_template("fr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_template_holds_no_formula(language: str) -> None:
    data = build_template(language)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert not re.search(rb"<f[ >]", archive.read(name)), name
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert not [c for s in book.worksheets for r in s.iter_rows() for c in r if c.data_type == "f"]


# --- filled in as a state would ---------------------------------------------------------------


def picker(book: openpyxl.Workbook, sheet: str, column: str, cells: str):
    """The function a user applies: the drop-down entry that means a given code."""
    values, _, _ = drop_downs(book, sheet)[cells]
    meanings, _ = seed_meanings(sheet, column)  # type: ignore[misc]
    by_code = {meanings[v]: v for v in values}

    def pick(value: str) -> str:
        if is_multi(sheet, column):
            return ";".join(by_code[member] for member in value.split(";"))
        return by_code[value]

    return pick


def fill_submission(book: openpyxl.Workbook, fields: dict[str, str]) -> None:
    rows = submission_rows(book)
    for field, value in fields.items():
        cells = f"B{rows[field]}"
        if seed_meanings(SUBMISSION, field) is not None:
            value = picker(book, SUBMISSION, field, cells)(value)
        book[SUBMISSION][cells] = value


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_empty_template_with_who_and_when_is_a_valid_package(
    language: str, tmp_path: Path
) -> None:
    book = template(language)
    fill_submission(
        book,
        {"reporting_state": "AUS", "reporting_agency": "Australian Border Force", "period": "2024"},
    )
    path = tmp_path / "empty.xlsx"
    book.save(path)
    result = validate_package(path)
    assert result.issues == [], [(i.rule, i.table, i.column) for i in result.issues]
    assert result.header is not None and result.header.reporting_state == "AUS"
    assert result.header.language == language
    # Sheets left with their header only are tables reported with no rows (spec: a table
    # that is absent is "not reported"); the instructions tell states to delete them.
    assert {name: t.frame.height for name, t in result.tables.items()} == dict.fromkeys(
        DATA_TABLES, 0
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_template_filled_from_its_drop_downs_is_a_valid_package(
    language: str, tmp_path: Path
) -> None:
    package = baseline()
    book = template(language)
    submission = dict(package.pop(SUBMISSION))
    for field in ("template_version", "language"):
        submission.pop(field)  # already filled in
    fill_submission(book, submission)
    for table, rows in package.items():
        sheet = book[table]
        position = {name: i for i, name in enumerate(header(book, table), start=1)}
        for r, row in enumerate(rows, start=2):
            for column, value in row.items():
                if value in (None, ""):
                    continue
                letter = get_column_letter(position[column])
                if seed_meanings(table, column) is not None:
                    value = picker(book, table, column, f"{letter}2:{letter}{LAST_ROW}")(value)
                elif column in COUNTS:
                    value = int(value)  # typed as a number
                elif column == "detection_date" and r == 2:
                    value = date.fromisoformat(value)  # a native Excel date
                sheet.cell(r, column_index_from_string(letter), value)
    path = tmp_path / "filled.xlsx"
    book.save(path)
    result = validate_package(path)
    assert result.issues == [], [(i.rule, i.table, i.row, i.column) for i in result.issues]
    assert {name: t.frame.height for name, t in result.tables.items()} == {
        table: len(rows) for table, rows in package.items()
    }
    # the labels picked mean the codes of the package
    codelists = load_codelists()
    for table, rows in package.items():
        frame = result.tables[table].frame
        for spec in schema(table).columns.values():
            checks = {c.name: c.statistics for c in spec.checks}
            name = checks.get("codelist", {}).get("name")
            if name is None or checks["codelist"].get("multi") or spec.name not in frame.columns:
                continue
            codes = codelists[name].resolve(frame.get_column(spec.name)).to_list()
            assert codes == [row.get(spec.name) or None for row in rows], (table, spec.name)
    submitted = result.tables["incidents"].frame.get_column("transport_mode").to_list()
    assert submitted[0] == codelists["transport_mode"].labels["sea"][language]
