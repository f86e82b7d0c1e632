"""`svodka check`: is a store whole and consistent?

SQLite's own integrity and foreign-key checks, the schema version, every event's
evidence within its document's text (and a quoted text equal to its slice), every
event linked to a linked event that lists it, every linked event's report count
right, and the full-text index in step with the documents.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .store import Store

EXAMPLES = 3  # problems quoted in the one-line summary


@dataclass
class CheckResult:
    documents: int
    events: int
    linked_events: int
    problems: list[str]

    def summary(self, path: str) -> str:
        """One line: "ok" with the counts, or the number of problems and the first of them."""
        if not self.problems:
            return (f"{path}: ok ({self.documents} documents, {self.events} events, "
                    f"{self.linked_events} linked events)")
        shown = " ".join("; ".join(self.problems[:EXAMPLES]).split())
        more = f" (and {len(self.problems) - EXAMPLES} more)" if len(self.problems) > EXAMPLES else ""
        return f"{path}: {len(self.problems)} problem{'s' if len(self.problems) > 1 else ''}: {shown}{more}"


def check_store(path: str) -> CheckResult:
    """Every problem of the store at `path`; StoreError when it cannot be opened at all
    (missing, not SQLite, not svodka's, another schema version)."""
    with Store.open(path, readonly=True) as store:
        problems = [f"SQLite integrity: {line.strip()}" for row in store.rows("PRAGMA integrity_check")
                    for line in str(row[0]).splitlines() if line.strip() not in ("ok", "", "*** in database main ***")]
        if problems:  # the rows themselves cannot be trusted
            return CheckResult(0, 0, 0, problems)
        problems += [f"{row[0]} row {row[1]} refers to a missing {row[2]} row"
                     for row in store.rows("PRAGMA foreign_key_check")]
        counts = store.counts()
        problems += list(evidence_problems(store))
        problems += list(link_problems(store))
        problems += list(index_problems(store, counts))
    return CheckResult(counts["documents"], counts["events"], counts["linked_events"], problems)


def evidence_problems(store: Store) -> Iterator[str]:
    texts: dict[str, str] = {}
    for row in store.rows("SELECT document, event_id, json FROM events ORDER BY rowid"):
        if row["document"] not in texts:
            found = store.rows("SELECT text FROM documents WHERE key = ?", (row["document"],))
            texts[row["document"]] = found[0]["text"] if found else None
        text = texts[row["document"]]
        where = f"event {row['event_id']} of document {row['document'][:12]}"
        if text is None:
            continue  # the foreign-key check has said it
        try:
            event = json.loads(row["json"])
        except json.JSONDecodeError:
            yield f"{where}: its JSON is damaged"
            continue
        for path, span, quoted in spans(event):
            if not valid_span(span, len(text)):
                yield f"{where}: {path} {span} lies outside the text ({len(text)} characters)"
            elif quoted is not None and text[span[0]:span[1]] != quoted:
                yield f"{where}: {path} {span} reads {text[span[0]:span[1]]!r}, not {quoted!r}"


def spans(value: object, path: str = "") -> Iterator[tuple[str, list, str | None]]:
    """(where, [start, end], the text it quotes or None) of every evidence span in an event."""
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            if key in ("evidence", "date_evidence") and item:
                if isinstance(item, list) and isinstance(item[0], list):
                    for span in item:
                        yield where, span, None
                else:
                    quoted = value.get("text") if key == "evidence" and isinstance(value.get("text"), str) else None
                    yield where, item, quoted
            else:
                yield from spans(item, where)
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from spans(item, f"{path}[{number}]")


def valid_span(span: object, length: int) -> bool:
    return (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in span)
            and 0 <= span[0] <= span[1] <= length)


def link_problems(store: Store) -> Iterator[str]:
    members: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in store.rows("SELECT document, event_id, linked FROM events ORDER BY rowid"):
        if row["linked"] is None:
            yield f"event {row['event_id']} of document {row['document'][:12]} is linked to no event"
        else:
            members[row["linked"]].add((row["document"], row["event_id"]))
    for row in store.rows("SELECT id, reports, json FROM linked_events ORDER BY id"):
        found = members.get(row["id"], set())
        if not found:
            yield f"linked event {row['id']} has no report"
            continue
        if row["reports"] != len(found):
            yield f"linked event {row['id']} counts {row['reports']} reports, {len(found)} events are linked to it"
        try:
            listed = {(r["document"], r["event"]) for r in json.loads(row["json"])["reports"]}
        except (json.JSONDecodeError, KeyError, TypeError):
            yield f"linked event {row['id']}: its JSON is damaged"
            continue
        if listed != found:
            yield f"linked event {row['id']} lists other reports than the {len(found)} events linked to it"


def index_problems(store: Store, counts: dict[str, int]) -> Iterator[str]:
    if counts["documents_fts"] != counts["documents"]:
        yield f"the full-text index has {counts['documents_fts']} rows for {counts['documents']} documents"
        return
    missing = store.rows("SELECT count(*) FROM documents d WHERE d.rowid NOT IN (SELECT rowid FROM documents_fts)")[0][0]
    if missing:
        yield f"{missing} documents are missing from the full-text index"
