"""Who takes part: actor words by lemma with ACLED actor categories."""
from __future__ import annotations

from functools import lru_cache

from ..annotate.analysis import morph_analyzer
from ..lexicon import fold_yo, longest_non_overlapping, pattern_set
from ..model import Actor, Document, Event, Token

HEAD_POS = frozenset(("NOUN",))
INFLECTED_POS = frozenset(("NOUN", "ADJF", "PRTF"))  # the words of a phrase that agree with its head


def find_actor_words(doc: Document, index: int) -> list[Actor]:
    """Every actor word of a sentence, in text order, with no role yet."""
    tokens = doc.sentences[index].tokens
    words = []
    for match in longest_non_overlapping(pattern_set("attach/actors.tsv").find(tokens)):
        start, end = tokens[match.first].start, tokens[match.last].end
        words.append(Actor("", doc.text[start:end], match.pattern.label, (start, end)))
    return sorted(words, key=lambda a: a.evidence)


def find_actors(doc: Document, event: Event) -> list[Actor]:
    """The first two distinct actor categories named in the event's sentences, named in the nominative."""
    actors: list[Actor] = []
    for index in event.sentences:
        for word in find_actor_words(doc, index):
            if all(a.category != word.category for a in actors):
                word.role = "actor1" if not actors else "actor2"
                tokens = [t for t in doc.sentences[index].tokens if word.evidence[0] <= t.start and t.end <= word.evidence[1]]
                word.name = nominative(doc.text, word.evidence, tokens)
                actors.append(word)
                if len(actors) == 2:
                    return actors
    return actors


def nominative(text: str, span: tuple[int, int], tokens: list[Token]) -> str:
    """The phrase with its head and the words agreeing with it in the nominative, in the number
    they stand in ("участников акции" -> "участники акции", "мирных жителей" -> "мирные жители");
    the words after the head (its genitive dependents) stay as written."""
    out, position, head_seen = [], span[0], False
    # "два мирных жителя": a noun after a numeral stands in the singular, its phrase means many
    number = "plur" if any("plur" in t.tags for t in tokens) else "sing"
    for token in tokens:
        out.append(text[position : token.start])
        word = token.text
        if not head_seen and token.pos in INFLECTED_POS:
            word = inflected(word, token.lemma, number)
            head_seen = token.pos in HEAD_POS
        out.append(word)
        position = token.end
    out.append(text[position : span[1]])
    return "".join(out)


@lru_cache(maxsize=20_000)
def inflected(word: str, lemma: str, number: str) -> str:
    for parse in morph_analyzer().parse(word.lower()):
        if fold_yo(parse.normal_form) != lemma or parse.tag.case is None:
            continue
        form = parse.inflect({"nomn", number}) if parse.tag.POS != "NOUN" or number == "plur" or "Pltm" not in parse.tag else None
        form = form or parse.inflect({"nomn"})
        if form is None:
            continue
        new = form.word if "ё" in word.lower() else fold_yo(form.word)
        return new[:1].upper() + new[1:] if word[:1].isupper() else new
    return word
