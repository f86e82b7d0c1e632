"""What every reader shares: the caller's metadata, the size limits, one-line reports, dates and bytes read within a limit."""
from __future__ import annotations

import dataclasses
import os
import re
import sys
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from ..errors import InputError

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

    # a text file, one JSON Lines record, the text of any document: a long one is read in windows of
    # paragraphs, so memory stays bounded, but time grows with its length (a 30 MB text of dense news
    # takes a few CPU minutes)
    document: int = 64 * MB
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


def stem(path: Path) -> str:
    """The file name without its extension(s): "a.warc.gz" -> "a"."""
    name = path.name
    return name[: -len(".warc.gz")] if name.lower().endswith(".warc.gz") else path.stem


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
