"""Tokens with lemmas and grammemes (pymorphy3) and named entities (natasha).

Lemmatisation is cheap and runs on every sentence. The neural NER runs only
on the paragraphs a caller asks for, all of them (from one document or many)
in one batched call. natasha's morph tagger, which entity normalisation
needs, then reads only the sentences that hold an entity. Models load once
per process.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

from razdel import tokenize

from .model import Document, Mention, Token

# Texts go to the network sorted by length, in batches of about this many
# (padded) characters or words: a batch pads little, and its matrix products
# are big enough to be efficient but stay in cache.
NER_BATCH_CHARS = 12_000
MORPH_BATCH_WORDS = 2_000


@lru_cache(maxsize=1)
def morph_analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def analyse(word: str) -> tuple[str, str | None, frozenset[str]]:
    lower = word.lower().replace("ё", "е")
    if not any("а" <= ch <= "я" for ch in lower):
        return lower, None, frozenset()
    if len(word) > 1 and word.isupper():  # an abbreviation (КТО, БПЛА), not a word in capitals
        return lower, "ABBR", frozenset({"Abbr"})
    parse = morph_analyzer().parse(lower)[0]
    return parse.normal_form.replace("ё", "е"), parse.tag.POS, frozenset(parse.tag.grammemes)


@lru_cache(maxsize=1)
def units_after_numbers() -> dict[str, str]:
    """ "5 мин" is minutes, not mines: short unit words read after a number."""
    from .lexicon import data_rows

    return {row[0].strip(): row[1].strip() for row in data_rows("units.tsv")}


def tokens_of(text: str, offset: int = 0) -> list[Token]:
    out = []
    units = units_after_numbers()
    for t in tokenize(text):
        lemma, pos, tags = analyse(t.text)
        if out and out[-1].text[-1:].isdigit() and t.text in units:
            lemma, pos, tags = units[t.text], "NOUN", frozenset({"NOUN", "Abbr"})
        out.append(Token(t.text, offset + t.start, offset + t.stop, lemma, pos, tags))
    return out


def tokenize_document(doc: Document) -> Document:
    for sentence in doc.sentences:
        sentence.tokens = tokens_of(doc.text[sentence.start : sentence.end], sentence.start)
    return doc


def length_batches(items: Sequence, budget: int) -> Iterator[list[int]]:
    """Indices of the items, shortest first, in batches padded to at most `budget`
    (an item longer than that is a batch of its own)."""
    batch: list[int] = []
    for i in sorted(range(len(items)), key=lambda i: len(items[i])):
        if batch and (len(batch) + 1) * len(items[i]) > budget:
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


def in_length_order(items: Sequence, tag: Callable[[list], Iterable], budget: int) -> list:
    """`tag` over `length_batches` of the items; results in input order."""
    results: list = [None] * len(items)
    for batch in length_batches(items, budget):
        for i, result in zip(batch, tag([items[i] for i in batch])):
            results[i] = result
    return results


def one_batch(tagger) -> None:
    """Make the tagger run whatever it is given as one batch: `in_length_order` chose it."""
    tagger.batch_size = tagger.infer.encoder.batch_size = 1_000_000


class EntityTagger:
    """natasha's NER, and its normalisation of the entities it finds."""

    def __init__(self):
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        self.morph = NewsMorphTagger(embedding)
        self.ner = NewsNERTagger(embedding)
        one_batch(self.morph)
        one_batch(self.ner)

    def tag(self, pieces: list[tuple[str, int]]) -> list[list[Mention]]:
        """The mentions of each (text, offset) piece; offsets are added to every span.

        The result equals running `natasha.Doc` with segment, tag_morph, tag_ner and
        span.normalize on each piece alone."""
        from natasha import Doc
        from natasha.doc import adapt_spans

        markups = in_length_order([text for text, _ in pieces], self.ner.map, NER_BATCH_CHARS)
        docs = []
        for (text, _), markup in zip(pieces, markups):
            nat = Doc(text)
            if markup.spans:
                nat.segment(self.segmenter)
                nat.spans = list(adapt_spans(nat, markup.spans))
                nat.envelop_span_tokens()
            docs.append(nat)
        self._tag_morph(sentence for nat in docs if nat.spans for sentence in sentences_with_entities(nat))
        out = []
        for nat, (_, offset) in zip(docs, pieces):
            mentions = []
            for span in nat.spans or []:
                span.normalize(self.morph_vocab)
                mentions.append(Mention(offset + span.start, offset + span.stop, span.type, span.text, span.normal or span.text))
            out.append(mentions)
        return out

    def _tag_morph(self, sentences: Iterable) -> None:
        from natasha.doc import inject_morph

        sentences = list(sentences)
        words = [[t.text for t in s.tokens] for s in sentences]
        for sentence, markup in zip(sentences, in_length_order(words, self.morph.map, MORPH_BATCH_WORDS)):
            inject_morph(sentence.tokens, markup.tokens)


def sentences_with_entities(nat) -> list:
    """natasha's sentences of a segmented doc that hold a token of one of its spans."""
    inside = {id(token) for span in nat.spans for token in span.tokens}
    return [s for s in nat.sents if any(id(token) in inside for token in s.tokens)]


@lru_cache(maxsize=1)
def entity_tagger() -> EntityTagger:
    return EntityTagger()


def paragraph_spans(doc: Document, paragraphs: set[int] | None) -> list[tuple[int, int]]:
    """The character range of each wanted paragraph (all when None), in text order."""
    spans: dict[int, list[int]] = {}
    for s in doc.sentences:
        if paragraphs is None or s.paragraph in paragraphs:
            bounds = spans.setdefault(s.paragraph, [s.start, s.end])
            bounds[0], bounds[1] = min(bounds[0], s.start), max(bounds[1], s.end)
    return [(start, end) for start, end in spans.values()]


def tag_entities_of(docs: list[tuple[Document, set[int] | None]]) -> None:
    """Run NER over the given paragraphs of several documents (all paragraphs when None) in one batch."""
    pieces, owners = [], []
    for doc, paragraphs in docs:
        for start, end in paragraph_spans(doc, paragraphs):
            pieces.append((doc.text[start:end], start))
            owners.append(doc)
    found: dict[int, list[Mention]] = {id(doc): [] for doc, _ in docs}
    for doc, mentions in zip(owners, entity_tagger().tag(pieces) if pieces else []):
        found[id(doc)] += mentions
    for doc, _ in docs:
        doc.mentions = sorted(found[id(doc)], key=lambda m: m.start)


def tag_entities(doc: Document, paragraphs: set[int] | None = None) -> Document:
    """Run NER over the given paragraphs (all when None)."""
    tag_entities_of([(doc, paragraphs)])
    return doc
