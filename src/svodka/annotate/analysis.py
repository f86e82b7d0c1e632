"""Tokens (razdel's) with lemmas and grammemes (pymorphy3) and named entities (natasha).

Lemmatisation is cheap and runs on every sentence. The neural NER runs only
on the sentences a caller asks for, all of them (from one document or many)
in one batched call, on the tokens svodka already has. Models load once per
process.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from natasha.shape import recover_shape

from ..lexicon import fold_yo
from ..model import Document, Mention, Token
from ..resources import shared_resources
from .tokens import token_spans

PERSON_NAME = frozenset({"Name", "Surn", "Patr"})
CASE_OF = {"nomn": "nomn", "voct": "nomn", "gent": "gent", "gen2": "gent", "datv": "datv", "accs": "accs",
           "acc2": "accs", "ablt": "ablt", "loct": "loct", "loc2": "loct"}


def load_morph_analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def analyse(word: str) -> tuple[str, str | None, frozenset[str]]:
    lower = fold_yo(word.lower())
    if not any("а" <= ch <= "я" for ch in lower):
        return lower, None, frozenset()
    if len(word) > 1 and word.isupper():  # an abbreviation (КТО, БПЛА), not a word in capitals
        return lower, "ABBR", frozenset({"Abbr"})
    parse = morph_analyzer().parse(lower)[0]
    return fold_yo(parse.normal_form), parse.tag.POS, frozenset(parse.tag.grammemes)


def load_units_after_numbers() -> dict[str, str]:
    """ "5 мин" is minutes, not mines: short unit words read after a number."""
    from ..lexicon import data_rows

    return {row[0].strip(): row[1].strip() for row in data_rows("annotate/units.tsv")}


def tokens_of(text: str, offset: int = 0) -> list[Token]:
    out = []
    units = units_after_numbers()
    for start, stop in token_spans(text):
        word = text[start:stop]
        if word in units and out and out[-1].text[-1:].isdigit():
            out.append(Token(word, offset + start, offset + stop, units[word], "NOUN", frozenset({"NOUN", "Abbr"})))
        else:
            out.append(Token(word, offset + start, offset + stop, *analyse(word)))
    return out


def tokenize_document(doc: Document) -> Document:
    """Tokens for every sentence that has none yet."""
    for sentence in doc.sentences:
        if not sentence.tokens:
            sentence.tokens = tokens_of(doc.text[sentence.start : sentence.end], sentence.start)
    return doc


class EntityTagger:
    """natasha's news NER (slovnet), run on svodka's own tokens, and the nominative of what it finds.

    slovnet would tokenise each text again with razdel, and natasha's normalisation
    wants its neural morph tagger too; both cost as much as the NER itself. The NER
    reads the very words razdel gave svodka, and `nominative` puts a name in the
    nominative from pymorphy3's readings, which the tokens carry already."""

    def __init__(self):
        from natasha import NewsEmbedding, NewsNERTagger

        from .ner import SentenceNER

        self.ner = NewsNERTagger(NewsEmbedding())
        self.network = SentenceNER(self.ner.infer)

    def tag(self, pieces: list[tuple[str, list[Token]]]) -> list[list[Mention]]:
        """The mentions in each piece: a run of tokens (such as a sentence) of the text given with it."""
        tags = self.network([[t.text for t in tokens] for _, tokens in pieces])
        return [list(mentions_of(text, tokens, piece_tags)) for (text, tokens), piece_tags in zip(pieces, tags)]


def mentions_of(text: str, tokens: list[Token], tags: list[str]) -> Iterator[Mention]:
    """The spans of a BIO tagging, read as slovnet reads it: an I- tag extends the open span."""
    first = kind = None
    for i, tag in enumerate([*tags, "O"]):
        part, _, tag_kind = tag.partition("-")
        if kind and part != "I":
            span = tokens[first:i]
            yield Mention(span[0].start, span[-1].end, kind, text[span[0].start : span[-1].end], nominative(text, span, kind))
            kind = None
        if part == "B":
            first, kind = i, tag_kind


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple:
    """pymorphy3's readings of a word of a name, with the case each is in."""
    lower = word.lower()
    if not any("а" <= ch <= "я" or ch == "ё" for ch in lower) or (len(word) > 1 and word.isupper()):
        return ()
    return tuple((parse, CASE_OF.get(parse.tag.case)) for parse in morph_analyzer().parse(lower))


