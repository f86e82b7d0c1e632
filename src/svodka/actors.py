"""Who takes part: actor words by lemma with ACLED actor categories."""
from __future__ import annotations

from .lexicon import longest_non_overlapping, pattern_set
from .model import Actor, Document, Event


def find_actors(doc: Document, event: Event) -> list[Actor]:
    """The first two distinct actor categories named in the event's sentences."""
    actors: list[Actor] = []
    for index in event.sentences:
        tokens = doc.sentences[index].tokens
        for match in longest_non_overlapping(pattern_set("actors.tsv").find(tokens)):
            category = match.pattern.label
            if any(a.category == category for a in actors):
                continue
            start, end = tokens[match.first].start, tokens[match.last].end
            role = "actor1" if not actors else "actor2"
            actors.append(Actor(role, doc.text[start:end], category, (start, end)))
            if len(actors) == 2:
                return actors
    return actors
