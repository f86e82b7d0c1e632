"""`svodka export`: the stored events as ACLED CSV, GeoJSON, JSON Lines or Parquet, or what changed since a revision."""
from __future__ import annotations

import signal
import sys
from enum import Enum

import typer

from ..dataset.store import DEFAULT_PATH, Store
from ..errors import SvodkaError
from ..export.formats import WRITERS, export
from .app import (
    app,
    fail,
    parse_bound,
    say,
)
from .options import Db, Output

ExportFormat = Enum("ExportFormat", {name: name for name in WRITERS}, type=str)  # the choices are the writers


@app.command("export")
def export_command(
    fmt: ExportFormat = typer.Option(..., "--format", help="acled (CSV), geojson, jsonl or parquet."),
    output: Output = ...,
    db: Db = DEFAULT_PATH,
    changes_since: str = typer.Option(
        None, "--changes-since",
        help="Only the events added, changed or removed after this store revision (a number) or since this day "
             "(YYYY-MM-DD), each with its change; acled or jsonl.",
    ),
) -> None:
    """Write the stored events that happened as ACLED CSV, GeoJSON, JSON Lines or Parquet."""
    # a plain `kill` ends the export through its cleanup: no temporary file is left behind
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    try:
        if changes_since is not None and not changes_since.isdigit():
            parse_bound(changes_since)
        with Store.open(db, readonly=True) as store:
            if changes_since is not None:
                from ..export.changes import write_changes

                counts = write_changes(store, fmt.value, output, changes_since)
                say(f"{counts['added']} added, {counts['changed']} changed, {counts['removed']} removed: written to {output}")
                return
            written = export(store, fmt.value, output)
    except SvodkaError as error:
        fail(str(error))
    say(f"{written} events written to {output}")
