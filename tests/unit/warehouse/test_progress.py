"""What a refresh shows while it runs: on a terminal one line redrawn in place, elsewhere a few
plain lines; a package counts as done once it has left the inbox."""

from __future__ import annotations

import io
from pathlib import Path

from warehouse.progress import Progress, Step


def _inbox(tmp_path: Path, n: int) -> list[Path]:
    paths = [tmp_path / f"p{i}.json" for i in range(n)]
    for path in paths:
        path.write_text("{}")
    return paths


def test_on_a_terminal_one_line_is_redrawn_in_place(tmp_path: Path) -> None:
    packages = _inbox(tmp_path, 3)
    err, out = io.StringIO(), io.StringIO()
    with Progress(packages, stream=err, out=out, live=True) as progress:
        progress.step(Step.INGEST)
        packages[0].unlink()  # committed: it left the inbox
        packages[2].unlink()  # committed too; packages[1] failed: it stays
        progress.echo("vrs_ingest: success (3 packages, 1.0 s)")
        progress.step(Step.BUILD)
    assert "\r\x1b[Kingest · 0/3 packages" in err.getvalue()
    assert "\r\x1b[Kingest · 2/3 packages (" in err.getvalue()
    assert "\r\x1b[Kdbt build · 2/3 packages (" in err.getvalue()
    assert "\n" not in err.getvalue()  # never a new line: the line is redrawn
    assert err.getvalue().endswith("\r\x1b[K")  # and gone at the end
    assert out.getvalue() == "vrs_ingest: success (3 packages, 1.0 s)\n"


def test_elsewhere_a_few_plain_lines(tmp_path: Path) -> None:
    packages = _inbox(tmp_path, 2)
    err, out = io.StringIO(), io.StringIO()
    with Progress(packages, stream=err, out=out, live=False) as progress:
        progress.step(Step.INGEST)
        for path in packages:
            path.unlink()
        progress.step(Step.BUILD)
        progress.step(Step.BUILD)  # the same step again
        progress.step(Step.PUBLISH)
    lines = err.getvalue().splitlines()
    assert lines[0] == "ingest: 2 packages waiting"
    assert lines[1].startswith("ingest: 2/2 packages (") and " packages/s) in " in lines[1]
    assert lines[2:] == ["dbt build…", "publish…"]
    assert "\r" not in err.getvalue()


def test_one_package_is_singular(tmp_path: Path) -> None:
    [package] = _inbox(tmp_path, 1)
    err = io.StringIO()
    with Progress([package], stream=err, out=io.StringIO(), live=False) as progress:
        progress.step(Step.INGEST)
        package.unlink()
    lines = err.getvalue().splitlines()
    assert lines[0] == "ingest: 1 package waiting"
    assert lines[1].startswith("ingest: 1/1 package (")
