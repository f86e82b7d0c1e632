"""The store's side of linking: near-duplicate documents and their copied events,
and the incremental linking of link_index, read from and written to SQLite.

Tables (schema step 2): document_bands holds each document's MinHash band keys
(near_duplicates.bands); event_copies maps an event of a near-duplicate
document to the original event it repeats (always an original, never a copy).
A copied event is not clustered: it is stored with the linked event of its
original, whose aggregate counts its claims, sources and outlet.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import TYPE_CHECKING

from . import link, link_index, near_duplicates, versions

if TYPE_CHECKING:
    from .store import Store

MIGRATION: tuple[str, ...] = (
    "CREATE TABLE document_bands (band INTEGER NOT NULL, document TEXT NOT NULL REFERENCES documents(key))",
    "CREATE INDEX document_bands_band ON document_bands(band)",
    """CREATE TABLE event_copies (
        document TEXT NOT NULL, event_id TEXT NOT NULL,
        original_document TEXT NOT NULL, original_event TEXT NOT NULL,
        PRIMARY KEY (document, event_id))""",
    "CREATE INDEX event_copies_original ON event_copies(original_document, original_event)",
)

REPORT_FIELDS = "e.document, e.event_id, e.json, e.linked, d.source, d.published"
NOT_A_COPY = "NOT EXISTS (SELECT 1 FROM event_copies c WHERE c.document = e.document AND c.event_id = e.event_id)"


def upgrade(store: Store) -> None:
    """Schema step 2 on a store that has documents: their bands, and every event linked again in link order."""
    for row in store.rows("SELECT key, text FROM documents ORDER BY rowid"):
        index_document(store, row["key"], row["text"])
    # moving the store to a new schema changes no event: what is relinked keeps the revision it had
    relink_everything(store, [report_of(row) for row in store.rows(
        f"SELECT {REPORT_FIELDS} FROM events e JOIN documents d ON d.key = e.document")],
        revision=max(1, versions.current_revision(store)))


def relink_everything(store: Store, reports: list[link.Report], revision: int | None = None) -> None:
    """Every stored event linked again from scratch, in the order given (the result does not depend
    on it); each linked event keeps its id and version where its reports stay together (versions),
    a change taking `revision` (by default the next one)."""
    changes = versions.Changes()
    changes.removing(store, {row["id"] for row in store.rows("SELECT id FROM linked_events")})
    store.connection.execute("DELETE FROM linked_events")
    store.connection.execute("UPDATE events SET linked = NULL")
    link_index.relink(reports, lambda partition, day: stored_on(store, partition, day),
                      lambda gone, groups: apply(store, gone, groups, changes))
    changes.record(store, revision)


def report_of(row: sqlite3.Row) -> link.Report:
    published = date.fromisoformat(row["published"]) if row["published"] else None
    return link.Report(row["document"], json.loads(row["json"]), row["source"], published)


# --- near-duplicates ------------------------------------------------------------


def band_keys(text: str) -> list[int]:
    """The text's MinHash band keys (pure computation: done before a write transaction opens)."""
    signature = near_duplicates.signature(text)
    return near_duplicates.bands(signature) if signature is not None else []


def index_document(store: Store, key: str, text: str, keys: list[int] | None = None) -> list[int]:
    keys = band_keys(text) if keys is None else keys
    store.connection.executemany("INSERT INTO document_bands (band, document) VALUES (?, ?)", [(band, key) for band in keys])
    return keys


def original_of(store: Store, key: str, document: dict, bands: list[int]) -> str | None:
    """The stored document this one is a near-duplicate of (the most similar), or None."""
    if not bands:
        return None
    marks = ",".join("?" * len(bands))
    rows = store.rows(
        f"""SELECT d.key, d.text, d.published FROM documents d WHERE d.key IN
            (SELECT DISTINCT document FROM document_bands WHERE band IN ({marks}) AND document != ?)
            ORDER BY d.key""",
        (*bands, key),
    )
    published = day_of(document.get("published"))
    best, best_score = None, near_duplicates.MIN_SIMILARITY
    text = near_duplicates.normalised(document["text"]) if rows else ""
    for row in rows:
        if not near_duplicates.published_close(published, day_of(row["published"])):
            continue
        score = near_duplicates.similarity_to(text, row["text"])
        if score >= best_score:
            best, best_score = row["key"], score
    return best


