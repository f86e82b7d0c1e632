"""The extractor: ingest → segment → annotate → detect → attach → merge.

The shortcut: a document none of whose words can begin a trigger (judged
from their first letters, then their lemmas) is not even segmented; in the
rest only sentences holding such a word are tokenised until one matches a
trigger; only a document with a trigger goes on to the neural NER and
attachment, and NER reads only its sentences where a name can stand.
(Quotes and sources are looked for over the whole document, so NER reads
all of it, not just the sentences near a trigger; a document without a
trigger is read for quotes only when asked.) Documents go through NER in
batches of up to DOCUMENTS_PER_BATCH, so the network sees many sentences per
call. Without the shortcut every sentence of every document is tagged and
attached.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from .annotate.analysis import (
    analyse,
    entity_tagger,
    morph_analyzer,
    tag_entities_of,
    tokenize_document,
    tokens_of,
)
from .annotate.segment import segment
from .attach.acled_actors import coding
from .attach.events import attach
from .attach.places import gazetteer
from .attach.sources.speakers import attribute
from .detect.triggers import NOT_AN_EVENT, detect
from .lexicon import pattern_set
from .merge.merging import merge
from .model import Document, Sentence

DOCUMENTS_PER_BATCH = 256  # documents whose sentences share one NER call
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
LETTERS = re.compile(r"[а-яё]+|[a-z]+", re.IGNORECASE)  # razdel's atoms of letters
LATIN = re.compile(r"[A-Za-z]")
HEAD = 3  # letters of a word compared before it is analysed


@lru_cache(maxsize=1)
def trigger_heads() -> frozenset[str] | None:
    """The first HEAD letters of every form of every lemma a trigger can begin with, and of
    every lemma prefix one can begin with: a word whose first letters are none of these
    cannot have such a lemma, and is not even analysed. None when some trigger does not
    begin with a plain word, or with a prefix of at least HEAD letters."""
    firsts = [p.elements[0] for p in pattern_set("detect/triggers.tsv").patterns]
    lemmas = {w for first in firsts for w in first.lemmas}
    prefixes = {w for first in firsts for w in first.prefixes}
    if not all(w.isalpha() for w in lemmas | prefixes) or any(len(w) < HEAD for w in prefixes):
        return None
    heads = {w[:HEAD] for w in lemmas | prefixes}
    for lemma in lemmas:
        for parse in morph_analyzer().parse(lemma):
            if parse.normal_form.replace("ё", "е") == lemma:
                heads |= {form.word.replace("ё", "е")[:HEAD] for form in parse.lexeme}
    return frozenset(heads)


@lru_cache(maxsize=200_000)
def can_begin_trigger(word: str) -> bool:
    """Whether the word's lemma begins a trigger; a phrase that only masks triggers ("задерживают
    рейсы") is no event, so a word that begins nothing else begins none."""
    lower = word.lower().replace("ё", "е")
    if lower[:HEAD] not in trigger_heads():
        return False
    return any(p.label != NOT_AN_EVENT for p in pattern_set("detect/triggers.tsv").starting_with(analyse(word)[0]))


def can_name_event(text: str) -> bool:
    """False only when no word of the text has a lemma a trigger begins with.

    A trigger's first lemma is a plain word, and only a token that is one of
    razdel's atoms of letters alone has such a lemma, so those atoms are all
    the words that matter."""
    if trigger_heads() is None:
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


def sentences_to_tag(doc: Document) -> set[int]:
    return {i for i, s in enumerate(doc.sentences) if may_hold_name(s)}


def may_hold_trigger(doc: Document) -> bool:
    """Whether any sentence holding a word a trigger can begin with matches a trigger: only
    those sentences are tokenised, since only they can hold one."""
    for sentence in doc.sentences:
        text = doc.text[sentence.start : sentence.end]
        if can_name_event(text):
            sentence.tokens = tokens_of(text, sentence.start)
            if any(m.pattern.label != NOT_AN_EVENT for m in pattern_set("detect/triggers.tsv").find(sentence.tokens)):
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


@lru_cache(maxsize=1)
def load_models() -> None:
    """The NER model and the gazetteer, loaded once per process and then, with all else alive,
    kept out of the garbage collector's walks: they live as long as the process, and their
    hundreds of thousands of objects made every full collection slow."""
    entity_tagger()
    gazetteer()
    gc.freeze()


def extract_all(
    documents: Iterable[Document], shortcut: bool = True, quotes: bool = False, min_confidence: float | None = None
) -> Iterator[Document]:
    """Every document, extracted, in input order. With `quotes`, documents that report no event
    are read for their quotes too (they go through NER, so this costs time on a news stream).
    With `min_confidence`, every candidate event at least that confident is kept (`merge.merge`)."""
    load_models()
    documents = iter(documents)
    while batch := list(islice(documents, DOCUMENTS_PER_BATCH)):
        going_on = [doc for doc in batch if analyse_document(doc, shortcut)]
        reporting = {id(doc) for doc in going_on}
        quoting = [doc for doc in batch if quotes and id(doc) not in reporting]
        for doc in quoting:
            segment(doc)
            tokenize_document(doc)
        tag_entities_of([(doc, sentences_to_tag(doc) if shortcut else None) for doc in going_on + quoting])
        for doc in going_on:
            doc.events = merge(doc, attach(doc), min_confidence)
            for event in doc.events:
                event.acled = coding(doc, event)
        for doc in quoting:
            doc.quotes = attribute(doc)[1]
        yield from batch


def extract(doc: Document, shortcut: bool = True, quotes: bool = False) -> Document:
    return next(extract_all([doc], shortcut, quotes))
