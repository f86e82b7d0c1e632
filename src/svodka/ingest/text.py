"""Plain-text files: one document each, in any Cyrillic encoding (a file that is JSON Lines inside is read as such)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .common import ErrorHandler, Metadata, read_bytes, stem
from .encodings import decode_text
from .jsonl import (
    looks_like_json_lines,
    read_jsonl_file,
    read_jsonl_lines,
    starts_like_json_lines,
)


def read_text_file(path: Path, meta: Metadata, on_error: ErrorHandler) -> Iterator[Document]:
    if starts_like_json_lines(path, meta.limits.json_line):
        yield from read_jsonl_file(path, meta, on_error)
        return
    text = decode_text(read_bytes(path, meta.limits, "document"), str(path), on_warning=meta.on_warning)
    if not text.strip():
        raise InputError(f"{path} is empty")
    if looks_like_json_lines(text):
        yield from read_jsonl_lines(enumerate(text.split("\n"), start=1), str(path), meta, on_error)
        return
    yield Document(stem(path), text, published=meta.published, source=meta.source, url=meta.url)
