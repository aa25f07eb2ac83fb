"""Check a package against the contracts and collect every problem (spec §4).

``validate_package`` reads, conforms and validates; it writes nothing. Each table is validated
lazily by its pandera contract, so all failures are collected at once; every failure becomes
an :class:`~contracts.issues.Issue` located as the state sees it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandera.polars as pa
import polars as pl
from pandera.api.polars.components import Column
from pandera.api.polars.types import PolarsData

from contracts._base import NO_COUNTRY, declared_date
from contracts.codelists import load_codelists
from contracts.conform import ConformedPackage, ConformedTable, conform
from contracts.context import ValidationContext, using
from contracts.countries import load_countries
from contracts.currencies import load_currencies
from contracts.issues import Issue, as_language, sort_key
from contracts.normalise import normalise_text
from contracts.periods import PERIOD_FORMS, Period, parse_period
from contracts.personal_data import personal_data_kinds
from contracts.rules import Language
from contracts.submission import TEMPLATE_VERSIONS
from contracts.tables import SUBMISSION, schema
from contracts.values import DATE_FORMATS, count_problem, count_value
from ingest.package import SOURCE_ROW
from ingest.readers import read_package
from warehouse.settings import Limits

# A table can fail the same way on a million rows; the state needs the first ones and a count.
MAX_ISSUES_PER_CHECK = 200
PERSONAL_CELL_SCHEMA = {"table": pl.String, "row": pl.Int64, "column": pl.String, "kind": pl.String}


@dataclass(frozen=True)
class SubmissionHeader:
    """The submission record, harmonised: what the registry and versioning need."""

    reporting_state: str  # ISO 3166 alpha-3
    reporting_agency: str  # as submitted, trimmed
    agency_key: str  # normalised agency name: the same agency however it is spelled
    agency_type: str | None
    period: Period
    action: str  # replace | delete
    template_version: str
    language: Language
    date_format: str
    benefit_required: str | None  # yes | no | unknown
    stay_facilitation_criminalised: str | None
    notes: str | None


@dataclass
class ValidationResult:
    path: Path
    conformed: ConformedPackage
    header: SubmissionHeader | None
    issues: list[Issue] = field(default_factory=list)
    # Raw submission fields as submitted, for the registry.
    submission_raw: Mapping[str, str | None] = field(default_factory=dict)
    # The reporting state (ISO3) whenever its own field is valid, even if another field of
    # the submission record has an error: whose package this is decides who may send it.
    reporting_state: str | None = None
    period: Period | None = None  # likewise: the period whenever its own field is valid
    # Every cell judged personal (``table``, ``row``, ``column``, ``kind``; not its value), all
    # of them: the issues show the first MAX_ISSUES_PER_CHECK of a column, and the report's
    # copy of the workbook must blank every one.
    personal_cells: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(schema=PERSONAL_CELL_SCHEMA)
    )

    @property
    def accepted(self) -> bool:
        return not any(i.severity == "error" for i in self.issues)

    @property
    def language(self) -> Language:
        if self.header is not None:
            return self.header.language
        return as_language(self.conformed.submission.get("language"))

    @property
    def tables(self) -> dict[str, ConformedTable]:
        return self.conformed.tables


def validate_package(path: Path, limits: Limits | None = None) -> ValidationResult:
    # Contracts run hundreds of small queries per package: polars' in-memory engine starts
    # each one about ten times faster than the streaming engine (measured: 0.02 vs 0.13 ms).
    with pl.Config(engine_affinity="in-memory"):
        return _validate(path, limits or Limits())


def _validate(path: Path, limits: Limits) -> ValidationResult:
    package = read_package(path, limits)
    conformed = conform(package)
    result = ValidationResult(path=path, conformed=conformed, header=None)
    issues = list(conformed.issues)
    personal = _personal_cells(conformed)
    context = ValidationContext(
        codelists=load_codelists(),
        countries=load_countries(),
        currencies=load_currencies(),
        max_text_chars=limits.max_text_chars,
    )
    if conformed.submission_origin is not None:
        header, declared, header_issues = _validate_submission(conformed, context)
        issues += header_issues
        result.header = header
        result.submission_raw = dict(conformed.submission)
        result.reporting_state = declared.reporting_state
        result.period = declared.period
        context = replace(context, date_format=declared.date_format, period=declared.period)
    if result.header is not None and result.header.action == "delete":
        issues += [Issue("delete_has_data", table=name) for name in conformed.tables]
        conformed.tables.clear()
    # Stripped once: the cross-table facts and the table contracts read the same frames.
    stripped = {
        name: _stripped(table.frame.drop("_extra", strict=False))
        for name, table in conformed.tables.items()
    }
    context = _with_cross_table_facts(context, conformed.tables, stripped)
    for name, table in conformed.tables.items():
        issues += _validate_table(table, stripped[name], context)
    result.issues = sorted(_without_personal_values(result, issues, personal), key=sort_key)
    result.personal_cells = personal.drop("value")
    return result


def _personal_cells(conformed: ConformedPackage) -> pl.DataFrame:
    """Every cell that holds personal data (spec §5, issue 11): one row per cell with its
    ``table``, ``row``, ``column``, ``kind`` and ``value``, the value as submitted.

    Every cell is screened, whatever its column: template columns of any type (a name typed
    in a count or coded column is as personal as in a comment), unknown columns (kept in
    ``_extra``) and every field of the submission record. The screen looks at each distinct
    value of the package once."""
    columns: list[tuple[str, str, pl.Series, pl.Series, pl.Series]] = []
    for name, table in conformed.tables.items():
        rows = table.frame.get_column(SOURCE_ROW)
        for frame in (table.frame.drop(SOURCE_ROW, "_extra", strict=False), table.extra_columns):
            distinct = _distinct(frame)
            columns += [
                (name, column, frame.get_column(column), rows, distinct[column])
                for column in frame.columns
            ]
    for field_name, value in conformed.submission.items():
        row = conformed.submission_rows.get(field_name)
        cell = pl.Series([value], dtype=pl.String)
        columns.append((SUBMISSION, field_name, cell, pl.Series([row], dtype=pl.Int64), cell))
    empty = pl.DataFrame(schema=PERSONAL_CELL_SCHEMA | {"value": pl.String})
    if not columns:
        return empty
    distinct = pl.concat([c[4].cast(pl.String) for c in columns]).drop_nulls()
    judged = pl.DataFrame({"value": distinct, "kind": personal_data_kinds(distinct)})
    flagged = judged.filter(pl.col("kind").is_not_null()).unique("value")
    if flagged.is_empty():
        return empty
    cells = [
        pl.DataFrame({"value": values, "row": rows})
        .join(flagged, on="value", maintain_order="left")
        .select(table=pl.lit(table), row="row", column=pl.lit(column), kind="kind", value="value")
        for table, column, values, rows, _ in columns
    ]
    return pl.concat([empty, *cells])


def _distinct(frame: pl.DataFrame) -> dict[str, pl.Series]:
    """The distinct values of each column, the columns in parallel. A column of (almost)
    only distinct values, such as ``incident_ref``, is taken as it is: removing its few
    repeats costs more than judging them twice; its first rows tell which it is."""

    def repeats(column: str) -> bool:
        head = frame.get_column(column).head(10_000).drop_nulls()
        return head.n_unique() <= 0.9 * head.len()

    if frame.width == 0:
        return {}
    row = frame.select(
        (pl.col(c).unique() if repeats(c) else pl.col(c)).implode() for c in frame.columns
    )
    return {c: row.get_column(c).explode() for c in frame.columns}


def _without_personal_values(
    result: ValidationResult, issues: list[Issue], personal: pl.DataFrame
) -> list[Issue]:
    """The issues, with one ``personal_data_value`` error per personal cell and the personal
    values gone from everything else: any other issue of a personal cell is dropped (an
    unmapped code would quote it), and no issue, registry field or report may repeat one."""
    if personal.is_empty():
        return issues
    at = {(c["table"], c["row"], c["column"]) for c in personal.iter_rows(named=True)}
    kept = [i for i in issues if (i.table, i.row, i.column) not in at]
    values = personal.get_column("value").unique().to_list()

    def mentions(texts: list[str | None]) -> list[bool]:
        series = pl.Series(texts, dtype=pl.String)
        return series.str.contains_any(values).fill_null(False).to_list()

    value_hits = mentions([i.value for i in kept])
    keys = {k for i in kept for k in i.params}
    param_hits = {k: mentions([i.params.get(k) for i in kept]) for k in keys}
    scrubbed = []
    for n, issue in enumerate(kept):
        hidden = {k for k, hits in param_hits.items() if hits[n]}
        if value_hits[n] or hidden:
            issue = replace(
                issue,
                value=None if value_hits[n] else issue.value,
                params={k: v for k, v in issue.params.items() if k not in hidden},
            )
        scrubbed.append(issue)
    for (table, column), cells in personal.group_by("table", "column", maintain_order=True):
        shown = cells.head(MAX_ISSUES_PER_CHECK)
        scrubbed += [
            Issue(
                "personal_data_value",
                table=table,
                row=row,
                column=column,
                params={"detail_key": kind},
            )
            for row, kind in shown.select("row", "kind").iter_rows()
        ]
        if cells.height > shown.height:
            detail = str(cells.height - shown.height)
            scrubbed.append(
                Issue(
                    "more_of_the_same",
                    table=table,
                    column=column,
                    params={"detail": detail, "expected": "personal_data_value"},
                )
            )
    _forget_personal_fields(result, personal.filter(pl.col("table") == SUBMISSION))
    return scrubbed


def _forget_personal_fields(result: ValidationResult, cells: pl.DataFrame) -> None:
    """A personal value in the submission record is not kept for the registry or the report:
    the field is blanked, and the record, which has an error, has no header (as for any other
    error in it)."""
    fields = set(cells.get_column("column").to_list())
    if not fields:
        return
    result.submission_raw = {
        k: None if k in fields else v for k, v in result.submission_raw.items()
    }
    result.header = None


def _stripped(frame: pl.DataFrame) -> pl.DataFrame:
    """Blank = not reported: surrounding spaces go and an empty cell becomes null. The
    contracts see this; the raw layer keeps the text exactly as submitted."""
    text = [c for c, t in frame.schema.items() if t == pl.String and not c.startswith("_")]
    return frame.with_columns(pl.col(c).str.strip_chars().replace("", None).alias(c) for c in text)


@dataclass(frozen=True)
class DeclaredFields:
    """The submission fields the rest of the package is read with. Each applies when its own
    field is valid, whatever errors the other fields have: a wrong ``notes`` must not make
    every date of the package unreadable."""

    reporting_state: str | None = None  # ISO3
    period: Period | None = None
    date_format: str = "YYYY-MM-DD"


def _declared_fields(
    values: Mapping[str, str | None], bad: set[str], context: ValidationContext
) -> DeclaredFields:
    """``values``: the stripped submission record; ``bad``: the fields with an error."""

    def valid(name: str) -> str | None:
        return None if name in bad else values.get(name)

    state = valid("reporting_state")
    date_format = valid("date_format")
    return DeclaredFields(
        reporting_state=(
            context.countries.resolve(pl.Series([state], dtype=pl.String)).item()
            if state is not None
            else None
        ),
        period=parse_period(valid("period")),
        date_format=(date_format or "YYYY-MM-DD").upper(),
    )


def _validate_submission(
    conformed: ConformedPackage, context: ValidationContext
) -> tuple[SubmissionHeader | None, DeclaredFields, list[Issue]]:
    fields = conformed.submission
    frame = pl.DataFrame(
        {k: [v] for k, v in fields.items()} | {SOURCE_ROW: [0]},
        schema={**dict.fromkeys(fields, pl.String), SOURCE_ROW: pl.Int64},
    )
    checked = _stripped(frame)
    rows = conformed.submission_rows

    def locate(_: int, column: str | None) -> int | None:
        return rows.get(column or "")

    with using(context):
        issues = _run_contract(SUBMISSION, checked, frame, context, locate)
    issues = [
        Issue(
            "missing_required_field",
            table=SUBMISSION,
            column=i.column,
            row=i.row,
            params={"expected": i.params.get("expected", "")},
        )
        if i.rule in ("missing_required_column", "required_value_missing")
        else i
        for i in issues
    ]
    values = checked.row(0, named=True)
    bad = {i.column for i in issues if i.severity == "error" and i.column is not None}
    declared = _declared_fields(values, bad, context)
    if any(i.severity == "error" for i in issues):
        return None, declared, issues
    lists = context.codelists

    def code(list_name: str, column: str) -> str | None:
        value = values.get(column)
        if value is None:
            return None
        return lists[list_name].resolve(pl.Series([value])).item()

    period = declared.period
    assert period is not None and declared.reporting_state is not None  # the contract checked
    header = SubmissionHeader(
        reporting_state=declared.reporting_state,
        reporting_agency=values["reporting_agency"],
        agency_key=normalise_text(values["reporting_agency"]),
        agency_type=code("agency_type", "agency_type"),
        period=period,
        action=code("action", "action") or "replace",
        template_version=TEMPLATE_VERSIONS[0],
        language=as_language(values.get("language")),
        date_format=declared.date_format,
        benefit_required=code("yes_no", "benefit_required"),
        stay_facilitation_criminalised=code("yes_no", "stay_facilitation_criminalised"),
        notes=values.get("notes"),
    )
    return header, declared, issues


def _with_cross_table_facts(
    context: ValidationContext,
    tables: Mapping[str, ConformedTable],
    stripped: Mapping[str, pl.DataFrame],
) -> ValidationContext:
    """What the cross-table rules need from the incidents and smuggled_migrants tables."""
    incidents = tables.get("incidents")
    facts = (
        _incident_facts(incidents, stripped["incidents"], context)
        if incidents is not None
        else None
    )
    sums = None
    migrants = tables.get("smuggled_migrants")
    if facts is not None and migrants is not None:
        frame = stripped["smuggled_migrants"]
        if {"incident_ref", "value"} <= set(frame.columns):
            value = count_value(pl.col("value"), decimal_comma=migrants.decimal_comma)
            sums = (
                frame.filter(pl.col("incident_ref").is_not_null())
                .group_by("incident_ref")
                .agg(profile_sum=value.sum())
            )
    return replace(context, incidents=facts, profile_sums=sums)


def _incident_facts(
    table: ConformedTable, frame: pl.DataFrame, context: ValidationContext
) -> pl.DataFrame | None:
    """One row per incident_ref: route_first, route_last (ISO3) and migrants_total, from the
    stripped ``frame`` of the incidents ``table``."""
    if "incident_ref" not in frame.columns:
        return None
    frame = frame.filter(pl.col("incident_ref").is_not_null()).unique(
        "incident_ref", keep="first", maintain_order=True
    )
    for missing in {"route", "migrants_total"} - set(frame.columns):
        frame = frame.with_columns(pl.lit(None, pl.String).alias(missing))
    ends = context.countries.routes(frame.get_column("route")).select(
        "value",
        route_first=pl.col("iso3").list.first(),
        route_last=pl.col("iso3").list.last(),
    )
    total = count_value(pl.col("migrants_total"), decimal_comma=table.decimal_comma)
    return frame.join(
        ends, left_on="route", right_on="value", how="left", maintain_order="left"
    ).select("incident_ref", "route_first", "route_last", migrants_total=total)


def _validate_table(
    table: ConformedTable, checked: pl.DataFrame, context: ValidationContext
) -> list[Issue]:
    """``checked``: the table's frame, stripped (what the contract sees)."""
    rows = table.frame.get_column(SOURCE_ROW)

    def locate(index: int | None, _: str | None) -> int | None:
        return table.header_row if index is None else rows[index]

    table_context = replace(context, decimal_comma=table.decimal_comma)
    with using(table_context):
        return _run_contract(table.name, checked, table.frame, table_context, locate)


