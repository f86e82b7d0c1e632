"""Windows of whole paragraphs, in which a long document is annotated, detected and attached.

A long document (a digest, a book, a day's live blog) is read a window of paragraphs at a time,
so what the reading holds (tokens, NER mentions, quotes and places looked up) is bounded by the
window, not the document. A window is a Document of its own over a slice of the text; what it
finds is then moved to the whole document's offsets (`shift`), and the events of every window
are merged as one document's are. A window ends after a blank line when the text separates its
paragraphs by blank lines, else at the end of a line; only a line longer than a window is cut
at a space (or anywhere, failing one).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass

from ..model import Document, Sentence
from .analysis import tokens_of
from .segment import BLANK_LINE, segment

SPAN_FIELDS = frozenset({"evidence", "anchor", "date_evidence", "text", "verb"})  # (start, end) pairs
OFFSET_FIELDS = frozenset({"start", "end"})
SPACE = re.compile(r"\s")


def paragraph_windows(text: str, size: int, blocks: bool) -> Iterator[tuple[int, int]]:
    """The (start, end) of each window: at least `size` characters of whole paragraphs (but the
    last), and at most about twice that; `blocks`: whether blank lines separate the paragraphs."""
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= 2 * size else window_end(text, start + size, size, blocks)
        yield start, end
        start = end


def window_end(text: str, at: int, size: int, blocks: bool) -> int:
    """Where the window that reaches `at` ends: past the first paragraph break within `size` after it."""
    stop = at + size
    if blocks and (blank := BLANK_LINE.search(text, at, stop)):
        return blank.end()
    newline = text.find("\n", at, stop)
    if newline >= 0:
        return newline + 1
    space = SPACE.search(text, at, stop)
    return space.end() if space else at


def shift(objects, by: int, sentences_before: int, seen: set[int]) -> None:
    """Move what a window found to the whole document: every offset (a `start`, an `end`, a span)
    by `by` characters and every sentence index by `sentences_before`, in the data model's objects
    and lists reachable from `objects`, each once (`seen`: the ids of those already moved; events
    split from one share their lists)."""
    stack = list(objects)
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, list):
            stack.extend(item for item in obj if is_dataclass(item))
            continue
        for name, action in plan(type(obj)):
            value = getattr(obj, name)
            if value is None:
                continue
            if action == OFFSET:
                setattr(obj, name, value + by)
            elif action == INDEX:
                setattr(obj, name, value + sentences_before)
            elif action == SPAN and isinstance(value, tuple):
                setattr(obj, name, (value[0] + by, value[1] + by))
            elif action == SPAN and isinstance(value, list):
                if id(value) not in seen:
                    seen.add(id(value))
                    value[:] = [(a + by, b + by) for a, b in value]
            elif action == WALK and (isinstance(value, list) or is_dataclass(value)):
                stack.append(value)


OFFSET, INDEX, SPAN, WALK = "offset", "index", "span", "walk"
PLAIN = re.compile(r"(str|int|float|bool|date|dict|None|list\[str\]|frozenset\[str\])( \| )?")
PLANS: dict[type, tuple[tuple[str, str], ...]] = {}


def plan(cls: type) -> tuple[tuple[str, str], ...]:
    """What `shift` does with each field of a data model class: moves an offset, a sentence index or a
    span, walks into a field that can hold objects, or leaves alone one of plain values."""
    if cls not in PLANS:
        steps = []
        for f in fields(cls):
            annotation = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "object")
            if f.name in OFFSET_FIELDS and annotation == "int":
                steps.append((f.name, OFFSET))
            elif f.name == "sentence" and annotation == "int":
                steps.append((f.name, INDEX))
            elif f.name in SPAN_FIELDS and "Span" in annotation:
                steps.append((f.name, SPAN))
            elif PLAIN.sub("", annotation):
                steps.append((f.name, WALK))
        PLANS[cls] = tuple(steps)
    return PLANS[cls]


@dataclass
class Window(Document):
    """A window of a long document: its text is the document's from `offset` on, its paragraphs are
    numbered from `first_paragraph`, and `blocks` tells whether the whole text separates its
    paragraphs by blank lines."""

    offset: int = 0
    blocks: bool = False
    first_paragraph: int = 0


def segment_document(doc: Document) -> Document:
    """Segment a document, or a window as part of its document."""
    if isinstance(doc, Window):
        return segment(doc, doc.blocks, doc.first_paragraph)
    return segment(doc)


class ReadSentence(Sentence):
    """A sentence of a window already read, at its place in the whole document: its tokens are not kept
    but found again whenever asked for (merging and the ACLED coding read those of the events' sentences),
    so that a long document holds no tokens past its window."""

    def __init__(self, sentence: Sentence, text: str, offset: int):
        self.start, self.end = sentence.start + offset, sentence.end + offset
        self.paragraph, self.headline = sentence.paragraph, sentence.headline
        self.document_text = text  # the whole document's (not a copy)

    @property
    def tokens(self):
        return tokens_of(self.document_text[self.start : self.end], self.start)
