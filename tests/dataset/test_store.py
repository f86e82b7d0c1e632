"""The SQLite event store: schema, idempotent writes, errors, read API."""
import sqlite3

import pytest

from svodka.dataset.store import SCHEMA_VERSION, Store, StoreError, document_key
from tests.news_fixtures import records


def dump(path):
    connection = sqlite3.connect(path)
    tables = ("documents", "events", "linked_events", "documents_fts")
    content = {table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in tables}
    connection.close()
    return content


def test_a_new_store_has_the_current_schema_in_wal_mode(tmp_path):
    path = str(tmp_path / "new.db")
    Store.open(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"documents", "events", "linked_events", "documents_fts"} <= names


def test_storing_a_document_twice_changes_nothing(filled):
    before = dump(filled)
    with Store.open(filled) as store:
        assert all(store.add_record(record) is None for record in records())
    assert dump(filled) == before
    assert [len(before[t]) for t in ("documents", "events", "linked_events")] == [4, 4, 2]


def test_a_document_is_keyed_by_its_text_and_url():
    assert document_key("текст", "https://a") == document_key("текст", "https://a")
    assert document_key("текст", "https://a") != document_key("текст", "https://b")
    assert document_key("текст", None) != document_key("текст 2", None)


def test_a_corrupt_file_is_reported_in_one_line_and_left_as_it_was(tmp_path):
    path = tmp_path / "broken.db"
    garbage = b"this is not a database at all\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(StoreError) as caught:
        Store.open(str(path))
    assert "\n" not in str(caught.value) and "damaged" in str(caught.value)
    assert path.read_bytes() == garbage


def test_another_programs_database_is_not_taken_over(tmp_path):
    path = str(tmp_path / "other.db")
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE accounts (id INTEGER)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="not svodka's"):
        Store.open(path)


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    path = str(tmp_path / "future.db")
    Store.open(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer svodka"):
        Store.open(path)


def test_a_locked_store_gives_a_clear_error_and_keeps_its_data(filled):
    before = dump(filled)
    holder = sqlite3.connect(filled, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with Store.open(filled, timeout=0.1) as store:
            with pytest.raises(StoreError, match="locked"):
                store.add_record(dict(records()[0], document={**records()[0]["document"], "text": "Другой текст."}))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert dump(filled) == before


def test_a_missing_store_cannot_be_opened_for_reading(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store.open(str(tmp_path / "none.db"), readonly=True)


def test_query_events_filters_and_returns_reports(filled):
    with Store.open(filled, readonly=True) as store:
        assert len(store.query_events()) == 2
        assert store.query_events(country="KZ") == []
        (protest,) = store.query_events(event_type="Protests")
        assert protest["reports"][0]["document"]["source"] == "Азаттык"
        assert store.query_events(sub_event_type="Remote explosive/landmine/IED")[0]["fatalities"]["min"] == 5
        assert len(store.query_events(since="2024-11-06", until="2024-11-06")) == 2
        assert store.query_events(since="2024-11-07") == []
        assert len(store.query_events(place="Бишкек")) == 2
        assert len(store.query_events(source="Вечерний Бишкек")) == 1
        # plain words match as prefixes: "взрыв" finds "взрыве", "взрыва"
        (found,) = store.query_events(text="взрыв")
        assert found["event_type"] == "Explosions/Remote violence"
        assert store.get_event(found["id"])["claims"] == found["claims"]
        assert store.get_event("missing") is None
        assert len(store.query_events(limit=1)) == 1 and len(store.query_events(limit=1, offset=1)) == 1


def test_documents_and_aggregates(filled):
    with Store.open(filled, readonly=True) as store:
        assert len(store.documents()) == 4
        assert [d["id"] for d in store.documents(text="митинг*")] == ["rally"]
        document = store.get_document("vb")
        assert document["source"] == "Вечерний Бишкек" and "не менее семи" in document["text"]
        assert document["events"][0]["linked"] == store.query_events(event_type="Explosions/Remote violence")[0]["id"]
        assert store.aggregates(by="day") == [{"key": "2024-11-06", "events": 2, "fatalities": 5}]
        assert {row["key"] for row in store.aggregates(by="type")} == {"Protests", "Explosions/Remote violence"}
        with pytest.raises(StoreError):
            store.aggregates(by="month")


def test_an_invalid_search_is_a_store_error(filled):
    with Store.open(filled, readonly=True) as store:
        with pytest.raises(StoreError, match="search"):
            store.query_events(text='"unbalanced')


def create_and_store(path, barrier, results, number):
    barrier.wait()
    try:
        with Store.open(path) as store:
            store.add_record({"document": {"id": f"d{number}", "text": f"Текст номер {number}."}, "result": {"events": []}})
        results.put("ok")
    except Exception as error:  # noqa: BLE001 - the test reports what went wrong
        results.put(f"{type(error).__name__}: {error}")


@pytest.mark.slow
def test_ingests_creating_one_new_store_at_the_same_moment_all_succeed(tmp_path):
    import multiprocessing

    context = multiprocessing.get_context("spawn" if multiprocessing.get_start_method() != "fork" else "fork")
    for trial in range(12):  # the race is lost about one time in twenty without the WAL switch's wait
        path = str(tmp_path / f"new{trial}.db")
        barrier, results = context.Barrier(4), context.Queue()
        processes = [context.Process(target=create_and_store, args=(path, barrier, results, n)) for n in range(4)]
        for process in processes:
            process.start()
        outcomes = [results.get(timeout=60) for _ in processes]
        for process in processes:
            process.join(timeout=60)
        assert outcomes == ["ok"] * 4
        with Store.open(path, readonly=True) as store:
            assert store.counts()["documents"] == 4