def _run_contract(
    table: str,
    checked: pl.DataFrame,
    raw: pl.DataFrame,
    context: ValidationContext,
    locate,
) -> list[Issue]:
    contract = schema(table)
    if _all_checks_hold(contract, checked):
        return []
    try:
        contract.validate(checked, lazy=True)
    except pa.errors.SchemaErrors as err:
        return _issues_from_failures(table, err.failure_cases, contract, raw, context, locate)
    return []


def _all_checks_hold(contract: pa.DataFrameSchema, frame: pl.DataFrame) -> bool:
    """Decide in one query whether every check of the contract holds on every row.

    pandera runs each check as its own small query (several per check); on a typical package
    that is hundreds of queries. Most packages pass, so the same check functions are first
    evaluated together; only a table with a failure goes through pandera, whose report the
    issues come from. (tests/integration/test_rules.py holds the two paths to the same verdicts.)
    """
    present = set(frame.columns)
    if any(t != pl.String for c, t in frame.schema.items() if c != SOURCE_ROW):
        return False
    lazy = frame.lazy()
    verdicts: list[pl.LazyFrame] = []
    for name, column in contract.columns.items():
        if name not in present:
            if column.required:
                return False
            continue
        if not column.nullable:
            verdicts.append(lazy.select(pl.col(name).is_not_null().all().alias(f"{name}:null")))
        for number, check in enumerate(column.checks):
            out = check._check_fn(PolarsData(lazy, name))
            verdicts.append(out.select(pl.all().fill_null(False).all().alias(f"{name}:{number}")))
    if not verdicts:
        return True
    row = pl.concat(verdicts, how="horizontal").collect().row(0)
    return all(v is not False for v in row)


