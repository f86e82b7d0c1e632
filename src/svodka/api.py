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

The dataclasses hold what `svodka extract --format json` prints, under
CONTRACT.md's field names (`to_dict()` gives that JSON back); dates are
`datetime.date`, evidence spans `(start, end)` tuples into the text.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .model import Modality

Span = tuple[int, int]


@dataclass(frozen=True)
class Location:
    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str
    evidence: Span
    landmark: str | None = None


@dataclass(frozen=True)
class Count:
    min: int
    max: int | None
    text: str
    evidence: Span


@dataclass(frozen=True)
class Actor:
    role: str
    name: str
    category: str
    evidence: Span


@dataclass(frozen=True)
class Source:
    chain: list[str]
    evidence: Span
    unnamed: list[str] = field(default_factory=list)
    inherited: bool = False


@dataclass(frozen=True)
class Claim:
    source: Source | None
    slot: str
    min: int
    max: int | None
    text: str
    evidence: Span
    verification: str | None
    distanced: bool


@dataclass(frozen=True)
class Label:
    source: list[str]
    label: str
    category: str
    evidence: Span


@dataclass(frozen=True)
class Trigger:
    text: str
    evidence: Span


@dataclass(frozen=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str
    modality: str
    date: date | None
    date_evidence: Span | None
    location: Location | None
    actors: list[Actor]
    fatalities: Count | None
    injured: Count | None
    arrested: Count | None
    crowd: Count | None
    sources: list[Source]
    claims: list[Claim]
    labels: list[Label]
    verification: str | None
    evidence: list[Span]
    triggers: list[Trigger]
    confidence: float
    acled: dict | None = None  # ACLED's actor columns: actor1, assoc_actor_1, inter1, ..., civilian_targeting


@dataclass(frozen=True)
class Quote:
    chain: list[str]
    text: Span
    verb: Span | None
    direct: bool


@dataclass(frozen=True)
class Document:
    id: str
    published: date | None
    events: list[Event]
    quotes: list[Quote]
    text: str = ""

    def to_dict(self) -> dict:
        """CONTRACT.md's JSON, as `svodka extract --format json` prints it."""
        return _json(self)

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


# --- JSON <-> dataclasses ------------------------------------------------------------------


def _span(value) -> Span | None:
    return tuple(value) if value is not None else None


def _count(value: dict | None) -> Count | None:
    return Count(value["min"], value["max"], value["text"], _span(value["evidence"])) if value else None


def _source(value: dict | None) -> Source | None:
    if not value:
        return None
    return Source(list(value["chain"]), _span(value["evidence"]), list(value.get("unnamed") or []),
                  bool(value.get("inherited")))


def _location(value: dict | None) -> Location | None:
    if not value:
        return None
    return Location(value["name"], value["country"], value.get("admin1"), value.get("lat"), value.get("lon"),
                    value.get("geonameid"), value["precision"], _span(value["evidence"]), value.get("landmark"))


def _event(value: dict) -> Event:
    return Event(
        id=value["id"], event_type=value["event_type"], sub_event_type=value["sub_event_type"],
        modality=value["modality"], date=date.fromisoformat(value["date"]) if value.get("date") else None,
        date_evidence=_span(value.get("date_evidence")), location=_location(value.get("location")),
        actors=[Actor(a["role"], a["name"], a["category"], _span(a["evidence"])) for a in value.get("actors") or []],
        fatalities=_count(value.get("fatalities")), injured=_count(value.get("injured")),
        arrested=_count(value.get("arrested")), crowd=_count(value.get("crowd")),
        sources=[_source(s) for s in value.get("sources") or []],
        claims=[Claim(_source(c.get("source")), c["slot"], c["min"], c["max"], c["text"], _span(c["evidence"]),
                      c.get("verification"), bool(c.get("distanced"))) for c in value.get("claims") or []],
        labels=[Label(list(l["source"]), l["label"], l["category"], _span(l["evidence"])) for l in value.get("labels") or []],
        verification=value.get("verification"), evidence=[_span(s) for s in value.get("evidence") or []],
        triggers=[Trigger(t["text"], _span(t["evidence"])) for t in value.get("triggers") or []],
        confidence=value["confidence"], acled=value.get("acled"),
    )


def _from_json(value: dict, text: str) -> Document:
    return Document(
        id=value["id"], published=date.fromisoformat(value["published"]) if value.get("published") else None,
        events=[_event(e) for e in value["events"]],
        quotes=[Quote(list(q["chain"]), _span(q["text"]), _span(q.get("verb")), q["direct"]) for q in value["quotes"]],
        text=text,
    )


def _json(doc: Document) -> dict:
    """Back to the JSON: tuples as lists, dates as strings, as json.dumps would have them."""
    import json

    def plain(value):
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, (tuple, list)):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    out = plain(asdict(doc))
    out.pop("text")
    for event in out["events"]:
        if event["acled"] is None:
            event.pop("acled")
        if event["location"] is not None and event["location"]["landmark"] is None:
            event["location"].pop("landmark")
    return json.loads(json.dumps(out))
