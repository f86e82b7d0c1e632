"""`svodka ingest`, `svodka events` and `svodka export` as a user runs them."""
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from svodka.dataset.store import Store
from tests.news_fixtures import EXPLOSION_REPORTS, rally_text

pytestmark = pytest.mark.slow


def svodka(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "svodka.cli.main", *args], capture_output=True, text=True, timeout=timeout)


def html_page(title, text):
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav>Главная | Новости</nav><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def write_every_format(folder):
    folder.mkdir()
    (folder / "plain.txt").write_text(EXPLOSION_REPORTS["akipress"][1], encoding="utf-8")
    (folder / "windows.txt").write_bytes(EXPLOSION_REPORTS["vb"][1].encode("cp1251"))
    (folder / "koi.txt").write_bytes(EXPLOSION_REPORTS["24kg"][1].encode("koi8_r"))
    lines = [{"id": f"line{n}", "text": rally_text(n), "published": "2024-11-06", "source": "Азаттык"} for n in (11, 12)]
    (folder / "docs.jsonl").write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    (folder / "page.html").write_text(html_page("Митинг в Бишкеке", rally_text(13)), encoding="utf-8")
    (folder / "feed.rss").write_text(
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Лента</title>"
        "<item><title>Задержания в Бишкеке</title><link>https://example.org/feed/1</link>"
        f"<pubDate>Wed, 06 Nov 2024 18:00:00 +0600</pubDate><description>{rally_text(14)}</description></item>"
        "</channel></rss>", encoding="utf-8")
    with (folder / "crawl.warc.gz").open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        body = html_page("Задержания", rally_text(15)).encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/warc/1", "response",
                                                      payload=BytesIO(body), http_headers=headers))
    return 8


def dump(path):
    connection = sqlite3.connect(path)
    content = {table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
               for table in ("documents", "events", "linked_events", "documents_fts")}
    connection.close()
    return content


def test_every_format_is_ingested_and_ingesting_again_changes_nothing(tmp_path):
    expected = write_every_format(tmp_path / "news")
    db = str(tmp_path / "svodka.db")
    result = svodka("ingest", str(tmp_path / "news"), "--db", db, "--published", "2024-11-06")
    assert result.returncode == 0, result.stderr
    assert f"{expected} documents stored" in result.stderr
    with Store.open(db, readonly=True) as store:
        assert store.counts()["documents"] == expected
        # the cp1251 and koi8-r files were decoded: their Russian words are searchable
        assert {d["id"] for d in store.documents(text="прогремел")} == {"windows", "koi"}
        (explosion,) = store.query_events(event_type="Explosions/Remote violence")
        assert len(explosion["reports"]) == 3
    before = dump(db)
    again = svodka("ingest", str(tmp_path / "news"), "--db", db)
    assert again.returncode == 0, again.stderr
    assert f"0 documents stored (0 events), {expected} already stored" in again.stderr
    assert dump(db) == before


def test_bad_records_are_reported_one_line_each_and_the_rest_is_stored(tmp_path):
    good = json.dumps({"id": "ok", "text": rally_text(21), "published": "2024-11-06"}, ensure_ascii=False)
    (tmp_path / "docs.jsonl").write_text(f"{good}\n{{broken json\n", encoding="utf-8")
    db = str(tmp_path / "svodka.db")
    result = svodka("ingest", str(tmp_path / "docs.jsonl"), str(tmp_path / "missing.txt"), "--db", db)
    assert result.returncode == 1
    skipped = [line for line in result.stderr.splitlines() if "skipped:" in line]
    assert len(skipped) == 2 and "docs.jsonl:2" in skipped[0] and "missing.txt" in skipped[1]
    assert "Traceback" not in result.stderr
    with Store.open(db, readonly=True) as store:
        assert [d["id"] for d in store.documents()] == ["ok"]


