"""Extraction engines: one process, or a Dask distributed cluster.

Every engine yields the same records in input order, so what is stored or
exported does not depend on how the work was spread. On a cluster, documents
go out in batches, at most a few batches per worker thread at a time, so a run
over millions of documents holds only a bounded window of them in memory. The
task functions are imported by name on the workers, and the extractor caches
its models at module level, so each worker process loads them once and they
never travel in the task graph.
"""
from __future__ import annotations

import json
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import SvodkaError
from .model import COUNT_SLOTS, Document
from .options import DEFAULT_OPTIONS, ExtractOptions
from .pipeline import extract_all
from .records import document_json

if TYPE_CHECKING:
    import pyarrow
    from distributed import Client

T = TypeVar("T")
R = TypeVar("R")

RECORD_BATCH = 128  # documents per task: they share NER calls; 0.2-2 s of work, far above the per-task overhead
PART_BATCH = 1_000  # documents per Parquet file
BATCHES_PER_THREAD = 2  # batches submitted but not yet yielded, per worker thread
TASK_RETRIES = 2  # for a task that raises; a task whose worker dies is rescheduled by the scheduler
CONNECT_TIMEOUT_S = 5


def document_record(doc: Document) -> dict:
    """The input document's metadata and text with its extraction result (the document extracted already)."""
    return {
        "document": {
            "id": doc.id,
            "text": doc.text,
            "published": doc.published.isoformat() if doc.published else None,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
        },
        "result": document_json(doc),
    }


def records_of(batch: list[Document], options: ExtractOptions = DEFAULT_OPTIONS) -> list[dict]:
    """The batch extracted together, so that its documents share NER calls."""
    return [document_record(doc) for doc in extract_all(batch, options)]


def extract_records(
    documents: Iterable[Document],
    options: ExtractOptions = DEFAULT_OPTIONS,
    *,
    workers: int = 0,
    scheduler: str | None = None,
    batch_size: int = RECORD_BATCH,
) -> Iterator[dict]:
    """`document_record` of every document, in input order.

    workers=0 and no scheduler: in this process. workers=N: on a local cluster
    of N single-threaded worker processes. scheduler="tcp://host:port": on an
    existing Dask cluster, whose workers must have svodka installed.
    """
    check_engine(workers, scheduler, batch_size)
    if not (workers or scheduler):
        yield from map(document_record, extract_all(documents, options))
        return
    calls = ((batch, options) for batch in batched(documents, batch_size))
    for records in run_in_order(records_of, calls, workers, scheduler):
        yield from records


@dataclass(frozen=True)
class Part:
    """One Parquet file written by `write_parquet_partitions`."""

    path: str
    documents: int
    events: int


def write_parquet_partitions(
    records_or_documents: Iterable[dict | Document],
    out_dir: str,
    options: ExtractOptions = DEFAULT_OPTIONS,
    *,
    workers: int = 0,
    scheduler: str | None = None,
    batch_size: int = PART_BATCH,
) -> list[Part]:
    """Write one row per event to out_dir/part-NNNNN.parquet, one file per batch of inputs.

    Documents are extracted where their file is written, so on a cluster the
    workers write directly and only a summary per file comes back; out_dir must
    then be a folder or URI (s3://, gs://, hdfs://) every worker can reach. The
    files and their rows depend only on the inputs and batch_size, not on the
    engine. Documents without events count in Part.documents but have no row.
    """
    check_engine(workers, scheduler, batch_size)
    out_dir = out_dir if "://" in out_dir else os.path.abspath(out_dir)
    prepare_output_folder(out_dir)
    calls = ((out_dir, index, batch, options) for index, batch in enumerate(batched(records_or_documents, batch_size)))
    return list(run_in_order(write_part, calls, workers, scheduler))


def check_engine(workers: int, scheduler: str | None, batch_size: int) -> None:
    if workers < 0:
        raise SvodkaError(f"workers must be 0 (this process) or more, not {workers}")
    if workers and scheduler:
        raise SvodkaError("give a number of local workers or a scheduler address, not both")
    if batch_size < 1:
        raise SvodkaError(f"batch size must be at least 1, not {batch_size}")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run_in_order(
    task: Callable[..., R], calls: Iterable[tuple], workers: int, scheduler: str | None
) -> Iterator[R]:
    """task(*args) for each args in calls, results in the order of calls."""
    if not (workers or scheduler):
        for args in calls:
            yield task(*args)
        return
    from distributed import KilledWorker

    run = uuid.uuid4().hex
    with dask_client(workers, scheduler) as client:
        pending = deque()
        # Waiting on the oldest batch rather than on whichever finishes first
        # keeps results in input order with a hard bound on what is buffered.
        for index, args in enumerate(calls):
            pending.append(client.submit(task, *args, key=f"svodka-{task.__name__}-{run}-{index}", retries=TASK_RETRIES, pure=False))
            while len(pending) >= window(client):
                yield result_of(pending.popleft(), KilledWorker)
        while pending:
            yield result_of(pending.popleft(), KilledWorker)


