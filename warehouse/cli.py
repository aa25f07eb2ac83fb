"""The ``vrs`` command."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from warehouse.settings import Settings

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


@app.command()
def refresh(home: HomeOption = None, quiet: bool = False) -> None:
    """Process everything waiting in the inbox, in arrival order."""
    from warehouse.refresh import refresh_inbox

    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, stream=sys.stderr)
    settings = _settings(home)
    outcomes = refresh_inbox(settings)
    tally: dict[str, int] = {}
    for o in outcomes:
        tally[o.status] = tally.get(o.status, 0) + 1
        if not quiet:
            typer.echo(
                f"{o.status:9} {o.submission_id} {o.file} "
                f"({o.errors} errors, {o.warnings} warnings, {o.rows} rows)"
            )
    summary = ", ".join(f"{n} {s}" for s, n in sorted(tally.items())) or "inbox empty"
    typer.echo(f"refresh: {summary}; warehouse {settings.warehouse_db}")


@app.command()
def demo(
    samples: Annotated[Path, typer.Option(help="Folder of sample packages.")] = Path(
        "samples/demo"
    ),
    home: HomeOption = None,
) -> None:
    """The whole pipeline on the bundled sample set: submit every package, refresh, show."""
    from ingest.inbox import submit as put
    from warehouse.raw_layer import RAW, connect
    from warehouse.refresh import refresh_inbox

    settings = _settings(home)
    files = sorted(p for p in samples.iterdir() if p.is_file() and p.name != "MANIFEST.json")
    for path in files:  # names sort in the order the states sent them
        put(path, settings.inbox)
    outcomes = refresh_inbox(settings)
    tally: dict[str, int] = {}
    for o in outcomes:
        tally[o.status] = tally.get(o.status, 0) + 1
    typer.echo(
        f"submitted {len(files)} packages: " + ", ".join(f"{n} {s}" for s, n in tally.items())
    )
    con = connect(settings.warehouse_db, read_only=True)
    query = (
        f"select reporting_state, count(*) filter (status = 'accepted') as accepted, "
        f"count(*) filter (status = 'rejected') as rejected, "
        f"(select count(*) from {RAW}.incidents i join {RAW}.current_submissions c "
        f"using (submission_id) where c.reporting_state = s.reporting_state) as incidents "
        f"from {RAW}.submissions s where reporting_state is not null "
        f"group by all order by incidents desc limit 5"
    )
    typer.echo(f"warehouse: {settings.warehouse_db}")
    typer.echo(f"reports:   {settings.reports}/<submission id>/report.json|.xlsx")
    typer.echo(f"archive:   {settings.archive}")
    typer.echo("example query (states with most current incidents):")
    typer.echo(f"  {query}")
    for row in con.execute(query).fetchall():
        typer.echo("  " + " | ".join(str(v) for v in row))
    con.close()


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


if __name__ == "__main__":
    app()
