"""Turn the user's input into Documents: plain text, JSON Lines, HTML pages,
RSS/Atom feeds, WARC archives, or a folder of them.

The caller's metadata (published, source, url) fills in whatever the input
itself does not say. A problem with the whole input raises InputError; a bad
line, feed item or archive record goes to `on_error` as one line and is skipped.
"""
from __future__ import annotations

import codecs
import dataclasses
import gzip
import io
import itertools
import json
import math
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import IO

import charset_normalizer
import feedparser
import trafilatura
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from ..errors import InputError
from ..lexicon import data_rows
from ..model import Document

ErrorHandler = Callable[[str], None]

RUSSIAN_ENCODINGS = ("cp1251", "koi8_r", "cp866")
RUSSIAN_CODEC_NAMES = frozenset({"cp1251", "koi8-r", "cp866", "iso8859-5", "koi8-u", "mac-cyrillic"})
CAPITAL_ODDS = 0.1  # a capital is this much rarer than its lower-case letter
UNLISTED_CHARACTER_ODDS = 1e-5
# Mean log-odds per non-ASCII character below which a decoding is not Russian:
# real text scores about -3.5 (all capitals about -5.5), mojibake -7 and lower.
RUSSIAN_MIN_SCORE = -6.5
RUSSIAN_MIN_WORD_SHARE = 0.8  # words with non-ASCII letters that must be wholly Cyrillic
BINARY_PROBE_BYTES = 8192
CONTROL_BYTES = frozenset(range(0x20)) - frozenset(b"\t\n\r\f\v\x1b")
WORD = re.compile(r"[^\W\d_]+")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
# htmldate's extensive search guesses from dates in the body, which in news are
# often the event's own date: a wrong anchor for relative dates is worse than none.
DATE_SEARCH = {"original_date": True, "extensive_search": False}
# What feedparser and trafilatura raise on some garbage: the input is unreadable, not svodka faulty.
PARSER_ERRORS = (ValueError, TypeError, AttributeError, IndexError, KeyError, LookupError, AssertionError)
# warcio's parser meets garbage with assorted exceptions of its own making (a header line it
# cannot split: AttributeError, IndexError): each one is a broken record, not a fault of ours.
WARC_RECORD_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, OSError, EOFError, zlib.error, ValueError,
                      AttributeError, IndexError, KeyError, TypeError)


MB = 1 << 20
PROBE_BYTES = 1 << 16  # what is read of a JSON Lines file to tell its encoding
SKIP_CHUNK = 1 << 20  # a line over the cap is passed over this much at a time
HIGH_BYTES = bytes(range(0x80, 0x100))
# A UTF-8 text with damaged bytes, not text in another encoding: at most this share
# of its non-ASCII bytes do not decode (in a cp1251 or koi8-r text nearly all fail).
UTF8_MAX_BAD_SHARE = 0.05
# A charset-normalizer guess above this "chaos" (its mess measure, 0..1) is not trusted.
MAX_GUESS_CHAOS = 0.2
SIZE_UNITS = {"": 1, "k": 1 << 10, "kb": 1 << 10, "m": MB, "mb": MB, "g": 1 << 30, "gb": 1 << 30}


@dataclass(frozen=True)
class Limits:
    """The largest input of each kind read, in bytes; a larger one is refused, never cut.

    Set in the environment as SVODKA_MAX_DOCUMENT, SVODKA_MAX_HTML, SVODKA_MAX_FEED,
    SVODKA_MAX_FEED_ENTRY and SVODKA_MAX_WARC_RECORD ("50M", "800K" or a byte count).
    """

    # a text file, one JSON Lines record, the text of any document: extraction time grows with a
    # document's length (a 10 MB text of dense news takes about 1.5 CPU minutes and 0.8 GB)
    document: int = 16 * MB
    html: int = 20 * MB  # an HTML file or the page in a WARC response
    feed: int = 100 * MB  # an RSS or Atom file
    feed_entry: int = 5 * MB  # the text of one feed item
    warc_record: int = 20 * MB  # the payload of one WARC response record

    @classmethod
    def from_environment(cls, environment: Mapping[str, str] = os.environ) -> "Limits":
        values = {}
        for name in (f.name for f in dataclasses.fields(cls)):
            variable = f"SVODKA_MAX_{name.upper()}"
            if environment.get(variable):
                values[name] = parse_size(environment[variable], variable)
        return cls(**values)

    @property
    def json_line(self) -> int:
        """A JSON Lines record may be longer than its text: \\u escapes take 6 bytes a letter."""
        return JSON_LINE_SPREAD * self.document

    def check(self, kind: str, size: int, label: str) -> None:
        """InputError naming `label` and the cap when `size` bytes are over the cap of `kind`."""
        cap = getattr(self, kind)
        if size > cap:
            raise InputError(f"{label}: {describe_size(size)} is over the {describe_size(cap)} limit for "
                             f"{LIMIT_NAMES[kind]} (set SVODKA_MAX_{kind.upper()} to raise it)")


