"""Documents as CONTRACT.md's JSON, and as a table for people."""
from __future__ import annotations

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


def interval_text(count: Count | None) -> str:
    if count is None:
        return ""
    if count.max == count.min:
        return str(count.min)
    return f"{count.min}..{'' if count.max is None else count.max}"


def render_table(docs: list[Document], console) -> None:
    from rich.table import Table

    for doc in docs:
        table = Table(title=f"{doc.id} ({doc.published or 'date unknown'}): {len(doc.events)} events", show_lines=False)
        for column in ("id", "type / sub-type", "modality", "date", "place", "killed", "injured", "arrested", "crowd", "sources", "conf"):
            table.add_column(column, overflow="fold")
        for e in doc.events:
            place = ""
            if e.location:
                place = f"{e.location.place.name} ({e.location.place.country}, {e.location.place.precision})"
            sources = "; ".join(" → ".join(s.unnamed + s.chain) for s in e.sources)
            table.add_row(
                e.id,
                f"{e.event_type} / {e.sub_event_type}",
                e.modality,
                e.date.isoformat() if e.date else "",
                place,
                *(interval_text(getattr(e, slot)) for slot in COUNT_SLOTS),
                sources + (f" [{e.verification}]" if e.verification else ""),
                f"{e.confidence:.2f}",
            )
        console.print(table)
