"""`svodka link` over partitioned Parquet makes the store's linked events."""
import json
import subprocess
import sys
from copy import deepcopy
from datetime import date, timedelta

import pytest

from svodka.dataset import parquet_link
from svodka.dataset.store import Store
from svodka.scale import write_parquet_partitions
from tests.news_fixtures import records


def spread(days=9):
    """The fixture's reports again on following days, one outlet-day each (short texts of
    their own, so none is a near-duplicate): clusters chain day after day across windows."""
    out = []
    for shift in range(days):
        for number, record in enumerate(records()):
            events = deepcopy(record["result"]["events"])
            for event in events:
                event["date"] = (date.fromisoformat(event["date"]) + timedelta(days=shift // 2)).isoformat()
            url = record["document"].get("url")
            document = {**record["document"], "id": f"{record['document']['id']}-{shift}", "text": f"Заметка {shift}-{number}.",
                        "url": f"{url}/{shift}" if url else None,
                        "published": (date(2024, 11, 6) + timedelta(days=shift // 2)).isoformat()}
            out.append({"document": document, "result": {**record["result"], "events": events}})
    return out


def store_linked(path, all_records):
    with Store.open(str(path)) as store:
        for start in range(0, len(all_records), 5):
            store.add_records(all_records[start:start + 5])
        # the stable ids and revisions are the store's own (versions), not linking's
        return [{k: v for k, v in json.loads(row[0]).items() if k != "event_id_cnty"}
                for row in store.rows("SELECT json FROM linked_events ORDER BY id")]


@pytest.mark.parametrize("window", [1, 2, 3, 14])
def test_parquet_linking_equals_the_store_across_window_boundaries(tmp_path, monkeypatch, window):
    monkeypatch.setattr(parquet_link, "WINDOW_DAYS", window)
    all_records = spread()
    expected = store_linked(tmp_path / "s.db", all_records)
    write_parquet_partitions(all_records, str(tmp_path / "parts"), batch_size=7)
    linked = parquet_link.link_parquet(str(tmp_path / "parts"))
    assert linked == expected
    assert max(len(event["reports"]) for event in linked) >= 3


def test_the_link_command_on_two_workers_writes_the_same_events(tmp_path):
    all_records = spread(4)
    expected = store_linked(tmp_path / "s.db", all_records)
    write_parquet_partitions(all_records, str(tmp_path / "parts"))
    out = tmp_path / "linked.jsonl"
    result = subprocess.run([sys.executable, "-m", "svodka.cli.main", "link", str(tmp_path / "parts"), "-o", str(out),
                             "--workers", "2"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == expected
    missing = subprocess.run([sys.executable, "-m", "svodka.cli.main", "link", str(tmp_path / "none"), "-o", str(out)],
                             capture_output=True, text=True, timeout=300)
    assert missing.returncode != 0 and "cannot read" in missing.stderr and "Traceback" not in missing.stderr
