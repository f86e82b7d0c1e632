"""The `svodka` command."""
from __future__ import annotations

import json
import sys
from enum import Enum

import typer
from rich.console import Console

from .errors import SvodkaError
from .ingest import parse_published, read_documents
from .output import document_json, render_table
from .pipeline import extract

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Russian news to a verifiable, geocoded event dataset.")
PIPE_WIDTH = 200  # a table written to a file or pipe is not wrapped to 80 columns


def say(message: str) -> None:
    print(f"svodka: {message}", file=sys.stderr, flush=True)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def fail(message: str, code: int = 2) -> None:
    say(f"error: {message}")
    raise typer.Exit(code)


@app.callback()
def main() -> None:
    """svodka: Russian news to ACLED-style events, every value with its evidence."""


@app.command("extract")
def extract_command(
    path: str = typer.Argument(..., help="A text file, a JSON Lines file of documents, or - for JSON Lines on stdin."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD of a plain-text input."),
    source: str = typer.Option(None, "--source", help="Outlet name of a plain-text input."),
    url: str = typer.Option(None, "--url", help="URL of a plain-text input."),
    output_format: OutputFormat = typer.Option(None, "--format", help="json, jsonl or table (default: table on a terminal, else json)."),
) -> None:
    """Find the events in Russian news texts."""
    skipped = []

    def report(message: str) -> None:
        skipped.append(message)
        say(f"skipped: {message}")

    fmt = output_format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.json)
    try:
        day = parse_published(published)
        documents = read_documents(path, published=day, source=source, url=url, on_error=report)
        done = []
        for doc in documents:
            extract(doc)
            if fmt is OutputFormat.jsonl:
                print(json.dumps(document_json(doc), ensure_ascii=False), flush=True)
            else:
                done.append(doc)
    except SvodkaError as error:
        fail(str(error))
    if fmt is OutputFormat.json:
        payload = [document_json(d) for d in done]
        print(json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2))
    elif fmt is OutputFormat.table:
        render_table(done, Console(width=None if sys.stdout.isatty() else PIPE_WIDTH))
    if skipped:
        fail(f"{len(skipped)} input record(s) skipped", code=1)


if __name__ == "__main__":
    app()
