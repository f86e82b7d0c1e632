"""What the tests share: where ../shared is, and fixture documents built the way the pipeline builds them."""

from datetime import date
from pathlib import Path

import pytest

from svodka.annotate.analysis import tokenize_document
from svodka.annotate.segment import segment
from svodka.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def needs_shared():
    return pytest.mark.skipif(not (SHARED / "CONTRACT.md").exists(), reason="../shared is absent")


def lemmatised(text: str, published: date | None = None, doc_id: str = "t") -> Document:
    doc = Document(doc_id, text, published)
    segment(doc)
    tokenize_document(doc)
    return doc