JSON_LINE_SPREAD = 6
LIMIT_NAMES = {"document": "a document", "html": "an HTML page", "feed": "a feed", "feed_entry": "a feed item",
               "warc_record": "a WARC record"}


def parse_size(value: str, variable: str) -> int:
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)
    unit = found and SIZE_UNITS.get(found.group(2).lower())
    if not found or unit is None or float(found.group(1)) <= 0:
        raise InputError(f"{variable}={value}: expected a size such as 50M, 800K or 1000000")
    return int(float(found.group(1)) * unit)


def describe_size(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size} bytes"


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def report_to_stderr(message: str) -> None:
    print(message, file=sys.stderr)


def warn_to_stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


@dataclass(frozen=True)
class Metadata:
    """What the caller says about the input, used where the input says nothing; and how
    it is read: the size limits, and where a warning goes (a damaged byte replaced, an
    encoding guessed) that does not cost a record."""

    published: date | None = None
    source: str | None = None
    url: str | None = None
    limits: Limits = field(default_factory=Limits)
    on_warning: ErrorHandler = warn_to_stderr


def parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError:
        raise InputError(f"invalid --published date '{value}': expected YYYY-MM-DD") from None


def parse_day(value: str) -> date:
    # date.fromisoformat alone would also take "20220106" and week dates
    if not ISO_DAY.fullmatch(value):
        raise ValueError(value)
    return date.fromisoformat(value)


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


def stem(path: Path) -> str:
    """The file name without its extension(s): "a.warc.gz" -> "a"."""
    name = path.name
    return name[: -len(".warc.gz")] if name.lower().endswith(".warc.gz") else path.stem


# --- decoding -------------------------------------------------------------


def read_bytes(path: Path, limits: Limits | None = None, kind: str = "document") -> bytes:
    try:
        if limits is not None:
            limits.check(kind, path.stat().st_size, str(path))
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    if not data.strip():
        raise InputError(f"{path} is empty")
    return data


def decode_text(data: bytes, label: str, declared: str | None = None, on_warning: ErrorHandler = warn_to_stderr) -> str:
    """The text of `data`, newlines as "\\n": UTF-8 (BOM or not) or UTF-16 with a BOM,
    else the `declared` charset (unless the text reads as Russian in another one: a
    Latin charset declared for Cyrillic bytes), else the Russian single-byte encoding
    that reads most like Russian, else charset-normalizer's guess when it is a clean one.
    A UTF-8 text with a few damaged bytes is read with U+FFFD in their place, and said."""
    if data.startswith(codecs.BOM_UTF8):
        return decode_strictly(data, "utf-8-sig", label)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_strictly(data, "utf-16", label)
    if is_binary(data):
        raise InputError(f"{label} is not text (binary data)")
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        first_bad = error.start
    if declared and not is_utf8_name(declared):
        text = decode_declared(data, declared, label, on_warning)
        if text is not None:
            return normalize_newlines(text)
    if mostly_utf8(data):
        on_warning(f"{label}: undecodable bytes in UTF-8 text replaced with U+FFFD (the first at byte {first_bad})")
        return normalize_newlines(data.decode("utf-8", errors="replace"))
    encoding = best_russian_encoding(data)
    if encoding is not None:
        return normalize_newlines(data.decode(encoding, errors="replace"))
    encoding = guessed_encoding(data, label)
    on_warning(f"{label}: no declared encoding; read as {encoding} (charset-normalizer's guess)")
    return normalize_newlines(data.decode(encoding, errors="replace"))


