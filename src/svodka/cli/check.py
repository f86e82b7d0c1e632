"""`svodka check`: a store verified, what is wrong said in one line."""
from __future__ import annotations

from ..dataset.store import DEFAULT_PATH
from ..errors import SvodkaError
from .app import (
    app,
    fail,
    say,
)
from .options import Db


@app.command("check")
def check_command(db: Db = DEFAULT_PATH) -> None:
    """Verify a store: SQLite's integrity, the schema version, every event's evidence in its document's
    text, the links between events; one line says what is wrong (exit 1), or that it is whole."""
    from ..dataset.check import check_store

    try:
        result = check_store(db)
    except SvodkaError as error:
        fail(str(error))
    if result.problems:
        fail(result.summary(db), code=1)
    say(result.summary(db))
