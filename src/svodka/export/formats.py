"""Linked events out of the store: ACLED CSV, GeoJSON, JSON Lines, Parquet.

Every format is written to a temporary file beside the target and renamed
over it at the end, so a failed export never leaves half a file.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from ..dataset.store import Store
from ..errors import SvodkaError
from .acled import ACLED_COLUMNS, acled_row

# Columns beyond ACLED's in GeoJSON and Parquet: the interval behind the ACLED figure.
SVODKA_COLUMNS = ("svodka_id", "fatalities_min", "fatalities_max", "reports")
INTEGER_COLUMNS = frozenset(("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                             "fatalities", "timestamp", "fatalities_min", "fatalities_max", "reports"))
FLOAT_COLUMNS = frozenset(("latitude", "longitude"))
PAGE = 1000


class ExportError(SvodkaError):
    """The export file cannot be written."""


def linked_events(store: Store) -> Iterator[dict]:
    """Every linked event that happened (modality actual), oldest first within a page."""
    offset = 0
    while page := store.query_events(limit=PAGE, offset=offset):
        yield from page
        offset += len(page)


# --- ACLED rows (export/acled.py) ----------------------------------------------


def export_row(event: dict) -> dict:
    """ACLED's columns, then svodka's."""
    fatalities = event.get("fatalities") or {}
    return {**acled_row(event), "svodka_id": event["id"], "fatalities_min": fatalities.get("min"),
            "fatalities_max": fatalities.get("max"), "reports": len(event["reports"])}


# --- writers --------------------------------------------------------------------


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it (a server's other threads
    may be creating files); else set and put back at once."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temporary_prefix(target: Path) -> str:
    return f".{target.name}."


def remove_stale_parts(target: Path) -> None:
    """Temporary files of earlier exports to `target` whose process is gone (killed outright)."""
    folder = target.resolve().parent
    for part in folder.glob(f"{glob_escape(temporary_prefix(target))}*.part"):
        pid = part.name[len(temporary_prefix(target)):].split(".", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            part.unlink(missing_ok=True)


def glob_escape(text: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def replacing(path: str, mode: str = "w") -> Iterator[IO]:
    """A temporary file that becomes `path` only when the block succeeds, with the
    permissions the user's umask gives a new file (mkstemp's are 0600)."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{path} is a folder")
    try:
        remove_stale_parts(target)
        handle, temporary = tempfile.mkstemp(dir=target.resolve().parent,
                                             prefix=f"{temporary_prefix(target)}{os.getpid()}.", suffix=".part")
    except OSError as error:
        raise ExportError(f"cannot write to {target.resolve().parent}: {error.strerror}") from None
    try:
        os.fchmod(handle, 0o666 & ~current_umask())
        with os.fdopen(handle, mode, **({"encoding": "utf-8", "newline": ""} if "b" not in mode else {})) as stream:
            yield stream
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_acled(events: Iterable[dict], path: str) -> int:
    with replacing(path) as stream:
        writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        written = 0
        for event in events:
            writer.writerow({k: "" if v is None else v for k, v in acled_row(event).items()})
            written += 1
    return written


def write_geojson(events: Iterable[dict], path: str) -> int:
    features = []
    for event in events:
        row = export_row(event)
        has_point = row["latitude"] is not None and row["longitude"] is not None
        features.append({
            "type": "Feature",
            "id": event["id"],
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]} if has_point else None,
            "properties": row,
        })
    with replacing(path) as stream:
        json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False)
    return len(features)


def write_jsonl(events: Iterable[dict], path: str) -> int:
    written = 0
    with replacing(path) as stream:
        for event in events:
            stream.write(json.dumps(event, ensure_ascii=False) + "\n")
            written += 1
    return written


def write_parquet(events: Iterable[dict], path: str) -> int:
    # pyarrow takes a while to import, and every svodka command imports this module
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [export_row(event) for event in events]
    columns = ACLED_COLUMNS + SVODKA_COLUMNS
    schema = pa.schema([(name, pa.int64() if name in INTEGER_COLUMNS else pa.float64() if name in FLOAT_COLUMNS else pa.string())
                        for name in columns])
    table = pa.Table.from_pylist(rows, schema=schema)
    with replacing(path, "wb") as stream:
        pq.write_table(table, stream)
    return len(rows)


WRITERS: dict[str, Callable[[Iterable[dict], str], int]] = {
    "acled": write_acled,
    "geojson": write_geojson,
    "jsonl": write_jsonl,
    "parquet": write_parquet,
}


def export(store: Store, fmt: str, path: str) -> int:
    """Write every linked event that happened to `path`, as one snapshot of the store; the number written."""
    try:
        with store.snapshot():
            return WRITERS[fmt](linked_events(store), path)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
