"""Verification remarks: "подтверждений из независимых источников нет", "в МВД опровергли";
sentences that point back to the one before ("эти данные опровергли")."""
from __future__ import annotations

from ...model import Document, Token
from .attribution import VerificationMark
from .cues import cues_opened_in, match_cue
from .speech_words import lexicon


def points_back(tokens: list[Token]) -> bool:
    """Whether the sentence speaks of what the one before it told: "эти данные опровергли"."""
    words = [t.text.lower().replace("ё", "е") for t in tokens]
    lemmas = [t.lemma for t in tokens]
    for phrase in lexicon().backward:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if all(words[i + k] == w or lemmas[i + k] == w for k, w in enumerate(phrase)):
                return True
    return False


def find_verification(doc: Document) -> list[VerificationMark]:
    marks = []
    for index, sentence in enumerate(doc.sentences):
        opened = cues_opened_in(sentence.tokens)
        for kind, cue in lexicon().cues:
            hit = id(cue) in opened and match_cue(cue, sentence.tokens)
            if hit:
                marks.append(VerificationMark(kind, (sentence.tokens[hit[0]].start, sentence.tokens[hit[1]].end), index))
                break
    return marks
