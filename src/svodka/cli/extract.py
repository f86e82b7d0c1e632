"""`svodka extract`: the events of Russian news texts, as CONTRACT.md's JSON or a table."""
from __future__ import annotations

import sys
from enum import Enum

import typer
from rich.console import Console

from ..errors import SvodkaError
from ..ingest.common import parse_published
from ..ingest.readers import read_documents
from ..pipeline import extract_all
from ..records import document_json_chunks
from .app import (
    PIPE_WIDTH,
    app,
    extract_options,
    fail,
    say,
    warn,
)
from .options import MinConfidence, Published, Quotes, Source
from .tables import render_documents


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


@app.command("extract")
def extract_command(
    path: str = typer.Argument(..., help="A text file, a JSON Lines file of documents, or - for JSON Lines on stdin."),
    published: Published = None,
    source: Source = None,
    url: str = typer.Option(None, "--url", help="URL of a plain-text input."),
    output_format: OutputFormat = typer.Option(None, "--format", help="json, jsonl or table (default: table on a terminal, else json)."),
    no_shortcut: bool = typer.Option(False, "--no-shortcut", help="Tag every sentence and analyse every document, with a trigger or not (slow; checks the shortcut)."),
    quotes: Quotes = False,
    min_confidence: MinConfidence = None,
) -> None:
    """Find the events in Russian news texts."""
    skipped = []

    def report(message: str) -> None:
        skipped.append(message)
        say(f"skipped: {message}")

    fmt = output_format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.json)
    options = extract_options(min_confidence, shortcut=not no_shortcut, quotes=quotes)
    try:
        day = parse_published(published)
        documents = read_documents(path, published=day, source=source, url=url, on_error=report, on_warning=warn)
        done = []
        for doc in extract_all(documents, options):
            if fmt is OutputFormat.jsonl:
                write_record(doc)
            else:
                done.append(doc)
    except SvodkaError as error:
        fail(str(error))
    if fmt is OutputFormat.json:
        write_records(done)
    elif fmt is OutputFormat.table:
        render_documents(done, Console(width=None if sys.stdout.isatty() else PIPE_WIDTH))
    if skipped:
        fail(f"{len(skipped)} input record(s) skipped", code=1)


def write_record(doc) -> None:
    """One JSON line, written an event at a time (a long document's record is never held whole)."""
    for chunk in document_json_chunks(doc):
        sys.stdout.write(chunk)
    sys.stdout.write("\n")
    sys.stdout.flush()


def write_records(docs: list) -> None:
    """The records as one indented JSON value: the record of one document, or the list of them."""
    if len(docs) == 1:
        chunks = document_json_chunks(docs[0], indent=2)
    elif not docs:
        chunks = iter(["[]"])
    else:
        chunks = (part for k, doc in enumerate(docs) for part in (
            ("[\n  " if k == 0 else ",\n  "), *document_json_chunks(doc, indent=2, level=1)))
    for chunk in chunks:
        sys.stdout.write(chunk)
    sys.stdout.write("\n]\n" if len(docs) > 1 else "\n")
