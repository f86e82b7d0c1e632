"""Near-duplicate documents (syndicated or lightly edited copies) link to the original's events."""
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from svodka.dataset import near_duplicates, store_link
from svodka.dataset.store import MIGRATIONS, SCHEMA_VERSION, Store
from svodka.ingest.readers import read_documents
from svodka.model import Document
from svodka.scale import extract_records
from tests.helpers import SHARED
from tests.news_fixtures import PUBLISHED, records

# No day in the text and no publication date: the event has no date at all.
UNDATED = (
    "Жители Оша вышли на акцию протеста против повышения тарифов\n\n"
    "Несколько сотен жителей Оша собрались у здания мэрии и потребовали отменить повышение тарифов "
    "на электроэнергию, сообщили участники акции. Митингующие разошлись после встречи с мэром."
)


def copy_of(record, *, suffix="-copy", text=None, source="Агрегатор", published="same"):
    """A syndicated copy: another id, address and outlet, the text with one line more."""
    document = record["document"]
    text = text if text is not None else document["text"] + "\n\nМатериал подготовлен по сообщениям агентств."
    return Document(document["id"] + suffix, text, source=source,
                    published=date.fromisoformat(document["published"]) if published == "same" and document["published"]
                    else (published if published != "same" else None),
                    url=(document["url"] + suffix) if document.get("url") else None)


def extracted(*documents):
    return [dict(record) for record in extract_records(list(documents))]


def linked_state(store):
    return (sorted(row[0] for row in store.rows("SELECT id FROM linked_events")),
            store.rows("SELECT count(*) FROM events WHERE linked IS NULL")[0][0])


def test_a_syndicated_copy_of_a_dated_report_joins_its_event_and_keeps_its_id(tmp_path):
    with Store.open(str(tmp_path / "s.db")) as store:
        store.add_records(records())
        before, _ = linked_state(store)
        (copy,) = extracted(copy_of(records()[1]))
        assert store.add_record(copy) == 1
        after, unlinked = linked_state(store)
        (explosion,) = store.query_events(event_type="Explosions/Remote violence")
    assert after == before and unlinked == 0
    assert "Агрегатор" in explosion["outlets"] and len(explosion["reports"]) == 4


def test_an_undated_report_and_its_copy_are_one_event_in_either_order(tmp_path):
    original = extracted(Document("osh", UNDATED, source="Азаттык"))[0]
    (event,) = original["result"]["events"]
    assert event["date"] is None and original["document"]["published"] is None
    copy = extracted(copy_of(original))[0]
    for number, order in enumerate(([original, copy], [copy, original])):
        with Store.open(str(tmp_path / f"{number}.db")) as store:
            for record in order:
                store.add_record(record)
            (linked,) = store.query_events(event_type="Protests")
            assert {report["document"]["id"] for report in linked["reports"]} == {"osh", "osh-copy"}
            assert linked_state(store)[1] == 0


def test_distinct_reports_of_one_event_are_not_copies_and_still_link(tmp_path):
    with Store.open(str(tmp_path / "s.db")) as store:
        store.add_records(records())
        assert store.rows("SELECT count(*) FROM event_copies")[0][0] == 0
        assert len(store.query_events()) == 2


def test_the_same_text_published_a_week_later_is_not_a_copy():
    record = records()[3]
    a = record["document"]["text"]
    assert near_duplicates.similarity(a, a + " Снова.") >= near_duplicates.MIN_SIMILARITY
    assert not near_duplicates.published_close(PUBLISHED, date(2024, 11, 13))


def test_a_copy_published_a_week_later_makes_its_own_event(tmp_path):
    with Store.open(str(tmp_path / "s.db")) as store:
        store.add_records(records())
        (later,) = extracted(copy_of(records()[3], published=date(2024, 11, 13),
                                     text=records()[3]["document"]["text"].replace("В среду", "В среду 13 ноября")))
        store.add_record(later)
        assert store.rows("SELECT count(*) FROM event_copies")[0][0] == 0
        assert len(store.query_events(event_type="Protests")) == 2


