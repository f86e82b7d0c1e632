"""Reading sources, extracting their events and storing them: `svodka ingest`.

The store is written from this loop only, whatever engine extracts; documents
already stored are skipped before extraction, so a resumed run costs little.
Records are stored in transactions of up to COMMIT_DOCUMENTS documents, or of
what arrived in COMMIT_SECONDS: a killed run loses only the documents of the
transaction in flight, which the next run extracts and stores again.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from .. import scale
from ..errors import InputError
from ..ingest.common import ErrorHandler, warn_to_stderr
from ..ingest.readers import read_documents
from ..model import Document
from ..options import DEFAULT_OPTIONS, ExtractOptions
from .store import Store, document_key

COMMIT_DOCUMENTS = 64
COMMIT_SECONDS = 1.0


@dataclass
class IngestSummary:
    stored: int = 0  # documents stored in this run
    known: int = 0  # documents skipped because they were already stored
    events: int = 0  # events found in the stored documents
    problems: int = 0  # input records or sources that could not be read


def ingest(
    sources: Iterable[str],
    store: Store,
    *,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    options: ExtractOptions = DEFAULT_OPTIONS,
    workers: int = 0,
    scheduler: str | None = None,
    batch_size: int = scale.RECORD_BATCH,
    on_error: ErrorHandler,
    on_warning: ErrorHandler = warn_to_stderr,
    on_progress: Callable[[IngestSummary], None] = lambda summary: None,
) -> IngestSummary:
    summary = IngestSummary()

    def report(message: str) -> None:
        summary.problems += 1
        on_error(message)

    documents = read_all(sources, published=published, source=source, url=url, on_error=report, on_warning=on_warning)
    fresh = unseen(documents, store.document_keys(), summary)
    pending: list[dict] = []
    opened = time.monotonic()

    def commit() -> None:
        for events in store.add_records(pending):
            if events is None:
                summary.known += 1
            else:
                summary.stored += 1
                summary.events += events
        pending.clear()
        on_progress(summary)

    for record in scale.extract_records(fresh, options, workers=workers, scheduler=scheduler, batch_size=batch_size):
        if not pending:
            opened = time.monotonic()
        pending.append(record)
        if len(pending) >= COMMIT_DOCUMENTS or time.monotonic() - opened >= COMMIT_SECONDS:
            commit()
    if pending:
        commit()
    return summary


def read_all(sources: Iterable[str], *, on_error: ErrorHandler, **metadata) -> Iterator[Document]:
    """The documents of every source; a source that cannot be read is reported and passed over."""
    for path in sources:
        try:
            yield from read_documents(path, on_error=on_error, **metadata)
        except InputError as error:
            on_error(str(error))


def unseen(documents: Iterable[Document], known: set[str], summary: IngestSummary) -> Iterator[Document]:
    # The known keys are read once, up front: the extraction engine may pull
    # documents from another thread than the one writing the store.
    for document in documents:
        key = document_key(document.text, document.url)
        if key in known:
            summary.known += 1
            continue
        known.add(key)
        yield document
