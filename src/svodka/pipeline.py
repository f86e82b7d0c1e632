"""The extractor: ingest → segment → annotate → detect → attach → merge.

The shortcut: a document none of whose words can begin a trigger is not even
tokenised; segmentation, lemmas and the trigger lexicon run on the rest; only
a document with a trigger goes on to the neural NER and attachment, and NER
reads only its paragraphs where a name can stand. (Quotes and sources are
looked for over the whole document, so NER reads all of it, not just the
paragraphs near a trigger; a document without a trigger is read for quotes
only when asked.) Documents go through NER in batches, so the
network sees many paragraphs per call. Without the shortcut every paragraph
of every document is tagged and attached.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from .annotate import analyse, tag_entities_of, tokenize_document, tokens_of
from .attach import attach
from .detect import NOT_AN_EVENT, detect
from .lexicon import pattern_set
from .merge import merge
from .model import Document, Sentence
from .segment import segment
from .sources import attribute

DOCUMENTS_PER_BATCH = 16  # documents whose paragraphs share one NER call
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
LETTERS = re.compile(r"[^\W\d_]+")
LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def trigger_starts() -> tuple[frozenset[str], tuple[str, ...]] | None:
    """The lemmas and lemma prefixes a trigger can begin with; None when one is not
    a plain word, since a plain word is all `can_name_event` looks for."""
    lemmas, prefixes = set(), []
    for pattern in pattern_set("triggers.tsv").patterns:
        first = pattern.elements[0]
        lemmas |= first.lemmas
        prefixes += first.prefixes
    if not all(w.isalpha() for w in (*lemmas, *prefixes)):
        return None
    return frozenset(lemmas), tuple(prefixes)


@lru_cache(maxsize=200_000)
def can_begin_trigger(word: str) -> bool:
    lemmas, prefixes = trigger_starts()
    lemma = analyse(word)[0]
    return lemma in lemmas or lemma.startswith(prefixes)


def can_name_event(text: str) -> bool:
    """False only when no word of the text has a lemma a trigger begins with.

    A trigger's first lemma is a plain word, and only a token made of letters
    alone has such a lemma; razdel never splits a run of letters, so the runs
    of letters are all the tokens that matter."""
    if trigger_starts() is None:
        return True
    return any(can_begin_trigger(word) for word in set(LETTERS.findall(text)))


def may_hold_name(sentence: Sentence) -> bool:
    """Whether NER could find a name here: a capitalised word that is not just
    capitalised for opening the sentence, or a word in Latin letters."""
    for i, t in enumerate(sentence.tokens):
        if LATIN.search(t.text):
            return True
        if t.text[:1].isupper() and (i > 0 or t.pos is None or t.tags & NAME_GRAMMEMES):
            return True
    return False


def paragraphs_to_tag(doc: Document) -> set[int]:
    return {s.paragraph for s in doc.sentences if may_hold_name(s)}


def may_hold_trigger(doc: Document) -> bool:
    """Whether any sentence holding a word a trigger can begin with matches a trigger: only
    those sentences are tokenised, since only they can hold one."""
    for sentence in doc.sentences:
        text = doc.text[sentence.start : sentence.end]
        if can_name_event(text):
            sentence.tokens = tokens_of(text, sentence.start)
            if any(m.pattern.label != NOT_AN_EVENT for m in pattern_set("triggers.tsv").find(sentence.tokens)):
                return True
    return False


def analyse_document(doc: Document, shortcut: bool) -> bool:
    """Segment, tokenise and detect; True when the document goes on to NER and attachment."""
    doc.events = []
    if shortcut and not can_name_event(doc.text):
        return False
    segment(doc)
    if shortcut and not may_hold_trigger(doc):
        return False
    tokenize_document(doc)
    detect(doc)
    return bool(doc.triggers) or not shortcut


def extract_all(documents: Iterable[Document], shortcut: bool = True, quotes: bool = False) -> Iterator[Document]:
    """Every document, extracted, in input order. With `quotes`, documents that report no event
    are read for their quotes too (they go through NER, so this costs time on a news stream)."""
    documents = iter(documents)
    while batch := list(islice(documents, DOCUMENTS_PER_BATCH)):
        going_on = [doc for doc in batch if analyse_document(doc, shortcut)]
        reporting = {id(doc) for doc in going_on}
        quoting = [doc for doc in batch if quotes and id(doc) not in reporting]
        for doc in quoting:
            segment(doc)
            tokenize_document(doc)
        tag_entities_of([(doc, paragraphs_to_tag(doc) if shortcut else None) for doc in going_on + quoting])
        for doc in going_on:
            doc.events = merge(doc, attach(doc))
        for doc in quoting:
            doc.quotes = attribute(doc)[1]
        yield from batch


def extract(doc: Document, shortcut: bool = True, quotes: bool = False) -> Document:
    return next(extract_all([doc], shortcut, quotes))
