"""Faults a user meets: two ingests into one store at once (an existing store and a new one), `svodka serve`
answering while an ingest writes, an export killed with SIGKILL. Each leaves the store whole (`svodka check`)
and readable."""
import json
import signal
import subprocess
import sys
import time

import httpx
import pytest

from svodka.dataset.check import check_store
from svodka.dataset.store import Store
from tests.news_fixtures import rally_text
from tests.serve.test_api import running_server

pytestmark = pytest.mark.slow

COMMAND = [sys.executable, "-m", "svodka.cli.main"]


def documents(path, first: int, count: int):
    lines = [{"id": f"d{n}", "text": rally_text(n), "published": "2024-11-06", "source": "Азаттык",
              "url": f"https://example.org/{n}"} for n in range(first, first + count)]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return str(path)


def ingest(path, db):
    return subprocess.Popen([*COMMAND, "ingest", path, "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def whole(db) -> dict:
    """The store's counts, after `svodka check` has found it whole."""
    result = check_store(db)
    assert not result.problems, result.summary(db)
    with Store.open(db, readonly=True) as store:
        return store.counts()


@pytest.mark.parametrize("existing", [True, False], ids=["existing store", "new store"])
def test_two_ingests_into_one_store_at_once_both_store_everything(tmp_path, existing):
    db = str(tmp_path / "s.db")
    if existing:
        assert subprocess.run([*COMMAND, "ingest", documents(tmp_path / "first.jsonl", 0, 3), "--db", db],
                              capture_output=True).returncode == 0
    runs = [ingest(documents(tmp_path / "a.jsonl", 100, 30), db), ingest(documents(tmp_path / "b.jsonl", 200, 30), db)]
    outcomes = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outcomes
    assert whole(db)["documents"] == 60 + 3 * existing


def test_serve_answers_every_request_while_an_ingest_writes(tmp_path):
    db = str(tmp_path / "s.db")
    assert subprocess.run([*COMMAND, "ingest", documents(tmp_path / "first.jsonl", 0, 3), "--db", db],
                          capture_output=True).returncode == 0
    with running_server(db) as base:
        run = ingest(documents(tmp_path / "more.jsonl", 100, 150), db)
        totals, statuses = [], []
        with httpx.Client(base_url=base, timeout=30) as client:
            while run.poll() is None:
                for path in ("/api/events?limit=5", "/api/documents?limit=5", "/api/info"):
                    response = client.get(path)
                    statuses.append(response.status_code)
                    if path == "/api/info" and response.status_code == 200:
                        totals.append(response.json()["documents"])
                time.sleep(0.05)
            _, stderr = run.communicate(timeout=60)
            final = client.get("/api/info").json()["documents"]
    assert run.returncode == 0, stderr
    assert set(statuses) == {200} and len(statuses) > 10, sorted(set(statuses))
    assert totals == sorted(totals) and totals[0] >= 3 and final == 153  # a reader sees the store grow, never shrink
    assert whole(db)["documents"] == 153


def test_an_export_killed_with_sigkill_leaves_the_store_whole_and_its_old_file(tmp_path):
    db = str(tmp_path / "s.db")
    assert subprocess.run([*COMMAND, "ingest", documents(tmp_path / "docs.jsonl", 0, 20), "--db", db],
                          capture_output=True).returncode == 0
    target = tmp_path / "events.jsonl"
    target.write_text("an earlier export\n", encoding="utf-8")
    script = (
        "import time\n"
        "from svodka.export import formats as export\n"
        "from svodka.dataset.store import Store\n"
        "every = export.linked_events\n"
        "def slowly(store):\n"
        "    for event in every(store):\n"
        "        yield event\n"
        "        time.sleep(60)\n"
        "export.linked_events = slowly\n"
        f"export.export(Store.open({db!r}, readonly=True), 'jsonl', {str(target)!r})\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".events.jsonl.*.part")):
            assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert target.read_text(encoding="utf-8") == "an earlier export\n"
    assert whole(db)["documents"] == 20
    exported = subprocess.run([*COMMAND, "export", "--db", db, "--format", "jsonl", "-o", str(target)],
                              capture_output=True, text=True)
    assert exported.returncode == 0, exported.stderr
    assert not list(tmp_path.glob(".events.jsonl.*.part"))  # the next export removed the killed one's file
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["id"] for line in lines)
