"""JSON Lines: one document per line, streamed from a file or stdin; a bad line costs only itself."""
from __future__ import annotations

import codecs
import io
import itertools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..model import Document
from .common import (
    JSON_LINE_SPREAD,
    PROBE_BYTES,
    SKIP_CHUNK,
    ErrorHandler,
    Metadata,
    describe_size,
    parse_day,
)
from .encodings import best_russian_encoding, guessed_encoding, is_binary, mostly_utf8


def looks_like_json_lines(text: str) -> bool:
    first = next(line for line in text.split("\n") if line.strip()).strip()
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def starts_like_json_lines(path: Path, cap: int) -> bool:
    """A UTF-8 text file whose first non-blank line is a JSON object, read up to that line only."""
    try:
        with path.open("rb") as raw:
            line = b""
            while not line.strip():
                line = raw.readline(cap + 1)
                if not line or len(line) > cap:
                    return False
    except OSError:
        return False  # read_bytes says what is wrong
    line = line.removeprefix(codecs.BOM_UTF8).strip()
    if not line.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line.decode("utf-8")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return False


def read_jsonl_file(path: Path, meta: Metadata, on_error: ErrorHandler) -> Iterator[Document]:
    """The records of a JSON Lines file, read a line at a time: memory holds one line,
    and a line over the document limit is passed over, not read."""
    label = str(path)
    try:
        raw = path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    with raw:
        probe = raw.read(PROBE_BYTES)
        encoding = jsonl_encoding(probe, label, meta)
        raw.seek(0)
        if encoding == "utf-16":
            text = io.TextIOWrapper(raw, encoding="utf-16", errors="replace", newline="\n")
            yield from read_jsonl_lines(text_lines(text, meta, label), label, meta, on_error)
        else:
            yield from read_jsonl_lines(read_binary_lines(raw, label, encoding, meta), label, meta, on_error)


def jsonl_encoding(probe: bytes, label: str, meta: Metadata) -> str:
    """The encoding of a JSON Lines file, from its first bytes: UTF-8 (also with a BOM or a
    few damaged bytes), UTF-16 with a BOM, else a Russian single-byte encoding or a clean guess."""
    if not probe.strip():
        raise InputError(f"{label} is empty")
    if probe.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if is_binary(probe):
        raise InputError(f"{label} is not text (binary data)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(probe, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if mostly_utf8(probe):
        return "utf-8"
    encoding = best_russian_encoding(probe)
    if encoding is None:
        encoding = guessed_encoding(probe, label)
        meta.on_warning(f"{label}: no declared encoding; read as {encoding} (charset-normalizer's guess)")
    if "\n".encode(encoding) != b"\n":
        raise InputError(f"{label}: JSON Lines in {encoding} cannot be read; convert it to UTF-8")
    return encoding


def read_binary_lines(raw: IO[bytes], label: str, encoding: str, meta: Metadata) -> Iterator[tuple[int, str | None]]:
    """(line number, text) of each line of `raw`; the text is None for a line over the
    limit of a JSON line, which is passed over unread. Damaged bytes are replaced, and said."""
    cap = meta.limits.json_line
    for number in itertools.count(1):
        line = raw.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            while (rest := raw.readline(SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError as error:
            meta.on_warning(f"{label}:{number}: undecodable bytes replaced with U+FFFD (the first at column {error.start + 1})")
            text = line.decode(encoding, errors="replace")
        yield number, text


def text_lines(stream: Iterable[str], meta: Metadata, label: str = "<stdin>") -> Iterator[tuple[int, str | None]]:
    """(line number, text) of a text stream's lines; None for a line over the limit of a JSON line."""
    cap = meta.limits.json_line
    readline = getattr(stream, "readline", None)
    if readline is None:
        for number, line in enumerate(stream, start=1):
            yield number, None if len(line) > cap else line
        return
    for number in itertools.count(1):
        line = readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith("\n"):
            while (rest := readline(SKIP_CHUNK)) and not rest.endswith("\n"):
                pass
            yield number, None
            continue
        yield number, line


def read_jsonl_lines(lines: Iterable[tuple[int, str | None]], label: str, meta: Metadata,
                     on_error: ErrorHandler) -> Iterator[Document]:
    for number, line in lines:
        if line is None:
            on_error(f"{label}:{number}: the line is over the {describe_size(meta.limits.json_line)} limit for a "
                     f"JSON Lines record ({JSON_LINE_SPREAD} x SVODKA_MAX_DOCUMENT)")
            continue
        line = line.rstrip("\r\n")
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            yield document_from_json(line, meta)
        except ValueError as error:
            on_error(f"{label}:{number}: {error}")


JSON_TYPE_NAMES = {str: "a string", int: "a number", float: "a number", bool: "true/false", list: "an array", dict: "an object"}


def document_from_json(line: str, meta: Metadata) -> Document:
    """One JSON Lines record as a Document; ValueError says what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"invalid JSON: {error.msg} at column {error.colno}") from None
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {JSON_TYPE_NAMES.get(type(record), 'null')}")
    for key in ("id", "text"):
        if record.get(key) is None:
            raise ValueError(f"missing '{key}'")
    for key in ("id", "text", "published", "source", "url", "title"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{key}' must be a string, not {JSON_TYPE_NAMES.get(type(value), type(value).__name__)}")
    if not record["text"].strip():
        raise ValueError("'text' is empty")
    cap = meta.limits.document
    if len(record["text"]) * 4 > cap and len(record["text"].encode("utf-8", errors="replace")) > cap:
        raise ValueError(f"'text' is over the {describe_size(cap)} limit for a document (set SVODKA_MAX_DOCUMENT to raise it)")
    published = meta.published
    if record.get("published") is not None:
        try:
            published = parse_day(record["published"])
        except ValueError:
            raise ValueError(f"invalid 'published' date '{record['published']}': expected YYYY-MM-DD") from None
    return Document(
        record["id"],
        record["text"],
        published=published,
        source=record.get("source") or meta.source,
        url=record.get("url") or meta.url,
        title=record.get("title"),
    )
