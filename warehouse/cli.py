"""The ``vrs`` command."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from warehouse.settings import REPO_ROOT, Settings


class Engine(StrEnum):
    """How a job runs: through the real Airflow DAGs (dag.test()) or the library directly."""

    airflow = "airflow"
    library = "library"


if TYPE_CHECKING:  # the pipeline imports pandera and polars: only load them when needed
    from warehouse.pipeline import RefreshResult

REPO_SAMPLES = REPO_ROOT / "samples" / "demo"

app = typer.Typer(
    help="vrs: voluntary reporting warehouse on migrant smuggling.",
    no_args_is_help=True,
    add_completion=False,
)

HomeOption = Annotated[
    Path | None,
    typer.Option("--home", help="VRS_HOME (default: $VRS_HOME, else var/ in the repository)."),
]


def _settings(home: Path | None) -> Settings:
    return Settings.from_env(home)


@app.command()
def validate(
    path: Annotated[Path, typer.Argument(help="A package: .xlsx, .zip (CSV bundle) or .json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    language: Annotated[
        str | None, typer.Option(help="Report language (en, fr, es); default: the package's.")
    ] = None,
    workbook: Annotated[
        Path | None, typer.Option(help="Also write the annotated workbook / listing here.")
    ] = None,
    home: HomeOption = None,
) -> None:
    """Dry run: check a package and print its report. Writes nothing (exit 0 accepted, 1 not)."""
    from contracts.issues import as_language
    from contracts.validate import validate_package
    from ingest.archive import sha256_of
    from ingest.reports import location, report_dict, submission_summary, write_workbook

    if not path.is_file():
        typer.echo(f"no such file: {path}", err=True)
        raise typer.Exit(2)
    settings = _settings(home)
    result = validate_package(path, settings.limits)
    lang = as_language(language) if language else result.language
    sha = sha256_of(path)
    summary = submission_summary(result) | {"id": sha[:16], "sha256": sha, "file": path.name}
    report = report_dict(result, submission=summary, language=lang)
    if workbook is not None:
        write_workbook(result, workbook, lang)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        verdict = "ACCEPTED" if result.accepted else "REJECTED"
        s = report["submission"]
        typer.echo(f"{path.name}: {verdict} ({s['errors']} errors, {s['warnings']} warnings)")
        for issue in result.issues:
            typer.echo(
                f"  {issue.severity:7} {issue.rule:28} {location(result, issue)}: "
                f"{issue.message(lang)}"
            )
            typer.echo(f"  {'':7} {'':28} → {issue.hint(lang)}")
    raise typer.Exit(0 if result.accepted else 1)


@app.command()
def submit(
    paths: Annotated[list[Path], typer.Argument(help="One or more packages.")],
    home: HomeOption = None,
) -> None:
    """Put packages into the inbox ($VRS_HOME/inbox) for the next refresh."""
    from ingest.inbox import submit as put

    settings = _settings(home)
    for path in paths:
        if not path.is_file():
            typer.echo(f"no such file: {path}", err=True)
            raise typer.Exit(2)
        typer.echo(f"{path} -> {put(path, settings.inbox)}")


def _report_refresh(result: RefreshResult, settings: Settings, *, quiet: bool = False) -> None:
    tally: dict[str, int] = {}
    for o in result.outcomes:
        tally[o.status] = tally.get(o.status, 0) + 1
        if not quiet:
            typer.echo(
                f"{o.status:9} {o.submission_id} {o.file} "
                f"({o.errors} errors, {o.warnings} warnings, {o.rows} rows)"
            )
    summary = ", ".join(f"{n} {s}" for s, n in sorted(tally.items())) or "inbox empty"
    typer.echo(f"refresh: {summary}")
    if result.snapshot is not None and result.build is not None:
        typer.echo(
            f"published snapshot {result.snapshot.build_id} "
            f"(dbt build {result.build.seconds:.1f} s): {settings.current_db}"
        )
    elif result.skipped_reason:
        typer.echo(f"nothing to publish: {result.skipped_reason}")


@app.command()
def refresh(
    home: HomeOption = None,
    quiet: bool = False,
    build: Annotated[
        bool, typer.Option(help="Build and publish the marts after ingesting.")
    ] = True,
    force: Annotated[bool, typer.Option(help="Rebuild even when nothing changed.")] = False,
    engine: Annotated[
        Engine,
        typer.Option(help="airflow: run the DAGs in-process (dag.test); library: call directly."),
    ] = Engine.airflow,
) -> None:
    """Ingest everything waiting in the inbox (arrival order), then dbt build, check, publish."""
    from warehouse.pipeline import BuildFailed, QualityGateFailed, RefreshResult, build_and_publish
    from warehouse.refresh import refresh_inbox

    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, stream=sys.stderr)
    settings = _settings(home)
    if engine == "airflow":
        _refresh_through_airflow(settings, build=build, force=force, quiet=quiet)
        return
    result = RefreshResult(outcomes=refresh_inbox(settings))
    if build:
        try:
            built = build_and_publish(settings, force=force)
        except (BuildFailed, QualityGateFailed) as failure:
            _report_refresh(result, settings, quiet=quiet)
            typer.echo(str(failure), err=True)
            raise typer.Exit(1) from None
        result.build, result.snapshot = built.build, built.snapshot
        result.skipped_reason = built.skipped_reason
    _report_refresh(result, settings, quiet=quiet)


def _refresh_through_airflow(settings: Settings, *, build: bool, force: bool, quiet: bool) -> None:
    """vrs_ingest, then vrs_build, each a real DAG run with dag.test() (Airflow's SQLite
    metadata in $VRS_HOME/airflow): what the scheduler would run, in this process."""
    from warehouse.orchestration import run_dag

    ingest = run_dag(settings, "vrs_ingest", quiet=quiet)
    processed = [
        t for t in ingest.tasks if t["task_id"] == "process_package" and t["map_index"] >= 0
    ]
    for t in processed:
        if not quiet:
            typer.echo(f"  {t['label']}")
    typer.echo(f"vrs_ingest: {ingest.state} ({len(processed)} packages, {ingest.seconds:.1f} s)")
    if not ingest.ok:
        raise typer.Exit(1)
    if build:
        dag_run = run_dag(settings, "vrs_build", {"force": force}, quiet=quiet)
        states = {t["task_id"]: t["state"] for t in dag_run.tasks}
        typer.echo(f"vrs_build: {dag_run.state} ({dag_run.seconds:.1f} s) {states}")
        if not dag_run.ok:
            typer.echo("nothing was published; the previous snapshot stays current", err=True)
            raise typer.Exit(1)
        if states.get("publish") == "success":
            typer.echo(f"published: {settings.current_db}")
        else:
            typer.echo("nothing to publish: the current snapshot is up to date")


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="A read-only SQL query on the published marts.")],
    output: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    home: HomeOption = None,
) -> None:
    """Run a query on the current published snapshot (read-only) and print the answer."""
    from warehouse.query import format_rows, run_query

    settings = _settings(home)
    if not settings.current_db.exists():
        typer.echo("nothing is published yet: run `vrs refresh`", err=True)
        raise typer.Exit(2)
    columns, rows = run_query(settings, sql)
    typer.echo(format_rows(columns, rows, output))


@app.command()
def demo(
    samples: Annotated[Path, typer.Option(help="Folder of sample packages.")] = REPO_SAMPLES,
    home: HomeOption = None,
) -> None:
    """The whole pipeline on the bundled sample set: submit, ingest, build, publish, query."""
    from ingest.inbox import submit as put
    from warehouse.query import DEMO_QUERY, format_rows, run_query

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    settings = _settings(home)
    manifest = json.loads((samples / "MANIFEST.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:  # in the order, and at the time, the states sent them
        sent = datetime.fromtimestamp(entry["mtime"], UTC)
        put(samples / entry["file"], settings.inbox, received_at=sent)
    typer.echo(f"submitted {len(manifest['files'])} sample packages to {settings.inbox}")
    _refresh_through_airflow(settings, build=True, force=False, quiet=True)
    from warehouse.orchestration import run_dag

    today = datetime.now(UTC).date().isoformat()
    coverage_run = run_dag(settings, "vrs_coverage", {"as_of": today})
    typer.echo(f"vrs_coverage: {coverage_run.state} ({coverage_run.seconds:.1f} s)")
    typer.echo(f"reports:  {settings.reports}/<submission id>/report.json and report.xlsx")
    typer.echo(f"marts:    {settings.current_db} (schema marts)")
    typer.echo(f"parquet:  {settings.current_dir}/<mart>.parquet")
    typer.echo(f"docs:     {settings.current_dir}/docs/index.html")
    typer.echo(f"quality:  {settings.current_dir}/quality/quality-report.md and data_docs/")
    typer.echo(f"coverage: {settings.reports}/coverage/{today}.md")
    typer.echo(f"shares:   {settings.shares}/<ISO3>/ (each state's reciprocity data share)")
    typer.echo("portal:   .venv/bin/vrs users add ...; .venv/bin/vrs serve (see the README)")
    typer.echo("example: the largest routes by migrants in the latest year")
    typer.echo(DEMO_QUERY)
    columns, rows = run_query(settings, DEMO_QUERY)
    typer.echo(format_rows(columns, rows, "table"))


@app.command()
def coverage(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Day to assess (YYYY-MM-DD); default today.")
    ] = None,
    engine: Annotated[
        Engine, typer.Option(help="airflow (the vrs_coverage DAG) or library.")
    ] = Engine.airflow,
    home: HomeOption = None,
) -> None:
    """Expected versus received reports: writes the timeliness table and the coverage report."""
    from datetime import date

    settings = _settings(home)
    day = date.fromisoformat(as_of) if as_of else datetime.now(UTC).date()
    if engine == "airflow":
        from warehouse.orchestration import run_dag

        run = run_dag(settings, "vrs_coverage", {"as_of": day.isoformat()})
        typer.echo(f"vrs_coverage: {run.state} ({run.seconds:.1f} s)")
        if not run.ok:
            raise typer.Exit(1)
    else:
        from warehouse.tasks import assess_coverage

        typer.echo(json.dumps(assess_coverage(day), indent=2, default=str))
    typer.echo(f"report: {settings.reports / 'coverage' / f'{day.isoformat()}.md'}")


@app.command()
def airflow(
    port: Annotated[int, typer.Option(help="Port of the UI and API on localhost.")] = 8080,
    home: HomeOption = None,
) -> None:
    """Start Airflow (standalone: UI, scheduler, DAG processor, triggerer) with vrs's DAGs."""
    import os

    from warehouse.orchestration import login, standalone_command

    settings = _settings(home)
    command, env = standalone_command(settings, port=port)
    user, password = login(settings)
    typer.echo(f"Airflow UI: http://localhost:{port}  login: {user} / {password}")
    typer.echo(f"metadata: {settings.airflow_home / 'airflow.db'} (SQLite); Ctrl-C stops it")
    sys.stdout.flush()
    os.execvpe(command[0], command, env)


