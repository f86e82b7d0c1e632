"""The JSON shapes of `svodka serve`'s API, and the evidence spans of a document.

Evidence is a pair of character offsets [start, end) into the document text,
counted in Unicode code points (Python's str indices).
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .. import schema
from ..model import COUNT_SLOTS
from ..records import interval_text

Offsets = schema.Span


class EventSummary(BaseModel):
    id: str
    event_type: str
    sub_event_type: str
    modality: str
    date: str | None
    country: str | None
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    fatalities_min: int | None
    fatalities_max: int | None
    fatalities_acled: int | None
    reports: int
    outlets: list[str]


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    sort: str
    events: list[EventSummary]


# The shapes of one document's event are schema.py's, the record's one definition; these
# keep the names the OpenAPI schema has always given them and show what the API leaves out.


class Location(schema.Location):
    landmark: str | None = Field(None, exclude=True)  # not in the API's JSON


class Count(schema.Count):
    """A figure as an interval; `acled` is the single number ACLED's column takes."""


class Actor(schema.Actor):
    pass


class ClaimSource(schema.Source):
    """Who a document says a claim comes from: named sources innermost first (the speaker, then each outlet that relayed it), or unnamed ones."""


class Claim(schema.Claim):
    source: ClaimSource | None = None


class SourceChain(BaseModel):
    """One report's source of a linked event: its chain, innermost first, and where it comes from."""
    outlet: str | None
    chain: list[str]
    document: str


class Label(schema.Label):
    """How one source names an actor."""


class Trigger(schema.Trigger):
    pass


class ReportEvent(schema.Event):
    """An event as one document tells it."""
    location: Location | None = None
    actors: list[Actor] = []
    fatalities: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    crowd: Count | None = None
    sources: list[ClaimSource] = []
    claims: list[Claim] = []
    labels: list[Label] = []
    triggers: list[Trigger] = []
    acled: dict | None = Field(None, exclude=True)  # in the store's JSON and exports, not in the API's
    linked: str | None = None


SpanKind = Literal["place", "date", "count", "source", "actor", "trigger", "sentence"]


class Span(BaseModel):
    start: int
    end: int
    kind: SpanKind
    label: str


class DocumentSummary(BaseModel):
    key: str
    id: str
    source: str | None
    url: str | None
    title: str | None
    published: str | None
    ingested_at: str


class DocumentPage(BaseModel):
    limit: int
    offset: int
    documents: list[DocumentSummary]


class DocumentDetail(DocumentSummary):
    text: str
    events: list[ReportEvent]
    spans: list[Span]


class Report(BaseModel):
    document: DocumentSummary
    text: str
    event: ReportEvent
    spans: list[Span]


class EventDetail(BaseModel):
    id: str
    event_type: str
    sub_event_type: str
    modality: str
    date: str | None
    time_precision: int | None = None
    location: Location | None
    actors: list[Actor]
    fatalities: Count | None
    injured: Count | None
    arrested: Count | None
    crowd: Count | None
    claims: list[Claim]
    sources: list[SourceChain]
    outlets: list[str]
    verification: str | None
    confidence: float | None
    reports: list[Report]
    event_id_cnty: str | None = None  # stable, in ACLED's form (dataset/versions.py)
    revision: int | None = None
    revised_at: str | None = None


class Place(BaseModel):
    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    events: int
    fatalities: int


class Source(BaseModel):
    name: str | None
    documents: int
    events: int
    first: str | None
    last: str | None


class Aggregate(BaseModel):
    key: str | None
    events: int
    fatalities: int


class StoreInfo(BaseModel):
    documents: int
    events: int
    linked_events: int
    language: Literal["ru", "en"]


def source_name(source: dict) -> str:
    return " → ".join(source.get("chain") or []) or ", ".join(source.get("unnamed") or []) or "—"


def event_spans(event: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, label) of every piece of evidence of one document's event."""
    spans = [(start, end, "sentence", "") for start, end in event.get("evidence") or []]
    place = event.get("location") or {}
    if place.get("evidence"):
        spans.append((*place["evidence"], "place", place.get("name") or ""))
    if event.get("date_evidence"):
        spans.append((*event["date_evidence"], "date", event.get("date") or ""))
    for slot in COUNT_SLOTS:
        count = event.get(slot) or {}
        if count.get("evidence"):
            spans.append((*count["evidence"], "count", f"{slot}: {interval_text(count)}"))
    for claim in event.get("claims") or []:
        if claim.get("evidence"):
            spans.append((*claim["evidence"], "count", f"{claim['slot']}: {interval_text(claim)}"))
    for source in event.get("sources") or []:
        if source.get("evidence"):
            spans.append((*source["evidence"], "source", source_name(source)))
    for label in event.get("labels") or []:
        if label.get("evidence"):
            spans.append((*label["evidence"], "actor", f"{label.get('category') or '—'}: {label['label']}"))
    for actor in event.get("actors") or []:
        if actor.get("evidence"):
            spans.append((*actor["evidence"], "actor", f"{actor.get('category') or '—'}: {actor['name']}"))
    for trigger in event.get("triggers") or []:
        spans.append((*trigger["evidence"], "trigger", trigger["text"]))
    return spans


def spans_of(events: list[dict]) -> list[Span]:
    """The evidence spans of a document's events, one per place, kind and label, in text order."""
    unique = dict.fromkeys(span for event in events for span in event_spans(event))
    return [Span(start=start, end=end, kind=kind, label=label) for start, end, kind, label in sorted(unique)]
