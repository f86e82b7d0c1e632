"""Linked events from the store as a table for people: `svodka events`."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table


def interval(count: dict | None) -> str:
    if not count:
        return ""
    if count["max"] == count["min"]:
        return str(count["min"])
    return f"{count['min']}..{'' if count['max'] is None else count['max']}"


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
            interval(fatalities),
            str(fatalities["acled"]) if fatalities else "",
            interval(event.get("injured")),
            interval(event.get("arrested")),
            str(len(event["reports"])),
            "; ".join(event.get("outlets") or []),
        )
    console.print(table)
