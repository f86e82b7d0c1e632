"""Split a document into paragraphs and sentences.

A paragraph is a line of text. A short line without closing punctuation is
a headline (live blogs put one above each post) and stays its own sentence.
"""
from __future__ import annotations

import re

from razdel import sentenize

from .model import Document, Sentence

HEADLINE_MAX_CHARS = 200
CLOSING_PUNCTUATION = ".!?…:;"
LINE = re.compile(r"[^\n]+")


def is_headline(line: str) -> bool:
    stripped = line.strip().rstrip("\"»”'")
    return bool(stripped) and len(stripped) <= HEADLINE_MAX_CHARS and stripped[-1] not in CLOSING_PUNCTUATION


def segment(doc: Document) -> Document:
    sentences = []
    paragraph = 0
    for line in LINE.finditer(doc.text):
        if not line.group().strip():
            continue
        if is_headline(line.group()):
            lead = len(line.group()) - len(line.group().lstrip())
            trail = len(line.group().rstrip())
            sentences.append(Sentence(line.start() + lead, line.start() + trail, paragraph, headline=True))
        else:
            for s in sentenize(line.group()):
                sentences.append(Sentence(line.start() + s.start, line.start() + s.stop, paragraph))
        paragraph += 1
    doc.sentences = sentences
    return doc
