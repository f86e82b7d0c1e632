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
from .options import Db, MinConfidence, Published, Quotes, Scheduler, Source, Workers
from .progress import ingest_progress


@app.command("ingest")
def ingest_command(
    sources: list[str] = typer.Argument(..., help="Files or folders: text, JSON Lines, HTML, RSS/Atom, WARC."),
    db: Db = DEFAULT_PATH,
    workers: Workers = 0,
    scheduler: Scheduler = None,
    published: Published = None,
    source: Source = None,
    quotes: Quotes = False,
    min_confidence: MinConfidence = None,
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
