"""Extraction engines: one process, or a Dask distributed cluster.

Every engine yields the same records in input order, so what is stored or
exported does not depend on how the work was spread.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .model import Document
from .output import document_json
from .pipeline import extract


def document_record(doc: Document) -> dict:
    """The input document's metadata and text with its extraction result."""
    extract(doc)
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


def extract_records(
    documents: Iterable[Document], *, workers: int = 0, scheduler: str | None = None
) -> Iterator[dict]:
    if workers or scheduler:
        raise NotImplementedError("the Dask engine is not built yet")
    for doc in documents:
        yield document_record(doc)
