"""Turn the user's input into Documents: plain text, JSON Lines, HTML pages,
RSS/Atom feeds, WARC archives, or a folder of them.

The caller's metadata (published, source, url) fills in whatever the input
itself does not say. A problem with the whole input raises InputError; a bad
line, feed item or archive record goes to `on_error` as one line and is skipped.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .common import (
    ErrorHandler,
    Limits,
    Metadata,
    describe_size,
    report_to_stderr,
    warn_to_stderr,
)
from .feeds import read_feed
from .html import read_html_file
from .jsonl import read_binary_lines, read_jsonl_file, read_jsonl_lines, text_lines
from .text import read_text_file
from .warc import read_warc

READERS: dict[str, Callable[[Path, Metadata, ErrorHandler], Iterator[Document]]] = {
    ".txt": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}


def read_documents(
    path: str,
    *,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    on_error: ErrorHandler = report_to_stderr,
    on_warning: ErrorHandler = warn_to_stderr,
    limits: Limits | None = None,
) -> Iterator[Document]:
    """The documents in `path` ("-" for JSON Lines on standard input).

    A missing path raises InputError at once; other fatal problems raise it
    while the documents are read. `limits` default to Limits.from_environment().
    """
    meta = Metadata(published, source, url, limits or Limits.from_environment(), on_warning)
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        lines = read_binary_lines(stream, "<stdin>", "utf-8", meta) if stream is not None else text_lines(sys.stdin, meta)
        return at_least_one(read_jsonl_lines(lines, "<stdin>", meta, on_error), "standard input")
    location = Path(path)
    if not location.exists():
        raise InputError(f"no such file: {path}")
    if location.is_dir():
        return at_least_one(within_limit(read_folder(location, meta, on_error), meta, on_error), path)
    return at_least_one(within_limit(read_file(location, meta, on_error), meta, on_error), path)


def within_limit(documents: Iterator[Document], meta: Metadata, on_error: ErrorHandler) -> Iterator[Document]:
    """The documents whose text is within the document limit; a longer one is reported, never cut."""
    cap = meta.limits.document
    for document in documents:
        if len(document.text) * 4 > cap and len(document.text.encode("utf-8", errors="replace")) > cap:
            on_error(f"{document.id}: the text is over the {describe_size(cap)} limit for a document "
                     f"(set SVODKA_MAX_DOCUMENT to raise it)")
            continue
        yield document


def at_least_one(documents: Iterator[Document], what: str) -> Iterator[Document]:
    found = False
    for document in documents:
        found = True
        yield document
    if not found:
        raise InputError(f"no documents in {what}")


def read_folder(folder: Path, meta: Metadata, on_error: ErrorHandler) -> Iterator[Document]:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and reader_for(p) is not None and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    if not files:
        raise InputError(f"{folder} has no supported files ({', '.join(sorted(READERS))})")
    for file in files:
        try:
            yield from read_file(file, meta, on_error)
        except InputError as error:
            on_error(str(error))


def read_file(path: Path, meta: Metadata, on_error: ErrorHandler) -> Iterator[Document]:
    reader = reader_for(path) or read_text_file
    return reader(path, meta, on_error)


def reader_for(path: Path) -> Callable[[Path, Metadata, ErrorHandler], Iterator[Document]] | None:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None