def decode_declared(data: bytes, declared: str, label: str, on_warning: ErrorHandler) -> str | None:
    """`data` in its declared charset, or in a Russian one when the declared one is a Latin
    charset that makes the Cyrillic mojibake; None when it does not decode."""
    try:
        text = data.decode(declared)
    except (UnicodeDecodeError, LookupError):
        return None
    if codecs.lookup(declared).name in RUSSIAN_CODEC_NAMES:
        return text
    russian = best_russian_encoding(data)
    if russian is not None:
        on_warning(f"{label}: declared {declared}, but its letters read as Russian in {russian}: read as {russian}")
        return data.decode(russian, errors="replace")
    return text


def is_utf8_name(name: str) -> bool:
    try:
        return codecs.lookup(name).name == "utf-8"
    except LookupError:
        return False


def mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes: most non-ASCII bytes form valid UTF-8 sequences."""
    non_ascii = len(data) - len(data.translate(None, HIGH_BYTES))
    if not non_ascii:
        return False
    bad = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    return bad <= non_ascii * UTF8_MAX_BAD_SHARE


def guessed_encoding(data: bytes, label: str) -> str:
    """charset-normalizer's encoding of `data`, when its decoding is clean; else InputError."""
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None or guess.chaos > MAX_GUESS_CHAOS:
        raise InputError(f"{label}: cannot tell the text encoding (not UTF-8, cp1251, koi8-r or any other known)")
    return guess.encoding


def decode_strictly(data: bytes, encoding: str, label: str) -> str:
    try:
        return normalize_newlines(data.decode(encoding))
    except UnicodeDecodeError as error:
        raise InputError(f"{label}: invalid {encoding} text at byte {error.start}") from None


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_binary(data: bytes) -> bool:
    probe = data[:BINARY_PROBE_BYTES]
    return b"\0" in probe or sum(byte in CONTROL_BYTES for byte in probe) > len(probe) * 0.05


def best_russian_decoding(data: bytes) -> str | None:
    """`data` in best_russian_encoding, or None when no Russian encoding reads like Russian."""
    encoding = best_russian_encoding(data)
    return None if encoding is None else data.decode(encoding, errors="replace")


def best_russian_encoding(data: bytes) -> str | None:
    """The encoding among the Russian single-byte encodings whose non-ASCII
    characters read most like Russian text, or None when none does.

    charset-normalizer often mistakes short cp1251 and koi8-r texts for each
    other (or for Chinese): the wrong one turns lower case into capitals and
    common letters into rare ones, which letter frequencies catch.
    """
    scored = []
    for encoding in RUSSIAN_ENCODINGS:
        score = russian_score(data.decode(encoding, errors="replace"))
        if score is not None:
            scored.append((score, encoding))
    if not scored:
        return None
    score, encoding = max(scored, key=lambda pair: pair[0])
    return encoding if score >= RUSSIAN_MIN_SCORE else None


def russian_score(text: str) -> float | None:
    """Mean log-odds of the non-ASCII characters under Russian character
    frequencies; None when the text has no non-ASCII words, or too many of
    them mix Cyrillic with Latin (Latin-1 accents decoded as Cyrillic)."""
    words = [w for w in WORD.findall(text) if not w.isascii()]
    cyrillic_words = [w for w in words if all(is_cyrillic(ch) for ch in w)]
    if not words or len(cyrillic_words) < len(words) * RUSSIAN_MIN_WORD_SHARE:
        return None
    frequencies = character_frequencies()
    odds = [
        frequencies.get(ch.lower(), UNLISTED_CHARACTER_ODDS) * (CAPITAL_ODDS if ch.isupper() else 1.0)
        for ch in text
        if not ch.isascii()
    ]
    return sum(math.log(p) for p in odds) / len(odds)


def is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


