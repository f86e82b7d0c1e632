"""WARC archives (warcio): one document per HTML response, each record read no further than its limit."""
from __future__ import annotations

import dataclasses
import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from ..errors import InputError
from ..model import Document
from .common import (
    HTML_CONTENT_TYPES,
    HTTP_CHARSET,
    LIMIT_NAMES,
    WARC_RECORD_ERRORS,
    ErrorHandler,
    Metadata,
    day_of_timestamp,
    describe_size,
    one_line,
)
from .encodings import decode_text
from .html import document_from_html, meta_charset


def read_warc(path: Path, meta: Metadata, on_error: ErrorHandler) -> Iterator[Document]:
    if path.stat().st_size == 0:
        raise InputError(f"{path} is empty")
    if not is_warc(path):
        raise InputError(f"{path} is not a WARC archive")
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except WARC_RECORD_ERRORS as error:
                on_error(f"{path}: stopped reading at a broken record ({one_line(error)})")
                return
            if record.rec_type != "response":
                continue
            record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            target = record.rec_headers.get_header("WARC-Target-URI")
            label = f"{path}: record {record_id or target}"
            try:
                document = document_from_response(record, record_id or target, label, meta)
            except InputError as error:
                on_error(str(error))
                continue
            except WARC_RECORD_ERRORS as error:
                on_error(f"{label}: unreadable ({one_line(error)})")
                continue
            if document is not None:
                yield document


def is_warc(path: Path) -> bool:
    try:
        with path.open("rb") as raw:
            start = raw.read(5)
        if start.startswith(b"\x1f\x8b"):
            with gzip.open(path, "rb") as unzipped:
                start = unzipped.read(5)
    except (OSError, EOFError, zlib.error):
        return False
    return start == b"WARC/"


def document_from_response(record: ArcWarcRecord, doc_id: str, label: str, meta: Metadata) -> Document | None:
    """The page in a WARC response record; None for responses that are not HTML pages or not 2xx."""
    # warcio takes any first line for a status line: "garbage here" is protocol "garbage"
    if record.http_headers is None or not record.http_headers.protocol.upper().startswith("HTTP/"):
        raise InputError(f"{label}: unreadable HTTP headers")
    status = record.http_headers.get_statuscode() or ""
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not status.startswith("2") or not content_type.lower().startswith(HTML_CONTENT_TYPES):
        return None
    # read no more than the limit: a small archive may hold a page of gigabytes
    cap = min(meta.limits.warc_record, meta.limits.html)
    data = record.content_stream().read(cap + 1)
    if len(data) > cap:
        kind = "warc_record" if meta.limits.warc_record <= meta.limits.html else "html"
        raise InputError(f"{label}: the page is over the {describe_size(cap)} limit for {LIMIT_NAMES[kind]} "
                          f"(set SVODKA_MAX_{kind.upper()} to raise it)")
    if not data.strip():
        raise InputError(f"{label}: empty page")
    declared = HTTP_CHARSET.search(content_type)
    html = decode_text(data, label, declared=declared.group(1) if declared else meta_charset(data),
                       on_warning=meta.on_warning)
    target = record.rec_headers.get_header("WARC-Target-URI")
    crawled = day_of_timestamp(record.rec_headers.get_header("WARC-Date"))
    page_meta = dataclasses.replace(meta, published=meta.published or crawled, url=target or meta.url)
    document = document_from_html(html, doc_id, label, page_meta)
    document.url = target or document.url
    return document
