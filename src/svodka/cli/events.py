"""`svodka events`: the stored events, filtered, as a table or JSON."""
from __future__ import annotations

import sys

import typer
from rich.console import Console

from ..dataset.store import DEFAULT_PATH, Store
from ..errors import SvodkaError
from .app import (
    MAX_EVENTS_SHOWN,
    PIPE_WIDTH,
    app,
    fail,
    parse_bound,
)
from .options import Db
from .tables import render_events


@app.command("events")
def events_command(
    db: Db = DEFAULT_PATH,
    country: str = typer.Option(None, "--country", help="ISO 3166-1 alpha-2 code, e.g. KZ."),
    event_type: str = typer.Option(None, "--type", help="ACLED event type, e.g. Protests."),
    since: str = typer.Option(None, "--since", help="First day YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Last day YYYY-MM-DD."),
    text: str = typer.Option(None, "--q", help="Full-text search over the documents' text."),
    limit: int = typer.Option(50, "--limit", min=1, max=MAX_EVENTS_SHOWN, help="How many events to show."),
) -> None:
    """List the stored events, each linked across the outlets that reported it."""
    try:
        for day in filter(None, (since, until)):
            parse_bound(day)
        with Store.open(db, readonly=True) as store:
            found = store.query_events(country=country and country.upper(), event_type=event_type,
                                       since=since, until=until, text=text, limit=limit)
    except SvodkaError as error:
        fail(str(error))
    render_events(found, Console(width=None if sys.stdout.isatty() else PIPE_WIDTH))
