"""The extractor's options: one frozen object passed from the command line to the pipeline, the
engines and every worker (trafilatura's one options object is the model)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractOptions:
    """How documents are extracted.

    shortcut: skip documents and sentences that cannot hold a trigger (the output is the same;
        False tags and attaches everything, to check that).
    quotes: read documents that report no event for their quotes too (they go through NER).
    min_confidence: output every candidate event at least this confident, also those the evidence
        rules set aside; None outputs the accepted events.
    """

    shortcut: bool = True
    quotes: bool = False
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise ValueError(f"min_confidence must lie between 0 and 1, not {self.min_confidence}")


DEFAULT_OPTIONS = ExtractOptions()