def _issues_from_failures(
    table: str,
    failures: pl.DataFrame,
    contract: pa.DataFrameSchema,
    raw: pl.DataFrame,
    context: ValidationContext,
    locate,
) -> list[Issue]:
    issues: list[Issue] = []
    groups = failures.group_by("column", "check", "check_number", maintain_order=True)
    for (column, check_name, check_number), group in groups:
        if check_name == "column_in_dataframe":
            for missing in group.get_column("failure_case").to_list():
                issues.append(
                    Issue(
                        "missing_required_column",
                        table=table,
                        row=locate(None, missing),
                        column=missing,
                        params={"expected": _expected(contract.columns[missing], context)},
                    )
                )
            continue
        col_schema = contract.columns.get(column)
        if col_schema is None:
            raise RuntimeError(f"{table}: unexpected failure {check_name} on {column}")
        rule, check = _rule_for(col_schema, check_name, check_number)
        indices = group.get_column("index").drop_nulls().unique(maintain_order=True)
        shown = indices.head(MAX_ISSUES_PER_CHECK).to_list()
        for index in shown:
            value = raw.get_column(column)[index] if column in raw.columns else None
            issues.append(
                Issue(
                    rule,
                    table=table,
                    row=locate(index, column),
                    column=column,
                    value=_shown(value),
                    params=_params(rule, check, col_schema, value, index, raw, context),
                )
            )
        if indices.len() > len(shown):
            issues.append(
                Issue(
                    "more_of_the_same",
                    table=table,
                    column=column,
                    params={"detail": str(indices.len() - len(shown)), "expected": rule},
                )
            )
    return issues


