"""The progress bar on stderr (rich): documents, documents per second, and an ETA from input bytes.

Shown only when stderr is a terminal; otherwise (logs, CI, tests) the run is quiet.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

from marsad.batch.process import Outcome


class Quiet:
    def advance(self, outcome: Outcome) -> None:
        pass


class Bar:
    def __init__(self, progress, total_bytes: int | None):
        self.progress = progress
        self.task = progress.add_task("batch", total=total_bytes, docs=0)
        self.docs = 0

    def advance(self, outcome: Outcome) -> None:
        self.docs += 1
        self.progress.update(self.task, advance=outcome.nbytes, docs=self.docs)


@contextmanager
def progress_bar(total_bytes: int | None, enabled: bool | None = None):
    if not (sys.stderr.isatty() if enabled is None else enabled):
        yield Quiet()
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.fields[docs]:,} docs"),
        BarColumn(),
        _rate_column(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    ) as progress:
        yield Bar(progress, total_bytes)


def _rate_column():
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task):
            elapsed = task.elapsed or 0
            return Text(f"{task.fields.get('docs', 0) / elapsed if elapsed else 0:,.1f} docs/s")

    return RateColumn()
