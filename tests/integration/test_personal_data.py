"""Personal data must not get through the screen (spec §5, issue 11): every place and every
variant the issue lists, in a real package read, conformed and validated.

Each case puts one personal value somewhere in the valid baseline and asserts the one error
the state reads (table, row, column) and that the value is repeated nowhere: not in any
issue, not in the report, not in the submission record kept for the registry.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from packages import Package, baseline, write

from contracts.validate import ValidationResult, validate_package
from ingest.reports import (
    PERSONAL_DATA_MARKS,
    location,
    report_dict,
    submission_summary,
    write_workbook,
)

Mutation = Callable[[Package], None]


def _cell(table: str, index: int, column: str, value: str) -> Mutation:
    def mutate(pkg: Package) -> None:
        pkg[table][index][column] = value

    return mutate


def _field(name: str, value: str) -> Mutation:
    def mutate(pkg: Package) -> None:
        pkg["submission"][name] = value

    return mutate


# (id, mutation, personal value, table, row (JSON index), column)
CASES = [
    # titles in other spellings and cases
    ("title Dr.", _cell("incidents", 1, "comment", "Dr. Ahmed Karimi"), "Ahmed Karimi"),
    ("title M.", _cell("incidents", 1, "comment", "M. Dupont"), "Dupont"),
    ("title lower case", _cell("incidents", 1, "comment", "mr ahmed karimi"), "ahmed karimi"),
    ("title upper case", _cell("incidents", 1, "comment", "MR. AHMED KARIMI"), "AHMED KARIMI"),
    ("title no space", _cell("incidents", 1, "comment", "Mr.Karimi"), "Karimi"),
    ("title Doña", _cell("incidents", 1, "comment", "Doña María Fernández"), "Fernández"),
    (
        "bare name in a comment",
        _cell("incidents", 1, "comment", "Ahmed Karimi waited at the jetty"),
        "Ahmed Karimi",
    ),
    (
        "name after a role word",
        _cell("narrative", 0, "text", "le passeur Jean Dupont a pris la fuite"),
        "Jean Dupont",
    ),
    # identity numbers
    ("passport as incident_ref", _cell("incidents", 1, "incident_ref", "P1234567"), "P1234567"),
    (
        "national ID number",
        _cell("narrative", 0, "text", "NIK 3201012345670001 found on the driver"),
        "3201012345670001",
    ),
    (
        "MRZ line",
        _cell("incidents", 1, "comment", "P<AFGKARIMI<<AHMED<<<<<<<<<<<<<<<<<<<<<<<<<<"),
        "P<AFGKARIMI",
    ),
    # dates of birth
    (
        "date of birth in words",
        _cell("narrative", 0, "text", "nacido el 5 de mayo de 1990"),
        "5 de mayo de 1990",
    ),
    ("date of birth as a year", _cell("incidents", 1, "comment", "DOB 1990"), "DOB 1990"),
    # contacts
    (
        "phone with inner spaces",
        _cell("incidents", 1, "comment", "call 0812 3456 7890"),
        "0812 3456 7890",
    ),
    (
        "obfuscated e-mail",
        _cell("incidents", 1, "comment", "name [at] example [dot] com"),
        "[at] example",
    ),
    (
        "street address with postcode",
        _cell("incidents", 1, "detection_place", "45 rue de la République, 13001 Marseille"),
        "rue de la République",
    ),
    # places that were not screened at all
    (
        "unknown extra column",
        _cell("incidents", 1, "remarks", "driver Ahmed Karimi"),
        "Ahmed Karimi",
    ),
    (
        "optional coded column",
        _cell("incidents", 0, "conveyance", "Mr. Ahmed Karimi's boat"),
        "Karimi's boat",
    ),
    ("count column", _cell("incidents", 1, "migrants_total", "Ahmed Karimi"), "Ahmed Karimi"),
    ("route", _cell("incidents", 1, "route", "MMR > Mr Karimi > MYS"), "Mr Karimi"),
    ("submission notes", _field("notes", "contact Mr Ahmed Karimi"), "Ahmed Karimi"),
    ("reporting agency", _field("reporting_agency", "Dr. Ahmed Karimi"), "Ahmed Karimi"),
    # round 2: classes of the first holdout's misses, in other words and numbers
    (
        "accented name that folds to a grammar word",
        _cell("incidents", 1, "comment", "el capitán Hà Tuấn fue detenido"),
        "Hà Tuấn",
    ),
    (
        "birth as a verb",
        _cell("incidents", 1, "comment", "nació el 2 de abril de 1988 en Herat"),
        "2 de abril de 1988",
    ),
    (
        "birth abbreviated",
        _cell("incidents", 1, "comment", "fecha de nac.: 14/02/1991"),
        "14/02/1991",
    ),
    (
        "ID number run into a label in another script",
        _cell("incidents", 1, "comment", "เลขบัตรประชาชน1103700012345"),
        "1103700012345",
    ),
    (
        "surname with an attached particle",
        _cell("incidents", 1, "comment", "Khalid al-Zahrani y otros dos pasajeros"),
        "al-Zahrani",
    ),
    (
        "small m. before a known name",
        _cell("incidents", 1, "comment", "remis à m. hassan"),
        "hassan",
    ),
    (
        "unknown surname after a given name, before a role",
        _cell("incidents", 1, "comment", "farid qoraishy, el patrón"),
        "qoraishy",
    ),
    ("initial and a given name", _cell("incidents", 1, "comment", "R. Mustafa"), "Mustafa"),
    (
        "Spanish passport as incident_ref",
        _cell("incidents", 1, "incident_ref", "XDA123456"),
        "XDA123456",
    ),
]
LOCATIONS = {
    "passport as incident_ref": ("incidents", 1, "incident_ref"),
    "Spanish passport as incident_ref": ("incidents", 1, "incident_ref"),
    "national ID number": ("narrative", 0, "text"),
    "name after a role word": ("narrative", 0, "text"),
    "date of birth in words": ("narrative", 0, "text"),
    "street address with postcode": ("incidents", 1, "detection_place"),
    "unknown extra column": ("incidents", 1, "remarks"),
    "optional coded column": ("incidents", 0, "conveyance"),
    "count column": ("incidents", 1, "migrants_total"),
    "route": ("incidents", 1, "route"),
    "submission notes": ("submission", None, "notes"),
    "reporting agency": ("submission", None, "reporting_agency"),
}


def _everything_said(result: ValidationResult) -> str:
    """Every text the state or the registry receives about the package."""
    report = report_dict(result, submission=submission_summary(result))
    for language in ("fr", "es"):
        report[language] = [i.to_dict(language) for i in result.issues]
    report["registry"] = dict(result.submission_raw)
    report["header"] = repr(result.header)
    return json.dumps(report, ensure_ascii=False, default=str)


@pytest.mark.parametrize(("mutate", "personal"), [pytest.param(c[1], c[2], id=c[0]) for c in CASES])
def test_personal_value_is_refused_and_never_repeated(
    tmp_path: Path, request: pytest.FixtureRequest, mutate: Mutation, personal: str
) -> None:
    case = request.node.callspec.id
    pkg = baseline()
    mutate(pkg)
    result = validate_package(write(pkg, tmp_path))
    table, row, column = LOCATIONS.get(case, ("incidents", 1, "comment"))
    found = [(i.rule, i.table, i.row, i.column) for i in result.issues]
    assert ("personal_data_value", table, row, column) in found, found
    assert not result.accepted
    # one issue for the cell: an unmapped code or an invalid count would quote the value
    at_cell = [i.rule for i in result.issues if (i.table, i.row, i.column) == (table, row, column)]
    assert at_cell == ["personal_data_value"]
    assert personal not in _everything_said(result)


def test_a_header_that_is_a_name_is_refused_by_its_position(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["incidents"][0]["Ahmed Karimi"] = "yes"
    result = validate_package(write(pkg, tmp_path))
    found = [(i.rule, i.table, i.column) for i in result.issues]
    position = f"#{list(pkg['incidents'][0]).index('Ahmed Karimi') + 1}"
    assert ("personal_data_value", "incidents", position) in found
    assert not any(i.rule == "unknown_column" for i in result.issues)
    assert "Karimi" not in _everything_said(result)


def test_an_ordinary_package_passes_the_screen(tmp_path: Path) -> None:
    """Places named after people, vessels and agencies are not names."""
    pkg = baseline()
    pkg["incidents"][0]["detection_place"] = "Jose Rizal Port"
    pkg["incidents"][0]["comment"] = "KM Putri Ayu intercepted near Christmas Island"
    pkg["incidents"][1]["detection_place"] = "Soekarno-Hatta International Airport"
    pkg["incidents"][1]["comment"] = "The driver fled; 12 persons found in the truck"
    pkg["narrative"][0]["text"] = "El patrón de la embarcación fue detenido en Santa Cruz."
    result = validate_package(write(pkg, tmp_path))
    assert [i.to_dict() for i in result.issues] == []


def test_malay_agencies_posts_and_references_pass_the_screen(tmp_path: Path) -> None:
    """Malay and Indonesian agency and building words are not names, and a reference of a
    letter and nine digits is not a passport number (issued ones have six to eight)."""
    pkg = baseline()
    pkg["incidents"][0]["detection_place"] = "Wisma Sultan Ahmad Shah"
    pkg["incidents"][0]["comment"] = "handed over at Pangkalan Maritim Langkawi"
    pkg["incidents"][1]["incident_ref"] = "K202311045"
    result = validate_package(write(pkg, tmp_path))
    assert [i.to_dict() for i in result.issues] == []


def test_the_annotated_workbook_keeps_no_personal_value(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["incidents"][1]["comment"] = "Mr.Karimi"
    pkg["incidents"][0]["conveyance"] = "Mr. Ahmed Karimi's boat"
    pkg["incidents"][0]["remarks"] = "driver Ahmed Karimi"
    pkg["smugglers"][0]["passport_number"] = "P1234567"
    pkg["submission"]["notes"] = "Mr Ahmed Karimi"
    result = validate_package(write(pkg, tmp_path, "xlsx"))
    copy = openpyxl.load_workbook(write_workbook(result, tmp_path / "report.xlsx", "fr"))
    cells = [
        str(c.value) for sheet in copy.worksheets for r in sheet.iter_rows() for c in r if c.value
    ]
    assert not [c for c in cells if "Karimi" in c or "P1234567" in c]
    # each of the five places now holds the marker, in the report's language
    assert cells.count(PERSONAL_DATA_MARKS["fr"]) == 5


def test_a_personal_value_quoted_by_an_issue_of_another_cell_is_removed(tmp_path: Path) -> None:
    """A passport number as incident_ref is quoted by the route_legs rules ("incident_ref
    ..."): the issue stays, without the number."""
    pkg = baseline()
    pkg["incidents"][0]["incident_ref"] = "P1234567"
    for leg in pkg["route_legs"]:
        leg["incident_ref"] = "P1234567"
    pkg["route_legs"][1]["from_country"] = "IRN"  # the legs no longer chain
    result = validate_package(write(pkg, tmp_path))
    assert "legs_not_chained" in [i.rule for i in result.issues]
    assert "P1234567" not in _everything_said(result)


# Round 3: classes of the misses and false positives of the blind file holdout_b, each in
# other words, names and numbers than that file's. (class, value, kind the report names)
GENERALISED_PERSONAL = [
    ("honorific with a final apostrophe", "Dato' Lokman", "personal_name"),
    ("South Asian honorific", "Smt Gita Thapa", "personal_name"),
    ("title with a space before its stop", "M . Kakayi", "personal_name"),
    ("surname that starts with an article", "remis à Mme De Smet", "personal_name"),
    ("role, then a surname that starts with one", "deckhand La Ode Kaimuddin", "personal_name"),
    ("who owned or ran the boat", "boat owned by Sivanathan Rajendran", "personal_name"),
    ("lodging and money roles", "Rebaz Kakayi, le logeur", "personal_name"),
    ("French participle of identification", "Passeuse identifiée : Gulala Kakayi", "personal_name"),
    ("Nepali names", "Mingma Tamang", "personal_name"),
    ("names made by rule", "Abdirashid Qoorane", "personal_name"),
    ("'son of' between two words", "Muthu anak Jugah", "personal_name"),
    ("Karen and Shan prefixes", "Naw Eh Moo", "personal_name"),
    ("given name and an initial", "Kamal R.", "personal_name"),
    ("Vietnamese syllables that are honorifics", "Ha Quoc Tuan", "personal_name"),
    ("UNHCR number", "UNHCR ID 345-19C01234", "document_number"),
    ("tax file number in groups", "TFN 123 456 782", "document_number"),
    ("cédula with its kind", "cédula de extranjería 1.234.567", "document_number"),
    ("Guatemalan DPI", "DPI 2587 14563 0101", "document_number"),
    ("passport with a nationality", "pasaporte hondureño E123456", "document_number"),
    ("date in English words", "born on the third of June, nineteen eighty-seven", "date_of_birth"),
    ("date in French words", "née le premier mars deux mille un", "date_of_birth"),
    (
        "date in Spanish words",
        "nació el quince de agosto de mil novecientos noventa y dos",
        "date_of_birth",
    ),
    ("birth abbreviated with a slash", "f/n 03.04.1985", "date_of_birth"),
    ("month abbreviated between slashes", "Fecha nac: 12/ene/1994", "date_of_birth"),
    ("Indonesian place and date of birth", "TTL: Jayapura, 07-11-1989", "date_of_birth"),
    ("Indonesian month", "tanggal lahir 5 Agustus 1991", "date_of_birth"),
    ("Vietnamese label", "ngày sinh 02/09/1993", "date_of_birth"),
    ("date written together", "D/O/B: 19870315", "date_of_birth"),
    ("phone word, words, number", "teléfono del coyote 7788-1122", "phone_number"),
    ("phone verb", "llamaba al 33 8765 4321", "phone_number"),
    ("e-mail with a bracketed dot", "ali_r[@]hotmail[.]com", "email_address"),
    ("e-mail with # for @", "karzan.b#gmail.com", "email_address"),
    ("numbered street", "No. 45, 19th Street, Lanmadaw Township, Yangon", "street_address"),
    ("house and its ward", "House 27, Thamel-26, Kathmandu 44600", "street_address"),
    (
        "neighbourhood, block and plot",
        "Urbanización Santa Mónica, manzana 4, lote 9",
        "street_address",
    ),
]
# Places, ships, streets and companies named after people, and the other ordinary values the
# round-3 classes must leave alone.
GENERALISED_ORDINARY = [
    "el pesquero «Virgen del Carmen III» fue escoltado a puerto",  # a ship, quoted
    "buque Juan Sebastián de Elcano",  # a ship after its type
    "vedette Jacques Cartier en patrouille",
    "Bandara Sultan Aji Muhammad Sulaiman, Balikpapan",  # airports
    "Aeropuerto Internacional Juan Manuel Gálvez",
    "aéroport Félix Éboué, Cayenne",
    "Hospital Doctor Peset",  # institutions
    "RSUD Dr. Moewardi, Solo",
    "Casa del Migrante Belén, Tapachula",
    "llegaron al puerto de Juan Díaz",  # a place "of" a person
    "Don Álvaro (Badajoz)",  # towns named with an honorific, and their province
    "Coronel Oviedo, Caaguazú",
    "Calle 50, Panamá",  # numbered streets without a house number
    "Sukhumvit Soi 23",
    "Nguyen Trai walking street",
    "venden paquetes con guía hasta Tapachula",  # a function word that is also a name
    "owned by PT Samudra Jaya",  # a company after "owned by"
    "passports issued 2019-2023: 45",  # years after a document word
    "migrants landed at Ko Lipe",
]


def test_generalised_classes_are_refused_each_as_its_kind(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["narrative"] = [{"topic": "routes", "text": text} for _, text, _ in GENERALISED_PERSONAL]
    result = validate_package(write(pkg, tmp_path))
    found = {
        i.row: i.params.get("detail_key")
        for i in result.issues
        if i.rule == "personal_data_value" and i.table == "narrative"
    }
    expected = {row: kind for row, (_, _, kind) in enumerate(GENERALISED_PERSONAL)}
    wrong = [
        (GENERALISED_PERSONAL[row][0], found.get(row), kind)
        for row, kind in expected.items()
        if found.get(row) != kind
    ]
    assert not wrong, wrong
    said = _everything_said(result)
    assert [text for _, text, _ in GENERALISED_PERSONAL if text in said] == []


def test_places_ships_and_companies_named_after_people_pass_the_screen(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["narrative"] = [{"topic": "routes", "text": text} for text in GENERALISED_ORDINARY]
    result = validate_package(write(pkg, tmp_path))
    assert [i.to_dict() for i in result.issues] == []


def _copy_texts(path: Path) -> list[str]:
    """Every text of a workbook: sheet names, cell values and cell comments."""
    book = openpyxl.load_workbook(path)
    texts = list(book.sheetnames)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            texts += [str(c.value) for c in row if c.value is not None]
            texts += [c.comment.text for c in row if c.comment is not None]
    return texts


def test_every_personal_cell_is_removed_from_the_copy_not_only_those_listed(
    tmp_path: Path,
) -> None:
    """The issues list the first 200 personal cells of a column and count the rest; the copy
    must blank all of them."""
    pkg = baseline()
    extra = [
        pkg["incidents"][1] | {"incident_ref": f"IDN-2024-{n:04d}", "comment": "Mr. Ahmed Karimi"}
        for n in range(100, 350)
    ]
    pkg["incidents"] += extra
    result = validate_package(write(pkg, tmp_path, "xlsx"))
    listed = [i for i in result.issues if i.rule == "personal_data_value"]
    assert len(listed) == 200 and result.personal_cells.height == 250
    texts = _copy_texts(write_workbook(result, tmp_path / "report.xlsx", "en"))
    assert not [t for t in texts if "Karimi" in t]
    assert texts.count(PERSONAL_DATA_MARKS["en"]) == 250


def test_a_personal_header_or_sheet_name_is_not_repeated_by_any_issue(tmp_path: Path) -> None:
    """The reader names a formula cell by its header and its sheet as submitted: a name that is
    personal data is replaced by its position there too."""
    path = write(baseline(), tmp_path, "xlsx")
    book = openpyxl.load_workbook(path)
    incidents = book["incidents"]
    column = incidents.max_column + 1
    incidents.cell(row=1, column=column, value="Mr. Ahmed Karimi")
    incidents.cell(row=2, column=column, value="=1+1")
    named = book.create_sheet("Ahmed Karimi")
    named["A1"], named["B2"] = "x", "=2+2"
    book.save(path)
    result = validate_package(path)
    formulas = {(i.table, i.column) for i in result.issues if i.rule == "formula_cell"}
    sheet_position = f"#{book.sheetnames.index('Ahmed Karimi') + 1}"
    assert formulas == {("incidents", f"#{column}"), (sheet_position, None)}, formulas
    assert "Karimi" not in _everything_said(result)
    texts = _copy_texts(write_workbook(result, tmp_path / "report.xlsx", "en"))
    assert not [t for t in texts if "Karimi" in t]


def test_the_copy_repeats_only_the_cells_that_were_screened(tmp_path: Path) -> None:
    """Unknown and helper sheets, columns without a header, the values of unknown submission
    fields and the state's own comments were never screened: the copy leaves them blank."""
    from openpyxl.comments import Comment

    pkg = baseline()
    pkg["submission"]["hotline_desk"] = "unscreened 1"
    path = write(pkg, tmp_path, "xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("scratch")["A1"] = "unscreened 2"
    book.create_sheet("_lists")["A1"] = "unscreened 3"
    incidents = book["incidents"]
    incidents.cell(row=2, column=incidents.max_column + 2, value="unscreened 4")  # no header
    incidents["A2"].comment = Comment("unscreened 5", "someone")
    book.save(path)
    result = validate_package(path)
    assert {"unknown_submission_field", "unknown_table", "unnamed_column"} <= {
        i.rule for i in result.issues
    }
    texts = _copy_texts(write_workbook(result, tmp_path / "report.xlsx", "en"))
    assert not [t for t in texts if "unscreened" in t]
    # what was screened is all there
    assert {"IDN-2024-0001", "Indonesian National Police", "reporting_agency", "field"} <= set(
        texts
    )


def test_a_one_record_submission_is_marked_at_the_field_itself(tmp_path: Path) -> None:
    """The record as one row of fields: the personal value is found by its field, and the
    header of an unknown field, never screened as a value, is not repeated."""
    pkg = baseline()
    pkg["submission"]["notes"] = "Mr Ahmed Karimi"
    record = pkg.pop("submission") | {"hotline": "unscreened"}
    pkg = {"submission": [record], **pkg}
    result = validate_package(write(pkg, tmp_path, "xlsx"))
    notes = f"{openpyxl.utils.get_column_letter(list(record).index('notes') + 1)}2"
    [issue] = [i for i in result.issues if i.rule == "personal_data_value"]
    assert location(result, issue) == f"sheet 'submission', cell {notes}"
    copy = openpyxl.load_workbook(write_workbook(result, tmp_path / "report.xlsx", "en"))
    assert copy["submission"][notes].value == PERSONAL_DATA_MARKS["en"]
    texts = _copy_texts(tmp_path / "report.xlsx")
    assert not [t for t in texts if "Karimi" in t or "unscreened" in t]
    assert "Indonesian National Police" in texts
