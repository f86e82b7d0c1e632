import json
import os
import time
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from svodka import scale
from svodka.errors import SvodkaError
from svodka.model import Document

DAY = date(2024, 11, 6)
TEXTS = {
    "kg-protest": "В среду в Бишкеке полиция задержала 30 участников митинга у здания парламента, сообщило МВД.",
    "weather": "В Москве в четверг ожидается облачная погода, температура воздуха составит около пяти градусов тепла.",
    "kz-protest": "Во вторник в Алматы около 200 человек вышли на акцию протеста против повышения цен на газ, сообщает агентство «Интерфакс».",
    "football": "Футбольный клуб «Зенит» обыграл «Спартак» со счётом 2:1 в матче чемпионата России.",
    "shelling": "В понедельник в Белгороде в результате обстрела погибли два человека, ещё пятеро получили ранения, сообщил губернатор.",
    "key-rate": "Центральный банк сохранил ключевую ставку на прежнем уровне, говорится в сообщении регулятора.",
    "ge-protest": "Накануне в Тбилиси полиция применила слезоточивый газ против демонстрантов у здания парламента, задержаны 15 человек.",
    "exhibition": "В Казани открылась выставка современного искусства, которая продлится до конца декабря.",
    "am-march": "В субботу в Ереване несколько тысяч человек приняли участие в шествии к зданию правительства, сообщили организаторы.",
    "thanks": "Редакция благодарит читателей за письма.",
}
WITH_EVENTS = {"kg-protest", "kz-protest", "shelling", "ge-protest", "am-march"}


def fixture_documents() -> list[Document]:
    return [Document(doc_id, text, None if doc_id == "thanks" else DAY, source="Тестовое агентство")
            for doc_id, text in TEXTS.items()]


@pytest.fixture(scope="module")
def single_process_records() -> list[dict]:
    return list(scale.extract_records(fixture_documents()))


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


def as_json(records: list[dict]) -> str:
    return json.dumps(records, ensure_ascii=False, sort_keys=True)


def test_the_fixture_has_documents_with_and_without_events(single_process_records):
    found = {r["document"]["id"] for r in single_process_records if r["result"]["events"]}
    assert found == WITH_EVENTS


@pytest.mark.cluster
def test_every_engine_gives_byte_identical_json(single_process_records):
    expected = as_json(single_process_records)
    for workers in (1, 2):
        records = list(scale.extract_records(fixture_documents(), workers=workers, batch_size=3))
        assert as_json(records) == expected, f"workers={workers}"


@pytest.mark.cluster
def test_the_cluster_engine_reads_its_input_a_bounded_window_ahead(cluster, single_process_records):
    pulled = []

    def counted():
        for doc in fixture_documents():
            pulled.append(doc.id)
            yield doc

    records = scale.extract_records(counted(), scheduler=cluster.scheduler_address, batch_size=1)
    first = next(records)
    window = scale.BATCHES_PER_THREAD * 2  # 2 single-threaded workers, batches of one document
    assert len(pulled) <= window < len(TEXTS)
    assert as_json([first, *records]) == as_json(single_process_records)


class ExitOnFirstTask(WorkerPlugin):
    """Makes the worker process exit hard as it starts the first svodka task, once per marker file."""

    def __init__(self, marker: str):
        self.marker = marker

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and str(key).startswith("svodka-") and not os.path.exists(self.marker):
            Path(self.marker).touch()
            os._exit(1)


@pytest.mark.cluster
def test_a_worker_dying_mid_task_loses_no_document(tmp_path, cluster, single_process_records):
    marker = tmp_path / "worker-died"
    with Client(cluster) as client:
        client.register_plugin(ExitOnFirstTask(str(marker)), name="exit-on-first-task")
        try:
            records = list(scale.extract_records(fixture_documents(), scheduler=cluster.scheduler_address, batch_size=2))
        finally:
            client.unregister_worker_plugin("exit-on-first-task")
    assert marker.exists()
    assert [r["document"]["id"] for r in records] == list(TEXTS)
    assert as_json(records) == as_json(single_process_records)


def parquet_parts(folder: Path) -> dict[str, list[dict]]:
    return {path.name: pq.read_table(path).to_pylist() for path in sorted(folder.iterdir())}


@pytest.mark.cluster
def test_parquet_parts_do_not_depend_on_the_engine(tmp_path, cluster, single_process_records):
    here = scale.write_parquet_partitions(fixture_documents(), str(tmp_path / "here"), batch_size=4)
    there = scale.write_parquet_partitions(
        fixture_documents(), str(tmp_path / "there"), scheduler=cluster.scheduler_address, batch_size=4)
    assert [(Path(p.path).name, p.documents, p.events) for p in here] == [
        (Path(p.path).name, p.documents, p.events) for p in there]
    assert [p.documents for p in here] == [4, 4, 2]
    assert parquet_parts(tmp_path / "here") == parquet_parts(tmp_path / "there")

    rows = [row for part in parquet_parts(tmp_path / "there").values() for row in part]
    events = [(r["document"]["id"], e) for r in single_process_records for e in r["result"]["events"]]
    assert [(row["doc_id"], json.loads(row["event_json"])) for row in rows] == events
    bishkek = rows[0]
    assert (bishkek["doc_id"], bishkek["published"], bishkek["location"], bishkek["arrested_min"]) == (
        "kg-protest", DAY, "Бишкек", 30)


def test_parquet_from_records_matches_parquet_from_documents(tmp_path, single_process_records):
    scale.write_parquet_partitions(fixture_documents(), str(tmp_path / "docs"), batch_size=4)
    scale.write_parquet_partitions(single_process_records, str(tmp_path / "records"), batch_size=4)
    assert parquet_parts(tmp_path / "docs") == parquet_parts(tmp_path / "records")


def test_parquet_refuses_a_folder_that_already_holds_parts(tmp_path, single_process_records):
    scale.write_parquet_partitions(single_process_records, str(tmp_path), batch_size=4)
    with pytest.raises(SvodkaError, match="already holds"):
        scale.write_parquet_partitions(single_process_records, str(tmp_path), batch_size=4)


def test_an_unreachable_scheduler_is_a_one_line_error(monkeypatch):
    monkeypatch.setattr(scale, "CONNECT_TIMEOUT_S", 1)
    started = time.monotonic()
    with pytest.raises(SvodkaError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1") as raised:
        list(scale.extract_records(fixture_documents(), scheduler="tcp://127.0.0.1:1"))
    assert "\n" not in str(raised.value)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("options", [{"workers": -1}, {"workers": 2, "scheduler": "tcp://127.0.0.1:8786"}, {"batch_size": 0}])
def test_a_bad_engine_choice_is_an_error(options):
    with pytest.raises(SvodkaError):
        list(scale.extract_records(fixture_documents(), **options))
