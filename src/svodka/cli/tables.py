"""Events as tables for people: a document's from `svodka extract`, the store's linked ones from `svodka events`."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..model import COUNT_SLOTS, Document
from ..records import count_json, interval_text


def render_documents(docs: list[Document], console: Console) -> None:
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
                *(interval_text(count_json(getattr(e, slot))) for slot in COUNT_SLOTS),
                sources + (f" [{e.verification}]" if e.verification else ""),
                f"{e.confidence:.2f}",
            )
        console.print(table)


def render_events(events: list[dict], console: Console) -> None:
    table = Table(title=f"{len(events)} events", show_lines=False)
    for column in ("id", "event_id_cnty", "date", "type / sub-type", "place", "killed", "ACLED", "injured", "arrested", "reports", "outlets"):
        table.add_column(column, overflow="fold")
    for event in events:
        place = event.get("location") or {}
        fatalities = event.get("fatalities")
        table.add_row(
            event["id"],
            f"{event['event_id_cnty']} r{event['revision']}" if event.get("event_id_cnty") else "",
            event["date"] or "",
            f"{event['event_type']} / {event['sub_event_type']}",
            f"{place.get('name', '')} ({place.get('country', '')})" if place else "",
            interval_text(fatalities),
            str(fatalities["acled"]) if fatalities else "",
            interval_text(event.get("injured")),
            interval_text(event.get("arrested")),
            str(len(event["reports"])),
            "; ".join(event.get("outlets") or []),
        )
    console.print(table)
