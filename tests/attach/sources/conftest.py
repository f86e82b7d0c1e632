"""Shared fixtures of the source tests: a document built from a short text, its chains."""
from datetime import date

import pytest

from svodka.annotate.analysis import tag_entities, tokenize_document
from svodka.annotate.segment import segment
from svodka.attach.sources.speakers import find_attributions
from svodka.model import Document


@pytest.fixture(scope="module")
def build():
    def make(text: str, source: str | None = None) -> Document:
        doc = Document("t", text, published=date(2022, 1, 6), source=source)
        segment(doc)
        tokenize_document(doc)
        tag_entities(doc)
        return doc

    return make


def chains(doc):
    return [a.chain for a in find_attributions(doc)]


def only(doc):
    found = find_attributions(doc)
    assert len(found) == 1, [a.chain for a in found]
    return found[0]