@app.command()
def reprocess(
    submission_id: Annotated[str, typer.Argument(help="The id of a rejected package.")],
    home: HomeOption = None,
) -> None:
    """Put a rejected package back into the inbox (its earlier verdict is kept as history)."""
    from warehouse.refresh import requeue_rejected

    settings = _settings(home)
    try:
        path = requeue_rejected(settings, submission_id)
    except (LookupError, ValueError) as problem:
        typer.echo(str(problem), err=True)
        raise typer.Exit(2) from None
    typer.echo(f"{submission_id} is waiting again: {path}; run `vrs refresh`")


@app.command()
def status(home: HomeOption = None, limit: int = 20) -> None:
    """The latest packages received, with their status."""
    from warehouse.raw_layer import RAW, connect

    settings = _settings(home)
    if not settings.warehouse_db.exists():
        typer.echo("no warehouse yet: run `vrs refresh`")
        raise typer.Exit(0)
    con = connect(settings.warehouse_db, read_only=True)
    rows = con.execute(
        f"select submission_id, status, reporting_state, period, reporting_agency, action, "
        f"version, error_count, warning_count, original_name from {RAW}.submissions "
        f"order by received_at desc, submission_id limit ?",
        [limit],
    ).fetchall()
    for row in rows:
        typer.echo(" | ".join("" if v is None else str(v) for v in row))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    home: HomeOption = None,
) -> None:
    """Start the submission portal (pages and the JSON API under /api/v1)."""
    import uvicorn

    from portal.app import create_app

    settings = _settings(home)
    typer.echo(f"portal: http://{host}:{port}/  API spec: http://{host}:{port}/api/v1/openapi.json")
    typer.echo(
        "accounts: `vrs users add`; behind a TLS proxy in production (cookies are Secure then)"
    )
    sys.stdout.flush()
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False)


