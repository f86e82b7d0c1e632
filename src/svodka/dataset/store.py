"""The event store: one SQLite file of documents, their events, and the
events linked across documents, with full-text search over the documents.

Writing (one writer: `svodka ingest`)::

    Store.open(path="svodka.db", *, readonly=False, timeout=5.0) -> Store
    Store.has_document(key: str) -> bool          # key = document_key(text, url)
    Store.add_record(record: dict) -> int | None  # a scale.extract_records record;
                                                  # events stored, None if already stored
    Store.add_records(records: list[dict]) -> list[int | None]  # the same, in one transaction

Reading (the web server, `svodka events`, `svodka export`)::

    Store.open(path, readonly=True)
    Store.query_events(*, country=None, event_type=None, sub_event_type=None, since=None,
                       until=None, place=None, source=None, text=None, modality="actual",
                       limit=100, offset=0) -> list[dict]   # linked events, each with "reports"
    Store.get_event(id: str) -> dict | None        # each linked event with its event_id_cnty, revision
                                                   # and revised_at (versions.py)
    Store.documents(*, source=None, since=None, until=None, text=None, limit=100, offset=0) -> list[dict]
    Store.get_document(id: str) -> dict | None     # by key or by the input's id; with text and events
    Store.aggregates(by="day" | "type", *, country=None, modality="actual") -> list[dict]
    Store.counts() -> dict[str, int]               # rows per table

Dates are "YYYY-MM-DD" strings; `text` is a full-text query (plain words match
as word prefixes, "взрыв" finds "взрыва"; FTS5 syntax passes through).

Documents are stored with their events and their linking in transactions of
one or more documents (add_records), so a killed run loses at most the
documents in flight, and storing them again later is the same as storing them
the first time. Linking (link_index through store_link) reads only the reports
of the new ones' type, country and days; a near-duplicate of a stored document
has its events stored as copies of the original's, which link with it.

A document at a URL already stored with another text is a new version of it: it
replaces the old one, and the events relinked keep their ids (versions.py).
Each document is stored with its events and their linking in one transaction,
so a killed run loses at most the document in flight, and storing it again
later is the same as storing it the first time.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import quote

from ..errors import SvodkaError
from ..model import Modality
from . import link, store_link, versions

DEFAULT_PATH = "svodka.db"
DEFAULT_TIMEOUT = 5.0  # seconds to wait for another writer before giving up
WAL_RETRY_S = 0.02

# Each step moves the schema one version up; PRAGMA user_version is the number of steps applied.
# A step is SQL statements, and functions of the store that move the data along.
MIGRATIONS: list[tuple] = [
    (
        """CREATE TABLE documents (
            rowid INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            id TEXT NOT NULL,
            source TEXT, url TEXT, title TEXT, published TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL)""",
        "CREATE INDEX documents_id ON documents(id)",
        "CREATE INDEX documents_source ON documents(source)",
        """CREATE TABLE linked_events (
            id TEXT PRIMARY KEY,
            event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, modality TEXT NOT NULL,
            date TEXT, country TEXT, admin1 TEXT, location TEXT, lat REAL, lon REAL,
            fatalities_min INTEGER, fatalities_max INTEGER, fatalities_acled INTEGER,
            reports INTEGER NOT NULL,
            json TEXT NOT NULL)""",
        "CREATE INDEX linked_date ON linked_events(date)",
        "CREATE INDEX linked_type ON linked_events(event_type, sub_event_type)",
        "CREATE INDEX linked_country ON linked_events(country, admin1)",
        """CREATE TABLE events (
            rowid INTEGER PRIMARY KEY,
            document TEXT NOT NULL REFERENCES documents(key),
            event_id TEXT NOT NULL,
            event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, modality TEXT NOT NULL,
            date TEXT, day TEXT, country TEXT, admin1 TEXT, location TEXT, geonameid INTEGER,
            lat REAL, lon REAL, fatalities_min INTEGER, fatalities_max INTEGER, confidence REAL,
            linked TEXT REFERENCES linked_events(id),
            json TEXT NOT NULL,
            UNIQUE (document, event_id))""",
        "CREATE INDEX events_link ON events(event_type, modality, country, day)",
        "CREATE INDEX events_linked ON events(linked)",
        "CREATE INDEX events_date ON events(date)",
        "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')",
    ),
    # stable ids (event_id_cnty), revisions and tombstones (dataset/versions.py), given to the events stored so far
    (*versions.SCHEMA, versions.backfill),
    # near-duplicate documents and their copied events; every event linked again in link order
    (*store_link.MIGRATION, store_link.upgrade),
]
SCHEMA_VERSION = len(MIGRATIONS)
FTS_SYNTAX = re.compile(r'["*():^]|\b(AND|OR|NOT|NEAR)\b')
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class StoreError(SvodkaError):
    """The database cannot be used: missing, locked, damaged or not ours."""


def document_key(text: str, url: str | None) -> str:
    """The identity of a document: the same text at the same address is stored once."""
    return hashlib.sha256(f"{url or ''}\n{text}".encode("utf-8")).hexdigest()


class Store:
    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.connection = connection
        self.path = path

    # --- opening ---------------------------------------------------------------

    @classmethod
    def open(cls, path: str = DEFAULT_PATH, *, readonly: bool = False, timeout: float = DEFAULT_TIMEOUT) -> "Store":
        if readonly and not Path(path).is_file():
            raise StoreError(f"no database at {path} (create one with svodka ingest)")
        if not readonly and Path(path).is_dir():
            raise StoreError(f"{path} is a folder, not a database file")
        with sqlite_errors(path):
            target = f"file:{quote(str(Path(path).resolve()))}?mode=ro" if readonly else path
            connection = sqlite3.connect(target, uri=readonly, timeout=timeout, isolation_level=None)
            store = cls(connection, path)
            try:
                store.prepare(readonly)
            except BaseException:
                connection.close()
                raise
        return store

    def prepare(self, readonly: bool) -> None:
        if readonly:
            self.check_version(readonly=True)
            return
        self.switch_to_wal()
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.connection.execute("PRAGMA cache_size=-65536")  # 64 MB: the indexes a big store writes into stay in memory
        if self.check_version(readonly=False) == SCHEMA_VERSION:
            return
        # Read the version again and migrate in one write transaction: two processes creating
        # the same new store at once see it either empty or made, never half made.
        with self.transaction():
            version = self.check_version(readonly=False)
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    statement(self) if callable(statement) else self.connection.execute(statement)
                self.connection.execute(f"PRAGMA user_version = {step + 1}")

    def switch_to_wal(self) -> None:
        """WAL mode, waiting for another process that is switching the same new file: SQLite answers
        "locked" at once there rather than through the busy timeout."""
        timeout = self.connection.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.connection.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(WAL_RETRY_S)

    def check_version(self, *, readonly: bool) -> int:
        """The schema version; StoreError for a store of another program or a newer svodka."""
        # one statement, one snapshot: another process may be making the store meanwhile
        version, tables = self.connection.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)").fetchone()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was made by a newer svodka (schema {version}, this one knows {SCHEMA_VERSION})")
        if version == 0 and tables:
            raise StoreError(f"{self.path} is an SQLite database, but not svodka's")
        if readonly and version < SCHEMA_VERSION:
            raise StoreError(f"{self.path} has an older schema (run svodka ingest to upgrade it)")
        return version

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with sqlite_errors(self.path):
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                raise
            self.connection.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every query inside sees the store as the first one saw it,
        whatever another process writes meanwhile (paging an export neither repeats nor
        drops an event that a concurrent ingest relinks)."""
        if self.connection.in_transaction:
            yield
            return
        with sqlite_errors(self.path):
            self.connection.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            if self.connection.in_transaction:
                with sqlite_errors(self.path):
                    self.connection.execute("ROLLBACK")  # nothing was written: ending the read is all

    def rows(self, sql: str, parameters: tuple | list = ()) -> list[sqlite3.Row]:
        with sqlite_errors(self.path):
            cursor = self.connection.execute(sql, parameters)
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()

    # --- writing ---------------------------------------------------------------

    def has_document(self, key: str) -> bool:
        return bool(self.rows("SELECT 1 FROM documents WHERE key = ?", (key,)))

    def document_keys(self) -> set[str]:
        return {row["key"] for row in self.rows("SELECT key FROM documents")}

    def add_record(self, record: dict) -> int | None:
        return self.add_records([record])[0]

    def add_records(self, records: list[dict]) -> list[int | None]:
        """Store the records in one transaction: per record, its number of events, or
        None when the document was stored already. A near-duplicate of a stored
        document has its events stored as copies of the original's (store_link)."""
        counts: list[int | None] = []
        originals: list[link.Report] = []
        copies: list[tuple[str, str]] = []
        changes = versions.Changes()
        # the costly part of each document's index, computed before the write lock is taken
        bands = [store_link.band_keys(record["document"]["text"]) for record in records]
        with self.transaction():
            for record, keys in zip(records, bands):
                counts.append(self.insert_document(record, originals, copies, changes, keys))
            store_link.link_new(self, originals, copies, changes)
            changes.record(self)
        return counts

    def insert_document(self, record: dict, originals: list[link.Report], copies: list[tuple[str, str]],
                        changes: versions.Changes, bands: list[int] | None = None) -> int | None:
        document, result = record["document"], record["result"]
        key = document_key(document["text"], document.get("url"))
        if self.has_document(key):
            return None
        # a new version of a page stored before (same address, another text) takes its place
        replaced, others = versions.drop_replaced(self, key, document.get("url"))
        if replaced:
            changes.removing(self, replaced)
            self.connection.executemany("DELETE FROM linked_events WHERE id = ?", [(id,) for id in sorted(replaced)])
            self.connection.executemany("UPDATE events SET linked = NULL WHERE document = ? AND event_id = ?",
                                        [report.key for report in others])
            originals += others
        cursor = self.connection.execute(
            "INSERT INTO documents (key, id, source, url, title, published, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, document["id"], document.get("source"), document.get("url"), document.get("title"),
             document.get("published"), document["text"], datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
        self.connection.execute(
            "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
            (cursor.lastrowid, document.get("title") or "", document["text"]),
        )
        bands = store_link.index_document(self, key, document["text"], bands)
        original = store_link.original_of(self, key, document, bands)
        copied = store_link.copied_events(self, original, result["events"], document.get("published")) if original else {}
        published = date.fromisoformat(document["published"]) if document.get("published") else None
        for event in result["events"]:
            report = link.Report(key, event, document.get("source"), published)
            self.insert_event(report)
            if event["id"] in copied:
                store_link.add_copy(self, key, event["id"], copied[event["id"]])
                copies.append(report.key)
            else:
                originals.append(report)
        return len(result["events"])

    def insert_event(self, report: link.Report) -> None:
        event, place = report.event, report.location or {}
        fatalities = event.get("fatalities") or {}
        self.connection.execute(
            """INSERT INTO events (document, event_id, event_type, sub_event_type, modality, date, day, country,
               admin1, location, geonameid, lat, lon, fatalities_min, fatalities_max, confidence, json)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (report.document, event["id"], event["event_type"], event["sub_event_type"], event["modality"],
             event.get("date"), report.day.isoformat() if report.day else None, place.get("country"),
             place.get("admin1"), place.get("name"), place.get("geonameid"), place.get("lat"), place.get("lon"),
             fatalities.get("min"), fatalities.get("max"), event.get("confidence"), json.dumps(event, ensure_ascii=False)),
        )

    def insert_linked(self, linked: dict) -> None:
        place = linked["location"] or {}
        fatalities = linked["fatalities"] or {}
        self.connection.execute(
            """INSERT INTO linked_events (id, event_type, sub_event_type, modality, date, country, admin1, location,
               lat, lon, fatalities_min, fatalities_max, fatalities_acled, reports, json)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (linked["id"], linked["event_type"], linked["sub_event_type"], linked["modality"], linked["date"],
             place.get("country"), place.get("admin1"), place.get("name"), place.get("lat"), place.get("lon"),
             fatalities.get("min"), fatalities.get("max"), fatalities.get("acled"), len(linked["reports"]),
             json.dumps(linked, ensure_ascii=False)),
        )

    # --- reading ---------------------------------------------------------------

    def query_events(
        self,
        *,
        country: str | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        source: str | None = None,
        text: str | None = None,
        modality: str | None = Modality.ACTUAL,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[dict]:
        where, parameters = linked_filter(
            country=country, event_type=event_type, sub_event_type=sub_event_type, since=since, until=until,
            place=place, source=source, text=text, modality=modality,
        )
        sql = "SELECT l.json FROM linked_events l"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY l.date DESC, l.id LIMIT ? OFFSET ?"
        parameters += [-1 if limit is None else limit, offset]
        return [self.with_reports(json.loads(row["json"])) for row in self.rows(sql, parameters)]

    def get_event(self, id: str) -> dict | None:
        rows = self.rows("SELECT json FROM linked_events WHERE id = ?", (id,))
        return self.with_reports(json.loads(rows[0]["json"])) if rows else None

    def with_reports(self, linked: dict) -> dict:
        rows = self.rows(
            f"""SELECT e.json, {DOCUMENT_FIELDS} FROM events e JOIN documents d ON d.key = e.document
                WHERE e.linked = ? ORDER BY d.key, e.event_id""",
            (linked["id"],),
        )
        linked["reports"] = [{"document": document_of(row), "event": json.loads(row["json"])} for row in rows]
        linked.update(versions.version_of(self, linked["id"]))
        return linked

    def documents(
        self,
        *,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[dict]:
        where, parameters = [], []
        if source:
            where.append("d.source = ?")
            parameters.append(source)
        add_day_range(where, parameters, "d.published", since, until)
        if text and fts_query(text):  # a query of no words (blanks, control characters) filters nothing
            where.append("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            parameters.append(fts_query(text))
        sql = f"SELECT {DOCUMENT_FIELDS} FROM documents d"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.published DESC, d.key LIMIT ? OFFSET ?"
        parameters += [-1 if limit is None else limit, offset]
        return [document_of(row) for row in self.rows(sql, parameters)]

    def get_document(self, id: str) -> dict | None:
        rows = self.rows(f"SELECT {DOCUMENT_FIELDS}, d.text FROM documents d WHERE d.key = ? OR d.id = ? ORDER BY d.key LIMIT 1", (id, id))
        if not rows:
            return None
        document = {**document_of(rows[0]), "text": rows[0]["text"]}
        events = self.rows("SELECT json, linked FROM events WHERE document = ? ORDER BY rowid", (document["key"],))
        document["events"] = [{**json.loads(row["json"]), "linked": row["linked"]} for row in events]
        return document

    def aggregates(self, by: str = "day", *, country: str | None = None, modality: str | None = Modality.ACTUAL) -> list[dict]:
        column = {"day": "date", "type": "event_type"}.get(by)
        if column is None:
            raise StoreError(f"cannot aggregate by '{by}': expected day or type")
        where, parameters = [], []
        for name, value in (("country", country), ("modality", modality)):
            if value is not None:
                where.append(f"{name} = ?")
                parameters.append(value)
        sql = f"SELECT {column} AS key, count(*) AS events, coalesce(sum(fatalities_acled), 0) AS fatalities FROM linked_events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" GROUP BY {column} ORDER BY {column}"
        return [dict(row) for row in self.rows(sql, parameters)]

    def counts(self) -> dict[str, int]:
        return {table: self.rows(f"SELECT count(*) FROM {table}")[0][0]
                for table in ("documents", "events", "linked_events", "documents_fts")}

    # --- reading for the web server (`svodka serve`) ------------------------------

    def event_summaries(self, *, sort: str = "-date", limit: int | None = 100, offset: int = 0,
                        **filters: str | None) -> tuple[int, list[dict]]:
        """The number of linked events that match `filters` (query_events' keywords) and one
        page of them as table columns only: no reports, no claims; `sort` is a column of
        SUMMARY_SORTS, descending when it starts with "-"."""
        where, parameters = linked_filter(**filters)
        condition = f" WHERE {' AND '.join(where)}" if where else ""
        total = self.rows(f"SELECT count(*) FROM linked_events l{condition}", parameters)[0][0]
        column = SUMMARY_SORTS[sort.removeprefix("-")]
        direction = "DESC" if sort.startswith("-") else "ASC"
        rows = self.rows(
            f"""SELECT l.id, l.event_type, l.sub_event_type, l.modality, l.date, l.country, l.admin1, l.location,
                l.lat, l.lon, l.fatalities_min, l.fatalities_max, l.fatalities_acled, l.reports,
                json_extract(l.json, '$.outlets') AS outlets FROM linked_events l{condition}
                ORDER BY {column} IS NULL, {column} {direction}, l.id LIMIT ? OFFSET ?""",
            [*parameters, -1 if limit is None else limit, offset],
        )
        return total, [{**dict(row), "outlets": json.loads(row["outlets"] or "[]")} for row in rows]

    def places(self, modality: str | None = Modality.ACTUAL) -> list[dict]:
        """Every named place of a linked event, with its number of events and fatalities."""
        rows = self.rows(
            """SELECT location AS name, admin1, country, min(lat) AS lat, min(lon) AS lon, count(*) AS events,
               coalesce(sum(fatalities_acled), 0) AS fatalities FROM linked_events
               WHERE location IS NOT NULL AND (? IS NULL OR modality = ?)
               GROUP BY location, admin1, country ORDER BY events DESC, location""",
            (modality, modality),
        )
        return [dict(row) for row in rows]

    def sources(self) -> list[dict]:
        """Every outlet, with its number of documents, the linked events they report, and their dates."""
        rows = self.rows(
            """SELECT d.source AS name, count(DISTINCT d.key) AS documents, count(DISTINCT e.linked) AS events,
               min(d.published) AS first, max(d.published) AS last
               FROM documents d LEFT JOIN events e ON e.document = d.key
               GROUP BY d.source ORDER BY documents DESC, d.source"""
        )
        return [dict(row) for row in rows]


DOCUMENT_FIELDS = "d.key, d.id, d.source, d.url, d.title, d.published, d.ingested_at"


def document_of(row: sqlite3.Row) -> dict:
    return {name: row[name] for name in ("key", "id", "source", "url", "title", "published", "ingested_at")}


def fts_query(text: str) -> str:
    """Plain words as word prefixes ("взрыв" finds "взрывом"); FTS5 syntax as it is. Control
    characters (a NUL ends SQLite's string) are no part of any word: they separate words."""
    text = CONTROL_CHARACTERS.sub(" ", text)
    if FTS_SYNTAX.search(text):
        return text
    return " ".join(f'"{word}"*' for word in text.split())


@contextmanager
def sqlite_errors(path: str) -> Iterator[None]:
    """SQLite's exceptions as one line that says what to do."""
    try:
        yield
    except sqlite3.OperationalError as error:
        message = str(error)
        if "locked" in message or "busy" in message:
            raise StoreError(f"{path} is locked by another svodka process; try again when it has finished") from None
        if "fts5" in message:
            raise StoreError(f"invalid search query: {message}") from None
        if "unable to open" in message:
            raise StoreError(f"cannot open the database {path}") from None
        raise StoreError(f"{path}: {message}") from None
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a svodka database or is damaged ({error})") from None


SUMMARY_SORTS = {"date": "l.date", "type": "l.event_type", "sub_type": "l.sub_event_type", "country": "l.country",
                 "place": "l.location", "fatalities": "l.fatalities_acled", "reports": "l.reports"}


def linked_filter(*, country: str | None = None, event_type: str | None = None, sub_event_type: str | None = None,
                  since: str | None = None, until: str | None = None, place: str | None = None,
                  source: str | None = None, text: str | None = None,
                  modality: str | None = Modality.ACTUAL) -> tuple[list[str], list]:
    """The WHERE conditions over linked_events `l` of query_events' filters, and their parameters."""
    where, parameters = [], []
    for column, value in (("country", country), ("event_type", event_type),
                          ("sub_event_type", sub_event_type), ("modality", modality)):
        if value is not None:
            where.append(f"l.{column} = ?")
            parameters.append(value)
    add_day_range(where, parameters, "l.date", since, until)
    if place:
        where.append("(l.location = ? OR l.admin1 = ?)")
        parameters += [place, place]
    if source:
        where.append("EXISTS (SELECT 1 FROM events e JOIN documents d ON d.key = e.document "
                     "WHERE e.linked = l.id AND d.source = ?)")
        parameters.append(source)
    if text and fts_query(text):  # a query of no words (blanks, control characters) filters nothing
        where.append("EXISTS (SELECT 1 FROM events e JOIN documents d ON d.key = e.document WHERE e.linked = l.id "
                     "AND d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))")
        parameters.append(fts_query(text))
    return where, parameters


def add_day_range(where: list[str], parameters: list, column: str, since: str | None, until: str | None) -> None:
    """The conditions that keep `column` within since..until (either bound may be absent)."""
    for bound, operator in ((since, ">="), (until, "<=")):
        if bound:
            where.append(f"{column} {operator} ?")
            parameters.append(bound)
