"""What changed in the store since a revision or a day: `svodka export --changes-since`.

Each event added, changed or removed since then, with its `change`; a removed
event (a tombstone) as it last stood. ACLED CSV gets a last column `change`,
JSON Lines a key.
"""
from __future__ import annotations

import csv
import json

from ..dataset import versions
from ..dataset.store import Store
from ..model import Modality
from .acled import ACLED_COLUMNS, acled_row
from .formats import ExportError, replacing

CHANGE_FORMATS = ("acled", "jsonl")


def changed_events(store: Store, since: str) -> list[tuple[str, dict]]:
    """The changes to events that happened (modality actual), as the export writes only those."""
    out = []
    for change, events in versions.changes_since(store, since).items():
        for event in events:
            if event.get("modality") != Modality.ACTUAL:
                continue
            full = store.get_event(event["id"]) if change != "removed" else None
            out.append((change, full or event))
    return sorted(out, key=lambda item: (item[1].get("revision") or 0, item[1]["event_id_cnty"]))


def write_changes(store: Store, fmt: str, path: str, since: str) -> dict[str, int]:
    """The changes written to `path`; how many of each kind."""
    if fmt not in CHANGE_FORMATS:
        raise ExportError(f"--changes-since writes {' or '.join(CHANGE_FORMATS)}, not {fmt}")
    events = changed_events(store, since)
    try:
        with replacing(path) as stream:
            if fmt == "jsonl":
                for change, event in events:
                    stream.write(json.dumps({"change": change, **event}, ensure_ascii=False) + "\n")
            else:
                writer = csv.DictWriter(stream, fieldnames=(*ACLED_COLUMNS, "change"), extrasaction="ignore")
                writer.writeheader()
                for change, event in events:
                    row = {k: "" if v is None else v for k, v in acled_row(event).items()}
                    writer.writerow({**row, "change": change})
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
    counts = {"added": 0, "changed": 0, "removed": 0}
    for change, _ in events:
        counts[change] += 1
    return counts
