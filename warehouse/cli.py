"""The ``vrs`` command."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from warehouse.settings import REPO_ROOT, Settings


class Engine(StrEnum):
    """How a job runs: through the real Airflow DAGs (dag.test()) or the library directly."""

    airflow = "airflow"
    library = "library"


if TYPE_CHECKING:  # the pipeline imports pandera and polars: only load them when needed
    from warehouse.pipeline import RefreshResult
    from warehouse.progress import Progress
    from warehouse.refresh import Outcome

REPO_SAMPLES = REPO_ROOT / "samples" / "demo"
EXIT_IN_USE = 75  # sysexits' EX_TEMPFAIL: try again later


class _App(typer.Typer):
    """The ``vrs`` application: a warehouse locked by another process is one line and exit 75
    in every command, not a traceback."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except Exception as problem:
            # imported here: the commands that never open the warehouse need not load DuckDB
            from warehouse.raw_layer import WarehouseInUse

            if not isinstance(problem, WarehouseInUse):
                raise
            typer.echo(str(problem), err=True)
            sys.exit(EXIT_IN_USE)


app = _App(
    help="vrs: voluntary reporting warehouse on migrant smuggling.",
    no_args_is_help=True,
    add_completion=False,
)

HomeOption = Annotated[
    Path | None,
    typer.Option("--home", help="VRS_HOME (default: $VRS_HOME, else var/ in the repository)."),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="The detailed logs (Airflow's and ours).")
]


def _settings(home: Path | None) -> Settings:
    return Settings.from_env(home)