def window(client: Client) -> int:
    # Asked again every time, so workers that join a running cluster get work.
    return max(2, BATCHES_PER_THREAD * sum(client.nthreads().values()))


def result_of(future: Any, killed_worker: type[Exception]) -> Any:
    try:
        return future.result()
    except killed_worker as error:
        raise SvodkaError(f"Dask gave up on {future.key}, which took down a worker every time it ran: {error}") from None


@contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Client]:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        # Anything that answers at the address but is not a Dask scheduler fails
        # the handshake in its own way (a garbled length is a MemoryError).
        except Exception as error:
            raise SvodkaError(f"cannot reach the Dask scheduler at {scheduler}: {one_line(error)}") from None
        with client:
            yield client
        return
    # The extractor holds the GIL, so one thread per process.
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster, set_as_default=False) as client:
            yield client


def one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__


PARQUET_COLUMNS: dict[str, str] = {
    "doc_id": "string", "doc_key": "string", "published": "date32", "source": "string", "url": "string",
    "event_id": "string", "event_type": "string", "sub_event_type": "string", "modality": "string",
    "date": "date32", "location": "string", "country": "string", "admin1": "string",
    "lat": "float64", "lon": "float64", "geonameid": "int64", "precision": "string",
    "actor1": "string", "actor2": "string",
    **{f"{slot}_{end}": "int64" for slot in COUNT_SLOTS for end in ("min", "max")},
    "verification": "string", "confidence": "float64", "event_json": "string",
}


def parquet_schema() -> pyarrow.Schema:
    import pyarrow as pa

    # Fixed types, so a file whose rows all lack a value still reads with the others.
    return pa.schema([(name, getattr(pa, kind)()) for name, kind in PARQUET_COLUMNS.items()])


def event_rows(record: dict) -> list[dict]:
    from .dataset.store import document_key

    document, result = record["document"], record["result"]
    key = document_key(document["text"], document.get("url"))  # the store's identity of the document
    rows = []
    for event in result["events"]:
        place = event["location"] or {}
        row = {
            "doc_id": document["id"],
            "doc_key": key,
            "published": day(document["published"]),
            "source": document["source"],
            "url": document["url"],
            "event_id": event["id"],
            "event_type": event["event_type"],
            "sub_event_type": event["sub_event_type"],
            "modality": event["modality"],
            "date": day(event["date"]),
            "location": place.get("name"),
            "country": place.get("country"),
            "admin1": place.get("admin1"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "geonameid": place.get("geonameid"),
            "precision": place.get("precision"),
            "actor1": actor_names(event, "actor1"),
            "actor2": actor_names(event, "actor2"),
            "verification": event["verification"],
            "confidence": event["confidence"],
            "event_json": json.dumps(event, ensure_ascii=False),
        }
        for slot in COUNT_SLOTS:
            count = event[slot] or {}
            row[f"{slot}_min"], row[f"{slot}_max"] = count.get("min"), count.get("max")
        rows.append(row)
    return rows


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def actor_names(event: dict, role: str) -> str | None:
    return "; ".join(a["name"] for a in event["actors"] if a["role"] == role) or None


def prepare_output_folder(out_dir: str) -> None:
    from pyarrow import fs

    filesystem, root = fs.FileSystem.from_uri(out_dir)
    filesystem.create_dir(root, recursive=True)
    existing = filesystem.get_file_info(fs.FileSelector(root))
    if any(info.base_name.startswith("part-") and info.base_name.endswith(".parquet") for info in existing):
        raise SvodkaError(f"{out_dir} already holds part-*.parquet files; write to an empty folder")


def write_part(out_dir: str, index: int, batch: list[dict | Document], options: ExtractOptions = DEFAULT_OPTIONS) -> Part:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyarrow import fs

    documents = [item for item in batch if isinstance(item, Document)]
    extracted = iter(records_of(documents, options))
    records = [next(extracted) if isinstance(item, Document) else item for item in batch]
    rows = [row for record in records for row in event_rows(record)]
    filesystem, root = fs.FileSystem.from_uri(out_dir)
    path = f"{root}/part-{index:05d}.parquet"
    # A retried task overwrites the file its lost attempt may have half written.
    pq.write_table(pa.Table.from_pylist(rows, schema=parquet_schema()), path, filesystem=filesystem)
    return Part(path=f"{out_dir}/part-{index:05d}.parquet", documents=len(batch), events=len(rows))