def nominative(text: str, tokens: list[Token], kind: str) -> str:
    """The name in the nominative: "Ивана Петрова" is Иван Петров, "Следственного комитета
    России" the Следственный комитет России. A person's every word agrees; an organisation
    or a place changes only its head noun and the adjectives before it, in the head's
    gender and number. The readings chosen are the likeliest that agree."""
    start = tokens[0].start
    return nominative_of(text[start : tokens[-1].end], tuple((t.start - start, t.end - start) for t in tokens), kind)


@lru_cache(maxsize=50_000)
def nominative_of(surface: str, spans: tuple[tuple[int, int], ...], kind: str) -> str:
    """`nominative` of a name written `surface`, whose words stand at `spans` in it."""
    words = [surface[a:b] for a, b in spans]
    options = [readings(word) for word in words]
    if kind == "PER":
        options = [tuple(r for r in rs if PERSON_NAME & r[0].tag.grammemes) for rs in options]
        changing = [i for i, rs in enumerate(options) if rs]  # not "Токаев" read as the plural of "токай"
    else:
        head = next((i for i, rs in enumerate(options) if any(r[0].tag.POS == "NOUN" for r in rs)), None)
        changing = [] if head is None else [i for i in range(head + 1) if options[i]]
    if not changing:
        return surface
    forms = {(case, p.tag.gender, p.tag.number) for p, case in options[changing[-1]] if case}
    chosen = {form: [best_reading(options[i], form) for i in changing] for form in forms}
    fitting = {form: parses for form, parses in chosen.items() if all(parses)}
    if not fitting or any(form[0] == "nomn" for form in fitting):
        return surface
    best = max(fitting, key=lambda form: sum(p.score for p in fitting[form]))
    for i, parse in zip(changing, fitting[best]):
        inflected = None if "Fixd" in parse.tag.grammemes else parse.inflect({"nomn"})
        if inflected:
            words[i] = recover_shape(with_yo_of(words[i], inflected.word), words[i])
    return "".join((surface[spans[i - 1][1] : a] if i else "") + words[i] for i, (a, _) in enumerate(spans))


def best_reading(options: tuple, form: tuple[str, str | None, str | None]):
    """The likeliest reading in the form's case that agrees with its gender and number."""
    case, gender, number = form
    fitting = [
        p for p, c in options
        if c == case and p.tag.number in (None, number) and (number == "plur" or p.tag.gender in (None, gender))
    ]
    return max(fitting, key=lambda p: p.score, default=None)


def with_yo_of(original: str, word: str) -> str:
    """pymorphy3 writes "е" for "ё"; the word keeps the original's "ё": Аксёнова is Аксёнов."""
    return "".join("ё" if ch == "е" and original[k : k + 1].lower() == "ё" else ch for k, ch in enumerate(word))


def load_entity_tagger() -> EntityTagger:
    return EntityTagger()


def sentence_tokens(doc: Document, sentences: set[int] | None) -> list[list[Token]]:
    """The tokens of each wanted sentence (all when None), in text order."""
    return [s.tokens for i, s in enumerate(doc.sentences) if s.tokens and (sentences is None or i in sentences)]


def tag_entities_of(docs: list[tuple[Document, set[int] | None]], tagger: EntityTagger | None = None) -> None:
    """Run NER over the given sentences of several documents (all sentences when None) in one batch, with
    the given tagger (the shared Resources' by default)."""
    tagger = tagger or shared_resources().entity_tagger
    pieces, owners = [], []
    for doc, sentences in docs:
        for tokens in sentence_tokens(doc, sentences):
            pieces.append((doc.text, tokens))
            owners.append(doc)
    found: dict[int, list[Mention]] = {id(doc): [] for doc, _ in docs}
    for doc, mentions in zip(owners, tagger.tag(pieces) if pieces else []):
        found[id(doc)] += mentions
    for doc, _ in docs:
        doc.mentions = sorted(found[id(doc)], key=lambda m: m.start)


def tag_entities(doc: Document, sentences: set[int] | None = None) -> Document:
    """Run NER over the given sentences (all when None)."""
    tag_entities_of([(doc, sentences)])
    return doc


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def morph_analyzer():
    return shared_resources().morph


def units_after_numbers():
    return shared_resources().units_after_numbers


def entity_tagger():
    return shared_resources().entity_tagger
