"""Cue patterns of verification and responsibility: words, "stem*" prefixes, "…" gaps."""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ...model import Token
from .speech_words import lexicon, responsibility_lexicon

GAP = "…"
MAX_GAP = 8


def term_matches(term: str, word: str) -> bool:
    word = word.lower().replace("ё", "е")
    if not term.endswith("*"):
        return word == term
    stem = term[:-1]
    if word.startswith(stem):
        return True
    return len(stem) >= 6 and len(word) >= len(stem) - 1 and Levenshtein.distance(word[: len(stem)], stem, score_cutoff=1) <= 1


def match_cue(terms: tuple[str, ...], tokens: list[Token]) -> tuple[int, int] | None:
    """First match of a cue in the tokens: (first, last) token indices."""

    def match_from(t: int, i: int) -> int | None:
        gap = False
        while terms[t] == GAP:
            gap, t = True, t + 1
        for j in range(i, min(len(tokens), i + (MAX_GAP + 1 if gap else 1))):
            if term_matches(terms[t], tokens[j].text):
                if t == len(terms) - 1:
                    return j
                end = match_from(t + 1, j + 1)
                if end is not None:
                    return end
        return None

    for i, token in enumerate(tokens):
        if term_matches(terms[0], token.text):
            end = match_from(1, i + 1) if len(terms) > 1 else i
            if end is not None:
                return i, end
    return None


@lru_cache(maxsize=1)
def cues_by_first_term() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """The cues, of verification and of responsibility, grouped by their first term."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for terms in [terms for _, terms in lexicon().cues] + list(responsibility_lexicon()[0]):
        grouped.setdefault(terms[0], []).append(terms)
    return tuple((first, tuple(cues)) for first, cues in grouped.items())


@lru_cache(maxsize=100_000)
def cues_opening_with(word: str) -> frozenset[tuple[str, ...]]:
    """The cues whose first term the word matches."""
    return frozenset(cue for first, cues in cues_by_first_term() if term_matches(first, word) for cue in cues)


def cues_opened_in(tokens: list[Token]) -> set[tuple[str, ...]]:
    """The cues some word of the tokens opens: only those can match there."""
    return set().union(*(cues_opening_with(t.text) for t in tokens))
