"""`svodka link`: the linked events of scale.write_parquet_partitions' Parquet, on Dask.

The same clusters as the SQLite store (link_index), computed in parallel:
reports are partitioned by event type, modality and country (reports of
different partitions never link) and, within a partition, into windows of
WINDOW_DAYS days. Each window is clustered on its own (a task on the engine).
A window's first day then depends on the last day of the window before it:
the client removes that boundary day's reports and links them again with
link_index.relink, which replays the greedy across the boundary until it
meets the window's own groups. Without the boundary day, the two windows are
two days apart and cannot interact, so the result is exactly the greedy over
the whole partition, as the store computes it.

Known limit: the Parquet rows hold no text, so near-duplicate documents are
not recognised here; their events link as any other report.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from .. import scale
from ..errors import SvodkaError
from . import link, link_index

WINDOW_DAYS = 14
COLUMNS = ["doc_key", "doc_id", "source", "published", "event_json"]


def read_reports(parquet_dir: str) -> Iterator[link.Report]:
    import pyarrow.dataset as ds

    dataset = ds.dataset(parquet_dir, format="parquet", schema=scale.parquet_schema())
    for batch in dataset.to_batches(columns=COLUMNS):
        for row in batch.to_pylist():
            yield link.Report(row["doc_key"] or row["doc_id"], json.loads(row["event_json"]), row["source"], row["published"])


def window_of(day: date) -> int:
    return day.toordinal() // WINDOW_DAYS


def cluster_window(reports: list[link.Report]) -> list[list[tuple[str, str]]]:
    """One window of one partition, clustered alone: the groups as report keys (a task)."""
    return [[member.key for member in group.members] for group in link_index.greedy(reports, [])]


class Memory:
    """Linked groups in memory, read and written as link_index reads and writes the store."""

    def __init__(self) -> None:
        self.reports: dict[tuple, dict[date, dict[tuple[str, str], link.Report]]] = {}
        self.linked: dict[tuple[str, str], str] = {}
        self.groups: dict[str, list[link.Report]] = {}

    def put(self, reports: Iterable[link.Report]) -> None:
        for report in reports:
            partition = link_index.partition_of(report)
            self.reports.setdefault(partition, {}).setdefault(report.day, {})[report.key] = report

    def remove(self, partition: tuple, day: date) -> list[link.Report]:
        removed = list(self.reports.get(partition, {}).pop(day, {}).values())
        for report in removed:
            linked = self.linked.pop(report.key)
            self.groups[linked] = [member for member in self.groups[linked] if member.key != report.key]
        return removed

    def stored_on(self, partition: tuple, day: date) -> list[tuple[link.Report, str | None]]:
        return [(report, self.linked.get(key)) for key, report in self.reports.get(partition, {}).get(day, {}).items()]

    def apply(self, gone: set[str], groups: list[list[link.Report]]) -> None:
        for linked in gone:
            self.groups.pop(linked, None)
        for group in groups:
            self.write(group)

    def write(self, group: list[link.Report]) -> None:
        linked = link.linked_id(group)
        self.groups[linked] = list(group)
        for report in group:
            self.linked[report.key] = linked


def link_reports(reports: Iterable[link.Report], *, workers: int = 0, scheduler: str | None = None) -> list[dict]:
    """The linked events (link.aggregate) of the reports, in id order."""
    memory = Memory()
    windows: dict[tuple, list[link.Report]] = {}
    for report in reports:
        partition = link_index.partition_of(report)
        if partition is None:
            memory.write([report])
        else:
            windows.setdefault((partition, window_of(report.day)), []).append(report)
    order = sorted(windows)
    by_key = {report.key: report for window in order for report in windows[window]}
    results = scale.run_in_order(cluster_window, ((windows[window],) for window in order), workers, scheduler)
    for window, groups in zip(order, results):
        memory.put(windows[window])
        for keys in groups:
            memory.write([by_key[key] for key in keys])
    for partition, number in order:
        first = date.fromordinal(number * WINDOW_DAYS)
        if (partition, number - 1) in windows:
            boundary = memory.remove(partition, first - timedelta(days=1))
            if boundary:
                memory.put(boundary)
                link_index.relink(boundary, memory.stored_on, memory.apply)
    return [link.aggregate(group) for _, group in sorted(memory.groups.items()) if group]


def link_parquet(parquet_dir: str, *, workers: int = 0, scheduler: str | None = None) -> list[dict]:
    import pyarrow

    try:
        reports = list(read_reports(parquet_dir))
    except (OSError, pyarrow.ArrowException) as error:
        raise SvodkaError(f"cannot read the Parquet parts at {parquet_dir}: {' '.join(str(error).split())}") from None
    return link_reports(reports, workers=workers, scheduler=scheduler)
