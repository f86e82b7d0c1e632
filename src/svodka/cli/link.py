"""`svodka link`: the Parquet parts of a run linked into events, on one process or Dask."""
from __future__ import annotations

import json

import typer

from ..errors import SvodkaError
from .app import (
    app,
    fail,
    say,
)
from .options import Output, Scheduler, Workers


@app.command("link")
def link_command(
    parts: str = typer.Argument(..., help="A folder (or URI) of scale.write_parquet_partitions' part-*.parquet files."),
    output: Output = ...,
    workers: Workers = 0,
    scheduler: Scheduler = None,
) -> None:
    """Link the events of partitioned Parquet into the store's linked events, on Dask."""
    from ..dataset.parquet_link import link_parquet

    try:
        linked = link_parquet(parts, workers=workers, scheduler=scheduler)
    except SvodkaError as error:
        fail(str(error))
    with open(output, "w", encoding="utf-8") as stream:
        for event in linked:
            stream.write(json.dumps(event, ensure_ascii=False) + "\n")
    say(f"{len(linked)} linked events written to {output}")
