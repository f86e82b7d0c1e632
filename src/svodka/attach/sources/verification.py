"""Verification remarks: "подтверждений из независимых источников нет", "в МВД опровергли";
sentences that point back to the one before ("эти данные опровергли")."""
from __future__ import annotations

from dataclasses import replace


from ...lexicon import PatternSet
from ...model import Document, Token
from ...resources import shared_resources
from .attribution import VerificationMark
from .cues import cues_opened_in, match_cue
from .speech_words import lexicon


def backward_forms_or_lemmas() -> PatternSet:
    return shared_resources().backward_phrases


def load_backward_forms_or_lemmas() -> PatternSet:
    """The backward phrases with each word matching its written form or a lemma spelled so."""
    return PatternSet([
        replace(p, elements=tuple(replace(e, lemmas=e.lemmas | e.forms) for e in p.elements)) for p in lexicon().backward.patterns
    ])


def points_back(tokens: list[Token]) -> bool:
    """Whether the sentence speaks of what the one before it told: "эти данные опровергли"."""
    phrases = backward_forms_or_lemmas()
    return any(phrases.longest_at(tokens, i) is not None for i in range(len(tokens)))


def find_verification(doc: Document, openings: list[dict[int, list[int]]] | None = None) -> list[VerificationMark]:
    """`openings`: each sentence's `cues_opened_in`, when the caller has them."""
    marks = []
    for index, sentence in enumerate(doc.sentences):
        opened = cues_opened_in(sentence.tokens) if openings is None else openings[index]
        for kind, cue in lexicon().cues:
            hit = id(cue) in opened and match_cue(cue, sentence.tokens, opened)
            if hit:
                marks.append(VerificationMark(kind, (sentence.tokens[hit[0]].start, sentence.tokens[hit[1]].end), index))
                break
    return marks