def copied_events(store: Store, original: str, events: list[dict], published: str | None) -> dict[str, tuple[str, str]]:
    """Event id of the copy (published on `published`) -> the original event it repeats
    (resolved to an original, never a copy)."""
    stored = store.rows("SELECT published FROM documents WHERE key = ?", (original,))[0]["published"]
    undated = near_duplicates.published_close(day_of(published), day_of(stored), link.MAX_DAY_GAP)
    rows = store.rows(
        """SELECT e.event_id, e.json, c.original_document, c.original_event FROM events e
           LEFT JOIN event_copies c ON c.document = e.document AND c.event_id = e.event_id
           WHERE e.document = ? ORDER BY e.rowid""",
        (original,),
    )
    originals = [json.loads(row["json"]) for row in rows]
    roots = {row["event_id"]: (row["original_document"], row["original_event"]) if row["original_document"]
             else (original, row["event_id"]) for row in rows}
    matches = near_duplicates.match_events(events, originals, undated=undated)
    return {copy: roots[match] for copy, match in matches.items()}


def add_copy(store: Store, document: str, event_id: str, original: tuple[str, str]) -> None:
    store.connection.execute(
        "INSERT INTO event_copies (document, event_id, original_document, original_event) VALUES (?, ?, ?, ?)",
        (document, event_id, *original),
    )


# --- linking ---------------------------------------------------------------------


def stored_on(store: Store, partition: link_index.Partition, day: date) -> list[tuple[link.Report, str | None]]:
    rows = store.rows(
        f"""SELECT {REPORT_FIELDS} FROM events e JOIN documents d ON d.key = e.document
            WHERE e.event_type = ? AND e.modality = ? AND e.country = ? AND e.day = ? AND {NOT_A_COPY}""",
        (*partition, day.isoformat()),
    )
    return [(report_of(row), row["linked"]) for row in rows]


def copies_of(store: Store, keys: list[tuple[str, str]]) -> list[link.Report]:
    out = []
    for document, event_id in keys:
        out += [report_of(row) for row in store.rows(
            f"""SELECT {REPORT_FIELDS} FROM event_copies c JOIN events e ON e.document = c.document AND e.event_id = c.event_id
                JOIN documents d ON d.key = e.document WHERE c.original_document = ? AND c.original_event = ?""",
            (document, event_id))]
    return out


def apply(store: Store, gone: set[str], groups: list[list[link.Report]], changes: versions.Changes) -> None:
    changes.removing(store, gone)
    store.connection.executemany("DELETE FROM linked_events WHERE id = ?", [(id,) for id in sorted(gone)])
    for group in groups:
        changes.written(write_group(store, group))


def write_group(store: Store, group: list[link.Report]) -> dict:
    """One linked event: the group's reports and the copies of them."""
    copies = copies_of(store, [report.key for report in group])
    linked = link.aggregate([*group, *copies])
    linked["id"] = link.linked_id(group)
    store.insert_linked(linked)
    store.connection.executemany(
        "UPDATE events SET linked = ? WHERE document = ? AND event_id = ?",
        [(linked["id"], *report.key) for report in [*group, *copies]],
    )
    return linked


def link_new(store: Store, reports: list[link.Report], copies: list[tuple[str, str]], changes: versions.Changes) -> None:
    """Link the new original reports, then give every new copy its original's linked event."""
    link_index.relink(reports, lambda partition, day: stored_on(store, partition, day),
                      lambda gone, groups: apply(store, gone, groups, changes))
    if not copies:
        return
    marks = ",".join("(?, ?)" for _ in copies)
    rows = store.rows(
        f"""SELECT DISTINCT o.linked FROM event_copies c JOIN events e ON e.document = c.document AND e.event_id = c.event_id
            JOIN events o ON o.document = c.original_document AND o.event_id = c.original_event
            WHERE (c.document, c.event_id) IN (VALUES {marks}) AND e.linked IS NULL""",
        [part for key in copies for part in key],
    )
    for row in rows:
        group = [report_of(member) for member in store.rows(
            f"""SELECT {REPORT_FIELDS} FROM events e JOIN documents d ON d.key = e.document
                WHERE e.linked = ? AND {NOT_A_COPY}""", (row["linked"],))]
        changes.removing(store, {row["linked"]})
        store.connection.execute("DELETE FROM linked_events WHERE id = ?", (row["linked"],))
        changes.written(write_group(store, group))


def day_of(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
