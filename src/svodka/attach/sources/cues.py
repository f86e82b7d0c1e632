"""The cues of verification and of responsibility, as one set of patterns (lexicon.py's notation:
"=подтвержд* ~8 =нет"), and their first match in a sentence."""
from __future__ import annotations

from ...lexicon import Pattern, PatternSet
from ...model import Token
from ...resources import shared_resources
from .speech_words import lexicon, responsibility_lexicon


def cue_set() -> PatternSet:
    return shared_resources().source_cues


def load_cue_set() -> PatternSet:
    """The cues, of verification and of responsibility, indexed by what opens them."""
    return PatternSet([cue for _, cue in lexicon().cues] + list(responsibility_lexicon()[0]))


def cues_opened_in(tokens: list[Token]) -> set[int]:
    """The ids of the cues some token opens: only those can match there."""
    return cue_set().opened_in(tokens)


def match_cue(cue: Pattern, tokens: list[Token]) -> tuple[int, int] | None:
    """The first match of a cue in the tokens: (first, last) token indices."""
    return PatternSet.first_in(cue, tokens)