def test_a_killed_run_resumes_with_every_document_once(tmp_path):
    # Documents are stored in transactions of many: enough of them that the run is killed between two.
    documents = [{"id": f"d{n}", "text": rally_text(100 + n), "published": "2024-11-06"} for n in range(400)]
    source = tmp_path / "many.jsonl"
    source.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in documents), encoding="utf-8")
    db = str(tmp_path / "svodka.db")
    run = subprocess.Popen([sys.executable, "-m", "svodka.cli.main", "ingest", str(source), "--db", db],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored, deadline = 0, time.monotonic() + 240
    while stored < 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        if os.path.exists(db):
            try:
                with sqlite3.connect(db, timeout=5) as connection:
                    stored = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0  # the schema is not there yet
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert 3 <= stored < 400, "the run should be killed part-way"
    result = svodka("ingest", str(source), "--db", db)
    assert result.returncode == 0, result.stderr
    connection = sqlite3.connect(db)
    ids = [row[0] for row in connection.execute("SELECT id FROM documents")]
    events = connection.execute("SELECT count(*), count(DISTINCT document) FROM events").fetchone()
    unlinked = connection.execute("SELECT count(*) FROM events WHERE linked IS NULL").fetchone()[0]
    connection.close()
    assert sorted(ids) == sorted(d["id"] for d in documents)
    assert events == (400, 400) and unlinked == 0


def test_a_corrupt_or_locked_store_is_one_line_and_a_failure(tmp_path):
    (tmp_path / "a.txt").write_text(rally_text(31), encoding="utf-8")
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"garbage" * 1000)
    result = svodka("ingest", str(tmp_path / "a.txt"), "--db", str(corrupt))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "damaged" in result.stderr
    assert corrupt.read_bytes() == b"garbage" * 1000

    db = str(tmp_path / "svodka.db")
    Store.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = svodka("ingest", str(tmp_path / "a.txt"), "--db", db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode != 0
    assert [line for line in result.stderr.splitlines() if "error" in line] == [
        f"svodka: error: {db} is locked by another svodka process; try again when it has finished"]
    with Store.open(db, readonly=True) as store:
        assert store.counts()["documents"] == 0


def test_events_and_export_commands_read_the_store(tmp_path):
    (tmp_path / "a.txt").write_text(rally_text(41), encoding="utf-8")
    db = str(tmp_path / "svodka.db")
    assert svodka("ingest", str(tmp_path / "a.txt"), "--db", db, "--published", "2024-11-06").returncode == 0
    listing = svodka("events", "--db", db, "--country", "kg", "--type", "Protests", "--q", "парламент")
    assert listing.returncode == 0 and "Бишкек" in listing.stdout and "1 events" in listing.stdout
    assert re.search(r"KGZ\d+ r1", listing.stdout)  # the stable id and its revision
    assert "0 events" in svodka("events", "--db", db, "--since", "2025-01-01").stdout
    assert svodka("events", "--db", db, "--since", "yesterday").returncode == 2
    for limit in ("-1", "0", str(2**63)):  # out of SQLite's range was an internal error
        refused = svodka("events", "--db", db, "--limit", limit)
        assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "--limit" in refused.stderr
    exported = svodka("export", "--db", db, "--format", "geojson", "-o", str(tmp_path / "e.geojson"))
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))["features"]) == 1
    missing = svodka("export", "--db", str(tmp_path / "none.db"), "--format", "acled", "-o", str(tmp_path / "x.csv"))
    assert missing.returncode == 2 and "no database" in missing.stderr and not (tmp_path / "x.csv").exists()


def test_ingest_takes_the_extractors_options(tmp_path):
    weak = tmp_path / "weak.jsonl"
    weak.write_text(json.dumps({"id": "w1", "text": "Жители Оша вышли на улицу.", "published": "2024-11-06"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    plain, wide = tmp_path / "plain.db", tmp_path / "wide.db"
    assert svodka("ingest", str(weak), "--db", str(plain)).returncode == 0
    assert svodka("ingest", str(weak), "--db", str(wide), "--min-confidence", "0").returncode == 0
    with Store.open(str(plain), readonly=True) as store:
        assert store.counts()["events"] == 0
    with Store.open(str(wide), readonly=True) as store:
        assert store.counts()["events"] == 1
    refused = svodka("ingest", str(weak), "--db", str(tmp_path / "x.db"), "--min-confidence", "2")
    assert refused.returncode == 2 and refused.stderr.strip().count("\n") == 0 and "between 0 and 1" in refused.stderr
