"""`svodka serve`: the read-only web map and API over a store."""
from __future__ import annotations

import typer

from ..dataset.store import DEFAULT_PATH
from ..errors import SvodkaError
from .app import (
    app,
    fail,
)
from .options import Db


@app.command("serve")
def serve_command(
    db: Db = DEFAULT_PATH,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    allow_host: list[str] = typer.Option(
        [], "--allow-host",
        help="A Host name to answer besides localhost and 127.0.0.1 (may be repeated; '*.example.org' or '*'): "
             "needed behind a proxy or on a public address.",
    ),
) -> None:
    """Serve the store read-only: a web map, timeline and evidence view, and a JSON API (docs at /docs)."""
    from ..serve.app import serve  # the web stack loads for this command only

    try:
        serve(db, host=host, port=port, allow_hosts=allow_host)
    except SvodkaError as error:
        fail(str(error))