def _shown(value: str | None, limit: int = 200) -> str | None:
    if value is None or len(value) <= limit:
        return value
    return value[:limit] + "…"


# Check method name -> (rule when the column is required, rule when it is optional).
_CHECK_RULES: dict[str, tuple[str, str]] = {
    "not_nullable": ("required_value_missing", "required_value_missing"),
    "codelist": ("unknown_code", "unmapped_code"),
    "country": ("unknown_country", "unmapped_country"),
    "route_length": ("route_too_short", "route_too_short"),
    "route_countries": ("route_unknown_country", "route_unknown_country"),
    "count": ("invalid_count", "invalid_count"),
    "amount": ("invalid_amount", "invalid_amount"),
    "currency": ("unknown_currency", "unknown_currency"),
    "date": ("invalid_date", "invalid_date"),
    "date_from_1900": ("date_before_1900", "date_before_1900"),
    "age_group_single_value": ("age_group_single_value", "age_group_single_value"),
    "age_group_parsed": ("age_group_unparsed", "age_group_unparsed"),
    "age_band_valid": ("invalid_age_band", "invalid_age_band"),
    "max_chars": ("text_too_long", "text_too_long"),
    "unique_values": ("duplicate_incident_ref", "duplicate_incident_ref"),
}


def _rule_for(
    column: Column, check_name: str, check_number: int | None
) -> tuple[str, pa.Check | None]:
    check = column.checks[check_number] if check_number is not None else None
    name = check.name if check is not None else check_name
    if name in _CHECK_RULES:
        required, optional = _CHECK_RULES[name]
        strict = bool(check is not None and check.statistics.get("strict"))
        return (required if not column.nullable or strict else optional), check
    return name, check  # decorator checks are named by their rule code


