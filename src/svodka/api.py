"""svodka from Python, with the command line's power.

    import svodka
    doc = svodka.extract(text, published="2024-11-06", source="24.kg")
    for event in doc.events:
        event.event_type, event.date, event.location.name, event.arrested.min, event.acled["actor1"]

    for doc in svodka.extract_many(records):          # dicts {"id", "text", "published", ...} or texts
        ...

    svodka.ingest_documents(records_or_paths, "svodka.db")   # `svodka ingest`
    store = svodka.open_store("svodka.db")            # read-only
    store.events(country="KG", type="Protests", since="2024-01-01", until=None, q="парламент")
    store.documents(); store.changes(since="3")
    store.to_arrow(); store.to_pandas()               # ACLED's columns, then svodka's

The documents and events are schema.py's models, the record's one definition (the store
keeps the same JSON, `svodka serve`'s API shows the same shapes): what `svodka extract
--format json` prints, under CONTRACT.md's field names (`to_dict()` gives that JSON back);
dates are `datetime.date`, evidence spans `(start, end)` tuples into the text.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import Field

from . import schema
from .model import Modality
from .schema import Actor, Claim, Count, Event, Label, Location, Quote, Source, Span, Trigger, to_json

__all__ = ["Actor", "Claim", "Count", "Document", "Event", "Label", "Location", "Quote", "Source", "Span", "StoreView",
           "Trigger", "extract", "extract_many", "ingest_documents", "open_store"]


class Document(schema.Document):
    """One document's events and quotes, with its text (not in the JSON) to read evidence in."""

    text: str = Field("", exclude=True)

    def to_dict(self) -> dict:
        """CONTRACT.md's JSON, as `svodka extract --format json` prints it."""
        return to_json(self)

    def span(self, evidence: Span) -> str:
        """The text an evidence span points at."""
        return self.text[evidence[0] : evidence[1]]


# --- extraction ---------------------------------------------------------------------


def extract(
    text: str,
    *,
    published: date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    id: str = "document",
    min_confidence: float | None = None,
    quotes: bool = False,
) -> Document:
    """The events of one Russian text (what `svodka extract` prints for it)."""
    return next(extract_many([{"id": id, "text": text, "published": published, "source": source, "url": url,
                               "title": title}], min_confidence=min_confidence, quotes=quotes))


def extract_many(
    records: Iterable[dict | str], *, min_confidence: float | None = None, quotes: bool = False
) -> Iterator[Document]:
    """The events of many texts, in input order, extracted in batches (lazily: a generator).

    A record is a dict as in CONTRACT.md's JSON Lines input ({"id", "text", "published",
    "source", "url", "title"}; only "text" is required) or a plain text."""
    from .options import ExtractOptions
    from .pipeline import extract_all
    from .records import document_json

    documents = (_document(record, number) for number, record in enumerate(records))
    for doc in extract_all(documents, ExtractOptions(quotes=quotes, min_confidence=min_confidence)):
        yield _from_json(document_json(doc), doc.text)


def _document(record: dict | str, number: int):
    from .errors import InputError
    from .model import Document as ModelDocument

    if isinstance(record, str):
        record = {"text": record}
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"record {number + 1}: expected a text or a dict with a 'text' string")
    return ModelDocument(str(record.get("id") or f"document-{number + 1}"), record["text"], _day(record.get("published")),
                         record.get("source"), record.get("url"), record.get("title"))


def _day(value: date | str | None) -> date | None:
    from .ingest.common import parse_published

    if value is None or isinstance(value, date):
        return value
    return parse_published(value)


# --- the store -------------------------------------------------------------------------


def ingest_documents(sources: Iterable[dict | str], path: str = "svodka.db", *, workers: int = 0) -> int:
    """Extract and store documents, linking reports of one event (`svodka ingest`); a source is a
    record dict (as extract_many takes) or a path of a file or folder. The number of documents
    newly stored."""
    from . import scale
    from .dataset.store import Store
    from .dataset.writer import read_all

    def report(message: str) -> None:
        raise ValueError(message)

    items = list(sources)
    paths = [item for item in items if isinstance(item, (str, Path))]
    records = [item for item in items if isinstance(item, dict)]
    documents = [_document(record, number) for number, record in enumerate(records)]
    documents += list(read_all([str(p) for p in paths], on_error=report))
    stored = 0
    with Store.open(path) as store:
        for record in scale.extract_records(documents, workers=workers):
            stored += store.add_record(record) is not None
    return stored


def open_store(path: str = "svodka.db") -> "StoreView":
    """A read-only view of an event store made by `svodka ingest` (or `ingest_documents`)."""
    from .dataset.store import Store

    return StoreView(Store.open(path, readonly=True))


class StoreView:
    """The linked events and documents of a store; the events as dicts in the JSON the store keeps
    (`svodka export --format jsonl`), each with its reports, event_id_cnty and revision."""

    def __init__(self, store) -> None:
        self.store = store

    def events(self, *, country: str | None = None, type: str | None = None, sub_type: str | None = None,
               since: str | date | None = None, until: str | date | None = None, q: str | None = None,
               place: str | None = None, source: str | None = None, modality: str | None = Modality.ACTUAL,
               limit: int | None = None) -> list[dict]:
        """Linked events, newest first: `svodka events`' filters (q: full text over the reports)."""
        return self.store.query_events(country=country and country.upper(), event_type=type, sub_event_type=sub_type,
                                       since=_bound(since), until=_bound(until), text=q, place=place, source=source,
                                       modality=modality, limit=limit)

    def documents(self, *, source: str | None = None, since: str | date | None = None, until: str | date | None = None,
                  q: str | None = None, limit: int | None = None) -> list[dict]:
        return self.store.documents(source=source, since=_bound(since), until=_bound(until), text=q, limit=limit)

    def document(self, id: str) -> dict | None:
        """One document with its text and events, by its key or its input id."""
        return self.store.get_document(id)

    def changes(self, since: str | int | date) -> dict[str, list[dict]]:
        """The events added, changed and removed after a store revision or since a day."""
        from .dataset.versions import changes_since

        return changes_since(self.store, str(since.isoformat() if isinstance(since, date) else since))

    def to_arrow(self, **filters: Any):
        """The events (`events`' filters) as an Arrow table of ACLED's columns, then svodka's."""
        import pyarrow as pa

        from .export.formats import (
            ACLED_COLUMNS,
            FLOAT_COLUMNS,
            INTEGER_COLUMNS,
            SVODKA_COLUMNS,
            export_row,
        )

        columns = ACLED_COLUMNS + SVODKA_COLUMNS
        schema = pa.schema([(name, pa.int64() if name in INTEGER_COLUMNS else pa.float64() if name in FLOAT_COLUMNS
                             else pa.string()) for name in columns])
        return pa.Table.from_pylist([export_row(event) for event in self.events(**filters)], schema=schema)

    def to_pandas(self, **filters: Any):
        """The same as a pandas DataFrame (pandas is not one of svodka's dependencies: install it)."""
        try:
            import pandas  # noqa: F401
        except ImportError:
            raise ImportError("to_pandas needs pandas: pip install pandas") from None
        return self.to_arrow(**filters).to_pandas()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "StoreView":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _bound(value: str | date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


# --- JSON -> models ------------------------------------------------------------------------


def _from_json(value: dict, text: str) -> Document:
    return Document.model_validate({**value, "text": text})