@app.command()
def validate(
    path: Annotated[
        Path, typer.Argument(help="A package: .xlsx, .ods, .xls, .zip (CSV bundle) or .json.")
    ],
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


def _configure_logging(verbose: bool) -> None:
    """Our logs from warnings up (all is well: none), or everything with --verbose (Airflow's
    level follows: run_dag's ``quiet``)."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr)


def _waiting(settings: Settings) -> list[Path]:
    from ingest.inbox import waiting

    return [w.path for w in waiting(settings.inbox)]


def _progress(packages: list[Path], *, verbose: bool) -> Progress:
    """Progress on stderr over the ``packages`` waiting: one live line on a terminal; plain
    lines elsewhere and among the detailed logs of --verbose."""
    from warehouse.progress import Progress

    return Progress(packages, live=False if verbose else None)


def _problems(o: Outcome) -> str:
    """'2 errors, 1 warning, ' — nothing when there are none: a package without problems
    reads without the words."""
    counts = ((o.errors, "error"), (o.warnings, "warning"))
    return "".join(f"{n} {word}{'s' if n > 1 else ''}, " for n, word in counts if n)


def _report_refresh(
    result: RefreshResult, settings: Settings, progress: Progress, *, quiet: bool = False
) -> None:
    tally: dict[str, int] = {}
    for o in result.outcomes:
        tally[o.status] = tally.get(o.status, 0) + 1
        if not quiet:
            progress.echo(f"{o.status:9} {o.submission_id} {o.file} ({_problems(o)}{o.rows} rows)")
    summary = ", ".join(f"{n} {s}" for s, n in sorted(tally.items())) or "inbox empty"
    progress.echo(f"refresh: {summary}")
    if result.snapshot is not None and result.build is not None:
        progress.echo(
            f"published snapshot {result.snapshot.build_id} "
            f"(dbt build {result.build.seconds:.1f} s): {settings.current_db}"
        )
    elif result.skipped_reason:
        progress.echo(f"nothing to publish: {result.skipped_reason}")


@app.command()
def refresh(
    home: HomeOption = None,
    quiet: Annotated[bool, typer.Option(help="The summary only: no line per package.")] = False,
    verbose: VerboseOption = False,
    build: Annotated[
        bool, typer.Option(help="Build and publish the marts after ingesting.")
    ] = True,
    force: Annotated[bool, typer.Option(help="Rebuild even when nothing changed.")] = False,
    engine: Annotated[
        Engine,
        typer.Option(help="airflow: run the DAGs in-process (dag.test); library: call directly."),
    ] = Engine.airflow,
) -> None:
    """Ingest everything waiting in the inbox (arrival order), then dbt build, check, publish.

    On a terminal one line shows the progress (packages done/total, packages/s, the step)."""
    from warehouse.pipeline import BuildFailed, QualityGateFailed, RefreshResult, build_and_publish
    from warehouse.progress import Step
    from warehouse.raw_layer import ensure_free
    from warehouse.refresh import refresh_inbox

    _configure_logging(verbose)
    settings = _settings(home)
    ensure_free(settings.warehouse_db)  # now: inside an Airflow task it would be a failed task
    packages = _waiting(settings)
    with _progress(packages, verbose=verbose) as progress:
        if engine == "airflow":
            _refresh_through_airflow(
                settings,
                progress,
                packages,
                build=build,
                force=force,
                quiet=quiet,
                verbose=verbose,
            )
            return
        progress.step(Step.INGEST)
        result = RefreshResult(outcomes=refresh_inbox(settings))
        if build:
            try:
                built = build_and_publish(settings, force=force, on_step=progress.step)
            except (BuildFailed, QualityGateFailed) as failure:
                _report_refresh(result, settings, progress, quiet=quiet)
                progress.echo(str(failure), err=True)
                raise typer.Exit(1) from None
            result.build, result.snapshot = built.build, built.snapshot
            result.skipped_reason = built.skipped_reason
        _report_refresh(result, settings, progress, quiet=quiet)


def _refresh_through_airflow(
    settings: Settings,
    progress: Progress,
    packages: list[Path],
    *,
    build: bool,
    force: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """vrs_ingest (unless no ``packages`` wait), then vrs_build, each a real DAG run with
    dag.test() (Airflow's SQLite metadata in $VRS_HOME/airflow): what the scheduler would run,
    in this process."""
    from warehouse.orchestration import run_dag
    from warehouse.progress import count

    if not packages:  # a run would only cost Airflow's start-up
        progress.echo("vrs_ingest: not run, nothing waiting (0 packages)")
    else:
        ingest = run_dag(settings, "vrs_ingest", quiet=not verbose, progress=progress)
        processed = [
            t for t in ingest.tasks if t["task_id"] == "process_package" and t["map_index"] >= 0
        ]
        for t in processed:
            if not quiet:
                progress.echo(f"  {t['label']}")
        progress.echo(
            f"vrs_ingest: {ingest.state} ({count(len(processed), 'package')}, "
            f"{ingest.seconds:.1f} s)"
        )
        if not ingest.ok:
            raise typer.Exit(1)
    if build:
        dag_run = run_dag(
            settings, "vrs_build", {"force": force}, quiet=not verbose, progress=progress
        )
        states = {t["task_id"]: t["state"] for t in dag_run.tasks}
        progress.echo(f"vrs_build: {dag_run.state} ({dag_run.seconds:.1f} s) {states}")
        if not dag_run.ok:
            progress.echo("nothing was published; the previous snapshot stays current", err=True)
            raise typer.Exit(1)
        if states.get("publish") == "success":
            progress.echo(f"published: {settings.current_db}")
        else:
            progress.echo("nothing to publish: the current snapshot is up to date")


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
    verbose: VerboseOption = False,
    home: HomeOption = None,
) -> None:
    """The whole pipeline on the bundled sample set: submit, ingest, build, publish, query."""
    from ingest.inbox import submit as put
    from warehouse.orchestration import run_dag
    from warehouse.query import DEMO_QUERY, format_rows, run_query
    from warehouse.raw_layer import ensure_free

    _configure_logging(verbose)
    settings = _settings(home)
    ensure_free(settings.warehouse_db)  # before anything is submitted, and before Airflow
    manifest = json.loads((samples / "MANIFEST.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:  # in the order, and at the time, the states sent them
        sent = datetime.fromtimestamp(entry["mtime"], UTC)
        put(samples / entry["file"], settings.inbox, received_at=sent)
    typer.echo(f"submitted {len(manifest['files'])} sample packages to {settings.inbox}")
    today = datetime.now(UTC).date().isoformat()
    packages = _waiting(settings)
    with _progress(packages, verbose=verbose) as progress:
        _refresh_through_airflow(
            settings, progress, packages, build=True, force=False, quiet=True, verbose=verbose
        )
        coverage_run = run_dag(
            settings, "vrs_coverage", {"as_of": today}, quiet=not verbose, progress=progress
        )
        progress.echo(f"vrs_coverage: {coverage_run.state} ({coverage_run.seconds:.1f} s)")
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
        from warehouse.raw_layer import ensure_free

        ensure_free(settings.warehouse_db)  # now: inside an Airflow task it would be a failed task
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
