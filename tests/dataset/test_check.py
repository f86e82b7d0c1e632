"""`svodka check`: a whole store passes; each kind of damage is one line and exit 1 (or 2)."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from svodka.dataset.check import check_store

ROOT = Path(__file__).resolve().parents[2]


def run_check(path):
    return subprocess.run([sys.executable, "-m", "svodka.cli.main", "check", "--db", path], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def damage(path, *statements):
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


def test_a_whole_store_is_ok(filled):
    result = check_store(filled)
    assert result.problems == [] and (result.documents, result.events, result.linked_events) == (4, 4, 2)
    finished = run_check(filled)
    assert finished.returncode == 0 and finished.stderr == f"svodka: {filled}: ok (4 documents, 4 events, 2 linked events)\n"


def move_fatalities(path):
    connection = sqlite3.connect(path)
    rowid, text = connection.execute("SELECT rowid, json FROM events WHERE json LIKE '%\"fatalities\": {%' LIMIT 1").fetchone()
    event = json.loads(text)
    start, end = event["fatalities"]["evidence"]
    event["fatalities"]["evidence"] = [start + 1, end + 1]
    connection.execute("UPDATE events SET json = ? WHERE rowid = ?", (json.dumps(event, ensure_ascii=False), rowid))
    connection.commit()
    connection.close()


@pytest.mark.parametrize(("spoil", "problem"), [
    (move_fatalities, "fatalities.evidence"),
    (lambda path: damage(path, "UPDATE events SET json = json_set(json, '$.evidence[0][1]', 100000) WHERE rowid = 1"),
     "lies outside the text"),
    (lambda path: damage(path, "UPDATE documents SET text = 'Другой текст.' WHERE rowid = 1"), "lies outside the text"),
    (lambda path: damage(path, "DELETE FROM linked_events WHERE rowid = 1"), "refers to a missing linked_events row"),
    (lambda path: damage(path, "UPDATE linked_events SET reports = reports + 1 WHERE rowid = 1"), "counts"),
    (lambda path: damage(path, "UPDATE events SET linked = NULL WHERE rowid = 1"), "is linked to no event"),
    (lambda path: damage(path, "DELETE FROM documents_fts WHERE rowid = 1"), "full-text index has 3 rows for 4 documents"),
])
def test_each_kind_of_damage_is_found_and_said_in_one_line(filled, spoil, problem):
    spoil(filled)
    result = check_store(filled)
    assert result.problems and any(problem in p for p in result.problems), result.problems
    finished = run_check(filled)
    assert finished.returncode == 1 and finished.stdout == ""
    assert finished.stderr.count("\n") == 1 and problem in finished.stderr and "problem" in finished.stderr


def test_a_newer_schema_is_one_line(filled):
    damage(filled, "PRAGMA user_version = 99")
    finished = run_check(filled)
    assert finished.returncode == 2 and finished.stderr.count("\n") == 1 and "newer svodka" in finished.stderr


def test_damaged_pages_are_one_line_and_not_a_traceback(filled):
    data = bytearray(Path(filled).read_bytes())
    for offset in range(4096 * 2, len(data), 4096):  # scribble over the cells of every page past the schema's
        data[offset + 2048:offset + 4096] = b"\xa5" * 2048
    Path(filled).write_bytes(bytes(data))
    Path(filled + "-wal").unlink(missing_ok=True)
    finished = run_check(filled)
    assert finished.returncode in (1, 2) and finished.stderr.count("\n") == 1, finished.stderr
    assert "Traceback" not in finished.stderr and ("damaged" in finished.stderr or "integrity" in finished.stderr)
