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


def cues_opened_in(tokens: list[Token]) -> dict[int, list[int]]:
    """The ids of the cues some token opens (only those can match there), each with the tokens that open it."""
    return cue_set().openings(tokens)


def match_cue(cue: Pattern, tokens: list[Token], opened: dict[int, list[int]] | None = None) -> tuple[int, int] | None:
    """The first match of a cue in the tokens: (first, last) token indices; tried only where it
    opens, when given `cues_opened_in` of the tokens."""
    return PatternSet.first_in(cue, tokens, None if opened is None else opened.get(id(cue), []))
