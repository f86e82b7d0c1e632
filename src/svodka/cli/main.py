"""The `svodka` command."""
from __future__ import annotations

import json
import os
import signal
import sys
from enum import Enum

import typer
from rich.console import Console

from ..dataset.store import DEFAULT_PATH, Store
from ..dataset.writer import ingest
from ..errors import InputError, SvodkaError
from ..export.formats import WRITERS, export
from ..ingest.readers import parse_day, parse_published, read_documents
from ..options import ExtractOptions
from ..pipeline import extract_all
from ..records import document_json
from .progress import ingest_progress
from .tables import render_documents, render_events

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="Russian news to a verifiable, geocoded event dataset.",
)
INTERNAL_ERROR = 70  # EX_SOFTWARE
MAX_EVENTS_SHOWN = 2**31 - 1  # SQLite's LIMIT is a 64-bit integer; a bigger one is a mistyped number
PIPE_WIDTH = 200  # a table written to a file or pipe is not wrapped to 80 columns


def say(message: str) -> None:
    print(f"svodka: {message}", file=sys.stderr, flush=True)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def warn(message: str) -> None:
    """A problem in the input that costs no record: a damaged byte replaced, an encoding guessed."""
    say(f"warning: {message}")


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
    no_shortcut: bool = typer.Option(False, "--no-shortcut", help="Tag every sentence and analyse every document, with a trigger or not (slow; checks the shortcut)."),
    quotes: bool = typer.Option(False, "--quotes", help="Also list the quotes of documents that report no event (slower on a news stream)."),
    min_confidence: float = typer.Option(
        None, "--min-confidence",
        help="Output every candidate event at least this confident (0..1), also those the evidence rules set aside "
             "(a weak word told alone); default: the events the rules accept.",
    ),
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
                print(json.dumps(document_json(doc), ensure_ascii=False), flush=True)
            else:
                done.append(doc)
    except SvodkaError as error:
        fail(str(error))
    if fmt is OutputFormat.json:
        payload = [document_json(d) for d in done]
        print(json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2))
    elif fmt is OutputFormat.table:
        render_documents(done, Console(width=None if sys.stdout.isatty() else PIPE_WIDTH))
    if skipped:
        fail(f"{len(skipped)} input record(s) skipped", code=1)


def check_confidence(min_confidence: float | None) -> None:
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        fail(f"--min-confidence must lie between 0 and 1, not {min_confidence}")


def extract_options(min_confidence: float | None, *, shortcut: bool = True, quotes: bool = False) -> ExtractOptions:
    check_confidence(min_confidence)
    return ExtractOptions(shortcut=shortcut, quotes=quotes, min_confidence=min_confidence)


