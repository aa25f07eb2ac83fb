"""Every acceptance rule of spec §4–5, each with a bad twin of the valid baseline package.

Each case mutates the baseline in one way and asserts the exact issue the state reads: rule,
severity, table, row (as the state sees it) and column. Without the rule, its case fails.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from packages import Package, baseline, write

from contracts.validate import validate_package
from warehouse.settings import Limits

Mutation = Callable[[Package], None]


def _set(table: str, index: int, **values: str) -> Mutation:
    def mutate(pkg: Package) -> None:
        pkg[table][index].update(values)

    return mutate


def _sub(**values: str | None) -> Mutation:
    def mutate(pkg: Package) -> None:
        for key, value in values.items():
            if value is None:
                pkg["submission"].pop(key, None)
            else:
                pkg["submission"][key] = value

    return mutate


def _drop_column(table: str, column: str) -> Mutation:
    def mutate(pkg: Package) -> None:
        for row in pkg[table]:
            row.pop(column, None)

    return mutate


def _long_comment(pkg: Package) -> None:
    pkg["incidents"][0]["comment"] = "x" * 2001


def _duplicate_ref(pkg: Package) -> None:
    pkg["incidents"][1]["incident_ref"] = pkg["incidents"][0]["incident_ref"]


def _fee_without_currency(pkg: Package) -> None:
    pkg["incidents"][0].pop("fee_currency")


def _profile_sum(pkg: Package) -> None:
    pkg["incidents"][0]["migrants_total"] = "41"


def _no_submission(pkg: Package) -> None:
    del pkg["submission"]


def _extra_table(pkg: Package) -> None:
    pkg["lists"] = [{"a": "b"}]


def _seq(*numbers: str) -> Mutation:
    def mutate(pkg: Package) -> None:
        for leg, n in zip(pkg["route_legs"], numbers, strict=True):
            leg["leg_seq"] = n

    return mutate


# (id, mutation, rule, severity, table, row, column) — rows are JSON indices here.
CASES = [
    ("no submission", _no_submission, "missing_submission", "error", "submission", None, None),
    (
        "no period",
        _sub(period=None),
        "missing_required_field",
        "error",
        "submission",
        None,
        "period",
    ),
    ("bad period", _sub(period="2024-Q7"), "invalid_period", "error", "submission", None, "period"),
    (
        "template 2.0",
        _sub(template_version="2.0"),
        "unsupported_template_version",
        "error",
        "submission",
        None,
        "template_version",
    ),
    (
        "state unknown",
        _sub(reporting_state="Atlantis"),
        "unknown_country",
        "error",
        "submission",
        None,
        "reporting_state",
    ),
    (
        "date format",
        _sub(date_format="YYYY/MM/DD"),
        "invalid_option",
        "error",
        "submission",
        None,
        "date_format",
    ),
    ("action unknown", _sub(action="maybe"), "unknown_code", "error", "submission", None, "action"),
    (
        "language de",
        _sub(language="de"),
        "unknown_language",
        "warning",
        "submission",
        None,
        "language",
    ),
    (
        "agency_type unmapped",
        _sub(agency_type="customs"),
        "unmapped_code",
        "warning",
        "submission",
        None,
        "agency_type",
    ),
    (
        "extra field",
        _sub(colour="blue"),
        "unknown_submission_field",
        "warning",
        "submission",
        None,
        "colour",
    ),
    (
        "personal field",
        _sub(officer_name="x"),
        "personal_data_column",
        "error",
        "submission",
        None,
        "officer_name",
    ),
    (
        "no route column",
        _drop_column("incidents", "route"),
        "missing_required_column",
        "error",
        "incidents",
        None,
        "route",
    ),
    (
        "blank mode",
        _set("incidents", 1, transport_mode=""),
        "required_value_missing",
        "error",
        "incidents",
        1,
        "transport_mode",
    ),
    (
        "unknown mode",
        _set("incidents", 1, transport_mode="teleport"),
        "unknown_code",
        "error",
        "incidents",
        1,
        "transport_mode",
    ),
    (
        "unmapped conveyance",
        _set("incidents", 1, conveyance="zeppelin"),
        "unmapped_code",
        "warning",
        "incidents",
        1,
        "conveyance",
    ),
    (
        "unmapped technology member",
        _set("incidents", 0, technology="gps|carrier pigeon"),
        "unmapped_code",
        "warning",
        "incidents",
        0,
        "technology",
    ),
    (
        "unknown citizenship",
        _set("smuggled_migrants", 2, citizenship="Atlantis"),
        "unknown_country",
        "error",
        "smuggled_migrants",
        2,
        "citizenship",
    ),
    (
        "unmapped detection country",
        _set("incidents", 1, detection_country="Narnia"),
        "unmapped_country",
        "warning",
        "incidents",
        1,
        "detection_country",
    ),
    (
        "negative count",
        _set("incidents", 1, migrants_total="-3"),
        "invalid_count",
        "error",
        "incidents",
        1,
        "migrants_total",
    ),
    (
        "fractional count",
        _set("smugglers", 0, value="2.5"),
        "invalid_count",
        "error",
        "smugglers",
        0,
        "value",
    ),
    (
        "text count",
        _set("cooperation", 0, value="two"),
        "invalid_count",
        "error",
        "cooperation",
        0,
        "value",
    ),
    (
        "bad amount",
        _set("incidents", 0, fee_per_migrant="5,000"),
        "invalid_amount",
        "error",
        "incidents",
        0,
        "fee_per_migrant",
    ),
    (
        "bad currency",
        _set("incidents", 0, fee_currency="DOLLARS"),
        "unknown_currency",
        "error",
        "incidents",
        0,
        "fee_currency",
    ),
    (
        "fee without currency",
        _fee_without_currency,
        "fee_incomplete",
        "error",
        "incidents",
        0,
        "fee_per_migrant",
    ),
    (
        "impossible date",
        _set("incidents", 1, detection_date="2024-02-30"),
        "invalid_date",
        "error",
        "incidents",
        1,
        "detection_date",
    ),
    (
        "undeclared format",
        _set("incidents", 1, detection_date="10/03/2024"),
        "invalid_date",
        "error",
        "incidents",
        1,
        "detection_date",
    ),
    (
        "date outside",
        _set("incidents", 1, detection_date="2024-05-01"),
        "date_outside_period",
        "warning",
        "incidents",
        1,
        "detection_date",
    ),
    (
        "age unparsed",
        _set("smugglers", 0, age_group="teens"),
        "age_group_unparsed",
        "warning",
        "smugglers",
        0,
        "age_group",
    ),
    (
        "age impossible",
        _set("smuggled_migrants", 0, age_group="24-18"),
        "invalid_age_band",
        "error",
        "smuggled_migrants",
        0,
        "age_group",
    ),
    ("long text", _long_comment, "text_too_long", "error", "incidents", 0, "comment"),
    (
        "blank value not Q",
        _set("border_events", 1, obs_status="A"),
        "value_or_suppressed",
        "error",
        "border_events",
        1,
        "value",
    ),
    (
        "Q with value",
        _set("border_events", 1, value="5"),
        "suppressed_value_not_blank",
        "error",
        "border_events",
        1,
        "value",
    ),
    (
        "deceased > total",
        _set("incidents", 0, migrants_deceased="50"),
        "count_exceeds_total",
        "error",
        "incidents",
        0,
        "migrants_deceased",
    ),
    (
        "deceased + missing > total",
        _set("incidents", 0, migrants_deceased="30", migrants_missing="20"),
        "deceased_missing_exceed_total",
        "error",
        "incidents",
        0,
        "migrants_total",
    ),
    (
        "duplicate ref",
        _duplicate_ref,
        "duplicate_incident_ref",
        "error",
        "incidents",
        1,
        "incident_ref",
    ),
    (
        "route of one",
        _set("incidents", 1, route="MMR"),
        "route_too_short",
        "error",
        "incidents",
        1,
        "route",
    ),
    (
        "route Atlantis",
        _set("incidents", 1, route="MMR > Atlantis"),
        "route_unknown_country",
        "error",
        "incidents",
        1,
        "route",
    ),
    (
        "leg of unknown incident",
        _set("route_legs", 2, incident_ref="IDN-9"),
        "unknown_incident_ref",
        "error",
        "route_legs",
        2,
        "incident_ref",
    ),
    (
        "profile of unknown incident",
        _set("smugglers", 0, incident_ref="IDN-9"),
        "unknown_incident_ref",
        "error",
        "smugglers",
        0,
        "incident_ref",
    ),
    (
        "leg sequence gap",
        _seq("1", "2", "2", "4"),
        "legs_invalid_sequence",
        "error",
        "route_legs",
        2,
        "leg_seq",
    ),
    (
        "legs not chained",
        _set("route_legs", 2, from_country="THA"),
        "legs_not_chained",
        "error",
        "route_legs",
        2,
        "from_country",
    ),
    (
        "legs end elsewhere",
        _set("route_legs", 3, to_country="NZL"),
        "legs_route_mismatch",
        "error",
        "route_legs",
        3,
        "to_country",
    ),
    (
        "legs start elsewhere",
        _set("route_legs", 0, from_country="IRN"),
        "legs_route_mismatch",
        "error",
        "route_legs",
        0,
        "from_country",
    ),
    (
        "profiles do not add up",
        _profile_sum,
        "profile_sum_mismatch",
        "warning",
        "incidents",
        0,
        "migrants_total",
    ),
    (
        "none issuer",
        _set("fraudulent_documents", 0, issuing_country="none"),
        "pseudo_document_issuer",
        "error",
        "fraudulent_documents",
        0,
        "issuing_country",
    ),
    (
        "passport column",
        _set("smugglers", 0, passport_number="x"),
        "personal_data_column",
        "error",
        "smugglers",
        None,
        "passport_number",
    ),
    (
        "extra column",
        _set("incidents", 0, colour="blue"),
        "unknown_column",
        "warning",
        "incidents",
        None,
        "colour",
    ),
    ("extra table", _extra_table, "unknown_table", "warning", "lists", None, None),
    (
        "email in narrative",
        _set("narrative", 0, text="write to a.b@example.org"),
        "personal_data_value",
        "error",
        "narrative",
        0,
        "text",
    ),
    (
        "phone in comment",
        _set("incidents", 1, comment="call +62 812 3456 7890"),
        "personal_data_value",
        "error",
        "incidents",
        1,
        "comment",
    ),
    (
        "passport in place",
        _set("incidents", 1, detection_place="passport no A1234567"),
        "personal_data_value",
        "error",
        "incidents",
        1,
        "detection_place",
    ),
    (
        "birth date",
        _set("narrative", 0, text="the driver, born 12/03/1990, fled"),
        "personal_data_value",
        "error",
        "narrative",
        0,
        "text",
    ),
    (
        "person in ref",
        _set("incidents", 1, incident_ref="Mr. Rahman case"),
        "personal_data_value",
        "error",
        "incidents",
        1,
        "incident_ref",
    ),
]


def _month_first(*dates: str) -> Mutation:
    """The package declares MM/DD/YYYY and its incidents carry ``dates``."""

    def mutate(pkg: Package) -> None:
        pkg["submission"]["date_format"] = "MM/DD/YYYY"
        for incident, day in zip(pkg["incidents"], dates, strict=True):
            incident["detection_date"] = day

    return mutate


# Dates and values as spreadsheet software writes them, and the pseudo-document rule both ways.
CASES += [
    (
        "two-digit year, years before the period",  # 19 is read as 2019, nearest 2024
        _month_first("02/24/19", "03/10/24"),
        "date_far_from_period",
        "error",
        "incidents",
        0,
        "detection_date",
    ),
    (
        "date before 1900",
        _set("incidents", 1, detection_date="0019-02-24"),
        "date_before_1900",
        "error",
        "incidents",
        1,
        "detection_date",
    ),
    (
        "date before 1900, four-digit declared form",
        _month_first("02/03/2024", "02/24/0019"),
        "date_before_1900",
        "error",
        "incidents",
        1,
        "detection_date",
    ),
    (
        "date in year 0",  # no Python date holds it: shown as polars reads it
        _set("incidents", 1, detection_date="0000-01-01"),
        "date_before_1900",
        "error",
        "incidents",
        1,
        "detection_date",
    ),
    (
        "date with a negative year",
        _month_first("02/03/2024", "02/24/-1"),
        "invalid_date",
        "error",
        "incidents",
        1,
        "detection_date",
    ),
    (
        "date with a five-digit year",  # (+12019-01-01 is screened as a phone number)
        _set("incidents", 1, detection_date="12019-01-01"),
        "invalid_date",
        "error",
        "incidents",
        1,
        "detection_date",
    ),
    (
        "date with a signed year",  # DuckDB reads no date there: neither may the contract
        _month_first("02/03/2024", "03/10/+2024"),
        "invalid_date",
        "error",
        "incidents",
        1,
        "detection_date",
    ),
    (
        "period 9999",
        _sub(period="9999-Q4"),
        "invalid_period",
        "error",
        "submission",
        None,
        "period",
    ),
    (
        "date years away",
        _set("incidents", 1, detection_date="2019-02-24"),
        "date_far_from_period",
        "error",
        "incidents",
        1,
        "detection_date",
    ),
    (
        "age as a bare number",
        _set("smugglers", 0, age_group="25"),
        "age_group_single_value",
        "warning",
        "smugglers",
        0,
        "age_group",
    ),
    (
        "pseudo document naming France",
        _set("fraudulent_documents", 1, issuing_country="France"),
        "pseudo_document_issuer",
        "error",
        "fraudulent_documents",
        1,
        "issuing_country",
    ),
    (
        "pseudo document by a synonym, naming an issuer",
        _set("fraudulent_documents", 0, fraud_type="Fantasy document"),
        "pseudo_document_issuer",
        "error",
        "fraudulent_documents",
        0,
        "issuing_country",
    ),
]


def _validate(tmp_path: Path, pkg: Package, encoding: str = "json", **limits: int):
    return validate_package(write(pkg, tmp_path, encoding), Limits(**limits))


@pytest.mark.parametrize("encoding", ["json", "xlsx", "zip"])
def test_baseline_is_accepted_without_any_issue(tmp_path: Path, encoding: str) -> None:
    result = _validate(tmp_path, baseline(), encoding)
    assert [i.to_dict() for i in result.issues] == []
    assert result.accepted
    assert result.header is not None
    assert (result.header.reporting_state, result.header.period.label) == ("IDN", "2024-Q1")


@pytest.mark.parametrize(
    ("mutate", "rule", "severity", "table", "row", "column"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_rule(tmp_path: Path, mutate, rule, severity, table, row, column) -> None:
    pkg = baseline()
    mutate(pkg)
    result = _validate(tmp_path, pkg)
    found = [(i.rule, i.severity, i.table, i.row, i.column) for i in result.issues]
    assert (rule, severity, table, row, column) in found, found
    assert result.accepted == (
        severity == "warning" and all(i.severity == "warning" for i in result.issues)
    )


def test_personal_values_are_never_echoed(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["narrative"][0]["text"] = "write to a.b@example.org"
    result = _validate(tmp_path, pkg)
    [issue] = [i for i in result.issues if i.rule == "personal_data_value"]
    assert issue.value is None
    as_dict = issue.to_dict("fr")
    assert "value" not in as_dict
    assert "example.org" not in str(as_dict)
    assert "adresse électronique" in as_dict["message"]


def test_messages_follow_the_language_of_the_package(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["submission"]["language"] = "es"
    pkg["incidents"][1]["migrants_total"] = "-3"
    result = _validate(tmp_path, pkg)
    [issue] = [i for i in result.issues if i.rule == "invalid_count"]
    assert result.language == "es"
    assert issue.message(result.language) == (
        "El valor de migrants_total no es un número entero mayor o igual a 0 (negativo)."
    )


def test_a_withdrawal_ignores_its_tables(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["submission"]["action"] = "withdraw"  # a synonym of delete
    result = _validate(tmp_path, pkg)
    assert result.accepted
    assert result.header is not None and result.header.action == "delete"
    assert {i.rule for i in result.issues} == {"delete_has_data"}
    assert result.tables == {}


def test_many_failures_are_listed_then_counted(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["cooperation"] = [dict(pkg["cooperation"][0], value="-1") for _ in range(250)]
    result = _validate(tmp_path, pkg)
    rules = [i.rule for i in result.issues]
    assert rules.count("invalid_count") == 200
    [more] = [i for i in result.issues if i.rule == "more_of_the_same"]
    assert more.params["detail"] == "50"


def test_a_table_over_the_row_limit_is_refused(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["cooperation"] = pkg["cooperation"] * 11
    result = _validate(tmp_path, pkg, "zip", max_rows_per_table=10)
    assert "table_too_many_rows" in [i.rule for i in result.issues]
    assert not result.accepted


@pytest.mark.parametrize(
    ("encoding", "row", "location"),
    [
        ("xlsx", 3, "sheet 'incidents', cell E3"),
        ("zip", 3, "incidents.csv line 3, column transport_mode"),
        ("json", 1, "incidents[1].transport_mode"),
    ],
)
def test_rows_are_numbered_as_the_state_sees_them(
    tmp_path: Path, encoding: str, row: int, location: str
) -> None:
    from ingest.reports import location as where

    pkg = baseline()
    pkg["incidents"][1]["transport_mode"] = "teleport"
    result = _validate(tmp_path, pkg, encoding)
    [issue] = [i for i in result.issues if i.rule == "unknown_code"]
    assert issue.row == row
    assert where(result, issue) == location


def test_duplicate_columns_are_refused(tmp_path: Path) -> None:
    import zipfile

    pkg = baseline()
    del pkg["cooperation"]
    path = write(pkg, tmp_path, "zip")
    with zipfile.ZipFile(path, "a") as bundle:
        bundle.writestr(
            "cooperation.csv",
            "request_type,direction,counterpart_state,value, Value\nmla_request,sent,AUS,2,3\n",
        )
    result = validate_package(path)
    assert ("duplicate_column", "cooperation", "value") in [
        (i.rule, i.table, i.column) for i in result.issues
    ]


@pytest.mark.parametrize(
    ("period", "date_format", "dates", "outside"),
    [
        ("2024-Q1", "MM/DD/YYYY", ("02/03/24", "3/10/24"), []),
        ("2024-Q1", "DD/MM/YYYY", ("03/02/24", "10/3/24"), []),
        ("2019-Q1", "MM/DD/YYYY", ("02/24/19", "2/4/19"), []),  # as LibreOffice writes them
        # A period at a century's turn: 99 is 1999, a day before it (a late registration).
        ("2000", "DD/MM/YYYY", ("31/12/99", "1/1/00"), [0]),
    ],
)
def test_two_digit_years_are_read_in_the_century_nearest_the_period(
    tmp_path: Path, period: str, date_format: str, dates: tuple[str, str], outside: list[int]
) -> None:
    pkg = baseline()
    pkg["submission"] |= {"period": period, "date_format": date_format}
    for incident, day in zip(pkg["incidents"], dates, strict=True):
        incident["detection_date"] = day
    result = _validate(tmp_path, pkg, "zip")
    assert [(i.rule, i.row) for i in result.issues] == [
        ("date_outside_period", result.tables["incidents"].frame["_source_row"][n]) for n in outside
    ]
    assert result.accepted


def test_a_little_outside_the_period_is_a_warning_years_away_an_error(tmp_path: Path) -> None:
    pkg = baseline()  # 2024-Q1
    pkg["incidents"][0]["detection_date"] = "2023-01-01"  # a year before it starts: late
    pkg["incidents"][1]["detection_date"] = "2022-12-31"  # a day more: a wrong date
    result = _validate(tmp_path, pkg)
    assert [(i.rule, i.severity, i.row) for i in result.issues] == [
        ("date_far_from_period", "error", 1),
        ("date_outside_period", "warning", 0),
    ]


def test_a_date_far_from_its_period_says_how_it_was_read(tmp_path: Path) -> None:
    pkg = baseline()
    _month_first("02/24/19", "03/10/24")(pkg)
    pkg["submission"]["language"] = "fr"
    result = _validate(tmp_path, pkg)
    [issue] = result.issues
    assert issue.message("fr") == (
        "La date de detection_date, lue comme 2019-02-24, est à plus d'un an de la période "
        "déclarée 2024-Q1 (2024-01-01 – 2024-03-31)."
    )
    assert "19 = 2019" in issue.hint("fr")


def test_a_date_in_year_0_says_how_it_was_read(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["incidents"][1]["detection_date"] = "0000-01-01"
    result = _validate(tmp_path, pkg)
    [issue] = result.issues
    assert (issue.rule, issue.params["detail"]) == ("date_before_1900", "0000-01-01")


def test_the_pseudo_document_rule_says_which_way_it_failed(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["fraudulent_documents"][0]["issuing_country"] = "none"  # counterfeit without issuer
    pkg["fraudulent_documents"][1]["issuing_country"] = "FRA"  # pseudo document with one
    result = _validate(tmp_path, pkg)
    messages = {i.row: i.message("en") for i in result.issues if i.rule == "pseudo_document_issuer"}
    assert messages == {
        0: "issuing_country does not agree with fraud_type: it is none, but the fraud type "
        "is not pseudo_document.",
        1: "issuing_country does not agree with fraud_type: a pseudo_document has no issuing "
        "country, but one is named.",
    }


def test_an_error_in_the_submission_record_keeps_its_valid_fields(tmp_path: Path) -> None:
    pkg = baseline()
    pkg["submission"] |= {
        "reporting_state": "Australie",
        "date_format": "DD/MM/YYYY",
        "language": "es",
        "notes": "questions to a.b@example.org",
    }
    pkg["incidents"][0]["detection_date"] = "03/02/2024"
    pkg["incidents"][1]["detection_date"] = "10/03/2024"
    result = _validate(tmp_path, pkg)
    # The dates are read with the declared format, the report is in the declared language,
    # and whose package it is stays known although the record as a whole is refused.
    assert [(i.rule, i.column) for i in result.issues] == [("personal_data_value", "notes")]
    assert result.header is None
    assert result.language == "es"
    assert result.reporting_state == "AUS"


def test_without_a_valid_period_a_two_digit_year_waits_for_it(tmp_path: Path) -> None:
    pkg = baseline()
    _month_first("02/03/24", "3/10/24")(pkg)
    pkg["submission"]["period"] = "2024-Q7"
    result = _validate(tmp_path, pkg)
    assert [i.rule for i in result.issues] == ["invalid_period"]
    assert result.reporting_state == "IDN"
