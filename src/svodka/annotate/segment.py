"""Split a document into paragraphs and sentences.

A paragraph is a line of text, or, in a text that separates its paragraphs
by blank lines, a block of lines between them (a wrapped or line-per-sentence
paragraph). A short line without closing punctuation is a headline (live
blogs put one above each post) and stays its own sentence and paragraph. A
line that opens with a bullet (a dash, a dot, an emoji, "1)") is a paragraph
of its own: each item of a digest tells its own events, and its places and
dates are not the next item's.
"""
from __future__ import annotations

import re
import unicodedata

from razdel import sentenize

from ..model import Document, Sentence

HEADLINE_MAX_CHARS = 200
CLOSING_PUNCTUATION = ".!?…:;"
LINE = re.compile(r"[^\n]+")
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
BULLETS = frozenset("-–—•·‣▪▫◾◽●○■□*➖►▶→")
NUMBERED = re.compile(r"\s*\d{1,2}[.)]\s")


def is_bullet(line: str) -> bool:
    """A digest's item: "- текст", "• текст", "🔸 текст", "2) текст"."""
    stripped = line.lstrip()
    if not stripped:
        return False
    return stripped[0] in BULLETS or unicodedata.category(stripped[0]) == "So" or NUMBERED.match(line) is not None


def is_headline(line: str) -> bool:
    stripped = line.strip().rstrip("\"»”'")
    return bool(stripped) and len(stripped) <= HEADLINE_MAX_CHARS and stripped[-1] not in CLOSING_PUNCTUATION


def segment(doc: Document, blocks: bool | None = None, first_paragraph: int = 0) -> Document:
    """The document's sentences, with their paragraphs numbered from `first_paragraph`; `blocks`: whether
    blank lines separate the paragraphs (by default, whether the text holds one; a window of a long
    document is told what the whole text does)."""
    sentences = []
    paragraph = first_paragraph
    if blocks is None:
        blocks = BLANK_LINE.search(doc.text) is not None
    previous_end = 0
    for line in LINE.finditer(doc.text):
        if not line.group().strip():
            continue
        headline = is_headline(line.group())
        continues = blocks and sentences and not headline and not sentences[-1].headline and not is_bullet(line.group()) \
            and not BLANK_LINE.search(doc.text, previous_end, line.start() + 1)
        if sentences and not continues:
            paragraph += 1
        if headline:
            lead = len(line.group()) - len(line.group().lstrip())
            trail = len(line.group().rstrip())
            sentences.append(Sentence(line.start() + lead, line.start() + trail, paragraph, headline=True))
        else:
            for s in sentenize(line.group()):
                sentences.append(Sentence(line.start() + s.start, line.start() + s.stop, paragraph))
        previous_end = line.end()
    doc.sentences = sentences
    return doc
