"""The options several commands take, each declared once (typer's Annotated form) with one help text:
a command names the alias as its parameter's type, `db: Db = DEFAULT_PATH`."""
from __future__ import annotations

from typing import Annotated

import typer

Db = Annotated[str, typer.Option("--db", help="The event store (SQLite file).")]
Workers = Annotated[int, typer.Option("--workers", help="Worker processes (0: in this process).")]
Scheduler = Annotated[str, typer.Option("--scheduler", help="Address of a Dask scheduler to run on instead.")]
Published = Annotated[str, typer.Option("--published", help="Publication date YYYY-MM-DD of inputs that give none (a plain-text file).")]
Source = Annotated[str, typer.Option("--source", help="Outlet name of inputs that give none (a plain-text file).")]
Quotes = Annotated[bool, typer.Option("--quotes", help="Also read the quotes of documents that report no event (slower on a news stream).")]
MinConfidence = Annotated[float, typer.Option(
    "--min-confidence",
    help="Keep every candidate event at least this confident (0..1), also those the evidence rules set aside "
         "(a weak word told alone); default: the events the rules accept.",
)]
Output = Annotated[str, typer.Option("-o", "--output", help="The file to write.")]
