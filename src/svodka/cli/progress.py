"""A live progress line for `svodka ingest`: documents, documents/s, events found."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from ..dataset.writer import IngestSummary


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        rate = task.completed / task.elapsed if task.elapsed else 0.0
        return Text(f"{rate:.1f} docs/s")


@contextmanager
def ingest_progress(console: Console) -> Iterator[Callable[[IngestSummary], None]]:
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} documents stored, {task.fields[known]} already known"),
        RateColumn(),
        TextColumn("{task.fields[events]} events"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("ingest", total=None, known=0, events=0)

        def update(summary: IngestSummary) -> None:
            progress.update(task, completed=summary.stored, known=summary.known, events=summary.events)

        yield update
