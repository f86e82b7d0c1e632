"""What a token is to a source phrase: a noun, a modifier, a Latin name, a locative; agreement of subject and verb."""
from __future__ import annotations

import re

from ...annotate.analysis import morph_analyzer
from ...lexicon import fold_yo
from ...model import Token

LOCATIVE_PREPOSITIONS = {"в", "во"}
LOCATIVE_CASES = {"loct", "loc2", "datv"}
NAME_TAGS = {"Name", "Surn", "Patr", "Geox"}


LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z.\-&]*")


def is_latin(word: str) -> bool:
    return "A" <= word[:1] <= "z" and LATIN_WORD.fullmatch(word) is not None


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_noun(token: Token) -> bool:
    return token.pos == "NOUN" or "Abbr" in token.tags or is_latin(token.text)


def agrees(subject: Token, verb: Token, locative: bool) -> bool:
    """Whether a noun can be the speaker of the verb: "гибель подтвердил" cannot; a body
    in the locative only with the impersonal plural ("в комендатуре заявили")."""
    if locative:
        return "plur" in verb.tags
    if "nomn" not in subject.tags or subject.tags & {"Fixd", "Abbr", "ms-f", "GNdr"} or is_latin(subject.text):
        return True
    if "plur" in verb.tags:
        return "plur" in subject.tags
    gender = verb.tags & {"masc", "femn", "neut"}
    return "sing" in subject.tags and (not gender or bool(gender & subject.tags))


def is_modifier(token: Token) -> bool:
    return token.pos in ("ADJF", "PRTF")


def can_be_locative(token: Token) -> bool:
    """ "в администрации": the first parse says genitive, another one of the same word the locative."""
    if token.tags & LOCATIVE_CASES:
        return True
    parses = morph_analyzer().parse(token.text.lower())
    return any(p.tag.case in LOCATIVE_CASES and fold_yo(p.normal_form) == token.lemma for p in parses)