@app.command("eval")
def eval_command(
    gold: list[str] = typer.Option(..., "--gold", help="A gold file or a folder of them (CONTRACT.md); may be repeated."),
    pred: str = typer.Option(None, "--pred", help="Predictions: what `svodka extract --format json|jsonl` printed."),
    input_path: str = typer.Option(None, "--input", help="Documents to run the extractor on instead of reading --pred."),
    per_doc: bool = typer.Option(False, "--per-doc", help="Also list gold, predicted, tp, fp and fn per document."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    calibration: bool = typer.Option(False, "--calibration", help="Also show how often events of each confidence match the gold."),
    errors: bool = typer.Option(False, "--errors", help="Also class every false positive and false negative by its cause."),
    min_confidence: float = typer.Option(
        None, "--min-confidence", help="With --input: extract as `svodka extract --min-confidence` does (every candidate at least this confident)."
    ),
) -> None:
    """Score extracted events against gold annotations: precision, recall, F1 and the accuracy of each field."""
    from ..evaluation.error_analysis import classify_errors
    from ..evaluation.report import (
        causes_table,
        errors_table,
        render_report,
        report_json,
    )
    from ..evaluation.scoring import (
        evaluate,
        extracted_predictions,
        load_gold,
        load_predictions,
    )

    if (pred is None) == (input_path is None):
        fail("give exactly one of --pred and --input")
    if min_confidence is not None and input_path is None:
        fail("--min-confidence needs --input")
    check_confidence(min_confidence)
    skipped = []

    def report(message: str) -> None:
        skipped.append(message)
        say(f"skipped: {message}")

    try:
        gold_docs = load_gold(gold)
        predictions = load_predictions(pred) if pred is not None else extracted_predictions(input_path, report, min_confidence)
    except SvodkaError as error:
        fail(str(error))
    result = evaluate(gold_docs, predictions)
    if as_json:
        print(json.dumps(report_json(result, per_doc, calibration), ensure_ascii=False, indent=2))
    else:
        console = Console(width=None if sys.stdout.isatty() else PIPE_WIDTH)
        render_report(result, console, per_doc, calibration)
        if errors:
            cases = classify_errors(gold_docs, predictions)
            console.print(causes_table(cases))
            console.print(errors_table(cases))
    if skipped:
        fail(f"{len(skipped)} input record(s) skipped", code=1)


ExportFormat = Enum("ExportFormat", {name: name for name in WRITERS}, type=str)  # the choices are the writers

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


@app.command("link")
def link_command(
    parts: str = typer.Argument(..., help="A folder (or URI) of scale.write_parquet_partitions' part-*.parquet files."),
    output: str = typer.Option(..., "-o", "--output", help="JSON Lines file of the linked events."),
    workers: int = typer.Option(0, "--workers", help="Worker processes clustering the windows (0: in this process)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Address of a Dask scheduler to cluster on."),
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


@app.command("events")
def events_command(
    db: str = typer.Option(DEFAULT_PATH, "--db", help="The event store."),
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


def parse_bound(value: str) -> None:
    try:
        parse_day(value)
    except ValueError:
        raise InputError(f"invalid date '{value}': expected YYYY-MM-DD") from None


@app.command("export")
def export_command(
    fmt: ExportFormat = typer.Option(..., "--format", help="acled (CSV), geojson, jsonl or parquet."),
    output: str = typer.Option(..., "-o", "--output", help="The file to write."),
    db: str = typer.Option(DEFAULT_PATH, "--db", help="The event store."),
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


@app.command("check")
def check_command(db: str = typer.Option(DEFAULT_PATH, "--db", help="The event store.")) -> None:
    """Verify a store: SQLite's integrity, the schema version, every event's evidence in its document's
    text, the links between events; one line says what is wrong (exit 1), or that it is whole."""
    from ..dataset.check import check_store

    try:
        result = check_store(db)
    except SvodkaError as error:
        fail(str(error))
    if result.problems:
        fail(result.summary(db), code=1)
    say(result.summary(db))


@app.command("serve")
def serve_command(
    db: str = typer.Option(DEFAULT_PATH, "--db", help="The event store."),
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


def is_usage_error(error: Exception) -> bool:
    """A mistyped command line: click's UsageError, which newer typer releases vendor as typer._click."""
    return any(cls.__name__ == "UsageError" for cls in type(error).__mro__)


def run() -> None:
    """The console entry point: a mistyped command line and a fault in svodka itself are one line
    too, never a box or a traceback."""
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        say("interrupted")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence; stored data is safe in its transactions
        if is_usage_error(error):
            if type(error).__name__ != "NoArgsIsHelpError":  # that one has shown the help already
                command = error.ctx.command_path if error.ctx else "svodka"
                say(f"error: {' '.join(error.format_message().split())} (see '{command} --help')")
            sys.exit(error.exit_code)
        say(f"internal error: {type(error).__name__}: {error} (please report it; set SVODKA_DEBUG=1 for the traceback)")
        if os.environ.get("SVODKA_DEBUG"):
            raise
        sys.exit(INTERNAL_ERROR)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