@lru_cache(maxsize=None)
def character_frequencies() -> dict[str, float]:
    return {row[0]: float(row[1]) / 100 for row in data_rows("ingest/letter_frequencies.tsv")}


# --- plain text and JSON Lines ---------------------------------------------


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


# --- HTML -------------------------------------------------------------------


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


# --- feeds ------------------------------------------------------------------


def read_feed(path: Path, meta: Metadata, on_error: ErrorHandler) -> Iterator[Document]:
    data = read_bytes(path, meta.limits, "feed")
    if is_binary(data):
        raise InputError(f"{path} is not text (binary data)")
    try:
        feed = feedparser.parse(feed_bytes(data, str(path), meta))
    except RecursionError:
        raise InputError(f"{path}: the feed is nested too deeply to read") from None
    except PARSER_ERRORS as error:
        raise InputError(f"{path} is not a readable RSS or Atom feed ({type(error).__name__}: {one_line(error)})") from None
    if not feed.get("version") and not feed.entries:
        problem = feed.get("bozo_exception")
        raise InputError(f"{path} is not an RSS or Atom feed" + (f" ({one_line(problem)})" if problem else ""))
    source = feed.feed.get("title") or meta.source
    for number, entry in enumerate(feed.entries, start=1):
        title = plain_text(entry.get("title_detail")) or None
        content = entry.get("content") or ([entry.summary_detail] if entry.get("summary_detail") else [])
        body = "\n".join(filter(None, (plain_text(part) for part in content)))
        if not title and not body:
            on_error(f"{path}: item {number} has neither title nor text")
            continue
        text = with_title(title, body) if body else title
        try:
            meta.limits.check("feed_entry", len(text.encode("utf-8", errors="replace")), f"{path}: item {number}")
        except InputError as error:
            on_error(str(error))
            continue
        yield Document(
            entry.get("id") or entry.get("link") or f"{stem(path)}#{number}",
            text,
            published=entry_day(entry) or meta.published,
            source=source,
            url=entry.get("link") or meta.url,
            title=title,
        )


XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)""")


CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")


def valid_references(data: bytes) -> bytes:
    """Character references past U+10FFFF as U+FFFD: feedparser gives up the whole feed on one."""
    def replace(found: re.Match) -> bytes:
        code = int(found.group(1), 16) if found.group(1) else int(found.group(2))
        return found.group(0) if code <= 0x10FFFF else b"&#xFFFD;"

    return CHARACTER_REFERENCE.sub(replace, data) if b"&#" in data else data


def feed_bytes(data: bytes, label: str, meta: Metadata) -> bytes:
    """The feed as feedparser reads it right: as it is when it says its encoding (a BOM, the
    XML declaration) or is UTF-8; else decoded here (feedparser would take cp1251 or koi8-r
    for windows-1252 and keep the mojibake) and given as UTF-8."""
    data = valid_references(data)
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    declared = XML_ENCODING.match(data[:1024])
    if declared and not is_utf8_name(declared.group(1).decode("ascii")):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    text = decode_text(data, label, on_warning=meta.on_warning)
    return text.encode("utf-8")


def plain_text(detail: dict | None) -> str:
    """A feed text construct without its markup, one paragraph a line."""
    if not detail or not detail.get("value"):
        return ""
    if detail.get("type") == "text/plain":
        return normalize_newlines(detail["value"]).strip()
    return html_to_text(detail["value"])


BLOCK_TAGS = frozenset("p br div li h1 h2 h3 h4 h5 h6 blockquote tr section article".split())
HIDDEN_TAGS = frozenset(("script", "style"))


class TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    collector = TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def entry_day(entry: dict) -> date | None:
    for key in ("published", "updated"):
        day = day_of_timestamp(entry.get(key))
        if day is not None:
            return day
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(*parsed[:3])
    return None


def day_of_timestamp(value: str | None) -> date | None:
    """The calendar day of an RFC 822 or ISO 8601 timestamp in its own time zone.

    feedparser's *_parsed fields are in UTC, which moves an item published
    late in the evening east of Greenwich to the next day or back to the
    previous one; relative dates in the text count from the local day.
    """
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


# --- WARC -------------------------------------------------------------------


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
