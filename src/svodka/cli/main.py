"""The `svodka` command: every command module registers on the one application; `run` is the
console entry point."""
from __future__ import annotations

import os
import sys

import typer

from .app import INTERNAL_ERROR, app, say

# Each module registers its command; the order of these imports is the order of `svodka --help`.
# isort: off
from . import extract, evaluate, ingest, link, events, export, check, serve  # noqa: E402, F401
# isort: on


def is_usage_error(error: Exception) -> bool:
    """A mistyped command line: click's UsageError, which newer typer releases vendor as typer._click."""
    return any(cls.__name__ == "UsageError" for cls in type(error).__mro__)


def run() -> None:
    """The console entry point: a mistyped command line and a fault in svodka itself are one line
    too, never a box or a traceback."""
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        say("interrupted")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence; stored data is safe in its transactions
        if is_usage_error(error):
            if type(error).__name__ != "NoArgsIsHelpError":  # that one has shown the help already
                command = error.ctx.command_path if error.ctx else "svodka"
                say(f"error: {' '.join(error.format_message().split())} (see '{command} --help')")
            sys.exit(error.exit_code)
        say(f"internal error: {type(error).__name__}: {error} (please report it; set SVODKA_DEBUG=1 for the traceback)")
        if os.environ.get("SVODKA_DEBUG"):
            raise
        sys.exit(INTERNAL_ERROR)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
