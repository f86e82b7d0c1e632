"""The extractor: ingest → segment → annotate → detect → attach → merge.

Segmentation, lemmas and the trigger lexicon are cheap and run on every
document; the neural NER runs only on the paragraphs around a trigger, so a
document that names no event costs almost nothing.
"""
from __future__ import annotations

from .annotate import tag_entities, tokenize_document
from .attach import attach
from .detect import detect
from .merge import merge
from .model import Document
from .segment import segment

CONTEXT_PARAGRAPHS = 1  # paragraphs on each side of a trigger that NER also reads


def paragraphs_to_tag(doc: Document) -> set[int]:
    near = {doc.sentences[t.sentence].paragraph for t in doc.triggers}
    wanted = {p + d for p in near for d in range(-CONTEXT_PARAGRAPHS, CONTEXT_PARAGRAPHS + 1)}
    return wanted | {0}


def extract(doc: Document) -> Document:
    segment(doc)
    tokenize_document(doc)
    detect(doc)
    if not doc.triggers:
        doc.events = []
        return doc
    tag_entities(doc, paragraphs_to_tag(doc))
    doc.events = merge(doc, attach(doc))
    return doc
