"""Tokens with lemmas and grammemes (pymorphy3) and named entities (natasha).

Lemmatisation is cheap and runs on every sentence; the neural NER runs only
on the paragraphs a caller asks for, in one batch, with models loaded once
per process.
"""
from __future__ import annotations

from functools import lru_cache

from razdel import tokenize

from .model import Document, Mention, Token


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


def tokens_of(text: str, offset: int = 0) -> list[Token]:
    out = []
    for t in tokenize(text):
        lemma, pos, tags = analyse(t.text)
        out.append(Token(t.text, offset + t.start, offset + t.stop, lemma, pos, tags))
    return out


def tokenize_document(doc: Document) -> Document:
    for sentence in doc.sentences:
        sentence.tokens = tokens_of(doc.text[sentence.start : sentence.end], sentence.start)
    return doc


class EntityTagger:
    """natasha's NER and name normalisation, loaded once."""

    def __init__(self):
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        self.morph = NewsMorphTagger(embedding)
        self.ner = NewsNERTagger(embedding)

    def tag(self, text: str, offset: int = 0) -> list[Mention]:
        from natasha import Doc

        nat = Doc(text)
        nat.segment(self.segmenter)
        nat.tag_morph(self.morph)
        nat.tag_ner(self.ner)
        mentions = []
        for span in nat.spans:
            span.normalize(self.morph_vocab)
            mentions.append(Mention(offset + span.start, offset + span.stop, span.type, span.text, span.normal or span.text))
        return mentions


@lru_cache(maxsize=1)
def entity_tagger() -> EntityTagger:
    return EntityTagger()


def tag_entities(doc: Document, paragraphs: set[int] | None = None) -> Document:
    """Run NER over the given paragraphs (all when None)."""
    spans: dict[int, list[int]] = {}
    for s in doc.sentences:
        if paragraphs is None or s.paragraph in paragraphs:
            bounds = spans.setdefault(s.paragraph, [s.start, s.end])
            bounds[0], bounds[1] = min(bounds[0], s.start), max(bounds[1], s.end)
    tagger = entity_tagger()
    mentions = []
    for start, end in spans.values():
        mentions += tagger.tag(doc.text[start:end], start)
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    return doc
