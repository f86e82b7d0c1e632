"""`svodka serve`'s JSON API over a small fixture store, through FastAPI's TestClient."""
import csv
import io
import json
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date
from functools import lru_cache

import pytest
from fastapi.testclient import TestClient

from svodka.dataset.store import Store, StoreError
from svodka.model import Document
from svodka.scale import extract_records
from svodka.serve.app import create_app
from tests.news_fixtures import PUBLISHED, RALLY, explosion_documents

XSS_TEXT = (
    "В Алматы <script>window.__pwned=1</script> прошёл митинг\n\n"
    "В четверг в Алматы полиция задержала 12 участников митинга <img src=x onerror=\"window.__pwned=1\"> "
    "у акимата, сообщило МВД Казахстана."
)
MORE_DOCUMENTS = (
    ("osh", "Kaktus.media", date(2024, 11, 4),
     "В Оше прошла акция протеста\n\nВ воскресенье в Оше около 200 человек вышли на акцию протеста "
     "против повышения тарифов, сообщил Kaktus.media."),
    ("astana", "Tengrinews", date(2024, 11, 5),
     "В Астане прогремел взрыв\n\nВ понедельник в Астане в результате взрыва в жилом доме погибли "
     "два человека, сообщило ДЧС."),
    ("xss", "Tengrinews", date(2024, 11, 8), XSS_TEXT),
)


@lru_cache(maxsize=None)
def fixture_records() -> tuple[dict, ...]:
    rally = Document("rally", RALLY, published=PUBLISHED, source="Азаттык", url="https://example.org/rally")
    more = [Document(doc_id, text, published=day, source=outlet, url=f"https://example.org/{doc_id}")
            for doc_id, outlet, day, text in MORE_DOCUMENTS]
    return tuple(extract_records([*explosion_documents(), rally, *more]))


def build_store(path) -> str:
    """Seven documents, five linked events over five days: an explosion told by three
    outlets, two rallies, a protest, an explosion; one document carries markup."""
    with Store.open(str(path)) as store:
        for record in fixture_records():
            store.add_record(json.loads(json.dumps(record)))
    return str(path)


