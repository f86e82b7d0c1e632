"""The data model as CONTRACT.md's records: the one place that turns Documents and Events into JSON."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from .model import COUNT_SLOTS, Count, Document, Event, PlaceMention, Quote, Source


def count_json(count: Count | None) -> dict | None:
    if count is None:
        return None
    return {"min": count.min, "max": count.max, "text": count.text, "evidence": list(count.evidence)}


def location_json(location: PlaceMention | None) -> dict | None:
    if location is None:
        return None
    place = location.place
    out = {
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "precision": place.precision,
        "evidence": [location.start, location.end],
    }
    if location.landmark:
        out["landmark"] = location.landmark
    return out


def source_json(source: Source) -> dict:
    return {"chain": source.chain, "unnamed": source.unnamed, "inherited": source.inherited, "evidence": list(source.evidence)}


def quote_json(quote: Quote) -> dict:
    return {
        "chain": quote.chain,
        "text": list(quote.text),
        "verb": list(quote.verb) if quote.verb else None,
        "direct": quote.direct,
    }


def event_json(event: Event) -> dict:
    out = {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "modality": event.modality,
        "date": event.date.isoformat() if event.date else None,
        "date_evidence": list(event.date_evidence) if event.date_evidence else None,
        "location": location_json(event.location),
        "actors": [{"role": a.role, "name": a.name, "category": a.category, "evidence": list(a.evidence)} for a in event.actors],
    }
    if event.acled is not None:
        out["acled"] = event.acled
    for slot in COUNT_SLOTS:
        out[slot] = count_json(getattr(event, slot))
    out["sources"] = [source_json(s) for s in event.sources]
    out["claims"] = [
        {"source": source_json(c.source) if c.source else None, "slot": c.slot, "min": c.count.min, "max": c.count.max,
         "text": c.count.text, "evidence": list(c.count.evidence), "verification": c.verification, "distanced": c.distanced}
        for c in event.claims
    ]
    out["labels"] = [
        {"source": label.source, "label": label.label, "category": label.category, "evidence": list(label.evidence)}
        for label in event.labels
    ]
    out["verification"] = event.verification
    out["evidence"] = [list(span) for span in event.evidence]
    out["triggers"] = [{"text": t.text, "evidence": [t.start, t.end]} for t in event.triggers]
    out["confidence"] = event.confidence
    return out


def document_json(doc: Document) -> dict:
    return {
        "id": doc.id,
        "published": doc.published.isoformat() if doc.published else None,
        "events": [event_json(e) for e in doc.events],
        "quotes": [quote_json(q) for q in doc.quotes],
    }


def _dumps(value, indent: int | None, level: int) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    # JSON strings hold no raw newline: every one is the indentation's, moved in to `level`
    return text if indent is None or not level else text.replace("\n", "\n" + " " * (indent * level))


def _list_chunks(items: Iterable, to_json: Callable, indent: int | None, level: int) -> Iterator[str]:
    """json.dumps of [to_json(item) ...] at nesting `level`, an item at a time."""
    if indent is None:
        opening, separator, closing = "[", ", ", "]"
    else:
        opening = "[\n" + " " * (indent * (level + 1))
        separator = ",\n" + " " * (indent * (level + 1))
        closing = "\n" + " " * (indent * level) + "]"
    empty = True
    for item in items:
        yield (opening if empty else separator) + _dumps(to_json(item), indent, level + 1)
        empty = False
    yield "[]" if empty else closing


def document_json_chunks(doc: Document, indent: int | None = None, level: int = 0) -> Iterator[str]:
    """The text of `json.dumps(document_json(doc), ensure_ascii=False, indent=indent)` (at nesting `level`),
    an event at a time: a long document's record is never held whole, as a dict or as a string."""
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    separator = ", " if indent is None else ","
    published = doc.published.isoformat() if doc.published else None
    yield "{" + pad + '"id": ' + _dumps(doc.id, indent, level + 1) + separator + pad + '"published": ' + _dumps(
        published, indent, level + 1) + separator + pad + '"events": '
    yield from _list_chunks(doc.events, event_json, indent, level + 1)
    yield separator + pad + '"quotes": '
    yield from _list_chunks(doc.quotes, quote_json, indent, level + 1)
    yield "}" if indent is None else "\n" + " " * (indent * level) + "}"


def interval_text(count: dict | None) -> str:
    """A count record for people: "8", "20..99", "301.." (open above); empty when there is none."""
    if not count:
        return ""
    low, high = count.get("min"), count.get("max")
    if high == low:
        return str(low)
    return f"{low}..{'' if high is None else high}"
