"""Who takes part: actor words by lemma with ACLED actor categories."""
from __future__ import annotations

from ..lexicon import longest_non_overlapping, pattern_set
from ..model import Actor, Document, Event


def find_actor_words(doc: Document, index: int) -> list[Actor]:
    """Every actor word of a sentence, in text order, with no role yet."""
    tokens = doc.sentences[index].tokens
    words = []
    for match in longest_non_overlapping(pattern_set("attach/actors.tsv").find(tokens)):
        start, end = tokens[match.first].start, tokens[match.last].end
        words.append(Actor("", doc.text[start:end], match.pattern.label, (start, end)))
    return sorted(words, key=lambda a: a.evidence)


def find_actors(doc: Document, event: Event) -> list[Actor]:
    """The first two distinct actor categories named in the event's sentences."""
    actors: list[Actor] = []
    for index in event.sentences:
        for word in find_actor_words(doc, index):
            if all(a.category != word.category for a in actors):
                word.role = "actor1" if not actors else "actor2"
                actors.append(word)
                if len(actors) == 2:
                    return actors
    return actors
