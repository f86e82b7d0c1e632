"""HTML pages: the article's text and title (trafilatura), the publication day from the page."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura

from ..errors import InputError
from ..model import Document
from .common import (
    DATE_SEARCH,
    META_CHARSET,
    PARSER_ERRORS,
    ErrorHandler,
    Metadata,
    day_of_timestamp,
    one_line,
    read_bytes,
    stem,
)
from .encodings import decode_text, normalize_newlines


def read_html_file(path: Path, meta: Metadata, on_error: ErrorHandler) -> Iterator[Document]:
    data = read_bytes(path, meta.limits, "html")
    html = decode_text(data, str(path), declared=meta_charset(data), on_warning=meta.on_warning)
    yield document_from_html(html, stem(path), str(path), meta)


def meta_charset(data: bytes) -> str | None:
    found = META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def document_from_html(html: str, doc_id: str, label: str, meta: Metadata) -> Document:
    try:
        extracted = trafilatura.bare_extraction(
            html, url=meta.url, with_metadata=True, include_comments=False, date_extraction_params=DATE_SEARCH
        )
    except RecursionError:
        raise InputError(f"{label}: the HTML is nested too deeply to read") from None
    except PARSER_ERRORS as error:
        raise InputError(f"{label}: unreadable HTML ({type(error).__name__}: {one_line(error)})") from None
    body = extracted.text if extracted is not None else None
    if not body or not body.strip():
        raise InputError(f"{label}: no main text found in the HTML")
    title = extracted.title or None
    published = day_of_timestamp(extracted.date) or meta.published
    return Document(
        doc_id,
        with_title(title, normalize_newlines(body)),
        published=published,
        source=extracted.sitename or meta.source,
        url=extracted.url or meta.url,
        title=title,
    )


def with_title(title: str | None, body: str) -> str:
    """The body under its headline, as a news text starts, unless it already does."""
    if not title or body.startswith(title):
        return body
    return f"{title}\n{body}"