def _expected(column: Column, context: ValidationContext) -> str:
    """What a column takes, language-neutral (codes and formats)."""
    for check in column.checks:
        if check.name == "codelist":
            codes = context.codelists[check.statistics["name"]]
            return f"{codes.name}: {codes.hint_codes()}"
        if check.name == "country":
            return "ISO 3166 (AFG, AF), M49 (4), name"
        if check.name == "count":
            return "0, 1, 2, …"
        if check.name == "date":
            return context.date_format
        if check.name in ("route_length", "route_countries"):
            return "AFG > IRN > TUR"
    if column.name == "period":
        return PERIOD_FORMS
    if column.name == "template_version":
        return TEMPLATE_VERSIONS[0]
    return column.name


def _params(
    rule: str,
    check: pa.Check | None,
    column: Column,
    value: str | None,
    index: int,
    raw: pl.DataFrame,
    context: ValidationContext,
) -> dict[str, str]:
    stripped = (value or "").strip()
    match rule:
        case "required_value_missing" | "invalid_period" | "unsupported_template_version":
            return {"expected": _expected(column, context)}
        case "unknown_code" | "unmapped_code":
            codes = context.codelists[check.statistics["name"]] if check else None
            return {
                "expected": codes.name if codes else "",
                "detail": codes.hint_codes() if codes else "",
            }
        case "invalid_count":
            return {"detail_key": count_problem(stripped, decimal_comma=context.decimal_comma)}
        case "invalid_date":
            return {"expected": context.date_format}
        case "date_outside_period":
            period = context.period
            return {"expected": f"{period.label} ({period.start} – {period.end})"} if period else {}
        case "date_far_from_period" | "date_before_1900":
            period = context.period
            # Read as the check read it, and shown as polars writes it: a Python date holds
            # no year 0, no negative year and none past 9999.
            day = pl.select(declared_date(pl.lit(stripped)).cast(pl.String)).item()
            where = f"{period.label} ({period.start} – {period.end})" if period else ""
            return {"expected": where, "detail": day}
        case "pseudo_document_issuer":
            is_none = stripped.lower() == NO_COUNTRY
            return {
                "detail_key": "issuer_none_not_pseudo" if is_none else "pseudo_document_with_issuer"
            }
        case "route_unknown_country":
            parsed = context.countries.routes(pl.Series([stripped]))
            unknown = parsed.get_column("unknown").to_list()[0] or []
            return {"detail": ", ".join(unknown)}
        case "text_too_long":
            return {"expected": str(context.max_text_chars), "detail": str(len(stripped))}
        case "invalid_age_band":
            return {"detail_key": "age_band_order"}
        case "duplicate_incident_ref":
            key = raw.get_column(column.name).str.strip_chars()
            where = raw.filter(key == stripped).get_column(SOURCE_ROW).head(5).to_list()
            return {"detail": ", ".join(str(r) for r in where)}
        case "profile_sum_mismatch":
            sums = context.profile_sums
            ref = (raw.get_column("incident_ref")[index] or "").strip()
            got = (
                sums.filter(pl.col("incident_ref") == ref)["profile_sum"]
                if sums is not None
                else []
            )
            return {"expected": stripped, "detail": str(got[0]) if len(got) else "?"}
        case "legs_invalid_sequence" | "legs_not_chained" | "legs_route_mismatch":
            ref = raw.get_column("incident_ref")[index] if "incident_ref" in raw.columns else ""
            return {"detail": f"incident_ref {ref}"}
        case "invalid_option":
            return {"expected": ", ".join(DATE_FORMATS)}
    return {}
