"""The extractor's options: one frozen object passed from the command line to the pipeline, the
engines and every worker (trafilatura's one options object is the model)."""
from __future__ import annotations

import os
from dataclasses import dataclass

WINDOW_CHARACTERS = 150_000  # a long document's window: ~300 KB of Russian text


@dataclass(frozen=True)
class ExtractOptions:
    """How documents are extracted.

    shortcut: skip documents and sentences that cannot hold a trigger (the output is the same;
        False tags and attaches everything, to check that).
    quotes: read documents that report no event for their quotes too (they go through NER).
    min_confidence: output every candidate event at least this confident, also those the evidence
        rules set aside; None outputs the accepted events.
    window: a document longer than this many characters is read a window of whole paragraphs this
        long at a time, so that memory is bounded by the window (pipeline.extract_windowed); the
        environment's SVODKA_WINDOW sets the default.
    """

    shortcut: bool = True
    quotes: bool = False
    min_confidence: float | None = None
    window: int = int(os.environ.get("SVODKA_WINDOW", WINDOW_CHARACTERS))

    def __post_init__(self) -> None:
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise ValueError(f"min_confidence must lie between 0 and 1, not {self.min_confidence}")
        if self.window < 1_000:
            raise ValueError(f"window must be at least 1000 characters, not {self.window}")


DEFAULT_OPTIONS = ExtractOptions()
