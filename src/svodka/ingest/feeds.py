"""RSS and Atom feeds (feedparser): one document per item."""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import feedparser

from ..errors import InputError
from ..model import Document
from .common import (
    PARSER_ERRORS,
    ErrorHandler,
    Metadata,
    day_of_timestamp,
    one_line,
    read_bytes,
    stem,
)
from .encodings import decode_text, is_binary, is_utf8_name, normalize_newlines
from .html import with_title


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
