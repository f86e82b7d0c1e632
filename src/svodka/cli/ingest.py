"""`svodka ingest`: documents extracted into the event store, reports of one event linked."""
from __future__ import annotations

import typer
from rich.console import Console

from ..dataset.store import DEFAULT_PATH, Store
from ..dataset.writer import ingest
from ..errors import SvodkaError
from ..ingest.common import parse_published
from .app import (
    app,
    extract_options,
    fail,
    say,
    warn,
)
from .progress import ingest_progress


@app.command("ingest")
def ingest_command(
    sources: list[str] = typer.Argument(..., help="Files or folders: text, JSON Lines, HTML, RSS/Atom, WARC."),
    db: str = typer.Option(DEFAULT_PATH, "--db", help="The event store (SQLite file)."),
    workers: int = typer.Option(0, "--workers", help="Extraction worker processes (0: in this process)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Address of a Dask scheduler to extract on."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD of inputs that give none."),
    source: str = typer.Option(None, "--source", help="Outlet name of inputs that give none."),
    quotes: bool = typer.Option(False, "--quotes", help="Also read the quotes of documents that report no event."),
    min_confidence: float = typer.Option(
        None, "--min-confidence",
        help="Store every candidate event at least this confident (0..1), also those the evidence rules set aside.",
    ),
) -> None:
    """Extract the events of news documents into the event store, linking reports of one event."""
    console = Console(stderr=True)
    options = extract_options(min_confidence, quotes=quotes)
    try:
        day = parse_published(published)
        with Store.open(db) as store, ingest_progress(console) as progress:
            summary = ingest(sources, store, published=day, source=source, options=options, workers=workers,
                             scheduler=scheduler, on_error=lambda message: say(f"skipped: {message}"), on_warning=warn,
                             on_progress=progress)
    except SvodkaError as error:
        fail(str(error))
    except KeyboardInterrupt:
        fail("interrupted; the documents stored so far are kept", code=130)
    say(f"{summary.stored} documents stored ({summary.events} events), {summary.known} already stored")
    if summary.stored + summary.known == 0:
        fail("no document could be read")
    if summary.problems:
        fail(f"{summary.problems} input record(s) skipped", code=1)
