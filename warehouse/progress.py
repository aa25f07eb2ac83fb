"""What a long job shows while it runs: packages done/total, packages per second, the step.

On a terminal, one line on stderr redrawn in place (twice a second, so the elapsed time moves
during a long dbt build); elsewhere (CI, a log file), a few plain lines: one when a step
starts and, while packages are ingested, one every 30 seconds after the last.

A package is done when it has left the inbox (its transaction committed): the same count
whichever engine runs and in whatever order its tasks run; a package that failed stays.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import TextIO

PLAIN_EVERY = 30.0  # seconds between two ingest lines when not on a terminal
REDRAW_EVERY = 0.5
_CLEAR_LINE = "\r\x1b[K"


def count(n: int, noun: str) -> str:
    """``1 package``, ``0 packages``, ``3 packages``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


class Step(StrEnum):
    INGEST = "ingest"
    BUILD = "dbt build"
    QUALITY = "quality gate"
    PUBLISH = "publish"
    COVERAGE = "coverage"


class Progress:
    """Progress of one job over the ``packages`` waiting when it started. ``echo`` prints a
    line of the job's result without tearing the live line. Use it as a context manager: the
    live line is gone when the job ends."""

    def __init__(
        self,
        packages: Sequence[Path],
        *,
        stream: TextIO | None = None,
        out: TextIO | None = None,
        live: bool | None = None,
    ) -> None:
        self.packages = list(packages)
        self.stream = stream or sys.stderr
        self.out = out or sys.stdout
        self.live = self.stream.isatty() if live is None else live
        self.current: Step | None = None
        self._lock = threading.RLock()
        self._started = time.monotonic()
        self._ingest_started: float | None = None
        self._ingest: tuple[int, float] | None = None  # packages done and seconds, once over
        self._last_plain = 0.0
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def __enter__(self) -> Progress:
        self._ticker = threading.Thread(target=self._tick, name="progress", daemon=True)
        self._ticker.start()
        self._draw()  # "starting" until the first step: Airflow takes a while to start
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def step(self, step: Step) -> None:
        """The job is now at ``step`` (the same step again changes nothing)."""
        with self._lock:
            if step == self.current:
                return
            self._end_ingest()
            self.current = step
            if step == Step.INGEST:
                self._ingest_started = time.monotonic()
                self._ingest = None
                self._plain(f"ingest: {count(len(self.packages), 'package')} waiting")
            else:
                self._plain(f"{step}…")
            self._draw()

    def echo(self, line: str, *, err: bool = False) -> None:
        """A line of the job's result, on stdout (``err``: stderr)."""
        with self._lock:
            self._erase()
            target = self.stream if err else self.out
            target.write(line + "\n")
            target.flush()
            self._draw()

    def close(self) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
            self._ticker = None
        with self._lock:
            self._end_ingest()
            self.current = None
            self._erase()

    def line(self) -> str:
        """The live line: the step, packages done/total and per second, the elapsed time."""
        elapsed = int(time.monotonic() - self._started)
        clock = f"{elapsed // 60}:{elapsed % 60:02d}"
        return " · ".join((str(self.current or "starting"), self._packages(), clock))

    def _done(self) -> int:
        return sum(1 for path in self.packages if not path.exists())

    def _packages(self) -> str:
        if self._ingest is not None:
            done, seconds = self._ingest
        else:
            done = self._done()
            started = self._ingest_started
            seconds = time.monotonic() - started if started is not None else 0.0
        rate = f" ({done / seconds:.2f} packages/s)" if seconds else ""
        return f"{done}/{count(len(self.packages), 'package')}{rate}"

    def _end_ingest(self) -> None:
        if self.current == Step.INGEST and self._ingest_started is not None:
            self._ingest = (self._done(), time.monotonic() - self._ingest_started)
            self._plain(f"ingest: {self._packages()} in {self._ingest[1]:.1f} s")

    def _plain(self, text: str) -> None:
        if not self.live:
            self._last_plain = time.monotonic()
            self.stream.write(text + "\n")
            self.stream.flush()

    def _draw(self) -> None:
        if self.live and not self._stop.is_set():
            width = shutil.get_terminal_size().columns - 1  # a wrapped line cannot be redrawn
            self.stream.write(_CLEAR_LINE + self.line()[:width])
            self.stream.flush()

    def _erase(self) -> None:
        if self.live:
            self.stream.write(_CLEAR_LINE)
            self.stream.flush()

    def _tick(self) -> None:
        while not self._stop.wait(REDRAW_EVERY):
            with self._lock:
                if self.live:
                    self._draw()
                elif (
                    self.current == Step.INGEST
                    and time.monotonic() - self._last_plain >= PLAIN_EVERY
                ):
                    self._plain(f"ingest: {self._packages()}")
