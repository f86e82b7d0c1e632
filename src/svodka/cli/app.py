"""The `svodka` command line's application and what its commands share: one-line messages, failing
with an exit code, the extractor's options from the flags."""
from __future__ import annotations

import sys

import typer

from ..errors import InputError
from ..ingest.common import parse_day
from ..options import ExtractOptions

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="Russian news to a verifiable, geocoded event dataset.",
)
INTERNAL_ERROR = 70  # EX_SOFTWARE
MAX_EVENTS_SHOWN = 2**31 - 1  # SQLite's LIMIT is a 64-bit integer; a bigger one is a mistyped number
PIPE_WIDTH = 200  # a table written to a file or pipe is not wrapped to 80 columns


def say(message: str) -> None:
    print(f"svodka: {message}", file=sys.stderr, flush=True)


def warn(message: str) -> None:
    """A problem in the input that costs no record: a damaged byte replaced, an encoding guessed."""
    say(f"warning: {message}")


def fail(message: str, code: int = 2) -> None:
    say(f"error: {message}")
    raise typer.Exit(code)


@app.callback()
def main() -> None:
    """svodka: Russian news to ACLED-style events, every value with its evidence."""


def check_confidence(min_confidence: float | None) -> None:
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        fail(f"--min-confidence must lie between 0 and 1, not {min_confidence}")


def extract_options(min_confidence: float | None, *, shortcut: bool = True, quotes: bool = False) -> ExtractOptions:
    check_confidence(min_confidence)
    return ExtractOptions(shortcut=shortcut, quotes=quotes, min_confidence=min_confidence)


def parse_bound(value: str) -> None:
    try:
        parse_day(value)
    except ValueError:
        raise InputError(f"invalid date '{value}': expected YYYY-MM-DD") from None
