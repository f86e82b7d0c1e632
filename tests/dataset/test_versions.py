"""Stable event ids, revisions, tombstones and `svodka export --changes-since`."""
import csv
import json
import sqlite3
import subprocess
import sys
from functools import lru_cache

import pytest

from svodka.dataset import versions
from svodka.dataset.store import MIGRATIONS, Store, StoreError
from svodka.dataset.store_link import REPORT_FIELDS, relink_everything, report_of
from svodka.model import Document
from svodka.scale import extract_records
from tests.news_fixtures import EXPLOSION_REPORTS, PUBLISHED, records

# The same address as the "vb" report, its text updated: the toll has risen.
UPDATED_VB = EXPLOSION_REPORTS["vb"][1].replace("не менее семи погибших", "не менее девяти погибших").replace(
    "погибли не менее семи человек", "погибли не менее девяти человек")
# The rally's address, its text replaced by a correction that reports no event.
RETRACTED_RALLY = "Редакция удалила материал\n\nМатериал о задержаниях в Бишкеке удалён по просьбе редакции."


@lru_cache(maxsize=None)
def update_records() -> tuple[dict, ...]:
    docs = [Document("vb", UPDATED_VB, published=PUBLISHED, source="Вечерний Бишкек", url="https://example.org/vb"),
            Document("rally", RETRACTED_RALLY, published=PUBLISHED, source="Азаттык", url="https://example.org/rally")]
    return tuple(extract_records(docs))


def ids_by_reports(path) -> dict[frozenset, str]:
    with Store.open(str(path), readonly=True) as store:
        return {frozenset((r["document"]["key"], r["event"]["id"]) for r in event["reports"]): event["event_id_cnty"]
                for event in store.query_events(modality=None, limit=None)}


def filled(path, order):
    with Store.open(str(path)) as store:
        for record in order:
            store.add_record(record)
    return path


def versions_of(path) -> dict[str, tuple]:
    connection = sqlite3.connect(str(path))
    rows = connection.execute("SELECT event_id_cnty, revision, removed FROM event_versions").fetchall()
    connection.close()
    return {row[0]: row[1:] for row in rows}


def test_event_ids_do_not_depend_on_the_order_documents_came_in(tmp_path):
    first = records()
    orders = [first, first[::-1], [first[2], first[3], first[0], first[1]]]
    outcomes = [ids_by_reports(filled(tmp_path / f"{n}.db", order)) for n, order in enumerate(orders)]
    assert len(outcomes[0]) == 2 and all(outcome == outcomes[0] for outcome in outcomes)
    assert all(event_id.startswith("KGZ") for event_id in outcomes[0].values())


def test_relinking_and_storing_again_keep_every_id_and_revision(tmp_path):
    path = filled(tmp_path / "s.db", records())
    before, revisions = ids_by_reports(path), versions_of(path)
    with Store.open(str(path)) as store:
        assert all(store.add_record(record) is None for record in records())
        reports = [report_of(row) for row in store.rows(
            f"SELECT {REPORT_FIELDS} FROM events e JOIN documents d ON d.key = e.document")]
        with store.transaction():
            relink_everything(store, list(reversed(reports)))
    assert ids_by_reports(path) == before and versions_of(path) == revisions


def test_an_updated_report_bumps_one_events_revision_and_shows_in_the_changes(tmp_path):
    path = filled(tmp_path / "s.db", records())
    with Store.open(str(path), readonly=True) as store:
        explosion = store.query_events(event_type="Explosions/Remote violence")[0]
        rally = store.query_events(event_type="Protests")[0]
        mark = versions.current_revision(store)
    with Store.open(str(path)) as store:
        store.add_record(dict(update_records()[0]))
    with Store.open(str(path), readonly=True) as store:
        after = store.query_events(event_type="Explosions/Remote violence")[0]
        assert store.counts()["documents"] == 4  # the old version of the page is gone
        changes = versions.changes_since(store, str(mark))
        assert store.query_events(event_type="Protests")[0]["revision"] == rally["revision"]
    assert after["event_id_cnty"] == explosion["event_id_cnty"] and after["revision"] == mark + 1 > explosion["revision"]
    assert after["revised_at"] >= explosion["revised_at"]
    assert [e["event_id_cnty"] for e in changes["changed"]] == [explosion["event_id_cnty"]]
    assert changes["added"] == [] and changes["removed"] == []
    out = tmp_path / "changes.csv"
    run = subprocess.run([sys.executable, "-m", "svodka.cli.main", "export", "--db", str(path), "--format", "acled",
                          "--changes-since", str(mark), "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [(row["event_id_cnty"], row["change"]) for row in rows] == [(explosion["event_id_cnty"], "changed")]


def test_a_retracted_report_leaves_a_tombstone(tmp_path):
    path = filled(tmp_path / "s.db", records())
    with Store.open(str(path), readonly=True) as store:
        rally = store.query_events(event_type="Protests")[0]
        mark = versions.current_revision(store)
    with Store.open(str(path)) as store:
        store.add_record(dict(update_records()[1]))
    with Store.open(str(path), readonly=True) as store:
        assert store.query_events(event_type="Protests") == []
        changes = versions.changes_since(store, str(mark))
        by_day = versions.changes_since(store, rally["revised_at"][:10])
    assert [e["event_id_cnty"] for e in changes["removed"]] == [rally["event_id_cnty"]] and changes["changed"] == []
    assert versions_of(path)[rally["event_id_cnty"]] == (mark + 1, 1)
    assert rally["event_id_cnty"] not in {e["event_id_cnty"] for e in by_day["removed"]}  # added that day too
    assert {e["event_id_cnty"] for e in by_day["added"]} == set(versions_of(path)) - {rally["event_id_cnty"]}


VERSIONS_STEP = next(i for i, step in enumerate(MIGRATIONS) if versions.backfill in step)


def test_a_store_of_the_previous_schema_is_migrated_with_ids_for_its_events(tmp_path):
    path = filled(tmp_path / "old.db", records())
    connection = sqlite3.connect(str(path))
    connection.execute("DROP TABLE event_versions")
    for table in ("document_bands", "event_copies"):  # the later steps, made again by the migration
        connection.execute(f"DROP TABLE {table}")
    connection.execute("UPDATE linked_events SET json = json_remove(json, '$.event_id_cnty')")
    connection.execute(f"PRAGMA user_version = {VERSIONS_STEP}")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="older schema"):
        Store.open(str(path), readonly=True)
    Store.open(str(path)).close()
    with Store.open(str(path), readonly=True) as store:
        events = store.query_events(modality=None, limit=None)
    assert len(events) == 2 and all(e["event_id_cnty"][:3] == "KGZ" and e["revision"] == 1 for e in events)
    assert {e["event_id_cnty"] for e in events} == set(ids_by_reports(filled(tmp_path / "new.db", records())).values())


def test_changes_in_json_lines_carry_their_kind(tmp_path):
    path = filled(tmp_path / "s.db", records())
    out = tmp_path / "changes.jsonl"
    run = subprocess.run([sys.executable, "-m", "svodka.cli.main", "export", "--db", str(path), "--format", "jsonl",
                          "--changes-since", "0", "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["change"] for line in lines) == ["added", "added"] and all(line["reports"] for line in lines)
    bad = subprocess.run([sys.executable, "-m", "svodka.cli.main", "export", "--db", str(path), "--format", "geojson",
                          "--changes-since", "0", "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "--changes-since" in bad.stderr