@contextmanager
def running_server(db: str):
    """`svodka serve` on a free loopback port, as a user starts it; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "svodka.cli.main", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"svodka serve did not start: {server.stderr.read().decode()}") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("serve") / "svodka.db")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), base_url="http://localhost") as client:
        yield client


def events(client, **parameters):
    response = client.get("/api/events", params=parameters)
    assert response.status_code == 200, response.text
    return response.json()


def explosion_id(client):
    return next(e["id"] for e in events(client)["events"] if e["reports"] == 3)


def test_events_are_listed_newest_first_with_their_total(client):
    page = events(client)
    assert page["total"] == 5 and len(page["events"]) == 5
    dates = [e["date"] for e in page["events"]]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2024-11-07"
    explosion = next(e for e in page["events"] if e["reports"] == 3)
    assert explosion["location"] == "Бишкек" and explosion["fatalities_acled"] == 5
    assert sorted(explosion["outlets"]) == ["24.kg", "Акипресс", "Вечерний Бишкек"]


@pytest.mark.parametrize(("parameters", "expected"), [
    ({"type": "Protests"}, 3),
    ({"type": "Protests", "sub_type": "Peaceful protest"}, 1),
    ({"country": "kg"}, 3),
    ({"since": "2024-11-05"}, 3),
    ({"since": "2024-11-04", "until": "2024-11-06"}, 3),
    ({"place": "Бишкек"}, 2),
    ({"source": "Акипресс"}, 1),
    ({"q": "взрыв"}, 2),
    ({"q": "тарифов"}, 1),
])
def test_events_are_filtered(client, parameters, expected):
    assert events(client, **parameters)["total"] == expected


def test_events_are_sorted_and_paged(client):
    by_fatalities = events(client, sort="-fatalities")["events"]
    assert [e["fatalities_acled"] for e in by_fatalities[:2]] == [5, 2]
    by_place = [e["location"] for e in events(client, sort="place")["events"]]
    assert by_place == sorted(by_place)
    everything = [e["id"] for e in events(client)["events"]]
    page = events(client, limit=2, offset=2)
    assert page["total"] == 5 and [e["id"] for e in page["events"]] == everything[2:4]
    assert events(client, offset=10)["events"] == []


@pytest.mark.parametrize(("path", "parameter"), [
    ("/api/events?since=2024-13-01", "since"),
    ("/api/events?until=yesterday", "until"),
    ("/api/events?since=0.0", "since"),
    ("/api/events?since=20241105", "since"),
    ("/api/export?format=acled&until=1730764800", "until"),
    ("/api/events?limit=-1", "limit"),
    ("/api/events?limit=501", "limit"),
    ("/api/events?offset=-5", "offset"),
    (f"/api/events?offset={2**63}", "offset"),
    (f"/api/events?offset={2**64}", "offset"),
    (f"/api/documents?offset={2**63}", "offset"),
    ("/api/documents?limit=-1", "limit"),
    ("/api/events?sort=colour", "sort"),
    ("/api/events?country=Kyrgyzstan", "country"),
    ("/api/events?q=%22unclosed", "q"),
    ("/api/documents?limit=0", "limit"),
    ("/api/aggregates?by=week", "by"),
    ("/api/export?format=xml", "format"),
    ("/api/export", "format"),
])
def test_bad_parameters_are_422_naming_the_parameter(client, path, parameter):
    response = client.get(path)
    assert response.status_code == 422
    assert response.json()["message"].startswith(f"{parameter}: ")


def test_an_event_has_each_report_with_its_text_claims_and_evidence(client):
    event = client.get(f"/api/events/{explosion_id(client)}").json()
    assert sorted(claim["min"] for claim in event["claims"]) == [5, 7, 10]
    assert sorted(source["outlet"] for source in event["sources"]) == ["24.kg", "Акипресс", "Вечерний Бишкек"]
    assert len(event["reports"]) == 3
    for report in event["reports"]:
        text = report["text"]
        kinds = {span["kind"] for span in report["spans"]}
        assert {"place", "date", "count", "source", "trigger"} <= kinds
        place = next(span for span in report["spans"] if span["kind"] == "place")
        assert text[place["start"]:place["end"]] == "Бишкеке"
        count = report["event"]["fatalities"]
        assert text[slice(*count["evidence"])] == count["text"]


def test_unknown_ids_are_404(client):
    assert client.get("/api/events/0000000000000000").status_code == 404
    assert client.get("/api/documents/nothing-here").status_code == 404


def test_documents_are_listed_and_read_with_their_evidence(client):
    listed = client.get("/api/documents").json()["documents"]
    assert len(listed) == 7 and listed[0]["id"] == "xss"
    assert [d["id"] for d in client.get("/api/documents", params={"source": "Tengrinews"}).json()["documents"]] == ["xss", "astana"]
    assert [d["id"] for d in client.get("/api/documents", params={"q": "тарифов"}).json()["documents"]] == ["osh"]
    document = client.get("/api/documents/xss").json()
    assert document["text"] == XSS_TEXT
    assert document["events"][0]["linked"] and document["events"][0]["arrested"]["min"] == 12
    spans = {(span["kind"], XSS_TEXT[span["start"]:span["end"]]) for span in document["spans"]}
    assert {("place", "Алматы"), ("count", "12 участников"), ("source", "сообщило МВД Казахстана")} <= spans
    assert client.get(f"/api/documents/{document['key']}").json()["id"] == "xss"


def test_places_and_sources_are_counted(client):
    places = {place["name"]: place for place in client.get("/api/places").json()}
    assert set(places) == {"Бишкек", "Алматы", "Ош", "Астана"}
    assert (places["Бишкек"]["events"], places["Бишкек"]["fatalities"], places["Бишкек"]["country"]) == (2, 5, "KG")
    sources = {source["name"]: source for source in client.get("/api/sources").json()}
    assert sources["Tengrinews"] == {"name": "Tengrinews", "documents": 2, "events": 2,
                                     "first": "2024-11-05", "last": "2024-11-08"}
    assert len(sources) == 6


def test_aggregates_count_events_and_fatalities_by_day_and_type(client):
    by_day = client.get("/api/aggregates", params={"by": "day"}).json()
    assert [(row["key"], row["events"], row["fatalities"]) for row in by_day] == [
        ("2024-11-03", 1, 0), ("2024-11-04", 1, 2), ("2024-11-06", 2, 5), ("2024-11-07", 1, 0)]
    by_type = {row["key"]: (row["events"], row["fatalities"]) for row in client.get("/api/aggregates?by=type").json()}
    assert by_type == {"Explosions/Remote violence": (2, 7), "Protests": (3, 0)}
    assert sum(row["events"] for row in client.get("/api/aggregates?country=KZ").json()) == 2


def test_export_downloads_the_events_of_the_filter(client):
    response = client.get("/api/export", params={"format": "acled", "type": "Protests"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(row["location"] for row in rows) == ["Almaty", "Bishkek", "Osh"]
    geojson = client.get("/api/export", params={"format": "geojson", "country": "KZ"}).json()
    assert sorted(f["properties"]["event_date"] for f in geojson["features"]) == ["2024-11-04", "2024-11-07"]
    assert all(f["geometry"]["type"] == "Point" for f in geojson["features"])


def test_the_page_and_its_assets_are_served_with_a_content_security_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and '<div id="map">' in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    assert client.get("/api/events").headers["content-security-policy"] == policy
    for asset in ("/static/js/app.js", "/static/vendor/leaflet.js", "/static/vendor/countries-110m.json"):
        assert client.get(asset).status_code == 200, asset


def test_the_api_is_documented(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{id}", "/api/documents", "/api/documents/{id}", "/api/places",
            "/api/sources", "/api/aggregates", "/api/export"} <= set(paths)


def test_the_interface_language_follows_the_documents(client, tmp_path):
    assert client.get("/api/info").json() == {"documents": 7, "events": 7, "linked_events": 5, "language": "ru"}
    english = tmp_path / "english.db"
    with Store.open(str(english)) as store:
        store.add_record({"document": {"id": "en", "text": "A quiet day in the capital, nothing happened."},
                          "result": {"events": []}})
    with TestClient(create_app(str(english)), base_url="http://127.0.0.1") as other:
        assert other.get("/api/info").json()["language"] == "en"


def test_nothing_is_written_and_nothing_can_be(client, db):
    before = open(db, "rb").read()
    assert client.post("/api/events").status_code == 405
    assert client.delete(f"/api/events/{explosion_id(client)}").status_code == 405
    client.get("/api/events")
    assert open(db, "rb").read() == before


def test_a_store_that_cannot_be_read_is_refused_in_one_line(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        create_app(str(tmp_path / "missing.db"))
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database\n" * 100)
    with pytest.raises(StoreError) as caught:
        create_app(str(broken))
    assert "\n" not in str(caught.value)


def test_serve_refuses_a_missing_store_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "svodka.cli.main", "serve", "--db", str(tmp_path / "none.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "no database" in result.stderr


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_loopback_host_names_are_answered(client, host):
    assert client.get("/api/info", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "a b"])
def test_other_host_names_are_refused_by_default(client, host):
    # a page whose own name resolves to 127.0.0.1 (DNS rebinding) must not read the store
    response = client.get("/api/info", headers={"host": host})
    assert response.status_code == 400
    assert "documents" not in response.text


def test_an_allowed_host_name_is_answered(db):
    from svodka.serve.app import allowed_hosts

    hosts = allowed_hosts("0.0.0.0", ["news.example.org"])
    assert "0.0.0.0" not in hosts and "news.example.org" in hosts and "localhost" in hosts
    with TestClient(create_app(db, hosts), base_url="http://news.example.org") as other:
        assert other.get("/api/info").status_code == 200
        assert other.get("/api/info", headers={"host": "evil.example"}).status_code == 400
    assert "192.0.2.7" in allowed_hosts("192.0.2.7") and "[::2]" in allowed_hosts("::2")


@pytest.mark.parametrize("pattern", ["a.*.org", "*evil", "http://x/"])
def test_a_bad_allow_host_pattern_is_one_line(pattern):
    from svodka.errors import SvodkaError
    from svodka.serve.app import allowed_hosts

    with pytest.raises(SvodkaError, match="--allow-host"):
        allowed_hosts(None, [pattern])


def test_api_export_reads_one_snapshot_while_an_ingest_writes(tmp_path, monkeypatch):
    import svodka.serve.app as serve_module

    records = [json.loads(json.dumps(r)) for r in fixture_records()]
    path = str(tmp_path / "live.db")
    with Store.open(path) as writer:
        for record in records[:-1]:
            writer.add_record(record)
    monkeypatch.setattr(serve_module, "EXPORT_PAGE", 1)
    query, calls = Store.query_events, []

    def query_while_ingesting(self, **arguments):
        page = query(self, **arguments)
        if not calls:  # after the first page, an ingest stores the newest event: the pages shift
            with Store.open(path) as writer:
                writer.add_record(records[-1])
        calls.append(page)
        return page

    with TestClient(create_app(path), base_url="http://localhost") as client:
        before = client.get("/api/events").json()["total"]
        monkeypatch.setattr(Store, "query_events", query_while_ingesting)
        rows = list(csv.DictReader(io.StringIO(client.get("/api/export?format=acled").text)))
        monkeypatch.setattr(Store, "query_events", query)
        ids = [row["event_id_cnty"] for row in rows]
        assert len(ids) == len(set(ids)) == before
        assert client.get("/api/info").json()["documents"] == len(records)


def test_a_search_with_a_control_character_is_searched_not_refused(tmp_path):
    with TestClient(create_app(build_store(tmp_path / "s.db")), base_url="http://localhost") as client:
        plain = client.get("/api/events", params={"q": "взрыв"}).json()["total"]
        assert client.get("/api/events", params={"q": "взрыв\x00"}).json()["total"] == plain > 0
        assert client.get("/api/events", params={"q": "\x00"}).status_code == 200