users = typer.Typer(help="Portal accounts: per-state submitters and analysts, the secretariat.")
app.add_typer(users, name="users")


@users.command("add")
def users_add(
    username: Annotated[str, typer.Argument(help="Letters, digits, '.', '-', '_'.")],
    role: Annotated[str, typer.Option(help="submitter, analyst or secretariat.")],
    state: Annotated[
        str | None, typer.Option(help="The user's state (ISO3); not for the secretariat.")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    home: HomeOption = None,
) -> None:
    """Create an account. Without --password-stdin a random password is generated and printed
    once: there are no default passwords."""
    import secrets

    import polars as pl

    from contracts.countries import load_countries
    from portal.accounts import AccountError, Role, add_user

    try:
        chosen = Role(role)
    except ValueError:
        typer.echo(f"unknown role {role!r}: submitter, analyst or secretariat", err=True)
        raise typer.Exit(2) from None
    iso3 = None
    if state is not None:
        iso3 = load_countries().resolve(pl.Series([state])).item()
        if iso3 is None or iso3 in {"XXA", "XXX"}:
            typer.echo(f"unknown state {state!r}: give an ISO 3166 code or name", err=True)
            raise typer.Exit(2)
    generated = not password_stdin
    password = secrets.token_urlsafe(18) if generated else sys.stdin.readline().rstrip("\n")
    try:
        user = add_user(_settings(home), username, chosen, iso3, password)
    except AccountError as problem:
        typer.echo(str(problem), err=True)
        raise typer.Exit(2) from None
    typer.echo(f"created {user.username} ({user.role}{', ' + user.state if user.state else ''})")
    if generated:
        typer.echo(f"password (shown once): {password}")


@users.command("token")
def users_token(
    username: str,
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
    home: HomeOption = None,
) -> None:
    """Issue an API token (bearer) for a user; printed once, stored hashed."""
    from portal.accounts import AccountError, create_token

    try:
        token = create_token(_settings(home), username, label)
    except AccountError as problem:
        typer.echo(str(problem), err=True)
        raise typer.Exit(2) from None
    typer.echo(token)


@users.command("list")
def users_list(home: HomeOption = None) -> None:
    """Every account, its role, state and whether it is disabled."""
    from portal.accounts import list_users

    for user, disabled in list_users(_settings(home)):
        flag = " (disabled)" if disabled else ""
        typer.echo(f"{user.username}\t{user.role}\t{user.state or 'all states'}{flag}")


@users.command("disable")
def users_disable(username: str, home: HomeOption = None) -> None:
    """Disable an account: its sessions end and its tokens are revoked."""
    from portal.accounts import AccountError, set_disabled

    try:
        set_disabled(_settings(home), username)
    except AccountError as problem:
        typer.echo(str(problem), err=True)
        raise typer.Exit(2) from None
    typer.echo(f"disabled {username}")


@app.command("audit")
def audit_log(
    limit: Annotated[int, typer.Option(help="How many of the newest events.")] = 50,
    action: Annotated[str | None, typer.Option(help="Only this action (login, upload…).")] = None,
    home: HomeOption = None,
) -> None:
    """The portal's audit trail (append-only): logins, uploads, downloads, refusals."""
    from portal.audit import events

    for e in events(_settings(home), limit=limit, action=action):
        detail = json.dumps(e.detail, ensure_ascii=False) if e.detail else ""
        typer.echo(
            f"{e.seq}\t{e.at[:19]}\t{e.actor or '-'}\t{e.actor_state or '-'}\t{e.action}\t"
            f"{e.outcome}\t{e.target or ''}\t{e.client or ''}\t{detail}"
        )


if __name__ == "__main__":
    app()