def test_an_unmatched_event_of_a_copy_is_linked_as_an_original(tmp_path):
    rally = records()[3]
    (copy,) = extracted(copy_of(rally))
    (event,) = copy["result"]["events"]
    osh = {"name": "Ош", "country": "KG", "admin1": "Osh", "lat": 40.53, "lon": 72.8, "geonameid": 1527534, "precision": "city"}
    copy["result"] = {**copy["result"], "events": [event, {**event, "id": "e-osh", "location": osh}]}
    with Store.open(str(tmp_path / "s.db")) as store:
        store.add_records([rally, copy])
        assert store.rows("SELECT event_id FROM event_copies")[0][0] == event["id"]
        assert sorted(e["location"]["name"] for e in store.query_events(event_type="Protests")) == ["Бишкек", "Ош"]
        assert linked_state(store)[1] == 0


def test_an_older_store_is_upgraded_with_bands_and_every_event_linked_again(tmp_path):
    fresh, old = str(tmp_path / "fresh.db"), str(tmp_path / "old.db")
    for path in (fresh, old):
        with Store.open(path) as store:
            store.add_records(records())
    connection = sqlite3.connect(old)
    step = next(i for i, migration in enumerate(MIGRATIONS) if store_link.upgrade in migration)
    connection.executescript("DROP TABLE document_bands; DROP TABLE event_copies; "
                             f"UPDATE events SET linked = 'stale'; DELETE FROM linked_events; PRAGMA user_version = {step};")
    connection.close()
    with Store.open(old) as store:
        (copy,) = extracted(copy_of(records()[0]))
        store.add_record(copy)
        assert store.rows("SELECT count(*) FROM event_copies")[0][0] == 1
    with Store.open(fresh) as store:
        store.add_record(copy)

    def content(path):
        connection = sqlite3.connect(path)
        out = (connection.execute("PRAGMA user_version").fetchone()[0],
               connection.execute("SELECT id, reports FROM linked_events ORDER BY id").fetchall(),
               connection.execute("SELECT document, event_id, linked FROM events ORDER BY document").fetchall())
        connection.close()
        return out
    assert content(old) == content(fresh) and content(old)[0] == SCHEMA_VERSION


CORPUS = Path(os.environ.get("SVODKA_SHARED", SHARED)) / "corpus" / "ru.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is absent")
def test_every_corpus_document_again_as_a_lightly_edited_copy_adds_no_event(tmp_path):
    documents = list(read_documents(str(CORPUS), on_error=print))
    copies = [Document(doc.id + "-copy", "Перепечатка. " + doc.text.replace("сообщил", "заявил", 1)
                       + "\n\nМатериал подготовлен по сообщениям агентств.", published=doc.published,
                       source="Агрегатор", title=doc.title) for doc in documents]
    with Store.open(str(tmp_path / "s.db")) as store:
        store.add_records(list(extract_records(documents)))
        before = linked_state(store)
        store.add_records(list(extract_records(copies)))
        assert linked_state(store) == before
        assert store.counts()["documents"] == 2 * len(documents)
        assert store.rows("SELECT count(*) FROM events")[0][0] == 2 * store.rows(
            "SELECT count(*) FROM events e JOIN documents d ON d.key = e.document WHERE d.id NOT LIKE '%-copy'")[0][0]


def test_an_undated_report_repeated_two_days_later_is_not_a_copy_of_its_event(tmp_path):
    def undated(record):
        events = [{**event, "date": None} for event in record["result"]["events"]]
        return {**record, "result": {**record["result"], "events": events}}
    first = undated(extracted(Document("osh", UNDATED, source="Азаттык", published=date(2024, 11, 6)))[0])
    again = undated(extracted(copy_of(first, published=date(2024, 11, 8)))[0])
    near = undated(extracted(copy_of(first, suffix="-next", published=date(2024, 11, 7),
                                     text=UNDATED + "\n\nПо материалам агентств."))[0])
    with Store.open(str(tmp_path / "s.db")) as store:
        store.add_records([first, again])
        assert store.rows("SELECT count(*) FROM event_copies")[0][0] == 0
        assert len(store.query_events(event_type="Protests")) == 2
        store.add_record(near)
        assert store.rows("SELECT count(*) FROM event_copies")[0][0] == 1
