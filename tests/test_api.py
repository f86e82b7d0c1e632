"""The Python API: svodka.extract, extract_many, ingest_documents and open_store, and the README's example."""
import doctest
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import svodka
from svodka.api import Document, Event, Location
from svodka.errors import InputError

README = Path(__file__).resolve().parents[1] / "README.md"
TEXT = "В среду в Бишкеке полиция задержала 30 участников митинга у здания парламента, сообщило МВД."


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    return re.search(r"<!-- api-example -->\n```python\n(.*?)```", text, re.S).group(1)


def test_the_readme_example_runs_as_it_stands(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    test = doctest.DocTestParser().get_doctest(readme_example(), {}, "README", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0 and runner.tries >= 10


def test_extract_gives_the_models_of_the_clis_json(tmp_path):
    doc = svodka.extract(TEXT, published="2024-11-06", source="24.kg", id="rally")
    assert isinstance(doc, Document) and isinstance(doc.events[0], Event) and isinstance(doc.events[0].location, Location)
    path = tmp_path / "rally.txt"
    path.write_text(TEXT, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "svodka.cli.main", "extract", str(path), "--published", "2024-11-06",
                          "--format", "json"], capture_output=True, text=True, timeout=300)
    assert doc.to_dict() == json.loads(run.stdout)
    contract = {"event_type", "sub_event_type", "modality", "date", "location", "actors", "fatalities", "injured",
                "arrested", "crowd", "sources", "verification", "evidence", "confidence"}
    assert contract <= set(Event.model_fields)


def test_extract_many_keeps_the_input_order_and_takes_texts_or_records():
    docs = list(svodka.extract_many(["Погода будет тёплой.", {"id": "r", "text": TEXT, "published": "2024-11-06"}]))
    assert [d.id for d in docs] == ["document-1", "r"] and [len(d.events) for d in docs] == [0, 1]
    with pytest.raises(InputError, match="text"):
        list(svodka.extract_many([{"id": "x"}]))


def test_store_filters_and_tables(tmp_path):
    path = str(tmp_path / "s.db")
    assert svodka.ingest_documents([{"id": "r", "text": TEXT, "published": "2024-11-06", "source": "24.kg"}], path) == 1
    assert svodka.ingest_documents([{"id": "r", "text": TEXT, "published": "2024-11-06", "source": "24.kg"}], path) == 0
    with svodka.open_store(path) as store:
        assert len(store.events(country="kg")) == 1 and store.events(country="KZ") == []
        assert store.events(type="Riots") == [] and store.events(q="парламента")[0]["event_id_cnty"].startswith("KGZ")
        assert store.events(until="2024-11-05") == [] and len(store.events(since="2024-11-06")) == 1
        table = store.to_arrow()
        assert table.num_rows == 1 and table.column("actor2").to_pylist() == ["Police Forces of Kyrgyzstan (2020-)"]
        assert [d["id"] for d in store.documents()] == ["r"] and store.document("r")["text"] == TEXT
        assert [e["event_id_cnty"] for e in store.changes(0)["added"]] == table.column("event_id_cnty").to_pylist()
